package procedure

import (
	"reflect"
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	got := Lines("1. Nộp hồ sơ tại Bộ phận Một cửa\r\n\n  2) Cán bộ kiểm tra hồ sơ  \n- Nhận kết quả\n• Nộp lệ phí\n10 bản sao\n2026 là năm")
	want := []string{"Nộp hồ sơ tại Bộ phận Một cửa", "Cán bộ kiểm tra hồ sơ", "Nhận kết quả", "Nộp lệ phí", "10 bản sao", "2026 là năm"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

func TestParseDocuments(t *testing.T) {
	files := map[string]int64{"to-khai-khai-sinh.docx": 7, "mau 02.pdf": 9}
	docs, problems := ParseDocuments("Tờ khai đăng ký khai sinh | to-khai-khai-sinh.docx\nGiấy chứng sinh\nĐơn đề nghị |mau 02.pdf", files)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := []Document{{"Tờ khai đăng ký khai sinh", 7}, {"Giấy chứng sinh", 0}, {"Đơn đề nghị", 9}}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("docs = %+v, want %+v", docs, want)
	}
	if got := DocumentsText(docs, map[int64]string{7: "to-khai-khai-sinh.docx", 9: "mau 02.pdf"}); got !=
		"Tờ khai đăng ký khai sinh | to-khai-khai-sinh.docx\nGiấy chứng sinh\nĐơn đề nghị | mau 02.pdf\n" {
		t.Errorf("DocumentsText = %q", got)
	}

	_, problems = ParseDocuments("Tờ khai | khong-co.docx\n| to-khai-khai-sinh.docx\nĐơn |\n"+strings.Repeat("x", MaxLineText+1), files)
	want2 := []string{
		"Dòng 1: tin này không có tệp đính kèm tên “khong-co.docx”.",
		"Dòng 2: thiếu tên giấy tờ trước dấu “|”.",
		"Dòng 3: thiếu tên tệp biểu mẫu sau dấu “|”.",
		"Dòng 4: tên giấy tờ dài quá 500 ký tự.",
	}
	if !reflect.DeepEqual(problems, want2) {
		t.Errorf("problems = %q, want %q", problems, want2)
	}
}

func TestFields(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Fields {
		if seen[f.Slug] || f.Name == "" {
			t.Errorf("field %+v repeated or unnamed", f)
		}
		seen[f.Slug] = true
	}
	for _, s := range []string{"chung-thuc", "ho-tich", "dat-dai", "xay-dung"} {
		if _, ok := FieldBySlug(s); !ok {
			t.Errorf("field %s missing (the issue names it)", s)
		}
	}
	p := Procedure{Field: "ho-tich", Documents: []Document{{"a", 3}, {"b", 0}, {"c", 3}, {"d", 5}}}
	if p.FieldName() != "Hộ tịch" || !reflect.DeepEqual(p.Forms(), []int64{3, 5}) {
		t.Errorf("FieldName %q Forms %v", p.FieldName(), p.Forms())
	}
}
