package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"minhbach/portal/rules"
)

// TestOfficerQuestionsListLikeQuestions: for every filter, page by page in
// both directions, OfficerQuestions lists exactly what Questions lists,
// protected and not-yet-triaged items included.
func TestOfficerQuestionsListLikeQuestions(t *testing.T) {
	s, c, officer, unit := newQuestionStore(t)
	ctx := context.Background()
	states := []string{QReceived, QAccepted, QAssigned, QWaiting, QAnswered, QClosed, QRejected, QForwarded, QDismissed}
	for i := 0; i < 60; i++ {
		c.Advance(time.Minute)
		id := itemIn(t, s, officer, unit, states[i%len(states)])
		if i%4 == 0 {
			act(t, s, id, Action{Kind: ActProtect, ProtectAs: rules.KindComplaint}, Actor{UserID: officer})
		}
	}
	filters := []QuestionFilter{{}, {State: QAnswered}, {State: QRejected}, {State: QReceived}, {Kind: rules.KindComplaint},
		{UnitID: unit}, {State: QAnswered, Topic: "dat-dai"}, {Kind: rules.KindQuestion, State: QDismissed}}
	for _, f := range filters {
		f.Limit = 4
		name := fmt.Sprintf("%+v", f)
		var want, got []int64
		// Forwards to the end, then backwards from there.
		var last Question
		for page := 0; ; page++ {
			a, err := s.Questions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			b, err := s.OfficerQuestions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range a {
				want = append(want, q.ID)
			}
			for _, q := range b {
				got = append(got, q.ID)
			}
			if len(a) == 0 {
				break
			}
			last = a[len(a)-1]
			f.Older = QuestionCursor(last)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s forwards: got %v, want %v", name, got, want)
		}
		if len(want) == 0 {
			continue
		}
		f.Older, f.Newer = Cursor{}, QuestionCursor(last)
		a, _ := s.Questions(ctx, f)
		b, _ := s.OfficerQuestions(ctx, f)
		if fmt.Sprint(ids(a)) != fmt.Sprint(ids(b)) {
			t.Errorf("%s backwards: got %v, want %v", name, ids(b), ids(a))
		}
	}
}

func ids(qs []Question) []int64 {
	var out []int64
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

// TestOfficerQuestionsWalkTheirIndexes: each part of the query walks an
// index in order; only the page's rows are sorted, never the table.
func TestOfficerQuestionsWalkTheirIndexes(t *testing.T) {
	s, _ := newTestStore(t)
	for _, f := range []QuestionFilter{
		{State: QAnswered, Limit: 31},
		{State: QRejected, Older: Cursor{time.Now(), 9}, Limit: 31},
		{State: QClosed, Newer: Cursor{time.Now(), 9}, Limit: 31},
		{Limit: 31},
	} {
		q, args, _ := f.officerQuery()
		plan := queryPlan(t, s, q, args...)
		if strings.Contains(plan, "SCAN q\n") || strings.Contains(plan, "SCAN questions\n") {
			t.Errorf("%+v scans the table:\n%s", f, plan)
		}
		if strings.Count(plan, "TEMP B-TREE") > 1 {
			t.Errorf("%+v: a part sorts its rows instead of walking an index:\n%s", f, plan)
		}
		if strings.Count(plan, "USING INDEX questions_listed") < 2 {
			t.Errorf("%+v: a part does not walk the listed index:\n%s", f, plan)
		}
	}
}
