package portal_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/portal/workdays"
	"minhbach/store"
)

var oqCodeRe = regexp.MustCompile(`TT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{3}`)

// TestOfficerRecordsAnItemReceivedOffline: a call taken two weeks ago is
// entered today; its clock starts on the day of the call, the officer sees
// the tracking code once, and the code opens the item.
func TestOfficerRecordsAnItemReceivedOffline(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/hoi-dap/nhap")
	received := oqToday().AddDate(0, 0, -14)
	form := url.Values{"_csrf": {tok}, "channel": {store.ChannelPhone}, "received_on": {received.Format("02/01/2006")},
		"kind": {"feedback"}, "topic": {"moi-truong"}, "title": {"Rác thải ở bờ sông"}, "body": {"Bãi rác tự phát cạnh cầu thôn Nam."},
		"asker_name": {"Trần Thị Gọi"}, "contact": {"0987 654 321"}}
	r := e.post("/can-bo/hoi-dap/nhap", form)
	if r.status != http.StatusOK {
		t.Fatalf("record: %d\n%s", r.status, r.body)
	}
	if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("the page with the code may be cached: %q", cc)
	}
	shown := oqCodeRe.FindString(r.body)
	if shown == "" {
		t.Fatalf("no tracking code on the confirmation:\n%s", r.body)
	}
	code, err := tracking.Parse(shown)
	if err != nil {
		t.Fatal(err)
	}
	q, err := e.st.QuestionByCode(context.Background(), code.Hash())
	if err != nil {
		t.Fatalf("the code shown opens no item: %v", err)
	}
	cal := workdays.Default(2023, 2030)
	if !q.ReceivedOn.Equal(received) || !q.ClockStart.Equal(received) {
		t.Errorf("received %s, clock from %s; want both %s", q.ReceivedOn, q.ClockStart, received)
	}
	if want := cal.AddWorkdays(received, 10); !q.DueOn.Equal(want) {
		t.Errorf("due %s, want 10 working days from the call: %s", q.DueOn, want)
	}
	if q.Channel != store.ChannelPhone || q.CreatedBy != oqUser(t, e, "canbo") || q.Contact != "0987 654 321" {
		t.Errorf("recorded as %s by %d, contact %q", q.Channel, q.CreatedBy, q.Contact)
	}
	mustContain(t, "confirmation", r.body, "chỉ hiện một lần", "/can-bo/hoi-dap/"+itoa(q.ID))
	// Sent again (a reload of the confirmation): recognised, not saved twice.
	r = e.post("/can-bo/hoi-dap/nhap", form)
	if r.status != http.StatusUnprocessableEntity || oqCodeRe.MatchString(r.body) {
		t.Errorf("the same item again: %d", r.status)
	}
	mustContain(t, "duplicate", r.body, "đã được nhập")

	// Refusals: a date in the future, before the bound, a national-portal
	// item without its reference, a request for information without the
	// requester's identity.
	cases := []struct {
		set        url.Values
		field, msg string
	}{
		{url.Values{"received_on": {oqToday().AddDate(0, 0, 1).Format("2006-01-02")}}, "received_on", "không được sau hôm nay"},
		{url.Values{"received_on": {oqToday().AddDate(-2, 0, 0).Format("2006-01-02")}}, "received_on", "không được trước"},
		{url.Values{"received_on": {"hôm qua"}}, "received_on", "không hợp lệ"},
		{url.Values{"channel": {store.ChannelNationalPortal}}, "national_ref", "Vui lòng nhập số hồ sơ"},
		{url.Values{"channel": {store.ChannelWeb}}, "channel", "hình thức tiếp nhận"},
		{url.Values{"kind": {"info_request"}}, "id_number", "Vui lòng nhập số CCCD"},
	}
	var n int
	e.st.CountQuestions(context.Background(), store.QuestionFilter{})
	before, _ := e.st.CountQuestions(context.Background(), store.QuestionFilter{})
	for _, tc := range cases {
		f := url.Values{}
		for k, v := range form {
			f[k] = v
		}
		f.Set("title", fmt.Sprintf("Mục %d", n))
		n++
		for k, v := range tc.set {
			f[k] = v
		}
		r := e.post("/can-bo/hoi-dap/nhap", f)
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%v: status %d, want 422", tc.set, r.status)
			continue
		}
		mustContain(t, tc.field, fieldBlock(t, r.body, tc.field), "field-error", tc.msg)
		mustContain(t, "typed values", r.body, "Bãi rác tự phát cạnh cầu thôn Nam.")
	}
	if after, _ := e.st.CountQuestions(context.Background(), store.QuestionFilter{}); after != before {
		t.Errorf("refused entries saved items: %d → %d", before, after)
	}
	// From the national portal with its reference number.
	f := url.Values{}
	for k, v := range form {
		f[k] = v
	}
	f.Set("channel", store.ChannelNationalPortal)
	f.Set("national_ref", "G22.123-260101-0001")
	f.Set("title", "Hồ sơ từ Cổng Dịch vụ công")
	if r := e.post("/can-bo/hoi-dap/nhap", f); r.status != http.StatusOK {
		t.Fatalf("national portal item: %d\n%s", r.status, r.body)
	}
	items, err := e.st.Inbox(context.Background(), store.InboxFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range items {
		found = found || q.NationalRef == "G22.123-260101-0001"
	}
	if !found {
		t.Error("the national portal's reference was not kept")
	}
}

