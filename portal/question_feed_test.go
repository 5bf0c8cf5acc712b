package portal_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"minhbach/store"
)

// TestQuestionFeedsParseWithStableIDs: an item's Atom feed carries its
// public history with stable ids and validators; the feeds of answers,
// site-wide and per topic, carry the question and the answer; readers
// (gofeed, Python's feedparser) accept them all.
func TestQuestionFeedsParseWithStableIDs(t *testing.T) {
	e := newQuestionEnv(t)
	fx := e.questionFixture()

	item := "/hoi-dap/" + itoa(fx.Answered) + "/feed.atom"
	f, r := e.parseFeed(item)
	feedparserAccepts(t, item, r.body)
	if got := r.header.Get("Content-Type"); !strings.HasPrefix(got, "application/atom+xml") {
		t.Errorf("content type %q", got)
	}
	var titles []string
	for _, it := range f.Items {
		titles = append(titles, it.Title)
		if !strings.Contains(it.GUID, "/hoi-dap/"+itoa(fx.Answered)+"#su-kien-") {
			t.Errorf("entry id %q", it.GUID)
		}
	}
	if len(f.Items) != 4 || !strings.HasPrefix(titles[0], "Tiếp nhận") || !strings.HasPrefix(titles[3], "Công bố câu trả lời") {
		t.Errorf("entries %q", titles)
	}
	if !strings.Contains(f.Items[3].Content, "<strong>huyện</strong>") {
		t.Errorf("the answer entry lacks the answer: %q", f.Items[3].Content)
	}
	etag := r.header.Get("ETag")
	if etag == "" || r.header.Get("Last-Modified") == "" {
		t.Fatal("item feed without validators")
	}
	req, _ := http.NewRequest(http.MethodGet, e.url+item, nil)
	req.Header.Set("If-None-Match", etag)
	if r := e.do(req); r.status != http.StatusNotModified {
		t.Errorf("conditional GET: %d, want 304", r.status)
	}

	// A new public event: a new entry, the others keep their ids.
	e.act(fx.Open, store.Action{Kind: store.ActExtend, Days: 5, Note: "Cần khảo sát hiện trường"}, fx.Officer)
	openFeed := "/hoi-dap/" + itoa(fx.Open) + "/feed.atom"
	before, _ := e.parseFeed(openFeed)
	e.act(fx.Open, store.Action{Kind: store.ActAnswer, Answer: "<p>Đã dọn kênh.</p>"}, fx.Officer)
	after, _ := e.parseFeed(openFeed)
	if len(after.Items) != len(before.Items)+1 {
		t.Fatalf("entries %d then %d", len(before.Items), len(after.Items))
	}
	for i, it := range before.Items {
		if after.Items[i].GUID != it.GUID {
			t.Errorf("entry %d id %q became %q", i, it.GUID, after.Items[i].GUID)
		}
	}
	if !strings.Contains(after.Items[len(before.Items)-1].Content, "Cần khảo sát hiện trường") {
		t.Error("the extension's public reason is not in the feed")
	}

	for _, p := range []string{"/hoi-dap/feed.rss", "/hoi-dap/feed.atom", "/hoi-dap/feed.json",
		"/hoi-dap/chu-de/dat-dai/feed.rss", "/hoi-dap/chu-de/dat-dai/feed.atom", "/hoi-dap/chu-de/dat-dai/feed.json",
		"/hoi-dap/qua-han/feed.rss", "/hoi-dap/qua-han/feed.json"} {
		f, r := e.parseFeed(p)
		feedparserAccepts(t, p, r.body)
		if r.header.Get("ETag") == "" {
			t.Errorf("%s: no ETag", p)
		}
		links := map[string]bool{}
		for _, it := range f.Items {
			links[it.Link] = true
			if it.GUID == "" || it.Title == "" {
				t.Errorf("%s: entry without id or title", p)
			}
		}
		has := func(id int64) bool { return links["http://localhost:8080/hoi-dap/"+itoa(id)] }
		switch {
		case strings.Contains(p, "qua-han"):
			if !has(fx.Overdue) || len(f.Items) != 1 {
				t.Errorf("%s: %v", p, links)
			}
		case strings.Contains(p, "dat-dai"):
			if !has(fx.Answered) || len(f.Items) != 1 {
				t.Errorf("%s: %v", p, links)
			}
		default:
			if !has(fx.Answered) || !has(fx.Late) || !has(fx.Open) || has(fx.Protected) || len(f.Items) != 3 {
				t.Errorf("%s: %v", p, links)
			}
		}
	}
	answers, _ := e.parseFeed("/hoi-dap/chu-de/dat-dai/feed.atom")
	mustContain(t, "answers feed", answers.Items[0].Content, "Bao giờ được cấp sổ đỏ?", "Hồ sơ của ông", fx.AskerName)
	for _, p := range []string{"/hoi-dap/chu-de/khong-co/feed.rss", "/hoi-dap/feed.xml", "/hoi-dap/qua-han/feed.txt"} {
		if r := e.get(p); r.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
	}
}

