package portal

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// questionRedact removes text from what the public sees of a published
// item: the one way to take text back once it is public. Administrators
// only; the removal, its reason and its date are shown on the item's page.
func (h *handler) questionRedact(c *fiber.Ctx) error {
	ctx := c.UserContext()
	id, err := parseQuestionID(c)
	if err != nil {
		return err
	}
	q, err := h.store.Question(ctx, id)
	if err != nil {
		return err
	}
	form := readActionForm(c)
	text, reason := strings.TrimSpace(form.Get("redact_text")), strings.TrimSpace(form.Get("redact_reason"))
	errs := fieldErrors{}
	if len([]rune(text)) < 3 {
		errs["redact_text"] = "Vui lòng nhập đúng đoạn cần che, ít nhất 3 ký tự."
	}
	if reason == "" {
		errs["redact_reason"] = "Vui lòng ghi lý do che (sẽ hiện công khai)."
	}
	if len(errs) == 0 {
		n, err := h.store.RedactQuestion(ctx, id, text, reason, currentUser(c).ID)
		switch {
		case errors.Is(err, store.ErrNothingToRedact):
			errs["redact_text"] = "Đoạn này không có trong nội dung công khai của câu hỏi (kiểm tra chữ hoa, dấu và khoảng trắng)."
		case errors.Is(err, store.ErrNotPublished):
			errs["redact_text"] = "Nội dung câu hỏi chưa công khai: hãy sửa bản công khai khi tiếp nhận."
		case err != nil:
			return err
		default:
			h.setFlash(c, "Đã che "+itoa(int64(n))+" chỗ trong nội dung công khai.")
			return c.Redirect(officerQuestionPath(id), fiber.StatusSeeOther)
		}
	}
	return h.renderQuestion(c, q, form, errs)
}
