package portal_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"minhbach/seeds"
	"minhbach/store"
)

// TestBrowserPublishDisclosure drives real Chromium, with JavaScript and the
// CSP on, through login, the rich-text form with an upload, the preview and
// publication, on a phone-sized window.
func TestBrowserPublishDisclosure(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newEnv(t)

	// Log in.
	browserLogin(t, ctx, e, "canbo")

	// Fill the form, typing the body into the editor that officer.js adds.
	submit(t, ctx, chromedp.CSS(`.officer-bar a[href="/can-bo/cong-khai/moi"]`), "/can-bo/cong-khai/moi")
	title := "Thông báo họp dân thôn Đông tháng 12" // in no demo item
	body := "Mời bà con thôn Đông dự họp bàn việc làm đường bê tông, 8 giờ sáng Chủ nhật tại nhà văn hóa."
	// Typed on a second line, after Enter: it must stay a paragraph of its own.
	body2 := "Mỗi hộ cử một người đại diện."
	pdf := seeds.BlankPDF()
	pdfPath := filepath.Join(t.TempDir(), "bien-ban-hop-dan.pdf")
	if err := os.WriteFile(pdfPath, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	unit := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('#unit_id option:not([value=""])').value`))
	today := time.Now().In(time.FixedZone("ICT", 7*60*60)) // the commune's calendar
	do(t, ctx,
		chromedp.WaitVisible(chromedp.CSS(".editor")),
		chromedp.SetValue(chromedp.ID("category"), "thong-bao"),
		chromedp.SendKeys(chromedp.ID("title"), title),
		chromedp.SendKeys(chromedp.ID("summary"), "Họp dân bàn làm đường bê tông thôn Đông."),
		chromedp.SendKeys(chromedp.CSS(".editor"), body+kb.Enter+body2),
		chromedp.SetValue(chromedp.ID("unit_id"), unit),
		chromedp.SetValue(chromedp.ID("posting_from"), today.Format("2006-01-02")),
		// A mistake first: the posting ends before it starts.
		chromedp.SetValue(chromedp.ID("posting_until"), today.AddDate(0, 0, -1).Format("2006-01-02")),
		chromedp.SetUploadFiles(chromedp.ID("files"), []string{pdfPath}))
	submit422(t, ctx, chromedp.CSS(`main form.form button[type=submit]`))
	mustContain(t, "field error", run(t, ctx, chromedp.Text(chromedp.CSS(".has-error .field-error"))), "phải sau ngày bắt đầu")
	// Nothing typed or uploaded is lost: the editor, the title and the file come back.
	mustContain(t, "editor after 422", run(t, ctx, chromedp.Text(chromedp.CSS(".editor"))), body)
	if got := run(t, ctx, chromedp.Value(chromedp.ID("title"))); got != title {
		t.Errorf("title after 422: %q", got)
	}
	mustContain(t, "kept file", run(t, ctx, chromedp.Text(chromedp.CSS(".files.keep"))), "bien-ban-hop-dan.pdf")
	screenshot(t, ctx, "browser-form-error.png")
	do(t, ctx, chromedp.SetValue(chromedp.ID("posting_until"), today.AddDate(0, 0, 30).Format("2006-01-02")))
	submit(t, ctx, chromedp.CSS(`main form.form button[type=submit]`), "/xem-truoc")
	if bar := run(t, ctx, chromedp.Text(chromedp.CSS(".preview-bar"))); !strings.Contains(bar, "Bản xem trước") {
		t.Fatalf("preview bar: %q", bar)
	}

	// Publish: the button lands on the public page.
	submit(t, ctx, chromedp.CSS(`.preview-bar form button[type=submit]`), "/cong-khai/")
	id := lastID(t, run(t, ctx, chromedp.Location()))
	if h1 := run(t, ctx, chromedp.Text(chromedp.CSS("article h1"))); h1 != title {
		t.Errorf("h1 = %q, want %q", h1, title)
	}
	mustContain(t, "public body", run(t, ctx, chromedp.Text(chromedp.CSS("article .body"))), body)
	paras := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("article .body p")].map(p => p.textContent.trim())`))
	if len(paras) != 2 || paras[0] != body || paras[1] != body2 {
		t.Errorf("the two typed lines became paragraphs %q, want [%q %q]", paras, body, body2)
	}
	sum := sha256.Sum256(pdf)
	mustContain(t, "public attachments", run(t, ctx, chromedp.Text(chromedp.CSS("section.attachments"))),
		"bien-ban-hop-dan.pdf", "SHA-256", hex.EncodeToString(sum[:]))
	screenshot(t, ctx, "browser-publish.png")
	if w := run(t, ctx, chromedp.Evaluate[int](`window.innerWidth`)); w != 390 {
		t.Errorf("viewport is %dpx wide, want a 390px phone", w)
	}
	do(t, ctx, chromedp.EmulateViewport(1280, 900))
	screenshot(t, ctx, "browser-publish-desktop.png")

	// The same item is in the store and the Atom feed.
	d, err := e.st.PublicDisclosure(context.Background(), id)
	if err != nil {
		t.Fatalf("store: %v", err)
	}
	if d.Title != title || len(d.Attachments) != 1 || !strings.Contains(d.Body, "nhà văn hóa") {
		t.Errorf("store: title %q, %d attachments, body %q", d.Title, len(d.Attachments), d.Body)
	}
	feed, _ := e.parseFeed("/feed.atom")
	found := false
	for _, it := range feed.Items {
		found = found || (it.Title == title && strings.HasSuffix(it.Link, "/cong-khai/"+itoa(id)))
	}
	if !found {
		t.Errorf("feed.atom has no item %q linking to /cong-khai/%d", title, id)
	}

	for _, msg := range console.all() {
		// Chromium logs every 4xx response; the 422 above was intended.
		if strings.Contains(msg, "status of 422") && strings.HasSuffix(msg, "/can-bo/cong-khai)") {
			continue
		}
		t.Errorf("browser console: %s", msg)
	}
}

