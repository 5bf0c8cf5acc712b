package main

import (
	"context"
	"io"
	"maps"
	"testing"
	"time"

	"minhbach/portal/tracking"
	"minhbach/seeds"
	"minhbach/store"
)

// demoStore is a database with the demo commune, as the generator starts
// from.
func demoStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: benchPassword}); err != nil {
		t.Fatal(err)
	}
	return st
}

// countByState counts the items in the database by state.
func countByState(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, s := range []string{store.QReceived, store.QAccepted, store.QAssigned, store.QWaiting, store.QAnswered,
		store.QClosed, store.QRejected, store.QForwarded, store.QDismissed} {
		n, err := st.CountQuestions(context.Background(), store.QuestionFilter{State: s})
		if err != nil {
			t.Fatal(err)
		}
		out[s] = n
	}
	return out
}

// The generator writes the items it says it wrote, in the states it
// reports, in realistic shares, with working lookup codes; the same
// inputs give the same data.
func TestGenerateQuestions(t *testing.T) {
	ctx := context.Background()
	const n = 3000
	end := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	a, b := demoStore(t), demoStore(t)
	before := countByState(t, a)
	qa, err := generateQuestions(ctx, a, n, end, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %d in %.2f s", n, qa.Seconds)
	qb, err := generateQuestions(ctx, b, n, end, io.Discard)
	if err != nil {
		t.Fatal(err)
	}

	after := countByState(t, a)
	total := 0
	for s, c := range after {
		if got := c - before[s]; got != qa.States[s] {
			t.Errorf("%s: %d items in the database, the generator reports %d", s, got, qa.States[s])
		}
		total += c - before[s]
	}
	if total != n {
		t.Errorf("%d items written, want %d", total, n)
	}
	share := func(states ...string) float64 {
		k := 0
		for _, s := range states {
			k += qa.States[s]
		}
		return float64(k) / n
	}
	for _, c := range []struct {
		what   string
		got    float64
		lo, hi float64
	}{
		{"answered or closed", share(store.QAnswered, store.QClosed), 0.75, 0.9},
		{"closed", share(store.QClosed), 0.4, 0.6},
		{"rejected", share(store.QRejected), 0.02, 0.06},
		{"forwarded", share(store.QForwarded), 0.015, 0.045},
		{"dismissed", share(store.QDismissed), 0.01, 0.03},
		{"open", share(store.QReceived, store.QAccepted, store.QAssigned, store.QWaiting), 0.02, 0.07},
		{"waiting", share(store.QWaiting), 0.002, 0.03},
		{"protected", float64(qa.Protected) / n, 0.01, 0.03},
	} {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s: %.3f of the items, want %.3f–%.3f", c.what, c.got, c.lo, c.hi)
		}
	}
	overdue, err := a.CountQuestions(ctx, store.QuestionFilter{Overdue: true, Today: civil(end)})
	if err != nil || overdue == 0 {
		t.Errorf("%d overdue items (%v), want some", overdue, err)
	}

	if len(qa.Codes) != lookupCodes {
		t.Fatalf("%d lookup codes, want %d", len(qa.Codes), lookupCodes)
	}
	for _, s := range qa.Codes {
		code, err := tracking.Parse(s)
		if err != nil {
			t.Fatalf("code %s: %v", s, err)
		}
		if _, err := a.QuestionByCode(ctx, code.Hash()); err != nil {
			t.Errorf("code %s finds no item: %v", s, err)
		}
	}

	// The same inputs, the same data.
	if !maps.Equal(qa.States, qb.States) || qa.Protected != qb.Protected {
		t.Errorf("two runs differ: %v / %v", qa.States, qb.States)
	}
	for i := range qa.Codes {
		if qa.Codes[i] != qb.Codes[i] {
			t.Fatalf("code %d differs: %s / %s", i, qa.Codes[i], qb.Codes[i])
		}
	}
	la, err := a.Questions(ctx, store.QuestionFilter{Public: true, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	lb, err := b.Questions(ctx, store.QuestionFilter{Public: true, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(la) != 50 || len(lb) != 50 {
		t.Fatalf("lists of %d and %d items", len(la), len(lb))
	}
	for i := range la {
		if la[i].PublicTitle != lb[i].PublicTitle || la[i].State != lb[i].State || !la[i].UpdatedAt.Equal(lb[i].UpdatedAt) {
			t.Fatalf("item %d differs: %q %s / %q %s", i, la[i].PublicTitle, la[i].State, lb[i].PublicTitle, lb[i].State)
		}
	}
}
