package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"minhbach/portal"
	"minhbach/portal/password"
	"minhbach/seeds"
	"minhbach/store"
)

func serve(args []string) error {
	fs, data := newFlags("serve")
	addr := fs.String("addr", envOr("PORTAL_ADDR", ":8080"), "địa chỉ lắng nghe")
	demo := fs.Bool("demo", false, "chạy thử: nạp dữ liệu minh họa của xã Trung Trắc vào cơ sở dữ liệu trống")
	tlsProxy := fs.Bool("tls-proxy", os.Getenv("PORTAL_TLS_PROXY") == "1", "cổng được phục vụ qua HTTPS bởi một reverse proxy trên máy này")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	logOut := newLogWriter(os.Stderr)
	defer logOut.Close()
	log := slog.New(slog.NewTextHandler(logOut, nil))
	slog.SetDefault(log)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := openMigrated(ctx, *data, log)
	if err != nil {
		return err
	}
	defer st.Close()
	if *demo {
		res, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: demoPassword})
		if err != nil {
			return fmt.Errorf("nạp dữ liệu minh họa: %w", err)
		}
		if !res.Skipped {
			log.Info("demo data loaded", "disclosures", res.Disclosures)
		}
	}
	app, err := portal.New(portal.Config{Store: st, Log: log, AccessLog: logOut, BehindTLSProxy: *tlsProxy})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("serving", "version", version, "addr", ln.Addr().String(), "data", *data)
	logOut.Flush()
	printLoginHelp(ctx, os.Stderr, st, ln.Addr().String(), *data, *demo)
	if !*demo {
		warn, err := demoWarning(ctx, st, *data)
		if err != nil {
			return err
		}
		if warn != "" {
			log.Warn("the database holds demo data or demo accounts, but -demo was not given", "data", *data)
			logOut.Flush()
			fmt.Fprint(os.Stderr, warn)
		}
	}

	errc := make(chan error, 1)
	go func() { errc <- app.Listener(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	if err := app.ShutdownWithTimeout(30 * time.Second); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	log.Info("stopped")
	return nil
}

// printLoginHelp tells the person who started the portal where officers
// log in, or, on a new database, how to create the first administrator.
func printLoginHelp(ctx context.Context, w io.Writer, st *store.Store, addr, dir string, demo bool) {
	host, port, _ := net.SplitHostPort(addr)
	if host == "" || host == "::" || host == "0.0.0.0" {
		host = "localhost"
	}
	url := "http://" + net.JoinHostPort(host, port)
	fmt.Fprintf(w, "\nMinh Bạch đang chạy tại %s\n", url)
	n, err := st.CountUsers(ctx)
	switch {
	case err != nil:
	case demo:
		fmt.Fprintf(w, "Cán bộ đăng nhập tại %s/can-bo/dang-nhap\n  tài khoản minh họa: admin (quản trị) hoặc canbo (cán bộ), mật khẩu: %s\n\n", url, demoPassword)
	case n == 0:
		fmt.Fprintf(w, "Chưa có tài khoản cán bộ. Tạo tài khoản quản trị đầu tiên (ở một cửa sổ dòng lệnh khác; cổng không cần dừng):\n  %s user add -data %s -login admin -name \"Họ và tên\" -role admin\n\n",
			selfCommand(os.Args[0]), shellQuote(dir))
	default:
		fmt.Fprintf(w, "Cán bộ đăng nhập tại %s/can-bo/dang-nhap\n\n", url)
	}
}

// selfCommand is how to run this program again from the same shell: the
// path it was started by, or the README's go run line when go run built it
// in a temporary directory that is gone once it stops.
func selfCommand(arg0 string) string {
	if strings.Contains(filepath.ToSlash(arg0), "/go-build") {
		return "go run -tags sqlite_fts5 ./cmd/portal"
	}
	return shellQuote(arg0)
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r < utf8.RuneSelf && (r == '/' || r == '.' || r == '-' || r == '_' || r == ':' || r == '+' || r == '=' || r == '@' || r == ',' ||
			'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// demoWarning is what to shout when a portal started without -demo finds
// demo data or an account that still takes the public demo password: the
// likely cause is a real installation on the demo's ./data, which would
// publish a fictional commune and let anyone who read the README log in.
// It is empty when there is nothing to warn about.
func demoWarning(ctx context.Context, st *store.Store, dir string) (string, error) {
	demoData, err := st.HasDemoData(ctx)
	if err != nil {
		return "", err
	}
	var open []string
	for _, login := range seeds.DemoLogins() {
		u, err := st.UserByLogin(ctx, login)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return "", err
		}
		if u.Active && password.Check(u.PasswordHash, demoPassword) {
			open = append(open, login)
		}
	}
	if !demoData && len(open) == 0 {
		return "", nil
	}
	var b strings.Builder
	b.WriteString("\n!!! CẢNH BÁO: cổng chạy không có -demo")
	if demoData {
		fmt.Fprintf(&b, ", nhưng %s chứa dữ liệu minh họa (xã Trung Trắc, số liệu giả định)", dir)
	}
	b.WriteString(".\n")
	if len(open) > 0 {
		fmt.Fprintf(&b, "!!! Tài khoản %s vẫn đăng nhập được bằng mật khẩu công khai %q.\n", strings.Join(open, ", "), demoPassword)
	}
	b.WriteString("!!! Cổng thật cần thư mục dữ liệu riêng, ví dụ: -data /var/lib/minhbach. Để chạy thử, thêm -demo.\n\n")
	return b.String(), nil
}
