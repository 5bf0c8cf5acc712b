package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Disclosure states. Nothing published is ever deleted: a withdrawn item
// stays readable with the reason it was withdrawn.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
	StatusWithdrawn = "withdrawn"
)

// ErrWithdrawn is returned when changing a disclosure that was withdrawn.
var ErrWithdrawn = errors.New("store: disclosure is withdrawn")

// ErrNotDraft is returned when publishing an item that is already public.
var ErrNotDraft = errors.New("store: disclosure is not a draft")

// ErrReasonRequired is returned when a public change comes without a reason.
var ErrReasonRequired = errors.New("store: a reason is required")

// Disclosure is an item of public disclosure (công khai). For officers it is
// the working copy; for the public, PublicDisclosure fills it from the
// newest published version.
type Disclosure struct {
	ID             int64
	Category       string
	Status         string
	Title          string
	Summary        string
	Body           string // sanitised HTML
	LegalBasis     string
	UnitID         int64
	UnitName       string
	PostingFrom    time.Time // civil dates; zero PostingUntil means no end
	PostingUntil   time.Time
	Version        int // newest public version; 0 for a draft
	FirstPublished time.Time
	UpdatedAt      time.Time // for public items: the last public change
	WithdrawnAt    time.Time
	WithdrawReason string
	Demo           bool
	CreatedAt      time.Time
	Attachments    []Attachment

	// Structured content and the legal clock (schema 10).
	Kind      string    // sub-kind slug inside the category (rules.DisclosureKind); "" general
	DecidedOn time.Time // civil date of the decision, or the end of the period reported
	Internal  bool      // addressed to the commune's officers only (row 2b)
	// Facts are the kind's one-record fields, as JSON; nil when none.
	Facts json.RawMessage
	// RowsVersion is, in a public copy, the id of the version row that
	// holds the rows (VersionRows, EachVersionRow); 0 when none. Working
	// copies read theirs with Rows.
	RowsVersion int64
	RowCount    int
	// ClockRule is the legal rule the item was judged by, frozen as JSON
	// at its first publication (ClockRuleValue); nil for drafts.
	ClockRule json.RawMessage
}

// IsDraft reports whether the item was never published.
func (d Disclosure) IsDraft() bool { return d.Status == StatusDraft }

// IsPublished reports whether the item is public and not withdrawn.
func (d Disclosure) IsPublished() bool { return d.Status == StatusPublished }

// IsWithdrawn reports whether the item was withdrawn; it stays readable.
func (d Disclosure) IsWithdrawn() bool { return d.Status == StatusWithdrawn }

// DisclosureInput is what an officer writes.
type DisclosureInput struct {
	Category     string
	Title        string
	Summary      string
	Body         string // already sanitised by the caller
	LegalBasis   string
	UnitID       int64
	PostingFrom  time.Time
	PostingUntil time.Time
	// AttachmentIDs is the whole attachment set, in order.
	AttachmentIDs []int64
	Demo          bool

	Kind      string
	DecidedOn time.Time
	Facts     json.RawMessage // nil: none
	// Rows: nil leaves the rows as they are (none, on create); a non-nil
	// slice replaces them all. Each row is a JSON object with a unique,
	// non-empty "key" that stays the same across versions: the history
	// matches rows by it.
	Rows []json.RawMessage
}

// Version is one published state of a disclosure. Versions are append-only.
type Version struct {
	ID           int64
	DisclosureID int64
	Number       int
	Category     string
	Title        string
	Summary      string
	Body         string
	LegalBasis   string
	UnitName     string
	PostingFrom  time.Time
	PostingUntil time.Time
	Reason       string
	PublishedAt  time.Time
	Attachments  []Attachment

	Kind        string
	DecidedOn   time.Time
	Internal    bool
	Facts       json.RawMessage
	RowsVersion int64 // the version row holding this version's rows; 0: none
	RowCount    int
}

// CreateDisclosure saves a new draft.
func (s *Store) CreateDisclosure(ctx context.Context, in DisclosureInput, userID int64) (int64, error) {
	var id int64
	now := ts(s.now())
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO disclosures(category, status, title, summary, body, legal_basis, unit_id,
				posting_from, posting_until, updated_at, demo, created_by, created_at)
			VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			in.Category, in.Title, in.Summary, in.Body, in.LegalBasis, nullID(in.UnitID),
			fmtDate(in.PostingFrom), fmtDate(in.PostingUntil), now, in.Demo, nullID(userID), now)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		if err := setWorkingAttachments(ctx, tx, id, in.AttachmentIDs); err != nil {
			return err
		}
		if err := s.writeStructured(ctx, tx, id, in); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "disclosure.create", "disclosure", id, in.Title)
	})
	if err != nil {
		return 0, fmt.Errorf("store: create disclosure: %w", err)
	}
	return id, nil
}

