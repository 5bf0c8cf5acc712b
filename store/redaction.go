package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RedactionMark replaces redacted text. The triggers of migration 0003
// spell the same text: changing it needs a migration.
const RedactionMark = "[đã che]"

// MinRedactionLength is the shortest text a redaction accepts, in
// characters: a shorter one would hit ordinary words.
const MinRedactionLength = 3

// Refusals of a redaction. None of them carries the text itself, which must
// not reach a log.
var (
	ErrRedactionEmpty    = errors.New("store: redaction names no text and no file")
	ErrRedactionShort    = errors.New("store: text to redact is too short")
	ErrRedactionNotFound = errors.New("store: text to redact does not appear in the published versions")
	// ErrRedactionMarkup: the text contains markup, sits inside a tag, or
	// is split by formatting so that replacing it would leave it readable.
	ErrRedactionMarkup = errors.New("store: text to redact cannot be replaced without breaking the markup")
	// ErrFileNotRemovable: the file is not in an earlier version of the
	// item, is still in its current version, was removed already, or is
	// carried by another item too.
	ErrFileNotRemovable = errors.New("store: file cannot be removed from this item")
)

// Field names a redaction reports, as the public note lists them.
const (
	FieldTitle          = "title"
	FieldSummary        = "summary"
	FieldLegalBasis     = "legal_basis"
	FieldBody           = "body"
	FieldReason         = "reason"
	FieldWithdrawReason = "withdraw_reason"
)

// RedactionInput is what an administrator asks to remove.
type RedactionInput struct {
	Text    string  // exact text to replace everywhere; "" for files only
	FileIDs []int64 // attachments of earlier versions whose bytes go
	Reason  string  // public
}

// Redaction is the public record of one removal: who, when, why and where,
// never what.
type Redaction struct {
	ID           int64
	DisclosureID int64
	At           time.Time
	ByName       string
	ByTitle      string
	Reason       string
	Occurrences  int
	Versions     []int    // version numbers where text was replaced
	Fields       []string // Field… names where text was replaced
	Files        []Attachment
}

// RedactionHit is where a text appears in what the public sees: one field of
// one version (Version 0: the withdrawal notice of the item).
type RedactionHit struct {
	Version int
	Field   string
	Count   int
}

// FindRedactable lists where a text appears in an item's published versions
// and withdrawal notice, for the administrator to check before redacting.
func (s *Store) FindRedactable(ctx context.Context, id int64, text string) ([]RedactionHit, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("store: find redactable in %d: %w", id, err)
	}
	defer tx.Rollback()
	p, err := planRedaction(ctx, tx, id, text)
	if err != nil {
		return nil, fmt.Errorf("store: find redactable in %d: %w", id, err)
	}
	return p.hits, nil
}

