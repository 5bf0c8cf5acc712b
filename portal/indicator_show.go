package portal

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/store"
)

// officerIndicatorPage is /can-bo/chi-so/{subkey}/{slug}: one indicator of a
// plan, with the form its kind needs. Entered: a value for a period, with
// the history of every value. Documented: the linked disclosures.
// Computed: where the public sees it.
type officerIndicatorPage struct {
	Base
	D                  store.Disclosure
	Plan               plan.Plan
	Row                plan.Row
	Sub                plan.Sub
	In                 plan.Indicator
	Key, SubKey        string
	KindLabel, Target  string
	PeriodLabel        string
	PublicURL, ListURL string
	Editable           bool // the plan is published: values and links are public

	// Entered.
	Form        valueForm
	Errors      fieldErrors
	Periods     []fieldOption
	Current     *valueView // the value in force of the form's period
	Conflict    string     // someone else entered the period meanwhile
	KeptFile    *store.Attachment
	KeptToken   string
	History     []valueView
	Accept      string
	MaxUploadMB int

	// Documented.
	Links      []linkedItem
	Candidates []fieldOption
	Link       linkForm
	LinkErrors fieldErrors
}

// valueForm is the value form as typed.
type valueForm struct {
	Period, Value, Note string
	// Seen is the period and the value in force the form was made for,
	// "2026-05-01:12" ("…:0": none): a save that finds another value in
	// force was overtaken by someone else's.
	Seen string
}

// valueView is one entered value as the page shows it.
type valueView struct {
	store.IndicatorValue
	PeriodName, Value string
	Replaced          bool
	File              *store.Attachment
}

type linkForm struct{ Choice, Number string }

// ErrorSummary lists the errors of the page's forms.
func (p *officerIndicatorPage) ErrorSummary() []fieldError {
	out := p.Errors.inOrder([]string{"period", "value", "file", "note"})
	return append(out, p.LinkErrors.inOrder([]string{"van-ban", "so"})...)
}

// Correction reports whether saving the form replaces a value in force.
func (p *officerIndicatorPage) Correction() bool { return p.Current != nil }

// officerIndicator loads the plan and the indicator the path names.
func (h *handler) officerIndicator(c *fiber.Ctx) (*officerIndicatorPage, planState, error) {
	d, pl, ok, err := h.officerPlan(c)
	if err != nil {
		return nil, planState{}, err
	}
	if !ok {
		return nil, planState{}, errNotFound()
	}
	sub, slug := c.Params("sub"), c.Params("slug")
	key := plan.IndicatorKey(sub, slug)
	r, s, in, ok := pl.Indicator(key)
	if !ok {
		return nil, planState{}, errNotFound()
	}
	st, err := h.loadPlanState(c.UserContext(), d, pl)
	if err != nil {
		return nil, planState{}, err
	}
	p := &officerIndicatorPage{Base: h.base(c, in.Name), D: d, Plan: pl, Row: r, Sub: s, In: in, Key: key, SubKey: sub,
		KindLabel: indicatorKindLabel(in.Kind), Target: targetText(in.Target, in.Unit), PeriodLabel: plan.PeriodLabel(in.Period),
		PublicURL: withYear(scorecardIndicatorPath(key), pl.Year), ListURL: officerIndicatorsPlanPath(d.ID), Editable: d.IsPublished(),
		Errors: fieldErrors{}, LinkErrors: fieldErrors{}, Accept: evidenceAccept, MaxUploadMB: MaxUploadBytes >> 20}
	p.NoIndex = true
	return p, st, nil
}

// indicatorShow is an indicator's page.
func (h *handler) indicatorShow(c *fiber.Ctx) error {
	p, st, err := h.officerIndicator(c)
	if err != nil {
		return err
	}
	if p.In.Kind == plan.Entered {
		periods := startedPeriods(p.In.Period, p.Plan.Year, h.now())
		var start time.Time
		if t, err := time.Parse(time.DateOnly, c.Query("ky")); err == nil && containsTime(periods, t) {
			start = t
		} else if last, ok := lastEndedPeriod(p.In.Period, p.Plan.Year, h.now()); ok {
			start = last
		} else if len(periods) > 0 {
			start = periods[0]
		}
		p.Form = valueForm{Period: isoDate(start), Seen: seenOf(st, p.Key, p.In.Period, start)}
	}
	return h.renderIndicator(c, p, st, fiber.StatusOK)
}

