package portal

import (
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
	"minhbach/store"
)

func init() {
	rowLabels[plan.Category] = planRowLabel
}

// planSection is a plan's part of its item page: the appendix table, row
// by row, and the way to its scorecard.
type planSection struct {
	Plan      plan.Plan
	Rows      []planSectionRow
	Scorecard string
}

type planSectionRow struct {
	plan.Row
	Dimension string
	Subs      []planSectionSub
}

type planSectionSub struct {
	Key string
	plan.Sub
	Paths map[string]string // indicator slug → its scorecard page
}

// planSection builds the section of a plan (kind ke-hoach-papi).
func (h *handler) planSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, _ time.Time) (*planSection, error) {
	if d.Kind != plan.Kind {
		return nil, nil
	}
	rows, err := h.rowsOf(c.UserContext(), d, rowsVersion)
	if err != nil {
		return nil, err
	}
	p, err := plan.Decode(d.Facts, rows)
	if err != nil {
		return nil, err
	}
	s := &planSection{Plan: p, Scorecard: withYear(scorecardPath, p.Year)}
	for _, r := range p.Rows {
		sr := planSectionRow{Row: r, Dimension: scorecard.DimensionName(r.PAPIDimension)}
		for _, sub := range r.Subs {
			ss := planSectionSub{Key: plan.SubKey(r.Number, sub.Letter), Sub: sub, Paths: map[string]string{}}
			for _, in := range sub.Indicators {
				ss.Paths[in.Slug] = withYear(scorecardIndicatorPath(plan.IndicatorKey(ss.Key, in.Slug)), p.Year)
			}
			sr.Subs = append(sr.Subs, ss)
		}
		s.Rows = append(s.Rows, sr)
	}
	return s, nil
}

// planRowLabel names a plan's row (a sub-component) in its history:
// "4b – Giải quyết khiếu nại, tố cáo, kiện nghị, phản ánh".
func planRowLabel(d store.Disclosure, _ time.Time, row []byte) string {
	var r plan.SubRow
	if json.Unmarshal(row, &r) != nil || r.Key == "" {
		return ""
	}
	if d.Kind != plan.Kind || r.Name == "" {
		return "Dòng " + r.Key
	}
	return r.Key + " – " + r.Name
}
