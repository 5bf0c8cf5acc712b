package main

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
)

// Vietnamese text for generated disclosures, built from the phrases a
// commune's notices use, so that pages, feeds and exports carry text of
// realistic length and shape (multi-byte letters, long titles).

var villages = []string{"Thôn Đông", "Thôn Đoài", "Thôn Nam", "Thôn Bắc", "Thôn Ngọc Quỳnh", "Thôn Trung", "Thôn Thượng"}

var projects = []string{
	"cứng hóa đường trục thôn", "cải tạo kênh tưới tiêu nội đồng", "xây dựng nhà văn hóa thôn",
	"nâng cấp trường mầm non xã", "mở rộng nghĩa trang nhân dân", "lắp đặt đèn chiếu sáng công cộng",
	"xây dựng điểm tập kết rác thải", "nạo vét mương thoát nước", "sửa chữa trạm y tế xã",
	"làm đường giao thông nội đồng", "xây dựng sân thể thao thôn", "kè bờ ao làng",
}

var activities = []string{
	"phòng, chống dịch bệnh trên đàn gia súc, gia cầm", "tổng vệ sinh môi trường", "tuyển chọn công dân nhập ngũ",
	"phổ biến, giáo dục pháp luật", "chuyển đổi số trong cơ quan nhà nước", "phòng cháy, chữa cháy",
	"xây dựng nông thôn mới nâng cao", "cải cách hành chính", "phòng, chống thiên tai và tìm kiếm cứu nạn",
	"bảo đảm trật tự an toàn giao thông", "thu thuế sử dụng đất phi nông nghiệp", "tiêm chủng mở rộng",
	"khuyến học, khuyến tài", "giảm nghèo bền vững", "chăm sóc người cao tuổi",
}

var procedures = []string{
	"đăng ký khai sinh", "đăng ký kết hôn", "chứng thực bản sao từ bản chính", "đăng ký thường trú",
	"xác nhận tình trạng hôn nhân", "cấp giấy chứng nhận quyền sử dụng đất lần đầu", "đăng ký khai tử",
	"chứng thực chữ ký", "đăng ký giám hộ", "hỗ trợ người có công với cách mạng",
}

var documents = []string{
	"quy chế thực hiện dân chủ ở cơ sở", "hương ước, quy ước thôn", "quy chế làm việc của UBND xã",
	"đề án phát triển sản xuất nông nghiệp", "quy định quản lý chợ", "kế hoạch sử dụng đất",
	"phương án phòng, chống lụt bão", "quy chế quản lý tài sản công",
}

var subjects = []string{
	"Ban chỉ đạo", "Trưởng thôn", "các hộ gia đình", "cán bộ, công chức xã", "Hội Nông dân xã",
	"Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã", "Hội Cựu chiến binh xã", "Ủy ban MTTQ Việt Nam xã",
}

var verbs = []string{
	"tổ chức thực hiện", "tuyên truyền, phổ biến", "kiểm tra, đôn đốc", "tổng hợp, báo cáo",
	"phối hợp triển khai", "rà soát, thống kê", "niêm yết công khai", "lấy ý kiến",
}

var objects = []string{
	"đến từng hộ gia đình", "trên hệ thống loa truyền thanh", "tại nhà văn hóa các thôn",
	"tại trụ sở UBND xã", "theo đúng quy định của pháp luật", "trước ngày 30 hằng tháng",
	"bảo đảm công khai, minh bạch", "với sự tham gia của Nhân dân",
}

var reasons = []string{
	"Bổ sung danh sách kèm theo", "Sửa lỗi chính tả trong tiêu đề", "Điều chỉnh thời gian niêm yết",
	"Cập nhật số liệu theo báo cáo của các thôn", "Bổ sung căn cứ pháp lý", "Đính kèm bản scan có chữ ký",
	"Điều chỉnh theo ý kiến của Ủy ban MTTQ xã",
}

var withdrawReasons = []string{
	"Ban hành nhầm văn bản, đã thay thế bằng thông báo mới",
	"Văn bản đã hết hiệu lực",
	"Theo yêu cầu của UBND cấp trên để rà soát lại",
}

