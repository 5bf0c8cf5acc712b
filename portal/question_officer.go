package portal

import (
	"context"
	"errors"
	"html/template"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/pii"
	"minhbach/portal/qclock"
	"minhbach/portal/rules"
	"minhbach/store"
)

// The item page of the officers' inbox: everything about one item, and a
// form for each action its state allows.

type officerQuestionPage struct {
	Base
	Q        store.Question
	Events   []store.QuestionEvent
	Identity *store.Identity
	Standing qclock.Standing
	VeryLate time.Time
	// Late: past the due date with no answer yet, so the answer needs an
	// apology (the commune's policy, checked by the store too).
	Late         bool
	Units        []store.Unit
	Officers     []store.User
	Templates    []store.ReplyTemplate
	Suggestions  []piiSuggestion
	ExtensionMax int
	Today        string // ISO, the latest date a form accepts
	AnswerHTML   template.HTML
	Form         actionForm
	Errors       fieldErrors
	Reception    store.Reception // the reception session it was raised at
}

// piiSuggestion is a piece of personal data found in the original text.
type piiSuggestion struct {
	Where, Kind, Text string
}

var piiKindLabels = map[pii.Kind]string{
	pii.Phone:      "Số điện thoại",
	pii.NationalID: "Số CCCD/CMND",
	pii.Email:      "Thư điện tử",
	pii.Address:    "Địa chỉ nhà",
}

// Can reports whether the item's state allows action a, so that its form
// shows. The store checks again when the form is sent.
func (p *officerQuestionPage) Can(a string) bool {
	switch a {
	case store.ActProtect:
		return !p.Q.Protected && store.Allowed(p.Q.State, a)
	case store.ActPublishFile:
		return !p.Q.Protected && store.Allowed(p.Q.State, a)
	}
	return store.Allowed(p.Q.State, a)
}

// ErrorSummary lists the errors of the form that was sent, in page order.
func (p *officerQuestionPage) ErrorSummary() []fieldError { return p.Errors.inOrder(actionFields) }

// UnitOptions and OfficerOptions feed the assignment form's selects.
func (p *officerQuestionPage) UnitOptions() []fieldOption { return unitOptions(p.Units) }

func (p *officerQuestionPage) OfficerOptions() []fieldOption {
	var out []fieldOption
	for _, u := range p.Officers {
		label := u.Name
		if u.UnitName != "" {
			label += " (" + u.UnitName + ")"
		}
		out = append(out, fieldOption{itoa(u.ID), label})
	}
	return out
}

// TemplateOptions lists the reply templates of the item's topic.
func (p *officerQuestionPage) TemplateOptions() []fieldOption {
	var out []fieldOption
	for _, t := range p.Templates {
		label := t.Title
		if t.Topic == "" {
			label += " (mọi chủ đề)"
		}
		out = append(out, fieldOption{itoa(t.ID), label})
	}
	return out
}

// PrivateFiles are the item's files not yet public.
func (p *officerQuestionPage) PrivateFiles() []store.QuestionFile {
	var out []store.QuestionFile
	for _, f := range p.Q.Files {
		if !f.Public {
			out = append(out, f)
		}
	}
	return out
}

// IsInfoRequest reports whether the item is a request for information.
func (p *officerQuestionPage) IsInfoRequest() bool { return p.Q.Kind == rules.KindInfoRequest }

func parseQuestionID(c *fiber.Ctx) (int64, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound()
	}
	return id, nil
}

// questionShow is an item's page for officers.
func (h *handler) questionShow(c *fiber.Ctx) error {
	id, err := parseQuestionID(c)
	if err != nil {
		return err
	}
	q, err := h.store.Question(c.UserContext(), id)
	if err != nil {
		return err
	}
	return h.renderQuestion(c, q, actionForm{}, nil)
}

