package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestDisclosureLifecycle(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	unit, err := s.AddUnit(ctx, "UBND xã", uid)
	if err != nil {
		t.Fatalf("AddUnit: %v", err)
	}
	a1 := mustAttachment(t, s, "du-toan.pdf", "dự toán 2025", uid)
	a2 := mustAttachment(t, s, "du-toan-sua.pdf", "dự toán 2025, bản sửa", uid)

	in := DisclosureInput{
		Category:      "ngan-sach",
		Title:         "Dự toán ngân sách xã năm 2025",
		Summary:       "Tóm tắt",
		Body:          "<p>Nội dung</p>",
		LegalBasis:    "Thông tư 343/2016/TT-BTC",
		UnitID:        unit,
		PostingFrom:   time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC),
		PostingUntil:  time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
		AttachmentIDs: []int64{a1.ID},
	}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatalf("CreateDisclosure: %v", err)
	}

	// A draft is invisible to the public.
	if _, err := s.PublicDisclosure(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("PublicDisclosure(draft): got %v, want ErrNotFound", err)
	}
	pub, total, err := listCounted(ctx, s, DisclosureFilter{Public: true})
	if err != nil || total != 0 || len(pub) != 0 {
		t.Fatalf("Disclosures(Public) with only a draft = %d items, total %d, %v; want none", len(pub), total, err)
	}
	if n, err := s.CategoryCounts(ctx); err != nil || len(n) != 0 {
		t.Fatalf("CategoryCounts with only a draft = %v, %v; want empty", n, err)
	}
	if vs, err := s.Versions(ctx, id); err != nil || len(vs) != 0 {
		t.Fatalf("Versions(draft) = %d, %v; want none", len(vs), err)
	}
	// Officers see it.
	all, total, err := listCounted(ctx, s, DisclosureFilter{Status: StatusDraft})
	if err != nil || total != 1 || len(all) != 1 || all[0].ID != id {
		t.Fatalf("Disclosures(Status: draft) = %v, total %d, %v; want the draft", all, total, err)
	}
	d, err := s.Disclosure(ctx, id)
	if err != nil {
		t.Fatalf("Disclosure: %v", err)
	}
	if d.Status != StatusDraft || d.Version != 0 || d.Title != in.Title || d.UnitName != "UBND xã" ||
		!d.PostingFrom.Equal(in.PostingFrom) || !d.PostingUntil.Equal(in.PostingUntil) ||
		!slices.Equal(attachmentIDs(d.Attachments), []int64{a1.ID}) {
		t.Fatalf("draft read back wrong: %+v", d)
	}

	// A draft may be edited without a reason and gets no version.
	in.Title = "Dự toán ngân sách xã năm 2025 (dự thảo 2)"
	if err := s.UpdateDisclosure(ctx, id, in, "", uid); err != nil {
		t.Fatalf("UpdateDisclosure(draft, no reason): %v", err)
	}
	if d, _ := s.Disclosure(ctx, id); d.Title != in.Title || d.Version != 0 || d.Status != StatusDraft {
		t.Fatalf("edited draft = %q v%d %s", d.Title, d.Version, d.Status)
	}
	if vs, _ := s.Versions(ctx, id); len(vs) != 0 {
		t.Fatalf("draft edit made %d versions", len(vs))
	}

	// Publish: version 1.
	clock.Advance(time.Hour)
	publishedAt := clock.Now()
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatalf("PublishDisclosure: %v", err)
	}
	wantErr(t, "PublishDisclosure twice", s.PublishDisclosure(ctx, id, uid), ErrNotDraft)
	p, err := s.PublicDisclosure(ctx, id)
	if err != nil {
		t.Fatalf("PublicDisclosure after publish: %v", err)
	}
	if p.Status != StatusPublished || p.Version != 1 || p.Title != in.Title || p.Body != in.Body ||
		p.UnitName != "UBND xã" || !p.FirstPublished.Equal(publishedAt) || !p.UpdatedAt.Equal(publishedAt) {
		t.Fatalf("published item = %+v", p)
	}
	if got := attachmentIDs(p.Attachments); !slices.Equal(got, []int64{a1.ID}) {
		t.Fatalf("published attachments = %v, want [%d]", got, a1.ID)
	}
	pub, total, err = listCounted(ctx, s, DisclosureFilter{Public: true})
	if err != nil || total != 1 || len(pub) != 1 || pub[0].ID != id || pub[0].Version != 1 {
		t.Fatalf("Disclosures(Public) after publish = %+v, total %d, %v", pub, total, err)
	}
	if n, _ := s.CategoryCounts(ctx); n["ngan-sach"] != 1 {
		t.Fatalf("CategoryCounts = %v, want ngan-sach: 1", n)
	}
	titleV1 := in.Title

	// A public change without a reason is refused and changes nothing.
	changed := in
	changed.Title = "Dự toán ngân sách xã năm 2025 (điều chỉnh)"
	changed.Body = "<p>Nội dung đã điều chỉnh</p>"
	changed.AttachmentIDs = []int64{a2.ID}
	clock.Advance(time.Hour)
	auditBefore := len(auditActions(t, s))
	err = s.UpdateDisclosure(ctx, id, changed, "", uid)
	wantErr(t, "UpdateDisclosure(published, no reason)", err, ErrReasonRequired)
	d, _ = s.Disclosure(ctx, id)
	if d.Title != titleV1 || d.Version != 1 || !d.UpdatedAt.Equal(publishedAt) ||
		!slices.Equal(attachmentIDs(d.Attachments), []int64{a1.ID}) {
		t.Fatalf("refused change altered the working copy: %+v", d)
	}
	if p, _ := s.PublicDisclosure(ctx, id); p.Title != titleV1 || p.Version != 1 {
		t.Fatalf("refused change altered the public item: %q v%d", p.Title, p.Version)
	}
	if vs, _ := s.Versions(ctx, id); len(vs) != 1 {
		t.Fatalf("refused change left %d versions", len(vs))
	}
	if n := len(auditActions(t, s)); n != auditBefore {
		t.Fatalf("refused change wrote %d audit entries", n-auditBefore)
	}

	// With a reason: version 2.
	const reason = "Điều chỉnh theo Nghị quyết HĐND xã"
	revisedAt := clock.Now()
	if err := s.UpdateDisclosure(ctx, id, changed, reason, uid); err != nil {
		t.Fatalf("UpdateDisclosure(published, reason): %v", err)
	}
	p, err = s.PublicDisclosure(ctx, id)
	if err != nil {
		t.Fatalf("PublicDisclosure after revision: %v", err)
	}
	if p.Version != 2 || p.Title != changed.Title || p.Body != changed.Body || p.Status != StatusPublished ||
		!p.UpdatedAt.Equal(revisedAt) || !p.FirstPublished.Equal(publishedAt) {
		t.Fatalf("revised item = %+v", p)
	}
	if got := attachmentIDs(p.Attachments); !slices.Equal(got, []int64{a2.ID}) {
		t.Fatalf("revised attachments = %v, want [%d]", got, a2.ID)
	}
	pub, total, _ = listCounted(ctx, s, DisclosureFilter{Public: true, WithBody: true})
	if total != 1 || len(pub) != 1 || pub[0].Title != changed.Title || pub[0].Body != changed.Body {
		t.Fatalf("Disclosures(Public) after revision = %+v, total %d", pub, total)
	}

	vs, err := s.Versions(ctx, id)
	if err != nil {
		t.Fatalf("Versions: %v", err)
	}
	want := []struct {
		number      int
		title       string
		reason      string
		at          time.Time
		attachments []int64
	}{
		{1, titleV1, "", publishedAt, []int64{a1.ID}},
		{2, changed.Title, reason, revisedAt, []int64{a2.ID}},
	}
	if len(vs) != len(want) {
		t.Fatalf("Versions = %d, want %d", len(vs), len(want))
	}
	for i, w := range want {
		v := vs[i]
		if v.Number != w.number || v.Title != w.title || v.Reason != w.reason || !v.PublishedAt.Equal(w.at) ||
			v.DisclosureID != id || v.UnitName != "UBND xã" {
			t.Errorf("version %d = #%d %q reason %q at %v; want #%d %q reason %q at %v",
				i, v.Number, v.Title, v.Reason, v.PublishedAt, w.number, w.title, w.reason, w.at)
		}
		if got := attachmentIDs(v.Attachments); !slices.Equal(got, w.attachments) {
			t.Errorf("version %d attachments = %v, want %v", v.Number, got, w.attachments)
		}
	}

	// Version 3 keeps both files, in the given order; older versions keep theirs.
	v3 := changed
	v3.AttachmentIDs = []int64{a2.ID, a1.ID, a2.ID}
	if err := s.UpdateDisclosure(ctx, id, v3, "Bổ sung bản gốc", uid); err != nil {
		t.Fatalf("UpdateDisclosure v3: %v", err)
	}
	vs, _ = s.Versions(ctx, id)
	if len(vs) != 3 {
		t.Fatalf("Versions = %d, want 3", len(vs))
	}
	for i, w := range [][]int64{{a1.ID}, {a2.ID}, {a2.ID, a1.ID}} {
		if got := attachmentIDs(vs[i].Attachments); !slices.Equal(got, w) {
			t.Errorf("version %d attachments = %v, want %v", i+1, got, w)
		}
	}

	// Unknown ids.
	wantErr(t, "UpdateDisclosure(unknown)", s.UpdateDisclosure(ctx, id+100, in, "x", uid), ErrNotFound)
	wantErr(t, "PublishDisclosure(unknown)", s.PublishDisclosure(ctx, id+100, uid), ErrNotFound)
	if _, err := s.Disclosure(ctx, id+100); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Disclosure(unknown): %v", err)
	}
}

