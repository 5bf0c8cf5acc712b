package portal

import (
	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type withdrawPage struct {
	Base
	D      store.Disclosure
	Reason string
	Errors fieldErrors
}

// disclosureWithdrawForm asks why an item is withdrawn.
func (h *handler) disclosureWithdrawForm(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	return h.renderWithdraw(c, d, "", nil)
}

func (h *handler) renderWithdraw(c *fiber.Ctx, d store.Disclosure, reason string, errs fieldErrors) error {
	if !d.IsPublished() {
		return errOnlyPublished
	}
	p := &withdrawPage{Base: h.base(c, "Rút tin: "+d.Title), D: d, Reason: reason, Errors: errs}
	return h.renderStatus(c, formStatus(errs), "disclosure_withdraw", p)
}

// disclosureWithdraw marks an item withdrawn; it stays public with the reason.
func (h *handler) disclosureWithdraw(c *fiber.Ctx) error {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return err
	}
	reason := formText(c, "reason")
	errs := fieldErrors{}
	plainText(errs, "reason", reason, "lý do rút tin", true, maxReason)
	if len(errs) > 0 {
		return h.renderWithdraw(c, d, reason, errs)
	}
	// The store refuses an item withdrawn meanwhile (409, one error path).
	if err := h.store.WithdrawDisclosure(c.UserContext(), d.ID, reason, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã rút tin. Tin vẫn hiển thị công khai kèm lý do rút.")
	return c.Redirect(itemPath(d.ID), fiber.StatusSeeOther)
}
