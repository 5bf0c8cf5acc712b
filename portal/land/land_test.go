package land

import (
	"reflect"
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParsePeriodBound(t *testing.T) {
	for _, tc := range []struct {
		in     string
		end    bool
		stored string
		date   time.Time
	}{
		{"2021", false, "2021", date(2021, 1, 1)},
		{"2030", true, "2030", date(2030, 12, 31)},
		{" 05/02/2024 ", false, "2024-02-05", date(2024, 2, 5)},
		{"5/2/2024", true, "2024-02-05", date(2024, 2, 5)},
		{"2025-12-31", true, "2025-12-31", date(2025, 12, 31)},
	} {
		s, d, err := ParsePeriodBound(tc.in, tc.end)
		if err != nil || s != tc.stored || !d.Equal(tc.date) {
			t.Errorf("ParsePeriodBound(%q) = %q %v %v", tc.in, s, d, err)
		}
	}
	for _, bad := range []string{"", "20xx", "1850", "31/02/2024", "2024-13-01", "hai nghìn"} {
		if _, _, err := ParsePeriodBound(bad, false); err == nil {
			t.Errorf("ParsePeriodBound(%q) accepted", bad)
		}
	}
}

func TestPlanPeriod(t *testing.T) {
	p := Plan{PeriodFrom: "2021", PeriodTo: "2030"}
	if p.PeriodText() != "2021–2030" || !p.Start().Equal(date(2021, 1, 1)) || !p.End().Equal(date(2030, 12, 31)) {
		t.Errorf("period %q %v %v", p.PeriodText(), p.Start(), p.End())
	}
	if !p.Current(date(2030, 12, 31)) || p.Current(date(2031, 1, 1)) || p.Current(date(2020, 12, 31)) {
		t.Error("Current is wrong at the period's edges")
	}
	if (Plan{PeriodFrom: "2025", PeriodTo: "2025"}).PeriodText() != "năm 2025" {
		t.Error("a one-year plan")
	}
	if got := (Plan{PeriodFrom: "2025-01-01", PeriodTo: "2025"}).PeriodText(); got != "01/01/2025 – 2025" {
		t.Errorf("mixed period %q", got)
	}
	p.Maps = []Map{{Full: 4, Small: 5}, {Full: 6, Small: 6}, {Full: 4, Small: 5}}
	if !reflect.DeepEqual(p.Attachments(), []int64{4, 5, 6}) {
		t.Errorf("Attachments = %v", p.Attachments())
	}
}

func TestCompensation(t *testing.T) {
	c := Compensation{Villages: []Village{{1, "Thôn Đông"}, {3, "Thôn Nam"}}, MeetingOn: "2024-12-02"}
	if c.VillageNames() != "Thôn Đông, Thôn Nam" || !c.Meeting().Equal(date(2024, 12, 2)) {
		t.Errorf("%q %v", c.VillageNames(), c.Meeting())
	}
}
