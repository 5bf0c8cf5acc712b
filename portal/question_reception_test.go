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

// TestQuestionFromReceptionSession: an item taken at this week's reception
// session is linked to it from the offline entry form; its officer page
// and, once public, its public page name the session's date, time and
// place, never the receiving officer.
func TestQuestionFromReceptionSession(t *testing.T) {
	e := newQuestionEnv(t)
	ctx := context.Background()
	id := scheduleID(t, e)
	// A session held today, so that the form offers it whatever the day.
	day := vnDay(time.Now())
	e.login("canbo")
	page := "/can-bo/cong-khai/" + itoa(id) + "/lich"
	r := e.post(page+"/thay-doi", url.Values{"_csrf": {e.csrf(page)}, "c-kind": {"extra"}, "c-date": {day.Format("2006-01-02")},
		"c-start": {"00:00"}, "c-end": {"23:59"}, "c-place": {"Nhà văn hóa Thôn Nam"}, "c-officer": {"Kiều Văn Tiếp"},
		"c-title": {"Công chức Văn phòng"}, "c-phone": {"0200 000 009"}, "ly-do": {"Buổi tiếp tại thôn"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("extra session: %d\n%s", r.status, r.body)
	}
	rows, _ := e.st.Rows(ctx, id)
	s, _ := reception.Decode(rows)
	var key string
	for _, ch := range s.Changes {
		if ch.Officer == "Kiều Văn Tiếp" {
			key = ch.Key
		}
	}
	value := itoa(id) + "/" + key
	form := e.get("/can-bo/hoi-dap/nhap").body
	mustContain(t, "entry form", form, `value="`+value+`"`, "Nhà văn hóa Thôn Nam")

	tok := e.csrf("/can-bo/hoi-dap/nhap")
	f := url.Values{"_csrf": {tok}, "channel": {store.ChannelPhone}, "received_on": {day.Format("02/01/2006")},
		"reception_session": {value}, "kind": {"feedback"}, "topic": {"moi-truong"}, "title": {"Mương thoát nước"},
		"body": {"Mương thôn Nam bị tắc."}}
	if r := e.post("/can-bo/hoi-dap/nhap", f); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Chỉ chọn buổi tiếp công dân khi") {
		t.Fatalf("session with the phone channel: %d", r.status)
	}
	f.Set("channel", store.ChannelReceptionDay)
	f.Set("reception_session", itoa(id)+"/khong-co")
	if r := e.post("/can-bo/hoi-dap/nhap", f); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("unknown session: %d", r.status)
	}
	f.Set("reception_session", value)
	f.Set("received_on", day.AddDate(0, 0, -1).Format("02/01/2006"))
	if r := e.post("/can-bo/hoi-dap/nhap", f); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "khác ngày của buổi tiếp công dân đã chọn") {
		t.Fatalf("a day other than the session's: %d", r.status)
	}
	f.Set("received_on", day.Format("02/01/2006"))
	if r := e.post("/can-bo/hoi-dap/nhap", f); r.status != http.StatusOK {
		t.Fatalf("record: %d\n%s", r.status, r.body)
	}
	qs, err := e.st.Questions(ctx, store.QuestionFilter{Limit: 5})
	if err != nil || len(qs) == 0 {
		t.Fatalf("questions: %v", err)
	}
	q := qs[0]
	label := "Nhà văn hóa Thôn Nam"
	mustContain(t, "officer page", e.get("/can-bo/hoi-dap/"+itoa(q.ID)).body, "Buổi tiếp công dân", label, day.Format("02/01/2006"))

	if err := e.st.Act(ctx, q.ID, store.Action{Kind: store.ActAccept, PublicTitle: "Mương thoát nước", PublicBody: "Mương bị tắc."},
		store.Actor{UserID: 2}); err != nil {
		t.Fatal(err)
	}
	pub := newEnvSameStore(e).get("/hoi-dap/" + itoa(q.ID)).body
	mustContain(t, "public page", pub, "Buổi tiếp công dân", label)
	if strings.Contains(pub, "Kiều Văn Tiếp") {
		t.Error("the public question names the receiving officer")
	}
}
