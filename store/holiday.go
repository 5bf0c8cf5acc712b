package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Kinds of holiday, as portal/workdays names them.
const (
	HolidayFixed  = "fixed"   // a Gregorian date set by the Labour Code
	HolidayLunar  = "lunar"   // Tết, Hùng Kings' day
	HolidayInLieu = "in-lieu" // a day off for a holiday on a weekend
	HolidaySwap   = "swap"    // a weekday off, worked back on a weekend day
)

// ErrDateTaken: the date is already a day of the other kind (a holiday
// when a working day is saved, or the other way round).
var ErrDateTaken = errors.New("store: the date is already in the holidays table as the other kind of day")

// ErrYearNotCovered: the date lies outside the years the table covers.
var ErrYearNotCovered = errors.New("store: the holidays table does not cover that year")

// Holiday is a date that is not a working day.
type Holiday struct {
	Date        time.Time // midnight UTC
	Name        string
	Kind        string // one of the Holiday* kinds
	Provisional bool
	Source      string
}

// WorkingDay is a weekend day worked in exchange for a weekday off.
type WorkingDay struct {
	Date        time.Time // midnight UTC
	Name        string
	Provisional bool
	Source      string
}

// HolidayYear is a year the table covers.
type HolidayYear struct {
	Year        int
	Announced   bool      // the government announced the year's schedule
	ConfirmedBy string    // the administrator who confirmed it, if one did
	ConfirmedAt time.Time // zero when no administrator confirmed it
}

// HolidayTable is the whole table, each list in date (or year) order.
type HolidayTable struct {
	Years       []HolidayYear
	Holidays    []Holiday
	WorkingDays []WorkingDay
}

// HolidayTable reads the whole table.
func (s *Store) HolidayTable(ctx context.Context) (HolidayTable, error) {
	t, err := s.holidayTable(ctx)
	if err != nil {
		return HolidayTable{}, fmt.Errorf("store: holidays: %w", err)
	}
	return t, nil
}

func (s *Store) holidayTable(ctx context.Context) (HolidayTable, error) {
	var t HolidayTable
	rows, err := s.r.QueryContext(ctx, `SELECT y.year, y.announced, COALESCE(u.name, ''), COALESCE(y.confirmed_at, '')
		FROM holiday_years y LEFT JOIN users u ON u.id = y.confirmed_by ORDER BY y.year`)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var y HolidayYear
		var at string
		if err := rows.Scan(&y.Year, &y.Announced, &y.ConfirmedBy, &at); err != nil {
			return t, err
		}
		y.ConfirmedAt = parseTS(at)
		t.Years = append(t.Years, y)
	}
	if err := rows.Err(); err != nil {
		return t, err
	}

	hrows, err := s.r.QueryContext(ctx, "SELECT date, name, kind, provisional, source FROM holidays ORDER BY date")
	if err != nil {
		return t, err
	}
	defer hrows.Close()
	for hrows.Next() {
		var h Holiday
		var date string
		if err := hrows.Scan(&date, &h.Name, &h.Kind, &h.Provisional, &h.Source); err != nil {
			return t, err
		}
		if h.Date, err = time.Parse(dateLayout, date); err != nil {
			return t, err
		}
		t.Holidays = append(t.Holidays, h)
	}
	if err := hrows.Err(); err != nil {
		return t, err
	}

	wrows, err := s.r.QueryContext(ctx, "SELECT date, name, provisional, source FROM working_days ORDER BY date")
	if err != nil {
		return t, err
	}
	defer wrows.Close()
	for wrows.Next() {
		var w WorkingDay
		var date string
		if err := wrows.Scan(&date, &w.Name, &w.Provisional, &w.Source); err != nil {
			return t, err
		}
		if w.Date, err = time.Parse(dateLayout, date); err != nil {
			return t, err
		}
		t.WorkingDays = append(t.WorkingDays, w)
	}
	return t, wrows.Err()
}

