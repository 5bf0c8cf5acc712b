package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestMigrationsAreNumberedInSequence(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatalf("migrations: %v", err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations embedded")
	}
	if got := SchemaVersion(); got != len(ms) {
		t.Fatalf("SchemaVersion() = %d, want %d", got, len(ms))
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %d is %s (version %d)", i, m.name, m.version)
		}
		if strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %s is empty", m.name)
		}
	}
}

func TestMigrateFromEmpty(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	closed := false
	defer func() {
		if !closed {
			s.Close()
		}
	}()

	if v, err := s.Version(ctx); err != nil || v != 0 {
		t.Fatalf("Version of a new database = %d, %v; want 0, nil", v, err)
	}
	if err := s.CheckVersion(ctx); err == nil {
		t.Fatal("CheckVersion accepted an unmigrated database")
	}

	applied, err := s.Migrate(ctx)
	if err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	if applied != SchemaVersion() {
		t.Fatalf("Migrate applied %d, want %d", applied, SchemaVersion())
	}
	if v, err := s.Version(ctx); err != nil || v != SchemaVersion() {
		t.Fatalf("Version after Migrate = %d, %v; want %d", v, err, SchemaVersion())
	}
	if err := s.CheckVersion(ctx); err != nil {
		t.Fatalf("CheckVersion after Migrate: %v", err)
	}

	// The schema is really there.
	for _, table := range []string{
		"settings", "villages", "units", "users", "sessions", "login_failures", "disclosures",
		"attachments", "disclosure_attachments", "disclosure_versions", "version_attachments", "audit_log",
	} {
		if n := mustCount(t, s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table); n != 1 {
			t.Errorf("table %s: found %d", table, n)
		}
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"); n < 7 {
		t.Errorf("found %d triggers, want at least 7", n)
	}
	var mode string
	if err := s.r.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}

	again, err := s.Migrate(ctx)
	if err != nil || again != 0 {
		t.Fatalf("second Migrate = %d, %v; want 0, nil", again, err)
	}

	// The version is in the file: a reopened store needs nothing.
	closed = true
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if err := s2.CheckVersion(ctx); err != nil {
		t.Fatalf("CheckVersion after reopen: %v", err)
	}
	if n, err := s2.Migrate(ctx); err != nil || n != 0 {
		t.Fatalf("Migrate after reopen = %d, %v; want 0, nil", n, err)
	}
}

func TestMigrateRefusesNewerDatabase(t *testing.T) {
	tests := []struct {
		name         string
		migrateFirst bool
	}{
		{"empty database", false},
		{"migrated database", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, _ := openTestStore(t)
			if tc.migrateFirst {
				if _, err := s.Migrate(ctx); err != nil {
					t.Fatalf("Migrate: %v", err)
				}
			}
			tablesBefore := mustCount(t, s, "SELECT COUNT(*) FROM sqlite_master")
			newer := SchemaVersion() + 1
			if _, err := s.w.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", newer)); err != nil {
				t.Fatalf("set user_version: %v", err)
			}

			applied, err := s.Migrate(ctx)
			if err == nil {
				t.Fatal("Migrate accepted a database newer than the binary")
			}
			if !strings.Contains(err.Error(), "newer") {
				t.Errorf("Migrate error %q does not say the database is newer", err)
			}
			if applied != 0 {
				t.Errorf("Migrate applied %d migrations to a newer database", applied)
			}
			if err := s.CheckVersion(ctx); err == nil {
				t.Fatal("CheckVersion accepted a database newer than the binary")
			}
			if v, err := s.Version(ctx); err != nil || v != newer {
				t.Errorf("Version = %d, %v; want %d untouched", v, err, newer)
			}
			if n := mustCount(t, s, "SELECT COUNT(*) FROM sqlite_master"); n != tablesBefore {
				t.Errorf("schema objects changed from %d to %d", tablesBefore, n)
			}
		})
	}
}
