package portal_test

import (
	"context"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"minhbach/portal/indicators"
	"minhbach/portal/rules"
	"minhbach/store"
)

var tagRe = regexp.MustCompile(`<[^>]*>`)
var spaceRe = regexp.MustCompile(`\s+`)

// pageText is a page's text as a reader sees it: no tags, one space.
func pageText(body string) string {
	return spaceRe.ReplaceAllString(html.UnescapeString(tagRe.ReplaceAllString(body, " ")), " ")
}

// hrefs are the links of a page, unescaped.
func hrefs(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// vnAt is a time in Vietnam.
func vnAt(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h-7, 0, 0, 0, time.UTC)
}

// statsItems loads six items whose figures are known (see
// TestResponseStatsPage) on the portal's clock of 15 June 2026, and returns
// the two units they went to.
func (e *env) statsItems() (store.Unit, store.Unit) {
	t := e.t
	t.Helper()
	ctx := context.Background()
	e.st.SetClock(func() time.Time { return vnAt(2026, time.June, 15, 10) })
	units, err := e.st.Units(ctx)
	if err != nil || len(units) < 2 {
		t.Fatalf("units: %v", err)
	}
	u1, u2 := units[0], units[1]
	off := e.officerActor()
	asker := store.Actor{Resident: true}
	item := func(code, kind, topic, title string, at time.Time, steps ...store.HistoryStep) store.HistoryQuestion {
		return store.HistoryQuestion{NewQuestion: store.NewQuestion{CodeHash: code, Kind: kind, Topic: topic,
			Channel: store.ChannelWeb, Title: title, Body: title + "?"}, ReceivedAt: at, Steps: steps}
	}
	step := func(at time.Time, a store.Action, by store.Actor) store.HistoryStep {
		return store.HistoryStep{At: at, Action: a, By: by}
	}
	accept := func(at time.Time, title string) store.HistoryStep {
		return step(at, store.Action{Kind: store.ActAccept, PublicTitle: title, PublicBody: title + "?"}, off)
	}
	assign := func(at time.Time, u store.Unit) store.HistoryStep {
		return step(at, store.Action{Kind: store.ActAssign, UnitID: u.ID}, off)
	}
	answer := func(at time.Time, apology string) store.HistoryStep {
		return step(at, store.Action{Kind: store.ActAnswer, Answer: "<p>Trả lời.</p>", Apology: apology}, off)
	}
	rate := func(at time.Time, n int) store.HistoryStep {
		return step(at, store.Action{Kind: store.ActRate, Rating: n}, asker)
	}
	_, err = e.st.LoadQuestions(ctx, []store.HistoryQuestion{
		// Unit 1, land: on time in 3 working days, rated 5.
		item("a", rules.KindQuestion, "dat-dai", "Câu A về đất", vnAt(2026, 3, 2, 9),
			accept(vnAt(2026, 3, 2, 10), "Câu A về đất"), assign(vnAt(2026, 3, 2, 11), u1),
			answer(vnAt(2026, 3, 5, 9), ""), rate(vnAt(2026, 3, 6, 9), 5)),
		// Unit 1, land: due 16 March, answered 20 March (14 working days), rated 2.
		item("b", rules.KindQuestion, "dat-dai", "Câu B về đất", vnAt(2026, 3, 2, 9),
			accept(vnAt(2026, 3, 2, 10), "Câu B về đất"), assign(vnAt(2026, 3, 2, 11), u1),
			answer(vnAt(2026, 3, 20, 9), "Xin lỗi vì chậm."), rate(vnAt(2026, 3, 21, 9), 2)),
		// Unit 2, environment: due 15 April, still open: overdue now.
		item("c", rules.KindFeedback, "moi-truong", "Câu C về rác", vnAt(2026, 4, 1, 9),
			accept(vnAt(2026, 4, 1, 10), "Câu C về rác"), assign(vnAt(2026, 4, 1, 11), u2)),
		// Rejected: counted, not public.
		item("d", rules.KindQuestion, "khac", "Câu D quảng cáo", vnAt(2026, 4, 6, 9),
			step(vnAt(2026, 4, 6, 10), store.Action{Kind: store.ActReject, Ground: store.RejectSpam}, off)),
		// Unit 1, a complaint: accepted 10 March, answered 25 March (15 calendar days), on time.
		item("e", rules.KindComplaint, "dat-dai", "Khiếu nại E bí mật", vnAt(2026, 3, 10, 9),
			accept(vnAt(2026, 3, 10, 10), ""), assign(vnAt(2026, 3, 10, 11), u1),
			answer(vnAt(2026, 3, 25, 9), "")),
		// Unit 2, building: received in 2025, answered on 2 January 2026 in 3 working days.
		item("f", rules.KindQuestion, "xay-dung", "Câu F về nhà", vnAt(2025, 12, 29, 9),
			accept(vnAt(2025, 12, 29, 10), "Câu F về nhà"), assign(vnAt(2025, 12, 29, 11), u2),
			answer(vnAt(2026, 1, 2, 9), "")),
	})
	if err != nil {
		t.Fatal(err)
	}
	return u1, u2
}

