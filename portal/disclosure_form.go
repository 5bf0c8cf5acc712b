package portal

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/portal/rules"
	"minhbach/portal/vn"
	"minhbach/store"
)

// Field limits, in characters.
const (
	maxTitle      = 300
	maxSummary    = 1000
	maxLegalBasis = 1000
	maxBody       = 200000
	maxReason     = 500
	maxFiles      = 10
)

// disclosureForm is the officer's form exactly as typed, so that a form
// with errors comes back with everything still in it.
type disclosureForm struct {
	Category      string
	Title         string
	Summary       string
	Body          string
	LegalBasis    string
	UnitID        string
	PostingFrom   string
	PostingUntil  string
	Reason        string
	AttachmentIDs []int64 // files already uploaded and kept
	Kind          string
	DecidedOn     string

	// Parsed values, valid after validate returns no errors.
	unitID       int64
	postingFrom  time.Time
	postingUntil time.Time
	decidedOn    time.Time
}

func parseDisclosureForm(c *fiber.Ctx) disclosureForm {
	f := disclosureForm{
		Category:     formText(c, "category"),
		Title:        formText(c, "title"),
		Summary:      formText(c, "summary"),
		Body:         formText(c, "body"),
		LegalBasis:   formText(c, "legal_basis"),
		UnitID:       formText(c, "unit_id"),
		PostingFrom:  formText(c, "posting_from"),
		PostingUntil: formText(c, "posting_until"),
		Reason:       formText(c, "reason"),
		Kind:         formText(c, "kind"),
		DecidedOn:    formText(c, "decided_on"),
	}
	if mf, err := c.MultipartForm(); err == nil {
		for _, v := range mf.Value["keep"] {
			if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
				f.AttachmentIDs = append(f.AttachmentIDs, id)
			}
		}
	} else {
		for _, v := range c.Context().PostArgs().PeekMulti("keep") {
			if id, err := strconv.ParseInt(string(v), 10, 64); err == nil && id > 0 {
				f.AttachmentIDs = append(f.AttachmentIDs, id)
			}
		}
	}
	return f
}

func formFromDisclosure(d store.Disclosure) disclosureForm {
	f := disclosureForm{
		Category:     d.Category,
		Title:        d.Title,
		Summary:      d.Summary,
		Body:         d.Body,
		LegalBasis:   d.LegalBasis,
		PostingFrom:  isoDate(d.PostingFrom),
		PostingUntil: isoDate(d.PostingUntil),
		Kind:         d.Kind,
		DecidedOn:    isoDate(d.DecidedOn),
	}
	if d.UnitID != 0 {
		f.UnitID = strconv.FormatInt(d.UnitID, 10)
	}
	for _, a := range d.Attachments {
		f.AttachmentIDs = append(f.AttachmentIDs, a.ID)
	}
	return f
}

// validate checks the form; published reports whether the item is public,
// which makes a reason for the change mandatory.
func (f *disclosureForm) validate(units []store.Unit, published bool) fieldErrors {
	errs := fieldErrors{}
	if _, ok := store.CategoryBySlug(f.Category); !ok {
		errs["category"] = "Vui lòng chọn một chuyên mục trong danh sách."
	} else if _, ok := rules.LookupKind(f.Category, f.Kind); !ok {
		var names []string
		for _, k := range rules.KindsOf(f.Category) {
			names = append(names, "“"+k.Name+"”")
		}
		msg := "Chuyên mục “" + categoryLabel(f.Category) + "” không có loại này"
		if len(names) > 0 {
			msg += "; chọn " + strings.Join(names, ", ") + " hoặc “Chung”."
		} else {
			msg += "; chọn “Chung”."
		}
		errs["kind"] = msg
	}
	plainText(errs, "title", f.Title, "tiêu đề", true, maxTitle)
	plainText(errs, "summary", f.Summary, "tóm tắt", false, maxSummary)
	plainText(errs, "legal_basis", f.LegalBasis, "căn cứ pháp lý", false, maxLegalBasis)
	if published {
		plainText(errs, "reason", f.Reason, "lý do thay đổi", true, maxReason)
	}
	switch {
	case htmlToText(f.Body) == "":
		errs["body"] = "Vui lòng nhập nội dung."
	case utf8.RuneCountInString(f.Body) > maxBody:
		errs["body"] = fmt.Sprintf("Nội dung vượt giới hạn %s ký tự; hãy đưa phần dài vào tệp đính kèm.", vn.Number(maxBody))
	case dangerous.MatchString(f.Body):
		errs["body"] = "Nội dung có mã không được phép (script, style, iframe hoặc thuộc tính on…). " +
			"Hệ thống đã loại bỏ phần mã đó; hãy kiểm tra lại nội dung dưới đây rồi lưu."
	case unsafeLink(f.Body):
		errs["body"] = "Nội dung có liên kết không được phép (javascript:, vbscript: hoặc data:). " +
			"Chỉ dùng liên kết bắt đầu bằng https://, http://, mailto: hoặc tel:. " +
			"Hệ thống đã bỏ các liên kết đó; hãy kiểm tra lại nội dung dưới đây rồi lưu."
	}
	f.unitID = 0
	if f.UnitID != "" {
		id, err := strconv.ParseInt(f.UnitID, 10, 64)
		found := false
		for _, u := range units {
			found = found || (err == nil && u.ID == id)
		}
		if !found {
			errs["unit_id"] = "Vui lòng chọn đơn vị chủ trì trong danh sách."
		}
		f.unitID = id
	} else {
		errs["unit_id"] = "Vui lòng chọn đơn vị chủ trì."
	}
	var err error
	if f.PostingFrom == "" {
		errs["posting_from"] = "Vui lòng nhập ngày bắt đầu niêm yết."
	} else if f.postingFrom, err = parseCivilDate(f.PostingFrom); err != nil {
		errs["posting_from"] = "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2024."
	}
	f.decidedOn = time.Time{}
	if f.DecidedOn != "" {
		if f.decidedOn, err = parseCivilDate(f.DecidedOn); err != nil {
			errs["decided_on"] = "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2024."
		}
	}
	f.postingUntil = time.Time{}
	if f.PostingUntil != "" {
		if f.postingUntil, err = parseCivilDate(f.PostingUntil); err != nil {
			errs["posting_until"] = "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/04/2024."
		} else if !f.postingFrom.IsZero() && f.postingUntil.Before(f.postingFrom) {
			errs["posting_until"] = "Ngày kết thúc niêm yết phải sau ngày bắt đầu (" + fmtDate(f.postingFrom) + ")."
		}
	}
	return errs
}

