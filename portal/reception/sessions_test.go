package reception

import (
	"slices"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var slots = []Slot{
	{Key: "chu-tich", Weekday: 4, Start: "07:30", End: "11:00", Officer: "Nguyễn Văn Ánh", Title: "Chủ tịch UBND xã", Phone: "0200 000 001", Place: "Phòng tiếp công dân", Chairman: true},
	{Key: "pho-chu-tich", Weekday: 2, Start: "13:30", End: "17:00", Officer: "Lê Thị Bình", Title: "Phó Chủ tịch UBND xã", Phone: "0200 000 002", Place: "Phòng tiếp công dân"},
}

// holidays2026 is what the table holds for the weeks tested: Tết Bính Ngọ
// (16–20/02/2026) and 30/4–1/5.
func holidays2026(d time.Time) (string, bool) {
	switch {
	case !d.Before(day(2026, 2, 16)) && !d.After(day(2026, 2, 20)):
		return "Tết Nguyên đán", true
	case d.Equal(day(2026, 4, 30)):
		return "Ngày Chiến thắng", true
	case d.Equal(day(2026, 5, 1)):
		return "Ngày Quốc tế Lao động", true
	}
	return "", false
}

func workday2026(d time.Time) bool {
	_, off := holidays2026(d)
	return IsoWeekday(d) <= 5 && !off
}

func tetSchedule() Schedule {
	return Schedule{Slots: slots, Changes: []Change{
		{Key: "huy-1", Kind: Cancelled, SlotKey: "chu-tich", Date: "2026-02-26", Reason: "Chủ tịch họp tại tỉnh"},
		{Key: "doi-1", Kind: Moved, SlotKey: "pho-chu-tich", Date: "2026-02-24", NewDate: "2026-02-25", Place: "Nhà văn hóa thôn Đông", Reason: "Tiếp dân lưu động tại thôn"},
		{Key: "them-1", Kind: Extra, SlotKey: "chu-tich", Date: "2026-02-27", Start: "08:00", End: "11:00", Reason: "Bù buổi 26/02"},
	}}
}

type brief struct {
	Key      string
	Date     time.Time
	Status   Status
	Reason   string
	Start    string
	Place    string
	Sequence int
}

func briefs(ss []Session) []brief {
	var out []brief
	for _, s := range ss {
		out = append(out, brief{s.Key, s.Date, s.Status, s.Reason, s.Start, s.Place, s.Sequence})
	}
	return out
}

// TestSessionsTetWeek: three weeks around Tết 2026, computed by hand.
func TestSessionsTetWeek(t *testing.T) {
	got := briefs(Sessions(tetSchedule(), day(2026, 2, 9), day(2026, 3, 1), holidays2026))
	office, thon := "Phòng tiếp công dân", "Nhà văn hóa thôn Đông"
	want := []brief{
		{"pho-chu-tich-2026-02-10", day(2026, 2, 10), Held, "", "13:30", office, 0},
		{"chu-tich-2026-02-12", day(2026, 2, 12), Held, "", "07:30", office, 0},
		{"pho-chu-tich-2026-02-17", day(2026, 2, 17), Holiday, "Tết Nguyên đán", "13:30", office, 0},
		{"chu-tich-2026-02-19", day(2026, 2, 19), Holiday, "Tết Nguyên đán", "07:30", office, 0},
		{"pho-chu-tich-2026-02-24-doi", day(2026, 2, 24), MovedAway, "Tiếp dân lưu động tại thôn", "13:30", office, 0},
		{"pho-chu-tich-2026-02-24", day(2026, 2, 25), Held, "Tiếp dân lưu động tại thôn", "13:30", thon, 1},
		{"chu-tich-2026-02-26", day(2026, 2, 26), Off, "Chủ tịch họp tại tỉnh", "07:30", office, 1},
		{"them-1", day(2026, 2, 27), Held, "Bù buổi 26/02", "08:00", office, 0},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sessions:\n got %+v\nwant %+v", got, want)
	}
}

// TestMovedAcrossTheRange: a session moved into the range from a day
// before it appears; one moved out of the range leaves only its pointer.
func TestMovedAcrossTheRange(t *testing.T) {
	s := Schedule{Slots: slots, Changes: []Change{
		{Key: "doi-1", Kind: Moved, SlotKey: "chu-tich", Date: "2026-12-03", NewDate: "2026-12-07", Reason: "Trùng lịch họp"},
	}}
	got := briefs(Sessions(s, day(2026, 12, 7), day(2026, 12, 13), nil))
	if len(got) != 3 || got[0].Key != "chu-tich-2026-12-03" || !got[0].Date.Equal(day(2026, 12, 7)) || got[0].Sequence != 1 {
		t.Errorf("moved in: %+v", got)
	}
	got = briefs(Sessions(s, day(2026, 11, 30), day(2026, 12, 6), nil))
	if len(got) != 2 || got[1].Status != MovedAway || got[1].Key != "chu-tich-2026-12-03-doi" {
		t.Errorf("moved out: %+v", got)
	}
}

// TestExtraOnHoliday: an extra session for a slot on a holiday replaces
// the holiday line.
func TestExtraOnHoliday(t *testing.T) {
	s := Schedule{Slots: slots, Changes: []Change{{Key: "le-30-4", Kind: Extra, SlotKey: "chu-tich", Date: "2026-04-30", Reason: "Tiếp dân trong ngày lễ theo kế hoạch"}}}
	got := Sessions(s, day(2026, 4, 30), day(2026, 4, 30), holidays2026)
	if len(got) != 1 || got[0].Key != "le-30-4" || got[0].Status != Held || !got[0].Chairman || got[0].Officer != "Nguyễn Văn Ánh" {
		t.Errorf("got %+v", got)
	}
}

func TestWeeksWithoutChairman(t *testing.T) {
	// Tết week (16/02) has no working day: not flagged; 23/02 is covered by
	// the extra session on Friday.
	if got := WeeksWithoutChairman(tetSchedule(), day(2026, 2, 11), 4, holidays2026, workday2026); len(got) != 0 {
		t.Errorf("with the extra session: %v", got)
	}
	s := tetSchedule()
	s.Changes = s.Changes[:2] // without the extra session
	got := WeeksWithoutChairman(s, day(2026, 2, 11), 4, holidays2026, workday2026)
	if !slices.Equal(got, []time.Time{day(2026, 2, 23)}) {
		t.Errorf("without the extra session: %v", got)
	}
	// 30/04/2026 is a Thursday and a holiday; Monday to Wednesday are
	// working days, so the week lacks the chairman.
	got = WeeksWithoutChairman(Schedule{Slots: slots}, day(2026, 5, 3), 2, holidays2026, workday2026)
	if !slices.Equal(got, []time.Time{day(2026, 4, 27)}) {
		t.Errorf("week of 30/04: %v", got)
	}
	// No chairman slot at all: every week.
	if got := WeeksWithoutChairman(Schedule{Slots: slots[1:]}, day(2026, 12, 1), 5, nil, nil); len(got) != 5 || !got[0].Equal(day(2026, 11, 30)) {
		t.Errorf("no chairman slot: %v", got)
	}
}

func TestRowsRoundTrip(t *testing.T) {
	s := tetSchedule()
	rows := s.Rows()
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	back, err := Decode(rows)
	if err != nil {
		t.Fatal(err)
	}
	if err := back.Check(); err != nil {
		t.Fatal(err)
	}
	// Slots come out by weekday: Tuesday first.
	if back.Slots[0].Key != "pho-chu-tich" || back.Slots[0].Type != TypeSlot || back.Changes[0].Type != TypeChange {
		t.Errorf("order or type: %+v", back)
	}
	if _, err := Decode(rows[:1:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := Decode(append(rows, []byte(`{"key":"x","type":"household"}`))); err == nil {
		t.Error("a row of another type was accepted")
	}
}

func TestCheck(t *testing.T) {
	for name, c := range map[string]Change{
		"unknown slot":  {Key: "c1", Kind: Cancelled, SlotKey: "khong-co", Date: "2026-12-03", Reason: "x"},
		"wrong weekday": {Key: "c1", Kind: Cancelled, SlotKey: "chu-tich", Date: "2026-12-04", Reason: "x"},
		"no reason":     {Key: "c1", Kind: Cancelled, SlotKey: "chu-tich", Date: "2026-12-03"},
		"bad key":       {Key: "C 1", Kind: Cancelled, SlotKey: "chu-tich", Date: "2026-12-03", Reason: "x"},
		"moved no date": {Key: "c1", Kind: Moved, SlotKey: "chu-tich", Date: "2026-12-03", Reason: "x"},
		"extra alone":   {Key: "c1", Kind: Extra, Date: "2026-12-05"},
	} {
		if err := (Schedule{Slots: slots, Changes: []Change{c}}).Check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	twice := Schedule{Slots: slots, Changes: []Change{
		{Key: "c1", Kind: Cancelled, SlotKey: "chu-tich", Date: "2026-12-03", Reason: "x"},
		{Key: "c2", Kind: Moved, SlotKey: "chu-tich", Date: "2026-12-03", NewDate: "2026-12-04", Reason: "y"},
	}}
	if twice.Check() == nil {
		t.Error("two changes to one session accepted")
	}
}

func TestSlotValidate(t *testing.T) {
	ok := slots[0]
	if errs := ok.Validate(); len(errs) != 0 {
		t.Fatalf("valid slot: %v", errs)
	}
	for field, mut := range map[string]func(*Slot){
		"weekday": func(s *Slot) { s.Weekday = 0 },
		"end":     func(s *Slot) { s.End = "07:00" },
		"start":   func(s *Slot) { s.Start = "25:00" },
		"phone":   func(s *Slot) { s.Phone = "gọi tôi" },
		"officer": func(s *Slot) { s.Officer = " " },
		"place":   func(s *Slot) { s.Place = "a\nb" },
	} {
		s := ok
		mut(&s)
		if errs := s.Validate(); errs[field] == "" {
			t.Errorf("%s: no error (%v)", field, errs)
		}
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{"7:30": "07:30", "07h30": "07:30", "13g05": "13:05", " 08:00 ": "08:00"} {
		if got, _, err := ParseClock(in); err != nil || got != want {
			t.Errorf("ParseClock(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "8", "24:00", "7:3", "ab:cd", "07:60"} {
		if _, _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) accepted", in)
		}
	}
}

func TestEvents(t *testing.T) {
	vn := time.FixedZone("ICT", 7*3600)
	stamp := time.Date(2026, 2, 1, 2, 0, 0, 0, time.UTC)
	evs := Events(Sessions(tetSchedule(), day(2026, 2, 16), day(2026, 3, 1), holidays2026), "xa.example", stamp, vn, "https://xa.example/lich-tiep-dan")
	// 17/02 and 19/02 holidays, 25/02 moved, 26/02 cancelled, 27/02 extra;
	// the pointer on 24/02 is not an event.
	if len(evs) != 5 {
		t.Fatalf("%d events: %+v", len(evs), evs)
	}
	if evs[2].UID != "pho-chu-tich-2026-02-24@xa.example" || evs[2].Cancelled || evs[2].Sequence != 1 ||
		!evs[2].Start.Equal(time.Date(2026, 2, 25, 6, 30, 0, 0, time.UTC)) {
		t.Errorf("moved: %+v", evs[2])
	}
	if !evs[0].Cancelled || !evs[3].Cancelled || evs[4].Cancelled {
		t.Errorf("statuses: %v %v %v", evs[0].Cancelled, evs[3].Cancelled, evs[4].Cancelled)
	}
}
