package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"minhbach/portal"
	"minhbach/portal/abuse"
	"minhbach/store"
)

// The question pages are measured on the portal's own code run by this
// command in a child process, as the bare handler is: the deployed binary
// takes no options for the limits of the public forms, and a benchmark
// from one loopback address needs them raised (the issue allows it,
// through the same named values, and the report says so).

// portalEnv, set, makes the command serve the portal on -data with
// benchLimits and without the page cache, instead of benchmarking.
const portalEnv = "MINHBACH_BENCH_PORTAL"

// benchLimits are the limits of the public forms during the benchmark: one
// address sends every request, as fast as it can.
func benchLimits() abuse.Limits {
	l := abuse.DefaultLimits()
	for a := range l.Rates {
		l.Rates[a] = abuse.Rate{N: 1_000_000, Per: time.Minute}
	}
	l.MinFill = 0 // the submitters send the form as soon as they have it
	return l
}

// servePortal is the child process: the portal on -data, every public page
// rendered afresh, with benchLimits.
func servePortal(args []string) error {
	fs := flag.NewFlagSet("portal", flag.ContinueOnError)
	data := fs.String("data", "", "data directory")
	addr := fs.String("addr", "127.0.0.1:0", "address")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(*data)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	limits := benchLimits()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	app, err := portal.New(portal.Config{Store: st, Log: log, AccessLog: io.Discard, NoPageCache: true, Abuse: &limits})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- app.Listener(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	if err := app.ShutdownWithTimeout(10 * time.Second); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}
