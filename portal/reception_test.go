package portal_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"minhbach/portal/reception"
	"minhbach/store"
)

var ict = time.FixedZone("ICT", 7*3600)

func vnDay(t time.Time) time.Time {
	y, m, d := t.In(ict).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// TestReceptionPage: the demo schedule shows this week and the next four,
// the chairman's sessions with name, title, office phone and place, the
// cancellation struck through with its reason, the moved and extra
// sessions, and the links to the calendar feed.
func TestReceptionPage(t *testing.T) {
	e := newEnv(t)
	r := e.get("/lich-tiep-dan")
	if r.status != http.StatusOK {
		t.Fatalf("status %d\n%s", r.status, e.logs.String())
	}
	week := reception.WeekStart(vnDay(time.Now()))
	thu1 := week.AddDate(0, 0, 10).Format("02/01/2006")
	mustContain(t, "page", r.body,
		"Tuần này", "Tuần sau", "Tuần từ "+week.AddDate(0, 0, 28).Format("02/01/2006"),
		"Đỗ Minh Khang, Chủ tịch UBND xã", `href="tel:0200000001"`, "Phòng tiếp công dân, trụ sở UBND xã",
		"<del>Thứ Năm, "+thu1+"</del>", "Hủy: Chủ tịch UBND xã dự hội nghị trực tuyến của tỉnh",
		"Buổi tiếp bổ sung: Bù buổi tiếp ngày", "Nhà văn hóa Thôn Đoài", "Dời sang Thứ Tư",
		`href="webcal://`, `/lich-tiep-dan.ics"`)
	if n := strings.Count(r.body, `class="reception-week"`); n != 5 {
		t.Errorf("%d weeks shown, want 5", n)
	}
}

// TestReceptionICS: the feed is served as text/calendar, parses strictly,
// keeps UIDs across requests, marks the cancellation CANCELLED, and
// answers a conditional request with 304.
func TestReceptionICS(t *testing.T) {
	e := newEnv(t)
	r := e.get("/lich-tiep-dan.ics")
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("status %d, type %q", r.status, r.header.Get("Content-Type"))
	}
	cal, err := goical.NewDecoder(strings.NewReader(r.body)).Decode()
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if err := goical.NewEncoder(io.Discard).Encode(cal); err != nil {
		t.Fatalf("component checks: %v", err)
	}
	for _, l := range strings.Split(strings.TrimSuffix(r.body, "\r\n"), "\r\n") {
		if len(l) > 75 || strings.Contains(l, "\n") {
			t.Fatalf("bad line %q", l)
		}
	}
	week := reception.WeekStart(vnDay(time.Now()))
	thu1 := week.AddDate(0, 0, 10)
	wantUID := "chu-tich-thu-nam-" + thu1.Format(time.DateOnly) + "@localhost"
	var found bool
	for _, ev := range cal.Events() {
		uid, _ := ev.Props.Text(goical.PropUID)
		if uid != wantUID {
			continue
		}
		found = true
		if st, _ := ev.Status(); st != goical.EventCancelled {
			t.Errorf("cancelled session has status %q", st)
		}
		start, _ := ev.DateTimeStart(nil)
		if !start.Equal(time.Date(thu1.Year(), thu1.Month(), thu1.Day(), 7, 30, 0, 0, ict)) {
			t.Errorf("start %v", start)
		}
	}
	if !found {
		t.Errorf("no event %s in\n%s", wantUID, r.body)
	}
	again := e.get("/lich-tiep-dan.ics")
	if again.body != r.body {
		t.Error("a second request renders a different calendar")
	}
	etag := r.header.Get("ETag")
	req, _ := http.NewRequest(http.MethodGet, e.url+"/lich-tiep-dan.ics", nil)
	req.Header.Set("If-None-Match", etag)
	if nm := e.do(req); nm.status != http.StatusNotModified || nm.body != "" {
		t.Errorf("If-None-Match: %d", nm.status)
	}
	req, _ = http.NewRequest(http.MethodGet, e.url+"/lich-tiep-dan.ics", nil)
	req.Header.Set("If-Modified-Since", r.header.Get("Last-Modified"))
	if nm := e.do(req); nm.status != http.StatusNotModified {
		t.Errorf("If-Modified-Since: %d", nm.status)
	}
	// Last-Modified is no earlier than the start of today in Vietnam: the
	// window moves at midnight.
	lm, err := http.ParseTime(r.header.Get("Last-Modified"))
	if err != nil || lm.Before(vnDay(time.Now()).Add(-7*time.Hour)) {
		t.Errorf("Last-Modified %v (%v)", lm, err)
	}
}

