package portal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/portal"
	"minhbach/portal/plan"
	"minhbach/seeds"
	"minhbach/store"
)

// The officers' side of the plan's indicators, on the demo data (the 2023
// plan and the 2026 copy, without the demo's figures and links, so that
// the tests enter the first ones) with the portal's clock in mid-June 2026: May
// is the last ended month, the first quarter the last ended quarter, and
// no year has ended.

var june2026 = time.Date(2026, 6, 15, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))

func newIndicatorEnv(t *testing.T) (*env, int64) {
	t.Helper()
	e := newEnvSeeded(t, true, seeds.Options{DemoPassword: demoPassword, NoPlanEvidence: true}, portal.Config{})
	e.st.SetClock(func() time.Time { return june2026 })
	return e, planOfYear(t, e, 2026)
}

// planOfYear is the id of the plan disclosure of year (any status).
func planOfYear(t *testing.T, e *env, year int) int64 {
	t.Helper()
	items, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Category: plan.Category, Kind: plan.Kind, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range items {
		var f plan.Facts
		if json.Unmarshal(d.Facts, &f) == nil && f.Year == year {
			return d.ID
		}
	}
	t.Fatalf("no plan for %d", year)
	return 0
}

const valueKey = "6c/ho-so-dung-han"

func indicatorURL(planID int64, key string) string {
	return "/can-bo/chi-so/" + key + "?ke-hoach=" + itoa(planID)
}

var seenRe = regexp.MustCompile(`name="seen" value="([^"]*)"`)
var keptRe = regexp.MustCompile(`name="kept-file" value="([^"]*)"`)

func field(t *testing.T, re *regexp.Regexp, body string) string {
	t.Helper()
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s in page", re)
	}
	return m[1]
}

var pdf = []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

// valueForm is what the value form sends.
func valueForm(tok string, planID int64, period, value, seen, note string) url.Values {
	return url.Values{"_csrf": {tok}, "ke-hoach": {itoa(planID)}, "period": {period}, "value": {value},
		"seen": {seen}, "note": {note}}
}

func TestOfficerEntersAValueWithEvidenceAndTheReminderGoes(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	e.login("canbo")
	home := e.get("/can-bo").body
	mustContain(t, "home reminders", home, "Chỉ số kế hoạch PAPI:", "6c/ho-so-dung-han · ", "Chưa nhập số liệu tháng 5/2026")
	list := e.get("/can-bo/chi-so")
	if list.status != http.StatusOK {
		t.Fatalf("list: %d", list.status)
	}
	mustContain(t, "list", list.body, "Chỉ số của kế hoạch PAPI năm 2026", "6c/ho-so-dung-han · ",
		"Chưa nhập số liệu quý I/2026", "1a/van-ban · ", "Chưa gắn văn bản nào đã công khai trong năm 2026",
		"Cổng tự tính", "&gt; 95 % (theo kế hoạch)")
	if strings.Contains(list.body, "năm 2026 · ") || strings.Contains(list.body, "7a/bao-phu-bhyt · ") {
		t.Error("a yearly indicator is reminded before its year ended")
	}

	page := e.get(indicatorURL(planID, valueKey))
	if page.status != http.StatusOK {
		t.Fatalf("indicator page: %d", page.status)
	}
	mustContain(t, "form", page.body, `<option value="2026-05-01" selected>`, "Tệp minh chứng được công khai", "Chưa có số liệu nào")
	if strings.Contains(page.body, `value="2026-07-01"`) {
		t.Error("a period that has not started is offered")
	}
	seen := field(t, seenRe, page.body)
	if seen != "2026-05-01:0" {
		t.Errorf("seen = %q", seen)
	}
	tok := e.csrf(indicatorURL(planID, valueKey))
	r := e.postMultipart("/can-bo/chi-so/"+valueKey, valueForm(tok, planID, "2026-05-01", "96,5", seen, "Theo hệ thống của tỉnh"),
		upload{"file", "bao-cao-thang-5.pdf", pdf})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	page = e.get(r.header.Get("Location"))
	mustContain(t, "after save", page.body, "Đã lưu số liệu tháng 5/2026: 96,5 %.", "<strong>96,5 %</strong>",
		"Theo hệ thống của tỉnh", "bao-cao-thang-5.pdf", "Nguyễn Thị Thu Hà")
	vs, err := e.st.IndicatorValues(context.Background(), planID)
	if err != nil || len(vs) != 1 || vs[0].Value != 96.5 || vs[0].Indicator != valueKey || vs[0].AttachmentID == 0 {
		t.Fatalf("stored: %+v %v", vs, err)
	}
	// The evidence is public: anyone downloads it from the scorecard's link.
	a, err := e.st.Attachment(context.Background(), vs[0].AttachmentID)
	if err != nil {
		t.Fatal(err)
	}
	if got := newEnvSameStore(e).get("/tep/" + itoa(a.ID) + "/" + a.Filename); got.status != http.StatusOK || got.body != string(pdf) {
		t.Errorf("public download: %d", got.status)
	}
	list = e.get("/can-bo/chi-so")
	if strings.Contains(list.body, "6c/ho-so-dung-han · ") {
		t.Error("the reminder stays after the value was entered")
	}
	mustContain(t, "list after", list.body, "96,5 % (tháng 5/2026)", "6c/ho-so-tre-xin-loi · ")
	// The audit log names the entry for administrators.
	a2 := newEnvSameStore(e)
	a2.login("admin")
	mustContain(t, "audit", a2.get("/can-bo/nhat-ky").body, "Nhập số liệu chỉ số", "6c/ho-so-dung-han month 2026-05-01: 96.5")
}

