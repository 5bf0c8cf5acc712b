package portal

import (
	"encoding/xml"
	"net/mail"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/feeds"

	"minhbach/store"
)

// feedSize is how many of the newest changes a feed carries.
const feedSize = 50

var siteFeeds = []feedLink{
	{"rss", "Tin công khai (RSS)", feedPath("", "rss")},
	{"atom", "Tin công khai (Atom)", feedPath("", "atom")},
	{"json", "Tin công khai (JSON Feed)", feedPath("", "json")},
}

func categoryFeeds(cat store.Category) []feedLink {
	return append([]feedLink{
		{"rss", cat.Label + " (RSS)", feedPath(cat.Slug, "rss")},
		{"atom", cat.Label + " (Atom)", feedPath(cat.Slug, "atom")},
		{"json", cat.Label + " (JSON Feed)", feedPath(cat.Slug, "json")},
	}, siteFeeds...)
}

const localRequestHost = "request-host"

// baseURL is the portal's public address from the settings. Without one
// (a new installation), it is the address the request came in on: the
// Host header, which the client chooses, so the response is then marked
// as not to be kept or shared (see usedRequestHost).
func (h *handler) baseURL(c *fiber.Ctx) string {
	if u := strings.TrimRight(h.settings(c).PortalURL, "/"); u != "" {
		return u
	}
	c.Locals(localRequestHost, true)
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	return c.BaseURL()
}

// usedRequestHost reports whether the response carries the request's own
// host: it must not be cached for anyone else.
func usedRequestHost(c *fiber.Ctx) bool {
	b, _ := c.Locals(localRequestHost).(bool)
	return b
}

// feedCache keeps the last rendering of each feed (format × category), valid
// while the public change mark and the base URL it was built with hold. RSS
// readers poll often; most polls then cost one small query and no
// rendering.
type feedCache struct {
	mu      sync.Mutex
	entries map[string]*cachedBody // by format and category
}

var feedTypes = map[string]string{
	"rss":  "application/rss+xml; charset=utf-8",
	"atom": "application/atom+xml; charset=utf-8",
	"json": "application/feed+json; charset=utf-8",
}

// feed serves /feed.{rss,atom,json} and /cong-khai/:slug/feed.{…}.
func (h *handler) feed(c *fiber.Ctx) error {
	format := c.Params("format")
	ctype, ok := feedTypes[format]
	if !ok {
		return errNotFound()
	}
	var cat store.Category
	if slug := c.Params("slug"); slug != "" {
		if cat, ok = store.CategoryBySlug(slug); !ok || cat.Internal {
			return errNotFound()
		}
	}
	mark := h.publicMark(c)
	st := h.settings(c)
	base := h.baseURL(c)
	slot := format + "/" + cat.Slug
	key := cacheKey{mark: mark}
	h.feeds.mu.Lock()
	e := h.feeds.entries[slot]
	h.feeds.mu.Unlock()
	if e == nil || e.key != key || e.base != base {
		body, modified, err := h.renderFeed(c, format, cat, st, base)
		if err != nil {
			return err
		}
		e = newCachedBody(key, body, ctype, modified)
		e.base = base
		if usedRequestHost(c) {
			return e.send(c, "private, no-cache")
		}
		h.feeds.mu.Lock()
		h.feeds.entries[slot] = e
		h.feeds.mu.Unlock()
	}
	return e.send(c, "public, max-age=300")
}

// renderFeed builds one feed of the newest public changes.
func (h *handler) renderFeed(c *fiber.Ctx, format string, cat store.Category, st store.Settings, base string) ([]byte, time.Time, error) {
	items, err := h.store.Disclosures(c.UserContext(), store.DisclosureFilter{
		Public: true, Category: cat.Slug, WithBody: true, Limit: feedSize,
	})
	if err != nil {
		return nil, time.Time{}, err
	}
	title := "Công khai thông tin – " + st.CommuneName
	link := base + publicItemsPath
	if cat.Slug != "" {
		title = cat.Label + " – " + st.CommuneName
		link += "/" + cat.Slug
	}
	f := &feeds.Feed{
		Title:       title,
		Link:        &feeds.Link{Href: link},
		Description: "Thông tin công khai của " + st.CommuneName + " theo Luật Thực hiện dân chủ ở cơ sở.",
		Id:          link,
		Author:      &feeds.Author{Name: "UBND " + st.CommuneName},
	}
	var last time.Time
	for _, d := range items {
		if d.UpdatedAt.After(last) {
			last = d.UpdatedAt
		}
		f.Items = append(f.Items, h.feedItem(base, d))
	}
	if last.IsZero() {
		last = time.Unix(0, 0)
	}
	f.Updated = last
	f.Created = last

	body, err := encodeFeed(f, format, base+feedPath(cat.Slug, format), st)
	return body, last, err
}

