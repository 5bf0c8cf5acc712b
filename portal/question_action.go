package portal

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/rules"
	"minhbach/store"
)

// The officers' actions on an item: one form per action, each posting to
// officerQuestionActionPath(id, action). The handler checks the form, makes
// one store call and goes back to the item; the store checks again, in
// the transaction, that the item's state allows the action, so two
// officers acting at once cannot both succeed where only one may.

// actionFields are every field of the item page's forms, in page order;
// names are unique on the page, so one error map serves every form.
var actionFields = []string{
	"accept_title", "accept_body", "complex",
	"ground", "duplicate_of", "reject_note",
	"forward_to", "forward_note",
	"unit_id", "assignee_id",
	"request_note", "provide_note", "provide_on",
	"extend_days", "extend_note",
	"template_id", "answer", "apology", "outcome", "disclosure_id",
	"attachment_id", "dismiss_note", "protect_as", "protect_confirm", "note",
	"redact_text", "redact_reason",
}

// actionForm is the values of the item page's forms as sent.
type actionForm map[string]string

// Get is a field's value; templates call it.
func (f actionForm) Get(name string) string { return f[name] }

func readActionForm(c *fiber.Ctx) actionForm {
	// A field the form sent, even empty, keeps its value on the page: a
	// cleared answer must not come back as the saved draft.
	f := actionForm{}
	args := c.Request().PostArgs()
	for _, n := range actionFields {
		if args.Has(n) {
			f[n] = strings.TrimSpace(string(args.Peek(n)))
		}
	}
	return f
}

// withDefaults fills the fields the officer did not send with what the
// item suggests: the redacted copy, the saved draft, the unit in charge.
func (f actionForm) withDefaults(q store.Question, defaults map[string]string) actionForm {
	out := actionForm{}
	for k, v := range defaults {
		out[k] = v
	}
	for k, v := range f {
		out[k] = v
	}
	return out
}

// Field limits of the action forms, in characters.
const (
	maxPublicBody = 20000
	maxActionNote = 2000
	maxPrivate    = 5000
	maxApology    = 1000
	maxOutcome    = 3000
	maxForwardTo  = 200
)

// actionFlash is the message after each action.
var actionFlash = map[string]string{
	store.ActAccept:      "Đã tiếp nhận. Câu hỏi (bản đã che thông tin cá nhân) đã được công khai.",
	store.ActReject:      "Đã ghi nhận không tiếp nhận, kèm lý do công khai.",
	store.ActForward:     "Đã ghi nhận chuyển cơ quan có thẩm quyền.",
	store.ActAssign:      "Đã giao đơn vị xử lý.",
	store.ActNote:        "Đã lưu ghi chú nội bộ.",
	store.ActRequestInfo: "Đã đề nghị người hỏi bổ sung thông tin. Thời hạn tạm dừng cho đến khi họ trả lời.",
	store.ActProvideInfo: "Đã ghi nhận thông tin người hỏi bổ sung. Thời hạn được tính tiếp.",
	store.ActExtend:      "Đã gia hạn trả lời.",
	store.ActSaveDraft:   "Đã lưu bản nháp câu trả lời (chưa công khai).",
	store.ActAnswer:      "Đã công bố câu trả lời.",
	store.ActDismiss:     "Đã đóng mục này, không xử lý.",
	store.ActProtect:     "Đã chuyển sang diện bảo vệ người gửi. Nội dung không còn công khai.",
	store.ActPublishFile: "Đã công khai tệp cùng câu trả lời.",
}

