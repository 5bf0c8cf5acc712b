package portal_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"minhbach/store"
)

// sectionOf cuts the HTML from the first occurrence of start to the next end.
func sectionOf(t *testing.T, body, start, end string) string {
	t.Helper()
	i := strings.Index(body, start)
	if i < 0 {
		t.Fatalf("no %q in the page", start)
	}
	j := strings.Index(body[i:], end)
	if j < 0 {
		t.Fatalf("no %q after %q", end, start)
	}
	return body[i : i+j]
}

// The item page lists its versions newest first, each with its own number,
// and no list numbering that could contradict them.
func TestItemPageListsVersionsNewestFirst(t *testing.T) {
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
		list := sectionOf(t, e.get("/cong-khai/"+itoa(id)).body, `<section class="history"`, "</section>")
		if strings.Contains(list, "<ol") {
			t.Errorf("version list is numbered by the browser:\n%s", list)
		}
		prev := -1
		for i := len(vs) - 1; i >= 0; i-- {
			at := strings.Index(list, ">Phiên bản "+itoa(int64(vs[i].Number))+"<")
			if at < 0 || at < prev {
				t.Fatalf("version %d missing or out of order (newest first):\n%s", vs[i].Number, list)
			}
			prev = at
		}
		return
	}
	t.Fatal("no revised item in the demo data")
}

// The error summary lists the mistakes in the order of the fields on the
// form, not alphabetically by field name.
func TestErrorSummaryFollowsTheForm(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	summaryLinks := func(body string) []string {
		var links []string
		for _, m := range summaryLink.FindAllStringSubmatch(sectionOf(t, body, `class="error-summary"`, "</div>"), -1) {
			links = append(links, m[1])
		}
		return links
	}
	tok := e.csrf("/can-bo/cong-khai/moi")
	f := validForm(e, tok)
	f.Set("category", "bi-mat")
	f.Set("title", "")
	f.Set("summary", "<b>tóm tắt</b>")
	f.Set("unit_id", "99999")
	f.Set("posting_from", "mai")
	r := e.postMultipart("/can-bo/cong-khai", f)
	want := []string{"category", "title", "summary", "unit_id", "posting_from"}
	if got := summaryLinks(r.body); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("disclosure form summary links %v, want %v", got, want)
	}

	tok = e.csrf("/can-bo/cai-dat")
	r = e.post("/can-bo/cai-dat", url.Values{"_csrf": {tok}, "commune_name": {""}, "province": {""},
		"phone": {"gọi tôi"}, "email": {"khong-phai-thu"}, "portal_url": {"ftp://x"}})
	want = []string{"commune_name", "province", "phone", "email", "portal_url"}
	if got := summaryLinks(r.body); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("settings summary links %v, want %v", got, want)
	}
}

var summaryLink = regexp.MustCompile(`<li><a href="#([a-z_]+)">`)

// The audit log names accounts and items instead of "user #1", and shows
// failed logins without anything typed into the password field.
func TestAuditLogNamesAccountsAndShowsFailedLogins(t *testing.T) {
	e := newEnv(t)
	tok := e.csrf("/can-bo/dang-nhap")
	r := e.post("/can-bo/dang-nhap", url.Values{"_csrf": {tok}, "login": {"canbo"}, "password": {"sai-mat-khau-123"}})
	if r.status != 422 {
		t.Fatalf("wrong password: status %d", r.status)
	}
	e.login("admin")
	log := e.get("/can-bo/nhat-ky").body
	mustContain(t, "audit log", log, "Đăng nhập sai", "Chưa đăng nhập", "Nguyễn Thị Thu Hà (canbo)", "Trần Văn Hải (admin)")
	for _, bad := range []string{"user #", "sai-mat-khau-123", ">user<"} {
		if strings.Contains(log, bad) {
			t.Errorf("audit log shows %q", bad)
		}
	}
}

var (
	canonicalLink = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
	description   = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
)

