package seeds

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/draw"

	"minhbach/portal/mapimage"
)

// Files of the structured land and procedure demo: the land-use plan's map
// and the procedures' forms. Deterministic, like every seeded file.

// demoMap is the 2021–2030 plan's map, prepared as an upload is (metadata
// stripped, small copy made once): computed once per process, since every
// test portal loads the demo.
var demoMap = sync.OnceValues(func() (mapimage.Map, error) {
	data, err := planMapJPEG(1600, 1100)
	if err != nil {
		return mapimage.Map{}, err
	}
	return mapimage.Prepare(data, draw.CatmullRom)
})

// planMapJPEG draws a land-use plan map of the commune up to 2030: rice
// fields, residential land along the roads, the centre's public land, the
// industrial cluster planned in the south-east, the canal, and parcel
// boundaries one pixel wide. The legend is in the disclosure's text.
func planMapJPEG(w, h int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fill := func(x0, y0, x1, y1 int, c color.RGBA) {
		for y := max(y0, 0); y < min(y1, h); y++ {
			for x := max(x0, 0); x < min(x1, w); x++ {
				img.SetRGBA(x, y, c)
			}
		}
	}
	var (
		rice     = color.RGBA{255, 252, 150, 255}
		house    = color.RGBA{255, 190, 190, 255}
		public   = color.RGBA{255, 150, 80, 255}
		industry = color.RGBA{200, 150, 230, 255}
		road     = color.RGBA{140, 140, 140, 255}
		water    = color.RGBA{110, 170, 235, 255}
		line     = color.RGBA{70, 70, 70, 255}
	)
	fill(0, 0, w, h, rice)
	// Parcels of the fields.
	for x := 0; x < w; x += 40 {
		fill(x, 0, x+1, h, line)
	}
	for y := 0; y < h; y += 55 {
		fill(0, y, w, y+1, line)
	}
	// Villages along the roads, the centre, the planned industrial cluster.
	for _, r := range [][4]int{{80, 80, 420, 330}, {560, 60, 900, 300}, {1050, 100, 1500, 360}, {90, 650, 460, 1000}, {600, 700, 880, 980}} {
		fill(r[0], r[1], r[2], r[3], house)
	}
	fill(700, 440, 900, 600, public)
	fill(1080, 640, 1540, 1040, industry)
	// Hatching of the cluster: planned, not yet built.
	for y := 640; y < 1040; y++ {
		for x := 1080; x < 1540; x++ {
			if (x+y)%12 == 0 {
				img.SetRGBA(x, y, line)
			}
		}
	}
	// Roads and the canal.
	fill(0, 520, w, 548, road)
	fill(480, 0, 506, h, road)
	for x := 0; x < w; x++ {
		y := 1060 - x/8
		fill(x, y, x+1, y+14, water)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 88}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// applicationForm is a form for residents to print and fill in by hand:
// the national heading, the title, the addressee, dotted lines for each
// field, the commitment and the signature block.
func applicationForm(title, basis string, created time.Time, fields []string, commitments ...string) ([]byte, error) {
	center := func(s string, bold bool) para { return para{Runs: []run{{Text: s, Bold: bold}}, Center: true} }
	dots := strings.Repeat(".", 50)
	blocks := []any{
		center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true),
		center("Độc lập - Tự do - Hạnh phúc", true),
		center(strings.ToUpper(title), true),
		para{Runs: []run{{Text: basis, Italic: true}}, Center: true},
		center("Kính gửi: Ủy ban nhân dân xã Trung Trắc", false),
	}
	for _, f := range fields {
		blocks = append(blocks, textPara(f+" "+dots))
	}
	for _, c := range commitments {
		blocks = append(blocks, textPara(c))
	}
	blocks = append(blocks,
		para{Runs: []run{{Text: "Trung Trắc, ngày ...... tháng ...... năm ......", Italic: true}}, Right: true},
		para{Runs: []run{{Text: "Người làm đơn", Bold: true}}, Right: true},
		para{Runs: []run{{Text: "(Ký, ghi rõ họ tên)", Italic: true}}, Right: true},
		para{Runs: []run{{Text: "Mẫu minh họa của cổng công khai xã Trung Trắc (dữ liệu trình diễn): tải về, in và điền tay; có thể nhận bản in miễn phí tại Bộ phận Một cửa UBND xã.", Italic: true}}},
	)
	return buildDOCX(docxDoc{Title: title, Created: created, Blocks: blocks})
}

