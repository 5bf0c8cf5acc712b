package seeds

import (
	"fmt"
	"strconv"

	"minhbach/portal/budget"
	"minhbach/portal/vn"
	"minhbach/store"
)

// Budget and household lists. Every figure and every household is fictional.

// revenueLines are the commune's revenue lines in a year's estimate (plan)
// and execution (actual), in millions of đồng.
func revenueLines(plan, actual [6]int64) []budgetLine {
	names := [6]string{
		"Thu thuế, phí, lệ phí ngân sách xã được hưởng",
		"Thu tiền sử dụng đất (phần ngân sách xã được hưởng)",
		"Thu từ quỹ đất công ích, hoa lợi công sản",
		"Thu bổ sung cân đối từ ngân sách huyện",
		"Thu bổ sung có mục tiêu từ ngân sách cấp trên",
		"Thu khác ngân sách xã",
	}
	out := make([]budgetLine, len(names))
	for i, n := range names {
		out[i] = budgetLine{Name: n, Plan: million(plan[i]), Actual: million(actual[i])}
	}
	return out
}

func spendingLines(plan, actual [9]int64) []budgetLine {
	names := [9]string{
		"Chi đầu tư phát triển",
		"Chi quản lý nhà nước, Đảng, đoàn thể",
		"Chi quốc phòng, an ninh",
		"Chi sự nghiệp văn hóa, thông tin, thể dục thể thao",
		"Chi đảm bảo xã hội",
		"Chi sự nghiệp bảo vệ môi trường",
		"Chi sự nghiệp kinh tế (giao thông, thủy lợi, nông nghiệp)",
		"Chi khác",
		"Dự phòng ngân sách",
	}
	out := make([]budgetLine, len(names))
	for i, n := range names {
		out[i] = budgetLine{Name: n, Plan: million(plan[i]), Actual: million(actual[i])}
	}
	return out
}

var (
	revenue2023  = revenueLines([6]int64{1380, 6000, 600, 6900, 1050, 170}, [6]int64{1512, 7245, 655, 6900, 1050, 238})
	spending2023 = spendingLines([9]int64{6500, 5600, 740, 400, 1250, 650, 580, 60, 320}, [9]int64{6840, 5705, 752, 392, 1298, 633, 566, 71, 0})
	revenue2024  = revenueLines([6]int64{1450, 6800, 620, 7350, 1180, 200}, [6]int64{812, 2150, 310, 3675, 540, 96})
	spending2024 = spendingLines([9]int64{7200, 5850, 780, 420, 1350, 690, 820, 140, 350}, [9]int64{2410, 2870, 365, 188, 702, 301, 296, 55, 0})
	revenue2025  = revenueLines([6]int64{1520, 5500, 640, 7800, 1250, 210}, [6]int64{})
	spending2025 = spendingLines([9]int64{5800, 6350, 820, 440, 1420, 720, 880, 150, 340}, [9]int64{})
)

// works2024 are the capital works of the 2024 estimate; their sum is the
// first spending line.
var works2024 = []project{
	{"Cải tạo, nâng cấp đường trục xã đoạn Thôn Đông – Thôn Nam", "Thôn Đông, Thôn Nam", million(3200)},
	{"Xây dựng nhà văn hóa Thôn Thượng (phần ngân sách hỗ trợ)", "Thôn Thượng", million(1850)},
	{"Lắp đặt đèn chiếu sáng công cộng", "Thôn Đoài, Thôn Bắc", million(900)},
	{"Nạo vét, kiên cố hóa kênh tiêu nội đồng", "Xứ đồng Thôn Ngọc Quỳnh", million(650)},
	{"Sửa chữa, cải tạo điểm trường mầm non", "Thôn Nam", million(600)},
}

func budgetIntro(what string, rev, spend []budgetLine) string {
	r, _ := sumPlan(rev)
	s, _ := sumPlan(spend)
	return p(fmt.Sprintf("%s Tổng thu ngân sách xã: %s đồng; tổng chi ngân sách xã: %s đồng (số liệu minh họa).", what, vn.Number(r), vn.Number(s)))
}

