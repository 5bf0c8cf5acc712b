package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func mustPlan(t *testing.T, s *Store, uid int64) int64 {
	t.Helper()
	id, err := s.CreateDisclosure(context.Background(), DisclosureInput{
		Category: "ke-hoach-bao-cao", Kind: planKind, Title: "Kế hoạch PAPI 2026",
		Facts: []byte(`{"year":2026}`),
		Rows:  jsonRows(t, map[string]any{"key": "6c", "number": 6, "letter": "c"}),
	}, uid)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestIndicatorValuesAreAppendOnly: a correction adds a row that replaces
// the value in force; both stay; a stale correction is refused.
func TestIndicatorValuesAreAppendOnly(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	planID := mustPlan(t, s, uid)
	key := "6c/ho-so-dung-han"
	may := date(2026, 5, 1)
	first, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: planID, Indicator: key,
		PeriodKind: PeriodMonth, PeriodStart: may, Value: 93.5, UserID: uid})
	if err != nil {
		t.Fatal(err)
	}
	// A second "first" value for the same period is someone else's entry.
	if _, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: planID, Indicator: key,
		PeriodKind: PeriodMonth, PeriodStart: may, Value: 99, UserID: uid}); !errors.Is(err, ErrValueChanged) {
		t.Fatalf("second first value: %v", err)
	}
	if _, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: planID, Indicator: key,
		PeriodKind: PeriodMonth, PeriodStart: may, Value: 96, Replaces: first, UserID: uid}); !errors.Is(err, ErrReasonRequired) {
		t.Fatalf("correction without a reason: %v", err)
	}
	second, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: planID, Indicator: key,
		PeriodKind: PeriodMonth, PeriodStart: may, Value: 96, Replaces: first, Note: "Sửa số hồ sơ tháng 5", UserID: uid})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: planID, Indicator: key,
		PeriodKind: PeriodMonth, PeriodStart: may, Value: 97, Replaces: first, Note: "lỗi", UserID: uid}); !errors.Is(err, ErrValueChanged) {
		t.Fatalf("stale correction: %v", err)
	}
	if _, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: planID, Indicator: key,
		PeriodKind: PeriodMonth, PeriodStart: date(2026, 6, 1), Value: 97, UserID: uid}); err != nil {
		t.Fatal(err)
	}
	vs, err := s.IndicatorValues(ctx, planID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].ID != second || vs[0].Value != 96 || !vs[0].PeriodStart.Equal(may) || vs[1].Value != 97 {
		t.Fatalf("values in force: %+v", vs)
	}
	if vs[0].EnteredName != "Cán bộ canbo" || vs[0].Replaces != first {
		t.Errorf("in force: %+v", vs[0])
	}
	hist, err := s.IndicatorValueHistory(ctx, planID, key)
	if err != nil || len(hist) != 3 || hist[2].ID != first || hist[2].Value != 93.5 {
		t.Fatalf("history: %+v %v", hist, err)
	}
	for _, q := range []string{"UPDATE indicator_values SET value = 100", "DELETE FROM indicator_values"} {
		if _, err := s.w.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	log, err := s.AuditLog(ctx, 10, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var corrected bool
	for _, e := range log {
		corrected = corrected || e.Action == "indicator_value_corrected"
	}
	if !corrected {
		t.Error("the correction is not in the audit log")
	}
}

func TestIndicatorValuePeriodsAndPlans(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	planID := mustPlan(t, s, uid)
	for _, c := range []struct {
		kind  string
		start time.Time
		ok    bool
	}{
		{PeriodMonth, date(2026, 2, 1), true},
		{PeriodMonth, date(2026, 2, 2), false},
		{PeriodQuarter, date(2026, 4, 1), true},
		{PeriodQuarter, date(2026, 5, 1), false},
		{PeriodYear, date(2026, 1, 1), true},
		{PeriodYear, date(2026, 7, 1), false},
		{"week", date(2026, 2, 2), false},
	} {
		_, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: planID, Indicator: "7a/bao-phu-bhyt",
			PeriodKind: c.kind, PeriodStart: c.start, Value: 1, UserID: uid})
		if (err == nil) != c.ok {
			t.Errorf("%s %s: %v", c.kind, c.start.Format("2006-01-02"), err)
		}
	}
	other, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Thông báo"}, uid)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddIndicatorValue(ctx, IndicatorValueInput{PlanID: other, Indicator: "7a/bao-phu-bhyt",
		PeriodKind: PeriodYear, PeriodStart: date(2026, 1, 1), Value: 1}); !errors.Is(err, ErrNotAPlan) {
		t.Errorf("value on a notice: %v", err)
	}
	if err := s.LinkIndicator(ctx, other, "1a/van-ban", planID, uid); !errors.Is(err, ErrNotAPlan) {
		t.Errorf("link on a notice: %v", err)
	}
}

func TestIndicatorLinks(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	planID := mustPlan(t, s, uid)
	doc, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Kế hoạch bầu cử"}, uid)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // linking twice is one link
		if err := s.LinkIndicator(ctx, planID, "1a/van-ban", doc, uid); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.LinkIndicator(ctx, planID, "1a/van-ban", 9999, uid); !errors.Is(err, ErrNotFound) {
		t.Errorf("link to nothing: %v", err)
	}
	ls, err := s.IndicatorLinks(ctx, planID)
	if err != nil || len(ls) != 1 || ls[0].DisclosureID != doc {
		t.Fatalf("links: %+v %v", ls, err)
	}
	if err := s.UnlinkIndicator(ctx, planID, "1a/van-ban", doc, uid); err != nil {
		t.Fatal(err)
	}
	if err := s.UnlinkIndicator(ctx, planID, "1a/van-ban", doc, uid); !errors.Is(err, ErrNotFound) {
		t.Errorf("second unlink: %v", err)
	}
	if ls, _ := s.IndicatorLinks(ctx, planID); len(ls) != 0 {
		t.Errorf("links after unlink: %+v", ls)
	}
	// Linked again after removal: a new row; the stamped one stays.
	if err := s.LinkIndicator(ctx, planID, "1a/van-ban", doc, uid); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM indicator_links").Scan(&n); err != nil || n != 2 {
		t.Errorf("link rows: %d %v", n, err)
	}
	for _, q := range []string{"DELETE FROM indicator_links", "UPDATE indicator_links SET disclosure_id = 1"} {
		if _, err := s.w.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
}
