package portal_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"minhbach/store"
)

// TestBrowserScorecardOnA360pxPhoneWithoutJavaScript opens the scorecard
// and an indicator on a 360 px screen with JavaScript off: nothing scrolls
// sideways, the tasks open without a script, the chart is drawn with its
// table, and an entered value's evidence shows. Then axe-core checks both
// pages at that size.
func TestBrowserScorecardOnA360pxPhoneWithoutJavaScript(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newScorecardEnv(t)
	f := evidenceFile(t, e, "bao-cao-bhyt-2026.pdf")
	if _, err := e.st.AddIndicatorValue(context.Background(), store.IndicatorValueInput{PlanID: planOfYear(t, e, 2026),
		Indicator: "7a/bao-phu-bhyt", PeriodKind: store.PeriodYear, PeriodStart: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Value: 93.4, AttachmentID: f.ID, UserID: userID(t, e, "admin")}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(e.url+"/chi-so"))
	checkFits(t, ctx, "/chi-so")
	if open := run(t, ctx, chromedp.Evaluate[bool](`document.querySelector("section[aria-labelledby=tp-4b] details").open`)); open {
		t.Error("the tasks are open before a tap")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`section[aria-labelledby=tp-4b] details summary`)))
	if open := run(t, ctx, chromedp.Evaluate[bool](`document.querySelector("section[aria-labelledby=tp-4b] details").open`)); !open {
		t.Error("the tasks do not open without JavaScript")
	}
	line := run(t, ctx, chromedp.Text(chromedp.CSS(`section[aria-labelledby=tp-7a] .score-line`)))
	for _, want := range []string{"đạt", "93,4 %", "bao-cao-bhyt-2026.pdf", "năm 2026"} {
		if !strings.Contains(line, want) {
			t.Errorf("7a line %q: missing %q", line, want)
		}
	}
	screenshot(t, ctx, "browser-360px-scorecard.png")

	do(t, ctx, chromedp.Navigate(e.url+"/chi-so/4a/tiep-dan-chu-tich"))
	checkFits(t, ctx, "/chi-so/4a/tiep-dan-chu-tich")
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart rect.bar").length`)); n != 12 {
		t.Errorf("the chart has %d bars, want 12 months", n)
	}
	if rows := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#bang-xu-huong tbody tr").length`)); rows != 12 {
		t.Errorf("the table has %d rows", rows)
	}
	screenshot(t, ctx, "browser-360px-indicator.png")
	for _, msg := range console.all() {
		t.Errorf("browser console: %s", msg)
	}

	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/chi-so", "/chi-so/4a/tiep-dan-chu-tich", "/chi-so/6", "/chi-so/bao-cao?ky=2026-q3"} {
		axeCheck(t, ctx, string(axe), e.url+p)
	}
}