func estimate2024(withWorks bool) string {
	body := budgetIntro("Căn cứ Nghị quyết số 18/NQ-HĐND ngày 20/12/2023 của HĐND xã về dự toán ngân sách xã năm 2024, UBND xã công khai dự toán ngân sách xã năm 2024.", revenue2024, spending2024) +
		p("Dự toán được niêm yết tại trụ sở UBND xã và đăng trên cổng công khai của xã. Mọi ý kiến về dự toán gửi bộ phận Tài chính - Kế toán xã.")
	if withWorks {
		rows := make([][]string, len(works2024))
		for i, w := range works2024 {
			rows[i] = []string{strconv.Itoa(i + 1), w.Name, w.Place, vn.Number(w.Cost)}
		}
		body += h2("Phụ lục: danh mục công trình chi đầu tư phát triển") +
			tableHTML([]string{"STT", "Công trình", "Địa điểm", "Kinh phí (đồng)"}, rows) +
			p("Các công trình cũng là các dòng B.1.1 đến B.1.5 của bảng số liệu. Chi tiết kinh phí từng công trình xem tệp đính kèm.")
	}
	return body
}

// The structured part of each demo budget document.
var (
	estimate2024Doc = budgetDoc{Stage: budget.StageEstimate, Decided: day(2023, 12, 20), Year: 2024, Revenue: revenue2024, Spend: spending2024}
	half2024Doc     = budgetDoc{Stage: budget.StageHalf, Decided: day(2024, 6, 30), Year: 2024, Revenue: revenue2024, Spend: spending2024}
	accounts2023Doc = budgetDoc{Stage: budget.StageAccounts, Decided: day(2024, 7, 26), Year: 2023, Revenue: revenue2023, Spend: spending2023}
	estimate2025Doc = budgetDoc{Stage: budget.StageEstimate, Decided: day(2024, 12, 19), Year: 2025, Revenue: revenue2025, Spend: spending2025}
)

func budgetItems() []item {
	r23, ra23 := sumPlan(revenue2023)
	s23, sa23 := sumPlan(spending2023)
	return []item{{
		Category:   "ngan-sach",
		Title:      "Công khai dự toán ngân sách xã năm 2024",
		Summary:    "Dự toán thu, chi ngân sách xã năm 2024 đã được HĐND xã quyết định tại Nghị quyết số 18/NQ-HĐND ngày 20/12/2023.",
		Body:       estimate2024(false),
		Input:      estimate2024Doc.set,
		LegalBasis: lawBudget,
		Unit:       unitTaiChinh,
		From:       day(2024, 1, 8),
		Published:  at(2024, 1, 8, 14, 0),
		Revisions: []revision{{
			At:     at(2024, 1, 16, 10, 20),
			Reason: "Bổ sung phụ lục kinh phí các công trình chi đầu tư phát triển",
			Edit: func(in *store.DisclosureInput) {
				in.Body = estimate2024(true)
				withWorks := estimate2024Doc
				withWorks.Works = works2024
				in.Rows = withWorks.rows()
			},
			Attach: []attachSpec{{Filename: "phu-luc-kinh-phi-du-toan-2024.docx", MIME: MIMEDOCX,
				Make: func() ([]byte, error) { return budgetAppendixDOCX(works2024) }}},
		}},
	}, {
		Category: "ngan-sach",
		Title:    "Công khai tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2024",
		Summary:  "Số liệu thu, chi ngân sách xã đến 30/6/2024 so với dự toán năm.",
		Input:    half2024Doc.set,
		Body: budgetIntro("UBND xã công khai tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2024.", revenue2024, spending2024) +
			p("Thu tiền sử dụng đất đạt thấp do phiên đấu giá quyền sử dụng đất khu Đồng Cửa chuyển sang quý III/2024."),
		LegalBasis: lawBudget,
		Unit:       unitTaiChinh,
		From:       day(2024, 7, 12),
		Published:  at(2024, 7, 12, 9, 10),
	}, {
		Category: "ngan-sach",
		Title:    "Công khai quyết toán ngân sách xã năm 2023",
		Input:    accounts2023Doc.set,
		Summary:  fmt.Sprintf("Quyết toán thu %s đồng, chi %s đồng, đã được HĐND xã phê chuẩn tại Nghị quyết số 09/NQ-HĐND ngày 26/7/2024.", vn.Number(ra23), vn.Number(sa23)),
		Body: p(fmt.Sprintf("Quyết toán năm 2023: tổng thu %s đồng (dự toán %s đồng); tổng chi %s đồng (dự toán %s đồng); kết dư %s đồng chuyển sang năm 2024 (số liệu minh họa).",
			vn.Number(ra23), vn.Number(r23), vn.Number(sa23), vn.Number(s23), vn.Number(ra23-sa23))) +
			p("Tệp đính kèm là biểu đồ thu (cột xanh) và chi (cột cam) ngân sách xã các năm 2021–2023, đơn vị triệu đồng."),
		LegalBasis: lawBudget,
		Unit:       unitTaiChinh,
		From:       day(2024, 8, 5),
		Published:  at(2024, 8, 5, 15, 0),
		Attach: []attachSpec{{Filename: "bieu-do-thu-chi-ngan-sach-2021-2023.pdf", MIME: mimePDF,
			Make: func() ([]byte, error) {
				return revenueChart([]int{2021, 2022, 2023},
					[]int64{14200, 15300, ra23 / 1_000_000}, []int64{13600, 14900, sa23 / 1_000_000})
			}}},
	}, {
		Category:   "ngan-sach",
		Title:      "Công khai dự toán ngân sách xã năm 2025",
		Summary:    "Dự toán thu, chi ngân sách xã năm 2025 đã được HĐND xã quyết định tại Nghị quyết số 21/NQ-HĐND ngày 19/12/2024.",
		Body:       budgetIntro("Căn cứ Nghị quyết số 21/NQ-HĐND ngày 19/12/2024 của HĐND xã, UBND xã công khai dự toán ngân sách xã năm 2025.", revenue2025, spending2025),
		Input:      estimate2025Doc.set,
		LegalBasis: lawBudget,
		Unit:       unitTaiChinh,
		From:       day(2025, 1, 9),
		Published:  at(2025, 1, 9, 10, 30),
	}}
}