// constructionPermitForm is an application for a construction permit for a
// detached house, after the form of Decree 15/2021/NĐ-CP (Mẫu số 01).
func constructionPermitForm() ([]byte, error) {
	return applicationForm("Đơn đề nghị cấp giấy phép xây dựng", "(Sử dụng cho nhà ở riêng lẻ; theo Mẫu số 01 Phụ lục II Nghị định số 15/2021/NĐ-CP)",
		at(2025, time.March, 3, 9, 0), []string{
			"1. Tên chủ đầu tư (chủ hộ):",
			"   Số điện thoại:",
			"2. Địa điểm xây dựng: lô đất số ......, thửa đất số ......, tờ bản đồ số ......, thôn:",
			"3. Loại công trình, cấp công trình:",
			"4. Diện tích xây dựng tầng 1 (m²):",
			"5. Tổng diện tích sàn (m²):",
			"6. Chiều cao công trình (m):        Số tầng:",
			"7. Dự kiến thời gian hoàn thành công trình: ...... tháng",
		}, "Tôi xin cam kết làm theo đúng giấy phép được cấp; nếu sai tôi xin hoàn toàn chịu trách nhiệm và bị xử lý theo quy định của pháp luật.")
}

// landRegistrationForm is an application to register land and be granted
// a land-use right certificate, after form 04/ĐK.
func landRegistrationForm() ([]byte, error) {
	return applicationForm("Đơn đăng ký đất đai, tài sản gắn liền với đất", "(Theo Mẫu số 04/ĐK; dùng khi đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu)",
		at(2025, time.March, 3, 9, 30), []string{
			"1. Người sử dụng đất (họ tên, năm sinh):",
			"   Địa chỉ thường trú:",
			"2. Thửa đất: thửa số ......, tờ bản đồ số ......, thôn:",
			"   Diện tích (m²):          Sử dụng chung (m²):          Sử dụng riêng (m²):",
			"   Mục đích sử dụng:          Thời điểm bắt đầu sử dụng:",
			"   Nguồn gốc sử dụng:",
			"3. Tài sản gắn liền với đất (nếu có):",
			"4. Giấy tờ về quyền sử dụng đất nộp kèm theo:",
			"5. Đề nghị: ☐ Đăng ký quyền sử dụng đất  ☐ Cấp Giấy chứng nhận",
		}, "Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật; nếu sai tôi hoàn toàn chịu trách nhiệm trước pháp luật.")
}

// certificationRequestForm is the request for certification of a contract
// or transaction, after Circular 01/2020/TT-BTP (Mẫu số 01/PYC).
func certificationRequestForm() ([]byte, error) {
	return applicationForm("Phiếu yêu cầu chứng thực hợp đồng, giao dịch", "(Theo Mẫu số 01/PYC ban hành kèm theo Thông tư số 01/2020/TT-BTP)",
		at(2025, time.March, 3, 10, 0), []string{
			"1. Họ và tên người yêu cầu chứng thực:",
			"2. Giấy tờ tùy thân (loại, số):",
			"3. Địa chỉ liên hệ:",
			"4. Hợp đồng, giao dịch yêu cầu chứng thực:",
			"5. Các giấy tờ nộp kèm theo:",
			"6. Số bản chứng thực:",
		}, "Tôi cam đoan các giấy tờ trong hồ sơ yêu cầu chứng thực là đúng sự thật và chịu trách nhiệm về nội dung hợp đồng, giao dịch.")
}
