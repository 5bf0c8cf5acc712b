package portal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"minhbach/portal/households"
	"minhbach/portal/sheet"
	"minhbach/store"
)

// householdList makes a poor-household list with rows (village, class
// pairs get fictional names) posted from..until, published or not, and
// returns its id.
func householdList(e *env, published bool, from, until time.Time, rows ...households.Row) int64 {
	e.t.Helper()
	ctx := context.Background()
	officer, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		e.t.Fatal(err)
	}
	units, err := e.st.Units(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	households.AssignKeys(rows, nil)
	f := households.Facts{Year: 2026, MeetingOn: "2026-11-10", DecisionNo: "88/QĐ-UBND", DecisionOn: "2026-11-20"}
	f.Counts = households.Tally(rows, nil).Villages
	in := store.DisclosureInput{Category: households.Category, Kind: households.KindAnnual,
		Title: "Danh sách hộ nghèo, hộ cận nghèo năm 2026 (thử)", Summary: "Kết quả rà soát cuối năm.",
		Body: "<p>Kết quả rà soát hộ nghèo, hộ cận nghèo.</p>", UnitID: units[0].ID,
		PostingFrom: from, PostingUntil: until, Facts: f.JSON(), Rows: []json.RawMessage{}}
	for _, r := range rows {
		b, _ := json.Marshal(r)
		in.Rows = append(in.Rows, b)
	}
	id, err := e.st.CreateDisclosure(ctx, in, officer.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if published {
		if err := e.st.PublishDisclosure(ctx, id, officer.ID); err != nil {
			e.t.Fatal(err)
		}
	}
	return id
}

// listRows reads a list's working rows.
func listRows(e *env, id int64) []households.Row {
	e.t.Helper()
	raw, err := e.st.Rows(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	rows := make([]households.Row, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &rows[i]); err != nil {
			e.t.Fatal(err)
		}
	}
	return rows
}

// householdCSV is a list file of n rows; bad maps a row number (as Excel
// numbers it, the header being 1) to a village that does not exist.
func householdCSV(n int, bad map[int]string) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeffSTT,Họ và tên chủ hộ,Thôn,Phân loại,Ghi chú\r\n")
	villages := []string{"Thôn Đông", "Thôn Đoài", "Thôn Nam", "Thôn Bắc"}
	classes := []string{"Hộ nghèo", "Hộ cận nghèo", "ho thoat ngheo", "Thoát cận nghèo"}
	for i := range n {
		line := i + 2
		v := villages[i%len(villages)]
		if w, ok := bad[line]; ok {
			v = w
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s,\r\n", i+1, fictionalName(i), v, classes[i%len(classes)])
	}
	return b.Bytes()
}

// fictionalName is the i-th of many made-up names (no digits: a name
// with digits is refused).
func fictionalName(i int) string {
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"}
	middle := []string{"Văn", "Thị", "Đức", "Minh", "Hữu", "Ngọc", "Thanh", "Quang"}
	given := []string{"An", "Bình", "Cúc", "Dũng", "Em", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quyên", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến"}
	last := []string{"", " Anh", " Bảo", " Châu", " Diệp", " Gia", " Hạnh", " Khuê", " Linh", " My", " Nhi", " Phương", " Quý", " Thảo", " Trang", " Vy"}
	return family[i%12] + " " + middle[i/12%8] + " " + given[i/96%20] + last[i/1920%16] + " " + last[i/30720%16]
}

func householdXLSX(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// importList posts a file to a list's import form.
func importList(e *env, id int64, name string, data []byte, reason string) response {
	e.t.Helper()
	page := "/can-bo/cong-khai/" + itoa(id) + "/ho-ngheo"
	r := e.get(page)
	if r.status != http.StatusOK {
		e.t.Fatalf("list page: %d", r.status)
	}
	form := url.Values{"_csrf": {csrfRe.FindStringSubmatch(r.body)[1]}, "stamp": {stampOf(e.t, r.body)}}
	if reason != "" {
		form.Set("import-reason", reason)
	}
	return e.postMultipart(page+"/nhap", form, upload{"file", name, data})
}

func stampOf(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `name="stamp" value="`)
	if i < 0 {
		t.Fatal("no stamp on the page")
	}
	s := body[i+len(`name="stamp" value="`):]
	return s[:strings.IndexByte(s, '"')]
}

func TestHouseholdImportGoodFiles(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := householdList(e, false, civilDay(0), civilDay(5))

	xlsx := householdXLSX(t, [][]any{
		{"DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2026"},
		{},
		{"Phan loai", "Ho va ten chu ho", "thon"}, // any order, no diacritics
		{"Hộ nghèo", "Lưu Thị Mẫu", "Thôn Đông"},
		{"cận nghèo", "Khổng Văn Thử", "thon doai"},
	})
	r := importList(e, id, "danh-sach.xlsx", xlsx, "")
	if r.status != http.StatusSeeOther {
		t.Fatalf("xlsx import: %d\n%s", r.status, r.body)
	}
	rows := listRows(e, id)
	if len(rows) != 2 || rows[0].Head != "Lưu Thị Mẫu" || rows[1].Village != "Thôn Đoài" || rows[1].Class != households.NearPoor {
		t.Fatalf("rows after xlsx: %+v", rows)
	}
	page := e.get("/can-bo/cong-khai/" + itoa(id) + "/ho-ngheo")
	mustContain(t, "list page after import", page.body, "Đã nhập 2 hộ từ tệp danh-sach.xlsx", "Lưu Thị Mẫu", "Khổng Văn Thử")

	// The same household in a CSV keeps its key: the history will show it changed.
	csv := "Chủ hộ;Thôn;Phân loại;Ghi chú\r\nLưu Thị Mẫu;Thôn Đông;Hộ thoát nghèo;có việc làm ổn định\r\nTạ Văn Mới;Thôn Nam;HN;\r\n"
	if r := importList(e, id, "ds.csv", []byte(csv), ""); r.status != http.StatusSeeOther {
		t.Fatalf("csv import: %d\n%s", r.status, r.body)
	}
	again := listRows(e, id)
	if len(again) != 2 || again[0].Key != rows[0].Key || again[0].Class != households.LeftPoor || again[1].Head != "Tạ Văn Mới" {
		t.Errorf("rows after csv: %+v (first key was %q)", again, rows[0].Key)
	}
	d, err := e.st.Disclosure(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := households.ParseFacts(d.Facts)
	if f.Tally().All.Total() != 2 || f.Year != 2026 {
		t.Errorf("facts after import: %+v", f)
	}
}

// TestHouseholdImportRefusals: each bad file is refused with its message
// and nothing of it is saved.
func TestHouseholdImportRefusals(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	keep := households.Row{Head: "Lã Thị Giữ Nguyên", Village: "Thôn Đông", Class: households.Poor}
	id := householdList(e, false, civilDay(0), civilDay(5), keep)
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	cases := []struct {
		name, file string
		data       []byte
		want       []string
	}{
		{"bad rows", "ds.csv", []byte("Chủ hộ,Thôn,Phân loại\nA Văn B,Thôn Đông,Hộ nghèo\nC Văn D,Xóm Lạ,Hộ nghèo\nE Thị G,Thôn Nam,giàu\n"),
			[]string{"Tệp có 2 dòng chưa đúng, nên chưa lưu dòng nào", "Dòng 3: Thôn &#34;Xóm Lạ&#34; không có trong danh sách thôn của xã (Thôn Đông, Thôn Đoài",
				"Dòng 4: Phân loại &#34;giàu&#34; không hợp lệ"}},
		{"personal data", "ds.xlsx", householdXLSX(t, [][]any{{"Họ và tên chủ hộ", "Số CCCD", "Thôn", "Phân loại", "Điện thoại"}, {"A", "001", "Thôn Đông", "HN", "0200"}}),
			[]string{"cột dữ liệu cá nhân không được công khai", "&#34;Số CCCD&#34; (số định danh cá nhân)", "&#34;Điện thoại&#34; (số điện thoại)"}},
		{"picture renamed .xlsx", "ds.xlsx", png, []string{"Tệp này là một ảnh PNG, không phải bảng tính"}},
		{"old Excel", "ds.xls", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...), []string{"Excel 97-2003 (.xls)"}},
		{"legacy code page", "ds.csv", []byte("Ch\xf0 h\xd2,Th\xf4n,Ph\xe2n lo\xb9i\nA,B,C\n"), []string{"không được lưu ở mã UTF-8"}},
		{"missing column", "ds.csv", []byte("Chủ hộ,Phân loại\nA,HN\n"), []string{"thiếu cột bắt buộc: &#34;Thôn&#34;"}},
		{"header only", "ds.csv", []byte("Chủ hộ,Thôn,Phân loại\n"), []string{"chưa có hộ nào"}},
		{"no file", "", nil, []string{"Chưa chọn tệp"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := importList(e, id, tc.file, tc.data, "")
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d", r.status)
			}
			mustContain(t, tc.name, r.body, tc.want...)
			mustContain(t, tc.name, r.body, `id="file-error"`, `aria-invalid="true"`)
			if rows := listRows(e, id); len(rows) != 1 || rows[0].Head != keep.Head {
				t.Errorf("rows changed: %+v", rows)
			}
		})
	}
}

