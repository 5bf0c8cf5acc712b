package portal

import (
	"errors"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/store"
)

// The forms of the asker's page: the last segment of askerActionPath.
const (
	askerActConfirm = "xac-nhan" // the answer helped
	askerActReopen  = "mo-lai"   // it did not, with a reason
	askerActRate    = "danh-gia" // satisfaction 1–5
	askerActInfo    = "bo-sung"  // the clarification an officer asked for
)

// askerActs maps each form to the store's action.
var askerActs = map[string]string{
	askerActConfirm: store.ActConfirm,
	askerActReopen:  store.ActReopen,
	askerActRate:    store.ActRate,
	askerActInfo:    store.ActProvideInfo,
}

const (
	maxReopenReason = 2000
	maxInfo         = 5000
)

type receiptPage struct {
	Base
	Q         store.Question
	Code      string
	Kind      askKind
	TrackURL  string
	AskerPath string
	// Mailed: the asker left an e-mail address and the commune sends mail.
	Mailed bool
}

// receipt is the page after sending: the code, large, to write down or
// print, the due date and how to follow the item. It is a GET after the
// POST's redirect, so reloading it sends nothing twice; the code comes
// from the tracking cookie, never from the URL.
func (h *handler) receipt(c *fiber.Ctx) error {
	noTrace(c)
	q, code, err := h.trackedQuestion(c)
	if errors.Is(err, store.ErrNotFound) {
		return h.sessionEnded(c)
	}
	if err != nil {
		return err
	}
	p := &receiptPage{Base: h.base(c, "Đã nhận: mã tra cứu của bạn"), Q: q, Code: code.String(),
		TrackURL: h.settings(c).PortalURL + trackPath, AskerPath: askerPath,
		Mailed: strings.Contains(q.Contact, "@") && h.settings(c).MailEnabled()}
	for _, k := range askKinds {
		if k.Value == q.Kind {
			p.Kind = k
		}
	}
	p.NoIndex = true
	if err := h.render(c, "question_receipt", p); err != nil {
		return err
	}
	noTrace(c)
	return nil
}

type askerPage struct {
	Base
	Q        store.Question
	Code     string
	Events   []store.QuestionEvent
	Standing qclock.Standing
	Answer   template.HTML
	// InfoRequest is what an officer asked while the item waits for the
	// asker.
	InfoRequest string
	Errors      fieldErrors
	Refusal     string
	Reason      string
	Info        string
}

// Can reports whether the asker may use a form of the page now: the store
// decides again when the form is sent. A complaint or denunciation is not
// confirmed, reopened or rated here: its outcome follows its own law.
func (p *askerPage) Can(form string) bool {
	act := askerActs[form]
	switch {
	case !store.Allowed(p.Q.State, act):
		return false
	case p.Q.Protected:
		return act == store.ActProvideInfo
	case act == store.ActReopen:
		return p.Q.ReopenCount < rules.MaxReopens
	}
	return true
}

// RejectReason is a rejection's public reason in words: its ground, then
// the officer's note, if any.
func (p *askerPage) RejectReason() string {
	ground, note, _ := strings.Cut(p.Q.Reason, ": ")
	label, ok := rejectGroundLabels[ground]
	if !ok {
		return p.Q.Reason
	}
	if note != "" {
		return label + ": " + note
	}
	return label
}

// PublicPath is the item's public page, "" while it has none.
func (p *askerPage) PublicPath() string {
	if !p.Q.Listed() {
		return ""
	}
	return questionPath(p.Q.ID)
}

// DuplicatePath is the public page of the question this one duplicates.
func (p *askerPage) DuplicatePath() string {
	if p.Q.DuplicateOf == 0 {
		return ""
	}
	return questionPath(p.Q.DuplicateOf)
}

// ReopensLeft is how many times the asker may still reopen the item.
func (p *askerPage) ReopensLeft() int { return rules.MaxReopens - p.Q.ReopenCount }

func (p *askerPage) Ratings() []int { return []int{1, 2, 3, 4, 5} }

func (p *askerPage) ActionPath(form string) string { return askerActionPath(form) }

func (p *askerPage) ExitPath() string { return trackExitPath }

// AskerFiles are the files the asker sent.
func (p *askerPage) AskerFiles() []store.QuestionFile {
	var out []store.QuestionFile
	for _, f := range p.Q.Files {
		if f.FromAsker {
			out = append(out, f)
		}
	}
	return out
}

// asker is the asker's private page.
func (h *handler) asker(c *fiber.Ctx) error {
	noTrace(c)
	q, code, err := h.trackedQuestion(c)
	if errors.Is(err, store.ErrNotFound) {
		return h.sessionEnded(c)
	}
	if err != nil {
		return err
	}
	return h.renderAsker(c, q, code, &askerPage{}, fiber.StatusOK)
}

