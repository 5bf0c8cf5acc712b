package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAuditLogRecordsActions(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)

	// System actions (actor 0) and officer actions, in order.
	admin, err := s.CreateUser(ctx, NewUser{Login: "admin", Name: "Quản trị", Role: RoleAdmin, PasswordHash: "h"}, 0)
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	clock.Advance(time.Second)
	officer, err := s.CreateUser(ctx, NewUser{Login: "vanthu", Name: "Văn thư", Role: RoleOfficer, PasswordHash: "h"}, admin)
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	if _, err := s.CreateUser(ctx, NewUser{Login: "VanThu", Name: "x", Role: RoleOfficer, PasswordHash: "h"}, admin); err == nil {
		t.Fatal("duplicate CreateUser succeeded")
	}
	unit, err := s.AddUnit(ctx, "Công an xã", admin)
	if err != nil {
		t.Fatalf("AddUnit: %v", err)
	}
	if again, err := s.AddUnit(ctx, "Công an xã", admin); err != nil || again != unit {
		t.Fatalf("AddUnit again = %d, %v; want %d", again, err, unit)
	}
	if _, err := s.AddVillage(ctx, "Thôn Đông", admin); err != nil {
		t.Fatalf("AddVillage: %v", err)
	}
	if err := s.CreateSession(ctx, "h1", officer); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	a := mustAttachment(t, s, "tb.pdf", "thông báo", officer)
	in := DisclosureInput{Category: "thong-bao", Title: "Thông báo họp", UnitID: unit, AttachmentIDs: []int64{a.ID}}
	id, err := s.CreateDisclosure(ctx, in, officer)
	if err != nil {
		t.Fatalf("CreateDisclosure: %v", err)
	}
	in.Title = "Thông báo họp dân"
	if err := s.UpdateDisclosure(ctx, id, in, "", officer); err != nil {
		t.Fatalf("UpdateDisclosure(draft): %v", err)
	}
	if err := s.PublishDisclosure(ctx, id, officer); err != nil {
		t.Fatalf("PublishDisclosure: %v", err)
	}
	if err := s.UpdateDisclosure(ctx, id, in, "", officer); err == nil { // refused: no entry
		t.Fatal("UpdateDisclosure without reason succeeded")
	}
	if err := s.UpdateDisclosure(ctx, id, in, "đổi giờ họp", officer); err != nil {
		t.Fatalf("UpdateDisclosure: %v", err)
	}
	if err := s.WithdrawDisclosure(ctx, id, "đã hoãn", officer); err != nil {
		t.Fatalf("WithdrawDisclosure: %v", err)
	}
	if err := s.UpdateDisclosure(ctx, id, in, "x", officer); err == nil { // refused: no entry
		t.Fatal("UpdateDisclosure of withdrawn item succeeded")
	}
	if err := s.SaveSettings(ctx, Settings{CommuneName: "xã Trung Trắc"}, admin); err != nil {
		t.Fatalf("SaveSettings: %v", err)
	}
	if err := s.DeleteSession(ctx, "h1", officer); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	if err := s.Audit(ctx, admin, "backup.download", "", 0, "portal.db"); err != nil {
		t.Fatalf("Audit: %v", err)
	}

	want := []string{
		"user.create", "user.create", "units.add", "villages.add", "session.login",
		"attachment.upload", "disclosure.create", "disclosure.edit_draft", "disclosure.publish",
		"disclosure.revise", "disclosure.withdraw", "settings.save", "session.logout", "backup.download",
	}
	if got := auditActions(t, s); !slices.Equal(got, want) {
		t.Fatalf("audit actions:\n got %v\nwant %v", got, want)
	}

	entries, err := s.AuditLog(ctx, 100, 0, 0)
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	byAction := map[string]AuditEntry{}
	for _, e := range entries {
		if _, ok := byAction[e.Action]; !ok { // newest first: keep the newest
			byAction[e.Action] = e
		}
	}
	checks := []struct {
		action   string
		userID   int64
		userName string
		entity   string
		entityID int64
		detail   string
	}{
		{"disclosure.create", officer, "Văn thư", "disclosure", id, "Thông báo họp"},
		{"disclosure.revise", officer, "Văn thư", "disclosure", id, "đổi giờ họp"},
		{"disclosure.withdraw", officer, "Văn thư", "disclosure", id, "đã hoãn"},
		{"disclosure.publish", officer, "Văn thư", "disclosure", id, ""},
		{"attachment.upload", officer, "Văn thư", "attachment", a.ID, "tb.pdf " + a.SHA256},
		{"user.create", admin, "Quản trị", "user", officer, "vanthu (officer)"},
		{"units.add", admin, "Quản trị", "units", unit, "Công an xã"},
		{"backup.download", admin, "Quản trị", "", 0, "portal.db"},
	}
	for _, c := range checks {
		e, ok := byAction[c.action]
		if !ok {
			t.Errorf("no %s entry", c.action)
			continue
		}
		if e.UserID != c.userID || e.UserName != c.userName || e.Entity != c.entity || e.EntityID != c.entityID || e.Detail != c.detail {
			t.Errorf("%s entry = %+v; want user %d %q, %s %d, %q", c.action, e, c.userID, c.userName, c.entity, c.entityID, c.detail)
		}
		if e.At.IsZero() {
			t.Errorf("%s entry has no time", c.action)
		}
	}
	// The first account was made by the system (user 0).
	first := entries[len(entries)-1]
	if first.Action != "user.create" || first.UserID != 0 || first.UserName != "" || first.EntityID != admin {
		t.Errorf("first entry = %+v; want user.create of %d by the system", first, admin)
	}
	if !first.At.Equal(newTestClock().Now()) || !entries[0].At.Equal(clock.Now()) {
		t.Errorf("entry times %v .. %v; want %v .. %v", first.At, entries[0].At, newTestClock().Now(), clock.Now())
	}

	// Paging by key, both ways, newest first.
	page, err := s.AuditLog(ctx, 3, entries[1].ID, 0)
	if err != nil || len(page) != 3 || page[0].ID != entries[2].ID || page[2].ID != entries[4].ID {
		t.Fatalf("AuditLog older than entry 1 = %+v, %v", page, err)
	}
	page, err = s.AuditLog(ctx, 2, 0, entries[4].ID)
	if err != nil || len(page) != 2 || page[0].ID != entries[2].ID || page[1].ID != entries[3].ID {
		t.Fatalf("AuditLog newer than entry 4 = %+v, %v", page, err)
	}
}