// feedLanguage is the language every feed declares.
const feedLanguage = "vi"

// managingEditor is RSS's "email (name)" of the commune, or "" when the
// settings hold no valid address: RSS 2.0 wants an address there.
func managingEditor(st store.Settings) string {
	a, err := mail.ParseAddress(st.Email)
	if err != nil || a.Address != strings.TrimSpace(st.Email) {
		return ""
	}
	return a.Address + " (UBND " + st.CommuneName + ")"
}

// rssDoc is gorilla/feeds' RSS 2.0 with what it cannot say: the atom:link
// to the feed itself, as the RSS Advisory Board recommends.
type rssDoc struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	ContentNS string   `xml:"xmlns:content,attr"`
	AtomNS    string   `xml:"xmlns:atom,attr"`
	Channel   rssChannel
}

type rssChannel struct {
	XMLName xml.Name `xml:"channel"`
	Self    selfLink `xml:"atom:link"`
	*feeds.RssFeed
}

type selfLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

func rssXML(f *feeds.Feed, self, editor string) ([]byte, error) {
	ch := (&feeds.Rss{Feed: f}).RssFeed()
	ch.Language = feedLanguage
	ch.ManagingEditor = editor
	return marshalXML(rssDoc{
		Version: "2.0", ContentNS: "http://purl.org/rss/1.0/modules/content/", AtomNS: "http://www.w3.org/2005/Atom",
		Channel: rssChannel{Self: selfLink{Href: self, Rel: "self", Type: "application/rss+xml"}, RssFeed: ch},
	})
}

// atomDoc is gorilla/feeds' Atom feed with its language and a second link,
// to itself; the links come first, as feed metadata precedes the entries.
type atomDoc struct {
	Links []*feeds.AtomLink `xml:"link"`
	Lang  string            `xml:"xml:lang,attr"`
	*feeds.AtomFeed
}

func atomXML(f *feeds.Feed, self string) ([]byte, error) {
	af := (&feeds.Atom{Feed: f}).AtomFeed()
	// gorilla/feeds leaves <published> out of Atom entries; without it
	// readers take <updated> as the publication date of an edited item.
	for i, e := range af.Entries {
		if created := f.Items[i].Created; !created.IsZero() {
			e.Published = created.UTC().Format(time.RFC3339)
		}
	}
	links := []*feeds.AtomLink{
		{Href: af.Link.Href, Rel: "alternate", Type: "text/html"},
		{Href: self, Rel: "self", Type: "application/atom+xml"},
	}
	af.Link = nil
	return marshalXML(atomDoc{Links: links, Lang: feedLanguage, AtomFeed: af})
}

func marshalXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), b...), nil
}

func (h *handler) feedItem(base string, d store.Disclosure) *feeds.Item {
	url := base + itemPath(d.ID)
	title := d.Title
	if d.IsWithdrawn() {
		title = "[Đã rút] " + title
	}
	content := string(h.richHTML(d.Body))
	if d.IsWithdrawn() {
		content = "<p><strong>Tin đã rút ngày " + fmtDate(d.WithdrawnAt.In(vietnam)) + ".</strong> Lý do: " +
			escapeText(d.WithdrawReason) + "</p>" + content
	}
	return &feeds.Item{
		// The item's permanent address is its id: an edit keeps the id and
		// moves Updated, so readers show a change, not a second item.
		Id:          url,
		Title:       title,
		Link:        &feeds.Link{Href: url},
		Description: d.Summary,
		Content:     content,
		Created:     d.FirstPublished,
		Updated:     d.UpdatedAt,
	}
}
