package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type disclosureIndexPage struct {
	Base
	Categories []categoryCount
	Items      []store.Disclosure
	Pager      pager
}

// disclosureIndex is /cong-khai: every category and the newest items.
func (h *handler) disclosureIndex(c *fiber.Ctx) error {
	cats, err := h.categoryCounts(c)
	if err != nil {
		return err
	}
	pg := newPager(c, 20)
	items, err := h.page(c, store.DisclosureFilter{Public: true}, &pg)
	if err != nil {
		return err
	}
	p := &disclosureIndexPage{Base: h.base(c, "Công khai thông tin"), Categories: cats, Items: items, Pager: pg}
	p.Canonical += pageQuery(pg)
	p.Description = "Mọi thông tin " + p.Settings.CommuneName + " công khai theo quy định: ngân sách, đất đai, hộ nghèo, thủ tục hành chính, kế hoạch, thông báo và các mục khác."
	return h.render(c, "disclosure_index", p)
}

type disclosureCategoryPage struct {
	Base
	Category store.Category
	Items    []store.Disclosure
	Pager    pager
}

// disclosureKey routes /cong-khai/:key to an item (a number) or a category.
func (h *handler) disclosureKey(c *fiber.Ctx) error {
	key := c.Params("key")
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		return h.disclosureShow(c, id)
	}
	cat, ok := store.CategoryBySlug(key)
	if !ok {
		return errNotFound()
	}
	pg := newPager(c, 20)
	items, err := h.page(c, store.DisclosureFilter{Public: true, Category: cat.Slug}, &pg)
	if err != nil {
		return err
	}
	p := &disclosureCategoryPage{Base: h.base(c, cat.Label), Category: cat, Items: items, Pager: pg}
	p.Canonical += pageQuery(pg)
	p.Description = describe(cat.Label + " – " + p.Settings.CommuneName + ": " + cat.Hint)
	p.Feeds = categoryFeeds(cat)
	return h.render(c, "disclosure_category", p)
}

// pageQuery is the page number a list's canonical address keeps: none for
// the first page, so that ?trang=1 and no parameter are one page.
func pageQuery(pg pager) string {
	if pg.Page > 1 {
		return "?trang=" + strconv.Itoa(pg.Page)
	}
	return ""
}
