package portal_test

import (
	"context"
	"net/http"
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
