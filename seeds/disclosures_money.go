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