func TestValueFormErrorsKeepWhatWasTyped(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	e.login("canbo")
	path := "/can-bo/chi-so/" + valueKey
	tok := e.csrf(indicatorURL(planID, valueKey))
	seen := "2026-05-01:0"

	// Out of range, with a file: the error by the field, the value and the file kept.
	r := e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "150", seen, "ghi chú giữ lại"), upload{"file", "so-lieu.pdf", pdf})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("out of range: %d", r.status)
	}
	mustContain(t, "range", r.body, "Số liệu phải từ 0 đến 100 %; bạn nhập 150.", `value="150"`, "ghi chú giữ lại",
		"Đã tải lên: <strong>so-lieu.pdf</strong>", `id="value-error"`)
	kept := field(t, keptRe, r.body)
	if kept == "" {
		t.Fatal("the uploaded file is not kept")
	}
	// Each other mistake comes back the same way.
	for _, c := range []struct{ period, value, kept, want string }{
		{"2026-07-01", "97", kept, "Vui lòng chọn một tháng của năm 2026 đã bắt đầu."},
		{"2025-12-01", "97", kept, "Vui lòng chọn một tháng của năm 2026 đã bắt đầu."},
		{"2026-05-01", "chín bảy", kept, "Số liệu phải là một số"},
		{"2026-05-01", "", kept, "Vui lòng nhập số liệu."},
		{"2026-05-01", "97", "", "Vui lòng chọn tệp minh chứng"},
		{"2026-05-01", "97", "1.giả-mạo", "Vui lòng chọn tệp minh chứng"},
	} {
		f := valueForm(tok, planID, c.period, c.value, seen, "")
		f.Set("kept-file", c.kept)
		r := e.postMultipart(path, f)
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%+v: %d", c, r.status)
			continue
		}
		mustContain(t, c.want, r.body, c.want, `value="`+c.value+`"`)
	}
	// A file of the wrong type is refused by name.
	r = e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "97", seen, ""), upload{"file", "so-lieu.exe", []byte("MZ")})
	mustContain(t, "type", r.body, "so-lieu.exe", "chỉ nhận tệp PDF")
	// The kept file then saves with the value, written the other way.
	f := valueForm(tok, planID, "2026-05-01", "97.25", seen, "")
	f.Set("kept-file", kept)
	if r := e.postMultipart(path, f); r.status != http.StatusSeeOther {
		t.Fatalf("save with the kept file: %d\n%s", r.status, r.body)
	}
	mustContain(t, "saved", e.get(indicatorURL(planID, valueKey)).body, "<strong>97,25 %</strong>", "so-lieu.pdf")
}

