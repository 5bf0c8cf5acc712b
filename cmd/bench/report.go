package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"minhbach/portal/abuse"
)

// timing is the uncached render time of one page type.
type timing struct {
	label, target string
	officer       bool
	export        bool // streamed: judged on the first byte, the whole download shown
	status        int  // expected; 0 means 200
	ttfb, total   []time.Duration
	size          int64
}

type report struct {
	budget      *budgetResult // the budget pages (budget.go)
	cfg         config
	ds          dataset
	machine     string
	publicItems int
	startups    []time.Duration
	rssBefore   int64
	rssAfter    []int64 // after the CSV, after the JSON
	rssPeak     int64
	render      []*timing
	compare     []*pageType
	crawlCached result
	crawlDeep   result
	// Question exports, downloaded after the disclosures' ones.
	qrssBefore, qrssPeak int64
	qrssAfter            []int64
	qexportSize          []int64
	qexportTime          []time.Duration
	// Question pages at the full data set and at the baseline.
	qpages []*qpage
	qsides [2]string
	limits string
	submit *submitResult
	// households: importing a poor-household list (households.go).
	households *householdBench
	ok, over   int
}

// machine describes where the figures were measured.
func machine() string {
	model := "unknown CPU"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	// Other work on the machine moves every figure: say how busy it was.
	load := "unknown"
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return fmt.Sprintf("%d CPUs (%s), %s %s/%s, %s, load average %s at the start", runtime.NumCPU(), model,
		runtime.Version(), runtime.GOOS, runtime.GOARCH, time.Now().Format("2006-01-02"), load)
}

