package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the data directory into dir, which must
// not hold a database yet: the database through VACUUM INTO (a snapshot,
// safe while the portal serves) and every attachment file. Attachments never
// change once written, so the copy needs no lock.
func (s *Store) Backup(ctx context.Context, dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "files"), 0o750); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	dst := filepath.Join(dir, DBFile)
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("store: backup: %s already exists", dst)
	}
	if _, err := s.w.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("store: backup database: %w", err)
	}
	err := filepath.WalkDir(s.files, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name()[0] == '.' {
			return err
		}
		rel, err := filepath.Rel(s.files, path)
		if err != nil {
			return err
		}
		return copyFile(path, filepath.Join(dir, "files", rel))
	})
	if err != nil {
		return fmt.Errorf("store: backup files: %w", err)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, 0, "backup.create", "", 0, dir)
	})
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
