package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"minhbach/store"
)

// Targets of issue 5, section 2.
const (
	renderTarget  = 20 * time.Millisecond // uncached render of any page
	startTarget   = time.Second           // portal start-up on the large database
	exportTarget  = 50 << 20              // memory growth of the full exports
	crawlTarget   = 50 * time.Millisecond // p99 of a cached page during a crawl
	cachedRatio   = 0.8                   // cached pages and 404s against the bare handler
	notModRatio   = 0.9                   // 304s against the bare handler
	startupTrials = 3
	// exportQuestionsMax: above this many questions, their exports are not
	// measured (at a million, one takes about five minutes: every answer
	// goes through the sanitiser and the working-day clock again).
	exportQuestionsMax = 100_000
)

// bench holds the state of one run.
type bench struct {
	cfg    config
	ds     dataset
	bin    string
	tmp    string
	log    io.Writer
	portal *server
	bare   *server
	st     *store.Store
	seq    *http.Client // one keep-alive connection for sequential timings

	listPages, catPages []string // deep pages of /cong-khai and of deepCategory, read once

	qsides []*qside // the portals of the question pages: full data set, baseline
}

func (b *bench) close() {
	b.stopQuestionPortals()
	b.portal.stop()
	b.bare.stop()
	if b.st != nil {
		b.st.Close()
	}
}

func (b *bench) progress(format string, args ...any) {
	fmt.Fprintf(b.log, format+"\n", args...)
}

func (b *bench) startPortal() (time.Duration, error) {
	s, d, err := start(b.bin, []string{"serve", "-data", b.cfg.data}, nil, filepath.Join(b.tmp, "portal.log"), "/healthz")
	b.portal = s
	return d, err
}

