package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
)

// FillAnswerDays sets the days the first answer took on every answered
// item that lacks it: the items answered before migration 0014, whose
// days SQL cannot count. It needs the working-day calendar, so the portal
// runs it whenever it sets one (a no-op once all are filled). It returns
// how many it filled.
//
// The first cycle's clock is rebuilt from what stays. Its kind of days is
// the kind's before a later protection (its event comes after the first
// answer). An item never reopened still has its first cycle's start and
// pauses. A reopened item's clock was restarted: on working days, the days
// taken are the reply time and the extension granted before the first
// answer (its event) plus the working days from the due date then in
// force to the answer (fewer when early), exact since pauses only moved
// the due date; on calendar days (complaints, denunciations), whose due
// date may have moved off a day off, the start is the acceptance and the
// pauses those of the events before the first answer (an officer's
// backdated clarification counts from the day it was recorded).
func (s *Store) FillAnswerDays(ctx context.Context) (int, error) {
	if !s.questionStats() {
		return 0, nil
	}
	cal, err := s.calendar()
	if err != nil {
		return 0, err
	}
	filled := 0
	err = s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `
			SELECT q.id, q.kind, q.reopen_count, q.clock_start, q.reply_days, q.extension_days, q.paused_days,
				q.first_answered_at, q.first_due_on, a.id,
				EXISTS (SELECT 1 FROM question_events p WHERE p.question_id = q.id AND p.action = 'protected' AND p.id > a.id),
				COALESCE((SELECT e.days FROM question_events e WHERE e.question_id = q.id AND e.action = 'extended'
					AND e.id < a.id ORDER BY e.id LIMIT 1), 0),
				COALESCE((SELECT e.at FROM question_events e WHERE e.question_id = q.id AND e.action = 'accepted'
					AND NOT EXISTS (SELECT 1 FROM question_events p WHERE p.question_id = q.id
						AND p.action = 'protected' AND p.id > e.id)
					ORDER BY e.id LIMIT 1), ''), q.received_on
			FROM questions q INDEXED BY questions_answer_days_missing
			JOIN question_events a ON a.id = (SELECT MIN(x.id) FROM question_events x
				WHERE x.question_id = q.id AND x.action = 'answered')
			WHERE q.first_answered_at <> '' AND q.first_answer_days IS NULL`)
		if err != nil {
			return err
		}
		type item struct {
			id, answeredEvent int64
			reopened          bool
			c                 qclock.Clock
			allowed           int
			due, answered     time.Time
			accepted          time.Time
		}
		var items []item
		for rows.Next() {
			var it item
			var kind, start, firstAt, firstDue, acceptedAt, received string
			var reopened, firstExt int
			var protectedLater bool
			if err := rows.Scan(&it.id, &kind, &reopened, &start, &it.c.ReplyDays, &it.c.Extension, &it.c.Paused,
				&firstAt, &firstDue, &it.answeredEvent, &protectedLater, &firstExt, &acceptedAt, &received); err != nil {
				rows.Close()
				return err
			}
			it.reopened = reopened > 0
			it.c.Start = parseDate(start)
			it.c.CalendarDays = rules.CalendarDays(kind) && !protectedLater
			it.allowed = it.c.ReplyDays + firstExt
			it.due, it.answered = parseDate(firstDue), civilDate(parseTS(firstAt))
			// A complaint's clock starts at its acceptance; an item
			// protected after it was accepted kept its receipt.
			it.accepted = civilDate(parseTS(acceptedAt))
			if acceptedAt == "" {
				it.accepted = parseDate(received)
			}
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, it := range items {
			days := it.c.Taken(cal, it.answered)
			switch {
			case it.reopened && !it.c.CalendarDays:
				days = it.allowed + qclock.Late(cal, it.due, it.answered, false)
				if it.answered.Before(it.due) {
					days -= cal.CountWorkdays(it.answered, it.due)
				}
				days = max(days, 0)
			case it.reopened:
				paused, err := firstCyclePauses(ctx, tx, it.id, it.answeredEvent)
				if err != nil {
					return err
				}
				c := qclock.Clock{Start: it.accepted, Paused: paused, CalendarDays: true}
				days = c.Taken(cal, it.answered)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE questions SET first_answer_days = ? WHERE id = ?", days, it.id); err != nil {
				return err
			}
		}
		filled = len(items)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: fill answer days: %w", err)
	}
	return filled, nil
}

// firstCyclePauses adds up, in calendar days, the pauses of an item before
// its event before (the first answer): each request for information to
// the clarification that followed.
func firstCyclePauses(ctx context.Context, tx *sql.Tx, id, before int64) (int, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT action, at FROM question_events
		WHERE question_id = ? AND id < ? AND action IN ('info_requested', 'info_provided') ORDER BY id`, id, before)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var paused int
	var since time.Time
	for rows.Next() {
		var action, at string
		if err := rows.Scan(&action, &at); err != nil {
			return 0, err
		}
		d := civilDate(parseTS(at))
		if action == "info_requested" {
			since = d
		} else if !since.IsZero() {
			paused += int(d.Sub(since).Hours() / 24)
			since = time.Time{}
		}
	}
	return paused, rows.Err()
}
