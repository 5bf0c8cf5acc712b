package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/portal"
	"minhbach/portal/abuse"
	"minhbach/store"
)

var vietnam = time.FixedZone("ICT", 7*60*60)

// civilDay is the date in Vietnam days from today, as stored dates are.
func civilDay(days int) time.Time {
	y, m, d := time.Now().In(vietnam).Date()
	return time.Date(y, m, d+days, 0, 0, 0, 0, time.UTC)
}

// openDraft publishes a draft for comment whose window runs from
// yesterday to ten days from now, and returns its id.
func openDraft(e *env) int64 {
	e.t.Helper()
	ctx := context.Background()
	id, err := e.st.CreateDisclosure(ctx, store.DisclosureInput{Category: store.CommentCategory,
		Title: "Dự thảo quy chế sử dụng nhà văn hóa thôn", Body: "<p>Điều 1. Phạm vi.</p>", PostingFrom: civilDay(-1)}, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.st.PublishDisclosure(ctx, id, 0); err != nil {
		e.t.Fatal(err)
	}
	if err := e.st.SetCommentWindow(ctx, id, civilDay(-1), civilDay(10), 0); err != nil {
		e.t.Fatal(err)
	}
	return id
}

var stampRe = regexp.MustCompile(`name="_t" value="([^"]*)"`)

// commentForm opens the comment form of id and returns its hidden fields,
// with the stamp replaced by one issued age ago (as if the resident had
// spent that long typing) under the server's secret.
func commentForm(e *env, id int64, age time.Duration) url.Values {
	e.t.Helper()
	r := e.get("/cong-khai/" + itoa(id) + "/gop-y")
	if r.status != http.StatusOK {
		e.t.Fatalf("comment form: status %d", r.status)
	}
	tok := csrfRe.FindStringSubmatch(r.body)
	stamp := stampRe.FindStringSubmatch(r.body)
	if tok == nil || stamp == nil || stamp[1] == "" {
		e.t.Fatalf("comment form without CSRF token or stamp:\n%s", r.body)
	}
	f := url.Values{"_csrf": {tok[1]}, abuse.StampField: {stamp[1]}}
	if age > 0 {
		st, err := e.st.Settings(context.Background())
		if err != nil {
			e.t.Fatal(err)
		}
		earlier := abuse.New(abuse.DefaultLimits(), func() time.Time { return time.Now().Add(-age) })
		f.Set(abuse.StampField, earlier.Stamp(st.Secret, "comment:"+itoa(id)))
	}
	return f
}

// fill adds a comment's fields to a form.
func fill(f url.Values, body, name, contact string, namePublic bool) url.Values {
	f.Set("body", body)
	f.Set("name", name)
	f.Set("contact", contact)
	if namePublic {
		f.Set("name_public", "1")
	}
	return f
}

func comments(e *env, id int64, state string) []store.Comment {
	e.t.Helper()
	cs, err := e.st.OfficerComments(context.Background(), id, state, 0, 1000)
	if err != nil {
		e.t.Fatal(err)
	}
	return cs
}

// A resident comments without an account; an officer accepts, records
// the synthesis after the window and publishes it; the public page shows
// each step, through the page cache.
func TestCommentLifecycle(t *testing.T) {
	e := newEnv(t)
	id := openDraft(e)
	page := "/cong-khai/" + itoa(id)
	visitor := &env{t: t, st: e.st, url: e.url, client: newClient(), logs: e.logs, logsMu: e.logsMu}

	before := visitor.get(page)
	mustContain(t, "item page with an open window", before.body, "Đang lấy ý kiến", "Gửi góp ý cho dự thảo",
		"/cong-khai/"+itoa(id)+"/gop-y", "Chưa có ý kiến nào được công khai.")

	form := e.get(page + "/gop-y")
	mustContain(t, "comment form", form.body, "(Mọi người thấy)", "(Chỉ cán bộ xã thấy)",
		`name="`+abuse.HoneypotField+`"`, "Hiện tên tôi công khai")
	if cc := form.header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("the form page may be cached: %q", cc)
	}

	f := fill(commentForm(e, id, time.Minute), "Đề nghị cho phép tổ chức tiệc cưới\ntại nhà văn hóa.", "Lê Văn Cường", "0987 111 222", true)
	r := e.post(page+"/gop-y", f)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), page) {
		t.Fatalf("submit: status %d, Location %q\n%s", r.status, r.header.Get("Location"), r.body)
	}
	thanks := e.get(page)
	mustContain(t, "page after submitting", thanks.body, "Đã nhận góp ý của bạn", "chờ cán bộ xã xem xét")
	if strings.Contains(visitor.get(page).body, "tiệc cưới") {
		t.Fatal("a pending comment is public")
	}
	pending := comments(e, id, store.CommentPending)
	if len(pending) != 1 || pending[0].Contact != "0987 111 222" {
		t.Fatalf("pending %+v", pending)
	}
	cid := pending[0].ID

	// The officer: the edit page links the moderation page, which shows
	// the comment with its contact.
	e.login("canbo")
	edit := e.get("/can-bo/cong-khai/" + itoa(id))
	mustContain(t, "edit page", edit.body, "/can-bo/cong-khai/"+itoa(id)+"/y-kien")
	mod := e.get("/can-bo/cong-khai/" + itoa(id) + "/y-kien")
	mustContain(t, "moderation page", mod.body, "tiệc cưới", "0987 111 222", "Ý kiến chờ duyệt (1)")
	tok := csrfRe.FindStringSubmatch(mod.body)[1]
	modPath := "/can-bo/cong-khai/" + itoa(id) + "/y-kien/"
	if r := e.post(modPath+itoa(cid)+"/duyet", url.Values{"_csrf": {tok}, "action": {"accept"}}); r.status != http.StatusSeeOther {
		t.Fatalf("accept: %d\n%s", r.status, r.body)
	}
	after := visitor.get(page)
	mustContain(t, "item page after acceptance", after.body, "tiệc cưới", "Lê Văn Cường", "Ý kiến đã nhận (1)")
	if strings.Contains(after.body, "0987 111 222") {
		t.Fatal("the contact is on the public page")
	}
	if r := e.post(modPath+itoa(cid)+"/duyet", url.Values{"_csrf": {tok}, "action": {"reject"}, "reason": {"x"}}); r.status != http.StatusConflict {
		t.Errorf("rejecting an accepted comment: %d, want 409", r.status)
	}

	// Publishing waits for the window to close and for every decision.
	if r := e.post(modPath+"cong-bo", url.Values{"_csrf": {tok}}); r.status != http.StatusConflict {
		t.Errorf("publishing while open: %d, want 409", r.status)
	}
	r = e.post(modPath+"thoi-han", url.Values{"_csrf": {tok}, "opens_on": {isoDay(-10)}, "closes_on": {isoDay(-1)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("window: %d\n%s", r.status, r.body)
	}
	mustContain(t, "item page after the window closed", visitor.get(page).body, "Đã hết thời gian lấy ý kiến")
	if r := e.post(modPath+"cong-bo", url.Values{"_csrf": {tok}}); r.status != http.StatusConflict {
		t.Errorf("publishing without decisions: %d, want 409", r.status)
	}
	r = e.post(modPath+itoa(cid)+"/tiep-thu", url.Values{"_csrf": {tok}, "decision": {store.DecisionPartly}, "explanation": {""}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="explanation-`+itoa(cid)+`-error"`) {
		t.Errorf("partly taken without explanation: %d, error not beside the field", r.status)
	}
	r = e.post(modPath+itoa(cid)+"/tiep-thu", url.Values{"_csrf": {tok}, "decision": {store.DecisionPartly},
		"explanation": {"Cho phép tổ chức tiệc cưới nhỏ, kết thúc trước 22 giờ."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("decision: %d\n%s", r.status, r.body)
	}
	if strings.Contains(visitor.get(page).body, "trước 22 giờ") {
		t.Fatal("the synthesis is public before it is published")
	}
	if r := e.post(modPath+"cong-bo", url.Values{"_csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d\n%s", r.status, r.body)
	}
	final := visitor.get(page)
	mustContain(t, "item page with the synthesis", final.body, "Bảng tổng hợp tiếp thu, giải trình",
		"Tiếp thu một phần", "trước 22 giờ", "tiệc cưới")
	list := visitor.get(page + "/y-kien")
	mustContain(t, "comment list", list.body, "Bảng tổng hợp tiếp thu, giải trình", "Tiếp thu một phần")

	// Fixed once published.
	r = e.post(modPath+itoa(cid)+"/tiep-thu", url.Values{"_csrf": {tok}, "decision": {store.DecisionTaken}, "explanation": {"đổi"}})
	if r.status != http.StatusConflict {
		t.Errorf("decision after publication: %d, want 409", r.status)
	}
	r = e.post(modPath+"thoi-han", url.Values{"_csrf": {tok}, "opens_on": {isoDay(-10)}, "closes_on": {isoDay(5)}})
	if r.status != http.StatusConflict {
		t.Errorf("window after publication: %d, want 409", r.status)
	}

	// Every officer action is in the audit log.
	entries, err := e.st.AuditLog(context.Background(), 100, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, en := range entries {
		seen[en.Action] = true
	}
	for _, a := range []string{"comment.accept", "comments.window", "comment.decision", "comments.synthesis"} {
		if !seen[a] {
			t.Errorf("%s not audited", a)
		}
	}
}

func isoDay(days int) string { return civilDay(days).Format("2006-01-02") }

// Mistakes come back beside their field with what was typed.
func TestCommentValidation(t *testing.T) {
	e := newEnv(t)
	id := openDraft(e)
	tests := []struct {
		name               string
		body, who, contact string
		public             bool
		field, message     string
	}{
		{"empty comment", "", "An", "", false, "body", "Vui lòng nhập nội dung góp ý."},
		{"markup", "<script>alert(1)</script> góp ý", "", "", false, "body", "chỉ được chứa văn bản thuần"},
		{"name shown but missing", "Góp ý hay", "", "", true, "name", "vui lòng nhập họ và tên"},
		{"contact not a phone or e-mail", "Góp ý hay", "An", "nhà tôi ở đầu ngõ", false, "contact", "số điện thoại"},
		{"comment too long", strings.Repeat("dài ", 1300), "", "", false, "body", "vượt giới hạn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := fill(commentForm(e, id, time.Minute), tt.body, tt.who, tt.contact, tt.public)
			r := e.post("/cong-khai/"+itoa(id)+"/gop-y", f)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.status)
			}
			errLine := sectionOf(t, r.body, `id="`+tt.field+`-error"`, "</p>")
			if !strings.Contains(errLine, tt.message) {
				t.Errorf("error beside %s: %q, want %q", tt.field, errLine, tt.message)
			}
			if tt.contact != "" && !strings.Contains(r.body, `value="`+tt.contact+`"`) {
				t.Error("the typed contact was not kept")
			}
		})
	}
	if n := len(comments(e, id, store.CommentPending)); n != 0 {
		t.Errorf("%d comments saved from invalid forms", n)
	}
}

// Bots and floods: each refusal says why and saves nothing.
func TestCommentAbuse(t *testing.T) {
	limits := abuse.DefaultLimits()
	limits.Rates[abuse.Comment] = abuse.Rate{N: 3, Per: time.Hour}
	e := newEnvConfig(t, true, portal.Config{Abuse: &limits})
	id := openDraft(e)
	path := "/cong-khai/" + itoa(id) + "/gop-y"

	honey := fill(commentForm(e, id, time.Minute), "Mua thuốc giá rẻ", "", "", false)
	honey.Set(abuse.HoneypotField, "http://spam.example")
	r := e.post(path, honey)
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "ô ẩn") {
		t.Errorf("honeypot: status %d\n%s", r.status, r.body)
	}
	fast := fill(commentForm(e, id, 0), "Góp ý gửi ngay", "", "", false)
	if r := e.post(path, fast); r.status != http.StatusBadRequest || !strings.Contains(r.body, "quá nhanh") {
		t.Errorf("too fast: status %d", r.status)
	}
	forged := fill(commentForm(e, id, time.Minute), "Góp ý giả", "", "", false)
	forged.Set(abuse.StampField, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	if r := e.post(path, forged); r.status != http.StatusBadRequest {
		t.Errorf("forged stamp: status %d", r.status)
	}
	forged.Del(abuse.StampField)
	if r := e.post(path, forged); r.status != http.StatusBadRequest {
		t.Errorf("missing stamp: status %d", r.status)
	}
	stale := fill(commentForm(e, id, 25*time.Hour), "Góp ý viết từ hôm qua", "", "", false)
	r = e.post(path, stale)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Góp ý viết từ hôm qua") ||
		!strings.Contains(r.body, "đã mở quá lâu") {
		t.Errorf("stale form: status %d, typed text kept %v", r.status, strings.Contains(r.body, "Góp ý viết từ hôm qua"))
	}
	if n := len(comments(e, id, store.CommentPending)); n != 0 {
		t.Fatalf("%d comments saved from refused forms", n)
	}

	// An identical resubmission is "already received" and saves nothing.
	for range 2 {
		r := e.post(path, fill(commentForm(e, id, time.Minute), "Nên  mở cửa nhà văn hóa buổi tối", "Hà", "", false))
		if r.status != http.StatusSeeOther {
			t.Fatalf("submit: %d\n%s", r.status, r.body)
		}
	}
	mustContain(t, "after a resubmission", e.get("/cong-khai/"+itoa(id)).body, "đã được nhận trước đó")
	if n := len(comments(e, id, store.CommentPending)); n != 1 {
		t.Fatalf("%d comments after an identical resubmission, want 1", n)
	}

	// The per-address limit (3 an hour here: two were counted above).
	if r := e.post(path, fill(commentForm(e, id, time.Minute), "Góp ý thứ hai", "", "", false)); r.status != http.StatusSeeOther {
		t.Fatalf("within the limit: %d", r.status)
	}
	r = e.post(path, fill(commentForm(e, id, time.Minute), "Góp ý thứ ba", "", "", false))
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("over the limit: status %d, want 429", r.status)
	}
	mustContain(t, "limit page", r.body, "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau 20 phút.", "Góp ý thứ ba")
	if ra := r.header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Errorf("Retry-After %q", ra)
	}
	if n := len(comments(e, id, store.CommentPending)); n != 2 {
		t.Errorf("%d comments, want 2 (the limited one not saved)", n)
	}
}

// Outside its window, or on another category, a draft takes no comment.
func TestCommentOutsideTheWindow(t *testing.T) {
	e := newEnv(t)
	id := openDraft(e)
	f := fill(commentForm(e, id, time.Minute), "Góp ý muộn", "", "", false)
	if err := e.st.SetCommentWindow(context.Background(), id, civilDay(2), civilDay(9), 0); err != nil {
		t.Fatal(err)
	}
	page := e.get("/cong-khai/" + itoa(id) + "/gop-y")
	mustContain(t, "form page before the window", page.body, "chưa bắt đầu nhận góp ý")
	if strings.Contains(page.body, `name="body"`) {
		t.Error("the form shows before the window opens")
	}
	if r := e.post("/cong-khai/"+itoa(id)+"/gop-y", f); r.status != http.StatusConflict {
		t.Errorf("submit before the window: %d, want 409", r.status)
	}
	mustContain(t, "item page before the window", e.get("/cong-khai/"+itoa(id)).body, "Sắp lấy ý kiến")

	var other int64
	for _, pid := range e.publicIDs() {
		if d, _ := e.st.PublicDisclosure(context.Background(), pid); d.Category != store.CommentCategory {
			other = pid
			break
		}
	}
	if r := e.get("/cong-khai/" + itoa(other) + "/gop-y"); r.status != http.StatusNotFound {
		t.Errorf("form on another category: %d, want 404", r.status)
	}
	if r := e.get("/can-bo/cong-khai/" + itoa(other) + "/y-kien"); r.status == http.StatusOK {
		t.Error("moderation page of another category")
	}
}

// The officers' forms: mistakes beside their field, nothing changed.
func TestModerationFormErrors(t *testing.T) {
	e := newEnv(t)
	id := openDraft(e)
	r := e.post("/cong-khai/"+itoa(id)+"/gop-y", fill(commentForm(e, id, time.Minute), "Ý kiến cần duyệt", "", "", false))
	if r.status != http.StatusSeeOther {
		t.Fatal(r.status)
	}
	cid := comments(e, id, store.CommentPending)[0].ID
	e.login("canbo")
	base := "/can-bo/cong-khai/" + itoa(id) + "/y-kien"
	tok := e.csrf(base)
	r = e.post(base+"/"+itoa(cid)+"/duyet", url.Values{"_csrf": {tok}, "action": {"reject"}, "reason": {""}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="reason-`+itoa(cid)+`-error"`) {
		t.Errorf("reject without reason: %d", r.status)
	}
	r = e.post(base+"/thoi-han", url.Values{"_csrf": {tok}, "opens_on": {isoDay(5)}, "closes_on": {isoDay(1)}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="closes_on-error"`) ||
		!strings.Contains(r.body, `value="`+isoDay(5)+`"`) {
		t.Errorf("window closing before it opens: %d", r.status)
	}
	if n := len(comments(e, id, store.CommentPending)); n != 1 {
		t.Errorf("pending %d, want 1", n)
	}
	r = e.post(base+"/"+itoa(cid)+"/duyet", url.Values{"_csrf": {tok}, "action": {"reject"}, "reason": {"Trùng ý kiến #1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("reject: %d", r.status)
	}
	if rej := comments(e, id, store.CommentRejected); len(rej) != 1 || rej[0].Reason != "Trùng ý kiến #1" {
		t.Errorf("rejected %+v", rej)
	}
	if strings.Contains(e.get("/cong-khai/"+itoa(id)).body, "Ý kiến cần duyệt") {
		t.Error("a rejected comment is public")
	}
}

// The contact, and a name the resident did not want shown, never reach a
// public page, a feed, an export or the log.
func TestCommentPrivacy(t *testing.T) {
	e := newEnv(t)
	id := openDraft(e)
	const contact, hidden, mail = "0911 222 333", "Phạm Thị Kín Tên", "kin.ten@example.vn"
	path := "/cong-khai/" + itoa(id) + "/gop-y"
	for i, who := range []struct{ name, contact string }{{hidden, contact}, {"Người Khác", mail}} {
		f := fill(commentForm(e, id, time.Minute), "Ý kiến riêng tư số "+itoa(int64(i)), who.name, who.contact, false)
		if r := e.post(path, f); r.status != http.StatusSeeOther {
			t.Fatalf("submit: %d", r.status)
		}
	}
	// A refused (invalid) form with the contact in it goes through the log too.
	e.post(path, fill(commentForm(e, id, time.Minute), "", hidden, contact, false))
	for _, c := range comments(e, id, store.CommentPending) {
		if err := e.st.ModerateComment(context.Background(), id, c.ID, true, "", 0); err != nil {
			t.Fatal(err)
		}
	}
	mustContain(t, "item page", e.get("/cong-khai/"+itoa(id)).body, "Ý kiến riêng tư số 0", "Ý kiến riêng tư số 1")
	paths := append(publicRoutes(e), "/cong-khai/"+itoa(id), "/cong-khai/"+itoa(id)+"/y-kien",
		"/cong-khai/du-thao-lay-y-kien", "/cong-khai/du-thao-lay-y-kien/feed.atom", "/cong-khai/du-thao-lay-y-kien/xuat.csv",
		"/cong-khai/du-thao-lay-y-kien/xuat.json")
	visitor := &env{t: t, st: e.st, url: e.url, client: newClient()}
	for _, p := range paths {
		body := visitor.get(p).body
		for _, secret := range []string{contact, mail, hidden, "0911222333"} {
			if strings.Contains(body, secret) {
				t.Errorf("%s shows %q", p, secret)
			}
		}
	}
	// The access log writes lines from its own goroutine: wait for the
	// last request's line, then scan everything logged.
	last := "/cong-khai/du-thao-lay-y-kien/xuat.json"
	var logged string
	for range 200 {
		e.logsMu.Lock()
		logged = e.logs.String()
		e.logsMu.Unlock()
		if strings.Contains(logged, last) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(logged, last) {
		t.Fatal("the access log never got the last request")
	}
	for _, secret := range []string{contact, mail, hidden, "Ý kiến riêng tư"} {
		if strings.Contains(logged, secret) {
			t.Errorf("the log has %q", secret)
		}
	}
}

// The public list of comments pages by key, oldest first.
func TestCommentListPagesByKey(t *testing.T) {
	e := newEnv(t)
	id := openDraft(e)
	ctx := context.Background()
	const n = 52
	for i := range n {
		body := "Ý kiến số " + itoa(int64(i+1)) + "."
		cid, err := e.st.AddComment(ctx, store.NewComment{DisclosureID: id, Body: body, DupKey: abuse.DupKey(body)})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.st.ModerateComment(ctx, id, cid, true, "", 0); err != nil {
			t.Fatal(err)
		}
	}
	item := e.get("/cong-khai/" + itoa(id))
	mustContain(t, "item page", item.body, "Ý kiến đã nhận (52)", "Ý kiến số 1.", "Ý kiến số 50.")
	if strings.Contains(item.body, "Ý kiến số 51.") {
		t.Error("the item page shows more than one page of comments")
	}
	next := regexp.MustCompile(`href="(/cong-khai/\d+/y-kien\?sau=\d+)"`).FindStringSubmatch(item.body)
	if next == nil {
		t.Fatal("no link to the next page of comments")
	}
	page2 := e.get(next[1])
	mustContain(t, "second page", page2.body, "Ý kiến số 51.", "Ý kiến số 52.", "Những ý kiến đầu")
	if strings.Contains(page2.body, "Ý kiến số 50.") {
		t.Error("the second page repeats the first")
	}
	for _, bad := range []string{"?sau=0", "?sau=01", "?sau=x", "?sau=999999"} {
		if r := e.get("/cong-khai/" + itoa(id) + "/y-kien" + bad); r.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", bad, r.status)
		}
	}
}