func TestCorrectionNeedsAReasonAndAConflictKeepsTheInput(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	e.login("canbo")
	path := "/can-bo/chi-so/" + valueKey
	tok := e.csrf(indicatorURL(planID, valueKey))
	if r := e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "96,5", "2026-05-01:0", ""), upload{"file", "a.pdf", pdf}); r.status != http.StatusSeeOther {
		t.Fatalf("first: %d", r.status)
	}
	first := mustValues(t, e, planID)[0]

	// The page of that period is a correction: value in force, reason required.
	page := e.get(indicatorURL(planID, valueKey) + "&ky=2026-05-01")
	mustContain(t, "correction form", page.body, "Tháng 5/2026 đã có số liệu: 96,5 %", "Lý do sửa", "Lưu số liệu đã sửa")
	seen := field(t, seenRe, page.body)
	r := e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "97", seen, ""), upload{"file", "b.pdf", pdf})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("correction without a reason: %d", r.status)
	}
	mustContain(t, "reason", r.body, "Vui lòng ghi lý do sửa số liệu", `value="97"`, "b.pdf")

	// A form made before the first value (someone else saved meanwhile).
	r = e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "90", "2026-05-01:0", "số của tôi"), upload{"file", "c.pdf", pdf})
	if r.status != http.StatusConflict {
		t.Fatalf("stale form: %d", r.status)
	}
	mustContain(t, "conflict", r.body, "Trong lúc bạn nhập, Nguyễn Thị Thu Hà đã lưu số liệu tháng 5/2026: 96,5 %",
		`value="90"`, "số của tôi", "c.pdf", "Lý do sửa")
	if got := field(t, seenRe, r.body); got != "2026-05-01:"+itoa(first.ID) {
		t.Errorf("conflict form seen = %q", got)
	}
	if n := len(mustValues(t, e, planID)); n != 1 {
		t.Fatalf("the stale form saved: %d values", n)
	}

	// Choosing another period that has a value makes the form a correction of it.
	r = e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "90", "2026-04-01:0", "số của tôi"), upload{"file", "c.pdf", pdf})
	mustContain(t, "other period", r.body, "Tháng 5/2026 đã có số liệu 96,5 %. Nếu muốn sửa")

	r = e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "97", seen, "Tỉnh cập nhật thêm hồ sơ cuối tháng"), upload{"file", "b.pdf", pdf})
	if r.status != http.StatusSeeOther {
		t.Fatalf("correction: %d\n%s", r.status, r.body)
	}
	page = e.get(indicatorURL(planID, valueKey))
	mustContain(t, "history", page.body, "Đã sửa số liệu tháng 5/2026 thành 97 %", "<s>96,5 %</s> <span class=\"tag\">đã thay thế</span>",
		"Tỉnh cập nhật thêm hồ sơ cuối tháng", "a.pdf", "b.pdf")
	vs := mustValues(t, e, planID)
	if len(vs) != 1 || vs[0].Value != 97 || vs[0].Replaces != first.ID {
		t.Errorf("in force: %+v", vs)
	}
	// A correction without a new file keeps the file in force.
	seen = field(t, seenRe, e.get(indicatorURL(planID, valueKey)+"&ky=2026-05-01").body)
	if r := e.postMultipart(path, valueForm(tok, planID, "2026-05-01", "97,5", seen, "Làm tròn sai")); r.status != http.StatusSeeOther {
		t.Fatalf("correction without a file: %d\n%s", r.status, r.body)
	}
	if got := mustValues(t, e, planID); len(got) != 1 || got[0].Value != 97.5 || got[0].AttachmentID != vs[0].AttachmentID {
		t.Errorf("after a correction without a file: %+v", got)
	}
}