// SeedHolidays fills an empty table with t (the portal's default, from the
// Labour Code) and reports whether it did. A table that has years already
// is left as it is, so administrators' changes are never overwritten.
func (s *Store) SeedHolidays(ctx context.Context, t HolidayTable) (bool, error) {
	seeded := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM holiday_years").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		for _, y := range t.Years {
			if _, err := tx.ExecContext(ctx, "INSERT INTO holiday_years(year, announced) VALUES (?, ?)", y.Year, y.Announced); err != nil {
				return fmt.Errorf("year %d: %w", y.Year, err)
			}
		}
		for _, h := range t.Holidays {
			if _, err := tx.ExecContext(ctx, "INSERT INTO holidays(date, name, kind, provisional, source) VALUES (?, ?, ?, ?, ?)",
				h.Date.Format(dateLayout), h.Name, h.Kind, h.Provisional, h.Source); err != nil {
				return fmt.Errorf("holiday %s: %w", h.Date.Format(dateLayout), err)
			}
		}
		for _, w := range t.WorkingDays {
			if _, err := tx.ExecContext(ctx, "INSERT INTO working_days(date, name, provisional, source) VALUES (?, ?, ?, ?)",
				w.Date.Format(dateLayout), w.Name, w.Provisional, w.Source); err != nil {
				return fmt.Errorf("working day %s: %w", w.Date.Format(dateLayout), err)
			}
		}
		seeded = true
		detail := fmt.Sprintf("%d năm, %d ngày nghỉ, %d ngày làm bù", len(t.Years), len(t.Holidays), len(t.WorkingDays))
		return s.audit(ctx, tx, 0, "holidays.seed", "holidays", 0, detail)
	})
	if err != nil {
		return false, fmt.Errorf("store: seed holidays: %w", err)
	}
	return seeded, nil
}

// dayFree checks, inside a transaction, that date lies in a covered year
// and is not in the other table (other is "holidays" or "working_days",
// our own names).
func dayFree(ctx context.Context, tx *sql.Tx, date, other string) error {
	var covered, taken bool
	err := tx.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM holiday_years WHERE year = CAST(substr(?1, 1, 4) AS INTEGER)),
		EXISTS (SELECT 1 FROM `+other+` WHERE date = ?1)`, date).Scan(&covered, &taken)
	switch {
	case err != nil:
		return err
	case !covered:
		return ErrYearNotCovered
	case taken:
		return ErrDateTaken
	}
	return nil
}

// SaveHoliday adds a day off, or replaces the one on that date.
func (s *Store) SaveHoliday(ctx context.Context, h Holiday, userID int64) error {
	date := h.Date.Format(dateLayout)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := dayFree(ctx, tx, date, "working_days"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO holidays(date, name, kind, provisional, source) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(date) DO UPDATE SET name = excluded.name, kind = excluded.kind,
				provisional = excluded.provisional, source = excluded.source`,
			date, h.Name, h.Kind, h.Provisional, h.Source); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "holidays.save", "holidays", 0, date+" "+h.Name+" ("+h.Kind+")")
	})
	if err != nil {
		return fmt.Errorf("store: save holiday %s: %w", date, err)
	}
	return nil
}

// SaveWorkingDay adds a weekend day worked in exchange, or replaces the
// one on that date.
func (s *Store) SaveWorkingDay(ctx context.Context, w WorkingDay, userID int64) error {
	date := w.Date.Format(dateLayout)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := dayFree(ctx, tx, date, "holidays"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO working_days(date, name, provisional, source) VALUES (?, ?, ?, ?)
			ON CONFLICT(date) DO UPDATE SET name = excluded.name,
				provisional = excluded.provisional, source = excluded.source`,
			date, w.Name, w.Provisional, w.Source); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "holidays.save", "holidays", 0, date+" "+w.Name+" (làm bù)")
	})
	if err != nil {
		return fmt.Errorf("store: save working day %s: %w", date, err)
	}
	return nil
}

// DeleteHolidayDate removes the day off or working day on date;
// ErrNotFound when the table has neither.
func (s *Store) DeleteHolidayDate(ctx context.Context, date time.Time, userID int64) error {
	d := date.Format(dateLayout)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, `DELETE FROM holidays WHERE date = ? RETURNING name`, d).Scan(&name)
		if err == sql.ErrNoRows {
			err = tx.QueryRowContext(ctx, `DELETE FROM working_days WHERE date = ? RETURNING name`, d).Scan(&name)
		}
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "holidays.delete", "holidays", 0, d+" "+name)
	})
	if err != nil {
		return fmt.Errorf("store: delete holiday %s: %w", d, err)
	}
	return nil
}

// ConfirmHolidayYear records that the year's schedule was announced, as
// the table now has it: the year and every entry in it stop being
// provisional. ErrYearNotCovered when the table has no such year.
func (s *Store) ConfirmHolidayYear(ctx context.Context, year int, userID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE holiday_years SET announced = 1, confirmed_by = ?, confirmed_at = ? WHERE year = ?",
			nullID(userID), ts(s.now()), year)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrYearNotCovered
		}
		prefix := fmt.Sprintf("%04d-", year)
		for _, table := range []string{"holidays", "working_days"} {
			if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET provisional = 0 WHERE substr(date, 1, 5) = ?", prefix); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, userID, "holidays.confirm", "holidays", int64(year), fmt.Sprintf("Năm %d", year))
	})
	if err != nil {
		return fmt.Errorf("store: confirm holidays %d: %w", year, err)
	}
	return nil
}