// scheduleID is the demo schedule's item.
func scheduleID(t *testing.T, e *env) int64 {
	t.Helper()
	items, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: "tiep-cong-dan", Kind: "lich-tiep-dan", Limit: 5})
	if err != nil || len(items) == 0 {
		t.Fatalf("no schedule: %v", err)
	}
	return items[0].ID
}

// TestReceptionItemPages: the item keeps one address with its slots and
// changes; version 1 has the slots only; the history names the changes
// the second version added.
func TestReceptionItemPages(t *testing.T) {
	e := newEnv(t)
	id := scheduleID(t, e)
	item := e.get("/cong-khai/" + itoa(id))
	mustContain(t, "item", item.body, "Lịch tiếp công dân định kỳ", "Thứ Năm", "Đỗ Minh Khang, Chủ tịch UBND xã",
		"Hủy buổi tiếp", "Dời buổi tiếp", "Buổi tiếp bổ sung", `href="/lich-tiep-dan"`)
	v1 := e.get("/cong-khai/" + itoa(id) + "/phien-ban/1").body
	mustContain(t, "version 1", v1, "Đỗ Minh Khang")
	if strings.Contains(v1, "Hủy buổi tiếp") {
		t.Error("version 1 shows changes made in version 2")
	}
	mustContain(t, "history", e.get("/cong-khai/"+itoa(id)+"/lich-su").body, "Hủy buổi tiếp", "Chủ tịch UBND xã dự hội nghị trực tuyến của tỉnh")
	mustContain(t, "category list links the overview", e.get("/cong-khai/tiep-cong-dan").body, `href="/lich-tiep-dan"`)
}

// TestNextReceptionAndChairmanWarning: the home page names the next
// session; the officers' home warns of the demo's week without the
// chairman, and stops once an extra session of his fills it.
func TestNextReceptionAndChairmanWarning(t *testing.T) {
	e := newEnv(t)
	mustContain(t, "home", e.get("/").body, "Lịch tiếp dân sắp tới", `href="/lich-tiep-dan"`, "tiếp công dân tại")
	e.login("admin")
	week3 := reception.WeekStart(vnDay(time.Now())).AddDate(0, 0, 21)
	home := e.get("/can-bo").body
	mustContain(t, "officer home", home, "Lịch tiếp công dân chưa có buổi của Chủ tịch UBND xã", "tuần từ "+week3.Format("02/01/2006"))

	id := scheduleID(t, e)
	page := "/can-bo/cong-khai/" + itoa(id) + "/lich"
	r := e.post(page+"/thay-doi", url.Values{"_csrf": {e.csrf(page)}, "c-kind": {"extra"}, "c-slot": {"chu-tich-thu-nam"},
		"c-date": {week3.AddDate(0, 0, 4).Format("2006-01-02")}, "c-reason": {"Bù buổi thứ Năm"}, "ly-do": {"Bổ sung buổi tiếp của Chủ tịch"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("extra session: %d\n%s", r.status, r.body)
	}
	// (Another week may lack him for a holiday on a Thursday, depending on
	// the day the test runs: only this week's line must go.)
	if strings.Contains(e.get("/can-bo").body, "tuần từ "+week3.Format("02/01/2006")) {
		t.Error("the warning stays after the chairman's extra session")
	}
}

// TestReceptionExport: the five weeks as CSV (BOM, CRLF) and JSON, with
// the cancellation's status.
func TestReceptionExport(t *testing.T) {
	e := newEnv(t)
	r := e.get("/lich-tiep-dan/xuat.csv")
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "\ufeffma,ngay,thu") || !strings.Contains(r.body, "\r\n") {
		t.Fatalf("CSV: %d %q", r.status, r.body[:min(len(r.body), 60)])
	}
	var sessions []struct{ Key, Status, Note string }
	if err := json.Unmarshal([]byte(e.get("/lich-tiep-dan/xuat.json").body), &sessions); err != nil {
		t.Fatal(err)
	}
	thu1 := reception.WeekStart(vnDay(time.Now())).AddDate(0, 0, 10)
	var found bool
	for _, s := range sessions {
		if s.Key == "chu-tich-thu-nam-"+thu1.Format(time.DateOnly) {
			found = s.Status == "huy" && strings.Contains(s.Note, "hội nghị")
		}
	}
	if !found || len(sessions) < 10 {
		t.Errorf("%d sessions; the cancellation of %s not found as cancelled", len(sessions), thu1.Format("02/01"))
	}
}
