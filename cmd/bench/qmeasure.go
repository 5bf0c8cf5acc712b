package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"minhbach/portal/tracking"
	"minhbach/store"
)

// Targets of issue 6 for questions.
const (
	questionRatio = 2.0 // a page at the full question set against the same page at baselineQuestions
	listRows      = 20  // rows of a list page (portal's listSize)
	deepTopic     = "dat-dai"
	deepState     = store.QAnswered
)

// qside is one of the two portals the question pages are compared on.
type qside struct {
	name   string // how the report names it: its number of questions
	srv    *server
	st     *store.Store
	code   string // a working tracking code
	itemID int64  // the item that code tracks: listed and answered
}

// qpage is one question page type, timed on both sides.
type qpage struct {
	label   string
	targets [2]string // per side: deep pages differ
	lookup  bool      // a code lookup: POST /tra-cuu, then the asker's page
	times   [2][]time.Duration
}

// questionsCompare times the question pages on the full data set and on
// the baseline, one request at a time, alternating sides request by
// request so that both see the same load on the machine.
func (b *bench) questionsCompare(ctx context.Context, rep *report) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dirs := [2]string{b.cfg.data, filepath.Join(b.cfg.data, baselineDir)}
	counts := [2]int{b.ds.Questions.Items, b.ds.Baseline.Items}
	codes := [2][]string{b.ds.Questions.Codes, b.ds.Baseline.Codes}
	var sides [2]*qside
	for i, dir := range dirs {
		s := &qside{name: fmt.Sprintf("%d", counts[i])}
		b.qsides = append(b.qsides, s)
		if i == 0 {
			s.st = b.st
		} else if s.st, err = store.Open(dir); err != nil {
			return err
		}
		if s.srv, _, err = start(self, []string{"-data", dir}, []string{portalEnv + "=1"},
			filepath.Join(b.tmp, fmt.Sprintf("questions-%d.log", i)), "/healthz"); err != nil {
			return err
		}
		if err := s.pickItem(ctx, codes[i]); err != nil {
			return err
		}
		sides[i] = s
	}

	pages := []*qpage{
		{label: "/hoi-dap page 1"},
		{label: "/hoi-dap last page"},
		{label: "topic page 1"},
		{label: "topic last page"},
		{label: "state page 1"},
		{label: "state last page"},
		{label: "item /hoi-dap/{id}"},
		{label: "code lookup", lookup: true},
	}
	for i, s := range sides {
		lists := []struct {
			base string
			f    store.QuestionFilter
		}{
			{"/hoi-dap", store.QuestionFilter{Public: true}},
			{"/hoi-dap?chu-de=" + deepTopic, store.QuestionFilter{Public: true, Topic: deepTopic}},
			{"/hoi-dap?trang-thai=" + deepState, store.QuestionFilter{Public: true, State: deepState}},
		}
		for j, l := range lists {
			deep, err := lastQuestionPage(ctx, s.st, l.base, l.f)
			if err != nil {
				return err
			}
			pages[2*j].targets[i] = l.base
			pages[2*j+1].targets[i] = deep
		}
		pages[6].targets[i] = "/hoi-dap/" + strconv.FormatInt(s.itemID, 10)
	}

	b.progress("question pages: %s against %s questions, %d samples each …", sides[0].name, sides[1].name, b.cfg.samples)
	// One pass to warm both databases' caches, not recorded.
	for k := -1; k < b.cfg.samples; k++ {
		for _, p := range pages {
			for n := range 2 {
				i := (n + k + 2) % 2 // alternate which side goes first
				s := sides[i]
				var d time.Duration
				var err error
				if p.lookup {
					d, err = lookupCode(s.srv.base, s.code)
				} else {
					_, d, _, err = b.getAt(s.srv.base, p.targets[i], "", 200, 0)
				}
				if err != nil {
					return fmt.Errorf("%s (%s questions): %w", p.label, s.name, err)
				}
				if k >= 0 {
					p.times[i] = append(p.times[i], d)
				}
			}
		}
	}
	rep.qpages = pages
	rep.qsides = [2]string{sides[0].name, sides[1].name}
	rep.limits = benchLimits().String()
	return nil
}

// stopQuestionPortals stops the portals of the question pages and closes
// the baseline's database.
func (b *bench) stopQuestionPortals() {
	for i, s := range b.qsides {
		s.srv.stop()
		if i > 0 && s.st != nil {
			s.st.Close()
		}
	}
	b.qsides = nil
}

// pickItem finds, among the items whose codes the benchmark knows, one
// that is listed and answered: its public page and its asker's page carry
// a whole history.
func (s *qside) pickItem(ctx context.Context, codes []string) error {
	for _, c := range codes {
		code, err := tracking.Parse(c)
		if err != nil {
			return err
		}
		q, err := s.st.QuestionByCode(ctx, code.Hash())
		if err != nil {
			return fmt.Errorf("code of the data set: %w", err)
		}
		if q.Listed() && (q.State == store.QAnswered || q.State == store.QClosed) {
			s.code, s.itemID = c, q.ID
			return nil
		}
	}
	return fmt.Errorf("%s questions: no answered item among the %d known codes", s.name, len(codes))
}

