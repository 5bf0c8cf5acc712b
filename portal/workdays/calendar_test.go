package workdays

import (
	"math/rand/v2"
	"testing"
	"time"

	"minhbach/portal/lunar"
)

func d(y int, m time.Month, day int) time.Time { return date(y, m, day) }

func show(t time.Time) string { return t.Format("Mon 02/01/2006") }

var cal = Default(2023, 2030)

func TestAddWorkdays(t *testing.T) {
	tests := []struct {
		name  string
		start time.Time
		n     int
		want  time.Time
	}{
		{"zero days is the receipt day", d(2024, time.March, 6), 0, d(2024, time.March, 6)},
		{"received Friday, 1 day: Monday", d(2024, time.March, 8), 1, d(2024, time.March, 11)},
		{"received Monday, 5 days: next Monday", d(2024, time.March, 4), 5, d(2024, time.March, 11)},
		{"received Saturday, 1 day: Monday", d(2024, time.March, 9), 1, d(2024, time.March, 11)},
		{"received before Tết 2024, 1 day: after the break", d(2024, time.February, 7), 1, d(2024, time.February, 15)},
		{"received before Tết 2024, 5 days", d(2024, time.February, 7), 5, d(2024, time.February, 21)},
		{"received during Tết 2024", d(2024, time.February, 10), 1, d(2024, time.February, 15)},
		{"Saturday 26/4/2025 worked for 2/5", d(2025, time.April, 25), 1, d(2025, time.April, 26)},
		{"across 30/4–4/5/2025", d(2025, time.April, 25), 4, d(2025, time.May, 5)},
		{"across 27/4–1/5/2024 and Saturday 4/5 worked", d(2024, time.April, 26), 3, d(2024, time.May, 4)},
		{"Tết 2023 with days in lieu before and after", d(2023, time.January, 19), 1, d(2023, time.January, 27)},
		{"20 days across Tết 2025 (25/1–2/2 off)", d(2025, time.January, 2), 20, d(2025, time.February, 6)},
		{"back 1 day from Monday after Tết 2025", d(2025, time.February, 3), -1, d(2025, time.January, 24)},
		{"back 3 days from Wednesday", d(2024, time.March, 6), -3, d(2024, time.March, 1)},
		{"outside the table: weekends only", d(2031, time.September, 1), 1, d(2031, time.September, 2)},
	}
	for _, tt := range tests {
		if got := cal.AddWorkdays(tt.start, tt.n); !got.Equal(tt.want) {
			t.Errorf("%s: AddWorkdays(%s, %d) = %s, want %s", tt.name, show(tt.start), tt.n, show(got), show(tt.want))
		}
	}
}

// TestAnnouncedBreaks checks each announced break: every day of it off, the
// working days on each side, and the Saturdays worked in exchange.
func TestAnnouncedBreaks(t *testing.T) {
	breaks := []struct{ first, last time.Time }{
		{d(2023, time.January, 1), d(2023, time.January, 2)},
		{d(2023, time.January, 20), d(2023, time.January, 26)},
		{d(2023, time.April, 29), d(2023, time.May, 3)},
		{d(2023, time.September, 1), d(2023, time.September, 4)},
		{d(2024, time.February, 8), d(2024, time.February, 14)},
		{d(2024, time.April, 27), d(2024, time.May, 1)},
		{d(2024, time.August, 31), d(2024, time.September, 3)},
		{d(2025, time.January, 25), d(2025, time.February, 2)},
		{d(2025, time.April, 30), d(2025, time.May, 4)},
		{d(2025, time.August, 30), d(2025, time.September, 2)},
		{d(2026, time.February, 14), d(2026, time.February, 22)},
		{d(2026, time.April, 25), d(2026, time.April, 27)}, // Hùng Kings' day on Sunday 26/4: Monday off
	}
	for _, b := range breaks {
		for day := b.first; !day.After(b.last); day = day.AddDate(0, 0, 1) {
			if cal.IsWorkday(day) {
				t.Errorf("%s, in the break %s–%s, is a working day", show(day), show(b.first), show(b.last))
			}
		}
		before, after := b.first.AddDate(0, 0, -1), b.last.AddDate(0, 0, 1)
		if !cal.IsWorkday(before) && !weekend(before) || !cal.IsWorkday(after) && !weekend(after) {
			t.Errorf("break %s–%s is longer than announced", show(b.first), show(b.last))
		}
	}
	for _, w := range []time.Time{d(2024, time.May, 4), d(2025, time.April, 26)} {
		if !cal.IsWorkday(w) {
			t.Errorf("%s was worked in exchange, IsWorkday = false", show(w))
		}
	}
	if n := cal.CountWorkdays(d(2024, time.April, 26), d(2024, time.May, 5)); n != 3 {
		t.Errorf("working days 27/4–5/5/2024 = %d, want 3 (2/5, 3/5 and Saturday 4/5)", n)
	}
}

