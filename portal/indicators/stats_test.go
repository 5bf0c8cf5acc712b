package indicators

import (
	"reflect"
	"testing"
)

func TestStatsBy(t *testing.T) {
	in := func(q QuestionFact, unit string) QuestionFact { q.Unit = unit; return q }
	overdue := in(answered(4, "2026-02-02", ""), "Địa chính")
	overdue.OverdueNow = true
	complaint := in(answered(5, "2026-03-02", "2026-03-31"), "Địa chính")
	complaint.Protected, complaint.Public = true, false
	rated := in(answered(2, "2026-03-02", "2026-03-05"), "Văn phòng")
	rated.Rating = 5
	qs := []QuestionFact{
		in(answered(1, "2026-03-02", "2026-03-04"), "Địa chính"), // 2 days, on time
		rated, // 3 days, on time
		in(answered(3, "2026-03-10", ""), "Văn phòng"), // open, not overdue
		overdue,   // received in February, open and overdue
		complaint, // 21 days, late
	}
	got := StatsBy(qs, march, func(q QuestionFact) string { return q.Unit })
	// Groups are ordered by bytes: "Đ" (U+0110) sorts after "V".
	if len(got) != 2 || got[0].Group != "Văn phòng" || got[1].Group != "Địa chính" {
		t.Fatalf("groups: %+v", got)
	}
	dc, vp := got[1], got[0]
	if dc.Received.Den != 2 || dc.Received.Hidden != 1 || !reflect.DeepEqual(dc.Received.Items, []int64{1}) {
		t.Errorf("Địa chính received: %+v, want 2 (item 1, 1 hidden)", dc.Received)
	}
	if dc.Answered.Den != 2 || dc.OnTime.Num != 1 || dc.OnTime.Den != 2 {
		t.Errorf("Địa chính answered %+v, on time %+v: want 2, 1/2", dc.Answered, dc.OnTime)
	}
	if dc.OverdueNow.Den != 1 || !reflect.DeepEqual(dc.OverdueNow.Items, []int64{4}) {
		t.Errorf("Địa chính overdue now: %+v, want item 4", dc.OverdueNow)
	}
	if dc.Median.Value != 2 || dc.P90.Value != 21 {
		t.Errorf("Địa chính days: median %v, p90 %v; want 2, 21", dc.Median.Value, dc.P90.Value)
	}
	if !dc.Satisfied.NoData || vp.Satisfied.Value != 100 {
		t.Errorf("satisfaction: Địa chính %+v, Văn phòng %+v", dc.Satisfied, vp.Satisfied)
	}
	if vp.Received.Den != 2 || vp.Answered.Den != 1 || vp.OverdueNow.Den != 0 || !vp.OverdueNow.NoData {
		t.Errorf("Văn phòng: %+v", vp)
	}
}
