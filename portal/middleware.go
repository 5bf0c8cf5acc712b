package portal

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
)

// contentSecurityPolicy allows nothing from elsewhere: no third-party
// requests, no inline script or style.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func securityHeaders(tls bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set("Content-Security-Policy", contentSecurityPolicy)
		c.Set("X-Content-Type-Options", "nosniff")
		c.Set("X-Frame-Options", "DENY")
		c.Set("Referrer-Policy", "same-origin")
		c.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		c.Set("Cross-Origin-Opener-Policy", "same-origin")
		if tls {
			c.Set("Strict-Transport-Security", "max-age=31536000")
		}
		return c.Next()
	}
}

// logRequests logs method, path, status and duration; never the query
// string, the client address or form values, which may be personal data.
// It runs the error handler itself, so the line has the final status.
func (h *handler) logRequests(c *fiber.Ctx) error {
	start := time.Now()
	if err := c.Next(); err != nil {
		if herr := h.handleError(c, err); herr != nil {
			return herr
		}
	}
	if strings.HasPrefix(c.Path(), "/static/") {
		return nil
	}
	refusal, _ := c.Locals(localRefusal).(string)
	h.access.add(accessEntry{c.Method(), c.Path(), c.Response().StatusCode(), time.Since(start), refusal})
	return nil
}

const localRefusal = "refusal"

// accessLogQueue is how many lines may wait for the writer; past that,
// lines are counted as dropped rather than making requests wait.
const accessLogQueue = 8192

// accessLog writes request lines from one goroutine: a request hands its
// line over without a lock or a write of its own, so logging never
// serialises requests on the log's mutex and a syscall per line.
type accessLog struct {
	log     *slog.Logger
	queue   chan accessEntry
	dropped atomic.Int64
	idle    sync.WaitGroup // lines handed over and not yet written
}

type accessEntry struct {
	method, path string
	status       int
	took         time.Duration
	refusal      string
}

func newAccessLog(log *slog.Logger) *accessLog {
	a := &accessLog{log: log, queue: make(chan accessEntry, accessLogQueue)}
	go a.run()
	return a
}

func (a *accessLog) add(e accessEntry) {
	a.idle.Add(1)
	select {
	case a.queue <- e:
	default:
		a.idle.Done()
		a.dropped.Add(1)
	}
}

func (a *accessLog) run() {
	ctx := context.Background()
	for e := range a.queue {
		if n := a.dropped.Swap(0); n > 0 {
			a.log.Warn("access log lines dropped: the log could not keep up", "lines", n)
		}
		attrs := []slog.Attr{slog.String("method", e.method), slog.String("path", e.path),
			slog.Int("status", e.status), slog.Int64("ms", e.took.Milliseconds())}
		if e.refusal != "" {
			attrs = append(attrs, slog.String("err", e.refusal))
		}
		a.log.LogAttrs(ctx, slog.LevelInfo, "request", attrs...)
		a.idle.Done()
	}
}

// flush waits until every line handed over so far is written.
func (a *accessLog) flush() { a.idle.Wait() }

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
