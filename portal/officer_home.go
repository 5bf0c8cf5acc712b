package portal

import (
	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type officerHomePage struct {
	Base
	Status     string
	Items      []store.Disclosure
	Total      int
	Pager      pager
	StatusTabs []statusTab
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
	pg := newPager(c, 30)
	items, total, err := h.store.Disclosures(c.UserContext(), store.DisclosureFilter{Status: status, Limit: pg.Size, Offset: pg.offset()})
	if err != nil {
		return err
	}
	pg.setTotal(total)
	p := &officerHomePage{Base: h.base(c, "Khu vực cán bộ"), Status: status, Items: items, Total: total, Pager: pg, StatusTabs: tabs}
	p.Officer = true
	return h.render(c, "officer_home", p)
}
