package portal

import (
	"testing"

	"minhbach/store"
)

func TestDefaultPlanYear(t *testing.T) {
	plans := func(years ...string) []store.Disclosure {
		var out []store.Disclosure
		for _, y := range years {
			out = append(out, store.Disclosure{Facts: []byte(`{"year":` + y + `}`)})
		}
		return out
	}
	for _, c := range []struct {
		items []store.Disclosure
		this  int
		want  int
	}{
		{plans("2023", "2026"), 2026, 2026},
		{plans("2026", "2023"), 2025, 2023}, // next year's plan posted early
		{plans("2027", "2028"), 2026, 2027}, // only later plans: the earliest
		{plans("2023", "0"), 2026, 2023},
		{append(plans("2024"), store.Disclosure{Facts: []byte(`not json`)}), 2026, 2024},
		{nil, 2026, 0},
	} {
		if got := defaultPlanYear(c.items, c.this); got != c.want {
			t.Errorf("defaultPlanYear(%d plans, %d) = %d, want %d", len(c.items), c.this, got, c.want)
		}
	}
}
