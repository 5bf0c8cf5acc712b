package portal

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// moderationListSize is how many comments of each state the officers'
// page shows at once; each list pages by key on its own parameter.
const moderationListSize = 50

// Query parameters of the officers' page: where each list resumes.
const (
	paramPendingAfter  = "cho-sau"
	paramAcceptedAfter = "duyet-sau"
	paramRejectedAfter = "tu-choi-sau"
)

type commentList struct {
	Comments []store.Comment
	Next     string // the list's next page, "" at the end
}

type moderationPage struct {
	Base
	D        store.Disclosure
	Window   *store.CommentWindow // nil: no window yet
	State    string
	Opens    string // the window form as typed
	Closes   string
	Pending  commentList
	Accepted commentList
	Rejected commentList
	Errors   fieldErrors
	// Decision holds the typed values of a synthesis form sent back with
	// errors, by comment id.
	Decision map[int64][2]string
	// CanPublish: the window closed, nothing pending and every accepted
	// comment decided.
	CanPublish bool
}

// moderationTarget loads the working copy of the item in the URL, which
// must be of the comment category.
func (h *handler) moderationTarget(c *fiber.Ctx) (store.Disclosure, error) {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return d, err
	}
	if d.Category != store.CommentCategory {
		return d, errNotFound()
	}
	return d, nil
}

// commentModeration is the officers' page of a draft's comments: the
// window, the queue of pending comments, the accepted ones with the
// synthesis form, the rejected ones, and publishing the synthesis.
func (h *handler) commentModeration(c *fiber.Ctx) error {
	d, err := h.moderationTarget(c)
	if err != nil {
		return err
	}
	return h.renderModeration(c, d, "", "", nil, nil, fiber.StatusOK)
}

func (h *handler) renderModeration(c *fiber.Ctx, d store.Disclosure, opens, closes string, errs fieldErrors,
	decision map[int64][2]string, status int) error {
	ctx := c.UserContext()
	p := &moderationPage{Base: h.base(c, "Lấy ý kiến: "+d.Title), D: d, Errors: errs, Decision: decision,
		Opens: opens, Closes: closes}
	w, err := h.store.CommentWindow(ctx, d.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return err
	default:
		p.Window = &w
		p.State = w.StateOn(today(time.Now()))
		if opens == "" && closes == "" {
			p.Opens, p.Closes = isoDate(w.OpensOn), isoDate(w.ClosesOn)
		}
		lists := []struct {
			state, param string
			into         *commentList
		}{
			{store.CommentPending, paramPendingAfter, &p.Pending},
			{store.CommentAccepted, paramAcceptedAfter, &p.Accepted},
			{store.CommentRejected, paramRejectedAfter, &p.Rejected},
		}
		for _, l := range lists {
			var after int64
			if k := c.Query(l.param); k != "" {
				after, _ = parseIDKey(k)
			}
			rows, err := h.store.OfficerComments(ctx, d.ID, l.state, after, moderationListSize+1)
			if err != nil {
				return err
			}
			if len(rows) > moderationListSize {
				rows = rows[:moderationListSize]
				l.into.Next = officerCommentsPath(d.ID) + "?" + l.param + "=" + idKey(rows[len(rows)-1].ID) + "#" + l.state
			}
			l.into.Comments = rows
		}
		p.CanPublish = p.State == store.WindowClosed && !w.Published() && w.Pending == 0 && undecided(p.Accepted.Comments) == 0
	}
	p.NoIndex = true
	return h.renderStatus(c, status, "comment_moderation", p)
}

// undecided counts the comments of the page without a decision; the store
// checks the whole list again when publishing.
func undecided(cs []store.Comment) int {
	n := 0
	for _, c := range cs {
		if c.Decision == "" {
			n++
		}
	}
	return n
}

