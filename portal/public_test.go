package portal_test

import (
	"compress/gzip"
	"context"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"minhbach/store"
)

func TestEveryPublicPageRenders(t *testing.T) {
	e := newEnv(t)
	paths := []string{"/", "/cong-khai", olderPage(t, e, "/cong-khai")}
	for _, c := range store.PublicCategories() {
		paths = append(paths, "/cong-khai/"+c.Slug)
	}
	ids := e.publicIDs()
	if len(ids) < 20 {
		t.Fatalf("demo data has %d public items, want 20+", len(ids))
	}
	for _, id := range ids {
		paths = append(paths, "/cong-khai/"+itoa(id), "/cong-khai/"+itoa(id)+"/lich-su", "/cong-khai/"+itoa(id)+"/phien-ban/1")
	}
	alternate := regexp.MustCompile(`<link rel="alternate" type="application/(rss|atom)\+xml"`)
	for _, p := range paths {
		r := e.get(p)
		if r.status != http.StatusOK {
			t.Errorf("GET %s: status %d", p, r.status)
			continue
		}
		if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: content type %q", p, r.header.Get("Content-Type"))
		}
		if !alternate.MatchString(r.body) {
			t.Errorf("GET %s: no feed <link rel=alternate>", p)
		}
		if !strings.Contains(r.body, `lang="vi"`) || !strings.Contains(r.body, "xã Trung Trắc") {
			t.Errorf("GET %s: not the Vietnamese layout", p)
		}
		if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("GET %s: CSP %q", p, csp)
		}
	}
}

func TestItemPageShowsFactsAttachmentsAndHistory(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	// The 2023 PAPI plan carries a generated DOCX.
	items, err := e.st.Disclosures(ctx, store.DisclosureFilter{Public: true, Category: "ke-hoach-bao-cao", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var plan store.Disclosure
	for _, d := range items {
		if strings.Contains(d.Title, "PAPI") {
			plan, _ = e.st.PublicDisclosure(ctx, d.ID)
		}
	}
	if plan.ID == 0 || len(plan.Attachments) == 0 {
		t.Fatal("the PAPI plan with its attachment is missing from the demo data")
	}
	a := plan.Attachments[0]
	r := e.get("/cong-khai/" + itoa(plan.ID))
	mustContain(t, "plan page", r.body, plan.Title, "Căn cứ pháp lý", "Đơn vị chủ trì", "Thời gian niêm yết",
		a.Filename, a.SHA256, "Lịch sử thay đổi", "Phiên bản 1")

	dl := e.get("/tep/" + itoa(a.ID) + "/" + a.Filename)
	if dl.status != http.StatusOK || int64(len(dl.body)) != a.Size {
		t.Fatalf("download: status %d, %d bytes, want %d", dl.status, len(dl.body), a.Size)
	}
	if got := dl.header.Get("Content-Disposition"); !strings.HasPrefix(got, "attachment;") {
		t.Errorf("Content-Disposition %q", got)
	}
	if dl.header.Get("X-Content-Type-Options") != "nosniff" || dl.header.Get("Content-Type") != a.MIME {
		t.Errorf("download headers: %v", dl.header)
	}
}

func TestRevisedItemShowsWhatChanged(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, id := range e.publicIDs() {
		vs, err := e.st.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) < 2 {
			continue
		}
		r := e.get("/cong-khai/" + itoa(id) + "/lich-su")
		last := vs[len(vs)-1]
		mustContain(t, "history", r.body, "Phiên bản "+itoa(int64(last.Number)), "Lý do thay đổi", last.Reason)
		if !strings.Contains(r.body, "<ins>") && !strings.Contains(r.body, "<del>") {
			t.Errorf("history of %d shows no change", id)
		}
		old := e.get("/cong-khai/" + itoa(id) + "/phien-ban/1")
		mustContain(t, "version 1", old.body, vs[0].Title, "phiên bản 1")
		return
	}
	t.Fatal("no revised item in the demo data")
}

func TestUnknownAddressesGiveVietnamese404(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	draft, err := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusDraft, Limit: 1})
	if err != nil || len(draft) == 0 {
		t.Fatal("demo data has no draft", err)
	}
	paths := []string{
		"/khong-co-trang", "/cong-khai/999999", "/cong-khai/khong-co-muc", "/cong-khai/999999/lich-su",
		"/cong-khai/" + itoa(e.publicIDs()[0]) + "/phien-ban/99", "/tep/999999/x.pdf", "/cong-khai/khong-co/feed.rss",
		"/feed.xml", "/cong-khai/" + itoa(draft[0].ID), // drafts are private
		// Keys that are not ours, or name no page.
		"/cong-khai?sau=1.1", "/cong-khai/ngan-sach?sau=abc", "/cong-khai?truoc=01.5",
	}
	for _, p := range paths {
		r := e.get(p)
		if r.status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, r.status)
		}
		mustContain(t, p, r.body, "Không tìm thấy trang", `lang="vi"`)
	}
}

