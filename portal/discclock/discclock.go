// Package discclock is the legal clock of a disclosure: was it disclosed on
// time after its decision, and has it stayed posted long enough. Pages,
// exports and the plan's indicators all ask it, so "công khai đúng hạn"
// means the same everywhere.
//
// Dates are civil dates (midnight UTC standing for the day in Vietnam), as
// in portal/qclock. A limit of n working days counts from the day after
// the decision (workdays.Calendar.AddWorkdays); a limit of n calendar days
// that ends on a day off moves to the next working day (Civil Code 2015,
// Art. 148(4)).
package discclock

import (
	"time"

	"minhbach/portal/rules"
)

// Calendar is the working-day calendar (portal/workdays).
type Calendar interface {
	IsWorkday(t time.Time) bool
	AddWorkdays(start time.Time, n int) time.Time
	CountWorkdays(from, to time.Time) int
}

// Timing is how an item stands against its due date to disclose.
type Timing int

const (
	NoDecision Timing = iota // no decision date recorded: nothing to judge
	NoRule                   // the rule's due time is unknown, or no rule applies
	Pending                  // not published yet, still within time
	Overdue                  // not published yet, past the due date
	OnTime                   // published by the due date
	Late                     // published after the due date
)

// Posting is how an item stands against its minimum posting period.
type Posting int

const (
	PostNotYet  Posting = iota // not posted yet
	PostUnknown                // the minimum is unknown
	PostRunning                // posted, not long enough yet, still posted
	PostEnough                 // posted at least the minimum (or in force, for whole-period items)
	PostShort                  // taken down (window ended or withdrawn) before the minimum
)

// Facts are what the verdict depends on.
type Facts struct {
	Decided     time.Time // the decision date, or the end of the period reported
	Published   time.Time // first publication (civil date); zero for a draft
	PostFrom    time.Time // the posting window; zero From means from publication
	PostUntil   time.Time // zero: no end
	WithdrawnOn time.Time // civil date; zero if in force
}

// Verdict is the clock's answer, with the rule it was judged by.
type Verdict struct {
	Rule       rules.DisclosureRule
	Timing     Timing
	Due        time.Time // zero with NoDecision or NoRule
	LateDays   int       // with Late and Overdue: days past due, in the rule's unit
	Posting    Posting
	PostedDays int // days posted so far (to today), in the rule's unit
	PostNeed   int // the minimum, in the rule's unit; 0 for whole-period items
}

// Due is the last day to disclose an item decided on decided.
func Due(cal Calendar, r rules.DisclosureRule, decided time.Time) time.Time {
	if r.DueWorking {
		return cal.AddWorkdays(decided, r.DueDays)
	}
	d := decided.AddDate(0, 0, r.DueDays)
	for !cal.IsWorkday(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// daysBetween counts the days after from up to and including to, in the
// rule's unit.
func daysBetween(cal Calendar, working bool, from, to time.Time) int {
	if working {
		return cal.CountWorkdays(from, to)
	}
	return int(to.Sub(from).Hours() / 24)
}

// Judge gives the verdict on an item under rule r, on day today.
func Judge(cal Calendar, r rules.DisclosureRule, f Facts, today time.Time) Verdict {
	v := Verdict{Rule: r}
	switch {
	case f.Decided.IsZero():
		v.Timing = NoDecision
	case r.DueUnknown || r.Kind == "":
		v.Timing = NoRule
	default:
		v.Due = Due(cal, r, f.Decided)
		switch {
		case f.Published.IsZero() && today.After(v.Due):
			v.Timing, v.LateDays = Overdue, daysBetween(cal, r.DueWorking, v.Due, today)
		case f.Published.IsZero():
			v.Timing = Pending
		case f.Published.After(v.Due):
			v.Timing, v.LateDays = Late, daysBetween(cal, r.DueWorking, v.Due, f.Published)
		default:
			v.Timing = OnTime
		}
	}
	v.Posting, v.PostedDays, v.PostNeed = posting(cal, r, f, today)
	return v
}

// posting measures the posting window as it ran: from its first day (or
// publication, if later) to its last day, the withdrawal or today,
// whichever comes first. Every day of the window counts, its first one
// included.
func posting(cal Calendar, r rules.DisclosureRule, f Facts, today time.Time) (Posting, int, int) {
	if f.Published.IsZero() {
		return PostNotYet, 0, r.PostDays
	}
	start := f.PostFrom
	if start.IsZero() || start.Before(f.Published) {
		start = f.Published
	}
	if today.Before(start) {
		return PostNotYet, 0, r.PostDays
	}
	end, ended := today, false
	if !f.PostUntil.IsZero() && !f.PostUntil.After(end) {
		end, ended = f.PostUntil, f.PostUntil.Before(today)
	}
	if !f.WithdrawnOn.IsZero() && !f.WithdrawnOn.After(end) {
		// The day it was withdrawn does not count as a day posted.
		end, ended = f.WithdrawnOn.AddDate(0, 0, -1), true
	}
	n := 0
	if !end.Before(start) {
		n = daysBetween(cal, r.PostWorking, start.AddDate(0, 0, -1), end)
	}
	switch {
	case r.PostWhole:
		// Posted for as long as it was in force: its window is its force.
		return PostEnough, n, 0
	case r.PostUnknown:
		return PostUnknown, n, 0
	case n >= r.PostDays:
		return PostEnough, n, r.PostDays
	case ended:
		return PostShort, n, r.PostDays
	}
	return PostRunning, n, r.PostDays
}
