package portal

import (
	"testing"
	"time"

	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
)

func TestParseDecimal(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"96,5", 96.5, true}, {"96.5", 96.5, true}, {" 96,5 % ", 96.5, true}, {"100", 100, true},
		{"1.234,5", 1234.5, true}, {"1.234.567", 1234567, true}, {"1 120", 1120, true}, {"-3", -3, true},
		{"", 0, false}, {"abc", 0, false}, {"1,2,3", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
		{"1e9", 0, false}, {"9,", 0, false}, {",5", 0, false}, {"0x10", 0, false},
	} {
		got, ok := parseDecimal(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("parseDecimal(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	for v, want := range map[float64]string{96.5: "96,5", 1120: "1.120", 0: "0", 97.25: "97,25", 0.99999: "1", -2.5: "-2,5"} {
		if got := fmtDecimal(v); got != want {
			t.Errorf("fmtDecimal(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestPeriodsByTheVietnameseDate: which periods have started or ended is
// judged by the date in Vietnam, and only the plan's year counts.
func TestPeriodsByTheVietnameseDate(t *testing.T) {
	d := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	// 17:30 UTC on 31 May is already 1 June in Vietnam.
	lateMay := time.Date(2026, 5, 31, 17, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		kind string
		year int
		now  time.Time
		want time.Time // zero: none ended
	}{
		{plan.Month, 2026, lateMay, d(2026, 5)},
		{plan.Month, 2026, lateMay.Add(-time.Hour), d(2026, 4)},
		{plan.Quarter, 2026, lateMay, d(2026, 1)},
		{plan.Year, 2026, lateMay, time.Time{}},
		{plan.Month, 2026, time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC), time.Time{}}, // December belongs to 2025's plan
		{plan.Quarter, 2023, lateMay, d(2023, 10)},                                    // a past plan: its last quarter
		{plan.Year, 2023, lateMay, d(2023, 1)},
		{plan.Month, 2027, lateMay, time.Time{}},
	} {
		got, ok := lastEndedPeriod(c.kind, c.year, c.now)
		if ok != !c.want.IsZero() || !got.Equal(c.want) {
			t.Errorf("lastEndedPeriod(%s, %d, %v) = %v, %v; want %v", c.kind, c.year, c.now, got, ok, c.want)
		}
	}
	started := startedPeriods(plan.Quarter, 2026, lateMay)
	if len(started) != 2 || !started[0].Equal(d(2026, 4)) || !started[1].Equal(d(2026, 1)) {
		t.Errorf("started quarters: %v", started)
	}
	if n := len(startedPeriods(plan.Month, 2023, lateMay)); n != 12 {
		t.Errorf("months of a past year: %d", n)
	}
	for _, c := range []struct {
		kind string
		want string
	}{{plan.Month, "tháng 5/2026"}, {plan.Quarter, "quý II/2026"}, {plan.Year, "năm 2026"}} {
		if got := periodName(c.kind, scorecard.Containing(c.kind, d(2026, 5)).Start); got != c.want {
			t.Errorf("periodName(%s) = %q", c.kind, got)
		}
	}
}
