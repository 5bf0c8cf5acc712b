package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// testClock is a settable clock for SetClock; it is safe for concurrent use.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// openTestStore opens a store in a fresh directory without migrating it.
func openTestStore(t *testing.T) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s, dir
}

// newTestStore opens and migrates a store in a fresh directory and gives it
// a test clock.
func newTestStore(t *testing.T) (*Store, *testClock) {
	t.Helper()
	s, _ := openTestStore(t)
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	c := newTestClock()
	s.SetClock(c.Now)
	return s, c
}

// mustUser creates an officer and returns its id.
func mustUser(t *testing.T, s *Store, login string) int64 {
	t.Helper()
	id, err := s.CreateUser(context.Background(), NewUser{
		Login: login, Name: "Cán bộ " + login, Role: RoleOfficer, PasswordHash: "hash-" + login,
	}, 0)
	if err != nil {
		t.Fatalf("CreateUser(%q): %v", login, err)
	}
	return id
}

// mustAttachment saves an attachment with the given content.
func mustAttachment(t *testing.T, s *Store, filename, content string, userID int64) Attachment {
	t.Helper()
	a, err := s.SaveAttachment(context.Background(), filename, "application/pdf", []byte(content), userID)
	if err != nil {
		t.Fatalf("SaveAttachment(%q): %v", filename, err)
	}
	return a
}

// mustCount runs a COUNT query on the writer connection.
func mustCount(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.w.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// attachmentIDs lists the ids of attachments in order.
func attachmentIDs(as []Attachment) []int64 {
	ids := []int64{}
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

// auditActions returns every audit action, oldest first.
func auditActions(t *testing.T, s *Store) []string {
	t.Helper()
	entries, err := s.AuditLog(context.Background(), 10000, 0, 0)
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Action)
	}
	slices.Reverse(out)
	return out
}

// wantErr fails unless errors.Is(err, want).
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: got error %v, want %v", what, err, want)
	}
}

// TestOpenDataDirWithURICharacters: the database is a file: URI, so a data
// directory with '?', '#' or '%' in its name must still hold the database
// (it once landed beside the directory, or failed to open).
func TestOpenDataDirWithURICharacters(t *testing.T) {
	for _, name := range []string{"plain", "with space", "bản#1", "100%25", "a%b", "why?", "dữ liệu xã"} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			parent := t.TempDir()
			dir := filepath.Join(parent, name)
			s, err := Open(dir)
			if err != nil {
				t.Fatalf("Open(%q): %v", dir, err)
			}
			if _, err := s.Migrate(ctx); err != nil {
				s.Close()
				t.Fatalf("Migrate: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if fi, err := os.Stat(filepath.Join(dir, DBFile)); err != nil || fi.Size() == 0 {
				t.Fatalf("database not in the data directory: %v", err)
			}
			entries, err := os.ReadDir(parent)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 || entries[0].Name() != name {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Fatalf("stray files beside the data directory: %q", names)
			}
			// Reopened, it is the same database.
			s, err = Open(dir)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer s.Close()
			if err := s.CheckVersion(ctx); err != nil {
				t.Fatalf("CheckVersion after reopen: %v", err)
			}
		})
	}
}

// listCounted counts, then lists, what a filter selects, as a paged list
// does (CountDisclosures first: a list read later can only have grown).
func listCounted(ctx context.Context, s *Store, f DisclosureFilter) ([]Disclosure, int, error) {
	n, err := s.CountDisclosures(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	list, err := s.Disclosures(ctx, f)
	return list, n, err
}
