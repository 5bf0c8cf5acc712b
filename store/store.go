// Package store keeps the portal's data in one SQLite file and its uploaded
// files in a directory beside it. It is the only package that speaks SQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver
)

// ErrNotFound is returned when a requested row does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is the portal's database: one writer connection that begins every
// transaction IMMEDIATE (so a read-then-write never fails with a stale
// snapshot) and a pool of read-only connections that WAL lets run while the
// writer works.
type Store struct {
	w     *sql.DB
	r     *sql.DB
	dir   string
	files string
	clock atomic.Pointer[func() time.Time]
	cal   atomic.Pointer[calendarHolder]

	composer atomic.Pointer[composerHolder]

	changes changeWatch

	mailTx    sync.Map      // write transactions that queued mail
	mailNudge chan struct{} // see MailQueued

	// schema is the database's schema version, read at Open and moved by
	// each migration: tests seed a database of an older schema with this
	// binary's code, which then leaves out what that schema lacks.
	schema atomic.Int64
}

// DBFile is the database file name inside the data directory.
const DBFile = "portal.db"

// Open opens (creating if needed) the database in dir. It does not migrate:
// call Migrate before serving.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "files"), 0o750); err != nil {
		return nil, fmt.Errorf("store: create data dir: %w", err)
	}
	path := filepath.Join(dir, DBFile)
	// The path goes into a file: URI, where SQLite reads '?' and '#' as the
	// end of the path and '%' as an escape: escape those.
	uriPath := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	common := url.Values{}
	common.Set("_busy_timeout", "10000")
	common.Set("_foreign_keys", "on")
	common.Set("_journal_mode", "WAL")
	// FULL: an acknowledged submission survives power loss, not just a crash.
	common.Set("_synchronous", "FULL")

	wq := url.Values{}
	for k, v := range common {
		wq[k] = v
	}
	wq.Set("_txlock", "immediate")
	w, err := sql.Open("sqlite3", "file:"+uriPath+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}

	rq := url.Values{}
	for k, v := range common {
		rq[k] = v
	}
	rq.Set("_query_only", "true")
	readDSN := "file:" + uriPath + "?" + rq.Encode()
	r, err := sql.Open("sqlite3", readDSN)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open readers: %w", err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	st := &Store{w: w, r: r, dir: dir, files: filepath.Join(dir, "files"), mailNudge: make(chan struct{}, 1)}
	st.SetClock(time.Now)
	if v, err := st.Version(context.Background()); err == nil {
		st.schema.Store(int64(v))
	}
	if err := st.startChangeWatch(readDSN); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// Close closes the connection pools and stops watching for changes.
func (s *Store) Close() error {
	return errors.Join(s.changes.close(), s.r.Close(), s.w.Close())
}

// Ping reports whether the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// SetClock replaces the store's clock; tests use it to make time pass.
// It is safe while requests are being served.
func (s *Store) SetClock(now func() time.Time) { s.clock.Store(&now) }

func (s *Store) now() time.Time { return (*s.clock.Load())() }

// Now is the store's clock (see SetClock).
func (s *Store) Now() time.Time { return s.now() }

// Dir is the data directory.
func (s *Store) Dir() string { return s.dir }

// tx runs fn in one write transaction (BEGIN IMMEDIATE through _txlock).
// The public change counter is read before the commit and takes effect in
// the change mark once the commit succeeds, so the writer's next request
// already sees fresh pages.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.txOn(ctx, s.w, fn)
}

// txOn is tx on a given writer: the pool, or a connection pinned for
// connection-level settings (a redaction's secure_delete).
func (s *Store) txOn(ctx context.Context, w interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}, fn func(*sql.Tx) error) error {
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		s.afterCommit(tx, false)
		return err
	}
	n, counted := readChangeCounter(ctx, tx)
	if err := tx.Commit(); err != nil {
		s.afterCommit(tx, false)
		return err
	}
	s.afterCommit(tx, true)
	if counted == nil {
		s.changes.observe(n)
	}
	return nil
}

const tsLayout = "2006-01-02T15:04:05.000000Z"

// ts formats a time for storage: UTC, fixed width, so text order is time order.
func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(tsLayout)
}

func parseTS(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(tsLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Date layout for civil dates (posting periods).
const dateLayout = "2006-01-02"

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func parseDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
