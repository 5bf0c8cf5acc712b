package portal

import (
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type disclosurePage struct {
	Base
	D        store.Disclosure
	Body     template.HTML
	Versions []store.Version
	Preview  bool
	// Redactions are the public notes of what was removed and why.
	Redactions []redactionNote
}

// disclosureShow is the public page of one item with its history.
func (h *handler) disclosureShow(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if err != nil {
		return err
	}
	versions, err := h.store.VersionLog(c.UserContext(), id)
	if err != nil {
		return err
	}
	rs, err := h.store.Redactions(c.UserContext(), id)
	if err != nil {
		return err
	}
	p := &disclosurePage{Base: h.base(c, d.Title), D: d, Body: markRedactedHTML(h.richHTML(d.Body)), Versions: versions,
		Redactions: redactionNotes(rs)}
	if cat, ok := store.CategoryBySlug(d.Category); ok {
		p.Feeds = categoryFeeds(cat)
	}
	return h.render(c, "disclosure_show", p)
}
