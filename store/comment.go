package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// CommentCategory is the category whose items can open a comment window:
// drafts of local policy put to the residents (the plan's row 9c).
const CommentCategory = "du-thao-lay-y-kien"

// Comment states. Moderation happens once: a pending comment is accepted
// (public under the draft) or rejected (never public); neither changes.
const (
	CommentPending  = "pending"
	CommentAccepted = "accepted"
	CommentRejected = "rejected"
)

// Synthesis decisions on an accepted comment.
const (
	DecisionTaken    = "taken"     // tiếp thu
	DecisionPartly   = "partly"    // tiếp thu một phần
	DecisionNotTaken = "not_taken" // không tiếp thu
)

// Refusals of the comment workflow.
var (
	// ErrNotForComment: the item is not of CommentCategory, or (for a
	// comment) has no window.
	ErrNotForComment = errors.New("store: not a draft open for comment")
	// ErrCommentsClosed: today is outside the window, or the item was
	// withdrawn, or the synthesis is out.
	ErrCommentsClosed = errors.New("store: the comment window is not open")
	// ErrDuplicateComment: the same comment was already received for this
	// item (same DupKey).
	ErrDuplicateComment = errors.New("store: identical comment already received")
	// ErrCommentModerated: the comment was already accepted or rejected.
	ErrCommentModerated = errors.New("store: comment already moderated")
	// ErrCommentNotAccepted: only accepted comments are in the synthesis.
	ErrCommentNotAccepted = errors.New("store: comment is not accepted")
	// ErrSynthesisPublished: the synthesis is out; nothing changes any more.
	ErrSynthesisPublished = errors.New("store: synthesis already published")
	// ErrWindowNotClosed: the synthesis waits for the window to close.
	ErrWindowNotClosed = errors.New("store: comment window not closed yet")
	// ErrSynthesisIncomplete: comments still wait for moderation or for a
	// decision.
	ErrSynthesisIncomplete = errors.New("store: synthesis incomplete")
	// ErrBadWindow: the window closes before it opens.
	ErrBadWindow = errors.New("store: comment window closes before it opens")
	// ErrRejectReason: a rejection needs a reason.
	ErrRejectReason = errors.New("store: a rejection needs a reason")
)

// vietnam is the commune's time zone (UTC+7, no daylight saving since
// 1975): windows are civil dates there.
var vietnam = time.FixedZone("ICT", 7*60*60)