// The response statistics page shows, per unit and per topic, the figures
// of a small set of items whose answers are known, and each number leads
// to the public items behind it.
func TestResponseStatsPage(t *testing.T) {
	e := newQuestionEnv(t)
	u1, u2 := e.statsItems()

	if !strings.Contains(e.get("/hoi-dap").body, `href="/chi-so/hoi-dap"`) {
		t.Error("/hoi-dap does not link the statistics")
	}
	r := e.get("/chi-so/hoi-dap")
	if r.status != 200 {
		t.Fatalf("status %d\n%s", r.status, e.logs.String())
	}
	text := pageText(r.body)
	mustContain(t, "statistics", text,
		"Số liệu trả lời câu hỏi, năm 2026",
		"Trong 5 câu nhận trong kỳ có 2 câu không công khai",
		"trong 4 câu trả lời trong kỳ có 1 câu không công khai",
		// name, received, answered, on time, overdue now, median, 90 %, satisfied
		u1.Name+" 3 3 66,7 % (2/3) 0 14 ngày 15 ngày 50 % (1/2)",
		u2.Name+" 1 1 100 % (1/1) 1 3 ngày 3 ngày —",
		"Chưa giao đơn vị 1 0 — 0 — — —",
		"Cả xã 5 4 75 % (3/4) 1 3 ngày 15 ngày 50 % (1/2)",
		"Đất đai 2 2 50 % (1/2) 0 3 ngày 14 ngày 50 % (1/2)",
		"Khiếu nại, tố cáo (không công khai lĩnh vực) 1 1 100 % (1/1) 0 15 ngày 15 ngày —",
		indicators.MethodAnsweredOnTime,
	)
	if strings.Contains(r.body, "Khiếu nại E") {
		t.Error("the page shows a complaint's text")
	}

	// Each number of unit 1 leads to its public items: A and B, never E.
	links := map[string]bool{}
	for _, h := range hrefs(r.body) {
		links[h] = true
	}
	want := map[string][]string{
		"/hoi-dap?don-vi=" + itoa(u1.ID) + "&theo=nhan&tu=2026-01&den=2026-12":               {"Câu A về đất", "Câu B về đất"},
		"/hoi-dap?don-vi=" + itoa(u1.ID) + "&theo=tra-loi&tu=2026-01&den=2026-12&han=dung":   {"Câu A về đất"},
		"/hoi-dap?don-vi=" + itoa(u1.ID) + "&theo=tra-loi&tu=2026-01&den=2026-12&danh-gia=1": {"Câu A về đất", "Câu B về đất"},
		"/hoi-dap?qua-han=1&don-vi=" + itoa(u2.ID):                                           {"Câu C về rác"},
		"/hoi-dap?don-vi=" + itoa(u2.ID) + "&theo=tra-loi&tu=2026-01&den=2026-12":            {"Câu F về nhà"},
	}
	for link, titles := range want {
		if !links[link] {
			t.Errorf("no link %s", link)
			continue
		}
		lr := e.get(link)
		if lr.status != 200 {
			t.Fatalf("%s: status %d", link, lr.status)
		}
		lt := pageText(lr.body)
		mustContain(t, link, lt, titles...)
		mustContain(t, link, lt, itoa(int64(len(titles)))+" câu hỏi.")
		if strings.Contains(lt, "Khiếu nại E") || strings.Contains(lt, "quảng cáo") {
			t.Errorf("%s lists a hidden item", link)
		}
	}

	// Another year; a span of months.
	mustContain(t, "2025", pageText(e.get("/chi-so/hoi-dap?nam=2025").body), "Cả xã 1 0 — 1 — — —")
	mustContain(t, "March", pageText(e.get("/chi-so/hoi-dap?tu=2026-03&den=2026-03").body),
		"tháng 03/2026", "Cả xã 3 3 66,7 % (2/3) 1 14 ngày 15 ngày 50 % (1/2)")
}

