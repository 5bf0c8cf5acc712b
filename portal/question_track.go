package portal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/abuse"
	"minhbach/portal/tracking"
	"minhbach/store"
)

// The tracking code is a bearer secret, so it never appears in a URL
// (which would reach the access log, the browser's history and Referer
// headers). The asker types it into a form that POSTs it; the portal then
// keeps it in a cookie that only the asker's pages receive (Path=/tra-cuu),
// never sent from another site (SameSite=Strict), unreadable by script
// (HttpOnly), signed with the server's secret (a made-up cookie is refused
// before any lookup, so cookies cannot enumerate codes) and short-lived: on
// a phone shared by a family, the next person does not find it open. Each
// view of the asker's page renews it, so it closes 30 minutes after the
// last one.
const (
	trackCookie     = "mb_track"
	trackSessionTTL = 30 * time.Minute
)

// setTrackCookie opens the asker's pages for code on this browser.
func (h *handler) setTrackCookie(c *fiber.Ctx, code tracking.Code) {
	exp := time.Now().Add(trackSessionTTL)
	payload := code.Symbols() + "." + strconv.FormatInt(exp.Unix(), 10)
	c.Cookie(&fiber.Cookie{
		Name: trackCookie, Value: payload + "." + h.signTrack(c, payload),
		Path: trackPath, Expires: exp, HTTPOnly: true, Secure: h.secure,
		SameSite: fiber.CookieSameSiteStrictMode,
	})
}

func (h *handler) clearTrackCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: trackCookie, Path: trackPath, Expires: time.Unix(1, 0), HTTPOnly: true,
		Secure: h.secure, SameSite: fiber.CookieSameSiteStrictMode})
}

// signTrack is "" when the secret cannot be read, which no check accepts.
func (h *handler) signTrack(c *fiber.Ctx, payload string) string {
	secret := h.settings(c).Secret
	if secret == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("track:" + payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// trackedCode is the code of this browser's tracking cookie, if it is
// genuine and not expired.
func (h *handler) trackedCode(c *fiber.Ctx) (tracking.Code, bool) {
	v := c.Cookies(trackCookie)
	i := strings.LastIndexByte(v, '.')
	if i < 0 {
		return tracking.Code{}, false
	}
	payload, mac := v[:i], v[i+1:]
	want := h.signTrack(c, payload)
	if want == "" || !hmac.Equal([]byte(mac), []byte(want)) {
		return tracking.Code{}, false
	}
	symbols, exp, _ := strings.Cut(payload, ".")
	unix, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || time.Now().After(time.Unix(unix, 0)) {
		return tracking.Code{}, false
	}
	code, err := tracking.Parse(symbols)
	return code, err == nil
}

// trackedQuestion is the item this browser's tracking cookie opens;
// store.ErrNotFound when there is none.
func (h *handler) trackedQuestion(c *fiber.Ctx) (store.Question, tracking.Code, error) {
	code, ok := h.trackedCode(c)
	if !ok {
		return store.Question{}, code, store.ErrNotFound
	}
	q, err := h.store.QuestionByCode(c.UserContext(), code.Hash())
	return q, code, err
}

type lookupPage struct {
	Base
	Code    string
	Errors  fieldErrors
	Example string
	Action  string
	AskPath string
}

func (h *handler) lookupForm(c *fiber.Ctx) error {
	return h.renderLookup(c, "", nil, fiber.StatusOK)
}

func (h *handler) renderLookup(c *fiber.Ctx, code string, errs fieldErrors, status int) error {
	p := &lookupPage{Base: h.base(c, "Tra cứu câu hỏi, phản ánh đã gửi"), Code: code, Errors: errs,
		Example: tracking.Example, Action: trackPath, AskPath: askPath}
	p.CSRF = h.csrfToken(c)
	p.NoIndex = status != fiber.StatusOK
	if err := h.renderStatus(c, status, "question_lookup", p); err != nil {
		return err
	}
	noTrace(c)
	return nil
}

// errCodeNotFound says nothing about whether an item with that code ever
// existed, was rejected or is protected.
const errCodeNotFound = "Không tìm thấy mục nào với mã tra cứu này. Hãy đọc lại mã trên giấy biên nhận " +
	"(mã gồm chữ cái không dấu và chữ số, không có chữ O, I và số 0, 1)."

// lookupSubmit opens the asker's page for a typed code. Every lookup
// counts against the address's limit, found or not, so codes cannot be
// enumerated.
func (h *handler) lookupSubmit(c *fiber.Ctx) error {
	noTrace(c)
	typed := formText(c, "code")
	if err := h.guard.Allow(abuse.Lookup, c.IP()); err != nil {
		r := abuse.As(err)
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(r.RetryAfterSeconds()))
		c.Locals(localRefusal, err.Error())
		return h.renderLookup(c, typed, fieldErrors{"code": r.Message}, r.Status)
	}
	code, err := tracking.Parse(typed)
	if err != nil {
		msg := errCodeNotFound
		var te *tracking.Error
		if errors.As(err, &te) {
			msg = te.Msg
		}
		return h.renderLookup(c, typed, fieldErrors{"code": msg}, fiber.StatusUnprocessableEntity)
	}
	_, err = h.store.QuestionByCode(c.UserContext(), code.Hash())
	if errors.Is(err, store.ErrNotFound) {
		return h.renderLookup(c, typed, fieldErrors{"code": errCodeNotFound}, fiber.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	h.setTrackCookie(c, code)
	return c.Redirect(askerPath, fiber.StatusSeeOther)
}

// trackExit forgets the code on this browser.
func (h *handler) trackExit(c *fiber.Ctx) error {
	noTrace(c)
	h.clearTrackCookie(c)
	h.setFlash(c, "Đã thoát. Trên máy này, trang theo dõi chỉ mở lại khi nhập mã tra cứu.")
	return c.Redirect(trackPath, fiber.StatusSeeOther)
}

// sessionEnded sends a browser without a valid tracking cookie to the
// lookup form. A form sent after the page closed says that what was typed
// was not sent, and how to get it back.
func (h *handler) sessionEnded(c *fiber.Ctx) error {
	msg := "Để xem trang theo dõi, vui lòng nhập mã tra cứu. " +
		"Trang theo dõi tự đóng sau 30 phút không dùng, để người khác dùng chung máy không xem được."
	if c.Method() == fiber.MethodPost {
		msg = "Trang theo dõi đã tự đóng (sau 30 phút không dùng) nên nội dung vừa gửi chưa được nhận. " +
			"Hãy nhập lại mã tra cứu, rồi gửi lại; nội dung đã gõ có thể lấy lại bằng nút Quay lại của trình duyệt."
	}
	h.setFlash(c, msg)
	return c.Redirect(trackPath, fiber.StatusSeeOther)
}
