package portal_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"minhbach/portal/land"
	"minhbach/portal/procedure"
)

// TestBrowserStructuredLand opens the land and procedure pages in Chromium
// on a 360 px phone with JavaScript off (the overview, a plan with its
// map, a compensation plan with its questions, the catalogue, a procedure
// and the question form about a plan): nothing scrolls sideways and the
// map fits the screen. axe-core, which needs scripts, then checks the same
// pages and the officers' facts pages for WCAG 2.1 A/AA violations.
func TestBrowserStructuredLand(t *testing.T) {
	ctx, console := newBrowserWithin(t, 3*time.Minute)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	byKind := map[string]int64{}
	for _, id := range e.publicIDs() {
		d, err := e.st.PublicDisclosure(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Kind != "" && (byKind[d.Kind] == 0 || d.Kind == land.KindLandUsePlan) {
			byKind[d.Kind] = d.ID
		}
	}
	plan, comp, proc := byKind[land.KindLandUsePlan], byKind[land.KindCompensation], byKind[procedure.Kind]
	if plan == 0 || comp == 0 || proc == 0 {
		t.Fatalf("demo lacks a plan, a compensation plan or a procedure: %v", byKind)
	}
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	public := []string{"/quy-hoach", "/cong-khai/" + itoa(plan), "/cong-khai/" + itoa(comp), "/thu-tuc",
		"/cong-khai/" + itoa(proc), "/hoi-dap/gui?ve=" + itoa(comp)}
	for _, p := range public {
		do(t, ctx, chromedp.Navigate(e.url+p))
		checkFits(t, ctx, p)
	}
	do(t, ctx, chromedp.Navigate(e.url+"/cong-khai/"+itoa(plan)))
	// The map is drawn at the screen's width, not at its 1024 pixels.
	if w := run(t, ctx, chromedp.Evaluate[float64](`document.querySelector("figure.map img").getBoundingClientRect().width`)); w < 200 || w > 360 {
		t.Errorf("map drawn %.0f px wide on a 360 px screen", w)
	}
	screenshot(t, ctx, "browser-360px-land-plan.png")
	do(t, ctx, chromedp.Navigate(e.url+"/quy-hoach"))
	screenshot(t, ctx, "browser-360px-land-overview.png")

	// axe-core runs in the page: scripts back on, the same pages.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	for _, p := range public {
		axeCheck(t, ctx, string(axe), e.url+p)
	}
	browserLogin(t, ctx, e, "canbo")
	for _, p := range []string{"/can-bo/cong-khai/" + itoa(plan) + "/quy-hoach", "/can-bo/cong-khai/" + itoa(comp) + "/boi-thuong",
		"/can-bo/cong-khai/" + itoa(proc) + "/thu-tuc"} {
		axeCheck(t, ctx, string(axe), e.url+p)
		checkFits(t, ctx, p)
	}
	// A form sent back with errors is accessible too.
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/cong-khai/"+itoa(proc)+"/thu-tuc"))
	run(t, ctx, chromedp.Evaluate[bool](`document.getElementById("steps").value = ""; document.getElementById("ly-do").value = "Kiểm tra"; true`))
	submit422(t, ctx, `form.form button[type=submit]`)
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".field-error").length`)); n == 0 {
		t.Error("no error beside the fields")
	}
	screenshot(t, ctx, "browser-360px-procedure-form-errors.png")
	for _, msg := range console.all() {
		if !strings.Contains(msg, "status of 422") { // the form sent back, above
			t.Errorf("browser console: %s", msg)
		}
	}
}
