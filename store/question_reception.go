package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ReceptionSchema is the schema version that added the reception fields
// of questions and the retirement of villages and units.
const ReceptionSchema = 11

// Reception is the citizen reception session where a question was raised.
type Reception struct {
	Session string // "<schedule disclosure id>/<session key>"
	Label   string // its date, time and place as recorded
}

// setReception links a question to a session. It is a separate statement
// from the question's INSERT so that a question without one writes only
// the columns older schemas have (the demo data is loaded at each released
// schema by the upgrade test).
func setReception(ctx context.Context, tx *sql.Tx, id int64, session, label string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE questions SET reception_session = ?, reception_label = ? WHERE id = ?",
		session, label, id); err != nil {
		return fmt.Errorf("store: question %d reception: %w", id, err)
	}
	return nil
}

// QuestionReception returns the reception session a question was raised
// at; the zero Reception when none. It is no personal data: a date, a time
// and a place. A protected item (complaint, denunciation) never shows it
// publicly: the caller checks.
func (s *Store) QuestionReception(ctx context.Context, id int64) (Reception, error) {
	var r Reception
	err := s.r.QueryRowContext(ctx, "SELECT reception_session, reception_label FROM questions WHERE id = ?", id).
		Scan(&r.Session, &r.Label)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("store: question %d reception: %w", id, err)
	}
	return r, nil
}
