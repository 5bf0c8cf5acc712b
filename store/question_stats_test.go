package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/rules"
)

// vn is a time in Vietnam (UTC+7).
func vn(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h-7, 0, 0, 0, time.UTC)
}

// randomHistories makes n items received from December 2025 to October
// 2026 (Tết 2026 fell on 17 February) with what the commune did with
// them: rejected, forwarded, accepted and assigned, paused, extended,
// answered on time or late, reopened and answered again (late, with or
// without an apology), rated, protected; some are left open. The same
// seed gives the same items.
func randomHistories(seed uint64, n int, officer int64, units []int64) []HistoryQuestion {
	r := rand.New(rand.NewPCG(seed, 7))
	kinds := []string{rules.KindQuestion, rules.KindQuestion, rules.KindFeedback, rules.KindInfoRequest, rules.KindComplaint, rules.KindDenunciation}
	topics := []string{"dat-dai", "xay-dung", "moi-truong"}
	by := Actor{UserID: officer}
	asker := Actor{Resident: true}
	start := vn(2025, time.December, 1, 9)
	var out []HistoryQuestion
	for i := range n {
		received := start.Add(time.Duration(r.IntN(330*24)) * time.Hour)
		if i%10 == 0 { // a cluster just before Tết: due dates fall in the holiday
			received = vn(2026, time.February, 9+r.IntN(5), 10)
		}
		kind := kinds[r.IntN(len(kinds))]
		hq := HistoryQuestion{
			NewQuestion: NewQuestion{
				CodeHash: fmt.Sprintf("stats-%d-%d", seed, i), Kind: kind, Topic: topics[r.IntN(len(topics))],
				Channel: ChannelWeb, Title: fmt.Sprintf("Câu hỏi số %d", i), Body: "Xin hỏi thủ tục ra sao?",
			},
			ReceivedAt: received,
		}
		at := received
		step := func(hours int, a Action, who Actor) {
			at = at.Add(time.Duration(hours) * time.Hour)
			hq.Steps = append(hq.Steps, HistoryStep{At: at, Action: a, By: who})
		}
		answer := func(apology bool) {
			a := Action{Kind: ActAnswer, Answer: "<p>Trả lời.</p>"}
			if apology {
				a.Apology = "Xin lỗi vì trả lời chậm."
			}
			// 2 to 40 days: some on time, some late.
			step(24*(2+r.IntN(38)), a, by)
		}
		switch x := r.IntN(20); {
		case x == 0:
			step(5, Action{Kind: ActReject, Ground: RejectSpam, Note: "Không đủ căn cứ."}, by)
		case x == 1:
			step(5, Action{Kind: ActForward, Note: "Chuyển UBND huyện"}, by)
		case x == 2:
			// left received: overdue if long ago
		case x == 3: // taken up, then sent on or closed without action
			step(3, Action{Kind: ActAccept, PublicTitle: fmt.Sprintf("Câu hỏi số %d", i), PublicBody: "Xin hỏi thủ tục?"}, by)
			if r.IntN(2) == 0 {
				step(24, Action{Kind: ActForward, Note: "Chuyển UBND huyện"}, by)
			} else {
				step(24, Action{Kind: ActDismiss, Note: "Người gửi đã rút."}, by)
			}
		default:
			step(3+r.IntN(48), Action{Kind: ActAccept, PublicTitle: fmt.Sprintf("Câu hỏi số %d", i), PublicBody: "Xin hỏi thủ tục?"}, by)
			if r.IntN(4) > 0 {
				step(2, Action{Kind: ActAssign, UnitID: units[r.IntN(len(units))], AssigneeID: officer}, by)
			}
			if r.IntN(6) == 0 {
				step(24, Action{Kind: ActRequestInfo, Note: "Xin bổ sung."}, by)
				step(24*(1+r.IntN(5)), Action{Kind: ActProvideInfo, Note: "Đã bổ sung."}, asker)
			}
			if r.IntN(8) == 0 {
				step(5, Action{Kind: ActExtend, Days: 1 + r.IntN(5), Note: "Cần xác minh."}, by)
			}
			if r.IntN(7) == 0 {
				break // left open
			}
			answer(true) // a late first answer needs its apology
			if r.IntN(3) == 0 {
				step(30, Action{Kind: ActRate, Rating: 1 + r.IntN(5)}, asker)
			}
			if r.IntN(5) == 0 {
				step(48, Action{Kind: ActReopen, Note: "Chưa rõ."}, asker)
				if r.IntN(4) > 0 {
					answer(r.IntN(2) == 0) // a later late answer may come without one
					if r.IntN(2) == 0 {
						step(10, Action{Kind: ActRate, Rating: 1 + r.IntN(5)}, asker)
					}
				}
			}
			if r.IntN(15) == 0 && !rules.Protected(kind) {
				step(1, Action{Kind: ActProtect, ProtectAs: rules.KindComplaint}, by)
			}
		}
		out = append(out, hq)
	}
	return out
}