// TestInboxCountsOnEveryOfficerPage: the counts of new, due this week and
// overdue items show on officer pages other than the inbox, and never on
// a visitor's page.
func TestInboxCountsOnEveryOfficerPage(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	d := oqToday()
	end := d.AddDate(0, 0, (7-int(d.Weekday()))%7)
	before, err := e.st.InboxCounts(ctx, d, end) // the demo data's
	if err != nil {
		t.Fatal(err)
	}
	oqSubmit(t, e, "question", "Mới gửi")
	oqSubmit(t, e, "question", "Mới gửi nữa")
	code, _ := tracking.New()
	late, err := e.st.SubmitQuestion(ctx, store.NewQuestion{CodeHash: code.Hash(), Kind: "feedback", Topic: "khac",
		Channel: store.ChannelLetter, Title: "Thư gửi từ lâu", Body: "Nội dung thư", ReceivedOn: oqToday().AddDate(0, 0, -40)}, oqUser(t, e, "admin"))
	if err != nil {
		t.Fatal(err)
	}
	oqToState(t, e, late, store.QAccepted)
	n, err := e.st.InboxCounts(ctx, d, end)
	if err != nil {
		t.Fatal(err)
	}
	if n.New != before.New+2 || n.Overdue != before.Overdue+1 {
		t.Fatalf("counts %+v after %+v, want 2 more new and 1 more overdue", n, before)
	}
	want := fmt.Sprintf("%d mới · %d đến hạn tuần này · %d quá hạn", n.New, n.DueThisWeek, n.Overdue)
	visitor := e.get("/")
	if strings.Contains(visitor.body, "inbox-badge") {
		t.Error("a visitor sees the officers' counts")
	}
	e.login("canbo")
	for _, p := range []string{"/can-bo", "/can-bo/cong-khai/moi", "/can-bo/mat-khau", "/can-bo/mau-tra-loi", "/can-bo/hoi-dap/" + itoa(late)} {
		r := e.get(p)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", p, r.status)
		}
		mustContain(t, p, r.body, want)
	}
	// The public pages an officer visits stay public pages.
	if r := e.get("/cong-khai"); strings.Contains(r.body, "inbox-badge") {
		t.Error("a public page shows the officers' counts")
	}
	// Accepting a new item moves the counts on the next page.
	tok := e.csrf("/can-bo")
	items, _ := e.st.Inbox(ctx, store.InboxFilter{State: store.QReceived})
	oqPost(e, items[0].ID, store.ActReject, tok, url.Values{"ground": {store.RejectSpam}})
	mustContain(t, "after a rejection", e.get("/can-bo").body, fmt.Sprintf("%d mới ·", n.New-1))
}