// chromiumPath finds Chromium, or skips (fails under CI) when it is missing.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium missing under CI")
	}
	t.Skip("browser test skipped: Chromium not installed (apt-get install chromium fonts-noto-core)")
	return ""
}

// consoleLog collects console errors, uncaught exceptions and browser log
// errors, CSP violations among them.
type consoleLog struct {
	mu   sync.Mutex
	msgs []string
}

func (c *consoleLog) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
		}
		msg = "console.error: " + strings.Join(parts, " ")
	case *runtime.EventExceptionThrown:
		msg = "exception: " + ev.ExceptionDetails.Text
		if ex := ev.ExceptionDetails.Exception; ex != nil {
			msg += " " + ex.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level != log.EntryLevelError {
			return
		}
		msg = fmt.Sprintf("log %s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
	default:
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, msg)
}

func (c *consoleLog) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.msgs...)
}

// newBrowser starts headless Chromium with a phone-sized window and a fresh
// profile; everything it does is bounded by one minute. It skips the test in
// -short mode and when Chromium is missing (failing under CI).
func newBrowser(t *testing.T) (context.Context, *consoleLog) {
	t.Helper()
	return newBrowserWithin(t, 60*time.Second)
}

// newBrowserWithin is newBrowser for a longer walk: everything it does is
// bounded by limit.
//
// Every browser test shares one Chromium process (started by the first,
// ended when the test binary exits): each gets its own browser context, so
// cookies, storage and cache stay apart as in a fresh profile, without
// paying Chromium's start for every test.
func newBrowserWithin(t *testing.T, limit time.Duration) (context.Context, *consoleLog) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	shared := sharedChromium(t)
	console := &consoleLog{}
	tab, cancelTab := chromedp.NewContext(shared, chromedp.WithNewBrowserContext(), chromedp.WithListener(console.listen))
	t.Cleanup(cancelTab)
	ctx, cancel := context.WithTimeout(tab, limit)
	t.Cleanup(cancel)
	// Headless Chromium keeps windows at least 500px wide: emulate the phone.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, console
}