// TestHouseholdImportLarge: a valid 50,000-row file is saved whole; the same
// file with one bad row near its end saves nothing and names that row.
func TestHouseholdImportLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000-row import")
	}
	e := newEnv(t)
	e.login("canbo")
	id := householdList(e, false, civilDay(0), civilDay(5))
	const n = 50_000
	bad := householdCSV(n, map[int]string{49_999: "Thôn Không Có"})
	r := importList(e, id, "lon.csv", bad, "")
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad row at 49,999: %d", r.status)
	}
	mustContain(t, "bad row at 49,999", r.body, "Tệp có 1 dòng chưa đúng", "Dòng 49999: Thôn &#34;Thôn Không Có&#34;")
	if rows := listRows(e, id); len(rows) != 0 {
		t.Fatalf("%d rows saved from a bad file", len(rows))
	}
	if r := importList(e, id, "lon.csv", householdCSV(n, nil), ""); r.status != http.StatusSeeOther {
		t.Fatalf("valid file: %d\n%s", r.status, r.body[strings.Index(r.body, "<main"):])
	}
	rows := listRows(e, id)
	if len(rows) != n || rows[n-1].Head != strings.Join(strings.Fields(fictionalName(n-1)), " ") {
		t.Fatalf("%d rows saved", len(rows))
	}
	page := e.get("/can-bo/cong-khai/" + itoa(id) + "/ho-ngheo?trang=500")
	mustContain(t, "last page of rows", page.body, strings.Join(strings.Fields(fictionalName(n-1)), " "), "Trang 500/500", "Đã nhập 50.000 hộ")
}

