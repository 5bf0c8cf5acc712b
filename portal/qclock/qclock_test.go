package qclock_test

import (
	"testing"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/workdays"
)

var cal = workdays.Default(2023, 2030)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

func TestDue(t *testing.T) {
	tests := []struct {
		name  string
		clock qclock.Clock
		want  time.Time
	}{
		// Monday 2 November 2026 + 10 working days: 16 November.
		{"plain", qclock.Clock{Start: d(2026, 11, 2), ReplyDays: 10}, d(2026, 11, 16)},
		// Received on Saturday: the weekend is skipped.
		{"weekend receipt", qclock.Clock{Start: d(2026, 11, 7), ReplyDays: 1}, d(2026, 11, 9)},
		// Culture Day, Tuesday 24 November 2026, is a day off.
		{"culture day", qclock.Clock{Start: d(2026, 11, 20), ReplyDays: 3}, d(2026, 11, 26)},
		// Tết 2026: 16–20 February off; received Friday 13 February.
		{"across Tết", qclock.Clock{Start: d(2026, 2, 13), ReplyDays: 2}, d(2026, 2, 24)},
		// Across the year end: 1 January 2027 is a holiday (Friday).
		{"year end", qclock.Clock{Start: d(2026, 12, 30), ReplyDays: 2}, d(2027, 1, 4)},
		// Pauses and the extension move the date.
		{"paused and extended", qclock.Clock{Start: d(2026, 11, 2), ReplyDays: 10, Paused: 2, Extension: 3}, d(2026, 11, 23)},
		// Calendar days: 30 days after Sunday 1 November 2026 is Tuesday 1 December.
		{"calendar days", qclock.Clock{Start: d(2026, 11, 1), ReplyDays: 30, CalendarDays: true}, d(2026, 12, 1)},
		// A calendar-day limit ending on a weekend moves to Monday.
		{"calendar days, weekend end", qclock.Clock{Start: d(2026, 11, 2), ReplyDays: 5, CalendarDays: true}, d(2026, 11, 9)},
		{"not started", qclock.Clock{ReplyDays: 10}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.clock.Due(cal); !got.Equal(tt.want) {
				t.Errorf("Due = %s, want %s", got.Format("2006-01-02"), tt.want.Format("2006-01-02"))
			}
		})
	}
}

// A swapped working day (a Saturday worked in exchange for a weekday off)
// counts as a working day.
func TestDueCountsASwappedWorkingDay(t *testing.T) {
	tbl, err := workdays.Build(2026, 2026, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Make Saturday 7 November 2026 a working day and Friday 6 a day off.
	tbl.Workdays = append(tbl.Workdays, workdays.Workday{Date: d(2026, 11, 7), Name: "làm bù"})
	tbl.Holidays = append(tbl.Holidays, workdays.Holiday{Date: d(2026, 11, 6), Name: "nghỉ bù", Kind: workdays.Swap})
	c, err := workdays.New(tbl)
	if err != nil {
		t.Fatal(err)
	}
	got := qclock.Clock{Start: d(2026, 11, 5), ReplyDays: 1}.Due(c)
	if !got.Equal(d(2026, 11, 7)) {
		t.Errorf("Due = %s, want the worked Saturday 2026-11-07", got.Format("2006-01-02"))
	}
}

func TestTakenAndLate(t *testing.T) {
	c := qclock.Clock{Start: d(2026, 11, 2), ReplyDays: 10, Paused: 1}
	// Answered Tuesday 17 November: 11 working days after receipt, one paused.
	if got := c.Taken(cal, d(2026, 11, 17)); got != 10 {
		t.Errorf("Taken = %d, want 10", got)
	}
	due := c.Due(cal) // 17 November
	if got := qclock.Late(cal, due, d(2026, 11, 17), false); got != 0 {
		t.Errorf("Late on the due date = %d, want 0", got)
	}
	// Thursday 19 November: two working days late.
	if got := qclock.Late(cal, due, d(2026, 11, 19), false); got != 2 {
		t.Errorf("Late = %d, want 2", got)
	}
	if got := c.Taken(cal, d(2026, 11, 2)); got != 0 {
		t.Errorf("Taken on the day of receipt = %d, want 0", got)
	}
}

func TestPauseDays(t *testing.T) {
	c := qclock.Clock{Start: d(2026, 11, 2), ReplyDays: 10}
	// Asked Friday 6 November, answered Monday 9: one working day.
	if got := c.PauseDays(cal, d(2026, 11, 6), d(2026, 11, 9)); got != 1 {
		t.Errorf("PauseDays = %d, want 1", got)
	}
	if got := c.PauseDays(cal, d(2026, 11, 6), d(2026, 11, 6)); got != 0 {
		t.Errorf("PauseDays same day = %d, want 0", got)
	}
	c.CalendarDays = true
	if got := c.PauseDays(cal, d(2026, 11, 6), d(2026, 11, 9)); got != 3 {
		t.Errorf("calendar PauseDays = %d, want 3", got)
	}
}

func TestStandingOn(t *testing.T) {
	c := qclock.Clock{Start: d(2026, 11, 2), ReplyDays: 10} // due 16 November, very late after 30 November
	tests := []struct {
		today time.Time
		want  qclock.Standing
	}{
		{d(2026, 11, 3), qclock.OnTrack},
		{d(2026, 11, 11), qclock.DueSoon},
		{d(2026, 11, 16), qclock.DueSoon},
		{d(2026, 11, 17), qclock.Overdue},
		{d(2026, 12, 1), qclock.Overdue},
		{d(2026, 12, 2), qclock.VeryOverdue},
	}
	for _, tt := range tests {
		if got := c.StandingOn(cal, tt.today); got != tt.want {
			t.Errorf("StandingOn(%s) = %d, want %d", tt.today.Format("2006-01-02"), got, tt.want)
		}
	}
	paused := c
	paused.PausedSince = d(2026, 11, 10)
	if got := paused.StandingOn(cal, d(2026, 12, 20)); got != qclock.Paused {
		t.Errorf("a paused clock stands %d, want Paused", got)
	}
	if got := (qclock.Clock{}).StandingOn(cal, d(2026, 11, 3)); got != qclock.NoClock {
		t.Errorf("no clock stands %d", got)
	}
}

func TestTriageDue(t *testing.T) {
	if got := qclock.TriageDue(cal, d(2026, 11, 20), 5, false); !got.Equal(d(2026, 11, 30)) {
		t.Errorf("TriageDue = %s, want 2026-11-30 (Culture Day skipped)", got.Format("2006-01-02"))
	}
}
