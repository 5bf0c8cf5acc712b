package main

import (
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

	"minhbach/seeds"
	"minhbach/store"
)

// Everything the command line says to a person (help, flag descriptions,
// errors, results, prompts) is Vietnamese, like the portal: its reader is
// the commune's IT officer. Log records (slog key=value lines) stay
// English, like the portal's own logs.
const usage = `Minh Bạch – cổng công khai của xã.

Cách dùng:
  portal serve   [-addr :8080] [-data ./data] [-demo] [-tls-proxy]   chạy cổng thông tin
  portal migrate [-data ./data]                                       nâng cấp cơ sở dữ liệu
  portal seed    [-data ./data]                                       nạp dữ liệu minh họa xã Trung Trắc
  portal user add -login L -name N -role admin|officer [-title T] [-data ./data]
                                                                      tạo tài khoản
  portal user password -login L [-data ./data]                        đặt lại mật khẩu, mở khóa tài khoản
  portal backup  [-data ./data] [-out thư-mục]                        sao lưu (chạy được khi cổng đang hoạt động)
  portal version [-data ./data]                                       in phiên bản

Thư mục mặc định ./data dành cho bản chạy thử (-demo). Cổng thật dùng thư mục
riêng, ví dụ -data /var/lib/minhbach, cho mọi lệnh.

Mật khẩu không bao giờ là tham số: ở cửa sổ dòng lệnh, lệnh hỏi hai lần (không
hiện chữ); từ một ống dẫn (pipe), lệnh đọc một dòng.

Chi tiết từng lệnh: portal <lệnh> -h.
Biến môi trường: PORTAL_ADDR, PORTAL_DATA, PORTAL_TLS_PROXY=1.
`

// demoPassword is the password of the demo accounts; demo data only.
const demoPassword = "minhbach-demo"

const userUsage = "cách dùng: portal user add -login L -name N -role admin|officer, hoặc portal user password -login L"

func run(args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return errors.New("thiếu lệnh")
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "serve":
		err = serve(rest)
	case "migrate":
		err = migrate(rest)
	case "seed":
		err = seed(rest)
	case "user":
		switch {
		case len(rest) > 0 && rest[0] == "add":
			err = userAdd(rest[1:], os.Stdin)
		case len(rest) > 0 && rest[0] == "password":
			err = userPassword(rest[1:], os.Stdin)
		default:
			err = errors.New(userUsage)
		}
	case "backup":
		err = backup(rest)
	case "version":
		err = printVersion(rest)
	case "help", "-h", "-help", "--help":
		fmt.Print(usage)
	default:
		fmt.Fprint(os.Stderr, usage)
		err = fmt.Errorf("không có lệnh %q", cmd)
	}
	if errors.Is(err, flag.ErrHelp) {
		return nil // the command printed its help
	}
	return err
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// newFlags makes the flag set of a command, with the -data flag every
// command takes. Parse it with parseFlags.
func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags says it in Vietnamese
	data := fs.String("data", envOr("PORTAL_DATA", "./data"), "thư mục dữ liệu (cơ sở dữ liệu portal.db và tệp đính kèm)")
	return fs, data
}

// parseFlags parses a command's arguments. -h prints the command's flags
// and returns flag.ErrHelp; the flag package's English messages are
// replaced by Vietnamese ones.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		printFlags(os.Stdout, fs)
		return err
	case err != nil:
		printFlags(os.Stderr, fs)
		msg := err.Error()
		if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			return fmt.Errorf("lệnh %s không có tham số %s", fs.Name(), f)
		}
		if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
			return fmt.Errorf("tham số %s cần một giá trị", f)
		}
		return fmt.Errorf("tham số không hợp lệ: %s", msg)
	case fs.NArg() > 0:
		printFlags(os.Stderr, fs)
		return fmt.Errorf("thừa tham số %q", fs.Arg(0))
	}
	return nil
}

// printFlags prints a command's flags with their Vietnamese descriptions.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Cách dùng: portal %s [tham số]\n", fs.Name())
	fs.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  -%s\n    \t%s", f.Name, f.Usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (mặc định %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
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
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return withStore(*data, func(context.Context, *store.Store) error {
		fmt.Printf("cơ sở dữ liệu ở lược đồ %d\n", store.SchemaVersion())
		return nil
	})
}

func seed(args []string) error {
	fs, data := newFlags("seed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		res, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: demoPassword})
		if err != nil {
			return err
		}
		if res.Skipped {
			fmt.Println("cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu minh họa")
			return nil
		}
		fmt.Printf("đã nạp dữ liệu minh họa: %d mục công khai; đăng nhập bằng admin hoặc canbo, mật khẩu %s\n", res.Disclosures, demoPassword)
		return nil
	})
}

// printVersion prints the binary's version and schema, and the schema of
// the database in -data when there is one.
func printVersion(args []string) error {
	fs, data := newFlags("version")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Printf("portal %s (lược đồ %d)\n", version, store.SchemaVersion())
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
	fmt.Printf("cơ sở dữ liệu %s ở lược đồ %d\n", filepath.Join(*data, store.DBFile), v)
	return nil
}

// backup copies the database (a consistent snapshot) and the attachments
// into a new directory, while the server may be running.
func backup(args []string) error {
	fs, data := newFlags("backup")
	out := fs.String("out", "", "thư mục sao lưu sẽ tạo (mặc định: backup-NămThángNgày-GiờPhútGiây cạnh thư mục -data)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(filepath.Dir(filepath.Clean(*data)), "backup-"+time.Now().Format("20060102-150405"))
	}
	return withStore(*data, func(ctx context.Context, st *store.Store) error {
		if err := st.Backup(ctx, *out); err != nil {
			return err
		}
		fmt.Printf("đã sao lưu vào %s\n", *out)
		return nil
	})
}