// questionAct takes one action on an item.
func (h *handler) questionAct(c *fiber.Ctx) error {
	ctx := c.UserContext()
	id, err := parseQuestionID(c)
	if err != nil {
		return err
	}
	action := c.Params("action")
	if _, ok := actionFlash[action]; !ok {
		return errNotFound()
	}
	q, err := h.store.Question(ctx, id)
	if err != nil {
		return err
	}
	if !store.Allowed(q.State, action) {
		// Usually another officer acted first: say so rather than show a
		// form that no longer applies.
		return store.ErrTransition
	}
	form := readActionForm(c)
	if (action == store.ActAnswer || action == store.ActSaveDraft) && c.FormValue("use_template") != "" {
		return h.insertTemplate(c, q, form)
	}
	a, errs := h.parseAction(c, q, action, form)
	if len(errs) == 0 {
		err = h.store.Act(ctx, id, a, store.Actor{UserID: currentUser(c).ID})
		if field, msg := refusalField(action, err); field != "" {
			errs[field] = msg
			err = nil
		}
		if err != nil {
			return questionRefusal(err)
		}
	}
	if len(errs) > 0 {
		if f, ok := form["answer"]; ok && (dangerous.MatchString(f) || unsafeLink(f)) {
			form["answer"] = h.sanitize(f)
		}
		return h.renderQuestion(c, q, form, errs)
	}
	msg := actionFlash[action]
	if q.Protected {
		// Nothing of a protected item becomes public but its outcome.
		switch action {
		case store.ActAccept:
			msg = "Đã thụ lý. Thời hạn giải quyết bắt đầu tính từ hôm nay; nội dung không được công khai."
		case store.ActAnswer:
			msg = "Đã công bố kết quả giải quyết (chỉ phần kết quả được công khai)."
		}
	}
	h.setFlash(c, msg)
	return c.Redirect(officerQuestionPath(id), fiber.StatusSeeOther)
}

// refusalField turns a store refusal that a field of the form explains
// into that field's message; other refusals (the state changed meanwhile)
// stay errors, shown as 409.
func refusalField(action string, err error) (string, string) {
	switch {
	case err == nil:
		return "", ""
	case errors.Is(err, store.ErrApologyRequired):
		return "apology", "Câu trả lời đã quá hạn: vui lòng viết lời xin lỗi người hỏi."
	case errors.Is(err, store.ErrExtensionTooLong):
		return "extend_days", "Số ngày gia hạn vượt mức tối đa cho phép."
	case errors.Is(err, store.ErrDuplicateOriginal):
		return "duplicate_of", "Số này không phải một câu hỏi đang công khai khác. Nhập số của câu hỏi gốc (xem trong danh sách công khai)."
	case errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrReasonRequired):
		switch action {
		case store.ActAssign:
			return "assignee_id", "Cán bộ được chọn không còn hoạt động. Hãy chọn người khác."
		case store.ActProvideInfo:
			return "provide_on", "Ngày nhận thông tin phải từ ngày đề nghị bổ sung đến hôm nay."
		case store.ActProtect:
			return "protect_as", "Vui lòng chọn khiếu nại hoặc tố cáo."
		}
	}
	return "", ""
}

// questionRefusal makes a refusal of values the form should have caught
// a 422 rather than a server error; the state refusals go on to the 409
// page (storeRefusals).
func questionRefusal(err error) error {
	for _, r := range []error{store.ErrInvalid, store.ErrReasonRequired, store.ErrExtensionTooLong, store.ErrDuplicateOriginal} {
		if errors.Is(err, r) {
			return &httpError{status: fiber.StatusUnprocessableEntity, cause: err}
		}
	}
	return err
}

