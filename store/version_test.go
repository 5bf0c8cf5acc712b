package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestVersionsAreAppendOnly(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	a := mustAttachment(t, s, "qd.pdf", "quyết định", uid)
	id, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Bản gốc", AttachmentIDs: []int64{a.ID}}, uid)
	if err != nil {
		t.Fatalf("CreateDisclosure: %v", err)
	}
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatalf("PublishDisclosure: %v", err)
	}
	// A draft that was never published (no attachments, so no foreign key holds it).
	draft, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Nháp"}, uid)
	if err != nil {
		t.Fatalf("CreateDisclosure: %v", err)
	}

	counts := func() [4]int {
		return [4]int{
			mustCount(t, s, "SELECT COUNT(*) FROM disclosure_versions"),
			mustCount(t, s, "SELECT COUNT(*) FROM version_attachments"),
			mustCount(t, s, "SELECT COUNT(*) FROM audit_log"),
			mustCount(t, s, "SELECT COUNT(*) FROM disclosures WHERE id = ?", id),
		}
	}
	before := counts()
	if before[0] != 1 || before[1] != 1 || before[2] == 0 || before[3] != 1 {
		t.Fatalf("unexpected starting counts %v", before)
	}

	tests := []struct {
		name    string
		sql     string
		args    []any
		message string
	}{
		{"update version", "UPDATE disclosure_versions SET title = 'Giả mạo'", nil, "append-only"},
		{"update version reason", "UPDATE disclosure_versions SET reason = 'x' WHERE disclosure_id = ?", []any{id}, "append-only"},
		{"delete version", "DELETE FROM disclosure_versions WHERE disclosure_id = ?", []any{id}, "append-only"},
		{"update version attachment", "UPDATE version_attachments SET attachment_id = attachment_id", nil, "append-only"},
		{"delete version attachment", "DELETE FROM version_attachments", nil, "append-only"},
		{"update audit", "UPDATE audit_log SET detail = 'xoá dấu vết'", nil, "append-only"},
		{"delete audit", "DELETE FROM audit_log", nil, "append-only"},
		{"delete published disclosure", "DELETE FROM disclosures WHERE id = ?", []any{id}, "cannot be deleted"},
		{"delete all disclosures", "DELETE FROM disclosures", nil, "cannot be deleted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.w.ExecContext(ctx, tc.sql, tc.args...)
			if err == nil {
				t.Fatalf("%s succeeded", tc.sql)
			}
			if !strings.Contains(err.Error(), tc.message) {
				t.Errorf("%s: error %q does not contain %q", tc.sql, err, tc.message)
			}
			if got := counts(); got != before {
				t.Errorf("counts changed from %v to %v", before, got)
			}
		})
	}
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != 1 || vs[0].Title != "Bản gốc" || vs[0].Reason != "" ||
		!slices.Equal(attachmentIDs(vs[0].Attachments), []int64{a.ID}) {
		t.Fatalf("version 1 altered: %+v, %v", vs, err)
	}

	// The triggers are aimed: a never-published draft can still be deleted,
	// and the writer connection still works after the aborted statements.
	if _, err := s.w.ExecContext(ctx, "DELETE FROM disclosures WHERE id = ?", draft); err != nil {
		t.Fatalf("deleting a draft: %v", err)
	}
	if _, err := s.Disclosure(ctx, draft); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted draft still readable: %v", err)
	}
	if err := s.UpdateDisclosure(ctx, id, DisclosureInput{Category: "thong-bao", Title: "Bản 2"}, "sửa", uid); err != nil {
		t.Fatalf("UpdateDisclosure after refused statements: %v", err)
	}
	if vs, _ := s.Versions(ctx, id); len(vs) != 2 {
		t.Fatalf("Versions = %d, want 2", len(vs))
	}
}

