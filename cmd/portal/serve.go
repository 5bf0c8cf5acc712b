package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"minhbach/portal"
	"minhbach/seeds"
)

func serve(args []string) error {
	fs, data := newFlags("serve")
	addr := fs.String("addr", envOr("PORTAL_ADDR", ":8080"), "address to listen on")
	demo := fs.Bool("demo", false, "load the demo data of Trung Trắc commune into an empty database")
	tlsProxy := fs.Bool("tls-proxy", os.Getenv("PORTAL_TLS_PROXY") == "1", "served over HTTPS by a reverse proxy on this machine")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
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
			return fmt.Errorf("load demo data: %w", err)
		}
		if !res.Skipped {
			log.Info("demo data loaded", "disclosures", res.Disclosures)
		}
	}
	app, err := portal.New(portal.Config{Store: st, Log: log, BehindTLSProxy: *tlsProxy})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("serving", "version", version, "addr", ln.Addr().String(), "data", *data)
	printLoginHelp(ctx, st, ln.Addr().String(), *demo)

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

type userCounter interface {
	CountUsers(context.Context) (int, error)
}

func printLoginHelp(ctx context.Context, st userCounter, addr string, demo bool) {
	host, port, _ := net.SplitHostPort(addr)
	if host == "" || host == "::" || host == "0.0.0.0" {
		host = "localhost"
	}
	url := "http://" + net.JoinHostPort(host, port)
	fmt.Fprintf(os.Stderr, "\nMinh Bạch đang chạy tại %s\n", url)
	n, err := st.CountUsers(ctx)
	switch {
	case err != nil:
	case demo:
		fmt.Fprintf(os.Stderr, "Cán bộ đăng nhập tại %s/can-bo/dang-nhap\n  tài khoản minh họa: admin (quản trị) hoặc canbo (cán bộ), mật khẩu: %s\n\n", url, demoPassword)
	case n == 0:
		fmt.Fprintf(os.Stderr, "Chưa có tài khoản cán bộ. Tạo tài khoản quản trị đầu tiên:\n  portal user add -login admin -name \"Họ và tên\" -role admin\n\n")
	default:
		fmt.Fprintf(os.Stderr, "Cán bộ đăng nhập tại %s/can-bo/dang-nhap\n\n", url)
	}
}
