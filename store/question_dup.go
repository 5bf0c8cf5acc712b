package store

import (
	"context"
	"fmt"
)

// QuestionReceived reports whether a submission with this duplicate key
// (NewQuestion.DupKey) was received within DuplicateWindow. The ask form
// asks before it stores an uploaded file, so that a resubmission leaves no
// file behind; SubmitQuestion checks again inside its transaction.
func (s *Store) QuestionReceived(ctx context.Context, dupKey string) (bool, error) {
	if dupKey == "" {
		return false, nil
	}
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM questions WHERE dup_key = ? AND created_at >= ?",
		dupKey, ts(s.now().Add(-DuplicateWindow))).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: question received: %w", err)
	}
	return n > 0, nil
}
