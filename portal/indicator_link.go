package portal

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/store"
)

// A documented indicator is proved by the public disclosures an officer
// links to it: chosen among the recent ones, or by typing the number an
// older one has in its address (/cong-khai/123).

// documentedIndicator is the officers' page of a documented indicator of
// a published plan, which the link forms change.
func (h *handler) documentedIndicator(c *fiber.Ctx) (*officerIndicatorPage, planState, error) {
	p, st, err := h.officerIndicator(c)
	if err != nil {
		return nil, planState{}, err
	}
	if p.In.Kind != plan.Documented {
		return nil, planState{}, errNotFound()
	}
	if !p.Editable {
		return nil, planState{}, errNotEditable(p.D)
	}
	return p, st, nil
}

// indicatorLink links a published disclosure to a documented indicator.
func (h *handler) indicatorLink(c *fiber.Ctx) error {
	p, st, err := h.documentedIndicator(c)
	if err != nil {
		return err
	}
	p.Link = linkForm{Choice: formText(c, "van-ban"), Number: formText(c, "so")}
	field, raw := "van-ban", p.Link.Choice
	if p.Link.Number != "" {
		field, raw = "so", p.Link.Number
	}
	if raw == "" {
		p.LinkErrors["van-ban"] = "Vui lòng chọn một tin đã công khai, hoặc nhập số của tin."
		return h.renderIndicator(c, p, st, fiber.StatusUnprocessableEntity)
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		p.LinkErrors[field] = "Số của tin là con số ở cuối địa chỉ trang tin, ví dụ 123 trong /cong-khai/123."
		return h.renderIndicator(c, p, st, fiber.StatusUnprocessableEntity)
	}
	d, err := h.store.Disclosure(c.UserContext(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		p.LinkErrors[field] = "Không có tin số " + raw + "."
	case err != nil:
		return err
	case !d.IsPublished() || d.Internal:
		p.LinkErrors[field] = "Tin số " + raw + " (" + d.Title + ") chưa công khai, đã rút hoặc chỉ dành cho cán bộ, nên không làm bằng chứng công khai được."
	case d.Kind == plan.Kind:
		p.LinkErrors[field] = "Tin số " + raw + " là một kế hoạch PAPI; hãy gắn văn bản chứng minh việc đã làm."
	}
	if len(p.LinkErrors) > 0 {
		return h.renderIndicator(c, p, st, fiber.StatusUnprocessableEntity)
	}
	if err := h.store.LinkIndicator(c.UserContext(), p.D.ID, p.Key, id, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã gắn “"+d.Title+"” làm bằng chứng của chỉ số.")
	return c.Redirect(officerIndicatorPath(p.D.ID, p.Key), fiber.StatusSeeOther)
}

// indicatorUnlinkPage asks the officer to confirm removing a link.
type indicatorUnlinkPage struct {
	Base
	Plan   store.Disclosure
	Key    string
	In     plan.Indicator
	Item   linkedItem
	Action string
	Back   string
}

// linkedAt finds the linked disclosure the form names.
func linkedAt(p *officerIndicatorPage, st planState, raw string) (linkedItem, error) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return linkedItem{}, errNotFound()
	}
	for _, l := range st.Links[p.Key] {
		if l.ID == id {
			return l, nil
		}
	}
	return linkedItem{}, errConflict("Văn bản này không còn gắn với chỉ số: có thể một cán bộ khác vừa bỏ liên kết. Hãy tải lại trang chỉ số.")
}

// indicatorUnlinkForm is the confirmation page.
func (h *handler) indicatorUnlinkForm(c *fiber.Ctx) error {
	p, st, err := h.officerIndicator(c)
	if err != nil {
		return err
	}
	if p.In.Kind != plan.Documented {
		return errNotFound()
	}
	it, err := linkedAt(p, st, c.Query("van-ban"))
	if err != nil {
		return err
	}
	pg := &indicatorUnlinkPage{Base: h.base(c, "Bỏ liên kết văn bản"), Plan: p.D, Key: p.Key, In: p.In, Item: it,
		Action: officerIndicatorActionPath(p.Key, "bo-lien-ket"), Back: officerIndicatorPath(p.D.ID, p.Key)}
	pg.NoIndex = true
	return h.render(c, "indicator_unlink", pg)
}

// indicatorUnlink removes a link; the store keeps it, stamped.
func (h *handler) indicatorUnlink(c *fiber.Ctx) error {
	p, st, err := h.documentedIndicator(c)
	if err != nil {
		return err
	}
	it, err := linkedAt(p, st, formText(c, "van-ban"))
	if err != nil {
		return err
	}
	err = h.store.UnlinkIndicator(c.UserContext(), p.D.ID, p.Key, it.ID, currentUser(c).ID)
	if errors.Is(err, store.ErrNotFound) {
		return errConflict("Văn bản này không còn gắn với chỉ số: có thể một cán bộ khác vừa bỏ liên kết. Hãy tải lại trang chỉ số.")
	}
	if err != nil {
		return err
	}
	h.setFlash(c, "Đã bỏ liên kết “"+it.Title+"” khỏi chỉ số.")
	return c.Redirect(officerIndicatorPath(p.D.ID, p.Key), fiber.StatusSeeOther)
}