// UpdateDisclosure saves an officer's edit. A draft is simply changed; a
// published item gets a new public version carrying the reason, which is
// then required. A withdrawn item cannot be changed.
func (s *Store) UpdateDisclosure(ctx context.Context, id int64, in DisclosureInput, reason string, userID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		status, err := disclosureStatus(ctx, tx, id)
		if err != nil {
			return err
		}
		switch status {
		case StatusWithdrawn:
			return ErrWithdrawn
		case StatusPublished:
			if reason == "" {
				return ErrReasonRequired
			}
		}
		_, err = tx.ExecContext(ctx, `
			UPDATE disclosures SET category = ?, title = ?, summary = ?, body = ?, legal_basis = ?,
				unit_id = ?, posting_from = ?, posting_until = ?, updated_at = ?
			WHERE id = ?`,
			in.Category, in.Title, in.Summary, in.Body, in.LegalBasis, nullID(in.UnitID),
			fmtDate(in.PostingFrom), fmtDate(in.PostingUntil), ts(s.now()), id)
		if err != nil {
			return err
		}
		if err := setWorkingAttachments(ctx, tx, id, in.AttachmentIDs); err != nil {
			return err
		}
		if err := s.writeStructured(ctx, tx, id, in); err != nil {
			return err
		}
		if status == StatusPublished {
			if err := s.appendVersion(ctx, tx, id, reason, userID); err != nil {
				return err
			}
			return s.audit(ctx, tx, userID, "disclosure.revise", "disclosure", id, reason)
		}
		return s.audit(ctx, tx, userID, "disclosure.edit_draft", "disclosure", id, in.Title)
	})
	if err != nil {
		return fmt.Errorf("store: update disclosure %d: %w", id, err)
	}
	return nil
}

// PublishDisclosure makes a draft public as version 1.
func (s *Store) PublishDisclosure(ctx context.Context, id int64, userID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		status, err := disclosureStatus(ctx, tx, id)
		if err != nil {
			return err
		}
		if status != StatusDraft {
			return ErrNotDraft
		}
		now := ts(s.now())
		if _, err := tx.ExecContext(ctx,
			"UPDATE disclosures SET status = 'published', first_published = ?, updated_at = ? WHERE id = ?",
			now, now, id); err != nil {
			return err
		}
		if err := s.appendVersion(ctx, tx, id, "", userID); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "disclosure.publish", "disclosure", id, "")
	})
	if err != nil {
		return fmt.Errorf("store: publish disclosure %d: %w", id, err)
	}
	return nil
}

// WithdrawDisclosure takes a published item out of force. It stays public,
// marked withdrawn, with the reason.
func (s *Store) WithdrawDisclosure(ctx context.Context, id int64, reason string, userID int64) error {
	if reason == "" {
		return fmt.Errorf("store: withdraw disclosure %d: %w", id, ErrReasonRequired)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		status, err := disclosureStatus(ctx, tx, id)
		if err != nil {
			return err
		}
		switch status {
		case StatusWithdrawn:
			return ErrWithdrawn
		case StatusDraft:
			return ErrNotFound
		}
		now := ts(s.now())
		if _, err := tx.ExecContext(ctx,
			"UPDATE disclosures SET status = 'withdrawn', withdrawn_at = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?",
			now, reason, now, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "disclosure.withdraw", "disclosure", id, reason)
	})
	if err != nil {
		return fmt.Errorf("store: withdraw disclosure %d: %w", id, err)
	}
	return nil
}

func disclosureStatus(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var status string
	err := tx.QueryRowContext(ctx, "SELECT status FROM disclosures WHERE id = ?", id).Scan(&status)
	if err == sql.ErrNoRows {
		return "", ErrNotFound
	}
	return status, err
}

// appendVersion copies the working copy into a new public version.
func (s *Store) appendVersion(ctx context.Context, tx *sql.Tx, id int64, reason string, userID int64) error {
	now := ts(s.now())
	if err := s.freezeRule(ctx, tx, id); err != nil {
		return err
	}
	vid, err := s.insertVersion(ctx, tx, id, reason, now, userID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO version_attachments(version_id, attachment_id, position)
		SELECT ?, attachment_id, position FROM disclosure_attachments WHERE disclosure_id = ?`, vid, id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE disclosures SET current_version = current_version + 1, updated_at = ? WHERE id = ?", now, id)
	return err
}

func setWorkingAttachments(ctx context.Context, tx *sql.Tx, id int64, ids []int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM disclosure_attachments WHERE disclosure_id = ?", id); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for i, aid := range ids {
		if seen[aid] {
			continue
		}
		seen[aid] = true
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO disclosure_attachments(disclosure_id, attachment_id, position) VALUES (?, ?, ?)",
			id, aid, i); err != nil {
			return err
		}
	}
	return nil
}

// DeleteDraft removes a draft that was never published. Anything that was
// ever public stays (and a trigger refuses its deletion anyway).
func (s *Store) DeleteDraft(ctx context.Context, id int64, userID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var status, title string
		err := tx.QueryRowContext(ctx, "SELECT status, title FROM disclosures WHERE id = ?", id).Scan(&status, &title)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if status != StatusDraft {
			return ErrNotDraft
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM disclosure_attachments WHERE disclosure_id = ?", id); err != nil {
			return err
		}
		if s.structured() {
			if _, err := tx.ExecContext(ctx, "DELETE FROM disclosure_rows WHERE disclosure_id = ?", id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM disclosures WHERE id = ?", id); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "disclosure.delete_draft", "disclosure", id, title)
	})
	if err != nil {
		return fmt.Errorf("store: delete draft %d: %w", id, err)
	}
	return nil
}
