package workdays

import (
	"fmt"
	"slices"
	"time"

	"minhbach/portal/lunar"
)

// The Labour Code's public holidays (Bộ luật Lao động 2019, Art. 112(1)),
// with Culture Day added from 2026.
const (
	sourceFixed    = "Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1"
	sourceInLieu   = "Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 3: ngày lễ trùng ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm việc kế tiếp"
	sourceTetRule  = "Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm b (05 ngày, Thủ tướng quyết định cụ thể). Chưa có thông báo: tạm tính ngày cuối năm âm lịch và mùng 1–4 Tết"
	sourceNDRule   = "Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm đ (02/9 và 01 ngày liền kề trước hoặc sau). Chưa có thông báo: tạm tính ngày liền kề nối với ngày nghỉ cuối tuần"
	sourceCulture  = "Nghị quyết số 28/2026/QH16: ngày 24/11, Ngày Văn hóa Việt Nam, là ngày nghỉ lễ từ năm 2026 (độ tin cậy trung bình: chưa đối chiếu văn bản gốc)"
	cultureDayFrom = 2026
)

// Swapped is a weekday off worked back on a weekend day, as announced.
type Swapped struct {
	Off, Work time.Time
	Source    string
}

// Announcement is one year's schedule as the government announced it for
// civil servants. Zero fields were not announced and are computed by rule,
// as provisional entries.
type Announcement struct {
	Year      int
	Tet       []time.Time // the five official days of Tết
	TetInLieu []time.Time // where the announcement put the days off for Tết days on a weekend
	TetSource string
	// NationalDay is the day beside 2/9 (1/9 or 3/9).
	NationalDay       time.Time
	NationalDaySource string
	Swaps             []Swapped
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func days(from time.Time, n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = from.AddDate(0, 0, i)
	}
	return out
}

// Announcements are the schedules confirmed for 2023–2026. The news
// reports cited name the Government Office's letters; the split of a
// Tết break into the five Tết days and days in lieu is ours where the
// reports give only the first and last day (the days off are the same).
var Announcements = []Announcement{
	{
		Year:      2023,
		Tet:       days(date(2023, time.January, 21), 5),
		TetInLieu: []time.Time{date(2023, time.January, 20), date(2023, time.January, 26)},
		TetSource: "Văn phòng Chính phủ, văn bản ngày 01/12/2022 (Phó Thủ tướng Vũ Đức Đam đồng ý đề xuất của Bộ LĐTBXH): nghỉ Tết từ 20/01 đến hết 26/01/2023, gồm 05 ngày Tết và 02 ngày nghỉ bù (theo nhandan.vn, vietnamplus.vn)",
		// 2/9/2023 was a Saturday: 1/9 beside it, and Monday 4/9 in lieu.
		NationalDay:       date(2023, time.September, 1),
		NationalDaySource: "Văn phòng Chính phủ, văn bản ngày 01/12/2022: nghỉ Quốc khánh từ 01/9 đến hết 04/9/2023",
	},
	{
		Year:              2024,
		Tet:               days(date(2024, time.February, 9), 5),
		TetInLieu:         []time.Time{date(2024, time.February, 8), date(2024, time.February, 14)},
		TetSource:         "Văn phòng Chính phủ, tháng 11/2023 (Thủ tướng đồng ý đề xuất của Bộ LĐTBXH): nghỉ Tết từ 08/02 đến hết 14/02/2024 (theo vietnamnews.vn, vietnamplus.vn)",
		NationalDay:       date(2024, time.September, 3),
		NationalDaySource: "Cùng văn bản: nghỉ Quốc khánh từ 31/8 đến hết 03/9/2024",
		Swaps: []Swapped{{
			Off: date(2024, time.April, 29), Work: date(2024, time.May, 4),
			Source: "Công văn số 2450/VPCP-KGVX ngày 12/4/2024: hoán đổi thứ Hai 29/4 với thứ Bảy 04/5/2024, nghỉ từ 27/4 đến hết 01/5",
		}},
	},
	{
		Year:              2025,
		Tet:               days(date(2025, time.January, 27), 5),
		TetSource:         "Văn phòng Chính phủ, thông báo ngày 26/11/2024 (Thủ tướng đồng ý đề xuất của Bộ LĐTBXH): 05 ngày Tết từ 27/01 đến hết 31/01/2025 (28 tháng Chạp đến mùng 3 Tết), cả kỳ nghỉ từ 25/01 đến hết 02/02 (theo sggp.org.vn, vietnam.vn)",
		NationalDay:       date(2025, time.September, 1),
		NationalDaySource: "Thủ tướng đồng ý đề xuất của Bộ LĐTBXH (nay là Bộ Nội vụ): nghỉ Quốc khánh từ 30/8 đến hết 02/9/2025",
		Swaps: []Swapped{{
			Off: date(2025, time.May, 2), Work: date(2025, time.April, 26),
			Source: "Thủ tướng đồng ý đề xuất của Bộ LĐTBXH: nghỉ từ 30/4 đến hết 04/5/2025, hoán đổi thứ Sáu 02/5 với thứ Bảy 26/4/2025",
		}},
	},
	{
		Year:      2026,
		Tet:       days(date(2026, time.February, 16), 5),
		TetSource: "Phương án nghỉ Tết Bính Ngọ được chốt: nghỉ từ thứ Bảy 14/02/2026 (27 tháng Chạp) đến hết Chủ nhật 22/02/2026 (mùng 6 Tết), 05 ngày Tết từ 16/02 đến 20/02 (theo congan.com.vn)",
	},
}

