package portal

import (
	"context"
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

// headlineStale is how long the home page shows the plan's figures after
// a public change before they are counted again. Every answer and every
// item published is a public change; the scorecard itself is always
// current.
const headlineStale = 5 * time.Minute

// headlineMemo keeps the figures between renders of the home page.
type headlineMemo struct {
	mu      sync.Mutex
	day     time.Time
	mark    int64
	at      time.Time
	value   headline
	running bool // a recount is under way
}

// homeHeadline gives the figures from the memo when they were counted
// today and nothing public changed since, or changed less than
// headlineStale ago. Older figures of the same day are shown while a
// recount runs in the background, and the page is kept a minute only, so
// that a render of the home page never waits for the scorecard; the
// first render of a day counts them.
func (h *handler) homeHeadline(c *fiber.Ctx) (headline, error) {
	now := h.now()
	day, mark := today(now), h.publicMark(c)
	m := &h.heads
	m.mu.Lock()
	if m.day.Equal(day) && !m.day.IsZero() {
		v := m.value
		if m.mark != mark {
			c.Locals(localCacheUntil, now.Add(time.Minute))
		}
		if m.mark != mark && now.Sub(m.at) >= headlineStale {
			if !m.running {
				m.running = true
				go func() {
					ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
					defer cancel()
					if _, err := h.countHeadline(ctx, day, mark, now); err != nil {
						h.log.Warn("home headline", "err", err)
					}
				}()
			}
		}
		m.mu.Unlock()
		return v, nil
	}
	m.mu.Unlock()
	return h.countHeadline(c.UserContext(), day, mark, now)
}

// countHeadline counts the figures of day and keeps them.
func (h *handler) countHeadline(ctx context.Context, day time.Time, mark int64, now time.Time) (headline, error) {
	m := &h.heads
	defer func() {
		m.mu.Lock()
		m.running = false
		m.mu.Unlock()
	}()
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
	if !m.day.After(day) {
		m.day, m.mark, m.at, m.value = day, mark, now, hl
	}
	m.mu.Unlock()
	return hl, nil
}
