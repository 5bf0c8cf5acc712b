package portal

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type settingsForm struct {
	CommuneName, District, Province, Address, Phone, Email, PortalURL string
	SMTP                                                              smtpForm
}

type settingsPage struct {
	Base
	Form   settingsForm
	Errors fieldErrors
	// HasPassword: a mail server password is stored (it is never shown).
	HasPassword bool
	// PasswordTyped: the form came back with errors after a password was
	// typed, which was not saved and is not sent back.
	PasswordTyped bool
	TLSOptions    []fieldOption
	Outbox        store.MailStatus
}

// settingsFields is the order of the form's fields on the page.
var settingsFields = append([]string{"commune_name", "district", "province", "address", "phone", "email", "portal_url"}, smtpFields...)

// ErrorSummary lists the errors in the order of the form.
func (p *settingsPage) ErrorSummary() []fieldError { return p.Errors.inOrder(settingsFields) }

func (h *handler) settingsEdit(c *fiber.Ctx) error {
	st := h.settings(c)
	f := settingsForm{st.CommuneName, st.District, st.Province, st.Address, st.Phone, st.Email, st.PortalURL, smtpFormOf(st.SMTP)}
	return h.renderSettings(c, f, nil, false)
}

func (h *handler) renderSettings(c *fiber.Ctx, f settingsForm, errs fieldErrors, passwordTyped bool) error {
	outbox, err := h.store.MailStatus(c.UserContext())
	if err != nil {
		return err
	}
	p := &settingsPage{Base: h.base(c, "Thông tin của xã"), Form: f, Errors: errs,
		HasPassword: h.settings(c).SMTP.Password != "", PasswordTyped: passwordTyped, TLSOptions: smtpTLSOptions(), Outbox: outbox}
	return h.renderStatus(c, formStatus(errs), "settings_edit", p)
}

// validPhone accepts what Vietnamese offices print: digits, spaces, dots,
// dashes, parentheses and a leading +.
func validPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	return digits >= 6 && digits <= 15
}

// settingsSave stores the commune's public details (administrators only).
func (h *handler) settingsSave(c *fiber.Ctx) error {
	f := settingsForm{
		CommuneName: formText(c, "commune_name"),
		District:    formText(c, "district"),
		Province:    formText(c, "province"),
		Address:     formText(c, "address"),
		Phone:       formText(c, "phone"),
		Email:       formText(c, "email"),
		PortalURL:   strings.TrimRight(formText(c, "portal_url"), "/"),
		SMTP:        parseSMTPForm(c),
	}
	// Typed as is: a password may begin or end with a space.
	password := c.FormValue("smtp_password")
	errs := fieldErrors{}
	plainText(errs, "commune_name", f.CommuneName, "tên xã", true, 100)
	plainText(errs, "district", f.District, "tên huyện", false, 100)
	plainText(errs, "province", f.Province, "tên tỉnh", true, 100)
	plainText(errs, "address", f.Address, "địa chỉ", false, 300)
	if f.Phone != "" && !validPhone(f.Phone) {
		errs["phone"] = "Số điện thoại chỉ gồm chữ số (6–15 số), dấu cách, dấu chấm hoặc gạch ngang."
	}
	if f.Email != "" {
		at := strings.Index(f.Email, "@")
		if at < 1 || at == len(f.Email)-1 || strings.ContainsAny(f.Email, " <>\"") || len(f.Email) > 200 {
			errs["email"] = "Địa chỉ thư điện tử chưa đúng, ví dụ: vanphong@xa.gov.vn."
		}
	}
	if f.PortalURL != "" {
		u, err := url.Parse(f.PortalURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			errs["portal_url"] = "Địa chỉ cổng thông tin phải bắt đầu bằng https:// (ví dụ https://congkhai.trungtrac.gov.vn)."
		}
	}
	f.SMTP.validate(errs, password, f.PortalURL)
	if len(errs) > 0 {
		return h.renderSettings(c, f, errs, password != "")
	}
	cur := h.settings(c)
	err := h.store.SaveSettings(c.UserContext(), store.Settings{
		CommuneName: f.CommuneName, District: f.District, Province: f.Province, Address: f.Address,
		Phone: f.Phone, Email: f.Email, PortalURL: f.PortalURL, Demo: cur.Demo,
		SMTP: f.SMTP.smtpSettings(cur.SMTP, password, c.FormValue("smtp_password_clear") == "1"),
	}, currentUser(c).ID)
	if err != nil {
		return err
	}
	h.setFlash(c, "Đã lưu thông tin của xã.")
	return c.Redirect("/can-bo/cai-dat", fiber.StatusSeeOther)
}
