package portal

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/abuse"
	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/store"
)

// askPage is the ask form, blank or sent back with errors or a refusal.
type askPage struct {
	Base
	Form     askInput
	Errors   fieldErrors
	Kinds    []askKind
	Villages []store.Village
	Stamp    string
	Refusal  string // why the form came back, when not a field's fault
	// KeepMonths: how long an identity is kept after a request ends.
	KeepMonths  int
	MaxUploadMB int
	Accept      string
	Mail        bool // the commune sends mail to askers who leave an address
	// About is the compensation plan the question is about, nil if none.
	About *store.Disclosure
}

// ContactHint says what the contact is for; mail only when it is sent.
func (p *askPage) ContactHint() string {
	s := "Để cán bộ xã liên hệ khi cần hỏi thêm. "
	if p.Mail {
		s += "Nếu là e-mail, bạn nhận thư báo khi có câu trả lời. "
	}
	return s + "Bắt buộc với yêu cầu cung cấp thông tin, khiếu nại, tố cáo."
}

// ErrorSummary lists the errors in the order of the form.
func (p *askPage) ErrorSummary() []fieldError { return p.Errors.inOrder(askFields) }

// Topics are the choices of the topic field.
func (p *askPage) Topics() []fieldOption {
	var out []fieldOption
	for _, t := range rules.Topics() {
		out = append(out, fieldOption{t.Slug, t.Name})
	}
	return out
}

// VillageOptions are the choices of the village field.
func (p *askPage) VillageOptions() []fieldOption {
	var out []fieldOption
	for _, v := range p.Villages {
		out = append(out, fieldOption{strconv.FormatInt(v.ID, 10), v.Name})
	}
	return out
}

func (p *askPage) AskPath() string   { return askPath }
func (p *askPage) TrackPath() string { return trackPath }

func (h *handler) askForm(c *fiber.Ctx) error {
	return h.renderAskForm(c, askInput{Kind: c.Query("loai"), About: c.Query(paramAbout)}, nil, "", fiber.StatusOK)
}

func (h *handler) renderAskForm(c *fiber.Ctx, f askInput, errs fieldErrors, refusal string, status int) error {
	villages, err := h.store.Villages(c.UserContext())
	if err != nil {
		return err
	}
	if !validKind(f.Kind) {
		f.Kind = ""
	}
	about, err := h.aboutOf(c, f.About, nil)
	if err != nil {
		return err
	}
	if about == nil {
		f.About = ""
	} else if f.Topic == "" {
		f.Topic = "dat-dai"
	}
	keep, _ := rules.DefaultLimit(rules.KindInfoRequest, rules.LimitIdentityKeep)
	p := &askPage{Base: h.base(c, "Gửi câu hỏi, phản ánh"), Form: f, Errors: errs, Kinds: askKinds,
		Villages: villages, Refusal: refusal, KeepMonths: keep.Days / 30, MaxUploadMB: maxAskUpload >> 20, Accept: askAccept,
		About: about}
	p.Mail = h.settings(c).MailEnabled()
	p.CSRF = h.csrfToken(c)
	p.NoIndex = status != fiber.StatusOK
	p.Stamp = h.guard.Stamp(h.settings(c).Secret, askStampForm)
	if err := h.renderStatus(c, status, "question_ask", p); err != nil {
		return err
	}
	noTrace(c)
	return nil
}