func TestDisclosureFilters(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	mk := func(category, title string, publish bool) int64 {
		t.Helper()
		clock.Advance(time.Minute)
		id, err := s.CreateDisclosure(ctx, DisclosureInput{Category: category, Title: title}, uid)
		if err != nil {
			t.Fatalf("CreateDisclosure: %v", err)
		}
		if publish {
			if err := s.PublishDisclosure(ctx, id, uid); err != nil {
				t.Fatalf("PublishDisclosure: %v", err)
			}
		}
		return id
	}
	old := mk("ngan-sach", "Ngân sách cũ", true)
	mk("ngan-sach", "Ngân sách nháp", false)
	poor := mk("ho-ngheo", "Hộ nghèo", true)
	latest := mk("ngan-sach", "Ngân sách mới", true)
	// Revising the oldest makes it the newest public change.
	clock.Advance(time.Minute)
	if err := s.UpdateDisclosure(ctx, old, DisclosureInput{Category: "ngan-sach", Title: "Ngân sách cũ (sửa)"}, "sửa", uid); err != nil {
		t.Fatalf("UpdateDisclosure: %v", err)
	}

	tests := []struct {
		name      string
		filter    DisclosureFilter
		wantIDs   []int64
		wantTotal int
	}{
		{"public", DisclosureFilter{Public: true}, []int64{old, latest, poor}, 3},
		{"public category", DisclosureFilter{Public: true, Category: "ngan-sach"}, []int64{old, latest}, 2},
		{"public limit", DisclosureFilter{Public: true, Limit: 1}, []int64{old}, 3},
		{"public after a key", DisclosureFilter{Public: true, Limit: 2, Older: cursorOf(t, s, old)}, []int64{latest, poor}, 3},
		{"public before a key", DisclosureFilter{Public: true, Limit: 1, Newer: cursorOf(t, s, poor)}, []int64{latest}, 3},
		{"public before a key, all", DisclosureFilter{Public: true, Newer: cursorOf(t, s, poor)}, []int64{old, latest}, 3},
		{"category after a key", DisclosureFilter{Public: true, Category: "ngan-sach", Older: cursorOf(t, s, old)}, []int64{latest}, 2},
		{"officer all", DisclosureFilter{}, nil, 4},
		{"officer drafts", DisclosureFilter{Status: StatusDraft}, nil, 1},
		{"officer category", DisclosureFilter{Category: "ho-ngheo"}, []int64{poor}, 1},
		{"empty category", DisclosureFilter{Public: true, Category: "tiep-cong-dan"}, []int64{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := listCounted(ctx, s, tc.filter)
			if err != nil {
				t.Fatalf("Disclosures: %v", err)
			}
			if total != tc.wantTotal {
				t.Errorf("total = %d, want %d", total, tc.wantTotal)
			}
			ids := []int64{}
			for _, d := range got {
				ids = append(ids, d.ID)
				if tc.filter.Public && (d.Status == StatusDraft || d.Version < 1) {
					t.Errorf("public list holds %d in status %s v%d", d.ID, d.Status, d.Version)
				}
			}
			if tc.wantIDs != nil && !slices.Equal(ids, tc.wantIDs) {
				t.Errorf("ids = %v, want %v", ids, tc.wantIDs)
			}
			if tc.wantIDs == nil && len(ids) != tc.wantTotal {
				t.Errorf("got %d items, want %d", len(ids), tc.wantTotal)
			}
		})
	}
	counts, err := s.CategoryCounts(ctx)
	if err != nil {
		t.Fatalf("CategoryCounts: %v", err)
	}
	if len(counts) != 2 || counts["ngan-sach"] != 2 || counts["ho-ngheo"] != 1 {
		t.Errorf("CategoryCounts = %v", counts)
	}
}

