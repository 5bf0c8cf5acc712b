package portal

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

const (
	sessionCookie = "mb_session"
	csrfCookie    = "mb_csrf"
	flashCookie   = "mb_flash"
	csrfField     = "_csrf"
	localUser     = "user"
	localSession  = "session" // hash of the logged-in officer's session token
	localOfficer  = "officer" // the request is for a page of the officers' area
)

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

func (h *handler) setCookie(c *fiber.Ctx, name, value string, maxAge time.Duration) {
	ck := &fiber.Cookie{
		Name:     name,
		Value:    value,
		Path:     "/",
		HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode,
		Secure:   h.secure,
	}
	if maxAge > 0 {
		ck.Expires = time.Now().Add(maxAge)
	}
	if maxAge < 0 {
		ck.Expires = time.Unix(1, 0)
		ck.Value = ""
	}
	c.Cookie(ck)
}

// loadUser puts the logged-in officer, if any, in the request's locals.
func (h *handler) loadUser(c *fiber.Ctx) error {
	tok := c.Cookies(sessionCookie)
	if tok == "" {
		return c.Next()
	}
	u, err := h.store.SessionUser(c.UserContext(), hashToken(tok))
	switch {
	case errors.Is(err, store.ErrNotFound):
		h.setCookie(c, sessionCookie, "", -1)
	case err != nil:
		return err
	default:
		c.Locals(localUser, &u)
		c.Locals(localSession, hashToken(tok))
	}
	return c.Next()
}

func currentUser(c *fiber.Ctx) *store.User {
	u, _ := c.Locals(localUser).(*store.User)
	return u
}

// errSessionExpired refuses a form sent after its session ended.
var errSessionExpired = errForbidden("Phiên đăng nhập đã hết hạn nên thao tác chưa được thực hiện. " +
	"Bấm nút Quay lại của trình duyệt để lấy lại nội dung vừa nhập, đăng nhập lại ở một thẻ khác rồi gửi lại.")

// officer wraps a handler that needs a logged-in officer: others are sent
// to the login page and come back after logging in. The pages it renders
// belong to the officers' area (see Base.Officer).
func (h *handler) officer(next fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if currentUser(c) == nil {
			if c.Method() != fiber.MethodGet {
				return errSessionExpired
			}
			return c.Redirect("/can-bo/dang-nhap?tiep="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
		}
		c.Locals(localOfficer, true)
		return next(c)
	}
}

// admin wraps a handler that only administrators may use.
func (h *handler) admin(next fiber.Handler) fiber.Handler {
	return h.officer(func(c *fiber.Ctx) error {
		if !currentUser(c).IsAdmin() {
			return errForbidden("Chỉ quản trị viên được dùng chức năng này.")
		}
		return next(c)
	})
}

// startSession logs a user in with a fresh token (rotated at every login, so
// a token planted before login is worthless) and a fresh CSRF cookie.
func (h *handler) startSession(c *fiber.Ctx, u store.User) error {
	if old := c.Cookies(sessionCookie); old != "" {
		h.store.DeleteSession(c.UserContext(), hashToken(old), u.ID)
	}
	tok := randomToken()
	if err := h.store.CreateSession(c.UserContext(), hashToken(tok), u.ID); err != nil {
		return err
	}
	h.setCookie(c, sessionCookie, tok, store.SessionAbsolute)
	ck := randomToken()
	h.setCookie(c, csrfCookie, ck, 0)
	c.Locals(csrfCookie, ck)
	c.Locals(localSession, hashToken(tok))
	return nil
}

// csrfToken returns the token forms must carry: an HMAC under the server
// secret of the browser's CSRF cookie (signed double submit) and, for a
// logged-in officer, of the session too. A cookie planted from a sibling
// subdomain, or a token taken before login or from another session, then
// fits no officer's form; anonymous forms (login) stay cookie-bound. It
// sets the cookie if the browser has none yet.
func (h *handler) csrfToken(c *fiber.Ctx) string {
	ck := c.Cookies(csrfCookie)
	if v, ok := c.Locals(csrfCookie).(string); ok {
		ck = v
	}
	if ck == "" {
		ck = randomToken()
		h.setCookie(c, csrfCookie, ck, 0)
		c.Locals(csrfCookie, ck)
	}
	return h.signCSRF(c, ck, sessionHash(c))
}

// sessionHash is the hash of the logged-in officer's session token, "" for
// a visitor.
func sessionHash(c *fiber.Ctx) string {
	s, _ := c.Locals(localSession).(string)
	return s
}

// signCSRF is "" when the secret could not be read, which no check accepts:
// an unreadable secret must not become an empty, guessable key.
func (h *handler) signCSRF(c *fiber.Ctx, cookie, session string) string {
	st := h.settings(c)
	if st.Secret == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte(st.Secret))
	if session == "" {
		m.Write([]byte("csrf:" + cookie))
	} else {
		m.Write([]byte("csrf-session:" + session + ":" + cookie))
	}
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// checkCSRF refuses every unsafe request whose token does not match, and
// every unsafe request a browser says came from another site, including a
// sibling subdomain (same-site): only same-origin requests, or ones the
// browser does not label (older browsers, typed by hand), go on.
func (h *handler) checkCSRF(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	switch c.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return errForbidden("")
	}
	ck := c.Cookies(csrfCookie)
	got := c.FormValue(csrfField)
	if got == "" {
		got = c.Get("X-CSRF-Token")
	}
	want := h.signCSRF(c, ck, sessionHash(c))
	if ck == "" || want == "" || !hmac.Equal([]byte(got), []byte(want)) {
		if currentUser(c) == nil && c.Cookies(sessionCookie) != "" {
			// The token was bound to a session that has ended since.
			return errSessionExpired
		}
		return errForbidden("")
	}
	return c.Next()
}

// setFlash leaves a one-time message for the next page.
func (h *handler) setFlash(c *fiber.Ctx, msg string) {
	h.setCookie(c, flashCookie, url.QueryEscape(msg), time.Minute)
}

func (h *handler) takeFlash(c *fiber.Ctx) string {
	v := c.Cookies(flashCookie)
	if v == "" {
		return ""
	}
	h.setCookie(c, flashCookie, "", -1)
	msg, err := url.QueryUnescape(v)
	if err != nil {
		return ""
	}
	return msg
}
