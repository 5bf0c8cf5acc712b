package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"minhbach/portal/password"
)

func TestDuplicateLoginIsRefused(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	tok := e.csrf("/can-bo/tai-khoan")
	form := url.Values{"_csrf": {tok}, "login": {"CanBo"}, "name": {"Nguyễn Văn Thử"}, "role": {"officer"}, "password": {"mat-khau-du-dai"}}
	r := e.post("/can-bo/tai-khoan", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.status)
	}
	mustContain(t, "login field", fieldBlock(t, r.body, "login"), "đã có người dùng")
	mustContain(t, "typed name", r.body, "Nguyễn Văn Thử")
	form.Set("login", "thu.nguyen")
	if r := e.post("/can-bo/tai-khoan", form); r.status != http.StatusSeeOther {
		t.Fatalf("new login: status %d", r.status)
	}
	if _, err := e.st.UserByLogin(context.Background(), "thu.nguyen"); err != nil {
		t.Fatal(err)
	}
	// Officers cannot manage accounts.
	o := newEnvSameStore(e)
	o.login("canbo")
	if r := o.get("/can-bo/tai-khoan"); r.status != http.StatusForbidden {
		t.Fatalf("officer sees accounts: %d", r.status)
	}
}

func newEnvSameStore(e *env) *env {
	c := *e
	c.client = newClient()
	return &c
}

func TestAdminEditsCommuneSettings(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	tok := e.csrf("/can-bo/cai-dat")
	form := url.Values{"_csrf": {tok}, "commune_name": {"xã Trung Trắc"}, "province": {"tỉnh Hưng Yên"},
		"phone": {"số máy bàn"}, "email": {"vanphong"}, "portal_url": {"javascript:alert(1)"}, "address": {"<b>Trụ sở</b>"}}
	r := e.post("/can-bo/cai-dat", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad settings: %d", r.status)
	}
	for field, msg := range map[string]string{"phone": "chỉ gồm chữ số", "email": "chưa đúng", "portal_url": "https://", "address": "mã HTML"} {
		mustContain(t, field, fieldBlock(t, r.body, field), msg)
	}
	mustContain(t, "typed values", r.body, "số máy bàn", "javascript:alert(1)")
	before, _ := e.st.Settings(context.Background())
	if before.Phone == "số máy bàn" {
		t.Fatal("refused settings were saved")
	}

	form = url.Values{"_csrf": {tok}, "commune_name": {"xã Trung Trắc"}, "province": {"tỉnh Hưng Yên"},
		"phone": {"0221 3 999 888"}, "email": {"ubnd@trungtrac.example"}, "portal_url": {"https://congkhai.trungtrac.example/"}}
	if r := e.post("/can-bo/cai-dat", form); r.status != http.StatusSeeOther {
		t.Fatalf("good settings: %d\n%s", r.status, r.body)
	}
	anon := newEnvSameStore(e)
	mustContain(t, "footer", anon.get("/").body, "0221 3 999 888", "ubnd@trungtrac.example")
	f, _ := anon.parseFeed("/feed.atom")
	if !strings.HasPrefix(f.Items[0].Link, "https://congkhai.trungtrac.example/cong-khai/") {
		t.Errorf("feed links do not follow the portal address: %s", f.Items[0].Link)
	}
	after, _ := e.st.Settings(context.Background())
	if after.Secret != before.Secret || !after.Demo {
		t.Error("saving settings changed the secret or the demo flag")
	}

	o := newEnvSameStore(e)
	o.login("canbo")
	if r := o.get("/can-bo/cai-dat"); r.status != http.StatusForbidden {
		t.Fatalf("officer opens settings: %d", r.status)
	}
}