func (r *report) mark(ok bool) string {
	if ok {
		r.ok++
		return "ok"
	}
	r.over++
	return "OVER"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "Minh Bạch benchmark: %s\n", r.cfg.command)
	fmt.Fprintf(w, "machine: %s\n", r.machine)
	fmt.Fprintf(w, "data:    %d public items (%d generated with %d versions, and the demo data), %d drafts\n",
		r.publicItems, r.ds.Items, r.ds.Versions, r.ds.Drafts)
	fmt.Fprintf(w, "         %d questions generated in %.0f s (%s), %d of them complaints or denunciations; baseline copy with %d\n",
		r.ds.Questions.Items, r.ds.Questions.Seconds, states(r.ds.Questions.States), r.ds.Questions.Protected, r.ds.Baseline.Items)
	fmt.Fprintf(w, "client:  Go (fasthttp) closed loop in the bench process; portal and bare handler each in their own process\n\n")

	fmt.Fprintf(w, "1. Portal against a bare Fiber handler serving the same bytes and headers from memory\n")
	fmt.Fprintf(w, "   %d connections, %d alternating rounds of %s per server, gzip accepted\n", r.cfg.conns, r.cfg.rounds, r.cfg.duration)
	fmt.Fprintf(w, "   %-20s %10s %9s %9s   %10s %9s %9s   %6s %s\n", "page", "portal r/s", "p50", "p99", "bare r/s", "p50", "p99", "ratio", "goal")
	for _, t := range r.compare {
		ratio := t.portal.rate() / t.bar.rate()
		fmt.Fprintf(w, "   %-20s %10.0f %9s %9s   %10.0f %9s %9s   %6.2f ≥ %.1f %s\n", t.label,
			t.portal.rate(), ms(t.portal.quantile(0.5)), ms(t.portal.quantile(0.99)),
			t.bar.rate(), ms(t.bar.quantile(0.5)), ms(t.bar.quantile(0.99)), ratio, t.goal, r.mark(ratio >= t.goal))
	}

	fmt.Fprintf(w, "\n2. Uncached render time, one request at a time (target < %s at the median)\n", ms(renderTarget))
	fmt.Fprintf(w, "   public pages: first request after a public change (every cached page and feed stale)\n")
	fmt.Fprintf(w, "   officer pages: logged in as admin (never cached)\n")
	fmt.Fprintf(w, "   %-28s %7s %11s %11s %11s %10s\n", "page", "samples", "first byte", "median", "max", "size")
	for _, t := range r.render {
		judged := median(t.total)
		note := ""
		if t.export {
			judged = median(t.ttfb)
			note = " (judged on first byte)"
		}
		fmt.Fprintf(w, "   %-28s %7d %11s %11s %11s %10s %s%s\n", t.label, len(t.total), ms(median(t.ttfb)),
			ms(median(t.total)), ms(slices.Max(t.total)), kib(t.size), r.mark(judged < renderTarget), note)
	}

	fmt.Fprintf(w, "\n3. Start-up, export memory, cached page during a crawl\n")
	row := func(label, value, target string, ok bool) {
		fmt.Fprintf(w, "   %-46s %11s   target < %-9s %s\n", label, value, target, r.mark(ok))
	}
	var starts []string
	for _, d := range r.startups {
		starts = append(starts, ms(d))
	}
	worst := slices.Max(r.startups)
	row(fmt.Sprintf("start-up until /healthz answers (worst of %d)", len(r.startups)), ms(worst), ms(startTarget), worst < startTarget)
	fmt.Fprintf(w, "     starts: %s\n", strings.Join(starts, ", "))
	growth := r.rssPeak - r.rssBefore
	row("full exports: peak RSS − RSS before", mib(growth), mib(exportTarget), growth < exportTarget)
	fmt.Fprintf(w, "     RSS before %s, after xuat.csv %s, after xuat.json %s, peak %s\n",
		mib(r.rssBefore), mib(r.rssAfter[0]), mib(r.rssAfter[1]), mib(r.rssPeak))
	if len(r.qexportSize) == 2 {
		qgrowth := r.qrssPeak - r.qrssBefore
		row("question exports: peak RSS − peak before", mib(qgrowth), mib(exportTarget), qgrowth < exportTarget)
		fmt.Fprintf(w, "     xuat.csv %s in %.1f s, xuat.json %s in %.1f s (gzip); RSS after them %s and %s, peak %s\n",
			kib(r.qexportSize[0]), r.qexportTime[0].Seconds(), kib(r.qexportSize[1]), r.qexportTime[1].Seconds(),
			mib(r.qrssAfter[0]), mib(r.qrssAfter[1]), mib(r.qrssPeak))
	} else {
		fmt.Fprintf(w, "   question exports: not measured above %d questions (one takes minutes; see exportQuestionsMax)\n", exportQuestionsMax)
	}
	p99 := r.crawlCached.quantile(0.99)
	row(fmt.Sprintf("cached home p99, %d connections crawling", r.cfg.crawlConns), ms(p99), ms(crawlTarget), p99 < crawlTarget)
	fmt.Fprintf(w, "     home: %d requests, p50 %s; crawl of uncached deep pages: %.0f pages/s, p50 %s, p99 %s\n",
		r.crawlCached.n, ms(r.crawlCached.quantile(0.5)), r.crawlDeep.rate(), ms(r.crawlDeep.quantile(0.5)), ms(r.crawlDeep.quantile(0.99)))

	fmt.Fprintf(w, "\n4. Question pages at %s questions against the same pages at %s (target: ratio of medians < %.0f)\n",
		r.qsides[0], r.qsides[1], questionRatio)
	fmt.Fprintf(w, "   both portals run by the benchmark without the page cache (every page rendered afresh), requests alternating between them\n")
	fmt.Fprintf(w, "   limits of the public forms raised for the benchmark: %s\n", r.limits)
	fmt.Fprintf(w, "   (defaults: %s)\n", defaultLimits())
	fmt.Fprintf(w, "   topic %s, state %s; the code lookup is POST /tra-cuu and the asker's page it leads to\n", deepTopic, deepState)
	fmt.Fprintf(w, "   %-22s %7s %12s %12s %12s %12s %7s\n", "page", "samples", r.qsides[0], "max", r.qsides[1], "max", "ratio")
	for _, p := range r.qpages {
		a, b := median(p.times[0]), median(p.times[1])
		ratio := float64(a) / float64(b)
		fmt.Fprintf(w, "   %-22s %7d %12s %12s %12s %12s %7.2f %s\n", p.label, len(p.times[0]), ms(a), ms(slices.Max(p.times[0])),
			ms(b), ms(slices.Max(p.times[1])), ratio, r.mark(ratio < questionRatio))
	}

	s := r.submit
	fmt.Fprintf(w, "\n5. %d residents sending the ask form at once for %s (on the %s-question database)\n", r.cfg.submitters, r.cfg.submitFor, r.qsides[0])
	fmt.Fprintf(w, "   each opens the form (CSRF token, stamp), then sends it; timed: the POST until its redirect to the receipt\n")
	fmt.Fprintf(w, "   %d sent and acknowledged, %.1f/s, p50 %s, p99 %s\n", s.n, s.rate(), ms(s.quantile(0.5)), ms(s.quantile(0.99)))
	errs := fmt.Sprintf("%d", s.errors)
	if s.firstErr != "" {
		errs += " (first: " + s.firstErr + ")"
	}
	fmt.Fprintf(w, "   %-46s %11s   target 0 %s\n", "errors", errs, r.mark(s.errors == 0))
	stored := s.after - s.before
	fmt.Fprintf(w, "   %-46s %11d   target %d %s\n", "in the database afterwards (kept count)", stored, s.n, r.mark(stored == s.n && s.found == s.n))
	fmt.Fprintf(w, "     items before %d, after %d; acknowledged titles found among the newest received items: %d\n", s.before, s.after, s.found)

	r.budget.print(w)
	r.printHouseholds(w)

	fmt.Fprintf(w, "\nSummary: %d figures within target, %d over.\n", r.ok, r.over)
}

func kib(n int64) string {
	if n >= 1<<20 {
		return mib(n)
	}
	return fmt.Sprintf("%.1f KiB", float64(n)/1024)
}

// states lists counts by state, largest first.
func states(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return m[b] - m[a] })
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func defaultLimits() string { return abuse.DefaultLimits().String() }
