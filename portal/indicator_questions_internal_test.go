package portal

import (
	"testing"
	"time"

	"minhbach/portal/indicators"
)

// Every question indicator has the list of its items as evidence, and only
// those.
func TestQuestionEvidencePath(t *testing.T) {
	q1 := indicators.Period{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)}
	want := map[string]string{
		"tra-loi-dung-han":    "/hoi-dap?theo=tra-loi&tu=2026-01&den=2026-03",
		"tre-han-xin-loi":     "/hoi-dap?theo=tra-loi&tu=2026-01&den=2026-03&han=tre",
		"hai-long":            "/hoi-dap?theo=tra-loi&tu=2026-01&den=2026-03&danh-gia=1",
		"tiep-nhan-cong-khai": "/hoi-dap?theo=nhan&tu=2026-01&den=2026-03",
	}
	for _, d := range indicators.Catalog {
		got := questionEvidencePath(d.Key, q1)
		_, question := (indicators.QuestionCounts{}).Of(d.Key)
		if (got != "") != question {
			t.Errorf("%s: evidence %q", d.Key, got)
		}
		if w, ok := want[d.Key]; ok && got != w {
			t.Errorf("%s: %q, want %q", d.Key, got, w)
		}
	}
}
