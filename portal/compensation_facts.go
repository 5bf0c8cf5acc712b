package portal

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/land"
	"minhbach/portal/rules"
	"minhbach/store"
)

// Limits of the compensation facts form, in characters.
const (
	maxProject        = 400
	maxMeetingPlace   = 200
	maxMeetingOutcome = 4000
)

// compensationForm is the compensation facts form as typed.
type compensationForm struct {
	Project     string
	Villages    []int64 // ticked
	Households  string
	Total       string
	DecidedOn   string
	PostingFrom string
	MeetingOn   string
	MeetingAt   string
	Outcome     string
	Reason      string
}

var compensationFields = []string{"project", "villages", "households", "total", "decided_on", "posting_from",
	"meeting_on", "meeting_at", "outcome", "ly-do"}

func compensationFormOf(d store.Disclosure, p land.Compensation) compensationForm {
	f := compensationForm{Project: p.Project, DecidedOn: isoDate(d.DecidedOn), PostingFrom: isoDate(d.PostingFrom),
		MeetingOn: p.MeetingOn, MeetingAt: p.MeetingAt, Outcome: p.Outcome}
	for _, v := range p.Villages {
		f.Villages = append(f.Villages, v.ID)
	}
	if p.Households > 0 {
		f.Households = strconv.Itoa(p.Households)
	}
	if p.Total > 0 {
		f.Total = strconv.FormatInt(p.Total, 10)
	}
	return f
}

func parseCompensationForm(c *fiber.Ctx) compensationForm {
	f := compensationForm{Project: formText(c, "project"), Households: formText(c, "households"), Total: formText(c, "total"),
		DecidedOn: formText(c, "decided_on"), PostingFrom: formText(c, "posting_from"), MeetingOn: formText(c, "meeting_on"),
		MeetingAt: formText(c, "meeting_at"), Outcome: formText(c, "outcome"), Reason: formText(c, "ly-do")}
	for _, v := range c.Context().PostArgs().PeekMulti("villages") {
		if id, ok := parseIDKey(string(v)); ok {
			f.Villages = append(f.Villages, id)
		}
	}
	if mf, err := c.MultipartForm(); err == nil {
		for _, v := range mf.Value["villages"] {
			if id, ok := parseIDKey(v); ok {
				f.Villages = append(f.Villages, id)
			}
		}
	}
	return f
}

// Ticked reports whether the village is ticked.
func (f compensationForm) Ticked(id int64) bool {
	for _, v := range f.Villages {
		if v == id {
			return true
		}
	}
	return false
}

// parseAmount reads a whole number as people type it: "1.234.567",
// "1 234 567" or "1234567".
func parseAmount(s string) (int64, bool) {
	s = strings.NewReplacer(".", "", " ", "", "\u00a0", "", ",", "").Replace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n >= 0
}

// validate checks the form against the commune's villages; it returns the
// facts (village names as they are now), the decision date and the first
// day of posting.
func (f compensationForm) validate(villages []store.Village, errs fieldErrors) (land.Compensation, time.Time, time.Time) {
	var p land.Compensation
	plainText(errs, "project", f.Project, "tên dự án", true, maxProject)
	p.Project = f.Project
	for _, v := range villages {
		if f.Ticked(v.ID) {
			p.Villages = append(p.Villages, land.Village{ID: v.ID, Name: v.Name})
		}
	}
	if len(p.Villages) == 0 {
		errs["villages"] = "Vui lòng chọn ít nhất một thôn có đất bị thu hồi."
	}
	if f.Households != "" {
		n, ok := parseAmount(f.Households)
		if !ok || n > 100000 {
			errs["households"] = "Số hộ là một số nguyên, ví dụ 12."
		}
		p.Households = int(n)
	}
	if f.Total != "" {
		n, ok := parseAmount(f.Total)
		if !ok {
			errs["total"] = "Tổng kinh phí ghi bằng số đồng, ví dụ 1.234.567.000."
		}
		p.Total = n
	}
	var decided, from time.Time
	var err error
	if f.DecidedOn != "" {
		if decided, err = parseCivilDate(f.DecidedOn); err != nil {
			errs["decided_on"] = "Ngày ký chưa đúng. Ví dụ: 15/03/2024."
		}
	}
	if from, err = parseCivilDate(f.PostingFrom); err != nil {
		errs["posting_from"] = "Vui lòng nhập ngày bắt đầu niêm yết, ví dụ 15/03/2024."
	}
	if f.MeetingOn != "" {
		m, err := parseCivilDate(f.MeetingOn)
		switch {
		case err != nil:
			errs["meeting_on"] = "Ngày họp chưa đúng. Ví dụ: 15/04/2024."
		case !from.IsZero() && m.Before(from):
			errs["meeting_on"] = "Ngày họp trước ngày bắt đầu niêm yết: phương án phải được niêm yết trước khi họp."
		default:
			p.MeetingOn = isoDate(m)
		}
	}
	plainText(errs, "meeting_at", f.MeetingAt, "địa điểm họp", false, maxMeetingPlace)
	p.MeetingAt = f.MeetingAt
	plainText(errs, "outcome", f.Outcome, "kết quả cuộc họp", false, maxMeetingOutcome)
	if f.Outcome != "" && f.MeetingOn == "" && errs["meeting_on"] == "" {
		errs["meeting_on"] = "Có kết quả cuộc họp thì cần ghi ngày họp."
	}
	p.Outcome = f.Outcome
	return p, decided, from
}

