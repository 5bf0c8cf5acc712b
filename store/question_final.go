package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"minhbach/portal/rules"
)

// FinalQuestion is an item as the last step of its history left it, for
// LoadFinalQuestions: the caller works out the clock (qclock) and the
// state; the store writes the row.
type FinalQuestion struct {
	NewQuestion
	ReceivedAt  time.Time
	State       string
	ClockStart  time.Time
	TriageDays  int
	ReplyDays   int
	DueOn       time.Time
	UnitID      int64
	PublicTitle string
	PublicBody  string
	// The first answer: when, the due date then in force, the days taken.
	FirstAnsweredAt time.Time
	FirstDueOn      time.Time
	FirstAnswerDays int
	Answer          string
	Apology         string
	Outcome         string
	Satisfaction    int // 0: not rated
}

// LoadFinalQuestions writes many items as rows already in their final
// state, in one transaction: no events, files or mail, only the row. The
// triggers run as for every write, so the kept counts and the response
// statistics are what they would be. It exists for benchmarks at a million
// items, where going through every transition (LoadQuestions) takes most
// of an hour. The database's checks still hold; the histories do not
// exist, so item pages show no steps.
func (s *Store) LoadFinalQuestions(ctx context.Context, items []FinalQuestion) error {
	stats := s.questionStats()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cols := `code_hash, kind, protected, state, topic, village_id, channel, asker_name, name_public, contact,
			received_on, received_at, clock_start, triage_days, reply_days, due_on, unit_id, public_title, public_body,
			first_answered_at, first_due_on, answered_at, answer, apology, outcome, satisfaction,
			updated_at, created_at, title, body`
		vals := "?" + strings.Repeat(", ?", 29)
		if stats {
			cols += ", first_answer_days"
			vals += ", ?"
		}
		ins, err := tx.PrepareContext(ctx, "INSERT INTO questions("+cols+") VALUES ("+vals+")")
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, q := range items {
			received := q.ReceivedOn
			if received.IsZero() {
				received = civilDate(q.ReceivedAt)
			}
			updated := q.ReceivedAt
			if !q.FirstAnsweredAt.IsZero() {
				updated = q.FirstAnsweredAt
			}
			var rating, days any
			if q.Satisfaction > 0 {
				rating = q.Satisfaction
			}
			if !q.FirstAnsweredAt.IsZero() {
				days = q.FirstAnswerDays
			}
			protected := rules.Protected(q.Kind)
			args := []any{q.CodeHash, q.Kind, protected, q.State, q.Topic, nullID(q.VillageID), q.Channel, q.AskerName,
				q.NamePublic && !protected, q.Contact, fmtDate(received), ts(q.ReceivedAt), fmtDate(q.ClockStart),
				q.TriageDays, q.ReplyDays, fmtDate(q.DueOn), nullID(q.UnitID), q.PublicTitle, q.PublicBody,
				ts(q.FirstAnsweredAt), fmtDate(q.FirstDueOn), ts(q.FirstAnsweredAt), q.Answer, q.Apology, q.Outcome, rating,
				ts(updated), ts(q.ReceivedAt), q.Title, q.Body}
			if stats {
				args = append(args, days)
			}
			if _, err := ins.ExecContext(ctx, args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: load final questions: %w", err)
	}
	return nil
}
