package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
)

// Retries of the mail outbox. A mail server that is down for a night is
// waited for: the delays double from MailRetryFirst up to MailRetryMax, and
// after MailMaxAttempts tries (nearly a day in all) the message is
// given up.
const (
	MailMaxAttempts = 12
	MailRetryFirst  = time.Minute
	MailRetryMax    = 6 * time.Hour
)

// MailBackoff is how long to wait after the given number of failed tries
// (1 for the first failure): first, then doubling, at most MailRetryMax.
func MailBackoff(failures int, first time.Duration) time.Duration {
	d := first
	for i := 1; i < failures && d < MailRetryMax; i++ {
		d *= 2
	}
	return min(d, MailRetryMax)
}

// Mail is one message in the outbox.
type Mail struct {
	ID        int64
	Kind      string // what caused it, e.g. "question.answered"
	Ref       int64  // the id of what it is about, 0 if none
	Recipient string // one bare address: ai@example.com
	Subject   string
	Body      string // plain text
	CreatedAt time.Time
	Attempts  int
	NextTry   time.Time
}

// ErrBadMail is returned for a message the outbox refuses: no kind, a
// recipient that is not one bare address, or a line break in the subject.
var ErrBadMail = errors.New("store: bad mail")

// IsMailAddress reports whether s is one bare e-mail address that the
// outbox accepts as a recipient (ai@example.com, without a display name).
func IsMailAddress(s string) bool {
	if s == "" || len(s) > 254 || strings.ContainsAny(s, "\r\n<>\" ,;") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == "" && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

// enqueueMail queues m inside tx, so the message is sent if and only if the
// change that causes it commits. The sender is nudged once tx commits; tx
// must come from s.tx.
func (s *Store) enqueueMail(ctx context.Context, tx *sql.Tx, m Mail) error {
	_, err := s.insertMail(ctx, tx, m)
	return err
}

func (s *Store) insertMail(ctx context.Context, tx *sql.Tx, m Mail) (int64, error) {
	switch {
	case m.Kind == "", strings.TrimSpace(m.Subject) == "", strings.TrimSpace(m.Body) == "":
		return 0, fmt.Errorf("%w: kind, subject and body are required", ErrBadMail)
	case !IsMailAddress(m.Recipient):
		return 0, fmt.Errorf("%w: recipient is not one address", ErrBadMail)
	case strings.ContainsAny(m.Subject, "\r\n") || strings.ContainsAny(m.Kind, "\r\n"):
		return 0, fmt.Errorf("%w: line break in the subject", ErrBadMail)
	}
	now := ts(s.now())
	res, err := tx.ExecContext(ctx,
		`INSERT INTO mail_outbox(kind, ref, recipient, subject, body, created_at, next_attempt_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`,
		m.Kind, m.Ref, m.Recipient, m.Subject, m.Body, now, now)
	if err != nil {
		return 0, fmt.Errorf("store: enqueue mail %s: %w", m.Kind, err)
	}
	s.mailTx.Store(tx, struct{}{})
	return res.LastInsertId()
}

// EnqueueMail queues one message on its own and returns its id. Code that
// changes something and mails about it calls enqueueMail in its own
// transaction instead.
func (s *Store) EnqueueMail(ctx context.Context, m Mail) (id int64, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		id, err = s.insertMail(ctx, tx, m)
		return err
	})
	return id, err
}

// MailQueued receives a value after a transaction that queued mail commits,
// so the sender need not wait for its next poll. One value stands for any
// number of commits.
func (s *Store) MailQueued() <-chan struct{} { return s.mailNudge }

// afterCommit runs once tx has committed (ok) or rolled back.
func (s *Store) afterCommit(tx *sql.Tx, ok bool) {
	if _, queued := s.mailTx.LoadAndDelete(tx); queued && ok {
		select {
		case s.mailNudge <- struct{}{}:
		default:
		}
	}
}

// DueMail lists up to limit messages due at now, the longest waiting first.
func (s *Store) DueMail(ctx context.Context, now time.Time, limit int) ([]Mail, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT id, kind, ref, recipient, subject, body, created_at, attempts, next_attempt_at
		 FROM mail_outbox WHERE sent_at = '' AND gave_up_at = '' AND next_attempt_at <= ?
		 ORDER BY next_attempt_at, id LIMIT ?`, ts(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: due mail: %w", err)
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		var m Mail
		var created, next string
		if err := rows.Scan(&m.ID, &m.Kind, &m.Ref, &m.Recipient, &m.Subject, &m.Body, &created, &m.Attempts, &next); err != nil {
			return nil, fmt.Errorf("store: due mail: %w", err)
		}
		m.CreatedAt, m.NextTry = parseTS(created), parseTS(next)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkMailSent records that message id was handed to the mail server, and
// forgets its recipient and text.
func (s *Store) MarkMailSent(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = '',
			 recipient = '', subject = '', body = ''
			 WHERE id = ? AND sent_at = '' AND gave_up_at = ''`, ts(s.now()), id)
		if err != nil {
			return fmt.Errorf("store: mark mail %d sent: %w", id, err)
		}
		return oneRow(res, id)
	})
}