func TestHouseholdTemplates(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	for _, format := range []string{"xlsx", "csv"} {
		r := e.get("/can-bo/ho-ngheo/mau." + format)
		if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Disposition"), "mau-danh-sach-ho-ngheo."+format) {
			t.Fatalf("%s template: %d %v", format, r.status, r.header)
		}
		tab, err := sheet.Read(strings.NewReader(r.body), households.Columns, sheet.Options{Forbidden: households.Personal})
		if err != nil {
			t.Fatal(err)
		}
		rows, problems := households.FromTable(tab, []string{"Thôn Đông", "Thôn Đoài"})
		if len(rows) != 2 || problems != nil {
			t.Errorf("%s template rows: %v %v", format, rows, problems)
		}
	}
	e2 := newEnv(t)
	if r := e2.get("/can-bo/ho-ngheo/mau.csv"); r.status != http.StatusSeeOther && r.status != http.StatusForbidden {
		t.Errorf("template for a visitor: %d", r.status)
	}
}

// TestHouseholdRowForm: add, edit and delete one household; a mistake
// re-shows the form with what was typed and the message beside the field;
// on a published list every change needs a reason and makes a version.
func TestHouseholdRowForm(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	first := households.Row{Head: "Vi Thị Đầu Tiên", Village: "Thôn Đông", Class: households.Poor}
	id := householdList(e, true, civilDay(0), civilDay(5), first)
	page := "/can-bo/cong-khai/" + itoa(id) + "/ho-ngheo"
	form := func(path string) url.Values {
		r := e.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		return url.Values{"_csrf": {csrfRe.FindStringSubmatch(r.body)[1]}, "stamp": {stampOf(t, r.body)}}
	}

	f := form(page)
	f.Set("head", "Ông 0912345678")
	f.Set("village", "Thôn Mới")
	f.Set("note", "gọi 0912 345 678")
	r := e.post(page+"/dong", f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad row: %d", r.status)
	}
	mustContain(t, "head field", fieldBlock(t, r.body, "head"), `value="Ông 0912345678"`, "chữ số", "field-error")
	mustContain(t, "class field", fieldBlock(t, r.body, "class"), "Chưa có phân loại")
	mustContain(t, "note field", fieldBlock(t, r.body, "note"), "không được công khai")
	mustContain(t, "reason field", fieldBlock(t, r.body, "reason"), "lý do thay đổi")

	f = form(page)
	f.Set("head", "Mạc Văn Thêm")
	f.Set("village", "Thôn Nam")
	f.Set("class", "ho-can-ngheo")
	f.Set("reason", "Bổ sung hộ sót")
	if r := e.post(page+"/dong", f); r.status != http.StatusSeeOther {
		t.Fatalf("add: %d\n%s", r.status, r.body)
	}
	rows := listRows(e, id)
	if len(rows) != 2 || rows[1].Head != "Mạc Văn Thêm" || rows[1].Key == "" || rows[1].Key == rows[0].Key {
		t.Fatalf("rows after add: %+v", rows)
	}
	d, _ := e.st.Disclosure(context.Background(), id)
	if d.Version != 2 {
		t.Errorf("version after add: %d", d.Version)
	}

	rowPage := page + "/dong/" + rows[1].Key
	f = form(rowPage)
	f.Set("head", "Mạc Văn Thêm")
	f.Set("village", "Thôn Nam")
	f.Set("class", "ho-ngheo")
	f.Set("note", "")
	r = e.post(rowPage, f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("edit without reason: %d", r.status)
	}
	mustContain(t, "edit re-shown", r.body, `<option value="ho-ngheo" selected>`)
	f.Set("reason", "Sửa phân loại")
	if r := e.post(rowPage, f); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", r.status, r.body)
	}
	if rows := listRows(e, id); rows[1].Class != households.Poor || rows[1].Key != rows[1].Key {
		t.Errorf("rows after edit: %+v", rows)
	}

	// A form opened before another save is refused, not applied over it.
	stale := form(rowPage)
	f = form(page)
	f.Set("head", "Lò Văn Sau")
	f.Set("village", "Thôn Bắc")
	f.Set("class", "ho-ngheo")
	f.Set("reason", "Bổ sung")
	e.post(page+"/dong", f)
	stale.Set("delete-reason", "Trùng")
	if r := e.post(rowPage+"/xoa", stale); r.status != http.StatusConflict {
		t.Errorf("stale delete: %d", r.status)
	}

	f = form(rowPage)
	f.Set("delete-reason", "Hộ chuyển đi nơi khác")
	if r := e.post(rowPage+"/xoa", f); r.status != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.status)
	}
	rows = listRows(e, id)
	if len(rows) != 2 || rows[0].Head != first.Head || rows[1].Head != "Lò Văn Sau" {
		t.Errorf("rows after delete: %+v", rows)
	}
	vs, err := e.st.Versions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if last := vs[len(vs)-1]; len(vs) != 5 || last.Reason != "Hộ chuyển đi nơi khác" || last.RowCount != 2 {
		t.Errorf("versions: %d, last %+v", len(vs), last)
	}
	if r := e.get(page + "/dong/khong-co"); r.status != http.StatusNotFound {
		t.Errorf("unknown row: %d", r.status)
	}
}

