package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"minhbach/portal/workdays"
)

// TestPublicQuestionReadsUseIndexes: the public lists, the feeds of
// answers, the on-time share and the protected outcomes walk an index
// instead of scanning or sorting every item. `WHERE q.listed` alone (a
// truth test of a generated column) is not indexable, and a limit given
// as a parameter hides from the planner that few rows are wanted.
func TestPublicQuestionReadsUseIndexes(t *testing.T) {
	s, _ := newTestStore(t)
	cursor := Cursor{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 7}
	type read struct {
		name  string
		query string
		args  []any
		want  string // the plan's step over the items
	}
	var reads []read
	for _, f := range []QuestionFilter{
		{Public: true, Limit: 21},
		{Public: true, Limit: 21, Older: cursor},
		{Public: true, Limit: 21, Newer: cursor},
		{Public: true, Topic: "dat-dai", Limit: 21, Older: cursor},
		{Public: true, State: QAnswered, Limit: 21},
		{Public: true, VillageID: 1, Limit: 21},
	} {
		q, args, _ := f.listQuery()
		reads = append(reads, read{fmt.Sprintf("list %+v", f), q, args, "SEARCH q USING INDEX questions_listed"})
	}
	for _, topic := range []string{"", "dat-dai"} {
		q, args := answeredQuery(topic, 50)
		reads = append(reads, read{"answered " + topic, q, args, "SCAN q USING INDEX questions_first_answer"})
	}
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	reads = append(reads, read{"on time", onTimeQuery, onTimeArgs(day, day.AddDate(0, 11, 30)),
		"SEARCH questions USING INDEX questions_first_answer (first_answered_at>? AND first_answered_at<?)"})
	for _, r := range reads {
		rows, err := s.r.Query("EXPLAIN QUERY PLAN "+r.query, r.args...)
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		p := strings.Join(plan, "\n")
		if strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, r.want) {
			t.Errorf("%s: plan\n%s", r.name, p)
		}
	}
}

// TestOnTimeBetweenCountsVietnamDates: the share of first answers on time
// counts an answer by its date in Vietnam (UTC+7): 23:59 on 31 December
// belongs to the old year, 00:00 on 1 January to the new one.
func TestOnTimeBetweenCountsVietnamDates(t *testing.T) {
	s, clock := newTestStore(t)
	s.SetCalendar(workdays.Default(2023, 2030))
	ctx := context.Background()
	off := mustUser(t, s, "canbo")
	answerAt := func(at time.Time, n int) int64 {
		id, err := s.SubmitQuestion(ctx, NewQuestion{CodeHash: fmt.Sprint("code-", at, n), Kind: "question", Topic: "khac",
			Channel: ChannelPhone, Title: "T", Body: "B", ReceivedOn: time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)}, off)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []Action{{Kind: ActAccept, PublicTitle: "T", PublicBody: "B"}, {Kind: ActAnswer, Answer: "<p>A</p>", Apology: "Xin lỗi"}} {
			clock.mu.Lock()
			clock.t = at
			clock.mu.Unlock()
			if err := s.Act(ctx, id, a, Actor{UserID: off}); err != nil {
				t.Fatal(err)
			}
		}
		return id
	}
	vn := time.FixedZone("ICT", 7*3600)
	answerAt(time.Date(2025, 12, 31, 23, 59, 0, 0, vn), 1)
	answerAt(time.Date(2026, 1, 1, 0, 0, 0, 0, vn), 2)
	answerAt(time.Date(2026, 1, 2, 23, 59, 0, 0, vn), 3)
	answerAt(time.Date(2026, 1, 3, 0, 1, 0, 0, vn), 4)
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		from, to time.Time
		want     int
	}{
		{d(2025, 1, 1), d(2025, 12, 31), 1},
		{d(2026, 1, 1), d(2026, 12, 31), 3},
		{d(2026, 1, 1), d(2026, 1, 2), 2},
		{d(2026, 1, 3), d(2026, 1, 3), 1},
	} {
		got, err := s.OnTimeBetween(ctx, c.from, c.to)
		if err != nil {
			t.Fatal(err)
		}
		if got.Answered != c.want {
			t.Errorf("%s..%s: %d answered, want %d", c.from.Format("2006-01-02"), c.to.Format("2006-01-02"), got.Answered, c.want)
		}
	}
	// The answers came due on 6 January 2026 (10 working days after 22
	// December): all on time.
	if got, _ := s.OnTimeBetween(ctx, d(2025, 1, 1), d(2026, 12, 31)); got.OnTime != 4 {
		t.Errorf("on time %d of %d, want 4", got.OnTime, got.Answered)
	}
}
