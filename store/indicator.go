package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// IndicatorSchema is the schema version that holds indicator values and
// links (migration 0013).
const IndicatorSchema = 13

// planKind is the kind of the disclosures that hold a plan (portal/plan
// Kind); indicator values and links belong to one.
const planKind = "ke-hoach-papi"

// Period kinds of an indicator value (portal/plan Month, Quarter, Year).
const (
	PeriodMonth   = "month"
	PeriodQuarter = "quarter"
	PeriodYear    = "year"
)

// ErrValueChanged is a value entered as the first of its period when one
// exists, or as a correction of a value that is no longer the one in force:
// someone else entered the period meanwhile.
var ErrValueChanged = errors.New("store: the period's value changed meanwhile")

// ErrNotAPlan is a value or link for a disclosure that holds no plan.
var ErrNotAPlan = errors.New("store: not a plan")

// IndicatorValueInput is a figure an officer enters.
type IndicatorValueInput struct {
	PlanID    int64
	Indicator string // plan.IndicatorKey
	// PeriodKind and PeriodStart: the period the figure is for; the start
	// is the first day of its month, quarter or year (a civil date).
	PeriodKind  string
	PeriodStart time.Time
	Value       float64
	// AttachmentID is the evidence file (SaveAttachment); 0 for none.
	AttachmentID int64
	Note         string
	// Replaces is the value in force that this one corrects; 0 when the
	// period has none yet. A correction needs a note saying why.
	Replaces int64
	UserID   int64
}

// IndicatorValue is one entered figure, in force or replaced.
type IndicatorValue struct {
	ID           int64
	PlanID       int64
	Indicator    string
	PeriodKind   string
	PeriodStart  time.Time
	Value        float64
	AttachmentID int64
	Note         string
	Replaces     int64
	EnteredBy    int64
	EnteredName  string // the officer's name; "" when gone
	EnteredAt    time.Time
}

// PeriodStartOK reports whether start is the first day of a period of the
// kind: any month, a quarter (January, April, July, October) or a year.
func PeriodStartOK(kind string, start time.Time) bool {
	if start.IsZero() || start.Day() != 1 || start.Hour() != 0 || start.Minute() != 0 || start.Second() != 0 || start.Nanosecond() != 0 {
		return false
	}
	switch kind {
	case PeriodMonth:
		return true
	case PeriodQuarter:
		return (start.Month()-1)%3 == 0
	case PeriodYear:
		return start.Month() == time.January
	}
	return false
}

// isPlan checks that id is a plan disclosure.
func isPlan(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id int64) error {
	var kind string
	err := q.QueryRowContext(ctx, "SELECT kind FROM disclosures WHERE id = ?", id).Scan(&kind)
	if err == sql.ErrNoRows {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: plan %d: %w", id, err)
	}
	if kind != planKind {
		return ErrNotAPlan
	}
	return nil
}

