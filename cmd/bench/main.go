// Command bench measures the portal on a large generated database against
// a bare Fiber handler serving the same bytes, and prints figures to paste
// into the README's Speed section:
//
//	go run -tags sqlite_fts5 ./cmd/bench -n 100000
//
// It generates (once, reused while -n and the generator stay the same) a
// database of n public items with versions, withdrawals, drafts and
// attachments; builds the portal and runs it as a child process on that
// database; then measures
//
//  1. requests/s, p50 and p99 of cached pages, a 304, the 404 page and a
//     static file, on the portal and on the bare handler in alternating
//     rounds, with the portal/bare ratio;
//  2. the uncached render time of every public and officer page type;
//  3. start-up time, memory growth of the full exports, and a cached
//     page's latency while other connections crawl uncached deep pages;
//
// each marked against its target. Everything runs on loopback.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if os.Getenv(portalEnv) != "" {
		if err := servePortal(os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench (portal):", err)
			os.Exit(1)
		}
		return
	}
	if path := os.Getenv(bareEnv); path != "" {
		if err := serveBare(path, os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench (bare):", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// config is what the flags set.
type config struct {
	n          int
	questions  int
	data       string
	duration   time.Duration
	rounds     int
	conns      int
	samples    int
	crawlConns int
	submitters int
	submitFor  time.Duration
	portal     string
	genOnly    bool
	// householdRows: the household list whose import is timed (households.go).
	householdRows int
	only          string // a single section to run ("budget"), without the large database
	command       string // how to rerun it, for the report
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.n, "n", 100_000, "public items to generate")
	fs.IntVar(&c.questions, "questions", 1_000_000, "questions and feedback to generate")
	fs.StringVar(&c.data, "data", "./data-bench", "data directory for the generated database (reused between runs)")
	fs.DurationVar(&c.duration, "d", 2*time.Second, "duration of one load round")
	fs.IntVar(&c.rounds, "rounds", 3, "rounds per page type and server (A/B alternating)")
	fs.IntVar(&c.conns, "c", 16, "connections of the load generator")
	fs.IntVar(&c.samples, "samples", 15, "samples of each uncached page (exports take at most 3)")
	fs.IntVar(&c.crawlConns, "crawl", 16, "connections crawling uncached deep pages in the crawl test")
	fs.IntVar(&c.submitters, "submitters", 50, "concurrent residents sending the ask form")
	fs.DurationVar(&c.submitFor, "submit-time", 10*time.Second, "how long the submitters send")
	fs.BoolVar(&c.genOnly, "generate-only", false, "generate (or check) the database, then stop")
	fs.IntVar(&c.householdRows, "household-rows", householdRows, "rows of the household list whose import is timed against 1,000")
	fs.StringVar(&c.portal, "portal", "", "portal binary to run (default: build ./cmd/portal)")
	fs.StringVar(&c.only, "only", "", `run one section only, on its own database: "budget", "households" or "scorecard"`)
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.only != "" && c.only != "budget" && c.only != "households" && c.only != "scorecard" {
		return c, fmt.Errorf(`-only: unknown section %q (known: "budget", "households", "scorecard")`, c.only)
	}
	if c.n < 100 || c.questions < 100 || c.householdRows < householdBaseline || c.rounds < 1 || c.conns < 1 || c.samples < 1 || c.crawlConns < 1 || c.duration <= 0 ||
		c.submitters < 1 || c.submitFor <= 0 {
		return c, fmt.Errorf("-n ≥ 100, -questions ≥ 100, -household-rows ≥ 1000, and -rounds, -c, -samples, -crawl, -d, -submitters, -submit-time must be positive")
	}
	c.command = fmt.Sprintf("go run -tags sqlite_fts5 ./cmd/bench -n %d -questions %d -d %s -rounds %d -c %d -submitters %d -submit-time %s",
		c.n, c.questions, c.duration, c.rounds, c.conns, c.submitters, c.submitFor)
	return c, nil
}

// run is the whole benchmark; the report goes to stdout, progress to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	switch cfg.only {
	case "budget":
		return runBudgetOnly(ctx, cfg, stdout, stderr)
	case "households":
		return runHouseholdsOnly(ctx, cfg, stdout, stderr)
	case "scorecard":
		return runScorecardOnly(ctx, cfg, stdout, stderr)
	}
	ds, err := prepareData(ctx, cfg.data, cfg.n, cfg.questions, stderr)
	if err != nil || cfg.genOnly {
		return err
	}
	tmp, err := os.MkdirTemp("", "minhbach-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := cfg.portal
	if bin == "" {
		fmt.Fprintln(stderr, "building the portal …")
		if bin, err = buildPortal(ctx, tmp); err != nil {
			return err
		}
	}
	b := &bench{cfg: cfg, ds: ds, bin: bin, tmp: tmp, log: stderr}
	defer b.close()
	rep, err := b.measure(ctx)
	if err != nil {
		return err
	}
	rep.print(stdout)
	return nil
}
