package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestCreateUserDuplicateLogin(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	first, err := s.CreateUser(ctx, NewUser{Login: "chutich", Name: "Nguyễn Văn A", Role: RoleAdmin, PasswordHash: "h"}, 0)
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}

	tests := []struct {
		login   string
		wantErr error
	}{
		{"chutich", ErrDuplicateLogin},
		{"CHUTICH", ErrDuplicateLogin},
		{"ChuTich", ErrDuplicateLogin},
		{"chutich2", nil},
		{"phochutich", nil},
	}
	for _, tc := range tests {
		t.Run(tc.login, func(t *testing.T) {
			id, err := s.CreateUser(ctx, NewUser{Login: tc.login, Name: "Người khác", Role: RoleOfficer, PasswordHash: "h"}, first)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("CreateUser(%q) = %v, want %v", tc.login, err, tc.wantErr)
			}
			if tc.wantErr == nil && (id == 0 || id == first) {
				t.Fatalf("CreateUser(%q) gave id %d", tc.login, id)
			}
			if tc.wantErr != nil && id != 0 {
				t.Fatalf("failed CreateUser(%q) gave id %d", tc.login, id)
			}
		})
	}
	if n, err := s.CountUsers(ctx); err != nil || n != 3 {
		t.Fatalf("CountUsers = %d, %v; want 3", n, err)
	}
	// The first account is untouched and found whatever the case.
	u, err := s.UserByLogin(ctx, "  CHUTICH ")
	if err != nil {
		t.Fatalf("UserByLogin: %v", err)
	}
	if u.ID != first || u.Login != "chutich" || u.Name != "Nguyễn Văn A" || !u.IsAdmin() || !u.Active {
		t.Fatalf("UserByLogin = %+v", u)
	}
	if _, err := s.UserByLogin(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("UserByLogin(unknown) = %v, want ErrNotFound", err)
	}
	users, err := s.Users(ctx)
	if err != nil || len(users) != 3 || users[0].ID != first {
		t.Fatalf("Users = %+v, %v; want 3 with the admin first", users, err)
	}
}

func TestSessions(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "vanthu")
	other := mustUser(t, s, "ketoan")

	if err := s.CreateSession(ctx, "hash-a", uid); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if err := s.CreateSession(ctx, "hash-b", other); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	for hash, want := range map[string]int64{"hash-a": uid, "hash-b": other} {
		u, err := s.SessionUser(ctx, hash)
		if err != nil || u.ID != want {
			t.Fatalf("SessionUser(%s) = %d, %v; want %d", hash, u.ID, err, want)
		}
	}
	if _, err := s.SessionUser(ctx, "hash-unknown"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SessionUser(unknown) = %v, want ErrNotFound", err)
	}

	if err := s.DeleteSession(ctx, "hash-a", uid); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	if _, err := s.SessionUser(ctx, "hash-a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SessionUser after logout = %v, want ErrNotFound", err)
	}
	if u, err := s.SessionUser(ctx, "hash-b"); err != nil || u.ID != other {
		t.Fatalf("logout ended another session: %d, %v", u.ID, err)
	}

	// A deactivated account loses its sessions.
	if _, err := s.w.ExecContext(ctx, "UPDATE users SET active = 0 WHERE id = ?", other); err != nil {
		t.Fatalf("deactivate: %v", err)
	}
	if _, err := s.SessionUser(ctx, "hash-b"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SessionUser of inactive user = %v, want ErrNotFound", err)
	}
}

func TestSessionExpiry(t *testing.T) {
	type step struct {
		advance time.Duration // then call SessionUser
		live    bool
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"fresh", []step{{0, true}}},
		{"within idle", []step{{SessionIdle - time.Minute, true}}},
		{"idle", []step{{SessionIdle + time.Minute, false}}},
		{"stays dead", []step{{SessionIdle + time.Minute, false}, {0, false}}},
		{"use keeps it alive", []step{
			{SessionIdle - time.Minute, true},
			{SessionIdle - time.Minute, true},
			{SessionIdle - time.Minute, true},
		}},
		{"idle after use", []step{
			{SessionIdle - time.Minute, true},
			{SessionIdle + time.Minute, false},
		}},
		{"absolute", []step{
			{SessionIdle - 10*time.Minute, true}, // 1h50
			{SessionIdle - 10*time.Minute, true}, // 3h40
			{SessionIdle - 10*time.Minute, true}, // 5h30
			{SessionIdle - 10*time.Minute, true}, // 7h20
			{SessionIdle - 10*time.Minute, true}, // 9h10
			{SessionIdle - 10*time.Minute, true}, // 11h00
			{50 * time.Minute, true},             // 11h50
			{20 * time.Minute, false},            // 12h10: used 20 minutes ago, but too old
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, clock := newTestStore(t)
			uid := mustUser(t, s, "vanthu")
			if err := s.CreateSession(ctx, "token-hash", uid); err != nil {
				t.Fatalf("CreateSession: %v", err)
			}
			var elapsed time.Duration
			for i, st := range tc.steps {
				clock.Advance(st.advance)
				elapsed += st.advance
				u, err := s.SessionUser(ctx, "token-hash")
				switch {
				case st.live && (err != nil || u.ID != uid):
					t.Fatalf("step %d (+%v): SessionUser = %d, %v; want the user", i, elapsed, u.ID, err)
				case !st.live && !errors.Is(err, ErrNotFound):
					t.Fatalf("step %d (+%v): SessionUser = %d, %v; want ErrNotFound", i, elapsed, u.ID, err)
				}
			}
		})
	}
}

