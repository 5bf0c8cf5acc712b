package store

import (
	"context"
	"strings"
	"testing"
	"time"
)

// queryPlan is SQLite's plan for a query, one step a line.
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.r.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}

// TestInboxReadsOnlyOpenItems: the inbox and its counts, which every
// officer page shows, walk the index of open items by due date instead of
// scanning every question ever received (a bare "WHERE open" did).
func TestInboxReadsOnlyOpenItems(t *testing.T) {
	s, _ := newTestStore(t)
	day := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	// The counts read an index that holds the state and due date too, so
	// they never touch the rows (migration 0009).
	counts := queryPlan(t, s, inboxCountsQuery, "2026-11-26", "2026-11-29", "2026-11-26")
	if !strings.Contains(counts, "USING COVERING INDEX questions_state_due") {
		t.Errorf("the inbox counts read the rows:\n%s", counts)
	}
	plans := map[string]string{}
	for name, f := range map[string]InboxFilter{
		"inbox":       {},
		"next page":   {After: DueCursor{Due: day, ID: 5}},
		"by kind":     {Kind: "question", Topic: "dat-dai"},
		"overdue":     {Overdue: true, Today: day},
		"assigned to": {AssigneeID: 3, UnitID: 2},
	} {
		q, args := f.query()
		plans[name] = queryPlan(t, s, q, args...)
	}
	for name, plan := range plans {
		if !strings.Contains(plan, "USING INDEX questions_open_due") && !strings.Contains(plan, "USING COVERING INDEX questions_open_due") {
			t.Errorf("%s does not use the open items' index:\n%s", name, plan)
		}
		if strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("%s sorts in a temporary tree instead of walking the index:\n%s", name, plan)
		}
	}
}

// TestRecentlyOverdueReadsTheWindow: the public list of items that became
// overdue in the last days reads the items due in those days along the
// index of due dates; without it, it walked every listed item ever
// received (seconds at a million questions).
func TestRecentlyOverdueReadsTheWindow(t *testing.T) {
	s, _ := newTestStore(t)
	plan := queryPlan(t, s, recentlyOverdueQuery, "2026-11-19", "2026-11-26", 50)
	if !strings.Contains(plan, "questions_open_due (open=? AND due_on>? AND due_on<?)") {
		t.Errorf("the overdue list does not read the window of due dates along their index:\n%s", plan)
	}
}

// TestDuplicateCheckUsesItsIndex: the check for an identical resubmission,
// made on every submission, reads the partial index of duplicate keys,
// not every item ever received.
func TestDuplicateCheckUsesItsIndex(t *testing.T) {
	s, _ := newTestStore(t)
	plan := queryPlan(t, s, dupQuery, "key", "2026-11-01T00:00:00.000000Z")
	if !strings.Contains(plan, "questions_dup") {
		t.Errorf("the duplicate check does not use its index:\n%s", plan)
	}
}