type compensationFactsPage struct {
	Base
	D           store.Disclosure
	Form        compensationForm
	Villages    []store.Village
	Errors      fieldErrors
	PostingDays int
}

// ErrorSummary lists the errors in the order of the form.
func (p *compensationFactsPage) ErrorSummary() []fieldError {
	return p.Errors.inOrder(compensationFields)
}

func (h *handler) renderCompensationFacts(c *fiber.Ctx, d store.Disclosure, f compensationForm, errs fieldErrors) error {
	villages, err := h.store.Villages(c.UserContext())
	if err != nil {
		return err
	}
	days, err := h.compensationPostingDays(c.UserContext(), d.DecidedOn)
	if err != nil {
		return err
	}
	p := &compensationFactsPage{Base: h.base(c, "Phương án bồi thường: "+d.Title), D: d, Form: f, Villages: villages,
		Errors: errs, PostingDays: days}
	p.NoIndex = true
	return h.renderStatus(c, formStatus(errs), "compensation_facts", p)
}

// compensationFactsForm is the officers' page of a compensation plan's
// facts.
func (h *handler) compensationFactsForm(c *fiber.Ctx) error {
	d, err := h.factsTarget(c, land.CategoryCompensation)
	if err != nil {
		return err
	}
	var p land.Compensation
	if err := decodeFacts(d, &p); err != nil {
		return err
	}
	f := compensationFormOf(d, p)
	if f.PostingFrom == "" {
		f.PostingFrom = isoDate(today(time.Now()))
	}
	return h.renderCompensationFacts(c, d, f, nil)
}

// compensationFactsSave saves the facts; the posting window becomes at
// least the 30 days the law asks for, from the first day given.
func (h *handler) compensationFactsSave(c *fiber.Ctx) error {
	d, err := h.factsTarget(c, land.CategoryCompensation)
	if err != nil {
		return err
	}
	villages, err := h.store.Villages(c.UserContext())
	if err != nil {
		return err
	}
	f := parseCompensationForm(c)
	errs := fieldErrors{}
	plan, decided, from := f.validate(villages, errs)
	checkReason(d, f.Reason, errs)
	if len(errs) > 0 {
		return h.renderCompensationFacts(c, d, f, errs)
	}
	in := d.Input()
	in.Kind, in.DecidedOn = land.KindCompensation, decided
	if in.Facts, err = marshalFacts(plan); err != nil {
		return err
	}
	in.PostingFrom = from
	days, err := h.compensationPostingDays(c.UserContext(), decided)
	if err != nil {
		return err
	}
	note := ""
	if end := from.AddDate(0, 0, days-1); in.PostingUntil.IsZero() || in.PostingUntil.Before(end) {
		in.PostingUntil = end
		note = "Thời gian niêm yết: " + postingPeriod(from, end) + "."
	}
	if err := h.saveFacts(c, d, in, f.Reason, errs); err != nil {
		return err
	}
	if len(errs) > 0 {
		return h.renderCompensationFacts(c, d, f, errs)
	}
	return h.factsSaved(c, d, officerCompensationFactsPath(d.ID), "phuong-an", note)
}

// compensationPostingDays is how many consecutive days a compensation plan
// decided on that day is posted: the legal rule in force (portal/rules,
// which an administrator may have changed), or the Land Law's 30 days
// when the rule gives no calendar-day count.
func (h *handler) compensationPostingDays(ctx context.Context, decided time.Time) (int, error) {
	all, err := h.store.DisclosureRules(ctx)
	if err != nil {
		return 0, err
	}
	if decided.IsZero() {
		decided = today(h.now())
	}
	r, ok := rules.RuleFor(all, store.KindID(land.CategoryCompensation, land.KindCompensation), decided)
	if !ok || r.PostUnknown || r.PostWhole || r.PostWorking || r.PostDays <= 0 {
		return land.CompensationPostingDays, nil
	}
	return r.PostDays, nil
}
