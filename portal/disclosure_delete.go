package portal

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type deleteDraftPage struct {
	Base
	D store.Disclosure
}

// disclosureDeleteForm asks before a draft is deleted.
func (h *handler) disclosureDeleteForm(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	if !d.IsDraft() {
		return errOnlyDrafts
	}
	p := &deleteDraftPage{Base: h.base(c, "Xóa bản nháp: "+d.Title), D: d}
	return h.render(c, "disclosure_delete", p)
}

// disclosureDelete deletes a draft that was never public.
func (h *handler) disclosureDelete(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	err = h.store.DeleteDraft(c.UserContext(), d.ID, currentUser(c).ID)
	if errors.Is(err, store.ErrNotDraft) {
		return errOnlyDrafts
	}
	if err != nil {
		return err
	}
	h.setFlash(c, "Đã xóa bản nháp “"+d.Title+"”.")
	return c.Redirect("/can-bo?trang-thai=draft", fiber.StatusSeeOther)
}