func (h *handler) renderAsker(c *fiber.Ctx, q store.Question, code tracking.Code, p *askerPage, status int) error {
	events, err := h.store.QuestionEvents(c.UserContext(), q.ID, store.ForAsker)
	if err != nil {
		return err
	}
	// Not the code: a title stays in the browser's history.
	p.Base = h.base(c, "Trang theo dõi")
	p.Q, p.Code = q, code.String()
	p.Standing = h.questionStanding(q, time.Now())
	p.Answer = h.richHTML(q.Answer)
	if !q.Protected {
		p.Events = events
	}
	if q.State == store.QWaiting {
		for _, e := range events {
			if e.Action == "info_requested" {
				p.InfoRequest = e.Note
			}
		}
	}
	p.CSRF = h.csrfToken(c)
	p.NoIndex = true
	h.setTrackCookie(c, code) // 30 more minutes from now
	if err := h.renderStatus(c, status, "question_asker", p); err != nil {
		return err
	}
	noTrace(c)
	return nil
}

// askerRefusals are the store's refusals of an asker's action, in the
// asker's words. The page comes back with the message, never the generic
// error page, which a cache may keep.
var askerRefusals = []struct {
	err error
	msg string
}{
	{store.ErrTooManyReopens, "Câu hỏi đã được mở lại tối đa số lần cho phép nên không mở lại được nữa. " +
		"Nếu vẫn chưa đồng ý với câu trả lời, bạn có thể gửi phản ánh mới hoặc khiếu nại."},
	{store.ErrTransition, "Thao tác này không thực hiện được ở trạng thái hiện tại (có thể cán bộ xã vừa cập nhật). " +
		"Trang dưới đây cho thấy trạng thái mới nhất."},
	{store.ErrInvalid, "Giá trị gửi lên không hợp lệ. Vui lòng chọn lại."},
	{store.ErrReasonRequired, "Vui lòng nhập nội dung trước khi gửi."},
}

// askerAct takes one of the asker's actions on their item.
func (h *handler) askerAct(c *fiber.Ctx) error {
	noTrace(c)
	form := c.Params("action")
	act, ok := askerActs[form]
	if !ok {
		return errNotFound()
	}
	q, code, err := h.trackedQuestion(c)
	if errors.Is(err, store.ErrNotFound) {
		return h.sessionEnded(c)
	}
	if err != nil {
		return err
	}
	p := &askerPage{Reason: formText(c, "reason"), Info: formText(c, "info"), Errors: fieldErrors{}}
	a := store.Action{Kind: act}
	switch act {
	case store.ActReopen:
		residentText(p.Errors, "reason", p.Reason, "lý do mở lại", true, maxReopenReason)
		a.Note = p.Reason
	case store.ActProvideInfo:
		residentText(p.Errors, "info", p.Info, "thông tin bổ sung", true, maxInfo)
		a.Note = p.Info
	case store.ActRate:
		a.Rating, _ = strconv.Atoi(c.FormValue("rating"))
		if a.Rating < 1 || a.Rating > 5 {
			p.Errors["rating"] = "Vui lòng chọn mức hài lòng từ 1 đến 5."
		}
	}
	if len(p.Errors) > 0 {
		return h.renderAsker(c, q, code, p, fiber.StatusUnprocessableEntity)
	}
	if q.Protected && act != store.ActProvideInfo {
		p.Refusal = "Khiếu nại, tố cáo được giải quyết theo luật riêng: kết quả không xác nhận, mở lại hay đánh giá ở đây. " +
			"Nếu không đồng ý với kết quả, bạn có quyền khiếu nại, tố cáo tiếp theo quy định."
		return h.renderAsker(c, q, code, p, fiber.StatusConflict)
	}
	err = h.store.Act(c.UserContext(), q.ID, a, store.Actor{Resident: true})
	for _, r := range askerRefusals {
		if errors.Is(err, r.err) {
			if q2, err := h.store.Question(c.UserContext(), q.ID); err == nil {
				q = q2
			}
			p.Refusal = r.msg
			c.Locals(localRefusal, err.Error())
			return h.renderAsker(c, q, code, p, fiber.StatusConflict)
		}
	}
	if err != nil {
		return err
	}
	h.setFlash(c, askerDone[act])
	return c.Redirect(askerPath, fiber.StatusSeeOther)
}

var askerDone = map[string]string{
	store.ActConfirm:     "Cảm ơn bạn đã xác nhận câu trả lời đã giải đáp được câu hỏi.",
	store.ActReopen:      "Đã mở lại câu hỏi. Cán bộ xã sẽ trả lời lại; thời hạn được tính lại từ hôm nay.",
	store.ActRate:        "Cảm ơn bạn đã đánh giá.",
	store.ActProvideInfo: "Đã gửi thông tin bổ sung. Thời hạn trả lời được tính tiếp từ hôm nay.",
}
