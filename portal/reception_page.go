package portal

import (
	"html/template"
	"strings"

	"github.com/gofiber/fiber/v2"
)

type receptionPage struct {
	Base
	Schedule *publishedSchedule
	Weeks    []receptionWeek
	ICS      string // the feed's https address
	// Webcal is the same as webcal://, which phones open as a
	// subscription. html/template would refuse the scheme: the address is
	// built from the portal's own base URL, never from input.
	Webcal template.URL
}

// ItemPath is the schedule item's own page (versions, history).
func (p *receptionPage) ItemPath() string { return itemPath(p.Schedule.D.ID) }

// receptionIndex is /lich-tiep-dan: this week's and the next four weeks'
// sessions, with the calendar feed to subscribe to.
func (h *handler) receptionIndex(c *fiber.Ctx) error {
	ctx := c.UserContext()
	sch, err := h.publishedSchedule(ctx)
	if err != nil {
		return err
	}
	p := &receptionPage{Base: h.base(c, "Lịch tiếp công dân"), Schedule: sch}
	p.Description = "Lịch tiếp công dân tuần này và bốn tuần tới: người tiếp, giờ, địa điểm, số điện thoại cơ quan."
	if sch != nil {
		day := today(h.now())
		p.Weeks = weeksOf(h.sessionsFor(sch.S, day, receptionWeeks), day, receptionWeeks)
		p.ICS = h.baseURL(c) + receptionICSPath
		p.Webcal = template.URL("webcal://" + strings.TrimPrefix(strings.TrimPrefix(p.ICS, "https://"), "http://"))
	}
	return h.render(c, "reception", p)
}
