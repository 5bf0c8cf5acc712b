package seeds

import (
	"encoding/json"
	"fmt"
	"time"

	"minhbach/portal/households"
	"minhbach/store"
)

// Poor and near-poor household lists (row 3b) as structured lists: the
// rows carry the names, which the portal shows only inside each list's
// posting window. Every household is fictional.

type hhRow = households.Row

const (
	hhPoor     = households.Poor
	hhNear     = households.NearPoor
	hhLeft     = households.LeftPoor
	hhLeftNear = households.LeftNearPoor
)

// preliminary2023 is one village's draft list, posted by mistake before the
// village meeting and withdrawn.
var preliminary2023 = []hhRow{
	{Head: "Dương Văn Hòa", Village: "Thôn Ngọc Quỳnh", Class: hhPoor},
	{Head: "Lý Thị Hằng", Village: "Thôn Ngọc Quỳnh", Class: hhNear},
}

// poor2024 are the poor and near-poor households recognised for 2024.
var poor2024 = []hhRow{
	{Head: "Nguyễn Văn Tâm", Village: "Thôn Đông", Class: hhPoor}, {Head: "Đỗ Thị Mận", Village: "Thôn Đông", Class: hhNear},
	{Head: "Trần Văn Lợi", Village: "Thôn Đông", Class: hhNear}, {Head: "Lê Thị Nụ", Village: "Thôn Đoài", Class: hhPoor, Note: "Người cao tuổi sống một mình"},
	{Head: "Phạm Văn Thắng", Village: "Thôn Đoài", Class: hhNear}, {Head: "Hoàng Thị Gái", Village: "Thôn Nam", Class: hhPoor},
	{Head: "Vũ Văn Chiến", Village: "Thôn Nam", Class: hhNear}, {Head: "Bùi Thị Xuân", Village: "Thôn Nam", Class: hhNear},
	{Head: "Đặng Văn Tuấn", Village: "Thôn Bắc", Class: hhPoor}, {Head: "Ngô Thị Thơm", Village: "Thôn Bắc", Class: hhNear},
	{Head: "Dương Văn Hòa", Village: "Thôn Ngọc Quỳnh", Class: hhPoor}, {Head: "Lý Thị Hằng", Village: "Thôn Ngọc Quỳnh", Class: hhNear},
	{Head: "Phan Văn Quý", Village: "Thôn Ngọc Quỳnh", Class: hhNear}, {Head: "Trịnh Thị Lụa", Village: "Thôn Trung", Class: hhPoor},
	{Head: "Mai Văn Định", Village: "Thôn Trung", Class: hhNear}, {Head: "Tô Thị Hiền", Village: "Thôn Thượng", Class: hhNear},
	{Head: "Đinh Văn Sáu", Village: "Thôn Thượng", Class: hhPoor},
}

// newPoor2025 are the households found in the mid-2025 periodic review.
var newPoor2025 = []hhRow{
	{Head: "Lục Văn Bảy", Village: "Thôn Nam", Class: hhPoor, Note: "Phát sinh do thiên tai tháng 5/2025"},
	{Head: "Kiều Thị Nhung", Village: "Thôn Bắc", Class: hhNear},
}

// leaving2025 are the households that left poverty or near-poverty in the
// end-2024 review.
var leaving2025 = []hhRow{
	{Head: "Nguyễn Văn Tâm", Village: "Thôn Đông", Class: hhLeft}, {Head: "Đỗ Thị Mận", Village: "Thôn Đông", Class: hhLeftNear},
	{Head: "Phạm Văn Thắng", Village: "Thôn Đoài", Class: hhLeftNear}, {Head: "Vũ Văn Chiến", Village: "Thôn Nam", Class: hhLeftNear},
	{Head: "Đặng Văn Tuấn", Village: "Thôn Bắc", Class: hhLeft}, {Head: "Phan Văn Quý", Village: "Thôn Ngọc Quỳnh", Class: hhLeftNear},
	{Head: "Mai Văn Định", Village: "Thôn Trung", Class: hhLeftNear},
}

