package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
	"minhbach/portal/workdays"
	"minhbach/seeds"
	"minhbach/store"
)

// The scorecard section (-only scorecard): the question figures of the
// scorecard and /chi-so/hoi-dap read from the statistics the database
// keeps, at -questions (default 1,000,000) against 1,000 questions in the
// same run. Going through every transition (LoadQuestions) takes 51
// minutes at a million; here each item is written as the row its history
// would have left (store.LoadFinalQuestions: clock and state worked out
// with qclock, 100,000 rows a transaction, the triggers on, so the kept
// counts and statistics are built as in use). The items have no events.

const (
	scorecardTarget   = 50 * time.Millisecond // issue 8: the scorecard over a million questions
	scorecardBaseline = 1_000
	scorecardSamples  = 25 // at least; -samples raises it
	finalBatch        = 100_000
)

// scorecardSide is one data set.
type scorecardSide struct {
	n       int
	dir     string
	st      *store.Store
	srv     *server
	seconds float64 // to generate; 0 when reused
}

// scorecardResult is the section's figures: per measure, the samples at
// the full size and at the baseline.
type scorecardResult struct {
	sides    [2]*scorecardSide
	labels   []string
	full     [][]time.Duration
	baseline [][]time.Duration
	year     int
	open     [2]int
}