// statsStore is a store with three units and an officer, its clock on
// Monday 2 November 2026.
func statsStore(t *testing.T) (*Store, *testClock, int64, []int64) {
	s, c, officer, unit := newQuestionStore(t)
	units := []int64{unit}
	for _, name := range []string{"Địa chính - Xây dựng", "Văn hóa - Xã hội"} {
		u, err := s.AddUnit(context.Background(), name, 0)
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, u)
	}
	return s, c, officer, units
}

type statsPeriod struct {
	name string
	p    indicators.Period
}

func statsPeriods() []statsPeriod {
	var ps []statsPeriod
	for m := time.December; m <= time.December+11; m++ {
		from := time.Date(2025, m, 1, 0, 0, 0, 0, time.UTC)
		ps = append(ps, statsPeriod{from.Format("2006-01"), indicators.Period{From: from, To: from.AddDate(0, 1, -1)}})
	}
	return append(ps,
		statsPeriod{"Q1 2026", indicators.Period{From: day(2026, 1, 1), To: day(2026, 3, 31)}},
		statsPeriod{"2026", indicators.Period{From: day(2026, 1, 1), To: day(2026, 12, 31)}},
		statsPeriod{"2025", indicators.Period{From: day(2025, 1, 1), To: day(2025, 12, 31)}},
	)
}

// sameValue compares what a kept figure gives (no Items) with the pure
// function's value.
func sameValue(got, want indicators.Value) bool {
	want.Items = nil
	return got.Num == want.Num && got.Den == want.Den && got.Value == want.Value && got.NoData == want.NoData && got.Hidden == want.Hidden
}

func sameStats(got, want indicators.Stats) bool {
	return sameValue(got.Received, want.Received) && sameValue(got.Answered, want.Answered) &&
		sameValue(got.OnTime, want.OnTime) && sameValue(got.OverdueNow, want.OverdueNow) &&
		sameValue(got.Median, want.Median) && sameValue(got.P90, want.P90) && sameValue(got.Satisfied, want.Satisfied)
}

// checkStatsMatchFacts compares every question indicator and every group's
// statistics from the kept figures with the pure functions over the items.
func checkStatsMatchFacts(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	today := civilDate(s.now())
	for _, sp := range statsPeriods() {
		facts, err := s.QuestionFacts(ctx, sp.p.From, sp.p.To)
		if err != nil {
			t.Fatal(err)
		}
		total, err := s.QuestionStats(ctx, sp.p.From, sp.p.To, StatsTotal)
		if err != nil {
			t.Fatal(err)
		}
		var c indicators.QuestionCounts
		if len(total) > 1 {
			t.Fatalf("%s: %d groups in the total", sp.name, len(total))
		}
		if len(total) == 1 {
			c = total[0].Counts
		}
		keys := 0
		for _, d := range indicators.Catalog {
			got, ok := c.Of(d.Key)
			if !ok {
				continue
			}
			keys++
			if want := d.Compute(indicators.Facts{Questions: facts}, sp.p); !sameValue(got, want) {
				t.Errorf("%s %s: kept %+v, from the items %+v", sp.name, d.Key, got, want)
			}
		}
		if keys != 7 {
			t.Errorf("%d question indicators from the kept figures, want 7", keys)
		}
		for _, by := range []string{StatsByUnit, StatsByTopic} {
			both, err := s.ResponseStats(ctx, sp.p.From, sp.p.To, today, by)
			if err != nil {
				t.Fatal(err)
			}
			groups := both[0]
			field := func(q indicators.QuestionFact) string { return q.Unit }
			if by == StatsByTopic {
				field = func(q indicators.QuestionFact) string { return q.Topic }
			}
			want := map[string]indicators.Stats{}
			for _, st := range indicators.StatsBy(facts, sp.p, field) {
				want[st.Group] = st
			}
			for _, g := range groups {
				got := g.Counts.Stats()
				w, ok := want[got.Group]
				if !ok {
					w = indicators.QuestionCounts{Group: got.Group}.Stats()
				}
				if !sameStats(got, w) {
					t.Errorf("%s by %s, group %q:\nkept %+v\nitems %+v", sp.name, by, got.Group, got, w)
				}
				delete(want, got.Group)
			}
			for g, w := range want {
				if !sameStats(indicators.QuestionCounts{Group: g}.Stats(), w) {
					t.Errorf("%s by %s: group %q missing from the kept figures: %+v", sp.name, by, g, w)
				}
			}
		}
	}
}

