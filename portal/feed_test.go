package portal_test

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"minhbach/store"
)

func (e *env) parseFeed(path string) (*gofeed.Feed, response) {
	e.t.Helper()
	r := e.get(path)
	if r.status != http.StatusOK {
		e.t.Fatalf("GET %s: %d", path, r.status)
	}
	f, err := gofeed.NewParser().ParseString(r.body)
	if err != nil {
		e.t.Fatalf("parse %s: %v", path, err)
	}
	return f, r
}

func itemsByID(f *gofeed.Feed) map[string]*gofeed.Item {
	m := map[string]*gofeed.Item{}
	for _, it := range f.Items {
		m[it.GUID] = it
	}
	return m
}

func TestFeedsParseWithStableIDsAndShowEditsAsUpdates(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	paths := []string{"/feed.rss", "/feed.atom", "/feed.json", "/cong-khai/ngan-sach/feed.rss", "/cong-khai/ngan-sach/feed.atom", "/cong-khai/ngan-sach/feed.json"}
	first := map[string]*gofeed.Feed{}
	for _, p := range paths {
		f, r := e.parseFeed(p)
		if len(f.Items) == 0 {
			t.Fatalf("%s: no items", p)
		}
		if strings.Contains(p, "ngan-sach") {
			for _, it := range f.Items {
				if !strings.Contains(it.Link, "/cong-khai/") {
					t.Errorf("%s: item link %q", p, it.Link)
				}
			}
		}
		if r.header.Get("ETag") == "" || r.header.Get("Last-Modified") == "" {
			t.Errorf("%s: no validators", p)
		}
		for _, it := range f.Items {
			if it.GUID == "" || it.Title == "" {
				t.Errorf("%s: item without id or title: %+v", p, it)
			}
		}
		first[p] = f
	}
	// Same ids on a second fetch.
	for _, p := range paths {
		again, _ := e.parseFeed(p)
		a, b := itemsByID(first[p]), itemsByID(again)
		if len(a) != len(b) || len(a) != len(first[p].Items) {
			t.Fatalf("%s: %d then %d distinct ids (items %d)", p, len(a), len(b), len(first[p].Items))
		}
		for id := range a {
			if b[id] == nil {
				t.Errorf("%s: id %s vanished on refetch", p, id)
			}
		}
	}

	// An edit is an update of the same item, not a new one.
	budget, err := e.st.Disclosures(ctx, store.DisclosureFilter{Public: true, Category: "ngan-sach", Limit: 1})
	if err != nil || len(budget) == 0 {
		t.Fatal("no budget item", err)
	}
	d, err := e.st.Disclosure(ctx, budget[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	in := store.DisclosureInput{Category: d.Category, Title: d.Title + " (đã bổ sung)", Summary: d.Summary, Body: d.Body,
		LegalBasis: d.LegalBasis, UnitID: d.UnitID, PostingFrom: d.PostingFrom, PostingUntil: d.PostingUntil}
	for _, a := range d.Attachments {
		in.AttachmentIDs = append(in.AttachmentIDs, a.ID)
	}
	if err := e.st.UpdateDisclosure(ctx, d.ID, in, "Bổ sung số liệu", 0); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		after, _ := e.parseFeed(p)
		before := first[p]
		if len(itemsByID(after)) != len(itemsByID(before)) {
			t.Errorf("%s: %d items before the edit, %d after", p, len(before.Items), len(after.Items))
		}
		var edited *gofeed.Item
		for _, it := range after.Items {
			if strings.HasSuffix(it.Link, "/cong-khai/"+itoa(d.ID)) {
				edited = it
			}
		}
		if edited == nil {
			t.Fatalf("%s: edited item missing", p)
		}
		old := itemsByID(before)[edited.GUID]
		if old == nil {
			t.Fatalf("%s: edited item got a new id %s", p, edited.GUID)
		}
		if !strings.HasSuffix(edited.Title, "(đã bổ sung)") || after.Items[0].GUID != edited.GUID {
			t.Errorf("%s: edited item title %q, first item %q", p, edited.Title, after.Items[0].Title)
		}
		if !strings.HasSuffix(p, ".rss") { // RSS 2.0 has no "updated" element
			if edited.UpdatedParsed == nil || old.UpdatedParsed == nil || !edited.UpdatedParsed.After(*old.UpdatedParsed) {
				t.Errorf("%s: updated %v → %v", p, old.UpdatedParsed, edited.UpdatedParsed)
			}
			if edited.PublishedParsed == nil || old.PublishedParsed == nil || !edited.PublishedParsed.Equal(*old.PublishedParsed) {
				t.Errorf("%s: published moved %v → %v", p, old.PublishedParsed, edited.PublishedParsed)
			}
		}
	}
}

func TestFeedsAnswerConditionalGET(t *testing.T) {
	e := newEnv(t)
	for _, p := range []string{"/feed.rss", "/feed.atom", "/feed.json", "/cong-khai/ho-ngheo/feed.atom"} {
		r := e.get(p)
		etag, lm := r.header.Get("ETag"), r.header.Get("Last-Modified")
		for _, h := range []map[string]string{{"If-None-Match": etag}, {"If-Modified-Since": lm}} {
			req, _ := http.NewRequest(http.MethodGet, e.url+p, nil)
			for k, v := range h {
				req.Header.Set(k, v)
			}
			res := e.do(req)
			if res.status != http.StatusNotModified || res.body != "" {
				t.Errorf("%s with %v: %d (%d bytes), want 304", p, h, res.status, len(res.body))
			}
		}
		req, _ := http.NewRequest(http.MethodGet, e.url+p, nil)
		req.Header.Set("If-None-Match", `"stale"`)
		if res := e.do(req); res.status != http.StatusOK {
			t.Errorf("%s with a stale ETag: %d", p, res.status)
		}
	}
}

func TestFeedsCarryNoDraftsAndMarkWithdrawals(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f, _ := e.parseFeed("/feed.atom")
	drafts, _ := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusDraft, Limit: 100})
	withdrawn, _ := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusWithdrawn, Limit: 100})
	if len(drafts) == 0 || len(withdrawn) == 0 {
		t.Fatal("demo data lacks a draft or a withdrawn item")
	}
	for _, it := range f.Items {
		for _, d := range drafts {
			if strings.HasSuffix(it.Link, "/cong-khai/"+itoa(d.ID)) {
				t.Errorf("draft %d in feed", d.ID)
			}
		}
		for _, d := range withdrawn {
			if strings.HasSuffix(it.Link, "/cong-khai/"+itoa(d.ID)) && !strings.HasPrefix(it.Title, "[Đã rút]") {
				t.Errorf("withdrawn item %d not marked: %q", d.ID, it.Title)
			}
		}
	}
}

