package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type officerHomePage struct {
	Base
	Status     string
	Items      []store.Disclosure
	Pager      pager
	StatusTabs []statusTab
	Setup      []setupStep // what a new installation still lacks
	// NoChairman lists the next weeks whose reception schedule has no
	// session of the chairman; Schedule is that schedule's id.
	NoChairman []time.Time
	Schedule   int64
	// Reminders are the plan's indicators missing a value or a document.
	Reminders []indicatorReminder
}

type setupStep struct {
	Text, URL string
}

type statusTab struct {
	Slug, Label string
	Active      bool
}

var officerStatuses = []struct{ Slug, Label string }{
	{"", "Tất cả"}, {store.StatusDraft, "Bản nháp"}, {store.StatusPublished, "Đang công khai"}, {store.StatusWithdrawn, "Đã rút"},
}

// officerHome lists every disclosure, drafts included, for officers.
func (h *handler) officerHome(c *fiber.Ctx) error {
	status := c.Query("trang-thai")
	valid := false
	var tabs []statusTab
	for _, s := range officerStatuses {
		valid = valid || s.Slug == status
		tabs = append(tabs, statusTab{s.Slug, s.Label, s.Slug == status})
	}
	if !valid {
		return errNotFound()
	}
	base := "/can-bo"
	if status != "" {
		base += "?trang-thai=" + status
	}
	items, pg, err := h.page(c, store.DisclosureFilter{Status: status}, pageRequest(c, base, 30))
	if err != nil {
		return err
	}
	p := &officerHomePage{Base: h.base(c, "Khu vực cán bộ"), Status: status, Items: items, Pager: pg, StatusTabs: tabs}
	if p.Setup, err = h.setupSteps(c); err != nil {
		return err
	}
	if p.NoChairman, p.Schedule, err = h.chairmanGaps(c); err != nil {
		return err
	}
	if p.Reminders, err = h.planReminders(c.UserContext()); err != nil {
		return err
	}
	return h.render(c, "officer_home", p)
}

// setupSteps lists what a fresh installation needs before officers can
// publish: the commune's details and at least one unit to lead items.
func (h *handler) setupSteps(c *fiber.Ctx) ([]setupStep, error) {
	var steps []setupStep
	if h.settings(c).CommuneName == "" {
		steps = append(steps, setupStep{"Điền tên xã, tỉnh, địa chỉ và địa chỉ cổng thông tin.", "/can-bo/cai-dat"})
	}
	units, err := h.store.Units(c.UserContext())
	if err != nil {
		return nil, err
	}
	if len(units) == 0 {
		steps = append(steps, setupStep{"Thêm các đơn vị, bộ phận của xã: mỗi tin công khai cần một đơn vị chủ trì.", "/can-bo/don-vi"})
	}
	return steps, nil
}
