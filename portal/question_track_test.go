package portal_test

import (
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/mail"
	"net/url"
	"strings"
	"testing"
	"time"

	"minhbach/portal/abuse"
	"minhbach/store"
)

// lookup types a code into the tracking form.
func (e *env) lookup(typed string) response {
	e.t.Helper()
	tok := e.csrf("/tra-cuu")
	return e.post("/tra-cuu", url.Values{"_csrf": {tok}, "code": {typed}})
}

// askerPost sends one of the forms of the asker's page.
func (e *env) askerPost(action string, v url.Values) response {
	e.t.Helper()
	page := e.get("/tra-cuu/theo-doi")
	m := csrfRe.FindStringSubmatch(page.body)
	if m == nil {
		e.t.Fatalf("asker page %d without a form\n%s", page.status, page.body)
	}
	if v == nil {
		v = url.Values{}
	}
	v.Set("_csrf", m[1])
	return e.post("/tra-cuu/theo-doi/"+action, v)
}

// officer acts on an item as the demo officer "canbo".
func (e *env) officer(id int64, a store.Action) {
	e.t.Helper()
	u, err := e.st.UserByLogin(context.Background(), "canbo")
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.st.Act(context.Background(), id, a, store.Actor{UserID: u.ID}); err != nil {
		e.t.Fatalf("officer %s: %v", a.Kind, err)
	}
}

func (e *env) questionOf(code string) store.Question {
	e.t.Helper()
	q, err := e.st.QuestionByCode(context.Background(), codeHash(e.t, code))
	if err != nil {
		e.t.Fatal(err)
	}
	return q
}

func TestTrackingLookupIsForgivingAndSaysNothingOfOtherCodes(t *testing.T) {
	e := newAskEnv(t, nil)
	_, code := e.submitted(question("Đường thôn Đông sụt lún"))
	e.client = newClient() // another day, another browser: only the code

	if r := e.get("/tra-cuu/theo-doi"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/tra-cuu" {
		t.Fatalf("asker page without a code: %d %s", r.status, r.header.Get("Location"))
	}
	form := e.get("/tra-cuu")
	mustBePrivate(t, "lookup form", form)
	mustContain(t, "lookup form", form.body, "Mã tra cứu", "TT-7K3M-9QXD-4FX")

	typed := strings.ToLower(strings.ReplaceAll(code, "-", ""))
	r := e.lookup(typed)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/tra-cuu/theo-doi" {
		t.Fatalf("lookup %q: %d %s\n%s", typed, r.status, r.header.Get("Location"), r.body)
	}
	mustBePrivate(t, "lookup answer", r)
	ck := r.header.Get("Set-Cookie")
	for _, want := range []string{"mb_track=", "path=/tra-cuu", "HttpOnly", "SameSite=Strict", "expires="} {
		if !strings.Contains(strings.ToLower(ck), strings.ToLower(want)) {
			t.Errorf("tracking cookie %q lacks %s", ck, want)
		}
	}
	// The cookie is signed with its expiry: moved later, it opens nothing.
	real := strings.TrimPrefix(strings.Split(ck, ";")[0], "mb_track=")
	parts := strings.Split(real, ".")
	if len(parts) != 3 {
		t.Fatalf("tracking cookie %q", real)
	}
	redated := parts[0] + ".9999999999." + parts[2]
	page := e.get("/tra-cuu/theo-doi")
	if page.status != http.StatusOK {
		t.Fatalf("asker page: %d", page.status)
	}
	mustBePrivate(t, "asker page", page)
	if !strings.Contains(page.header.Get("Set-Cookie"), "mb_track=") {
		t.Error("viewing the page does not renew the tracking cookie")
	}
	mustContain(t, "asker page", page.body, code, "Đã tiếp nhận, chờ phân loại", "Hạn trả lời", "Tiếp nhận")
	if strings.Contains(page.body, "<title>"+code) || strings.Contains(page.body, code+" –") {
		t.Error("the code is in the page title, which the browser's history keeps")
	}

	// A well-formed code that opens nothing, and a mistyped one.
	other := "TT-7K3M-9QXD-4FX"
	if codeHash(t, other) == codeHash(t, code) {
		t.Skip("the example code was drawn")
	}
	r = e.lookup(other)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Không tìm thấy mục nào với mã tra cứu này") {
		t.Errorf("unknown code: %d\n%s", r.status, r.body)
	}
	mustBePrivate(t, "unknown code", r)
	r = e.lookup("TT-7K3M-9QXD-40X")
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "không có chữ O và số 0") {
		t.Errorf("mistyped code: %d\n%s", r.status, r.body)
	}

	// A cookie made up by hand or re-dated opens nothing.
	u, _ := url.Parse(e.url + "/tra-cuu")
	for _, v := range []string{strings.ReplaceAll(code[3:], "-", "") + ".9999999999.forged", redated, real} {
		e.client = newClient()
		e.client.Jar.SetCookies(u, []*http.Cookie{{Name: "mb_track", Value: v, Path: "/tra-cuu"}})
		want := http.StatusSeeOther
		if v == real {
			want = http.StatusOK // the control: the genuine cookie opens the page
		}
		if r := e.get("/tra-cuu/theo-doi"); r.status != want {
			t.Errorf("cookie %q: %d, want %d", v, r.status, want)
		}
	}

	// Leaving forgets the code on this browser.
	e.lookup(code)
	if r := e.askerPost("thoat", nil); r.status != http.StatusNotFound {
		t.Errorf("exit is not an action of the item: %d", r.status)
	}
	tok := csrfRe.FindStringSubmatch(e.get("/tra-cuu/theo-doi").body)[1]
	if r := e.post("/tra-cuu/thoat", url.Values{"_csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Fatalf("exit: %d", r.status)
	}
	if r := e.get("/tra-cuu/theo-doi"); r.status != http.StatusSeeOther {
		t.Errorf("after exit: %d", r.status)
	}
	// A form sent after the page closed says that it was not received.
	tok = e.csrf("/tra-cuu")
	if r := e.post("/tra-cuu/theo-doi/danh-gia", url.Values{"_csrf": {tok}, "rating": {"5"}}); r.status != http.StatusSeeOther ||
		r.header.Get("Location") != "/tra-cuu" {
		t.Errorf("rating after the page closed: %d %s", r.status, r.header.Get("Location"))
	}
	mustContain(t, "lookup after a late form", e.get("/tra-cuu").body, "nội dung vừa gửi chưa được nhận")
	if e.questionOf(code).Satisfaction != 0 {
		t.Error("a rating without a valid cookie was kept")
	}
}