// chromium is the one Chromium process of the test binary.
var chromium struct {
	once    sync.Once
	ctx     context.Context // its first tab: new contexts derive from it
	err     error
	profile string
}

func sharedChromium(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath(t)
	chromium.once.Do(func() {
		chromium.profile, chromium.err = os.MkdirTemp("", "minhbach-chromium-")
		if chromium.err != nil {
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless,
			chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
			chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true), chromedp.UserDataDir(chromium.profile), chromedp.WindowSize(390, 844))
		// Never cancelled: Chromium lives as long as the test binary
		// (TestMain closes it; the kernel ends it if the binary dies).
		alloc, _ := chromedp.NewExecAllocator(context.Background(), opts...)
		chromium.ctx, _ = chromedp.NewContext(alloc)
		chromium.err = chromedp.Do(chromium.ctx)
	})
	if chromium.err != nil {
		t.Fatalf("start chromium: %v", chromium.err)
	}
	return chromium.ctx
}

// closeChromium ends the shared Chromium and removes its profile.
func closeChromium() {
	if chromium.ctx != nil {
		chromedp.Cancel(chromium.ctx)
	}
	if chromium.profile != "" {
		os.RemoveAll(chromium.profile)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	closeChromium()
	os.Exit(code)
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// submit clicks sel, waits for the page it leads to and checks that it is
// a 200 whose URL contains want.
func submit(t *testing.T, ctx context.Context, sel chromedp.CSS, want string) {
	t.Helper()
	res, err := chromedp.RunResponse(ctx, chromedp.Click(sel, chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
	if res.Status != 200 || !strings.Contains(res.URL, want) {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		t.Fatalf("click %s: %d %s, want %s\n%s", sel, res.Status, res.URL, want, text)
	}
}

// browserLogin logs a demo account in through the login form.
func browserLogin(t *testing.T, ctx context.Context, e *env, login string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/dang-nhap"),
		chromedp.SendKeys(chromedp.ID("login"), login),
		chromedp.SendKeys(chromedp.ID("password"), demoPassword))
	submit(t, ctx, chromedp.CSS(`main form.form button[type=submit]`), "/can-bo")
}

// submit422 clicks a submit button that must bring the form back with errors.
func submit422(t *testing.T, ctx context.Context, sel chromedp.CSS) {
	t.Helper()
	res, err := chromedp.RunResponse(ctx, chromedp.Click(sel, chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
	if res.Status != 422 {
		t.Fatalf("click %s: status %d, want the form back with 422", sel, res.Status)
	}
}

// screenshot saves a full-page PNG (quality 100 means PNG, less is JPEG) to
// $ARTIFACTS_DIR, or a temp dir.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("ARTIFACTS_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, run(t, ctx, chromedp.FullScreenshot(100)), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowserKeepsAFormThroughAnExpiredSession: the session runs out while
// an officer types; the refused form is offered back after logging in again,
// and forgotten once saved.
func TestBrowserKeepsAFormThroughAnExpiredSession(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newEnv(t)
	browserLogin(t, ctx, e, "canbo")
	title := "Thông báo lịch cắt điện thôn Tây"
	body := "Điện lực cắt điện từ 7 giờ đến 11 giờ sáng thứ Bảy."
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/cong-khai/moi"),
		chromedp.WaitVisible(chromedp.CSS(".editor")),
		chromedp.SendKeys(chromedp.ID("title"), title),
		chromedp.SendKeys(chromedp.CSS(".editor"), body))
	// The autosave waits for a pause in typing, then keeps a copy.
	run(t, ctx, chromedp.Poll[bool](`localStorage.length > 0`, chromedp.WithPollingTimeout(10*time.Second)))

	// Three idle hours later the session is gone.
	e.st.SetClock(func() time.Time { return time.Now().Add(3 * time.Hour) })
	res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`main form.form button[type=submit]`), chromedp.NodeVisible))
	if err != nil || res.Status != 403 {
		t.Fatalf("submit after expiry: %v, status %d", err, res.Status)
	}
	mustContain(t, "403 page", run(t, ctx, chromedp.Text(chromedp.CSS("main"))), "hết hạn")

	browserLogin(t, ctx, e, "canbo")
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/cong-khai/moi"),
		chromedp.WaitVisible(chromedp.CSS(".restore")),
		chromedp.Click(chromedp.CSS(".restore button"), chromedp.NodeVisible))
	if got := run(t, ctx, chromedp.Value(chromedp.ID("title"))); got != title {
		t.Fatalf("restored title %q, want %q", got, title)
	}
	mustContain(t, "restored editor", run(t, ctx, chromedp.Text(chromedp.CSS(".editor"))), body)
	screenshot(t, ctx, "browser-restored-form.png")

	// Saved for real: the browser's copy is forgotten.
	unit := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('#unit_id option:not([value=""])').value`))
	do(t, ctx, chromedp.SetValue(chromedp.ID("category"), "thong-bao"), chromedp.SetValue(chromedp.ID("unit_id"), unit))
	submit(t, ctx, chromedp.CSS(`main form.form button[type=submit]`), "/xem-truoc")
	if n := run(t, ctx, chromedp.Evaluate[int](`localStorage.length`)); n != 0 {
		t.Errorf("%d form copies left in the browser after a successful save", n)
	}
	for _, msg := range console.all() {
		if strings.Contains(msg, "status of 403") {
			continue // the refused submit above
		}
		t.Errorf("browser console: %s", msg)
	}
}

// TestBrowserPublicPagesFitA360pxPhone opens the public pages on a 360 px
// screen with JavaScript off, as on a cheap phone, and checks that nothing
// makes the page scroll sideways.
func TestBrowserPublicPagesFitA360pxPhone(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newEnv(t)
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/", "/cong-khai", "/cong-khai/ngan-sach"}
	for _, id := range e.publicIDs() {
		paths = append(paths, "/cong-khai/"+itoa(id), "/cong-khai/"+itoa(id)+"/lich-su")
	}
	fx := e.questionFixture()
	paths = append(paths, "/hoi-dap", "/hoi-dap/qua-han", "/hoi-dap/khieu-nai-to-cao")
	for _, id := range []int64{fx.Answered, fx.Open, fx.Duplicate, fx.Overdue, fx.Late} {
		paths = append(paths, "/hoi-dap/"+itoa(id))
	}
	for _, p := range paths {
		do(t, ctx, chromedp.Navigate(e.url+p))
		// Wide tables scroll inside their own box; the page itself must not.
		checkFits(t, ctx, p)
	}
	do(t, ctx, chromedp.Navigate(e.url+"/cong-khai/ngan-sach"))
	screenshot(t, ctx, "browser-360px-budget.png")
	budget, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: "ngan-sach", Limit: 1})
	if err != nil || len(budget) == 0 {
		t.Fatalf("no budget item in the demo: %v", err)
	}
	do(t, ctx, chromedp.Navigate(e.url+"/cong-khai/"+itoa(budget[0].ID)))
	screenshot(t, ctx, "browser-360px-budget-item.png")
	do(t, ctx, chromedp.Navigate(e.url+"/hoi-dap"))
	screenshot(t, ctx, "browser-360px-questions.png")
	do(t, ctx, chromedp.Navigate(e.url+"/hoi-dap/"+itoa(fx.Late)))
	screenshot(t, ctx, "browser-360px-question-late.png")
	for _, msg := range console.all() {
		t.Errorf("browser console: %s", msg)
	}
}
