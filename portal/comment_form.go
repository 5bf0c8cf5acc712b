package portal

import (
	"errors"
	"regexp"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/abuse"
	"minhbach/store"
)

// Limits of the comment form's fields.
const (
	maxCommentRunes = 5000
	maxNameRunes    = 100
	maxContactRunes = 100
)

// commentInput is the comment form as typed.
type commentInput struct {
	Body, Name, Contact string
	NamePublic          bool
}

// commentFields is the order the form shows its fields in.
var commentFields = []string{"body", "name", "contact"}

// phoneOrMail is a contact officers can use: an e-mail address, or a phone
// number of 8 to 15 digits written with spaces, dots, dashes or a leading +.
var phoneOrMail = regexp.MustCompile(`^(?:[^@\s]+@[^@\s]+\.[^@\s]+|\+?[0-9][0-9 .\-]{6,18}[0-9])$`)

func commentFromForm(c *fiber.Ctx) commentInput {
	return commentInput{
		Body:       formText(c, "body"),
		Name:       formText(c, "name"),
		Contact:    formText(c, "contact"),
		NamePublic: c.FormValue("name_public") != "",
	}
}

// Validate returns the form's errors in Vietnamese.
func (in commentInput) Validate() fieldErrors {
	errs := fieldErrors{}
	plainText(errs, "body", in.Body, "nội dung góp ý", true, maxCommentRunes)
	plainText(errs, "name", in.Name, "họ và tên", false, maxNameRunes)
	plainText(errs, "contact", in.Contact, "số điện thoại hoặc thư điện tử", false, maxContactRunes)
	if in.NamePublic && in.Name == "" && errs["name"] == "" {
		errs["name"] = "Bạn đã chọn hiện tên công khai: vui lòng nhập họ và tên, hoặc bỏ chọn ô hiện tên."
	}
	if in.Contact != "" && errs["contact"] == "" && !phoneOrMail.MatchString(in.Contact) {
		errs["contact"] = "Vui lòng nhập một số điện thoại (ví dụ 0912 345 678) hoặc một địa chỉ thư điện tử, hoặc để trống."
	}
	return errs
}

type commentFormPage struct {
	Base
	D       store.Disclosure
	Section *commentSection
	Form    commentInput
	Errors  fieldErrors
	Summary []fieldError
	Stamp   string
	// Refusal is a message about the whole form (sent too late, too
	// often), shown above it with the typed values kept.
	Refusal string
}

// commentStampForm names the comment form of item id for its stamps.
func commentStampForm(id int64) string { return "comment:" + itoa(id) }

// commentTarget loads the public item of the URL with its window (not its
// comments); an item without a window is not found here.
func (h *handler) commentTarget(c *fiber.Ctx) (store.Disclosure, *commentSection, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return store.Disclosure{}, nil, errNotFound()
	}
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if err != nil {
		return d, nil, err
	}
	if d.Category != store.CommentCategory {
		return d, nil, errNotFound()
	}
	// The form needs the window only, not the comments.
	w, err := h.store.CommentWindow(c.UserContext(), id)
	if err != nil {
		return d, nil, err
	}
	return d, &commentSection{ID: id, Window: w, State: w.StateOn(today(time.Now()))}, nil
}

// commentForm shows the comment form of a draft. It is never cached: its
// CSRF token and stamp are the visitor's own.
func (h *handler) commentForm(c *fiber.Ctx) error {
	d, s, err := h.commentTarget(c)
	if err != nil {
		return err
	}
	return h.renderCommentForm(c, d, s, commentInput{}, nil, "", fiber.StatusOK)
}

func (h *handler) renderCommentForm(c *fiber.Ctx, d store.Disclosure, s *commentSection, in commentInput,
	errs fieldErrors, refusal string, status int) error {
	p := &commentFormPage{Base: h.base(c, "Góp ý: "+d.Title), D: d, Section: s, Form: in, Errors: errs,
		Summary: errs.inOrder(commentFields), Refusal: refusal}
	p.CSRF = h.csrfToken(c)
	p.NoIndex = true
	if s.State == store.WindowOpen {
		p.Stamp = h.guard.Stamp(h.settings(c).Secret, commentStampForm(d.ID))
	}
	return h.renderStatus(c, status, "comment_form", p)
}

// commentSubmit receives a resident's comment. In order: the window must
// be open; the honeypot and the stamp are checked; the fields validated;
// the address's limit counted; then one store call saves it as pending,
// or finds it already received. A refusal saves nothing.
func (h *handler) commentSubmit(c *fiber.Ctx) error {
	d, s, err := h.commentTarget(c)
	if err != nil {
		return err
	}
	if s.State != store.WindowOpen {
		return store.ErrCommentsClosed
	}
	in := commentFromForm(c)
	if err := h.guard.CheckForm(h.settings(c).Secret, commentStampForm(d.ID),
		c.FormValue(abuse.StampField), c.FormValue(abuse.HoneypotField)); err != nil {
		r := abuse.As(err)
		if r.Resend {
			return h.renderCommentForm(c, d, s, in, in.Validate(), r.Message, r.Status)
		}
		return &httpError{status: r.Status, message: r.Message, cause: err}
	}
	if errs := in.Validate(); len(errs) > 0 {
		return h.renderCommentForm(c, d, s, in, errs, "", fiber.StatusUnprocessableEntity)
	}
	if err := h.guard.Allow(abuse.Comment, c.IP()); err != nil {
		r := abuse.As(err)
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(r.RetryAfterSeconds()))
		c.Locals(localRefusal, err.Error())
		return h.renderCommentForm(c, d, s, in, nil, r.Message, r.Status)
	}
	_, err = h.store.AddComment(c.UserContext(), store.NewComment{
		DisclosureID: d.ID, Body: in.Body, AuthorName: in.Name, NamePublic: in.NamePublic, Contact: in.Contact,
		DupKey: abuse.DupKey(in.Body, in.Name, in.Contact),
	})
	switch {
	case errors.Is(err, store.ErrDuplicateComment):
		h.setFlash(c, "Góp ý này đã được nhận trước đó, không cần gửi lại. Góp ý sẽ hiện công khai sau khi cán bộ xã xem xét.")
	case err != nil:
		return err
	default:
		h.setFlash(c, "Đã nhận góp ý của bạn, cảm ơn bạn. Góp ý đang chờ cán bộ xã xem xét; sau khi được duyệt, góp ý sẽ hiện công khai dưới dự thảo.")
	}
	return c.Redirect(itemPath(d.ID)+"#y-kien", fiber.StatusSeeOther)
}

// commentIndex is the public list of a draft's comments, page by page,
// with the synthesis once it is published.
func (h *handler) commentIndex(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	var after int64
	if k := c.Query(paramOlder); k != "" {
		var ok bool
		if after, ok = parseIDKey(k); !ok {
			return errNotFound()
		}
	}
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if err != nil {
		return err
	}
	s, err := h.commentSection(c, id, after)
	if err != nil {
		return err
	}
	if s == nil || d.Category != store.CommentCategory || after > 0 && len(s.Comments) == 0 {
		return errNotFound()
	}
	p := &commentFormPage{Base: h.base(c, "Ý kiến góp ý: "+d.Title), D: d, Section: s}
	p.Canonical = canonical(p.Settings, commentsPath(id))
	return h.render(c, "comment_index", p)
}