func TestTrackingLookupsAreRateLimited(t *testing.T) {
	e := newAskEnv(t, func(l *abuse.Limits) { l.Rates[abuse.Lookup] = abuse.Rate{N: 3, Per: time.Hour} })
	_, code := e.submitted(question("Giờ tiếp dân"))
	for i, typed := range []string{"TT-7K3M-9QXD-4FX", "TT-AAAA-AAAA-AAA", "nonsense"} {
		if r := e.lookup(typed); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("lookup %d: %d", i, r.status)
		}
	}
	r := e.lookup(code)
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
		t.Fatalf("fourth lookup: %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	mustBePrivate(t, "429", r)
	if !strings.Contains(r.body, "thử lại") {
		t.Errorf("no Vietnamese message:\n%s", r.body)
	}
	if strings.Contains(r.header.Get("Set-Cookie"), "mb_track=") {
		t.Error("a refused lookup opened the page")
	}
}

func TestAskerFollowsAnswersRatesAndReopensAtMostTwice(t *testing.T) {
	e := newAskEnv(t, nil)
	ctx := context.Background()
	_, code := e.submitted(question("Đường thôn Đông sụt lún"))
	q := e.questionOf(code)
	units, err := e.st.Units(ctx)
	if err != nil || len(units) == 0 {
		t.Fatal("no units", err)
	}
	e.officer(q.ID, store.Action{Kind: store.ActAccept, PublicTitle: q.Title, PublicBody: "Đoạn đường bị sụt lún."})
	e.officer(q.ID, store.Action{Kind: store.ActAssign, UnitID: units[0].ID})
	e.officer(q.ID, store.Action{Kind: store.ActRequestInfo, Note: "Xin cho biết đoạn sụt lún ở gần nhà số mấy?"})

	// Waiting: the request shows, with a form to answer it.
	page := e.get("/tra-cuu/theo-doi")
	mustContain(t, "waiting", page.body, "Cán bộ xã đề nghị bạn bổ sung thông tin", "gần nhà số mấy",
		units[0].Name, "Tạm dừng tính hạn", `action="/tra-cuu/theo-doi/bo-sung"`)
	if strings.Contains(page.body, `action="/tra-cuu/theo-doi/mo-lai"`) {
		t.Error("reopen offered before an answer")
	}
	if r := e.askerPost("bo-sung", url.Values{"info": {""}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Vui lòng nhập thông tin bổ sung.") {
		t.Errorf("empty clarification: %d", r.status)
	}
	if r := e.askerPost("bo-sung", url.Values{"info": {"Gần cổng nhà văn hóa."}}); r.status != http.StatusSeeOther {
		t.Fatalf("clarification: %d\n%s", r.status, r.body)
	}
	if q = e.questionOf(code); q.State != store.QAssigned {
		t.Fatalf("after the clarification: %s", q.State)
	}

	// A late answer, with its apology; the answer is sanitised on render.
	e.st.SetClock(func() time.Time { return time.Now().AddDate(0, 1, 0) })
	e.officer(q.ID, store.Action{Kind: store.ActAnswer, Answer: `<p>Xã sẽ sửa trong tháng 12.</p><script>alert(1)</script><p onclick="x()">Cảm ơn.</p>`,
		Apology: "Xã xin lỗi vì trả lời chậm."})
	page = e.get("/tra-cuu/theo-doi")
	mustContain(t, "answered", page.body, "Xã sẽ sửa trong tháng 12.", "Xã xin lỗi vì trả lời chậm.", "Gần cổng nhà văn hóa.",
		"Bạn còn được mở lại 2 lần", `name="rating" value="5"`)
	if strings.Contains(page.body, "<script>alert") || strings.Contains(page.body, "onclick") {
		t.Error("the answer is not sanitised on render")
	}

	if r := e.askerPost("danh-gia", url.Values{"rating": {"9"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("rating 9: %d", r.status)
	}
	if r := e.askerPost("danh-gia", url.Values{"rating": {"4"}}); r.status != http.StatusSeeOther {
		t.Fatalf("rating: %d", r.status)
	}
	if q = e.questionOf(code); q.Satisfaction != 4 {
		t.Errorf("satisfaction %d", q.Satisfaction)
	}
	for i := 1; i <= 2; i++ {
		if r := e.askerPost("mo-lai", url.Values{"reason": {""}}); r.status != http.StatusUnprocessableEntity {
			t.Errorf("reopen without a reason: %d", r.status)
		}
		if r := e.askerPost("mo-lai", url.Values{"reason": {"Vẫn chưa rõ thời gian sửa."}}); r.status != http.StatusSeeOther {
			t.Fatalf("reopen %d: %d\n%s", i, r.status, r.body)
		}
		if q = e.questionOf(code); q.ReopenCount != i || q.State != store.QAssigned {
			t.Fatalf("after reopen %d: %d %s", i, q.ReopenCount, q.State)
		}
		// Reopened, the form is gone: the page still says how many remain.
		left := map[int]string{1: "1 lần; bạn còn được mở lại 1 lần nữa", 2: "2 lần; đã đến số lần tối đa"}[i]
		mustContain(t, "reopened", e.get("/tra-cuu/theo-doi").body, "<dt>Mở lại</dt><dd>"+left)
		e.officer(q.ID, store.Action{Kind: store.ActAnswer, Answer: "<p>Sửa xong trước ngày 20/12.</p>", Apology: "Xin lỗi."})
	}
	page = e.get("/tra-cuu/theo-doi")
	if strings.Contains(page.body, `action="/tra-cuu/theo-doi/mo-lai"`) || !strings.Contains(page.body, "không mở lại được nữa") {
		t.Error("a third reopen is offered")
	}
	r := e.askerPost("mo-lai", url.Values{"reason": {"Lần thứ ba."}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "tối đa số lần") || !strings.Contains(r.body, "Sửa xong trước ngày 20/12.") {
		t.Fatalf("third reopen: %d\n%s", r.status, r.body)
	}
	mustBePrivate(t, "refusal", r)
	if q = e.questionOf(code); q.ReopenCount != 2 {
		t.Errorf("reopen count %d", q.ReopenCount)
	}
	if r := e.askerPost("xac-nhan", nil); r.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", r.status)
	}
	if q = e.questionOf(code); q.State != store.QClosed {
		t.Errorf("after confirming: %s", q.State)
	}
	if r := e.askerPost("xac-nhan", nil); r.status != http.StatusConflict {
		t.Errorf("confirming twice: %d", r.status)
	}
	if r := e.askerPost("tra-loi", nil); r.status != http.StatusNotFound {
		t.Errorf("an officer's action from the asker's page: %d", r.status)
	}
}

func TestProtectedItemShowsTheAskerCodeStateAndAnswerOnly(t *testing.T) {
	e := newAskEnv(t, nil)
	v := question("Cán bộ địa chính nhận tiền")
	v.Set("kind", "denunciation")
	v.Set("body", "Ông X nhận tiền để cấp sổ đỏ nhanh.")
	receipt, code := e.submitted(v)
	mustContain(t, "receipt", receipt.body, "Hạn xem xét thụ lý", "Không bao giờ công khai")
	q := e.questionOf(code)
	page := e.get("/tra-cuu/theo-doi")
	mustContain(t, "protected", page.body, code, "Tố cáo", "Đã tiếp nhận, chờ phân loại")
	for _, secret := range []string{"Ông X nhận tiền", "Cán bộ địa chính nhận tiền", "Các bước xử lý"} {
		if strings.Contains(page.body, secret) {
			t.Errorf("protected page shows %q", secret)
		}
	}
	e.officer(q.ID, store.Action{Kind: store.ActAccept})
	e.officer(q.ID, store.Action{Kind: store.ActAnswer, Answer: "<p>Đã xác minh và xử lý kỷ luật.</p>", Outcome: "Tố cáo đúng một phần."})
	page = e.get("/tra-cuu/theo-doi")
	mustContain(t, "protected answered", page.body, "Kết quả giải quyết", "Đã xác minh và xử lý kỷ luật.", "Tố cáo đúng một phần.")
	for _, form := range []string{"mo-lai", "danh-gia", "xac-nhan"} {
		if strings.Contains(page.body, `action="/tra-cuu/theo-doi/`+form+`"`) {
			t.Errorf("protected page offers %s", form)
		}
	}
	if r := e.askerPost("danh-gia", url.Values{"rating": {"5"}}); r.status != http.StatusConflict {
		t.Errorf("rating a denunciation: %d", r.status)
	}
}

// Privacy: what a resident typed (contact, identity) and the code reach no
// public page, no feed, no export and no log line: the access log records
// paths, and no path of these pages carries the code.
func TestContactIdentityAndCodeStayOffPublicPagesAndLogs(t *testing.T) {
	e := newAskEnv(t, nil)
	v := question("Xin bản đồ quy hoạch")
	v.Set("kind", "info_request")
	v.Set("topic", "dat-dai")
	v.Set("contact", askEmail)
	v.Set("id_name", "Phạm Văn Bình")
	v.Set("id_address", askAddress)
	v.Set("id_number", askIDNumber)
	_, code1 := e.submitted(v)
	_, code2 := e.submitted(question("Đường thôn Đông sụt lún"))
	q := e.questionOf(code2)
	e.officer(q.ID, store.Action{Kind: store.ActAccept, PublicTitle: "Đường thôn Đông sụt lún", PublicBody: "Đoạn đường bị sụt lún."})
	e.officer(q.ID, store.Action{Kind: store.ActAnswer, Answer: "<p>Xã sẽ sửa.</p>"})
	e.client = newClient()
	typed := strings.ToLower(strings.ReplaceAll(code2, "-", " "))
	e.lookup(typed)
	e.askerPost("danh-gia", url.Values{"rating": {"5"}})
	if id, err := e.st.QuestionIdentity(context.Background(), e.questionOf(code1).ID); err != nil || id.IDNumber != askIDNumber {
		t.Fatalf("identity: %+v, %v", id, err)
	}

	secrets := []string{askPhone, askPhoneN, askEmail, askIDNumber, askAddress, "Phạm Văn Bình", typed}
	for _, c := range []string{code1, code2} {
		secrets = append(secrets, c, strings.ReplaceAll(c[3:], "-", ""), codeHash(t, c))
	}
	public := newClient()
	for _, path := range []string{"/", "/cong-khai", "/feed.rss", "/feed.atom", "/feed.json", "/cong-khai/xuat.csv",
		"/cong-khai/xuat.json", "/hoi-dap", "/hoi-dap/" + itoa(q.ID), "/hoi-dap/" + itoa(q.ID) + "/feed.atom",
		"/hoi-dap/xuat.csv", "/hoi-dap/xuat.json", "/hoi-dap/feed.atom"} {
		req, _ := http.NewRequest(http.MethodGet, e.url+path, nil)
		res, err := public.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		buf := make([]byte, 32<<10)
		for {
			n, err := res.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		res.Body.Close()
		for _, s := range secrets {
			if strings.Contains(b.String(), s) {
				t.Errorf("%s (%d) shows %q", path, res.StatusCode, s)
			}
		}
	}

	// Wait until the access log has written the last request's line.
	e.get("/het-kiem-tra")
	deadline := time.Now().Add(10 * time.Second)
	var logs string
	for {
		e.logsMu.Lock()
		logs = e.logs.String()
		e.logsMu.Unlock()
		if strings.Contains(logs, "path=/het-kiem-tra") || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	mustContain(t, "access log", logs, "path=/hoi-dap/gui", "path=/tra-cuu/bien-nhan", "path=/tra-cuu/theo-doi/danh-gia", "path=/het-kiem-tra")
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			t.Errorf("the log holds %q", s)
		}
	}
}

// The asker sees what became public of their item, and why it was not
// taken up, so that nothing public comes as a surprise.
func TestAskerSeesWhatIsPublicAndWhyItWasRejected(t *testing.T) {
	e := newAskEnv(t, nil)
	_, code := e.submitted(question("Đường thôn Đông sụt lún"))
	q := e.questionOf(code)
	mustContain(t, "received", e.get("/tra-cuu/theo-doi").body, "Chưa có gì được công khai", "Nội dung bạn gửi", "Khi nào xã sửa?")
	e.officer(q.ID, store.Action{Kind: store.ActAccept, PublicTitle: "Đường thôn Đông sụt lún", PublicBody: "Đoạn đường qua nhà văn hóa bị sụt lún. [đã che]"})
	page := e.get("/tra-cuu/theo-doi").body
	mustContain(t, "accepted", page, "Câu hỏi đang công khai", `href="/hoi-dap/`+itoa(q.ID)+`"`, "sau khi cán bộ xã che",
		"[đã che]", "Họ tên của bạn không được công khai", "Khi nào xã sửa?")

	e.client = newClient()
	_, code2 := e.submitted(question("Bán đất nền giá rẻ"))
	q2 := e.questionOf(code2)
	e.officer(q2.ID, store.Action{Kind: store.ActReject, Ground: store.RejectDuplicate, DuplicateOf: q.ID, Note: "Đã có câu hỏi này"})
	page = e.get("/tra-cuu/theo-doi").body
	mustContain(t, "rejected", page, "Không tiếp nhận", "Trùng với câu hỏi đã có: Đã có câu hỏi này", `href="/hoi-dap/`+itoa(q.ID)+`"`,
		"Nội dung câu hỏi không được công khai")
}

// From the form to the mailbox and back: a resident who leaves an e-mail
// address is told so on the receipt, gets a mail with the tracking page
// and the code when the item is answered, and the code from the mail
// opens the answer.
func TestAskerWithAnEmailIsMailedTheCodeThatOpensTheAnswer(t *testing.T) {
	sink := newSMTPSink(t, nil, false)
	l := abuse.DefaultLimits()
	l.MinFill = 0
	cfg := fastMail(nil)
	cfg.Abuse = &l
	e := newEnvConfig(t, true, cfg)
	useSMTP(t, e, store.SMTP{Host: "127.0.0.1", Port: sink.port, TLS: store.SMTPNoTLS, From: "thongbao@trungtrac.example"})
	v := question("Đèn đường thôn Bắc hỏng")
	v.Set("contact", askEmail)
	receipt, code := e.submitted(v)
	mustContain(t, "receipt", receipt.body, "Bạn cũng nhận e-mail khi câu hỏi được trả lời")
	q := e.questionOf(code)
	e.officer(q.ID, store.Action{Kind: store.ActAccept, PublicTitle: q.Title, PublicBody: q.Body})
	e.officer(q.ID, store.Action{Kind: store.ActAnswer, Answer: "<p>Đã thay bóng đèn.</p>"})
	eventually(t, "the asker's mail", func() bool { return len(sink.received()) == 1 })
	got := sink.received()[0]
	m, err := mail.ReadMessage(strings.NewReader(string(got.data)))
	if err != nil || got.to != askEmail {
		t.Fatalf("mail to %q: %v", got.to, err)
	}
	raw, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, m.Body))
	if err != nil {
		t.Fatal(err)
	}
	mailed := codeRe.FindString(string(raw))
	if mailed != code || !strings.Contains(string(raw), "/tra-cuu\r\n") {
		t.Fatalf("the mail gives code %q, want %q:\n%s", mailed, code, raw)
	}
	e.client = newClient()
	if r := e.lookup(mailed); r.status != http.StatusSeeOther {
		t.Fatalf("lookup of the mailed code: %d", r.status)
	}
	mustContain(t, "asker page", e.get("/tra-cuu/theo-doi").body, "Đã thay bóng đèn.")
}
