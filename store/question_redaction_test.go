package store

import (
	"context"
	"strings"
	"testing"
)

// Once public, text leaves an item only by redaction: every public place
// gets the mark, the history's notes included (their append-only trigger
// lets exactly that through), the original stays for officers, and the
// removal is on record.
func TestRedactQuestionRemovesTextFromEveryPublicPlace(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	by := Actor{UserID: officer}
	id := submit(t, s, nil)
	act(t, s, id, Action{Kind: ActAccept, PublicTitle: "Hỏi của bà Hạnh", PublicBody: "Bà Hạnh ở xóm 3 hỏi về sổ đỏ."}, by)
	act(t, s, id, Action{Kind: ActAssign, UnitID: unit}, by)
	act(t, s, id, Action{Kind: ActExtend, Days: 2, Note: "Chờ bà Hạnh bổ sung"}, by)
	act(t, s, id, Action{Kind: ActAnswer, Answer: "<p>Gửi bà Hạnh: đã cấp.</p>"}, by)
	mark := s.PublicChangeMark()

	wantErr(t, "without a reason", func() error { _, err := s.RedactQuestion(ctx, id, "Hạnh", "", officer); return err }(), ErrReasonRequired)
	wantErr(t, "absent text", func() error { _, err := s.RedactQuestion(ctx, id, "Không có", "lý do", officer); return err }(), ErrNothingToRedact)
	n, err := s.RedactQuestion(ctx, id, "Hạnh", "Tên người hỏi không được công khai", officer)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("replaced %d places, want 4 (title, body, answer, extension note)", n)
	}
	if s.PublicChangeMark() == mark {
		t.Error("the redaction did not move the public change mark")
	}
	pub, err := s.PublicQuestion(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	events, _ := s.QuestionEvents(ctx, id, ForPublic)
	all := pub.PublicTitle + pub.PublicBody + pub.Answer
	for _, e := range events {
		all += e.Note
	}
	if strings.Contains(all, "Hạnh") || !strings.Contains(all, RedactionMark) {
		t.Errorf("public text after the redaction: %s", all)
	}
	if q := mustQuestion(t, s, id); q.Body == "" || !q.Redacted {
		t.Errorf("the original was lost or the item is not marked: %+v", q)
	}
	rs, err := s.QuestionRedactions(ctx, id)
	if err != nil || len(rs) != 1 || rs[0].Places != 4 {
		t.Errorf("redactions %+v, %v", rs, err)
	}
	// Outside a redaction the history stays append-only.
	if _, err := s.w.ExecContext(ctx, "UPDATE question_events SET note = 'x' WHERE question_id = ?", id); err == nil {
		t.Error("an event's note was changed outside a redaction")
	}
	// An item whose text never became public is not redacted this way.
	wantErr(t, "untriaged item", func() error {
		_, err := s.RedactQuestion(ctx, submit(t, s, nil), "Hỏi về", "x", officer)
		return err
	}(), ErrNotPublished)
}
