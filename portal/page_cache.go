package portal

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// pageCacheBytes bounds the memory of the page cache: bodies and their
// gzip copies, counted together. The least recently used pages go first.
const pageCacheBytes = 64 << 20

// maxCachedPage is the largest response the page cache keeps; a larger one
// would push out many pages for one reader.
const maxCachedPage = pageCacheBytes / 16

// renderSlots bounds how many visitor pages render at once: all cores but
// one. Renders are CPU and SQLite work; past the cores they only queue
// inside the runtime, and cached pages, which need a few microseconds,
// would wait behind them. The core left over keeps cached pages fast while
// a crawler walks thousands of uncached ones.
var renderSlots = max(1, runtime.GOMAXPROCS(0)-1)

// pageCache keeps public pages as rendered for visitors without a session,
// gzipped once at the best ratio for slow mobile data. An entry is valid
// while the public change mark (which saving the commune settings moves
// too) and the civil date (posting states change at midnight) are those it
// was rendered with.
type pageCache struct {
	mu      sync.Mutex
	entries map[string]*list.Element // of *cachedBody, by slot
	lru     list.List                // front: most recently used
	bytes   int
	renders chan struct{} // render slots
	pending map[string]chan struct{}
	newest  cacheKey // the newest key asked for: entries of older ones are dropped
}

func newPageCache() *pageCache {
	return &pageCache{
		entries: map[string]*list.Element{},
		renders: make(chan struct{}, renderSlots),
		pending: map[string]chan struct{}{},
	}
}

// cachedBody is a response kept for reuse: the bytes, their gzip (made once,
// at the best ratio, for slow mobile data) and their validators.
type cachedBody struct {
	slot        string
	key         cacheKey // what it was built from; a different key means stale
	base        string   // feeds: the address their links were built with
	body        []byte
	gz          []byte
	etag        string
	ctype       string
	robots      string
	disposition string
	modified    time.Time // zero: no Last-Modified
	until       time.Time // zero: kept while its key holds; else not past this
}

func newCachedBody(key cacheKey, body []byte, ctype string, modified time.Time) *cachedBody {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	sum := sha256.Sum256(body)
	return &cachedBody{key: key, body: body, gz: gz.Bytes(), etag: `"` + hex.EncodeToString(sum[:16]) + `"`,
		ctype: ctype, modified: modified}
}

func (p *cachedBody) size() int { return len(p.body) + len(p.gz) + len(p.slot) + 256 }

// version is a short form of the content hash, for cache-busting URLs.
func (p *cachedBody) version() string { return p.etag[1:13] }

// send answers with the body, its gzip, or 304 when the client has it.
// The bytes are never changed once cached, so they are sent without a copy.
func (p *cachedBody) send(c *fiber.Ctx, cacheControl string) error {
	c.Set(fiber.HeaderETag, p.etag)
	if !p.modified.IsZero() {
		c.Set(fiber.HeaderLastModified, p.modified.UTC().Format(http.TimeFormat))
	}
	if notModified(c, p.etag, p.modified) {
		c.Set(fiber.HeaderCacheControl, cacheControl)
		c.Set(fiber.HeaderVary, fiber.HeaderAcceptEncoding)
		c.Response().ResetBody()
		return c.SendStatus(fiber.StatusNotModified)
	}
	return p.sendStatus(c, fiber.StatusOK, cacheControl)
}

// sendStatus answers with the body or its gzip and the given status,
// without validators (an error page has none).
func (p *cachedBody) sendStatus(c *fiber.Ctx, status int, cacheControl string) error {
	h := &c.Response().Header
	h.Set(fiber.HeaderVary, fiber.HeaderAcceptEncoding)
	h.Set(fiber.HeaderCacheControl, cacheControl)
	if p.robots != "" {
		h.Set("X-Robots-Tag", p.robots)
	}
	if p.disposition != "" {
		h.Set(fiber.HeaderContentDisposition, p.disposition)
	}
	h.Set(fiber.HeaderContentType, p.ctype)
	c.Status(status)
	if acceptsGzip(c) {
		h.Set(fiber.HeaderContentEncoding, "gzip")
		c.Response().SetBodyRaw(p.gz)
		return nil
	}
	c.Response().SetBodyRaw(p.body)
	return nil
}

