package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"minhbach/portal/rules"
	"minhbach/portal/workdays"
)

var testCalendar = workdays.Default(2023, 2030)

// newQuestionStore is a migrated store with a calendar, its clock at
// Monday 2 November 2026, 15:00 in Vietnam, an officer in a unit.
func newQuestionStore(t *testing.T) (*Store, *testClock, int64, int64) {
	t.Helper()
	s, c := newTestStore(t)
	s.SetCalendar(testCalendar)
	c.t = time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	ctx := context.Background()
	unit, err := s.AddUnit(ctx, "Văn phòng HĐND-UBND xã", 0)
	if err != nil {
		t.Fatal(err)
	}
	officer, err := s.CreateUser(ctx, NewUser{Login: "vanthu", Name: "Nguyễn Văn Thư", Title: "Công chức Văn phòng - Thống kê",
		UnitID: unit, Role: RoleOfficer, PasswordHash: "h"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return s, c, officer, unit
}

var codeSeq int

func submit(t *testing.T, s *Store, mod func(*NewQuestion)) int64 {
	t.Helper()
	codeSeq++
	nq := NewQuestion{
		CodeHash: fmt.Sprintf("hash-%d", codeSeq), Kind: rules.KindQuestion, Topic: "dat-dai", Channel: ChannelWeb,
		Title: "Hỏi về cấp giấy chứng nhận", Body: "Nhà tôi ở thôn Đông, số điện thoại 0912 345 678. Xin hỏi thủ tục?",
		AskerName: "Trần Thị Hỏi", Contact: "0912345678",
	}
	if mod != nil {
		mod(&nq)
	}
	id, err := s.SubmitQuestion(context.Background(), nq, 0)
	if err != nil {
		t.Fatalf("SubmitQuestion: %v", err)
	}
	return id
}

func act(t *testing.T, s *Store, id int64, a Action, by Actor) {
	t.Helper()
	if err := s.Act(context.Background(), id, a, by); err != nil {
		t.Fatalf("Act(%s): %v", a.Kind, err)
	}
}

func mustQuestion(t *testing.T, s *Store, id int64) Question {
	t.Helper()
	q, err := s.Question(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func accept(pub string) Action {
	return Action{Kind: ActAccept, PublicTitle: "Hỏi về cấp giấy chứng nhận", PublicBody: pub}
}

// The whole life of a question: received, accepted with personal data
// removed, assigned, paused for a clarification, extended, answered late
// with an apology, reopened, answered again, confirmed and rated.
func TestQuestionLifecycle(t *testing.T) {
	ctx := context.Background()
	s, c, officer, unit := newQuestionStore(t)
	by := Actor{UserID: officer}
	asker := Actor{Resident: true}
	id := submit(t, s, nil)

	q := mustQuestion(t, s, id)
	if q.State != QReceived || !q.ReceivedOn.Equal(day(2026, 11, 2)) || !q.DueOn.Equal(day(2026, 11, 16)) {
		t.Fatalf("received: state %s, received %s, due %s", q.State, q.ReceivedOn, q.DueOn)
	}
	if _, err := s.PublicQuestion(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an untriaged item is public: %v", err)
	}

	act(t, s, id, accept("Nhà tôi ở thôn Đông, số điện thoại [đã che]. Xin hỏi thủ tục?"), by)
	pub, err := s.PublicQuestion(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !pub.Redacted || strings.Contains(pub.PublicBody, "0912") || pub.Contact != "" || pub.Body != "" || pub.AskerName != "" {
		t.Fatalf("public copy leaks: %+v", pub)
	}

	act(t, s, id, Action{Kind: ActAssign, UnitID: unit, AssigneeID: officer}, by)
	c.Advance(2 * 24 * time.Hour) // Wednesday 4 November
	act(t, s, id, Action{Kind: ActRequestInfo, Note: "Xin cho biết số thửa đất."}, by)
	if mustQuestion(t, s, id).State != QWaiting {
		t.Fatal("not waiting after a request for information")
	}
	c.Advance(24 * time.Hour) // Thursday 5 November: one working day paused
	if err := s.Act(ctx, id, Action{Kind: ActProvideInfo, Note: "Thửa số 12"}, by); err != nil {
		t.Fatalf("an officer records the answer given by phone: %v", err)
	}
	q = mustQuestion(t, s, id)
	if q.State != QAssigned || q.Paused != 1 || !q.DueOn.Equal(day(2026, 11, 17)) {
		t.Fatalf("after the pause: state %s, paused %d, due %s", q.State, q.Paused, q.DueOn)
	}
	act(t, s, id, Action{Kind: ActExtend, Days: 2, Note: "Cần xác minh thực địa"}, by)
	wantErr(t, "second extension", s.Act(ctx, id, Action{Kind: ActExtend, Days: 1, Note: "x"}, by), ErrExtensionUsed)
	if q = mustQuestion(t, s, id); !q.DueOn.Equal(day(2026, 11, 19)) {
		t.Fatalf("extended due %s, want 19/11", q.DueOn)
	}

	c.t = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC) // Friday 20 November: one day late
	wantErr(t, "late answer without apology", s.Act(ctx, id, Action{Kind: ActAnswer, Answer: "<p>Trả lời</p>"}, by), ErrApologyRequired)
	act(t, s, id, Action{Kind: ActAnswer, Answer: "<p>Trả lời</p>", Apology: "Xin lỗi ông bà vì trả lời chậm."}, by)
	q = mustQuestion(t, s, id)
	if q.State != QAnswered || q.AnsweredOnTime() || !q.FirstDueOn.Equal(day(2026, 11, 19)) || q.AnswerUnit != "Văn phòng HĐND-UBND xã" {
		t.Fatalf("answered: %+v", q)
	}
	if got := q.Clock().Taken(testCalendar, day(2026, 11, 20)); got != 13 {
		t.Errorf("working days taken = %d, want 13 (14 less 1 paused)", got)
	}

	wantErr(t, "officer confirms for the asker", s.Act(ctx, id, Action{Kind: ActConfirm}, by), ErrTransition)
	act(t, s, id, Action{Kind: ActReopen, Note: "Chưa rõ lệ phí"}, asker)
	q = mustQuestion(t, s, id)
	if q.State != QAssigned || q.ReopenCount != 1 || !q.DueOn.Equal(day(2026, 12, 7)) {
		t.Fatalf("reopened: state %s, count %d, due %s", q.State, q.ReopenCount, q.DueOn)
	}
	act(t, s, id, Action{Kind: ActAnswer, Answer: "<p>Lệ phí 100.000 đồng</p>"}, by)
	q = mustQuestion(t, s, id)
	if !q.FirstDueOn.Equal(day(2026, 11, 19)) || q.Apology == "" {
		t.Fatalf("a later answer changed the first answer's judgement: %+v", q)
	}
	act(t, s, id, Action{Kind: ActRate, Rating: 4}, asker)
	act(t, s, id, Action{Kind: ActConfirm}, asker)
	wantErr(t, "rating 6", s.Act(ctx, id, Action{Kind: ActRate, Rating: 6}, asker), ErrInvalid)
	if q = mustQuestion(t, s, id); q.State != QClosed || q.Satisfaction != 4 {
		t.Fatalf("closed: %s, satisfaction %d", q.State, q.Satisfaction)
	}

	events, err := s.QuestionEvents(ctx, id, ForPublic)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range events {
		actions = append(actions, e.Action)
		if e.UserName != "" || (e.Action == "info_requested" && e.Note != "") || (e.Action == "info_provided" && e.Note != "") {
			t.Errorf("public event leaks: %+v", e)
		}
	}
	want := []string{"received", "accepted", "assigned", "info_requested", "info_provided", "extended", "answered",
		"reopened", "answered", "rated", "confirmed"}
	if !slices.Equal(actions, want) {
		t.Errorf("public history %v, want %v", actions, want)
	}
	asked, _ := s.QuestionEvents(ctx, id, ForAsker)
	if asked[3].Note != "Xin cho biết số thửa đất." {
		t.Errorf("the asker does not see the request: %+v", asked[3])
	}

	got, err := s.OnTimeBetween(ctx, day(2026, 1, 1), day(2026, 12, 31))
	if err != nil || got != (OnTime{Answered: 1, OnTime: 0}) {
		t.Errorf("OnTimeBetween = %+v, %v", got, err)
	}
}

// itemIn makes an item in the given state.
func itemIn(t *testing.T, s *Store, officer, unit int64, state string) int64 {
	t.Helper()
	by := Actor{UserID: officer}
	id := submit(t, s, nil)
	steps := map[string][]Action{
		QReceived:  nil,
		QAccepted:  {accept("x")},
		QAssigned:  {accept("x"), {Kind: ActAssign, UnitID: unit}},
		QWaiting:   {accept("x"), {Kind: ActRequestInfo, Note: "?"}},
		QAnswered:  {accept("x"), {Kind: ActAnswer, Answer: "a"}},
		QClosed:    {accept("x"), {Kind: ActAnswer, Answer: "a"}, {Kind: ActConfirm}},
		QRejected:  {{Kind: ActReject, Ground: RejectSpam}},
		QForwarded: {{Kind: ActForward, Note: "UBND tỉnh"}},
		QDismissed: {{Kind: ActDismiss, Note: "Người hỏi rút"}},
	}[state]
	for _, a := range steps {
		actor := by
		if residentActions[a.Kind] {
			actor = Actor{Resident: true}
		}
		act(t, s, id, a, actor)
	}
	if got := mustQuestion(t, s, id).State; got != state {
		t.Fatalf("itemIn(%s) made %s", state, got)
	}
	return id
}

// Every action in every state: the allowed ones succeed with valid input,
// the others are refused by the store whatever the page shows.
func TestEveryActionInEveryState(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	original := itemIn(t, s, officer, unit, QAccepted)
	att := mustAttachment(t, s, "anh.pdf", "%PDF-1.4 x", officer)
	states := []string{QReceived, QAccepted, QAssigned, QWaiting, QAnswered, QClosed, QRejected, QForwarded, QDismissed}
	valid := map[string]Action{
		ActAccept:      accept("x"),
		ActReject:      {Kind: ActReject, Ground: RejectDuplicate, DuplicateOf: original},
		ActForward:     {Kind: ActForward, Note: "Chi cục Thuế"},
		ActAssign:      {Kind: ActAssign, UnitID: unit, AssigneeID: officer},
		ActNote:        {Kind: ActNote, Note: "ghi chú"},
		ActRequestInfo: {Kind: ActRequestInfo, Note: "?"},
		ActProvideInfo: {Kind: ActProvideInfo, Note: "!"},
		ActExtend:      {Kind: ActExtend, Days: 3, Note: "xác minh"},
		ActSaveDraft:   {Kind: ActSaveDraft, Answer: "nháp"},
		ActAnswer:      {Kind: ActAnswer, Answer: "trả lời"},
		ActDismiss:     {Kind: ActDismiss, Note: "trùng"},
		ActProtect:     {Kind: ActProtect, ProtectAs: rules.KindComplaint},
		ActReopen:      {Kind: ActReopen, Note: "chưa rõ"},
		ActConfirm:     {Kind: ActConfirm},
		ActRate:        {Kind: ActRate, Rating: 5},
		ActPublishFile: {Kind: ActPublishFile},
	}
	for _, state := range states {
		for kind, a := range valid {
			t.Run(state+"/"+kind, func(t *testing.T) {
				id := itemIn(t, s, officer, unit, state)
				if kind == ActPublishFile {
					if _, err := s.w.ExecContext(ctx, "INSERT INTO question_files(question_id, attachment_id, from_asker, position) VALUES (?, ?, 1, 0)", id, att.ID); err != nil {
						t.Fatal(err)
					}
					a.AttachmentID = att.ID
				}
				by := Actor{UserID: officer}
				if residentActions[kind] {
					by = Actor{Resident: true}
				}
				before := mustCount(t, s, "SELECT COUNT(*) FROM question_events WHERE question_id = ?", id)
				err := s.Act(ctx, id, a, by)
				after := mustCount(t, s, "SELECT COUNT(*) FROM question_events WHERE question_id = ?", id)
				if Allowed(state, kind) {
					if err != nil {
						t.Fatalf("allowed action refused: %v", err)
					}
					if kind != ActSaveDraft && after != before+1 {
						t.Errorf("events %d → %d: every step is an event", before, after)
					}
					return
				}
				wantErr(t, "forbidden action", err, ErrTransition)
				if after != before {
					t.Errorf("a refused action left an event")
				}
			})
		}
	}
}

func TestActorsMayOnlyTakeTheirOwnActions(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	id := itemIn(t, s, officer, unit, QAnswered)
	wantErr(t, "resident accepts", s.Act(ctx, itemIn(t, s, officer, unit, QReceived), accept("x"), Actor{Resident: true}), ErrTransition)
	wantErr(t, "officer reopens", s.Act(ctx, id, Action{Kind: ActReopen, Note: "x"}, Actor{UserID: officer}), ErrTransition)
	wantErr(t, "officer rates", s.Act(ctx, id, Action{Kind: ActRate, Rating: 1}, Actor{UserID: officer}), ErrTransition)
	if err := s.Act(ctx, id, Action{Kind: ActConfirm}, Actor{}); err == nil {
		t.Error("an action without an actor succeeded")
	}
}

func TestReopenAtMostTwice(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	id := itemIn(t, s, officer, unit, QAnswered)
	asker, by := Actor{Resident: true}, Actor{UserID: officer}
	for i := 0; i < rules.MaxReopens; i++ {
		act(t, s, id, Action{Kind: ActReopen, Note: "chưa rõ"}, asker)
		act(t, s, id, Action{Kind: ActAnswer, Answer: "lần nữa"}, by)
	}
	wantErr(t, "third reopening", s.Act(ctx, id, Action{Kind: ActReopen, Note: "x"}, asker), ErrTooManyReopens)
	wantErr(t, "reopen without reason", s.Act(ctx, itemIn(t, s, officer, unit, QAnswered), Action{Kind: ActReopen}, asker), ErrReasonRequired)
}

func TestRejectionKeepsTheTextPrivate(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	by := Actor{UserID: officer}
	id := submit(t, s, nil)
	wantErr(t, "duplicate of an unlisted item", s.Act(ctx, id, Action{Kind: ActReject, Ground: RejectDuplicate, DuplicateOf: submit(t, s, nil)}, by), ErrDuplicateOriginal)
	wantErr(t, "duplicate of itself", s.Act(ctx, id, Action{Kind: ActReject, Ground: RejectDuplicate, DuplicateOf: id}, by), ErrDuplicateOriginal)
	wantErr(t, "other without a note", s.Act(ctx, id, Action{Kind: ActReject, Ground: RejectOther}, by), ErrReasonRequired)
	original := itemIn(t, s, officer, unit, QAnswered)
	act(t, s, id, Action{Kind: ActReject, Ground: RejectDuplicate, DuplicateOf: original}, by)
	pub, err := s.PublicQuestion(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if pub.PublicTitle != "" || pub.PublicBody != "" || pub.TextPublic() || pub.DuplicateOf != original || pub.Reason != RejectDuplicate {
		t.Errorf("rejected public copy: %+v", pub)
	}
}

// Moving an item into the protected class withdraws everything public
// about it, once and for all.
func TestProtectionIsOneWay(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	by := Actor{UserID: officer}
	id := itemIn(t, s, officer, unit, QAnswered)
	mark := s.PublicChangeMark()
	act(t, s, id, Action{Kind: ActProtect, ProtectAs: rules.KindDenunciation}, by)
	if s.PublicChangeMark() == mark {
		t.Error("protection did not move the public change mark: cached copies would stay")
	}
	if _, err := s.PublicQuestion(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("a protected item is public: %v", err)
	}
	wantErr(t, "protect twice", s.Act(ctx, id, Action{Kind: ActProtect, ProtectAs: rules.KindComplaint}, by), ErrProtectedForever)
	if _, err := s.w.ExecContext(ctx, "UPDATE questions SET protected = 0 WHERE id = ?", id); err == nil {
		t.Error("the database let a protected item out of the class")
	}
	wantErr(t, "protect as a question", s.Act(ctx, itemIn(t, s, officer, unit, QAccepted), Action{Kind: ActProtect, ProtectAs: rules.KindQuestion}, by), ErrInvalid)
	counts, err := s.ProtectedCounts(ctx)
	if err != nil || len(counts) != 1 || counts[0] != (ProtectedCount{rules.KindDenunciation, QAnswered, 1}) {
		t.Errorf("protected counts %+v, %v", counts, err)
	}
	if pub := mustQuestion(t, s, id).Public(); pub.PublicBody != "" || pub.Answer != "" || pub.Topic != "" {
		t.Errorf("protected public copy: %+v", pub)
	}
}

func TestComplaintClockStartsAtAcceptance(t *testing.T) {
	s, c, officer, _ := newQuestionStore(t)
	id := submit(t, s, func(nq *NewQuestion) { nq.Kind = rules.KindComplaint; nq.NamePublic = true })
	q := mustQuestion(t, s, id)
	if !q.Protected || q.NamePublic || !q.DueOn.Equal(day(2026, 11, 11)) {
		t.Fatalf("received complaint: protected %v, name public %v, triage due %s", q.Protected, q.NamePublic, q.DueOn)
	}
	c.Advance(3 * 24 * time.Hour) // Thursday 5 November
	act(t, s, id, Action{Kind: ActAccept}, Actor{UserID: officer})
	// 30 calendar days from 5 November: Saturday 5 December → Monday 7.
	if q = mustQuestion(t, s, id); !q.DueOn.Equal(day(2026, 12, 7)) || q.PublicTitle != "" {
		t.Fatalf("accepted complaint: due %s, public title %q", q.DueOn, q.PublicTitle)
	}
}

func TestOfflineItemStartsTheClockOnTheDayReceived(t *testing.T) {
	s, _, officer, _ := newQuestionStore(t)
	nq := NewQuestion{CodeHash: "offline", Kind: rules.KindFeedback, Topic: "moi-truong", Channel: ChannelPhone,
		Title: "Rác thải", Body: "Bãi rác gần trường", ReceivedOn: day(2026, 10, 26)}
	id, err := s.SubmitQuestion(context.Background(), nq, officer)
	if err != nil {
		t.Fatal(err)
	}
	q := mustQuestion(t, s, id)
	if !q.ReceivedOn.Equal(day(2026, 10, 26)) || !q.DueOn.Equal(day(2026, 11, 9)) || q.CreatedBy != officer {
		t.Errorf("offline item: received %s, due %s, by %d", q.ReceivedOn, q.DueOn, q.CreatedBy)
	}
	if got := auditActions(t, s); !slices.Contains(got, "question.record") {
		t.Errorf("recording is not audited: %v", got)
	}
}

func TestIdenticalResubmissionIsRecognised(t *testing.T) {
	ctx := context.Background()
	s, c, _, _ := newQuestionStore(t)
	submit(t, s, func(nq *NewQuestion) { nq.DupKey = "k1" })
	_, err := s.SubmitQuestion(ctx, NewQuestion{CodeHash: "other", Kind: rules.KindQuestion, Topic: "khac", Channel: ChannelWeb,
		Title: "t", Body: "b", DupKey: "k1"}, 0)
	wantErr(t, "resubmission", err, ErrAlreadyReceived)
	if n := mustCount(t, s, "SELECT COUNT(*) FROM questions"); n != 1 {
		t.Errorf("%d items saved, want 1", n)
	}
	c.Advance(DuplicateWindow + time.Hour)
	submit(t, s, func(nq *NewQuestion) { nq.DupKey = "k1" })
}

func TestKeptCountsFollowEveryChange(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	v, err := s.AddVillage(ctx, "Thôn Đông", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []string{QReceived, QAccepted, QAssigned, QAnswered, QRejected, QClosed} {
		itemIn(t, s, officer, unit, st)
	}
	submit(t, s, func(nq *NewQuestion) { nq.VillageID = v; nq.Topic = "moi-truong" })
	id := itemIn(t, s, officer, unit, QAccepted)
	act(t, s, id, Action{Kind: ActProtect, ProtectAs: rules.KindComplaint}, Actor{UserID: officer})
	for _, f := range []QuestionFilter{{}, {Public: true}, {Public: true, Topic: "dat-dai"}, {State: QAnswered},
		{VillageID: v}, {Kind: rules.KindComplaint}, {Public: true, State: QReceived}} {
		n, err := s.CountQuestions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		f.Limit = 1000
		list, err := s.Questions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(list) {
			t.Errorf("filter %+v: kept count %d, %d items", f, n, len(list))
		}
	}
}

func TestQuestionListsPageByKey(t *testing.T) {
	ctx := context.Background()
	s, c, officer, unit := newQuestionStore(t)
	var ids []int64
	for i := 0; i < 7; i++ {
		ids = append(ids, itemIn(t, s, officer, unit, QAccepted))
		c.Advance(time.Minute)
	}
	slices.Reverse(ids)
	var seen []int64
	f := QuestionFilter{Public: true, Limit: 3}
	for {
		page, err := s.Questions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, q := range page {
			seen = append(seen, q.ID)
		}
		f.Older = QuestionCursor(page[len(page)-1])
	}
	if !slices.Equal(seen, ids) {
		t.Errorf("paged %v, want %v", seen, ids)
	}
	back, err := s.Questions(ctx, QuestionFilter{Public: true, Limit: 3, Newer: Cursor{ID: ids[4], Updated: mustQuestion(t, s, ids[4]).UpdatedAt}})
	if err != nil || len(back) != 3 || back[0].ID != ids[1] || back[2].ID != ids[3] {
		t.Errorf("newer page: %v, %v", back, err)
	}
}

func TestOverdueListsAndInboxCounts(t *testing.T) {
	ctx := context.Background()
	s, c, officer, unit := newQuestionStore(t)
	late := itemIn(t, s, officer, unit, QAccepted) // due 16 November
	paused := itemIn(t, s, officer, unit, QWaiting)
	itemIn(t, s, officer, unit, QReceived)
	c.t = time.Date(2026, 11, 18, 3, 0, 0, 0, time.UTC)
	fresh := itemIn(t, s, officer, unit, QAccepted) // due 3 December
	today := day(2026, 11, 18)
	list, err := s.Questions(ctx, QuestionFilter{Public: true, Overdue: true, Today: today})
	if err != nil || len(list) != 1 || list[0].ID != late {
		t.Fatalf("overdue list %v, %v (paused %d and fresh %d must not be there)", list, err, paused, fresh)
	}
	counts, err := s.InboxCounts(ctx, today, day(2026, 11, 22))
	if err != nil || counts != (InboxCounts{New: 1, DueThisWeek: 0, Overdue: 2}) {
		// The untriaged item is overdue too: due 16 November.
		t.Errorf("inbox counts %+v, %v", counts, err)
	}
	recent, err := s.RecentlyOverdue(ctx, today.AddDate(0, 0, -7), today, 10)
	if err != nil || len(recent) != 1 || recent[0].ID != late {
		t.Errorf("recently overdue %v, %v", recent, err)
	}
	inbox, err := s.Inbox(ctx, InboxFilter{Limit: 2})
	if err != nil || len(inbox) != 2 || inbox[0].DueOn.After(inbox[1].DueOn) {
		t.Fatalf("inbox %v, %v", inbox, err)
	}
	next, err := s.Inbox(ctx, InboxFilter{Limit: 10, After: DueCursor{inbox[1].DueOn, inbox[1].ID}})
	if err != nil || len(next) != 2 {
		t.Errorf("inbox next page %d items, %v", len(next), err)
	}
}

func TestDueDatesFollowTheHolidaysTable(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	id := itemIn(t, s, officer, unit, QAccepted) // due 16 November
	tbl, err := workdays.Build(2026, 2026, nil)
	if err != nil {
		t.Fatal(err)
	}
	tbl.Holidays = append(tbl.Holidays, workdays.Holiday{Date: day(2026, 11, 10), Name: "nghỉ", Kind: workdays.Swap})
	cal, err := workdays.New(tbl)
	if err != nil {
		t.Fatal(err)
	}
	s.SetCalendar(cal)
	n, err := s.RecomputeDueDates(ctx)
	if err != nil || n != 1 {
		t.Fatalf("recomputed %d, %v", n, err)
	}
	if q := mustQuestion(t, s, id); !q.DueOn.Equal(day(2026, 11, 17)) {
		t.Errorf("due %s after a new day off, want 17/11", q.DueOn)
	}
}

func TestRequesterIdentityIsErased(t *testing.T) {
	ctx := context.Background()
	s, c, officer, _ := newQuestionStore(t)
	id := submit(t, s, func(nq *NewQuestion) {
		nq.Kind = rules.KindInfoRequest
		nq.Identity = &Identity{FullName: "Lê Văn Yêu Cầu", Address: "Thôn Đông", IDNumber: "001234567890"}
	})
	act(t, s, id, Action{Kind: ActAccept, PublicTitle: "Yêu cầu", PublicBody: "Cung cấp quyết định", Complex: true}, Actor{UserID: officer})
	if q := mustQuestion(t, s, id); q.ReplyDays != 15 {
		t.Errorf("complex information reply days %d, want 15", q.ReplyDays)
	}
	act(t, s, id, Action{Kind: ActAnswer, Answer: "Đã cung cấp"}, Actor{UserID: officer})
	if n, err := s.EraseExpiredIdentities(ctx); err != nil || n != 0 {
		t.Fatalf("erased %d too early, %v", n, err)
	}
	c.Advance(366 * 24 * time.Hour)
	if n, err := s.EraseExpiredIdentities(ctx); err != nil || n != 1 {
		t.Fatalf("erased %d, %v", n, err)
	}
	if _, err := s.QuestionIdentity(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("identity kept: %v", err)
	}
}

func TestAdministratorLimitsApplyToNewItems(t *testing.T) {
	ctx := context.Background()
	s, _, officer, _ := newQuestionStore(t)
	before := submit(t, s, nil)
	if err := s.SetQuestionLimit(ctx, QuestionLimit{Kind: rules.KindQuestion, Topic: "dat-dai", Name: rules.LimitReply, Days: 7, Source: "Quyết định của UBND xã"}, officer); err != nil {
		t.Fatal(err)
	}
	after := submit(t, s, nil)
	other := submit(t, s, func(nq *NewQuestion) { nq.Topic = "khac" })
	if a, b, o := mustQuestion(t, s, before), mustQuestion(t, s, after), mustQuestion(t, s, other); a.ReplyDays != 10 || b.ReplyDays != 7 || o.ReplyDays != 10 {
		t.Errorf("reply days %d, %d, %d; want 10, 7, 10", a.ReplyDays, b.ReplyDays, o.ReplyDays)
	}
}

func TestPublishedFileIsPublicOnlyWhileTheItemIs(t *testing.T) {
	ctx := context.Background()
	s, _, officer, unit := newQuestionStore(t)
	att := mustAttachment(t, s, "anh.jpg", "jpeg bytes", 0)
	id := submit(t, s, func(nq *NewQuestion) { nq.Files = []NewQuestionFile{{AttachmentID: att.ID, Stripped: "GPS"}} })
	if pub, _ := s.AttachmentIsPublic(ctx, att.ID); pub {
		t.Fatal("an asker's file is public on arrival")
	}
	by := Actor{UserID: officer}
	act(t, s, id, accept("x"), by)
	act(t, s, id, Action{Kind: ActAssign, UnitID: unit}, by)
	act(t, s, id, Action{Kind: ActAnswer, Answer: "a"}, by)
	act(t, s, id, Action{Kind: ActPublishFile, AttachmentID: att.ID}, by)
	if pub, _ := s.AttachmentIsPublic(ctx, att.ID); !pub {
		t.Fatal("a published file is not public")
	}
	act(t, s, id, Action{Kind: ActProtect, ProtectAs: rules.KindComplaint}, by)
	if pub, _ := s.AttachmentIsPublic(ctx, att.ID); pub {
		t.Error("a protected item's file stayed public")
	}
}

// A refused request for information names its legal ground.
func TestRefusedInfoRequestNamesItsGround(t *testing.T) {
	ctx := context.Background()
	s, _, officer, _ := newQuestionStore(t)
	id := submit(t, s, func(nq *NewQuestion) { nq.Kind = rules.KindInfoRequest })
	by := Actor{UserID: officer}
	wantErr(t, "refusal without a ground", s.Act(ctx, id, Action{Kind: ActReject, Ground: RejectAbuse}, by), ErrReasonRequired)
	act(t, s, id, Action{Kind: ActReject, Ground: RejectOther, Note: "Thông tin thuộc bí mật nhà nước (Luật Tiếp cận thông tin, Điều 6)"}, by)
}