// Default is the calendar of years from–to built from the Labour Code and
// Announcements. Years without an announcement are computed by rule and
// reported as not announced; their Tết, the day beside 2/9 and the days in
// lieu for them are provisional.
func Default(from, to int) *Calendar {
	t, err := Build(from, to, Announcements)
	if err == nil {
		var c *Calendar
		if c, err = New(t); err == nil {
			return c
		}
	}
	panic(err) // the table above is wrong: TestDefault catches it
}

// Build computes the table of years from–to: the Labour Code's holidays,
// with Tết and 2/9 taken from the announcements where there is one and by
// rule otherwise, days in lieu for holidays on a weekend, and the
// announced swaps.
func Build(from, to int, announced []Announcement) (Table, error) {
	t := Table{From: from, To: to}
	byYear := map[int]Announcement{}
	for _, a := range announced {
		if a.Year < from || a.Year > to {
			continue
		}
		byYear[a.Year] = a
		t.Announced = append(t.Announced, a.Year)
	}
	for y := from; y <= to; y++ {
		a := byYear[y]
		hs, ws, err := year(y, a)
		if err != nil {
			return Table{}, err
		}
		t.Holidays = append(t.Holidays, hs...)
		t.Workdays = append(t.Workdays, ws...)
	}
	return t, nil
}

// year computes one year's days off and swapped working days.
func year(y int, a Announcement) ([]Holiday, []Workday, error) {
	hs := []Holiday{
		{Date: date(y, time.January, 1), Name: "Tết Dương lịch", Kind: Fixed, Source: sourceFixed + " điểm a"},
		{Date: date(y, time.April, 30), Name: "Ngày Chiến thắng", Kind: Fixed, Source: sourceFixed + " điểm d"},
		{Date: date(y, time.May, 1), Name: "Ngày Quốc tế lao động", Kind: Fixed, Source: sourceFixed + " điểm d"},
		{Date: date(y, time.September, 2), Name: "Quốc khánh", Kind: Fixed, Source: sourceFixed + " điểm đ"},
	}
	hung, err := lunar.ToSolar(y, 3, 10, false)
	if err != nil {
		return nil, nil, fmt.Errorf("workdays: Hùng Kings' day %d: %w", y, err)
	}
	hs = append(hs, Holiday{Date: hung, Name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", Kind: Lunar, Source: sourceFixed + " điểm c"})

	beside := Holiday{Date: a.NationalDay, Name: "Quốc khánh (ngày liền kề)", Kind: Fixed, Source: a.NationalDaySource}
	if a.NationalDay.IsZero() {
		beside.Date = besideNationalDay(y)
		beside.Source = sourceNDRule
		beside.Provisional = true
	}
	hs = append(hs, beside)

	// Tết: the announced days, or the last day of the old year and
	// mùng 1–4, the commonest choice.
	tet := a.Tet
	tetSource, tetProvisional := a.TetSource, false
	if len(tet) == 0 {
		tet = days(lunar.NewYear(y).AddDate(0, 0, -1), 5)
		tetSource, tetProvisional = sourceTetRule, true
	}
	tetDays := map[time.Time]bool{}
	for _, d := range tet {
		tetDays[d] = true
		hs = append(hs, Holiday{Date: d, Name: "Tết Âm lịch", Kind: Lunar, Provisional: tetProvisional, Source: tetSource})
	}

	if y >= cultureDayFrom {
		hs = append(hs, Holiday{Date: date(y, time.November, 24), Name: "Ngày Văn hóa Việt Nam", Kind: Fixed, Provisional: true, Source: sourceCulture})
	}

	// Days in lieu, in date order: each holiday on a weekend gives the
	// next weekday that is not already off. Where the announcement placed
	// Tết's days in lieu itself, those are used instead.
	slices.SortStableFunc(hs, func(p, q Holiday) int { return p.Date.Compare(q.Date) })
	off := map[time.Time]bool{}
	for _, h := range hs {
		off[h.Date] = true
	}
	for _, d := range a.TetInLieu {
		hs = append(hs, Holiday{Date: d, Name: "Nghỉ bù Tết Âm lịch", Kind: InLieu, Source: a.TetSource})
		off[d] = true
	}
	var lieu []Holiday
	for _, h := range hs {
		if !weekend(h.Date) || h.Kind == InLieu || (tetDays[h.Date] && len(a.TetInLieu) > 0) {
			continue
		}
		d := h.Date
		for weekend(d) || off[d] {
			d = d.AddDate(0, 0, 1)
		}
		off[d] = true
		lieu = append(lieu, Holiday{Date: d, Name: "Nghỉ bù " + h.Name, Kind: InLieu, Provisional: h.Provisional, Source: sourceInLieu})
	}
	hs = append(hs, lieu...)

	var ws []Workday
	for _, s := range a.Swaps {
		hs = append(hs, Holiday{Date: s.Off, Name: "Nghỉ hoán đổi", Kind: Swap, Source: s.Source})
		ws = append(ws, Workday{Date: s.Work, Name: "Làm bù ngày " + s.Off.Format("02/01/2006"), Source: s.Source})
	}
	return hs, ws, nil
}

// besideNationalDay is the provisional day beside 2/9: the one that joins
// the holiday to a weekend, as the announcements of 2023–2025 did (1/9
// with 2/9 on a Saturday or Tuesday, 3/9 with 2/9 on a Monday). 3/9 when
// 2/9 is a Monday or Thursday, 1/9 otherwise.
func besideNationalDay(y int) time.Time {
	switch date(y, time.September, 2).Weekday() {
	case time.Monday, time.Thursday:
		return date(y, time.September, 3)
	}
	return date(y, time.September, 1)
}
