package seeds

import (
	"encoding/json"
	"fmt"
	"strconv"

	"minhbach/portal/land"
	"minhbach/portal/procedure"
	"minhbach/portal/vn"
	"minhbach/store"
)

// Land use, compensation, administrative procedures and drafts for comment.

func landItems() []item {
	return []item{{
		Category: "dat-dai-quy-hoach",
		Title:    "Công khai kế hoạch sử dụng đất năm 2024 trên địa bàn xã Trung Trắc",
		Summary:  "Các công trình, dự án sử dụng đất năm 2024 trên địa bàn xã theo kế hoạch sử dụng đất năm 2024 của huyện Văn Lâm đã được UBND tỉnh phê duyệt.",
		Body: p("UBND xã công khai phần kế hoạch sử dụng đất năm 2024 của huyện Văn Lâm trên địa bàn xã Trung Trắc (số liệu minh họa).") +
			tableHTML([]string{"Công trình, dự án", "Loại đất", "Diện tích (ha)", "Vị trí"}, [][]string{
				{"Cải tạo, nâng cấp đường trục xã", "Đất giao thông", "0,85", "Thôn Đông, Thôn Nam"},
				{"Nhà văn hóa Thôn Thượng", "Đất sinh hoạt cộng đồng", "0,12", "Thôn Thượng"},
				{"Đấu giá quyền sử dụng đất ở khu Đồng Cửa", "Đất ở nông thôn", "1,60", "Thôn Trung"},
				{"Mở rộng điểm trường mầm non", "Đất xây dựng cơ sở giáo dục", "0,30", "Thôn Nam"},
			}) +
			p("Sơ đồ đính kèm: màu vàng là đất trồng lúa, màu hồng là đất ở, màu cam là đất xây dựng trụ sở và công trình công cộng, màu xám là đất giao thông, màu xanh là kênh mương; khung đỏ là phạm vi dự kiến mở rộng đường trục xã.") +
			p("Bản đồ kế hoạch sử dụng đất khổ lớn được niêm yết tại trụ sở UBND xã trong suốt năm kế hoạch."),
		LegalBasis: lawLand2013,
		Unit:       unitDiaChinh,
		From:       day(2024, 2, 5),
		Until:      day(2024, 12, 31),
		Published:  at(2024, 2, 5, 10, 0),
		Attach:     []attachSpec{{Filename: "so-do-ke-hoach-su-dung-dat-2024.png", MIME: mimePNG, Make: landUseSketch}},
		Structured: yearlyPlan(2024, "245/QĐ-UBND", day(2024, 1, 24),
			landSketch{"Sơ đồ kế hoạch sử dụng đất năm 2024: đất lúa màu vàng, đất ở màu hồng, công trình công cộng màu cam, khung đỏ là đoạn đường trục xã mở rộng", 800, 500}),
	}, {
		Category: "dat-dai-quy-hoach",
		Title:    "Thông báo thu hồi đất thực hiện dự án cải tạo, nâng cấp đường trục xã đoạn Thôn Đông – Thôn Nam",
		Summary:  "UBND huyện Văn Lâm thông báo thu hồi đất của 6 hộ để mở rộng đường trục xã; lịch điều tra, khảo sát, đo đạc, kiểm đếm.",
		Body: p("UBND xã niêm yết thông báo thu hồi đất của UBND huyện Văn Lâm để thực hiện dự án cải tạo, nâng cấp đường trục xã đoạn Thôn Đông – Thôn Nam (tổng diện tích dự kiến thu hồi khoảng 0,85 ha, trong đó đất của hộ gia đình 911 m²).") +
			ul("Từ 16/9 đến 30/9/2024: điều tra, khảo sát, đo đạc, kiểm đếm; các hộ có mặt tại thửa đất theo lịch do tổ công tác thông báo.",
				"Tháng 11/2024: niêm yết dự thảo phương án bồi thường, hỗ trợ tại trụ sở UBND xã và nhà văn hóa thôn để lấy ý kiến.",
				"Người có đất thu hồi được tiếp tục sử dụng đất đến khi có quyết định thu hồi đất.") +
			p("Thắc mắc liên hệ công chức Địa chính - Xây dựng tại trụ sở UBND xã trong giờ hành chính."),
		LegalBasis: lawLand2024,
		Unit:       unitDiaChinh,
		From:       day(2024, 9, 9),
		Until:      day(2024, 10, 9),
		Published:  at(2024, 9, 9, 15, 0),
	}, {
		Category: "dat-dai-quy-hoach",
		Title:    "Công khai kế hoạch sử dụng đất năm 2025 trên địa bàn xã Trung Trắc",
		Summary:  "Các công trình, dự án sử dụng đất năm 2025 trên địa bàn xã.",
		Body: p("UBND xã công khai danh mục công trình, dự án sử dụng đất năm 2025 trên địa bàn xã (số liệu minh họa).") +
			tableHTML([]string{"Công trình, dự án", "Loại đất", "Diện tích (ha)", "Vị trí"}, [][]string{
				{"Khu thể thao Thôn Ngọc Quỳnh", "Đất xây dựng cơ sở thể dục, thể thao", "0,45", "Thôn Ngọc Quỳnh"},
				{"Điểm tập kết rác thải tạm thời", "Đất bãi thải, xử lý chất thải", "0,05", "Xứ đồng Thôn Bắc"},
				{"Đấu giá quyền sử dụng đất ở khu Đồng Cửa (chuyển tiếp)", "Đất ở nông thôn", "0,80", "Thôn Trung"},
			}),
		LegalBasis: lawLand2024,
		Unit:       unitDiaChinh,
		From:       day(2025, 1, 24),
		Until:      day(2025, 12, 31),
		Published:  at(2025, 1, 24, 9, 20),
		Structured: yearlyPlan(2025, "318/QĐ-UBND", day(2025, 1, 17)),
	}, {
		Category: "dat-dai-quy-hoach",
		Title:    "Công khai quy hoạch sử dụng đất thời kỳ 2021–2030 trên địa bàn xã Trung Trắc",
		Summary:  "Quy hoạch sử dụng đất đến năm 2030 của huyện Văn Lâm trên địa bàn xã, kèm bản đồ; niêm yết trong suốt kỳ quy hoạch.",
		Body: p("UBND xã công khai phần quy hoạch sử dụng đất thời kỳ 2021–2030 của huyện Văn Lâm trên địa bàn xã Trung Trắc (số liệu, bản đồ minh họa).") +
			tableHTML([]string{"Loại đất", "Hiện trạng 2020 (ha)", "Quy hoạch 2030 (ha)"}, [][]string{
				{"Đất trồng lúa", "412,6", "371,2"},
				{"Đất ở nông thôn", "96,4", "108,9"},
				{"Đất cụm công nghiệp", "0", "25,0"},
				{"Đất giao thông, thủy lợi", "88,3", "94,1"},
			}) +
			p("Bản đồ: màu vàng là đất trồng lúa, màu hồng là đất ở, màu cam là đất công trình công cộng ở trung tâm xã, màu tím kẻ chéo là cụm công nghiệp dự kiến, màu xám là đường, màu xanh là kênh tưới tiêu.") +
			p("Bản đồ khổ lớn được niêm yết tại trụ sở UBND xã trong suốt kỳ quy hoạch."),
		LegalBasis: lawLand2024 + " (Điều 75)",
		Unit:       unitDiaChinh,
		From:       day(2023, 2, 13),
		Until:      day(2030, 12, 31),
		Published:  at(2023, 2, 13, 9, 0),
		Attach:     demoMapFiles(),
		Structured: landUsePlan2030,
	}}
}

