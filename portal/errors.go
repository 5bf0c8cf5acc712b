package portal

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// httpError carries a status and a message safe to show, while the cause is
// only logged.
type httpError struct {
	status  int
	message string
	cause   error
}

func (e *httpError) Error() string {
	if e.cause != nil {
		return fmt.Sprintf("%d %s: %v", e.status, e.message, e.cause)
	}
	return fmt.Sprintf("%d %s", e.status, e.message)
}

func (e *httpError) Unwrap() error { return e.cause }

func errNotFound() error {
	return &httpError{status: fiber.StatusNotFound}
}

func errForbidden(msg string) error {
	return &httpError{status: fiber.StatusForbidden, message: msg}
}

func errConflict(msg string) error {
	return &httpError{status: fiber.StatusConflict, message: msg}
}

// Refusals of the disclosure workflow: the item's state does not allow the
// action (often because another officer just acted on it), shown as 409.
var (
	errOnlyDrafts       = errConflict("Chỉ xóa được bản nháp chưa từng công khai. Tin đã công khai chỉ có thể rút.")
	errWithdrawnIsFinal = errConflict("Tin đã rút không sửa được nữa. Hãy đăng một tin mới nếu cần.")
	errOnlyPublished    = errConflict("Chỉ rút được tin đang công khai.")
	errFileRemoved      = &httpError{status: fiber.StatusGone}
)

// storeRefusals are the store's refusals of a change that another officer's
// action made impossible meanwhile (two officers on one item): a 409 with
// what happened, never a 500.
var storeRefusals = []struct {
	err error
	msg string
}{
	{store.ErrWithdrawn, "Tin này vừa được rút nên không thay đổi được nữa. Hãy tải lại trang để xem trạng thái mới."},
	{store.ErrNotDraft, "Tin này không còn là bản nháp: có thể một cán bộ khác vừa công khai nó. Hãy tải lại trang để xem trạng thái mới."},
	{store.ErrReasonRequired, "Tin này đã được công khai trong lúc bạn sửa, nên cần ghi lý do thay đổi. Hãy mở lại trang sửa và nhập lý do."},
	{store.ErrTransition, "Thao tác này không thực hiện được ở trạng thái hiện tại của câu hỏi: có thể một cán bộ khác vừa xử lý nó. Hãy tải lại trang để xem trạng thái mới."},
	{store.ErrApologyRequired, "Câu trả lời đã quá hạn nên cần có lời xin lỗi người hỏi. Hãy mở lại trang trả lời và nhập lời xin lỗi."},
	{store.ErrTooManyReopens, "Câu hỏi đã được mở lại tối đa số lần cho phép."},
	{store.ErrExtensionUsed, "Câu hỏi đã được gia hạn một lần; không gia hạn thêm được."},
	{store.ErrProtectedForever, "Mục này đã thuộc diện bảo vệ người gửi và không thể đưa ra khỏi diện đó."},
	{store.ErrCommentsClosed, "Dự thảo này hiện không nhận góp ý: thời gian lấy ý kiến chưa bắt đầu hoặc đã kết thúc. Góp ý chưa được gửi."},
	{store.ErrNotForComment, "Tin này không phải dự thảo lấy ý kiến, hoặc chưa mở thời gian lấy ý kiến."},
	{store.ErrCommentModerated, "Ý kiến này vừa được một cán bộ khác duyệt hoặc từ chối. Hãy tải lại trang để xem trạng thái mới."},
	{store.ErrCommentNotAccepted, "Chỉ ghi kết quả tiếp thu cho ý kiến đã được duyệt."},
	{store.ErrSynthesisPublished, "Bảng tổng hợp tiếp thu, giải trình đã công bố nên ý kiến, thời gian và kết quả không thay đổi được nữa."},
	{store.ErrWindowNotClosed, "Chỉ công bố bảng tổng hợp sau khi hết thời gian lấy ý kiến."},
	{store.ErrSynthesisIncomplete, "Chưa công bố được: còn ý kiến chờ duyệt hoặc ý kiến đã duyệt chưa ghi kết quả tiếp thu. Hãy tải lại trang để xem."},
}

