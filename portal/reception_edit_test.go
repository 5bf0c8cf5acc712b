package portal_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"minhbach/portal/reception"
	"minhbach/store"
)

// TestScheduleOfficerPage: officers add a slot and a cancellation to the
// published schedule; invalid input comes back in Vietnamese beside the
// fields with what was typed; each save is a new public version with its
// reason, and the public page and calendar follow.
func TestScheduleOfficerPage(t *testing.T) {
	e := newEnv(t)
	id := scheduleID(t, e)
	e.login("canbo")
	page := "/can-bo/cong-khai/" + itoa(id) + "/lich"
	r := e.get(page)
	if r.status != http.StatusOK {
		t.Fatalf("page: %d", r.status)
	}
	mustContain(t, "page", r.body, "Buổi tiếp định kỳ hằng tuần", "Đỗ Minh Khang", "Ghi thay đổi", "Lý do thay đổi")
	// The demo leaves one of the next weeks without the chairman.
	mustContain(t, "warning", r.body, "Chưa đủ lịch tiếp của Chủ tịch UBND xã")
	tok := e.csrf(page)

	bad := url.Values{"_csrf": {tok}, "s-weekday": {"3"}, "s-start": {"14:00"}, "s-end": {"13:00"},
		"s-officer": {"Lương Thị Hoa"}, "s-title": {""}, "s-phone": {"gọi văn phòng"}, "s-place": {"Phòng họp"}}
	r = e.post(page+"/buoi", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad slot: %d", r.status)
	}
	mustContain(t, "bad slot", r.body, "Giờ kết thúc phải sau giờ bắt đầu.", "Vui lòng nhập chức vụ.", "không hợp lệ",
		"Vui lòng nhập lý do thay đổi", `id="s-end-error"`, `value="Lương Thị Hoa"`)

	before := versions(t, e, id)
	good := url.Values{"_csrf": {tok}, "s-weekday": {"3"}, "s-start": {"8h"}, "s-end": {"11:00"},
		"s-officer": {"Lương Thị Hoa"}, "s-title": {"Phó Chủ tịch UBND xã"}, "s-phone": {"0200 000 003"},
		"s-place": {"Phòng tiếp công dân"}, "ly-do": {"Bổ sung buổi tiếp sáng thứ Tư"}}
	good.Set("s-start", "08:00")
	if r = e.post(page+"/buoi", good); r.status != http.StatusSeeOther {
		t.Fatalf("good slot: %d\n%s", r.status, r.body)
	}
	if got := versions(t, e, id); got != before+1 {
		t.Errorf("%d versions after a save, want %d", got, before+1)
	}
	mustContain(t, "history", e.get("/cong-khai/"+itoa(id)+"/lich-su").body, "Bổ sung buổi tiếp sáng thứ Tư", "Lương Thị Hoa")
	mustContain(t, "public page", e.get("/lich-tiep-dan").body, "Lương Thị Hoa, Phó Chủ tịch UBND xã")

	// Cancel next week's Wednesday session.
	wed := reception.WeekStart(vnDay(time.Now())).AddDate(0, 0, 9)
	cancel := url.Values{"_csrf": {tok}, "c-kind": {"cancelled"}, "c-slot": {slotKey(t, e, id, "Lương Thị Hoa")},
		"c-date": {wed.AddDate(0, 0, 1).Format("2006-01-02")}, "c-reason": {"Đi tập huấn"}, "ly-do": {"Hủy buổi"}}
	r = e.post(page+"/thay-doi", cancel)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "không phải ngày của buổi đã chọn") {
		t.Fatalf("cancel on the wrong weekday: %d", r.status)
	}
	cancel.Set("c-date", wed.Format("02/01/2006"))
	if r = e.post(page+"/thay-doi", cancel); r.status != http.StatusSeeOther {
		t.Fatalf("cancel: %d\n%s", r.status, r.body)
	}
	mustContain(t, "public page", e.get("/lich-tiep-dan").body, "Hủy: Đi tập huấn")
	ics := e.get("/lich-tiep-dan.ics").body
	uid := slotKey(t, e, id, "Lương Thị Hoa") + "-" + wed.Format("2006-01-02") + "@"
	i := strings.Index(ics, uid)
	if i < 0 || !strings.Contains(ics[i:i+2000], "STATUS:CANCELLED") {
		t.Errorf("the calendar does not cancel %s", uid)
	}
	// A slot with changes cannot be deleted.
	r = e.post(page+"/buoi/xoa", url.Values{"_csrf": {tok}, "key": {slotKey(t, e, id, "Lương Thị Hoa")}, "ly-do": {"Bỏ"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "xóa các thay đổi đó trước") {
		t.Errorf("delete a slot with changes: %d", r.status)
	}
	if r := e.get("/can-bo/cong-khai/" + itoa(id+1000) + "/lich"); r.status != http.StatusNotFound {
		t.Errorf("missing item: %d", r.status)
	}
}

func versions(t *testing.T, e *env, id int64) int {
	t.Helper()
	vs, err := e.st.Versions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return len(vs)
}

// slotKey finds the key of the slot of an officer in the working copy.
func slotKey(t *testing.T, e *env, id int64, officer string) string {
	t.Helper()
	rows, err := e.st.Rows(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	s, err := reception.Decode(rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, sl := range s.Slots {
		if sl.Officer == officer {
			return sl.Key
		}
	}
	t.Fatalf("no slot of %s", officer)
	return ""
}

// TestScheduleDraft: a new schedule is a draft; slots are added without a
// reason, the officers' preview shows them, residents do not see them.
func TestScheduleDraft(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id, err := e.st.CreateDisclosure(ctx, store.DisclosureInput{Category: "tiep-cong-dan", Kind: "lich-tiep-dan",
		Title: "Lịch tiếp công dân năm sau", Body: "<p>Dự kiến.</p>", PostingFrom: vnDay(time.Now())}, 1)
	if err != nil {
		t.Fatal(err)
	}
	e.login("canbo")
	page := "/can-bo/cong-khai/" + itoa(id) + "/lich"
	body := e.get(page).body
	mustContain(t, "draft page", body, "Bản nháp", "Chưa có buổi tiếp định kỳ nào.")
	if strings.Contains(body, `name="ly-do"`) {
		t.Error("a draft asks for a reason")
	}
	r := e.post(page+"/buoi", url.Values{"_csrf": {e.csrf(page)}, "s-weekday": {"5"}, "s-start": {"7:30"}, "s-end": {"10h30"},
		"s-officer": {"Quách Văn Định"}, "s-title": {"Chủ tịch UBND xã"}, "s-chairman": {"1"}, "s-phone": {"0200 000 005"}, "s-place": {"Hội trường"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("slot on a draft: %d\n%s", r.status, r.body)
	}
	mustContain(t, "preview", e.get("/can-bo/cong-khai/"+itoa(id)+"/xem-truoc").body, "Quách Văn Định", "07:30–10:30", "Chủ tịch tiếp")
	if vs := versions(t, e, id); vs != 0 {
		t.Errorf("a draft edit made %d versions", vs)
	}
	if strings.Contains(newEnvSameStore(e).get("/lich-tiep-dan").body, "Quách Văn Định") {
		t.Error("a draft schedule is public")
	}
	// The generic form links to the schedule page.
	mustContain(t, "edit form", e.get("/can-bo/cong-khai/"+itoa(id)).body, `href="`+page+`"`)
}
