package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/workdays"
	"minhbach/store"
)

// The final rows the scorecard section writes are consistent: the kept
// figures over them equal the indicators computed from the items, and
// every kind of item is there.
func TestFinalQuestionsAreConsistent(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t)
	end := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	cal := workdays.Default(end.Year()-11, end.Year()+1)
	st.SetCalendar(cal)
	st.SetClock(func() time.Time { return end })
	units, err := st.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before, err := st.CountQuestions(ctx, store.QuestionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = finalQuestions(cal, units, 5000, end, func(b []store.FinalQuestion) error {
		n += len(b)
		return st.LoadFinalQuestions(ctx, b)
	})
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := st.CountQuestions(ctx, store.QuestionFilter{}); after-before != 5000 || n != 5000 {
		t.Fatalf("%d items written, %d more in the database", n, after-before)
	}
	for _, state := range []string{store.QReceived, store.QAccepted, store.QAssigned, store.QAnswered, store.QClosed,
		store.QRejected, store.QForwarded, store.QDismissed} {
		if c, _ := st.CountQuestions(ctx, store.QuestionFilter{State: state}); c == 0 {
			t.Errorf("no item %s", state)
		}
	}
	for _, year := range []int{2021, 2026} {
		p := indicators.Period{From: time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)}
		facts, err := st.QuestionFacts(ctx, p.From, p.To)
		if err != nil {
			t.Fatal(err)
		}
		g, err := st.QuestionStats(ctx, p.From, p.To, store.StatsTotal)
		if err != nil || len(g) != 1 {
			t.Fatalf("%d: %v %v", year, g, err)
		}
		for _, d := range indicators.Catalog {
			got, ok := g[0].Counts.Of(d.Key)
			if !ok {
				continue
			}
			want := d.Compute(indicators.Facts{Questions: facts}, p)
			if got.Num != want.Num || got.Den != want.Den || got.Value != want.Value || got.Hidden != want.Hidden || want.Den == 0 {
				t.Errorf("%d %s: kept %+v, items %+v", year, d.Key, got, want)
			}
		}
	}
}

// TestScorecardOnly runs -only scorecard on small data sets: every measure
// is reported, a second run reuses the data, and a directory the section
// did not finish making is never emptied.
func TestScorecardOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the portal")
	}
	data := t.TempDir()
	args := []string{"-only", "scorecard", "-questions", "300", "-data", data, "-samples", "1"}
	var out, progress bytes.Buffer
	if err := run(context.Background(), args, &out, &progress); err != nil {
		t.Fatalf("run: %v\n%s", err, progress.String())
	}
	for _, want := range []string{"scorecard section", "data:    300 questions", "kept figures, a year, total",
		"kept figures, a year, by unit", "kept figures, a year, by topic", "overdue now, by unit", "/chi-so/hoi-dap (this year)",
		"/chi-so (the plan's scorecard)", "/chi-so/4b/tra-loi-dung-han", "/hoi-dap received in", "/hoi-dap answered late in"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	progress.Reset()
	if err := run(context.Background(), args, &out, &progress); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if !strings.Contains(progress.String(), "reusing 300 questions") {
		t.Errorf("second run did not reuse the data:\n%s", progress.String())
	}
	// Interrupted (no marker): refused, not emptied.
	os.Remove(filepath.Join(data, "scorecard-300", "scorecard-ready"))
	if err := run(context.Background(), args, &out, &progress); err == nil {
		t.Error("a directory without the marker was reused or emptied")
	}
	if _, err := os.Stat(filepath.Join(data, "scorecard-300", "portal.db")); err != nil {
		t.Errorf("the database went: %v", err)
	}
}
