package portal_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"minhbach/store"
)

// checkFits reports a page wider than the screen and numbers that wrap: a
// table cell holding only a number (1.234.567, 45,7, 12) must show it on
// one line, scrolling the table inside its box if need be.
func checkFits(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	width := run(t, ctx, chromedp.Evaluate[int](`window.innerWidth`))
	if w := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > width {
		t.Errorf("%s is %d px wide on a %d px screen", path, w, width)
	}
	wrapped := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("td, th")]
		.filter(c => /^[0-9][0-9.,%]*$/.test(c.textContent.trim()))
		.filter(c => { const r = document.createRange(); r.selectNodeContents(c); return r.getClientRects().length > 1; })
		.map(c => c.textContent.trim())`))
	if len(wrapped) > 0 {
		t.Errorf("%s: numbers broken across lines: %q", path, wrapped)
	}
}

// TestBrowserOfficerPagesFitA360pxPhone opens every officer page, logged in
// as an administrator with JavaScript on, on a 360 px screen: nothing
// scrolls sideways, and the actions of the dashboard's list are on screen.
func TestBrowserOfficerPagesFitA360pxPhone(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newEnv(t)
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	browserLogin(t, ctx, e, "admin")
	bg := context.Background()
	pub, _ := e.st.Disclosures(bg, store.DisclosureFilter{Status: store.StatusPublished, Limit: 1})
	draft, _ := e.st.Disclosures(bg, store.DisclosureFilter{Status: store.StatusDraft, Limit: 1})
	users, _ := e.st.Users(bg)
	if len(pub) == 0 || len(draft) == 0 || len(users) == 0 {
		t.Fatal("demo data lacks a published item, a draft or a user")
	}
	p, d := itoa(pub[0].ID), itoa(draft[0].ID)
	paths := []string{
		"/can-bo", "/can-bo?trang-thai=draft", "/can-bo/cong-khai/moi", "/can-bo/cong-khai/" + p,
		"/can-bo/cong-khai/" + p + "/xem-truoc", "/can-bo/cong-khai/" + p + "/rut", "/can-bo/cong-khai/" + d + "/xoa",
		"/can-bo/mat-khau", "/can-bo/tai-khoan", "/can-bo/tai-khoan/" + itoa(users[0].ID), "/can-bo/nhat-ky",
		"/can-bo/cai-dat", "/can-bo/don-vi", "/can-bo/ngay-nghi",
	}
	for _, path := range paths {
		do(t, ctx, chromedp.Navigate(e.url+path))
		checkFits(t, ctx, path)
	}
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo"))
	off := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("td.actions a")]
		.filter(a => { const r = a.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })
		.map(a => a.textContent + " " + a.getAttribute("href"))`))
	if len(off) > 0 {
		t.Errorf("/can-bo: %d actions off screen at 360 px, e.g. %q", len(off), off[0])
	}
	screenshot(t, ctx, "browser-360px-officer-home.png")
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/nhat-ky"))
	screenshot(t, ctx, "browser-360px-audit.png")

	// On a desktop the officer menu stays on one line.
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(e.url+"/can-bo"))
	lines := run(t, ctx, chromedp.Evaluate[int](`new Set([...document.querySelectorAll(".officer-bar a, .officer-bar button")]
		.map(el => Math.round(el.getBoundingClientRect().top))).size`))
	if lines != 1 {
		t.Errorf("officer menu at 1280 px takes %d lines, want 1", lines)
	}
	screenshot(t, ctx, "browser-1280px-officer-home.png")
	for _, msg := range console.all() {
		t.Errorf("browser console: %s", msg)
	}
}

// printPDF prints the current page as Chromium's print preview would, on the
// paper size the style sheet asks for.
func printPDF(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	return res.Data
}

var (
	pdfPage     = regexp.MustCompile(`/Type\s*/Page\b`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`)
)

// TestBrowserPrintsItemsOnA4 prints a short item and the long 2023 plan:
// A4 paper, the short one on one page, the long one without blank pages,
// and nothing on paper that only works on a screen (menus, feed and login
// links, forms).
func TestBrowserPrintsItemsOnA4(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newEnv(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900))
	var short, plan, long store.Disclosure
	items, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, WithBody: true, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range items {
		// The short item is a plain document in force: a structured item
		// (rows, a procedure, a plan) prints its data below a short body,
		// and a withdrawn one the notice of why.
		if d.Kind == "" && d.RowCount == 0 && !d.IsWithdrawn() && (short.ID == 0 || len(d.Body) < len(short.Body)) {
			short = d
		}
		if len(d.Body) > len(long.Body) {
			long = d
		}
		if strings.HasPrefix(d.Title, "Kế hoạch nâng cao hiệu quả quản trị và hành chính công (PAPI)") {
			plan = d
		}
	}
	if plan.ID == 0 {
		t.Fatal("the 2023 plan is missing from the demo")
	}
	for _, c := range []struct {
		name     string
		d        store.Disclosure
		maxPages int
	}{{"short", short, 1}, {"plan", plan, 0}, {"long", long, 0}} {
		do(t, ctx, chromedp.Navigate(e.url+"/cong-khai/"+itoa(c.d.ID)))
		pdf := printPDF(t, ctx)
		pages := len(pdfPage.FindAll(pdf, -1))
		for _, m := range pdfMediaBox.FindAllSubmatch(pdf, -1) {
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			if math.Abs(w-595) > 2 || math.Abs(h-842) > 2 {
				t.Errorf("%s item printed on %.0f×%.0f pt, want A4 (595×842)", c.name, w, h)
				break
			}
		}
		// On paper the content is 180 mm wide: as tall as the page would be
		// at that width, plus a page for rounding, is the most it may take.
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.EmulateViewport(680, 900))
		height := run(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollHeight`))
		// 267 mm of A4 height inside the margins, at 96 px an inch.
		want := int(math.Ceil(height/(267/25.4*96))) + 1
		if c.maxPages > 0 {
			want = c.maxPages
		}
		t.Logf("%s item %d: %d pages (at most %d), %.0f px tall at print width, %d bytes of PDF", c.name, c.d.ID, pages, want, height, len(pdf))
		if pages < 1 || pages > want {
			t.Errorf("%s item prints on %d pages, want 1 to %d", c.name, pages, want)
		}
		shown := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("header nav, footer a:not([href^='tel:']):not([href^='mailto:']), form, .skip, .crumbs, .officer-actions")]
			.filter(el => el.getClientRects().length > 0).map(el => el.outerHTML.slice(0, 60))`))
		if len(shown) > 0 {
			t.Errorf("%s item prints screen-only parts: %q", c.name, shown)
		}
		screenshot(t, ctx, "print-"+c.name+".png")
		if os.Getenv("ARTIFACTS_DIR") != "" {
			os.WriteFile(filepath.Join(os.Getenv("ARTIFACTS_DIR"), "print-"+c.name+".pdf"), pdf, 0o644)
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.EmulateViewport(1280, 900))
	}
	for _, msg := range console.all() {
		t.Errorf("browser console: %s", msg)
	}
}