// finalQuestions makes n items received in the ten years before end, as
// their histories would leave them: most answered or closed (8 % late,
// with an apology; a tenth rated), some rejected, forwarded or dismissed,
// a few percent open, 2 % complaints and denunciations.
func finalQuestions(cal qclock.Calendar, units []store.Unit, n int, end time.Time, emit func([]store.FinalQuestion) error) error {
	r := rand.New(rand.NewPCG(8, uint64(n)))
	begin := end.AddDate(-10, 0, 0)
	topics := rules.Topics()
	day := 24 * time.Hour
	var batch []store.FinalQuestion
	for i := range n {
		received := begin.Add(time.Duration(float64(end.Sub(begin)) * float64(i) / float64(n)))
		x := r.IntN(1000)
		kind := rules.KindQuestion
		switch k := r.IntN(100); {
		case x < 20 && k < 70:
			kind = rules.KindComplaint
		case x < 20:
			kind = rules.KindDenunciation
		case k < 35:
			kind = rules.KindFeedback
		case k < 38:
			kind = rules.KindInfoRequest
		}
		reply, _ := rules.DefaultLimit(kind, rules.LimitReply)
		triage, _ := rules.DefaultLimit(kind, rules.LimitTriage)
		title := fmt.Sprintf("Câu hỏi số %d của người dân", i+1)
		q := store.FinalQuestion{
			NewQuestion: store.NewQuestion{CodeHash: codeHash(i), Kind: kind, Topic: pick(r, topics).Slug,
				Channel: store.ChannelWeb, Title: title, Body: title + ": kính mong UBND xã xem xét, trả lời."},
			ReceivedAt: received, State: store.QAccepted, TriageDays: triage.Days, ReplyDays: reply.Days,
		}
		on := func(t time.Time) time.Time {
			y, m, d := t.Add(7 * time.Hour).Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
		start := on(received)
		if rules.Protected(kind) {
			start = on(received.Add(day)) // the clock starts at acceptance
		}
		clock := qclock.Clock{Start: start, ReplyDays: reply.Days, CalendarDays: rules.CalendarDays(kind)}
		q.ClockStart, q.DueOn = start, clock.Due(cal)
		accept := func() {
			if !rules.Protected(kind) {
				q.PublicTitle, q.PublicBody = q.Title, q.Body
			}
			if r.IntN(10) < 7 {
				q.UnitID = pick(r, units).ID
			}
		}
		switch {
		case x >= 20 && x < 60:
			q.State, q.ClockStart = store.QRejected, on(received)
		case x >= 60 && x < 90:
			if r.IntN(2) == 0 {
				accept()
			}
			q.State = store.QForwarded
		case x >= 90 && x < 110:
			accept()
			q.State = store.QDismissed
		case x >= 110 && x < 150: // open, some long overdue
			if r.IntN(4) == 0 {
				q.State = store.QReceived
				if rules.Protected(kind) {
					q.DueOn = qclock.TriageDue(cal, on(received), triage.Days, false)
				}
				break
			}
			accept()
			if q.UnitID != 0 {
				q.State = store.QAssigned
			}
		default:
			accept()
			delay := 20*time.Hour + time.Duration(r.Int64N(int64(10*day)))
			late := r.IntN(100) < 8
			if late {
				delay = 15*day + time.Duration(r.Int64N(int64(25*day)))
			}
			answered := received.Add(delay)
			if answered.After(end) { // not answered yet
				if q.UnitID != 0 {
					q.State = store.QAssigned
				}
				break
			}
			q.FirstAnsweredAt, q.FirstDueOn = answered, q.DueOn
			q.FirstAnswerDays = clock.Taken(cal, on(answered))
			q.Answer = "<p>UBND xã trả lời: đã xem xét và hướng dẫn thủ tục.</p>"
			if on(answered).After(q.DueOn) {
				q.Apology = "UBND xã xin lỗi vì trả lời chậm so với thời hạn."
			}
			if rules.Protected(kind) {
				q.Outcome = "Đã giải quyết theo quy định."
			}
			q.State = store.QAnswered
			if x >= 500 {
				q.State = store.QClosed
			}
			if r.IntN(10) == 0 {
				q.Satisfaction = 1 + r.IntN(5)
			}
		}
		batch = append(batch, q)
		if len(batch) == finalBatch {
			if err := emit(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return emit(batch)
	}
	return nil
}

// prepareScorecardSide makes (or reuses) the database of n questions: the
// demo commune without its questions, then the final rows.
func prepareScorecardSide(ctx context.Context, dir string, n int, end time.Time, log io.Writer) (*scorecardSide, error) {
	s := &scorecardSide{n: n, dir: dir}
	// The marker names the schema the rows were written with: another
	// binary's schema means writing them again.
	marker, want := filepath.Join(dir, "scorecard-ready"), fmt.Sprintf("%d questions, schema %d", n, store.SchemaVersion())
	b, err := os.ReadFile(marker)
	switch {
	case err == nil && string(b) == want:
		fmt.Fprintf(log, "scorecard: reusing %d questions in %s\n", n, dir)
		return s, nil
	case err == nil: // ours, of another schema
		if err := os.RemoveAll(dir); err != nil {
			return nil, err
		}
	default:
		// Never empty a directory the benchmark did not finish making.
		if _, err := os.Stat(dir); err == nil {
			return nil, fmt.Errorf("scorecard: %s exists without %s: remove it to generate the data again", dir, filepath.Base(marker))
		}
	}
	t0 := time.Now()
	st, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return nil, err
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		return nil, err
	}
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: benchPassword, NoQuestions: true}); err != nil {
		return nil, err
	}
	units, err := st.Units(ctx)
	if err != nil || len(units) == 0 {
		return nil, fmt.Errorf("scorecard: units: %v", err)
	}
	cal := workdays.Default(end.Year()-11, end.Year()+1)
	done := 0
	err = finalQuestions(cal, units, n, end, func(b []store.FinalQuestion) error {
		if err := st.LoadFinalQuestions(ctx, b); err != nil {
			return err
		}
		done += len(b)
		if n > finalBatch {
			fmt.Fprintf(log, "  scorecard: %d/%d questions in %.0f s\n", done, n, time.Since(t0).Seconds())
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.seconds = time.Since(t0).Seconds()
	return s, os.WriteFile(marker, []byte(want), 0o644)
}

// scorecardCompare times the kept statistics and /chi-so/hoi-dap at n
// questions and at the baseline, alternating.
func (b *bench) scorecardCompare(ctx context.Context) (*scorecardResult, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	end := time.Now()
	// Vietnam's date.
	y, m, d := end.Add(7 * time.Hour).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	res := &scorecardResult{year: y}
	for i, n := range []int{b.cfg.questions, scorecardBaseline} {
		dir := filepath.Join(b.cfg.data, fmt.Sprintf("scorecard-%d", n))
		s, err := prepareScorecardSide(ctx, dir, n, end, b.log)
		if err != nil {
			return nil, err
		}
		res.sides[i] = s
		if s.st, err = store.Open(dir); err != nil {
			return nil, err
		}
		defer s.st.Close()
		if s.srv, _, err = start(self, []string{"-data", dir}, []string{portalEnv + "=1"},
			filepath.Join(b.tmp, fmt.Sprintf("scorecard-%d.log", i)), "/healthz"); err != nil {
			return nil, err
		}
		defer s.srv.stop()
		if res.open[i], err = s.st.CountQuestions(ctx, store.QuestionFilter{Overdue: true, Today: today}); err != nil {
			return nil, err
		}
	}
	from := time.Date(res.year, time.January, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(res.year, time.December, 31, 0, 0, 0, 0, time.UTC)
	type measure struct {
		label string
		run   func(s *scorecardSide) error
	}
	stats := func(by string) func(s *scorecardSide) error {
		return func(s *scorecardSide) error {
			_, err := s.st.QuestionStats(ctx, from, to, by)
			return err
		}
	}
	page := func(target string) func(s *scorecardSide) error {
		return func(s *scorecardSide) error {
			_, _, _, err := b.getAt(s.srv.base, target, "", http.StatusOK, 0)
			return err
		}
	}
	measures := []measure{
		{"kept figures, a year, total", stats(store.StatsTotal)},
		{"kept figures, a year, by unit", stats(store.StatsByUnit)},
		{"kept figures, a year, by topic", stats(store.StatsByTopic)},
		{"overdue now, by unit", func(s *scorecardSide) error {
			_, err := s.st.OverdueNow(ctx, today, store.StatsByUnit)
			return err
		}},
		{"/chi-so/hoi-dap (this year)", page("/chi-so/hoi-dap")},
		{"/chi-so/hoi-dap?nam=" + strconv.Itoa(res.year-1), page("/chi-so/hoi-dap?nam=" + strconv.Itoa(res.year-1))},
		// The scorecard itself and an indicator's trend by month.
		{"/chi-so (the plan's scorecard)", page("/chi-so")},
		{"/chi-so/4b/tra-loi-dung-han", page("/chi-so/4b/tra-loi-dung-han")},
		// The home page counts its three figures from the scorecard.
		{"/ (home, with the plan's figures)", page("/")},
		// The lists a figure links to, for a year nine years back.
		{fmt.Sprintf("/hoi-dap received in %d", res.year-9), page(fmt.Sprintf("/hoi-dap?theo=nhan&tu=%d-01&den=%d-12", res.year-9, res.year-9))},
		{fmt.Sprintf("/hoi-dap answered late in %d", res.year-9), page(fmt.Sprintf("/hoi-dap?theo=tra-loi&tu=%d-01&den=%d-12&han=tre", res.year-9, res.year-9))},
	}
	samples := max(scorecardSamples, b.cfg.samples)
	b.progress("scorecard: %d samples of each measure at %d and %d questions …", samples, b.cfg.questions, scorecardBaseline)
	for _, m := range measures {
		var full, base []time.Duration
		for k := -2; k < samples; k++ { // two rounds of warm-up
			for i, s := range res.sides {
				t0 := time.Now()
				if err := m.run(s); err != nil {
					return nil, fmt.Errorf("%s at %d: %w", m.label, s.n, err)
				}
				d := time.Since(t0)
				if k < 0 {
					continue
				}
				if i == 0 {
					full = append(full, d)
				} else {
					base = append(base, d)
				}
			}
		}
		res.labels = append(res.labels, m.label)
		res.full, res.baseline = append(res.full, full), append(res.baseline, base)
	}
	return res, nil
}

func (r *scorecardResult) print(w io.Writer) {
	full, base := r.sides[0], r.sides[1]
	gen := "reused"
	if full.seconds > 0 {
		gen = fmt.Sprintf("generated in %.0f s", full.seconds)
	}
	fmt.Fprintf(w, "data:    %d questions (%s; final rows through store.LoadFinalQuestions, triggers on), %d overdue now; baseline %d (%d overdue)\n",
		full.n, gen, r.open[0], base.n, r.open[1])
	fmt.Fprintf(w, "\nQuestion figures of the scorecard from the kept statistics (target < %s at the median; the page without the page cache)\n", ms(scorecardTarget))
	fmt.Fprintf(w, "   %-38s %11s %11s %11s %7s\n", "measure", fmt.Sprintf("%d", full.n), "max", fmt.Sprintf("%d", base.n), "ratio")
	for i, label := range r.labels {
		mf, mb := median(r.full[i]), median(r.baseline[i])
		mark := "ok"
		if mf >= scorecardTarget {
			mark = "OVER"
		}
		fmt.Fprintf(w, "   %-38s %11s %11s %11s %7.2f %s\n", label, ms(mf), ms(slices.Max(r.full[i])), ms(mb), float64(mf)/float64(mb), mark)
	}
}

// runScorecardOnly is -only scorecard: the scorecard section alone.
func runScorecardOnly(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	tmp, err := os.MkdirTemp("", "minhbach-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.MkdirAll(cfg.data, 0o750); err != nil {
		return err
	}
	b := &bench{cfg: cfg, tmp: tmp, log: stderr}
	b.seq = &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{MaxConnsPerHost: 1, DisableCompression: true}}
	res, err := b.scorecardCompare(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Minh Bạch benchmark, scorecard section: go run -tags sqlite_fts5 ./cmd/bench -only scorecard -questions %d\nmachine: %s\n",
		cfg.questions, machine())
	res.print(stdout)
	return nil
}