// renderQuestion shows the item with the forms' values as sent (or their
// defaults) and errors (422) or none.
func (h *handler) renderQuestion(c *fiber.Ctx, q store.Question, form actionForm, errs fieldErrors) error {
	ctx := c.UserContext()
	now := time.Now()
	d := today(now)
	p := &officerQuestionPage{
		Base: h.base(c, q.Title), Q: q, Errors: errs,
		Standing: h.questionStanding(q, now),
		Late:     q.IsOpen() && q.FirstAnsweredAt.IsZero() && d.After(q.DueOn),
		Today:    isoDate(d),
	}
	p.NoIndex = true
	// The store may find the item late when this page did not (its day
	// turned meanwhile): then the apology field shows with its error.
	p.Late = p.Late || errs.Get("apology") != ""
	p.AnswerHTML = h.richHTML(q.Answer)
	var err error
	cal := h.calendar()
	if !q.ClockStart.IsZero() && !(q.State == store.QReceived && q.Protected) {
		p.VeryLate = q.Clock().VeryLate(cal)
	}
	if p.Events, err = h.store.QuestionEvents(ctx, q.ID, store.ForOfficer); err != nil {
		return err
	}
	if p.Reception, err = h.questionReception(c, q, false); err != nil {
		return err
	}
	if q.Kind == rules.KindInfoRequest {
		switch in, err := h.store.QuestionIdentity(ctx, q.ID); {
		case err == nil:
			p.Identity = &in
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
	}
	if p.Units, err = h.store.Units(ctx); err != nil {
		return err
	}
	users, err := h.store.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if u.Active {
			p.Officers = append(p.Officers, u)
		}
	}
	if p.Templates, err = h.store.ReplyTemplates(ctx, q.Topic); err != nil {
		return err
	}
	if p.ExtensionMax, err = h.limitInForce(ctx, q.Kind, q.Topic, rules.LimitExtension); err != nil {
		return err
	}
	st := h.settings(c)
	allow := []string{st.Phone, st.Email}
	title, body := pii.FindExcept(q.Title, allow), pii.FindExcept(q.Body, allow)
	for _, s := range title {
		p.Suggestions = append(p.Suggestions, piiSuggestion{"Tiêu đề", piiKindLabels[s.Kind], q.Title[s.Start:s.End]})
	}
	for _, s := range body {
		p.Suggestions = append(p.Suggestions, piiSuggestion{"Nội dung", piiKindLabels[s.Kind], q.Body[s.Start:s.End]})
	}
	p.Form = form.withDefaults(q, map[string]string{
		"accept_title": pii.Redact(q.Title, title, pii.Mark),
		"accept_body":  pii.Redact(q.Body, body, pii.Mark),
		"answer":       q.AnswerDraft,
		"unit_id":      idOrEmpty(q.UnitID),
		"assignee_id":  idOrEmpty(q.AssigneeID),
		"provide_on":   isoDate(d),
		"outcome":      q.Outcome,
	})
	return h.renderStatus(c, formStatus(errs), "question_officer", p)
}

func idOrEmpty(id int64) string {
	if id == 0 {
		return ""
	}
	return itoa(id)
}

// limitInForce is the clock value that applies to a new item of a kind and
// topic: an administrator's value for the topic, else for the kind, else
// the legal default (as the store reads it).
func (h *handler) limitInForce(ctx context.Context, kind, topic, name string) (int, error) {
	ls, err := h.store.QuestionLimits(ctx)
	if err != nil {
		return 0, err
	}
	v, _ := limitOf(ls, kind, topic, name)
	return v, nil
}

// limitOf picks the value in force from the administrators' values and
// the defaults; set reports whether an administrator's value applies.
func limitOf(ls []store.QuestionLimit, kind, topic, name string) (days int, set bool) {
	for _, l := range ls {
		if l.Kind == kind && l.Name == name && l.Topic == topic && topic != "" {
			return l.Days, true
		}
	}
	for _, l := range ls {
		if l.Kind == kind && l.Name == name && l.Topic == "" {
			return l.Days, true
		}
	}
	d, _ := rules.DefaultLimit(kind, name)
	return d.Days, false
}