// parcel is a household's land taken for the road project.
type parcel struct {
	Head, Village, Land string
	Area                int64 // m²
	Assets              int64 // đồng; for farmland, computed from the area
}

const (
	priceRice      = 105_000   // đồng/m², đất trồng lúa (illustrative)
	supportRice    = 210_000   // đồng/m², hỗ trợ chuyển đổi nghề, tìm kiếm việc làm
	cropPerM2      = 6_000     // đồng/m², lúa, hoa màu trên đất
	priceResidence = 4_200_000 // đồng/m², đất ở nông thôn ven đường trục
)

func compensationTable(ps []parcel) (string, int64) {
	var rows [][]string
	var total int64
	for i, pc := range ps {
		var land, support, assets int64
		if pc.Land == "Đất trồng lúa" {
			land, support, assets = pc.Area*priceRice, pc.Area*supportRice, pc.Area*cropPerM2
		} else {
			land, assets = pc.Area*priceResidence, pc.Assets
		}
		sum := land + support + assets
		total += sum
		rows = append(rows, []string{strconv.Itoa(i + 1), pc.Head, pc.Village, pc.Land, strconv.FormatInt(pc.Area, 10),
			vn.Number(land), vn.Number(support), vn.Number(assets), vn.Number(sum)})
	}
	rows = append(rows, []string{"", "Tổng cộng", "", "", "", "", "", "", vn.Number(total)})
	return tableHTML([]string{"STT", "Chủ hộ", "Thôn", "Loại đất", "Diện tích thu hồi (m²)", "Bồi thường về đất (đồng)",
		"Hỗ trợ (đồng)", "Tài sản, cây trồng (đồng)", "Tổng (đồng)"}, rows), total
}