func TestWithdrawnDisclosure(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	a := mustAttachment(t, s, "tb.pdf", "thông báo", uid)
	in := DisclosureInput{Category: "thong-bao", Title: "Lịch tiếp công dân", AttachmentIDs: []int64{a.ID}}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatalf("CreateDisclosure: %v", err)
	}

	// Only public items can be withdrawn, and only with a reason.
	wantErr(t, "WithdrawDisclosure(draft)", s.WithdrawDisclosure(ctx, id, "lý do", uid), ErrNotFound)
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatalf("PublishDisclosure: %v", err)
	}
	in.Title = "Lịch tiếp công dân (sửa)"
	if err := s.UpdateDisclosure(ctx, id, in, "đổi ngày", uid); err != nil {
		t.Fatalf("UpdateDisclosure: %v", err)
	}
	wantErr(t, "WithdrawDisclosure(no reason)", s.WithdrawDisclosure(ctx, id, "", uid), ErrReasonRequired)
	if p, _ := s.PublicDisclosure(ctx, id); p.Status != StatusPublished {
		t.Fatalf("refused withdrawal changed status to %s", p.Status)
	}

	clock.Advance(24 * time.Hour)
	withdrawnAt := clock.Now()
	const reason = "Thông báo bị thay thế bởi thông báo số 12"
	if err := s.WithdrawDisclosure(ctx, id, reason, uid); err != nil {
		t.Fatalf("WithdrawDisclosure: %v", err)
	}

	p, err := s.PublicDisclosure(ctx, id)
	if err != nil {
		t.Fatalf("PublicDisclosure(withdrawn): %v", err)
	}
	if p.Status != StatusWithdrawn || p.WithdrawReason != reason || !p.WithdrawnAt.Equal(withdrawnAt) ||
		p.Version != 2 || p.Title != in.Title || !slices.Equal(attachmentIDs(p.Attachments), []int64{a.ID}) {
		t.Fatalf("withdrawn item = %+v", p)
	}
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != 2 || vs[0].Title != "Lịch tiếp công dân" || vs[1].Title != in.Title || vs[1].Reason != "đổi ngày" {
		t.Fatalf("Versions(withdrawn) = %+v, %v", vs, err)
	}
	list, total, err := listCounted(ctx, s, DisclosureFilter{Public: true})
	if err != nil || total != 1 || len(list) != 1 || list[0].Status != StatusWithdrawn || list[0].WithdrawReason != reason {
		t.Fatalf("Disclosures(Public) = %+v, total %d, %v; want the withdrawn item", list, total, err)
	}
	if ok, err := s.AttachmentIsPublic(ctx, a.ID); err != nil || !ok {
		t.Fatalf("attachment of a withdrawn item public = %v, %v; want true", ok, err)
	}

	// Nothing changes a withdrawn item.
	in.Title = "Sửa sau khi thu hồi"
	wantErr(t, "UpdateDisclosure(withdrawn)", s.UpdateDisclosure(ctx, id, in, "sửa", uid), ErrWithdrawn)
	wantErr(t, "UpdateDisclosure(withdrawn, no reason)", s.UpdateDisclosure(ctx, id, in, "", uid), ErrWithdrawn)
	wantErr(t, "WithdrawDisclosure twice", s.WithdrawDisclosure(ctx, id, "lần hai", uid), ErrWithdrawn)
	wantErr(t, "PublishDisclosure(withdrawn)", s.PublishDisclosure(ctx, id, uid), ErrNotDraft)
	d, _ := s.Disclosure(ctx, id)
	if d.Title != "Lịch tiếp công dân (sửa)" || d.WithdrawReason != reason || d.Version != 2 {
		t.Fatalf("withdrawn working copy changed: %+v", d)
	}
	if vs, _ := s.Versions(ctx, id); len(vs) != 2 {
		t.Fatalf("Versions after refused changes = %d, want 2", len(vs))
	}
	if _, err := s.w.ExecContext(ctx, "DELETE FROM disclosures WHERE id = ?", id); err == nil {
		t.Fatal("deleting a withdrawn disclosure succeeded")
	}
}

func cursorOf(t *testing.T, s *Store, id int64) Cursor {
	t.Helper()
	d, err := s.Disclosure(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return CursorOf(d)
}

func TestCursorRoundTripsAndRefusesOtherSpellings(t *testing.T) {
	c := Cursor{time.Date(2026, 11, 26, 7, 5, 3, 123456000, time.UTC), 42}
	got, ok := ParseCursor(c.String())
	if !ok || got != c {
		t.Fatalf("ParseCursor(%q) = %v, %v; want %v", c.String(), got, ok, c)
	}
	for _, bad := range []string{"", "1", "1.", ".5", "01.5", "1.05", "1.-5", "-1.5", "1.0", "a.b", "1.5.6", " 1.5", "1.5 "} {
		if _, ok := ParseCursor(bad); ok {
			t.Errorf("ParseCursor(%q) accepted", bad)
		}
	}
}
