package portal

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type disclosurePage struct {
	Base
	D        store.Disclosure
	Body     template.HTML
	Versions []store.Version
	Preview  bool
}

// disclosureShow is the public page of one item with its history.
func (h *handler) disclosureShow(c *fiber.Ctx, id int64) error {
	d, versions, err := h.publicWithVersions(c, id)
	if err != nil {
		return err
	}
	p := &disclosurePage{Base: h.base(c, d.Title), D: d, Body: h.richHTML(d.Body), Versions: versions}
	if cat, ok := store.CategoryBySlug(d.Category); ok {
		p.Feeds = categoryFeeds(cat)
	}
	return h.render(c, "disclosure_show", p)
}

// publicWithVersions loads what the public sees of an item and its history.
func (h *handler) publicWithVersions(c *fiber.Ctx, id int64) (store.Disclosure, []store.Version, error) {
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if err != nil {
		return store.Disclosure{}, nil, err
	}
	versions, err := h.store.Versions(c.UserContext(), id)
	return d, versions, err
}
