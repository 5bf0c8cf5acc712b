package portal

import (
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
	jan1 := time.Date(a.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	if a.OnTime, err = h.store.OnTimeBetween(ctx, jan1, d); err != nil {
		return a, err
	}
	if a.OnTime.Answered > 0 {
		a.Percent = a.OnTime.OnTime * 100 / a.OnTime.Answered
	}
	return a, nil
}
