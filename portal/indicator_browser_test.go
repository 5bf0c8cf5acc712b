package portal_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserOfficerEntersAValue: an officer on a phone opens the
// indicators from the home page's reminders, types a value out of range
// with its evidence file, gets the error by the field with the file kept,
// corrects the value and saves; the public scorecard's line of the
// indicator turns from "no data" to "met" with the value and its evidence
// file. Every page of the walk passes axe-core and fits the screen.
func TestBrowserOfficerEntersAValue(t *testing.T) {
	ctx, console := newBrowser(t)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e, planID := newIndicatorEnv(t)
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	browserLogin(t, ctx, e, "canbo")
	check := func(path string) {
		t.Helper()
		axeCheck(t, ctx, string(axe), e.url+path)
		checkFits(t, ctx, path)
	}
	check("/can-bo")
	check("/can-bo/chi-so")
	check(indicatorURL(planID, "1a/van-ban"))
	check(indicatorURL(planID, "4b/tra-loi-dung-han"))
	check("/can-bo/cong-khai/" + itoa(planID) + "/ke-hoach/6c")
	scoreLine := func() string {
		t.Helper()
		do(t, ctx, chromedp.Navigate(e.url+"/chi-so?nam=2026"))
		return run(t, ctx, chromedp.Text(chromedp.CSS(`li.score-line:has(a[href*="/chi-so/`+valueKey+`"])`)))
	}
	before := scoreLine()
	mustContain(t, "scorecard before", before, "chưa có số liệu", "tháng 5/2026", "Chưa có bằng chứng")
	check(indicatorURL(planID, valueKey))

	file := filepath.Join(t.TempDir(), "bao-cao-thang-5.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.ID("value"), "150"),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}))
	submit422(t, ctx, chromedp.CSS(`main form.form button[type=submit]`))
	if msg := run(t, ctx, chromedp.Text(chromedp.ID("value-error"))); msg != "Số liệu phải từ 0 đến 100 %; bạn nhập 150." {
		t.Errorf("value error: %q", msg)
	}
	kept := run(t, ctx, chromedp.Text(chromedp.CSS(".kept")))
	mustContain(t, "kept file", kept, "bao-cao-thang-5.pdf")
	axeHere(t, ctx, string(axe), "the value form with errors")
	do(t, ctx, chromedp.SetValue(chromedp.ID("value"), "96,5"))
	submit(t, ctx, chromedp.CSS(`main form.form button[type=submit]`), "/can-bo/chi-so/"+valueKey)
	history := run(t, ctx, chromedp.Text(chromedp.CSS(`#lich-su-h + .table-wrap`)))
	mustContain(t, "history", history, "Tháng 5/2026", "96,5 %", "bao-cao-thang-5.pdf")
	screenshot(t, ctx, "browser-360px-indicator-value.png")
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/chi-so"))
	screenshot(t, ctx, "browser-360px-indicators.png")
	after := scoreLine()
	mustContain(t, "scorecard after", after, "đạt", "96,5 %", "tháng 5/2026", "bao-cao-thang-5.pdf")
	if strings.Contains(after, "chưa có số liệu") || strings.Contains(after, "chưa đạt") {
		t.Errorf("scorecard line after the value: %q", after)
	}
	screenshot(t, ctx, "browser-360px-scorecard-after-value.png")
	for _, msg := range console.all() {
		if !strings.Contains(msg, "status of 422") { // the form sent back, as intended
			t.Errorf("browser console: %s", msg)
		}
	}
}
