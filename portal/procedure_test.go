package portal_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"minhbach/portal/procedure"
)

// The catalogue groups procedures by field, filters by one, and exports
// the same as CSV and JSON with links to the forms hosted here.
func TestProcedureCatalogue(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	u, _ := e.st.UserByLogin(ctx, "canbo")
	form, err := e.st.SaveAttachment(ctx, "don-de-nghi.docx", "application/pdf", []byte("%PDF-1.4 mẫu đơn"), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	mk := func(field, name string, docs []procedure.Document, atts []int64) int64 {
		return e.item(procedure.Category, procedure.Kind, "Thủ tục "+name, procedure.Procedure{Field: field, Name: name,
			Steps: []string{"Nộp hồ sơ", "Nhận kết quả"}, Documents: docs, TimeLimit: "03 ngày làm việc", Fee: "Không thu",
			Where: "Bộ phận Một cửa"}, atts, true)
	}
	a := mk("xay-dung", "Cấp giấy phép xây dựng nhà ở riêng lẻ ZZZ", []procedure.Document{{Name: "Đơn đề nghị", Form: form.ID}, {Name: "Bản vẽ"}}, []int64{form.ID})
	b := mk("ho-tich", "Đăng ký kết hôn ZZZ", []procedure.Document{{Name: "Tờ khai"}}, nil)

	all := e.get("/thu-tuc").body
	mustContain(t, "catalogue", all, "Cấp giấy phép xây dựng nhà ở riêng lẻ ZZZ", "Đăng ký kết hôn ZZZ", "Biểu mẫu tải ngay tại đây", "1 biểu mẫu tải về")
	one := e.get("/thu-tuc?linh-vuc=ho-tich").body
	if !strings.Contains(one, "Đăng ký kết hôn ZZZ") || strings.Contains(one, "nhà ở riêng lẻ ZZZ") {
		t.Error("the field filter does not filter")
	}
	if r := e.get("/thu-tuc?linh-vuc=khong-co"); r.status != http.StatusNotFound {
		t.Errorf("unknown field: %d", r.status)
	}
	item := e.get("/cong-khai/" + itoa(a)).body
	mustContain(t, "procedure section", item, `<ol class="steps"><li>Nộp hồ sơ</li><li>Nhận kết quả</li></ol>`,
		`href="/tep/`+itoa(form.ID)+`/don-de-nghi.docx" download>Tải mẫu: don-de-nghi.docx</a>`, "03 ngày làm việc")

	r := e.get("/thu-tuc/xuat.csv")
	if !strings.HasPrefix(r.body, "\uFEFF") || !strings.Contains(r.body, "\r\n") {
		t.Fatal("CSV without a BOM or CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, row := range rows[1:] {
		switch row[0] {
		case itoa(a):
			found++
			if row[2] != "Xây dựng" || row[4] != "1. Nộp hồ sơ\n2. Nhận kết quả" || !strings.HasSuffix(row[6], "/tep/"+itoa(form.ID)+"/don-de-nghi.docx") {
				t.Errorf("CSV row %q", row)
			}
		case itoa(b):
			found++
		}
	}
	if found != 2 || rows[0][3] != "ten_thu_tuc" {
		t.Errorf("CSV: %d of 2 procedures, header %q", found, rows[0])
	}
	var items []struct {
		ID        int64  `json:"id"`
		Field     string `json:"field"`
		Documents []struct {
			Name    string `json:"name"`
			FormURL string `json:"form_url"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(e.get("/thu-tuc/xuat.json?linh-vuc=xay-dung").body), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Field != "xay-dung" {
			t.Errorf("JSON of one field has %s", it.Field)
		}
		if it.ID == a && (len(it.Documents) != 2 || it.Documents[1].FormURL != "") {
			t.Errorf("JSON documents %+v", it.Documents)
		}
	}
}

func TestProcedureFactsForm(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	ctx := context.Background()
	u, _ := e.st.UserByLogin(ctx, "canbo")
	form, _ := e.st.SaveAttachment(ctx, "to-khai.pdf", "application/pdf", []byte("%PDF-1.4 tờ khai"), u.ID)
	id := e.item(procedure.Category, "", "Đăng ký kết hôn", nil, []int64{form.ID}, false)
	page := "/can-bo/cong-khai/" + itoa(id) + "/thu-tuc"
	tok := e.csrf(page)
	v := url.Values{"_csrf": {tok}, "field": {"ho-tich"}, "name": {"Đăng ký kết hôn"}, "steps": {""},
		"documents": {"Tờ khai đăng ký kết hôn | khong-co.pdf"}, "time_limit": {"Trong ngày"}, "fee": {""},
		"where": {"Bộ phận Một cửa"}, "legal_basis": {"Luật Hộ tịch 2014"}}
	r := e.post(page, v)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.status)
	}
	mustContain(t, "procedure errors", r.body, "Vui lòng ghi các bước thực hiện", "Dòng 1: tin này không có tệp đính kèm tên “khong-co.pdf”.",
		`id="fee-error"`, "Tờ khai đăng ký kết hôn | khong-co.pdf")
	v.Set("steps", "1. Nộp tờ khai\n2. Ký sổ hộ tịch")
	v.Set("documents", "Tờ khai đăng ký kết hôn | to-khai.pdf\nGiấy xác nhận tình trạng hôn nhân")
	v.Set("fee", "Miễn lệ phí")
	if r := e.post(page, v); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	d, _ := e.st.Disclosure(ctx, id)
	var p procedure.Procedure
	json.Unmarshal(d.Facts, &p)
	if d.Kind != procedure.Kind || d.LegalBasis != "Luật Hộ tịch 2014" || len(p.Steps) != 2 || p.Steps[0] != "Nộp tờ khai" ||
		len(p.Documents) != 2 || p.Documents[0].Form != form.ID {
		t.Errorf("saved %s %q %+v", d.Kind, d.LegalBasis, p)
	}
	// The form shows the documents back with their file names.
	mustContain(t, "form again", e.get(page).body, "Tờ khai đăng ký kết hôn | to-khai.pdf")
}
