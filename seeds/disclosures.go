package seeds

import (
	"fmt"
	"minhbach/portal/plan"

	"minhbach/store"
)

// The demo disclosures. Titles, documents' numbers after 2023-01-19, names,
// phone numbers, households and money are fictional; the laws cited are
// real. Each file holds a few categories.

// allItems gathers every demo disclosure and checks the categories.
func allItems() ([]item, error) {
	var items []item
	for _, group := range [][]item{
		planItems(), noticeItems(), ruleItems(), receptionItems(), inspectionItems(),
		budgetItems(), povertyItems(), landItems(), compensationItems(),
		procedureItems(), draftItems(), internalItems(),
	} {
		items = append(items, group...)
	}
	for _, it := range items {
		if _, ok := store.CategoryBySlug(it.Category); !ok {
			return nil, fmt.Errorf("seeds: %q: unknown category %q", it.Title, it.Category)
		}
	}
	return items, nil
}

// Legal bases used by several items.
const (
	lawDemocracy  = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
	lawLocalGov   = "Luật Tổ chức chính quyền địa phương số 77/2015/QH13 (sửa đổi, bổ sung năm 2019)"
	lawBudget     = "Luật Ngân sách nhà nước số 83/2015/QH13; Thông tư số 343/2016/TT-BTC của Bộ Tài chính hướng dẫn thực hiện công khai ngân sách nhà nước"
	lawReception  = "Luật Tiếp công dân số 42/2013/QH13; Nghị định số 64/2014/NĐ-CP; Thông tư số 04/2021/TT-TTCP quy định quy trình tiếp công dân"
	lawLand2013   = "Luật Đất đai số 45/2013/QH13 (Điều 48, được sửa đổi bởi Luật số 35/2018/QH14)"
	lawLand2024   = "Luật Đất đai số 31/2024/QH15"
	lawPoverty    = "Nghị định số 07/2021/NĐ-CP quy định chuẩn nghèo đa chiều giai đoạn 2022–2025; Quyết định số 24/2021/QĐ-TTg quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm"
	planReference = "Kế hoạch số 06/KH-UBND ngày 19/01/2023 của UBND xã về nâng cao hiệu quả quản trị và hành chính công (PAPI) năm 2023"
)

