package portal_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"minhbach/portal/households"
	"minhbach/store"
)

// TestBrowserStructuredHouseholds: the public household pages on a 360 px
// phone with JavaScript off (the overview, a list in its window with its
// names, a list after it, a history), then the officers' import page with
// a refused file and a row form; zero axe violations on each.
func TestBrowserStructuredHouseholds(t *testing.T) {
	ctx, _ := newBrowserWithin(t, 2*time.Minute)
	axeJS, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	axe := string(axeJS)
	e := newEnv(t)
	lists, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: households.Category, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var current, ended int64
	for _, d := range lists {
		switch {
		case d.IsWithdrawn():
		case !d.PostingUntil.Before(civilDay(0)):
			current = d.ID
		default:
			ended = d.ID
		}
	}
	if current == 0 || ended == 0 {
		t.Fatal("the demo lacks a list in its posting window or one past it")
	}

	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	public := []struct{ path, want string }{
		{"/ho-ngheo", "Đang niêm yết họ tên"},
		{"/cong-khai/" + itoa(current), "Trần Văn Lợi"},
		{"/cong-khai/" + itoa(current) + "/lich-su", "Đinh Văn Sáu (Thôn Thượng, Hộ cận nghèo)"},
		{"/cong-khai/" + itoa(ended), "họ tên chủ hộ chỉ được công khai trong thời gian niêm yết"},
		{"/cong-khai/ho-ngheo", "Tổng quan danh sách hộ nghèo"},
	}
	for i, p := range public {
		do(t, ctx, chromedp.Navigate(e.url+p.path))
		if text := run(t, ctx, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(text, p.want) {
			t.Errorf("%s lacks %q", p.path, p.want)
		}
		checkFits(t, ctx, p.path)
		if i < 2 {
			screenshot(t, ctx, fmt.Sprintf("browser-360px-households-%d.png", i))
		}
	}
	// axe-core is a script: it runs on the same pages once scripts may run
	// (the portal's public pages have none of their own).
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	for _, p := range public {
		axeCheck(t, ctx, axe, e.url+p.path)
	}

	// The officers' side.
	browserLogin(t, ctx, e, "canbo")
	page := e.url + "/can-bo/cong-khai/" + itoa(current) + "/ho-ngheo"
	axeCheck(t, ctx, axe, page)
	checkFits(t, ctx, page)
	bad := filepath.Join(t.TempDir(), "danh-sach.csv")
	if err := os.WriteFile(bad, []byte("Chủ hộ,Thôn,Phân loại,Số CCCD\nA,Thôn Đông,Hộ nghèo,001\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{bad}),
		chromedp.SendKeys(chromedp.ID("import-reason"), "Nhập lại danh sách"))
	submit422(t, ctx, chromedp.CSS(`form[action$="/nhap"] button[type=submit]`))
	if text := run(t, ctx, chromedp.Text(chromedp.ID("file-error"))); !strings.Contains(text, "Số CCCD") {
		t.Errorf("import error: %q", text)
	}
	axeHere(t, ctx, axe, "import refused")
	rows := listRows(e, current)
	axeCheck(t, ctx, axe, e.url+"/can-bo/cong-khai/"+itoa(current)+"/ho-ngheo/dong/"+rows[0].Key)
	screenshot(t, ctx, "browser-households-row-form.png")
}
