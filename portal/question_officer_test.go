package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"minhbach/portal/tracking"
	"minhbach/store"
)

// Helpers of the officers' question tests, prefixed oq so they cannot
// collide with other question tests in this package.

// oqToday is today's civil date in Vietnam, as the portal reads it.
func oqToday() time.Time {
	y, m, d := time.Now().In(time.FixedZone("ICT", 7*3600)).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

const oqPhone = "0912 345 678"

// oqSubmit saves a resident's question through the store, as the ask form
// would, and returns its id.
func oqSubmit(t *testing.T, e *env, kind, title string, files ...store.NewQuestionFile) int64 {
	t.Helper()
	code, err := tracking.New()
	if err != nil {
		t.Fatal(err)
	}
	id, err := e.st.SubmitQuestion(context.Background(), store.NewQuestion{
		CodeHash: code.Hash(), Kind: kind, Topic: "dat-dai", Channel: store.ChannelWeb,
		Title: title, Body: "Đường thôn Đông bị sạt lở, xin xã cho biết khi nào sửa. Gọi tôi: " + oqPhone + ".",
		AskerName: "Nguyễn Văn Hỏi", Contact: "0912345678", Files: files,
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func oqUser(t *testing.T, e *env, login string) int64 {
	t.Helper()
	u, err := e.st.UserByLogin(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func oqUnit(t *testing.T, e *env) int64 {
	t.Helper()
	units, err := e.st.Units(context.Background())
	if err != nil || len(units) == 0 {
		t.Fatalf("no units: %v", err)
	}
	return units[0].ID
}

// oqToState takes a fresh item to state through the store.
func oqToState(t *testing.T, e *env, id int64, state string) {
	t.Helper()
	ctx := context.Background()
	by := store.Actor{UserID: oqUser(t, e, "admin")}
	act := func(a store.Action, by store.Actor) {
		t.Helper()
		if err := e.st.Act(ctx, id, a, by); err != nil {
			t.Fatalf("setup %s: %v", a.Kind, err)
		}
	}
	accept := store.Action{Kind: store.ActAccept, PublicTitle: "Tiêu đề công khai", PublicBody: "Nội dung công khai"}
	switch state {
	case store.QReceived:
	case store.QAccepted:
		act(accept, by)
	case store.QAssigned:
		act(accept, by)
		act(store.Action{Kind: store.ActAssign, UnitID: oqUnit(t, e)}, by)
	case store.QWaiting:
		act(accept, by)
		act(store.Action{Kind: store.ActRequestInfo, Note: "Xin số thửa đất"}, by)
	case store.QAnswered, store.QClosed:
		act(accept, by)
		act(store.Action{Kind: store.ActAnswer, Answer: "<p>Xã sẽ sửa trong tháng tới.</p>"}, by)
		if state == store.QClosed {
			act(store.Action{Kind: store.ActConfirm}, store.Actor{Resident: true})
		}
	case store.QRejected:
		act(store.Action{Kind: store.ActReject, Ground: store.RejectSpam}, by)
	case store.QForwarded:
		act(store.Action{Kind: store.ActForward, Note: "Chuyển huyện"}, by)
	case store.QDismissed:
		act(store.Action{Kind: store.ActDismiss, Note: "Đã giải quyết"}, by)
	default:
		t.Fatalf("no setup for %s", state)
	}
}

func oqQuestion(t *testing.T, e *env, id int64) store.Question {
	t.Helper()
	q, err := e.st.Question(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func oqActionPath(id int64, action string) string {
	return "/can-bo/hoi-dap/" + itoa(id) + "/" + action
}

// oqPost sends an action's form with the page's token.
func oqPost(e *env, id int64, action, tok string, form url.Values) response {
	e.t.Helper()
	f := url.Values{"_csrf": {tok}}
	for k, v := range form {
		f[k] = v
	}
	return e.post(oqActionPath(id, action), f)
}

func oqNoServerErrors(t *testing.T, e *env) {
	t.Helper()
	e.logsMu.Lock()
	defer e.logsMu.Unlock()
	if strings.Contains(e.logs.String(), "status=500") {
		t.Errorf("a server error was logged:\n%s", e.logs.String())
	}
}

// TestOfficerActionsByState sends every officer action's form, with valid
// values, to an item in every state: the actions the state allows go
// through to the state they lead to; the others are refused with 409 and
// change nothing.
func TestOfficerActionsByState(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	tok := e.csrf("/can-bo/hoi-dap")
	forms := map[string]url.Values{
		store.ActAccept:      {"accept_title": {"Đường thôn Đông sạt lở"}, "accept_body": {"Khi nào xã sửa đường?"}},
		store.ActReject:      {"ground": {store.RejectSpam}},
		store.ActForward:     {"forward_to": {"UBND tỉnh"}, "forward_note": {"Đường tỉnh, không thuộc thẩm quyền xã"}},
		store.ActAssign:      {"unit_id": {itoa(oqUnit(t, e))}},
		store.ActNote:        {"note": {"Đã gọi điện cho trưởng thôn"}},
		store.ActRequestInfo: {"request_note": {"Xin cho biết vị trí cụ thể"}},
		store.ActProvideInfo: {"provide_note": {"Cạnh nhà văn hóa"}, "provide_on": {oqToday().Format("2006-01-02")}},
		store.ActExtend:      {"extend_days": {"5"}, "extend_note": {"Cần khảo sát hiện trường"}},
		store.ActSaveDraft:   {"answer": {"Bản nháp câu trả lời"}},
		store.ActAnswer:      {"answer": {"Xã sẽ sửa trong tháng 12."}, "apology": {"Xin lỗi vì chậm trả lời."}},
		store.ActDismiss:     {"dismiss_note": {"Người dân đã được giải đáp tại buổi tiếp dân"}},
		store.ActProtect:     {"protect_as": {"complaint"}, "protect_confirm": {"1"}},
	}
	// leadsTo is the state after an allowed action, "" for no change.
	leadsTo := map[string]string{
		store.ActAccept: store.QAccepted, store.ActReject: store.QRejected, store.ActForward: store.QForwarded,
		store.ActAssign: store.QAssigned, store.ActRequestInfo: store.QWaiting, store.ActProvideInfo: store.QAccepted,
		store.ActAnswer: store.QAnswered, store.ActDismiss: store.QDismissed,
	}
	states := []string{store.QReceived, store.QAccepted, store.QAssigned, store.QWaiting, store.QAnswered,
		store.QClosed, store.QRejected, store.QForwarded, store.QDismissed}
	for _, state := range states {
		forbidden := 0
		for action, form := range forms {
			id := oqSubmit(t, e, "feedback", "Đường thôn Đông sạt lở")
			oqToState(t, e, id, state)
			r := oqPost(e, id, action, tok, form)
			q := oqQuestion(t, e, id)
			if !store.Allowed(state, action) {
				forbidden++
				if r.status != http.StatusConflict {
					t.Errorf("%s in %s: status %d, want 409", action, state, r.status)
				}
				mustContain(t, action+" in "+state, r.body, "Thao tác này không thực hiện được")
				if q.State != state || q.Protected {
					t.Errorf("%s in %s: refused, yet the item is now %s (protected %v)", action, state, q.State, q.Protected)
				}
				continue
			}
			if r.status != http.StatusSeeOther || r.header.Get("Location") != "/can-bo/hoi-dap/"+itoa(id) {
				t.Errorf("%s in %s: status %d to %q, want 303 to the item\n%s", action, state, r.status, r.header.Get("Location"), r.body)
				continue
			}
			want := leadsTo[action]
			switch {
			case want == "":
				want = state
			case action == store.ActAssign && state == store.QWaiting:
				want = store.QWaiting // the clock stays paused
			}
			if q.State != want {
				t.Errorf("%s in %s: state %s, want %s", action, state, q.State, want)
			}
			switch action {
			case store.ActProtect:
				if !q.Protected || q.Kind != "complaint" || q.PublicTitle != "" {
					t.Errorf("protect in %s: protected %v kind %s public title %q", state, q.Protected, q.Kind, q.PublicTitle)
				}
			case store.ActExtend:
				if q.Extension != 5 {
					t.Errorf("extend in %s: extension %d", state, q.Extension)
				}
			case store.ActSaveDraft:
				if !strings.Contains(q.AnswerDraft, "<p>Bản nháp câu trả lời</p>") {
					t.Errorf("draft in %s: %q", state, q.AnswerDraft)
				}
			case store.ActForward:
				if !strings.Contains(q.Reason, "UBND tỉnh") || !strings.Contains(q.Reason, "không thuộc thẩm quyền") {
					t.Errorf("forward reason %q", q.Reason)
				}
			}
			// The item page says what was done.
			mustContain(t, action+" flash", e.get("/can-bo/hoi-dap/"+itoa(id)).body, `class="flash"`)
		}
		if forbidden == 0 {
			t.Errorf("no forbidden action tried in %s", state)
		}
	}
	// An action that is not an officer's is not found.
	id := oqSubmit(t, e, "question", "Câu hỏi khác")
	if r := oqPost(e, id, store.ActConfirm, tok, nil); r.status != http.StatusNotFound {
		t.Errorf("an asker's action posted by an officer: %d, want 404", r.status)
	}
	oqNoServerErrors(t, e)
}

// TestOfficerFormsCheckTheirFields: a form sent incomplete comes back with
// the error beside the field and what was typed still in it, and the
// item is unchanged.
func TestOfficerFormsCheckTheirFields(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/hoi-dap")
	cases := []struct {
		state, action string
		form          url.Values
		field, msg    string
		kept          string
	}{
		{store.QReceived, store.ActAccept, url.Values{"accept_title": {""}, "accept_body": {"Nội dung giữ lại"}}, "accept_title", "Vui lòng nhập tiêu đề công khai", "Nội dung giữ lại"},
		{store.QReceived, store.ActReject, url.Values{"ground": {store.RejectOther}}, "reject_note", "ghi rõ lý do", ""},
		{store.QReceived, store.ActReject, url.Values{"ground": {store.RejectDuplicate}, "duplicate_of": {"abc"}}, "duplicate_of", "số của câu hỏi gốc", "abc"},
		{store.QReceived, store.ActReject, url.Values{"ground": {store.RejectDuplicate}, "duplicate_of": {"999999"}}, "duplicate_of", "không phải một câu hỏi đang công khai", "999999"},
		{store.QReceived, store.ActForward, url.Values{"forward_to": {"UBND huyện"}}, "forward_note", "lý do chuyển", "UBND huyện"},
		{store.QAccepted, store.ActAssign, url.Values{"unit_id": {"999999"}}, "unit_id", "đơn vị xử lý", ""},
		{store.QAccepted, store.ActExtend, url.Values{"extend_days": {"11"}, "extend_note": {"Lý do giữ lại"}}, "extend_days", "từ 1 đến 10", "Lý do giữ lại"},
		{store.QAccepted, store.ActAnswer, url.Values{"answer": {"<script>alert(1)</script>"}}, "answer", "Vui lòng nhập câu trả lời", ""},
		{store.QWaiting, store.ActProvideInfo, url.Values{"provide_note": {"Cạnh đình"}, "provide_on": {oqToday().AddDate(0, 0, 1).Format("2006-01-02")}}, "provide_on", "không được sau hôm nay", "Cạnh đình"},
		{store.QAccepted, store.ActProtect, url.Values{"protect_as": {"complaint"}}, "protect_confirm", "không thể hoàn tác", ""},
		{store.QAccepted, store.ActNote, url.Values{"note": {""}}, "note", "Vui lòng nhập ghi chú", ""},
	}
	for _, tc := range cases {
		id := oqSubmit(t, e, "question", "Hỏi về đường")
		oqToState(t, e, id, tc.state)
		before := oqQuestion(t, e, id)
		r := oqPost(e, id, tc.action, tok, tc.form)
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s %v: status %d, want 422", tc.action, tc.form, r.status)
			continue
		}
		var block string
		if tc.field == "protect_confirm" {
			block = sectionOf(t, r.body, `id="protect_confirm"`, "</div>")
		} else {
			block = fieldBlock(t, r.body, tc.field)
		}
		mustContain(t, tc.action+" "+tc.field, block, "field-error", tc.msg)
		if tc.kept != "" {
			mustContain(t, tc.action+" typed values", r.body, tc.kept)
		}
		if strings.Contains(r.body, "<script>alert(1)</script>") {
			t.Errorf("%s: the script came back live", tc.action)
		}
		after := oqQuestion(t, e, id)
		if after.State != before.State || after.UpdatedAt != before.UpdatedAt || after.Protected {
			t.Errorf("%s refused, yet the item changed: %s → %s", tc.action, before.State, after.State)
		}
	}
	oqNoServerErrors(t, e)
}

// TestAcceptSuggestsRedaction: the accept form's public copy comes with
// the phone number hidden, the original shown beside it; accepting it
// publishes the redacted copy and marks the item as redacted.
func TestAcceptSuggestsRedaction(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := oqSubmit(t, e, "question", "Đường thôn Đông sạt lở")
	page := e.get("/can-bo/hoi-dap/" + itoa(id))
	if page.status != http.StatusOK {
		t.Fatalf("item page: %d", page.status)
	}
	body := fieldBlock(t, page.body, "accept_body")
	mustContain(t, "public copy", body, "Gọi tôi: [đã che].")
	if strings.Contains(body, oqPhone) {
		t.Errorf("the public copy still has the phone number:\n%s", body)
	}
	mustContain(t, "suggestions", page.body, "Số điện thoại “"+oqPhone+"”", "Bản gốc (không công khai)", "0912345678", "Nguyễn Văn Hỏi")
	tok := csrfRe.FindStringSubmatch(page.body)[1]
	publicBody := "Đường thôn Đông bị sạt lở, xin xã cho biết khi nào sửa. Gọi tôi: [đã che]."
	r := oqPost(e, id, store.ActAccept, tok, url.Values{"accept_title": {"Đường thôn Đông sạt lở"}, "accept_body": {publicBody}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("accept: %d\n%s", r.status, r.body)
	}
	q := oqQuestion(t, e, id)
	if q.PublicBody != publicBody || !q.Redacted || q.Body == q.PublicBody {
		t.Errorf("after accept: public %q redacted %v", q.PublicBody, q.Redacted)
	}
}

// TestLateAnswerNeedsAnApology: once the store's clock is past the due
// date, publishing without an apology is refused with the field asking
// for it, the typed answer kept; with one it goes through.
func TestLateAnswerNeedsAnApology(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := oqSubmit(t, e, "question", "Hỏi về trợ cấp")
	oqToState(t, e, id, store.QAccepted)
	// Thirty days later, the item is past its ten working days (and the
	// session has ended: log in again, in the future).
	e.st.SetClock(func() time.Time { return time.Now().AddDate(0, 0, 30) })
	t.Cleanup(func() { e.st.SetClock(time.Now) })
	e.login("canbo")
	tok := e.csrf("/can-bo/hoi-dap/" + itoa(id))
	r := oqPost(e, id, store.ActAnswer, tok, url.Values{"answer": {"Trợ cấp được chi vào ngày 15."}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("late answer without apology: %d, want 422\n%s", r.status, r.body)
	}
	mustContain(t, "apology field", fieldBlock(t, r.body, "apology"), "field-error", "xin lỗi")
	mustContain(t, "typed answer kept", r.body, "Trợ cấp được chi vào ngày 15.")
	if q := oqQuestion(t, e, id); q.State != store.QAccepted {
		t.Fatalf("refused answer changed the state to %s", q.State)
	}
	r = oqPost(e, id, store.ActAnswer, tok, url.Values{"answer": {"Trợ cấp được chi vào ngày 15."}, "apology": {"Xã xin lỗi vì trả lời chậm."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("late answer with apology: %d\n%s", r.status, r.body)
	}
	q := oqQuestion(t, e, id)
	if q.State != store.QAnswered || q.Apology != "Xã xin lỗi vì trả lời chậm." || q.AnsweredOnTime() {
		t.Errorf("after late answer: state %s apology %q on time %v", q.State, q.Apology, q.AnsweredOnTime())
	}
}

// TestOverdueItemAsksForAnApologyUpFront: an item received offline weeks
// ago is overdue today: its page shows the badge and the apology field,
// and the handler itself refuses an answer without one.
func TestOverdueItemAsksForAnApologyUpFront(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	code, _ := tracking.New()
	id, err := e.st.SubmitQuestion(context.Background(), store.NewQuestion{CodeHash: code.Hash(), Kind: "question", Topic: "khac",
		Channel: store.ChannelPhone, Title: "Hỏi qua điện thoại", Body: "Nội dung", ReceivedOn: oqToday().AddDate(0, 0, -40)}, oqUser(t, e, "canbo"))
	if err != nil {
		t.Fatal(err)
	}
	oqToState(t, e, id, store.QAccepted)
	page := e.get("/can-bo/hoi-dap/" + itoa(id))
	mustContain(t, "overdue page", page.body, "Quá hạn", `id="apology"`)
	tok := csrfRe.FindStringSubmatch(page.body)[1]
	r := oqPost(e, id, store.ActAnswer, tok, url.Values{"answer": {"Trả lời"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("overdue answer without apology: %d", r.status)
	}
	mustContain(t, "apology", fieldBlock(t, r.body, "apology"), "Vui lòng nhập lời xin lỗi")
}

// TestPublishFileWithTheAnswer: a resident's photo stays private, with the
// note of what was stripped from it, until an officer publishes it with
// the answer.
func TestPublishFileWithTheAnswer(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	ctx := context.Background()
	a, err := e.st.SaveAttachment(ctx, "anh-duong.jpg", "image/jpeg", []byte("\xff\xd8\xff\xe0 not really a photo"), 0)
	if err != nil {
		t.Fatal(err)
	}
	id := oqSubmit(t, e, "feedback", "Ảnh đường sạt lở", store.NewQuestionFile{AttachmentID: a.ID, Stripped: "vị trí GPS, kiểu máy điện thoại"})
	oqToState(t, e, id, store.QAccepted)
	page := e.get("/can-bo/hoi-dap/" + itoa(id))
	mustContain(t, "file", page.body, "anh-duong.jpg", "vị trí GPS, kiểu máy điện thoại", "chỉ cán bộ xem được")
	tok := csrfRe.FindStringSubmatch(page.body)[1]
	if r := oqPost(e, id, store.ActPublishFile, tok, url.Values{"attachment_id": {itoa(a.ID)}}); r.status != http.StatusConflict {
		t.Fatalf("publish a file before the answer: %d, want 409", r.status)
	}
	if err := e.st.Act(ctx, id, store.Action{Kind: store.ActAnswer, Answer: "<p>Đã sửa.</p>"}, store.Actor{UserID: oqUser(t, e, "canbo")}); err != nil {
		t.Fatal(err)
	}
	if r := oqPost(e, id, store.ActPublishFile, tok, url.Values{"attachment_id": {itoa(a.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish a file with the answer: %d\n%s", r.status, r.body)
	}
	if q := oqQuestion(t, e, id); len(q.Files) != 1 || !q.Files[0].Public {
		t.Errorf("file not public: %+v", q.Files)
	}
	if r := oqPost(e, id, store.ActPublishFile, tok, url.Values{"attachment_id": {itoa(a.ID)}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("publish it twice: %d, want 422", r.status)
	}
}

// TestTwoOfficersTriageOneItemAtOnce: two officers accept and reject the
// same item at the same moment; exactly one succeeds, the other gets the
// 409 page, and the item is in the winner's state.
func TestTwoOfficersTriageOneItemAtOnce(t *testing.T) {
	a := newEnv(t)
	a.login("admin")
	b := newEnvSameStore(a)
	b.login("canbo")
	tokA, tokB := a.csrf("/can-bo/hoi-dap"), b.csrf("/can-bo/hoi-dap")
	for i := 0; i < 8; i++ {
		id := oqSubmit(t, a, "question", "Hỏi cùng lúc")
		start := make(chan struct{})
		res := make(chan response, 2)
		go func() {
			<-start
			res <- oqPost(a, id, store.ActAccept, tokA, url.Values{"accept_title": {"Tiêu đề"}, "accept_body": {"Nội dung"}})
		}()
		go func() {
			<-start
			res <- oqPost(b, id, store.ActReject, tokB, url.Values{"ground": {store.RejectSpam}})
		}()
		close(start)
		r1, r2 := <-res, <-res
		codes := map[int]int{r1.status: 1}
		codes[r2.status]++
		if codes[http.StatusSeeOther] != 1 || codes[http.StatusConflict] != 1 {
			t.Fatalf("round %d: statuses %d and %d, want one 303 and one 409", i, r1.status, r2.status)
		}
		q := oqQuestion(t, a, id)
		if q.State != store.QAccepted && q.State != store.QRejected {
			t.Fatalf("round %d: state %s", i, q.State)
		}
		events, err := a.st.QuestionEvents(context.Background(), id, store.ForOfficer)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 2 {
			t.Fatalf("round %d: %d events, want received and one triage", i, len(events))
		}
	}
	oqNoServerErrors(t, a)
}

// TestBrowserAccessibilityOfOfficerQuestionPages runs axe-core on the
// officers' question pages: the inbox, an item with every triage form
// (and an error on one), offline entry, reply templates and the clock
// limits.
func TestBrowserAccessibilityOfOfficerQuestionPages(t *testing.T) {
	ctx, console := newBrowser(t)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	fresh := oqSubmit(t, e, "info_request", "Xin cung cấp dự toán ngân sách xã")
	handled := oqSubmit(t, e, "question", "Đường thôn Đông sạt lở")
	oqToState(t, e, handled, store.QAssigned)
	if _, err := e.st.SaveReplyTemplate(context.Background(), store.ReplyTemplate{Topic: "dat-dai", Title: "Mẫu đất đai", Body: "<p>Kính gửi</p>"}, 0); err != nil {
		t.Fatal(err)
	}
	browserLogin(t, ctx, e, "admin")
	for _, p := range []string{"/can-bo/hoi-dap", "/can-bo/hoi-dap?xem=da-xong", "/can-bo/hoi-dap/" + itoa(fresh),
		"/can-bo/hoi-dap/" + itoa(handled), "/can-bo/hoi-dap/nhap", "/can-bo/mau-tra-loi", "/can-bo/thoi-han"} {
		axeCheck(t, ctx, string(axe), e.url+p)
	}
	// A form sent back with an error, as the officer sees it.
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/hoi-dap/"+itoa(handled)))
	submit422(t, ctx, chromedp.CSS(`form[action$="/extend"] button[type=submit]`))
	axeCheck(t, ctx, string(axe), e.url+"/can-bo/hoi-dap/"+itoa(handled))
	// The answer written in the editor (JavaScript on) is published
	// through the same form.
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/hoi-dap/"+itoa(handled)),
		chromedp.Click(chromedp.CSS("#tra-loi .editor"), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.CSS("#tra-loi .editor"), "Xã sẽ sửa đường trong tháng 12."))
	submit(t, ctx, chromedp.CSS(`#tra-loi button[type=submit]:not([formaction]):not([name])`), "/can-bo/hoi-dap/"+itoa(handled))
	mustContain(t, "flash", run(t, ctx, chromedp.Text(chromedp.CSS(".flash"))), "Đã công bố câu trả lời")
	if q := oqQuestion(t, e, handled); q.State != store.QAnswered || !strings.Contains(q.Answer, "Xã sẽ sửa đường trong tháng 12.") {
		t.Errorf("after publishing from the editor: %s %q", q.State, q.Answer)
	}
	for _, msg := range console.all() {
		// Chromium logs every 4xx response; the 422 above was intended.
		if !strings.Contains(msg, "status of 422") {
			t.Errorf("console: %s", msg)
		}
	}
}

// TestProtectedItemKeepsItsTextPrivate: a complaint is accepted (thụ lý)
// without a public copy, and its answer asks for the public outcome.
func TestProtectedItemKeepsItsTextPrivate(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	id := oqSubmit(t, e, "complaint", "Khiếu nại quyết định thu hồi đất")
	page := e.get("/can-bo/hoi-dap/" + itoa(id))
	mustContain(t, "protected item", page.body, "Bảo vệ người gửi", "Thụ lý", "Hạn thụ lý")
	if strings.Contains(page.body, `name="accept_body"`) {
		t.Error("a complaint's accept form offers a public copy")
	}
	tok := csrfRe.FindStringSubmatch(page.body)[1]
	if r := oqPost(e, id, store.ActAccept, tok, nil); r.status != http.StatusSeeOther {
		t.Fatalf("accept a complaint: %d\n%s", r.status, r.body)
	}
	mustContain(t, "flash", e.get("/can-bo/hoi-dap/"+itoa(id)).body, "Đã thụ lý", `name="outcome"`)
	if q := oqQuestion(t, e, id); q.PublicTitle != "" || q.PublicBody != "" || q.State != store.QAccepted {
		t.Errorf("accepted complaint: state %s public %q %q", q.State, q.PublicTitle, q.PublicBody)
	}
	r := oqPost(e, id, store.ActAnswer, tok, url.Values{"answer": {"Quyết định giải quyết khiếu nại lần đầu."}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("answer without outcome: %d", r.status)
	}
	mustContain(t, "outcome", fieldBlock(t, r.body, "outcome"), "Vui lòng nhập kết quả công khai")
	r = oqPost(e, id, store.ActAnswer, tok, url.Values{"answer": {"Quyết định giải quyết khiếu nại lần đầu."}, "outcome": {"Giữ nguyên quyết định thu hồi đất."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("answer with outcome: %d\n%s", r.status, r.body)
	}
	if q := oqQuestion(t, e, id); q.Outcome != "Giữ nguyên quyết định thu hồi đất." || q.State != store.QAnswered {
		t.Errorf("answered complaint: %s %q", q.State, q.Outcome)
	}
}