// The kept statistics give exactly what the indicators compute from the
// items, for months, a quarter and years, after every kind of change.
func TestQuestionStatsEqualTheIndicatorsOverTheItems(t *testing.T) {
	ctx := context.Background()
	s, _, officer, units := statsStore(t)
	ids, err := s.LoadQuestions(ctx, randomHistories(1, 400, officer, units))
	if err != nil {
		t.Fatal(err)
	}
	checkStatsMatchFacts(t, s)

	// Later changes through other paths: a new unit, a redaction of the
	// public copy, a protection, a topic changed in place, a rating.
	by := Actor{UserID: officer}
	changed := map[string]int{}
	for i, id := range ids {
		q := mustQuestion(t, s, id)
		switch {
		case i%9 == 0 && Allowed(q.State, ActAssign):
			act(t, s, id, Action{Kind: ActAssign, UnitID: units[(i/9)%len(units)]}, by)
			changed["unit"]++
		case i%11 == 0 && q.TextPublic():
			if _, err := s.RedactQuestion(ctx, id, "Câu hỏi", "Lộ thông tin", officer); err != nil {
				t.Fatalf("redact %d: %v", id, err)
			}
			changed["redaction"]++
		case i%13 == 0 && !q.Protected:
			act(t, s, id, Action{Kind: ActProtect, ProtectAs: rules.KindDenunciation}, by)
			changed["protect"]++
		case i%7 == 0:
			if _, err := s.w.ExecContext(ctx, "UPDATE questions SET topic = 'giao-thong' WHERE id = ?", id); err != nil {
				t.Fatal(err)
			}
			changed["topic"]++
		case i%5 == 0 && Allowed(q.State, ActRate):
			act(t, s, id, Action{Kind: ActRate, Rating: 1 + i%5}, Actor{Resident: true})
			changed["rating"]++
		}
	}
	for _, k := range []string{"unit", "redaction", "protect", "topic", "rating"} {
		if changed[k] == 0 {
			t.Fatalf("no %s changed: %v", k, changed)
		}
	}
	checkStatsMatchFacts(t, s)
	// The figures cover what the test meant to cover.
	var late, lateBare, reopened, overdue, hidden int
	for _, q := range mustFacts(t, s) {
		if !q.FirstAnswered.IsZero() && q.FirstAnswered.After(q.FirstDue) {
			late++
			if !q.Apology {
				lateBare++
			}
		}
		if q.OverdueNow {
			overdue++
		}
		if !q.Public {
			hidden++
		}
	}
	reopened = mustCount(t, s, "SELECT COUNT(*) FROM questions WHERE reopen_count > 0 AND first_answered_at <> ''")
	if late == 0 || lateBare == 0 || reopened == 0 || overdue == 0 || hidden == 0 {
		t.Errorf("the data lacks a case: %d late, %d late without apology, %d reopened, %d overdue, %d hidden",
			late, lateBare, reopened, overdue, hidden)
	}
}

