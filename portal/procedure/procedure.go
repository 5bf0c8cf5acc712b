// Package procedure holds the structured facts of an administrative
// procedure (plan rows 6 and 9a: category thu-tuc-hanh-chinh, kind
// thu-tuc): its field, steps, documents required with the form that serves
// each, time limit, fee and where to submit. The legal basis is the
// disclosure's LegalBasis; the forms are the disclosure's attachments,
// downloaded from the portal itself. Pure: no HTTP, no SQL.
package procedure

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Category and kind slugs (see rules.DisclosureKinds).
const (
	Category = "thu-tuc-hanh-chinh"
	Kind     = "thu-tuc"
)

// Field is an area of administrative procedures.
type Field struct {
	Slug, Name string
}

// Fields lists the fields in the order the catalogue shows them. Slugs are
// stable: they are stored in facts and appear in URLs (?linh-vuc=).
var Fields = []Field{
	{"chung-thuc", "Chứng thực"},
	{"ho-tich", "Hộ tịch"},
	{"dat-dai", "Đất đai"},
	{"xay-dung", "Xây dựng"},
	{"bao-tro-xa-hoi", "Bảo trợ xã hội"},
	{"nguoi-co-cong", "Người có công"},
	{"kinh-doanh", "Hộ kinh doanh"},
	{"khac", "Lĩnh vực khác"},
}

// FieldBySlug returns the field with that slug.
func FieldBySlug(slug string) (Field, bool) {
	for _, f := range Fields {
		if f.Slug == slug {
			return f, true
		}
	}
	return Field{}, false
}

// Procedure is the facts of one procedure.
type Procedure struct {
	Field     string     `json:"field"`
	Name      string     `json:"name"`
	Steps     []string   `json:"steps"`
	Documents []Document `json:"documents"`
	TimeLimit string     `json:"time_limit"` // "Trong ngày; 02 ngày làm việc nếu nhiều bản"
	Fee       string     `json:"fee"`        // "2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang"
	Where     string     `json:"where"`      // "Bộ phận Một cửa, UBND xã"
}

// Document is one document required; Form is the attachment id of the
// form to fill in (0: no form, e.g. an identity card).
type Document struct {
	Name string `json:"name"`
	Form int64  `json:"form,omitempty"`
}

// FieldName is the name of the procedure's field.
func (p Procedure) FieldName() string {
	f, _ := FieldBySlug(p.Field)
	return f.Name
}

// Limits of the officer's text, in characters.
const (
	MaxLines    = 40
	MaxLineText = 500
)

// Lines splits a textarea into its non-empty lines, trimmed, dropping a
// leading list number ("1.", "2)", "-", "•") that officers often type.
func Lines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		l = strings.TrimSpace(trimNumber(l))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func trimNumber(l string) string {
	for _, bullet := range []string{"-", "•", "*", "+"} {
		if strings.HasPrefix(l, bullet+" ") {
			return l[len(bullet):]
		}
	}
	i := 0
	for i < len(l) && i < 3 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i < len(l) && (l[i] == '.' || l[i] == ')') && i+1 < len(l) && l[i+1] == ' ' {
		return l[i+1:]
	}
	return l
}

// FormSep separates a document's name from the file name of its form in a
// line of the documents textarea: "Tờ khai đăng ký khai sinh | to-khai.docx".
const FormSep = "|"

// ParseDocuments reads the documents textarea: one document a line,
// optionally followed by "| file name" naming one of the item's
// attachments as its form. files maps a file name (as listed on the item)
// to its attachment id. It returns the documents, or one Vietnamese
// message per bad line.
func ParseDocuments(text string, files map[string]int64) ([]Document, []string) {
	var docs []Document
	var problems []string
	for n, l := range Lines(text) {
		name, file, hasForm := strings.Cut(l, FormSep)
		name, file = strings.TrimSpace(name), strings.TrimSpace(file)
		d := Document{Name: name}
		switch {
		case name == "":
			problems = append(problems, fmt.Sprintf("Dòng %d: thiếu tên giấy tờ trước dấu “|”.", n+1))
			continue
		case utf8.RuneCountInString(name) > MaxLineText:
			problems = append(problems, fmt.Sprintf("Dòng %d: tên giấy tờ dài quá %d ký tự.", n+1, MaxLineText))
			continue
		case hasForm && file == "":
			problems = append(problems, fmt.Sprintf("Dòng %d: thiếu tên tệp biểu mẫu sau dấu “|”.", n+1))
			continue
		case hasForm:
			id, ok := files[file]
			if !ok {
				problems = append(problems, fmt.Sprintf("Dòng %d: tin này không có tệp đính kèm tên “%s”.", n+1, file))
				continue
			}
			d.Form = id
		}
		docs = append(docs, d)
	}
	if len(docs)+len(problems) > MaxLines {
		problems = append(problems, fmt.Sprintf("Tối đa %d giấy tờ.", MaxLines))
	}
	return docs, problems
}

// DocumentsText writes documents back as the textarea shows them; names
// maps an attachment id to its file name.
func DocumentsText(docs []Document, names map[int64]string) string {
	var b strings.Builder
	for _, d := range docs {
		b.WriteString(d.Name)
		if name, ok := names[d.Form]; ok && d.Form != 0 {
			b.WriteString(" " + FormSep + " " + name)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Forms lists the attachment ids of the procedure's forms, each once.
func (p Procedure) Forms() []int64 {
	var out []int64
	seen := map[int64]bool{}
	for _, d := range p.Documents {
		if d.Form != 0 && !seen[d.Form] {
			seen[d.Form] = true
			out = append(out, d.Form)
		}
	}
	return out
}