func planItems() []item {
	return []item{{
		Plan:     true,
		Category: "ke-hoach-bao-cao",
		Title:    "Kế hoạch nâng cao hiệu quả quản trị và hành chính công (PAPI) xã Trung Trắc năm 2023",
		Summary:  "Kế hoạch số 06/KH-UBND ngày 19/01/2023 của UBND xã: mục đích, yêu cầu, nội dung, phân công thực hiện và Biểu tổng hợp nhiệm vụ nâng cao Chỉ số PAPI năm 2023.",
		Body: p("Thực hiện Kế hoạch số 15/KH-UBND ngày 18/01/2023 của UBND huyện Văn Lâm, UBND xã Trung Trắc ban hành Kế hoạch nâng cao hiệu quả quản trị và hành chính công (PAPI) năm 2023, phấn đấu Chỉ số PAPI của xã năm 2023 tăng bậc so với năm 2022.") +
			h2("Các lĩnh vực trọng tâm") +
			ul("Tham gia của người dân ở cấp cơ sở.",
				"Công khai, minh bạch trong việc ra quyết định: danh sách hộ nghèo, ngân sách xã, quy hoạch và kế hoạch sử dụng đất.",
				"Trách nhiệm giải trình với người dân: tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị.",
				"Kiểm soát tham nhũng trong khu vực công.",
				"Thủ tục hành chính công: chứng thực, xác nhận, cấp giấy chứng nhận quyền sử dụng đất.",
				"Cung ứng dịch vụ công: y tế, giáo dục, hạ tầng, an ninh trật tự.",
				"Quản trị môi trường.",
				"Quản trị điện tử: đăng tải hướng dẫn, biểu mẫu thủ tục hành chính và trả lời ý kiến người dân trên cổng thông tin của xã.") +
			h2("Phân công thực hiện") +
			ul("Công chức Văn phòng - Thống kê là bộ phận thường trực, theo dõi, đôn đốc, tổng hợp và báo cáo kết quả.",
				"Cán bộ, công chức xã thực hiện các nhiệm vụ tại Biểu tổng hợp nhiệm vụ, giải trình kết quả thuộc lĩnh vực mình phụ trách.",
				"Công chức Văn hóa - Xã hội và Đài truyền thanh xã tuyên truyền, phổ biến Kế hoạch.",
				"Đề nghị Ủy ban MTTQ Việt Nam xã phối hợp giám sát, phản biện xã hội.") +
			p("Toàn văn Kế hoạch và Biểu tổng hợp nhiệm vụ kèm theo được đăng trong tệp đính kèm (định dạng Word)."),
		LegalBasis: "Chỉ thị số 06/CT-CTUBND ngày 17/5/2019 của Chủ tịch UBND tỉnh Hưng Yên; Kế hoạch số 15/KH-UBND ngày 18/01/2023 của UBND huyện Văn Lâm",
		Unit:       unitUBND,
		From:       day(2023, 1, 19),
		Decided:    day(2023, 1, 19),
		Created:    at(2023, 1, 19, 8, 10),
		Published:  at(2023, 1, 19, 15, 30),
		Attach:     []attachSpec{{Filename: "ke-hoach-06-KH-UBND-2023-PAPI.docx", MIME: MIMEDOCX, Make: PlanDOCX}},
		Kind:       plan.Kind,
		Input:      planInput(Plan2023()),
	}, {
		Category: "ke-hoach-bao-cao",
		Title:    "Kế hoạch nâng cao hiệu quả quản trị và hành chính công (PAPI) xã Trung Trắc năm 2026 (minh họa)",
		Summary:  "Bản minh họa: UBND xã sao chép Biểu tổng hợp nhiệm vụ năm 2023 sang năm 2026 để theo dõi chỉ số trên cổng. Không phải văn bản đã ban hành.",
		Body: p("Bản minh họa của cổng: Biểu tổng hợp nhiệm vụ nâng cao Chỉ số PAPI năm 2023 được sao chép sang năm 2026, giữ nguyên nhiệm vụ, kết quả dự kiến và chỉ tiêu, để người dân theo dõi kết quả thực hiện từng nhiệm vụ tại trang Chỉ số.") +
			p("Kế hoạch thật của năm do UBND xã ban hành sẽ thay thế bản này."),
		LegalBasis: planReference,
		Unit:       unitUBND,
		From:       day(2026, 1, 19),
		Decided:    day(2026, 1, 19),
		Created:    at(2026, 1, 19, 8, 0),
		Published:  at(2026, 1, 19, 10, 0),
		Kind:       plan.Kind,
		Input:      planInput(Plan2023().CopyFor(2026)),
	}, {
		Category: "ke-hoach-bao-cao",
		Title:    "Báo cáo kết quả thực hiện Kế hoạch nâng cao Chỉ số PAPI năm 2023",
		Summary:  "Báo cáo số 112/BC-UBND ngày 15/12/2023: kết quả thực hiện từng lĩnh vực, tồn tại, hạn chế và nhiệm vụ năm 2024.",
		Body: p("UBND xã báo cáo kết quả thực hiện Kế hoạch số 06/KH-UBND ngày 19/01/2023 như sau (số liệu minh họa):") +
			h2("Kết quả đạt được") +
			tableHTML([]string{"Lĩnh vực", "Kết quả năm 2023"}, [][]string{
				{"Tham gia của người dân", "Tổ chức 14 hội nghị thôn bàn và quyết định các công trình phúc lợi; 2 đợt tiếp xúc cử tri tại 7 thôn."},
				{"Công khai, minh bạch", "Công khai đúng hạn dự toán, quyết toán ngân sách, danh sách hộ nghèo, kế hoạch sử dụng đất."},
				{"Trách nhiệm giải trình", "Chủ tịch UBND xã tiếp công dân 48 buổi, 37 lượt người; giải quyết 21/22 đơn thuộc thẩm quyền."},
				{"Thủ tục hành chính", "Tiếp nhận 2.846 hồ sơ, giải quyết đúng hạn 2.831 hồ sơ (99,5%); 15 hồ sơ trễ hạn đều có thư xin lỗi."},
				{"Dịch vụ công", "Tỷ lệ tham gia bảo hiểm y tế 93,8%; cứng hóa thêm 2,4 km đường thôn."},
				{"Môi trường", "1.120 hộ phân loại rác hữu cơ tại nguồn; ra quân vệ sinh môi trường hằng tháng."},
				{"Quản trị điện tử", "Đăng tải đầy đủ hướng dẫn và biểu mẫu thủ tục chứng thực, hộ tịch, đất đai trên cổng thông tin của xã."},
			}) +
			h2("Tồn tại, hạn chế") +
			ul("Tỷ lệ người dân biết và sử dụng dịch vụ công trực tuyến còn thấp, nhất là người cao tuổi.",
				"Một số thôn chưa duy trì thường xuyên việc niêm yết thông tin tại nhà văn hóa.") +
			h2("Nhiệm vụ năm 2024") +
			ul("Duy trì cổng công khai của xã; trả lời ý kiến người dân đúng hạn.",
				"Hướng dẫn người dân sử dụng dịch vụ công trực tuyến tại Bộ phận Một cửa và tại thôn."),
		LegalBasis: planReference,
		Unit:       unitVanPhong,
		From:       day(2023, 12, 15),
		Decided:    day(2023, 12, 15),
		Published:  at(2023, 12, 15, 16, 0),
	}, {
		Category: "ke-hoach-bao-cao",
		Title:    "Kế hoạch thu gom, phân loại chất thải rắn sinh hoạt tại nguồn năm 2024",
		Summary:  "Mục tiêu, lịch thu gom theo thôn và trách nhiệm của hộ gia đình trong phân loại rác tại nguồn năm 2024.",
		Body: p("Nhằm giảm lượng rác phải chôn lấp và cải thiện môi trường sống, UBND xã ban hành Kế hoạch thu gom, phân loại chất thải rắn sinh hoạt tại nguồn năm 2024.") +
			h2("Mục tiêu") +
			ul("100% thôn có tổ vệ sinh môi trường hoạt động thường xuyên.",
				"Ít nhất 70% hộ gia đình phân loại rác hữu cơ, tự xử lý hoặc ủ phân tại hộ.",
				"Không còn điểm tập kết rác tự phát ven kênh, ven đường trục xã.") +
			h2("Lịch thu gom") +
			tableHTML([]string{"Thôn", "Ngày thu gom", "Giờ"}, [][]string{
				{"Thôn Đông, Thôn Nam", "Thứ Hai, thứ Năm", "15 giờ 30"},
				{"Thôn Đoài, Thôn Bắc", "Thứ Ba, thứ Sáu", "15 giờ 30"},
				{"Thôn Ngọc Quỳnh, Thôn Trung, Thôn Thượng", "Thứ Tư, thứ Bảy", "15 giờ 30"},
			}) +
			p("Hộ gia đình để rác đã phân loại đúng nơi quy định; phản ánh điểm rác tự phát qua trưởng thôn hoặc bộ phận Một cửa của UBND xã."),
		LegalBasis: "Luật Bảo vệ môi trường số 72/2020/QH14; " + planReference + " (mục 8)",
		Unit:       unitDiaChinh,
		From:       day(2024, 2, 26),
		Decided:    day(2024, 2, 26),
		Until:      day(2024, 12, 31),
		Published:  at(2024, 2, 26, 10, 0),
	}, {
		Category: "ke-hoach-bao-cao",
		Title:    "Báo cáo kết quả cải thiện Chỉ số PAPI năm 2025",
		Summary:  "Dự thảo báo cáo đang tổng hợp số liệu từ các bộ phận.",
		Body: p("Dự thảo: Văn phòng - Thống kê đang tổng hợp báo cáo của các cán bộ, công chức theo Biểu tổng hợp nhiệm vụ.") +
			ul("Tư pháp - Hộ tịch: chưa gửi số liệu tiếp công dân quý IV.",
				"Tài chính - Kế toán: chờ số liệu thực hiện ngân sách cả năm."),
		LegalBasis: planReference,
		Unit:       unitVanPhong,
		From:       day(2026, 1, 15),
		Decided:    day(2026, 1, 15),
		Created:    at(2026, 1, 8, 14, 20),
	}}
}

