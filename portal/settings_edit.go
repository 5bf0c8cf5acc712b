package portal

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type settingsForm struct {
	CommuneName, District, Province, Address, Phone, Email, PortalURL string
}

type settingsPage struct {
	Base
	Form   settingsForm
	Errors fieldErrors
}

// settingsFields is the order of the form's fields on the page.
var settingsFields = []string{"commune_name", "district", "province", "address", "phone", "email", "portal_url"}

// ErrorSummary lists the errors in the order of the form.
func (p *settingsPage) ErrorSummary() []fieldError { return p.Errors.inOrder(settingsFields) }

func (h *handler) settingsEdit(c *fiber.Ctx) error {
	st := h.settings(c)
	f := settingsForm{st.CommuneName, st.District, st.Province, st.Address, st.Phone, st.Email, st.PortalURL}
	return h.renderSettings(c, f, nil)
}

func (h *handler) renderSettings(c *fiber.Ctx, f settingsForm, errs fieldErrors) error {
	p := &settingsPage{Base: h.base(c, "Thông tin của xã"), Form: f, Errors: errs}
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
	}
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
	if len(errs) > 0 {
		return h.renderSettings(c, f, errs)
	}
	cur := h.settings(c)
	err := h.store.SaveSettings(c.UserContext(), store.Settings{
		CommuneName: f.CommuneName, District: f.District, Province: f.Province, Address: f.Address,
		Phone: f.Phone, Email: f.Email, PortalURL: f.PortalURL, Demo: cur.Demo,
	}, currentUser(c).ID)
	if err != nil {
		return err
	}
	h.setFlash(c, "Đã lưu thông tin của xã.")
	return c.Redirect("/can-bo/cai-dat", fiber.StatusSeeOther)
}
