package portal

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

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
}

// disclosureFields is the order of the form's fields on the page.
var disclosureFields = []string{"category", "title", "summary", "body", "legal_basis", "unit_id",
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
	action := "/can-bo/cong-khai"
	if d != nil {
		title = "Sửa: " + d.Title
		action = "/can-bo/cong-khai/" + strconv.FormatInt(d.ID, 10)
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
	return h.renderStatus(c, formStatus(errs), "disclosure_form", p)
}

// saveUploads stores every acceptable uploaded file and adds it to the
// form's attachments, so a form sent back for another mistake keeps them.
// Refused files are named in errs["files"].
func (h *handler) saveUploads(c *fiber.Ctx, f *disclosureForm, errs fieldErrors) error {
	mf, err := c.MultipartForm()
	if err != nil {
		return nil // a form without files
	}
	files := mf.File["files"]
	var problems []string
	if len(files)+len(f.AttachmentIDs) > maxFiles {
		errs["files"] = fmt.Sprintf("Mỗi tin có tối đa %d tệp đính kèm.", maxFiles)
		return nil
	}
	u := currentUser(c)
	saved := 0
	for _, fh := range files {
		if fh.Size == 0 && fh.Filename == "" {
			continue
		}
		name := cleanFilename(fh.Filename)
		ext := strings.ToLower(filepath.Ext(name))
		want, known := extTypes[ext]
		switch {
		case fh.Size == 0:
			problems = append(problems, fmt.Sprintf("%s: tệp rỗng.", name))
			continue
		case fh.Size > MaxUploadBytes:
			problems = append(problems, fmt.Sprintf("%s: dung lượng %s, vượt giới hạn %d MB.", name, fmtSize(fh.Size), MaxUploadBytes>>20))
			continue
		case !known:
			problems = append(problems, fmt.Sprintf("%s: chỉ nhận tệp PDF, Word, Excel, OpenDocument, JPG hoặc PNG.", name))
			continue
		}
		r, err := fh.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
		r.Close()
		if err != nil {
			return err
		}
		if got := sniffType(data, ext); got != want {
			problems = append(problems, fmt.Sprintf("%s: nội dung tệp không phải là %s như phần mở rộng %s (có thể tệp bị đổi tên hoặc bị hỏng).",
				name, mimeLabels[want], ext))
			continue
		}
		a, err := h.store.SaveAttachment(c.UserContext(), name, want, data, u.ID)
		if err != nil {
			return err
		}
		f.AttachmentIDs = append(f.AttachmentIDs, a.ID)
		saved++
	}
	if len(problems) > 0 {
		errs["files"] = "Không nhận các tệp sau: " + strings.Join(problems, " ")
		if saved > 0 {
			errs["files"] += " Các tệp hợp lệ đã được giữ lại ở danh sách trên."
		}
	}
	return nil
}

// keepKnown drops kept attachment ids that name no file or a removed one
// (a tampered or stale form), so saving never trips over a missing row.
func (h *handler) keepKnown(c *fiber.Ctx, f *disclosureForm) error {
	known := f.AttachmentIDs[:0]
	for _, id := range f.AttachmentIDs {
		a, err := h.store.Attachment(c.UserContext(), id)
		if errors.Is(err, store.ErrNotFound) || err == nil && a.Removed {
			continue
		}
		if err != nil {
			return err
		}
		known = append(known, id)
	}
	f.AttachmentIDs = known
	return nil
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

// disclosureCreate saves a new draft.
func (h *handler) disclosureCreate(c *fiber.Ctx) error {
	f, errs, err := h.readDisclosureForm(c, false)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return h.renderDisclosureForm(c, nil, f, errs)
	}
	id, err := h.store.CreateDisclosure(c.UserContext(), f.input(h), currentUser(c).ID)
	if err != nil {
		return err
	}
	h.setFlash(c, "Đã lưu bản nháp. Hãy xem trước rồi bấm “Công khai” để đăng.")
	return c.Redirect("/can-bo/cong-khai/"+itoa(id)+"/xem-truoc", fiber.StatusSeeOther)
}

// disclosureUpdate saves an edit: a draft is changed in place; a public
// item gets a new public version with the officer's reason.
func (h *handler) disclosureUpdate(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	if d.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	public := d.IsPublished()
	f, errs, err := h.readDisclosureForm(c, public)
	if err != nil {
		return err
	}
	in := f.input(h)
	if public && len(errs) == 0 && unchanged(d, in) {
		errs["reason"] = "Nội dung chưa khác gì phiên bản đang công khai, nên không cần tạo phiên bản mới."
	}
	if len(errs) > 0 {
		return h.renderDisclosureForm(c, &d, f, errs)
	}
	err = h.store.UpdateDisclosure(c.UserContext(), d.ID, in, f.Reason, currentUser(c).ID)
	if errors.Is(err, store.ErrReasonRequired) {
		// Another officer published the draft while this one was editing it:
		// keep what was typed and ask for the reason a public change needs.
		d.Status = store.StatusPublished
		errs["reason"] = "Tin này vừa được công khai trong lúc bạn sửa, nên cần ghi lý do thay đổi."
		return h.renderDisclosureForm(c, &d, f, errs)
	}
	if err != nil {
		return err
	}
	id := strconv.FormatInt(d.ID, 10)
	if public {
		h.setFlash(c, "Đã đăng phiên bản mới. Lịch sử thay đổi đã được cập nhật công khai.")
		return c.Redirect("/cong-khai/"+id, fiber.StatusSeeOther)
	}
	h.setFlash(c, "Đã lưu bản nháp.")
	return c.Redirect("/can-bo/cong-khai/"+id+"/xem-truoc", fiber.StatusSeeOther)
}

// officerDisclosure loads the working copy named in the URL.
func (h *handler) officerDisclosure(c *fiber.Ctx) (store.Disclosure, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return store.Disclosure{}, errNotFound()
	}
	return h.store.Disclosure(c.UserContext(), id)
}

// unchanged reports whether an edit leaves a public item as it is: a new
// version would then only add noise to its public history.
func unchanged(d store.Disclosure, in store.DisclosureInput) bool {
	if d.Category != in.Category || d.Title != in.Title || d.Summary != in.Summary || d.Body != in.Body ||
		d.LegalBasis != in.LegalBasis || d.UnitID != in.UnitID ||
		!d.PostingFrom.Equal(in.PostingFrom) || !d.PostingUntil.Equal(in.PostingUntil) ||
		len(d.Attachments) != len(in.AttachmentIDs) {
		return false
	}
	for i, a := range d.Attachments {
		if a.ID != in.AttachmentIDs[i] {
			return false
		}
	}
	return true
}
