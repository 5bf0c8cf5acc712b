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

// countedWhere adds the conditions of the items behind a figure.
func (f QuestionFilter) countedWhere(conds []string, args []any) ([]string, []any) {
	if f.Counted == "" {
		return conds, args
	}
	from, next := monthSpan(f.From, f.To)
	col := "q.received_on"
	if f.Counted == CountedAnswered {
		col = "q.answered_on"
	}
	conds = append(conds, "q.text_public = 1", col+" >= ?", col+" < ?")
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