// parseAction checks the fields of one action's form and builds the step.
func (h *handler) parseAction(c *fiber.Ctx, q store.Question, action string, f actionForm) (store.Action, fieldErrors) {
	errs := fieldErrors{}
	a := store.Action{Kind: action}
	switch action {
	case store.ActAccept:
		if !q.Protected {
			plainText(errs, "accept_title", f["accept_title"], "tiêu đề công khai", true, maxTitle)
			plainText(errs, "accept_body", f["accept_body"], "nội dung công khai", true, maxPublicBody)
			a.PublicTitle, a.PublicBody = f["accept_title"], f["accept_body"]
		}
		a.Complex = q.Kind == rules.KindInfoRequest && f["complex"] == "1"

	case store.ActReject:
		a.Ground, a.Note = f["ground"], f["reject_note"]
		if _, ok := rejectGroundLabels[a.Ground]; !ok {
			errs["ground"] = "Vui lòng chọn lý do không tiếp nhận."
		}
		noteNeeded := a.Ground == store.RejectOther || q.Kind == rules.KindInfoRequest
		plainText(errs, "reject_note", a.Note, "giải thích", noteNeeded, maxActionNote)
		switch {
		case q.Kind == rules.KindInfoRequest && strings.TrimSpace(a.Note) == "":
			errs["reject_note"] = "Từ chối yêu cầu cung cấp thông tin phải nêu căn cứ pháp lý (Luật Tiếp cận thông tin 2016, Điều 6, Điều 7), ví dụ: “Thông tin thuộc bí mật nhà nước (Điều 6 khoản 1)”."
		case a.Ground == store.RejectOther && a.Note == "":
			errs["reject_note"] = "Với “Lý do khác”, vui lòng ghi rõ lý do (sẽ hiện công khai)."
		}
		if a.Ground == store.RejectDuplicate {
			n, ok := parseNumber(f["duplicate_of"])
			if !ok {
				errs["duplicate_of"] = "Vui lòng nhập số của câu hỏi gốc, ví dụ 125."
			}
			a.DuplicateOf = n
		}

	case store.ActForward:
		to, why := f["forward_to"], f["forward_note"]
		plainText(errs, "forward_to", to, "cơ quan nhận", true, maxForwardTo)
		plainText(errs, "forward_note", why, "lý do chuyển", true, maxActionNote)
		a.Note = "Chuyển đến: " + strings.TrimRight(to, ". ") + ". Lý do: " + why

	case store.ActAssign:
		units, err := h.store.Units(c.UserContext())
		if err != nil {
			errs["unit_id"] = "Không đọc được danh sách đơn vị; vui lòng thử lại."
			break
		}
		n, ok := parseNumber(f["unit_id"])
		if !ok || unitName(units, n) == "" {
			errs["unit_id"] = "Vui lòng chọn đơn vị xử lý trong danh sách."
		}
		a.UnitID = n
		if f["assignee_id"] != "" {
			n, ok := parseNumber(f["assignee_id"])
			if !ok {
				errs["assignee_id"] = "Vui lòng chọn cán bộ trong danh sách."
			}
			a.AssigneeID = n
		}

	case store.ActNote:
		a.Note = f["note"]
		if a.Note == "" {
			errs["note"] = "Vui lòng nhập ghi chú."
		} else if utf8.RuneCountInString(a.Note) > maxPrivate {
			errs["note"] = "Ghi chú quá dài (tối đa 5.000 ký tự)."
		}

	case store.ActRequestInfo:
		a.Note = f["request_note"]
		plainText(errs, "request_note", a.Note, "nội dung cần bổ sung", true, maxActionNote)

	case store.ActProvideInfo:
		a.Note = f["provide_note"]
		plainText(errs, "provide_note", a.Note, "thông tin người hỏi đã bổ sung", true, maxPrivate)
		d := today(time.Now())
		switch on, err := parseCivilDate(f["provide_on"]); {
		case f["provide_on"] == "":
			errs["provide_on"] = "Vui lòng nhập ngày nhận được thông tin."
		case err != nil:
			errs["provide_on"] = "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2026."
		case on.After(d):
			errs["provide_on"] = "Ngày nhận không được sau hôm nay (" + fmtDate(d) + ")."
		case on.Before(q.PausedSince):
			errs["provide_on"] = "Ngày nhận không được trước ngày đề nghị bổ sung (" + fmtDate(q.PausedSince) + ")."
		default:
			a.On = on
		}

	case store.ActExtend:
		a.Note = f["extend_note"]
		max, err := h.limitInForce(c.UserContext(), q.Kind, q.Topic, rules.LimitExtension)
		if err != nil {
			errs["extend_days"] = "Không đọc được mức gia hạn tối đa; vui lòng thử lại."
			break
		}
		n, err := strconv.Atoi(f["extend_days"])
		if err != nil || n < 1 || n > max {
			errs["extend_days"] = "Vui lòng nhập số ngày gia hạn từ 1 đến " + strconv.Itoa(max) + "."
		}
		a.Days = n
		plainText(errs, "extend_note", a.Note, "lý do gia hạn", true, maxActionNote)

	case store.ActSaveDraft, store.ActAnswer:
		a.Answer = h.answerHTML(f["answer"])
		switch {
		case action == store.ActAnswer && htmlToText(a.Answer) == "":
			errs["answer"] = "Vui lòng nhập câu trả lời."
		case utf8.RuneCountInString(f["answer"]) > maxBody:
			errs["answer"] = "Câu trả lời quá dài; hãy đưa phần dài vào một tin công khai rồi liên kết."
		case dangerous.MatchString(f["answer"]) || unsafeLink(f["answer"]):
			errs["answer"] = "Câu trả lời có mã hoặc liên kết không được phép. Hệ thống đã bỏ phần đó; hãy kiểm tra lại rồi gửi."
		}
		if action == store.ActSaveDraft {
			break
		}
		a.Apology = f["apology"]
		late := q.FirstAnsweredAt.IsZero() && today(time.Now()).After(q.DueOn)
		plainText(errs, "apology", a.Apology, "lời xin lỗi", late, maxApology)
		if q.Protected {
			a.Outcome = f["outcome"]
			plainText(errs, "outcome", a.Outcome, "kết quả công khai", true, maxOutcome)
		}
		if f["disclosure_id"] != "" {
			n, ok := parseNumber(f["disclosure_id"])
			d, err := h.store.Disclosure(c.UserContext(), n)
			if !ok || err != nil || !d.IsPublished() {
				errs["disclosure_id"] = "Số này không phải một tin đang công khai. Nhập số của tin (trong địa chỉ /cong-khai/…)."
			}
			a.DisclosureID = n
		}

	case store.ActDismiss:
		a.Note = f["dismiss_note"]
		plainText(errs, "dismiss_note", a.Note, "lý do đóng", true, maxActionNote)

	case store.ActProtect:
		a.ProtectAs = f["protect_as"]
		if !rules.Protected(a.ProtectAs) {
			errs["protect_as"] = "Vui lòng chọn khiếu nại hoặc tố cáo."
		}
		if f["protect_confirm"] != "1" {
			errs["protect_confirm"] = "Vui lòng đánh dấu xác nhận: việc chuyển này không thể hoàn tác."
		}

	case store.ActPublishFile:
		n, ok := parseNumber(f["attachment_id"])
		if !ok || !slices.ContainsFunc(q.Files, func(x store.QuestionFile) bool { return x.ID == n && !x.Public }) {
			errs["attachment_id"] = "Tệp này không còn trong mục hoặc đã được công khai."
		}
		a.AttachmentID = n
	}
	return a, errs
}