// civilToday is today's date in Vietnam as a UTC midnight, like stored dates.
func civilToday(now time.Time) time.Time {
	y, m, d := now.In(vietnam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// CommentWindow is when a draft takes comments, with its kept counts.
type CommentWindow struct {
	DisclosureID int64
	OpensOn      time.Time // civil dates, both days included
	ClosesOn     time.Time
	UpdatedAt    time.Time
	// SynthesisPublishedAt is zero until the synthesis is published.
	SynthesisPublishedAt time.Time
	Accepted, Pending    int
}

// Window states relative to a day.
const (
	WindowUpcoming = "upcoming"
	WindowOpen     = "open"
	WindowClosed   = "closed"
)

// StateOn is where the window stands on a civil date.
func (w CommentWindow) StateOn(day time.Time) string {
	switch {
	case day.Before(w.OpensOn):
		return WindowUpcoming
	case day.After(w.ClosesOn) || !w.SynthesisPublishedAt.IsZero():
		return WindowClosed
	}
	return WindowOpen
}

// Published reports whether the synthesis is out.
func (w CommentWindow) Published() bool { return !w.SynthesisPublishedAt.IsZero() }

// Comment is a resident's comment on a draft. Read for the public, Contact
// and Reason are empty and AuthorName is empty unless the author chose to
// show it; Decision and Explanation are empty until the synthesis is out.
type Comment struct {
	ID           int64
	DisclosureID int64
	State        string
	Body         string // plain text
	AuthorName   string
	NamePublic   bool
	Contact      string // officers only
	ReceivedAt   time.Time
	ModeratedAt  time.Time
	ModeratedBy  string // officer's name
	Reason       string // officers only: why rejected
	Decision     string
	Explanation  string
}

// NewComment is what a resident sends.
type NewComment struct {
	DisclosureID int64
	Body         string
	AuthorName   string
	NamePublic   bool
	Contact      string
	DupKey       string // see portal/abuse.DupKey
}

// SetCommentWindow opens (or moves) the comment window of an item of
// CommentCategory. It is refused once the synthesis is published, and for
// a withdrawn item.
func (s *Store) SetCommentWindow(ctx context.Context, id int64, opens, closes time.Time, userID int64) error {
	if closes.Before(opens) {
		return ErrBadWindow
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var category, status, published string
		err := tx.QueryRowContext(ctx, `SELECT d.category, d.status, COALESCE(w.synthesis_published_at, '')
			FROM disclosures d LEFT JOIN comment_windows w ON w.disclosure_id = d.id WHERE d.id = ?`, id).
			Scan(&category, &status, &published)
		switch {
		case err == sql.ErrNoRows:
			return ErrNotFound
		case err != nil:
			return err
		case category != CommentCategory:
			return ErrNotForComment
		case status == StatusWithdrawn:
			return ErrWithdrawn
		case published != "":
			return ErrSynthesisPublished
		}
		now := ts(s.now())
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO comment_windows(disclosure_id, opens_on, closes_on, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (disclosure_id) DO UPDATE SET opens_on = excluded.opens_on,
				closes_on = excluded.closes_on, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			id, fmtDate(opens), fmtDate(closes), now, nullID(userID)); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "comments.window", "disclosure", id,
			fmtDate(opens)+" – "+fmtDate(closes))
	})
	if err != nil {
		return fmt.Errorf("store: set comment window of %d: %w", id, err)
	}
	return nil
}

// AddComment saves a resident's comment as pending. It is refused for an
// item that is not public (ErrNotFound), has no window (ErrNotForComment)
// or is not open today (ErrCommentsClosed), and for a comment identical to
// one already received for the item (ErrDuplicateComment): nothing is
// saved then.
func (s *Store) AddComment(ctx context.Context, c NewComment) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var category, status, opens, closes, published string
		var version int
		err := tx.QueryRowContext(ctx, `
			SELECT d.category, d.status, d.current_version, COALESCE(w.opens_on, ''), COALESCE(w.closes_on, ''),
				COALESCE(w.synthesis_published_at, '')
			FROM disclosures d LEFT JOIN comment_windows w ON w.disclosure_id = d.id WHERE d.id = ?`, c.DisclosureID).
			Scan(&category, &status, &version, &opens, &closes, &published)
		switch {
		case err == sql.ErrNoRows || err == nil && version == 0:
			return ErrNotFound
		case err != nil:
			return err
		case category != CommentCategory || opens == "":
			return ErrNotForComment
		}
		w := CommentWindow{OpensOn: parseDate(opens), ClosesOn: parseDate(closes), SynthesisPublishedAt: parseTS(published)}
		if status != StatusPublished || w.StateOn(civilToday(s.now())) != WindowOpen {
			return ErrCommentsClosed
		}
		var seen int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM comments WHERE disclosure_id = ? AND dup_key = ?",
			c.DisclosureID, c.DupKey).Scan(&seen); err != nil {
			return err
		}
		if seen > 0 {
			return ErrDuplicateComment
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO comments(disclosure_id, author_name, name_public, contact, received_at, dup_key, body)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			c.DisclosureID, c.AuthorName, c.NamePublic, c.Contact, ts(s.now()), c.DupKey, c.Body)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: add comment to %d: %w", c.DisclosureID, err)
	}
	return id, nil
}

// commentState reads what moderation and the synthesis need of a comment:
// its item, state and whether the item's synthesis is out.
func commentState(ctx context.Context, tx *sql.Tx, id int64) (disclosureID int64, state string, published bool, err error) {
	var pub string
	err = tx.QueryRowContext(ctx, `SELECT c.disclosure_id, c.state, w.synthesis_published_at
		FROM comments c JOIN comment_windows w ON w.disclosure_id = c.disclosure_id WHERE c.id = ?`, id).
		Scan(&disclosureID, &state, &pub)
	if err == sql.ErrNoRows {
		err = ErrNotFound
	}
	return disclosureID, state, pub != "", err
}

