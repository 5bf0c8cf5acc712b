package portal

import (
	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// listSize is how many items a public list shows per page.
const listSize = 20

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
	items, pg, err := h.page(c, store.DisclosureFilter{Public: true}, pageRequest(c, publicItemsPath, listSize))
	if err != nil {
		return err
	}
	p := &disclosureIndexPage{Base: h.base(c, "Công khai thông tin"), Categories: cats, Items: items, Pager: pg}
	p.Canonical += pageQuery(c)
	p.Description = "Mọi thông tin " + p.Settings.CommuneName + " công khai theo quy định: ngân sách, đất đai, hộ nghèo, thủ tục hành chính, kế hoạch, thông báo và các mục khác."
	return h.render(c, "disclosure_index", p)
}

type disclosureCategoryPage struct {
	Base
	Category store.Category
	Items    []store.Disclosure
	Pager    pager
}

// disclosureCategory is the list of one category.
func (h *handler) disclosureCategory(c *fiber.Ctx) error {
	cat, ok := store.CategoryBySlug(c.Params("slug"))
	// Office-only categories exist for logged-in officers alone; visitors
	// (and so the page cache) never see that they have items.
	if !ok || cat.Internal && currentUser(c) == nil {
		return errNotFound()
	}
	f := store.DisclosureFilter{Public: true, Category: cat.Slug}
	if cat.Internal {
		f = store.DisclosureFilter{Status: store.StatusPublished, Category: cat.Slug}
	}
	items, pg, err := h.page(c, f, pageRequest(c, categoryPath(cat.Slug), listSize))
	if err != nil {
		return err
	}
	p := &disclosureCategoryPage{Base: h.base(c, cat.Label), Category: cat, Items: items, Pager: pg}
	p.Canonical += pageQuery(c)
	p.Description = describe(cat.Label + " – " + p.Settings.CommuneName + ": " + cat.Hint)
	if cat.Internal {
		p.NoIndex = true
	} else {
		p.Feeds = categoryFeeds(cat)
	}
	return h.render(c, "disclosure_category", p)
}

// pageQuery is the part of a list's address its canonical link keeps: the
// key of the page, as cached() reduced the query to it; nothing on the
// first page.
func pageQuery(c *fiber.Ctx) string {
	if q := c.Request().URI().QueryString(); len(q) > 0 {
		return "?" + string(q)
	}
	return ""
}
