package portal_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserStructuredReception opens the reception schedule and the
// directory as a resident on a 360 px phone with JavaScript off, then the
// officers' schedule form (with an error sent back): nothing scrolls
// sideways and axe-core finds no WCAG 2.1 A/AA violation.
func TestBrowserStructuredReception(t *testing.T) {
	ctx, console := newBrowserWithin(t, 150*time.Second)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	vs, _ := e.st.Villages(context.Background())
	schedule := "/cong-khai/" + itoa(scheduleID(t, e))
	public := []string{"/lich-tiep-dan", "/danh-ba", "/danh-ba?thon=" + itoa(vs[0].ID), schedule, schedule + "/lich-su",
		"/cong-khai/" + itoa(directoryID(t, e)), "/"}
	for _, p := range public {
		do(t, ctx, chromedp.Navigate(e.url+p))
		checkFits(t, ctx, p)
	}
	do(t, ctx, chromedp.Navigate(e.url+"/lich-tiep-dan"))
	mustContain(t, "schedule without JavaScript", run(t, ctx, chromedp.Text(chromedp.CSS("main"))), "Tuần này", "Thêm vào lịch điện thoại")
	screenshot(t, ctx, "browser-360px-reception.png")
	do(t, ctx, chromedp.Navigate(e.url+"/danh-ba"))
	screenshot(t, ctx, "browser-360px-contacts.png")
	// The schedule prints on A4, five weeks on at most three pages.
	do(t, ctx, chromedp.Navigate(e.url+"/lich-tiep-dan"))
	pdf := printPDF(t, ctx)
	n := len(pdfPage.FindAll(pdf, -1))
	t.Logf("the schedule prints on %d A4 pages (%d bytes of PDF)", n, len(pdf))
	if n < 1 || n > 3 {
		t.Errorf("the schedule prints on %d pages", n)
	}
	for _, m := range pdfMediaBox.FindAllSubmatch(pdf, -1) {
		if string(m[1]) != "595" && !strings.HasPrefix(string(m[1]), "595.") && !strings.HasPrefix(string(m[1]), "594.") {
			t.Errorf("the schedule prints on %s pt wide paper, want A4", m[1])
			break
		}
	}

	// axe-core runs as a script: turn scripts back on for it (the pages
	// have none of their own), then for the officers' forms.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	for _, p := range public {
		axeCheck(t, ctx, string(axe), e.url+p)
	}
	browserLogin(t, ctx, e, "canbo")
	form := "/can-bo/cong-khai/" + itoa(scheduleID(t, e)) + "/lich"
	do(t, ctx, chromedp.Navigate(e.url+form),
		chromedp.SendKeys(chromedp.ID("s-officer"), "Lương Thị Hoa"))
	submit422(t, ctx, chromedp.CSS(`form[action$="/lich/buoi"] button[type=submit]`))
	mustContain(t, "form back", run(t, ctx, chromedp.Text(chromedp.CSS("main"))), "Vui lòng chọn thứ trong tuần", "Vui lòng nhập lý do")
	if got := run(t, ctx, chromedp.Value(chromedp.ID("s-officer"))); got != "Lương Thị Hoa" {
		t.Errorf("officer after 422: %q", got)
	}
	checkFits(t, ctx, form)
	screenshot(t, ctx, "browser-360px-schedule-form.png")
	for _, p := range []string{form, "/can-bo/cong-khai/" + itoa(directoryID(t, e)) + "/danh-ba", "/can-bo"} {
		axeCheck(t, ctx, string(axe), e.url+p)
		checkFits(t, ctx, p)
	}
	for _, msg := range console.all() {
		if !strings.Contains(msg, "status of 422") { // the form sent back above
			t.Errorf("browser console: %s", msg)
		}
	}
}
