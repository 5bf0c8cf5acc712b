package portal_test

import (
	"context"
	"testing"

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
		"/can-bo/cai-dat", "/can-bo/don-vi",
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
