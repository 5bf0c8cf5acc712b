package portal

import (
	"context"
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
	"minhbach/store"
)

// The scorecard's addresses (routes.go).
const (
	scorecardPath       = "/chi-so"
	scorecardReportPath = scorecardPath + "/bao-cao"
	paramYear           = "nam"
	paramPeriod         = "ky"
)

// scorecardRowPath is one plan row's scorecard.
func scorecardRowPath(n int) string { return scorecardPath + "/" + strconv.Itoa(n) }

// scorecardIndicatorPath is one indicator's page; key is plan.IndicatorKey.
func scorecardIndicatorPath(key string) string { return scorecardPath + "/" + key }

// withYear adds the plan year to a scorecard address when it is not the
// default one.
func withYear(path string, year int) string {
	if year == 0 {
		return path
	}
	return path + "?" + paramYear + "=" + strconv.Itoa(year)
}

// planView is the plan in force a scorecard is for, with its sources.
type planView struct {
	D    store.Disclosure
	Plan plan.Plan
	// Asked is the year asked for (?nam=); 0 for the default.
	Asked int
}

// scorecardPlan reads the plan the request asks for: ?nam=YYYY, or the
// plan in force. A year without a plan is 404; no plan at all is nil.
func (h *handler) scorecardPlan(c *fiber.Ctx) (*planView, error) {
	year := 0
	if s := c.Query(paramYear); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil || y < 2000 || y > 2100 {
			return nil, errNotFound()
		}
		year = y
	}
	d, p, ok, err := h.planInForce(c.UserContext(), year)
	if err != nil {
		return nil, err
	}
	if !ok {
		if year != 0 {
			return nil, errNotFound()
		}
		return nil, nil
	}
	return &planView{D: d, Plan: p, Asked: year}, nil
}

// scorecardSources gathers what the store holds for a plan: its entered
// values in force with their evidence files, its linked disclosures, and
// the computed figures for periods within span.
func (h *handler) scorecardSources(ctx context.Context, planID int64, span scorecard.Period) (scorecard.Sources, error) {
	fig := h.newFigures(ctx, span.Start, span.End)
	src := scorecard.Sources{Computed: func(function string, p indicators.Period) (indicators.Value, []scorecard.Link, error) {
		v, err := fig.value(function, p)
		if err != nil {
			return v, nil, err
		}
		var links []scorecard.Link
		for _, l := range fig.evidence(function, p, v) {
			links = append(links, scorecard.Link{Label: l.Label, URL: l.URL})
		}
		return v, links, nil
	}}
	values, err := h.store.IndicatorValues(ctx, planID)
	if err != nil {
		return src, err
	}
	by := map[int64]string{}
	for _, v := range values {
		who, ok := by[v.EnteredBy]
		if !ok {
			if who, err = h.publicOfficer(ctx, v.EnteredBy); err != nil {
				return src, err
			}
			by[v.EnteredBy] = who
		}
		e := scorecard.Entered{Indicator: v.Indicator, PeriodKind: v.PeriodKind, Start: v.PeriodStart, Value: v.Value,
			By: who, At: v.EnteredAt, Corrected: v.Replaces != 0, Note: v.Note}
		if v.AttachmentID != 0 {
			a, err := h.store.Attachment(ctx, v.AttachmentID)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return src, err
			}
			if err == nil && !a.Removed {
				e.File = &scorecard.Link{Label: cleanFilename(a.Filename), URL: attachmentURL(a)}
			}
		}
		src.Values = append(src.Values, e)
	}
	links, err := h.store.IndicatorLinks(ctx, planID)
	if err != nil {
		return src, err
	}
	for _, l := range links {
		doc := scorecard.Doc{Indicator: l.Indicator}
		d, err := h.store.PublicDisclosure(ctx, l.DisclosureID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			// A draft or an office-only item proves nothing to the public.
		case err != nil:
			return src, err
		default:
			doc.Link = scorecard.Link{Label: d.Title, URL: itemPath(d.ID)}
			doc.Public = true
			if !d.FirstPublished.IsZero() {
				doc.Published = today(d.FirstPublished)
			}
		}
		src.Docs = append(src.Docs, doc)
	}
	return src, nil
}

// publicOfficer names an officer as public pages do: title and unit, as
// on an answer, never the person's name.
func (h *handler) publicOfficer(ctx context.Context, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	u, err := h.store.UserByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	switch {
	case u.Title != "" && u.UnitName != "":
		return u.Title + ", " + u.UnitName, nil
	case u.Title != "":
		return u.Title, nil
	case u.UnitName != "":
		return "Cán bộ " + u.UnitName, nil
	}
	return "Cán bộ UBND xã", nil
}

// buildScorecard judges the plan for period.
func (h *handler) buildScorecard(ctx context.Context, pv *planView, period scorecard.Period) (scorecard.Card, error) {
	src, err := h.scorecardSources(ctx, pv.D.ID, period)
	if err != nil {
		return scorecard.Card{}, err
	}
	return scorecard.Build(pv.Plan, period, today(h.now()), src)
}