// Bad periods get a clear message, never a figure.
func TestResponseStatsPageRefusesBadPeriods(t *testing.T) {
	e := newQuestionEnv(t)
	e.st.SetClock(func() time.Time { return vnAt(2026, time.June, 15, 10) })
	for q, msg := range map[string]string{
		"nam=abc":                "Năm không hợp lệ",
		"nam=2031":               "Năm không hợp lệ",
		"nam=2026&tu=2026-01":    "Chọn một năm hoặc một khoảng tháng",
		"tu=2026-05&den=2026-02": "Tháng kết thúc phải sau hoặc trùng tháng bắt đầu",
		"tu=2026-13&den=2026-12": "Tháng không hợp lệ",
		"tu=2026-01":             "Hãy chọn cả tháng bắt đầu và tháng kết thúc",
		"tu=2026-01&den=2027-01": "Khoảng tháng phải nằm từ năm 2000 đến tháng này",
	} {
		r := e.get("/chi-so/hoi-dap?" + q)
		if r.status != 400 {
			t.Errorf("%s: status %d", q, r.status)
		}
		mustContain(t, q, r.body, msg)
		if strings.Contains(r.body, "Cả xã") {
			t.Errorf("%s: figures shown for a bad period", q)
		}
	}
	// The list behind a figure refuses filters that make no sense.
	for _, q := range []string{"theo=nhan", "theo=nhan&tu=2026-01&den=2025-01", "theo=nhan&tu=2026-01&den=2026-02&han=dung",
		"tu=2026-01&den=2026-02", "theo=x&tu=2026-01&den=2026-02", "don-vi=999"} {
		if r := e.get("/hoi-dap?" + q); r.status != 404 {
			t.Errorf("/hoi-dap?%s: status %d", q, r.status)
		}
	}
}

// TestBrowserResponseStatsFitsAPhoneAndPrints: on a 360 px phone the page
// is no wider than the screen (the tables scroll in their own box) and no
// number breaks; printed, it is A4 with the tables whole and no form.
func TestBrowserResponseStatsFitsAPhoneAndPrints(t *testing.T) {
	ctx, console := newBrowser(t)
	e := newQuestionEnv(t)
	e.statsItems()
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile), chromedp.Navigate(e.url+"/chi-so/hoi-dap"))
	width := run(t, ctx, chromedp.Evaluate[int](`window.innerWidth`))
	if w := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > width {
		t.Errorf("the page is %d px wide on a %d px screen", w, width)
	}
	// A figure (a link, or a cell's text) stays on one line.
	broken := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".stats-table td")]
		.map(c => c.querySelector("a") || c)
		.filter(el => { const r = document.createRange(); r.selectNodeContents(el.firstChild || el); return r.getClientRects().length > 1; })
		.map(el => el.textContent.trim())`))
	if len(broken) > 0 {
		t.Errorf("figures broken across lines: %q", broken)
	}
	screenshot(t, ctx, "browser-360px-response-stats.png")

	do(t, ctx, chromedp.EmulateViewport(1280, 900))
	pdf := printPDF(t, ctx)
	for _, m := range pdfMediaBox.FindAllSubmatch(pdf, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if math.Abs(w-595) > 2 || math.Abs(h-842) > 2 {
			t.Errorf("printed on %.0f×%.0f pt, want A4 (595×842)", w, h)
			break
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.EmulateViewport(680, 900)) // 180 mm of A4 inside the margins
	clipped := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.stats-table")]
		.filter(tb => tb.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(tb => tb.id)`))
	if len(clipped) > 0 {
		t.Errorf("tables wider than the paper: %q", clipped)
	}
	forms := run(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("form")].filter(f => f.getClientRects().length > 0).length`))
	if forms > 0 {
		t.Errorf("%d forms on paper", forms)
	}
	for _, msg := range console.all() {
		t.Errorf("browser console: %s", msg)
	}
}