// commentWindowSave opens or moves the comment window.
func (h *handler) commentWindowSave(c *fiber.Ctx) error {
	d, err := h.moderationTarget(c)
	if err != nil {
		return err
	}
	opensText, closesText := formText(c, "opens_on"), formText(c, "closes_on")
	errs := fieldErrors{}
	opens, err := parseCivilDate(opensText)
	if err != nil {
		errs["opens_on"] = "Vui lòng nhập ngày bắt đầu lấy ý kiến (ngày/tháng/năm)."
	}
	closes, err := parseCivilDate(closesText)
	if err != nil {
		errs["closes_on"] = "Vui lòng nhập ngày kết thúc lấy ý kiến (ngày/tháng/năm)."
	} else if len(errs) == 0 && closes.Before(opens) {
		errs["closes_on"] = "Ngày kết thúc phải từ ngày bắt đầu trở đi."
	}
	if len(errs) > 0 {
		return h.renderModeration(c, d, opensText, closesText, errs, nil, fiber.StatusUnprocessableEntity)
	}
	if err := h.store.SetCommentWindow(c.UserContext(), d.ID, opens, closes, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã lưu thời gian lấy ý kiến: từ "+fmtDate(opens)+" đến hết "+fmtDate(closes)+".")
	return c.Redirect(officerCommentsPath(d.ID), fiber.StatusSeeOther)
}

// commentID reads the comment id of the URL.
func commentID(c *fiber.Ctx) (int64, error) {
	id, err := strconv.ParseInt(c.Params("cid"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound()
	}
	return id, nil
}

// commentModerate accepts or rejects a pending comment; a rejection needs
// a reason, which stays with the officers.
func (h *handler) commentModerate(c *fiber.Ctx) error {
	d, err := h.moderationTarget(c)
	if err != nil {
		return err
	}
	cid, err := commentID(c)
	if err != nil {
		return err
	}
	accept := c.FormValue("action") == "accept"
	reason := formText(c, "reason")
	if !accept {
		errs := fieldErrors{}
		plainText(errs, "reason", reason, "lý do từ chối", true, 600)
		if msg := errs["reason"]; msg != "" {
			return h.renderModeration(c, d, "", "", fieldErrors{reasonField(cid): msg}, nil, fiber.StatusUnprocessableEntity)
		}
	}
	if err := h.store.ModerateComment(c.UserContext(), d.ID, cid, accept, reason, currentUser(c).ID); err != nil {
		return err
	}
	if accept {
		h.setFlash(c, "Đã duyệt ý kiến #"+itoa(cid)+": ý kiến hiện công khai dưới dự thảo.")
	} else {
		h.setFlash(c, "Đã từ chối ý kiến #"+itoa(cid)+".")
	}
	return c.Redirect(officerCommentsPath(d.ID)+"#"+store.CommentPending, fiber.StatusSeeOther)
}

// reasonField, decisionField and explanationField name the per-comment
// fields of the officers' page (ids must be unique on the page).
func reasonField(cid int64) string      { return "reason-" + itoa(cid) }
func decisionField(cid int64) string    { return "decision-" + itoa(cid) }
func explanationField(cid int64) string { return "explanation-" + itoa(cid) }

// commentDecide records the synthesis entry of an accepted comment.
func (h *handler) commentDecide(c *fiber.Ctx) error {
	d, err := h.moderationTarget(c)
	if err != nil {
		return err
	}
	cid, err := commentID(c)
	if err != nil {
		return err
	}
	decision, explanation := formText(c, "decision"), formText(c, "explanation")
	errs := fieldErrors{}
	if !store.IsDecision(decision) {
		errs[decisionField(cid)] = "Vui lòng chọn kết quả: tiếp thu, tiếp thu một phần hoặc không tiếp thu."
	}
	plainText(errs, "explanation", explanation, "giải trình", decision != store.DecisionTaken, 2000)
	if msg := errs["explanation"]; msg != "" {
		delete(errs, "explanation")
		errs[explanationField(cid)] = msg
	}
	if len(errs) > 0 {
		return h.renderModeration(c, d, "", "", errs, map[int64][2]string{cid: {decision, explanation}},
			fiber.StatusUnprocessableEntity)
	}
	if err := h.store.SetCommentDecision(c.UserContext(), d.ID, cid, decision, explanation, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã ghi kết quả tiếp thu ý kiến #"+itoa(cid)+".")
	return c.Redirect(officerCommentsPath(d.ID)+"#y-kien-"+itoa(cid), fiber.StatusSeeOther)
}

// synthesisPublish publishes the synthesis; from then on it is fixed.
func (h *handler) synthesisPublish(c *fiber.Ctx) error {
	d, err := h.moderationTarget(c)
	if err != nil {
		return err
	}
	if err := h.store.PublishSynthesis(c.UserContext(), d.ID, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã công bố bảng tổng hợp tiếp thu, giải trình.")
	return c.Redirect(itemPath(d.ID)+"#y-kien", fiber.StatusSeeOther)
}

// DecisionOf is the decision and explanation the synthesis form of c
// shows: as typed when the form came back with errors, else as saved.
func (p *moderationPage) DecisionOf(c store.Comment) [2]string {
	if v, ok := p.Decision[c.ID]; ok {
		return v
	}
	return [2]string{c.Decision, c.Explanation}
}
