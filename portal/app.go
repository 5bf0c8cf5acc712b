// Package portal is the web application: routes, handlers, middleware,
// feeds and rendering. It reads and writes only through the store.
package portal

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/microcosm-cc/bluemonday"

	"minhbach/portal/abuse"
	"minhbach/portal/workdays"
	"minhbach/store"
)

// Config is what the application needs from its caller.
type Config struct {
	Store *store.Store
	Log   *slog.Logger
	// AccessLog receives one line per request, in slog's text format
	// (default os.Stderr). Lines arrive in batches from one goroutine.
	AccessLog io.Writer
	// BehindTLSProxy: the portal is served over HTTPS by a proxy in front of
	// it; cookies get the Secure flag and X-Forwarded-Proto is trusted.
	BehindTLSProxy bool
	// NoPageCache renders every public page afresh (benchmarks use it to
	// measure rendering).
	NoPageCache bool
	// Abuse replaces the limits of the public write forms (nil: the named
	// defaults of portal/abuse); the benchmark raises them this way.
	Abuse *abuse.Limits
	// Mail tunes the sender of the mail outbox (see mail.go).
	Mail MailConfig
	// HousekeepingEvery is how often expired personal data is erased
	// (0: housekeepingEvery); tests shorten it.
	HousekeepingEvery time.Duration
}

// Upload and form limits.
const (
	MaxUploadBytes = 20 << 20 // one attachment
	// maxBodyBytes leaves room for a few attachments in one form; a larger
	// request is refused with the 413 page before it reaches a handler.
	maxBodyBytes = 64 << 20
)

// handler holds what every handler needs.
type handler struct {
	store    *store.Store
	log      *slog.Logger
	views    *views
	policy   *bluemonday.Policy
	static   *staticFiles
	secure   bool
	loginLim *limiter
	guard    *abuse.Guard // honeypot, fill time and per-address limits of public forms

	settingsMu   sync.Mutex
	settingsMark int64 // the public change mark settingsVal was read at
	settingsVal  store.Settings
	settingsOK   bool

	feeds  feedCache
	pages  *pageCache // nil when disabled
	onTime onTimeMemo // the home page's share answered on time
	access *accessLog
	boot   string // tells this process's change marks from another's

	calMu sync.Mutex // reloads of cal take turns
	cal   atomic.Pointer[workdays.Calendar]
}

// New builds the Fiber application.
func New(cfg Config) (*fiber.App, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.AccessLog == nil {
		cfg.AccessLog = os.Stderr
	}
	st, err := newStaticFiles()
	if err != nil {
		return nil, fmt.Errorf("portal: static files: %w", err)
	}
	v, err := parseViews(st)
	if err != nil {
		return nil, fmt.Errorf("portal: views: %w", err)
	}
	h := &handler{
		store:    cfg.Store,
		log:      cfg.Log,
		views:    v,
		policy:   newPolicy(),
		static:   st,
		secure:   cfg.BehindTLSProxy,
		loginLim: newLimiter(20, time.Minute), // failed logins per address
		feeds:    feedCache{entries: map[string]*cachedBody{}},
		access:   newAccessLog(cfg.AccessLog),
		boot:     randomToken()[:8],
	}
	limits := abuse.DefaultLimits()
	if cfg.Abuse != nil {
		limits = *cfg.Abuse
	}
	h.guard = abuse.New(limits, nil)
	if !cfg.NoPageCache {
		h.pages = newPageCache()
	}
	// The asker hears by mail when their item is answered, forwarded or
	// rejected (when they left an address and a mail server is set).
	cfg.Store.SetMailComposer(func(st store.Settings, kind, code, title string) (string, string) {
		return QuestionMail(st, kind, strings.TrimRight(st.PortalURL, "/")+trackPath, code, title)
	})
	if err := h.initHolidays(context.Background()); err != nil {
		return nil, fmt.Errorf("portal: holidays: %w", err)
	}
	app := fiber.New(fiber.Config{
		AppName:      "Minh Bạch",
		ErrorHandler: h.handleError,
		BodyLimit:    maxBodyBytes,
		// Long enough for a 20 MB attachment over slow mobile data (about
		// 0.5 Mbit/s: 5 minutes), short enough that stalled clients go away.
		ReadTimeout:             5 * time.Minute,
		WriteTimeout:            10 * time.Minute,
		IdleTimeout:             120 * time.Second,
		Immutable:               true,
		DisableStartupMessage:   true,
		EnableTrustedProxyCheck: cfg.BehindTLSProxy,
		TrustedProxies:          []string{"127.0.0.1", "::1"},
		ProxyHeader: func() string {
			if cfg.BehindTLSProxy {
				return fiber.HeaderXForwardedFor
			}
			return ""
		}(),
	})
	// Outermost, so that its line has the status the error handler gave.
	app.Use(h.logRequests)
	app.Use(h.recoverPanic)
	app.Use(securityHeaders(cfg.BehindTLSProxy))
	app.Use(compress.New(compress.Config{
		Level: compress.LevelBestSpeed,
		// Attachments are mostly compressed already (PDF, DOCX, JPG).
		Next: func(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), filesPath) },
	}))
	app.Hooks().OnShutdown(func() error { h.access.flush(); return nil })
	if !cfg.Mail.Off {
		// Mail goes out while the portal serves: not from app.Test.
		m := newMailer(cfg.Store, cfg.Log, cfg.Mail)
		app.Hooks().OnListen(func(fiber.ListenData) error { m.start(); return nil })
		app.Hooks().OnShutdown(func() error { m.stop(); return nil })
	}
	keeper := newHousekeeper(cfg.Store, cfg.Log, cfg.HousekeepingEvery)
	app.Hooks().OnListen(func(fiber.ListenData) error { keeper.start(); return nil })
	app.Hooks().OnShutdown(func() error { keeper.stop(); return nil })
	h.routes(app)
	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return app, nil
}
