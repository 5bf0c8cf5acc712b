package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// mustDraftForComment publishes an item of CommentCategory and returns its id.
func mustDraftForComment(t *testing.T, s *Store, userID int64, category string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := s.CreateDisclosure(ctx, DisclosureInput{Category: category, Title: "Dự thảo quy chế dân chủ thôn",
		Body: "<p>Nội dung dự thảo</p>", PostingFrom: day(2025, 9, 1)}, userID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, id, userID); err != nil {
		t.Fatal(err)
	}
	return id
}

func comment(id int64, body string) NewComment {
	return NewComment{DisclosureID: id, Body: body, AuthorName: "Trần Thị Bình", Contact: "0912 345 678",
		DupKey: fmt.Sprintf("%x", body)}
}

// The test clock is 1 September 2025; the window runs 1–15 September.
func TestCommentWindowAndAdd(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	u := mustUser(t, s, "canbo")
	id := mustDraftForComment(t, s, u, CommentCategory)
	other := mustDraftForComment(t, s, u, "thong-bao")

	if _, err := s.AddComment(ctx, comment(id, "trước khi mở")); err == nil {
		t.Fatal("comment accepted without a window")
	} else {
		wantErr(t, "no window", err, ErrNotForComment)
	}
	wantErr(t, "window on another category", s.SetCommentWindow(ctx, other, day(2025, 9, 1), day(2025, 9, 15), u), ErrNotForComment)
	wantErr(t, "window closing before it opens", s.SetCommentWindow(ctx, id, day(2025, 9, 15), day(2025, 9, 1), u), ErrBadWindow)
	wantErr(t, "window of a missing item", s.SetCommentWindow(ctx, 9999, day(2025, 9, 1), day(2025, 9, 15), u), ErrNotFound)

	// An upcoming window takes nothing.
	if err := s.SetCommentWindow(ctx, id, day(2025, 9, 2), day(2025, 9, 15), u); err != nil {
		t.Fatal(err)
	}
	_, err := s.AddComment(ctx, comment(id, "sớm một ngày"))
	wantErr(t, "upcoming window", err, ErrCommentsClosed)

	if err := s.SetCommentWindow(ctx, id, day(2025, 9, 1), day(2025, 9, 15), u); err != nil {
		t.Fatal(err)
	}
	w, err := s.CommentWindow(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !w.OpensOn.Equal(day(2025, 9, 1)) || !w.ClosesOn.Equal(day(2025, 9, 15)) || w.StateOn(day(2025, 9, 1)) != WindowOpen {
		t.Fatalf("window %+v", w)
	}
	mark := s.PublicChangeMark()
	cid, err := s.AddComment(ctx, comment(id, "Đề nghị bổ sung quy định về họp thôn."))
	if err != nil {
		t.Fatal(err)
	}
	if s.PublicChangeMark() != mark {
		t.Error("a pending comment moved the public change mark")
	}
	_, err = s.AddComment(ctx, comment(id, "Đề nghị bổ sung quy định về họp thôn."))
	wantErr(t, "identical resubmission", err, ErrDuplicateComment)
	_, err = s.AddComment(ctx, comment(other, "tin thường"))
	wantErr(t, "comment on another category", err, ErrNotForComment)
	_, err = s.AddComment(ctx, comment(9999, "tin không có"))
	wantErr(t, "comment on a missing item", err, ErrNotFound)

	// The last day of the window counts, in Vietnam's time: 15 September
	// 23:30 there is 16:30 UTC.
	clock.Advance(day(2025, 9, 15).Add(16*time.Hour + 30*time.Minute).Sub(clock.Now()))
	if _, err := s.AddComment(ctx, comment(id, "phút chót")); err != nil {
		t.Fatalf("last evening: %v", err)
	}
	clock.Advance(time.Hour) // 16 September 00:30 in Vietnam
	_, err = s.AddComment(ctx, comment(id, "quá hạn"))
	wantErr(t, "after the window", err, ErrCommentsClosed)

	if n := mustCount(t, s, "SELECT COUNT(*) FROM comments WHERE disclosure_id = ?", id); n != 2 {
		t.Errorf("%d comments saved, want 2 (refusals save nothing)", n)
	}
	w, _ = s.CommentWindow(ctx, id)
	if w.Pending != 2 || w.Accepted != 0 {
		t.Errorf("counts pending %d accepted %d, want 2 and 0", w.Pending, w.Accepted)
	}
	acts := auditActions(t, s)
	if acts[len(acts)-1] != "comments.window" {
		t.Errorf("window change not audited: %v", acts)
	}
	if list, _ := s.OfficerComments(ctx, id, CommentPending, 0, 10); len(list) != 2 || list[0].ID != cid {
		t.Errorf("pending queue %+v", list)
	}
}

func TestCommentOnWithdrawnOrDraftItem(t *testing.T) {
	s, _ := newTestStore(t)
	ctx := context.Background()
	u := mustUser(t, s, "canbo")
	id := mustDraftForComment(t, s, u, CommentCategory)
	if err := s.SetCommentWindow(ctx, id, day(2025, 9, 1), day(2025, 9, 30), u); err != nil {
		t.Fatal(err)
	}
	draft, err := s.CreateDisclosure(ctx, DisclosureInput{Category: CommentCategory, Title: "Bản nháp"}, u)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetCommentWindow(ctx, draft, day(2025, 9, 1), day(2025, 9, 30), u); err != nil {
		t.Fatalf("a draft may get its window before publication: %v", err)
	}
	_, err = s.AddComment(ctx, comment(draft, "bản nháp"))
	wantErr(t, "comment on an unpublished draft", err, ErrNotFound)

	if err := s.WithdrawDisclosure(ctx, id, "Dừng lấy ý kiến", u); err != nil {
		t.Fatal(err)
	}
	_, err = s.AddComment(ctx, comment(id, "sau khi rút"))
	wantErr(t, "comment on a withdrawn item", err, ErrCommentsClosed)
	wantErr(t, "window of a withdrawn item", s.SetCommentWindow(ctx, id, day(2025, 9, 1), day(2025, 10, 30), u), ErrWithdrawn)
}

func TestModerationAndSynthesis(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	u := mustUser(t, s, "canbo")
	id := mustDraftForComment(t, s, u, CommentCategory)
	if err := s.SetCommentWindow(ctx, id, day(2025, 9, 1), day(2025, 9, 10), u); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i, body := range []string{"Ý kiến một", "Ý kiến hai", "Ý kiến ba", "Quảng cáo"} {
		c := comment(id, body)
		c.NamePublic = i == 0
		cid, err := s.AddComment(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cid)
	}
	mark := s.PublicChangeMark()
	if list, _ := s.PublicComments(ctx, id, 0, 10); len(list) != 0 {
		t.Fatalf("pending comments are public: %v", list)
	}

	// Moderation: pending → accepted or rejected, once.
	wantErr(t, "reject without reason", s.ModerateComment(ctx, id, ids[3], false, " ", u), ErrRejectReason)
	wantErr(t, "comment of another item", s.ModerateComment(ctx, id+1, ids[0], true, "", u), ErrNotFound)
	for _, cid := range ids[:3] {
		if err := s.ModerateComment(ctx, id, cid, true, "", u); err != nil {
			t.Fatal(err)
		}
	}
	if s.PublicChangeMark() == mark {
		t.Error("accepting a comment did not move the public change mark")
	}
	mark = s.PublicChangeMark()
	if err := s.ModerateComment(ctx, id, ids[3], false, "Quảng cáo, không liên quan dự thảo", u); err != nil {
		t.Fatal(err)
	}
	if s.PublicChangeMark() != mark {
		t.Error("rejecting a pending comment moved the public change mark")
	}
	wantErr(t, "accept twice", s.ModerateComment(ctx, id, ids[0], true, "", u), ErrCommentModerated)
	wantErr(t, "reject an accepted one", s.ModerateComment(ctx, id, ids[0], false, "đổi ý", u), ErrCommentModerated)
	wantErr(t, "accept a rejected one", s.ModerateComment(ctx, id, ids[3], true, "", u), ErrCommentModerated)

	list, err := s.PublicComments(ctx, id, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("%d public comments, want 3", len(list))
	}
	for i, c := range list {
		if c.Contact != "" || c.Reason != "" {
			t.Errorf("public comment %d carries private data: %+v", c.ID, c)
		}
		if (c.AuthorName != "") != (i == 0) {
			t.Errorf("comment %d: name %q shown with name_public %v", c.ID, c.AuthorName, c.NamePublic)
		}
	}
	// Paging by key.
	page2, err := s.PublicComments(ctx, id, list[1].ID, 10)
	if err != nil || len(page2) != 1 || page2[0].ID != list[2].ID {
		t.Fatalf("second page %v %v", page2, err)
	}
	rejected, err := s.OfficerComments(ctx, id, CommentRejected, 0, 10)
	if err != nil || len(rejected) != 1 || rejected[0].Contact != "0912 345 678" || rejected[0].Reason == "" {
		t.Fatalf("officers' rejected list %+v %v", rejected, err)
	}

	// The synthesis.
	wantErr(t, "decision on a rejected comment", s.SetCommentDecision(ctx, id, ids[3], DecisionTaken, "x", u), ErrCommentNotAccepted)
	if err := s.SetCommentDecision(ctx, id, ids[0], DecisionTaken, "Đã bổ sung Điều 5.", u); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCommentDecision(ctx, id, ids[1], DecisionPartly, "Bổ sung một phần.", u); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCommentDecision(ctx, id, ids[0], "maybe", "", u); err == nil {
		t.Error("unknown decision accepted")
	}
	mark = s.PublicChangeMark()
	if l, _ := s.PublicComments(ctx, id, 0, 10); l[0].Decision != "" {
		t.Error("a decision is public before the synthesis is")
	}
	wantErr(t, "publish before the window closed", s.PublishSynthesis(ctx, id, u), ErrWindowNotClosed)
	clock.Advance(10 * 24 * time.Hour) // 11 September
	wantErr(t, "publish with a comment undecided", s.PublishSynthesis(ctx, id, u), ErrSynthesisIncomplete)
	if err := s.SetCommentDecision(ctx, id, ids[2], DecisionNotTaken, "Trái quy định của Luật.", u); err != nil {
		t.Fatal(err)
	}
	if s.PublicChangeMark() != mark {
		t.Error("an unpublished decision moved the public change mark")
	}
	if err := s.PublishSynthesis(ctx, id, u); err != nil {
		t.Fatal(err)
	}
	if s.PublicChangeMark() == mark {
		t.Error("publishing the synthesis did not move the public change mark")
	}
	w, _ := s.CommentWindow(ctx, id)
	if !w.Published() || w.Accepted != 3 || w.Pending != 0 {
		t.Errorf("window after publication %+v", w)
	}
	list, _ = s.PublicComments(ctx, id, 0, 10)
	if list[0].Decision != DecisionTaken || list[2].Explanation != "Trái quy định của Luật." {
		t.Errorf("published synthesis %+v", list)
	}

	// Fixed from now on, in the store and in the database itself.
	wantErr(t, "publish twice", s.PublishSynthesis(ctx, id, u), ErrSynthesisPublished)
	wantErr(t, "decision after publication", s.SetCommentDecision(ctx, id, ids[0], DecisionNotTaken, "x", u), ErrSynthesisPublished)
	wantErr(t, "window after publication", s.SetCommentWindow(ctx, id, day(2025, 9, 1), day(2025, 12, 1), u), ErrSynthesisPublished)
	for _, q := range []string{
		"UPDATE comments SET decision = 'not_taken' WHERE id = ?",
		"UPDATE comment_windows SET closes_on = '2025-12-31' WHERE disclosure_id = ?",
		"DELETE FROM comments WHERE id = ?",
		"UPDATE comments SET contact = '' WHERE id = ?",
	} {
		arg := ids[0]
		if _, err := s.w.ExecContext(ctx, q, arg); err == nil {
			t.Errorf("%s: the database allowed it", q)
		}
	}
	var wantActions = []string{"comment.accept", "comment.reject", "comment.decision", "comments.synthesis"}
	got := map[string]bool{}
	for _, a := range auditActions(t, s) {
		got[a] = true
	}
	for _, a := range wantActions {
		if !got[a] {
			t.Errorf("action %s not audited", a)
		}
	}
}

// Before publication too, the database refuses what the store refuses:
// changing a moderated comment's state, editing what was received.
func TestCommentTriggers(t *testing.T) {
	s, _ := newTestStore(t)
	ctx := context.Background()
	u := mustUser(t, s, "canbo")
	id := mustDraftForComment(t, s, u, CommentCategory)
	if err := s.SetCommentWindow(ctx, id, day(2025, 9, 1), day(2025, 9, 10), u); err != nil {
		t.Fatal(err)
	}
	cid, err := s.AddComment(ctx, comment(id, "Ý kiến"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ModerateComment(ctx, id, cid, true, "", u); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE comments SET state = 'rejected' WHERE id = ?",
		"UPDATE comments SET body = 'đã sửa' WHERE id = ?",
		"DELETE FROM comments WHERE id = ?",
	} {
		if _, err := s.w.ExecContext(ctx, q, cid); err == nil {
			t.Errorf("%s: the database allowed it", q)
		}
	}
	// A comment needs a window.
	if _, err := s.w.ExecContext(ctx, `INSERT INTO comments(disclosure_id, received_at, dup_key, body)
		VALUES (?, '2025-09-01', 'k', 'x')`, id+100); err == nil {
		t.Error("a comment without a window was saved")
	}
}
