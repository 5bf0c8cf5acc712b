package portal

import (
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// homeAnswersShown is how many of the latest answers the home page shows.
const homeAnswersShown = 5

// homeAnswers is the home page's view of questions: the latest answers and
// the share of this year's first answers that came on time, by the one
// clock (store.OnTimeBetween), with the counts behind it.
type homeAnswers struct {
	Latest  []store.Question
	Year    int
	OnTime  store.OnTime
	Percent int // of Answered, rounded down; meaningful when Answered > 0
}

func (h *handler) homeAnswers(c *fiber.Ctx, now time.Time) (homeAnswers, error) {
	ctx := c.UserContext()
	var a homeAnswers
	var err error
	if a.Latest, err = h.store.AnsweredQuestions(ctx, "", homeAnswersShown); err != nil {
		return a, err
	}
	d := today(now)
	a.Year = d.Year()
	if a.OnTime, err = h.onTimeThisYear(c, d); err != nil {
		return a, err
	}
	if a.OnTime.Answered > 0 {
		a.Percent = a.OnTime.OnTime * 100 / a.OnTime.Answered
	}
	return a, nil
}

// onTimeMemo keeps this year's on-time share between renders of the home
// page, which come after every public change: counting a year of answers
// costs more than the rest of the page.
type onTimeMemo struct {
	mu    sync.Mutex
	day   time.Time // the civil date it was counted on
	last  time.Time // the newest first answer then
	value store.OnTime
}

// onTimeThisYear is the share of first answers on time from 1 January to
// day. It is counted again when the date or the newest first answer
// changes: nothing else moves it (a first answer is set once, and
// protected items count too).
func (h *handler) onTimeThisYear(c *fiber.Ctx, day time.Time) (store.OnTime, error) {
	ctx := c.UserContext()
	last, err := h.store.LastFirstAnswer(ctx)
	if err != nil {
		return store.OnTime{}, err
	}
	m := &h.onTime
	m.mu.Lock()
	if m.day.Equal(day) && m.last.Equal(last) && !m.day.IsZero() {
		v := m.value
		m.mu.Unlock()
		return v, nil
	}
	m.mu.Unlock()
	jan1 := time.Date(day.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	v, err := h.store.OnTimeBetween(ctx, jan1, day)
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	m.day, m.last, m.value = day, last, v
	m.mu.Unlock()
	return v, nil
}
