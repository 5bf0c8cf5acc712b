package portal_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
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
