package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/portal/password"
	"minhbach/store"
)

func TestUserAddWhileTheServerHoldsTheDatabase(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	// The "server": an open, migrated store with a write in flight.
	st, _ := openWithUnit(t, dir)

	args := []string{"-data", dir, "-login", "chutich", "-name", "Nguyễn Văn An", "-role", "admin"}
	if err := userAdd(args, strings.NewReader("mot-mat-khau-dai\n")); err != nil {
		t.Fatalf("user add: %v", err)
	}
	u, err := st.UserByLogin(ctx, "chutich")
	if err != nil {
		t.Fatalf("the running server does not see the new account: %v", err)
	}
	if u.Role != store.RoleAdmin || u.Name != "Nguyễn Văn An" || !password.Check(u.PasswordHash, "mot-mat-khau-dai") {
		t.Fatalf("account %+v", u)
	}

	if err := userPassword([]string{"-data", dir, "-login", "chutich"}, strings.NewReader("")); err == nil {
		t.Error("user password without a password on stdin succeeded")
	}
	if err := userPassword([]string{"-data", dir, "-login", "CHUTICH"}, strings.NewReader("mat-khau-moi-sau-khi-quen\n")); err != nil {
		t.Fatalf("user password: %v", err)
	}
	if u, _ := st.UserByLogin(ctx, "chutich"); !password.Check(u.PasswordHash, "mat-khau-moi-sau-khi-quen") {
		t.Error("user password did not change the password")
	}
	if err := userPassword([]string{"-data", dir, "-login", "khong-co"}, strings.NewReader("mat-khau-moi-sau-khi-quen\n")); err == nil {
		t.Error("user password for an unknown login succeeded")
	}

	cases := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"duplicate login", args, "mot-mat-khau-dai\n", "đã có người dùng"},
		{"short password", []string{"-data", dir, "-login", "b", "-name", "B"}, "ngan\n", "ít nhất 10"},
		{"no password", []string{"-data", dir, "-login", "c", "-name", "C"}, "", "không có mật khẩu"},
		{"bad role", []string{"-data", dir, "-login", "d", "-name", "D", "-role", "root"}, "mot-mat-khau-dai\n", "admin hoặc officer"},
		{"no name", []string{"-data", dir, "-login", "e"}, "mot-mat-khau-dai\n", "cần có"},
	}
	for _, c := range cases {
		err := userAdd(c.args, strings.NewReader(c.stdin))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func TestMigrateRefusesANewerDatabase(t *testing.T) {
	dir := t.TempDir()
	if err := run([]string{"migrate", "-data", dir}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Pretend a newer binary migrated this database.
	db := filepath.Join(dir, store.DBFile)
	if err := bumpSchema(db); err != nil {
		t.Fatal(err)
	}
	err = run([]string{"serve", "-data", dir, "-addr", "127.0.0.1:0"})
	if err == nil || !strings.Contains(err.Error(), "newer than this binary") {
		t.Fatalf("serve on a newer schema: %v", err)
	}
}

// bumpSchema marks the database as migrated by a newer binary.
func bumpSchema(path string) error {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(fmt.Sprintf("PRAGMA user_version = %d", store.SchemaVersion()+1))
	return err
}

func TestBackupWhileTheServerHoldsTheDatabase(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	openWithUnit(t, dir) // held open, as by a running server
	out := filepath.Join(t.TempDir(), "sao-luu")
	if err := run([]string{"backup", "-data", dir, "-out", out}); err != nil {
		t.Fatal(err)
	}
	cp, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	units, err := cp.Units(ctx)
	if err != nil || len(units) != 1 || units[0].Name != "UBND xã" {
		t.Fatalf("units in the backup: %+v, %v", units, err)
	}
}

// openWithUnit is the store a running server would hold: open, migrated,
// with one unit. It closes when the test ends.
func openWithUnit(t *testing.T, dir string) (*store.Store, int64) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	unit, err := st.AddUnit(context.Background(), "UBND xã", 0)
	if err != nil {
		t.Fatal(err)
	}
	return st, unit
}
