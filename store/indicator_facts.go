package store

import (
	"context"
	"fmt"
	"time"
)

// JudgedDisclosures lists the working copies (drafts included) of the
// items of a category decided or first published between the civil dates
// from and to, for the disclosure clock's indicators: a budget stage that
// is overdue is still a draft. category "" takes every category. A day
// either side of the instants covers the civil dates whatever the zone;
// the caller judges the dates exactly.
func (s *Store) JudgedDisclosures(ctx context.Context, category string, from, to time.Time) ([]Disclosure, error) {
	if !s.structured() {
		return nil, nil
	}
	query := "SELECT " + s.workingCols("''") + ` FROM disclosures d LEFT JOIN units u ON u.id = d.unit_id
		WHERE (d.decided_on BETWEEN ? AND ? OR d.first_published BETWEEN ? AND ?)`
	args := []any{fmtDate(from), fmtDate(to), ts(from.AddDate(0, 0, -1)), ts(to.AddDate(0, 0, 2))}
	if category != "" {
		query += " AND d.category = ?"
		args = append(args, category)
	}
	rows, err := s.r.QueryContext(ctx, query+" ORDER BY d.id", args...)
	if err != nil {
		return nil, fmt.Errorf("store: judged disclosures: %w", err)
	}
	defer rows.Close()
	var out []Disclosure
	for rows.Next() {
		d, err := scanDisclosure(rows)
		if err != nil {
			return nil, fmt.Errorf("store: judged disclosures: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DraftWindow is a draft opened for comments, for the indicator of drafts
// with a published synthesis.
type DraftWindow struct {
	DisclosureID int64
	// Public: the draft is published (or withdrawn) and not office-only.
	Public               bool
	ClosesOn             time.Time
	SynthesisPublishedAt time.Time
}

// DraftWindows lists the comment windows that closed between the civil
// dates from and to.
func (s *Store) DraftWindows(ctx context.Context, from, to time.Time) ([]DraftWindow, error) {
	internal := "0"
	if s.structured() {
		internal = "d.internal"
	}
	rows, err := s.r.QueryContext(ctx, `
		SELECT w.disclosure_id, d.current_version > 0 AND `+internal+` = 0, w.closes_on, w.synthesis_published_at
		FROM comment_windows w JOIN disclosures d ON d.id = w.disclosure_id
		WHERE w.closes_on BETWEEN ? AND ? ORDER BY w.disclosure_id`, fmtDate(from), fmtDate(to))
	if err != nil {
		return nil, fmt.Errorf("store: draft windows: %w", err)
	}
	defer rows.Close()
	var out []DraftWindow
	for rows.Next() {
		var w DraftWindow
		var closes, synth string
		if err := rows.Scan(&w.DisclosureID, &w.Public, &closes, &synth); err != nil {
			return nil, fmt.Errorf("store: draft windows: %w", err)
		}
		w.ClosesOn, w.SynthesisPublishedAt = parseDate(closes), parseTS(synth)
		out = append(out, w)
	}
	return out, rows.Err()
}
