package portal

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

var errOnlyPublic = errForbidden("Chỉ che được thông tin của tin đã công khai. Bản nháp thì sửa trực tiếp.")

// redactForm is what an administrator asks to remove.
type redactForm struct {
	Text    string
	FileIDs []int64
	Reason  string
}

type redactPage struct {
	Base
	D       store.Disclosure
	Form    redactForm
	Files   []store.Attachment // files of earlier versions that can be removed
	Hits    []redactHit
	Preview bool // the hits were asked for
	Errors  fieldErrors
}

// redactHit is one line of the preview: where the text appears.
type redactHit struct {
	Version int
	Field   string
	Count   int
}

// Checked reports whether a file was ticked.
func (p *redactPage) Checked(id int64) bool { return slices.Contains(p.Form.FileIDs, id) }

// disclosureRedactForm asks what to remove from a published item.
func (h *handler) disclosureRedactForm(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	return h.renderRedact(c, d, redactForm{}, nil, false, nil)
}

func (h *handler) renderRedact(c *fiber.Ctx, d store.Disclosure, f redactForm, hits []store.RedactionHit, preview bool, errs fieldErrors) error {
	if d.Version == 0 {
		return errOnlyPublic
	}
	files, err := h.removableFiles(c, d)
	if err != nil {
		return err
	}
	p := &redactPage{Base: h.base(c, "Che thông tin cá nhân: "+d.Title), D: d, Form: f, Files: files, Preview: preview, Errors: errs}
	for _, hit := range hits {
		p.Hits = append(p.Hits, redactHit{hit.Version, redactionFieldLabels[hit.Field], hit.Count})
	}
	return h.renderStatus(c, formStatus(errs), "disclosure_redact", p)
}

// removableFiles are the files of earlier versions that are neither in the
// current version nor removed already.
func (h *handler) removableFiles(c *fiber.Ctx, d store.Disclosure) ([]store.Attachment, error) {
	ctx := c.UserContext()
	versions, err := h.store.Versions(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	rs, err := h.store.Redactions(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	vs := make([]*store.Version, len(versions))
	for i := range versions {
		vs[i] = &versions[i]
	}
	markRemovedFiles(rs, vs...)
	current := map[int64]bool{}
	for _, v := range versions {
		if v.Number == d.Version {
			for _, a := range v.Attachments {
				current[a.ID] = true
			}
		}
	}
	var out []store.Attachment
	seen := map[int64]bool{}
	for _, v := range versions {
		for _, a := range v.Attachments {
			if !current[a.ID] && !a.Removed && !seen[a.ID] {
				seen[a.ID] = true
				out = append(out, a)
			}
		}
	}
	return out, nil
}

// disclosureRedact previews or carries out a redaction.
func (h *handler) disclosureRedact(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	if d.Version == 0 {
		return errOnlyPublic
	}
	f := redactForm{Text: formText(c, "text"), Reason: formText(c, "reason")}
	for _, v := range c.Context().PostArgs().PeekMulti("files") {
		id, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil {
			return &httpError{status: fiber.StatusBadRequest}
		}
		f.FileIDs = append(f.FileIDs, id)
	}
	errs := fieldErrors{}
	preview := c.FormValue("step") == "preview"
	switch {
	case f.Text == "" && len(f.FileIDs) == 0:
		errs["text"] = "Vui lòng nhập nội dung cần che, hoặc chọn tệp cần gỡ bỏ."
	case f.Text == "" && preview:
		errs["text"] = "Nhập nội dung cần che để xem những chỗ sẽ bị che."
	}
	if f.Text != "" {
		plainText(errs, "text", f.Text, "nội dung cần che", false, maxReason)
	}
	if !preview {
		plainText(errs, "reason", f.Reason, "lý do che", true, maxReason)
	}
	var hits []store.RedactionHit
	if f.Text != "" && errs["text"] == "" {
		hits, err = h.store.FindRedactable(c.UserContext(), d.ID, f.Text)
		if err == nil && len(hits) == 0 {
			err = store.ErrRedactionNotFound
		}
		if err := redactError(errs, err); err != nil {
			return err
		}
	}
	if len(errs) > 0 || preview {
		return h.renderRedact(c, d, f, hits, preview, errs)
	}
	r, err := h.store.Redact(c.UserContext(), d.ID, store.RedactionInput{Text: f.Text, FileIDs: f.FileIDs, Reason: f.Reason}, currentUser(c).ID)
	if err := redactError(errs, err); err != nil {
		return err
	}
	if len(errs) > 0 {
		return h.renderRedact(c, d, f, hits, false, errs)
	}
	msg := "Đã che thông tin."
	switch {
	case r.Occurrences > 0 && len(r.Files) > 0:
		msg = fmt.Sprintf("Đã che %d chỗ và gỡ bỏ %d tệp.", r.Occurrences, len(r.Files))
	case r.Occurrences > 0:
		msg = fmt.Sprintf("Đã che %d chỗ.", r.Occurrences)
	case len(r.Files) > 0:
		msg = fmt.Sprintf("Đã gỡ bỏ %d tệp.", len(r.Files))
	}
	h.setFlash(c, msg+" Ghi chú công khai đã được thêm vào tin và lịch sử thay đổi.")
	return c.Redirect(itemPath(d.ID), fiber.StatusSeeOther)
}

// redactError puts a refusal of the store beside its field and returns any
// other error.
func redactError(errs fieldErrors, err error) error {
	switch {
	case err == nil:
	case errors.Is(err, store.ErrRedactionShort):
		errs["text"] = fmt.Sprintf("Nội dung cần che phải dài ít nhất %d ký tự, để không che nhầm chữ thông thường.", store.MinRedactionLength)
	case errors.Is(err, store.ErrRedactionNotFound):
		errs["text"] = "Không tìm thấy nội dung này trong các phiên bản đã công khai. Hãy nhập đúng từng ký tự như trong tin, kể cả dấu, chữ hoa và khoảng trắng."
	case errors.Is(err, store.ErrRedactionMarkup):
		errs["text"] = "Không che được nội dung này mà giữ nguyên định dạng: nó nằm trong mã định dạng, hoặc bị định dạng (in đậm, liên kết…) cắt ngang. Hãy nhập một đoạn ngắn hơn, ví dụ chỉ phần số."
	case errors.Is(err, store.ErrFileNotRemovable):
		errs["files"] = "Tệp đã chọn không gỡ được: chỉ gỡ được tệp của phiên bản cũ, không còn trong phiên bản hiện hành và chưa bị gỡ."
	case errors.Is(err, store.ErrReasonRequired):
		errs["reason"] = "Vui lòng nhập lý do che."
	case errors.Is(err, store.ErrRedactionEmpty):
		errs["text"] = "Vui lòng nhập nội dung cần che, hoặc chọn tệp cần gỡ bỏ."
	default:
		return err
	}
	return nil
}
