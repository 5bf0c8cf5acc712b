package portal_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"minhbach/portal"
	"minhbach/portal/abuse"
	"minhbach/store"
)

// TestBrowserCommentOnADraft: at 390 px, a resident comments on a draft
// through the form (the fill time lowered so the test need not wait), an
// officer accepts it on the moderation page, and the draft's page shows
// it. Every page fits the screen, passes axe-core when it is installed,
// and the console stays clean (no CSP errors).
func TestBrowserCommentOnADraft(t *testing.T) {
	ctx, console := newBrowser(t)
	limits := abuse.DefaultLimits()
	limits.MinFill = 0
	e := newEnvConfig(t, true, portal.Config{Abuse: &limits})
	id := openDraft(e)
	item := "/cong-khai/" + itoa(id)

	do(t, ctx, chromedp.Navigate(e.url+item))
	checkFits(t, ctx, item)
	submit(t, ctx, chromedp.CSS(`a[href$="/gop-y"]`), "/gop-y")
	checkFits(t, ctx, item+"/gop-y")
	screenshot(t, ctx, "browser-390px-comment-form.png")
	// The honeypot is out of sight.
	if vis := run(t, ctx, chromedp.Evaluate[bool](`(() => { const r = document.getElementById("website").getBoundingClientRect();
		return r.right > 0 && r.bottom > 0 && r.width > 1; })()`)); vis {
		t.Error("the honeypot field is visible")
	}
	do(t, ctx, chromedp.SendKeys(chromedp.ID("body"), "Đề nghị mở nhà văn hóa đến 21 giờ vào cuối tuần."),
		chromedp.SendKeys(chromedp.ID("name"), "Đỗ Thị Hoa"),
		chromedp.Click(chromedp.CSS(`input[name=name_public]`)),
		chromedp.SendKeys(chromedp.ID("contact"), "0903 456 789"))
	submit(t, ctx, chromedp.CSS(`main form.form button[type=submit]`), item)
	text := run(t, ctx, chromedp.Text(chromedp.CSS("main")))
	if !strings.Contains(text, "Đã nhận góp ý của bạn") {
		t.Errorf("after sending, the page says:\n%s", text)
	}
	if n := len(comments(e, id, store.CommentPending)); n != 1 {
		t.Fatalf("%d pending comments, want 1", n)
	}

	browserLogin(t, ctx, e, "canbo")
	mod := "/can-bo/cong-khai/" + itoa(id) + "/y-kien"
	do(t, ctx, chromedp.Navigate(e.url+mod))
	checkFits(t, ctx, mod)
	screenshot(t, ctx, "browser-390px-comment-moderation.png")
	submit(t, ctx, chromedp.CSS(`#pending form.inline button[type=submit]`), mod)
	do(t, ctx, chromedp.Navigate(e.url+item))
	text = run(t, ctx, chromedp.Text(chromedp.CSS("#y-kien")))
	if !strings.Contains(text, "Đề nghị mở nhà văn hóa") || !strings.Contains(text, "Đỗ Thị Hoa") {
		t.Errorf("accepted comment not on the item page:\n%s", text)
	}
	screenshot(t, ctx, "browser-390px-comment-item.png")

	for _, msg := range console.all() {
		t.Errorf("browser console: %s", msg)
	}
	axe, err := os.ReadFile(axePath(t)) // skips here when axe-core is not installed
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{item, item + "/gop-y", mod} {
		axeCheck(t, ctx, string(axe), e.url+p)
	}
}
