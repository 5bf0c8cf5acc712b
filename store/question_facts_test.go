package store

import (
	"context"
	"testing"
	"time"
)

// QuestionFacts reads each item as indicators.QuestionFact documents it:
// the first answer judges a reopened item, an open item past its due date
// is overdue now; a rejected item (in no indicator) and items answered
// before the period and closed are left out.
func TestQuestionFactsFollowTheirDocumentedMeaning(t *testing.T) {
	ctx := context.Background()
	s, c, officer, unit := newQuestionStore(t)
	by := Actor{UserID: officer}
	asker := Actor{Resident: true}

	// Received Monday 2 November, answered a day late on 20 November
	// with an apology, reopened, answered again, rated 4.
	late := submit(t, s, nil)
	act(t, s, late, accept("Xin hỏi thủ tục?"), by)
	act(t, s, late, Action{Kind: ActAssign, UnitID: unit, AssigneeID: officer}, by)
	rejected := submit(t, s, nil)
	act(t, s, rejected, Action{Kind: ActReject, Ground: RejectOther, Note: "Không phải câu hỏi"}, by)
	open := submit(t, s, nil)
	c.t = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	act(t, s, late, Action{Kind: ActAnswer, Answer: "<p>Trả lời</p>", Apology: "Xin lỗi vì trả lời chậm."}, by)
	act(t, s, late, Action{Kind: ActReopen, Note: "Chưa rõ"}, asker)
	c.t = time.Date(2026, 11, 24, 3, 0, 0, 0, time.UTC)
	act(t, s, late, Action{Kind: ActAnswer, Answer: "<p>Bổ sung</p>"}, by)
	act(t, s, late, Action{Kind: ActRate, Rating: 4}, asker)

	facts, err := s.QuestionFacts(ctx, day(2026, 11, 1), day(2026, 11, 30))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]int{}
	for i, f := range facts {
		byID[f.ID] = i
	}
	if _, ok := byID[rejected]; ok || len(facts) != 2 {
		t.Fatalf("%d facts, want the answered and the open item", len(facts))
	}
	f := facts[byID[late]]
	if !f.Public || !f.Accepted || !f.Published || f.Protected || !f.Apology || f.Rating != 4 ||
		!f.Received.Equal(day(2026, 11, 2)) || !f.FirstAnswered.Equal(day(2026, 11, 20)) || !f.FirstDue.Equal(day(2026, 11, 16)) ||
		f.Taken != 14 || f.OverdueNow || f.Unit != "Văn phòng HĐND-UBND xã" || f.Topic != "dat-dai" {
		t.Errorf("answered late and reopened: %+v", f)
	}
	if f := facts[byID[open]]; f.Public || f.Accepted || !f.OverdueNow {
		t.Errorf("left untriaged past its due date: %+v", f)
	}

	// December: only the open item, overdue whenever received.
	facts, err = s.QuestionFacts(ctx, day(2026, 12, 1), day(2026, 12, 31))
	if err != nil || len(facts) != 1 || facts[0].ID != open {
		t.Errorf("December: %+v, %v", facts, err)
	}
}