// poor2027 is the list of the end-2026 review, in its posting window.
var poor2027 = []hhRow{
	{Head: "Trần Văn Lợi", Village: "Thôn Đông", Class: hhNear}, {Head: "Cao Thị Bích", Village: "Thôn Đông", Class: hhPoor},
	{Head: "Lê Thị Nụ", Village: "Thôn Đoài", Class: hhPoor, Note: "Người cao tuổi sống một mình"}, {Head: "Hà Văn Khoa", Village: "Thôn Đoài", Class: hhNear},
	{Head: "Hoàng Thị Gái", Village: "Thôn Nam", Class: hhNear}, {Head: "Lục Văn Bảy", Village: "Thôn Nam", Class: hhPoor},
	{Head: "Bùi Thị Xuân", Village: "Thôn Nam", Class: hhLeftNear}, {Head: "Ngô Thị Thơm", Village: "Thôn Bắc", Class: hhNear},
	{Head: "Kiều Thị Nhung", Village: "Thôn Bắc", Class: hhLeft}, {Head: "Dương Văn Hòa", Village: "Thôn Ngọc Quỳnh", Class: hhNear},
	{Head: "Lý Thị Hằng", Village: "Thôn Ngọc Quỳnh", Class: hhLeftNear}, {Head: "Trịnh Thị Lụa", Village: "Thôn Trung", Class: hhPoor},
	{Head: "Tô Thị Hiền", Village: "Thôn Thượng", Class: hhLeftNear}, {Head: "Đinh Văn Sáu", Village: "Thôn Thượng", Class: hhNear},
}

// householdList is the facts and rows of a list, keys assigned as an
// import would, following the rows of the list before it; keyed are the
// rows with their keys.
func householdList(f households.Facts, rows, previous []hhRow) (facts json.RawMessage, raw []json.RawMessage, keyed []hhRow) {
	keyed = append([]hhRow(nil), rows...)
	households.AssignKeys(keyed, previous)
	f.Counts = households.Tally(keyed, Villages).Villages
	raw = make([]json.RawMessage, len(keyed))
	for i, r := range keyed {
		raw[i], _ = json.Marshal(r)
	}
	return f.JSON(), raw, keyed
}

// withRows sets a list's facts and rows when it is created.
func withRows(facts json.RawMessage, rows []json.RawMessage) func(*store.DisclosureInput) {
	return func(in *store.DisclosureInput) { in.Facts, in.Rows = facts, rows }
}

