package portal

import (
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/abuse"
	"minhbach/portal/rules"
	"minhbach/portal/vn"
	"minhbach/store"
)

// Limits of the ask form, in characters.
const (
	maxAskTitle   = 200
	maxAskBody    = 10000
	maxAskName    = 100
	maxAskAddress = 300
	maxAskContact = 254 // the longest e-mail address
)

// askStampForm names the ask form in its abuse stamp.
const askStampForm = "ask"

// askKind is one choice of the form's first question, with the plain
// sentence that says what happens to it.
type askKind struct {
	Value, Label, Help string
	Protected          bool
}

var askKinds = []askKind{
	{rules.KindQuestion, "Câu hỏi",
		"Hỏi về chính sách, thủ tục hay công việc của xã. Sau khi cán bộ xã xem xét và che thông tin cá nhân, câu hỏi và câu trả lời được công khai để mọi người cùng biết.", false},
	{rules.KindFeedback, "Phản ánh, kiến nghị",
		"Báo một việc chưa ổn hoặc đề nghị xã làm một việc. Được công khai như câu hỏi, cùng câu trả lời. Báo việc sai phạm mà không ghi tên cũng được xử lý theo cách này: là phản ánh, không phải tố cáo chính thức.", false},
	{rules.KindInfoRequest, "Yêu cầu cung cấp thông tin",
		"Yêu cầu xã cung cấp thông tin, văn bản theo Luật Tiếp cận thông tin 2016. Luật yêu cầu ghi họ tên, nơi cư trú và số căn cước (chỉ cán bộ xã thấy). Yêu cầu và câu trả lời được công khai, không kèm các thông tin đó.", false},
	{rules.KindComplaint, "Khiếu nại",
		"Đề nghị xem xét lại một quyết định hay việc làm của cơ quan, cán bộ xã ảnh hưởng đến quyền lợi của bạn. Không bao giờ công khai: chỉ bạn xem được tiến độ bằng mã tra cứu. Phải ghi họ tên.", true},
	{rules.KindDenunciation, "Tố cáo",
		"Báo việc vi phạm pháp luật của cán bộ, cơ quan hay người khác. Không bao giờ công khai; danh tính người tố cáo được giữ bí mật (Luật Tố cáo 2018). Phải ghi họ tên: báo sai phạm không ghi tên được xử lý như phản ánh, không phải tố cáo chính thức.", true},
}

// askInput is the ask form exactly as typed, so that a form sent back keeps
// everything (except the file, which browsers do not let a page refill).
type askInput struct {
	Kind, Title, Body, Topic, Village string
	Name                              string
	NamePublic                        bool
	Contact                           string
	IDName, IDAddress, IDNumber       string
	// About is the plan the question is about (paramAbout), as sent.
	About string

	// Parsed values, valid after validate returns no errors.
	villageID int64
	contact   string // normalised: digits of a phone, or the e-mail address
	isEmail   bool
	idNumber  string
}

func parseAskInput(c *fiber.Ctx) askInput {
	return askInput{
		Kind: formText(c, "kind"), Title: formText(c, "title"), Body: formText(c, "body"),
		Topic: formText(c, "topic"), Village: formText(c, "village"),
		Name: formText(c, "name"), NamePublic: c.FormValue("name_public") != "",
		Contact: formText(c, "contact"),
		IDName:  formText(c, "id_name"), IDAddress: formText(c, "id_address"), IDNumber: formText(c, "id_number"),
		About: formText(c, paramAbout),
	}
}

// askFields is the order of the form's fields on the page.
var askFields = []string{"kind", "title", "body", "topic", "village", "file", "name", "contact",
	"id_name", "id_address", "id_number"}

// residentText checks what a resident typed. Markup is not refused: the
// text is only ever shown escaped, and a resident who writes "< 100 m²"
// or "online =" must not be told off for code.
func residentText(errs fieldErrors, field, value, label string, required bool, max int) {
	switch {
	case required && value == "":
		errs[field] = "Vui lòng nhập " + label + "."
	case !utf8.ValidString(value) || strings.IndexFunc(value, isControl) >= 0:
		errs[field] = capitalize(label) + " có ký tự không hợp lệ."
	case utf8.RuneCountInString(value) > max:
		errs[field] = fmt.Sprintf("%s dài %s ký tự, vượt giới hạn %s ký tự.",
			capitalize(label), vn.Number(int64(utf8.RuneCountInString(value))), vn.Number(int64(max)))
	}
}