// villageContacts is the list of plan row 4a: who residents can call.
func villageContacts(dongHead, doaiHead string) string {
	return p("UBND xã thông báo danh sách trưởng thôn, đại biểu HĐND xã và công chức phụ trách địa bàn để người dân liên hệ khi cần thiết (họ tên là dữ liệu minh họa; số điện thoại là số máy bàn của nhà văn hóa thôn, cũng là số minh họa không có thật).") +
		tableHTML([]string{"Thôn", "Trưởng thôn – điện thoại nhà văn hóa thôn", "Đại biểu HĐND xã", "Công chức phụ trách địa bàn"}, [][]string{
			{"Thôn Đông", dongHead, "Trần Thị Lan", "Công chức Địa chính - Xây dựng"},
			{"Thôn Đoài", doaiHead, "Lê Văn Cường", "Công chức Tư pháp - Hộ tịch"},
			{"Thôn Nam", "Phạm Thị Dung – 0221 0000 103", "Hoàng Văn Đức", "Công chức Văn hóa - Xã hội"},
			{"Thôn Bắc", "Vũ Thị Hạnh – 0221 0000 104", "Đỗ Văn Hùng", "Công chức Tài chính - Kế toán"},
			{"Thôn Ngọc Quỳnh", "Bùi Thị Hương – 0221 0000 105", "Đặng Văn Khánh", "Công chức Văn phòng - Thống kê"},
			{"Thôn Trung", "Ngô Thị Loan – 0221 0000 106", "Dương Văn Minh", "Công chức Văn phòng - Thống kê"},
			{"Thôn Thượng", "Phan Văn Phúc – 0221 0000 107", "Lý Thị Ngọc", "Công chức Địa chính - Xây dựng"},
		}) +
		p("Ngoài giờ hành chính, người dân có thể bỏ đơn, thư vào hộp thư góp ý đặt tại cổng trụ sở UBND xã; UBND xã trả lời theo thời hạn quy định.")
}

