package plan_test

import (
	"reflect"
	"strings"
	"testing"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
	"minhbach/seeds"
)

func known(f string) bool { _, ok := indicators.Lookup(f); return ok }

func TestSeededPlanChecksAndEverySubHasAnIndicator(t *testing.T) {
	p := seeds.Plan2023()
	if err := p.Check(known); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, r := range p.Rows {
		for _, s := range r.Subs {
			if len(s.Indicators) == 0 {
				t.Errorf("%s has no indicator", plan.SubKey(r.Number, s.Letter))
			}
			for _, in := range s.Indicators {
				kinds[in.Kind]++
			}
		}
	}
	if kinds[plan.Computed] == 0 || kinds[plan.Entered] == 0 || kinds[plan.Documented] == 0 {
		t.Errorf("kinds of indicator seeded: %v", kinds)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	p := seeds.Plan2023()
	facts, rows, err := plan.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 29 {
		t.Fatalf("%d rows, want 29 sub-components", len(rows))
	}
	if !strings.Contains(string(rows[0]), `"key":"1a"`) {
		t.Errorf("first row: %s", rows[0])
	}
	got, err := plan.Decode(facts, rows)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("round trip changed the plan")
	}
	_, s, in, ok := got.Indicator("4b/tra-loi-dung-han")
	if !ok || s.Letter != "b" || in.Function != "tra-loi-dung-han" || in.Target == nil || in.Target.Value != 95 {
		t.Errorf("4b/tra-loi-dung-han: %v %+v %+v", ok, s, in)
	}
	if _, _, _, ok := got.Indicator("4b/nothing"); ok {
		t.Error("an unknown slug was found")
	}
}

func TestCheckRefusesBadIndicators(t *testing.T) {
	for name, edit := range map[string]func(*plan.Indicator){
		"unknown function": func(in *plan.Indicator) { in.Kind, in.Function = plan.Computed, "khong-co" },
		"bad kind":         func(in *plan.Indicator) { in.Kind = "guess" },
		"bad period":       func(in *plan.Indicator) { in.Period = "week" },
		"bad direction":    func(in *plan.Indicator) { in.Target = &plan.Target{Value: 1, Direction: "~", Source: plan.SourcePlan} },
		"bad source":       func(in *plan.Indicator) { in.Target = &plan.Target{Value: 1, Direction: ">", Source: "?"} },
		"min above max": func(in *plan.Indicator) {
			lo, hi := 10.0, 5.0
			in.Min, in.Max = &lo, &hi
		},
		"no name": func(in *plan.Indicator) { in.Name = "" },
	} {
		p := seeds.Plan2023()
		edit(&p.Rows[0].Subs[0].Indicators[0])
		if err := p.Check(known); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	p := seeds.Plan2023()
	p.Rows[0].Subs[1].Letter = "a"
	if err := p.Check(known); err == nil || !strings.Contains(err.Error(), "1a") {
		t.Errorf("duplicate sub-component: %v", err)
	}
}

func TestPlan2023CopiesAreIndependent(t *testing.T) {
	a := seeds.Plan2023()
	a.Rows[3].Subs[1].Indicators[0].Target.Value = 1
	if b := seeds.Plan2023(); b.Rows[3].Subs[1].Indicators[0].Target.Value != 95 {
		t.Error("editing a copy's target changed the seed")
	}
}

func TestCopyFor(t *testing.T) {
	p := seeds.Plan2023()
	c := p.CopyFor(2026)
	if c.Year != 2026 || c.Reference != "" || !strings.Contains(c.Title, "năm 2026") || strings.Contains(c.Title, "2023") {
		t.Fatalf("copy: %d %q %q", c.Year, c.Title, c.Reference)
	}
	if len(c.Rows) != len(p.Rows) || len(c.Rows[5].Subs) != len(p.Rows[5].Subs) {
		t.Fatal("rows not copied")
	}
	c.Rows[5].Subs[2].Tasks[0] = "sửa"
	c.Rows[5].Subs[2].Indicators[0].Target.Value = 1
	if p.Rows[5].Subs[2].Tasks[0] == "sửa" || p.Rows[5].Subs[2].Indicators[0].Target.Value == 1 {
		t.Error("editing the copy changed the original")
	}
}