// TestQuestionExportsAsCSVAndJSON: the exports list every public item with
// the clock's figures, parse as RFC 4180 CSV (BOM, CRLF) and JSON, defuse
// formulas, and leave out what is not public.
func TestQuestionExportsAsCSVAndJSON(t *testing.T) {
	e := newQuestionEnv(t)
	fx := e.questionFixture()
	formula := e.submit(store.NewQuestion{Topic: "khac", Title: "=HYPERLINK(\"x\")", Body: "+1 công thức"}, 0)
	e.accept(formula, "=HYPERLINK(\"x\")", "+1 công thức", fx.Officer)

	r := e.get("/hoi-dap/xuat.csv")
	if r.status != http.StatusOK {
		t.Fatalf("csv: %d", r.status)
	}
	if !strings.HasPrefix(r.body, "\uFEFF") || !strings.Contains(r.body, "\r\n") {
		t.Error("csv without BOM or CRLF")
	}
	if cd := r.header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, "hoi-dap.csv") {
		t.Errorf("disposition %q", cd)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 { // header + 6 fixture items + the formula
		t.Fatalf("%d rows", len(rows))
	}
	byID := map[string][]string{}
	for _, row := range rows[1:] {
		byID[row[0]] = row
	}
	a := byID[itoa(fx.Answered)]
	if a[8] != "co" || a[9] != "0" || a[11] != "Hỏi về cấp giấy chứng nhận quyền sử dụng đất" || !strings.Contains(a[13], "Hồ sơ của ông") ||
		a[13] != strings.TrimSpace(a[13]) || strings.Contains(a[13], "<") {
		t.Errorf("answered row %q", a)
	}
	if l := byID[itoa(fx.Late)]; l[8] != "khong" {
		t.Errorf("late row %q", l)
	}
	if rj := byID[itoa(fx.Rejected)]; rj[14] != "Thư rác, quảng cáo" || rj[12] != "" {
		t.Errorf("rejected row %q", rj)
	}
	if f := byID[itoa(formula)]; f[11] != "'=HYPERLINK(\"x\")" || f[12] != "'+1 công thức" {
		t.Errorf("formula not defused: %q", f)
	}
	if _, ok := byID[itoa(fx.Protected)]; ok {
		t.Error("a protected item is exported")
	}

	r = e.get("/hoi-dap/xuat.json")
	var items []map[string]any
	if err := json.NewDecoder(bytes.NewReader([]byte(r.body))).Decode(&items); err != nil {
		t.Fatalf("json: %v", err)
	}
	if len(items) != 7 {
		t.Fatalf("%d items", len(items))
	}
	for _, it := range items {
		if it["id"] == float64(fx.Answered) {
			if it["on_time"] != true || it["working_days"] != float64(0) || it["url"] != "http://localhost:8080/hoi-dap/"+itoa(fx.Answered) {
				t.Errorf("answered item %v", it)
			}
		}
		if it["id"] == float64(fx.Open) && (it["on_time"] != nil || it["working_days"] != nil) {
			t.Errorf("open item has answer figures: %v", it)
		}
	}
	if r := e.get("/hoi-dap/xuat.xml"); r.status != http.StatusNotFound {
		t.Errorf("xml export: %d", r.status)
	}
}
