// Package workdays is the clock for deadlines counted in working days
// ("ngày làm việc"): it skips weekends, public holidays, days off in lieu and
// swapped days, and counts the Saturdays the government turns into working
// days.
//
// Dates are civil dates: a time.Time whose year, month and day are used as
// they are (the rest of the portal stores them at UTC midnight). The clock
// knows the holidays of the years its table covers; outside them it skips
// weekends only, and Covers says so.
package workdays

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Kind says why a day is a holiday.
type Kind string

const (
	Fixed  Kind = "fixed"   // a Gregorian date set by the Labour Code (1/1, 30/4, …)
	Lunar  Kind = "lunar"   // a lunar date: Tết, Hùng Kings' day
	InLieu Kind = "in-lieu" // a day off for a holiday that fell on a weekend
	Swap   Kind = "swap"    // a weekday off, worked back on a Saturday (see Workday)
)

// Holiday is one day off. Provisional entries are computed by rule for a
// year whose schedule has not been announced, or rest on a source of medium
// confidence; an administrator confirms or corrects them.
type Holiday struct {
	Date        time.Time
	Name        string // in Vietnamese, as officers read it
	Kind        Kind
	Provisional bool
	Source      string // the legal text or announcement
}

// Workday is a weekend day that the government made a working day, usually
// in exchange for a weekday off (a Swap holiday).
type Workday struct {
	Date        time.Time
	Name        string
	Provisional bool
	Source      string
}

// Table is what a Calendar is built from: the years it covers, which of them
// have an announced schedule, and their days off and swapped working days.
type Table struct {
	From, To  int   // years covered, inclusive
	Announced []int // years whose schedule the government has announced
	Holidays  []Holiday
	Workdays  []Workday
}

// Calendar answers working-day questions. It is immutable and safe for
// concurrent use.
type Calendar struct {
	from, to  int
	announced map[int]bool
	holidays  []Holiday // sorted by date
	workdays  []Workday // sorted by date
	off       map[int]bool
	on        map[int]bool
	// adjust lists, in order, the days where the table departs from
	// "Monday to Friday": a weekday off (-1) or a weekend day worked (+1);
	// net[i] is the sum of the changes up to and including adjust[i]. With
	// them the number of working days up to any date is a closed formula
	// plus one binary search, so counting over years costs no loop.
	adjust []int
	net    []int
}

// New checks a table and builds its calendar. It refuses entries outside
// the covered years, a swapped working day that is not a weekend day, and
// a day that is both off and worked.
func New(t Table) (*Calendar, error) {
	if t.From > t.To {
		return nil, fmt.Errorf("workdays: years %d–%d are empty", t.From, t.To)
	}
	c := &Calendar{
		from: t.From, to: t.To,
		announced: map[int]bool{},
		holidays:  slices.Clone(t.Holidays),
		workdays:  slices.Clone(t.Workdays),
		off:       map[int]bool{},
		on:        map[int]bool{},
	}
	for _, y := range t.Announced {
		c.announced[y] = true
	}
	for i, h := range c.holidays {
		c.holidays[i].Date = civil(h.Date)
		if !c.Covers(h.Date) {
			return nil, fmt.Errorf("workdays: holiday %s outside %d–%d", h.Date.Format(time.DateOnly), t.From, t.To)
		}
		c.off[dayNumber(h.Date)] = true
	}
	for i, w := range c.workdays {
		c.workdays[i].Date = civil(w.Date)
		if !c.Covers(w.Date) {
			return nil, fmt.Errorf("workdays: working day %s outside %d–%d", w.Date.Format(time.DateOnly), t.From, t.To)
		}
		if !weekend(w.Date) {
			return nil, fmt.Errorf("workdays: working day %s is not a weekend day", w.Date.Format(time.DateOnly))
		}
		d := dayNumber(w.Date)
		if c.off[d] {
			return nil, fmt.Errorf("workdays: %s is both a holiday and a working day", w.Date.Format(time.DateOnly))
		}
		c.on[d] = true
	}
	sort.SliceStable(c.holidays, func(i, j int) bool { return c.holidays[i].Date.Before(c.holidays[j].Date) })
	sort.SliceStable(c.workdays, func(i, j int) bool { return c.workdays[i].Date.Before(c.workdays[j].Date) })

	changes := map[int]int{}
	for d := range c.off {
		if weekday(d) {
			changes[d] = -1
		}
	}
	for d := range c.on {
		changes[d] = +1
	}
	c.adjust = make([]int, 0, len(changes))
	for d := range changes {
		c.adjust = append(c.adjust, d)
	}
	slices.Sort(c.adjust)
	c.net = make([]int, len(c.adjust))
	sum := 0
	for i, d := range c.adjust {
		sum += changes[d]
		c.net[i] = sum
	}
	return c, nil
}