// input turns a valid form into what the store saves; the body is
// sanitised here, once, before it is stored.
func (f *disclosureForm) input(h *handler) store.DisclosureInput {
	body := f.Body
	if !markup.MatchString(body) {
		body = textToHTML(body)
	}
	return store.DisclosureInput{
		Category:      f.Category,
		Title:         f.Title,
		Summary:       f.Summary,
		Body:          h.sanitize(body),
		LegalBasis:    f.LegalBasis,
		UnitID:        f.unitID,
		PostingFrom:   f.postingFrom,
		PostingUntil:  f.postingUntil,
		AttachmentIDs: f.AttachmentIDs,
		Kind:          f.Kind,
		DecidedOn:     f.decidedOn,
	}
}

type disclosureFormPage struct {
	Base
	Form        disclosureForm
	Errors      fieldErrors
	Units       []store.Unit
	Attachments []store.Attachment
	Disclosure  *store.Disclosure // nil for a new item
	Action      string
	Accept      string
	MaxUploadMB int
	PlanSubs    []planSubLink // a plan's sub-components, each with its form
}

// disclosureFields is the order of the form's fields on the page.
var disclosureFields = []string{"category", "kind", "decided_on", "title", "summary", "body", "legal_basis", "unit_id",
	"posting_from", "posting_until", "files", "reason"}

// ErrorSummary lists the errors in the order of the form.
func (p *disclosureFormPage) ErrorSummary() []fieldError { return p.Errors.inOrder(disclosureFields) }

// renderDisclosureForm shows the form, with errors (422) or without.
func (h *handler) renderDisclosureForm(c *fiber.Ctx, d *store.Disclosure, f disclosureForm, errs fieldErrors) error {
	ctx := c.UserContext()
	units, err := h.store.Units(ctx)
	if err != nil {
		return err
	}
	title := "Đăng tin công khai mới"
	action := officerItemsPath
	if d != nil {
		title = "Sửa: " + d.Title
		action = officerItemPath(d.ID)
	}
	p := &disclosureFormPage{
		Base: h.base(c, title), Form: f, Errors: errs, Units: units, Disclosure: d,
		Action: action, Accept: acceptedExtensions, MaxUploadMB: MaxUploadBytes >> 20,
	}
	for _, id := range f.AttachmentIDs {
		a, err := h.store.Attachment(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		p.Attachments = append(p.Attachments, a)
	}
	if d != nil && d.Kind == plan.Kind && !d.IsWithdrawn() {
		if p.PlanSubs, err = h.planSubLinks(ctx, d.ID); err != nil {
			return err
		}
	}
	return h.renderStatus(c, formStatus(errs), "disclosure_form", p)
}

// readDisclosureForm parses and checks a submitted disclosure form, keeping
// every acceptable upload. published makes a reason for the change required.
func (h *handler) readDisclosureForm(c *fiber.Ctx, published bool) (disclosureForm, fieldErrors, error) {
	f := parseDisclosureForm(c)
	units, err := h.store.Units(c.UserContext())
	if err != nil {
		return f, nil, err
	}
	errs := f.validate(units, published)
	if err := h.keepKnown(c, &f); err != nil {
		return f, nil, err
	}
	if err := h.saveUploads(c, &f, errs); err != nil {
		return f, nil, err
	}
	if _, ok := errs["body"]; ok && (dangerous.MatchString(f.Body) || unsafeLink(f.Body)) {
		// Show what would be kept, so the officer sees what was removed
		// and the editor never gets the script or link back live.
		f.Body = h.sanitize(f.Body)
	}
	return f, errs, nil
}
