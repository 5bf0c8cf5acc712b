package portal_test

import (
	"context"
	"html"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"minhbach/seeds"
)

// browser is another browser on the same portal: its own cookies.
func (e *env) browser() *env {
	o := *e
	o.client = newClient()
	return &o
}

func (e *env) cookie(name string) string {
	e.t.Helper()
	u, err := url.Parse(e.url)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, c := range e.client.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// plantCookie sets a cookie as a sibling subdomain could (cookie tossing).
func (e *env) plantCookie(name, value string) {
	e.t.Helper()
	u, err := url.Parse(e.url)
	if err != nil {
		e.t.Fatal(err)
	}
	e.client.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

func (e *env) postWith(path string, form url.Values, header map[string]string) response {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return e.do(req)
}

// An officer's form token is bound to the session: a CSRF cookie and token
// pair that an attacker obtained for themselves, then planted in the
// officer's browser, is refused, whether it was taken anonymously or in the
// attacker's own session.
func TestCSRFTokenIsBoundToTheSession(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	// The officer's own token works: the form is checked (422), not refused.
	own := e.csrf("/can-bo/cong-khai/moi")
	if r := e.post("/can-bo/cong-khai", url.Values{"_csrf": {own}}); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("own token: status %d, want 422", r.status)
	}

	anon := e.browser()
	anonTok := anon.csrf("/can-bo/dang-nhap")
	other := e.browser()
	other.login("admin")
	otherTok := other.csrf("/can-bo/cong-khai/moi")
	for _, c := range []struct {
		name   string
		cookie string
		token  string
	}{
		{"token from before login", anon.cookie("mb_csrf"), anonTok},
		{"token from another session", other.cookie("mb_csrf"), otherTok},
	} {
		t.Run(c.name, func(t *testing.T) {
			victim := e.browser()
			victim.t = t
			victim.login("canbo")
			victim.plantCookie("mb_csrf", c.cookie)
			if r := victim.post("/can-bo/cong-khai", url.Values{"_csrf": {c.token}}); r.status != http.StatusForbidden {
				t.Errorf("planted cookie and token: status %d, want 403", r.status)
			}
			// The officer's own pages still carry a working token.
			tok := victim.csrf("/can-bo/cong-khai/moi")
			if r := victim.post("/can-bo/cong-khai", url.Values{"_csrf": {tok}}); r.status != http.StatusUnprocessableEntity {
				t.Errorf("fresh token after planting: status %d, want 422", r.status)
			}
		})
	}
}

// A sibling subdomain is not the portal: unsafe requests the browser labels
// same-site or cross-site are refused even with a valid token.
func TestUnsafeRequestsFromAnotherSiteAreRefused(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")
	for site, want := range map[string]int{
		"same-site":   http.StatusForbidden,
		"cross-site":  http.StatusForbidden,
		"same-origin": http.StatusUnprocessableEntity,
		"none":        http.StatusUnprocessableEntity,
		"":            http.StatusUnprocessableEntity,
	} {
		h := map[string]string{}
		if site != "" {
			h["Sec-Fetch-Site"] = site
		}
		if r := e.postWith("/can-bo/cong-khai", url.Values{"_csrf": {tok}}, h); r.status != want {
			t.Errorf("Sec-Fetch-Site %q: status %d, want %d", site, r.status, want)
		}
	}
	// The login form too.
	anon := e.browser()
	ltok := anon.csrf("/can-bo/dang-nhap")
	form := url.Values{"_csrf": {ltok}, "login": {"canbo"}, "password": {demoPassword}}
	if r := anon.postWith("/can-bo/dang-nhap", form, map[string]string{"Sec-Fetch-Site": "same-site"}); r.status != http.StatusForbidden {
		t.Errorf("same-site login: status %d, want 403", r.status)
	}
	if r := anon.postWith("/can-bo/dang-nhap", form, map[string]string{"Sec-Fetch-Site": "same-origin"}); r.status != http.StatusSeeOther {
		t.Errorf("same-origin login: status %d, want 303", r.status)
	}
}

// File names lose the bidi controls and other invisible characters that
// make "hoa_don\u202Efdp.exe" look like "hoa_donexe.pdf", in the refusal
// message, the stored name and the download's Content-Disposition;
// Vietnamese letters, precomposed or combining, stay.
func TestUploadedFileNamesLoseBidiAndControlCharacters(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")

	f := validForm(e, tok)
	f.Set("title", "") // keep the form coming back
	r := e.postMultipart("/can-bo/cong-khai", f, upload{"files", "hoa_don\u202Efdp.exe", []byte("MZ\x90\x00")})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", r.status)
	}
	mustContain(t, "files field", fieldBlock(t, r.body, "files"), "hoa_donfdp.exe: chỉ nhận tệp")
	if strings.Contains(r.body, "\u202E") {
		t.Error("the refusal message shows the right-to-left override")
	}

	pdf := seeds.BlankPDF()
	cases := []struct{ sent, want string }{
		{"hóa_đơn_tháng_12\u202Egnp.pdf", "hóa_đơn_tháng_12gnp.pdf"},
		{"\u2066Biên bản\u2069 họp\u200F dân\u061C\u202A\u202B\u202C\u202D\u2067\u2068\u200E\uFEFF\u00AD\u2028\t.pdf", "Biên bản họp dân.pdf"},
		{"Ho\u0302\u0323i nghi\u0323 tho\u0302n \u0110o\u0302ng.pdf", "Ho\u0302\u0323i nghi\u0323 tho\u0302n \u0110o\u0302ng.pdf"},
	}
	var files []upload
	for i, c := range cases {
		// Distinct bytes, so that each file is its own attachment.
		files = append(files, upload{"files", c.sent, append(append([]byte{}, pdf...), byte('0'+i))})
	}
	r = e.postMultipart("/can-bo/cong-khai", validForm(e, tok), files...)
	if r.status != http.StatusSeeOther {
		t.Fatalf("status %d, want 303\n%s", r.status, r.body)
	}
	d, err := e.st.Disclosure(context.Background(), lastID(t, r.header.Get("Location")))
	if err != nil || len(d.Attachments) != len(cases) {
		t.Fatalf("attachments %+v, %v", d.Attachments, err)
	}
	for i, c := range cases {
		a := d.Attachments[i]
		if a.Filename != c.want {
			t.Errorf("stored name %q, want %q", a.Filename, c.want)
		}
		if got := downloadName(t, e, a.ID); got != c.want {
			t.Errorf("Content-Disposition name %q, want %q", got, c.want)
		}
	}

	// A name stored before this check is cleaned on the way out too.
	a, err := e.st.SaveAttachment(context.Background(), "bien_ban\u202Efdp.exe", "application/pdf", pdf, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := downloadName(t, e, a.ID); got != "bien_banfdp.exe" {
		t.Errorf("old name served as %q", got)
	}
	// …and on the pages that list it: the officer's form and the public item.
	f = validForm(e, tok)
	f.Add("keep", itoa(a.ID))
	r = e.postMultipart("/can-bo/cong-khai", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create with the old file: %d", r.status)
	}
	id := itoa(lastID(t, r.header.Get("Location")))
	if r := e.post("/can-bo/cong-khai/"+id+"/cong-bo", url.Values{"_csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.status)
	}
	for _, p := range []string{"/can-bo/cong-khai/" + id, "/cong-khai/" + id} {
		page := e.get(p).body
		if strings.Contains(page, "\u202E") || !strings.Contains(page, "bien_banfdp.exe") {
			t.Errorf("%s shows the file name with its override, or not at all", p)
		}
	}
}

func downloadName(t *testing.T, e *env, id int64) string {
	t.Helper()
	r := e.get("/tep/" + itoa(id) + "/tep")
	if r.status != http.StatusOK {
		t.Fatalf("download %d: status %d", id, r.status)
	}
	_, params, err := mime.ParseMediaType(r.header.Get("Content-Disposition"))
	if err != nil {
		t.Fatalf("Content-Disposition %q: %v", r.header.Get("Content-Disposition"), err)
	}
	return params["filename"]
}

// A body linking to javascript:, vbscript: or data:, in any spelling, is
// refused beside the body field, and the form comes back without the link
// as markup, so the editor cannot make it live again. Ordinary links pass.
func TestBodyWithScriptLinksIsRefused(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")
	before := countDisclosures(e)
	for _, link := range []string{
		`&#106;avascript:alert(1)`,
		`&#x6A;avascript&colon;alert(1)`,
		`&#106avascript&#58alert(1)`,
		`JaVa&#x09;ScRiPt:alert(1)`,
		`vbscript:msgbox(1)`,
		`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
	} {
		for _, other := range []string{"", "title"} { // alone, or with another mistake
			f := validForm(e, tok)
			if other != "" {
				f.Set(other, "")
			}
			f.Set("body", `<p>Xem <a href="`+link+`">danh sách</a> tại nhà văn hóa.</p>`)
			r := e.postMultipart("/can-bo/cong-khai", f)
			if r.status != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d, want 422", link, r.status)
				continue
			}
			mustContain(t, link, fieldBlock(t, r.body, "body"), "liên kết không được phép")
			typed := html.UnescapeString(regexpFind(t, r.body, `(?s)<textarea id="body"[^>]*>(.*?)</textarea>`))
			if strings.Contains(typed, "href") || !strings.Contains(typed, "danh sách") {
				t.Errorf("%s: editor gets back %q", link, typed)
			}
		}
	}
	if after := countDisclosures(e); after != before {
		t.Fatalf("a refused body was saved: %d → %d disclosures", before, after)
	}

	f := validForm(e, tok)
	f.Set("body", `<p><a href="https://dichvucong.gov.vn/">Cổng dịch vụ công</a>, `+
		`<a href="mailto:vanphong@example.org">thư</a>, <a href="tel:02213555010">điện thoại</a>, <a href="/cong-khai">tin khác</a>.</p>`)
	r := e.postMultipart("/can-bo/cong-khai", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("ordinary links: status %d", r.status)
	}
	d, err := e.st.Disclosure(context.Background(), lastID(t, r.header.Get("Location")))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "saved body", d.Body, `href="https://dichvucong.gov.vn/"`, `href="mailto:vanphong@example.org"`, `href="tel:02213555010"`, `href="/cong-khai"`)
}

// A form sent after its session ended is refused with the advice to log in
// again in another tab, not a bare refusal, though its token, bound to the
// ended session, no longer fits.
func TestFormAfterSessionEndedSaysSo(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")
	e.st.SetClock(func() time.Time { return time.Now().Add(3 * time.Hour) })
	r := e.post("/can-bo/cong-khai", url.Values{"_csrf": {tok}})
	if r.status != http.StatusForbidden {
		t.Fatalf("status %d, want 403", r.status)
	}
	mustContain(t, "403 page", r.body, "Phiên đăng nhập đã hết hạn", "đăng nhập lại")
}
