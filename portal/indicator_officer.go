package portal

import (
	"context"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/store"
)

// The officers' side of the plan's indicators: the list of a plan's
// indicators with what was entered and linked, and the reminders of what
// is missing. Values and links belong to one plan disclosure; the pages
// name it with the ke-hoach parameter, or work on the plan in force.

const paramPlan = "ke-hoach"

// officerPlan is the plan the indicator pages work on, as its working
// copy: the plan disclosure the ke-hoach parameter names (a draft too),
// else the published plan of the year nam, else the plan in force. ok is
// false when there is no plan at all.
func (h *handler) officerPlan(c *fiber.Ctx) (store.Disclosure, plan.Plan, bool, error) {
	ctx := c.UserContext()
	var id int64
	if s := c.FormValue(paramPlan); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return store.Disclosure{}, plan.Plan{}, false, errNotFound()
		}
		id = n
	} else {
		year := c.QueryInt("nam", 0)
		pd, _, ok, err := h.planInForce(ctx, year)
		if err != nil {
			return store.Disclosure{}, plan.Plan{}, false, err
		}
		if !ok {
			if year != 0 {
				return store.Disclosure{}, plan.Plan{}, false, errNotFound()
			}
			return store.Disclosure{}, plan.Plan{}, false, nil
		}
		id = pd.ID
	}
	d, p, err := h.planWorkingCopy(ctx, id)
	if err != nil {
		return store.Disclosure{}, plan.Plan{}, false, err
	}
	return d, p, true, nil
}

// planWorkingCopy reads a plan disclosure's working copy; any other item
// is not found here.
func (h *handler) planWorkingCopy(ctx context.Context, id int64) (store.Disclosure, plan.Plan, error) {
	d, err := h.store.Disclosure(ctx, id)
	if err != nil {
		return store.Disclosure{}, plan.Plan{}, err
	}
	if d.Category != plan.Category || d.Kind != plan.Kind {
		return store.Disclosure{}, plan.Plan{}, errNotFound()
	}
	rows, err := h.store.Rows(ctx, id)
	if err != nil {
		return store.Disclosure{}, plan.Plan{}, err
	}
	p, err := plan.Decode(d.Facts, rows)
	return d, p, err
}

// linkedItem is a disclosure linked to an indicator, as officers see it.
type linkedItem struct {
	ID        int64
	Title     string
	Published time.Time // first publication; zero for a draft
	Public    bool      // published and not office-only: it counts
}

// planState is what officers added to a plan: values in force and links.
type planState struct {
	D      store.Disclosure
	Plan   plan.Plan
	Values map[string][]store.IndicatorValue // by indicator key, by period
	Links  map[string][]linkedItem
}

func (h *handler) loadPlanState(ctx context.Context, d store.Disclosure, p plan.Plan) (planState, error) {
	st := planState{D: d, Plan: p, Values: map[string][]store.IndicatorValue{}, Links: map[string][]linkedItem{}}
	vs, err := h.store.IndicatorValues(ctx, d.ID)
	if err != nil {
		return st, err
	}
	for _, v := range vs {
		st.Values[v.Indicator] = append(st.Values[v.Indicator], v)
	}
	ls, err := h.store.IndicatorLinks(ctx, d.ID)
	if err != nil {
		return st, err
	}
	items := map[int64]linkedItem{}
	for _, l := range ls {
		it, ok := items[l.DisclosureID]
		if !ok {
			ld, err := h.store.Disclosure(ctx, l.DisclosureID)
			if err != nil {
				return st, err
			}
			it = linkedItem{ID: ld.ID, Title: ld.Title, Published: ld.FirstPublished, Public: ld.IsPublished() && !ld.Internal}
			items[l.DisclosureID] = it
		}
		st.Links[l.Indicator] = append(st.Links[l.Indicator], it)
	}
	return st, nil
}