func roadParcels(khaiArea int64) []parcel {
	return []parcel{
		{"Phạm Văn Khải", "Thôn Đông", "Đất trồng lúa", khaiArea, 0},
		{"Nguyễn Thị Hoa", "Thôn Đông", "Đất trồng lúa", 240, 0},
		{"Trần Văn Long", "Thôn Đông", "Đất ở", 18, 38_500_000},
		{"Lê Văn Hậu", "Thôn Nam", "Đất ở", 24, 52_300_000},
		{"Vũ Thị Sen", "Thôn Nam", "Đất trồng lúa", 315, 0},
		{"Đỗ Văn Thành", "Thôn Nam", "Đất trồng lúa", 128, 0},
	}
}

func compensationDraft(khaiArea int64, note string) string {
	tbl, total := compensationTable(roadParcels(khaiArea))
	body := p("Hội đồng bồi thường, hỗ trợ và tái định cư huyện phối hợp UBND xã niêm yết dự thảo phương án bồi thường, hỗ trợ dự án cải tạo, nâng cấp đường trục xã đoạn Thôn Đông – Thôn Nam để lấy ý kiến người có đất thu hồi (đơn giá, số liệu minh họa).") +
		tbl +
		p(fmt.Sprintf("Tổng kinh phí dự kiến: %s đồng. Dự án không phát sinh tái định cư vì các hộ có đất ở bị thu hồi một phần vẫn đủ điều kiện ở lại trên thửa đất.", vn.Number(total))) +
		p("Ý kiến về dự thảo gửi UBND xã bằng văn bản, trực tiếp tại buổi đối thoại ngày 02/12/2024 ở nhà văn hóa Thôn Đông, hoặc qua thư điện tử của UBND xã.")
	if note != "" {
		body += h2("Điều chỉnh") + p(note)
	}
	return body
}

// The road project's compensation: its name, and what the meeting with
// the six households concluded.
const (
	roadProject = "Cải tạo, nâng cấp đường trục xã đoạn Thôn Đông – Thôn Nam"
	roadOutcome = "6/6 hộ dự họp. Các hộ đồng ý với đơn giá bồi thường; hộ ông Phạm Văn Khải đồng ý với diện tích đo đạc lại (172 m²). " +
		"Hai hộ đề nghị được chi trả trước Tết Nguyên đán: Hội đồng bồi thường tiếp thu, dự kiến chi trả trong tháng 01/2025."
)

