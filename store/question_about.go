package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// QuestionAboutSchema is the schema version that lets a question be about
// a disclosure (migration 0012).
const QuestionAboutSchema = 12

// ErrAboutNotPublic is returned when a question would be about a
// disclosure that is not published or is addressed to officers only.
var ErrAboutNotPublic = errors.New("store: a question can only be about a published public disclosure")

// setAbout records, inside SubmitQuestion's transaction, the disclosure a
// new question is about. The disclosure must be public now: published,
// not withdrawn, not internal.
func setAbout(ctx context.Context, tx *sql.Tx, questionID, disclosureID int64) error {
	var ok bool
	err := tx.QueryRowContext(ctx, `
		SELECT EXISTS (SELECT 1 FROM disclosures WHERE id = ? AND status = 'published' AND internal = 0)`,
		disclosureID).Scan(&ok)
	if err != nil {
		return err
	}
	if !ok {
		return ErrAboutNotPublic
	}
	_, err = tx.ExecContext(ctx, "UPDATE questions SET about_disclosure_id = ? WHERE id = ?", disclosureID, questionID)
	return err
}

// QuestionAbout returns the id of the disclosure a question is about, 0
// when none. The question's public page links back to it.
func (s *Store) QuestionAbout(ctx context.Context, questionID int64) (int64, error) {
	var id sql.NullInt64
	err := s.r.QueryRowContext(ctx, "SELECT about_disclosure_id FROM questions WHERE id = ?", questionID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("store: question %d about: %w", questionID, err)
	}
	return id.Int64, nil
}
