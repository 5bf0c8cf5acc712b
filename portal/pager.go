package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// pager is page-number pagination with ?trang=N.
type pager struct {
	Page, Size, Pages, Total int
	Base                     string // the URL without the page parameter
	Sep                      string // "?" or "&"
}

func newPager(c *fiber.Ctx, size int) pager {
	n, err := strconv.Atoi(c.Query("trang", "1"))
	if err != nil || n < 1 {
		n = 1
	}
	base := c.Path()
	sep := "?"
	if s := c.Query("trang-thai"); s != "" {
		base += "?trang-thai=" + s
		sep = "&"
	}
	return pager{Page: n, Size: size, Base: base, Sep: sep}
}

func (p pager) offset() int { return (p.Page - 1) * p.Size }

func (p *pager) setTotal(total int) {
	p.Total = total
	p.Pages = (total + p.Size - 1) / p.Size
}

// Prev and Next are the neighbouring page numbers, or 0 when there is none.
func (p pager) Prev() int {
	if p.Page > 1 {
		return p.Page - 1
	}
	return 0
}

func (p pager) Next() int {
	if p.Page < p.Pages {
		return p.Page + 1
	}
	return 0
}

// page fetches one page of a list and tells the pager how many items the
// whole list has. A page past the end is not found.
func (h *handler) page(c *fiber.Ctx, f store.DisclosureFilter, pg *pager) ([]store.Disclosure, error) {
	n, err := h.store.CountDisclosures(c.UserContext(), f)
	if err != nil {
		return nil, err
	}
	pg.setTotal(n)
	if pg.Page > 1 && pg.Page > pg.Pages {
		return nil, errNotFound()
	}
	f.Limit, f.Offset = pg.Size, pg.offset()
	return h.store.Disclosures(c.UserContext(), f)
}