// lastQuestionPage is the address of a list's last full page: after the
// row listRows+1 from its end, as a visitor reaches it by following the
// list's "older" links (read from the store, oldest first).
func lastQuestionPage(ctx context.Context, st *store.Store, base string, f store.QuestionFilter) (string, error) {
	f.Newer = store.Cursor{Updated: time.Unix(0, 0).UTC(), ID: 1}
	f.Limit = listRows + 1
	rows, err := st.Questions(ctx, f)
	if err != nil {
		return "", err
	}
	if len(rows) <= listRows {
		return "", fmt.Errorf("%s: %d rows, too few for a second page", base, len(rows))
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "sau=" + store.QuestionCursor(rows[0]).String(), nil
}

var stampField = regexp.MustCompile(`name="_t" value="([^"]+)"`)

// formClient is a browser of one resident: cookies, no redirects followed.
func formClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 2 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// openForm GETs a public form and returns its CSRF token and stamp.
func openForm(client *http.Client, base, path string) (csrf, stamp string, err error) {
	resp, err := client.Get(base + path)
	if err != nil {
		return "", "", err
	}
	page, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return "", "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", "", fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
	}
	m := csrfField.FindSubmatch(page)
	if m == nil {
		return "", "", fmt.Errorf("GET %s: no CSRF field", path)
	}
	if t := stampField.FindSubmatch(page); t != nil {
		stamp = string(t[1])
	}
	return string(m[1]), stamp, nil
}

// post sends a form as a browser on the portal's own page does.
func post(client *http.Client, base, path, contentType string, body io.Reader) (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodPost, base+path, body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return client.Do(req)
}

// lookupCode types a code into /tra-cuu and opens the asker's page it
// leads to; it returns the time from the POST to the page's last byte.
func lookupCode(base, code string) (time.Duration, error) {
	client := formClient()
	csrf, _, err := openForm(client, base, "/tra-cuu")
	if err != nil {
		return 0, err
	}
	form := url.Values{"code": {code}, "_csrf": {csrf}}
	t0 := time.Now()
	resp, err := post(client, base, "/tra-cuu", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || loc == "" {
		return 0, fmt.Errorf("POST /tra-cuu: status %d, want 303 to the asker's page", resp.StatusCode)
	}
	if resp, err = client.Get(base + loc); err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(t0)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: status %d", loc, resp.StatusCode)
	}
	return d, err
}

// submitResult is what the concurrent submitters measured.
type submitResult struct {
	result
	before, after int
	found         int // acknowledged submissions found in the database by their title
}

// submitters has b.cfg.submitters residents send the ask form for
// b.cfg.submitFor on the full data set: each opens the form (for its CSRF
// token and stamp) and sends it; the answer must be the redirect to the
// receipt. Then every acknowledged submission must be in the database.
func (b *bench) submitters(ctx context.Context, rep *report) error {
	if len(b.qsides) == 0 || b.qsides[0].srv == nil {
		return errors.New("submitters: the question portal is not running")
	}
	base := b.qsides[0].srv.base
	before, err := b.st.CountQuestions(ctx, store.QuestionFilter{})
	if err != nil {
		return err
	}
	run := strconv.FormatInt(time.Now().UnixNano(), 36)
	b.progress("%d submitters of the ask form for %s …", b.cfg.submitters, b.cfg.submitFor)
	var mu sync.Mutex
	var total result
	titles := map[string]bool{}
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(b.cfg.submitFor)
	for w := range b.cfg.submitters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var res result
			var mine []string
			fail := func(err error) {
				res.errors++
				if res.firstErr == "" {
					res.firstErr = err.Error()
				}
			}
			for n := 0; time.Now().Before(deadline); n++ {
				client := formClient()
				csrf, stamp, err := openForm(client, base, "/hoi-dap/gui")
				if err != nil {
					fail(err)
					continue
				}
				title := fmt.Sprintf("Đo hiệu năng %s: câu hỏi %d của người gửi %d", run, n, w)
				var body bytes.Buffer
				mw := multipart.NewWriter(&body)
				for _, kv := range [][2]string{
					{"_csrf", csrf}, {"_t", stamp}, {"website", ""}, {"kind", "question"}, {"title", title},
					{"body", "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì, nộp ở đâu và mất bao lâu?"},
					{"topic", "thu-tuc"}, {"village", ""}, {"name", "Người Đo Hiệu Năng"}, {"contact", "0912 345 678"},
				} {
					mw.WriteField(kv[0], kv[1])
				}
				mw.Close()
				t0 := time.Now()
				resp, err := post(client, base, "/hoi-dap/gui", mw.FormDataContentType(), &body)
				if err != nil {
					fail(err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lat := time.Since(t0)
				if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/tra-cuu") {
					fail(fmt.Errorf("POST /hoi-dap/gui: status %d, location %q", resp.StatusCode, resp.Header.Get("Location")))
					continue
				}
				res.n++
				res.lat = append(res.lat, lat)
				mine = append(mine, title)
			}
			mu.Lock()
			total.add(res)
			for _, t := range mine {
				titles[t] = true
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	total.elapsed = time.Since(start)
	after, err := b.st.CountQuestions(ctx, store.QuestionFilter{})
	if err != nil {
		return err
	}
	// The newest received items are the ones just sent (generated items
	// are older): each acknowledged title must be among them.
	recent, err := b.st.Questions(ctx, store.QuestionFilter{State: store.QReceived, Limit: total.n + total.errors + 100})
	if err != nil {
		return err
	}
	found := 0
	for _, q := range recent {
		if titles[q.Title] {
			found++
			delete(titles, q.Title)
		}
	}
	rep.submit = &submitResult{result: total, before: before, after: after, found: found}
	return nil
}
