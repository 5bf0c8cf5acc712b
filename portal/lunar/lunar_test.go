package lunar

import (
	"errors"
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestNewYear(t *testing.T) {
	tests := []struct {
		year int
		want time.Time
	}{
		{1985, date(1985, time.January, 21)},  // China: 20 February
		{2007, date(2007, time.February, 17)}, // China: 18 February
		{2023, date(2023, time.January, 22)},
		{2024, date(2024, time.February, 10)},
		{2025, date(2025, time.January, 29)},
		{2026, date(2026, time.February, 17)},
		{2027, date(2027, time.February, 6)},
	}
	for _, tt := range tests {
		if got := NewYear(tt.year); !got.Equal(tt.want) {
			t.Errorf("NewYear(%d) = %s, want %s", tt.year, got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
		}
		if got := FromSolar(tt.want); got != (Date{tt.year, 1, 1, false}) {
			t.Errorf("FromSolar(%s) = %v, want 01/01/%d", tt.want.Format(time.DateOnly), got, tt.year)
		}
	}
}

func TestLeapYear2023(t *testing.T) {
	// Quý Mão (2023) repeats the 2nd month, so Hùng Kings' day (10/3) came
	// a month later than a plain year would put it.
	if got := LeapMonth(2023); got != 2 {
		t.Errorf("LeapMonth(2023) = %d, want 2", got)
	}
	got, err := ToSolar(2023, 3, 10, false)
	if err != nil || !got.Equal(date(2023, time.April, 29)) {
		t.Errorf("ToSolar(2023, 3, 10) = %s, %v; want 2023-04-29", got.Format(time.DateOnly), err)
	}
	leapStart, err := ToSolar(2023, 2, 1, true)
	if err != nil || !leapStart.Equal(date(2023, time.March, 22)) {
		t.Errorf("ToSolar(2023, 2 leap, 1) = %s, %v; want 2023-03-22", leapStart.Format(time.DateOnly), err)
	}
	if got := FromSolar(date(2023, time.March, 22)); got != (Date{2023, 2, 1, true}) {
		t.Errorf("FromSolar(2023-03-22) = %v, want 01/02/2023 (nhuận)", got)
	}
	if got := LeapMonth(2024); got != 0 {
		t.Errorf("LeapMonth(2024) = %d, want 0", got)
	}
}

func TestNoSuchDate(t *testing.T) {
	tests := []struct {
		year, month, day int
		leap             bool
	}{
		{2024, 2, 1, true}, // 2024 has no leap month
		{2023, 3, 1, true}, // 2023 repeats month 2, not 3
		{2024, 13, 1, false},
		{2024, 0, 1, false},
		{2024, 1, 0, false},
		{2024, 1, 31, false},
	}
	for _, tt := range tests {
		if _, err := ToSolar(tt.year, tt.month, tt.day, tt.leap); !errors.Is(err, ErrNoSuchDate) {
			t.Errorf("ToSolar(%d, %d, %d, %v) error = %v, want ErrNoSuchDate", tt.year, tt.month, tt.day, tt.leap, err)
		}
	}
}

// TestRoundTrip converts every day of 1900–2100 to the lunar calendar and
// back, and checks that the lunar days follow each other: day n+1 of the
// same month, or day 1 of the next month after a month of 29 or 30 days.
func TestRoundTrip(t *testing.T) {
	prev := FromSolar(date(1899, time.December, 31))
	for d := date(1900, time.January, 1); d.Year() <= 2100; d = d.AddDate(0, 0, 1) {
		l := FromSolar(d)
		back, err := ToSolar(l.Year, l.Month, l.Day, l.Leap)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%s → %v → %s, %v", d.Format(time.DateOnly), l, back.Format(time.DateOnly), err)
		}
		if l.Day == 1 {
			if prev.Day != 29 && prev.Day != 30 {
				t.Fatalf("%s: month before %v had %d days", d.Format(time.DateOnly), l, prev.Day)
			}
			n, err := MonthLength(prev.Year, prev.Month, prev.Leap)
			if err != nil || n != prev.Day {
				t.Fatalf("MonthLength(%v) = %d, %v; want %d", prev, n, err, prev.Day)
			}
			if l.Month == 1 && !l.Leap && l.Year != prev.Year+1 {
				t.Fatalf("%s: new year %d after %v", d.Format(time.DateOnly), l.Year, prev)
			}
		} else if l.Day != prev.Day+1 || l.Month != prev.Month || l.Leap != prev.Leap || l.Year != prev.Year {
			t.Fatalf("%s: %v follows %v", d.Format(time.DateOnly), l, prev)
		}
		prev = l
	}
}

func TestFromSolarIgnoresLocation(t *testing.T) {
	// 23:30 on 16 February 2007 in Vietnam is the 17th in China's zone;
	// only the civil date counts.
	vn := time.FixedZone("ICT", 7*3600)
	if got := FromSolar(time.Date(2007, time.February, 16, 23, 30, 0, 0, vn)); got.Day == 1 {
		t.Errorf("FromSolar(2007-02-16 23:30 +07) = %v, want the last day of the old year", got)
	}
}