// measure runs every section in an order that keeps them from disturbing
// each other: memory on a fresh process first, the crawl (which fills and
// churns the page cache) last.
func (b *bench) measure(ctx context.Context) (*report, error) {
	rep := &report{cfg: b.cfg, ds: b.ds, machine: machine()}
	var err error
	if b.st, err = store.Open(b.cfg.data); err != nil {
		return nil, err
	}
	if rep.publicItems, err = b.st.CountDisclosures(ctx, store.DisclosureFilter{Public: true}); err != nil {
		return nil, err
	}
	b.seq = &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{MaxConnsPerHost: 1, DisableCompression: true}}

	b.progress("start-up: %d starts of the portal …", startupTrials)
	for i := range startupTrials {
		d, err := b.startPortal()
		if err != nil {
			return nil, err
		}
		rep.startups = append(rep.startups, d)
		if i < startupTrials-1 {
			b.portal.stop()
		}
	}

	b.progress("export memory …")
	if err := b.exportMemory(rep); err != nil {
		return nil, err
	}

	b.progress("uncached render times (%d samples each) …", b.cfg.samples)
	cookie, err := login(b.portal.base, "admin", benchPassword)
	if err != nil {
		return nil, err
	}
	if err := b.renderTimes(ctx, rep, cookie); err != nil {
		return nil, err
	}

	if err := b.questionsCompare(ctx, rep); err != nil {
		return nil, err
	}
	if err := b.submitters(ctx, rep); err != nil {
		return nil, err
	}
	b.stopQuestionPortals()
	if rep.budget, err = b.budgetCompare(ctx); err != nil {
		return nil, err
	}

	if err := b.householdImport(ctx, rep); err != nil {
		return nil, err
	}

	b.progress("portal against the bare handler: %d rounds × %s per side and page type …", b.cfg.rounds, b.cfg.duration)
	if err := b.compare(rep); err != nil {
		return nil, err
	}

	b.progress("cached page during a crawl of uncached deep pages …")
	if err := b.crawl(rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// get fetches a URL on the sequential client; it returns the time to the
// first byte of the answer, the time to its last byte, and its size.
func (b *bench) get(target, cookie string, want int) (ttfb, total time.Duration, size int64, err error) {
	return b.getAt(b.portal.base, target, cookie, want, 0)
}

// getAt is get on another server; with limit > 0 it reads that many bytes
// of the answer at most, then closes the connection.
func (b *bench) getAt(base, target, cookie string, want int, limit int64) (ttfb, total time.Duration, size int64, err error) {
	req, _ := http.NewRequest(http.MethodGet, base+target, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	t0 := time.Now()
	resp, err := b.seq.Do(req)
	if err != nil {
		return 0, 0, 0, err
	}
	ttfb = time.Since(t0)
	var body io.Reader = resp.Body
	if limit > 0 {
		body = io.LimitReader(resp.Body, limit)
	}
	size, err = io.Copy(io.Discard, body)
	resp.Body.Close()
	total = time.Since(t0)
	if err == nil && resp.StatusCode != want {
		err = fmt.Errorf("GET %s: status %d, want %d", target, resp.StatusCode, want)
	}
	return ttfb, total, size, err
}

// exportMemory downloads both full exports from a fresh portal and reads
// its memory before and after.
func (b *bench) exportMemory(rep *report) error {
	if _, _, _, err := b.get("/", "", 200); err != nil {
		return err
	}
	var err error
	if rep.rssBefore, _, err = b.portal.memory(); err != nil {
		return err
	}
	for _, f := range []string{"csv", "json"} {
		if _, _, _, err := b.get("/cong-khai/xuat."+f, "", 200); err != nil {
			return err
		}
		rss, peak, err := b.portal.memory()
		if err != nil {
			return err
		}
		rep.rssAfter = append(rep.rssAfter, rss)
		rep.rssPeak = max(rep.rssPeak, peak)
	}
	// The question exports, after: the peak so far is their baseline. At
	// a million questions a whole export takes minutes, and the portal
	// goes on writing one after its client has gone: they are measured on
	// smaller sets only.
	rep.qrssBefore = rep.rssPeak
	if b.ds.Questions.Items > exportQuestionsMax {
		return nil
	}
	for _, f := range []string{"csv", "json"} {
		_, total, size, err := b.getAt(b.portal.base, "/hoi-dap/xuat."+f, "", 200, 0)
		if err != nil {
			return err
		}
		rep.qexportTime = append(rep.qexportTime, total)
		rss, peak, err := b.portal.memory()
		if err != nil {
			return err
		}
		rep.qrssAfter = append(rep.qrssAfter, rss)
		rep.qrssPeak = max(rep.qrssPeak, peak)
		rep.qexportSize = append(rep.qexportSize, size)
	}
	return nil
}

// deepPages lists the addresses of pages of a list at every depth: lists
// page by key (?sau=<the key of the row before>), so a deep page is named
// by the key of a row far down the list. They are read from the store in
// list order, a few thousand rows at a time.
func (b *bench) deepPages(ctx context.Context, base string, f store.DisclosureFilter) ([]string, error) {
	var keys []string
	f.Limit = 5000
	for {
		rows, err := b.st.Disclosures(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, d := range rows {
			keys = append(keys, store.CursorOf(d).String())
		}
		if len(rows) < f.Limit {
			break
		}
		f.Older = store.CursorOf(rows[len(rows)-1])
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	// After the last row there is no page.
	if len(keys) > 0 {
		keys = keys[:len(keys)-1]
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, base+sep+"sau="+k)
	}
	return out, nil
}

// publicDeepPages are the deep pages of the public list and of the
// category measured, read from the store the first time they are needed.
func (b *bench) publicDeepPages(ctx context.Context) (list, cat []string, err error) {
	if b.listPages == nil {
		if b.listPages, err = b.deepPages(ctx, "/cong-khai", store.DisclosureFilter{Public: true}); err != nil {
			return nil, nil, err
		}
		if b.catPages, err = b.deepPages(ctx, "/cong-khai/"+deepCategory, store.DisclosureFilter{Public: true, Category: deepCategory}); err != nil {
			return nil, nil, err
		}
	}
	return b.listPages, b.catPages, nil
}

// lastOf is the deepest full page of a list: after the row listSize+1
// from its end.
func lastOf(pages []string) string {
	return pages[max(0, len(pages)-21)]
}

// deepCategory is the category whose deep pages are measured: the largest.
const deepCategory = "thong-bao"

// renderTimes times every page type uncached. Public pages are taken right
// after a public change (an officer revising an item), which makes every
// cached page and feed stale: what the first visitor after a change waits.
// Officer pages are never cached.
func (b *bench) renderTimes(ctx context.Context, rep *report, cookie string) error {
	id := strconv.FormatInt(b.ds.ItemID, 10)
	listPages, catPages, err := b.publicDeepPages(ctx)
	if err != nil {
		return err
	}
	officerPages, err := b.deepPages(ctx, "/can-bo", store.DisclosureFilter{})
	if err != nil {
		return err
	}
	q := &qside{name: "full", st: b.st}
	if err := q.pickItem(ctx, b.ds.Questions.Codes); err != nil {
		return err
	}
	qid := strconv.FormatInt(q.itemID, 10)
	villages, err := b.st.Villages(ctx)
	if err != nil || len(villages) == 0 {
		return fmt.Errorf("villages: %v", err)
	}
	audit, err := b.st.AuditLog(ctx, 1, 0, 1)
	if err != nil || len(audit) == 0 {
		return fmt.Errorf("audit log: %v", err)
	}
	qexports := []*timing{
		{label: "export hoi-dap/xuat.csv", target: "/hoi-dap/xuat.csv", export: true},
		{label: "export hoi-dap/xuat.json", target: "/hoi-dap/xuat.json", export: true},
	}
	if b.ds.Questions.Items > exportQuestionsMax {
		qexports = nil
	}
	pages := []*timing{
		{label: "home /", target: "/"},
		{label: "/cong-khai page 1", target: "/cong-khai"},
		{label: fmt.Sprintf("/cong-khai row %d (last)", len(listPages)-20), target: lastOf(listPages)},
		{label: "category page 1", target: "/cong-khai/" + deepCategory},
		{label: fmt.Sprintf("category row %d (last)", len(catPages)-20), target: lastOf(catPages)},
		{label: "item page", target: "/cong-khai/" + id},
		{label: "history /lich-su", target: "/cong-khai/" + id + "/lich-su"},
		{label: "version page", target: "/cong-khai/" + id + "/phien-ban/2"},
		{label: "feed.rss", target: "/feed.rss"},
		{label: "feed.atom", target: "/feed.atom"},
		{label: "feed.json", target: "/feed.json"},
		{label: "export xuat.csv", target: "/cong-khai/xuat.csv", export: true},
		{label: "export xuat.json", target: "/cong-khai/xuat.json", export: true},
		{label: "404 page", target: "/khong-co-trang-nay", status: 404},
		{label: "questions /hoi-dap", target: "/hoi-dap"},
		{label: "  filter overdue", target: "/hoi-dap?qua-han=1"},
		{label: "  filter village", target: "/hoi-dap?thon=" + strconv.FormatInt(villages[0].ID, 10)},
		{label: "question page", target: "/hoi-dap/" + qid},
		{label: "question's feed.atom", target: "/hoi-dap/" + qid + "/feed.atom"},
		{label: "answers feed.atom", target: "/hoi-dap/feed.atom"},
		{label: "overdue /hoi-dap/qua-han", target: "/hoi-dap/qua-han"},
		{label: "complaints, counts", target: "/hoi-dap/khieu-nai-to-cao"},
		{label: "ask form", target: "/hoi-dap/gui"},
		{label: "officer /can-bo", target: "/can-bo", officer: true},
		{label: "  tab drafts", target: "/can-bo?trang-thai=draft", officer: true},
		{label: "  tab published", target: "/can-bo?trang-thai=published", officer: true},
		{label: "  tab withdrawn", target: "/can-bo?trang-thai=withdrawn", officer: true},
		{label: fmt.Sprintf("  row %d (last)", len(officerPages)-30), target: lastOf(officerPages), officer: true},
		{label: "edit form", target: "/can-bo/cong-khai/" + id, officer: true},
		{label: "audit log", target: "/can-bo/nhat-ky", officer: true},
		{label: "audit log, oldest page", target: "/can-bo/nhat-ky?sau=" + strconv.FormatInt(audit[0].ID+101, 10), officer: true},
		{label: "accounts", target: "/can-bo/tai-khoan", officer: true},
		{label: "settings", target: "/can-bo/cai-dat", officer: true},
		{label: "places", target: "/can-bo/don-vi", officer: true},
		{label: "inbox /can-bo/hoi-dap", target: "/can-bo/hoi-dap", officer: true},
		{label: "  inbox, overdue", target: "/can-bo/hoi-dap?qua-han=1", officer: true},
		{label: "  inbox, done tab", target: "/can-bo/hoi-dap?xem=da-xong", officer: true},
		{label: "officer's question page", target: "/can-bo/hoi-dap/" + qid, officer: true},
	}
	pages = append(pages, qexports...)
	for k := range b.cfg.samples {
		if err := b.touch(ctx, k); err != nil {
			return err
		}
		for _, p := range pages {
			if p.export && k >= 3 {
				continue
			}
			want, ck := 200, ""
			if p.status != 0 {
				want = p.status
			}
			if p.officer {
				ck = cookie
			}
			ttfb, total, size, err := b.get(p.target, ck, want)
			if err != nil {
				return err
			}
			p.ttfb = append(p.ttfb, ttfb)
			p.total = append(p.total, total)
			p.size = size
		}
	}
	rep.render = pages
	return nil
}

// touch makes a public change as an officer would: a new version of one
// item, with its reason. It moves the public change mark, so that every
// cached page and feed is stale.
func (b *bench) touch(ctx context.Context, k int) error {
	d, err := b.st.Disclosure(ctx, b.ds.TouchID)
	if err != nil {
		return err
	}
	in := store.DisclosureInput{Category: d.Category, Title: d.Title, Summary: d.Summary, Body: d.Body,
		LegalBasis: d.LegalBasis, UnitID: d.UnitID, PostingFrom: d.PostingFrom, PostingUntil: d.PostingUntil}
	for _, a := range d.Attachments {
		in.AttachmentIDs = append(in.AttachmentIDs, a.ID)
	}
	if err := b.st.UpdateDisclosure(ctx, b.ds.TouchID, in, fmt.Sprintf("Đo hiệu năng: thay đổi công khai lần %d", k+1), 0); err != nil {
		return err
	}
	// This process is another writer: the portal sees its change at its
	// next poll of the database, not at once. Wait for that, so that what
	// is timed next is a render, and no stale copy is recorded.
	time.Sleep(3 * store.ChangePollInterval)
	return nil
}

// pageType is one row of the portal/bare comparison.
type pageType struct {
	label       string
	req         request
	goal        float64
	portal, bar result
}

// compare loads the portal and the bare handler with the same requests,
// alternating rounds.
func (b *bench) compare(rep *report) error {
	home, err := b.fetchHeaders("/")
	if err != nil {
		return err
	}
	css := regexp.MustCompile(`href="(/static/app\.css\?v=[^"]+)"`).FindStringSubmatch(home.body)
	if css == nil {
		return errors.New("home page: no stylesheet link")
	}
	id := strconv.FormatInt(b.ds.ItemID, 10)
	types := []*pageType{
		{label: "home (cached)", req: request{target: "/", gzip: true, status: 200}, goal: cachedRatio},
		{label: "/cong-khai (cached)", req: request{target: "/cong-khai", gzip: true, status: 200}, goal: cachedRatio},
		{label: "item (cached)", req: request{target: "/cong-khai/" + id, gzip: true, status: 200}, goal: cachedRatio},
		{label: "feed.atom (cached)", req: request{target: "/feed.atom", gzip: true, status: 200}, goal: cachedRatio},
		{label: "304 If-None-Match", req: request{target: "/", gzip: true, etag: home.etag, status: 304}, goal: notModRatio},
		{label: "404 page", req: request{target: "/khong-co-trang-nay", gzip: true, status: 404}, goal: cachedRatio},
		{label: "static app.css", req: request{target: css[1], gzip: true, status: 200}, goal: cachedRatio},
	}
	rec := map[string]response{}
	for _, t := range types {
		// The first answer fills the cache; the second is what is recorded.
		for range 2 {
			if err := record(rec, b.portal.base, t.req); err != nil {
				return err
			}
		}
		if t.req.etag == "" {
			plain := t.req
			plain.gzip = false
			if err := record(rec, b.portal.base, plain); err != nil {
				return err
			}
		}
	}
	recPath := filepath.Join(b.tmp, "bare.gob")
	if err := writeRecording(recPath, rec); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	if b.bare, _, err = start(self, nil, []string{bareEnv + "=" + recPath}, filepath.Join(b.tmp, "bare.log"), "/healthz"); err != nil {
		return err
	}
	warm := min(b.cfg.duration/4, 500*time.Millisecond)
	for _, t := range types {
		b.progress("  %s", t.label)
		load(hostOf(b.portal.base), t.req, nil, b.cfg.conns, warm)
		load(hostOf(b.bare.base), t.req, nil, b.cfg.conns, warm)
		for range b.cfg.rounds {
			t.portal.add(load(hostOf(b.portal.base), t.req, nil, b.cfg.conns, b.cfg.duration))
			t.bar.add(load(hostOf(b.bare.base), t.req, nil, b.cfg.conns, b.cfg.duration))
		}
		for _, r := range []result{t.portal, t.bar} {
			if r.errors > 0 {
				return fmt.Errorf("%s: %d errors, first: %s", t.label, r.errors, r.firstErr)
			}
		}
	}
	b.bare.stop()
	b.bare = nil
	rep.compare = types
	return nil
}

type fetched struct {
	etag, body string
}

func (b *bench) fetchHeaders(target string) (fetched, error) {
	resp, err := b.seq.Get(b.portal.base + target)
	if err != nil {
		return fetched{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return fetched{etag: resp.Header.Get("ETag"), body: string(body)}, err
}

// crawl measures a cached page, one request after another on its own
// connection, while other connections fetch deep list pages that are not
// in the cache, as a search engine's crawler would.
func (b *bench) crawl(rep *report) error {
	ctx := context.Background()
	listPages, catPages, err := b.publicDeepPages(ctx)
	if err != nil {
		return err
	}
	// Deep pages: anywhere in the older half of each list.
	pick := func(r *rand.Rand) string {
		if r.IntN(2) == 0 {
			return listPages[len(listPages)/2+r.IntN(len(listPages)-len(listPages)/2)]
		}
		return catPages[len(catPages)/2+r.IntN(len(catPages)-len(catPages)/2)]
	}
	d := b.cfg.duration * time.Duration(b.cfg.rounds)
	done := make(chan result)
	go func() {
		done <- load(hostOf(b.portal.base), request{gzip: true, status: 200}, pick, b.cfg.crawlConns, d)
	}()
	rep.crawlCached = load(hostOf(b.portal.base), request{target: "/", gzip: true, status: 200}, nil, 1, d)
	rep.crawlDeep = <-done
	for _, r := range []result{rep.crawlCached, rep.crawlDeep} {
		if r.errors > 0 {
			return fmt.Errorf("crawl: %d errors, first: %s", r.errors, r.firstErr)
		}
	}
	return nil
}
