package store

import (
	"context"
	"testing"
	"time"

	"minhbach/portal/workdays"
)

// The ask form asks QuestionReceived before it stores a file: it must see
// what SubmitQuestion would refuse as already received, and stop seeing it
// once the window has passed.
func TestQuestionReceivedMatchesSubmitQuestion(t *testing.T) {
	s, clock := newTestStore(t)
	s.SetCalendar(workdays.Default(2023, 2030))
	ctx := context.Background()
	nq := NewQuestion{CodeHash: "h1", Kind: "question", Topic: "khac", Channel: ChannelWeb,
		Title: "Đường thôn Đông", Body: "Khi nào sửa?", DupKey: "key-1"}
	for _, key := range []string{"key-1", ""} {
		if got, err := s.QuestionReceived(ctx, key); err != nil || got {
			t.Fatalf("before: QuestionReceived(%q) = %v, %v", key, got, err)
		}
	}
	if _, err := s.SubmitQuestion(ctx, nq, 0); err != nil {
		t.Fatal(err)
	}
	if got, err := s.QuestionReceived(ctx, "key-1"); err != nil || !got {
		t.Fatalf("after: QuestionReceived = %v, %v", got, err)
	}
	if got, _ := s.QuestionReceived(ctx, ""); got {
		t.Fatal("an empty key matched")
	}
	nq.CodeHash = "h2"
	if _, err := s.SubmitQuestion(ctx, nq, 0); err != ErrAlreadyReceived {
		t.Fatalf("resubmission: %v", err)
	}
	clock.Advance(DuplicateWindow + time.Hour)
	if got, _ := s.QuestionReceived(ctx, "key-1"); got {
		t.Fatal("still received after the window")
	}
	if _, err := s.SubmitQuestion(ctx, nq, 0); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}
