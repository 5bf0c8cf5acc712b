package store

import (
	"context"
	"database/sql"
	"fmt"
)

// CommentWindow returns an item's window; ErrNotFound when it has none.
func (s *Store) CommentWindow(ctx context.Context, id int64) (CommentWindow, error) {
	var w CommentWindow
	var opens, closes, updated, published string
	err := s.r.QueryRowContext(ctx, `
		SELECT w.disclosure_id, w.opens_on, w.closes_on, w.updated_at, w.synthesis_published_at,
			COALESCE((SELECT n FROM comment_counts WHERE disclosure_id = w.disclosure_id AND state = 'accepted'), 0),
			COALESCE((SELECT n FROM comment_counts WHERE disclosure_id = w.disclosure_id AND state = 'pending'), 0)
		FROM comment_windows w WHERE w.disclosure_id = ?`, id).
		Scan(&w.DisclosureID, &opens, &closes, &updated, &published, &w.Accepted, &w.Pending)
	if err == sql.ErrNoRows {
		return w, ErrNotFound
	}
	if err != nil {
		return w, fmt.Errorf("store: comment window of %d: %w", id, err)
	}
	w.OpensOn, w.ClosesOn = parseDate(opens), parseDate(closes)
	w.UpdatedAt, w.SynthesisPublishedAt = parseTS(updated), parseTS(published)
	return w, nil
}

// PublicComments lists an item's accepted comments as the public sees
// them, oldest first, up to limit after the comment afterID (0: from the
// start): pages go by key.
func (s *Store) PublicComments(ctx context.Context, id, afterID int64, limit int) ([]Comment, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT c.id, c.disclosure_id, c.state, c.body, CASE WHEN c.name_public THEN c.author_name ELSE '' END,
			c.name_public, '', c.received_at, c.moderated_at, '', '',
			CASE WHEN w.synthesis_published_at <> '' THEN c.decision ELSE '' END,
			CASE WHEN w.synthesis_published_at <> '' THEN c.explanation ELSE '' END
		FROM comments c JOIN comment_windows w ON w.disclosure_id = c.disclosure_id
		WHERE c.disclosure_id = ? AND c.state = 'accepted' AND c.id > ? ORDER BY c.id LIMIT ?`, id, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: public comments of %d: %w", id, err)
	}
	return scanComments(rows)
}

// OfficerComments lists an item's comments in one state with everything
// officers see (contact included), oldest first, paged by key like
// PublicComments.
func (s *Store) OfficerComments(ctx context.Context, id int64, state string, afterID int64, limit int) ([]Comment, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT c.id, c.disclosure_id, c.state, c.body, c.author_name, c.name_public, c.contact, c.received_at,
			c.moderated_at, COALESCE(u.name, ''), c.reason, c.decision, c.explanation
		FROM comments c LEFT JOIN users u ON u.id = c.moderated_by
		WHERE c.disclosure_id = ? AND c.state = ? AND c.id > ? ORDER BY c.id LIMIT ?`, id, state, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: comments of %d: %w", id, err)
	}
	return scanComments(rows)
}

func scanComments(rows *sql.Rows) ([]Comment, error) {
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var received, moderated string
		if err := rows.Scan(&c.ID, &c.DisclosureID, &c.State, &c.Body, &c.AuthorName, &c.NamePublic, &c.Contact,
			&received, &moderated, &c.ModeratedBy, &c.Reason, &c.Decision, &c.Explanation); err != nil {
			return nil, fmt.Errorf("store: comments: %w", err)
		}
		c.ReceivedAt, c.ModeratedAt = parseTS(received), parseTS(moderated)
		out = append(out, c)
	}
	return out, rows.Err()
}
