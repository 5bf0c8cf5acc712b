package store

import (
	"context"
	"fmt"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/qclock"
)

// QuestionFacts reads the facts of the question indicators straight from
// the items: those received or first answered from from to to (civil
// dates), and those open now. OverdueNow is judged on the store's today.
// It reads every such item: for tests and small data; pages read the kept
// statistics (QuestionStats).
func (s *Store) QuestionFacts(ctx context.Context, from, to time.Time) ([]indicators.QuestionFact, error) {
	cal, err := s.calendar()
	if err != nil {
		return nil, err
	}
	today := civilDate(s.now())
	rows, err := s.r.QueryContext(ctx, `
		SELECT q.id, q.kind, q.protected, q.state, q.topic, COALESCE(un.name, ''), q.public_title,
			q.received_on, q.first_answered_at, q.first_due_on, COALESCE(q.first_answer_days, -1), q.apology,
			COALESCE(q.satisfaction, 0), q.clock_start, q.reply_days, q.extension_days, q.paused_days, q.paused_since
		FROM questions q LEFT JOIN units un ON un.id = q.unit_id
		WHERE q.received_on BETWEEN ? AND ? OR q.answered_on BETWEEN ? AND ? OR q.open = 1
		ORDER BY q.id`, fmtDate(from), fmtDate(to), fmtDate(from), fmtDate(to))
	if err != nil {
		return nil, fmt.Errorf("store: question facts: %w", err)
	}
	defer rows.Close()
	var out []indicators.QuestionFact
	for rows.Next() {
		var f indicators.QuestionFact
		var q Question
		var unit, publicTitle, received, firstAt, firstDue, apology, start, pausedSince string
		var taken int
		if err := rows.Scan(&f.ID, &q.Kind, &q.Protected, &q.State, &q.Topic, &unit, &publicTitle,
			&received, &firstAt, &firstDue, &taken, &apology,
			&f.Rating, &start, &q.ReplyDays, &q.Extension, &q.Paused, &pausedSince); err != nil {
			return nil, fmt.Errorf("store: question facts: %w", err)
		}
		q.PublicTitle = publicTitle
		// Accepted: taken up, and not since rejected, forwarded or
		// dismissed (the rule the kept figures count by).
		switch q.State {
		case QAccepted, QAssigned, QWaiting, QAnswered, QClosed:
			f.Accepted = true
		}
		q.ReceivedOn, q.ClockStart, q.PausedSince = parseDate(received), parseDate(start), parseDate(pausedSince)
		f.Kind, f.Protected, f.Public = q.Kind, q.Protected, q.TextPublic()
		f.Received, f.FirstDue, f.Apology = q.ReceivedOn, parseDate(firstDue), apology != ""
		if t := parseTS(firstAt); !t.IsZero() {
			f.FirstAnswered = civilDate(t)
		}
		f.Taken = taken
		if taken < 0 {
			f.Taken = 0 // not filled yet: FillAnswerDays
		}
		f.Published = f.Public && (q.State == QAnswered || q.State == QClosed)
		if q.IsOpen() {
			st := q.Clock().StandingOn(cal, today)
			f.OverdueNow = st == qclock.Overdue || st == qclock.VeryOverdue
		}
		f.Unit = unit
		if !q.Protected {
			f.Topic = q.Topic
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: question facts: %w", err)
	}
	return out, nil
}
