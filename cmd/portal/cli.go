package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"minhbach/portal/password"
	"minhbach/seeds"
	"minhbach/store"
)

const usage = `Minh Bạch – cổng công khai của xã.

Cách dùng:
  portal serve   [-addr :8080] [-data ./data] [-demo] [-tls-proxy]   chạy cổng thông tin
  portal migrate [-data ./data]                                       nâng cấp cơ sở dữ liệu
  portal seed    [-data ./data]                                       nạp dữ liệu minh họa xã Trung Trắc
  portal user add -login L -name N -role admin|officer [-title T] [-data ./data]
                                                                      tạo tài khoản (mật khẩu đọc từ stdin)
  portal user password -login L [-data ./data]                        đặt lại mật khẩu (đọc từ stdin)
  portal backup  [-data ./data] [-out thư-mục]                        sao lưu (chạy được khi cổng đang hoạt động)
  portal version [-data ./data]                                       in phiên bản

Biến môi trường: PORTAL_ADDR, PORTAL_DATA, PORTAL_TLS_PROXY=1.
`

// demoPassword is the password of the demo accounts; demo data only.
const demoPassword = "minhbach-demo"

func run(args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return errors.New("missing command")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(rest)
	case "migrate":
		return migrate(rest)
	case "seed":
		return seed(rest)
	case "user":
		switch {
		case len(rest) > 0 && rest[0] == "add":
			return userAdd(rest[1:], os.Stdin)
		case len(rest) > 0 && rest[0] == "password":
			return userPassword(rest[1:], os.Stdin)
		}
		return errors.New("usage: portal user add -login L -name N -role admin|officer, or portal user password -login L")
	case "backup":
		return backup(rest)
	case "version":
		return printVersion(rest)
	case "help", "-h", "-help", "--help":
		fmt.Print(usage)
		return nil
	}
	fmt.Fprint(os.Stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	data := fs.String("data", envOr("PORTAL_DATA", "./data"), "data directory (database and uploaded files)")
	return fs, data
}

// openMigrated opens the store and brings its schema up to date.
func openMigrated(ctx context.Context, dir string, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	n, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	if n > 0 {
		log.Info("database migrated", "applied", n, "schema", store.SchemaVersion(), "dir", dir)
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// withStore runs fn on the migrated store in dir and closes it after.
func withStore(dir string, fn func(context.Context, *store.Store) error) error {
	ctx := context.Background()
	st, err := openMigrated(ctx, dir, slog.Default())
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(ctx, st)
}

func migrate(args []string) error {
	fs, data := newFlags("migrate")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withStore(*data, func(context.Context, *store.Store) error {
		fmt.Printf("database at schema %d\n", store.SchemaVersion())
		return nil
	})
}

func seed(args []string) error {
	fs, data := newFlags("seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		res, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: demoPassword})
		if err != nil {
			return err
		}
		if res.Skipped {
			fmt.Println("the database already has data; demo data not loaded")
			return nil
		}
		fmt.Printf("demo data loaded: %d disclosures; log in as admin or canbo with password %s\n", res.Disclosures, demoPassword)
		return nil
	})
}

// userAdd creates an account. The password is one line on standard input,
// never a flag (flags show in the process list and shell history).
func userAdd(args []string, stdin io.Reader) error {
	fs, data := newFlags("user add")
	login := fs.String("login", "", "login name")
	name := fs.String("name", "", "full name")
	title := fs.String("title", "", "job title")
	role := fs.String("role", store.RoleOfficer, "admin or officer")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *login == "" || *name == "" {
		return errors.New("-login and -name are required")
	}
	if *role != store.RoleAdmin && *role != store.RoleOfficer {
		return errors.New("-role must be admin or officer")
	}
	hash, err := readNewPassword(stdin)
	if err != nil {
		return err
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		_, err := st.CreateUser(ctx, store.NewUser{Login: *login, Name: *name, Title: *title, Role: *role, PasswordHash: hash}, 0)
		if errors.Is(err, store.ErrDuplicateLogin) {
			return fmt.Errorf("login %q is already taken", *login)
		}
		if err != nil {
			return err
		}
		fmt.Printf("account %q (%s) created\n", *login, *role)
		return nil
	})
}

// readNewPassword reads a password and hashes it.
func readNewPassword(stdin io.Reader) (string, error) {
	pass, err := readPassword(stdin)
	if err != nil {
		return "", err
	}
	hash, err := password.Hash(pass)
	if err != nil {
		return "", fmt.Errorf("password: at least %d characters, at most 72 bytes", password.MinLength)
	}
	return hash, nil
}

func readPassword(stdin io.Reader) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(os.Stderr, "Mật khẩu: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(os.Stderr)
		return string(b), err
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", errors.New("no password on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// printVersion prints the binary's version and schema, and the schema of
// the database in -data when there is one.
func printVersion(args []string) error {
	fs, data := newFlags("version")
	if err := fs.Parse(args); err != nil {
		return err
	}
	fmt.Printf("portal %s (schema %d)\n", version, store.SchemaVersion())
	if _, err := os.Stat(filepath.Join(*data, store.DBFile)); err != nil {
		return nil
	}
	st, err := store.Open(*data)
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.Version(context.Background())
	if err != nil {
		return err
	}
	fmt.Printf("database %s at schema %d\n", filepath.Join(*data, store.DBFile), v)
	return nil
}

// backup copies the database (a consistent snapshot) and the attachments
// into a new directory, while the server may be running.
func backup(args []string) error {
	fs, data := newFlags("backup")
	out := fs.String("out", "", "directory to create (default: backup-YYYYMMDD-HHMMSS next to -data)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(filepath.Dir(filepath.Clean(*data)), "backup-"+time.Now().Format("20060102-150405"))
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		if err := st.Backup(ctx, *out); err != nil {
			return err
		}
		fmt.Printf("backup written to %s\n", *out)
		return nil
	})
}

// userPassword sets a new password for an account, for the administrator
// who forgot theirs; it also unlocks the account.
func userPassword(args []string, stdin io.Reader) error {
	fs, data := newFlags("user password")
	login := fs.String("login", "", "login name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *login == "" {
		return errors.New("-login is required")
	}
	hash, err := readNewPassword(stdin)
	if err != nil {
		return err
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		u, err := st.UserByLogin(ctx, *login)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no account %q", *login)
		}
		if err != nil {
			return err
		}
		if err := st.SetPassword(ctx, u.ID, hash, 0); err != nil {
			return err
		}
		if !u.Active {
			if err := st.SetActive(ctx, u.ID, true, 0); err != nil {
				return err
			}
		}
		fmt.Printf("new password set for %q\n", *login)
		return nil
	})
}
