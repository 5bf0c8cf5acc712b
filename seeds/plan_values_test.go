package seeds

import (
	"context"
	"reflect"
	"testing"
	"time"

	"minhbach/portal/plan"
	"minhbach/store"
)

// TestDemoPlans: the 2023 plan item carries the appendix as rows, the 2026
// copy exists, and the 2026 plan has the officers' figures with evidence,
// a correction and a missing last month.
func TestDemoPlans(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	res, err := Load(ctx, st, Options{DemoPassword: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.PublicDisclosure(ctx, res.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.VersionRows(ctx, d.RowsVersion)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Decode(d.Facts, rows)
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != plan.Kind || !reflect.DeepEqual(p, Plan2023()) {
		t.Fatalf("the 2023 plan item holds %d rows of kind %q, not the seed's plan", len(rows), d.Kind)
	}
	plans, err := st.Disclosures(ctx, store.DisclosureFilter{Public: true, Category: plan.Category, Kind: plan.Kind, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var copyID int64
	for _, it := range plans {
		if it.ID != res.PlanID {
			copyID = it.ID
		}
	}
	if len(plans) != 2 || copyID == 0 {
		t.Fatalf("plans: %d", len(plans))
	}
	if res.IndicatorValues == 0 || res.IndicatorLinks == 0 {
		t.Fatalf("evidence: %d values, %d links", res.IndicatorValues, res.IndicatorLinks)
	}
	vs, err := st.IndicatorValues(ctx, copyID)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string][]store.IndicatorValue{}
	for _, v := range vs {
		byKey[v.Indicator] = append(byKey[v.Indicator], v)
		if v.AttachmentID == 0 {
			t.Errorf("%s %s has no evidence file", v.Indicator, v.PeriodStart.Format("2006-01"))
		}
	}
	// Loaded today: months ended before this month have their figure; the
	// apologies lack the last month ended.
	now := time.Now()
	ended := 0
	for m := 1; m <= 12; m++ {
		if enteredAt(plan.Month, time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC)).Before(now) {
			ended++
		}
	}
	if got := len(byKey["6c/ho-so-dung-han"]); got != ended {
		t.Errorf("%d monthly figures of files on time, want %d", got, ended)
	}
	if ended > 1 {
		if got := len(byKey["6c/ho-so-tre-xin-loi"]); got != ended-1 {
			t.Errorf("%d monthly figures of apologies, want %d", got, ended-1)
		}
	}
	if ended >= 5 {
		may := byKey["6c/ho-so-dung-han"][4]
		hist, err := st.IndicatorValueHistory(ctx, copyID, "6c/ho-so-dung-han")
		if err != nil {
			t.Fatal(err)
		}
		if may.Value != 96.2 || may.Replaces == 0 || may.Note == "" || len(hist) != ended+1 {
			t.Errorf("May: %+v; %d history rows", may, len(hist))
		}
	}
}
