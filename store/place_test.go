package store

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestRetiredUnitKeepsItsName: a unit renamed then retired leaves the
// forms' choices; published versions keep the name they were published
// with, the working copy and questions still name it.
func TestRetiredUnitKeepsItsName(t *testing.T) {
	s, clock := newTestStore(t)
	s.SetCalendar(testCalendar)
	ctx := context.Background()
	uid := mustUser(t, s, "admin")
	unit, err := s.AddUnit(ctx, "Ban Tài chính xã", uid)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := s.AddUnit(ctx, "Văn phòng UBND xã", uid)
	village, _ := s.AddVillage(ctx, "Thôn Cũ", uid)
	in := DisclosureInput{Category: "ngan-sach", Title: "Dự toán 2026", Body: "<p>x</p>", UnitID: unit,
		PostingFrom: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatal(err)
	}
	q := submit(t, s, func(nq *NewQuestion) { nq.VillageID = village })

	clock.Advance(time.Hour)
	wantErr(t, "rename onto another name", s.RenameUnit(ctx, unit, "văn phòng ubnd xã", uid), ErrNameTaken)
	if err := s.RenameUnit(ctx, unit, "Công chức Tài chính - Kế toán", uid); err != nil {
		t.Fatal(err)
	}
	if err := s.RetireUnit(ctx, unit, true, uid); err != nil {
		t.Fatal(err)
	}
	if err := s.RetireVillage(ctx, village, true, uid); err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	if len(units) != 1 || units[0].ID != other {
		t.Errorf("Units() after retiring = %+v", units)
	}
	all, _ := s.AllUnits(ctx)
	if len(all) != 2 || all[0].Retired.IsZero() || !all[1].Retired.IsZero() {
		t.Errorf("AllUnits() = %+v", all)
	}
	if vs, _ := s.Villages(ctx); len(vs) != 0 {
		t.Errorf("Villages() = %+v", vs)
	}
	pub, err := s.PublicDisclosure(ctx, id)
	if err != nil || pub.UnitName != "Ban Tài chính xã" {
		t.Errorf("published version names %q (%v), want the name it was published with", pub.UnitName, err)
	}
	vs, _ := s.Versions(ctx, id)
	if len(vs) != 1 || vs[0].UnitName != "Ban Tài chính xã" {
		t.Errorf("versions: %+v", vs)
	}
	if d, _ := s.Disclosure(ctx, id); d.UnitName != "Công chức Tài chính - Kế toán" {
		t.Errorf("working copy names %q", d.UnitName)
	}
	if got := mustQuestion(t, s, q); got.VillageName != "Thôn Cũ" {
		t.Errorf("question's village %q after retiring it", got.VillageName)
	}
	// Put back.
	if err := s.RetireUnit(ctx, unit, false, uid); err != nil {
		t.Fatal(err)
	}
	if units, _ := s.Units(ctx); len(units) != 2 {
		t.Errorf("Units() after restoring = %+v", units)
	}
	wantErr(t, "retire a missing unit", s.RetireUnit(ctx, 999, true, uid), ErrNotFound)
	acts := auditActions(t, s)
	for _, a := range []string{"units.rename", "units.retire", "villages.retire", "units.restore"} {
		if !slices.Contains(acts, a) {
			t.Errorf("audit lacks %s: %v", a, acts)
		}
	}
}

func TestQuestionReception(t *testing.T) {
	s, _, _, _ := newQuestionStore(t)
	ctx := context.Background()
	plain := submit(t, s, nil)
	linked := submit(t, s, func(nq *NewQuestion) {
		nq.Channel = ChannelReceptionDay
		nq.ReceptionSession, nq.ReceptionLabel = "7/chu-tich-2026-11-26", "Thứ Năm 26/11/2026, 07:30–11:00, Phòng tiếp công dân"
	})
	if r, err := s.QuestionReception(ctx, plain); err != nil || r != (Reception{}) {
		t.Errorf("plain: %+v, %v", r, err)
	}
	r, err := s.QuestionReception(ctx, linked)
	if err != nil || r.Session != "7/chu-tich-2026-11-26" || r.Label == "" {
		t.Errorf("linked: %+v, %v", r, err)
	}
	wantErr(t, "missing question", func() error { _, err := s.QuestionReception(ctx, 9999); return err }(), ErrNotFound)
}
