package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"
)

// ErrNothingToRedact: the text does not appear in what the public sees of
// the item.
var ErrNothingToRedact = errors.New("store: the text is not in the item's public text")

// ErrNotPublished: only a public item is redacted this way; before, the
// officer edits the public copy when accepting it.
var ErrNotPublished = errors.New("store: the item's text is not public")

// QuestionRedaction is one removal of text from a public question.
type QuestionRedaction struct {
	ID       int64
	At       time.Time
	UserName string // officers only
	Reason   string
	Places   int
}

// questionPublicText lists the public text columns of a question. The
// answer and the outcome are HTML, where the text may appear escaped.
var questionPublicText = []struct {
	col  string
	html bool
}{
	{"public_title", false}, {"public_body", false}, {"reason", false}, {"apology", false},
	{"answer", true}, {"outcome", true},
}

// RedactQuestion replaces every occurrence of text in what the public sees
// of a published item (its public copy, the answer, reasons, the notes of
// its public history) with RedactionMark, and records who did it, when,
// why and how many places changed; the record is public. The original
// question, which only officers see, is kept. It is the one way to remove
// text from an item once it is public.
func (s *Store) RedactQuestion(ctx context.Context, id int64, text, reason string, userID int64) (int, error) {
	text, reason = strings.TrimSpace(text), strings.TrimSpace(reason)
	if len([]rune(text)) < 3 || reason == "" || strings.Contains(RedactionMark, text) {
		return 0, ErrReasonRequired
	}
	escaped := html.EscapeString(text)
	places := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q, err := s.question(ctx, tx, "q.id = ?", id)
		if err != nil {
			return err
		}
		if !q.TextPublic() {
			return ErrNotPublished
		}
		vals := map[string]string{"public_title": q.PublicTitle, "public_body": q.PublicBody, "reason": q.Reason,
			"apology": q.Apology, "answer": q.Answer, "outcome": q.Outcome}
		var sets []string
		var args []any
		for _, c := range questionPublicText {
			v := vals[c.col]
			n := strings.Count(v, text)
			v = strings.ReplaceAll(v, text, RedactionMark)
			if c.html && escaped != text {
				n += strings.Count(v, escaped)
				v = strings.ReplaceAll(v, escaped, RedactionMark)
			}
			if n > 0 {
				places += n
				sets = append(sets, c.col+" = ?")
				args = append(args, v)
			}
		}
		var notes int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM((length(note) - length(replace(note, ?, ''))) / length(?)), 0)
			FROM question_events WHERE question_id = ? AND private = 0`, text, text, id).Scan(&notes); err != nil {
			return err
		}
		places += notes
		if places == 0 {
			return ErrNothingToRedact
		}
		now := ts(s.now())
		res, err := tx.ExecContext(ctx, "INSERT INTO question_redactions(question_id, at, user_id, reason, places) VALUES (?, ?, ?, ?, ?)",
			id, now, nullID(userID), reason, places)
		if err != nil {
			return err
		}
		rid, _ := res.LastInsertId()
		sets = append(sets, "redacted = 1", "updated_at = ?")
		args = append(args, now, id)
		if _, err := tx.ExecContext(ctx, "UPDATE questions SET "+strings.Join(sets, ", ")+" WHERE id = ?", args...); err != nil {
			return err
		}
		if notes > 0 {
			if _, err := tx.ExecContext(ctx, "INSERT INTO question_redaction_in_progress(id, redaction_id, question_id, needle) VALUES (1, ?, ?, ?)",
				rid, id, text); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "UPDATE question_events SET note = replace(note, ?, ?) WHERE question_id = ? AND private = 0 AND instr(note, ?) > 0",
				text, RedactionMark, id, text); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM question_redaction_in_progress"); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, userID, "question.redact", "question", id, fmt.Sprintf("%d chỗ; lý do: %s", places, reason))
	})
	if err != nil && !errors.Is(err, ErrNothingToRedact) && !errors.Is(err, ErrNotPublished) && !errors.Is(err, ErrReasonRequired) && !errors.Is(err, ErrNotFound) {
		return 0, fmt.Errorf("store: redact question %d: %w", id, err)
	}
	return places, err
}

// QuestionRedactions lists the removals from a question, oldest first.
func (s *Store) QuestionRedactions(ctx context.Context, id int64) ([]QuestionRedaction, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT r.id, r.at, COALESCE(u.name, ''), r.reason, r.places
		FROM question_redactions r LEFT JOIN users u ON u.id = r.user_id
		WHERE r.question_id = ? ORDER BY r.id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: question redactions: %w", err)
	}
	defer rows.Close()
	var out []QuestionRedaction
	for rows.Next() {
		var r QuestionRedaction
		var at string
		if err := rows.Scan(&r.ID, &at, &r.UserName, &r.Reason, &r.Places); err != nil {
			return nil, fmt.Errorf("store: question redactions: %w", err)
		}
		r.At = parseTS(at)
		out = append(out, r)
	}
	return out, rows.Err()
}
