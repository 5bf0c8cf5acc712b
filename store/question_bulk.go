package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
)

// HistoryQuestion is an item with the steps taken on it, for LoadQuestions.
type HistoryQuestion struct {
	NewQuestion
	ReceivedAt time.Time // when it arrived; ReceivedOn is its date in Vietnam unless set
	Steps      []HistoryStep
}

// HistoryStep is one action taken at a given time.
type HistoryStep struct {
	At     time.Time
	Action Action
	By     Actor
}

// LoadQuestions writes many items with their histories in one transaction,
// each step through the same transitions Act takes (so states, due dates,
// events and counts are what they would have been), with the times given
// instead of the clock. Audit entries are not written. It exists for large
// data sets (benchmarks, imports from another system), where one durable
// transaction per step would take hours. It returns the new ids.
func (s *Store) LoadQuestions(ctx context.Context, items []HistoryQuestion) ([]int64, error) {
	cal, err := s.calendar()
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(items))
	err = s.tx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, `
			INSERT INTO questions(code_hash, kind, protected, state, topic, village_id, channel, national_ref,
				asker_name, name_public, contact, mail_code, received_on, received_at, clock_start,
				triage_days, reply_days, due_on, dup_key, updated_at, created_by, created_at, title, body)
			VALUES (?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		ev, err := tx.PrepareContext(ctx, `
			INSERT INTO question_events(question_id, at, actor, user_id, action, state, private, days, ref_id, unit_name, user_title, note)
			VALUES (?, ?, ?, ?, 'received', 'received', 0, 0, NULL, '', '', '')`)
		if err != nil {
			return err
		}
		defer ev.Close()
		limits := map[[2]string][2]int{}
		for _, it := range items {
			nq := it.NewQuestion
			received := nq.ReceivedOn
			if received.IsZero() {
				received = civilDate(it.ReceivedAt)
			}
			key := [2]string{nq.Kind, nq.Topic}
			l, ok := limits[key]
			if !ok {
				triage, err := limit(ctx, tx, nq.Kind, nq.Topic, rules.LimitTriage)
				if err != nil {
					return err
				}
				reply, err := limit(ctx, tx, nq.Kind, nq.Topic, rules.LimitReply)
				if err != nil {
					return err
				}
				l = [2]int{triage, reply}
				limits[key] = l
			}
			due := qclock.Clock{Start: received, ReplyDays: l[1], CalendarDays: rules.CalendarDays(nq.Kind)}.Due(cal)
			if rules.Protected(nq.Kind) {
				due = qclock.TriageDue(cal, received, l[0], false)
			}
			at := ts(it.ReceivedAt)
			actor := Actor{Resident: nq.Channel == ChannelWeb}
			res, err := ins.ExecContext(ctx, nq.CodeHash, nq.Kind, rules.Protected(nq.Kind), nq.Topic, nullID(nq.VillageID),
				nq.Channel, nq.NationalRef, nq.AskerName, nq.NamePublic && !rules.Protected(nq.Kind), nq.Contact, nq.MailCode,
				fmtDate(received), at, fmtDate(received), l[0], l[1], fmtDate(due), nq.DupKey, at, nil, at, nq.Title, nq.Body)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			if _, err := ev.ExecContext(ctx, id, at, actor.kind(), nil); err != nil {
				return err
			}
			for _, step := range it.Steps {
				q, err := s.question(ctx, tx, "q.id = ?", id)
				if err != nil {
					return err
				}
				if !Allowed(q.State, step.Action.Kind) {
					return fmt.Errorf("item %d: %s in state %s: %w", id, step.Action.Kind, q.State, ErrTransition)
				}
				t := &transition{s: s, ctx: ctx, tx: tx, q: q, a: step.Action, by: step.By, cal: cal, now: step.At}
				t.today = civilDate(step.At)
				if err := t.apply(); err != nil {
					return fmt.Errorf("item %d: %s: %w", id, step.Action.Kind, err)
				}
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: load questions: %w", err)
	}
	return ids, nil
}
