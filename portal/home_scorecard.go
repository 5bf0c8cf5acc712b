package portal

import (
	"sync"
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

// headlineStale is how long the home page may show the plan's figures
// after a public change before counting them again. Every answer and
// every item published is a public change; the scorecard itself is
// always current.
const headlineStale = 5 * time.Minute

// headlineMemo keeps the figures between renders of the home page.
type headlineMemo struct {
	mu    sync.Mutex
	day   time.Time
	mark  int64
	at    time.Time
	value headline
}

// homeHeadline counts the figures, or takes them from the memo when the
// date is the same and nothing public changed, or changed less than
// headlineStale ago.
func (h *handler) homeHeadline(c *fiber.Ctx) (headline, error) {
	now := h.now()
	day, mark := today(now), h.publicMark(c)
	m := &h.heads
	m.mu.Lock()
	if m.day.Equal(day) && !m.day.IsZero() && (m.mark == mark || now.Sub(m.at) < headlineStale) {
		v := m.value
		m.mu.Unlock()
		return v, nil
	}
	m.mu.Unlock()
	ctx := c.UserContext()
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
	m.mu.Lock()
	m.day, m.mark, m.at, m.value = day, mark, now, hl
	m.mu.Unlock()
	return hl, nil
}