// Each public page names one canonical address: no ?trang=1, no unknown
// parameters, no trailing slash (which redirects), absolute only when the
// portal's address is set and never taken from the Host header.
func TestCanonicalAddresses(t *testing.T) {
	e := newEnv(t)
	// Not a household list: while its names are posted its page is
	// noindex, and a noindex page names no canonical address.
	list, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: "ngan-sach", Limit: 1})
	if err != nil || len(list) == 0 {
		t.Fatalf("no public budget item: %v", err)
	}
	id := itoa(list[0].ID)
	page2 := olderPage(t, e, "/cong-khai")
	cases := []struct{ path, want string }{
		{"/", "/"},
		{"/cong-khai", "/cong-khai"},
		{"/cong-khai?trang=1", "/cong-khai"},
		{page2 + "&utm_source=zalo&trang=3", page2},
		{"/cong-khai/ngan-sach?trang=1", "/cong-khai/ngan-sach"},
		{"/cong-khai/" + id + "?fbclid=x", "/cong-khai/" + id},
		{"/cong-khai/" + id + "/phien-ban/1", "/cong-khai/" + id},
		{"/cong-khai/" + id + "/lich-su", "/cong-khai/" + id + "/lich-su"},
	}
	check := func(prefix string) {
		for _, c := range cases {
			req, _ := http.NewRequest(http.MethodGet, e.url+c.path, nil)
			req.Host = "ke-gian.example"
			r := e.do(req)
			m := canonicalLink.FindStringSubmatch(r.body)
			if r.status != 200 || m == nil || m[1] != html.EscapeString(prefix+c.want) {
				t.Errorf("GET %s: status %d, canonical %q, want %q", c.path, r.status, m, prefix+c.want)
			}
		}
	}
	st, err := e.st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	check(st.PortalURL) // the demo's address
	st.PortalURL = ""
	if err := e.st.SaveSettings(context.Background(), st, 0); err != nil {
		t.Fatal(err)
	}
	check("")

	for path, want := range map[string]string{
		"/cong-khai/":                    "/cong-khai",
		"/cong-khai/ngan-sach/?trang=2":  "/cong-khai/ngan-sach?trang=2",
		"/cong-khai/" + id + "/lich-su/": "/cong-khai/" + id + "/lich-su",
		"/cong-khai/%20x/":               "/cong-khai/%20x",
		"//ke-gian.example/":             "",
		"/\\ke-gian.example/":            "",
	} {
		r := e.get(path)
		if want == "" {
			if loc := r.header.Get("Location"); strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") || strings.Contains(loc, "://") {
				t.Errorf("GET %s redirects off site to %q", path, loc)
			}
			continue
		}
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", path, r.status, r.header.Get("Location"), want)
		}
	}
	for _, path := range []string{"/can-bo/dang-nhap", "/khong-co"} {
		if r := e.get(path); canonicalLink.MatchString(r.body) {
			t.Errorf("GET %s has a canonical link", path)
		}
	}

	st.PortalURL = "https://congkhai.trungtrac.gov.vn"
	if err := e.st.SaveSettings(context.Background(), st, 0); err != nil {
		t.Fatal(err)
	}
	check("https://congkhai.trungtrac.gov.vn")
}

// Every public page has a description of its own, from its summary, its
// text or its category.
func TestMetaDescriptions(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	seen := map[string]string{}
	paths := []string{"/", "/cong-khai", "/cong-khai/ngan-sach", "/cong-khai/ho-ngheo"}
	for _, id := range e.publicIDs()[:5] {
		paths = append(paths, "/cong-khai/"+itoa(id), "/cong-khai/"+itoa(id)+"/lich-su")
	}
	for _, p := range paths {
		m := description.FindStringSubmatch(e.get(p).body)
		if m == nil || len([]rune(m[1])) < 20 || len([]rune(m[1])) > 161 {
			t.Errorf("GET %s: description %q", p, m)
			continue
		}
		if other, dup := seen[m[1]]; dup {
			t.Errorf("GET %s has the description of %s: %q", p, other, m[1])
		}
		seen[m[1]] = p
	}
	d, err := e.st.PublicDisclosure(ctx, e.publicIDs()[0])
	if err != nil {
		t.Fatal(err)
	}
	if m := description.FindStringSubmatch(e.get("/cong-khai/" + itoa(d.ID)).body); d.Summary != "" && !strings.HasPrefix(html.UnescapeString(m[1]), string([]rune(d.Summary)[:20])) {
		t.Errorf("item description %q does not come from its summary %q", m[1], d.Summary)
	}
}

// /favicon.ico is a real icon that browsers may keep.
func TestFavicon(t *testing.T) {
	e := newEnv(t)
	r := e.get("/favicon.ico")
	if r.status != 200 || !strings.HasPrefix(r.body, "\x00\x00\x01\x00") || !strings.Contains(r.header.Get("Cache-Control"), "max-age") {
		t.Fatalf("favicon: status %d, %d bytes starting %q, Cache-Control %q", r.status, len(r.body), r.body[:min(4, len(r.body))], r.header.Get("Cache-Control"))
	}
	if r.header.Get("Set-Cookie") != "" {
		t.Error("favicon sets a cookie")
	}
}

// A refused officer is sent back to the officers' area, a visitor home.
func TestForbiddenPageLeadsBackToTheRightPlace(t *testing.T) {
	e := newEnv(t)
	e.login("canbo") // not an administrator
	r := e.get("/can-bo/tai-khoan")
	if r.status != http.StatusForbidden {
		t.Fatalf("officer on the accounts page: status %d", r.status)
	}
	mustContain(t, "officer's 403", sectionOf(t, r.body, `<section class="error">`, "</section>"), `href="/can-bo"`)
	visitor := newClient()
	res, err := visitor.Get(e.url + "/khong-co")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if page := sectionOf(t, string(b), `<section class="error">`, "</section>"); strings.Contains(page, `href="/can-bo"`) {
		t.Errorf("visitor's error page points into the officers' area:\n%s", page)
	}
}
