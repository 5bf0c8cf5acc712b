package portal

import (
	"html/template"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type disclosurePage struct {
	Base
	D        store.Disclosure
	Body     template.HTML
	Versions []store.Version // newest first, as on the history page
	Preview  bool
	// Redactions are the public notes of what was removed and why.
	Redactions []redactionNote
	// Comments: a draft open for comment's window, comments and synthesis.
	Comments *commentSection
	// Clock: disclosed on time, posted long enough, and by which rule.
	Clock *clockView
	// Structured is the kind's own content (budget lines, households…).
	Structured *structuredSection
}

// disclosureShow is the public page of one item with its history.
func (h *handler) disclosureShow(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	d, err := h.publishedDisclosure(c, id)
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
	slices.Reverse(versions)
	p := &disclosurePage{Base: h.base(c, d.Title), D: d, Body: markRedactedHTML(h.richHTML(d.Body)), Versions: versions,
		Redactions: redactionNotes(rs)}
	if d.Category == store.CommentCategory {
		if p.Comments, err = h.commentSection(c, id, 0); err != nil {
			return err
		}
	}
	if err := h.structuredParts(c, p); err != nil {
		return err
	}
	p.Canonical = canonical(p.Settings, itemPath(d.ID))
	p.Description = itemDescription(d.Summary, d.Body)
	if cat, ok := store.CategoryBySlug(d.Category); ok && !cat.Internal {
		p.Feeds = categoryFeeds(cat)
	}
	return h.render(c, "disclosure_show", p)
}

// structuredParts fills an item page's legal clock and structured content.
func (h *handler) structuredParts(c *fiber.Ctx, p *disclosurePage) error {
	now := h.now()
	var err error
	if p.Clock, err = h.clockOf(c.UserContext(), p.D, now); err != nil {
		return err
	}
	if p.Structured, err = h.structuredSection(c, p.D, p.D.RowsVersion, now); err != nil {
		return err
	}
	if p.D.Internal || p.Structured.showsNames() {
		p.NoIndex = true
	}
	return nil
}

// publishedDisclosure is an item as the requester may read it: the public
// copy for visitors, and for logged-in officers the office-only items too
// (row 2b). Those never reach the page cache: it serves visitors only.
func (h *handler) publishedDisclosure(c *fiber.Ctx, id int64) (store.Disclosure, error) {
	if currentUser(c) != nil {
		return h.store.OfficeDisclosure(c.UserContext(), id)
	}
	return h.store.PublicDisclosure(c.UserContext(), id)
}

// itemDescription describes an item by its summary or, lacking one, by the
// start of its text.
func itemDescription(summary, body string) string {
	if summary != "" {
		return describe(summary)
	}
	return describe(htmlToText(body))
}
