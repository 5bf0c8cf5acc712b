package portal

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/password"
	"minhbach/store"
)

type userEditPage struct {
	Base
	U      store.User
	Self   bool
	Errors fieldErrors
}

func (h *handler) editedUser(c *fiber.Ctx) (store.User, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return store.User{}, errNotFound()
	}
	return h.store.UserByID(c.UserContext(), id)
}

// userEdit shows one account to an administrator: new password, lock.
func (h *handler) userEdit(c *fiber.Ctx) error {
	u, err := h.editedUser(c)
	if err != nil {
		return err
	}
	return h.renderUserEdit(c, u, nil)
}

func (h *handler) renderUserEdit(c *fiber.Ctx, u store.User, errs fieldErrors) error {
	p := &userEditPage{Base: h.base(c, "Tài khoản "+u.Login), U: u, Self: u.ID == currentUser(c).ID, Errors: errs}
	return h.renderStatus(c, formStatus(errs), "user_edit", p)
}

// newPassword checks a new password typed twice; field names the input.
func newPassword(errs fieldErrors, field, pass, again string) string {
	hash, err := password.Hash(pass)
	switch {
	case errors.Is(err, password.ErrTooShort):
		errs[field] = "Mật khẩu cần ít nhất " + strconv.Itoa(password.MinLength) + " ký tự."
	case errors.Is(err, password.ErrTooLong):
		errs[field] = "Mật khẩu quá dài (tối đa 72 byte)."
	case err != nil:
		errs[field] = "Không đặt được mật khẩu này."
	case pass != again:
		errs[field+"_again"] = "Hai lần nhập mật khẩu không giống nhau."
	}
	return hash
}

// userSetPassword gives an account a new password (administrators only);
// the holder's sessions end.
func (h *handler) userSetPassword(c *fiber.Ctx) error {
	u, err := h.editedUser(c)
	if err != nil {
		return err
	}
	errs := fieldErrors{}
	hash := newPassword(errs, "password", c.FormValue("password"), c.FormValue("password_again"))
	if len(errs) > 0 {
		return h.renderUserEdit(c, u, errs)
	}
	if err := h.store.SetPassword(c.UserContext(), u.ID, hash, currentUser(c).ID); err != nil {
		return err
	}
	if u.ID == currentUser(c).ID {
		if err := h.startSession(c, u); err != nil {
			return err
		}
	}
	h.setFlash(c, "Đã đặt mật khẩu mới cho "+u.Login+". Hãy trao mật khẩu trực tiếp cho người dùng.")
	return c.Redirect(userPath(u.ID), fiber.StatusSeeOther)
}

// userSetActive locks or unlocks an account (administrators only). An
// administrator cannot lock themselves out.
func (h *handler) userSetActive(c *fiber.Ctx) error {
	u, err := h.editedUser(c)
	if err != nil {
		return err
	}
	active := c.FormValue("active") == "1"
	if !active && u.ID == currentUser(c).ID {
		return h.renderUserEdit(c, u, fieldErrors{"active": "Không thể tự khóa tài khoản của mình."})
	}
	if err := h.store.SetActive(c.UserContext(), u.ID, active, currentUser(c).ID); err != nil {
		return err
	}
	msg := "Đã mở khóa tài khoản " + u.Login + "."
	if !active {
		msg = "Đã khóa tài khoản " + u.Login + "; mọi phiên đăng nhập của tài khoản này đã kết thúc."
	}
	h.setFlash(c, msg)
	return c.Redirect(userPath(u.ID), fiber.StatusSeeOther)
}

type passwordPage struct {
	Base
	Errors fieldErrors
}

// passwordForm lets any officer change their own password.
func (h *handler) passwordForm(c *fiber.Ctx) error {
	p := &passwordPage{Base: h.base(c, "Đổi mật khẩu")}
	return h.render(c, "password", p)
}

func (h *handler) passwordChange(c *fiber.Ctx) error {
	u := currentUser(c)
	errs := fieldErrors{}
	if !password.Check(u.PasswordHash, c.FormValue("current")) {
		errs["current"] = "Mật khẩu hiện tại không đúng."
	}
	hash := newPassword(errs, "password", c.FormValue("password"), c.FormValue("password_again"))
	if len(errs) > 0 {
		p := &passwordPage{Base: h.base(c, "Đổi mật khẩu"), Errors: errs}
		return h.renderStatus(c, fiber.StatusUnprocessableEntity, "password", p)
	}
	if err := h.store.SetPassword(c.UserContext(), u.ID, hash, u.ID); err != nil {
		return err
	}
	// Every session ended with the change, this one too: start a new one.
	if err := h.startSession(c, *u); err != nil {
		return err
	}
	h.setFlash(c, "Đã đổi mật khẩu. Các máy khác đang đăng nhập tài khoản này đã bị đăng xuất.")
	return c.Redirect("/can-bo", fiber.StatusSeeOther)
}
