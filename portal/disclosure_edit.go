package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// disclosureNew shows the empty form, with today as the posting start.
func (h *handler) disclosureNew(c *fiber.Ctx) error {
	f := disclosureForm{PostingFrom: isoDate(today(time.Now())), Category: c.Query("loai")}
	if u := currentUser(c); u != nil && u.UnitID != 0 {
		f.UnitID = itoa(u.UnitID)
	}
	return h.renderDisclosureForm(c, nil, f, nil)
}

// disclosureEdit shows the form filled with the working copy.
func (h *handler) disclosureEdit(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	if d.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	return h.renderDisclosureForm(c, &d, formFromDisclosure(d), nil)
}