// Redact removes text and files from every version of a published item, its
// working copy and its audit entries, records the public note and the audit
// entry, and moves the public change counter. The original text is not
// kept: SQLite overwrites the freed space (secure_delete) and the WAL is
// checkpointed and truncated after the commit. Removed files' bytes are
// deleted unless another, unremoved record holds the same content.
func (s *Store) Redact(ctx context.Context, id int64, in RedactionInput, userID int64) (Redaction, error) {
	if in.Reason == "" {
		return Redaction{}, fmt.Errorf("store: redact %d: %w", id, ErrReasonRequired)
	}
	if in.Text == "" && len(in.FileIDs) == 0 {
		return Redaction{}, fmt.Errorf("store: redact %d: %w", id, ErrRedactionEmpty)
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return Redaction{}, fmt.Errorf("store: redact %d: %w", id, err)
	}
	defer conn.Close()
	// secure_delete zeroes the space the old text leaves in the file; it
	// is set for this connection and this operation only.
	if _, err := conn.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return Redaction{}, fmt.Errorf("store: redact %d: %w", id, err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA secure_delete = OFF")

	r := Redaction{DisclosureID: id, At: s.now(), Reason: in.Reason}
	var shas []string
	err = s.txOn(ctx, conn, func(tx *sql.Tx) error {
		var current int
		err := tx.QueryRowContext(ctx, "SELECT current_version FROM disclosures WHERE id = ?", id).Scan(&current)
		if err == sql.ErrNoRows || current == 0 {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		var p redactionPlan
		if in.Text != "" {
			if p, err = planRedaction(ctx, tx, id, in.Text); err != nil {
				return err
			}
			if len(p.hits) == 0 {
				return ErrRedactionNotFound
			}
		}
		if r.Files, err = removableFiles(ctx, tx, id, current, in.FileIDs); err != nil {
			return err
		}
		r.Versions, r.Fields = p.places()
		for _, h := range p.hits {
			r.Occurrences += h.Count
		}
		if userID != 0 {
			err := tx.QueryRowContext(ctx, "SELECT name, title FROM users WHERE id = ?", userID).Scan(&r.ByName, &r.ByTitle)
			if err != nil {
				return fmt.Errorf("read administrator: %w", err)
			}
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO redactions(disclosure_id, at, user_id, by_name, by_title, reason, occurrences, versions, fields)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, ts(r.At), nullID(userID), r.ByName, r.ByTitle, r.Reason, r.Occurrences,
			joinInts(r.Versions), strings.Join(r.Fields, " "))
		if err != nil {
			return err
		}
		r.ID, _ = res.LastInsertId()
		if in.Text != "" {
			if err := p.apply(ctx, tx, r.ID, id); err != nil {
				return err
			}
		}
		for _, a := range r.Files {
			if _, err := tx.ExecContext(ctx, "INSERT INTO redacted_files(attachment_id, redaction_id) VALUES (?, ?)", a.ID, r.ID); err != nil {
				return err
			}
			shas = append(shas, a.SHA256)
		}
		return s.audit(ctx, tx, userID, "disclosure.redact", "disclosure", id, r.auditDetail())
	})
	if err != nil {
		return Redaction{}, fmt.Errorf("store: redact %d: %w", id, err)
	}
	// The old pages are still in the WAL: copy the new ones over them in
	// the database file and empty the WAL. Readers in the middle of a
	// query can delay this; the next checkpoint then finishes the job.
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return r, fmt.Errorf("store: redact %d: checkpoint: %w", id, err)
	}
	if err := s.deleteUnusedBlobs(ctx, conn, shas); err != nil {
		return r, fmt.Errorf("store: redact %d: delete files: %w", id, err)
	}
	return r, nil
}

// deleteUnusedBlobs deletes the bytes of removed files that no unremoved
// attachment holds. It runs in a write transaction so that it cannot
// interleave with SaveAttachment's check that its bytes are on disk.
func (s *Store) deleteUnusedBlobs(ctx context.Context, conn *sql.Conn, shas []string) error {
	if len(shas) == 0 {
		return nil
	}
	return s.txOn(ctx, conn, func(tx *sql.Tx) error {
		for _, sha := range shas {
			var n int
			err := tx.QueryRowContext(ctx, `
				SELECT COUNT(*) FROM attachments a
				WHERE a.sha256 = ? AND NOT EXISTS (SELECT 1 FROM redacted_files r WHERE r.attachment_id = a.id)`, sha).Scan(&n)
			if err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			if err := os.Remove(s.blobPath(sha)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		return nil
	})
}

func (r Redaction) auditDetail() string {
	d := r.Reason
	if r.Occurrences > 0 {
		d += fmt.Sprintf(" (%d chỗ, phiên bản %s)", r.Occurrences, strings.ReplaceAll(joinInts(r.Versions), " ", ", "))
	}
	for _, a := range r.Files {
		d += " (tệp " + a.Filename + " " + a.SHA256 + ")"
	}
	return d
}

// removableFiles checks each file: in an earlier version of the item, not
// in its current version or working copy, not removed already, and not
// carried by any other item (a record can be: the edit form keeps any known
// file id), whose pages the redaction would otherwise change unannounced.
func removableFiles(ctx context.Context, tx *sql.Tx, id int64, current int, ids []int64) ([]Attachment, error) {
	var out []Attachment
	for _, aid := range ids {
		if slices.ContainsFunc(out, func(a Attachment) bool { return a.ID == aid }) {
			continue
		}
		var ok bool
		err := tx.QueryRowContext(ctx, `
			SELECT EXISTS (SELECT 1 FROM version_attachments va JOIN disclosure_versions v ON v.id = va.version_id
				WHERE v.disclosure_id = ? AND va.attachment_id = ?)
			AND NOT EXISTS (SELECT 1 FROM version_attachments va JOIN disclosure_versions v ON v.id = va.version_id
				WHERE v.disclosure_id = ? AND v.version = ? AND va.attachment_id = ?)
			AND NOT EXISTS (SELECT 1 FROM disclosure_attachments WHERE disclosure_id = ? AND attachment_id = ?)
			AND NOT EXISTS (SELECT 1 FROM redacted_files WHERE attachment_id = ?)
			AND NOT EXISTS (SELECT 1 FROM version_attachments va JOIN disclosure_versions v ON v.id = va.version_id
				WHERE va.attachment_id = ? AND v.disclosure_id <> ?)
			AND NOT EXISTS (SELECT 1 FROM disclosure_attachments WHERE attachment_id = ? AND disclosure_id <> ?)`,
			id, aid, id, current, aid, id, aid, aid, aid, id, aid, id).Scan(&ok)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, ErrFileNotRemovable
		}
		var a Attachment
		var created string
		if err := tx.QueryRowContext(ctx, "SELECT id, sha256, size, mime, filename, created_at FROM attachments WHERE id = ?", aid).
			Scan(&a.ID, &a.SHA256, &a.Size, &a.MIME, &a.Filename, &created); err != nil {
			return nil, err
		}
		a.CreatedAt = parseTS(created)
		a.Removed = true
		out = append(out, a)
	}
	return out, nil
}

// Redactions lists the public notes of an item's redactions, oldest first,
// with the files each removed.
func (s *Store) Redactions(ctx context.Context, id int64) ([]Redaction, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT id, at, by_name, by_title, reason, occurrences, versions, fields
		FROM redactions WHERE disclosure_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: redactions of %d: %w", id, err)
	}
	var out []Redaction
	for rows.Next() {
		r := Redaction{DisclosureID: id}
		var at, versions, fields string
		if err := rows.Scan(&r.ID, &at, &r.ByName, &r.ByTitle, &r.Reason, &r.Occurrences, &versions, &fields); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: redactions of %d: %w", id, err)
		}
		r.At = parseTS(at)
		for _, v := range strings.Fields(versions) {
			n, _ := strconv.Atoi(v)
			r.Versions = append(r.Versions, n)
		}
		r.Fields = strings.Fields(fields)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: redactions of %d: %w", id, err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	rows, err = s.r.QueryContext(ctx, `
		SELECT rf.redaction_id, a.id, a.sha256, a.size, a.mime, a.filename, a.created_at
		FROM redactions r JOIN redacted_files rf ON rf.redaction_id = r.id JOIN attachments a ON a.id = rf.attachment_id
		WHERE r.disclosure_id = ? ORDER BY a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: redacted files of %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var rid int64
		var a Attachment
		var created string
		if err := rows.Scan(&rid, &a.ID, &a.SHA256, &a.Size, &a.MIME, &a.Filename, &created); err != nil {
			return nil, fmt.Errorf("store: redacted files of %d: %w", id, err)
		}
		a.CreatedAt, a.Removed = parseTS(created), true
		for i := range out {
			if out[i].ID == rid {
				out[i].Files = append(out[i].Files, a)
			}
		}
	}
	return out, rows.Err()
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, " ")
}
