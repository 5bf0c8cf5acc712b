package store

import (
	"context"
	"fmt"
	"time"
)

// What a list of the items behind a figure counts (QuestionFilter.Counted).
const (
	CountedReceived = "received"
	CountedAnswered = "answered"
)

// Timeliness of a first answer (QuestionFilter.Timely).
const (
	TimelyOnTime = "on_time"
	TimelyLate   = "late"
)

// monthSpan is the civil dates from the first day of from's month to the
// first day of the month after to's, as text: a half-open range.
func monthSpan(from, to time.Time) (string, string) {
	if from.IsZero() {
		from = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to.IsZero() {
		to = time.Date(9998, 12, 1, 0, 0, 0, 0, time.UTC)
	}
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	next := time.Date(to.Year(), to.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return fmtDate(first), fmtDate(next)
}

// orderColumn is what a list is sorted and paged by: the last public
// change, or the date a figure counts the items by.
func (f QuestionFilter) orderColumn() string {
	switch f.Counted {
	case CountedReceived:
		return "q.received_on"
	case CountedAnswered:
		return "q.answered_on"
	}
	return "q.updated_at"
}

// cursorArg is a cursor's time as the order column holds it.
func (f QuestionFilter) cursorArg(c Cursor) string {
	if f.Counted != "" {
		return fmtDate(c.Updated)
	}
	return ts(c.Updated)
}

// Cursor is q's place in the list f selects (see QuestionCursor): the
// lists behind a figure are sorted by the date they count, newest first,
// and paged by it.
func (f QuestionFilter) Cursor(q Question) Cursor {
	switch f.Counted {
	case CountedReceived:
		return Cursor{q.ReceivedOn, q.ID}
	case CountedAnswered:
		return Cursor{civilDate(q.FirstAnsweredAt), q.ID}
	}
	return QuestionCursor(q)
}

// countedWhere adds the conditions of the items behind a figure.
func (f QuestionFilter) countedWhere(conds []string, args []any) ([]string, []any) {
	if f.Counted == "" {
		return conds, args
	}
	from, next := monthSpan(f.From, f.To)
	col := f.orderColumn()
	// The public items (text_public spelled out, as the partial indexes
	// questions_public_received and _answered are), by the date counted.
	conds = append(conds, "q.state <> 'received' AND q.protected = 0 AND q.public_title <> ''", col+" >= ?", col+" < ?")
	if f.Counted == CountedAnswered {
		conds = append(conds, "q.first_answered_at <> ''")
	}
	args = append(args, from, next)
	switch f.Timely {
	case TimelyOnTime:
		conds = append(conds, "q.answered_on <> '' AND q.answered_on <= q.first_due_on")
	case TimelyLate:
		conds = append(conds, "q.answered_on > q.first_due_on")
	}
	if f.Rated {
		conds = append(conds, "q.satisfaction IS NOT NULL")
	}
	return conds, args
}

// countCounted counts the items behind a figure from the kept statistics,
// when the filter asks nothing they do not keep; ok is false otherwise.
func (s *Store) countCounted(ctx context.Context, f QuestionFilter) (n int, ok bool, err error) {
	if f.Counted == "" || f.Kind != "" || f.VillageID != 0 || f.State != "" || f.Overdue || f.AssigneeID != 0 ||
		f.AboutID != 0 || (f.Rated && f.Timely != "") {
		return 0, false, nil
	}
	sum := "received - received_hidden"
	switch {
	case f.Counted == CountedAnswered && f.Rated:
		sum = "rated - rated_hidden"
	case f.Counted == CountedAnswered && f.Timely == TimelyOnTime:
		sum = "(answered - answered_hidden) - (late - late_hidden)"
	case f.Counted == CountedAnswered && f.Timely == TimelyLate:
		sum = "late - late_hidden"
	case f.Counted == CountedAnswered:
		sum = "answered - answered_hidden"
	case f.Timely != "" || f.Rated:
		return 0, false, nil
	}
	from, next := monthSpan(f.From, f.To)
	q := "SELECT COALESCE(SUM(" + sum + "), 0) FROM question_month_stats WHERE month >= ? AND month < ?"
	args := []any{from[:7], next[:7]}
	if f.UnitID != 0 {
		q += " AND unit_id = ?"
		args = append(args, f.UnitID)
	}
	if f.Topic != "" {
		q += " AND topic = ?"
		args = append(args, f.Topic)
	}
	if err := s.r.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("store: count questions: %w", err)
	}
	return n, true, nil
}
