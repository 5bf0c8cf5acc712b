package portal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"minhbach/store"
)

// TestBrowserResidentAsksAndTracksWithoutJavaScript drives Chromium on a
// 390 px phone with JavaScript off, as on a cheap phone: ask with a photo,
// get the code, then (after the commune answers late, with an apology)
// look it up, rate and reopen. The identity fields of a request for
// information show only for that kind, by CSS alone.
func TestBrowserResidentAsksAndTracksWithoutJavaScript(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newAskEnv(t, nil)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(t.TempDir(), "IMG_20261120.jpg")
	if err := os.WriteFile(photo, phoneJPEG(t), 0o644); err != nil {
		t.Fatal(err)
	}
	visible := func(sel string) bool {
		return run(t, ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("`+sel+`")).display !== "none"`))
	}

	do(t, ctx, chromedp.Navigate(e.url+"/hoi-dap/gui"))
	checkFits(t, ctx, "/hoi-dap/gui")
	if visible(".identity") {
		t.Error("identity fields shown before a request for information is chosen")
	}
	do(t, ctx, chromedp.Click(chromedp.ID("kind-info_request"), chromedp.NodeVisible))
	if !visible(".identity") {
		t.Error("identity fields hidden for a request for information")
	}
	do(t, ctx, chromedp.Click(chromedp.ID("kind-denunciation"), chromedp.NodeVisible))
	if visible(".name-public") || visible(".identity") {
		t.Error("a denunciation offers to publish the name, or asks for an identity")
	}
	title := "Đường thôn Đông sụt lún sau mưa"
	do(t, ctx,
		chromedp.Click(chromedp.ID("kind"), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.ID("title"), title),
		chromedp.SendKeys(chromedp.ID("body"), "Đoạn đường qua nhà văn hóa bị sụt lún, xe máy đi lại nguy hiểm."),
		chromedp.SetValue(chromedp.ID("topic"), "xay-dung"),
		chromedp.SendKeys(chromedp.ID("contact"), "09123"), // a mistake first
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{photo}))
	submit422(t, ctx, chromedp.CSS(`main form.ask-form button[type=submit]`))
	mustContain(t, "form back", run(t, ctx, chromedp.Text(chromedp.CSS("main"))),
		"Số điện thoại hoặc e-mail chưa đúng", "hãy chọn lại tệp")
	if got := run(t, ctx, chromedp.Value(chromedp.ID("title"))); got != title {
		t.Errorf("title after 422: %q", got)
	}
	screenshot(t, ctx, "browser-ask-error.png")
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("contact"), "0912 345 678"),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{photo}))
	submit(t, ctx, chromedp.CSS(`main form.ask-form button[type=submit]`), "/tra-cuu/bien-nhan")
	code := run(t, ctx, chromedp.Text(chromedp.CSS(".tracking-code")))
	if !codeRe.MatchString(code) {
		t.Fatalf("receipt code %q", code)
	}
	mustContain(t, "receipt", run(t, ctx, chromedp.Text(chromedp.CSS("main"))), "Đã xóa: vị trí GPS", "Hạn trả lời")
	checkFits(t, ctx, "/tra-cuu/bien-nhan")
	screenshot(t, ctx, "browser-ask-receipt.png")

	// The commune accepts, assigns and answers late, with an apology.
	q := e.questionOf(code)
	units, _ := e.st.Units(t.Context())
	e.officer(q.ID, store.Action{Kind: store.ActAccept, PublicTitle: title, PublicBody: "Đoạn đường bị sụt lún."})
	e.officer(q.ID, store.Action{Kind: store.ActAssign, UnitID: units[0].ID})
	e.st.SetClock(func() time.Time { return time.Now().AddDate(0, 1, 0) })
	e.officer(q.ID, store.Action{Kind: store.ActAnswer, Answer: "<p>Xã sẽ sửa đoạn đường trong tháng 12.</p>",
		Apology: "Xã xin lỗi vì trả lời chậm hơn thời hạn."})

	// Later: leave, then come back with the code typed in lower case.
	submit(t, ctx, chromedp.CSS(`.receipt .actions a`), "/tra-cuu/theo-doi")
	submit(t, ctx, chromedp.CSS(`form.exit button`), "/tra-cuu")
	do(t, ctx, chromedp.SendKeys(chromedp.ID("code"), strings.ToLower(code)))
	submit(t, ctx, chromedp.CSS(`main form.form button[type=submit]`), "/tra-cuu/theo-doi")
	mustContain(t, "asker page", run(t, ctx, chromedp.Text(chromedp.CSS("main"))),
		code, "Đã trả lời", "Xã sẽ sửa đoạn đường trong tháng 12.", "Xã xin lỗi vì trả lời chậm hơn thời hạn.", units[0].Name)
	do(t, ctx, chromedp.Click(chromedp.CSS(`input[name=rating][value="4"]`), chromedp.NodeVisible))
	submit(t, ctx, chromedp.CSS(`form[action$="/danh-gia"] button`), "/tra-cuu/theo-doi")
	mustContain(t, "rated", run(t, ctx, chromedp.Text(chromedp.CSS(".flash"))), "Cảm ơn bạn đã đánh giá")
	do(t, ctx, chromedp.SendKeys(chromedp.ID("reason"), "Chưa rõ ngày nào bắt đầu sửa."))
	submit(t, ctx, chromedp.CSS(`form[action$="/mo-lai"] button`), "/tra-cuu/theo-doi")
	mustContain(t, "reopened", run(t, ctx, chromedp.Text(chromedp.CSS("main"))), "Đã mở lại câu hỏi", "Người hỏi mở lại câu hỏi")
	checkFits(t, ctx, "/tra-cuu/theo-doi")
	screenshot(t, ctx, "browser-asker-page.png")
	if q = e.questionOf(code); q.Satisfaction != 4 || q.ReopenCount != 1 || q.State != store.QAssigned {
		t.Errorf("after the asker's steps: satisfaction %d, reopened %d, state %s", q.Satisfaction, q.ReopenCount, q.State)
	}
	for _, msg := range console.all() {
		if strings.Contains(msg, "status of 422") && strings.HasSuffix(msg, "/hoi-dap/gui)") {
			continue // the mistake above
		}
		t.Errorf("browser console: %s", msg)
	}
}

// TestBrowserAccessibilityOfResidentPages runs axe-core on the ask form
// (blank and sent back with errors), the receipt, the lookup form and the
// asker's page with every form it can show.
func TestBrowserAccessibilityOfResidentPages(t *testing.T) {
	ctx, _ := newBrowser(t)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newAskEnv(t, nil)
	axeCheck(t, ctx, string(axe), e.url+"/tra-cuu")
	axeCheck(t, ctx, string(axe), e.url+"/hoi-dap/gui")
	do(t, ctx, chromedp.Click(chromedp.ID("kind-info_request"), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.ID("contact"), "abc"))
	submit422(t, ctx, chromedp.CSS(`main form.ask-form button[type=submit]`))
	axeHere(t, ctx, string(axe), "ask form with errors")
	do(t, ctx,
		chromedp.Click(chromedp.ID("kind"), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.ID("title"), "Giờ làm việc của bộ phận một cửa"),
		chromedp.SendKeys(chromedp.ID("body"), "Thứ bảy có làm việc không?"),
		chromedp.SetValue(chromedp.ID("topic"), "thu-tuc"),
		chromedp.SetValue(chromedp.ID("contact"), "0912 345 678"))
	submit(t, ctx, chromedp.CSS(`main form.ask-form button[type=submit]`), "/tra-cuu/bien-nhan")
	axeHere(t, ctx, string(axe), "receipt")
	code := run(t, ctx, chromedp.Text(chromedp.CSS(".tracking-code")))
	q := e.questionOf(code)
	e.officer(q.ID, store.Action{Kind: store.ActAccept, PublicTitle: "Giờ làm việc", PublicBody: "Thứ bảy có làm việc không?"})
	e.officer(q.ID, store.Action{Kind: store.ActAnswer, Answer: "<p>Sáng thứ bảy có làm việc.</p>"})
	axeCheck(t, ctx, string(axe), e.url+"/tra-cuu/theo-doi")
	submit422(t, ctx, chromedp.CSS(`form[action$="/mo-lai"] button`))
	axeHere(t, ctx, string(axe), "asker page with an error")
}

// axeHere runs axe-core on the page the browser shows now.
func axeHere(t *testing.T, ctx context.Context, axe, label string) {
	t.Helper()
	run(t, ctx, chromedp.Evaluate[bool](axe+";true"))
	raw := run(t, ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag",
		values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => JSON.stringify(r))`, chromedp.EvalAwaitPromise))
	var res axeResult
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatalf("%s: axe result: %v", label, err)
	}
	if len(res.Passes) < 10 {
		t.Fatalf("%s: axe checked only %d rules: did it run?", label, len(res.Passes))
	}
	for _, v := range res.Violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target...))
		}
		t.Errorf("%s: %s (%s): %s at %s", label, v.ID, v.Impact, v.Help, strings.Join(where, ", "))
	}
}
