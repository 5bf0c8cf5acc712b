package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// ChangePollInterval is how often the store looks for commits made by
// other processes (the command line, a restore): at most this long after
// such a commit, PublicChangeMark moves. Commits through this Store move it
// at once.
const ChangePollInterval = 250 * time.Millisecond

// changeWatch keeps the public change mark in memory, so that a cached page
// is served without touching a database connection. The database keeps the
// counter (public_changes, moved by triggers whoever writes); the mark is a
// generation that moves whenever the counter is seen to differ from the
// last value seen, up or down (a restored backup can hold a lower count).
type changeWatch struct {
	mu   sync.Mutex
	last int64 // the database counter last seen
	gen  atomic.Int64

	conn *sql.Conn // pinned: PRAGMA data_version is per connection
	db   *sql.DB
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// PublicChangeMark changes whenever anything public changes: a publication,
// an edit, a withdrawal, the commune's settings. Caches of public renderings
// key on it. It reads no database.
func (s *Store) PublicChangeMark() int64 { return s.changes.gen.Load() }

// observe records the database counter n.
func (w *changeWatch) observe(n int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if n != w.last {
		w.last = n
		w.gen.Add(1)
	}
}

func readChangeCounter(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int64, error) {
	var n int64
	if err := q.QueryRowContext(ctx, "SELECT n FROM public_changes").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: public change counter: %w", err)
	}
	return n, nil
}

// startChangeWatch reads the counter and starts polling PRAGMA data_version,
// which moves when another connection commits, on a connection of its own.
// Before migration the table does not exist yet: the mark then waits for
// the first poll after it does.
func (s *Store) startChangeWatch(dsn string) error {
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return fmt.Errorf("store: open change watch: %w", err)
	}
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return fmt.Errorf("store: open change watch: %w", err)
	}
	w := &s.changes
	w.db, w.conn = db, conn
	w.stop, w.done = make(chan struct{}), make(chan struct{})
	w.last = -1
	w.gen.Store(1)
	version := int64(-1)
	poll := func() {
		var v int64
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil || v == version {
			return
		}
		if n, err := readChangeCounter(ctx, conn); err == nil {
			version = v
			w.observe(n)
		}
	}
	poll()
	go func() {
		defer close(w.done)
		t := time.NewTicker(ChangePollInterval)
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
				poll()
			}
		}
	}()
	return nil
}

func (w *changeWatch) close() error {
	if w.stop == nil {
		return nil
	}
	var err error
	w.once.Do(func() {
		close(w.stop)
		<-w.done
		w.conn.Close()
		err = w.db.Close()
	})
	return err
}