func mustFacts(t *testing.T, s *Store) []indicators.QuestionFact {
	t.Helper()
	fs, err := s.QuestionFacts(context.Background(), day(2020, 1, 1), day(2030, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// keptRows are the rows of the kept statistics that count something.
func keptRows(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT month, unit_id, topic, received, received_hidden, accepted, published, answered, answered_hidden,
			on_time, late, late_hidden, late_apology, rated, rated_hidden, rating_sum, rated_high
		FROM question_month_stats WHERE received <> 0 OR answered <> 0 ORDER BY 1, 2, 3`,
		`SELECT month, unit_id, '', days, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
		FROM question_unit_days WHERE n <> 0 ORDER BY 1, 2, 3, 4`,
		`SELECT month, -1, topic, days, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
		FROM question_topic_days WHERE n <> 0 ORDER BY 1, 2, 3, 4`,
		`SELECT 'open', unit_id, topic, n, hidden, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
		FROM question_open_counts WHERE n <> 0 ORDER BY 1, 2, 3`,
	} {
		rows, err := s.r.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var month, topic string
			var v [15]int
			args := []any{&month, &v[0], &topic}
			for i := 1; i < len(v); i++ {
				args = append(args, &v[i])
			}
			if err := rows.Scan(args...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(month, topic, v))
		}
		rows.Close()
	}
	return out
}

// A database upgraded from schema 12 gets the same statistics (counted by
// the migration, days filled in Go) as one that kept them all along, and
// the filling is done once.
func TestUpgradedQuestionStatsEqualTheKeptOnes(t *testing.T) {
	ctx := context.Background()
	kept, _, officer, units := statsStore(t)
	if _, err := kept.LoadQuestions(ctx, randomHistories(2, 300, officer, units)); err != nil {
		t.Fatal(err)
	}

	old, _ := openTestStore(t)
	if _, err := old.MigrateTo(ctx, QuestionStatsSchema-1); err != nil {
		t.Fatal(err)
	}
	old.SetCalendar(testCalendar)
	old.SetClock(kept.now)
	for _, u := range []string{"Văn phòng HĐND-UBND xã", "Địa chính - Xây dựng", "Văn hóa - Xã hội"} {
		if _, err := old.AddUnit(ctx, u, 0); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.CreateUser(ctx, NewUser{Login: "vanthu", Name: "Nguyễn Văn Thư", UnitID: units[0], Role: RoleOfficer, PasswordHash: "h"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := old.LoadQuestions(ctx, randomHistories(2, 300, officer, units)); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	n, err := old.FillAnswerDays(ctx)
	if err != nil {
		t.Fatal(err)
	}
	answered := mustCount(t, old, "SELECT COUNT(*) FROM questions WHERE first_answered_at <> ''")
	if n != answered || n == 0 {
		t.Fatalf("filled %d items, %d answered", n, answered)
	}
	if again, err := old.FillAnswerDays(ctx); err != nil || again != 0 {
		t.Fatalf("second fill: %d, %v", again, err)
	}
	want, got := keptRows(t, kept), keptRows(t, old)
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("row %d: upgraded %s, kept %s", i, g, w)
			}
		}
	}
	checkStatsMatchFacts(t, old)
}

// The public list of the items behind each figure lists exactly the public
// items the indicator counted, and its kept count agrees.
func TestListsBehindTheFiguresAreTheCountedItems(t *testing.T) {
	ctx := context.Background()
	s, _, officer, units := statsStore(t)
	if _, err := s.LoadQuestions(ctx, randomHistories(3, 300, officer, units)); err != nil {
		t.Fatal(err)
	}
	p := indicators.Period{From: day(2026, 1, 1), To: day(2026, 6, 30)}
	facts, err := s.QuestionFacts(ctx, p.From, p.To)
	if err != nil {
		t.Fatal(err)
	}
	unitName := map[int64]string{}
	groups, err := s.QuestionStats(ctx, p.From, p.To, StatsByUnit)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		unitName[g.UnitID] = g.Counts.Group
	}
	stats := map[string]indicators.Stats{}
	for _, st := range indicators.StatsBy(facts, p, func(q indicators.QuestionFact) string { return q.Unit }) {
		stats[st.Group] = st
	}
	checked := 0
	for unit, name := range unitName {
		if unit == 0 {
			continue // "no unit" is not a filter of the list
		}
		st := stats[name]
		for _, c := range []struct {
			f    QuestionFilter
			want indicators.Value
		}{
			{QuestionFilter{Counted: CountedReceived}, st.Received},
			{QuestionFilter{Counted: CountedAnswered}, st.Answered},
			{QuestionFilter{Counted: CountedAnswered, Timely: TimelyOnTime}, onlyMet(facts, st.OnTime, func(q indicators.QuestionFact) bool { return !q.FirstAnswered.After(q.FirstDue) })},
			{QuestionFilter{Counted: CountedAnswered, Rated: true}, st.Satisfied},
		} {
			f := c.f
			f.Public, f.UnitID, f.From, f.To, f.Limit = true, unit, p.From, p.To, 1000
			qs, err := s.Questions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, q := range qs {
				got = append(got, q.ID)
			}
			want := slices.Clone(c.want.Items)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("unit %s, %+v: listed %v, counted %v", name, c.f, got, want)
			}
			// Page by page, three at a time, by the date counted.
			var paged []int64
			pf := f
			pf.Limit = 3
			for {
				page, err := s.Questions(ctx, pf)
				if err != nil {
					t.Fatal(err)
				}
				for i, q := range page {
					paged = append(paged, q.ID)
					if i > 0 && pf.Cursor(q).Updated.After(pf.Cursor(page[i-1]).Updated) {
						t.Errorf("unit %s, %+v: not newest first", name, c.f)
					}
				}
				if len(page) < pf.Limit {
					break
				}
				pf.Older = pf.Cursor(page[len(page)-1])
			}
			slices.Sort(paged)
			if !slices.Equal(paged, want) {
				t.Errorf("unit %s, %+v: paged %v, counted %v", name, c.f, paged, want)
			}
			n, err := s.CountQuestions(ctx, f)
			if err != nil || n != len(want) {
				t.Errorf("unit %s, %+v: kept count %d (%v), want %d", name, c.f, n, err, len(want))
			}
			checked += len(want)
		}
	}
	if checked == 0 {
		t.Fatal("no item listed")
	}
}

// onlyMet keeps the items of v that meet the condition.
func onlyMet(facts []indicators.QuestionFact, v indicators.Value, met func(indicators.QuestionFact) bool) indicators.Value {
	byID := map[int64]indicators.QuestionFact{}
	for _, q := range facts {
		byID[q.ID] = q
	}
	var out indicators.Value
	for _, id := range v.Items {
		if met(byID[id]) {
			out.Items = append(out.Items, id)
		}
	}
	return out
}

// Rows written in their final state keep the statistics as transitions do.
func TestFinalQuestionsKeepTheStatistics(t *testing.T) {
	ctx := context.Background()
	s, _, _, units := statsStore(t)
	q := func(code, kind, state string, received time.Time, unit int64, answered time.Time, days int, rating int) FinalQuestion {
		f := FinalQuestion{NewQuestion: NewQuestion{CodeHash: code, Kind: kind, Topic: "dat-dai", Channel: ChannelWeb,
			Title: "Câu " + code, Body: "Nội dung"}, ReceivedAt: received, State: state, ClockStart: civilDate(received),
			TriageDays: 3, ReplyDays: 10, DueOn: civilDate(received).AddDate(0, 0, 14), UnitID: unit,
			FirstAnsweredAt: answered, FirstAnswerDays: days, Satisfaction: rating}
		if state != QReceived && state != QRejected && !rules.Protected(kind) {
			f.PublicTitle, f.PublicBody = f.Title, f.Body
		}
		if !answered.IsZero() {
			f.FirstDueOn, f.Answer = f.DueOn, "<p>Trả lời.</p>"
			if civilDate(answered).After(f.DueOn) {
				f.Apology = "Xin lỗi."
			}
		}
		return f
	}
	err := s.LoadFinalQuestions(ctx, []FinalQuestion{
		q("f1", rules.KindQuestion, QClosed, vn(2026, 3, 2, 9), units[0], vn(2026, 3, 5, 9), 3, 5),
		q("f2", rules.KindQuestion, QAnswered, vn(2026, 3, 2, 9), units[0], vn(2026, 3, 30, 9), 20, 0),
		q("f3", rules.KindComplaint, QAnswered, vn(2026, 3, 3, 9), units[1], vn(2026, 3, 13, 9), 10, 2),
		q("f4", rules.KindQuestion, QRejected, vn(2026, 4, 3, 9), 0, time.Time{}, 0, 0),
		q("f5", rules.KindFeedback, QAssigned, vn(2026, 4, 3, 9), units[1], time.Time{}, 0, 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	checkStatsMatchFacts(t, s)
	g, err := s.QuestionStats(ctx, day(2026, 1, 1), day(2026, 12, 31), StatsTotal)
	if err != nil || len(g) != 1 {
		t.Fatalf("%v %v", g, err)
	}
	c := g[0].Counts
	if c.Received != 5 || c.Answered != 3 || c.OnTime != 2 || c.Late != 1 || c.LateApology != 1 || c.Rated != 2 || c.ReceivedHidden != 2 {
		t.Errorf("kept figures %+v", c)
	}
}

// QuestionCounts gives every question indicator's value for whole months
// from the kept figures, the same as the indicators computed from the
// items.
func TestQuestionCounts(t *testing.T) {
	ctx := context.Background()
	s, _, officer, units := statsStore(t)
	if _, err := s.LoadQuestions(ctx, randomHistories(4, 200, officer, units)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []indicators.Period{
		{From: day(2026, 1, 1), To: day(2026, 12, 31)},
		{From: day(2026, 2, 1), To: day(2026, 2, 28)},
		{From: day(2026, 2, 1), To: day(2026, 3, 31)},
	} {
		facts, err := s.QuestionFacts(ctx, p.From, p.To)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.QuestionCounts(ctx, p.From, p.To)
		if err != nil {
			t.Fatal(err)
		}
		questions := 0
		for _, d := range indicators.Catalog {
			got, ok := c.Of(d.Key)
			if !ok {
				continue
			}
			questions++
			if want := d.Compute(indicators.Facts{Questions: facts}, p); !sameValue(got, want) || got.Items != nil {
				t.Errorf("%v %s: %+v, from the items %+v", p, d.Key, got, want)
			}
		}
		if questions != 7 {
			t.Errorf("%d question indicators in the catalogue, want 7", questions)
		}
	}
}
