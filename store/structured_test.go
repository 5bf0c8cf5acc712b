package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"minhbach/portal/rules"
)

func jsonRows(t *testing.T, rows ...map[string]any) []json.RawMessage {
	t.Helper()
	out := make([]json.RawMessage, len(rows))
	for i, r := range rows {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = b
	}
	return out
}

func rowKeys(t *testing.T, rows []json.RawMessage) []string {
	t.Helper()
	var keys []string
	for _, r := range rows {
		var head struct{ Key string }
		if err := json.Unmarshal(r, &head); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, head.Key)
	}
	return keys
}

// TestStructuredRowsBelongToVersions: rows are copied into a version only
// when they change; an edit of the title points at the version that holds
// them; old versions keep their rows.
func TestStructuredRowsBelongToVersions(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	in := DisclosureInput{
		Category: "ngan-sach", Kind: "du-toan", Title: "Dự toán 2026",
		DecidedOn: time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC),
		Facts:     json.RawMessage(`{"year":2026}`),
		Rows:      jsonRows(t, map[string]any{"key": "1", "name": "Thu"}, map[string]any{"key": "2", "name": "Chi"}),
	}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatal(err)
	}
	d, err := s.Disclosure(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != "du-toan" || !d.DecidedOn.Equal(in.DecidedOn) || string(d.Facts) != `{"year":2026}` || d.RowCount != 2 {
		t.Fatalf("working copy: %+v", d)
	}

	// Change the title only: a new version, no rows copied.
	in2 := d.Input()
	in2.Title = "Dự toán 2026 (sửa tên)"
	if err := s.UpdateDisclosure(ctx, id, in2, "Sửa tên", uid); err != nil {
		t.Fatal(err)
	}
	// Change the rows: a third version with its own rows.
	in3 := in2
	in3.Rows = jsonRows(t, map[string]any{"key": "1", "name": "Thu ngân sách"}, map[string]any{"key": "3", "name": "Dự phòng"})
	if err := s.UpdateDisclosure(ctx, id, in3, "Sửa dòng", uid); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != 3 {
		t.Fatalf("versions: %d, %v", len(vs), err)
	}
	if vs[0].RowsVersion != vs[0].ID || vs[1].RowsVersion != vs[0].ID || vs[2].RowsVersion != vs[2].ID {
		t.Fatalf("rows_of: %d→%d, %d→%d, %d→%d", vs[0].ID, vs[0].RowsVersion, vs[1].ID, vs[1].RowsVersion, vs[2].ID, vs[2].RowsVersion)
	}
	var copied int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM version_rows").Scan(&copied); err != nil || copied != 4 {
		t.Fatalf("%d version rows stored (%v), want 4: the title edit copies none", copied, err)
	}
	first, err := s.VersionRows(ctx, vs[1].RowsVersion)
	if err != nil || fmt.Sprint(rowKeys(t, first)) != "[1 2]" {
		t.Fatalf("version 2 rows: %v, %v", rowKeys(t, first), err)
	}
	pub, err := s.PublicDisclosure(ctx, id)
	if err != nil || pub.RowsVersion != vs[2].ID || pub.RowCount != 2 || pub.Kind != "du-toan" {
		t.Fatalf("public copy: %+v, %v", pub, err)
	}
	var streamed []string
	err = s.EachVersionRow(ctx, pub.RowsVersion, func(r []byte) error {
		streamed = append(streamed, string(r))
		return nil
	})
	if err != nil || len(streamed) != 2 {
		t.Fatalf("streamed %v, %v", streamed, err)
	}
	// Version rows are append-only.
	if _, err := s.w.ExecContext(ctx, "UPDATE version_rows SET data = '{}'"); err == nil {
		t.Fatal("version_rows accepted an update")
	}
	if _, err := s.w.ExecContext(ctx, "DELETE FROM version_rows"); err == nil {
		t.Fatal("version_rows accepted a delete")
	}
}