func TestHealthzAndRobots(t *testing.T) {
	e := newEnv(t)
	if r := e.get("/healthz"); r.status != http.StatusOK || r.body != "ok" {
		t.Fatalf("healthz: %d %q", r.status, r.body)
	}
	if r := e.get("/robots.txt"); r.status != http.StatusOK || !strings.Contains(r.body, "Disallow: /can-bo/") {
		t.Fatalf("robots.txt: %d %q", r.status, r.body)
	}
}

func TestDatabaseFailureGivesVietnamese500AndLogsTheCause(t *testing.T) {
	e := newEnv(t)
	e.st.Close()
	if r := e.get("/healthz"); r.status != http.StatusServiceUnavailable {
		t.Errorf("healthz with the database closed: %d", r.status)
	}
	r := e.get("/cong-khai")
	if r.status != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", r.status)
	}
	mustContain(t, "500 page", r.body, "Hệ thống gặp sự cố", `lang="vi"`)
	if strings.Contains(r.body, "sql") || strings.Contains(r.body, "closed") {
		t.Error("the 500 page leaks the internal error")
	}
	e.logsMu.Lock()
	logged := e.logs.String()
	e.logsMu.Unlock()
	if !strings.Contains(logged, "database is closed") || !strings.Contains(logged, "path=/cong-khai") {
		t.Errorf("cause not logged:\n%s", logged)
	}
}

func TestPublicPagesAreCachedUntilSomethingPublicChanges(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	drafts, err := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusDraft, Limit: 1})
	if err != nil || len(drafts) == 0 {
		t.Fatal("no draft in the demo data", err)
	}
	draft := drafts[0]

	first := e.get("/")
	if strings.Contains(first.body, draft.Title) {
		t.Fatal("draft on the home page")
	}
	etag := first.header.Get("ETag")
	req, _ := http.NewRequest(http.MethodGet, e.url+"/", nil)
	req.Header.Set("If-None-Match", etag)
	if r := e.do(req); r.status != http.StatusNotModified {
		t.Fatalf("conditional GET of the home page: %d", r.status)
	}

	// The gzipped copy is the same page.
	raw := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	req, _ = http.NewRequest(http.MethodGet, e.url+"/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := raw.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil || res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip: %v, Content-Encoding %q", err, res.Header.Get("Content-Encoding"))
	}
	unzipped, _ := io.ReadAll(zr)
	res.Body.Close()
	if string(unzipped) != first.body {
		t.Fatal("gzipped page differs from the plain one")
	}

	// A logged-in officer never gets the visitors' copy, nor leaves one.
	officer := newEnvSameStore(e)
	officer.login("canbo")
	mustContain(t, "officer's home", officer.get("/").body, "Đăng xuất")
	if strings.Contains(e.get("/").body, "Đăng xuất") {
		t.Fatal("an officer's page was served to a visitor")
	}

	// Publishing changes what visitors see at once.
	if err := e.st.PublishDisclosure(ctx, draft.ID, 0); err != nil {
		t.Fatal(err)
	}
	after := e.get("/")
	mustContain(t, "home after publishing", after.body, draft.Title)
	if after.header.Get("ETag") == etag {
		t.Error("the ETag did not change with the page")
	}
}

func TestStaticFilesAreVersionedAndCachedForAYear(t *testing.T) {
	e := newEnv(t)
	css := regexpFind(t, e.get("/").body, `<link rel="stylesheet" href="(/static/app\.css\?v=[0-9a-f]+)">`)
	r := e.get(css)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Fatalf("GET %s: %d %s", css, r.status, r.header.Get("Content-Type"))
	}
	if !strings.Contains(r.header.Get("Cache-Control"), "immutable") {
		t.Errorf("versioned CSS cache: %q", r.header.Get("Cache-Control"))
	}
	if old := e.get("/static/app.css?v=old"); strings.Contains(old.header.Get("Cache-Control"), "immutable") {
		t.Error("a stale version is cached for a year")
	}
	req, _ := http.NewRequest(http.MethodGet, e.url+css, nil)
	req.Header.Set("If-None-Match", r.header.Get("ETag"))
	if res := e.do(req); res.status != http.StatusNotModified {
		t.Errorf("conditional GET of the CSS: %d", res.status)
	}
	if r := e.get("/static/khong-co.css"); r.status != http.StatusNotFound {
		t.Errorf("unknown static file: %d", r.status)
	}
	// Assets never wait on the database, even for a logged-in officer.
	e.login("canbo")
	e.st.Close()
	if r := e.get(css); r.status != http.StatusOK {
		t.Errorf("CSS for an officer with the database closed: %d", r.status)
	}
}

var olderLink = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)

// olderPage follows the "Cũ hơn" link of the list at path.
func olderPage(t *testing.T, e *env, path string) string {
	t.Helper()
	m := olderLink.FindStringSubmatch(e.get(path).body)
	if m == nil {
		t.Fatalf("%s: no link to older items", path)
	}
	return html.UnescapeString(m[1])
}