// TestInboxSortsByDueDateFiltersAndPages: open items soonest due first,
// thirty to a page with a link to the next; filters narrow the list; the
// done tab lists items the commune is done with.
func TestInboxSortsByDueDateFiltersAndPages(t *testing.T) {
	e := newEnvWith(t, false)
	ctx := context.Background()
	admin := oqUser(t, e, "admin")
	unit, err := e.st.AddUnit(ctx, "Văn phòng - Thống kê", admin)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := 0; i < 35; i++ {
		code, _ := tracking.New()
		kind := "question"
		if i%5 == 0 {
			kind = "feedback"
		}
		id, err := e.st.SubmitQuestion(ctx, store.NewQuestion{CodeHash: code.Hash(), Kind: kind, Topic: "dat-dai",
			Channel: store.ChannelPhone, Title: fmt.Sprintf("Mục số %02d", i), Body: "Nội dung",
			ReceivedOn: oqToday().AddDate(0, 0, -i)}, admin)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	by := store.Actor{UserID: admin}
	if err := e.st.Act(ctx, ids[3], store.Action{Kind: store.ActAccept, PublicTitle: "T", PublicBody: "B"}, by); err != nil {
		t.Fatal(err)
	}
	if err := e.st.Act(ctx, ids[3], store.Action{Kind: store.ActAssign, UnitID: unit, AssigneeID: admin}, by); err != nil {
		t.Fatal(err)
	}
	if err := e.st.Act(ctx, ids[4], store.Action{Kind: store.ActReject, Ground: store.RejectSpam}, by); err != nil {
		t.Fatal(err)
	}
	e.login("admin")
	rowRe := regexp.MustCompile(`href="/can-bo/hoi-dap/(\d+)">Mục số (\d+)`)
	rows := func(body string) []string {
		var out []string
		for _, m := range rowRe.FindAllStringSubmatch(body, -1) {
			out = append(out, m[2])
		}
		return out
	}
	r := e.get("/can-bo/hoi-dap")
	first := rows(r.body)
	if len(first) != 30 {
		t.Fatalf("first page has %d rows, want 30", len(first))
	}
	// Soonest due first.
	var prev store.Question
	for _, m := range rowRe.FindAllStringSubmatch(r.body, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		q := oqQuestion(t, e, id)
		if q.DueOn.Before(prev.DueOn) || q.DueOn.Equal(prev.DueOn) && q.ID < prev.ID {
			t.Errorf("item %d due %s listed after item %d due %s", q.ID, q.DueOn, prev.ID, prev.DueOn)
		}
		prev = q
	}
	if first[0] != "34" && first[0] != "33" && first[0] != "32" {
		t.Errorf("first rows %v, want the oldest receipts first", first[:3])
	}
	next := regexp.MustCompile(`href="(/can-bo/hoi-dap\?sau=[^"]+)" rel="next"`).FindStringSubmatch(r.body)
	if next == nil {
		t.Fatal("no link to the next page")
	}
	second := rows(e.get(strings.ReplaceAll(next[1], "&amp;", "&")).body)
	if len(second) != 4 { // 35 items, one rejected
		t.Errorf("second page has %d rows (%v), want 4", len(second), second)
	}
	for _, s := range second {
		for _, f := range first {
			if s == f {
				t.Errorf("row %s on both pages", s)
			}
		}
	}
	// Filters.
	if got := rows(e.get("/can-bo/hoi-dap?loai=feedback").body); len(got) != 7 {
		t.Errorf("feedback filter: %d rows, want 7", len(got))
	}
	if got := rows(e.get("/can-bo/hoi-dap?cua-toi=1").body); len(got) != 1 || got[0] != "03" {
		t.Errorf("assigned to me: %v, want [03]", got)
	}
	if got := rows(e.get("/can-bo/hoi-dap?don-vi=" + itoa(unit)).body); len(got) != 1 {
		t.Errorf("unit filter: %v", got)
	}
	overdue := rows(e.get("/can-bo/hoi-dap?qua-han=1").body)
	for _, s := range overdue {
		if s < "10" {
			t.Errorf("item %s received this fortnight listed as overdue", s)
		}
	}
	if len(overdue) == 0 {
		t.Error("no overdue items listed")
	}
	// The done tab.
	if r := e.get("/can-bo/hoi-dap?xem=da-xong&trang-thai=rejected"); len(rows(r.body)) != 1 || rows(r.body)[0] != "04" {
		t.Errorf("done tab, rejected: %v, want [04]\n%s", rows(r.body), r.body)
	}
	for _, bad := range []string{"?loai=bi-mat", "?trang-thai=answered", "?xem=da-xong&trang-thai=received", "?sau=abc", "?don-vi=x", "?xem=khac"} {
		if r := e.get("/can-bo/hoi-dap" + bad); r.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", bad, r.status)
		}
	}
}

