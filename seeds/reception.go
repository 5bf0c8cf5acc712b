package seeds

import (
	"context"
	"fmt"
	"time"

	"minhbach/portal/contacts"
	"minhbach/portal/reception"
	"minhbach/store"
)

// The demo's reception schedule and directory are dated from the day the
// demo is loaded, so that "this week and the next four" always shows the
// chairman's Thursdays, a cancellation, a session moved to a village and an
// extra one. Names are fictional; numbers use the unassigned 0200 prefix.

const (
	demoChairman     = "Đỗ Minh Khang"
	demoViceChairman = "Vũ Thị Lan"
	demoPlace        = "Phòng tiếp công dân, trụ sở UBND xã"
)

// vnToday is the civil date in Vietnam at t.
func vnToday(t time.Time) time.Time {
	y, m, d := t.In(time.FixedZone("ICT", 7*3600)).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// demoSchedule is the schedule as first published (changes false) and
// after the update that adds this month's changes.
func demoSchedule(today time.Time, changes bool) reception.Schedule {
	s := reception.Schedule{Slots: []reception.Slot{
		{Key: "chu-tich-thu-nam", Weekday: 4, Start: "07:30", End: "11:00", Officer: demoChairman,
			Title: "Chủ tịch UBND xã", Phone: "0200 000 001", Place: demoPlace, Chairman: true},
		{Key: "pho-chu-tich-thu-ba", Weekday: 2, Start: "14:00", End: "17:00", Officer: demoViceChairman,
			Title: "Phó Chủ tịch UBND xã", Phone: "0200 000 002", Place: demoPlace},
	}}
	if !changes {
		return s
	}
	week := reception.WeekStart(today)
	thursday := func(w int) time.Time { return week.AddDate(0, 0, 7*w+3) }
	tuesday := func(w int) time.Time { return week.AddDate(0, 0, 7*w+1) }
	d := func(t time.Time) string { return t.Format(time.DateOnly) }
	s.Changes = []reception.Change{
		{Key: "huy-hoi-nghi-tinh", Kind: reception.Cancelled, SlotKey: "chu-tich-thu-nam", Date: d(thursday(1)),
			Reason: "Chủ tịch UBND xã dự hội nghị trực tuyến của tỉnh"},
		{Key: "bu-thu-sau", Kind: reception.Extra, SlotKey: "chu-tich-thu-nam", Date: d(thursday(1).AddDate(0, 0, 1)),
			Start: "08:00", End: "11:00", Reason: "Bù buổi tiếp ngày " + thursday(1).Format("02/01")},
		{Key: "luu-dong-thon-doai", Kind: reception.Moved, SlotKey: "pho-chu-tich-thu-ba", Date: d(tuesday(2)),
			NewDate: d(tuesday(2).AddDate(0, 0, 1)), Start: "14:00", End: "16:30", Place: "Nhà văn hóa Thôn Đoài",
			Reason: "Tiếp công dân lưu động tại Thôn Đoài"},
		{Key: "huy-cong-tac", Kind: reception.Cancelled, SlotKey: "chu-tich-thu-nam", Date: d(thursday(3)),
			Reason: "Chủ tịch UBND xã đi công tác; Phó Chủ tịch tiếp thay theo lịch thứ Ba"},
	}
	return s
}

// demoPeople is the directory: some agreed to publish their number, some
// did not (the page then shows the office's).
func demoPeople(villages map[string]int64, consentOn time.Time) []contacts.Person {
	yes := func(how string) contacts.Consent {
		return contacts.Consent{Given: true, On: consentOn.Format(time.DateOnly), How: how}
	}
	village := func(p contacts.Person, name string) contacts.Person {
		p.VillageID, p.Village = villages[name], name
		return p
	}
	return []contacts.Person{
		{Key: "chu-tich-ubnd", Name: demoChairman, Role: "lanh-dao", Title: "Chủ tịch UBND xã",
			Area: "Phụ trách chung; tiếp công dân sáng thứ Năm", Phone: "0200 000 001", Email: "chutich.trungtrac@example.org", Consent: yes("van-ban")},
		{Key: "pho-chu-tich-ubnd", Name: demoViceChairman, Role: "lanh-dao", Title: "Phó Chủ tịch UBND xã",
			Area: "Văn hóa - xã hội, đất đai", Phone: "0200 000 002", Consent: yes("van-ban")},
		{Key: "cong-chuc-tu-phap", Name: "Nguyễn Thị Thu Hà", Role: "can-bo-phu-trach", Title: "Công chức Tư pháp - Hộ tịch",
			Area: "Hộ tịch, chứng thực, hòa giải", Phone: "0200 000 011", Email: "tuphap.trungtrac@example.org", Consent: yes("truc-tiep")},
		{Key: "cong-chuc-dia-chinh", Name: "Lê Quang Vinh", Role: "can-bo-phu-trach", Title: "Công chức Địa chính - Xây dựng",
			Area: "Đất đai, xây dựng, môi trường", Phone: "0200 000 012"},
		{Key: "cong-chuc-van-phong", Name: "Trần Văn Hải", Role: "can-bo-phu-trach", Title: "Công chức Văn phòng - Thống kê",
			Area: "Tiếp nhận hồ sơ, một cửa", Phone: "0200 000 013", Consent: yes("thu-dien-tu")},
		village(contacts.Person{Key: "truong-thon-dong", Name: "Phạm Văn Dũng", Role: "truong-thon", Title: "Trưởng Thôn Đông",
			Phone: "0200 000 021", Consent: yes("van-ban")}, "Thôn Đông"),
		village(contacts.Person{Key: "truong-thon-doai", Name: "Hoàng Thị Mai", Role: "truong-thon", Title: "Trưởng Thôn Đoài",
			Phone: "0200 000 022"}, "Thôn Đoài"),
		village(contacts.Person{Key: "truong-thon-nam", Name: "Tạ Quang Phúc", Role: "truong-thon", Title: "Trưởng Thôn Nam",
			Phone: "0200 000 023", Consent: yes("truc-tiep")}, "Thôn Nam"),
		village(contacts.Person{Key: "truong-thon-bac", Name: "Ngô Thị Hằng", Role: "truong-thon", Title: "Trưởng Thôn Bắc",
			Phone: "0200 000 024", Consent: yes("van-ban")}, "Thôn Bắc"),
		village(contacts.Person{Key: "dai-bieu-dong", Name: "Đặng Văn Lực", Role: "dai-bieu-hdnd", Title: "Đại biểu HĐND xã, tổ bầu cử số 1",
			Phone: "0200 000 031", Email: "daibieu.luc@example.org", Consent: yes("van-ban")}, "Thôn Đông"),
		village(contacts.Person{Key: "dai-bieu-nam", Name: "Trịnh Thị Yến", Role: "dai-bieu-hdnd", Title: "Đại biểu HĐND xã, tổ bầu cử số 3",
			Phone: "0200 000 032"}, "Thôn Nam"),
		{Key: "chu-tich-mttq", Name: "Lý Văn Sơn", Role: "mat-tran-doan-the", Title: "Chủ tịch Ủy ban MTTQ Việt Nam xã",
			Phone: "0200 000 041", Consent: yes("van-ban")},
	}
}

// loadReception publishes the demo schedule (then an update with this
// month's changes) and the directory.
func loadReception(ctx context.Context, st *store.Store, setNow func(time.Time), units map[string]int64, admin int64, res *Result) error {
	if v, err := st.Version(ctx); err != nil || v < store.StructuredSchema {
		return err // an older schema, in an upgrade test: no structured items yet
	}
	now := time.Now()
	today := vnToday(now)
	vs, err := st.Villages(ctx)
	if err != nil {
		return err
	}
	villages := map[string]int64{}
	for _, v := range vs {
		villages[v.Name] = v.ID
	}

	first := demoSchedule(today, false)
	year := today.Year()
	sched := store.DisclosureInput{
		Category: "tiep-cong-dan", Kind: "lich-tiep-dan", Demo: true,
		Title:   fmt.Sprintf("Lịch tiếp công dân định kỳ của UBND xã năm %d", year),
		Summary: "Chủ tịch UBND xã tiếp công dân sáng thứ Năm, Phó Chủ tịch chiều thứ Ba hằng tuần; lịch được cập nhật khi có thay đổi.",
		Body: p("Lãnh đạo UBND xã tiếp công dân định kỳ theo lịch dưới đây, tại Phòng tiếp công dân, trụ sở UBND xã. " +
			"Ngoài lịch định kỳ, công chức thường trực tiếp công dân trong giờ hành chính các ngày làm việc."),
		LegalBasis: lawReception, UnitID: units[unitUBND],
		PostingFrom: time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC),
		DecidedOn:   today.AddDate(0, 0, -37),
		Rows:        first.Rows(),
	}
	if err := checkDemo(first); err != nil {
		return err
	}
	id, err := publishDemo(ctx, st, setNow, sched, now.AddDate(0, 0, -36), admin, res)
	if err != nil {
		return err
	}
	second := demoSchedule(today, true)
	if err := checkDemo(second); err != nil {
		return err
	}
	sched.Rows = second.Rows()
	setNow(now.AddDate(0, 0, -2))
	if err := st.UpdateDisclosure(ctx, id, sched, "Điều chỉnh lịch các tuần tới: hủy, bù và tiếp lưu động tại thôn", admin); err != nil {
		return fmt.Errorf("seeds: schedule update: %w", err)
	}
	res.Versions++
	res.Revised++

	people := demoPeople(villages, today.AddDate(0, 0, -40))
	for _, x := range people {
		if errs := x.Validate(today); len(errs) > 0 {
			return fmt.Errorf("seeds: person %s: %v", x.Key, errs)
		}
	}
	dir := store.DisclosureInput{
		Category: "danh-ba", Kind: "danh-ba", Demo: true,
		Title:   "Danh bạ liên hệ của xã: lãnh đạo, công chức, trưởng thôn, đại biểu HĐND",
		Summary: "Người phụ trách từng lĩnh vực và từng thôn; số điện thoại, thư điện tử chỉ công khai khi người đó đồng ý.",
		Body: p("Danh bạ để người dân biết liên hệ với ai về việc gì. Số điện thoại, địa chỉ thư điện tử cá nhân chỉ được công khai khi " +
			"người đó đồng ý bằng văn bản hoặc trực tiếp; nếu chưa đồng ý, vui lòng gọi số của Văn phòng UBND xã."),
		LegalBasis: "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
		UnitID:     units[unitVanPhong], PostingFrom: today.AddDate(0, 0, -30), DecidedOn: today.AddDate(0, 0, -31),
		Rows: contacts.Rows(people),
	}
	_, err = publishDemo(ctx, st, setNow, dir, now.AddDate(0, 0, -30), admin, res)
	return err
}

func checkDemo(s reception.Schedule) error {
	if err := s.Check(); err != nil {
		return fmt.Errorf("seeds: demo schedule: %w", err)
	}
	return nil
}

// publishDemo creates an item an hour before at and publishes it at at.
func publishDemo(ctx context.Context, st *store.Store, setNow func(time.Time), in store.DisclosureInput, at time.Time, admin int64, res *Result) (int64, error) {
	setNow(at.Add(-time.Hour))
	id, err := st.CreateDisclosure(ctx, in, admin)
	if err != nil {
		return 0, fmt.Errorf("seeds: %q: %w", in.Title, err)
	}
	setNow(at)
	if err := st.PublishDisclosure(ctx, id, admin); err != nil {
		return 0, fmt.Errorf("seeds: %q: %w", in.Title, err)
	}
	res.Disclosures++
	res.Published++
	res.Versions++
	return id, nil
}