func compensationItems() []item {
	_, total := compensationTable(roadParcels(172))
	_, total186 := compensationTable(roadParcels(186))
	return []item{{
		Category:   "boi-thuong-tai-dinh-cu",
		Title:      "Niêm yết dự thảo phương án bồi thường, hỗ trợ dự án cải tạo, nâng cấp đường trục xã đoạn Thôn Đông – Thôn Nam",
		Summary:    "Dự thảo phương án bồi thường, hỗ trợ cho 6 hộ có đất thu hồi; niêm yết 30 ngày để lấy ý kiến.",
		Body:       compensationDraft(186, ""),
		LegalBasis: lawLand2024 + "; Nghị định số 88/2024/NĐ-CP quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
		Unit:       unitDiaChinh,
		From:       day(2024, 11, 11),
		Until:      day(2024, 12, 11),
		Published:  at(2024, 11, 11, 8, 45),
		Structured: compensation(day(2024, 11, 8), land.Compensation{Project: roadProject, Households: 6, Total: total186,
			MeetingOn: "2024-12-02", MeetingAt: "Nhà văn hóa Thôn Đông"}, "Thôn Đông", "Thôn Nam"),
		Revisions: []revision{{
			At:     at(2024, 11, 25, 16, 0),
			Reason: "Điều chỉnh diện tích thu hồi của hộ ông Phạm Văn Khải theo kết quả đo đạc lại",
			Edit: func(in *store.DisclosureInput) {
				in.Body = compensationDraft(172, "Theo đề nghị của hộ ông Phạm Văn Khải, tổ công tác đã đo đạc lại ngày 21/11/2024: diện tích thu hồi là 172 m² (dự thảo lần đầu ghi 186 m²). Các khoản bồi thường, hỗ trợ của hộ đã được tính lại.")
				editCompensation(in, func(c *land.Compensation) { c.Total = total })
			},
		}, {
			At:     at(2024, 12, 3, 10, 30),
			Reason: "Ghi kết quả buổi đối thoại với các hộ có đất thu hồi ngày 02/12/2024",
			Edit: func(in *store.DisclosureInput) {
				editCompensation(in, func(c *land.Compensation) { c.Outcome = roadOutcome })
			},
		}},
	}, {
		Category: "boi-thuong-tai-dinh-cu",
		Title:    "Công khai phương án bồi thường, hỗ trợ đã được phê duyệt và lịch chi trả",
		Summary:  fmt.Sprintf("Phương án bồi thường, hỗ trợ dự án đường trục xã đoạn Thôn Đông – Thôn Nam: tổng %s đồng; chi trả ngày 15–16/01/2025.", vn.Number(total)),
		Body: p(fmt.Sprintf("Phương án bồi thường, hỗ trợ dự án cải tạo, nâng cấp đường trục xã đoạn Thôn Đông – Thôn Nam đã được UBND huyện Văn Lâm phê duyệt ngày 27/12/2024 với tổng kinh phí %s đồng, không thay đổi so với dự thảo đã điều chỉnh ngày 25/11/2024.", vn.Number(total))) +
			tableHTML([]string{"Ngày chi trả", "Địa điểm", "Các hộ"}, [][]string{
				{"15/01/2025", "Nhà văn hóa Thôn Đông", "Hộ ông Phạm Văn Khải, bà Nguyễn Thị Hoa, ông Trần Văn Long"},
				{"16/01/2025", "Nhà văn hóa Thôn Nam", "Hộ ông Lê Văn Hậu, bà Vũ Thị Sen, ông Đỗ Văn Thành"},
			}) +
			p("Chủ hộ mang theo căn cước công dân, giấy chứng nhận quyền sử dụng đất; người nhận thay mang giấy ủy quyền có chứng thực."),
		LegalBasis: lawLand2024 + "; Nghị định số 88/2024/NĐ-CP",
		Unit:       unitDiaChinh,
		From:       day(2025, 1, 6),
		Until:      day(2025, 2, 4),
		Published:  at(2025, 1, 6, 14, 15),
		Structured: compensation(day(2024, 12, 27), land.Compensation{Project: roadProject, Households: 6, Total: total,
			MeetingOn: "2024-12-02", MeetingAt: "Nhà văn hóa Thôn Đông", Outcome: roadOutcome}, "Thôn Đông", "Thôn Nam"),
	}, {
		Category: "boi-thuong-tai-dinh-cu",
		Title:    ngocQuynhPlan,
		Summary:  "Dự thảo phương án bồi thường, hỗ trợ cho 4 hộ có đất trồng màu bị thu hồi; niêm yết 30 ngày, đối thoại ngày 18/12/2026.",
		Body: p("Hội đồng bồi thường, hỗ trợ và tái định cư phối hợp UBND xã niêm yết dự thảo phương án bồi thường, hỗ trợ dự án xây dựng khu thể thao Thôn Ngọc Quỳnh (đơn giá, số liệu minh họa).") +
			tableHTML([]string{"STT", "Chủ hộ", "Loại đất", "Diện tích thu hồi (m²)", "Bồi thường, hỗ trợ (đồng)"}, [][]string{
				{"1", "Hoàng Văn Tâm", "Đất trồng cây hằng năm", "320", vn.Number(320 * (priceRice + cropPerM2))},
				{"2", "Ngô Thị Lan", "Đất trồng cây hằng năm", "410", vn.Number(410 * (priceRice + cropPerM2))},
				{"3", "Bùi Văn Hưng", "Đất trồng cây hằng năm", "275", vn.Number(275 * (priceRice + cropPerM2))},
				{"4", "Đinh Thị Mơ", "Đất trồng cây hằng năm", "395", vn.Number(395 * (priceRice + cropPerM2))},
			}) +
			p("Ý kiến về dự thảo gửi UBND xã bằng văn bản, qua mục “Hỏi về phương án này” dưới đây, hoặc trực tiếp tại buổi đối thoại ngày 18/12/2026 ở nhà văn hóa Thôn Ngọc Quỳnh."),
		LegalBasis: lawLand2024 + "; Nghị định số 88/2024/NĐ-CP",
		Unit:       unitDiaChinh,
		From:       day(2026, 11, 16),
		Until:      day(2026, 12, 15),
		Published:  at(2026, 11, 16, 8, 30),
		Structured: compensation(day(2026, 11, 12), land.Compensation{Project: "Xây dựng khu thể thao Thôn Ngọc Quỳnh", Households: 4,
			Total: 1400 * (priceRice + cropPerM2), MeetingOn: "2026-12-18", MeetingAt: "Nhà văn hóa Thôn Ngọc Quỳnh"}, "Thôn Ngọc Quỳnh"),
	}}
}

