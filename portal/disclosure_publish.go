package portal

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// disclosurePublish makes a draft public as its first version.
func (h *handler) disclosurePublish(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	err = h.store.PublishDisclosure(c.UserContext(), d.ID, currentUser(c).ID)
	if errors.Is(err, store.ErrNotDraft) {
		h.setFlash(c, "Tin này đã được công khai trước đó.")
		return c.Redirect(itemPath(d.ID), fiber.StatusSeeOther)
	}
	if err != nil {
		return err
	}
	h.setFlash(c, "Đã công khai. Tin đã có trên trang công khai và trong các nguồn tin RSS.")
	return c.Redirect(itemPath(d.ID), fiber.StatusSeeOther)
}