func TestInLieu(t *testing.T) {
	tests := []struct {
		holiday, dayOff time.Time
	}{
		{d(2023, time.January, 1), d(2023, time.January, 2)},     // Sunday → Monday
		{d(2026, time.April, 26), d(2026, time.April, 27)},       // Hùng Kings' day on Sunday
		{d(2027, time.May, 1), d(2027, time.May, 3)},             // Saturday → Monday
		{d(2028, time.January, 1), d(2028, time.January, 3)},     // Saturday → Monday
		{d(2030, time.November, 24), d(2030, time.November, 25)}, // Culture Day on Sunday
	}
	for _, tt := range tests {
		if cal.IsWorkday(tt.dayOff) {
			t.Errorf("%s is a working day; the holiday of %s gives it off", show(tt.dayOff), show(tt.holiday))
		}
		if !cal.IsWorkday(tt.dayOff.AddDate(0, 0, 1)) {
			t.Errorf("%s is off; only %s is in lieu of %s", show(tt.dayOff.AddDate(0, 0, 1)), show(tt.dayOff), show(tt.holiday))
		}
	}
	// Two holidays on one weekend give two days in lieu: 2/9/2029 is a
	// Sunday and the day beside it (1/9) a Saturday.
	if got := cal.AddWorkdays(d(2029, time.August, 31), 1); !got.Equal(d(2029, time.September, 5)) {
		t.Errorf("after 31/8/2029 the next working day is %s, want Wed 05/09/2029", show(got))
	}
}

func TestHungKingsDay(t *testing.T) {
	want := map[int]time.Time{
		2023: d(2023, time.April, 29), // the year repeats its 2nd month
		2024: d(2024, time.April, 18),
		2025: d(2025, time.April, 7),
		2026: d(2026, time.April, 26),
		2027: d(2027, time.April, 16),
		2028: d(2028, time.April, 4),
		2029: d(2029, time.April, 23),
		2030: d(2030, time.April, 12),
	}
	for y, w := range want {
		var found bool
		for _, h := range cal.Holidays(y) {
			if h.Kind == Lunar && h.Name == "Giỗ Tổ Hùng Vương (10/3 âm lịch)" {
				found = true
				if !h.Date.Equal(w) {
					t.Errorf("Hùng Kings' day %d = %s, want %s", y, show(h.Date), show(w))
				}
			}
		}
		if !found {
			t.Errorf("no Hùng Kings' day in %d", y)
		}
	}
}

func TestProvisional(t *testing.T) {
	for y := 2023; y <= 2030; y++ {
		if got, want := cal.Announced(y), y <= 2026; got != want {
			t.Errorf("Announced(%d) = %v, want %v", y, got, want)
		}
		for _, h := range cal.Holidays(y) {
			if h.Source == "" {
				t.Errorf("%s %s has no source", show(h.Date), h.Name)
			}
			tet := h.Name == "Tết Âm lịch" || h.Name == "Nghỉ bù Tết Âm lịch"
			if tet && h.Provisional != (y > 2026) {
				t.Errorf("%s %s: Provisional = %v", show(h.Date), h.Name, h.Provisional)
			}
			if h.Name == "Ngày Văn hóa Việt Nam" && !h.Provisional {
				t.Errorf("Culture Day %s is not marked provisional (medium confidence)", show(h.Date))
			}
			if h.Kind == Fixed && h.Date.Month() == time.April && h.Provisional {
				t.Errorf("30/4 %d is provisional: the Labour Code fixes it", y)
			}
		}
	}
	// Unannounced Tết: the last day of the old year and mùng 1–4.
	tet27 := lunar.NewYear(2027)
	for i := -1; i < 4; i++ {
		if day := tet27.AddDate(0, 0, i); cal.IsWorkday(day) {
			t.Errorf("%s (Tết 2027) is a working day", show(day))
		}
	}
	if !cal.Covers(d(2030, time.December, 31)) || cal.Covers(d(2031, time.January, 1)) || cal.Covers(d(2022, time.December, 31)) {
		t.Error("Covers does not match 2023–2030")
	}
	if !cal.IsWorkday(d(2031, time.September, 2)) {
		t.Error("2/9/2031, outside the table, should count as an ordinary Tuesday")
	}
}

