package portal

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// Lists page by key: ?sau=K shows the rows that come after the row whose
// key is K (older ones), ?truoc=K the rows before it (newer ones). A page
// then costs the same at any depth, and links stay right while items are
// added.
const (
	paramOlder = "sau"
	paramNewer = "truoc"
)

// listParams are the query parameters a paged list reads.
var listParams = []string{paramOlder, paramNewer}

// pager links a page of a list to its neighbours.
type pager struct {
	Total  int64  // rows in the whole list
	Newest string // the first page, when this is not it
	Newer  string // the page before this one, "" at the start
	Older  string // the page after this one, "" at the end
}

// listPage is the position a request asks for.
type listPage struct {
	older, newer string // the cursors as given; at most one is set
	base         string // the list's address, with its own parameters
	size         int
}

// pageRequest reads which page of the list at base (a path, perhaps with
// its own query) the request asks for.
func pageRequest(c *fiber.Ctx, base string, size int) listPage {
	lp := listPage{base: base, size: size, older: c.Query(paramOlder)}
	if lp.older == "" {
		lp.newer = c.Query(paramNewer)
	}
	return lp
}

func (lp listPage) link(param, key string) string {
	sep := "?"
	if strings.Contains(lp.base, "?") {
		sep = "&"
	}
	return lp.base + sep + param + "=" + key
}

// trim cuts a page read with one row more than it shows (size+1) and links
// its neighbours; key is a row's cursor. At the start of the list it has
// no newer page.
func trim[T any](lp listPage, rows []T, key func(T) string) ([]T, pager) {
	var pg pager
	more := len(rows) > lp.size
	switch {
	case lp.newer != "": // read backwards: the extra row is the newest
		if more {
			rows = rows[1:]
		}
	case more:
		rows = rows[:lp.size]
	}
	if lp.older != "" || lp.newer != "" {
		pg.Newest = lp.base
	}
	if len(rows) == 0 {
		return rows, pg
	}
	if lp.older != "" || (lp.newer != "" && more) {
		pg.Newer = lp.link(paramNewer, key(rows[0]))
	}
	if lp.newer != "" || more {
		pg.Older = lp.link(paramOlder, key(rows[len(rows)-1]))
	}
	return rows, pg
}

// page fetches one page of disclosures and the size of the whole list (a
// kept count, not a scan). A cursor that is not one of ours, or a page
// that has nothing, is not found.
func (h *handler) page(c *fiber.Ctx, f store.DisclosureFilter, lp listPage) ([]store.Disclosure, pager, error) {
	ctx := c.UserContext()
	var err error
	if f.Older, f.Newer, err = keysOf(lp, store.ParseCursor); err != nil {
		return nil, pager{}, err
	}
	f.Limit = lp.size + 1
	rows, err := h.store.Disclosures(ctx, f)
	if err != nil {
		return nil, pager{}, err
	}
	items, pg := trim(lp, rows, func(d store.Disclosure) string { return store.CursorOf(d).String() })
	if len(items) == 0 && (lp.older != "" || lp.newer != "") {
		return nil, pager{}, errNotFound()
	}
	n, err := h.store.CountDisclosures(ctx, f)
	if err != nil {
		return nil, pager{}, err
	}
	pg.Total = int64(n)
	return items, pg, nil
}

// keysOf reads the keys a page asks for with parse, which knows the list's
// key type: older or newer is set, or neither. A key that parse refuses
// (another spelling included) is not found.
func keysOf[K any](lp listPage, parse func(string) (K, bool)) (older, newer K, err error) {
	var ok bool
	if lp.older != "" {
		if older, ok = parse(lp.older); !ok {
			return older, newer, errNotFound()
		}
	}
	if lp.newer != "" {
		if newer, ok = parse(lp.newer); !ok {
			return older, newer, errNotFound()
		}
	}
	return older, newer, nil
}

// idKey is the key of a list sorted by id, newest first.
func idKey(id int64) string { return strconv.FormatInt(id, 10) }

// parseIDKey reads an idKey, in its one spelling.
func parseIDKey(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0 && idKey(id) == s
}
