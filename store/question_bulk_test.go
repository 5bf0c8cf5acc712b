package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"minhbach/portal/rules"
)

// Loaded items end as the same steps taken one by one would leave them,
// with the steps' own times.
func TestLoadQuestionsTakesTheSameSteps(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	by := Actor{UserID: officer}
	received := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC) // Monday 2 March, 9:00 in Vietnam
	var items []HistoryQuestion
	for i := 0; i < 50; i++ {
		it := HistoryQuestion{
			NewQuestion: NewQuestion{CodeHash: fmt.Sprintf("bulk-%d", i), Kind: rules.KindQuestion, Topic: "dat-dai",
				Channel: ChannelWeb, Title: "Hỏi", Body: "Nội dung", Contact: "0900000000"},
			ReceivedAt: received,
		}
		if i%2 == 0 {
			it.Steps = []HistoryStep{
				{At: received.Add(time.Hour), Action: accept("Nội dung"), By: by},
				{At: received.Add(2 * time.Hour), Action: Action{Kind: ActAssign, UnitID: unit}, By: by},
				{At: received.Add(20 * 24 * time.Hour), Action: Action{Kind: ActAnswer, Answer: "<p>Trả lời</p>", Apology: "Xin lỗi"}, By: by},
			}
		}
		items = append(items, it)
	}
	items = append(items, HistoryQuestion{NewQuestion: NewQuestion{CodeHash: "bad", Kind: rules.KindQuestion, Topic: "khac",
		Channel: ChannelWeb, Title: "t", Body: "b"}, ReceivedAt: received,
		Steps: []HistoryStep{{At: received, Action: Action{Kind: ActConfirm}, By: Actor{Resident: true}}}})
	if _, err := s.LoadQuestions(ctx, items); err == nil {
		t.Fatal("a forbidden step was loaded")
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM questions"); n != 0 {
		t.Fatalf("a failed load left %d items", n)
	}
	ids, err := s.LoadQuestions(ctx, items[:50])
	if err != nil {
		t.Fatal(err)
	}
	q := mustQuestion(t, s, ids[0])
	if q.State != QAnswered || !q.DueOn.Equal(day(2026, 3, 16)) || q.AnsweredOnTime() || !q.AnsweredAt.Equal(received.Add(20*24*time.Hour)) {
		t.Errorf("loaded item: state %s, due %s, on time %v, answered %s", q.State, q.DueOn, q.AnsweredOnTime(), q.AnsweredAt)
	}
	events, err := s.QuestionEvents(ctx, ids[0], ForOfficer)
	if err != nil || len(events) != 4 || !events[3].At.Equal(received.Add(20*24*time.Hour)) {
		t.Errorf("events %+v, %v", events, err)
	}
	if n, _ := s.CountQuestions(ctx, QuestionFilter{Public: true}); n != 25 {
		t.Errorf("kept count of listed items %d, want 25", n)
	}
}