// TestCountMatchesAdd checks the two operations against each other and
// against a plain day-by-day count, from random starts in and around the
// table's years.
func TestCountMatchesAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	first := d(2021, time.January, 1)
	for range 3000 {
		s := first.AddDate(0, 0, r.IntN(12*366))
		n := r.IntN(301)
		due := cal.AddWorkdays(s, n)
		if got := cal.CountWorkdays(s, due); got != n {
			t.Fatalf("CountWorkdays(%s, AddWorkdays(%s, %d) = %s) = %d", show(s), show(s), n, show(due), got)
		}
		if n > 0 && (!cal.IsWorkday(due) || cal.CountWorkdays(s, due.AddDate(0, 0, -1)) != n-1) {
			t.Fatalf("AddWorkdays(%s, %d) = %s is not the %d-th working day", show(s), n, show(due), n)
		}
		if n > 0 {
			back := cal.AddWorkdays(s, -n)
			if !cal.IsWorkday(back) || cal.CountWorkdays(back.AddDate(0, 0, -1), s.AddDate(0, 0, -1)) != n {
				t.Fatalf("AddWorkdays(%s, -%d) = %s is not the %d-th working day before", show(s), n, show(back), n)
			}
		}
		to := s.AddDate(0, 0, r.IntN(800)-100)
		naive := 0
		for day := s.AddDate(0, 0, 1); !day.After(to); day = day.AddDate(0, 0, 1) {
			if cal.IsWorkday(day) {
				naive++
			}
		}
		for day := to.AddDate(0, 0, 1); !day.After(s); day = day.AddDate(0, 0, 1) {
			if cal.IsWorkday(day) {
				naive--
			}
		}
		if got := cal.CountWorkdays(s, to); got != naive {
			t.Fatalf("CountWorkdays(%s, %s) = %d, counted %d", show(s), show(to), got, naive)
		}
	}
}

func TestCountWorkdaysDecade(t *testing.T) {
	// 2023–2032: 2610 weekdays; the table takes its weekday holidays off
	// and adds its two Saturdays worked. Counted here day by day once.
	from, to := d(2022, time.December, 31), d(2032, time.December, 31)
	naive := 0
	for day := from.AddDate(0, 0, 1); !day.After(to); day = day.AddDate(0, 0, 1) {
		if cal.IsWorkday(day) {
			naive++
		}
	}
	if got := cal.CountWorkdays(from, to); got != naive || got >= 2610 {
		t.Errorf("CountWorkdays over 2023–2032 = %d, day by day %d", got, naive)
	}
	// Ignores the time of day and location: civil dates.
	vn := time.FixedZone("ICT", 7*3600)
	if got := cal.CountWorkdays(time.Date(2024, 3, 8, 23, 0, 0, 0, vn), time.Date(2024, 3, 11, 1, 0, 0, 0, vn)); got != 1 {
		t.Errorf("Friday 23:00 to Monday 01:00 (+07) = %d working days, want 1", got)
	}
}

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name  string
		table Table
	}{
		{"empty years", Table{From: 2025, To: 2024}},
		{"holiday outside the years", Table{From: 2025, To: 2025, Holidays: []Holiday{{Date: d(2026, time.January, 1)}}}},
		{"worked weekday", Table{From: 2025, To: 2025, Workdays: []Workday{{Date: d(2025, time.May, 2)}}}},
		{"day both off and worked", Table{From: 2025, To: 2025,
			Holidays: []Holiday{{Date: d(2025, time.April, 26)}}, Workdays: []Workday{{Date: d(2025, time.April, 26)}}}},
	}
	for _, tt := range tests {
		if _, err := New(tt.table); err == nil {
			t.Errorf("%s: New accepted it", tt.name)
		}
	}
}