// Every feed declares its language and its own absolute address, which
// readers use to subscribe and to follow a move; RSS names the commune's
// e-mail as managingEditor, or leaves the element out.
func TestFeedsDeclareLanguageSelfAndEditor(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	st, err := e.st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.PortalURL = "https://trungtrac.example.vn/"
	st.Email = "vanphong@trungtrac.example.vn"
	if err := e.st.SaveSettings(ctx, st, 0); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/feed.rss", "/feed.atom", "/feed.json", "/cong-khai/ngan-sach/feed.rss", "/cong-khai/ngan-sach/feed.atom", "/cong-khai/ngan-sach/feed.json"} {
		f, r := e.parseFeed(p)
		if f.Language != "vi" {
			t.Errorf("%s: language %q, want vi", p, f.Language)
		}
		if want := "https://trungtrac.example.vn" + p; f.FeedLink != want {
			t.Errorf("%s: self link %q, want %q", p, f.FeedLink, want)
		}
		if want := "https://trungtrac.example.vn/cong-khai"; !strings.HasPrefix(f.Link, want) {
			t.Errorf("%s: home link %q, want %s…", p, f.Link, want)
		}
		switch {
		case strings.HasSuffix(p, ".rss"):
			mustContain(t, p, r.body, `<managingEditor>vanphong@trungtrac.example.vn (UBND xã Trung Trắc)</managingEditor>`,
				`<atom:link href="https://trungtrac.example.vn`+p+`" rel="self" type="application/rss+xml">`)
			if len(f.Authors) != 1 || f.Authors[0].Email != "vanphong@trungtrac.example.vn" {
				t.Errorf("%s: authors %+v", p, f.Authors)
			}
		case strings.HasSuffix(p, ".atom"):
			mustContain(t, p, r.body, `xml:lang="vi"`, `rel="self"`)
		default:
			mustContain(t, p, r.body, `"feed_url": "https://trungtrac.example.vn`+p+`"`, `"language": "vi"`)
		}
		feedparserAccepts(t, p, r.body)
	}

	// Without an address, RSS leaves managingEditor out rather than
	// putting a bare name there.
	for _, mail := range []string{"", "văn phòng UBND"} {
		st.Email = mail
		if err := e.st.SaveSettings(ctx, st, 0); err != nil {
			t.Fatal(err)
		}
		_, r := e.parseFeed("/feed.rss")
		if strings.Contains(r.body, "managingEditor") {
			t.Errorf("e-mail %q: feed has a managingEditor:\n%.600s", mail, r.body)
		}
	}
}

// feedparserAccepts parses an RSS or Atom feed with Python's feedparser,
// which most readers' behaviour follows, and fails on any complaint
// (bozo) or a missing language or self link.
func feedparserAccepts(t *testing.T, what, body string) {
	t.Helper()
	if strings.HasSuffix(what, ".json") {
		return // feedparser reads no JSON Feed
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import feedparser").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-feedparser missing under CI")
		}
		t.Log("feedparser check skipped: apt-get install python3-feedparser")
		return
	}
	const script = `import sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
if d.bozo: sys.exit("bozo: %s" % d.bozo_exception)
if d.version not in ("rss20", "atom10"): sys.exit("version " + d.version)
if d.feed.get("language") != "vi": sys.exit("language %r" % d.feed.get("language"))
if not [l for l in d.feed.get("links", []) if l.get("rel") == "self"]: sys.exit("no self link")
`
	cmd := exec.Command("/usr/bin/python3", "-c", script)
	cmd.Stdin = strings.NewReader(body)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s: feedparser: %v\n%s", what, err, out)
	}
}
