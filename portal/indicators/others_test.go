package indicators

import (
	"reflect"
	"testing"

	"minhbach/portal/discclock"
)

var year2026 = Period{From: day("2026-01-01"), To: day("2026-12-31")}

func TestBudgetOnTime(t *testing.T) {
	ds := []DisclosureFact{
		{ID: 1, Kind: "ngan-sach/du-toan", Public: true, Due: day("2026-01-20"), Timing: discclock.OnTime},
		{ID: 2, Kind: "ngan-sach/thuc-hien-quy", Public: true, Due: day("2026-04-20"), Timing: discclock.Late},
		{ID: 3, Kind: "ngan-sach/thuc-hien-6-thang", Due: day("2026-07-20"), Timing: discclock.Overdue},          // not published: hidden
		{ID: 4, Kind: "ngan-sach/thuc-hien-9-thang", Due: day("2026-10-20"), Timing: discclock.Pending},          // not due yet
		{ID: 5, Kind: "ngan-sach/quyet-toan", Public: true, Timing: discclock.NoRule},                            // cannot be judged
		{ID: 6, Kind: "ngan-sach/du-toan", Public: true, Due: day("2025-12-20"), Timing: discclock.OnTime},       // last year
		{ID: 7, Kind: "ho-ngheo/ra-soat-hang-nam", Public: true, Due: day("2026-03-01"), Timing: discclock.Late}, // not budget
	}
	v := BudgetOnTime(ds, year2026)
	if v.Num != 1 || v.Den != 3 || v.Hidden != 1 || !reflect.DeepEqual(v.Items, []int64{1, 2}) {
		t.Errorf("got %+v, want 1/3, items 1 and 2, 1 hidden", v)
	}
	if v := BudgetOnTime(ds[3:5], year2026); !v.NoData {
		t.Errorf("only pending and unjudged stages: %+v, want no data", v)
	}
}

func TestPoorListPosted(t *testing.T) {
	ds := []DisclosureFact{
		{ID: 1, Kind: "ho-ngheo/ra-soat-hang-nam", Public: true, Published: day("2026-11-02"), Posting: discclock.PostEnough},
		{ID: 2, Kind: "ho-ngheo/ra-soat-dinh-ky", Public: true, Published: day("2026-06-02"), Posting: discclock.PostShort},
		{ID: 3, Kind: "ho-ngheo/ra-soat-hang-nam", Public: true, Published: day("2026-12-30"), Posting: discclock.PostRunning}, // not judged yet
		{ID: 4, Kind: "ngan-sach/du-toan", Public: true, Published: day("2026-01-10"), Posting: discclock.PostShort},
	}
	v := PoorListPosted(ds, year2026)
	if v.Num != 1 || v.Den != 2 || v.Value != 50 || !reflect.DeepEqual(v.Items, []int64{1, 2}) {
		t.Errorf("got %+v, want 1/2", v)
	}
	if v := PoorListPosted(ds[2:3], year2026); !v.NoData {
		t.Errorf("a list still running: %+v, want no data", v)
	}
}

func TestReceptionWeeks(t *testing.T) {
	// February 2026 touches the weeks of 26 January (only Sunday 1
	// February is in the period: no working day, not counted), 2, 9, 16
	// (all Tết: not counted) and 23 February: three weeks count.
	ss := []ReceptionSession{
		{ID: 11, Date: day("2026-02-05"), Chairman: true},
		{ID: 11, Date: day("2026-02-12"), Chairman: true},
		{ID: 11, Date: day("2026-02-24"), Chairman: false}, // a deputy: does not count
		{ID: 12, Date: day("2026-01-29"), Chairman: true},  // before the period
	}
	v := ReceptionWeeks(ss, cal, february)
	if v.Den != 3 || v.Num != 2 || !reflect.DeepEqual(v.Items, []int64{11}) {
		t.Errorf("February 2026: %+v, want 2 of 3 weeks (the week of Tết not counted), items [11]", v)
	}
	// Without the calendar the week of Tết is a week like any other.
	if v := ReceptionWeeks(ss, nil, february); v.Den != 4 {
		t.Errorf("Monday to Friday: %d weeks, want 4", v.Den)
	}
	if v := ReceptionWeeks(nil, cal, Period{From: day("2026-02-14"), To: day("2026-02-22")}); !v.NoData {
		t.Errorf("only Tết: %+v, want no data", v)
	}
	if v := ReceptionWeeks(nil, cal, february); v.Num != 0 || v.Den != 3 || v.NoData {
		t.Errorf("no sessions: %+v, want 0 of 3", v)
	}
}

func TestFormsHosted(t *testing.T) {
	ps := []ProcedureFact{
		{ID: 1, Field: "chung-thuc", Public: true, Forms: 2},
		{ID: 2, Field: "dat-dai", Public: true},
		{ID: 3, Field: "xay-dung", Public: true, Forms: 1},
		{ID: 4, Field: "ho-tich", Public: true, Forms: 0}, // another field
	}
	v := FormsHosted(ps)
	if v.Num != 2 || v.Den != 3 || !reflect.DeepEqual(v.Items, []int64{1, 2, 3}) {
		t.Errorf("got %+v, want 2/3", v)
	}
	if v := FormsHosted(ps[3:]); !v.NoData {
		t.Errorf("no procedure in the fields: %+v", v)
	}
}

func TestContactsComplete(t *testing.T) {
	vs := []VillageContacts{{ID: 1, Head: true, Phone: true}, {ID: 2, Head: true}, {ID: 3}}
	v := ContactsComplete(vs)
	if v.Num != 1 || v.Den != 3 || !reflect.DeepEqual(v.Items, []int64{1, 2, 3}) {
		t.Errorf("got %+v, want 1/3", v)
	}
	if v := ContactsComplete(nil); !v.NoData {
		t.Errorf("no villages: %+v", v)
	}
}

func TestDraftsSynthesised(t *testing.T) {
	ds := []DraftFact{
		{ID: 1, Public: true, CommentUntil: day("2026-03-10"), Synthesis: day("2026-03-20")},
		{ID: 2, Public: true, CommentUntil: day("2026-03-31")},
		{ID: 3, Public: true, CommentUntil: day("2026-04-15")}, // still open in March
	}
	v := DraftsSynthesised(ds, march)
	if v.Num != 1 || v.Den != 2 || v.Value != 50 {
		t.Errorf("got %+v, want 1/2", v)
	}
}
