package portal

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/discclock"
	"minhbach/portal/indicators"
	"minhbach/portal/scorecard"
)

// headline is the home page's figures of the plan: disclosures made on
// time this year (every kind the legal clock judges: budget stages and
// others) and the plan's indicators met among those with a target. The
// share of questions answered on time is the home page's own (homeAnswers).
type headline struct {
	Year        int
	Disclosures indicators.Value // Num on time of Den judged
	PlanYear    int              // 0: no plan published
	Met         int
	WithTarget  int
}

// DisclosuresPercent is the share of disclosures on time, rounded down.
func (hl headline) DisclosuresPercent() int {
	return hl.Disclosures.Num * 100 / max(hl.Disclosures.Den, 1)
}

// homeHeadline counts the figures for the home page. It reads the plan's
// scorecard, whose question figures come from the kept statistics (26.7 ms
// at a million questions, see the README's Speed section); the home page
// itself is cached until the next public change.
func (h *handler) homeHeadline(c *fiber.Ctx) (headline, error) {
	return h.countHeadline(c.UserContext(), today(h.now()))
}

// countHeadline counts the figures of day.
func (h *handler) countHeadline(ctx context.Context, day time.Time) (headline, error) {
	year := scorecard.YearOf(day.Year())
	hl := headline{Year: day.Year()}
	fig := h.newFigures(ctx, year.Start, year.End)
	if err := fig.load(factDisclosures); err != nil {
		return hl, err
	}
	for _, d := range fig.facts.Disclosures {
		if !year.Span().Contains(d.Due) || d.Due.After(day) && d.Timing != discclock.OnTime {
			continue
		}
		switch d.Timing {
		case discclock.OnTime, discclock.Late, discclock.Overdue:
			hl.Disclosures.Den++
			if d.Timing == discclock.OnTime {
				hl.Disclosures.Num++
			}
		}
	}
	d, p, ok, err := h.planInForce(ctx, day.Year())
	if err != nil {
		return hl, err
	}
	if ok {
		card, err := h.buildScorecard(ctx, &planView{D: d, Plan: p}, scorecard.YearOf(p.Year))
		if err != nil {
			return hl, err
		}
		hl.PlanYear = p.Year
		for _, n := range card.Counts {
			if n.State != indicators.NoTarget {
				hl.WithTarget += n.N
			}
			if n.State == indicators.Met {
				hl.Met = n.N
			}
		}
	}
	return hl, nil
}