// stillPosted is the last day of the demo's current list: the end of 2026,
// or a month from today when the demo is loaded later, so that the demo
// always has a list whose names are shown.
func stillPosted() time.Time {
	y, m, d := time.Now().In(vnZone).AddDate(0, 0, 30).Date()
	return maxTime(day(2026, 12, 31), day(y, m, d))
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func countClass(rows []hhRow, c households.Class) int {
	n := 0
	for _, r := range rows {
		if r.Class == c {
			n++
		}
	}
	return n
}

func povertyItems() []item {
	f2023, r2023, k2023 := householdList(households.Facts{Year: 2024}, preliminary2023, nil)
	f2024, r2024, k2024 := householdList(households.Facts{Year: 2024, MeetingOn: "2023-12-12", DecisionNo: "95/QĐ-UBND", DecisionOn: "2023-12-20"}, poor2024, k2023)
	fNew, rNew, _ := householdList(households.Facts{Year: 2025, MeetingOn: "2025-06-16", DecisionNo: "47/QĐ-UBND", DecisionOn: "2025-06-25"}, newPoor2025, nil)
	fLeft, rLeft, _ := householdList(households.Facts{Year: 2025, MeetingOn: "2024-12-10", DecisionNo: "102/QĐ-UBND", DecisionOn: "2024-12-20"}, leaving2025, k2024)
	// The current list was first posted without a household a village had
	// missed; a revision adds it and corrects another's classification.
	first2027 := append([]hhRow(nil), poor2027[:len(poor2027)-1]...)
	first2027[3].Class = hhPoor
	f2027a, r2027a, k2027a := householdList(households.Facts{Year: 2027, MeetingOn: "2026-11-17"}, first2027, k2024)
	f2027, r2027, _ := householdList(households.Facts{Year: 2027, MeetingOn: "2026-11-17"}, poor2027, k2027a)

	return []item{{
		Category:   households.Category,
		Kind:       households.KindAnnual,
		Title:      "Kết quả rà soát sơ bộ hộ nghèo, hộ cận nghèo Thôn Ngọc Quỳnh năm 2023",
		Summary:    "Danh sách dự kiến hộ nghèo, hộ cận nghèo Thôn Ngọc Quỳnh theo kết quả rà soát cuối năm 2023.",
		Body:       p("Ban chỉ đạo rà soát hộ nghèo xã niêm yết danh sách dự kiến hộ nghèo, hộ cận nghèo Thôn Ngọc Quỳnh."),
		Input:      withRows(f2023, r2023),
		LegalBasis: lawPoverty,
		Unit:       unitVHXH,
		From:       day(2023, 11, 20),
		Until:      day(2023, 11, 22),
		Decided:    day(2023, 11, 18),
		Published:  at(2023, 11, 20, 8, 30),
		Withdrawn:  at(2023, 11, 21, 10, 15),
		Withdraw:   "Niêm yết nhầm danh sách dự kiến khi thôn chưa tổ chức họp dân thống nhất kết quả rà soát; danh sách chính thức được công khai sau khi Chủ tịch UBND xã công nhận.",
	}, {
		Category: households.Category,
		Kind:     households.KindAnnual,
		Title:    "Danh sách hộ nghèo, hộ cận nghèo năm 2024 trên địa bàn xã",
		Summary: fmt.Sprintf("Theo Quyết định số 95/QĐ-UBND ngày 20/12/2023 của Chủ tịch UBND xã: %d hộ nghèo, %d hộ cận nghèo.",
			countClass(poor2024, hhPoor), countClass(poor2024, hhNear)),
		Body:       p("Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2023 theo chuẩn nghèo đa chiều giai đoạn 2022–2025 đã được họp dân thống nhất tại các thôn và được Chủ tịch UBND xã công nhận."),
		Input:      withRows(f2024, r2024),
		LegalBasis: lawPoverty,
		Unit:       unitVHXH,
		From:       day(2023, 12, 22),
		Until:      day(2024, 12, 31),
		Decided:    day(2023, 12, 20),
		Published:  at(2023, 12, 22, 9, 0),
	}, {
		Category: households.Category,
		Kind:     households.KindAnnual,
		Title:    "Danh sách hộ thoát nghèo, thoát cận nghèo năm 2024",
		Summary: fmt.Sprintf("Kết quả rà soát cuối năm 2024: %d hộ thoát nghèo, %d hộ thoát cận nghèo.",
			countClass(leaving2025, hhLeft), countClass(leaving2025, hhLeftNear)),
		Body:       p("Theo Quyết định số 102/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND xã, các hộ trong danh sách được công nhận thoát nghèo, thoát cận nghèo. Chính sách hỗ trợ bảo hiểm y tế, tín dụng ưu đãi tiếp tục thực hiện theo quy định đối với hộ mới thoát nghèo."),
		Input:      withRows(fLeft, rLeft),
		LegalBasis: lawPoverty + "; Thông tư số 07/2021/TT-BLĐTBXH",
		Unit:       unitVHXH,
		From:       day(2024, 12, 23),
		Until:      day(2025, 12, 31),
		Decided:    day(2024, 12, 20),
		Published:  at(2024, 12, 23, 14, 30),
	}, {
		Category:   households.Category,
		Kind:       households.KindPeriodic,
		Title:      "Hộ nghèo, hộ cận nghèo phát sinh trong 6 tháng đầu năm 2025",
		Summary:    "Rà soát định kỳ giữa năm 2025: 1 hộ nghèo, 1 hộ cận nghèo phát sinh.",
		Body:       p("Kết quả rà soát định kỳ các hộ gặp khó khăn đột xuất trong 6 tháng đầu năm 2025, đã được họp thôn thống nhất."),
		Input:      withRows(fNew, rNew),
		LegalBasis: lawPoverty,
		Unit:       unitVHXH,
		From:       day(2025, 6, 20),
		Until:      day(2025, 6, 24),
		Decided:    day(2025, 6, 16),
		Published:  at(2025, 6, 20, 8, 0),
	}, {
		Category:   households.Category,
		Kind:       households.KindAnnual,
		Title:      "Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2026 (danh sách năm 2027)",
		Summary:    "Danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo theo kết quả rà soát cuối năm 2026, niêm yết để Nhân dân góp ý trước khi Chủ tịch UBND xã công nhận.",
		Body:       p("Các thôn đã họp dân thống nhất kết quả rà soát ngày 17/11/2026. Danh sách được niêm yết tại nhà văn hóa thôn, trụ sở UBND xã và trên cổng này."),
		Input:      withRows(f2027a, r2027a),
		LegalBasis: lawPoverty,
		Unit:       unitVHXH,
		From:       day(2026, 11, 20),
		Until:      stillPosted(),
		Decided:    day(2026, 11, 17),
		Created:    at(2026, 11, 19, 16, 0),
		Published:  at(2026, 11, 20, 9, 0),
		Revisions: []revision{{
			At:     at(2026, 11, 23, 10, 30),
			Reason: "Bổ sung 1 hộ Thôn Thượng bị sót khi tổng hợp; sửa phân loại 1 hộ Thôn Đoài theo biên bản họp thôn.",
			Edit:   func(in *store.DisclosureInput) { in.Facts, in.Rows = f2027, r2027 },
		}},
	}}
}