func TestExpiredSessionsAreCleared(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "vanthu")
	if err := s.CreateSession(ctx, "old", uid); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	clock.Advance(SessionIdle + time.Minute)
	if err := s.CreateSession(ctx, "new", uid); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM sessions WHERE token_hash = 'old'"); n != 0 {
		t.Fatal("expired session row was kept")
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM sessions"); n != 1 {
		t.Fatalf("sessions = %d, want 1", n)
	}
}

func TestLoginFailures(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	const window = 15 * time.Minute
	record := func(login string, n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			if err := s.RecordLoginFailure(ctx, login); err != nil {
				t.Fatalf("RecordLoginFailure: %v", err)
			}
		}
	}
	check := func(login string, want int) {
		t.Helper()
		if got, err := s.LoginFailures(ctx, login, window); err != nil || got != want {
			t.Fatalf("LoginFailures(%q) = %d, %v; want %d", login, got, err, want)
		}
	}

	check("admin", 0)
	record("admin", 2)
	record("ADMIN ", 1) // same login: case and spaces do not matter
	record("ketoan", 1)
	check("admin", 3)
	check("Admin", 3)
	check("ketoan", 1)
	check("vanthu", 0)

	clock.Advance(10 * time.Minute)
	record("admin", 1)
	check("admin", 4)
	clock.Advance(10 * time.Minute) // the first three are now 20 minutes old
	check("admin", 1)
	clock.Advance(10 * time.Minute)
	check("admin", 0)

	record("admin", 2)
	check("admin", 2)
	if err := s.ClearLoginFailures(ctx, "Admin"); err != nil {
		t.Fatalf("ClearLoginFailures: %v", err)
	}
	check("admin", 0)
	if n := mustCount(t, s, "SELECT COUNT(*) FROM login_failures WHERE login = 'admin'"); n != 0 {
		t.Fatalf("%d failure rows kept for admin", n)
	}
	// Other logins' recent failures stay; day-old ones are cleared.
	if n := mustCount(t, s, "SELECT COUNT(*) FROM login_failures WHERE login = 'ketoan'"); n != 1 {
		t.Fatalf("ketoan failures = %d, want 1 kept", n)
	}
	clock.Advance(25 * time.Hour)
	if err := s.ClearLoginFailures(ctx, "vanthu"); err != nil {
		t.Fatalf("ClearLoginFailures: %v", err)
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM login_failures"); n != 0 {
		t.Fatalf("%d day-old failures kept", n)
	}
}

func TestPasswordChangeAndLockEndSessions(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	for i, change := range []func() error{
		func() error { return s.SetPassword(ctx, uid, "new-hash", uid) },
		func() error { return s.SetActive(ctx, uid, false, 0) },
	} {
		tok := fmt.Sprintf("token-%d", i)
		if err := s.CreateSession(ctx, tok, uid); err != nil {
			t.Fatal(err)
		}
		if err := change(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, tok); !errors.Is(err, ErrNotFound) {
			t.Errorf("change %d left the session alive: %v", i, err)
		}
	}
	u, err := s.UserByID(ctx, uid)
	if err != nil || u.PasswordHash != "new-hash" || u.Active {
		t.Fatalf("user after changes: %+v, %v", u, err)
	}
	if err := s.SetActive(ctx, uid, true, 0); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "unknown user", s.SetPassword(ctx, 9999, "x", 0), ErrNotFound)
	wantErr(t, "unknown user", s.SetActive(ctx, 9999, false, 0), ErrNotFound)
	_, err = s.UserByID(ctx, 9999)
	wantErr(t, "unknown user", err, ErrNotFound)
}
