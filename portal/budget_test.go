package portal_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"minhbach/portal/budget"
	"minhbach/store"
)

// budgetItem finds a public demo budget document by its title.
func (e *env) budgetItem(title string) store.Disclosure {
	e.t.Helper()
	items, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: "ngan-sach", Limit: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, d := range items {
		if d.Title == title {
			return d
		}
	}
	e.t.Fatalf("no public budget item %q", title)
	return store.Disclosure{}
}

const (
	estimate2024 = "Công khai dự toán ngân sách xã năm 2024"
	half2024     = "Công khai tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2024"
	accounts2023 = "Công khai quyết toán ngân sách xã năm 2023"
	estimate2025 = "Công khai dự toán ngân sách xã năm 2025"
)

// svgCharts returns the inline <svg> elements of a page, each checked to
// be well-formed XML with a name, a description and a table it points at.
func svgCharts(t *testing.T, page string) []string {
	t.Helper()
	svgs := regexp.MustCompile(`(?s)<svg .*?</svg>`).FindAllString(page, -1)
	for _, s := range svgs {
		d := xml.NewDecoder(strings.NewReader(s))
		d.Strict = true
		var root struct {
			Role        string `xml:"role,attr"`
			LabelledBy  string `xml:"aria-labelledby,attr"`
			DescribedBy string `xml:"aria-describedby,attr"`
			Title       string `xml:"title"`
			Desc        string `xml:"desc"`
		}
		if err := d.Decode(&root); err != nil {
			t.Fatalf("chart is not XML: %v\n%s", err, s)
		}
		if root.Role != "img" || root.Title == "" || root.Desc == "" || root.LabelledBy == "" {
			t.Errorf("chart without its text alternative: %+v", root)
		}
		ids := strings.Fields(root.DescribedBy)
		if len(ids) < 2 || !strings.Contains(page, `id="`+ids[1]+`"`) {
			t.Errorf("chart described by %q: no such table on the page", root.DescribedBy)
		}
	}
	return svgs
}