// editCompensation changes a compensation plan's facts in a revision (on a
// schema without facts, there are none to change).
func editCompensation(in *store.DisclosureInput, edit func(*land.Compensation)) {
	var c land.Compensation
	if len(in.Facts) == 0 || json.Unmarshal(in.Facts, &c) != nil {
		return
	}
	edit(&c)
	in.Facts, _ = json.Marshal(c)
}

func birthRegistration(online bool) string {
	body := h2("Trình tự thực hiện") +
		ul("Người yêu cầu nộp tờ khai và giấy tờ tại Bộ phận Một cửa UBND xã.",
			"Công chức Tư pháp - Hộ tịch kiểm tra; nếu hồ sơ đầy đủ, hợp lệ thì ghi vào Sổ hộ tịch và trình Chủ tịch UBND xã cấp Giấy khai sinh.",
			"Người yêu cầu kiểm tra nội dung Giấy khai sinh, ký vào Sổ hộ tịch.") +
		h2("Thành phần hồ sơ") +
		ul("Tờ khai đăng ký khai sinh (tải mẫu đính kèm, hoặc nhận miễn phí tại Bộ phận Một cửa).",
			"Giấy chứng sinh; trường hợp không có thì văn bản của người làm chứng xác nhận việc sinh.",
			"Xuất trình giấy tờ tùy thân của người yêu cầu.") +
		h2("Thời hạn, lệ phí") +
		ul("Giải quyết ngay trong ngày; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
			"Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong 60 ngày kể từ ngày sinh.",
			"Miễn lệ phí đối với đăng ký khai sinh đúng hạn.")
	if online {
		body += h2("Nộp hồ sơ trực tuyến") +
			p("Người dân có thể nộp hồ sơ trực tuyến liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID. Công chức Bộ phận Một cửa hướng dẫn miễn phí tại trụ sở UBND xã.")
	}
	return body
}

