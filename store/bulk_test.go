package store

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestLoadHistoryMatchesSteps loads items with LoadHistory and makes the
// same items step by step in a second store; both must read back the same
// to the public and to officers, with the same audit trail.
func TestLoadHistoryMatchesSteps(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2024, 3, 1, 2, 0, 0, 0, time.UTC)
	type setup struct {
		s     *Store
		clock *testClock
		uid   int64
		files []int64
		unit  int64
	}
	prepare := func() setup {
		s, clock := newTestStore(t)
		uid := mustUser(t, s, "canbo")
		unit, err := s.AddUnit(ctx, "Tài chính - Kế toán", uid)
		if err != nil {
			t.Fatal(err)
		}
		a1 := mustAttachment(t, s, "du-toan.pdf", "dự toán", uid)
		a2 := mustAttachment(t, s, "bieu-mau.pdf", "biểu mẫu", uid)
		return setup{s, clock, uid, []int64{a1.ID, a2.ID}, unit}
	}
	content := func(su setup, title string, files ...int64) DisclosureInput {
		return DisclosureInput{Category: "ngan-sach", Title: title, Summary: "Tóm tắt " + title,
			Body: "<p>" + title + "</p>", LegalBasis: "Thông tư 343/2016/TT-BTC", UnitID: su.unit,
			PostingFrom: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), AttachmentIDs: files}
	}
	items := func(su setup) []HistoryItem {
		return []HistoryItem{
			{CreatedAt: t0, History: []HistoryVersion{
				{DisclosureInput: content(su, "Dự toán ngân sách 2024", su.files[0]), PublishedAt: t0.Add(time.Hour)},
				{DisclosureInput: content(su, "Dự toán ngân sách 2024 (điều chỉnh)", su.files[0], su.files[1]), Reason: "Bổ sung biểu mẫu", PublishedAt: t0.Add(48 * time.Hour)},
			}},
			{CreatedAt: t0.Add(2 * time.Hour), History: []HistoryVersion{
				{DisclosureInput: content(su, "Thông báo đã rút"), PublishedAt: t0.Add(3 * time.Hour)},
			}, WithdrawnAt: t0.Add(72 * time.Hour), WithdrawReason: "Ban hành nhầm"},
			{CreatedAt: t0.Add(4 * time.Hour), Draft: content(su, "Bản nháp", su.files[1])},
		}
	}

	bulk := prepare()
	markBefore := bulk.s.PublicChangeMark()
	ids, err := bulk.s.LoadHistory(ctx, items(bulk), bulk.uid)
	if err != nil {
		t.Fatalf("LoadHistory: %v", err)
	}
	if markAfter := bulk.s.PublicChangeMark(); markAfter <= markBefore {
		t.Errorf("public change mark did not move: %d → %d", markBefore, markAfter)
	}

	// The same story, one step at a time in time order, on the clock.
	steps := prepare()
	type step struct {
		at      time.Time
		item, v int // v: -1 create, len(History) withdraw, else publish or revise
	}
	var todo []step
	stepItems := items(steps)
	for i, it := range stepItems {
		todo = append(todo, step{it.CreatedAt, i, -1})
		for v, ver := range it.History {
			todo = append(todo, step{ver.PublishedAt, i, v})
		}
		if !it.WithdrawnAt.IsZero() {
			todo = append(todo, step{it.WithdrawnAt, i, len(it.History)})
		}
	}
	slices.SortStableFunc(todo, func(a, b step) int { return a.at.Compare(b.at) })
	stepIDs := make([]int64, len(stepItems))
	for _, st := range todo {
		it := stepItems[st.item]
		steps.clock.t = st.at
		var err error
		switch {
		case st.v == -1:
			first := it.Draft
			if len(it.History) > 0 {
				first = it.History[0].DisclosureInput
			}
			stepIDs[st.item], err = steps.s.CreateDisclosure(ctx, first, steps.uid)
		case st.v == len(it.History):
			err = steps.s.WithdrawDisclosure(ctx, stepIDs[st.item], it.WithdrawReason, steps.uid)
		case st.v == 0:
			err = steps.s.PublishDisclosure(ctx, stepIDs[st.item], steps.uid)
		default:
			v := it.History[st.v]
			err = steps.s.UpdateDisclosure(ctx, stepIDs[st.item], v.DisclosureInput, v.Reason, steps.uid)
		}
		if err != nil {
			t.Fatal(err)
		}
	}

	for i := range ids {
		got, err1 := bulk.s.Disclosure(ctx, ids[i])
		want, err2 := steps.s.Disclosure(ctx, stepIDs[i])
		if err1 != nil || err2 != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("item %d working copy:\n got %+v %v\nwant %+v %v", i, got, err1, want, err2)
		}
		gotPub, err1 := bulk.s.PublicDisclosure(ctx, ids[i])
		wantPub, err2 := steps.s.PublicDisclosure(ctx, stepIDs[i])
		if !reflect.DeepEqual(gotPub, wantPub) || (err1 == nil) != (err2 == nil) {
			t.Errorf("item %d public:\n got %+v %v\nwant %+v %v", i, gotPub, err1, wantPub, err2)
		}
		gotV, err1 := bulk.s.Versions(ctx, ids[i])
		wantV, err2 := steps.s.Versions(ctx, stepIDs[i])
		// Row ids follow the order of writing, which differs; numbers do not.
		for j := range gotV {
			gotV[j].ID = 0
		}
		for j := range wantV {
			wantV[j].ID = 0
		}
		if err1 != nil || err2 != nil || !reflect.DeepEqual(gotV, wantV) {
			t.Errorf("item %d versions:\n got %+v %v\nwant %+v %v", i, gotV, err1, wantV, err2)
		}
	}
	for _, f := range []DisclosureFilter{{Public: true}, {Status: StatusDraft}, {Status: StatusWithdrawn}} {
		got, _ := bulk.s.CountDisclosures(ctx, f)
		want, _ := steps.s.CountDisclosures(ctx, f)
		if got != want {
			t.Errorf("CountDisclosures(%+v) = %d, want %d", f, got, want)
		}
	}
	if got, want := auditActions(t, bulk.s), auditActions(t, steps.s); !reflect.DeepEqual(got, want) {
		t.Errorf("audit log:\n got %v\nwant %v", got, want)
	}

	// Loaded history is ordinary history: the next edit is version 3, and
	// the versions stay append-only.
	bulk.clock.t = t0.Add(100 * time.Hour)
	if err := bulk.s.UpdateDisclosure(ctx, ids[0], content(bulk, "Lần ba"), "Sửa lỗi chính tả", bulk.uid); err != nil {
		t.Fatal(err)
	}
	if vs, _ := bulk.s.VersionLog(ctx, ids[0]); len(vs) != 3 || vs[2].Number != 3 {
		t.Errorf("versions after an edit = %+v, want 3", vs)
	}
	if _, err := bulk.s.w.ExecContext(ctx, "DELETE FROM disclosure_versions WHERE disclosure_id = ?", ids[0]); err == nil {
		t.Error("deleting a loaded version succeeded")
	}
}

