package portal

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/reception"
	"minhbach/portal/workdays"
	"minhbach/store"
)

// The reception schedule (row 4b) is a disclosure of this category and
// kind; its rows are the slots and changes of portal/reception.
const (
	receptionCategory = "tiep-cong-dan"
	receptionKind     = "lich-tiep-dan"
)

// receptionWeeks is how many weeks the public page shows: this week and
// the next four.
const receptionWeeks = 5

// publishedSchedule is the schedule residents see: the public version of
// the newest published schedule item.
type publishedSchedule struct {
	D store.Disclosure
	S reception.Schedule
}

// publishedSchedule returns the schedule in force, nil when none is
// published.
func (h *handler) publishedSchedule(ctx context.Context) (*publishedSchedule, error) {
	d, ok, err := h.inForce(ctx, receptionCategory, receptionKind)
	if err != nil || !ok {
		return nil, err
	}
	s, err := h.scheduleOfVersion(ctx, d.RowsVersion)
	if err != nil {
		return nil, err
	}
	return &publishedSchedule{D: d, S: s}, nil
}

// scheduleOfVersion decodes the rows a version carries.
func (h *handler) scheduleOfVersion(ctx context.Context, rowsVersion int64) (reception.Schedule, error) {
	if rowsVersion == 0 {
		return reception.Schedule{}, nil
	}
	rows, err := h.store.VersionRows(ctx, rowsVersion)
	if err != nil {
		return reception.Schedule{}, err
	}
	return reception.Decode(rows)
}

// holidayNames names the public holidays of the calendar in use.
func holidayNames(cal *workdays.Calendar) reception.HolidayFunc {
	byYear := map[int]map[time.Time]string{}
	return func(d time.Time) (string, bool) {
		m, ok := byYear[d.Year()]
		if !ok {
			m = map[time.Time]string{}
			for _, x := range cal.Holidays(d.Year()) {
				m[x.Date] = x.Name
			}
			byYear[d.Year()] = m
		}
		name, ok := m[d]
		return name, ok
	}
}

// sessionsFor lists the sessions of weeks weeks from the week holding day.
func (h *handler) sessionsFor(s reception.Schedule, day time.Time, weeks int) []reception.Session {
	from := reception.WeekStart(day)
	return reception.Sessions(s, from, from.AddDate(0, 0, 7*weeks-1), holidayNames(h.calendar()))
}

// sessionView is a session as pages show it.
type sessionView struct {
	reception.Session
	Past  bool // already over
	Today bool // held today
}

// DateLabel is "Thứ Năm, 03/12/2026".
func (s sessionView) DateLabel() string {
	return reception.WeekdayName(reception.IsoWeekday(s.Date)) + ", " + fmtDate(s.Date)
}

// TimeLabel is "07:30–11:00".
func (s sessionView) TimeLabel() string { return s.Start + "–" + s.End }

// Held reports whether the session takes place.
func (s sessionView) Held() bool { return s.Status == reception.Held }

// Cancelled reports whether it was cancelled (by a change or a holiday).
func (s sessionView) Cancelled() bool {
	return s.Status == reception.Off || s.Status == reception.Holiday
}

// Note says what changed: a cancellation's reason, the holiday, a move.
func (s sessionView) Note() string {
	switch s.Status {
	case reception.Off:
		return "Hủy: " + s.Reason
	case reception.Holiday:
		return "Nghỉ lễ: " + s.Reason
	case reception.MovedAway:
		note := "Dời sang " + reception.WeekdayName(reception.IsoWeekday(s.MovedTo)) + ", " + fmtDate(s.MovedTo)
		if s.Reason != "" {
			note += " (" + s.Reason + ")"
		}
		return note
	}
	switch {
	case !s.MovedFrom.IsZero() && !s.MovedFrom.Equal(s.Date):
		return "Dời từ " + fmtDate(s.MovedFrom) + ": " + s.Reason
	case !s.MovedFrom.IsZero():
		return "Đổi giờ, địa điểm: " + s.Reason
	case s.Extra && s.Reason != "":
		return "Buổi tiếp bổ sung: " + s.Reason
	case s.Extra:
		return "Buổi tiếp bổ sung"
	}
	return ""
}

// Label is the session as a question records it: date, time and place,
// no names.
func (s sessionView) Label() string {
	return s.DateLabel() + ", " + s.TimeLabel() + ", " + s.Place
}

// receptionWeek is one week of the public page.
type receptionWeek struct {
	Start, End time.Time
	Heading    string
	Sessions   []sessionView
}

// weeksOf groups sessions by week, every week of the span listed even
// when empty.
func weeksOf(ss []reception.Session, day time.Time, weeks int) []receptionWeek {
	start := reception.WeekStart(day)
	out := make([]receptionWeek, weeks)
	for i := range out {
		w := start.AddDate(0, 0, 7*i)
		out[i] = receptionWeek{Start: w, End: w.AddDate(0, 0, 6)}
		switch i {
		case 0:
			out[i].Heading = "Tuần này"
		case 1:
			out[i].Heading = "Tuần sau"
		default:
			out[i].Heading = "Tuần từ " + fmtDate(w)
		}
	}
	for _, s := range ss {
		i := int(s.Date.Sub(start).Hours() / 24 / 7)
		if i < 0 || i >= weeks {
			continue
		}
		out[i].Sessions = append(out[i].Sessions, sessionView{Session: s, Past: s.Date.Before(day)})
	}
	return out
}

// nextSession is the first session held on day or after it. The home
// page is kept for the day, so a session of today stays listed until
// midnight ("Hôm nay").
func nextSession(ss []reception.Session, day time.Time) (sessionView, bool) {
	for _, s := range ss {
		if s.Status == reception.Held && !s.Date.Before(day) {
			return sessionView{Session: s}, true
		}
	}
	return sessionView{}, false
}

// nextReception is the home page's "next reception": nil when no
// schedule is published or none is held in the next five weeks.
func (h *handler) nextReception(c *fiber.Ctx) (*sessionView, error) {
	sch, err := h.publishedSchedule(c.UserContext())
	if err != nil || sch == nil {
		return nil, err
	}
	day := today(h.now())
	s, ok := nextSession(h.sessionsFor(sch.S, day, receptionWeeks), day)
	if !ok {
		return nil, nil
	}
	s.Today = s.Date.Equal(day)
	return &s, nil
}

// chairmanGaps is the officers' warning: the Mondays of the next weeks
// whose published schedule has no session of the chairman, and the
// schedule's id (0 when none is published).
func (h *handler) chairmanGaps(c *fiber.Ctx) ([]time.Time, int64, error) {
	sch, err := h.publishedSchedule(c.UserContext())
	if err != nil || sch == nil {
		return nil, 0, err
	}
	cal := h.calendar()
	return reception.WeeksWithoutChairman(sch.S, today(h.now()), receptionWeeks, holidayNames(cal), cal.IsWorkday), sch.D.ID, nil
}
