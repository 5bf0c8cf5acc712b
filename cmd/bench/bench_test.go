package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary act as the bare handler's child process,
// as the command's own binary does.
func TestMain(m *testing.M) {
	if os.Getenv(portalEnv) != "" {
		if err := servePortal(os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if path := os.Getenv(bareEnv); path != "" {
		if err := serveBare(path, os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	os.Exit(m.Run())
}

// TestRun runs the whole benchmark on a small database with short rounds
// and checks that every section and figure is reported; the figures
// themselves are not judged (the machine is shared). A second run reuses
// the database.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the portal")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	bin, err := buildPortal(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"-portal", bin, "-n", "200", "-questions", "300", "-data", data, "-d", "200ms", "-rounds", "1", "-c", "4", "-samples", "2", "-crawl", "4",
		"-submitters", "4", "-submit-time", "300ms", "-household-rows", "2000"}
	var out, progress bytes.Buffer
	if err := run(context.Background(), args, &out, &progress); err != nil {
		t.Fatalf("run: %v\n%s", err, progress.String())
	}
	report := out.String()
	for _, want := range []string{
		"machine: ", "data:    2", // 200 generated public items and the demo ones
		"1. Portal against a bare Fiber handler",
		"home (cached)", "/cong-khai (cached)", "item (cached)", "feed.atom (cached)",
		"304 If-None-Match", "404 page", "static app.css",
		"2. Uncached render time",
		"home /", "/cong-khai page 1", "category page 1", "(last)", "item page",
		"history /lich-su", "version page", "feed.rss", "feed.atom", "feed.json", "export xuat.csv",
		"export xuat.json", "officer /can-bo", "tab drafts", "tab published", "tab withdrawn", "edit form",
		"audit log", "accounts", "settings", "places",
		"questions /hoi-dap", "filter overdue", "filter village", "question page", "question's feed.atom",
		"answers feed.atom", "overdue /hoi-dap/qua-han", "complaints, counts", "ask form", "export hoi-dap/xuat.csv",
		"export hoi-dap/xuat.json", "inbox /can-bo/hoi-dap", "inbox, overdue", "inbox, done tab", "officer's question page",
		"3. Start-up, export memory",
		"start-up until /healthz answers", "full exports: peak RSS", "question exports: peak RSS", "cached home p99",
		"4. Question pages at 300 questions against the same pages at 1000",
		"limits of the public forms raised for the benchmark: question 1000000/1m0s, comment 1000000/1m0s, lookup 1000000/1m0s; fill time 0s",
		"/hoi-dap page 1", "/hoi-dap last page", "topic page 1", "topic last page", "state page 1", "state last page",
		"item /hoi-dap/{id}", "code lookup",
		"5. 4 residents sending the ask form at once for 300ms",
		"Importing a poor-household list", "2000 rows", "1000 rows", "per-row cost, big file / baseline",
		"Summary: ",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	if n := strings.Count(report, "(last)"); n != 3 {
		t.Errorf("%d last pages measured, want 3 (list, category, officer)", n)
	}
	var ok, over int
	if _, err := fmt.Sscanf(report[strings.Index(report, "Summary: "):], "Summary: %d figures within target, %d over.", &ok, &over); err != nil {
		t.Fatalf("summary line: %v\n%s", err, report)
	}
	// 7 comparisons, 40 page types, 4 figures of section 3, 8 question
	// pages, 2 figures of the submitters, 1 of the household import.
	if ok+over != 7+40+4+8+2+1 {
		t.Errorf("%d figures marked, want %d:\n%s", ok+over, 7+40+4+8+2+1, report)
	}
	// The submitters' figures are not timings: they must be met.
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`\n   errors +0   target 0 ok\n`),
		regexp.MustCompile(`\n   in the database afterwards \(kept count\) +([1-9][0-9]*)   target ([0-9]+) ok\n`),
	} {
		if !want.MatchString(report) {
			t.Errorf("report lacks %s:\n%s", want, report)
		}
	}

	// A second run finds the database and does not generate it again.
	progress.Reset()
	out.Reset()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := run(ctx, args, &out, &progress); err != nil {
		t.Fatalf("second run: %v\n%s", err, progress.String())
	}
	if !strings.Contains(progress.String(), "reusing "+data) {
		t.Errorf("second run did not reuse the database:\n%s", progress.String())
	}
}

// TestRefusesForeignDataDir: a data directory the benchmark did not make is
// never emptied.
func TestRefusesForeignDataDir(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(dir, "portal.db")
	if err := os.WriteFile(precious, []byte("a commune's data"), 0o600); err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	if _, err := prepareData(context.Background(), dir, 200, 200, &progress); err == nil {
		t.Fatal("prepareData overwrote a directory it did not make")
	}
	if b, err := os.ReadFile(precious); err != nil || string(b) != "a commune's data" {
		t.Fatalf("portal.db changed: %q, %v", b, err)
	}
}
