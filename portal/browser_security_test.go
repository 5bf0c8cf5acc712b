package portal_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// liveScriptLinks counts links and sources in the editor that a click or a
// load would run as script or open as a data: document.
const liveScriptLinks = `Array.from(document.querySelectorAll('.editor [href], .editor [src]'))
	.filter(el => /^\s*(javascript|vbscript|data):/i.test(el.getAttribute('href') || el.getAttribute('src'))).length`

// TestBrowserEditorNeverGetsAScriptLinkBack: a body with an entity-encoded
// javascript: link, sent past the editor, comes back with a message and
// without the link; a copy in the browser's storage is cleaned too when
// it is restored into the editor.
func TestBrowserEditorNeverGetsAScriptLinkBack(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newEnv(t)
	browserLogin(t, ctx, e, "canbo")
	const raw = `<p>Xem <a href="&#106;avascript:alert(1)">danh sách</a> tại nhà văn hóa.</p>`

	// The textarea gets the raw HTML after the editor copied itself into
	// it, as a form posted without the editor would carry it.
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/cong-khai/moi"),
		chromedp.WaitVisible(chromedp.CSS(".editor")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('main form.form').addEventListener('submit',
			() => { document.getElementById('body').value = `+"`"+raw+"`"+`; })`))
	submit422(t, ctx, chromedp.CSS(`main form.form button[type=submit]`))
	msg := run(t, ctx, chromedp.Evaluate[string](`document.getElementById('body').closest('.field').textContent`))
	mustContain(t, "body field", msg, "liên kết không được phép")
	if n := run(t, ctx, chromedp.Evaluate[int](liveScriptLinks)); n != 0 {
		t.Errorf("after 422 the editor holds %d script links", n)
	}
	mustContain(t, "editor after 422", run(t, ctx, chromedp.Text(chromedp.CSS(".editor"))), "danh sách")

	// A copy left in this browser's storage is restored without the link.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`localStorage.setItem('minhbach-form:/can-bo/cong-khai',
		JSON.stringify({at: Date.now(), submitted: false, values: {title: 'Tin thử', body: `+"`"+raw+"`"+`}}))`),
		chromedp.Navigate(e.url+"/can-bo/cong-khai/moi"),
		chromedp.WaitVisible(chromedp.CSS(".restore")),
		chromedp.Click(chromedp.CSS(".restore button"), chromedp.NodeVisible))
	mustContain(t, "restored editor", run(t, ctx, chromedp.Text(chromedp.CSS(".editor"))), "danh sách")
	if n := run(t, ctx, chromedp.Evaluate[int](liveScriptLinks)); n != 0 {
		t.Errorf("after restoring, the editor holds %d script links", n)
	}
	for _, m := range console.all() {
		if strings.Contains(m, "status of 422") {
			continue // the refused form above
		}
		t.Errorf("browser console: %s", m)
	}
}
