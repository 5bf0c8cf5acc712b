package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/store"
)

// indicatorsPage is /can-bo/chi-so: a plan's indicators by row and
// sub-component, what was entered and linked, and what is missing.
type indicatorsPage struct {
	Base
	HasPlan   bool
	D         store.Disclosure
	Plan      plan.Plan
	Years     []planYearLink
	Drafts    []store.Disclosure // draft plans, which officers see before the public does
	Rows      []indicatorRowView
	Reminders []indicatorReminder
	// The administrators' form that starts the next year's plan.
	CopyYear   string
	CopyErrors fieldErrors
}

type planYearLink struct {
	Year    int
	URL     string
	Current bool
}

type indicatorRowView struct {
	Number int
	Area   string
	Subs   []indicatorSubView
}

type indicatorSubView struct {
	Key, Name, EditURL string
	Indicators         []indicatorView
}

// indicatorView is one line of the list.
type indicatorView struct {
	Key, Name, Kind, KindLabel, Period, Target, URL string
	Latest                                          string // entered: the latest value in force and its period; "" for none
	Links                                           []linkedItem
}

// ErrorSummary lists the copy form's errors.
func (p *indicatorsPage) ErrorSummary() []fieldError { return p.CopyErrors.inOrder([]string{"nam"}) }

// indicatorIndex is the officers' list of a plan's indicators.
func (h *handler) indicatorIndex(c *fiber.Ctx) error {
	return h.renderIndicators(c, "", nil)
}

func (h *handler) renderIndicators(c *fiber.Ctx, copyYear string, copyErrs fieldErrors) error {
	ctx := c.UserContext()
	d, p, ok, err := h.officerPlan(c)
	if err != nil {
		return err
	}
	pg := &indicatorsPage{Base: h.base(c, "Chỉ số của kế hoạch PAPI"), HasPlan: ok, D: d, Plan: p,
		CopyYear: copyYear, CopyErrors: copyErrs}
	pg.NoIndex = true
	if pg.CopyErrors == nil {
		pg.CopyErrors = fieldErrors{}
	}
	years, err := h.planYears(ctx)
	if err != nil {
		return err
	}
	for _, y := range years {
		pg.Years = append(pg.Years, planYearLink{y, officerIndicatorsYearPath(y), ok && d.IsPublished() && y == p.Year})
	}
	if pg.Drafts, err = h.store.Disclosures(ctx, store.DisclosureFilter{Category: plan.Category, Kind: plan.Kind,
		Status: store.StatusDraft, Limit: maxPlans}); err != nil {
		return err
	}
	if ok {
		st, err := h.loadPlanState(ctx, d, p)
		if err != nil {
			return err
		}
		pg.Rows = indicatorRows(st)
		pg.Reminders = st.reminders(h.now())
		pg.Title = "Chỉ số của kế hoạch PAPI năm " + strconv.Itoa(p.Year)
		if pg.CopyYear == "" {
			pg.CopyYear = strconv.Itoa(p.Year + 1)
		}
	}
	return h.renderStatus(c, formStatus(pg.CopyErrors), "indicators_officer", pg)
}

// indicatorRows lays a plan out for the list.
func indicatorRows(st planState) []indicatorRowView {
	var out []indicatorRowView
	for _, r := range st.Plan.Rows {
		rv := indicatorRowView{Number: r.Number, Area: r.Area}
		for _, s := range r.Subs {
			sub := plan.SubKey(r.Number, s.Letter)
			sv := indicatorSubView{Key: sub, Name: s.Name, EditURL: officerPlanSubPath(st.D.ID, sub)}
			for _, in := range s.Indicators {
				key := plan.IndicatorKey(sub, in.Slug)
				iv := indicatorView{Key: key, Name: in.Name, Kind: in.Kind, KindLabel: indicatorKindLabel(in.Kind),
					Period: plan.PeriodLabel(in.Period), Target: targetText(in.Target, in.Unit),
					URL: officerIndicatorPath(st.D.ID, key), Links: st.Links[key]}
				if v, ok := st.latest(key, in.Period); ok {
					iv.Latest = fmtDecimal(v.Value) + " " + in.Unit + " (" + periodName(v.PeriodKind, v.PeriodStart) + ")"
				}
				sv.Indicators = append(sv.Indicators, iv)
			}
			rv.Subs = append(rv.Subs, sv)
		}
		out = append(out, rv)
	}
	return out
}
