package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A question about a plan: only a published, public disclosure can be
// chosen; the plan's list shows its listed questions only, paged by key;
// what a question is about never changes.
func TestQuestionAbout(t *testing.T) {
	s, _, officer, unit := newQuestionStore(t)
	ctx := context.Background()
	mk := func(category string, publish bool) int64 {
		id, err := s.CreateDisclosure(ctx, DisclosureInput{Category: category, Title: "Phương án bồi thường " + category,
			Body: "<p>x</p>", UnitID: unit, PostingFrom: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)}, officer)
		if err != nil {
			t.Fatal(err)
		}
		if publish {
			if err := s.PublishDisclosure(ctx, id, officer); err != nil {
				t.Fatal(err)
			}
		}
		return id
	}
	plan := mk("boi-thuong-tai-dinh-cu", true)
	draft := mk("boi-thuong-tai-dinh-cu", false)
	internal := mk("noi-bo-ke-hoach", true)
	withdrawn := mk("boi-thuong-tai-dinh-cu", true)
	if err := s.WithdrawDisclosure(ctx, withdrawn, "Thay bằng phương án mới", officer); err != nil {
		t.Fatal(err)
	}
	for name, id := range map[string]int64{"draft": draft, "internal": internal, "withdrawn": withdrawn, "missing": 999} {
		_, err := s.SubmitQuestion(ctx, NewQuestion{CodeHash: "c-" + name, Kind: "question", Topic: "dat-dai", Channel: ChannelWeb,
			Title: "Hỏi", Body: "Hỏi về phương án", AboutID: id}, 0)
		if !errors.Is(err, ErrAboutNotPublic) {
			t.Errorf("question about a %s item: err = %v, want ErrAboutNotPublic", name, err)
		}
	}
	if n, _ := s.CountQuestions(ctx, QuestionFilter{}); n != 0 {
		t.Fatalf("%d questions saved by refused submissions", n)
	}

	var ids []int64
	for i := 0; i < 5; i++ {
		ids = append(ids, submit(t, s, func(nq *NewQuestion) { nq.AboutID = plan }))
	}
	other := submit(t, s, nil)
	for _, id := range append(ids[:4:4], other) {
		act(t, s, id, accept("Hỏi về phương án bồi thường"), Actor{UserID: officer})
	}
	if got, err := s.QuestionAbout(ctx, ids[0]); err != nil || got != plan {
		t.Errorf("QuestionAbout = %d, %v; want %d", got, err, plan)
	}
	if got, err := s.QuestionAbout(ctx, other); err != nil || got != 0 {
		t.Errorf("QuestionAbout(unrelated) = %d, %v; want 0", got, err)
	}
	f := QuestionFilter{Public: true, AboutID: plan, Limit: 3}
	if n, err := s.CountQuestions(ctx, f); err != nil || n != 4 {
		t.Errorf("CountQuestions = %d, %v; want the 4 accepted ones", n, err)
	}
	page1, err := s.Questions(ctx, f)
	if err != nil || len(page1) != 3 {
		t.Fatalf("first page: %d, %v", len(page1), err)
	}
	f.Older = QuestionCursor(page1[2])
	page2, err := s.Questions(ctx, f)
	if err != nil || len(page2) != 1 {
		t.Fatalf("second page: %d, %v", len(page2), err)
	}
	seen := map[int64]bool{}
	for _, q := range append(page1, page2...) {
		if seen[q.ID] || q.ID == ids[4] || q.ID == other {
			t.Errorf("question %d listed wrongly (twice, not accepted, or not about the plan)", q.ID)
		}
		seen[q.ID] = true
	}
	if _, err := s.w.ExecContext(ctx, "UPDATE questions SET about_disclosure_id = ? WHERE id = ?", draft, ids[0]); err == nil {
		t.Error("what a question is about was changed")
	}
}
