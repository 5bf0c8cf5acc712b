package portal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"minhbach/portal/households"
)

// TestHouseholdNamesOnlyInTheWindow: a list's names are on its page, its
// versions and its history at the last minute of the posting window, with
// noindex; one minute after the window, they are gone from all of them,
// cached copies included, and the page says why. Feeds, exports and the
// overview never carry them.
func TestHouseholdNamesOnlyInTheWindow(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	last := civilDay(2) // the window's last day
	lastMinute := time.Date(last.Year(), last.Month(), last.Day(), 23, 59, 0, 0, vietnam)
	clock := lastMinute.Add(-48 * time.Hour)
	e.st.SetClock(func() time.Time { return clock })
	t.Cleanup(func() { e.st.SetClock(time.Now) })

	rows := []households.Row{
		{Head: "Quách Thị Niêm Yết", Village: "Thôn Đông", Class: households.Poor},
		{Head: "Ông Văn Hết Hạn", Village: "Thôn Nam", Class: households.NearPoor},
	}
	id := householdList(e, true, civilDay(0), last, rows...)
	// A second version changes one row and adds one: the history names them.
	d, err := e.st.Disclosure(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in := d.Input()
	keyed := listRows(e, id)
	keyed[1].Class = households.Poor
	keyed = append(keyed, households.Row{Head: "Mẫn Thị Bổ Sung", Village: "Thôn Bắc", Class: households.NearPoor})
	households.AssignKeys(keyed, listRows(e, id))
	in.Rows = nil
	for _, r := range keyed {
		b, _ := json.Marshal(r)
		in.Rows = append(in.Rows, b)
	}
	f, _ := households.ParseFacts(d.Facts)
	f.Counts = households.Tally(keyed, nil).Villages
	in.Facts = f.JSON()
	if err := e.st.UpdateDisclosure(ctx, id, in, "Bổ sung hộ sót", 0); err != nil {
		t.Fatal(err)
	}
	names := []string{"Quách Thị Niêm Yết", "Ông Văn Hết Hạn", "Mẫn Thị Bổ Sung"}
	item := "/cong-khai/" + itoa(id)
	pages := []string{item, item + "/phien-ban/1", item + "/phien-ban/2", item + "/lich-su"}
	never := []string{"/ho-ngheo", "/ho-ngheo/xuat.csv", "/ho-ngheo/xuat.json", "/ho-ngheo/" + itoa(id) + "/xuat.csv",
		"/ho-ngheo/" + itoa(id) + "/xuat.json", "/feed.atom", "/feed.json", "/cong-khai/ho-ngheo/feed.rss",
		"/cong-khai/xuat.csv", "/cong-khai/ho-ngheo/xuat.json", "/cong-khai/ho-ngheo"}

	clock = lastMinute
	for _, p := range pages {
		for range 2 { // the second one from the page cache
			r := e.get(p)
			if r.status != http.StatusOK {
				t.Fatalf("%s: %d", p, r.status)
			}
			want := names
			switch p {
			case item + "/phien-ban/1":
				want = names[:2]
			case item + "/lich-su": // the rows the second version changed
				want = names[1:]
			}
			mustContain(t, p+" at the last minute", r.body, want...)
			if p != item+"/lich-su" {
				mustContain(t, p+" at the last minute", r.body, `<meta name="robots" content="noindex">`)
				if r.header.Get("X-Robots-Tag") != "noindex" {
					t.Errorf("%s: X-Robots-Tag %q", p, r.header.Get("X-Robots-Tag"))
				}
			}
		}
	}
	// Phones and proxies may keep a page with names only until the window ends.
	clock = lastMinute.Add(30 * time.Second)
	if cc := e.get(item).header.Get("Cache-Control"); cc != "public, max-age=30" {
		t.Errorf("Cache-Control at 23:59:30: %q", cc)
	}
	clock = lastMinute
	mustContain(t, "history", e.get(item+"/lich-su").body, "Ông Văn Hết Hạn (Thôn Nam, Hộ nghèo)", "Mẫn Thị Bổ Sung (Thôn Bắc, Hộ cận nghèo)")
	counts := e.get("/ho-ngheo/" + itoa(id) + "/xuat.csv").body
	mustContain(t, "counts export", counts, "Thôn Đông", "Thôn Bắc", ",1,0,0,0,1\r\n")
	mustContain(t, "overview", e.get("/ho-ngheo").body, "Đang niêm yết họ tên", "3 hộ")
	for _, p := range never {
		r := e.get(p)
		if r.status != http.StatusOK {
			t.Errorf("%s: %d", p, r.status)
		}
		for _, n := range names {
			if strings.Contains(r.body, n) {
				t.Errorf("%s carries the name %q", p, n)
			}
		}
	}

	clock = lastMinute.Add(2 * time.Minute) // 00:01 the day after
	for _, p := range append(pages, never...) {
		r := e.get(p)
		if r.status != http.StatusOK {
			t.Fatalf("%s after the window: %d", p, r.status)
		}
		for _, n := range names {
			if strings.Contains(r.body, n) {
				t.Errorf("%s still carries %q after the window", p, n)
			}
		}
		if strings.Contains(r.body, `content="noindex"`) {
			t.Errorf("%s is still noindex after the window", p)
		}
	}
	page := e.get(item).body
	mustContain(t, "page after the window", page, "Thời gian niêm yết đã kết thúc lúc 24 giờ ngày "+last.Format("02/01/2006"),
		"Số hộ theo thôn và phân loại", "Thôn Bắc")
	mustContain(t, "history after the window", e.get(item+"/lich-su").body, "Một hộ ở Thôn Nam (Hộ nghèo)", "Một hộ ở Thôn Bắc (Hộ cận nghèo)")

	// The privacy scan flags a name on a page fetched after the window, or
	// in a feed at any time: it is a check that can fail.
	leaks := scanPrivacy(e, []visitorPage{
		{item, "<td>Quách Thị Niêm Yết</td>", lastMinute.Add(time.Minute)},
		{"/feed.atom", "Quách Thị Niêm Yết", lastMinute},
		{item, "<td>Quách Thị Niêm Yết</td>", lastMinute}, // inside: fine
	})
	if len(leaks) != 2 {
		t.Errorf("the scan found %d leaks, want 2: %v", len(leaks), leaks)
	}
}

// TestHouseholdListWithoutEndShowsNoNames: a list posted with no last day
// never shows names, and says so.
func TestHouseholdListWithoutEndShowsNoNames(t *testing.T) {
	e := newEnv(t)
	id := householdList(e, true, civilDay(-1), time.Time{}, households.Row{Head: "Khúc Văn Vô Hạn", Village: "Thôn Đông", Class: households.Poor})
	r := e.get("/cong-khai/" + itoa(id))
	if strings.Contains(r.body, "Khúc Văn Vô Hạn") {
		t.Error("names shown without an end to the window")
	}
	mustContain(t, "list without an end", r.body, "không có ngày kết thúc niêm yết")
	// The officer's preview shows them, to check the list.
	e.login("canbo")
	mustContain(t, "preview", e.get("/can-bo/cong-khai/"+itoa(id)+"/xem-truoc").body, "Khúc Văn Vô Hạn")
	mustContain(t, "officer's page", e.get("/can-bo/cong-khai/"+itoa(id)+"/ho-ngheo").body, "Chưa có ngày kết thúc niêm yết")
}
