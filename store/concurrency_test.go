package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
)

// describe marks SQLite busy/locked errors so a failure says what went wrong.
func describe(err error) string {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return "SQLITE_BUSY/LOCKED: " + err.Error()
	}
	return err.Error()
}

// TestConcurrentReadersWhileWriting runs one writer publishing and revising
// disclosures while readers list and open public items. Readers must never
// fail (WAL lets them run beside the writer), must never see a draft, and
// must never see the public count go down.
func TestConcurrentReadersWhileWriting(t *testing.T) {
	const (
		items      = 200
		readers    = 4
		maxReads   = 200000 // per reader; the writer finishing normally stops them first
		listLimit  = 10
		timeBudget = 2 * time.Minute // a safety net (the test takes seconds); generous for -race on a loaded machine
	)
	s, _ := newTestStore(t)
	s.SetClock(time.Now) // real, advancing timestamps; the test clock is not needed here
	uid := mustUser(t, s, "canbo")
	ctx, cancel := context.WithTimeout(context.Background(), timeBudget)
	defer cancel()

	var (
		published atomic.Int64 // publications committed and returned
		lastID    atomic.Int64 // newest published id
		done      = make(chan struct{})
		wg        sync.WaitGroup
		mu        sync.Mutex
		failures  []string
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}

	start := time.Now()
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for i := 0; i < items; i++ {
			in := DisclosureInput{Category: "thong-bao", Title: fmt.Sprintf("Thông báo %d", i), Body: "<p>v1</p>"}
			id, err := s.CreateDisclosure(ctx, in, uid)
			if err != nil {
				fail("writer: create %d: %s", i, describe(err))
				return
			}
			if i%10 == 9 {
				// A draft that stays a draft: readers must never count it.
				if _, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "nháp"}, uid); err != nil {
					fail("writer: create draft: %s", describe(err))
					return
				}
			}
			if err := s.PublishDisclosure(ctx, id, uid); err != nil {
				fail("writer: publish %d: %s", i, describe(err))
				return
			}
			published.Add(1)
			lastID.Store(id)
			if i%3 == 0 {
				in.Title += " (sửa)"
				in.Body = "<p>v2</p>"
				if err := s.UpdateDisclosure(ctx, id, in, "sửa lỗi chính tả", uid); err != nil {
					fail("writer: update %d: %s", i, describe(err))
					return
				}
			}
		}
	}()

	var reads, overlapping atomic.Int64
	for r := 0; r < readers; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			last := -1
			for n := 0; n < maxReads; n++ {
				select {
				case <-done:
					return
				default:
				}
				before := int(published.Load())
				list, total, err := listCounted(ctx, s, DisclosureFilter{Public: true, Limit: listLimit})
				after := int(published.Load())
				if err != nil {
					fail("reader %d: Disclosures: %s", r, describe(err))
					return
				}
				reads.Add(1)
				if total < last {
					fail("reader %d: public count went down from %d to %d", r, last, total)
					return
				}
				last = total
				// The writer is one goroutine: at most one publication is
				// committed but not yet counted. More means drafts leak.
				if total < before || total > after+1 {
					fail("reader %d: public count %d outside [%d, %d]", r, total, before, after+1)
					return
				}
				if total > 0 && total < items {
					overlapping.Add(1)
				}
				if len(list) > listLimit || len(list) < min(total, listLimit) {
					fail("reader %d: list of %d items for total %d", r, len(list), total)
					return
				}
				for _, d := range list[:min(len(list), 3)] {
					if d.Status != StatusPublished || d.Version < 1 {
						fail("reader %d: listed %d as %s v%d", r, d.ID, d.Status, d.Version)
						return
					}
				}
				ids := []int64{lastID.Load()}
				if len(list) > 0 {
					ids = append(ids, list[0].ID)
				}
				for _, id := range ids {
					if id == 0 {
						continue
					}
					p, err := s.PublicDisclosure(ctx, id)
					if err != nil {
						fail("reader %d: PublicDisclosure(%d): %s", r, id, describe(err))
						return
					}
					// Title and version come from one consistent row.
					revised := strings.HasSuffix(p.Title, " (sửa)")
					if (p.Version == 2) != revised || p.Version < 1 || p.Version > 2 ||
						(p.Version == 2) != (p.Body == "<p>v2</p>") {
						fail("reader %d: PublicDisclosure(%d) = v%d %q %q", r, id, p.Version, p.Title, p.Body)
						return
					}
				}
			}
		}(r)
	}
	wg.Wait()
	elapsed := time.Since(start)
	t.Logf("%d items published and %d list reads in %v", published.Load(), reads.Load(), elapsed.Round(time.Millisecond))

	for _, f := range failures {
		t.Error(f)
	}
	if ctx.Err() != nil {
		t.Fatalf("did not finish within %v", timeBudget)
	}
	if t.Failed() {
		t.FailNow()
	}
	if reads.Load() < readers {
		t.Errorf("readers made only %d reads", reads.Load())
	}
	if overlapping.Load() == 0 {
		t.Error("no read ran while the writer was part way through: the test did not test concurrency")
	}
	total, err := s.CountDisclosures(context.Background(), DisclosureFilter{Public: true})
	if err != nil || total != items {
		t.Fatalf("final public count = %d, %v; want %d", total, err, items)
	}
	all, err := s.CountDisclosures(context.Background(), DisclosureFilter{})
	if err != nil || all != items+items/10 {
		t.Fatalf("final count of all disclosures = %d, %v; want %d", all, err, items+items/10)
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM disclosure_versions"); n != items+(items+2)/3 {
		t.Fatalf("versions = %d, want %d", n, items+(items+2)/3)
	}
}
