package portal

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/password"
	"minhbach/store"
)

// Login throttling: after this many failures for one login within the
// window, that login is refused until the window passes.
const (
	maxLoginFailures = 5
	loginWindow      = 15 * time.Minute
)

type loginPage struct {
	Base
	Login  string
	Next   string
	Errors fieldErrors
}

// safeNext keeps only a local path to return to after login.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/can-bo") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return "/can-bo"
	}
	return next
}

func (h *handler) loginForm(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect(safeNext(c.Query("tiep")), fiber.StatusSeeOther)
	}
	return h.renderLogin(c, "", c.Query("tiep"), nil, fiber.StatusOK)
}

func (h *handler) renderLogin(c *fiber.Ctx, login, next string, errs fieldErrors, status int) error {
	p := &loginPage{Base: h.base(c, "Đăng nhập cán bộ"), Login: login, Next: safeNext(next), Errors: errs}
	p.CSRF = h.csrfToken(c)
	p.NoIndex = true
	return h.renderStatus(c, status, "login", p)
}

// loginSubmit checks the password, with failures throttled per login (in the
// database, so restarts do not reset it) and per client address. Only
// failures count against an address: a commune office behind one public
// address must be able to log everyone in at eight o'clock.
func (h *handler) loginSubmit(c *fiber.Ctx) error {
	ctx := c.UserContext()
	login := formText(c, "login")
	pass := c.FormValue("password")
	next := c.FormValue("next")
	errs := fieldErrors{}
	if login == "" {
		errs["login"] = "Vui lòng nhập tên đăng nhập."
	} else if len(login) > 100 {
		errs["login"] = "Tên đăng nhập quá dài."
	}
	if pass == "" {
		errs["password"] = "Vui lòng nhập mật khẩu."
	}
	if len(errs) > 0 {
		return h.renderLogin(c, login, next, errs, fiber.StatusUnprocessableEntity)
	}
	if h.loginLim.full(c.IP()) {
		errs["login"] = "Có quá nhiều lần đăng nhập sai từ máy này. Vui lòng đợi một phút rồi thử lại."
		return h.renderLogin(c, login, next, errs, fiber.StatusTooManyRequests)
	}
	n, err := h.store.LoginFailures(ctx, login, loginWindow)
	if err != nil {
		return err
	}
	if n >= maxLoginFailures {
		errs["login"] = "Tài khoản này tạm bị khóa đăng nhập 15 phút do nhập sai mật khẩu nhiều lần."
		return h.renderLogin(c, login, next, errs, fiber.StatusTooManyRequests)
	}
	u, err := h.store.UserByLogin(ctx, login)
	ok := false
	switch {
	case errors.Is(err, store.ErrNotFound):
		password.CheckNone(pass)
	case err != nil:
		return err
	default:
		ok = u.Active && password.Check(u.PasswordHash, pass)
	}
	if !ok {
		h.loginLim.add(c.IP())
		if err := h.store.RecordLoginFailure(ctx, login); err != nil {
			return err
		}
		errs["password"] = "Tên đăng nhập hoặc mật khẩu không đúng."
		return h.renderLogin(c, login, next, errs, fiber.StatusUnprocessableEntity)
	}
	if err := h.store.ClearLoginFailures(ctx, login); err != nil {
		return err
	}
	if err := h.startSession(c, u); err != nil {
		return err
	}
	return c.Redirect(safeNext(next), fiber.StatusSeeOther)
}

func (h *handler) logout(c *fiber.Ctx) error {
	if tok := c.Cookies(sessionCookie); tok != "" {
		if err := h.store.DeleteSession(c.UserContext(), hashToken(tok), currentUser(c).ID); err != nil {
			return err
		}
	}
	h.setCookie(c, sessionCookie, "", -1)
	h.setFlash(c, "Đã đăng xuất.")
	return c.Redirect("/", fiber.StatusSeeOther)
}
