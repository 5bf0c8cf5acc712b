package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"minhbach/store"
)

// smtpForm is the settings form with a mail server filled in.
func smtpForm(tok string) url.Values {
	return url.Values{"_csrf": {tok}, "commune_name": {"xã Trung Trắc"}, "province": {"tỉnh Hưng Yên"},
		"portal_url": {"https://congkhai.trungtrac.example"},
		"smtp_host":  {"smtp.trungtrac.example"}, "smtp_port": {"587"}, "smtp_tls": {store.SMTPStartTLS},
		"smtp_username": {"thongbao"}, "smtp_password": {smtpPassword}, "smtp_from": {"thongbao@trungtrac.example"}}
}

func TestSMTPSettingsKeepThePasswordWriteOnly(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	ctx := context.Background()
	tok := e.csrf("/can-bo/cai-dat")
	if r := e.post("/can-bo/cai-dat", smtpForm(tok)); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	st, _ := e.st.Settings(ctx)
	want := store.SMTP{Host: "smtp.trungtrac.example", Port: 587, TLS: store.SMTPStartTLS, Username: "thongbao", Password: smtpPassword, From: "thongbao@trungtrac.example"}
	if st.SMTP != want || !st.MailEnabled() {
		t.Fatalf("saved %+v", st.SMTP)
	}
	page := e.get("/can-bo/cai-dat").body
	mustContain(t, "settings page", page, `value="smtp.trungtrac.example"`, `value="thongbao@trungtrac.example"`, "Đã lưu một mật khẩu", `name="smtp_password_clear"`)
	if !strings.Contains(fieldBlock(t, page, "smtp_tls"), `value="starttls" selected`) {
		t.Error("the TLS mode is not selected")
	}

	// An empty password keeps the stored one.
	form := smtpForm(tok)
	form.Set("smtp_password", "")
	form.Set("smtp_port", "")
	if r := e.post("/can-bo/cai-dat", form); r.status != http.StatusSeeOther {
		t.Fatalf("save without password: %d", r.status)
	}
	if st, _ := e.st.Settings(ctx); st.SMTP.Password != smtpPassword || st.SMTP.Port != 0 || st.SMTP.Addr() != "smtp.trungtrac.example:587" {
		t.Errorf("after saving without a password: %+v", st.SMTP)
	}

	// A form sent back with errors does not echo a new password, and keeps
	// the old one.
	form = smtpForm(tok)
	form.Set("smtp_password", "Mk-mới-chưa-lưu-77")
	form.Set("smtp_from", "khong-phai-dia-chi")
	r := e.post("/can-bo/cai-dat", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad from: %d", r.status)
	}
	mustContain(t, "from error", fieldBlock(t, r.body, "smtp_from"), "Địa chỉ gửi thư chưa đúng")
	mustContain(t, "password hint", fieldBlock(t, r.body, "smtp_password"), "chưa được lưu")
	if strings.Contains(r.body, "Mk-mới-chưa-lưu-77") {
		t.Error("the typed password came back in the page")
	}
	if st, _ := e.st.Settings(ctx); st.SMTP.Password != smtpPassword {
		t.Error("a refused form changed the password")
	}

	// The administrator can remove the stored password.
	form = smtpForm(tok)
	form.Set("smtp_password", "")
	form.Set("smtp_username", "")
	form.Set("smtp_password_clear", "1")
	if r := e.post("/can-bo/cai-dat", form); r.status != http.StatusSeeOther {
		t.Fatalf("clear: %d", r.status)
	}
	if st, _ := e.st.Settings(ctx); st.SMTP.Password != "" {
		t.Error("the password was not cleared")
	}
	mustContain(t, "settings page", e.get("/can-bo/cai-dat").body, "Chưa lưu mật khẩu nào")

	// The password is never shown: not on any page an administrator opens,
	// not in the audit log, not in the log.
	for _, p := range []string{"/can-bo/cai-dat", "/can-bo/nhat-ky", "/can-bo", "/"} {
		if body := e.get(p).body; strings.Contains(body, smtpPassword) {
			t.Errorf("%s shows the mail server password", p)
		}
	}
	mustContain(t, "audit log", e.get("/can-bo/nhat-ky").body, "smtp_password")
	if logs := e.logText(); strings.Contains(logs, smtpPassword) || strings.Contains(logs, "Mk-mới-chưa-lưu-77") {
		t.Errorf("the log holds the password:\n%s", logs)
	}
}

func TestSMTPSettingsAreValidatedBesideEachField(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	tok := e.csrf("/can-bo/cai-dat")
	before, _ := e.st.Settings(context.Background())
	cases := []struct {
		name  string
		set   map[string]string
		field string
		want  string
	}{
		{"host with a space", map[string]string{"smtp_host": "smtp xa.example"}, "smtp_host", "Tên máy chủ thư"},
		{"port out of range", map[string]string{"smtp_port": "99999"}, "smtp_port", "từ 1 đến 65535"},
		{"unknown TLS mode", map[string]string{"smtp_tls": "ssl3"}, "smtp_tls", "cách mã hóa"},
		{"no sender address", map[string]string{"smtp_from": ""}, "smtp_from", "Vui lòng nhập địa chỉ gửi thư"},
		{"sender with a header", map[string]string{"smtp_from": "a@example.vn\r\nBcc: x@example.vn"}, "smtp_from", "chưa đúng"},
		{"password in clear to a remote server", map[string]string{"smtp_tls": store.SMTPNoTLS}, "smtp_tls", "không mã hóa"},
		{"no portal address for the links", map[string]string{"portal_url": ""}, "portal_url", "đường dẫn theo dõi"},
		{"user name with markup", map[string]string{"smtp_username": "<b>x</b>"}, "smtp_username", "mã HTML"},
	}
	for _, c := range cases {
		form := smtpForm(tok)
		for k, v := range c.set {
			form.Set(k, v)
		}
		r := e.post("/can-bo/cai-dat", form)
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d", c.name, r.status)
			continue
		}
		mustContain(t, c.name, fieldBlock(t, r.body, c.field), c.want)
		if strings.Contains(r.body, smtpPassword) {
			t.Errorf("%s: the password came back in the page", c.name)
		}
	}
	// A local relay needs no TLS, even with a login.
	form := smtpForm(tok)
	form.Set("smtp_host", "localhost")
	form.Set("smtp_tls", store.SMTPNoTLS)
	if r := e.post("/can-bo/cai-dat", form); r.status != http.StatusSeeOther {
		t.Errorf("local relay: %d", r.status)
	}
	// Without a host, mail is off and nothing else is asked for.
	form = url.Values{"_csrf": {tok}, "commune_name": {"xã Trung Trắc"}, "province": {"tỉnh Hưng Yên"}}
	if r := e.post("/can-bo/cai-dat", form); r.status != http.StatusSeeOther {
		t.Errorf("no mail server: %d", r.status)
	}
	after, _ := e.st.Settings(context.Background())
	if after.MailEnabled() || before.MailEnabled() {
		t.Error("mail is on without a server")
	}
}