// legalBases are the laws a category's items cite.
var legalBases = map[string]string{
	"thong-bao":              "Luật Tổ chức chính quyền địa phương số 77/2015/QH13",
	"ke-hoach-bao-cao":       "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
	"ngan-sach":              "Luật Ngân sách nhà nước số 83/2015/QH13; Thông tư số 343/2016/TT-BTC",
	"ho-ngheo":               "Nghị định số 07/2021/NĐ-CP; Quyết định số 24/2021/QĐ-TTg",
	"dat-dai-quy-hoach":      "Luật Đất đai số 31/2024/QH15",
	"boi-thuong-tai-dinh-cu": "Luật Đất đai số 31/2024/QH15, Điều 87",
	"tiep-cong-dan":          "Luật Tiếp công dân số 42/2013/QH13",
	"thu-tuc-hanh-chinh":     "Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa",
	"du-thao-lay-y-kien":     "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 11",
	"quy-dinh-quy-che":       "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
	"thanh-tra-khieu-nai":    "Luật Khiếu nại số 02/2011/QH13; Luật Tố cáo số 25/2018/QH14",
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// title makes a title fitting the category, for a given year.
func title(r *rand.Rand, cat string, year int) string {
	n := r.IntN(300) + 1
	switch cat {
	case "thong-bao":
		switch r.IntN(3) {
		case 0:
			return fmt.Sprintf("Thông báo số %d/TB-UBND về việc %s tại %s", n, pick(r, activities), pick(r, villages))
		case 1:
			return fmt.Sprintf("Giấy mời họp triển khai công tác %s năm %d", pick(r, activities), year)
		}
		return fmt.Sprintf("Lịch làm việc của UBND xã tuần %d tháng %d/%d", r.IntN(4)+1, r.IntN(12)+1, year)
	case "ke-hoach-bao-cao":
		if r.IntN(2) == 0 {
			return fmt.Sprintf("Kế hoạch số %d/KH-UBND về %s năm %d", n, pick(r, activities), year)
		}
		return fmt.Sprintf("Báo cáo kết quả công tác %s %s năm %d", pick(r, activities), pick(r, []string{"quý I", "quý II", "quý III", "6 tháng đầu năm", "cả năm"}), year)
	case "ngan-sach":
		return pick(r, []string{
			fmt.Sprintf("Công khai dự toán ngân sách xã năm %d", year),
			fmt.Sprintf("Công khai tình hình thực hiện dự toán ngân sách xã quý %d năm %d", r.IntN(4)+1, year),
			fmt.Sprintf("Công khai quyết toán ngân sách xã năm %d", year-1),
			fmt.Sprintf("Công khai quyết toán công trình %s", pick(r, projects)),
		})
	case "ho-ngheo":
		return fmt.Sprintf("Danh sách hộ nghèo, hộ cận nghèo năm %d – %s", year, pick(r, villages))
	case "dat-dai-quy-hoach":
		if r.IntN(2) == 0 {
			return fmt.Sprintf("Thông báo thu hồi đất để thực hiện dự án %s", pick(r, projects))
		}
		return fmt.Sprintf("Kế hoạch sử dụng đất năm %d của xã", year)
	case "boi-thuong-tai-dinh-cu":
		return fmt.Sprintf("Phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất dự án %s (%s)", pick(r, projects), pick(r, villages))
	case "tiep-cong-dan":
		if r.IntN(2) == 0 {
			return fmt.Sprintf("Lịch tiếp công dân của Chủ tịch UBND xã tháng %d/%d", r.IntN(12)+1, year)
		}
		return fmt.Sprintf("Kết quả tiếp công dân, xử lý đơn thư quý %d năm %d", r.IntN(4)+1, year)
	case "thu-tuc-hanh-chinh":
		return fmt.Sprintf("Hướng dẫn thủ tục %s", pick(r, procedures))
	case "du-thao-lay-y-kien":
		return fmt.Sprintf("Lấy ý kiến Nhân dân về dự thảo %s", pick(r, documents))
	case "quy-dinh-quy-che":
		return fmt.Sprintf("Ban hành %s (sửa đổi năm %d)", pick(r, documents), year)
	default:
		return fmt.Sprintf("Kết quả giải quyết khiếu nại của công dân %s về %s", pick(r, villages), pick(r, projects))
	}
}

func sentence(r *rand.Rand) string {
	s := fmt.Sprintf("%s %s %s %s", pick(r, subjects), pick(r, verbs), pick(r, activities), pick(r, objects))
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func paragraph(r *rand.Rand, sentences int) string {
	var b strings.Builder
	b.WriteString("<p>")
	for i := range sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(html.EscapeString(sentence(r)))
	}
	b.WriteString("</p>")
	return b.String()
}

// body is sanitised HTML of about 0.5–2.5 KB: paragraphs, sometimes a
// heading with a list, sometimes a small table of money by village.
func body(r *rand.Rand, t string) string {
	var b strings.Builder
	b.WriteString("<p>" + html.EscapeString("Ủy ban nhân dân xã thông báo: "+t+".") + "</p>")
	for range r.IntN(3) + 1 {
		b.WriteString(paragraph(r, r.IntN(3)+2))
	}
	switch r.IntN(3) {
	case 0:
		b.WriteString("<h2>Phân công thực hiện</h2><ul>")
		for range r.IntN(4) + 2 {
			b.WriteString("<li>" + html.EscapeString(sentence(r)) + "</li>")
		}
		b.WriteString("</ul>")
	case 1:
		b.WriteString("<table><thead><tr><th>Thôn</th><th>Số hộ</th><th>Kinh phí (đồng)</th></tr></thead><tbody>")
		for _, v := range villages[:r.IntN(4)+3] {
			fmt.Fprintf(&b, "<tr><td>%s</td><td>%d</td><td>%d.%03d.000</td></tr>", v, r.IntN(300)+20, r.IntN(900)+10, r.IntN(1000))
		}
		b.WriteString("</tbody></table>")
	}
	return b.String()
}

func summary(r *rand.Rand) string { return sentence(r) }