// poor2024 are the poor and near-poor households recognised for 2024.
var poor2024 = []household{
	{"Nguyễn Văn Tâm", "Thôn Đông", "nghèo", 3}, {"Đỗ Thị Mận", "Thôn Đông", "cận nghèo", 2},
	{"Trần Văn Lợi", "Thôn Đông", "cận nghèo", 4}, {"Lê Thị Nụ", "Thôn Đoài", "nghèo", 1},
	{"Phạm Văn Thắng", "Thôn Đoài", "cận nghèo", 5}, {"Hoàng Thị Gái", "Thôn Nam", "nghèo", 2},
	{"Vũ Văn Chiến", "Thôn Nam", "cận nghèo", 4}, {"Bùi Thị Xuân", "Thôn Nam", "cận nghèo", 3},
	{"Đặng Văn Tuấn", "Thôn Bắc", "nghèo", 4}, {"Ngô Thị Thơm", "Thôn Bắc", "cận nghèo", 2},
	{"Dương Văn Hòa", "Thôn Ngọc Quỳnh", "nghèo", 2}, {"Lý Thị Hằng", "Thôn Ngọc Quỳnh", "cận nghèo", 3},
	{"Phan Văn Quý", "Thôn Ngọc Quỳnh", "cận nghèo", 4}, {"Trịnh Thị Lụa", "Thôn Trung", "nghèo", 1},
	{"Mai Văn Định", "Thôn Trung", "cận nghèo", 5}, {"Tô Thị Hiền", "Thôn Thượng", "cận nghèo", 3},
	{"Đinh Văn Sáu", "Thôn Thượng", "nghèo", 2},
}

// leaving2025 are the households that left poverty or near-poverty in the
// end-2024 review.
var leaving2025 = []household{
	{"Nguyễn Văn Tâm", "Thôn Đông", "thoát nghèo", 3}, {"Đỗ Thị Mận", "Thôn Đông", "thoát cận nghèo", 2},
	{"Phạm Văn Thắng", "Thôn Đoài", "thoát cận nghèo", 5}, {"Vũ Văn Chiến", "Thôn Nam", "thoát cận nghèo", 4},
	{"Đặng Văn Tuấn", "Thôn Bắc", "thoát nghèo", 4}, {"Phan Văn Quý", "Thôn Ngọc Quỳnh", "thoát cận nghèo", 4},
	{"Mai Văn Định", "Thôn Trung", "thoát cận nghèo", 5},
}

