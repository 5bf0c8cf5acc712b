package households

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"minhbach/portal/pii"
	"minhbach/portal/sheet"
	"minhbach/portal/vn"
)

// Limits of a row's text.
const (
	MaxHead = 100
	MaxNote = 300
	// MaxRows is the most rows one list may have: more households than
	// the largest commune has, and a file of that size stays well within
	// the upload limit (about 60 bytes a row in CSV).
	MaxRows = 100_000
)

// Columns are the columns of an import file and its template; Key is the
// form field of the same value.
var Columns = []sheet.Column{
	{Key: "head", Header: "Họ và tên chủ hộ", Required: true,
		Aliases: []string{"Họ tên chủ hộ", "Chủ hộ", "Tên chủ hộ", "Họ và tên", "Họ tên"}},
	{Key: "village", Header: "Thôn", Required: true,
		Aliases: []string{"Thôn, xóm", "Thôn/xóm", "Thôn, tổ dân phố", "Thôn/tổ dân phố", "Tổ dân phố", "Xóm", "Ấp", "Bản", "Làng"}},
	{Key: "class", Header: "Phân loại", Required: true,
		Aliases: []string{"Phân loại hộ", "Loại hộ", "Diện hộ", "Kết quả rà soát", "Xếp loại"}},
	{Key: "note", Header: "Ghi chú"},
}

// Personal are the columns an import refuses: personal data that a list
// posted in public may not carry.
var Personal = []sheet.Forbidden{
	{Name: "số định danh cá nhân", Headers: []string{"Số CCCD/CMND", "CCCD", "CMND", "CMT", "Căn cước", "Căn cước công dân", "Chứng minh nhân dân", "Số định danh", "Mã định danh", "Hộ chiếu"}},
	{Name: "ngày sinh", Headers: []string{"Ngày sinh", "Năm sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Tuổi"}},
	{Name: "số điện thoại", Headers: []string{"Số điện thoại", "Điện thoại", "SĐT", "ĐT", "Di động"}},
	{Name: "địa chỉ", Headers: []string{"Địa chỉ", "Số nhà", "Đường", "Nơi ở", "Nơi thường trú", "Hộ khẩu", "Chỗ ở"}},
	{Name: "thư điện tử", Headers: []string{"Email", "E-mail", "Thư điện tử"}},
	{Name: "số thẻ bảo hiểm", Headers: []string{"Số thẻ BHYT", "Mã thẻ BHYT", "Mã số BHXH", "Số sổ BHXH"}},
}

// Example is the rows the templates carry, fictional like the demo.
var Example = [][]string{
	{"Nguyễn Văn Mẫu", "Thôn Đông", "Hộ nghèo", ""},
	{"Trần Thị Ví Dụ", "Thôn Đoài", "Hộ cận nghèo", "Hộ mới phát sinh"},
}

// Input is a row as typed in a file or a form, before checking.
type Input struct{ Head, Village, Class, Note string }

// InputOf is the input a sheet row holds.
func InputOf(r sheet.Row) Input {
	v := r.Values
	return Input{Head: v["head"], Village: v["village"], Class: v["class"], Note: v["note"]}
}

// Row checks in against the commune's villages (by name, in their order)
// and returns the row (the village under its own name, the class parsed)
// or the problems by field ("head", "village", "class", "note").
func (in Input) Row(villages []string) (Row, map[string]string) {
	errs := map[string]string{}
	head := strings.Join(strings.Fields(in.Head), " ")
	switch {
	case head == "":
		errs["head"] = "Chưa có họ và tên chủ hộ."
	case utf8.RuneCountInString(head) > MaxHead:
		errs["head"] = fmt.Sprintf("Họ và tên dài quá %d ký tự.", MaxHead)
	case strings.ContainsFunc(head, unicode.IsDigit):
		errs["head"] = "Họ và tên có chữ số: chỉ ghi họ tên, không ghi số giấy tờ hay số điện thoại."
	}
	village, ok := FindVillage(in.Village, villages)
	switch {
	case strings.TrimSpace(in.Village) == "":
		errs["village"] = "Chưa có thôn."
	case !ok:
		errs["village"] = fmt.Sprintf("Thôn %q không có trong danh sách thôn của xã (%s).", strings.TrimSpace(in.Village), strings.Join(villages, ", "))
	}
	class, ok := ParseClass(in.Class)
	switch {
	case strings.TrimSpace(in.Class) == "":
		errs["class"] = "Chưa có phân loại."
	case !ok:
		errs["class"] = fmt.Sprintf("Phân loại %q không hợp lệ: ghi một trong %s.", strings.TrimSpace(in.Class), classList())
	}
	note := strings.TrimSpace(in.Note)
	switch {
	case utf8.RuneCountInString(note) > MaxNote:
		errs["note"] = fmt.Sprintf("Ghi chú dài quá %d ký tự.", MaxNote)
	case len(pii.Find(note)) > 0:
		errs["note"] = "Ghi chú có số điện thoại, số giấy tờ, thư điện tử hoặc địa chỉ: những thông tin này không được công khai."
	}
	if len(errs) > 0 {
		return Row{}, errs
	}
	return Row{Head: head, Village: village, Class: class, Note: note}, nil
}

func classList() string {
	names := make([]string, len(Classes))
	for i, c := range Classes {
		names[i] = c.Label()
	}
	return strings.Join(names, ", ")
}

// villagePrefixes are the words that may come before a village's own name.
var villagePrefixes = []string{"thon ", "xom ", "ap ", "ban ", "lang ", "to dan pho ", "khu "}

// FindVillage is the name in villages that s names, with or without
// diacritics or the "Thôn" before it, if exactly one matches.
func FindVillage(s string, villages []string) (string, bool) {
	f := vn.Fold(s)
	if f == "" {
		return "", false
	}
	for _, v := range villages {
		if vn.Fold(v) == f {
			return v, true
		}
	}
	found, n := "", 0
	for _, v := range villages {
		if trimPrefix(vn.Fold(v)) == trimPrefix(f) {
			found, n = v, n+1
		}
	}
	return found, n == 1
}

func trimPrefix(f string) string {
	for _, p := range villagePrefixes {
		if s, ok := strings.CutPrefix(f, p); ok {
			return s
		}
	}
	return f
}

// Problem is what is wrong with one row of a file.
type Problem struct {
	Line    int // as Excel numbers it
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("Dòng %d: %s", p.Line, p.Message) }

// FromTable checks every row of an imported table. It returns the rows
// when all are good, else every problem in file order (the rows are then
// nil: nothing of a bad file is kept). Keys are left to AssignKeys.
func FromTable(t sheet.Table, villages []string) ([]Row, []Problem) {
	rows := make([]Row, 0, len(t.Rows))
	var problems []Problem
	for _, r := range t.Rows {
		row, errs := InputOf(r).Row(villages)
		if errs != nil {
			var parts []string
			for _, c := range Columns {
				if e, ok := errs[c.Key]; ok {
					parts = append(parts, e)
				}
			}
			problems = append(problems, Problem{Line: r.Line, Message: strings.Join(parts, " ")})
			continue
		}
		if problems == nil {
			rows = append(rows, row)
		}
	}
	if problems != nil {
		return nil, problems
	}
	return rows, nil
}
