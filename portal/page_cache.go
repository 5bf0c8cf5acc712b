package portal

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// pageCacheSize bounds how many rendered pages are kept (about 20 KB each).
const pageCacheSize = 512

// pageCache keeps public pages as rendered for visitors without a session,
// gzipped once at the best ratio for slow mobile data. An entry is valid
// while the public change mark (which saving the commune settings moves
// too) and the civil date (posting states change at midnight) are those it
// was rendered with.
type pageCache struct {
	mu      sync.Mutex
	entries map[string]*cachedBody // by path and page number
}

// cachedBody is a response kept for reuse: the bytes, their gzip (made once,
// at the best ratio, for slow mobile data) and their validators.
type cachedBody struct {
	key         string // what it was built from; a different key means stale
	body        []byte
	gz          []byte
	etag        string
	ctype       string
	robots      string
	disposition string
	modified    time.Time // zero: no Last-Modified
}

func newCachedBody(key string, body []byte, ctype string, modified time.Time) *cachedBody {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	sum := sha256.Sum256(body)
	return &cachedBody{key: key, body: body, gz: gz.Bytes(), etag: `"` + hex.EncodeToString(sum[:16]) + `"`,
		ctype: ctype, modified: modified}
}

// version is a short form of the content hash, for cache-busting URLs.
func (p *cachedBody) version() string { return p.etag[1:13] }

// send answers with the body, its gzip, or 304 when the client has it.
func (p *cachedBody) send(c *fiber.Ctx, cacheControl string) error {
	c.Set(fiber.HeaderETag, p.etag)
	c.Set(fiber.HeaderVary, fiber.HeaderAcceptEncoding)
	c.Set(fiber.HeaderCacheControl, cacheControl)
	if !p.modified.IsZero() {
		c.Set(fiber.HeaderLastModified, p.modified.UTC().Format(http.TimeFormat))
	}
	if p.robots != "" {
		c.Set("X-Robots-Tag", p.robots)
	}
	if p.disposition != "" {
		c.Set(fiber.HeaderContentDisposition, p.disposition)
	}
	if notModified(c, p.etag, p.modified) {
		c.Response().ResetBody()
		return c.SendStatus(fiber.StatusNotModified)
	}
	c.Set(fiber.HeaderContentType, p.ctype)
	if strings.Contains(c.Get(fiber.HeaderAcceptEncoding), "gzip") {
		c.Set(fiber.HeaderContentEncoding, "gzip")
		return c.Status(fiber.StatusOK).Send(p.gz)
	}
	return c.Status(fiber.StatusOK).Send(p.body)
}

// notModified applies If-None-Match, or If-Modified-Since without it.
func notModified(c *fiber.Ctx, etag string, modified time.Time) bool {
	if inm := c.Get(fiber.HeaderIfNoneMatch); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			if t := strings.TrimSpace(tag); t == etag || t == "W/"+etag || t == "*" {
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

func (pc *pageCache) get(slot string) *cachedBody {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return pc.entries[slot]
}

func (pc *pageCache) put(slot string, p *cachedBody) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if len(pc.entries) >= pageCacheSize {
		for k := range pc.entries { // evict an arbitrary entry
			delete(pc.entries, k)
			break
		}
	}
	pc.entries[slot] = p
}

// cached serves a public page from the page cache when the visitor has no
// session and no pending message, and fills the cache otherwise.
func (h *handler) cached(next fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if h.pages == nil || c.Cookies(sessionCookie) != "" || c.Cookies(flashCookie) != "" {
			return next(c)
		}
		mark, err := h.publicMark(c)
		if err != nil {
			return err
		}
		// Saving settings moves the mark too; posting states move at midnight.
		key := strconv.FormatInt(mark, 10) + "|" + isoDate(today(time.Now()))
		// Only the parameters pages read: junk query strings share an entry.
		slot := c.Path() + "?trang=" + c.Query("trang")
		if p := h.pages.get(slot); p != nil && p.key == key {
			return p.send(c, pageCacheControl)
		}
		if err := next(c); err != nil {
			return err
		}
		if c.Response().StatusCode() != fiber.StatusOK {
			return nil
		}
		p := newCachedBody(key, bytes.Clone(c.Response().Body()), string(c.Response().Header.ContentType()), time.Time{})
		p.robots = string(c.Response().Header.Peek("X-Robots-Tag"))
		p.disposition = string(c.Response().Header.Peek(fiber.HeaderContentDisposition))
		h.pages.put(slot, p)
		return p.send(c, pageCacheControl)
	}
}

// pageCacheControl lets phones and proxies keep a page a minute.
const pageCacheControl = "public, max-age=60"