// Covers reports whether the table covers t's year. Outside it the
// calendar knows weekends only: holidays there are not skipped.
func (c *Calendar) Covers(t time.Time) bool {
	return t.Year() >= c.from && t.Year() <= c.to
}

// Announced reports whether year y's schedule was announced; in a covered
// year that was not, Tết and the days around it are provisional.
func (c *Calendar) Announced(y int) bool { return c.announced[y] }

// Holidays returns the days off of year y, in date order.
func (c *Calendar) Holidays(y int) []Holiday {
	var out []Holiday
	for _, h := range c.holidays {
		if h.Date.Year() == y {
			out = append(out, h)
		}
	}
	return out
}

// Workdays returns the weekend days worked in year y, in date order.
func (c *Calendar) Workdays(y int) []Workday {
	var out []Workday
	for _, w := range c.workdays {
		if w.Date.Year() == y {
			out = append(out, w)
		}
	}
	return out
}

// IsWorkday reports whether t is a working day: Monday to Friday and not a
// day off, or a weekend day the government made a working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	d := dayNumber(t)
	if c.on[d] {
		return true
	}
	return weekday(d) && !c.off[d]
}

// CountWorkdays is the number of working days after from, up to and
// including to; negative when to is before from.
func (c *Calendar) CountWorkdays(from, to time.Time) int {
	return c.upTo(dayNumber(to)) - c.upTo(dayNumber(from))
}

// AddWorkdays returns the due date of a time limit of n working days that
// starts on start, the day of receipt: the receipt day itself is not
// counted, day 1 is the first working day after it, and the due date is the
// n-th, always a working day. So a file received on Friday with 1 working
// day is due on Monday, and one received on Monday with 5 is due on the
// next Monday. AddWorkdays(s, 0) is s. For n < 0 it counts back: the |n|-th
// working day before start.
//
// Whether a document received on a Saturday or after hours counts as
// received on the next working day is the caller's business: pass that day.
func (c *Calendar) AddWorkdays(start time.Time, n int) time.Time {
	s := dayNumber(start)
	switch {
	case n > 0:
		return fromDayNumber(c.firstReaching(c.upTo(s)+n, s))
	case n < 0:
		// The |n|-th working day d before s has |n| working days in
		// [d, s): it is the first day with upTo(d) > upTo(s-1)+n.
		target := c.upTo(s-1) + n + 1
		lo := s - 1
		for step := 1; c.upTo(lo) >= target; step *= 2 {
			lo -= step
		}
		return fromDayNumber(c.firstReaching(target, lo))
	}
	return civil(start)
}

// firstReaching returns the first day after lo whose count reaches target,
// given that lo's does not. upTo steps up only on working days, so that day
// is a working day. It doubles a bound, then bisects: a few dozen lookups
// for any n.
func (c *Calendar) firstReaching(target, lo int) int {
	hi := lo + 1
	for step := 1; c.upTo(hi) < target; step *= 2 {
		lo, hi = hi, hi+step
	}
	for lo+1 < hi {
		mid := lo + (hi-lo)/2
		if c.upTo(mid) >= target {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// upTo counts the working days up to and including day d, from an arbitrary
// origin: only differences mean anything.
func (c *Calendar) upTo(d int) int {
	n := weekdaysUpTo(d)
	if i := sort.SearchInts(c.adjust, d+1); i > 0 {
		n += c.net[i-1]
	}
	return n
}

// dayNumber is the number of days from 1970-01-01 to civil date t.
func dayNumber(t time.Time) int {
	return int(civil(t).Unix() / 86400)
}

func fromDayNumber(d int) time.Time {
	return time.Unix(int64(d)*86400, 0).UTC()
}

// civil keeps t's year, month and day at UTC midnight.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// weekday reports whether day d is Monday to Friday. Day 0, 1970-01-01, was
// a Thursday, so day -3 was a Monday.
func weekday(d int) bool { return mod(d+3, 7) < 5 }

func weekend(t time.Time) bool {
	return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday
}

// weekdaysUpTo counts Monday-to-Friday days from day -3 (a Monday) up to and
// including day d; for earlier d it goes negative in step, so differences
// stay right.
func weekdaysUpTo(d int) int {
	x := d + 3 + 1 // days from Monday -3 through d
	return 5*floorDiv(x, 7) + min(mod(x, 7), 5)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - b*floorDiv(a, b) }