func povertyItems() []item {
	return []item{{
		Category: "ho-ngheo",
		Title:    "Kết quả rà soát sơ bộ hộ nghèo, hộ cận nghèo Thôn Ngọc Quỳnh năm 2023",
		Summary:  "Danh sách dự kiến hộ nghèo, hộ cận nghèo Thôn Ngọc Quỳnh theo kết quả rà soát cuối năm 2023.",
		Body: p("Ban chỉ đạo rà soát hộ nghèo xã niêm yết danh sách dự kiến hộ nghèo, hộ cận nghèo Thôn Ngọc Quỳnh.") +
			householdTable([]household{{"Dương Văn Hòa", "Thôn Ngọc Quỳnh", "nghèo", 2}, {"Lý Thị Hằng", "Thôn Ngọc Quỳnh", "cận nghèo", 3}}),
		LegalBasis: lawPoverty,
		Unit:       unitVHXH,
		From:       day(2023, 11, 20),
		Until:      day(2023, 11, 22),
		Published:  at(2023, 11, 20, 8, 30),
		Withdrawn:  at(2023, 11, 21, 10, 15),
		Withdraw:   "Niêm yết nhầm danh sách dự kiến khi thôn chưa tổ chức họp dân thống nhất kết quả rà soát; danh sách chính thức được công khai sau khi Chủ tịch UBND xã công nhận.",
	}, {
		Category: "ho-ngheo",
		Title:    "Danh sách hộ nghèo, hộ cận nghèo năm 2024 trên địa bàn xã",
		Summary: fmt.Sprintf("Theo Quyết định số 95/QĐ-UBND ngày 20/12/2023 của Chủ tịch UBND xã: %d hộ nghèo, %d hộ cận nghèo.",
			countKind(poor2024, "nghèo"), countKind(poor2024, "cận nghèo")),
		Body: p("Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2023 theo chuẩn nghèo đa chiều giai đoạn 2022–2025 đã được họp dân thống nhất tại các thôn và được Chủ tịch UBND xã công nhận.") +
			h2("Tổng hợp theo thôn") + villageCounts(poor2024, "nghèo", "cận nghèo") +
			h2("Danh sách hộ") + householdTable(poor2024) +
			p("Người dân có ý kiến về danh sách gửi UBND xã hoặc Ban công tác Mặt trận thôn. Họ tên chủ hộ chỉ hiển thị trong thời gian niêm yết; sau đó chỉ còn số hộ theo thôn."),
		LegalBasis: lawPoverty,
		Unit:       unitVHXH,
		From:       day(2023, 12, 22),
		Until:      day(2024, 12, 31),
		Published:  at(2023, 12, 22, 9, 0),
	}, {
		Category: "ho-ngheo",
		Title:    "Danh sách hộ thoát nghèo, thoát cận nghèo năm 2024",
		Summary: fmt.Sprintf("Kết quả rà soát cuối năm 2024: %d hộ thoát nghèo, %d hộ thoát cận nghèo.",
			countKind(leaving2025, "thoát nghèo"), countKind(leaving2025, "thoát cận nghèo")),
		Body: p("Theo Quyết định số 102/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND xã, các hộ sau đây được công nhận thoát nghèo, thoát cận nghèo. Chính sách hỗ trợ bảo hiểm y tế, tín dụng ưu đãi tiếp tục thực hiện theo quy định đối với hộ mới thoát nghèo.") +
			h2("Tổng hợp theo thôn") + villageCounts(leaving2025, "thoát nghèo", "thoát cận nghèo") +
			h2("Danh sách hộ") + householdTable(leaving2025),
		LegalBasis: lawPoverty + "; Thông tư số 07/2021/TT-BLĐTBXH",
		Unit:       unitVHXH,
		From:       day(2024, 12, 23),
		Until:      day(2025, 12, 31),
		Published:  at(2024, 12, 23, 14, 30),
	}}
}
