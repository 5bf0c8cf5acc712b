package portal_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"minhbach/portal"
	"minhbach/seeds"
	"minhbach/store"
)

const holidaysPage = "/can-bo/ngay-nghi"

// yearSection is the part of the holidays page about one year.
func yearSection(t *testing.T, body string, year int) string {
	t.Helper()
	start := strings.Index(body, `<section id="nam-`+strconv.Itoa(year)+`">`)
	if start < 0 {
		t.Fatalf("no section for %d", year)
	}
	end := strings.Index(body[start:], "</section>")
	return body[start : start+end]
}

var workdaysRe = regexp.MustCompile(`Số ngày làm việc trong năm: (\d+)\.`)

// workdaysIn reads the page's count of a year's working days, which the
// portal computes with the calendar in use.
func workdaysIn(t *testing.T, e *env, year int) int {
	t.Helper()
	m := workdaysRe.FindStringSubmatch(yearSection(t, e.get(holidaysPage).body, year))
	if m == nil {
		t.Fatalf("no working-day count for %d", year)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestHolidaysPageListsTheTable(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	r := e.get(holidaysPage)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s: %d", holidaysPage, r.status)
	}
	mustContain(t, "admin menu", r.body, `href="/can-bo/ngay-nghi">Ngày nghỉ</a>`)
	y26 := yearSection(t, r.body, 2026)
	mustContain(t, "2026", y26, "Thứ Hai 16/02/2026", "Tết Âm lịch", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Chủ nhật 26/04/2026",
		"Nghỉ bù Giỗ Tổ Hùng Vương", "Bộ luật Lao động số 45/2019/QH14", "Lịch nghỉ đã công bố")
	y27 := yearSection(t, r.body, 2027)
	mustContain(t, "2027", y27, "Lịch nghỉ chưa công bố", "Dự kiến (chưa công bố)", "Xác nhận lịch năm 2027")
	for y := 2023; y <= 2030; y++ {
		yearSection(t, r.body, y)
	}
	// 2023 has nothing provisional: nothing to confirm.
	if strings.Contains(yearSection(t, r.body, 2023), "Xác nhận lịch năm") {
		t.Error("2023 is announced and complete but offers a confirmation")
	}
}

func TestHolidaysPageIsForAdministrators(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	if r := e.get(holidaysPage); r.status != http.StatusForbidden {
		t.Errorf("officer GET %s: %d, want 403", holidaysPage, r.status)
	}
	if strings.Contains(e.get("/can-bo").body, `href="/can-bo/ngay-nghi"`) {
		t.Error("the officer's menu links to the holidays page")
	}
	tok := e.csrf("/can-bo/mat-khau")
	for _, path := range []string{holidaysPage, holidaysPage + "/xoa", holidaysPage + "/xac-nhan"} {
		r := e.post(path, url.Values{"_csrf": {tok}, "date": {"2026-04-30"}, "year": {"2027"}, "kind": {"fixed"}, "name": {"x"}, "source": {"x"}})
		if r.status != http.StatusForbidden {
			t.Errorf("officer POST %s: %d, want 403", path, r.status)
		}
	}
	tab, err := e.st.HolidayTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tab.Years[4].Announced {
		t.Errorf("an officer confirmed 2027: %+v", tab.Years[4])
	}
	for _, h := range tab.Holidays {
		if h.Date.Equal(time.Date(2026, time.April, 30, 0, 0, 0, 0, time.UTC)) && (h.Name != "Ngày Chiến thắng" || h.Source == "x") {
			t.Errorf("an officer changed 30/4/2026: %+v", h)
		}
	}
}

func TestHolidaysSwappedSaturdayCountsAsWorkday(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	before := workdaysIn(t, e, 2026)
	tok := e.csrf(holidaysPage)

	// Without the CSRF token nothing happens.
	if r := e.post(holidaysPage, url.Values{"date": {"09/05/2026"}, "kind": {"workday"}, "name": {"Làm bù"}, "source": {"CV"}}); r.status != http.StatusForbidden {
		t.Errorf("POST without CSRF: %d, want 403", r.status)
	}

	r := e.post(holidaysPage, url.Values{"_csrf": {tok}, "date": {"09/05/2026"}, "kind": {"workday"},
		"name": {"Làm bù ngày 04/05/2026"}, "source": {"Công văn số 1/VPCP-KGVX (thử)"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("add a working Saturday: %d\n%s", r.status, r.body)
	}
	page := e.get(holidaysPage).body
	mustContain(t, "page after adding", yearSection(t, page, 2026), "Thứ Bảy 09/05/2026", "Làm bù ngày 04/05/2026",
		"Ngày làm bù (thứ Bảy hoặc Chủ nhật đi làm)", "Công văn số 1/VPCP-KGVX (thử)")
	if got := workdaysIn(t, e, 2026); got != before+1 {
		t.Errorf("working days in 2026 after a working Saturday: %d, want %d", got, before+1)
	}
	// The weekday given in exchange.
	r = e.post(holidaysPage, url.Values{"_csrf": {tok}, "date": {"2026-05-04"}, "kind": {"swap"}, "name": {"Nghỉ hoán đổi"}, "source": {"Công văn số 1/VPCP-KGVX (thử)"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("add the swapped Monday: %d\n%s", r.status, r.body)
	}
	if got := workdaysIn(t, e, 2026); got != before {
		t.Errorf("working days in 2026 after the swap: %d, want %d", got, before)
	}
	// The Saturday cannot also be a day off.
	r = e.post(holidaysPage, url.Values{"_csrf": {tok}, "date": {"09/05/2026"}, "kind": {"fixed"}, "name": {"Nghỉ"}, "source": {"x"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "đã có trong bảng là ngày làm bù") {
		t.Errorf("a day off on the working Saturday: %d", r.status)
	}

	// Deleting it takes it back.
	r = e.post(holidaysPage+"/xoa", url.Values{"_csrf": {tok}, "date": {"2026-05-09"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.status)
	}
	if got := workdaysIn(t, e, 2026); got != before-1 {
		t.Errorf("working days in 2026 after deleting the Saturday: %d, want %d", got, before-1)
	}
	if strings.Contains(e.get(holidaysPage).body, "Làm bù ngày 04/05/2026") {
		t.Error("the deleted Saturday is still listed")
	}

	audit := e.get("/can-bo/nhat-ky").body
	mustContain(t, "audit log", audit, "Tạo bảng ngày nghỉ theo Bộ luật Lao động", "Lưu ngày nghỉ, ngày làm bù",
		"Xóa ngày nghỉ, ngày làm bù", "2026-05-09 Làm bù ngày 04/05/2026")
}

func TestHolidayFormErrors(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	tok := e.csrf(holidaysPage)
	tests := []struct {
		date, kind, name, source string
		field, message           string
	}{
		{"31/02/2026", "fixed", "Lễ", "CV", "date", "Ngày “31/02/2026” không hợp lệ"},
		{"", "fixed", "Lễ", "CV", "date", "Vui lòng nhập ngày."},
		{"01/01/2031", "fixed", "Lễ", "CV", "date", "chỉ gồm các năm"},
		{"06/05/2026", "workday", "Làm bù", "CV", "date", "phải là thứ Bảy hoặc Chủ nhật"},
		{"06/05/2026", "holiday", "Lễ", "CV", "kind", "Vui lòng chọn loại ngày."},
		{"06/05/2026", "fixed", "", "CV", "name", "Vui lòng nhập tên ngày."},
		{"06/05/2026", "fixed", "<b>Lễ</b>", "CV", "name", "mã HTML"},
		{"06/05/2026", "fixed", "Lễ", "", "source", "Vui lòng nhập căn cứ"},
	}
	for _, tt := range tests {
		r := e.post(holidaysPage, url.Values{"_csrf": {tok}, "date": {tt.date}, "kind": {tt.kind}, "name": {tt.name}, "source": {tt.source}})
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%+v: status %d, want 422", tt, r.status)
			continue
		}
		mustContain(t, tt.message, r.body, `id="`+tt.field+`-error"`, tt.message)
		if !regexp.MustCompile(`<input id="date" name="date"[^>]* value="` + regexp.QuoteMeta(tt.date) + `"`).MatchString(r.body) {
			t.Errorf("%+v: the date field lost its value", tt)
		}
	}
	tab, err := e.st.HolidayTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range tab.Holidays {
		if h.Date.Equal(time.Date(2026, time.May, 6, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("a refused form saved %+v", h)
		}
	}
}

func TestConfirmHolidayYear(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	tok := e.csrf(holidaysPage)
	r := e.post(holidaysPage+"/xac-nhan", url.Values{"_csrf": {tok}, "year": {"2027"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("confirm 2027: %d\n%s", r.status, r.body)
	}
	y27 := yearSection(t, e.get(holidaysPage).body, 2027)
	mustContain(t, "2027 confirmed", y27, "Lịch nghỉ đã công bố; Trần Văn Hải xác nhận ngày ", "Tết Âm lịch")
	for _, bad := range []string{"Dự kiến (chưa công bố)", "Xác nhận lịch năm 2027", "chưa công bố:"} {
		if strings.Contains(y27, bad) {
			t.Errorf("2027 after confirming still shows %q", bad)
		}
	}
	// Other years keep their provisional days.
	mustContain(t, "2028", yearSection(t, e.get(holidaysPage).body, 2028), "Dự kiến (chưa công bố)")
	if r := e.post(holidaysPage+"/xac-nhan", url.Values{"_csrf": {tok}, "year": {"2040"}}); r.status != http.StatusBadRequest {
		t.Errorf("confirm 2040: %d, want 400", r.status)
	}
	mustContain(t, "audit log", e.get("/can-bo/nhat-ky").body, "Xác nhận lịch nghỉ của năm", "Năm 2027")
}

// TestHolidaysFilledOnUpgrade: a database made by a release before the
// holidays table gets the table when the portal starts, and an
// administrator's change survives the next start.
func TestHolidaysFilledOnUpgrade(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.MigrateTo(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: demoPassword}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	start := func() {
		t.Helper()
		if _, err := portal.New(portal.Config{Store: st, Log: quiet, AccessLog: io.Discard}); err != nil {
			t.Fatal(err)
		}
	}
	start()
	tab, err := st.HolidayTable(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Years) != 8 || tab.Years[0].Year != 2023 || tab.Years[7].Year != 2030 || len(tab.Holidays) < 8*8 {
		t.Fatalf("after the upgrade: %d years, %d holidays", len(tab.Years), len(tab.Holidays))
	}
	tet := time.Date(2026, time.February, 16, 0, 0, 0, 0, time.UTC)
	if err := st.SaveHoliday(ctx, store.Holiday{Date: tet, Name: "Tết Bính Ngọ", Kind: store.HolidayLunar, Source: "sửa"}, 0); err != nil {
		t.Fatal(err)
	}
	start()
	again, err := st.HolidayTable(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Holidays) != len(tab.Holidays) {
		t.Errorf("restart changed the table: %d holidays, was %d", len(again.Holidays), len(tab.Holidays))
	}
	for _, h := range again.Holidays {
		if h.Date.Equal(tet) && h.Name != "Tết Bính Ngọ" {
			t.Errorf("restart overwrote the administrator's change: %+v", h)
		}
	}
}
