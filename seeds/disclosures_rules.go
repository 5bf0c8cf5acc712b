package seeds

import (
	"minhbach/portal/vn"
	"minhbach/store"
)

// Rules of the commune, reception of citizens, inspections and complaints.

// democracyRules is the body of the rules on democracy in the People's
// Committee; later versions add the portal as a way of disclosure.
func democracyRules(withPortal bool) string {
	forms := []string{
		"Niêm yết tại trụ sở UBND xã.",
		"Thông báo tại cuộc họp, hội nghị cán bộ, công chức.",
		"Gửi văn bản đến cán bộ, công chức qua hệ thống quản lý văn bản.",
	}
	if withPortal {
		forms = append(forms, "Đăng trên cổng công khai của xã (mục Quy định, quy chế và Kế hoạch, báo cáo).")
	}
	return p("Quy chế ban hành kèm theo Quyết định số 68/QĐ-UBND ngày 14/8/2023 của UBND xã, quy định việc thực hiện dân chủ trong hoạt động của UBND xã: những việc công khai để cán bộ, công chức biết, những việc cán bộ, công chức tham gia ý kiến và giám sát.") +
		h2("Những nội dung công khai") +
		ul("Chủ trương, chính sách của Đảng và pháp luật của Nhà nước liên quan đến công việc của cơ quan.",
			"Kế hoạch công tác hằng năm, hằng quý, hằng tháng.",
			"Kinh phí hoạt động, quyết toán kinh phí hằng năm; tài sản, trang thiết bị của UBND xã.",
			"Tuyển dụng, đào tạo, bồi dưỡng, điều động, bổ nhiệm, khen thưởng, kỷ luật cán bộ, công chức.",
			"Các vụ việc tiêu cực, tham nhũng đã được kết luận; bản kê khai tài sản, thu nhập theo quy định.",
			"Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo trong nội bộ cơ quan.",
			"Nội quy, quy chế của cơ quan; kết quả tiếp thu ý kiến của cán bộ, công chức.") +
		h2("Hình thức công khai (Điều 7)") + ul(forms...)
}

func ruleItems() []item {
	return []item{{
		Category: "quy-dinh-quy-che",
		Title:    "Quy chế làm việc của UBND xã Trung Trắc nhiệm kỳ 2021–2026",
		Summary:  "Nguyên tắc làm việc, trách nhiệm của Chủ tịch, Phó Chủ tịch, công chức; chế độ họp, tiếp dân và giải quyết công việc của UBND xã.",
		Body: p("Quy chế ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 06/02/2023 của UBND xã.") +
			h2("Một số nội dung chính") +
			ul("UBND xã làm việc theo chế độ kết hợp trách nhiệm của tập thể với đề cao trách nhiệm cá nhân của Chủ tịch UBND xã.",
				"Mỗi việc chỉ giao một người chủ trì, chịu trách nhiệm chính.",
				"UBND xã họp thường kỳ mỗi tháng một lần; Chủ tịch tiếp công dân ít nhất một ngày trong tuần.",
				"Công chức giải quyết hồ sơ đúng hạn; hồ sơ trễ hạn phải có văn bản xin lỗi và hẹn lại.",
				"Thông tin về hoạt động của UBND xã được công khai theo quy định của pháp luật về dân chủ ở cơ sở."),
		LegalBasis: lawLocalGov,
		Unit:       unitUBND,
		From:       day(2023, 2, 8),
		Decided:    day(2023, 2, 8),
		Published:  at(2023, 2, 8, 10, 30),
	}, {
		Category:   "quy-dinh-quy-che",
		Title:      "Quy chế thực hiện dân chủ trong hoạt động của UBND xã",
		Summary:    "Những việc công khai để cán bộ, công chức biết; việc cán bộ, công chức tham gia ý kiến, kiểm tra, giám sát.",
		Body:       democracyRules(false),
		LegalBasis: lawDemocracy + "; Nghị định số 59/2023/NĐ-CP quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
		Unit:       unitUBND,
		From:       day(2023, 8, 14),
		Decided:    day(2023, 8, 14),
		Published:  at(2023, 8, 15, 9, 0),
		Revisions: []revision{{
			At:     at(2024, 3, 12, 14, 10),
			Reason: "Sửa đổi Điều 7: bổ sung hình thức công khai trên cổng công khai của xã",
			Edit:   func(in *store.DisclosureInput) { in.Body = democracyRules(true) },
		}},
	}}
}