func acceptsGzip(c *fiber.Ctx) bool {
	return strings.Contains(string(c.Request().Header.Peek(fiber.HeaderAcceptEncoding)), "gzip")
}

// notModified applies If-None-Match, or If-Modified-Since without it.
func notModified(c *fiber.Ctx, etag string, modified time.Time) bool {
	if inm := c.Get(fiber.HeaderIfNoneMatch); inm != "" {
		for inm != "" {
			var tag string
			tag, inm, _ = strings.Cut(inm, ",")
			t := strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if t == etag || t == "*" || (strings.HasPrefix(etag, "W/") && t == etag[2:]) {
				return true
			}
		}
		return false
	}
	if ims := c.Get(fiber.HeaderIfModifiedSince); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

// get returns the entry of slot if it was built from key.
func (pc *pageCache) get(slot string, key cacheKey) *cachedBody {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.dropOlder(key)
	el := pc.entries[slot]
	if el == nil {
		return nil
	}
	p := el.Value.(*cachedBody)
	if p.key != key {
		return nil
	}
	pc.lru.MoveToFront(el)
	return p
}

// dropOlder drops every entry when key is newer than any seen: they are
// all stale then. Waiting for the LRU would keep a page no one asks for
// again in memory, and a redaction promises the removed text is kept
// nowhere.
func (pc *pageCache) dropOlder(key cacheKey) {
	if !key.after(pc.newest) {
		return
	}
	pc.newest = key
	clear(pc.entries)
	pc.lru.Init()
	pc.bytes = 0
}

// put keeps p under its slot, evicting the least recently used entries
// past the byte budget.
func (pc *pageCache) put(p *cachedBody) {
	if p.size() > maxCachedPage {
		return
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.dropOlder(p.key)
	if pc.newest.after(p.key) {
		return // rendered before a change that others have seen: stale already
	}
	if el := pc.entries[p.slot]; el != nil {
		pc.bytes -= el.Value.(*cachedBody).size()
		pc.lru.Remove(el)
	}
	pc.entries[p.slot] = pc.lru.PushFront(p)
	pc.bytes += p.size()
	for pc.bytes > pageCacheBytes {
		old := pc.lru.Back()
		e := old.Value.(*cachedBody)
		pc.lru.Remove(old)
		delete(pc.entries, e.slot)
		pc.bytes -= e.size()
	}
}

// lead makes the caller the one to render slot, or returns a channel that
// closes when the one rendering it now is done: sixty visitors arriving
// after a change cost one render, not sixty.
func (pc *pageCache) lead(slot string) (wait chan struct{}, done func()) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if ch := pc.pending[slot]; ch != nil {
		return ch, nil
	}
	ch := make(chan struct{})
	pc.pending[slot] = ch
	return nil, func() {
		pc.mu.Lock()
		delete(pc.pending, slot)
		pc.mu.Unlock()
		close(ch)
	}
}

// render runs fn in one of the render slots.
func (pc *pageCache) render(fn func() error) error {
	pc.renders <- struct{}{}
	defer func() { <-pc.renders }()
	return fn()
}

// visitor reports whether the request may get and make shared copies: no
// session, no one-time message.
func visitor(c *fiber.Ctx) bool {
	return c.Cookies(sessionCookie) == "" && c.Cookies(flashCookie) == ""
}

// cacheKey is what every cached rendering depends on besides its address:
// the public change mark and the civil date (posting states change at
// midnight). Two integers: comparing them costs nothing per request.
type cacheKey struct {
	mark int64
	day  int64 // days since 1970-01-01 in Vietnam
}

// after reports whether k is newer than o: a later mark, or the same mark
// on a later day.
func (k cacheKey) after(o cacheKey) bool {
	return k.mark > o.mark || k.mark == o.mark && k.day > o.day
}

func (k cacheKey) String() string {
	return strconv.FormatInt(k.mark, 10) + "-" + strconv.FormatInt(k.day, 10)
}

// vietnamOffset is UTC+7 in seconds (no daylight saving since 1975).
const vietnamOffset = 7 * 60 * 60

func (h *handler) cacheKey(c *fiber.Ctx) cacheKey {
	// The portal's clock, the one posting windows are judged by: a page
	// that shows names only inside a window is dropped at its end.
	return cacheKey{h.publicMark(c), (h.now().Unix() + vietnamOffset) / 86400}
}

// cached wraps a public page. params are the only query parameters the
// page reads: the request is reduced to its path and those parameters, in
// this order, before the page sees it, so what the page reads and what the
// cache keys on are one and the same. Junk parameters share an entry, and
// another spelling of the path is redirected to the one spelling.
//
// Visitors without a session get the page from memory; it is rendered at
// most once per change, in a bounded number of render slots.
func (h *handler) cached(params []string, next fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		// Routing ignores case (a trailing slash is redirected before any
		// route): one spelling of each address, so one copy.
		path := c.Path()
		want := strings.ToLower(path)
		var q strings.Builder
		args := c.Request().URI().QueryArgs()
		for _, name := range params {
			if v := args.Peek(name); len(v) > 0 {
				if q.Len() > 0 {
					q.WriteByte('&')
				}
				q.WriteString(name + "=" + url.QueryEscape(string(v)))
			}
		}
		query := q.String()
		if want != path {
			if query != "" {
				want += "?" + query
			}
			return c.Redirect(want, fiber.StatusMovedPermanently)
		}
		c.Request().URI().SetQueryString(query)
		if h.pages == nil || !visitor(c) {
			return next(c)
		}
		slot := path + "?" + query
		key := h.cacheKey(c)
		now := h.now()
		if p := h.pages.get(slot, key); p.freshAt(now) {
			return p.send(c, p.cacheControl(now))
		}
		wait, done := h.pages.lead(slot)
		if done == nil {
			<-wait
			if p := h.pages.get(slot, key); p.freshAt(now) {
				return p.send(c, p.cacheControl(now))
			}
			// The leader's page was not cacheable (an error, a page with
			// the request's host in it): render this one alone.
			return h.pages.render(func() error { return next(c) })
		}
		defer done()
		if err := h.pages.render(func() error { return next(c) }); err != nil {
			return err
		}
		res := c.Response()
		if res.StatusCode() != fiber.StatusOK || res.IsBodyStream() || usedRequestHost(c) {
			return nil
		}
		p := newCachedBody(key, bytes.Clone(res.Body()), string(res.Header.ContentType()), time.Time{})
		p.slot = slot
		p.robots = string(res.Header.Peek("X-Robots-Tag"))
		p.disposition = string(res.Header.Peek(fiber.HeaderContentDisposition))
		p.until, _ = c.Locals(localCacheUntil).(time.Time)
		h.pages.put(p)
		return p.send(c, p.cacheControl(now))
	}
}

// pageCacheControl lets phones and proxies keep a page a minute.
const pageCacheControl = "public, max-age=60"

// localCacheUntil is set by a page that must not be kept past an instant
// (a household list's names, at the end of its posting window).
const localCacheUntil = "cache-until"

// freshAt reports whether p (nil: none) may still be served at now.
func (p *cachedBody) freshAt(now time.Time) bool {
	return p != nil && (p.until.IsZero() || now.Before(p.until))
}

// cacheControl lets phones and proxies keep p a minute, or until it
// must change if that is sooner.
func (p *cachedBody) cacheControl(now time.Time) string {
	if p.until.IsZero() {
		return pageCacheControl
	}
	secs := min(max(int(p.until.Sub(now)/time.Second), 0), 60)
	return "public, max-age=" + strconv.Itoa(secs)
}
