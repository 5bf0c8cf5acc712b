package portal

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// overdueWindowDays is how far back the watchers' list of items that
// became overdue reaches.
const overdueWindowDays = 7

// overdueListSize bounds the watchers' list and feed.
const overdueListSize = 100

// recentlyOverdue lists the public items that became overdue in the last
// overdueWindowDays days, on the day of now.
func (h *handler) recentlyOverdue(ctx context.Context, now time.Time) ([]store.Question, error) {
	d := today(now)
	return h.store.RecentlyOverdue(ctx, d.AddDate(0, 0, -overdueWindowDays), d, overdueListSize)
}

type questionOverduePage struct {
	Base
	Days  int
	Items []questionRow
}

// questionOverdue is /hoi-dap/qua-han: the items that became overdue in
// the last days, still unanswered or answered late, for the people who
// watch the commune.
func (h *handler) questionOverdue(c *fiber.Ctx) error {
	now := time.Now()
	qs, err := h.recentlyOverdue(c.UserContext(), now)
	if err != nil {
		return err
	}
	rows, err := h.questionRows(c.UserContext(), qs, now)
	if err != nil {
		return err
	}
	p := &questionOverduePage{Base: h.base(c, "Câu hỏi mới quá hạn"), Days: overdueWindowDays, Items: rows}
	p.Description = "Câu hỏi, phản ánh của người dân mà " + p.Settings.CommuneName + " chưa trả lời đúng hạn trong " + itoa(overdueWindowDays) + " ngày qua."
	p.Feeds = []feedLink{
		{"rss", "Câu hỏi mới quá hạn (RSS)", overdueFeedPath("rss")},
		{"atom", "Câu hỏi mới quá hạn (Atom)", overdueFeedPath("atom")},
		{"json", "Câu hỏi mới quá hạn (JSON Feed)", overdueFeedPath("json")},
	}
	return h.render(c, "question_overdue", p)
}