// ModerateComment accepts a pending comment (it becomes public under the
// draft) or rejects it with a reason (kept for officers). A comment is
// moderated once (ErrCommentModerated), and not after the synthesis is out.
func (s *Store) ModerateComment(ctx context.Context, disclosureID, id int64, accept bool, reason string, userID int64) error {
	reason = strings.TrimSpace(reason)
	if !accept && reason == "" {
		return ErrRejectReason
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		did, state, published, err := commentState(ctx, tx, id)
		switch {
		case err != nil:
			return err
		case did != disclosureID:
			return ErrNotFound
		case published:
			return ErrSynthesisPublished
		case state != CommentPending:
			return ErrCommentModerated
		}
		newState, action, detail := CommentAccepted, "comment.accept", fmt.Sprintf("ý kiến #%d", id)
		if !accept {
			newState, action, detail = CommentRejected, "comment.reject", fmt.Sprintf("ý kiến #%d: %s", id, reason)
		} else {
			reason = ""
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comments SET state = ?, reason = ?, moderated_at = ?, moderated_by = ?
			WHERE id = ?`, newState, reason, ts(s.now()), nullID(userID), id); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, action, "disclosure", did, detail)
	})
	if err != nil {
		return fmt.Errorf("store: moderate comment %d: %w", id, err)
	}
	return nil
}

// IsDecision reports whether d is a synthesis decision.
func IsDecision(d string) bool {
	return d == DecisionTaken || d == DecisionPartly || d == DecisionNotTaken
}

// SetCommentDecision records, in the synthesis, what was done with an
// accepted comment and why. It may change until the synthesis is out.
func (s *Store) SetCommentDecision(ctx context.Context, disclosureID, id int64, decision, explanation string, userID int64) error {
	if !IsDecision(decision) {
		return fmt.Errorf("store: comment %d: unknown decision %q", id, decision)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		did, state, published, err := commentState(ctx, tx, id)
		switch {
		case err != nil:
			return err
		case did != disclosureID:
			return ErrNotFound
		case published:
			return ErrSynthesisPublished
		case state != CommentAccepted:
			return ErrCommentNotAccepted
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comments SET decision = ?, explanation = ?, decided_at = ?, decided_by = ?
			WHERE id = ?`, decision, explanation, ts(s.now()), nullID(userID), id); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "comment.decision", "disclosure", did,
			fmt.Sprintf("ý kiến #%d: %s", id, decision))
	})
	if err != nil {
		return fmt.Errorf("store: decide on comment %d: %w", id, err)
	}
	return nil
}

// PublishSynthesis publishes the synthesis of an item's comments. It needs
// the window closed (ErrWindowNotClosed), no comment pending and a
// decision on every accepted one (ErrSynthesisIncomplete). Once out, the
// window, the comments and the synthesis are fixed.
func (s *Store) PublishSynthesis(ctx context.Context, id int64, userID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var closes, published string
		err := tx.QueryRowContext(ctx, "SELECT closes_on, synthesis_published_at FROM comment_windows WHERE disclosure_id = ?", id).
			Scan(&closes, &published)
		switch {
		case err == sql.ErrNoRows:
			return ErrNotForComment
		case err != nil:
			return err
		case published != "":
			return ErrSynthesisPublished
		case !civilToday(s.now()).After(parseDate(closes)):
			return ErrWindowNotClosed
		}
		var open int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM comments WHERE disclosure_id = ?
			AND (state = 'pending' OR state = 'accepted' AND decision = '')`, id).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return ErrSynthesisIncomplete
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comment_windows SET synthesis_published_at = ?, synthesis_published_by = ?
			WHERE disclosure_id = ?`, ts(s.now()), nullID(userID), id); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "comments.synthesis", "disclosure", id, "")
	})
	if err != nil {
		return fmt.Errorf("store: publish synthesis of %d: %w", id, err)
	}
	return nil
}
