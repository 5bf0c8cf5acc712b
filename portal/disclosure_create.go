package portal

import "github.com/gofiber/fiber/v2"

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
	return c.Redirect(officerItemActionPath(id, actionPreview), fiber.StatusSeeOther)
}