// Vietnamese headline and advice per status.
var statusText = map[int][2]string{
	400: {"Yêu cầu không hợp lệ", "Đường dẫn hoặc dữ liệu gửi lên không đúng. Vui lòng kiểm tra lại."},
	403: {"Không được phép", "Bạn không có quyền thực hiện thao tác này, hoặc biểu mẫu đã hết hạn. Hãy tải lại trang rồi thử lại."},
	404: {"Không tìm thấy trang", "Trang bạn tìm không có hoặc đã được chuyển đi. Hãy quay về trang chủ hoặc mục Công khai."},
	405: {"Thao tác không được hỗ trợ", "Hãy quay lại trang trước và thử lại."},
	409: {"Thao tác không thực hiện được", "Dữ liệu vừa được người khác thay đổi. Hãy tải lại trang rồi thử lại."},
	410: {"Tệp đã được gỡ bỏ", "Tệp này chứa thông tin cá nhân nên đã bị xóa khỏi cổng. Tên tệp, mã băm và lý do gỡ bỏ vẫn có trong lịch sử thay đổi của tin."},
	413: {"Tệp hoặc dữ liệu quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép. Mỗi tệp đính kèm tối đa 20 MB."},
	422: {"Dữ liệu chưa hợp lệ", "Vui lòng sửa các mục được đánh dấu rồi gửi lại."},
	429: {"Quá nhiều yêu cầu", "Bạn đã thử quá nhiều lần. Vui lòng đợi vài phút rồi thử lại."},
	500: {"Hệ thống gặp sự cố", "Đã có lỗi xảy ra phía máy chủ. Lỗi đã được ghi lại; vui lòng thử lại sau ít phút."},
	503: {"Hệ thống tạm ngừng", "Vui lòng thử lại sau ít phút."},
}

type errorPage struct {
	Base
	Status  int
	Heading string
	Advice  string
}

// handleError is the one place errors become responses: it logs the cause
// and renders the Vietnamese error page with the right status.
func (h *handler) handleError(c *fiber.Ctx, err error) error {
	status := fiber.StatusInternalServerError
	msg := ""
	var he *httpError
	var fe *fiber.Error
	switch {
	case errors.As(err, &he):
		status, msg = he.status, he.message
	case errors.Is(err, store.ErrNotFound):
		status = fiber.StatusNotFound
	case errors.As(err, &fe):
		status = fe.Code
	default:
		for _, r := range storeRefusals {
			if errors.Is(err, r.err) {
				status, msg = fiber.StatusConflict, r.msg
				break
			}
		}
	}
	if status >= 500 {
		h.log.Error("request failed", "method", c.Method(), "path", c.Path(), "status", status, "err", err)
	} else if he == nil || he.cause != nil || he.message != "" {
		// The access log line carries the cause (a plain "not found" has
		// none worth the bytes); no write of its own per refusal.
		c.Locals(localRefusal, err.Error())
	}
	text, ok := statusText[status]
	if !ok {
		text = statusText[500]
		if status < 500 {
			text = statusText[400]
		}
	}
	if msg != "" {
		text[1] = msg
	}
	// A visitor's error page depends on nothing but the status, the message
	// and what every page shows: it is kept like any public page, so a
	// flood of 404s costs what a cached page costs.
	share := status < 500 && h.pages != nil && visitor(c)
	var slot string
	var key cacheKey
	if share {
		slot, key = errorSlot(status, msg), h.cacheKey(c)
		if p := h.pages.get(slot, key); p != nil {
			return p.sendStatus(c, status, pageCacheControl)
		}
	}
	p := &errorPage{Base: h.base(c, text[0]), Status: status, Heading: text[0], Advice: text[1]}
	p.NoIndex = true
	if share {
		p.Path = ""
	}
	if rerr := h.renderStatus(c, status, "error", p); rerr != nil {
		h.log.Error("render error page", "err", rerr)
		c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
		return c.Status(status).SendString(text[0] + ". " + text[1])
	}
	if share {
		res := c.Response()
		e := newCachedBody(key, bytes.Clone(res.Body()), string(res.Header.ContentType()), time.Time{})
		e.slot, e.robots = slot, "noindex"
		h.pages.put(e)
		return e.sendStatus(c, status, pageCacheControl)
	}
	return nil
}

// errorSlot names a visitor's error page in the page cache.
func errorSlot(status int, msg string) string {
	if msg == "" && status == fiber.StatusNotFound {
		return "!404" // most of them: no allocation
	}
	return "!" + strconv.Itoa(status) + "|" + msg
}

// recoverPanic turns a panic into a logged 500 page.
func (h *handler) recoverPanic(c *fiber.Ctx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &httpError{status: 500, cause: fmt.Errorf("panic: %v\n%s", r, debug.Stack())}
		}
	}()
	return c.Next()
}
