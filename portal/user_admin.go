package portal

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/password"
	"minhbach/store"
)

type userForm struct {
	Login, Name, Title, UnitID, Role string
}

type userIndexPage struct {
	Base
	Users  []store.User
	Units  []store.Unit
	Form   userForm
	Errors fieldErrors
}

// userFields is the order of the new-account form's fields on the page.
var userFields = []string{"login", "name", "title", "unit_id", "role", "password"}

// ErrorSummary lists the errors in the order of the form.
func (p *userIndexPage) ErrorSummary() []fieldError { return p.Errors.inOrder(userFields) }

func (h *handler) userIndex(c *fiber.Ctx) error {
	return h.renderUsers(c, userForm{Role: store.RoleOfficer}, nil)
}

func (h *handler) renderUsers(c *fiber.Ctx, f userForm, errs fieldErrors) error {
	users, err := h.store.Users(c.UserContext())
	if err != nil {
		return err
	}
	units, err := h.store.Units(c.UserContext())
	if err != nil {
		return err
	}
	p := &userIndexPage{Base: h.base(c, "Tài khoản cán bộ"), Users: users, Units: units, Form: f, Errors: errs}
	return h.renderStatus(c, formStatus(errs), "user_index", p)
}

// validLogin: letters, digits, dot, dash, underscore; 3 to 40 characters.
func validLogin(s string) bool {
	if len(s) < 3 || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// userCreate adds an officer account (admins only).
func (h *handler) userCreate(c *fiber.Ctx) error {
	f := userForm{
		Login:  formText(c, "login"),
		Name:   formText(c, "name"),
		Title:  formText(c, "title"),
		UnitID: formText(c, "unit_id"),
		Role:   c.FormValue("role"),
	}
	pass := c.FormValue("password")
	errs := fieldErrors{}
	if !validLogin(f.Login) {
		errs["login"] = "Tên đăng nhập dài 3–40 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới."
	}
	plainText(errs, "name", f.Name, "họ và tên", true, 100)
	plainText(errs, "title", f.Title, "chức danh", false, 150)
	if f.Role != store.RoleAdmin && f.Role != store.RoleOfficer {
		errs["role"] = "Vui lòng chọn vai trò."
	}
	var unitID int64
	if f.UnitID != "" {
		id, err := strconv.ParseInt(f.UnitID, 10, 64)
		if err != nil {
			errs["unit_id"] = "Vui lòng chọn đơn vị trong danh sách."
		}
		unitID = id
	}
	hash, err := password.Hash(pass)
	switch {
	case errors.Is(err, password.ErrTooShort):
		errs["password"] = "Mật khẩu cần ít nhất " + strconv.Itoa(password.MinLength) + " ký tự."
	case errors.Is(err, password.ErrTooLong):
		errs["password"] = "Mật khẩu quá dài (tối đa 72 byte)."
	case err != nil:
		return err
	}
	if len(errs) == 0 {
		_, err = h.store.CreateUser(c.UserContext(), store.NewUser{
			Login: f.Login, Name: f.Name, Title: f.Title, UnitID: unitID, Role: f.Role, PasswordHash: hash,
		}, currentUser(c).ID)
		if errors.Is(err, store.ErrDuplicateLogin) {
			errs["login"] = "Tên đăng nhập “" + f.Login + "” đã có người dùng. Hãy chọn tên khác."
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return h.renderUsers(c, f, errs)
	}
	h.setFlash(c, "Đã tạo tài khoản "+f.Login+".")
	return c.Redirect(usersPath, fiber.StatusSeeOther)
}

type auditPage struct {
	Base
	Entries []store.AuditEntry
	Pager   pager
}

// auditIndex shows the audit log to administrators.
func (h *handler) auditIndex(c *fiber.Ctx) error {
	lp := pageRequest(c, auditPath, 100)
	older, newer, err := keysOf(lp, parseIDKey)
	if err != nil {
		return err
	}
	rows, err := h.store.AuditLog(c.UserContext(), lp.size+1, older, newer)
	if err != nil {
		return err
	}
	entries, pg := trim(lp, rows, func(e store.AuditEntry) string { return idKey(e.ID) })
	if len(entries) == 0 && (older != 0 || newer != 0) {
		return errNotFound()
	}
	p := &auditPage{Base: h.base(c, "Nhật ký thao tác"), Entries: entries, Pager: pg}
	return h.render(c, "audit_index", p)
}
