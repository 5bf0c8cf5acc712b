package portal

import (
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// contentSecurityPolicy allows nothing from elsewhere: no third-party
// requests, no inline script or style.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// securityHeaderList goes on every response. Keys are in canonical form
// and kept as bytes, so that setting them costs a copy and no parsing.
var securityHeaderList = [][2][]byte{
	{[]byte("Content-Security-Policy"), []byte(contentSecurityPolicy)},
	{[]byte("X-Content-Type-Options"), []byte("nosniff")},
	{[]byte("X-Frame-Options"), []byte("DENY")},
	{[]byte("Referrer-Policy"), []byte("same-origin")},
	{[]byte("Permissions-Policy"), []byte("camera=(), microphone=(), geolocation=(), interest-cohort=()")},
	{[]byte("Cross-Origin-Opener-Policy"), []byte("same-origin")},
}

var hstsHeader = [2][]byte{[]byte("Strict-Transport-Security"), []byte("max-age=31536000")}

func securityHeaders(tls bool) fiber.Handler {
	list := securityHeaderList
	if tls {
		list = append(list[:len(list):len(list)], hstsHeader)
	}
	return func(c *fiber.Ctx) error {
		h := &c.Response().Header
		for _, kv := range list {
			h.SetCanonical(kv[0], kv[1])
		}
		return c.Next()
	}
}

// limiter counts events per key in fixed windows; it guards logins. In
// memory: a restart forgets, which only ever favours users.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	seen   map[string]*window
}

type window struct {
	start time.Time
	n     int
}

func newLimiter(max int, per time.Duration) *limiter {
	return &limiter{max: max, window: per, seen: map[string]*window{}}
}

// current is key's window, a fresh one if the last has passed. The caller
// holds l.mu.
func (l *limiter) current(key string) *window {
	now := time.Now()
	if len(l.seen) > 10000 {
		for k, w := range l.seen {
			if now.Sub(w.start) > l.window {
				delete(l.seen, k)
			}
		}
	}
	w := l.seen[key]
	if w == nil || now.Sub(w.start) > l.window {
		w = &window{start: now}
		l.seen[key] = w
	}
	return w
}

// full reports whether key has used up its events in this window.
func (l *limiter) full(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.current(key).n >= l.max
}

// add records one event for key.
func (l *limiter) add(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.current(key).n++
}

// trailingSlash sends /cong-khai/ to /cong-khai for good (one address per
// page for readers, caches and search engines). Fiber would serve both.
// The path and query go back as the client sent them, still escaped.
func trailingSlash(c *fiber.Ctx) error {
	p := c.Path()
	if len(p) < 2 || !strings.HasSuffix(p, "/") || (c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead) {
		return c.Next()
	}
	to := strings.TrimRight(p, "/")
	// Never "//host" or "/\host", which browsers read as another site.
	if to == "" || strings.HasPrefix(to, "//") || strings.Contains(to, "\\") {
		return c.Next()
	}
	if q := c.Request().URI().QueryString(); len(q) > 0 {
		to += "?" + string(q)
	}
	return c.Redirect(to, fiber.StatusMovedPermanently)
}
