package seeds

// Row 2b of the plan: what the commune office discloses to its own officers
// (công khai trong nội bộ). Only logged-in officers read these items.
func internalItems() []item {
	return []item{{
		Category: "noi-bo-ke-hoach",
		Title:    "Kế hoạch công tác quý IV năm 2025 của UBND xã",
		Summary:  "Nhiệm vụ trọng tâm của từng bộ phận trong quý IV/2025 và lịch giao ban.",
		Body: p("UBND xã phổ biến tới cán bộ, công chức kế hoạch công tác quý IV năm 2025.") +
			ul("Hoàn thành rà soát hộ nghèo, hộ cận nghèo năm 2025 (Văn hóa - Xã hội).",
				"Tổng hợp tình hình thực hiện ngân sách 9 tháng, chuẩn bị dự toán năm 2026 (Tài chính - Kế toán).",
				"Giao ban cán bộ, công chức vào sáng thứ Hai hằng tuần."),
		LegalBasis: lawDemocracy + ", Điều 41",
		Unit:       unitVanPhong,
		From:       day(2025, 9, 29),
		Decided:    day(2025, 9, 26),
		Until:      day(2025, 12, 31),
		Published:  at(2025, 9, 29, 8, 0),
	}, {
		Category: "noi-bo-nhan-su",
		Title:    "Quyết định nâng bậc lương thường xuyên năm 2025 đối với công chức xã",
		Summary:  "Danh sách công chức được nâng bậc lương thường xuyên năm 2025 (dữ liệu minh họa).",
		Body: p("Chủ tịch UBND xã công bố trong cơ quan quyết định nâng bậc lương thường xuyên năm 2025. Họ tên trong danh sách là dữ liệu minh họa.") +
			tableHTML([]string{"Họ tên", "Chức danh", "Bậc mới"}, [][]string{
				{"Phạm Thị Minh", "Công chức Tư pháp - Hộ tịch", "Bậc 4"},
				{"Vũ Đức Thắng", "Công chức Địa chính - Xây dựng", "Bậc 3"},
			}),
		LegalBasis: "Nghị định số 204/2004/NĐ-CP; " + lawDemocracy + ", Điều 41",
		Unit:       unitUBND,
		From:       day(2025, 10, 20),
		Decided:    day(2025, 10, 10),
		Until:      day(2025, 11, 30),
		Published:  at(2025, 10, 20, 9, 30),
	}, {
		Category:   "noi-bo-quy-che",
		Title:      "Nội quy cơ quan UBND xã Trung Trắc",
		Summary:    "Giờ làm việc, trực Bộ phận Một cửa, tiếp khách và sử dụng tài sản chung.",
		Body:       ul("Giờ làm việc: sáng 7 giờ 30 đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ.", "Bộ phận Một cửa trực cả sáng thứ Bảy.", "Tài sản, trang thiết bị của cơ quan chỉ dùng cho công việc chung."),
		LegalBasis: lawDemocracy + ", Điều 41",
		Unit:       unitVanPhong,
		From:       day(2024, 1, 2),
		Decided:    day(2023, 12, 28),
		Published:  at(2024, 1, 2, 8, 0),
	}}
}