func noticeItems() []item {
	return []item{{
		Category:   "danh-ba",
		Kind:       "danh-ba",
		Title:      "Danh sách trưởng thôn, đại biểu HĐND xã và công chức phụ trách địa bàn",
		Summary:    "Họ tên trưởng thôn, số điện thoại nhà văn hóa thôn; đại biểu HĐND xã và công chức xã phụ trách từng thôn để người dân liên hệ.",
		Body:       villageContacts("Nguyễn Văn Bình – 0221 0000 101", "Mai Văn Sơn – 0221 0000 102"),
		LegalBasis: planReference + " (mục 4a Biểu tổng hợp nhiệm vụ)",
		Unit:       unitVanPhong,
		From:       day(2023, 3, 10),
		Decided:    day(2023, 3, 10),
		Published:  at(2023, 3, 10, 9, 15),
		Revisions: []revision{{
			At:     at(2023, 9, 5, 8, 40),
			Reason: "Cập nhật trưởng thôn Đoài sau cuộc bầu bổ sung ngày 27/8/2023",
			Edit: func(in *store.DisclosureInput) {
				in.Body = villageContacts("Nguyễn Văn Bình – 0221 0000 101", "Tô Thị Thảo – 0221 0000 112")
			},
		}},
	}, {
		Category: "thong-bao",
		Title:    "Thông báo tổ chức hội nghị tiếp xúc cử tri trước kỳ họp giữa năm 2023 của HĐND xã",
		Summary:  "Lịch tiếp xúc cử tri của đại biểu HĐND xã tại nhà văn hóa các thôn, từ ngày 12 đến 16/6/2023.",
		Body: p("Thường trực HĐND xã thông báo lịch tiếp xúc cử tri của đại biểu HĐND xã nhiệm kỳ 2021–2026 trước kỳ họp thường lệ giữa năm 2023. Kính mời cử tri tham dự, phản ánh ý kiến, kiến nghị.") +
			tableHTML([]string{"Ngày", "Giờ", "Địa điểm", "Cử tri"}, [][]string{
				{"12/6/2023", "19 giờ 30", "Nhà văn hóa Thôn Đông", "Thôn Đông, Thôn Nam"},
				{"13/6/2023", "19 giờ 30", "Nhà văn hóa Thôn Đoài", "Thôn Đoài, Thôn Bắc"},
				{"15/6/2023", "19 giờ 30", "Nhà văn hóa Thôn Ngọc Quỳnh", "Thôn Ngọc Quỳnh"},
				{"16/6/2023", "19 giờ 30", "Nhà văn hóa Thôn Trung", "Thôn Trung, Thôn Thượng"},
			}) +
			p("Cử tri không dự được hội nghị có thể gửi ý kiến qua trưởng thôn hoặc hộp thư góp ý tại trụ sở UBND xã trước ngày 16/6/2023."),
		LegalBasis: lawLocalGov + "; " + lawDemocracy,
		Unit:       unitHDND,
		From:       day(2023, 6, 5),
		Decided:    day(2023, 6, 5),
		Until:      day(2023, 6, 16),
		Published:  at(2023, 6, 5, 14, 0),
	}, {
		Category: "thong-bao",
		Title:    "Lịch khám sức khỏe định kỳ cho người cao tuổi năm 2024",
		Summary:  "Trạm y tế xã khám sức khỏe, lập hồ sơ quản lý sức khỏe miễn phí cho người từ 60 tuổi trở lên, từ 25/3 đến 12/4/2024.",
		Body: p("Trạm y tế xã phối hợp Hội Người cao tuổi tổ chức khám sức khỏe định kỳ, đo huyết áp, đường huyết và lập hồ sơ quản lý sức khỏe cho người từ 60 tuổi trở lên.") +
			tableHTML([]string{"Thời gian", "Thôn"}, [][]string{
				{"25–29/3/2024", "Thôn Đông, Thôn Đoài, Thôn Nam"},
				{"01–05/4/2024", "Thôn Bắc, Thôn Ngọc Quỳnh"},
				{"08–12/4/2024", "Thôn Trung, Thôn Thượng"},
			}) +
			p("Người dân mang theo thẻ bảo hiểm y tế hoặc căn cước công dân. Khám và tư vấn không thu tiền."),
		LegalBasis: "Luật Người cao tuổi số 39/2009/QH12; Luật Khám bệnh, chữa bệnh số 15/2023/QH15",
		Unit:       unitTramYTe,
		From:       day(2024, 3, 18),
		Decided:    day(2024, 3, 18),
		Until:      day(2024, 4, 12),
		Published:  at(2024, 3, 18, 8, 30),
	}, {
		Category: "thong-bao",
		Title:    "Công khai các khoản thu năm học 2024–2025 của Trường Tiểu học Trung Trắc",
		Summary:  "Mức thu các khoản dịch vụ, thu hộ năm học 2024–2025 đã được thống nhất với Ban đại diện cha mẹ học sinh.",
		Body: p("Nhà trường công khai các khoản thu năm học 2024–2025. Ngoài các khoản dưới đây, nhà trường không thu thêm khoản nào khác.") +
			tableHTML([]string{"Khoản thu", "Mức thu", "Ghi chú"}, [][]string{
				{"Tiền ăn bán trú", "25.000 đồng/ngày", "Theo số ngày ăn thực tế"},
				{"Chăm sóc bán trú", "150.000 đồng/tháng", "9 tháng"},
				{"Nước uống", "10.000 đồng/tháng", "9 tháng"},
				{"Bảo hiểm y tế học sinh (thu hộ)", "884.520 đồng/năm", "Theo mức của cơ quan bảo hiểm xã hội"},
			}) +
			p("Phản ánh về các khoản thu gửi Ban giám hiệu nhà trường hoặc UBND xã."),
		LegalBasis: "Thông tư số 09/2024/TT-BGDĐT quy định về công khai trong hoạt động của các cơ sở giáo dục",
		Unit:       unitTieuHoc,
		From:       day(2024, 9, 9),
		Decided:    day(2024, 8, 26),
		Until:      day(2025, 5, 31),
		Published:  at(2024, 9, 9, 10, 0),
	}, {
		Category: "thong-bao",
		Title:    "Tăng cường phòng cháy, chữa cháy mùa hanh khô 2024–2025",
		Summary:  "Công an xã đề nghị hộ gia đình, cơ sở kinh doanh kiểm tra điện, bếp, bình chữa cháy; số điện thoại báo cháy.",
		Body: p("Mùa hanh khô là thời điểm dễ xảy ra cháy, nổ. Công an xã đề nghị:") +
			ul("Hộ gia đình kiểm tra hệ thống điện, không để chất dễ cháy gần bếp; nhà ở kết hợp kinh doanh trang bị bình chữa cháy.",
				"Không đốt rơm rạ, rác thải gần khu dân cư, đường dây điện.",
				"Cơ sở sản xuất, kinh doanh duy trì lối thoát nạn, không khóa cửa thoát hiểm khi có người làm việc.",
				"Khi có cháy, gọi ngay 114 và báo Công an xã.") +
			p("Công an xã sẽ phối hợp các thôn kiểm tra, hướng dẫn tại các cơ sở kinh doanh từ tháng 11/2024."),
		LegalBasis: "Luật Phòng cháy và chữa cháy số 27/2001/QH10 (sửa đổi, bổ sung năm 2013)",
		Unit:       unitCongAn,
		From:       day(2024, 11, 4),
		Decided:    day(2024, 11, 4),
		Until:      day(2025, 3, 31),
		Published:  at(2024, 11, 4, 9, 0),
	}, {
		Category: "thong-bao",
		Title:    "Lịch nghỉ Tết Nguyên đán Ất Tỵ 2025 và lịch trực Bộ phận Một cửa",
		Summary:  "Cán bộ, công chức nghỉ Tết từ 25/01 đến hết 02/02/2025; lịch trực tiếp nhận hồ sơ khai tử và việc khẩn cấp.",
		Body: p("Cán bộ, công chức xã nghỉ Tết Nguyên đán Ất Tỵ từ thứ Bảy ngày 25/01/2025 đến hết Chủ nhật ngày 02/02/2025. Bộ phận Một cửa làm việc trở lại từ thứ Hai ngày 03/02/2025.") +
			h2("Lịch trực trong những ngày nghỉ Tết") +
			tableHTML([]string{"Ngày", "Người trực", "Điện thoại"}, [][]string{
				{"25–27/01/2025", "Công chức Tư pháp - Hộ tịch", "0221 0000 201"},
				{"28/01–30/01/2025", "Công chức Văn phòng - Thống kê", "0221 0000 202"},
				{"31/01–02/02/2025", "Công chức Văn hóa - Xã hội", "0221 0000 203"},
			}) +
			p("Trong những ngày nghỉ, người trực tiếp nhận việc đăng ký khai tử và các việc khẩn cấp. Hạn giải quyết hồ sơ không tính các ngày nghỉ Tết."),
		LegalBasis: "Bộ luật Lao động số 45/2019/QH14; thông báo của Bộ Lao động - Thương binh và Xã hội về lịch nghỉ Tết Âm lịch năm 2025",
		Unit:       unitVanPhong,
		From:       day(2025, 1, 20),
		Decided:    day(2025, 1, 20),
		Until:      day(2025, 2, 3),
		Published:  at(2025, 1, 20, 15, 45),
	}}
}

// planInput sets a plan disclosure's facts and rows.
func planInput(p plan.Plan) func(*store.DisclosureInput) {
	facts, rows, err := plan.Encode(p)
	if err != nil {
		panic(err) // the seed's own data: a test catches it
	}
	return func(in *store.DisclosureInput) { in.Facts, in.Rows = facts, rows }
}
