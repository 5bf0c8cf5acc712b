// Package qclock is the one definition of the deadline clock for what
// residents send: pages, exports, the home page figure and the plan's
// indicators all ask it, so "answered on time" means the same everywhere.
//
// The clock starts on the day the item was received (a web submission, or
// the date an officer records for a call, letter or visit; complaints and
// denunciations count from their acceptance). The reply is due a number of
// working days later (rules.LimitReply); days paused while the commune
// waits for the resident's clarification do not count; one extension moves
// the due date. An item is answered on time when its first answer is
// published by the due date then in force.
//
// Dates are civil dates: time.Time values at midnight UTC whose year, month
// and day are the date in Vietnam.
package qclock

import "time"

// Calendar is the working-day calendar (portal/workdays).
type Calendar interface {
	IsWorkday(t time.Time) bool
	AddWorkdays(start time.Time, n int) time.Time
	CountWorkdays(from, to time.Time) int
}

// Clock holds the facts the deadline depends on.
type Clock struct {
	Start       time.Time // receipt, or acceptance for complaints and denunciations
	ReplyDays   int
	Extension   int       // days added by the one extension
	Paused      int       // days paused in pauses that ended
	PausedSince time.Time // the start of a pause still running; zero if none
	// CalendarDays: the limits count calendar days (complaints,
	// denunciations); a due date that falls on a day off moves to the next
	// working day (Civil Code 2015, Art. 148(4)).
	CalendarDays bool
}

// add counts n days of the clock's kind from the start.
func (c Clock) add(cal Calendar, n int) time.Time {
	if !c.CalendarDays {
		return cal.AddWorkdays(c.Start, n)
	}
	d := c.Start.AddDate(0, 0, n)
	for !cal.IsWorkday(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// Due is the date the reply is due. While a pause runs, the days since it
// began are not counted yet: the page shows the pause beside the date.
func (c Clock) Due(cal Calendar) time.Time {
	if c.Start.IsZero() {
		return time.Time{}
	}
	return c.add(cal, c.ReplyDays+c.Extension+c.Paused)
}

// VeryLate is the day after which an unanswered item is very overdue: past
// twice the reply time.
func (c Clock) VeryLate(cal Calendar) time.Time {
	if c.Start.IsZero() {
		return time.Time{}
	}
	return c.add(cal, 2*c.ReplyDays+c.Extension+c.Paused)
}

// PauseDays is the length of a pause from one date to another: the days
// after from, up to and including to. A clarification asked on Monday and
// given on Tuesday pauses the clock one day.
func (c Clock) PauseDays(cal Calendar, from, to time.Time) int {
	if !to.After(from) {
		return 0
	}
	if c.CalendarDays {
		return int(to.Sub(from).Hours() / 24)
	}
	return cal.CountWorkdays(from, to)
}

// Taken is how many days an answer given on the date answered took: the
// days after the start, up to and including that date, less the days
// paused.
func (c Clock) Taken(cal Calendar, answered time.Time) int {
	var n int
	if c.CalendarDays {
		n = int(answered.Sub(c.Start).Hours() / 24)
	} else {
		n = cal.CountWorkdays(c.Start, answered)
	}
	n -= c.Paused
	if n < 0 {
		return 0
	}
	return n
}

// TriageDue is the date by which a received item must be accepted,
// rejected or forwarded: n days after receipt.
func TriageDue(cal Calendar, received time.Time, n int, calendarDays bool) time.Time {
	return Clock{Start: received, CalendarDays: calendarDays}.add(cal, n)
}

// Standing is where an item stands against its clock on a given day.
type Standing int

const (
	NoClock     Standing = iota // not running: not accepted yet, or ended
	OnTrack                     // due later
	DueSoon                     // due within the next few working days
	Paused                      // waiting for the resident
	Overdue                     // past the due date
	VeryOverdue                 // past twice the reply time
)

// DueSoonDays is how close a due date counts as "due soon" (this week).
const DueSoonDays = 3

// StandingOn tells where a running clock stands on day today.
func (c Clock) StandingOn(cal Calendar, today time.Time) Standing {
	switch {
	case c.Start.IsZero():
		return NoClock
	case !c.PausedSince.IsZero():
		return Paused
	case today.After(c.VeryLate(cal)):
		return VeryOverdue
	}
	due := c.Due(cal)
	switch {
	case today.After(due):
		return Overdue
	case !due.After(cal.AddWorkdays(today, DueSoonDays)):
		return DueSoon
	}
	return OnTrack
}

// Late is how many days after the due date an answer given on answered
// came: zero when on time.
func Late(cal Calendar, due, answered time.Time, calendarDays bool) int {
	if !answered.After(due) {
		return 0
	}
	if calendarDays {
		return int(answered.Sub(due).Hours() / 24)
	}
	return cal.CountWorkdays(due, answered)
}
