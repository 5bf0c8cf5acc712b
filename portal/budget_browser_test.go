package portal_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserStructuredBudget opens the budget pages in Chromium at 360 px:
// the public ones with JavaScript off (an item with charts, an estimate
// with its comparison, an old version, the overview), then the officers'
// import page with a refused file. Nothing scrolls the page sideways, the
// charts fit, and axe finds no WCAG 2.1 A/AA violation.
func TestBrowserStructuredBudget(t *testing.T) {
	ctx, console := newBrowser(t)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	scripts := func(off bool) {
		t.Helper()
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off}); err != nil {
			t.Fatal(err)
		}
	}
	half := e.budgetItem(half2024)
	public := []string{
		"/cong-khai/" + itoa(half.ID),
		"/cong-khai/" + itoa(e.budgetItem(estimate2025).ID),
		"/cong-khai/" + itoa(e.budgetItem(estimate2024).ID) + "/phien-ban/1",
		"/ngan-sach",
	}
	scripts(true)
	for _, p := range public {
		do(t, ctx, chromedp.Navigate(e.url+p))
		checkFits(t, ctx, p)
		if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart[role=img] > title").length`)); n == 0 {
			t.Errorf("%s: no chart", p)
		}
		// Each chart stays within the screen and is drawn at a readable
		// size: at least 240 px wide.
		widths := run(t, ctx, chromedp.Evaluate[[]int](`[...document.querySelectorAll("svg.chart")].map(s => Math.round(s.getBoundingClientRect().right))`))
		for _, w := range widths {
			if w > 360 || w < 240 {
				t.Errorf("%s: a chart ends at %d px", p, w)
			}
		}
	}
	do(t, ctx, chromedp.Navigate(e.url+public[0]))
	screenshot(t, ctx, "browser-360px-budget-structured.png")
	do(t, ctx, chromedp.Navigate(e.url+"/ngan-sach"))
	screenshot(t, ctx, "browser-360px-budget-overview.png")
	scripts(false) // axe runs in the page
	for _, p := range public {
		axeCheck(t, ctx, string(axe), e.url+p)
	}

	// On A4 the tables print whole, without their scrolling box: every
	// amount is on paper, and no page is left blank (at most the pages
	// its height at print width needs, plus one for rounding).
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(e.url+public[0]))
	pdf := printPDF(t, ctx)
	pages := len(pdfPage.FindAll(pdf, -1))
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.EmulateViewport(680, 900))
	height := run(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollHeight`))
	clipped := run(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".table-scroll")].filter(b => b.scrollWidth > b.clientWidth + 1).length`))
	if want := int(math.Ceil(height/(267/25.4*96))) + 1; pages < 1 || pages > want {
		t.Errorf("the budget item prints on %d pages, want 1 to %d", pages, want)
	}
	if clipped > 0 {
		t.Errorf("%d budget tables are cut on paper", clipped)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))

	// The officers' page, then a file with a wrong total sent through it.
	browserLogin(t, ctx, e, "canbo")
	page := "/can-bo/cong-khai/" + itoa(half.ID) + "/ngan-sach"
	axeCheck(t, ctx, string(axe), e.url+page)
	checkFits(t, ctx, page)
	bad := filepath.Join(t.TempDir(), "sai-tong.csv")
	if err := os.WriteFile(bad, []byte(strings.Replace(budgetFile, "600.000,150.000", "600.000,160.000", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("tep"), []string{bad}),
		chromedp.SendKeys(chromedp.ID("ly-do"), "Thử tệp sai"))
	submit422(t, ctx, chromedp.CSS(`main form.form button[type=submit]`))
	text := run(t, ctx, chromedp.Text(chromedp.CSS(".error-summary")))
	if !strings.Contains(text, "chênh lệch +10.000 đ") {
		t.Errorf("the refused file's difference is not shown: %q", text)
	}
	checkFits(t, ctx, page+" (refused)")
	screenshot(t, ctx, "browser-360px-budget-import-refused.png")
	axeCheck(t, ctx, string(axe), e.url+page)
	for _, msg := range console.all() {
		if !strings.Contains(msg, "status of 422") { // the refused file, on purpose
			t.Errorf("browser console: %s", msg)
		}
	}
}
