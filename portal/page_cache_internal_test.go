package portal

import (
	"bytes"
	"strconv"
	"testing"
	"time"
)

// TestPageCacheKeepsToItsByteBudget fills the cache far past its budget:
// it stays under it, keeps the pages used most recently, and refuses a
// single page too large to share the room.
func TestPageCacheKeepsToItsByteBudget(t *testing.T) {
	pc := newPageCache()
	k := cacheKey{1, 1}
	page := func(i int) *cachedBody {
		// Incompressible enough that the gzip copy counts too.
		b := bytes.Repeat([]byte(strconv.Itoa(i*7919)), 40<<10/len(strconv.Itoa(i*7919)))
		p := newCachedBody(k, b, "text/html", time.Time{})
		p.slot = "/p/" + strconv.Itoa(i)
		return p
	}
	hot := page(0)
	pc.put(hot)
	for i := 1; i < 4*pageCacheBytes/(40<<10); i++ {
		pc.put(page(i))
		if pc.get(hot.slot, k) == nil {
			t.Fatalf("the page read after every write was evicted after %d writes", i)
		}
		if pc.bytes > pageCacheBytes {
			t.Fatalf("cache holds %d bytes, budget %d", pc.bytes, pageCacheBytes)
		}
	}
	if pc.get("/p/1", k) != nil {
		t.Error("the oldest unused page is still cached")
	}
	if pc.get(hot.slot, cacheKey{2, 1}) != nil {
		t.Error("a page was served for another key")
	}
	big := newCachedBody(k, make([]byte, maxCachedPage), "text/html", time.Time{})
	big.slot = "/big"
	pc.put(big)
	if pc.get("/big", k) != nil {
		t.Error("a page larger than maxCachedPage was cached")
	}
}

// TestPageCacheDropsStaleEntries: once a newer key is asked for (the public
// change mark moved, say after a redaction), no entry of an older key stays
// in memory, even one no one asks for again.
func TestPageCacheDropsStaleEntries(t *testing.T) {
	pc := newPageCache()
	old := cacheKey{1, 1}
	for _, slot := range []string{"/cong-khai/7?", "/cong-khai?sau=1.7"} {
		p := newCachedBody(old, []byte("Nguyễn Văn A 0912 345 678"), "text/html", time.Time{})
		p.slot = slot
		pc.put(p)
	}
	if pc.get("/cong-khai/7?", old) == nil {
		t.Fatal("a fresh entry was not served")
	}
	pc.get("/", cacheKey{2, 1})
	if len(pc.entries) != 0 || pc.lru.Len() != 0 || pc.bytes != 0 {
		t.Errorf("after the mark moved, %d entries (%d bytes) of the old mark stay in memory", len(pc.entries), pc.bytes)
	}
	p := newCachedBody(cacheKey{2, 1}, []byte("x"), "text/html", time.Time{})
	p.slot = "/"
	pc.put(p)
	if pc.get("/", cacheKey{2, 1}) == nil || pc.get("/", cacheKey{1, 2}) != nil {
		t.Error("entries of the newest key are not served as before")
	}
	if pc.get("/", cacheKey{2, 1}) == nil {
		t.Error("an older key asked for later dropped the newer entries")
	}
}