func TestPublicChangeMark(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	mark := s.PublicChangeMark
	in := DisclosureInput{Category: "ngan-sach", Title: "Dự toán 2026", Body: "<p>a</p>"}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		do      func() error
		changes bool
	}{
		{"edit a draft", func() error { in.Title = "Dự toán 2026 (nháp 2)"; return s.UpdateDisclosure(ctx, id, in, "", uid) }, false},
		{"create another draft", func() error { _, err := s.CreateDisclosure(ctx, in, uid); return err }, false},
		{"publish", func() error { return s.PublishDisclosure(ctx, id, uid) }, true},
		{"edit in public", func() error { in.Body = "<p>b</p>"; return s.UpdateDisclosure(ctx, id, in, "Sửa số liệu", uid) }, true},
		{"withdraw", func() error { return s.WithdrawDisclosure(ctx, id, "Ban hành nhầm", uid) }, true},
		{"save settings", func() error { return s.SaveSettings(ctx, Settings{CommuneName: "xã Trung Trắc"}, uid) }, true},
		{"save the same settings", func() error { return s.SaveSettings(ctx, Settings{CommuneName: "xã Trung Trắc"}, uid) }, false},
	}
	prev := mark()
	for _, st := range steps {
		clock.Advance(time.Second)
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		now := mark()
		if (now != prev) != st.changes {
			t.Errorf("%s: mark %d → %d, want changed=%v", st.name, prev, now, st.changes)
		}
		prev = now
	}
}

func TestDeleteDraftOnly(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	a := mustAttachment(t, s, "nhap.pdf", "nháp", uid)
	in := DisclosureInput{Category: "thong-bao", Title: "Nháp", Body: "<p>x</p>", AttachmentIDs: []int64{a.ID}}
	draft, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatal(err)
	}
	public, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, public, uid); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "delete a published item", s.DeleteDraft(ctx, public, uid), ErrNotDraft)
	if err := s.DeleteDraft(ctx, draft, uid); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "read the deleted draft", func() error { _, err := s.Disclosure(ctx, draft); return err }(), ErrNotFound)
	wantErr(t, "delete it twice", s.DeleteDraft(ctx, draft, uid), ErrNotFound)
	// The file stays: the published item still carries it.
	if d, err := s.PublicDisclosure(ctx, public); err != nil || len(d.Attachments) != 1 {
		t.Fatalf("published item after deleting the draft: %+v, %v", d, err)
	}
}

func TestVersionLogAndOneVersion(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	a := mustAttachment(t, s, "v1.pdf", "một", uid)
	in := DisclosureInput{Category: "thong-bao", Title: "Bản một", Body: "<p>một</p>", AttachmentIDs: []int64{a.ID}}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	in.Title, in.Body, in.AttachmentIDs = "Bản hai", "<p>hai</p>", nil
	if err := s.UpdateDisclosure(ctx, id, in, "Sửa lần một", uid); err != nil {
		t.Fatal(err)
	}
	log, err := s.VersionLog(ctx, id)
	if err != nil || len(log) != 2 {
		t.Fatalf("log %+v, %v", log, err)
	}
	if log[0].Title != "Bản một" || log[1].Reason != "Sửa lần một" || !log[1].PublishedAt.After(log[0].PublishedAt) || log[1].Body != "" {
		t.Errorf("log entries %+v", log)
	}
	v1, err := s.DisclosureVersion(ctx, id, 1)
	if err != nil || v1.Body != "<p>một</p>" || len(v1.Attachments) != 1 || v1.Attachments[0].Filename != "v1.pdf" {
		t.Fatalf("version 1: %+v, %v", v1, err)
	}
	v2, err := s.DisclosureVersion(ctx, id, 2)
	if err != nil || v2.Title != "Bản hai" || len(v2.Attachments) != 0 {
		t.Fatalf("version 2: %+v, %v", v2, err)
	}
	_, err = s.DisclosureVersion(ctx, id, 3)
	wantErr(t, "version 3", err, ErrNotFound)
}

// TestPublicChangeMarkSeesOtherProcesses: a change committed by another
// connection to the same file (the command line, a restore) moves the mark
// within a few polls, without any read by the caller.
func TestPublicChangeMarkSeesOtherProcesses(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	other, err := Open(s.Dir())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before := s.PublicChangeMark()
	// Not public: the mark stays.
	mustUser(t, other, "canbo")
	time.Sleep(3 * ChangePollInterval)
	if m := s.PublicChangeMark(); m != before {
		t.Fatalf("creating an account moved the mark: %d → %d", before, m)
	}
	if err := other.SaveSettings(ctx, Settings{CommuneName: "xã Trung Trắc"}, 0); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * ChangePollInterval)
	for s.PublicChangeMark() == before {
		if time.Now().After(deadline) {
			t.Fatalf("the mark did not move within %v of another connection's public change", 20*ChangePollInterval)
		}
		time.Sleep(ChangePollInterval / 5)
	}
}