// AddIndicatorValue records a figure and returns its id. The first value
// of a period has Replaces 0; a correction names the value in force, and
// ErrValueChanged says that it is not (anymore). The officer's range
// checks belong to the plan (portal/plan Indicator Min and Max); this
// checks the record: the period, the note of a correction, the file.
func (s *Store) AddIndicatorValue(ctx context.Context, in IndicatorValueInput) (int64, error) {
	if !strings.Contains(in.Indicator, "/") || !PeriodStartOK(in.PeriodKind, in.PeriodStart) {
		return 0, fmt.Errorf("store: indicator value %q for %s %s: %w", in.Indicator, in.PeriodKind, fmtDate(in.PeriodStart), ErrInvalid)
	}
	if in.Replaces != 0 && strings.TrimSpace(in.Note) == "" {
		return 0, ErrReasonRequired
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := isPlan(ctx, tx, in.PlanID); err != nil {
			return err
		}
		var current int64
		err := tx.QueryRowContext(ctx, `
			SELECT id FROM indicator_values
			WHERE plan_id = ? AND indicator = ? AND period_kind = ? AND period_start = ?
			ORDER BY id DESC LIMIT 1`,
			in.PlanID, in.Indicator, in.PeriodKind, fmtDate(in.PeriodStart)).Scan(&current)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("store: indicator value in force: %w", err)
		}
		if current != in.Replaces {
			return ErrValueChanged
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO indicator_values(plan_id, indicator, period_kind, period_start, value,
				attachment_id, note, replaces, entered_by, entered_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			in.PlanID, in.Indicator, in.PeriodKind, fmtDate(in.PeriodStart), in.Value,
			nullID(in.AttachmentID), strings.TrimSpace(in.Note), nullID(in.Replaces), nullID(in.UserID), ts(s.now()))
		if err != nil {
			return fmt.Errorf("store: add indicator value: %w", err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		action := "indicator_value"
		if in.Replaces != 0 {
			action = "indicator_value_corrected"
		}
		detail := fmt.Sprintf("%s %s %s: %s", in.Indicator, in.PeriodKind, fmtDate(in.PeriodStart), formatFloat(in.Value))
		return s.audit(ctx, tx, in.UserID, action, "disclosure", in.PlanID, detail)
	})
	return id, err
}

func formatFloat(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", v), "0"), ".")
}

const valueCols = `SELECT v.id, v.plan_id, v.indicator, v.period_kind, v.period_start, v.value,
	COALESCE(v.attachment_id, 0), v.note, COALESCE(v.replaces, 0), COALESCE(v.entered_by, 0),
	COALESCE(u.name, ''), v.entered_at
	FROM indicator_values v LEFT JOIN users u ON u.id = v.entered_by`

func (s *Store) collectValues(ctx context.Context, query string, args ...any) ([]IndicatorValue, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: indicator values: %w", err)
	}
	defer rows.Close()
	var out []IndicatorValue
	for rows.Next() {
		var v IndicatorValue
		var start, at string
		if err := rows.Scan(&v.ID, &v.PlanID, &v.Indicator, &v.PeriodKind, &start, &v.Value,
			&v.AttachmentID, &v.Note, &v.Replaces, &v.EnteredBy, &v.EnteredName, &at); err != nil {
			return nil, fmt.Errorf("store: indicator values: %w", err)
		}
		v.PeriodStart, v.EnteredAt = parseDate(start), parseTS(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// IndicatorValues lists a plan's values in force, the newest of each
// period, by indicator and period.
func (s *Store) IndicatorValues(ctx context.Context, planID int64) ([]IndicatorValue, error) {
	return s.collectValues(ctx, valueCols+`
		WHERE v.plan_id = ? AND NOT EXISTS (SELECT 1 FROM indicator_values r WHERE r.replaces = v.id)
		ORDER BY v.indicator, v.period_kind, v.period_start`, planID)
}

// IndicatorValueHistory lists every value entered for one indicator of a
// plan, replaced ones included, newest first.
func (s *Store) IndicatorValueHistory(ctx context.Context, planID int64, indicator string) ([]IndicatorValue, error) {
	return s.collectValues(ctx, valueCols+`
		WHERE v.plan_id = ? AND v.indicator = ? ORDER BY v.id DESC`, planID, indicator)
}

// IndicatorLink is a disclosure linked to an indicator as its evidence.
type IndicatorLink struct {
	ID           int64
	PlanID       int64
	Indicator    string
	DisclosureID int64
	AddedBy      int64
	AddedAt      time.Time
}

// LinkIndicator links a disclosure to a plan's indicator; linking one
// already linked changes nothing.
func (s *Store) LinkIndicator(ctx context.Context, planID int64, indicator string, disclosureID, userID int64) error {
	if !strings.Contains(indicator, "/") {
		return ErrInvalid
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := isPlan(ctx, tx, planID); err != nil {
			return err
		}
		var exists int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM disclosures WHERE id = ?", disclosureID).Scan(&exists); err != nil {
			return fmt.Errorf("store: link indicator: %w", err)
		}
		if exists == 0 {
			return ErrNotFound
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO indicator_links(plan_id, indicator, disclosure_id, added_by, added_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			planID, indicator, disclosureID, nullID(userID), ts(s.now()))
		if err != nil {
			return fmt.Errorf("store: link indicator: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.audit(ctx, tx, userID, "indicator_linked", "disclosure", planID,
			fmt.Sprintf("%s: #%d", indicator, disclosureID))
	})
}

// UnlinkIndicator removes a link; the row stays, stamped.
func (s *Store) UnlinkIndicator(ctx context.Context, planID int64, indicator string, disclosureID, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE indicator_links SET removed_at = ?, removed_by = ?
			WHERE plan_id = ? AND indicator = ? AND disclosure_id = ? AND removed_at = ''`,
			ts(s.now()), nullID(userID), planID, indicator, disclosureID)
		if err != nil {
			return fmt.Errorf("store: unlink indicator: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.audit(ctx, tx, userID, "indicator_unlinked", "disclosure", planID,
			fmt.Sprintf("%s: #%d", indicator, disclosureID))
	})
}

// IndicatorLinks lists a plan's live links, by indicator and time linked.
func (s *Store) IndicatorLinks(ctx context.Context, planID int64) ([]IndicatorLink, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT id, plan_id, indicator, disclosure_id, COALESCE(added_by, 0), added_at
		FROM indicator_links WHERE plan_id = ? AND removed_at = ''
		ORDER BY indicator, id`, planID)
	if err != nil {
		return nil, fmt.Errorf("store: indicator links: %w", err)
	}
	defer rows.Close()
	var out []IndicatorLink
	for rows.Next() {
		var l IndicatorLink
		var at string
		if err := rows.Scan(&l.ID, &l.PlanID, &l.Indicator, &l.DisclosureID, &l.AddedBy, &at); err != nil {
			return nil, fmt.Errorf("store: indicator links: %w", err)
		}
		l.AddedAt = parseTS(at)
		out = append(out, l)
	}
	return out, rows.Err()
}
