package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// smallTable is a two-year table: one provisional Tết day in 2027.
func smallTable() HolidayTable {
	return HolidayTable{
		Years: []HolidayYear{{Year: 2026, Announced: true}, {Year: 2027}},
		Holidays: []Holiday{
			{Date: day(2026, time.April, 30), Name: "Ngày Chiến thắng", Kind: HolidayFixed, Source: "BLLĐ"},
			{Date: day(2027, time.February, 6), Name: "Tết Âm lịch", Kind: HolidayLunar, Provisional: true, Source: "tạm tính"},
		},
		WorkingDays: []WorkingDay{{Date: day(2027, time.February, 13), Name: "Làm bù", Provisional: true, Source: "tạm tính"}},
	}
}

func TestSeedHolidaysOnlyOnce(t *testing.T) {
	s, _ := newTestStore(t)
	ctx := context.Background()
	if ok, err := s.SeedHolidays(ctx, smallTable()); err != nil || !ok {
		t.Fatalf("SeedHolidays on an empty table = %v, %v", ok, err)
	}
	admin := mustUser(t, s, "admin")
	if err := s.SaveHoliday(ctx, Holiday{Date: day(2026, time.April, 30), Name: "Sửa", Kind: HolidayFixed}, admin); err != nil {
		t.Fatal(err)
	}
	other := smallTable()
	other.Holidays[0].Name = "Mặc định"
	if ok, err := s.SeedHolidays(ctx, other); err != nil || ok {
		t.Fatalf("SeedHolidays on a filled table = %v, %v; want false", ok, err)
	}
	tab, err := s.HolidayTable(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Years) != 2 || len(tab.Holidays) != 2 || len(tab.WorkingDays) != 1 {
		t.Fatalf("table = %+v", tab)
	}
	if h := tab.Holidays[0]; h.Name != "Sửa" || !h.Date.Equal(day(2026, time.April, 30)) {
		t.Errorf("the administrator's change was overwritten: %+v", h)
	}
	if !tab.Years[0].Announced || tab.Years[1].Announced {
		t.Errorf("years = %+v", tab.Years)
	}
}

func TestSaveAndDeleteHolidays(t *testing.T) {
	s, _ := newTestStore(t)
	ctx := context.Background()
	if _, err := s.SeedHolidays(ctx, smallTable()); err != nil {
		t.Fatal(err)
	}
	admin := mustUser(t, s, "admin")
	sat := day(2026, time.May, 9)
	if err := s.SaveWorkingDay(ctx, WorkingDay{Date: sat, Name: "Làm bù ngày 04/5", Source: "Công văn"}, admin); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveHoliday(ctx, Holiday{Date: day(2026, time.May, 4), Name: "Nghỉ hoán đổi", Kind: HolidaySwap, Source: "Công văn"}, admin); err != nil {
		t.Fatal(err)
	}
	// A date is either off or worked.
	if err := s.SaveHoliday(ctx, Holiday{Date: sat, Name: "x", Kind: HolidayFixed}, admin); !errors.Is(err, ErrDateTaken) {
		t.Errorf("holiday on a working day: %v, want ErrDateTaken", err)
	}
	if err := s.SaveWorkingDay(ctx, WorkingDay{Date: day(2026, time.May, 2), Name: "x"}, admin); err != nil {
		t.Fatal(err) // Saturday 2/5/2026: not in the table yet
	}
	if err := s.SaveWorkingDay(ctx, WorkingDay{Date: day(2027, time.February, 6), Name: "x"}, admin); !errors.Is(err, ErrDateTaken) {
		t.Errorf("working day on a holiday: %v, want ErrDateTaken", err)
	}
	// Outside the covered years, and a weekday as a working day.
	if err := s.SaveHoliday(ctx, Holiday{Date: day(2031, time.January, 1), Name: "x", Kind: HolidayFixed}, admin); !errors.Is(err, ErrYearNotCovered) {
		t.Errorf("holiday in 2031: %v, want ErrYearNotCovered", err)
	}
	if err := s.SaveWorkingDay(ctx, WorkingDay{Date: day(2026, time.May, 6), Name: "x"}, admin); err == nil {
		t.Error("a Wednesday was saved as a weekend working day")
	}
	if err := s.SaveHoliday(ctx, Holiday{Date: day(2026, time.May, 7), Name: "x", Kind: "other"}, admin); err == nil {
		t.Error("an unknown kind was saved")
	}

	if err := s.DeleteHolidayDate(ctx, day(2026, time.May, 2), admin); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteHolidayDate(ctx, day(2026, time.May, 2), admin); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	tab, err := s.HolidayTable(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.WorkingDays) != 2 || !tab.WorkingDays[0].Date.Equal(sat) || tab.WorkingDays[0].Source != "Công văn" {
		t.Errorf("working days = %+v", tab.WorkingDays)
	}
	if len(tab.Holidays) != 3 || tab.Holidays[1].Kind != HolidaySwap {
		t.Errorf("holidays = %+v", tab.Holidays)
	}

	log, err := s.AuditLog(ctx, 20, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, e := range log {
		counts[e.Action]++
	}
	if counts["holidays.seed"] != 1 || counts["holidays.save"] != 3 || counts["holidays.delete"] != 1 {
		t.Errorf("audit actions = %v", counts)
	}
}

func TestConfirmHolidayYear(t *testing.T) {
	s, clock := newTestStore(t)
	ctx := context.Background()
	if _, err := s.SeedHolidays(ctx, smallTable()); err != nil {
		t.Fatal(err)
	}
	admin := mustUser(t, s, "admin")
	if err := s.ConfirmHolidayYear(ctx, 2027, admin); err != nil {
		t.Fatal(err)
	}
	if err := s.ConfirmHolidayYear(ctx, 2031, admin); !errors.Is(err, ErrYearNotCovered) {
		t.Errorf("confirm 2031: %v, want ErrYearNotCovered", err)
	}
	tab, err := s.HolidayTable(ctx)
	if err != nil {
		t.Fatal(err)
	}
	y := tab.Years[1]
	if !y.Announced || y.ConfirmedBy != "Cán bộ admin" || !y.ConfirmedAt.Equal(clock.Now()) {
		t.Errorf("2027 after confirming = %+v", y)
	}
	if tab.Holidays[1].Provisional || tab.WorkingDays[0].Provisional {
		t.Errorf("2027 entries still provisional: %+v %+v", tab.Holidays[1], tab.WorkingDays[0])
	}
}