func TestHouseholdFactsForm(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := householdList(e, false, civilDay(0), civilDay(5), households.Row{Head: "Hà Văn Một", Village: "Thôn Đông", Class: households.Poor})
	page := "/can-bo/cong-khai/" + itoa(id) + "/ho-ngheo"
	r := e.get(page)
	f := url.Values{"_csrf": {csrfRe.FindStringSubmatch(r.body)[1]}, "stamp": {stampOf(t, r.body)},
		"year": {"20x5"}, "meeting_on": {"2026-12-10"}, "decision_no": {"5/QĐ-UBND"}, "decision_on": {"2026-12-01"}}
	r = e.post(page+"/thong-tin", f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad facts: %d", r.status)
	}
	mustContain(t, "year", fieldBlock(t, r.body, "year"), `value="20x5"`, "bốn chữ số")
	mustContain(t, "decision date", fieldBlock(t, r.body, "decision_on"), "trước ngày họp thôn")
	f.Set("year", "2027")
	f.Set("decision_on", "2026-12-20")
	if r := e.post(page+"/thong-tin", f); r.status != http.StatusSeeOther {
		t.Fatalf("facts: %d\n%s", r.status, r.body)
	}
	d, _ := e.st.Disclosure(context.Background(), id)
	got, _ := households.ParseFacts(d.Facts)
	if got.Year != 2027 || got.DecisionOn != "2026-12-20" || got.Tally().All.Total() != 1 {
		t.Errorf("facts: %+v", got)
	}
}

