package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"minhbach/portal/budget"
	"minhbach/portal/vn"
	"minhbach/seeds"
	"minhbach/store"
)

// Budget pages: an item with a 2,000-line budget rendered afresh, against
// the same page with 20 lines, on a portal of their own (the demo data and
// the two documents) run without the page cache, requests alternating.

const (
	budgetBigLines   = 2_000
	budgetSmallLines = 20
	budgetSamples    = 40 // at least; -samples raises it
)

// budgetResult is the section's figures.
type budgetResult struct {
	big, small         []time.Duration
	bigSize, smallSize int64
}

// budgetLines makes a year-end execution report of about n lines: per side
// a total, groups under it, items under each group. Amounts are fictional
// and vary with the line's number.
func budgetLines(n int) []json.RawMessage {
	var raws []budget.Raw
	add := func(side, code, name, parent string, plan, actual int64) {
		r := budget.Raw{N: len(raws) + 2, Side: side, Code: code, Name: name, Parent: parent}
		if plan >= 0 {
			r.Plan, r.Actual = strconv.FormatInt(plan, 10), strconv.FormatInt(actual, 10)
		}
		raws = append(raws, r)
	}
	groups := max(1, n/100)
	leaves := (n - 2 - 2*groups) / 2 // per side
	for s, side := range []string{"Thu", "Chi"} {
		top := string(rune('A' + s))
		add(side, top, "Tổng "+side+" ngân sách xã", "", -1, 0)
		for g := 1; g <= groups; g++ {
			gc := fmt.Sprintf("%s.%d", top, g)
			add(side, gc, fmt.Sprintf("Nhóm khoản %s số %d", side, g), top, -1, 0)
			per := leaves / groups
			if g <= leaves%groups {
				per++
			}
			for i := 1; i <= per; i++ {
				k := int64(s*100_000 + g*1_000 + i)
				plan := 5_000_000 + k%97*1_250_000
				add(side, fmt.Sprintf("%s.%d", gc, i), fmt.Sprintf("Khoản %s %d.%d: nội dung chi tiết theo mục lục ngân sách", side, g, i),
					gc, plan, plan*(40+k%70)/100)
			}
		}
	}
	lines, problems := budget.Check(raws, true)
	if problems != nil {
		panic(fmt.Sprintf("bench: generated budget: %v", problems[0]))
	}
	out := make([]json.RawMessage, len(lines))
	for i, l := range lines {
		out[i], _ = json.Marshal(l)
	}
	return out
}

// budgetCompare builds the budget portal and times the two pages.
func (b *bench) budgetCompare(ctx context.Context) (*budgetResult, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(b.tmp, "budget")
	st, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: benchPassword, NoQuestions: true}); err != nil {
		st.Close()
		return nil, err
	}
	// Different stages, so that neither page's comparison with other years
	// reads the other document's lines.
	var ids [2]int64
	stages := [2]string{budget.StageYear, budget.StageAccounts}
	for i, n := range []int{budgetBigLines, budgetSmallLines} {
		rows := budgetLines(n)
		facts, _ := json.Marshal(budget.Facts{Year: 2030 + i})
		in := store.DisclosureInput{Category: "ngan-sach", Kind: stages[i], Facts: facts, Rows: rows,
			Title: fmt.Sprintf("Thực hiện dự toán năm %d (%s dòng)", 2030+i, vn.Number(int64(len(rows)))),
			Body:  "<p>Số liệu do công cụ đo hiệu năng tạo ra.</p>", DecidedOn: time.Date(2030+i, 12, 31, 0, 0, 0, 0, time.UTC)}
		if ids[i], err = st.CreateDisclosure(ctx, in, 0); err != nil {
			st.Close()
			return nil, err
		}
		if err := st.PublishDisclosure(ctx, ids[i], 0); err != nil {
			st.Close()
			return nil, err
		}
	}
	st.Close()
	srv, _, err := start(self, []string{"-data", dir}, []string{portalEnv + "=1"}, filepath.Join(b.tmp, "budget.log"), "/healthz")
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	samples := max(budgetSamples, b.cfg.samples)
	b.progress("budget pages: %d lines against %d, %d samples each …", budgetBigLines, budgetSmallLines, samples)
	res := &budgetResult{}
	for k := -2; k < samples; k++ { // two rounds of warm-up
		for i, id := range ids {
			_, total, size, err := b.getAt(srv.base, "/cong-khai/"+strconv.FormatInt(id, 10), "", 200, 0)
			if err != nil {
				return nil, err
			}
			if k < 0 {
				continue
			}
			if i == 0 {
				res.big, res.bigSize = append(res.big, total), size
			} else {
				res.small, res.smallSize = append(res.small, total), size
			}
		}
	}
	return res, nil
}

func (r *budgetResult) print(w io.Writer) {
	if r == nil {
		return
	}
	big, small := median(r.big), median(r.small)
	fmt.Fprintf(w, "\nBudget item page, uncached (portal without the page cache, requests alternating)\n")
	fmt.Fprintf(w, "   %-28s %7s %11s %11s %10s\n", "page", "samples", "median", "max", "size")
	fmt.Fprintf(w, "   %-28s %7d %11s %11s %10s\n", fmt.Sprintf("%d-line budget", budgetBigLines), len(r.big), ms(big), ms(slices.Max(r.big)), kib(r.bigSize))
	fmt.Fprintf(w, "   %-28s %7d %11s %11s %10s\n", fmt.Sprintf("%d-line budget (baseline)", budgetSmallLines), len(r.small), ms(small), ms(slices.Max(r.small)), kib(r.smallSize))
	fmt.Fprintf(w, "   ratio of medians %.1f; about %.1f µs a line\n", float64(big)/float64(small),
		float64(big-small)/float64(time.Microsecond)/float64(budgetBigLines-budgetSmallLines))
}

// runBudgetOnly is -only budget: the budget section alone.
func runBudgetOnly(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	tmp, err := os.MkdirTemp("", "minhbach-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b := &bench{cfg: cfg, tmp: tmp, log: stderr}
	b.seq = &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{MaxConnsPerHost: 1, DisableCompression: true}}
	res, err := b.budgetCompare(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Minh Bạch benchmark, budget section: go run -tags sqlite_fts5 ./cmd/bench -only budget\nmachine: %s\n", machine())
	res.print(stdout)
	return nil
}
