package portal

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
	viewfs "minhbach/views"
)

// Base is what every page needs; page structs embed it.
type Base struct {
	Title     string
	Settings  store.Settings
	User      *store.User
	CSRF      string
	Flash     string
	Path      string
	Feeds     []feedLink
	NoIndex   bool
	Officer   bool // the page belongs to the officers' area; set by h.officer
	Canonical string
	// Description is the page's meta description; empty means the
	// commune's default.
	Description string
	// Inbox is the officers' question counts, on every officer page.
	Inbox *store.InboxCounts
}

func (b *Base) base() *Base { return b }

type page interface{ base() *Base }

type feedLink struct {
	Type  string // rss, atom or json
	Title string
	URL   string
}

// views are the parsed templates: one set per page, parsed once at start.
type views struct {
	pages map[string]*template.Template
	bufs  sync.Pool
}

func parseViews(st *staticFiles) (*views, error) {
	funcs := templateFuncs(st)
	layout, err := template.New("layout").Funcs(funcs).ParseFS(viewfs.FS, "layouts/*.html", "partials/*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(viewfs.FS, "pages/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]*template.Template{}, bufs: sync.Pool{New: func() any { return new(bytes.Buffer) }}}
	for _, n := range names {
		t, err := template.Must(layout.Clone()).ParseFS(viewfs.FS, n)
		if err != nil {
			return nil, err
		}
		v.pages[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	// Fail at start, not at the first visitor, if a page is missing.
	for _, want := range pageNames {
		if v.pages[want] == nil {
			return nil, fmt.Errorf("page template %q missing", want)
		}
	}
	return v, nil
}

// pageNames lists every page a handler renders.
var pageNames = []string{
	"error", "home", "disclosure_index", "disclosure_category", "disclosure_show", "disclosure_versions",
	"disclosure_version", "login", "officer_home", "disclosure_form", "disclosure_withdraw",
	"user_index", "audit_index", "settings_edit", "places", "disclosure_delete", "user_edit", "password",
	"disclosure_redact", "comment_form", "comment_index", "comment_moderation",
	"question_ask", "question_received", "question_receipt", "question_lookup", "question_asker",
	"question_index", "question_show", "question_overdue", "question_protected",
	"question_inbox", "question_officer", "question_record", "question_recorded", "reply_templates", "question_limits", "disclosure_rules",
	"land_overview", "plan_questions", "plan_facts", "compensation_facts", "procedure_catalogue", "procedure_facts",
	"response_stats",
}

func (h *handler) render(c *fiber.Ctx, name string, p page) error {
	return h.renderStatus(c, fiber.StatusOK, name, p)
}

// renderStatus renders into a buffer first so that a template error becomes
// a clean 500 page instead of half a page.
func (h *handler) renderStatus(c *fiber.Ctx, status int, name string, p page) error {
	t := h.views.pages[name]
	if t == nil {
		return fmt.Errorf("render: no page %q", name)
	}
	buf := h.views.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer h.views.bufs.Put(buf)
	if err := t.ExecuteTemplate(buf, "layout", p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	b := p.base()
	if b.User != nil || b.Officer || b.CSRF != "" {
		// Pages for a logged-in officer or with a form are never cached.
		c.Set(fiber.HeaderCacheControl, "private, no-store")
	}
	if b.NoIndex {
		c.Set("X-Robots-Tag", "noindex")
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	// SetBody copies: the buffer goes back to the pool when this returns,
	// while fasthttp writes the response later. c.Send would keep a pointer
	// into it, and a concurrent render would overwrite this page.
	c.Status(status).Response().SetBody(buf.Bytes())
	return nil
}

// base fills what every page needs.
func (h *handler) base(c *fiber.Ctx, title string) Base {
	b := Base{Title: title, Path: c.Path(), Feeds: siteFeeds}
	b.Officer, _ = c.Locals(localOfficer).(bool)
	b.Settings = h.settings(c)
	b.Canonical = canonical(b.Settings, c.Path())
	b.Settings.Secret = "" // never reaches a template
	b.Settings.SMTP.Password = ""
	if u, ok := c.Locals(localUser).(*store.User); ok {
		b.User = u
		b.CSRF = h.csrfToken(c)
		if b.Officer {
			b.Inbox = h.inboxCounts(c)
		}
	}
	b.Flash = h.takeFlash(c)
	return b
}