// TestReplyTemplates: officers create, edit, insert and delete templates;
// their body goes through the sanitiser.
func TestReplyTemplates(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/mau-tra-loi")
	r := e.post("/can-bo/mau-tra-loi", url.Values{"_csrf": {tok}, "topic": {"dat-dai"}, "title": {"Cấp sổ đỏ"},
		"body": {`<p>Hồ sơ nộp tại bộ phận một cửa.</p><script>alert(1)</script>`}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("template with a script: %d, want 422", r.status)
	}
	if strings.Contains(r.body, "<script>alert(1)") {
		t.Error("the script came back live")
	}
	r = e.post("/can-bo/mau-tra-loi", url.Values{"_csrf": {tok}, "topic": {"dat-dai"}, "title": {"Cấp sổ đỏ"},
		"body": {"Hồ sơ nộp tại bộ phận một cửa.\n\n- Đơn đăng ký\n- Giấy tờ về đất"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", r.status, r.body)
	}
	ts, err := e.st.ReplyTemplates(context.Background(), "dat-dai")
	if err != nil || len(ts) != 1 {
		t.Fatalf("templates: %v %v", ts, err)
	}
	tpl := ts[0]
	if !strings.Contains(tpl.Body, "<li>Đơn đăng ký</li>") {
		t.Errorf("plain text not turned into a list: %q", tpl.Body)
	}
	mustContain(t, "list", e.get("/can-bo/mau-tra-loi").body, "Cấp sổ đỏ", "Đất đai")
	// Edit.
	path := "/can-bo/mau-tra-loi/" + itoa(tpl.ID)
	mustContain(t, "edit form", e.get(path).body, `value="Cấp sổ đỏ"`)
	if r := e.post(path, url.Values{"_csrf": {tok}, "topic": {"*"}, "title": {"Cấp giấy chứng nhận"}, "body": {"<p>Nộp hồ sơ tại bộ phận một cửa của xã.</p>"}}); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", r.status, r.body)
	}
	ts, _ = e.st.ReplyTemplates(context.Background(), "")
	if len(ts) != 1 || ts[0].Topic != "" || ts[0].Title != "Cấp giấy chứng nhận" {
		t.Fatalf("after edit: %+v", ts)
	}
	// Insert it on an item's answer form, without JavaScript: the form
	// comes back with the template after what was typed; nothing saved.
	id := oqSubmit(t, e, "question", "Hỏi về sổ đỏ")
	oqToState(t, e, id, store.QAccepted)
	page := e.get("/can-bo/hoi-dap/" + itoa(id))
	mustContain(t, "template select", page.body, `name="template_id"`, "Cấp giấy chứng nhận (mọi chủ đề)", "Dùng mẫu")
	r = oqPost(e, id, store.ActAnswer, tok, url.Values{"answer": {"Kính gửi ông Hỏi,"}, "template_id": {itoa(tpl.ID)}, "use_template": {"1"}})
	if r.status != http.StatusOK {
		t.Fatalf("use template: %d\n%s", r.status, r.body)
	}
	mustContain(t, "answer with template", fieldBlock(t, r.body, "answer"), "Kính gửi ông Hỏi,", "Nộp hồ sơ tại bộ phận một cửa của xã.")
	if q := oqQuestion(t, e, id); q.State != store.QAccepted || q.AnswerDraft != "" {
		t.Errorf("inserting a template saved something: %s %q", q.State, q.AnswerDraft)
	}
	// Delete.
	if r := e.post(path+"/xoa", url.Values{"_csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.status)
	}
	if ts, _ := e.st.ReplyTemplates(context.Background(), ""); len(ts) != 0 {
		t.Errorf("after delete: %+v", ts)
	}
	if r := e.get(path); r.status != http.StatusNotFound {
		t.Errorf("deleted template's page: %d", r.status)
	}
}

// TestQuestionLimitsAdmin: officers cannot change the clock; an
// administrator sees each value with its rule and source, sets one, and
// it applies to items received from then on.
func TestQuestionLimitsAdmin(t *testing.T) {
	e := newEnv(t)
	o := newEnvSameStore(e)
	o.login("canbo")
	if r := o.get("/can-bo/thoi-han"); r.status != http.StatusForbidden {
		t.Errorf("officer opens the limits page: %d", r.status)
	}
	otok := o.csrf("/can-bo/hoi-dap")
	if r := o.post("/can-bo/thoi-han", url.Values{"_csrf": {otok}, "kind": {"question"}, "topic": {"*"}, "name": {"reply"}, "days": {"3"}, "source": {"x"}}); r.status != http.StatusForbidden {
		t.Errorf("officer sets a limit: %d", r.status)
	}
	e.login("admin")
	page := e.get("/can-bo/thoi-han")
	if page.status != http.StatusOK {
		t.Fatalf("limits page: %d", page.status)
	}
	for _, k := range rules.Kinds() {
		for _, l := range rules.DefaultLimits(k) {
			mustContain(t, k+"/"+l.Name, page.body, l.Rule, l.Source)
		}
	}
	mustContain(t, "page", page.body, "áp dụng cho các mục tiếp nhận từ nay", "Đã đối chiếu văn bản luật")
	before := oqSubmit(t, e, "question", "Trước khi đổi")
	tok := csrfRe.FindStringSubmatch(page.body)[1]
	// Refusals: a name the kind does not have, days out of range.
	r := e.post("/can-bo/thoi-han", url.Values{"_csrf": {tok}, "kind": {"question"}, "topic": {"*"}, "name": {"reply_complex"}, "days": {"7"}, "source": {"Quyết định"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Errorf("reply_complex for questions: %d", r.status)
	}
	r = e.post("/can-bo/thoi-han", url.Values{"_csrf": {tok}, "kind": {"question"}, "topic": {"*"}, "name": {"reply"}, "days": {"0"}, "source": {"Quyết định"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Errorf("0 days: %d", r.status)
	}
	mustContain(t, "days", fieldBlock(t, r.body, "days"), "từ 1 đến 365")
	r = e.post("/can-bo/thoi-han", url.Values{"_csrf": {tok}, "kind": {"question"}, "topic": {"dat-dai"}, "name": {"reply"}, "days": {"7"}, "source": {"Quyết định số 12/QĐ-UBND"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("set: %d\n%s", r.status, r.body)
	}
	after := oqSubmit(t, e, "question", "Sau khi đổi")
	if q := oqQuestion(t, e, before); q.ReplyDays != 10 {
		t.Errorf("an item received before the change has %d days", q.ReplyDays)
	}
	if q := oqQuestion(t, e, after); q.ReplyDays != 7 {
		t.Errorf("an item received after the change has %d days, want 7", q.ReplyDays)
	}
	mustContain(t, "override shown", e.get("/can-bo/thoi-han").body, "Quyết định số 12/QĐ-UBND", "Về mặc định")
	r = e.post("/can-bo/thoi-han/xoa", url.Values{"_csrf": {tok}, "kind": {"question"}, "topic": {"dat-dai"}, "name": {"reply"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("reset: %d", r.status)
	}
	if q := oqQuestion(t, e, oqSubmit(t, e, "question", "Sau khi trả về mặc định")); q.ReplyDays != 10 {
		t.Errorf("after reset: %d days", q.ReplyDays)
	}
	// The audit log names what was done, and links the item.
	if r := oqPost(e, after, store.ActAccept, tok, url.Values{"accept_title": {"Tiêu đề"}, "accept_body": {"Nội dung"}}); r.status != http.StatusSeeOther {
		t.Fatalf("accept: %d", r.status)
	}
	mustContain(t, "audit log", e.get("/can-bo/nhat-ky").body, "Đặt thời hạn xử lý hỏi đáp", "Trả thời hạn xử lý về mặc định",
		"Tiếp nhận câu hỏi", `href="/can-bo/hoi-dap/`+itoa(after)+`"`)
}

// TestOfficerQuestionPagesNeedLoginAndToken: the pages send visitors to
// the login; their forms refuse a request without the CSRF token.
func TestOfficerQuestionPagesNeedLoginAndToken(t *testing.T) {
	e := newEnv(t)
	id := oqSubmit(t, e, "question", "Câu hỏi")
	pages := []string{"/can-bo/hoi-dap", "/can-bo/hoi-dap/" + itoa(id), "/can-bo/hoi-dap/nhap", "/can-bo/mau-tra-loi", "/can-bo/thoi-han"}
	for _, p := range pages {
		r := e.get(p)
		if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/can-bo/dang-nhap?tiep=") {
			t.Errorf("GET %s as a visitor: %d %q", p, r.status, r.header.Get("Location"))
		}
	}
	e.login("admin")
	for _, p := range []string{"/can-bo/hoi-dap/" + itoa(id) + "/reject", "/can-bo/hoi-dap/nhap", "/can-bo/mau-tra-loi", "/can-bo/thoi-han"} {
		r := e.post(p, url.Values{"ground": {store.RejectSpam}, "title": {"x"}})
		if r.status != http.StatusForbidden {
			t.Errorf("POST %s without a token: %d, want 403", p, r.status)
		}
	}
	if q := oqQuestion(t, e, id); q.State != store.QReceived {
		t.Errorf("a forged form changed the item: %s", q.State)
	}
}

// TestEveryDemoQuestionOpensForOfficers: the demo data has items in every
// state and kind; each opens with the forms its state allows, and the
// inbox and done tab list them without error.
func TestEveryDemoQuestionOpensForOfficers(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	qs, err := e.st.Questions(context.Background(), store.QuestionFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) == 0 {
		t.Skip("no demo questions")
	}
	states := map[string]bool{}
	for _, q := range qs {
		states[q.State] = true
		r := e.get("/can-bo/hoi-dap/" + itoa(q.ID))
		if r.status != http.StatusOK {
			t.Fatalf("item %d (%s): %d", q.ID, q.State, r.status)
		}
		if store.Allowed(q.State, store.ActNote) && !strings.Contains(r.body, `action="/can-bo/hoi-dap/`+itoa(q.ID)+`/note"`) {
			t.Errorf("item %d (%s): no note form", q.ID, q.State)
		}
		if strings.Contains(r.body, `/accept"`) != store.Allowed(q.State, store.ActAccept) {
			t.Errorf("item %d (%s): accept form shown %v", q.ID, q.State, !store.Allowed(q.State, store.ActAccept))
		}
	}
	for _, p := range []string{"/can-bo/hoi-dap", "/can-bo/hoi-dap?qua-han=1"} {
		if r := e.get(p); r.status != http.StatusOK {
			t.Errorf("%s: %d", p, r.status)
		}
	}
	for s := range states {
		if r := e.get("/can-bo/hoi-dap?trang-thai=" + s); r.status != http.StatusOK && r.status != http.StatusNotFound {
			t.Errorf("state %s: %d", s, r.status)
		}
		if r := e.get("/can-bo/hoi-dap?xem=da-xong&trang-thai=" + s); r.status != http.StatusOK && r.status != http.StatusNotFound {
			t.Errorf("done tab %s: %d", s, r.status)
		}
	}
	oqNoServerErrors(t, e)
}