// The log names the account or item an entry is about, and records failed
// logins: by account when the login exists, without the typed text when it
// does not.
func TestAuditLogNamesWhatWasActedOnAndFailedLogins(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "ketoan")
	id, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Lịch họp dân", Body: "<p>x</p>"}, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordLoginFailure(ctx, " KeToan "); err != nil {
		t.Fatalf("RecordLoginFailure: %v", err)
	}
	if err := s.RecordLoginFailure(ctx, "mat-khau-go-nham"); err != nil {
		t.Fatalf("RecordLoginFailure: %v", err)
	}
	entries, err := s.AuditLog(ctx, 10, 0, 0)
	if err != nil || len(entries) != 4 {
		t.Fatalf("AuditLog = %+v, %v", entries, err)
	}
	unknown, known, created, user := entries[0], entries[1], entries[2], entries[3]
	if unknown.Action != "session.login_failed" || unknown.UserID != 0 || unknown.EntityID != 0 || strings.Contains(unknown.Detail, "mat-khau") {
		t.Errorf("failed login of an unknown name = %+v", unknown)
	}
	if known.Action != "session.login_failed" || known.UserID != 0 || known.EntityID != uid || known.EntityName != "Cán bộ ketoan (ketoan)" {
		t.Errorf("failed login of an account = %+v", known)
	}
	if created.EntityName != "Lịch họp dân" || created.EntityID != id {
		t.Errorf("disclosure entry = %+v", created)
	}
	if user.Action != "user.create" || user.EntityName != "Cán bộ ketoan (ketoan)" {
		t.Errorf("user entry = %+v", user)
	}
	if n, err := s.LoginFailures(ctx, "ketoan", time.Hour); err != nil || n != 1 {
		t.Errorf("LoginFailures = %d, %v; the throttle must still count", n, err)
	}
}
