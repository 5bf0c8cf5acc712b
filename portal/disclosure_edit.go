package portal

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
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

// officerDisclosure loads the working copy named in the URL.
func (h *handler) officerDisclosure(c *fiber.Ctx) (store.Disclosure, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return store.Disclosure{}, errNotFound()
	}
	return h.store.Disclosure(c.UserContext(), id)
}
