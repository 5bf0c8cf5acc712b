package portal

import (
	"net"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// smtpForm is the mail server part of the settings form. The password is
// not in it: it is write-only, never sent back to the browser.
type smtpForm struct {
	Host, Port, TLS, Username, From string
}

// smtpFields is the order of the mail server fields on the page.
var smtpFields = []string{"smtp_host", "smtp_port", "smtp_tls", "smtp_username", "smtp_password", "smtp_from"}

func smtpFormOf(m store.SMTP) smtpForm {
	f := smtpForm{Host: m.Host, TLS: m.TLS, Username: m.Username, From: m.From}
	if m.Port != 0 {
		f.Port = strconv.Itoa(m.Port)
	}
	if f.TLS == "" {
		f.TLS = store.SMTPStartTLS
	}
	return f
}

func parseSMTPForm(c *fiber.Ctx) smtpForm {
	f := smtpForm{
		Host:     strings.ToLower(formText(c, "smtp_host")),
		Port:     formText(c, "smtp_port"),
		TLS:      formText(c, "smtp_tls"),
		Username: formText(c, "smtp_username"),
		From:     formText(c, "smtp_from"),
	}
	if f.TLS == "" {
		f.TLS = store.SMTPStartTLS
	}
	return f
}

// smtpTLSOptions are the TLS modes, safest first.
func smtpTLSOptions() []fieldOption {
	return []fieldOption{
		{store.SMTPStartTLS, "STARTTLS (thường dùng cổng 587)"},
		{store.SMTPImplicitTLS, "TLS ngay từ đầu (thường dùng cổng 465)"},
		{store.SMTPNoTLS, "Không mã hóa – chỉ cho máy chủ thư trên chính máy này (cổng 25)"},
	}
}

// validHostname accepts a DNS name or an IP address.
func validHostname(s string) bool {
	if net.ParseIP(s) != nil {
		return true
	}
	if len(s) > 253 || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || strings.Contains(s, "..") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return false
		}
	}
	return true
}

// isLocalHost is where net/smtp lets a password go without TLS.
func isLocalHost(h string) bool { return h == "localhost" || h == "127.0.0.1" || h == "::1" }

// validate checks the mail server fields; password is what was typed,
// portalURL the address that the tracking links in the mail need.
func (f smtpForm) validate(errs fieldErrors, password, portalURL string) {
	if f.Host != "" && !validHostname(f.Host) {
		errs["smtp_host"] = "Tên máy chủ thư chỉ gồm chữ không dấu, chữ số, dấu chấm và gạch ngang, ví dụ: smtp.xa.gov.vn."
	}
	if f.Port != "" {
		if n, err := strconv.Atoi(f.Port); err != nil || n < 1 || n > 65535 {
			errs["smtp_port"] = "Cổng là một số từ 1 đến 65535, ví dụ 587; để trống để dùng cổng thường dùng."
		}
	}
	switch f.TLS {
	case store.SMTPStartTLS, store.SMTPImplicitTLS, store.SMTPNoTLS:
	default:
		errs["smtp_tls"] = "Vui lòng chọn cách mã hóa kết nối."
	}
	plainText(errs, "smtp_username", f.Username, "tên đăng nhập máy chủ thư", false, 200)
	if strings.ContainsAny(password, "\r\n\x00") || len(password) > 500 {
		errs["smtp_password"] = "Mật khẩu không được chứa ký tự xuống dòng và dài tối đa 500 ký tự."
	}
	if f.From != "" && !store.IsMailAddress(f.From) {
		errs["smtp_from"] = "Địa chỉ gửi thư chưa đúng, ví dụ: thongbao@xa.gov.vn."
	}
	if f.Host == "" {
		return
	}
	if f.From == "" {
		errs["smtp_from"] = "Vui lòng nhập địa chỉ gửi thư: người dân thấy thư đến từ địa chỉ này."
	}
	// The password goes to the server only with a user name.
	if f.TLS == store.SMTPNoTLS && f.Username != "" && !isLocalHost(f.Host) {
		errs["smtp_tls"] = "Không gửi mật khẩu qua kết nối không mã hóa: chọn STARTTLS hoặc TLS, hoặc dùng máy chủ thư trên chính máy này (localhost)."
	}
	if portalURL == "" {
		errs["portal_url"] = "Thư gửi người dân có đường dẫn theo dõi câu hỏi: cần địa chỉ cổng thông tin khi bật gửi thư."
	}
}

// smtpSettings are the settings to save: the typed password, or none when
// the administrator clears it, or else the one stored.
func (f smtpForm) smtpSettings(cur store.SMTP, password string, clear bool) store.SMTP {
	port, _ := strconv.Atoi(f.Port)
	m := store.SMTP{Host: f.Host, Port: port, Username: f.Username, From: f.From, TLS: f.TLS, Password: cur.Password}
	switch {
	case password != "":
		m.Password = password
	case clear:
		m.Password = ""
	}
	return m
}

// PasswordHint says whether a password is stored, and that one typed into
// a form that came back was not kept.
func (p *settingsPage) PasswordHint() string {
	var s string
	if p.HasPassword {
		s = "Đã lưu một mật khẩu (không hiển thị). Để trống để giữ nguyên; nhập mật khẩu mới để thay."
	} else {
		s = "Chưa lưu mật khẩu nào. Để trống nếu máy chủ thư không yêu cầu đăng nhập."
	}
	if p.PasswordTyped {
		s += " Mật khẩu vừa nhập chưa được lưu: vui lòng nhập lại."
	}
	return s
}
