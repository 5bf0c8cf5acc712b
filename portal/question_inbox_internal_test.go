package portal

import (
	"testing"
	"time"
)

// "This week" in the officers' counts runs to Sunday, a Vietnamese week
// starting on Monday.
func TestWeekEndIsTheComingSunday(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, time.November, day, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct{ day, want int }{
		{23, 29}, // Monday
		{26, 29}, // Thursday
		{28, 29}, // Saturday
		{29, 29}, // Sunday: the week ends today
		{30, 6},  // Monday of the next week, ending in December
	} {
		want := d(tc.want)
		if tc.want < tc.day {
			want = time.Date(2026, time.December, tc.want, 0, 0, 0, 0, time.UTC)
		}
		if got := weekEnd(d(tc.day)); !got.Equal(want) {
			t.Errorf("week of %s ends %s, want %s", d(tc.day).Format("Mon 02/01"), got.Format("Mon 02/01"), want.Format("Mon 02/01"))
		}
	}
}

// A page key of the inbox reads back only in the spelling it is written.
func TestDueKeyRoundTrip(t *testing.T) {
	for _, s := range []string{"2026-11-26.12", ".7"} {
		c, ok := parseDueKey(s)
		if !ok || dueKeyOf(c) != s {
			t.Errorf("%q: %v %v", s, c, ok)
		}
	}
	for _, s := range []string{"", "2026-11-26", "2026-11-26.0", "2026-11-26.x", "26/11/2026.3", "2026-11-26.012"} {
		if _, ok := parseDueKey(s); ok {
			t.Errorf("%q accepted", s)
		}
	}
}