func mustValues(t *testing.T, e *env, planID int64) []store.IndicatorValue {
	t.Helper()
	vs, err := e.st.IndicatorValues(context.Background(), planID)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestLinkAndUnlinkADocument(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	e.login("canbo")
	ctx := context.Background()
	u, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		t.Fatal(err)
	}
	newItem := func(title string, publish bool) int64 {
		id, err := e.st.CreateDisclosure(ctx, store.DisclosureInput{Category: "ke-hoach-bao-cao", Title: title,
			Body: "<p>Nội dung</p>", PostingFrom: time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)}, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if publish {
			if err := e.st.PublishDisclosure(ctx, id, u.ID); err != nil {
				t.Fatal(err)
			}
		}
		return id
	}
	doc := newItem("Kế hoạch tuyên truyền bầu cử năm 2026", true)
	draft := newItem("Bản nháp chưa công khai", false)
	key := "1a/van-ban"
	page := e.get(indicatorURL(planID, key))
	mustContain(t, "documented page", page.body, "Chưa gắn văn bản nào.", `<option value="`+itoa(doc)+`">`)
	tok := e.csrf(indicatorURL(planID, key))
	path := "/can-bo/chi-so/" + key + "/lien-ket"
	for _, c := range []struct{ choice, number, want string }{
		{"", "", "Vui lòng chọn một tin đã công khai"},
		{"", "999999", "Không có tin số 999999."},
		{"", "abc", "Số của tin là con số"},
		{"", itoa(draft), "chưa công khai"},
		{"", itoa(planID), "là một kế hoạch PAPI"},
	} {
		r := e.post(path, url.Values{"_csrf": {tok}, "ke-hoach": {itoa(planID)}, "van-ban": {c.choice}, "so": {c.number}})
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%+v: %d", c, r.status)
		}
		mustContain(t, c.want, r.body, c.want, `value="`+c.number+`"`)
	}
	r := e.post(path, url.Values{"_csrf": {tok}, "ke-hoach": {itoa(planID)}, "so": {itoa(doc)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("link: %d\n%s", r.status, r.body)
	}
	mustContain(t, "linked", e.get(indicatorURL(planID, key)).body, "Đã gắn “Kế hoạch tuyên truyền bầu cử năm 2026”", `href="/cong-khai/`+itoa(doc)+`"`, "Bỏ liên kết")
	if strings.Contains(e.get("/can-bo/chi-so").body, "1a/van-ban · ") {
		t.Error("the reminder stays after a document was linked")
	}
	links, _ := e.st.IndicatorLinks(ctx, planID)
	if len(links) != 1 || links[0].DisclosureID != doc {
		t.Fatalf("links: %+v", links)
	}

	confirm := e.get("/can-bo/chi-so/" + key + "/bo-lien-ket?ke-hoach=" + itoa(planID) + "&van-ban=" + itoa(doc))
	if confirm.status != http.StatusOK {
		t.Fatalf("confirm: %d", confirm.status)
	}
	mustContain(t, "confirm", confirm.body, "Bỏ văn bản “", "Kế hoạch tuyên truyền bầu cử năm 2026")
	unlink := url.Values{"_csrf": {tok}, "ke-hoach": {itoa(planID)}, "van-ban": {itoa(doc)}}
	if r := e.post("/can-bo/chi-so/"+key+"/bo-lien-ket", unlink); r.status != http.StatusSeeOther {
		t.Fatalf("unlink: %d", r.status)
	}
	mustContain(t, "reminder back", e.get("/can-bo/chi-so").body, "1a/van-ban · ")
	if r := e.post("/can-bo/chi-so/"+key+"/bo-lien-ket", unlink); r.status != http.StatusConflict {
		t.Errorf("second unlink: %d", r.status)
	}
	// A computed indicator only explains itself and points to its public page.
	mustContain(t, "computed", e.get(indicatorURL(planID, "4b/tra-loi-dung-han")).body, "Cổng tự tính chỉ số này", `href="/chi-so/4b/tra-loi-dung-han?nam=2026"`)
}

func TestCopyAYearMakesADraftAndRefusesATakenYear(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	e.login("admin")
	ctx := context.Background()
	list := e.get("/can-bo/chi-so")
	mustContain(t, "copy form", list.body, "Tạo kế hoạch năm sau")
	if !regexp.MustCompile(`id="nam" name="nam"[^>]* value="2027"`).MatchString(list.body) {
		t.Error("the copy form does not propose the next year")
	}
	tok := e.csrf("/can-bo/chi-so")
	r := e.post("/can-bo/chi-so/sao-chep", url.Values{"_csrf": {tok}, "ke-hoach": {itoa(planID)}, "nam": {"2027"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("copy: %d\n%s", r.status, r.body)
	}
	id := planOfYear(t, e, 2027)
	if loc := r.header.Get("Location"); loc != "/can-bo/cong-khai/"+itoa(id) {
		t.Errorf("redirect to %q", loc)
	}
	d, err := e.st.Disclosure(ctx, id)
	if err != nil || !d.IsDraft() || d.Kind != plan.Kind {
		t.Fatalf("copy: %+v %v", d, err)
	}
	rows, err := e.st.Rows(ctx, id)
	if err != nil || len(rows) != 29 {
		t.Fatalf("rows: %d %v", len(rows), err)
	}
	edit := e.get("/can-bo/cong-khai/" + itoa(id))
	mustContain(t, "draft page", edit.body, "2027", "/can-bo/cong-khai/"+itoa(id)+"/ke-hoach/6c", "Chỉ số của kế hoạch")
	// Officers see the draft's indicators before the public does, but
	// evidence waits until the plan is public.
	mustContain(t, "draft tab", e.get("/can-bo/chi-so").body, "Bản nháp: ")
	mustContain(t, "draft indicator", e.get(indicatorURL(id, "1a/van-ban")).body, "Kế hoạch còn là bản nháp")
	if r := e.post("/can-bo/chi-so/1a/van-ban/lien-ket", url.Values{"_csrf": {tok}, "ke-hoach": {itoa(id)}, "so": {itoa(planID)}}); r.status != http.StatusConflict {
		t.Errorf("link on a draft plan: %d", r.status)
	}
	for _, year := range []string{"2027", "2023", "20x7", ""} {
		r := e.post("/can-bo/chi-so/sao-chep", url.Values{"_csrf": {tok}, "ke-hoach": {itoa(planID)}, "nam": {year}})
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("year %q: %d", year, r.status)
		}
		mustContain(t, year, r.body, `id="nam-error"`)
		if year != "" {
			mustContain(t, year, r.body, `value="`+year+`"`)
		}
	}
	mustContain(t, "taken", e.post("/can-bo/chi-so/sao-chep", url.Values{"_csrf": {tok}, "ke-hoach": {itoa(planID)}, "nam": {"2023"}}).body,
		"Năm 2023 đã có kế hoạch (đang công khai)")
	// Officers who are not administrators cannot.
	o := newEnvSameStore(e)
	o.login("canbo")
	if r := o.post("/can-bo/chi-so/sao-chep", url.Values{"_csrf": {o.csrf("/can-bo/chi-so")}, "ke-hoach": {itoa(planID)}, "nam": {"2028"}}); r.status != http.StatusForbidden {
		t.Errorf("officer copies: %d", r.status)
	}
}

func TestIndicatorPagesNeedAnOfficerAndCSRF(t *testing.T) {
	e, planID := newIndicatorEnv(t)
	for _, p := range []string{"/can-bo/chi-so", indicatorURL(planID, valueKey), "/can-bo/cong-khai/" + itoa(planID) + "/ke-hoach/6c"} {
		if r := e.get(p); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/can-bo/dang-nhap") {
			t.Errorf("visitor GET %s: %d", p, r.status)
		}
	}
	form := valueForm("", planID, "2026-05-01", "96", "2026-05-01:0", "")
	if r := e.postMultipart("/can-bo/chi-so/"+valueKey, form, upload{"file", "a.pdf", pdf}); r.status != http.StatusForbidden {
		t.Errorf("visitor POST: %d", r.status)
	}
	e.login("canbo")
	if r := e.postMultipart("/can-bo/chi-so/"+valueKey, form, upload{"file", "a.pdf", pdf}); r.status != http.StatusForbidden {
		t.Errorf("POST without CSRF: %d", r.status)
	}
	form.Set("_csrf", "sai")
	if r := e.post("/can-bo/chi-so/1a/van-ban/lien-ket", form); r.status != http.StatusForbidden {
		t.Errorf("link with a bad token: %d", r.status)
	}
	if n := len(mustValues(t, e, planID)); n != 0 {
		t.Errorf("%d values saved without a token", n)
	}
	for _, p := range []string{"/can-bo/chi-so/9z/khong-co?ke-hoach=" + itoa(planID), "/can-bo/chi-so?ke-hoach=999999", "/can-bo/chi-so?ke-hoach=abc", "/can-bo/chi-so?nam=1999"} {
		if r := e.get(p); r.status != http.StatusNotFound {
			t.Errorf("GET %s: %d", p, r.status)
		}
	}
}

// TestNoPlanNoReminders: a new installation has no plan; the officers'
// home page shows no reminders and the indicators page says what to do.
func TestNoPlanNoReminders(t *testing.T) {
	e := newEnvWith(t, false)
	e.login("admin")
	if body := e.get("/can-bo").body; strings.Contains(body, "Chỉ số kế hoạch PAPI:") {
		t.Error("reminders without a plan")
	}
	r := e.get("/can-bo/chi-so")
	if r.status != http.StatusOK {
		t.Fatalf("indicators: %d", r.status)
	}
	mustContain(t, "no plan", r.body, "Chưa có kế hoạch PAPI nào được công khai")
}
