package store

import (
	"context"
	"fmt"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/qclock"
)

// QuestionFacts reads what the question indicators need of the items
// received by the civil date to that were first answered on or after from
// (by any date: an item received in the period and answered later counts
// in AcceptedPublished), and of every item still open (for OverdueNow,
// judged on the store's today, and for items accepted and not answered
// yet). Items that ended without an answer (rejected, forwarded,
// dismissed) count in no indicator and are left out, so both halves read
// an index. The maintained monthly aggregates (question_stats) replace it
// where the figures must stay fast over a million items.
func (s *Store) QuestionFacts(ctx context.Context, from, to time.Time) ([]indicators.QuestionFact, error) {
	cal, err := s.calendar()
	if err != nil {
		return nil, err
	}
	// first_answered_at is an instant: a day either side covers the
	// civil dates of the period whatever the time zone.
	rows, err := s.r.QueryContext(ctx, `
		SELECT q.id, q.kind, q.protected, q.state, q.public_title <> '', q.received_on, q.clock_start,
			q.reply_days, q.extension_days, q.paused_days, q.paused_since, q.reopen_count,
			q.first_answered_at, q.first_due_on, q.apology <> '', COALESCE(q.satisfaction, 0),
			COALESCE(un.name, ''), q.topic
		FROM questions q LEFT JOIN units un ON un.id = q.unit_id
		WHERE q.id IN (SELECT id FROM questions WHERE first_answered_at >= ? AND first_answered_at <> ''
			UNION SELECT id FROM questions WHERE open = 1) AND q.received_on <= ?`,
		ts(from.AddDate(0, 0, -1)), fmtDate(to))
	if err != nil {
		return nil, fmt.Errorf("store: question facts: %w", err)
	}
	defer rows.Close()
	today := civilToday(s.now())
	var out []indicators.QuestionFact
	for rows.Next() {
		var q Question
		var f indicators.QuestionFact
		var titled, apology bool
		var received, start, since, firstAt, firstDue string
		if err := rows.Scan(&q.ID, &q.Kind, &q.Protected, &q.State, &titled, &received, &start,
			&q.ReplyDays, &q.Extension, &q.Paused, &since, &q.ReopenCount,
			&firstAt, &firstDue, &apology, &f.Rating, &f.Unit, &f.Topic); err != nil {
			return nil, fmt.Errorf("store: question facts: %w", err)
		}
		q.ReceivedOn, q.ClockStart, q.PausedSince = parseDate(received), parseDate(start), parseDate(since)
		if titled {
			q.PublicTitle = "-"
		}
		f.ID, f.Kind, f.Protected, f.Received = q.ID, q.Kind, q.Protected, q.ReceivedOn
		f.Public = q.TextPublic()
		f.Apology = apology
		switch q.State {
		case QAccepted, QAssigned, QWaiting, QAnswered, QClosed:
			f.Accepted = true
		}
		f.Published = f.Public && (q.State == QAnswered || q.State == QClosed)
		if at := parseTS(firstAt); !at.IsZero() {
			f.FirstAnswered, f.FirstDue = civilDate(at), parseDate(firstDue)
			c := q.Clock()
			if q.ReopenCount > 0 && !q.Protected {
				// A reopened item's clock restarted; its first answer
				// counts from receipt.
				c.Start = q.ReceivedOn
			}
			f.Taken = c.Taken(cal, f.FirstAnswered)
		}
		if q.IsOpen() {
			switch q.Clock().StandingOn(cal, today) {
			case qclock.Overdue, qclock.VeryOverdue:
				f.OverdueNow = true
			}
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
