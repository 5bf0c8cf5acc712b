package reception

import (
	"slices"
	"strings"
	"time"
)

// Status says whether a session is held.
type Status int

const (
	Held      Status = iota
	Off              // cancelled by a change (Reason says why)
	Holiday          // the slot falls on a public holiday (Reason is its name)
	MovedAway        // the slot's session was moved to MovedTo; listed on its old day as a pointer
)

// Session is one concrete reception session.
type Session struct {
	// Key identifies the session across renderings and versions: the slot
	// key and its original date ("chu-tich-2026-12-03"), or an extra
	// session's change key. A moved session keeps the key of its original
	// date, so a calendar replaces the event instead of adding one.
	Key       string
	SlotKey   string
	Date      time.Time // the day it is held (civil date)
	Start     string
	End       string
	Officer   string
	Title     string
	Phone     string
	Place     string
	Chairman  bool
	Status    Status
	Reason    string
	Extra     bool
	MovedFrom time.Time // set on a moved session: its original day
	MovedTo   time.Time // set on a MovedAway pointer: the new day
	// Sequence is the revision for calendars: 0 as planned, 1 once a change
	// touched it (moved or cancelled).
	Sequence int
}

// HolidayFunc names the public holiday on a civil date, if it is one.
type HolidayFunc func(day time.Time) (name string, ok bool)

// Sessions lists the sessions from `from` to `to` (inclusive civil
// dates) in order of day, start time and key.
//
// A weekly slot that falls on a public holiday is listed with status
// Holiday and the holiday's name: the office is closed, and residents who
// know the weekly day should read why there is no session rather than find
// it missing. An officer who receives on that day anyway records an extra
// session for the slot on that date; the holiday line then gives way to
// it. A cancellation or a move of that session also replaces the holiday
// line (a move is how the session is made up on another day).
func Sessions(s Schedule, from, to time.Time, holiday HolidayFunc) []Session {
	from, to = civil(from), civil(to)
	var out []Session
	type occurrence struct {
		slot string
		date string
	}
	changed := map[occurrence]Change{}
	extraOn := map[occurrence]bool{}
	for _, c := range s.Changes {
		o := occurrence{c.SlotKey, c.Date}
		if c.Kind == Extra {
			if c.SlotKey != "" {
				extraOn[o] = true
			}
			continue
		}
		changed[o] = c
	}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		wd := isoWeekday(d)
		ds := d.Format(time.DateOnly)
		for _, sl := range s.Slots {
			if sl.Weekday != wd {
				continue
			}
			x := fromSlot(sl, d)
			c, ok := changed[occurrence{sl.Key, ds}]
			switch {
			case ok && c.Kind == Cancelled:
				x.Status, x.Reason, x.Sequence = Off, c.Reason, 1
			case ok && c.Kind == Moved:
				nd, err := ParseDate(c.NewDate)
				if err != nil || nd.Equal(d) {
					// Moved within the day: shown by the moved session below.
					continue
				}
				x.Status, x.Reason, x.MovedTo = MovedAway, c.Reason, nd
				x.Key += "-doi" // the pointer is not the session: its own key
			default:
				name, isHoliday := "", false
				if holiday != nil {
					name, isHoliday = holiday(d)
				}
				if isHoliday {
					if extraOn[occurrence{sl.Key, ds}] {
						continue
					}
					x.Status, x.Reason = Holiday, name
				}
			}
			out = append(out, x)
		}
	}
	for _, c := range s.Changes {
		switch c.Kind {
		case Moved:
			nd, err := ParseDate(c.NewDate)
			od, err2 := ParseDate(c.Date)
			sl, ok := s.Slot(c.SlotKey)
			if err != nil || err2 != nil || !ok || nd.Before(from) || nd.After(to) {
				continue
			}
			x := fromSlot(sl, od)
			x.Date, x.MovedFrom, x.Reason, x.Sequence = nd, od, c.Reason, 1
			override(&x, c)
			out = append(out, x)
		case Extra:
			d, err := ParseDate(c.Date)
			if err != nil || d.Before(from) || d.After(to) {
				continue
			}
			x := Session{Key: c.Key, Date: d, Extra: true, Reason: c.Reason}
			if sl, ok := s.Slot(c.SlotKey); ok {
				x = fromSlot(sl, d)
				x.Key, x.Extra, x.Reason = c.Key, true, c.Reason
			} else {
				x.Officer, x.Title, x.Phone, x.Chairman = c.Officer, c.Title, c.Phone, c.Chairman
			}
			override(&x, c)
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(a, b Session) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

func fromSlot(sl Slot, d time.Time) Session {
	return Session{
		Key: sl.Key + "-" + d.Format(time.DateOnly), SlotKey: sl.Key, Date: d,
		Start: sl.Start, End: sl.End, Officer: sl.Officer, Title: sl.Title,
		Phone: sl.Phone, Place: sl.Place, Chairman: sl.Chairman,
	}
}

// override applies a move's or an extra session's own times and place.
func override(x *Session, c Change) {
	if c.Start != "" && c.End != "" {
		x.Start, x.End = c.Start, c.End
	}
	if c.Place != "" {
		x.Place = c.Place
	}
}

// Begins is when the session starts, in loc (Vietnam time).
func (s Session) Begins(loc *time.Location) time.Time { return at(s.Date, s.Start, loc) }

// Ends is when the session ends, in loc.
func (s Session) Ends(loc *time.Location) time.Time { return at(s.Date, s.End, loc) }

func at(d time.Time, clock string, loc *time.Location) time.Time {
	_, m, _ := ParseClock(clock)
	return time.Date(d.Year(), d.Month(), d.Day(), m/60, m%60, 0, 0, loc)
}

// WeekStart is the Monday of d's week.
func WeekStart(d time.Time) time.Time {
	d = civil(d)
	return d.AddDate(0, 0, 1-isoWeekday(d))
}

// WeeksWithoutChairman returns the Mondays of the weeks, among `weeks`
// weeks from the one holding `from`, in which no session of the chairman
// is held although the week has a working day: the Law on Citizen
// Reception 2013 Art. 15(2) asks the commune chairman to receive citizens
// at least one day a week. A week without any working day (Tết) is not
// flagged; workday nil means Monday to Friday.
func WeeksWithoutChairman(s Schedule, from time.Time, weeks int, holiday HolidayFunc, workday func(time.Time) bool) []time.Time {
	if weeks <= 0 {
		return nil
	}
	if workday == nil {
		workday = func(d time.Time) bool { return isoWeekday(d) <= 5 }
	}
	start := WeekStart(from)
	end := start.AddDate(0, 0, 7*weeks-1)
	held := map[time.Time]bool{}
	for _, x := range Sessions(s, start, end, holiday) {
		if x.Status == Held && x.Chairman {
			held[WeekStart(x.Date)] = true
		}
	}
	var out []time.Time
	for w := start; !w.After(end); w = w.AddDate(0, 0, 7) {
		if held[w] {
			continue
		}
		for i := 0; i < 7; i++ {
			if workday(w.AddDate(0, 0, i)) {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

func isoWeekday(d time.Time) int {
	if wd := int(d.Weekday()); wd != 0 {
		return wd
	}
	return 7
}

// IsoWeekday is d's ISO 8601 weekday: 1 Monday … 7 Sunday.
func IsoWeekday(d time.Time) int { return isoWeekday(d) }

func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