// MarkMailFailed records a failed try of message id and why (reason must
// hold no address). The message is tried again at next, unless next is zero
// (the server refused it for good) or this was try MailMaxAttempts: then it
// is given up, its recipient and text forgotten, and gaveUp is true.
func (s *Store) MarkMailFailed(ctx context.Context, id int64, reason string, next time.Time) (gaveUp bool, err error) {
	if len(reason) > 500 {
		reason = strings.ToValidUTF8(reason[:500], "")
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var attempts int
		err := tx.QueryRowContext(ctx,
			"SELECT attempts FROM mail_outbox WHERE id = ? AND sent_at = '' AND gave_up_at = ''", id).Scan(&attempts)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: mark mail %d failed: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: mark mail %d failed: %w", id, err)
		}
		gaveUp = next.IsZero() || attempts+1 >= MailMaxAttempts
		if gaveUp {
			_, err = tx.ExecContext(ctx,
				`UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, gave_up_at = ?,
				 recipient = '', subject = '', body = '' WHERE id = ?`, reason, ts(s.now()), id)
		} else {
			_, err = tx.ExecContext(ctx,
				"UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
				reason, ts(next), id)
		}
		if err != nil {
			return fmt.Errorf("store: mark mail %d failed: %w", id, err)
		}
		return nil
	})
	return gaveUp, err
}

// MailRecord is what the outbox remembers of a message: no address or
// text once it is finished.
type MailRecord struct {
	Mail
	LastError string
	SentAt    time.Time
	GaveUpAt  time.Time
}

// MailRecord reads message id, finished or not.
func (s *Store) MailRecord(ctx context.Context, id int64) (MailRecord, error) {
	var r MailRecord
	var created, next, sent, gaveUp string
	err := s.r.QueryRowContext(ctx,
		`SELECT id, kind, ref, recipient, subject, body, created_at, attempts, next_attempt_at, last_error, sent_at, gave_up_at
		 FROM mail_outbox WHERE id = ?`, id).Scan(&r.ID, &r.Kind, &r.Ref, &r.Recipient, &r.Subject, &r.Body,
		&created, &r.Attempts, &next, &r.LastError, &sent, &gaveUp)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("store: mail %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("store: mail %d: %w", id, err)
	}
	r.CreatedAt, r.NextTry, r.SentAt, r.GaveUpAt = parseTS(created), parseTS(next), parseTS(sent), parseTS(gaveUp)
	return r, nil
}

func oneRow(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("store: row %d: %w", id, ErrNotFound)
	}
	return nil
}

// MailStatus is what the settings page tells an administrator about the
// outbox: how much waits, when mail last went out, and the latest failure
// still on record (a message being retried or given up).
type MailStatus struct {
	Pending    int
	LastSentAt time.Time
	Failure    *MailRecord // nil when no message has failed
}

// MailStatus reads the outbox's status. Each query stops early: the
// pending ones through their index, the others at the newest match.
func (s *Store) MailStatus(ctx context.Context) (MailStatus, error) {
	var st MailStatus
	err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM mail_outbox WHERE sent_at = '' AND gave_up_at = ''").Scan(&st.Pending)
	if err != nil {
		return st, fmt.Errorf("store: mail status: %w", err)
	}
	var sent string
	err = s.r.QueryRowContext(ctx, "SELECT sent_at FROM mail_outbox WHERE sent_at <> '' ORDER BY id DESC LIMIT 1").Scan(&sent)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("store: mail status: %w", err)
	}
	st.LastSentAt = parseTS(sent)
	var id int64
	err = s.r.QueryRowContext(ctx, "SELECT id FROM mail_outbox WHERE last_error <> '' ORDER BY id DESC LIMIT 1").Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("store: mail status: %w", err)
	}
	r, err := s.MailRecord(ctx, id)
	if err != nil {
		return st, err
	}
	r.Recipient, r.Subject, r.Body = "", "", ""
	st.Failure = &r
	return st, nil
}
