package portal_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"minhbach/portal"
	"minhbach/portal/abuse"
	"minhbach/seeds"
)

// TestBrowserQuestionLifecycle follows one question through the real pages
// only, on two 390 px phones with JavaScript on: a resident asks with a
// photo; an officer (in a browser of their own) accepts it with the phone
// number in it redacted, assigns it, and answers a month later, so late:
// first without an apology, which the form then asks for, then with one.
// The resident looks the code up, rates the answer and reopens it; the
// public page shows the redacted copy only. No page scrolls sideways, and
// neither browser logs a console error or a CSP violation.
func TestBrowserQuestionLifecycle(t *testing.T) {
	// Two browsers and twenty pages: more time than newBrowser's minute
	// when other tests share the machine. Alone it takes about half that.
	resident, console := newBrowserWithin(t, 3*time.Minute)
	officer, cancel := chromedp.NewContext(resident, chromedp.WithNewBrowserContext(), chromedp.WithListener(console.listen))
	t.Cleanup(cancel)
	do(t, officer, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))

	// The minimum fill time is cut from 3 s to 1 s to keep the test short;
	// the resident's form still has to wait it out. No demo questions, so
	// the inbox counts are this one item.
	limits := abuse.DefaultLimits()
	limits.MinFill = time.Second
	e := newEnvSeeded(t, true, seeds.Options{DemoPassword: demoPassword, NoQuestions: true}, portal.Config{Abuse: &limits})
	t.Cleanup(func() { e.st.SetClock(time.Now) })
	photo := filepath.Join(t.TempDir(), "IMG_20261120_071502.jpg")
	if err := os.WriteFile(photo, phoneJPEG(t), 0o644); err != nil {
		t.Fatal(err)
	}
	const (
		title   = "Đường thôn Đông sụt lún sau mưa"
		body    = "Đoạn đường qua nhà văn hóa bị sụt lún, xe máy đi lại nguy hiểm. Cần hỏi thêm xin gọi " + askPhone + "."
		name    = "Lê Thị Mai"
		answer  = "Xã sẽ sửa đoạn đường trong tháng 12."
		apology = "Xã xin lỗi vì trả lời chậm hơn thời hạn."
		reason  = "Chưa rõ ngày nào bắt đầu sửa."
		closing = "Trân trọng cảm ơn ông/bà đã phản ánh."
	)
	// 1. The resident asks, with a photo from the phone.
	do(t, resident, chromedp.Navigate(e.url+"/hoi-dap/gui"))
	shown := time.Now() // the form's stamp is older than this
	today := shown.In(time.FixedZone("ICT", 7*3600)).Format("02/01/2006")
	checkFits(t, resident, "/hoi-dap/gui")
	village := run(t, resident, chromedp.Evaluate[string](`document.querySelector('#village option:not([value=""])').value`))
	do(t, resident,
		chromedp.Click(chromedp.ID("kind"), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.ID("title"), title),
		chromedp.SendKeys(chromedp.ID("body"), body),
		chromedp.SetValue(chromedp.ID("topic"), "xay-dung"),
		chromedp.SetValue(chromedp.ID("village"), village),
		chromedp.SendKeys(chromedp.ID("name"), name),
		chromedp.SendKeys(chromedp.ID("contact"), askEmail),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{photo}))
	if run(t, resident, chromedp.Evaluate[bool](`document.querySelector("#name_public").checked`)) {
		t.Fatal("the name is to be published unless the resident chooses so")
	}
	screenshot(t, resident, "browser-lifecycle-1-ask.png")
	time.Sleep(time.Until(shown.Add(limits.MinFill))) // a person takes longer
	submit(t, resident, chromedp.CSS(`main form.ask-form button[type=submit]`), "/tra-cuu/bien-nhan")
	code := run(t, resident, chromedp.Text(chromedp.CSS(".tracking-code")))
	if !codeRe.MatchString(code) {
		t.Fatalf("receipt code %q", code)
	}
	mustContain(t, "receipt", run(t, resident, chromedp.Text(chromedp.CSS("main"))),
		"Hạn trả lời", "IMG_20261120_071502.jpg", "Đã xóa: vị trí GPS", "tên máy ảnh/điện thoại")
	checkFits(t, resident, "/tra-cuu/bien-nhan")
	screenshot(t, resident, "browser-lifecycle-2-receipt.png")

	// 2. An officer logs in, finds it in the inbox and accepts it, with the
	// phone number in the public copy replaced.
	browserLogin(t, officer, e, "canbo")
	mustContain(t, "inbox badge", run(t, officer, chromedp.Text(chromedp.CSS(".inbox-badge"))), "1 mới")
	submit(t, officer, chromedp.CSS(`.officer-bar a[href="/can-bo/hoi-dap"]`), "/can-bo/hoi-dap")
	mustContain(t, "inbox counts", run(t, officer, chromedp.Text(chromedp.CSS(".inbox-counts"))), "1 mới, chờ phân loại")
	checkFits(t, officer, "/can-bo/hoi-dap")
	item := run(t, officer, chromedp.Evaluate[string](`[...document.querySelectorAll("table.list a")]
		.filter(a => a.textContent === `+jsonString(t, title)+`).map(a => a.getAttribute("href")).join(" ")`))
	if !strings.HasPrefix(item, "/can-bo/hoi-dap/") || strings.Contains(item, " ") {
		t.Fatalf("inbox links to the item: %q", item)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(item, "/can-bo/hoi-dap/"), 10, 64)
	if err != nil {
		t.Fatalf("item link %q", item)
	}
	submit(t, officer, chromedp.CSS(`table.list a[href="`+item+`"]`), item)
	mustContain(t, "officer item", run(t, officer, chromedp.Text(chromedp.CSS("main"))),
		name, askEmail, "Số điện thoại “"+askPhone+"”", "Đã xóa thông tin ẩn trong ảnh trước khi lưu")
	publicBody := run(t, officer, chromedp.Value(chromedp.ID("accept_body")))
	if strings.Contains(publicBody, askPhone) || !strings.Contains(publicBody, "xin gọi [đã che].") {
		t.Errorf("pre-filled public copy %q: the phone number is not replaced by [đã che]", publicBody)
	}
	if got := run(t, officer, chromedp.Value(chromedp.ID("accept_title"))); got != title {
		t.Errorf("pre-filled public title %q", got)
	}
	checkFits(t, officer, item)
	screenshot(t, officer, "browser-lifecycle-3-officer-accept.png")
	submit(t, officer, chromedp.CSS(`form#tiep-nhan button[type=submit]`), item)
	mustContain(t, "accepted", run(t, officer, chromedp.Text(chromedp.CSS(".flash"))), "Đã tiếp nhận")

	unit := run(t, officer, chromedp.Evaluate[string](`document.querySelector('#unit_id option:not([value=""])').textContent`))
	do(t, officer,
		chromedp.SetValue(chromedp.ID("unit_id"), run(t, officer, chromedp.Evaluate[string](`document.querySelector('#unit_id option:not([value=""])').value`))),
		chromedp.SetValue(chromedp.ID("assignee_id"), run(t, officer, chromedp.Evaluate[string](`document.querySelector('#assignee_id option:not([value=""])').value`))))
	submit(t, officer, chromedp.CSS(`form[action$="/assign"] button[type=submit]`), item)
	mustContain(t, "assigned", run(t, officer, chromedp.Text(chromedp.CSS(".flash"))), "Đã giao đơn vị xử lý")

	// The commune keeps a closing line for building questions.
	submit(t, officer, chromedp.CSS(`.crumbs a[href="/can-bo/hoi-dap"]`), "/can-bo/hoi-dap")
	submit(t, officer, chromedp.CSS(`main a[href="/can-bo/mau-tra-loi"]`), "/can-bo/mau-tra-loi")
	do(t, officer,
		chromedp.WaitVisible(chromedp.CSS(".editor")),
		chromedp.SetValue(chromedp.ID("topic"), "xay-dung"),
		chromedp.SendKeys(chromedp.ID("title"), "Lời cảm ơn"),
		chromedp.SendKeys(chromedp.CSS(".editor"), closing))
	submit(t, officer, chromedp.CSS(`main form.form button[type=submit]`), "/can-bo/mau-tra-loi")
	mustContain(t, "template saved", run(t, officer, chromedp.Text(chromedp.CSS(".flash"))), "Đã lưu mẫu trả lời")
	checkFits(t, officer, "/can-bo/mau-tra-loi")

	// A month later (the store's clock, which decides the apology and the
	// session: the officer logs in again), the item is past its due date.
	e.st.SetClock(func() time.Time { return time.Now().AddDate(0, 1, 0) })
	later := time.Now().AddDate(0, 1, 0).In(time.FixedZone("ICT", 7*3600)).Format("02/01/2006")
	browserLogin(t, officer, e, "canbo")
	do(t, officer, chromedp.Navigate(e.url+item),
		chromedp.WaitVisible(chromedp.CSS("form#tra-loi .editor")))
	// The editor is named and described by the answer field's label and hint.
	named := run(t, officer, chromedp.Evaluate[[]string](`(ed => [ed.getAttribute("aria-labelledby"), ed.getAttribute("aria-describedby")]
		.map(ids => (ids || "").split(" ").map(id => (document.getElementById(id) || {}).textContent || "").join(" ")))
		(document.querySelector("form#tra-loi .editor"))`))
	if len(named) != 2 || !strings.HasPrefix(named[0], "Câu trả lời") || !strings.Contains(named[1], "thanh công cụ") {
		t.Errorf("the answer editor is labelled and described by %q, not by its field's label and hint", named)
	}
	do(t, officer,
		chromedp.Click(chromedp.CSS(`label[for="answer"]`), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.CSS("form#tra-loi .editor"), answer),
		chromedp.SetValue(chromedp.ID("template_id"), run(t, officer, chromedp.Evaluate[string](`document.querySelector('#template_id option:not([value=""])').value`))))
	// "Dùng mẫu" adds the template after what is typed, without publishing.
	submit(t, officer, chromedp.CSS(`form#tra-loi button[name=use_template]`), item)
	do(t, officer, chromedp.WaitVisible(chromedp.CSS("form#tra-loi .editor")))
	if got := run(t, officer, chromedp.Text(chromedp.CSS("form#tra-loi .editor"))); !strings.Contains(got, answer) ||
		!strings.Contains(got, closing) || strings.Index(got, answer) > strings.Index(got, closing) {
		t.Errorf("editor after Dùng mẫu: %q, want the answer, then the template", got)
	}
	submit422(t, officer, chromedp.CSS(`form#tra-loi p.actions button[type=submit]:not(.secondary)`))
	mustContain(t, "apology asked for", run(t, officer, chromedp.Text(chromedp.CSS(".has-error"))),
		"Lời xin lỗi người hỏi", "vui lòng viết lời xin lỗi")
	mustContain(t, "editor after 422", run(t, officer, chromedp.Text(chromedp.CSS("form#tra-loi .editor"))), answer, closing)
	checkFits(t, officer, item+" (apology asked)")
	screenshot(t, officer, "browser-lifecycle-4-officer-apology.png")
	do(t, officer, chromedp.SendKeys(chromedp.ID("apology"), apology))
	submit(t, officer, chromedp.CSS(`form#tra-loi p.actions button[type=submit]:not(.secondary)`), item)
	mustContain(t, "answered", run(t, officer, chromedp.Text(chromedp.CSS("main"))),
		"Đã công bố câu trả lời", answer, closing, apology, "quá hạn (hạn")
	screenshot(t, officer, "browser-lifecycle-5-officer-answered.png")

	// 3. The resident comes back with the code typed in lower case, without
	// dashes.
	do(t, resident, chromedp.Navigate(e.url+"/tra-cuu"),
		chromedp.SendKeys(chromedp.ID("code"), strings.ToLower(strings.ReplaceAll(code, "-", ""))))
	checkFits(t, resident, "/tra-cuu")
	submit(t, resident, chromedp.CSS(`main form.form button[type=submit]`), "/tra-cuu/theo-doi")
	mustContain(t, "asker page", run(t, resident, chromedp.Text(chromedp.CSS("main"))),
		code, "Đã trả lời", answer, apology, unit, "Bạn còn được mở lại 2 lần")
	history := run(t, resident, chromedp.Evaluate[[]string](`[...document.querySelectorAll("ol.history li")].map(li => li.textContent.replace(/\s+/g, " ").trim())`))
	for _, want := range []struct{ event, date string }{
		{"Tiếp nhận", today}, {"Công khai câu hỏi, bắt đầu xử lý", today},
		{"Giao đơn vị xử lý", today}, {"Công bố câu trả lời", later},
	} {
		if !hasLine(history, want.event, want.date) {
			t.Errorf("asker's history has no %q on %s: %q", want.event, want.date, history)
		}
	}
	checkFits(t, resident, "/tra-cuu/theo-doi")
	screenshot(t, resident, "browser-lifecycle-6-asker-answered.png")
	do(t, resident, chromedp.Click(chromedp.CSS(`input[name=rating][value="4"]`), chromedp.NodeVisible))
	submit(t, resident, chromedp.CSS(`form[action$="/danh-gia"] button`), "/tra-cuu/theo-doi")
	mustContain(t, "rated", run(t, resident, chromedp.Text(chromedp.CSS("main"))), "Cảm ơn bạn đã đánh giá", "Bạn đã chọn 4")
	do(t, resident, chromedp.SendKeys(chromedp.ID("reason"), reason))
	submit(t, resident, chromedp.CSS(`form[action$="/mo-lai"] button`), "/tra-cuu/theo-doi")
	text := run(t, resident, chromedp.Text(chromedp.CSS("main")))
	mustContain(t, "reopened", text, "Đã mở lại câu hỏi", "Đang xử lý", "Câu trả lời trước khi bạn mở lại",
		"Người hỏi mở lại câu hỏi", reason, "còn được mở lại 1 lần")
	checkFits(t, resident, "/tra-cuu/theo-doi (reopened)")
	screenshot(t, resident, "browser-lifecycle-7-asker-reopened.png")

	// 4. The public page, reached from the asker's page, shows the public
	// copy: nothing of what the officer redacted or the resident kept private.
	submit(t, resident, chromedp.CSS(`main a[href="/hoi-dap/`+itoa(id)+`"]`), "/hoi-dap/"+itoa(id))
	mustContain(t, "public page", run(t, resident, chromedp.Text(chromedp.CSS("main"))),
		title, "Một số thông tin cá nhân đã được che", "Đoạn đường qua nhà văn hóa bị sụt lún", answer, apology, "Người hỏi mở lại câu hỏi")
	html := run(t, resident, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
	for _, private := range []string{askPhone, askPhoneN, name, askEmail, reason, "IMG_20261120"} {
		if strings.Contains(html, private) {
			t.Errorf("the public page shows %q", private)
		}
	}
	checkFits(t, resident, "/hoi-dap/"+itoa(id))
	screenshot(t, resident, "browser-lifecycle-8-public.png")

	for _, msg := range console.all() {
		// Chromium logs every 4xx response; the officer's first answer was
		// meant to come back.
		if strings.Contains(msg, "status of 422") && strings.HasSuffix(msg, item+"/answer)") {
			continue
		}
		t.Errorf("browser console: %s", msg)
	}
}

// hasLine reports whether one of lines holds all of parts.
func hasLine(lines []string, parts ...string) bool {
	for _, l := range lines {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(l, p)
		}
		if all {
			return true
		}
	}
	return false
}

// jsonString is s as a JavaScript string literal.
func jsonString(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
