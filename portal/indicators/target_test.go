package indicators

import (
	"strings"
	"testing"
)

func TestEvaluate(t *testing.T) {
	plan95 := Target{Value: 95, Direction: ">", Unit: "%", Source: "Kế hoạch 2023, mục 3"}
	all := Target{Value: 100, Direction: "=", Unit: "%"}
	days := Target{Value: 5, Direction: "<=", Unit: "ngày"}
	atLeast := Target{Value: 90, Direction: ">=", Unit: "%"}
	tests := []struct {
		name  string
		t     Target
		v     Value
		today string
		want  State
	}{
		{"no target, with data", Target{}, Value{Value: 100, Den: 1}, "2026-04-01", NoTarget},
		{"no target, no data", Target{}, Value{NoData: true}, "2026-04-01", NoTarget},
		{"unknown direction is no target", Target{Value: 1, Direction: "≥"}, Value{Value: 5, Den: 1}, "2026-04-01", NoTarget},
		{"no data, period running", plan95, Value{NoData: true}, "2026-03-15", NotDue},
		{"no data, on the period's last day", plan95, Value{NoData: true}, "2026-03-31", NotDue},
		{"no data, period ended", plan95, Value{NoData: true}, "2026-04-01", NoData},
		{"above: met", plan95, Value{Value: 96, Num: 24, Den: 25}, "2026-04-01", Met},
		{"exactly 95 is not above 95", plan95, Value{Value: 95, Num: 19, Den: 20}, "2026-04-01", NotMet},
		{"data while running is judged", plan95, Value{Value: 50, Num: 1, Den: 2}, "2026-03-15", NotMet},
		{"all late: 0 %", all, Value{Value: 0, Num: 0, Den: 3}, "2026-04-01", NotMet},
		{"100 %", all, Value{Value: 100, Num: 3, Den: 3}, "2026-04-01", Met},
		{">= at the bound", atLeast, Value{Value: 90, Num: 9, Den: 10}, "2026-04-01", Met},
		{"<= days", days, Value{Value: 5, Den: 4}, "2026-04-01", Met},
		{"<= days exceeded", days, Value{Value: 6, Den: 4}, "2026-04-01", NotMet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Evaluate(tt.t, tt.v, march, day(tt.today)); got != tt.want {
				t.Errorf("got %q, want %q", got.Label(), tt.want.Label())
			}
		})
	}
}

func TestStateLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range []State{NoTarget, NotDue, NoData, Met, NotMet} {
		l := s.Label()
		if l == "" || seen[l] {
			t.Errorf("state %d: label %q empty or shared", s, l)
		}
		seen[l] = true
	}
}

func TestCatalog(t *testing.T) {
	keys := map[string]bool{}
	f := Facts{
		Questions:   []QuestionFact{answered(1, "2026-03-02", "2026-03-05")},
		Sessions:    []ReceptionSession{{ID: 1, Date: day("2026-03-04"), Chairman: true}},
		Procedures:  []ProcedureFact{{ID: 1, Field: "dat-dai", Public: true, Forms: 1}},
		Villages:    []VillageContacts{{ID: 1, Head: true, Phone: true}},
		Drafts:      []DraftFact{{ID: 1, Public: true, CommentUntil: day("2026-03-10")}},
		Disclosures: []DisclosureFact{},
		Cal:         cal,
	}
	for _, d := range Catalog {
		if keys[d.Key] {
			t.Errorf("key %q twice", d.Key)
		}
		keys[d.Key] = true
		if d.Name == "" || d.Unit == "" || len(d.Method) < 40 || !strings.ContainsAny(d.Method, "ảạếệờ") {
			t.Errorf("%s: name, unit or Vietnamese method missing", d.Key)
		}
		if got, ok := Lookup(d.Key); !ok || got.Key != d.Key {
			t.Errorf("Lookup(%q) failed", d.Key)
		}
		d.Compute(f, march) // every entry computes without panicking
	}
	if len(Catalog) != 13 {
		t.Errorf("%d computed indicators, want 13", len(Catalog))
	}
	if _, ok := Lookup("khong-co"); ok {
		t.Error("Lookup found an unknown key")
	}
	on, _ := Lookup("tra-loi-dung-han")
	if v := on.Compute(f, march); v.Num != 1 || v.Den != 1 {
		t.Errorf("tra-loi-dung-han: %+v, want 1/1", v)
	}
	weeks, _ := Lookup("tiep-dan-chu-tich")
	if v := weeks.Compute(f, march); v.Den != 5 || v.Num != 1 {
		t.Errorf("tiep-dan-chu-tich over March 2026: %+v, want 1 of 5 weeks", v)
	}
}