// TestHouseholdImportPublished: re-importing a published list needs a
// reason and makes one new version; the history names the rows changed
// while the list is posted.
func TestHouseholdImportPublished(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := householdList(e, true, civilDay(0), civilDay(5),
		households.Row{Head: "Âu Văn Cũ Một", Village: "Thôn Đông", Class: households.Poor},
		households.Row{Head: "Âu Thị Cũ Hai", Village: "Thôn Đoài", Class: households.NearPoor})
	csv := []byte("Chủ hộ,Thôn,Phân loại\nÂu Văn Cũ Một,Thôn Đông,Hộ thoát nghèo\nÂu Văn Mới Ba,Thôn Nam,Hộ nghèo\n")
	r := importList(e, id, "ds.csv", csv, "")
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("no reason: %d", r.status)
	}
	mustContain(t, "reason", fieldBlock(t, r.body, "import-reason"), "lý do thay đổi", "field-error")
	if d, _ := e.st.Disclosure(context.Background(), id); d.Version != 1 {
		t.Fatalf("version %d after a refused import", d.Version)
	}
	if r := importList(e, id, "ds.csv", csv, "Cập nhật sau họp thôn"); r.status != http.StatusSeeOther {
		t.Fatalf("import: %d\n%s", r.status, r.body)
	}
	vs, err := e.st.Versions(context.Background(), id)
	if err != nil || len(vs) != 2 || vs[1].Reason != "Cập nhật sau họp thôn" || vs[1].RowCount != 2 {
		t.Fatalf("versions: %+v %v", vs, err)
	}
	mustContain(t, "history", e.get("/cong-khai/"+itoa(id)+"/lich-su").body,
		"Thêm 1 dòng", "Âu Văn Mới Ba (Thôn Nam, Hộ nghèo)", "Bớt 1 dòng", "Âu Thị Cũ Hai (Thôn Đoài, Hộ cận nghèo)",
		"Sửa 1 dòng", "Âu Văn Cũ Một (Thôn Đông, Hộ thoát nghèo)")
	// Another kind's item has no household page.
	budget, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: "ngan-sach", Limit: 1})
	if err != nil || len(budget) == 0 {
		t.Fatal("no budget item")
	}
	if r := e.get("/can-bo/cong-khai/" + itoa(budget[0].ID) + "/ho-ngheo"); r.status != http.StatusNotFound {
		t.Errorf("household page of a budget item: %d", r.status)
	}
}