// receptionSchedule is the body of the chairman's reception schedule.
func receptionSchedule(year string, change string) string {
	body := p("Chủ tịch UBND xã tiếp công dân định kỳ vào sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ 00, tại Phòng tiếp công dân, trụ sở UBND xã. Trường hợp ngày tiếp trùng ngày nghỉ lễ, lịch chuyển sang ngày làm việc liền kề.") +
		tableHTML([]string{"Nội dung", "Thời gian", "Người tiếp", "Địa điểm"}, [][]string{
			{"Tiếp công dân định kỳ", "Sáng thứ Năm hằng tuần", "Chủ tịch UBND xã", "Phòng tiếp công dân"},
			{"Tiếp công dân thường xuyên", "Các ngày làm việc trong tuần", "Công chức Tư pháp - Hộ tịch", "Phòng tiếp công dân"},
			{"Tiếp đột xuất", "Khi có vụ việc phức tạp, khẩn cấp", "Chủ tịch hoặc Phó Chủ tịch UBND xã", "Trụ sở UBND xã"},
		}) +
		p("Lịch áp dụng năm "+year+". Công dân mang theo giấy tờ tùy thân; người đại diện mang giấy ủy quyền theo quy định.")
	if change != "" {
		body += h2("Thay đổi lịch") + p(change)
	}
	return body
}

func receptionItems() []item {
	return []item{{
		Category: "tiep-cong-dan",
		Title:    "Nội quy tiếp công dân tại trụ sở UBND xã",
		Summary:  "Quyền, nghĩa vụ của người đến khiếu nại, tố cáo, kiến nghị, phản ánh và trách nhiệm của người tiếp công dân.",
		Body: h2("Người đến tiếp công dân") +
			ul("Xuất trình giấy tờ tùy thân; nếu được ủy quyền thì xuất trình giấy ủy quyền.",
				"Trình bày trung thực sự việc, cung cấp tài liệu liên quan; ký xác nhận nội dung đã trình bày.",
				"Có thái độ đúng mực; không mang vũ khí, chất dễ cháy, nổ vào nơi tiếp công dân.",
				"Trường hợp nhiều người cùng khiếu nại, kiến nghị về một nội dung thì cử đại diện để trình bày.") +
			h2("Người tiếp công dân") +
			ul("Mặc trang phục chỉnh tề, đeo thẻ công chức; tôn trọng, lắng nghe người dân.",
				"Hướng dẫn công dân thực hiện đúng thủ tục; tiếp nhận và chuyển đơn đến người có thẩm quyền.",
				"Thông báo kết quả xử lý theo thời hạn quy định."),
		LegalBasis: lawReception,
		Unit:       unitUBND,
		From:       day(2023, 4, 3),
		Decided:    day(2023, 4, 3),
		Published:  at(2023, 4, 3, 8, 0),
	}, {
		Category:   "tiep-cong-dan",
		Title:      "Lịch tiếp công dân định kỳ của Chủ tịch UBND xã năm 2024",
		Summary:    "Chủ tịch UBND xã tiếp công dân sáng thứ Năm hằng tuần tại Phòng tiếp công dân; lịch tiếp thường xuyên và đột xuất.",
		Body:       receptionSchedule("2024", ""),
		LegalBasis: lawReception,
		Unit:       unitUBND,
		From:       day(2024, 1, 1),
		Decided:    day(2024, 1, 1),
		Until:      day(2024, 12, 31),
		Published:  at(2023, 12, 28, 16, 20),
		Revisions: []revision{{
			At:     at(2024, 8, 26, 9, 30),
			Reason: "Thay đổi ngày tiếp công dân tuần từ 09/9 đến 13/9/2024 do trùng kỳ họp HĐND xã",
			Edit: func(in *store.DisclosureInput) {
				in.Body = receptionSchedule("2024", "Do trùng ngày khai mạc kỳ họp HĐND xã, buổi tiếp công dân định kỳ của Chủ tịch UBND xã thứ Năm ngày 12/9/2024 chuyển sang sáng thứ Sáu ngày 13/9/2024.")
			},
		}},
	}, {
		Category:   "tiep-cong-dan",
		Title:      "Lịch tiếp công dân định kỳ của Chủ tịch UBND xã năm 2025",
		Summary:    "Chủ tịch UBND xã tiếp công dân sáng thứ Năm hằng tuần tại Phòng tiếp công dân, trụ sở UBND xã.",
		Body:       receptionSchedule("2025", ""),
		LegalBasis: lawReception,
		Unit:       unitUBND,
		From:       day(2025, 1, 1),
		Decided:    day(2025, 1, 1),
		Until:      day(2025, 12, 31),
		Published:  at(2024, 12, 27, 15, 0),
	}}
}

