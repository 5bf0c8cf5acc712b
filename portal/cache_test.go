package portal_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// publicRoutes is one address of every public route that is cached or
// builds absolute links.
func publicRoutes(e *env) []string {
	id := itoa(e.publicIDs()[0])
	return []string{
		"/", "/cong-khai", "/cong-khai/ngan-sach", "/cong-khai/" + id, "/cong-khai/" + id + "/lich-su",
		"/cong-khai/" + id + "/phien-ban/1", "/feed.rss", "/feed.atom", "/feed.json", "/cong-khai/ngan-sach/feed.atom",
		"/cong-khai/xuat.csv", "/cong-khai/xuat.json", "/cong-khai/ngan-sach/xuat.csv", "/khong-co-trang",
	}
}

// TestHostileRequestsCannotPoisonSharedCopies: with no portal address in
// the settings (a new installation), one request with a forged Host or
// junk query parameters must not change what anyone else gets.
func TestHostileRequestsCannotPoisonSharedCopies(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	st, err := e.st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.PortalURL = ""
	if err := e.st.SaveSettings(ctx, st, 0); err != nil {
		t.Fatal(err)
	}
	const junk = "?trang-thai=%3Cscript%3Edoc%3C%2Fscript%3E&trang=2&evil=evil.example&utm_source=x"
	poison := []string{"evil.example", "trang-thai", "<script>doc", "utm_source"}
	for _, path := range publicRoutes(e) {
		sep := junk
		if strings.Contains(path, "?") {
			sep = "&" + junk[1:]
		}
		req, _ := http.NewRequest(http.MethodGet, e.url+path+sep, nil)
		req.Host = "evil.example"
		req.Header.Set("X-Forwarded-Host", "evil.example")
		req.Header.Set("X-Forwarded-Proto", "https")
		hostile := e.do(req)
		if strings.Contains(hostile.body, "evil.example") {
			if cc := hostile.header.Get("Cache-Control"); !strings.Contains(cc, "private") {
				t.Errorf("%s: a response with the forged host in it may be shared (Cache-Control %q)", path, cc)
			}
		}
		clean := e.get(path)
		for _, p := range poison {
			if strings.Contains(clean.body, p) {
				t.Errorf("%s: after a hostile request, visitors get %q", path, p)
			}
		}
	}
	// Junk parameters are not new pages: they share the entry, and its
	// validator, with the page itself.
	a, b := e.get("/cong-khai"), e.get("/cong-khai?foo=1&trang=7")
	if a.header.Get("ETag") == "" || a.header.Get("ETag") != b.header.Get("ETag") {
		t.Errorf("junk parameters made another copy: ETag %q vs %q", a.header.Get("ETag"), b.header.Get("ETag"))
	}
	// Other spellings of an address lead to the one spelling.
	for from, to := range map[string]string{
		"/cong-khai/":               "/cong-khai",
		"/CONG-KHAI/Ngan-Sach":      "/cong-khai/ngan-sach",
		"/cong-khai/ngan-sach/?x=1": "/cong-khai/ngan-sach?x=1",
		"/Cong-Khai?sau=1.5&junk=2": "/cong-khai?sau=1.5",
	} {
		r := e.get(from)
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != to {
			t.Errorf("GET %s: %d to %q, want 301 to %q", from, r.status, r.header.Get("Location"), to)
		}
	}
}

// TestNotFoundPageIsCachedAndCompressed: the 404 page for visitors is kept
// and sent gzipped like any page, with its status.
func TestNotFoundPageIsCachedAndCompressed(t *testing.T) {
	e := newEnv(t)
	req, _ := http.NewRequest(http.MethodGet, e.url+"/khong-co-trang-nay", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	r := e.do(req)
	if r.status != http.StatusNotFound || r.header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("404: status %d, encoding %q", r.status, r.header.Get("Content-Encoding"))
	}
	a, b := e.get("/khong-co-1"), e.get("/cong-khai/999999")
	if a.status != 404 || b.status != 404 || a.body != b.body {
		t.Fatalf("two visitors' 404 pages differ")
	}
	mustContain(t, "404", a.body, "Không tìm thấy trang")
}
