package portal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"minhbach/store"
)

// axePath is where .ci/run installs axe-core (npm ci --prefix .ci/node).
func axePath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("AXE_PATH")
	if p == "" {
		p = filepath.Join("..", ".ci", "node", "node_modules", "axe-core", "axe.min.js")
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core missing under CI: %v", err)
		}
		t.Skip("accessibility test skipped: axe-core not installed (npm ci --prefix .ci/node)")
	}
	return p
}

type axeResult struct {
	Passes     []struct{ ID string } `json:"passes"`
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any `json:"target"`
		} `json:"nodes"`
	} `json:"violations"`
}

// TestBrowserAccessibility runs axe-core (WCAG 2.1 A and AA rules) on the
// public pages and the officers' busiest pages, in Chromium at phone size.
func TestBrowserAccessibility(t *testing.T) {
	ctx, _ := newBrowser(t)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	ids := e.publicIDs()
	public := []string{"/", "/cong-khai", "/cong-khai/ngan-sach", "/cong-khai/" + itoa(ids[0]),
		"/cong-khai/" + itoa(ids[0]) + "/lich-su", "/can-bo/dang-nhap", "/khong-co-trang"}
	check := func(path string) {
		t.Helper()
		axeCheck(t, ctx, string(axe), e.url+path)
	}
	fx := e.questionFixture()
	public = append(public, "/hoi-dap", "/hoi-dap/"+itoa(fx.Answered), "/hoi-dap/"+itoa(fx.Duplicate),
		"/hoi-dap/qua-han", "/hoi-dap/khieu-nai-to-cao", "/chi-so", "/chi-so/4b/tra-loi-dung-han", "/chi-so/bao-cao?ky=2026", "/chi-so/hoi-dap")
	for _, p := range public {
		check(p)
	}
	// The officers' pages, logged in.
	browserLogin(t, ctx, e, "admin")
	for _, p := range []string{"/can-bo", "/can-bo/cong-khai/moi", "/can-bo/tai-khoan", "/can-bo/cai-dat", "/can-bo/nhat-ky", "/can-bo/ngay-nghi"} {
		check(p)
	}
}

// axeCheck opens a page and fails the test on every WCAG 2.1 A/AA violation
// that axe-core finds.
func axeCheck(t *testing.T, ctx context.Context, axe, pageURL string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(pageURL))
	// DevTools evaluation is not bound by the page's CSP.
	run(t, ctx, chromedp.Evaluate[bool](axe+";true"))
	raw := run(t, ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag",
		values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => JSON.stringify(r))`, chromedp.EvalAwaitPromise))
	var res axeResult
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatalf("%s: axe result: %v", pageURL, err)
	}
	if len(res.Passes) < 10 {
		t.Fatalf("%s: axe checked only %d rules: did it run?", pageURL, len(res.Passes))
	}
	for _, v := range res.Violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target...))
		}
		t.Errorf("%s: %s (%s): %s at %s", pageURL, v.ID, v.Impact, v.Help, strings.Join(where, ", "))
	}
}

// TestBrowserAccessibilityOfRedaction checks the pages a redaction changes:
// the item with its marks and note, its history with a removed file, and
// the administrator's form.
func TestBrowserAccessibilityOfRedaction(t *testing.T) {
	ctx, _ := newBrowser(t)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnvWith(t, false)
	id, old, _ := publishWithPrivateData(t, e.st)
	if _, err := e.st.Redact(context.Background(), id, store.RedactionInput{Text: privatePhone, FileIDs: []int64{old.ID}, Reason: "Số riêng"}, 0); err != nil {
		t.Fatal(err)
	}
	axeCheck(t, ctx, string(axe), e.url+"/cong-khai/"+itoa(id))
	axeCheck(t, ctx, string(axe), e.url+"/cong-khai/"+itoa(id)+"/lich-su")
	browserLogin(t, ctx, e, "admin")
	axeCheck(t, ctx, string(axe), e.url+"/can-bo/cong-khai/"+itoa(id)+"/che")
}
