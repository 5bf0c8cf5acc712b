// Package contacts is the commune's directory (danh bạ liên hệ): village
// heads, council delegates, officers in charge of each area. It is stored
// as the rows of a disclosure, one row a person.
//
// A person's phone and e-mail are published only with their recorded
// consent (who agreed, when, how): Decree 13/2023/NĐ-CP, now Law 91/2025,
// treats them as personal data. Without consent the public sees the
// office's number instead. Public gives the view that pages, vCards and
// exports may show.
package contacts

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"minhbach/portal/reception"
)

// Role is a person's place in the directory; the page groups by it.
type Role struct {
	Slug string
	Name string // group heading
}

// Roles in the page's order.
var Roles = []Role{
	{"lanh-dao", "Lãnh đạo UBND xã"},
	{"can-bo-phu-trach", "Cán bộ phụ trách lĩnh vực"},
	{"truong-thon", "Trưởng thôn"},
	{"dai-bieu-hdnd", "Đại biểu HĐND xã"},
	{"mat-tran-doan-the", "Mặt trận Tổ quốc và các đoàn thể"},
}

// RoleName is the heading for a role slug ("" when unknown).
func RoleName(slug string) string {
	for _, r := range Roles {
		if r.Slug == slug {
			return r.Name
		}
	}
	return ""
}

// ConsentMethods are how a consent can have been given.
var ConsentMethods = []Role{
	{"van-ban", "Bằng văn bản (phiếu đồng ý có chữ ký)"},
	{"truc-tiep", "Trực tiếp tại trụ sở, có biên bản"},
	{"thu-dien-tu", "Qua thư điện tử của chính người đó"},
}

// ConsentMethodName is the label of a consent method.
func ConsentMethodName(slug string) string {
	for _, r := range ConsentMethods {
		if r.Slug == slug {
			return r.Name
		}
	}
	return ""
}

// Consent records a person's agreement to publish their phone and e-mail.
type Consent struct {
	Given bool   `json:"given"`
	On    string `json:"on,omitempty"`  // YYYY-MM-DD
	How   string `json:"how,omitempty"` // a ConsentMethods slug
}

// Person is one row of the directory.
type Person struct {
	Key       string  `json:"key"`
	Name      string  `json:"name"`
	Role      string  `json:"role"`
	Title     string  `json:"title"`
	VillageID int64   `json:"village_id,omitempty"`
	Village   string  `json:"village,omitempty"` // the village's name when saved: versions keep it
	Area      string  `json:"area,omitempty"`    // area or unit in charge, for officers
	Phone     string  `json:"phone,omitempty"`
	Email     string  `json:"email,omitempty"`
	Consent   Consent `json:"consent"`
}

// Public is what may be shown of a person: phone and e-mail only with
// consent.
type Public struct {
	Key       string `json:"key"`
	Name      string `json:"name"`
	Role      string `json:"role"`
	RoleName  string `json:"role_name"`
	Title     string `json:"title"`
	VillageID int64  `json:"village_id,omitempty"`
	Village   string `json:"village,omitempty"`
	Area      string `json:"area,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Email     string `json:"email,omitempty"`
}

// Public drops the contact details a person has not agreed to publish.
func (p Person) Public() Public {
	out := Public{Key: p.Key, Name: p.Name, Role: p.Role, RoleName: RoleName(p.Role), Title: p.Title,
		VillageID: p.VillageID, Village: p.Village, Area: p.Area}
	if p.Consent.Given {
		out.Phone, out.Email = p.Phone, p.Email
	}
	return out
}

// Decode reads the directory's rows.
func Decode(rows []json.RawMessage) ([]Person, error) {
	out := make([]Person, 0, len(rows))
	for i, r := range rows {
		var p Person
		if err := json.Unmarshal(r, &p); err != nil {
			return nil, fmt.Errorf("contacts: row %d: %w", i+1, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// Rows is the directory as disclosure rows, ordered by role then name.
func Rows(people []Person) []json.RawMessage {
	people = slices.Clone(people)
	Sort(people)
	out := make([]json.RawMessage, 0, len(people))
	for _, p := range people {
		b, _ := json.Marshal(p) // strings, ints and bools cannot fail
		out = append(out, b)
	}
	return out
}

// Sort orders people by role (in Roles' order), then village (in
// Vietnamese alphabetical order); within that, the order officers entered
// them (the chairman before the vice-chairman).
func Sort(people []Person) {
	rank := func(slug string) int {
		i := slices.IndexFunc(Roles, func(r Role) bool { return r.Slug == slug })
		if i < 0 {
			return len(Roles)
		}
		return i
	}
	coll := collate.New(language.Vietnamese)
	slices.SortStableFunc(people, func(a, b Person) int {
		if d := rank(a.Role) - rank(b.Role); d != 0 {
			return d
		}
		return coll.CompareString(a.Village, b.Village)
	})
}

var emailPattern = regexp.MustCompile(`^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$`)

// Errors maps field names to messages in Vietnamese.
type Errors = reception.Errors

// Validate checks one person; today is the civil date a consent cannot be
// after.
func (p Person) Validate(today time.Time) Errors {
	errs := Errors{}
	text := func(field, value, label string, required bool, max int) {
		switch {
		case strings.TrimSpace(value) == "" && required:
			errs[field] = "Vui lòng nhập " + label + "."
		case utf8.RuneCountInString(value) > max:
			errs[field] = "Tối đa " + strconv.Itoa(max) + " ký tự."
		case strings.ContainsAny(value, "\r\n<>"):
			errs[field] = "Không dùng xuống dòng hay dấu < >."
		}
	}
	text("name", p.Name, "họ tên", true, 120)
	if RoleName(p.Role) == "" {
		errs["role"] = "Vui lòng chọn nhóm."
	}
	text("title", p.Title, "chức danh", true, 150)
	text("area", p.Area, "lĩnh vực phụ trách", p.Role == "can-bo-phu-trach", 150)
	if p.Role == "truong-thon" && p.VillageID == 0 {
		errs["village"] = "Trưởng thôn cần chọn thôn."
	}
	if p.Phone != "" && !reception.ValidPhone(p.Phone) {
		errs["phone"] = "Số điện thoại “" + p.Phone + "” không hợp lệ: chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc hoặc + ở đầu (8–15 chữ số)."
	}
	if p.Email != "" && (len(p.Email) > 254 || !emailPattern.MatchString(p.Email)) {
		errs["email"] = "Địa chỉ thư điện tử “" + p.Email + "” không hợp lệ."
	}
	if p.Consent.Given {
		on, err := time.Parse(time.DateOnly, p.Consent.On)
		switch {
		case p.Consent.On == "":
			errs["consent_on"] = "Vui lòng nhập ngày người này đồng ý công khai."
		case err != nil:
			errs["consent_on"] = "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."
		case on.After(today):
			errs["consent_on"] = "Ngày đồng ý không thể sau hôm nay."
		}
		if ConsentMethodName(p.Consent.How) == "" {
			errs["consent_how"] = "Vui lòng chọn cách người này đồng ý."
		}
		if p.Phone == "" && p.Email == "" {
			errs["phone"] = "Đã ghi nhận đồng ý công khai nhưng chưa có số điện thoại hay thư điện tử."
		}
	}
	return errs
}