func containsTime(ts []time.Time, t time.Time) bool {
	for _, x := range ts {
		if x.Equal(t) {
			return true
		}
	}
	return false
}

// seenOf is the Seen of a form made now for a period.
func seenOf(st planState, key, kind string, start time.Time) string {
	if start.IsZero() {
		return ""
	}
	v, _ := st.valueFor(key, kind, start)
	return isoDate(start) + ":" + itoa(v.ID)
}

// renderIndicator fills what the page shows around the forms p holds.
func (h *handler) renderIndicator(c *fiber.Ctx, p *officerIndicatorPage, st planState, status int) error {
	ctx := c.UserContext()
	switch p.In.Kind {
	case plan.Entered:
		start, _ := time.Parse(time.DateOnly, p.Form.Period)
		for _, t := range startedPeriods(p.In.Period, p.Plan.Year, h.now()) {
			label := capitalize(periodName(p.In.Period, t))
			if v, ok := st.valueFor(p.Key, p.In.Period, t); ok {
				label += " (đã có số liệu: " + fmtDecimal(v.Value) + " " + p.In.Unit + ")"
			}
			p.Periods = append(p.Periods, fieldOption{isoDate(t), label})
		}
		seenPeriod, _, _ := strings.Cut(p.Form.Seen, ":")
		if seenPeriod == p.Form.Period {
			if v, ok := st.valueFor(p.Key, p.In.Period, start); ok {
				vv, err := h.valueView(c, v, p.In.Unit, false)
				if err != nil {
					return err
				}
				p.Current = &vv
			}
		}
		hist, err := h.store.IndicatorValueHistory(ctx, p.D.ID, p.Key)
		if err != nil {
			return err
		}
		replaced := map[int64]bool{}
		for _, v := range hist {
			replaced[v.Replaces] = true
		}
		for _, v := range hist {
			vv, err := h.valueView(c, v, p.In.Unit, replaced[v.ID])
			if err != nil {
				return err
			}
			p.History = append(p.History, vv)
		}
		if id := h.keptFile(c, p.KeptToken); id != 0 {
			a, err := h.store.Attachment(ctx, id)
			if err != nil {
				return err
			}
			p.KeptFile = &a
		}
	case plan.Documented:
		p.Links = st.Links[p.Key]
		linked := map[int64]bool{}
		for _, l := range p.Links {
			linked[l.ID] = true
		}
		recent, err := h.store.Disclosures(ctx, store.DisclosureFilter{Public: true, Status: store.StatusPublished, Limit: maxLinkChoices})
		if err != nil {
			return err
		}
		for _, d := range recent {
			if linked[d.ID] || d.Kind == plan.Kind {
				continue
			}
			p.Candidates = append(p.Candidates, fieldOption{itoa(d.ID),
				"Số " + itoa(d.ID) + ": " + d.Title + " (" + fmtDate(d.FirstPublished.In(vietnam)) + ")"})
		}
	}
	if p.Errors == nil {
		p.Errors = fieldErrors{}
	}
	if status == fiber.StatusOK && len(p.ErrorSummary()) > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	return h.renderStatus(c, status, "indicator_officer", p)
}

// maxLinkChoices is how many recent disclosures the link form offers; an
// older one is linked by typing its number.
const maxLinkChoices = 60

func (h *handler) valueView(c *fiber.Ctx, v store.IndicatorValue, unit string, replaced bool) (valueView, error) {
	vv := valueView{IndicatorValue: v, PeriodName: capitalize(periodName(v.PeriodKind, v.PeriodStart)),
		Value: strings.TrimSpace(fmtDecimal(v.Value) + " " + unit), Replaced: replaced}
	if v.AttachmentID != 0 {
		a, err := h.store.Attachment(c.UserContext(), v.AttachmentID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return vv, err
		}
		if err == nil {
			vv.File = &a
		}
	}
	return vv, nil
}

// errNotEditable says why a plan takes no values or links: a draft's
// evidence would be public before the plan is, a withdrawn plan is final.
func errNotEditable(d store.Disclosure) error {
	if d.IsDraft() {
		return errConflict("Kế hoạch còn là bản nháp: công khai kế hoạch trước, rồi mới nhập số liệu và gắn văn bản chứng minh, vì các bằng chứng này là công khai.")
	}
	return errWithdrawnIsFinal
}
