package portal

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/land"
	"minhbach/store"
)

// paramAbout is the question form's parameter naming the plan a question
// is about: /hoi-dap/gui?ve=42 ("về": about).
const paramAbout = "ve"

// publicPlan returns a public compensation plan (published, or withdrawn
// and still readable); anything else is not found.
func (h *handler) publicPlan(c *fiber.Ctx, id int64) (store.Disclosure, error) {
	if id <= 0 {
		return store.Disclosure{}, store.ErrNotFound
	}
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if err != nil {
		return d, err
	}
	if d.Internal || d.Category != land.CategoryCompensation || d.Kind != land.KindCompensation {
		return store.Disclosure{}, store.ErrNotFound
	}
	return d, nil
}

// aboutTarget returns the plan a question may be about: a published
// compensation plan (not a withdrawn one). Anything else is not found.
func (h *handler) aboutTarget(c *fiber.Ctx, id int64) (store.Disclosure, error) {
	d, err := h.publicPlan(c, id)
	if err == nil && !d.IsPublished() {
		err = store.ErrNotFound
	}
	return d, err
}

// aboutOf reads the form's plan: the disclosure, or nil when the form
// names none or one that cannot be chosen (then errs["ve"] says so when
// errs is not nil: a form that was sent).
func (h *handler) aboutOf(c *fiber.Ctx, value string, errs fieldErrors) (*store.Disclosure, error) {
	if value == "" {
		return nil, nil
	}
	id, ok := parseIDKey(value)
	if !ok {
		id = 0
	}
	d, err := h.aboutTarget(c, id)
	if errors.Is(err, store.ErrNotFound) {
		if errs != nil {
			errs[paramAbout] = aboutGone
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// aboutGone explains why a question cannot be tied to the plan it named.
const aboutGone = "Phương án bồi thường mà câu hỏi nhắc đến không có hoặc không còn công khai, nên câu hỏi không gắn được với phương án đó. " +
	"Bạn vẫn gửi được câu hỏi: bấm Gửi lần nữa, câu hỏi sẽ được gửi như câu hỏi thông thường."

// planQuestionsPage lists the published questions about one plan.
type planQuestionsPage struct {
	Base
	D     store.Disclosure
	Items []questionRow
	Pager pager
}

// planQuestions is /cong-khai/{id}/cau-hoi: every published question about
// a compensation plan, newest change first, paged by key; a withdrawn
// plan keeps its questions readable.
func (h *handler) planQuestions(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	d, err := h.publicPlan(c, id)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	items, pg, err := h.questionPage(ctx, pageRequest(c, planQuestionsPath(d.ID), listSize),
		store.QuestionFilter{Public: true, AboutID: d.ID})
	if err != nil {
		return err
	}
	p := &planQuestionsPage{Base: h.base(c, "Câu hỏi về phương án: "+d.Title), D: d, Pager: pg}
	if p.Items, err = h.questionRows(ctx, items, time.Now()); err != nil {
		return err
	}
	p.Canonical = canonical(p.Settings, planQuestionsPath(d.ID))
	return h.render(c, "plan_questions", p)
}

// questionAboutPlan is the plan a question is about, for the question's
// page to link back; nil when none or when the plan is no longer public.
func (h *handler) questionAboutPlan(c *fiber.Ctx, questionID int64) (*store.Disclosure, error) {
	id, err := h.store.QuestionAbout(c.UserContext(), questionID)
	if err != nil || id == 0 {
		return nil, err
	}
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &d, nil
}
