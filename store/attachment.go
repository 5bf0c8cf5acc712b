package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Attachment is an uploaded file. The bytes live under the data directory,
// named by their SHA-256, which the public pages show so that anyone can
// check a downloaded copy.
type Attachment struct {
	ID        int64
	SHA256    string
	Size      int64
	MIME      string
	Filename  string
	CreatedAt time.Time
	// Removed: a redaction deleted the bytes; the record stays listed.
	Removed bool
}

// SaveAttachment stores the bytes (once per content) and records the file.
// The file is synced to disk before the row is committed, so a row never
// points at a missing file.
func (s *Store) SaveAttachment(ctx context.Context, filename, mime string, data []byte, userID int64) (Attachment, error) {
	sum := sha256.Sum256(data)
	a := Attachment{SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), MIME: mime, Filename: filename, CreatedAt: s.now()}
	if err := s.writeBlob(a.SHA256, data); err != nil {
		return Attachment{}, fmt.Errorf("store: save attachment %q: %w", filename, err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			"INSERT INTO attachments(sha256, size, mime, filename, created_at) VALUES (?, ?, ?, ?, ?)",
			a.SHA256, a.Size, a.MIME, a.Filename, ts(a.CreatedAt))
		if err != nil {
			return err
		}
		a.ID, _ = res.LastInsertId()
		// A redaction may have deleted the same bytes since they were
		// written: it does so in a write transaction, so checking here,
		// inside this one, settles the race.
		if _, err := os.Stat(s.blobPath(a.SHA256)); errors.Is(err, os.ErrNotExist) {
			if err := s.writeBlob(a.SHA256, data); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, userID, "attachment.upload", "attachment", a.ID, filename+" "+a.SHA256)
	})
	if err != nil {
		return Attachment{}, fmt.Errorf("store: save attachment %q: %w", filename, err)
	}
	return a, nil
}

func (s *Store) blobPath(sha string) string {
	return filepath.Join(s.files, sha[:2], sha)
}

func (s *Store) writeBlob(sha string, data []byte) error {
	path := s.blobPath(sha)
	if fi, err := os.Stat(path); err == nil && fi.Size() == int64(len(data)) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	// Sync the directory so the rename itself survives power loss.
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Attachment returns one attachment's record.
func (s *Store) Attachment(ctx context.Context, id int64) (Attachment, error) {
	var a Attachment
	var created string
	err := s.r.QueryRowContext(ctx, `
		SELECT id, sha256, size, mime, filename, created_at,
			EXISTS (SELECT 1 FROM redacted_files r WHERE r.attachment_id = a.id)
		FROM attachments a WHERE id = ?`, id).
		Scan(&a.ID, &a.SHA256, &a.Size, &a.MIME, &a.Filename, &created, &a.Removed)
	if err == sql.ErrNoRows {
		return Attachment{}, ErrNotFound
	}
	if err != nil {
		return Attachment{}, fmt.Errorf("store: attachment %d: %w", id, err)
	}
	a.CreatedAt = parseTS(created)
	return a, nil
}

// AttachmentIsPublic reports whether a published version carries the file,
// or an officer published it with the answer to a public question or as
// the evidence of an indicator's value (the scorecard links it).
func (s *Store) AttachmentIsPublic(ctx context.Context, id int64) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `
		SELECT EXISTS (SELECT 1 FROM version_attachments WHERE attachment_id = ?)
		    OR EXISTS (SELECT 1 FROM question_files f JOIN questions q ON q.id = f.question_id
		               WHERE f.attachment_id = ? AND f.public AND q.listed)
		    OR EXISTS (SELECT 1 FROM indicator_values WHERE attachment_id = ?)`, id, id, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: attachment %d public: %w", id, err)
	}
	return n > 0, nil
}

// OpenAttachment opens the stored bytes of an attachment.
func (s *Store) OpenAttachment(a Attachment) (*os.File, error) {
	return os.Open(s.blobPath(a.SHA256))
}

// AttachmentPath is where the bytes of an attachment are stored.
func (s *Store) AttachmentPath(a Attachment) string { return s.blobPath(a.SHA256) }

func scanAttachments(rows *sql.Rows) ([]Attachment, error) {
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		var a Attachment
		var created string
		if err := rows.Scan(&a.ID, &a.SHA256, &a.Size, &a.MIME, &a.Filename, &created); err != nil {
			return nil, err
		}
		a.CreatedAt = parseTS(created)
		out = append(out, a)
	}
	return out, rows.Err()
}
