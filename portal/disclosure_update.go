package portal

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

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
	if public && !d.Internal && store.IsInternal(f.Category) && errs["category"] == "" {
		errs["category"] = "Tin đã công khai cho Nhân dân không thể chuyển thành tin nội bộ. Nếu cần, hãy rút tin kèm lý do."
	}
	in := f.input(h)
	// The kind's facts and rows have their own pages; this form keeps them.
	in.Facts = d.Facts
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
	if public {
		h.setFlash(c, "Đã đăng phiên bản mới. Lịch sử thay đổi đã được cập nhật công khai.")
		return c.Redirect(itemPath(d.ID), fiber.StatusSeeOther)
	}
	h.setFlash(c, "Đã lưu bản nháp.")
	return c.Redirect(officerItemActionPath(d.ID, actionPreview), fiber.StatusSeeOther)
}

// unchanged reports whether an edit leaves a public item as it is: a new
// version would then only add noise to its public history.
func unchanged(d store.Disclosure, in store.DisclosureInput) bool {
	if d.Category != in.Category || d.Title != in.Title || d.Summary != in.Summary || d.Body != in.Body ||
		d.LegalBasis != in.LegalBasis || d.UnitID != in.UnitID || d.Kind != in.Kind || !d.DecidedOn.Equal(in.DecidedOn) ||
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
