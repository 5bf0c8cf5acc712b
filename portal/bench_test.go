package portal_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"minhbach/portal"
	"minhbach/seeds"
	"minhbach/store"
)

// Benchmarks call the Fiber handler in memory (no sockets), so they measure
// the portal's own work: routing, middleware, SQL, templates. Compare each
// against BenchmarkBaseline, a trivial Fiber handler measured in the same
// run: the machine is shared and noisy, ratios are what travel.
//
//	go test -run '^$' -bench . -benchmem ./portal/

func benchHandler(b *testing.B, noPageCache bool) (fasthttp.RequestHandler, *store.Store) {
	b.Helper()
	st, err := store.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: demoPassword}); err != nil {
		b.Fatal(err)
	}
	app, err := portal.New(portal.Config{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), AccessLog: io.Discard, NoPageCache: noPageCache})
	if err != nil {
		b.Fatal(err)
	}
	return app.Handler(), st
}

func serveBench(b *testing.B, h fasthttp.RequestHandler, path string) {
	b.Helper()
	serveBenchStatus(b, h, path, 200)
}

func serveBenchStatus(b *testing.B, h fasthttp.RequestHandler, path string, status int) {
	b.Helper()
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}
	var req fasthttp.Request
	req.SetRequestURI(path)
	req.Header.Set("Accept-Encoding", "gzip")
	var ctx fasthttp.RequestCtx
	ctx.Init(&req, addr, nil)
	h(&ctx)
	if code := ctx.Response.StatusCode(); code != status {
		b.Fatalf("GET %s: %d", path, code)
	}
	b.SetBytes(int64(len(ctx.Response.Body())))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// As the server does between requests: Init alone keeps the
		// previous request's locals (per-request caches).
		ctx.Response.Reset()
		ctx.ResetUserValues()
		ctx.Init(&req, addr, nil)
		h(&ctx)
	}
}

func BenchmarkBaseline(b *testing.B) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	serveBench(b, app.Handler(), "/")
}

// BenchmarkHomePage is what a visitor without a session gets: the page
// cache answers. BenchmarkHomePageRender renders it every time, as for a
// logged-in officer.
func BenchmarkHomePage(b *testing.B) {
	h, _ := benchHandler(b, false)
	serveBench(b, h, "/")
}

func BenchmarkHomePageRender(b *testing.B) {
	h, _ := benchHandler(b, true)
	serveBench(b, h, "/")
}

func BenchmarkDisclosurePage(b *testing.B) {
	benchDisclosurePage(b, false)
}

func BenchmarkDisclosurePageRender(b *testing.B) {
	benchDisclosurePage(b, true)
}

func benchDisclosurePage(b *testing.B, noPageCache bool) {
	h, st := benchHandler(b, noPageCache)
	// The 2023 plan: the longest body, with an attachment and history.
	items, err := st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: "ke-hoach-bao-cao", Limit: 100})
	if err != nil {
		b.Fatal(err)
	}
	var longest store.Disclosure
	for _, d := range items {
		full, err := st.PublicDisclosure(context.Background(), d.ID)
		if err != nil {
			b.Fatal(err)
		}
		if len(full.Body) > len(longest.Body) {
			longest = full
		}
	}
	serveBench(b, h, "/cong-khai/"+itoa(longest.ID))
}

func BenchmarkFeedAtom(b *testing.B) {
	h, _ := benchHandler(b, false)
	serveBench(b, h, "/feed.atom")
}

// BenchmarkListPage is /cong-khai as a visitor gets it (cached): a page
// with query parameters of its own (the list's key).
func BenchmarkListPage(b *testing.B) {
	h, _ := benchHandler(b, false)
	serveBench(b, h, "/cong-khai")
}

// BenchmarkNotFound is a visitor's 404 page (cached).
func BenchmarkNotFound(b *testing.B) {
	h, _ := benchHandler(b, false)
	serveBenchStatus(b, h, "/khong-co-trang-nay", 404)
}

// BenchmarkNotModified is a visitor's revalidation of the home page (304).
func BenchmarkNotModified(b *testing.B) {
	h, _ := benchHandler(b, false)
	var req fasthttp.Request
	req.SetRequestURI("/")
	var ctx fasthttp.RequestCtx
	ctx.Init(&req, nil, nil)
	h(&ctx)
	etag := string(ctx.Response.Header.Peek("ETag"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ctx.Response.Reset()
		ctx.ResetUserValues()
		req.Header.Set("If-None-Match", etag)
		ctx.Init(&req, nil, nil)
		h(&ctx)
		if ctx.Response.StatusCode() != 304 {
			b.Fatalf("status %d", ctx.Response.StatusCode())
		}
	}
}