func isControl(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf) && r != '\n' && r != '\r' && r != '\t'
}

// validate checks the form against the commune's villages.
func (f *askInput) validate(villages []store.Village) fieldErrors {
	errs := fieldErrors{}
	if !validKind(f.Kind) {
		errs["kind"] = "Vui lòng chọn loại nội dung bạn gửi."
	}
	residentText(errs, "title", f.Title, "tiêu đề", true, maxAskTitle)
	residentText(errs, "body", f.Body, "nội dung", true, maxAskBody)
	if _, ok := rules.TopicBySlug(f.Topic); !ok {
		errs["topic"] = "Vui lòng chọn lĩnh vực."
	}
	f.villageID = 0
	if f.Village != "" {
		id, _ := strconv.ParseInt(f.Village, 10, 64)
		for _, v := range villages {
			if v.ID == id {
				f.villageID = id
			}
		}
		if f.villageID == 0 {
			errs["village"] = "Vui lòng chọn thôn trong danh sách, hoặc để trống."
		}
	}
	protected := rules.Protected(f.Kind)
	residentText(errs, "name", f.Name, "họ tên", protected, maxAskName)
	if protected && f.Name == "" {
		errs["name"] = "Khiếu nại, tố cáo phải ghi họ tên người gửi (Luật Khiếu nại 2011, Luật Tố cáo 2018); họ tên được giữ bí mật. " +
			"Nếu không muốn ghi tên, hãy chọn “Phản ánh, kiến nghị”."
	}
	if protected {
		f.NamePublic = false
	}
	needContact := protected || f.Kind == rules.KindInfoRequest
	f.contact, f.isEmail = "", false
	switch {
	case f.Contact == "" && needContact:
		errs["contact"] = "Vui lòng nhập số điện thoại hoặc e-mail để cán bộ xã liên hệ khi cần."
	case f.Contact != "":
		var ok bool
		if f.contact, f.isEmail, ok = parseContact(f.Contact); !ok {
			errs["contact"] = "Số điện thoại hoặc e-mail chưa đúng. Ví dụ: 0912 345 678 hoặc ten@example.com."
		}
	}
	if f.Kind == rules.KindInfoRequest {
		residentText(errs, "id_name", f.IDName, "họ tên theo giấy tờ", true, maxAskName)
		residentText(errs, "id_address", f.IDAddress, "nơi cư trú", true, maxAskAddress)
		var ok bool
		if f.idNumber, ok = parseIDNumber(f.IDNumber); !ok {
			errs["id_number"] = "Số căn cước gồm 12 chữ số (chứng minh nhân dân cũ: 9 chữ số)."
		}
	}
	return errs
}

func validKind(k string) bool {
	for _, a := range askKinds {
		if a.Value == k {
			return true
		}
	}
	return false
}

// parseContact accepts a Vietnamese phone number (0…, +84…, with spaces,
// dots or dashes) or an e-mail address, and returns it normalised.
func parseContact(s string) (contact string, isEmail, ok bool) {
	if len(s) > maxAskContact {
		return "", false, false
	}
	if strings.Contains(s, "@") {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Address != s || a.Name != "" {
			return "", false, false
		}
		_, domain, _ := strings.Cut(a.Address, "@")
		if !strings.Contains(domain, ".") || strings.HasSuffix(domain, ".") {
			return "", false, false
		}
		return a.Address, true, true
	}
	var d strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d.WriteRune(r)
		case r == '+' && i == 0:
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
		default:
			return "", false, false
		}
	}
	n := d.String()
	if strings.HasPrefix(s, "+") || strings.HasPrefix(n, "84") && len(n) >= 11 {
		if !strings.HasPrefix(n, "84") {
			return "", false, false
		}
		n = "0" + n[2:]
	}
	if !strings.HasPrefix(n, "0") || len(n) < 10 || len(n) > 11 || strings.HasPrefix(n, "00") {
		return "", false, false
	}
	return n, false, true
}

// parseIDNumber accepts a citizen identity number (12 digits) or an old
// identity-card number (9 digits), with spaces.
func parseIDNumber(s string) (string, bool) {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) != 12 && len(s) != 9 {
		return "", false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return s, true
}

// dupKey recognises the same submission sent twice (a double tap, a resend
// after a lost connection).
func (f *askInput) dupKey() string {
	return abuse.DupKey(f.Kind, f.Title, f.Body, f.Name, f.contact)
}