func TestFreshInstallationIsSetUpFromTheOfficersArea(t *testing.T) {
	e := newEnvWith(t, false)
	if r := e.get("/"); r.status != http.StatusOK {
		t.Fatalf("home of an empty portal: %d", r.status)
	}
	e.login("admin")
	home := e.get("/can-bo")
	mustContain(t, "setup notice", home.body, "chưa sẵn sàng", `href="/can-bo/cai-dat"`, `href="/can-bo/don-vi"`)
	mustContain(t, "empty unit list", e.get("/can-bo/cong-khai/moi").body, "Chưa có đơn vị nào")

	tok := e.csrf("/can-bo/don-vi")
	cases := []struct {
		path, name, want string
	}{
		{"/can-bo/don-vi", "", "Vui lòng nhập tên đơn vị"},
		{"/can-bo/don-vi", "<b>UBND</b>", "mã HTML"},
		{"/can-bo/thon", strings.Repeat("Đ", 151), "vượt giới hạn 150 ký tự"},
	}
	for _, c := range cases {
		r := e.post(c.path, url.Values{"_csrf": {tok}, "name": {c.name}})
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, c.want) {
			t.Errorf("POST %s %q: %d, want 422 with %q", c.path, c.name, r.status, c.want)
		}
	}
	for path, name := range map[string]string{"/can-bo/don-vi": "UBND xã", "/can-bo/thon": "Thôn  Đông "} {
		if r := e.post(path, url.Values{"_csrf": {tok}, "name": {name}}); r.status != http.StatusSeeOther {
			t.Fatalf("POST %s %q: %d", path, name, r.status)
		}
	}
	r := e.post("/can-bo/don-vi", url.Values{"_csrf": {tok}, "name": {"ubnd XÃ"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "đã có trong danh sách") {
		t.Errorf("duplicate unit: %d", r.status)
	}
	villages, _ := e.st.Villages(context.Background())
	if len(villages) != 1 || villages[0].Name != "Thôn Đông" {
		t.Errorf("villages %+v, want the one typed, with its spaces tidied", villages)
	}
	form := e.get("/can-bo/cong-khai/moi").body
	mustContain(t, "unit in the form", form, ">UBND xã</option>")
	if strings.Contains(e.get("/can-bo").body, `href="/can-bo/don-vi">Thêm các đơn vị`) {
		t.Error("the setup notice still asks for units")
	}
}

func TestAdminResetsPasswordAndLocksAnAccount(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	officer := newEnvSameStore(e)
	officer.login("canbo")
	e.login("admin")
	canbo, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		t.Fatal(err)
	}
	page := "/can-bo/tai-khoan/" + itoa(canbo.ID)
	tok := e.csrf(page)

	bad := []struct {
		pass, again, field, msg string
	}{
		{"ngan", "ngan", "password", "ít nhất 10 ký tự"},
		{"mat-khau-moi-dai", "mat-khau-khac-dai", "password_again", "không giống nhau"},
	}
	for _, b := range bad {
		r := e.post(page+"/mat-khau", url.Values{"_csrf": {tok}, "password": {b.pass}, "password_again": {b.again}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad password %q: %d", b.pass, r.status)
		}
		mustContain(t, b.field, fieldBlock(t, r.body, b.field), b.msg)
	}
	r := e.post(page+"/mat-khau", url.Values{"_csrf": {tok}, "password": {"mat-khau-moi-dai"}, "password_again": {"mat-khau-moi-dai"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("reset: %d", r.status)
	}
	// The officer's open session ended with the reset.
	if r := officer.get("/can-bo"); r.status != http.StatusSeeOther {
		t.Errorf("officer still logged in after a reset: %d", r.status)
	}
	u, _ := e.st.UserByLogin(ctx, "canbo")
	if !password.Check(u.PasswordHash, "mat-khau-moi-dai") {
		t.Fatal("new password not stored")
	}

	// Locked: cannot log in; and an admin cannot lock themselves.
	if r := e.post(page+"/khoa", url.Values{"_csrf": {tok}, "active": {"0"}}); r.status != http.StatusSeeOther {
		t.Fatalf("lock: %d", r.status)
	}
	ltok := officer.csrf("/can-bo/dang-nhap")
	if r := officer.post("/can-bo/dang-nhap", url.Values{"_csrf": {ltok}, "login": {"canbo"}, "password": {"mat-khau-moi-dai"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("locked account logs in: %d", r.status)
	}
	admin, _ := e.st.UserByLogin(ctx, "admin")
	r = e.post("/can-bo/tai-khoan/"+itoa(admin.ID)+"/khoa", url.Values{"_csrf": {tok}, "active": {"0"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Không thể tự khóa") {
		t.Errorf("self-lock: %d", r.status)
	}
	if r := e.get("/can-bo/tai-khoan/99999"); r.status != http.StatusNotFound {
		t.Errorf("unknown account: %d", r.status)
	}
}

func TestOfficerChangesOwnPassword(t *testing.T) {
	e := newEnv(t)
	other := newEnvSameStore(e)
	other.login("canbo") // the same account on another machine
	e.login("canbo")
	tok := e.csrf("/can-bo/mat-khau")
	r := e.post("/can-bo/mat-khau", url.Values{"_csrf": {tok}, "current": {"sai-mat-khau"}, "password": {"ngan"}, "password_again": {"khac"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad change: %d", r.status)
	}
	mustContain(t, "current", fieldBlock(t, r.body, "current"), "không đúng")
	mustContain(t, "new", fieldBlock(t, r.body, "password"), "ít nhất 10 ký tự")
	r = e.post("/can-bo/mat-khau", url.Values{"_csrf": {tok}, "current": {demoPassword}, "password": {"mat-khau-rieng-cua-toi"}, "password_again": {"mat-khau-rieng-cua-toi"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("change: %d", r.status)
	}
	if r := e.get("/can-bo"); r.status != http.StatusOK {
		t.Errorf("the officer who changed the password was logged out: %d", r.status)
	}
	if r := other.get("/can-bo"); r.status != http.StatusSeeOther {
		t.Errorf("the other machine stayed logged in: %d", r.status)
	}
}