func inspectionItems() []item {
	return []item{{
		Category: "thanh-tra-khieu-nai",
		Title:    "Chương trình hoạt động giám sát của Ban Thanh tra nhân dân năm 2024",
		Summary:  "Nội dung, thời gian giám sát của Ban Thanh tra nhân dân xã năm 2024 và cách gửi kiến nghị đến Ban.",
		Body: p("Ban Thanh tra nhân dân xã xây dựng chương trình giám sát năm 2024, được Ban Thường trực Ủy ban MTTQ Việt Nam xã thống nhất.") +
			tableHTML([]string{"Nội dung giám sát", "Thời gian", "Đơn vị được giám sát"}, [][]string{
				{"Thu, chi các khoản đóng góp tự nguyện xây dựng nhà văn hóa Thôn Thượng", "Quý I–II/2024", "Ban phát triển Thôn Thượng"},
				{"Việc công khai ngân sách xã và các khoản thu tại trường học", "Quý III/2024", "UBND xã; các nhà trường trong xã"},
				{"Việc giải quyết thủ tục hành chính tại Bộ phận Một cửa", "Quý IV/2024", "UBND xã"},
				{"Bình xét hộ nghèo, hộ cận nghèo", "Tháng 11–12/2024", "Các thôn; công chức Văn hóa - Xã hội"},
			}) +
			p("Người dân gửi kiến nghị đến Ban Thanh tra nhân dân qua hòm thư đặt tại trụ sở UBND xã hoặc qua thành viên Ban ở các thôn."),
		LegalBasis: lawDemocracy,
		Unit:       unitBanTTND,
		From:       day(2024, 1, 22),
		Decided:    day(2024, 1, 22),
		Published:  at(2024, 1, 22, 10, 0),
	}, {
		Category: "thanh-tra-khieu-nai",
		Title:    "Công khai quyết định giải quyết khiếu nại lần đầu về xác định ranh giới thửa đất tại Thôn Bắc",
		Summary:  "Quyết định số 41/QĐ-UBND ngày 12/6/2024: khiếu nại đúng một phần; UBND xã đo đạc lại và chỉnh lý hồ sơ địa chính.",
		Body: p("Ngày 02/4/2024, UBND xã nhận đơn của bà N.T.L. (Thôn Bắc) khiếu nại việc công chức địa chính xác định ranh giới giữa thửa đất của gia đình bà với lối đi chung khi đo đạc chỉnh lý bản đồ.") +
			h2("Kết quả xác minh") +
			ul("Ranh giới phía Đông của thửa đất được xác định chưa đúng với hồ sơ cấp giấy chứng nhận năm 2001, chênh lệch 4,2 m².",
				"Việc đo đạc không có mặt chủ sử dụng đất liền kề là chưa đúng quy trình.") +
			h2("Kết luận") +
			p("Khiếu nại của bà N.T.L. là đúng một phần. Giao công chức Địa chính - Xây dựng đo đạc lại với sự có mặt của các hộ liền kề, chỉnh lý hồ sơ địa chính trong 15 ngày. Người khiếu nại có quyền khiếu nại lần hai đến Chủ tịch UBND huyện hoặc khởi kiện vụ án hành chính theo quy định."),
		LegalBasis: "Luật Khiếu nại số 02/2011/QH13; Nghị định số 124/2020/NĐ-CP",
		Unit:       unitUBND,
		From:       day(2024, 6, 14),
		Decided:    day(2024, 6, 14),
		Published:  at(2024, 6, 14, 15, 30),
	}, {
		Category: "thanh-tra-khieu-nai",
		Title:    "Kết quả giám sát thu, chi đóng góp tự nguyện xây dựng nhà văn hóa Thôn Thượng",
		Summary:  "Ban Thanh tra nhân dân kết luận: thu, chi đúng mục đích, có sổ sách; đề nghị công khai chứng từ chi tại nhà văn hóa.",
		Body: p("Thực hiện chương trình giám sát năm 2024, Ban Thanh tra nhân dân xã đã giám sát việc thu, chi các khoản đóng góp tự nguyện xây dựng nhà văn hóa Thôn Thượng (số liệu minh họa).") +
			tableHTML([]string{"Nội dung", "Số tiền (đồng)"}, [][]string{
				{"Nhân dân đóng góp tự nguyện (312 hộ)", vn.Number(million(468))},
				{"Con em xa quê, doanh nghiệp ủng hộ", vn.Number(million(215))},
				{"Đã chi xây dựng, mua sắm thiết bị", vn.Number(million(671))},
				{"Còn lại chuyển quỹ của thôn", vn.Number(million(12))},
			}) +
			h2("Kiến nghị") +
			ul("Ban phát triển Thôn Thượng niêm yết bảng kê chứng từ chi tại nhà văn hóa trong 30 ngày.",
				"Không vận động đóng góp bắt buộc, không cào bằng mức đóng góp giữa các hộ."),
		LegalBasis: lawDemocracy,
		Unit:       unitBanTTND,
		From:       day(2025, 3, 20),
		Decided:    day(2025, 3, 20),
		Published:  at(2025, 3, 20, 9, 45),
	}}
}
