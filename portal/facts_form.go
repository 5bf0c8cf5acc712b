package portal

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// What the officers' pages of the land, compensation and procedure facts
// share: the item they edit, the reason a public change needs, saving.

// factsTarget loads the working copy of the item in the URL for a facts
// page: it must be of the category, and not withdrawn.
func (h *handler) factsTarget(c *fiber.Ctx, category string) (store.Disclosure, error) {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return d, err
	}
	if d.Category != category {
		return d, errNotFound()
	}
	if d.IsWithdrawn() {
		return d, errWithdrawnIsFinal
	}
	return d, nil
}

// checkReason asks for the reason of a change to a public item.
func checkReason(d store.Disclosure, reason string, errs fieldErrors) {
	if d.IsPublished() {
		plainText(errs, "ly-do", reason, "lý do thay đổi", true, maxReason)
	}
}

// marshalFacts is the JSON of a kind's facts.
func marshalFacts(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	return json.RawMessage(b), err
}

// factsUnchanged reports whether an edit leaves the item as it is: a new
// public version would only add noise to its history.
func factsUnchanged(d store.Disclosure, in store.DisclosureInput) bool {
	return d.Kind == in.Kind && d.DecidedOn.Equal(in.DecidedOn) && bytes.Equal(d.Facts, in.Facts) &&
		d.LegalBasis == in.LegalBasis && d.PostingFrom.Equal(in.PostingFrom) && d.PostingUntil.Equal(in.PostingUntil) &&
		slices.Equal(attachmentIDs(d), in.AttachmentIDs)
}

func attachmentIDs(d store.Disclosure) []int64 {
	out := make([]int64, len(d.Attachments))
	for i, a := range d.Attachments {
		out[i] = a.ID
	}
	return out
}

// saveFacts saves an edit made on a facts page: a draft in place, a public
// item as a new version with the reason. It returns errs filled (and
// nothing saved) when the item was published meanwhile and no reason was
// given, or when a public item would not change.
func (h *handler) saveFacts(c *fiber.Ctx, d store.Disclosure, in store.DisclosureInput, reason string, errs fieldErrors) error {
	if d.IsPublished() && factsUnchanged(d, in) {
		errs["ly-do"] = "Nội dung chưa khác gì phiên bản đang công khai, nên không cần tạo phiên bản mới."
		return nil
	}
	err := h.store.UpdateDisclosure(c.UserContext(), d.ID, in, reason, currentUser(c).ID)
	if errors.Is(err, store.ErrReasonRequired) {
		errs["ly-do"] = "Tin này vừa được công khai trong lúc bạn sửa, nên cần ghi lý do thay đổi."
		return nil
	}
	if errors.Is(err, store.ErrWithdrawn) {
		return errWithdrawnIsFinal
	}
	return err
}

// factsSaved redirects after a saved facts page: to the public page of a
// public item, at the section (anchor), or back to the page of a draft.
func (h *handler) factsSaved(c *fiber.Ctx, d store.Disclosure, again, anchor, note string) error {
	if d.IsPublished() {
		h.setFlash(c, "Đã đăng phiên bản mới. "+note)
		return c.Redirect(itemPath(d.ID)+"#"+anchor, fiber.StatusSeeOther)
	}
	h.setFlash(c, "Đã lưu bản nháp. "+note)
	return c.Redirect(again, fiber.StatusSeeOther)
}