// askSubmit receives what a resident sends. In order: the honeypot and the
// form stamp; the fields and the file, checked but not stored; the
// address's limit; an identical earlier submission; then the file and the
// item are stored and the asker gets the receipt. Every refusal comes
// before anything is stored, so a refused submission leaves nothing.
func (h *handler) askSubmit(c *fiber.Ctx) error {
	noTrace(c)
	ctx := c.UserContext()
	f := parseAskInput(c)
	villages, err := h.store.Villages(ctx)
	if err != nil {
		return err
	}
	if err := h.guard.CheckForm(h.settings(c).Secret, askStampForm,
		c.FormValue(abuse.StampField), c.FormValue(abuse.HoneypotField)); err != nil {
		return h.askRefused(c, f, villages, err)
	}
	errs := f.validate(villages)
	if about, err := h.aboutOf(c, f.About, errs); err != nil || about == nil {
		if err != nil {
			return err
		}
		f.About = ""
	}
	up, err := readAskUpload(c, errs)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		fileNotKept(c, errs)
		return h.renderAskForm(c, f, errs, "", fiber.StatusUnprocessableEntity)
	}
	if err := h.guard.Allow(abuse.Question, c.IP()); err != nil {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(abuse.As(err).RetryAfterSeconds()))
		return h.askRefused(c, f, villages, err)
	}
	code, err := h.storeQuestion(c, &f, up)
	if errors.Is(err, store.ErrAlreadyReceived) {
		return h.renderAlreadyReceived(c)
	}
	if errors.Is(err, store.ErrAboutNotPublic) {
		// The plan was withdrawn while the resident typed.
		f.About = ""
		errs := fieldErrors{paramAbout: aboutGone}
		fileNotKept(c, errs)
		return h.renderAskForm(c, f, errs, "", fiber.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	h.setTrackCookie(c, code)
	return c.Redirect(receiptPath, fiber.StatusSeeOther)
}

// askRefused answers a submission that the abuse checks refused: a bot's
// filled honeypot gets the error page; anyone else gets the form back with
// what they typed and why it was not sent.
func (h *handler) askRefused(c *fiber.Ctx, f askInput, villages []store.Village, err error) error {
	r := abuse.As(err)
	c.Locals(localRefusal, err.Error())
	if r.Kind == abuse.Honeypot {
		return &httpError{status: r.Status, message: r.Message, cause: err}
	}
	msg := r.Message
	if r.Kind == abuse.TooFast {
		msg = "Biểu mẫu được gửi quá nhanh sau khi mở nên chưa được nhận (để chặn máy tự động). " +
			"Nội dung bạn nhập vẫn còn dưới đây: đợi vài giây rồi bấm Gửi lại."
	}
	errs := f.validate(villages)
	fileNotKept(c, errs)
	return h.renderAskForm(c, f, errs, msg, r.Status)
}

// storeQuestion stores a valid submission, its file first, and returns
// the asker's code; store.ErrAlreadyReceived for an identical one, found
// before the file is stored. The store commits with synchronous=FULL:
// once this returns, the item survives a power cut, so the receipt never
// shows a code that is lost.
func (h *handler) storeQuestion(c *fiber.Ctx, f *askInput, up *askUpload) (tracking.Code, error) {
	ctx := c.UserContext()
	key := f.dupKey()
	if seen, err := h.store.QuestionReceived(ctx, key); err != nil || seen {
		if seen {
			err = store.ErrAlreadyReceived
		}
		return tracking.Code{}, err
	}
	nq := store.NewQuestion{
		Kind: f.Kind, Topic: f.Topic, VillageID: f.villageID, Channel: store.ChannelWeb,
		Title: f.Title, Body: f.Body, AskerName: f.Name, NamePublic: f.NamePublic && f.Name != "",
		Contact: f.contact, DupKey: key,
	}
	if f.About != "" {
		nq.AboutID, _ = parseIDKey(f.About)
	}
	if f.Kind == rules.KindInfoRequest {
		nq.Identity = &store.Identity{FullName: f.IDName, Address: f.IDAddress, IDNumber: f.idNumber}
		if nq.AskerName == "" {
			nq.AskerName = f.IDName
		}
	}
	if up != nil {
		a, err := h.store.SaveAttachment(ctx, up.name, up.mime, up.data, 0)
		if err != nil {
			return tracking.Code{}, err
		}
		nq.Files = []store.NewQuestionFile{{AttachmentID: a.ID, Stripped: up.stripped}}
	}
	code, err := tracking.New()
	if err != nil {
		return code, err
	}
	nq.CodeHash = code.Hash()
	if f.isEmail {
		nq.MailCode = code.String()
	}
	_, err = h.store.SubmitQuestion(ctx, nq, 0)
	return code, err
}

// fileNotKept tells a resident whose form comes back that the file they
// chose must be chosen again: no browser lets a page refill a file field.
func fileNotKept(c *fiber.Ctx, errs fieldErrors) {
	if errs["file"] != "" {
		return
	}
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		errs["file"] = "Tệp “" + cleanFilename(fh.Filename) + "” chưa được lưu vì biểu mẫu chưa gửi được, " +
			"và trình duyệt không giữ lại tệp đã chọn: hãy chọn lại tệp trước khi gửi."
	}
}

type receivedPage struct {
	Base
	TrackPath string
}

// renderAlreadyReceived answers an identical resubmission. It says only
// that the content arrived: never which item, never a link to its page,
// which belongs to whoever holds that item's code.
func (h *handler) renderAlreadyReceived(c *fiber.Ctx) error {
	p := &receivedPage{Base: h.base(c, "Nội dung này đã được nhận"), TrackPath: trackPath}
	p.NoIndex = true
	if err := h.renderStatus(c, fiber.StatusOK, "question_received", p); err != nil {
		return err
	}
	noTrace(c)
	return nil
}

// noTrace marks a response of the asker's pages: kept by no cache, and
// never sent as a Referer to another page or site.
func noTrace(c *fiber.Ctx) {
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
}
