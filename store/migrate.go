package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: migration %s: name must start with a number", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migration %s out of sequence", m.name)
		}
	}
	return ms, nil
}

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// Version reports the schema version recorded in the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Migrate applies the migrations the database lacks, each in its own
// transaction. It refuses a database newer than this binary.
func (s *Store) Migrate(ctx context.Context) (applied int, err error) {
	return s.MigrateTo(ctx, SchemaVersion())
}

// MigrateTo applies the migrations up to schema version, as an older
// binary would have: tests build a database of a released schema with it,
// then upgrade it.
func (s *Store) MigrateTo(ctx context.Context, version int) (applied int, err error) {
	ms, err := migrations()
	if err != nil {
		return 0, err
	}
	if version < len(ms) {
		ms = ms[:version]
	}
	cur, err := s.Version(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", err)
	}
	if cur > len(ms) {
		return 0, fmt.Errorf("store: database schema %d is newer than this binary (%d): run a newer portal", cur, len(ms))
	}
	for _, m := range ms[cur:] {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			// PRAGMA takes no parameters; the value is our own integer.
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("store: migration %s: %w", m.name, err)
		}
		s.schema.Store(int64(m.version))
		applied++
	}
	return applied, nil
}

// CheckVersion returns an error unless the database is exactly at the
// binary's schema: the server never runs on an old or a newer schema.
func (s *Store) CheckVersion(ctx context.Context) error {
	cur, err := s.Version(ctx)
	if err != nil {
		return err
	}
	if want := SchemaVersion(); cur != want {
		return fmt.Errorf("store: database schema is %d, this binary needs %d", cur, want)
	}
	return nil
}
