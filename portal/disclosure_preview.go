package portal

import (
	"github.com/gofiber/fiber/v2"
)

// disclosurePreview shows the working copy exactly as the public page will,
// with the officer's actions around it.
func (h *handler) disclosurePreview(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	p := &disclosurePage{Base: h.base(c, "Xem trước: "+d.Title), D: d, Preview: true}
	p.Body = h.richHTML(d.Body)
	if err := h.structuredParts(c, p); err != nil {
		return err
	}
	p.NoIndex = true
	return h.render(c, "disclosure_show", p)
}