func TestStructuredRowsAreChecked(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	for _, rows := range [][]json.RawMessage{
		{json.RawMessage(`[1]`)},
		{json.RawMessage(`{"name":"no key"}`)},
		{json.RawMessage(`{"key":""}`)},
		{json.RawMessage(`{"key":"a"}`), json.RawMessage(`{"key":"a"}`)},
	} {
		_, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "ngan-sach", Title: "x", Rows: rows}, uid)
		if !errors.Is(err, ErrBadRows) {
			t.Errorf("rows %s: %v, want ErrBadRows", rows, err)
		}
	}
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM disclosures").Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d items saved from bad rows", n)
	}
}

// TestInternalItemsStayInside: an office-only item is never in public lists,
// counts or exports' pages, but officers read it.
func TestInternalItemsStayInside(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	pubID, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Công khai"}, uid)
	if err != nil {
		t.Fatal(err)
	}
	inID, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "noi-bo-ke-hoach", Title: "Kế hoạch công tác quý"}, uid)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{pubID, inID} {
		if err := s.PublishDisclosure(ctx, id, uid); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.PublicDisclosure(ctx, inID); !errors.Is(err, ErrNotFound) {
		t.Errorf("PublicDisclosure(internal) = %v, want ErrNotFound", err)
	}
	if d, err := s.OfficeDisclosure(ctx, inID); err != nil || !d.Internal {
		t.Errorf("OfficeDisclosure(internal) = %+v, %v", d, err)
	}
	list, err := s.Disclosures(ctx, DisclosureFilter{Public: true})
	if err != nil || len(list) != 1 || list[0].ID != pubID {
		t.Errorf("public list: %v, %v", list, err)
	}
	if n, err := s.CountDisclosures(ctx, DisclosureFilter{Public: true}); err != nil || n != 1 {
		t.Errorf("public count: %d, %v", n, err)
	}
	if c, err := s.CategoryCounts(ctx); err != nil || c["noi-bo-ke-hoach"] != 0 || c["thong-bao"] != 1 {
		t.Errorf("category counts: %v, %v", c, err)
	}
	after, err := s.PublicDisclosuresAfter(ctx, "", 0, 10)
	if err != nil || len(after) != 1 {
		t.Errorf("export chunk: %v, %v", after, err)
	}
	officers, err := s.Disclosures(ctx, DisclosureFilter{})
	if err != nil || len(officers) != 2 {
		t.Errorf("officers' list: %d, %v", len(officers), err)
	}
}

// TestClockRuleIsFrozen: the rule an item was judged by stays with it when
// an administrator changes the rule afterwards; items decided after the
// change's date and published later get the new one.
func TestClockRuleIsFrozen(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "admin")
	clock.Advance(time.Date(2026, 11, 10, 3, 0, 0, 0, time.UTC).Sub(clock.Now()))
	decided := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	old, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Trước", DecidedOn: decided}, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, old, uid); err != nil {
		t.Fatal(err)
	}
	ten := 10
	thirty := 30
	if _, err := s.AddDisclosureRule(ctx, RuleChange{Kind: rules.GeneralKind, EffectiveFrom: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		DueDays: &ten, DueWorking: true, PostDays: &thirty, Rule: "Thử", Source: "Quyết định của xã", Confidence: "xã"}, uid); err != nil {
		t.Fatal(err)
	}
	fresh, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Sau", DecidedOn: decided}, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, fresh, uid); err != nil {
		t.Fatal(err)
	}
	// A later version does not re-judge the first item.
	d, _ := s.Disclosure(ctx, old)
	if err := s.UpdateDisclosure(ctx, old, d.Input(), "Sửa", uid); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int64]int{old: 5, fresh: 10} {
		d, err := s.PublicDisclosure(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		r, ok := d.ClockRuleValue()
		if !ok || r.DueDays != want {
			t.Errorf("item %d judged by %+v, want %d days", id, r, want)
		}
	}
	all, err := s.DisclosureRules(ctx)
	if err != nil || all[len(all)-1].DueDays != 10 || all[len(all)-1].ID == 0 {
		t.Errorf("rules: %v, %v", all[len(all)-1], err)
	}
	if _, err := s.w.ExecContext(ctx, "UPDATE disclosure_rules SET due_days = 1"); err == nil {
		t.Error("disclosure_rules accepted an update")
	}
}