func procedureItems() []item {
	form := attachSpec{Filename: "to-khai-dang-ky-khai-sinh.docx", MIME: MIMEDOCX, Make: birthRegistrationForm}
	return []item{{
		Category:   "thu-tuc-hanh-chinh",
		Title:      "Thủ tục đăng ký khai sinh",
		Summary:    "Trình tự, hồ sơ, thời hạn, lệ phí đăng ký khai sinh tại UBND xã; mẫu tờ khai tải về ngay tại đây.",
		Body:       birthRegistration(false),
		LegalBasis: "Luật Hộ tịch số 60/2014/QH13; Nghị định số 123/2015/NĐ-CP; Thông tư số 04/2020/TT-BTP",
		Unit:       unitTuPhap,
		From:       day(2023, 3, 6),
		Published:  at(2023, 3, 6, 11, 0),
		Attach:     []attachSpec{form},
		Structured: procedureFacts(procedure.Procedure{Field: "ho-tich", Name: "Đăng ký khai sinh",
			Steps: []string{
				"Người yêu cầu nộp tờ khai và giấy tờ tại Bộ phận Một cửa UBND xã.",
				"Công chức Tư pháp - Hộ tịch kiểm tra; hồ sơ đầy đủ, hợp lệ thì ghi vào Sổ hộ tịch và trình Chủ tịch UBND xã cấp Giấy khai sinh.",
				"Người yêu cầu kiểm tra nội dung Giấy khai sinh, ký vào Sổ hộ tịch và nhận kết quả.",
			},
			TimeLimit: "Trong ngày; hồ sơ nhận sau 15 giờ trả kết quả trong ngày làm việc tiếp theo",
			Fee:       "Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh)",
			Where:     "Bộ phận Một cửa, UBND xã Trung Trắc; hoặc trực tuyến trên Cổng Dịch vụ công quốc gia",
		}, demoDoc{"Tờ khai đăng ký khai sinh", 0},
			demoDoc{"Giấy chứng sinh; không có thì văn bản của người làm chứng xác nhận việc sinh", -1},
			demoDoc{"Giấy tờ tùy thân của người yêu cầu (xuất trình)", -1}),
		Revisions: []revision{{
			At:     at(2024, 7, 15, 9, 0),
			Reason: "Bổ sung hướng dẫn nộp hồ sơ trực tuyến liên thông khai sinh – thường trú – bảo hiểm y tế",
			Edit:   func(in *store.DisclosureInput) { in.Body = birthRegistration(true) },
		}},
	}, {
		Category: "thu-tuc-hanh-chinh",
		Title:    "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản",
		Summary:  "Hồ sơ, thời hạn và lệ phí chứng thực bản sao từ bản chính tại Bộ phận Một cửa UBND xã.",
		Body: h2("Hồ sơ") +
			ul("Bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận.",
				"Bản sao cần chứng thực; nếu người yêu cầu chưa có bản sao, Bộ phận Một cửa chụp từ bản chính.") +
			h2("Thời hạn") +
			p("Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.") +
			h2("Lệ phí") +
			tableHTML([]string{"Nội dung", "Mức thu"}, [][]string{
				{"Trang thứ nhất, trang thứ hai", "2.000 đồng/trang"},
				{"Từ trang thứ ba trở lên", "1.000 đồng/trang"},
				{"Mức tối đa", "200.000 đồng/bản"},
			}),
		LegalBasis: "Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký; Thông tư số 226/2016/TT-BTC",
		Unit:       unitTuPhap,
		From:       day(2023, 3, 20),
		Published:  at(2023, 3, 20, 10, 0),
		Structured: procedureFacts(procedure.Procedure{Field: "chung-thuc", Name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
			Steps: []string{
				"Người yêu cầu xuất trình bản chính và nộp bản sao tại Bộ phận Một cửa UBND xã.",
				"Công chức đối chiếu bản sao với bản chính, ghi lời chứng, ký và đóng dấu.",
				"Người yêu cầu nộp lệ phí và nhận bản sao đã chứng thực.",
			},
			TimeLimit: "Trong ngày tiếp nhận; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo",
			Fee:       "2.000 đồng/trang cho trang thứ nhất và thứ hai; từ trang thứ ba 1.000 đồng/trang; tối đa 200.000 đồng/bản",
			Where:     "Bộ phận Một cửa, UBND xã Trung Trắc",
		}, demoDoc{"Bản chính giấy tờ, văn bản (xuất trình)", -1},
			demoDoc{"Bản sao cần chứng thực; chưa có thì Bộ phận Một cửa chụp từ bản chính", -1}),
	}, {
		Category:   "thu-tuc-hanh-chinh",
		Title:      "Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất",
		Summary:    "Trình tự, hồ sơ, thời hạn và phí chứng thực hợp đồng, giao dịch tại UBND xã; phiếu yêu cầu tải về ngay tại đây.",
		Body:       p("UBND xã chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở theo quy định. Thời hạn và mức phí dưới đây là số liệu minh họa của bản trình diễn."),
		LegalBasis: "Nghị định số 23/2015/NĐ-CP; Thông tư số 01/2020/TT-BTP; Thông tư số 226/2016/TT-BTC",
		Unit:       unitTuPhap,
		From:       day(2025, 3, 10),
		Published:  at(2025, 3, 10, 9, 0),
		Attach:     []attachSpec{{Filename: "phieu-yeu-cau-chung-thuc.docx", MIME: MIMEDOCX, Make: certificationRequestForm}},
		Structured: procedureFacts(procedure.Procedure{Field: "chung-thuc", Name: "Chứng thực hợp đồng, giao dịch",
			Steps: []string{
				"Người yêu cầu nộp phiếu yêu cầu, dự thảo hợp đồng và giấy tờ tại Bộ phận Một cửa UBND xã.",
				"Công chức kiểm tra hồ sơ; các bên ký hợp đồng trước mặt người thực hiện chứng thực.",
				"Chủ tịch hoặc Phó Chủ tịch UBND xã ký chứng thực; người yêu cầu nộp phí và nhận kết quả.",
			},
			TimeLimit: "Minh họa: trong 02 ngày làm việc",
			Fee:       "Minh họa: 50.000 đồng/hợp đồng, giao dịch",
			Where:     "Bộ phận Một cửa, UBND xã Trung Trắc",
		}, demoDoc{"Phiếu yêu cầu chứng thực hợp đồng, giao dịch", 0},
			demoDoc{"Dự thảo hợp đồng, giao dịch", -1},
			demoDoc{"Bản sao giấy tờ tùy thân của người yêu cầu", -1},
			demoDoc{"Bản sao Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ về tài sản", -1}),
	}, {
		Category:   "thu-tuc-hanh-chinh",
		Title:      "Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ",
		Summary:    "Hồ sơ, trình tự, thời hạn và lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ; đơn đề nghị tải về ngay tại đây.",
		Body:       p("Hộ gia đình, cá nhân xây dựng nhà ở riêng lẻ thuộc diện phải có giấy phép nộp hồ sơ tại Bộ phận Một cửa UBND xã. Thời hạn và lệ phí dưới đây là số liệu minh họa của bản trình diễn."),
		LegalBasis: "Luật Xây dựng số 50/2014/QH13 (sửa đổi, bổ sung năm 2020); Nghị định số 15/2021/NĐ-CP",
		Unit:       unitDiaChinh,
		From:       day(2025, 3, 10),
		Published:  at(2025, 3, 10, 9, 30),
		Attach:     []attachSpec{{Filename: "don-de-nghi-cap-giay-phep-xay-dung.docx", MIME: MIMEDOCX, Make: constructionPermitForm}},
		Structured: procedureFacts(procedure.Procedure{Field: "xay-dung", Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ",
			Steps: []string{
				"Chủ hộ nộp hồ sơ tại Bộ phận Một cửa UBND xã (hoặc trực tuyến).",
				"Công chức Địa chính - Xây dựng kiểm tra hồ sơ, thẩm định và kiểm tra thực địa.",
				"UBND xã cấp giấy phép xây dựng; chủ hộ nộp lệ phí và nhận giấy phép.",
			},
			TimeLimit: "Minh họa: 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
			Fee:       "Minh họa: 75.000 đồng/giấy phép",
			Where:     "Bộ phận Một cửa, UBND xã Trung Trắc",
		}, demoDoc{"Đơn đề nghị cấp giấy phép xây dựng", 0},
			demoDoc{"Bản sao giấy tờ chứng minh quyền sử dụng đất", -1},
			demoDoc{"02 bộ bản vẽ thiết kế xây dựng", -1}),
	}, {
		Category:   "thu-tuc-hanh-chinh",
		Title:      "Thủ tục đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
		Summary:    "Hồ sơ, trình tự, thời hạn và lệ phí đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu; đơn đăng ký tải về ngay tại đây.",
		Body:       p("Người đang sử dụng đất chưa được cấp Giấy chứng nhận nộp hồ sơ đăng ký tại Bộ phận Một cửa UBND xã. Thời hạn và lệ phí dưới đây là số liệu minh họa của bản trình diễn."),
		LegalBasis: lawLand2024 + "; Nghị định số 101/2024/NĐ-CP về điều tra cơ bản đất đai, đăng ký, cấp Giấy chứng nhận",
		Unit:       unitDiaChinh,
		From:       day(2025, 3, 10),
		Published:  at(2025, 3, 10, 10, 0),
		Attach:     []attachSpec{{Filename: "don-dang-ky-dat-dai-mau-04-DK.docx", MIME: MIMEDOCX, Make: landRegistrationForm}},
		Structured: procedureFacts(procedure.Procedure{Field: "dat-dai", Name: "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
			Steps: []string{
				"Người sử dụng đất nộp hồ sơ tại Bộ phận Một cửa UBND xã.",
				"UBND xã xác nhận hiện trạng, nguồn gốc, tình trạng tranh chấp và niêm yết công khai kết quả kiểm tra 15 ngày.",
				"Văn phòng đăng ký đất đai kiểm tra, trình cơ quan có thẩm quyền cấp Giấy chứng nhận.",
				"Người sử dụng đất thực hiện nghĩa vụ tài chính và nhận Giấy chứng nhận tại Bộ phận Một cửa.",
			},
			TimeLimit: "Minh họa: 20 ngày làm việc, không kể thời gian niêm yết",
			Fee:       "Minh họa: lệ phí cấp Giấy chứng nhận 25.000 đồng/giấy",
			Where:     "Bộ phận Một cửa, UBND xã Trung Trắc",
		}, demoDoc{"Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)", 0},
			demoDoc{"Giấy tờ về quyền sử dụng đất (nếu có)", -1},
			demoDoc{"Bản sao giấy tờ tùy thân", -1}),
	}}
}

