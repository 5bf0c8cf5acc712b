package portal_test

import (
	"net/http"
	"strings"
	"testing"

	"minhbach/store"
)

// publicQuestionPaths are every public page, feed and export of the
// question pages for the fixture's items.
func publicQuestionPaths(fx questionFixture) []string {
	paths := []string{"/", "/hoi-dap", "/hoi-dap?qua-han=1", "/hoi-dap?trang-thai=rejected", "/hoi-dap?chu-de=dat-dai",
		"/hoi-dap/qua-han", "/hoi-dap/khieu-nai-to-cao", "/hoi-dap/xuat.csv", "/hoi-dap/xuat.json",
		"/hoi-dap/feed.rss", "/hoi-dap/feed.atom", "/hoi-dap/feed.json", "/hoi-dap/chu-de/dat-dai/feed.atom",
		"/hoi-dap/chu-de/moi-truong/feed.json", "/hoi-dap/qua-han/feed.atom", "/hoi-dap/qua-han/feed.rss", "/feed.atom",
		"/chi-so/hoi-dap", "/hoi-dap?theo=nhan&tu=2000-01&den=2099-12", "/hoi-dap?theo=tra-loi&tu=2000-01&den=2099-12",
		"/hoi-dap?theo=tra-loi&tu=2000-01&den=2099-12&han=tre"}
	for _, id := range []int64{fx.Answered, fx.Open, fx.Rejected, fx.Duplicate, fx.Overdue, fx.Late, fx.Protected, fx.Received} {
		paths = append(paths, "/hoi-dap/"+itoa(id), "/hoi-dap/"+itoa(id)+"/feed.atom")
	}
	return paths
}

// TestQuestionPagesLeakNoPrivateData: no public page, feed or export, and
// no log line, carries a contact, an original text that was redacted, a
// withheld name, a private note, a request to the asker, a rejected
// item's text, a draft answer or anything of an item protected later.
func TestQuestionPagesLeakNoPrivateData(t *testing.T) {
	e := newEnv(t)
	fx := e.questionFixture()
	for _, p := range publicQuestionPaths(fx) {
		r := e.get(p)
		if r.status != http.StatusOK && r.status != http.StatusNotFound {
			t.Errorf("%s: %d", p, r.status)
		}
		for _, s := range questionSecrets {
			if strings.Contains(r.body, s) {
				t.Errorf("%s shows %q", p, s)
			}
		}
	}
	e.logsMu.Lock()
	logs := e.logs.String()
	e.logsMu.Unlock()
	for _, s := range questionSecrets {
		if strings.Contains(logs, s) {
			t.Errorf("the log shows %q", s)
		}
	}
}

// TestQuestionPagesRefreshAfterAnswerAndProtection: cached copies follow
// an answer at once, and an item moved into the protected class leaves
// every page, feed and export, cached or not.
func TestQuestionPagesRefreshAfterAnswerAndProtection(t *testing.T) {
	e := newEnv(t)
	fx := e.questionFixture()
	page, feed := "/hoi-dap/"+itoa(fx.Open), "/hoi-dap/"+itoa(fx.Open)+"/feed.atom"
	watched := []string{"/", "/hoi-dap", "/hoi-dap?chu-de=moi-truong", page, feed, "/hoi-dap/feed.atom",
		"/hoi-dap/chu-de/moi-truong/feed.rss", "/hoi-dap/xuat.csv", "/hoi-dap/xuat.json"}
	for _, p := range watched {
		e.get(p) // cache them
		e.get(p)
	}
	r := e.get(page)
	if r.header.Get("ETag") == "" {
		t.Fatal("the page is not served from the cache")
	}
	if strings.Contains(r.body, "Đã dọn kênh") {
		t.Fatal("answer shown before it is given")
	}

	e.act(fx.Open, store.Action{Kind: store.ActAnswer, Answer: "<p>Đã dọn kênh.</p>"}, fx.Officer)
	mustContain(t, "page after the answer", e.get(page).body, "Đã dọn kênh", "Trả lời đúng hạn")
	mustContain(t, "feed after the answer", e.get(feed).body, "Đã dọn kênh")
	mustContain(t, "answers feed after the answer", e.get("/hoi-dap/chu-de/moi-truong/feed.rss").body, "Rác thải ở kênh", "Đã dọn kênh")
	mustContain(t, "home after the answer", e.get("/").body, `href="/hoi-dap/`+itoa(fx.Open)+`"`)
	mustContain(t, "list after the answer", e.get("/hoi-dap?chu-de=moi-truong").body, "Đã trả lời")

	e.act(fx.Open, store.Action{Kind: store.ActProtect, ProtectAs: "denunciation"}, fx.Officer)
	for _, p := range []string{page, feed} {
		if r := e.get(p); r.status != http.StatusNotFound {
			t.Errorf("%s after protection: %d, want 404", p, r.status)
		}
	}
	for _, p := range watched {
		r := e.get(p)
		for _, s := range []string{"Rác thải ở kênh", "Kênh đầu làng nhiều rác", "Đã dọn kênh", `href="/hoi-dap/` + itoa(fx.Open) + `"`} {
			if strings.Contains(r.body, s) {
				t.Errorf("%s after protection still shows %q", p, s)
			}
		}
	}
	mustContain(t, "protected page", e.get("/hoi-dap/khieu-nai-to-cao").body, "Tố cáo: 1")
}
