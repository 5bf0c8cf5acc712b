package portal_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"minhbach/portal"
	"minhbach/portal/plan"
	"minhbach/seeds"
	"minhbach/store"
)

// scorecardDay is the day the scorecard tests judge on: 26 November 2026,
// in the fourth quarter of the demo's 2026 plan.
var scorecardDay = time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC)

// newScorecardEnv is the demo portal with its clock on scorecardDay,
// without the demo's figures and links: each test enters its own.
func newScorecardEnv(t *testing.T) *env {
	t.Helper()
	e := newEnvSeeded(t, true, seeds.Options{DemoPassword: demoPassword, NoPlanEvidence: true}, portal.Config{})
	e.st.SetClock(func() time.Time { return scorecardDay })
	return e
}

func userID(t *testing.T, e *env, login string) int64 {
	t.Helper()
	u, err := e.st.UserByLogin(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// evidenceFile stores a file as an officer uploads a value's evidence.
func evidenceFile(t *testing.T, e *env, name string) store.Attachment {
	t.Helper()
	a, err := e.st.SaveAttachment(context.Background(), name, "application/pdf",
		[]byte("%PDF-1.4\n% "+name+"\n%%EOF\n"), userID(t, e, "admin"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func filePath(a store.Attachment) string { return "/tep/" + itoa(a.ID) + "/" + a.Filename }

// stateOf reads the state badge of an indicator's line on a scorecard page.
func stateOf(t *testing.T, body, key string) string {
	t.Helper()
	re := regexp.MustCompile(`<span class="state [a-z]+">([^<]+)</span>\s*<a href="/chi-so/` + regexp.QuoteMeta(key) + `">`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no line for %s", key)
	}
	return m[1]
}

func TestScorecardShowsEveryRowSubComponentAndState(t *testing.T) {
	e := newScorecardEnv(t)
	ctx := context.Background()
	planID := planOfYear(t, e, 2026)
	admin := userID(t, e, "admin")
	october := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	onTime := evidenceFile(t, e, "ho-so-thang-10.pdf")
	if _, err := e.st.AddIndicatorValue(ctx, store.IndicatorValueInput{PlanID: planID, Indicator: "6c/ho-so-dung-han",
		PeriodKind: store.PeriodMonth, PeriodStart: october, Value: 97.5, AttachmentID: onTime.ID, UserID: admin}); err != nil {
		t.Fatal(err)
	}
	apology := evidenceFile(t, e, "xin-loi-thang-10.pdf")
	if _, err := e.st.AddIndicatorValue(ctx, store.IndicatorValueInput{PlanID: planID, Indicator: "6c/ho-so-tre-xin-loi",
		PeriodKind: store.PeriodMonth, PeriodStart: october, Value: 80, AttachmentID: apology.ID, UserID: admin}); err != nil {
		t.Fatal(err)
	}

	r := e.get("/chi-so")
	if r.status != http.StatusOK {
		t.Fatalf("/chi-so: %d", r.status)
	}
	for _, row := range seeds.Plan2023().Rows {
		mustContain(t, "/chi-so", r.body, `id="nd-`+itoa(int64(row.Number))+`"`)
		for _, s := range row.Subs {
			mustContain(t, "/chi-so", r.body, `id="tp-`+plan.SubKey(row.Number, s.Letter)+`"`)
		}
	}
	for key, want := range map[string]string{
		"6c/ho-so-dung-han":        "đạt",               // entered, 97,5 > 95
		"6c/ho-so-tre-xin-loi":     "chưa đạt",          // entered, 80 < 100
		"6c/hai-long-tthc":         "chưa có số liệu",   // the third quarter ended without a value
		"1a/van-ban":               "chưa đến hạn",      // no document linked, the year under way
		"4b/ngay-tra-loi-trung-vi": "không có chỉ tiêu", // computed, no target
	} {
		if got := stateOf(t, r.body, key); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	mustContain(t, "/chi-so", r.body, `href="`+filePath(onTime)+`"`, `href="`+filePath(apology)+`"`,
		"97,5 %", "tháng 10/2026", "Nhập bởi", "chỉ được tính khi cán bộ đã ghi nhận",
		`<a href="/chi-so" aria-current="page">Chỉ số</a>`, `href="/chi-so/hoi-dap"`)
	for _, label := range []string{"đạt", "chưa đạt", "chưa có số liệu", "chưa đến hạn", "không có chỉ tiêu"} {
		mustContain(t, "summary", r.body, `">`+label+`</span> <strong>`)
	}
	// Officers are named as on an answer: title and unit, not the person.
	if u, _ := e.st.UserByLogin(ctx, "admin"); strings.Contains(r.body, "Nhập bởi "+u.Name) {
		t.Errorf("the scorecard names the officer %q", u.Name)
	}
	if f := e.get(filePath(onTime)); f.status != http.StatusOK {
		t.Errorf("evidence file: %d", f.status)
	}

	// A correction replaces the value and its evidence.
	history, err := e.st.IndicatorValueHistory(ctx, planID, "6c/ho-so-dung-han")
	if err != nil {
		t.Fatal(err)
	}
	fixed := evidenceFile(t, e, "ho-so-thang-10-dinh-chinh.pdf")
	if _, err := e.st.AddIndicatorValue(ctx, store.IndicatorValueInput{PlanID: planID, Indicator: "6c/ho-so-dung-han",
		PeriodKind: store.PeriodMonth, PeriodStart: october, Value: 93, AttachmentID: fixed.ID,
		Replaces: history[0].ID, Note: "Số liệu hệ thống tỉnh cập nhật lại", UserID: admin}); err != nil {
		t.Fatal(err)
	}
	r = e.get("/chi-so")
	if got := stateOf(t, r.body, "6c/ho-so-dung-han"); got != "chưa đạt" {
		t.Errorf("after the correction: %q", got)
	}
	mustContain(t, "corrected", r.body, `href="`+filePath(fixed)+`"`, "93 %", "Số liệu hệ thống tỉnh cập nhật lại")
	if strings.Contains(r.body, filePath(onTime)) {
		t.Error("the replaced value's file is still shown")
	}

	// Documented: a disclosure published this year and linked counts; a
	// draft linked does not.
	doc := publishNow(t, e, "Kế hoạch tuyên truyền bầu cử trưởng thôn năm 2026", true)
	draft := publishNow(t, e, "Dự thảo kế hoạch chưa công bố", false)
	for _, id := range []int64{doc, draft} {
		if err := e.st.LinkIndicator(ctx, planID, "1a/van-ban", id, admin); err != nil {
			t.Fatal(err)
		}
	}
	r = e.get("/chi-so")
	if got := stateOf(t, r.body, "1a/van-ban"); got != "đạt" {
		t.Errorf("documented with a link: %q", got)
	}
	mustContain(t, "documented", r.body, `<a href="/cong-khai/`+itoa(doc)+`">Kế hoạch tuyên truyền bầu cử trưởng thôn năm 2026</a>`)
	if strings.Contains(r.body, "Dự thảo kế hoạch chưa công bố") {
		t.Error("a linked draft is shown")
	}

	// One row, and another year.
	r = e.get("/chi-so/6")
	mustContain(t, "/chi-so/6", r.body, `id="tp-6a"`, `id="tp-6c"`, `href="/chi-so"`)
	if strings.Contains(r.body, `id="tp-4b"`) {
		t.Error("/chi-so/6 shows row 4")
	}
	r = e.get("/chi-so?nam=2023")
	mustContain(t, "2023", r.body, "Chỉ số thực hiện kế hoạch năm 2023", `href="/chi-so?nam=2026"`, "06/KH-UBND")
	for _, p := range []string{"/chi-so?nam=1999", "/chi-so/12", "/chi-so/4b/khong-co", "/chi-so.xml"} {
		if r := e.get(p); r.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
	}
}

// publishNow creates an item in the plans' category and, when publish,
// publishes it on the test's day.
func publishNow(t *testing.T, e *env, title string, publish bool) int64 {
	t.Helper()
	ctx := context.Background()
	admin := userID(t, e, "admin")
	id, err := e.st.CreateDisclosure(ctx, store.DisclosureInput{Category: plan.Category, Title: title,
		Body: "<p>" + title + "</p>", PostingFrom: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, admin)
	if err != nil {
		t.Fatal(err)
	}
	if publish {
		if err := e.st.PublishDisclosure(ctx, id, admin); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func TestIndicatorPageShowsTrendTableMethodAndEvidence(t *testing.T) {
	e := newScorecardEnv(t)
	ctx := context.Background()
	planID := planOfYear(t, e, 2026)
	f := evidenceFile(t, e, "hai-long-quy-2.pdf")
	if _, err := e.st.AddIndicatorValue(ctx, store.IndicatorValueInput{PlanID: planID, Indicator: "6c/hai-long-tthc",
		PeriodKind: store.PeriodQuarter, PeriodStart: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Value: 91,
		AttachmentID: f.ID, UserID: userID(t, e, "admin")}); err != nil {
		t.Fatal(err)
	}
	r := e.get("/chi-so/6c/hai-long-tthc")
	mustContain(t, "entered indicator", r.body, `<svg`, `role="img"`, `aria-describedby="bieu-do-xu-huong-d bang-xu-huong"`,
		`<table class="budget-table" id="bang-xu-huong">`, "quý II/2026", "91 %", "chưa có số liệu", "Cách tính",
		"Kết quả đánh giá mức độ hài lòng", "từ 90 %", "theo kế hoạch", `href="`+filePath(f)+`"`)
	if strings.Contains(r.body, "<script") {
		t.Error("indicator page has a script")
	}
	r = e.get("/chi-so/4b/tra-loi-dung-han")
	mustContain(t, "computed indicator", r.body, "tháng 1/2026", "tháng 12/2026", "Diễn biến theo tháng",
		"Tỷ lệ câu hỏi, kiến nghị, phản ánh có câu trả lời đầu tiên", "Mục đã tính",
		"mục không công khai: khiếu nại, tố cáo được bảo vệ, mục bị từ chối")
	// A question figure is read from the kept statistics: its evidence is
	// the public list of the items behind it, which lists them.
	m := regexp.MustCompile(`href="(/hoi-dap\?theo=tra-loi&amp;tu=2026-[0-9]{2}&amp;den=2026-[0-9]{2})"`).FindStringSubmatch(r.body)
	if m == nil {
		t.Fatal("computed indicator: no link to the questions counted")
	}
	if l := e.get(html.UnescapeString(m[1])); l.status != 200 || !strings.Contains(l.body, `href="/hoi-dap/`) {
		t.Errorf("%s: status %d, no question listed", m[1], l.status)
	}
}

func TestScorecardExportsParse(t *testing.T) {
	e := newScorecardEnv(t)
	want := 0
	for _, r := range seeds.Plan2023().Rows {
		for _, s := range r.Subs {
			want += len(s.Indicators)
		}
	}
	r := e.get("/chi-so.csv")
	if !strings.HasPrefix(r.body, "\uFEFF") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: no BOM or type %q", r.header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != want+1 || rows[0][0] != "Nội dung" || rows[0][10] != "Bằng chứng" {
		t.Fatalf("csv: %d rows, header %q", len(rows), rows[0])
	}
	var found bool
	for _, row := range rows[1:] {
		if row[3] == "Thủ tục chứng thực, xây dựng, đất đai có biểu mẫu tải về trên cổng" {
			found = true
			if row[7] != "75 % (3/4)" || row[8] != "chưa đạt" || !strings.Contains(row[10], "/cong-khai/") {
				t.Errorf("forms hosted row: %q", row)
			}
		}
	}
	if !found {
		t.Error("csv: no forms-hosted row")
	}

	r = e.get("/chi-so.json")
	var doc struct {
		Year       int            `json:"year"`
		Counts     map[string]int `json:"counts"`
		Indicators []struct {
			Key      string                 `json:"key"`
			State    string                 `json:"state"`
			Evidence []struct{ URL string } `json:"evidence"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(r.body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Year != 2026 || len(doc.Indicators) != want || doc.Indicators[0].Key != "1a/van-ban" {
		t.Errorf("json: year %d, %d indicators", doc.Year, len(doc.Indicators))
	}

	// The report, printable and as a workbook, for a quarter.
	r = e.get("/chi-so/bao-cao?ky=2026-q2")
	mustContain(t, "report", r.body, "Báo cáo kết quả thực hiện kế hoạch – quý II/2026", "Cổng Minh Bạch", "01/04/2026 – 30/06/2026", "26/11/2026", "Ủy ban nhân dân xã Trung Trắc")
	r = e.get("/chi-so/bao-cao.xlsx?ky=2026-q2")
	x, err := excelize.OpenReader(bytes.NewReader([]byte(r.body)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != "Bìa" || got[1] != "Chỉ số" {
		t.Fatalf("sheets %q", got)
	}
	cover, _ := x.GetRows("Bìa")
	coverText := ""
	for _, row := range cover {
		coverText += strings.Join(row, " ") + "\n"
	}
	mustContain(t, "cover", coverText, "Kỳ báo cáo quý II/2026", "Người lập Cổng Minh Bạch", "Ngày lập 26/11/2026", "Đơn vị báo cáo Ủy ban nhân dân xã Trung Trắc")
	table, _ := x.GetRows("Chỉ số")
	if len(table) != want+1 || table[0][3] != "Chỉ số" {
		t.Errorf("table sheet: %d rows", len(table))
	}

	// Logged in, the officer prepares it.
	e.login("admin")
	r = e.get("/chi-so/bao-cao?ky=2026")
	if strings.Contains(r.body, "<dd>Cổng Minh Bạch</dd>") {
		t.Error("an officer's report is prepared by the portal")
	}
}

func TestScorecardReportRefusesABadPeriod(t *testing.T) {
	e := newScorecardEnv(t)
	for _, p := range []string{"/chi-so/bao-cao", "/chi-so/bao-cao?ky=2026-q5", "/chi-so/bao-cao?ky=26", "/chi-so/bao-cao.xlsx?ky=2026-13", "/chi-so/bao-cao.xlsx?ky=abc"} {
		r := e.get(p)
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, "ky=2026-q2") {
			t.Errorf("%s: %d", p, r.status)
		}
	}
	if r := e.get("/chi-so/bao-cao?ky=2031"); r.status != http.StatusNotFound || !strings.Contains(r.body, "chưa công khai kế hoạch năm 2031") {
		t.Errorf("a year without a plan: %d", r.status)
	}
}

func TestScorecardSameBodyUnderConcurrentRequests(t *testing.T) {
	e := newScorecardEnv(t)
	paths := []string{"/chi-so", "/chi-so/4", "/chi-so/4b/tra-loi-dung-han", "/chi-so.csv"}
	serial := map[string]string{}
	for _, p := range paths {
		serial[p] = e.get(p).body
	}
	e.st.SetClock(func() time.Time { return scorecardDay }) // the cache is warm; render again after a change:
	if _, err := e.st.AddIndicatorValue(context.Background(), store.IndicatorValueInput{PlanID: planOfYear(t, e, 2026),
		Indicator: "8a/ho-phan-loai-rac", PeriodKind: store.PeriodQuarter, PeriodStart: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
		Value: 120, AttachmentID: evidenceFile(t, e, "rac-quy-3.pdf").ID, UserID: userID(t, e, "admin")}); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		serial[p] = e.get(p).body
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newClient()
			for _, p := range paths {
				res, err := c.Get(e.url + p)
				if err != nil {
					errs <- err.Error()
					return
				}
				var b bytes.Buffer
				b.ReadFrom(res.Body)
				res.Body.Close()
				if b.String() != serial[p] {
					errs <- p + ": body differs"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if !strings.Contains(serial["/chi-so"], "120 hộ") {
		t.Error("the new value is not on the scorecard")
	}
}

func TestPlanItemPageShowsItsTableAndScorecard(t *testing.T) {
	e := newScorecardEnv(t)
	id := planOfYear(t, e, 2026)
	r := e.get("/cong-khai/" + itoa(id))
	mustContain(t, "plan item", r.body, "Phụ lục: nhiệm vụ, kết quả và chỉ số", `href="/chi-so?nam=2026"`,
		"<summary>4b – ", "Chủ trì:", `href="/chi-so/4b/tra-loi-dung-han?nam=2026"`)
}

func TestHomeShowsThePlanHeadline(t *testing.T) {
	e := newScorecardEnv(t)
	r := e.get("/")
	mustContain(t, "home", r.body, "Thực hiện cam kết năm 2026", "câu hỏi được trả lời đúng hạn",
		"nội dung công khai đúng hạn luật định", "chỉ số có chỉ tiêu của kế hoạch năm 2026 đã đạt", `<a href="/chi-so">`)
	var doc struct {
		Counts map[string]int `json:"counts"`
	}
	if err := json.Unmarshal([]byte(e.get("/chi-so.json").body), &doc); err != nil {
		t.Fatal(err)
	}
	withTarget := 0
	for state, n := range doc.Counts {
		if state != "không có chỉ tiêu" {
			withTarget += n
		}
	}
	mustContain(t, "home figure", r.body, "<strong>"+itoa(int64(doc.Counts["đạt"]))+"/"+itoa(int64(withTarget))+"</strong>")
}
