package portal

import (
	"html/template"
	"slices"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type disclosurePage struct {
	Base
	D        store.Disclosure
	Body     template.HTML
	Versions []store.Version // newest first, as on the history page
	Preview  bool
}

// disclosureShow is the public page of one item with its history.
func (h *handler) disclosureShow(c *fiber.Ctx, id int64) error {
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if err != nil {
		return err
	}
	versions, err := h.store.VersionLog(c.UserContext(), id)
	if err != nil {
		return err
	}
	slices.Reverse(versions)
	p := &disclosurePage{Base: h.base(c, d.Title), D: d, Body: h.richHTML(d.Body), Versions: versions}
	if cat, ok := store.CategoryBySlug(d.Category); ok {
		p.Feeds = categoryFeeds(cat)
	}
	return h.render(c, "disclosure_show", p)
}