func TestLoadHistoryRefusesBadHistory(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	t0 := time.Date(2024, 3, 1, 2, 0, 0, 0, time.UTC)
	in := DisclosureInput{Category: "thong-bao", Title: "Thông báo"}
	good := HistoryItem{CreatedAt: t0, History: []HistoryVersion{{DisclosureInput: in, PublishedAt: t0}}}
	for name, bad := range map[string]HistoryItem{
		"revision without a reason": {CreatedAt: t0, History: []HistoryVersion{
			{DisclosureInput: in, PublishedAt: t0}, {DisclosureInput: in, PublishedAt: t0.Add(time.Hour)}}},
		"versions out of order": {CreatedAt: t0, History: []HistoryVersion{
			{DisclosureInput: in, PublishedAt: t0.Add(time.Hour)}, {DisclosureInput: in, Reason: "x", PublishedAt: t0}}},
		"withdrawn without a reason": {CreatedAt: t0, History: good.History, WithdrawnAt: t0.Add(time.Hour)},
		"withdrawn draft":            {CreatedAt: t0, Draft: in, WithdrawnAt: t0, WithdrawReason: "x"},
		"unknown attachment": {CreatedAt: t0, History: []HistoryVersion{
			{DisclosureInput: DisclosureInput{Category: "thong-bao", Title: "x", AttachmentIDs: []int64{999}}, PublishedAt: t0}}},
	} {
		if _, err := s.LoadHistory(ctx, []HistoryItem{good, bad}, 0); err == nil {
			t.Errorf("%s: loaded", name)
		}
		if n := mustCount(t, s, "SELECT COUNT(*) FROM disclosures"); n != 0 {
			t.Fatalf("%s: %d items written by a refused load", name, n)
		}
	}
}
