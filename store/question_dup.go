package store

import (
	"context"
	"fmt"
)

// dupQuery counts the items received with a duplicate key since a time.
// "dup_key <> ”" repeats the condition of the partial index questions_dup
// so that SQLite may use it: without it, every check read every item ever
// received (a second and more at a million questions).
const dupQuery = "SELECT COUNT(*) FROM questions WHERE dup_key = ? AND dup_key <> '' AND created_at >= ?"

// QuestionReceived reports whether a submission with this duplicate key
// (NewQuestion.DupKey) was received within DuplicateWindow. The ask form
// asks before it stores an uploaded file, so that a resubmission leaves no
// file behind; SubmitQuestion checks again inside its transaction.
func (s *Store) QuestionReceived(ctx context.Context, dupKey string) (bool, error) {
	if dupKey == "" {
		return false, nil
	}
	var n int
	err := s.r.QueryRowContext(ctx, dupQuery,
		dupKey, ts(s.now().Add(-DuplicateWindow))).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: question received: %w", err)
	}
	return n > 0, nil
}
