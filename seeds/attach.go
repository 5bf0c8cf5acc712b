package seeds

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
	"time"

	"minhbach/portal/vn"
)

// Small files generated for some demo disclosures. Each generator is
// deterministic, so a file keeps its SHA-256 from one seeding to the next.

const (
	mimePDF = "application/pdf"
	mimePNG = "image/png"
)

// landUseSketch draws a sketch map of land use in a part of the commune:
// yellow rice fields, pink residential land, grey roads, a blue canal and
// the 2024 works outlined in red. The legend is in the disclosure's text.
func landUseSketch() ([]byte, error) {
	const w, h = 800, 500
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	fill := func(x0, y0, x1, y1 int, c color.NRGBA) {
		for y := max(y0, 0); y < min(y1, h); y++ {
			for x := max(x0, 0); x < min(x1, w); x++ {
				img.SetNRGBA(x, y, c)
			}
		}
	}
	var (
		rice   = color.NRGBA{255, 255, 140, 255}
		house  = color.NRGBA{255, 200, 200, 255}
		road   = color.NRGBA{150, 150, 150, 255}
		water  = color.NRGBA{120, 180, 240, 255}
		public = color.NRGBA{255, 160, 90, 255}
		red    = color.NRGBA{210, 30, 30, 255}
	)
	fill(0, 0, w, h, rice)
	// Residential clusters, one per village in the sketch.
	for _, r := range [][4]int{{40, 40, 230, 170}, {300, 30, 470, 150}, {560, 60, 760, 200}, {60, 300, 250, 450}, {520, 300, 740, 460}} {
		fill(r[0], r[1], r[2], r[3], house)
	}
	fill(330, 220, 430, 290, public) // commune offices, school, health station
	// Roads: the commune's main road and a village road.
	fill(0, 240, w, 256, road)
	fill(270, 0, 286, h, road)
	// Irrigation canal.
	for x := 0; x < w; x++ {
		y := 470 - x/20
		fill(x, y, x+1, y+10, water)
	}
	// Planned works of 2024: widening the main road east of the centre.
	for t := 0; t < 3; t++ {
		fill(440, 230+t, 780, 231+t, red)
		fill(440, 264-t, 780, 265-t, red)
		fill(440+t, 230, 441+t, 265, red)
		fill(779-t, 230, 780-t, 265, red)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// revenueChart is a one-page PDF bar chart of the commune's revenue (blue)
// and spending (orange) by year, in millions of đồng. Only digits are
// printed: the standard PDF fonts cannot show Vietnamese, so the words are
// in the disclosure's text.
func revenueChart(years []int, revenue, spending []int64) ([]byte, error) {
	var c strings.Builder
	const x0, y0, top = 80.0, 90.0, 480.0 // plot origin and height in points, landscape A4
	var peak int64 = 1
	for i := range years {
		peak = max(peak, revenue[i], spending[i])
	}
	scale := (top - y0) / float64(peak)
	c.WriteString("0.2 w 0 0 0 RG\n")
	fmt.Fprintf(&c, "%.0f %.0f m %.0f %.0f l S\n", x0, y0, x0, top+20)
	fmt.Fprintf(&c, "%.0f %.0f m %.0f %.0f l S\n", x0, y0, 760.0, y0)
	text := func(x, y float64, size int, s string) {
		fmt.Fprintf(&c, "BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET\n", size, x, y, s)
	}
	for i, yr := range years {
		gx := x0 + 40 + float64(i)*220
		for j, v := range []int64{revenue[i], spending[i]} {
			bx := gx + float64(j)*80
			hgt := float64(v) * scale
			if j == 0 {
				c.WriteString("0.20 0.45 0.75 rg\n")
			} else {
				c.WriteString("0.95 0.55 0.15 rg\n")
			}
			fmt.Fprintf(&c, "%.1f %.1f 70 %.1f re f\n0 0 0 rg\n", bx, y0, hgt)
			text(bx+6, y0+hgt+6, 11, vn.Number(v))
		}
		text(gx+58, y0-24, 14, strconv.Itoa(yr))
	}
	stream := c.String()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return pdfFile(objs), nil
}

// pdfFile writes numbered objects (the first is the catalog) as a PDF 1.4
// file with a correct cross-reference table.
func pdfFile(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// BlankPDF is a valid one-page A4 PDF with nothing on it, for tests that
// upload a real file.
func BlankPDF() []byte {
	return pdfFile([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	})
}

// birthRegistrationForm is a fillable-by-hand birth registration form
// (tờ khai đăng ký khai sinh), laid out after the form of Thông tư số
// 04/2020/TT-BTP, for residents to print.
func birthRegistrationForm() ([]byte, error) {
	center := func(s string, bold bool) para {
		return para{Runs: []run{{Text: s, Bold: bold}}, Center: true}
	}
	dots := strings.Repeat(".", 60)
	field := func(label string) para { return textPara(label + " " + dots) }
	blocks := []any{
		center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true),
		center("Độc lập - Tự do - Hạnh phúc", true),
		center("TỜ KHAI ĐĂNG KÝ KHAI SINH", true),
		center("Kính gửi: Ủy ban nhân dân xã Trung Trắc, huyện Văn Lâm, tỉnh Hưng Yên", false),
		field("Họ, chữ đệm, tên người yêu cầu:"),
		field("Nơi cư trú:"),
		field("Giấy tờ tùy thân (loại, số, ngày cấp, nơi cấp):"),
		field("Quan hệ với người được khai sinh:"),
		textPara("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"),
		field("Họ, chữ đệm, tên:"),
		field("Ngày, tháng, năm sinh:"),
		field("Giới tính:            Dân tộc:            Quốc tịch:"),
		field("Nơi sinh:"),
		field("Quê quán:"),
		field("Họ, chữ đệm, tên người mẹ:"),
		field("Năm sinh; dân tộc; quốc tịch; nơi cư trú của người mẹ:"),
		field("Họ, chữ đệm, tên người cha:"),
		field("Năm sinh; dân tộc; quốc tịch; nơi cư trú của người cha:"),
		textPara("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật."),
		textPara("Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình."),
		para{Runs: []run{{Text: "Làm tại: Trung Trắc, ngày ...... tháng ...... năm ......", Italic: true}}, Right: true},
		para{Runs: []run{{Text: "Người yêu cầu", Bold: true}}, Right: true},
		para{Runs: []run{{Text: "(Ký, ghi rõ họ, chữ đệm, tên)", Italic: true}}, Right: true},
		para{Runs: []run{{Text: "Đề nghị cấp bản sao trích lục khai sinh: Có ☐  Không ☐   Số lượng: ...... bản", Italic: true}}},
		para{Runs: []run{{Text: "Bản mẫu đăng trên cổng công khai của xã để người dân tải về, in và điền tay; có thể nhận bản in miễn phí tại Bộ phận Một cửa UBND xã.", Italic: true}}},
	}
	return buildDOCX(docxDoc{Title: "Tờ khai đăng ký khai sinh", Created: at(2023, time.March, 6, 9, 0), Blocks: blocks})
}

// project is a capital works item of the budget.
type project struct {
	Name  string
	Place string
	Cost  int64
}

// budgetAppendixDOCX lists the capital works funded by the 2024 estimate.
func budgetAppendixDOCX(ps []project) ([]byte, error) {
	var rows [][]cell
	var total int64
	for i, pj := range ps {
		total += pj.Cost
		rows = append(rows, []cell{{textPara(strconv.Itoa(i + 1))}, {textPara(pj.Name)}, {textPara(pj.Place)},
			{para{Runs: []run{{Text: vn.Number(pj.Cost)}}, Right: true}}})
	}
	rows = append(rows, []cell{{}, {boldPara("Tổng cộng")}, {}, {para{Runs: []run{{Text: vn.Number(total), Bold: true}}, Right: true}}})
	blocks := []any{
		para{Runs: []run{{Text: "UBND XÃ TRUNG TRẮC", Bold: true}}},
		para{Runs: []run{{Text: "PHỤ LỤC KINH PHÍ", Bold: true}}, Center: true},
		para{Runs: []run{{Text: "Danh mục công trình chi đầu tư phát triển trong dự toán ngân sách xã năm 2024", Bold: true}}, Center: true},
		para{Runs: []run{{Text: "(Kèm theo Nghị quyết số 18/NQ-HĐND ngày 20/12/2023 của HĐND xã; số liệu minh họa)", Italic: true}}, Center: true},
		para{Runs: []run{{Text: "Đơn vị tính: đồng", Italic: true}}, Right: true},
		table{Widths: []int{700, 4600, 1900, 2300}, Header: []string{"STT", "Tên công trình", "Địa điểm", "Kinh phí"}, Rows: rows},
	}
	return buildDOCX(docxDoc{Title: "Phụ lục kinh phí dự toán ngân sách xã năm 2024", Created: at(2024, time.January, 15, 9, 0), Blocks: blocks})
}