func TestBudgetItemPage(t *testing.T) {
	e := newEnv(t)
	d := e.budgetItem(half2024)
	r := e.get("/cong-khai/" + itoa(d.ID))
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	// Hand sums of the demo's 6-month report (millions of đồng): revenue
	// plan 1450+6800+620+7350+1180+200 = 17.600, actual
	// 812+2150+310+3675+540+96 = 7.583 (43,1 %); spending plan
	// 7200+5850+780+420+1350+690+820+140+350 = 17.600, actual
	// 2410+2870+365+188+702+301+296+55+0 = 7.187 (40,8 %).
	for _, want := range []string{
		"Thực hiện 6 tháng đầu năm 2024",
		"<td>17.600.000.000</td><td>7.583.000.000</td><td>43,1 %</td>",
		"<td>17.600.000.000</td><td>7.187.000.000</td><td>40,8 %</td>",
		`class="l1"><th scope="row"><span class="name"><span class="code">A.4</span> Thu bổ sung cân đối từ ngân sách huyện</span></th><td>7.350.000.000</td><td>3.675.000.000</td><td>50,0 %</td>`,
		`<td>350.000.000</td><td>0</td><td>0,0 %</td>`, // the reserve, unspent
		"Tổng thu ngân sách xã",
		`href="/cong-khai/` + itoa(d.ID) + `/ngan-sach.csv"`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := len(svgCharts(t, r.body)); n != 2 {
		t.Errorf("%d charts, want one per side", n)
	}

	// The 2025 estimate compares with 2024's; it has no actual column.
	e25 := e.budgetItem(estimate2025)
	r = e.get("/cong-khai/" + itoa(e25.ID))
	if !strings.Contains(r.body, "So sánh với các năm khác") || !strings.Contains(r.body, `<a href="/cong-khai/`+itoa(e.budgetItem(estimate2024).ID)+`">Năm 2024</a>`) {
		t.Error("the 2025 estimate does not compare with 2024")
	}
	if strings.Contains(r.body, "So với dự toán</th>") {
		t.Error("an estimate shows an actual column")
	}
	if n := len(svgCharts(t, r.body)); n != 3 {
		t.Errorf("%d charts, want two sides and the comparison", n)
	}
}

func TestBudgetExports(t *testing.T) {
	e := newEnv(t)
	d := e.budgetItem(estimate2024)
	r := e.get("/cong-khai/" + itoa(d.ID) + "/ngan-sach.csv")
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "\ufeff") || !strings.Contains(r.body, "\r\n") {
		t.Fatalf("CSV: status %d, BOM and CRLF expected\n%.200s", r.status, r.body)
	}
	if !strings.Contains(r.header.Get("Content-Type"), "text/csv") {
		t.Errorf("Content-Type %q", r.header.Get("Content-Type"))
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], "|") != "Thu/Chi|Mã|Tên|Mã cấp trên|Dự toán|Thực hiện" {
		t.Errorf("header %q", recs[0])
	}
	// After its revision the estimate has 2 totals, 6 + 9 lines and the
	// 5 capital works under B.1 (3.200+1.850+900+650+600 = 7.200 million).
	if len(recs) != 1+22 {
		t.Fatalf("%d records", len(recs))
	}
	byCode := map[string][]string{}
	for _, rec := range recs[1:] {
		byCode[rec[1]] = rec
	}
	if got := byCode["B.1"]; got[4] != "7200000000" || got[3] != "B" {
		t.Errorf("B.1 = %q", got)
	}
	if got := byCode["B.1.2"]; got[3] != "B.1" || got[4] != "1850000000" || got[0] != "Chi" {
		t.Errorf("B.1.2 = %q", got)
	}

	r = e.get("/cong-khai/" + itoa(d.ID) + "/ngan-sach.json")
	var lines []budget.Line
	if err := json.Unmarshal([]byte(r.body), &lines); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	doc, err := budget.Build(lines)
	if err != nil {
		t.Fatal(err)
	}
	// Revenue plan 2024: 1450+6800+620+7350+1180+200 = 17.600 million.
	if len(lines) != 22 || doc.Revenue.Plan != 17_600_000_000 || lines[0].Key != "A" {
		t.Errorf("%d lines, revenue %d, first %+v", len(lines), doc.Revenue.Plan, lines[0])
	}
	// The revision that added the works shows them in the history.
	if h := e.get("/cong-khai/" + itoa(d.ID) + "/lich-su"); !strings.Contains(h.body, "Thêm 5 dòng</ins>: B.1.1 Cải tạo, nâng cấp đường trục xã") {
		t.Errorf("the estimate's history does not list the lines its revision added\n%s", between(h.body, "<main", "</main>"))
	}

	// The CSV imports back as it is.
	if r := e.get("/cong-khai/" + itoa(d.ID) + "/ngan-sach.xml"); r.status != http.StatusNotFound {
		t.Errorf("unknown format: %d", r.status)
	}
	other := e.publicIDs()[0]
	if o, _ := e.st.PublicDisclosure(context.Background(), other); o.Category != "ngan-sach" {
		if r := e.get("/cong-khai/" + itoa(other) + "/ngan-sach.csv"); r.status != http.StatusNotFound {
			t.Errorf("export of a non-budget item: %d", r.status)
		}
	}
}