// valueFor is the value in force of an indicator for one period.
func (st planState) valueFor(key, kind string, start time.Time) (store.IndicatorValue, bool) {
	for _, v := range st.Values[key] {
		if v.PeriodKind == kind && v.PeriodStart.Equal(start) {
			return v, true
		}
	}
	return store.IndicatorValue{}, false
}

// latest is the value in force of the indicator's latest period.
func (st planState) latest(key, kind string) (store.IndicatorValue, bool) {
	var best store.IndicatorValue
	for _, v := range st.Values[key] {
		if v.PeriodKind == kind && v.PeriodStart.After(best.PeriodStart) {
			best = v
		}
	}
	return best, best.ID != 0
}

// indicatorReminder is an indicator that lacks what its kind needs.
type indicatorReminder struct {
	Key, Name, Text, URL string
}

// reminders lists the entered indicators with no value for the last ended
// period of their kind, and the documented ones with no public disclosure
// of the plan's year linked, by the portal's clock. Periods outside the
// plan's year are not asked for.
func (st planState) reminders(now time.Time) []indicatorReminder {
	var out []indicatorReminder
	yearStarted := st.Plan.Year <= today(now).Year()
	for _, r := range st.Plan.Rows {
		for _, s := range r.Subs {
			sub := plan.SubKey(r.Number, s.Letter)
			for _, in := range s.Indicators {
				key := plan.IndicatorKey(sub, in.Slug)
				switch in.Kind {
				case plan.Entered:
					last, ok := lastEndedPeriod(in.Period, st.Plan.Year, now)
					if !ok {
						continue
					}
					if _, ok := st.valueFor(key, in.Period, last); !ok {
						out = append(out, indicatorReminder{Key: key, Name: in.Name,
							Text: "Chưa nhập số liệu " + periodName(in.Period, last),
							URL:  officerIndicatorPeriodPath(st.D.ID, key, last)})
					}
				case plan.Documented:
					if yearStarted && !st.linkedInYear(key) {
						out = append(out, indicatorReminder{Key: key, Name: in.Name,
							Text: "Chưa gắn văn bản nào đã công khai trong năm " + strconv.Itoa(st.Plan.Year),
							URL:  officerIndicatorPath(st.D.ID, key)})
					}
				}
			}
		}
	}
	return out
}

// linkedInYear reports whether a public disclosure first published in the
// plan's year (in Vietnam) is linked to the indicator.
func (st planState) linkedInYear(key string) bool {
	for _, l := range st.Links[key] {
		if l.Public && l.Published.In(vietnam).Year() == st.Plan.Year {
			return true
		}
	}
	return false
}

// planReminders are the reminders of the plan in force, for the officers'
// home page; nil when there is no plan.
func (h *handler) planReminders(ctx context.Context) ([]indicatorReminder, error) {
	d, p, ok, err := h.planInForce(ctx, 0)
	if err != nil || !ok {
		return nil, err
	}
	st, err := h.loadPlanState(ctx, d, p)
	if err != nil {
		return nil, err
	}
	return st.reminders(h.now()), nil
}

// Kinds of indicator, for officers.
func indicatorKindLabel(kind string) string {
	switch kind {
	case plan.Computed:
		return "Cổng tự tính"
	case plan.Entered:
		return "Cán bộ nhập số liệu"
	case plan.Documented:
		return "Chứng minh bằng văn bản"
	}
	return kind
}

var directionSigns = map[string]string{">": ">", ">=": "≥", "<=": "≤", "=": "="}

// targetText writes a target for people: "> 95 %", "Không có chỉ tiêu".
func targetText(t *plan.Target, unit string) string {
	if t == nil {
		return "Không có chỉ tiêu"
	}
	s := directionSigns[t.Direction] + " " + fmtDecimal(t.Value)
	if unit != "" {
		s += " " + unit
	}
	return s + " (" + plan.SourceLabel(t.Source) + ")"
}