// answerHTML is an answer as stored: typed plain text becomes paragraphs,
// and everything goes through the one sanitiser.
func (h *handler) answerHTML(s string) string {
	if !markup.MatchString(s) {
		s = textToHTML(s)
	}
	return h.sanitize(s)
}

// parseNumber reads a positive id typed by an officer ("#125" too).
func parseNumber(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	return n, err == nil && n > 0
}

// insertTemplate shows the answer form again with a reply template added
// to what was typed: the "Dùng mẫu" button, which works without
// JavaScript. Nothing is saved.
func (h *handler) insertTemplate(c *fiber.Ctx, q store.Question, form actionForm) error {
	ts, err := h.store.ReplyTemplates(c.UserContext(), q.Topic)
	if err != nil {
		return err
	}
	n, _ := parseNumber(form["template_id"])
	i := slices.IndexFunc(ts, func(t store.ReplyTemplate) bool { return t.ID == n })
	if i < 0 {
		return h.renderQuestion(c, q, form, fieldErrors{"template_id": "Vui lòng chọn một mẫu trả lời trong danh sách."})
	}
	body := h.sanitize(ts[i].Body)
	if typed := form["answer"]; htmlToText(h.answerHTML(typed)) != "" {
		body = h.answerHTML(typed) + body
	}
	form["answer"] = body
	return h.renderQuestion(c, q, form, nil)
}