func TestBudgetOverview(t *testing.T) {
	e := newEnv(t)
	r := e.get("/ngan-sach")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	for _, want := range []string{
		`<a href="/cong-khai/` + itoa(e.budgetItem(estimate2025).ID) + `">Dự toán 2025</a>`,
		`<a href="/cong-khai/` + itoa(e.budgetItem(half2024).ID) + `">Thực hiện 6 tháng 2024</a>`,
		`<a href="/cong-khai/` + itoa(e.budgetItem(accounts2023).ID) + `">Quyết toán 2023</a>`,
		"Mới nhất: <a href=\"/cong-khai/" + itoa(e.budgetItem(estimate2025).ID) + `">Dự toán năm 2025</a>`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if len(svgCharts(t, r.body)) != 1 {
		t.Error("no chart of the latest year")
	}
	// Residents reach it from the home page and the category's list.
	if home := e.get("/"); !strings.Contains(home.body, `<a href="/ngan-sach">Ngân sách xã</a>`) {
		t.Error("the home page does not link to /ngan-sach")
	}
	if cat := e.get("/cong-khai/ngan-sach"); !strings.Contains(cat.body, `<a href="/ngan-sach">`) {
		t.Error("the category's list does not link to /ngan-sach")
	}
	// Years run newest first.
	if i, j := strings.Index(r.body, `<th scope="row">2025</th>`), strings.Index(r.body, `<th scope="row">2023</th>`); i < 0 || j < i {
		t.Errorf("years out of order: %d, %d", i, j)
	}
}

// budgetFile is a quarterly report: revenue 600.000 = 400.000 + 200.000
// (actual 150.000 = 100.000 + 50.000), spending 600.000 (actual 90.000).
const budgetFile = "Thu/Chi,Mã,Tên,Mã cấp trên,Dự toán,Thực hiện\r\n" +
	"Thu,A,Tổng thu,,600.000,150.000\r\n" +
	"Thu,A.1,Thuế,A,400.000,100.000\r\n" +
	"Thu,A.2,Bổ sung,A,200.000,50.000\r\n" +
	"Chi,B,Tổng chi,,600.000,90.000\r\n"

func TestBudgetImport(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	users, err := e.st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, err := e.st.CreateDisclosure(ctx, store.DisclosureInput{Category: "ngan-sach", Kind: budget.StageQuarter,
		Title: "Thực hiện quý I năm 2026", Body: "<p>Báo cáo quý.</p>"}, users[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	e.login("canbo")
	page := "/can-bo/cong-khai/" + itoa(id) + "/ngan-sach"
	tok := e.csrf(page)
	send := func(v url.Values, data string) response {
		v.Set("_csrf", tok)
		if data == "" {
			return e.postMultipart(page, v)
		}
		return e.postMultipart(page, v, upload{"tep", "so-lieu.csv", []byte(data)})
	}
	rows := func() int {
		rs, err := e.st.Rows(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return len(rs)
	}

	// Refused: each with its message, nothing saved.
	refused := []struct {
		name string
		v    url.Values
		file string
		want []string
	}{
		{"wrong total", url.Values{"nam": {"2026"}, "quy": {"1"}}, strings.Replace(budgetFile, "600.000,150.000", "600.000,160.000", 1),
			[]string{"Dòng 2: thực hiện của “Tổng thu” (mã A) ghi 160.000 đ nhưng tổng các dòng con là 150.000 đ, chênh lệch +10.000 đ."}},
		{"bad row", url.Values{"nam": {"2026"}, "quy": {"1"}}, strings.Replace(budgetFile, "Thu,A.2,Bổ sung,A", "Thu,A.2,Bổ sung,Z", 1),
			[]string{"Dòng 4: mã cấp trên “Z” không có trong tệp."}},
		{"disguised file", url.Values{"nam": {"2026"}, "quy": {"1"}}, "PK\x03\x04 not a workbook at all",
			[]string{"Chưa có gì thay đổi trong tin"}},
		{"quarter missing", url.Values{"nam": {"2026"}}, budgetFile,
			[]string{"Báo cáo quý cần ghi quý (1 đến 4)."}},
	}
	for _, c := range refused {
		r := send(c.v, c.file)
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d", c.name, r.status)
		}
		body := html.UnescapeString(r.body)
		for _, want := range c.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s: page lacks %q\n%s", c.name, want, between(r.body, "<main", "</main>"))
			}
		}
		if n := rows(); n != 0 {
			t.Errorf("%s: %d rows saved", c.name, n)
		}
	}

	// Accepted.
	r := send(url.Values{"nam": {"2026"}, "quy": {"1"}}, budgetFile)
	if r.status != http.StatusSeeOther {
		t.Fatalf("import: status %d\n%s", r.status, r.body)
	}
	if n := rows(); n != 4 {
		t.Fatalf("%d rows saved, want 4", n)
	}
	d, _ := e.st.Disclosure(ctx, id)
	if string(d.Facts) != `{"year":2026,"quarter":1}` {
		t.Errorf("facts %s", d.Facts)
	}
	r = e.get(page)
	if !strings.Contains(r.body, "Thực hiện quý I năm 2026") || !strings.Contains(r.body, "<td>600.000</td><td>150.000</td><td>25,0 %</td>") {
		t.Errorf("the officer page does not show the imported lines\n%s", between(r.body, "<main", "</main>"))
	}

	// The draft's preview shows the lines, as the public page will.
	if pv := e.get("/can-bo/cong-khai/" + itoa(id) + "/xem-truoc"); !strings.Contains(pv.body, "<td>400.000</td><td>100.000</td><td>25,0 %</td>") {
		t.Error("the preview does not show the draft's lines")
	}

	// Published, an edit needs a reason and makes a new version.
	if err := e.st.PublishDisclosure(ctx, id, users[0].ID); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(strings.Replace(budgetFile, "600.000,150.000", "600.000,170.000", 1), "200.000,50.000", "200.000,70.000", 1)
	r = send(url.Values{"nam": {"2026"}, "quy": {"1"}}, changed)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "ghi lý do thay đổi") {
		t.Errorf("no reason: status %d\n%s", r.status, e.logText())
	}
	r = send(url.Values{"nam": {"2026"}, "quy": {"1"}, "ly-do": {"Sửa số thực hiện khoản bổ sung"}}, changed)
	if r.status != http.StatusSeeOther {
		t.Fatalf("revision: status %d\n%s", r.status, r.body)
	}
	versions, err := e.st.VersionLog(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != 2 || versions[1].Reason != "Sửa số thực hiện khoản bổ sung" {
		t.Fatalf("versions %+v", versions)
	}
	pub := e.get("/cong-khai/" + itoa(id))
	if !strings.Contains(pub.body, "<td>200.000</td><td>70.000</td><td>35,0 %</td>") {
		t.Error("the public page does not show the new figures")
	}
	// The history names the lines that changed: the total and the line.
	if h := e.get("/cong-khai/" + itoa(id) + "/lich-su"); !strings.Contains(h.body, "Sửa 2 dòng: A Tổng thu; A.2 Bổ sung") {
		t.Errorf("history lacks the changed lines\n%s", between(h.body, "<main", "</main>"))
	}
	old := e.get("/cong-khai/" + itoa(id) + "/phien-ban/1")
	if !strings.Contains(old.body, "<td>200.000</td><td>50.000</td><td>25,0 %</td>") {
		t.Error("version 1 does not keep its figures")
	}
}

func TestBudgetTemplateDownload(t *testing.T) {
	e := newEnv(t)
	if r := e.get("/can-bo/ngan-sach/mau.csv"); r.status == http.StatusOK {
		t.Fatal("template served without a login")
	}
	e.login("canbo")
	r := e.get("/can-bo/ngan-sach/mau.csv")
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "\ufeffThu/Chi,Mã,Tên,Mã cấp trên,Dự toán,Thực hiện\r\n") {
		t.Fatalf("status %d\n%.300s", r.status, r.body)
	}
	r = e.get("/can-bo/ngan-sach/mau.xlsx")
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "PK") {
		t.Errorf("xlsx: status %d", r.status)
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	j := strings.Index(s, to)
	if i < 0 || j < i {
		return s
	}
	return s[i:j]
}
