package portal

import (
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/ical"
	"minhbach/portal/reception"
)

// The calendar feed covers the four weeks before this one (so a
// cancellation a phone already showed stays visible as cancelled) and
// this week with the eight after it.
const (
	icsWeeksBack  = 4
	icsWeeksAhead = 9
)

const icsType = "text/calendar; charset=utf-8"

// receptionICS is /lich-tiep-dan.ics, the schedule as an iCalendar feed
// that phone calendars subscribe to (webcal://). Like the other feeds it
// is kept rendered while the public change mark and the Vietnam day hold,
// and answers conditional requests with 304.
func (h *handler) receptionICS(c *fiber.Ctx) error {
	key := h.cacheKey(c)
	base := h.baseURL(c)
	const slot = "ics" + receptionPath
	h.feeds.mu.Lock()
	e := h.feeds.entries[slot]
	h.feeds.mu.Unlock()
	if e == nil || e.key != key || e.base != base {
		sch, err := h.publishedSchedule(c.UserContext())
		if err != nil {
			return err
		}
		if sch == nil {
			// A calendar must hold at least one component (RFC 5545 §3.4).
			return errNotFound()
		}
		day := today(h.now())
		body := h.receptionCalendar(sch, day, base, h.settings(c).CommuneName).Marshal()
		// The body changes when the schedule does and when the window moves
		// at midnight in Vietnam: Last-Modified is the later of the two.
		modified := sch.D.UpdatedAt
		if midnight := day.Add(-vietnamOffset * time.Second); midnight.After(modified) {
			modified = midnight
		}
		e = newCachedBody(key, body, icsType, modified)
		e.base = base
		if usedRequestHost(c) {
			return e.send(c, "private, no-cache")
		}
		h.feeds.mu.Lock()
		h.feeds.entries[slot] = e
		h.feeds.mu.Unlock()
	}
	c.Set(fiber.HeaderContentDisposition, `inline; filename="lich-tiep-dan.ics"`)
	return e.send(c, "public, max-age=300")
}

// receptionCalendar is the calendar of the sessions around day.
func (h *handler) receptionCalendar(sch *publishedSchedule, day time.Time, base, commune string) ical.Calendar {
	from := reception.WeekStart(day).AddDate(0, 0, -7*icsWeeksBack)
	to := reception.WeekStart(day).AddDate(0, 0, 7*(icsWeeksAhead+1)-1)
	ss := reception.Sessions(sch.S, from, to, holidayNames(h.calendar()))
	host := "minhbach"
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	name := "Lịch tiếp công dân"
	if commune != "" {
		name += " — UBND " + commune
	}
	return ical.Calendar{
		ProdID:   "-//Minh Bạch//Lịch tiếp công dân//VI",
		Name:     name,
		TimeZone: "Asia/Ho_Chi_Minh",
		Refresh:  6 * time.Hour,
		Events:   reception.Events(ss, host, sch.D.UpdatedAt, vietnam, base+receptionPath),
	}
}