func conventionDraft(until string) string {
	return p("Thôn Ngọc Quỳnh lấy ý kiến Nhân dân về dự thảo Quy ước thôn (sửa đổi, bổ sung) trước khi tổ chức hội nghị thôn biểu quyết.") +
		h2("Nội dung sửa đổi, bổ sung chính") +
		ul("Tổ chức việc cưới, việc tang văn minh, tiết kiệm; không sử dụng loa công suất lớn sau 22 giờ.",
			"Phân loại rác tại hộ gia đình; không đổ rác, xác động vật xuống kênh mương.",
			"Giữ gìn an ninh trật tự; đăng ký tạm trú cho người thuê nhà theo quy định.",
			"Khen thưởng hộ gia đình, cá nhân thực hiện tốt Quy ước.") +
		p("Ý kiến góp ý gửi Trưởng thôn, Ban công tác Mặt trận thôn, hòm thư tại nhà văn hóa thôn hoặc mục góp ý của bài này đến hết ngày "+until+".")
}

func draftItems() []item {
	return []item{{
		Category:   "du-thao-lay-y-kien",
		Title:      "Lấy ý kiến Nhân dân về dự thảo Quy ước Thôn Ngọc Quỳnh (sửa đổi, bổ sung)",
		Summary:    "Dự thảo Quy ước thôn về việc cưới, việc tang, vệ sinh môi trường, an ninh trật tự; mời người dân góp ý.",
		Body:       conventionDraft("08/5/2024"),
		LegalBasis: lawDemocracy + "; Nghị định số 61/2023/NĐ-CP về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư",
		Unit:       unitVHXH,
		From:       day(2024, 4, 8),
		Until:      day(2024, 5, 8),
		Published:  at(2024, 4, 8, 9, 30),
		Revisions: []revision{{
			At:     at(2024, 4, 22, 15, 10),
			Reason: "Gia hạn thời gian lấy ý kiến đến hết ngày 15/5/2024 theo đề nghị của Ban công tác Mặt trận thôn",
			Edit: func(in *store.DisclosureInput) {
				in.Body = conventionDraft("15/5/2024")
				in.PostingUntil = day(2024, 5, 15)
			},
		}},
	}, {
		Category: "du-thao-lay-y-kien",
		Title:    "Lấy ý kiến Nhân dân về dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2025",
		Summary:  "Các chỉ tiêu chủ yếu năm 2025 và danh mục công trình dự kiến; góp ý đến hết ngày 20/11/2024.",
		Body: p("UBND xã lấy ý kiến Nhân dân về dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2025 trước khi trình HĐND xã.") +
			tableHTML([]string{"Chỉ tiêu", "Dự kiến năm 2025"}, [][]string{
				{"Tổng giá trị sản xuất tăng", "8,5%"},
				{"Tỷ lệ hộ nghèo", "Dưới 0,3%"},
				{"Tỷ lệ người dân tham gia bảo hiểm y tế", "95%"},
				{"Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "Trên 98%"},
				{"Tỷ lệ hộ phân loại rác tại nguồn", "75%"},
			}) +
			p("Ý kiến gửi UBND xã bằng văn bản, qua trưởng thôn hoặc mục góp ý của bài này."),
		LegalBasis: lawDemocracy,
		Unit:       unitVanPhong,
		From:       day(2024, 10, 21),
		Until:      day(2024, 11, 20),
		Published:  at(2024, 10, 21, 8, 0),
	}, {
		Category: "du-thao-lay-y-kien",
		Title:    "Dự thảo phương án đặt tên các tuyến đường trục xã",
		Summary:  "Dự thảo đang hoàn thiện, chưa công bố.",
		Body: p("Dự thảo: đề xuất đặt tên 4 tuyến đường trục xã; Văn hóa - Xã hội đang xin ý kiến các thôn và Hội Cựu chiến binh trước khi công bố lấy ý kiến Nhân dân.") +
			ul("Tuyến 1: từ trụ sở UBND xã đến Thôn Đông.", "Tuyến 2: từ Thôn Trung đến Thôn Ngọc Quỳnh."),
		LegalBasis: "Nghị định số 91/2005/NĐ-CP ban hành Quy chế đặt, đổi tên đường, phố và công trình công cộng",
		Unit:       unitVHXH,
		From:       day(2025, 6, 2),
		Created:    at(2025, 5, 12, 10, 40),
	}}
}
