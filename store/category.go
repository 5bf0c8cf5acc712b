package store

// Category is a kind of disclosure. Slugs are stable: they appear in URLs,
// feeds and the database.
type Category struct {
	Slug  string
	Label string
	// Hint tells officers (and residents) what belongs here.
	Hint string
}

// Categories lists every category in display order.
var Categories = []Category{
	{"thong-bao", "Thông báo chung", "Thông báo, giấy mời, lịch làm việc và tin của UBND xã."},
	{"ke-hoach-bao-cao", "Kế hoạch, báo cáo", "Kế hoạch, chương trình, báo cáo kết quả của xã."},
	{"ngan-sach", "Ngân sách xã", "Dự toán, tình hình thực hiện 6 tháng và cả năm, quyết toán ngân sách xã."},
	{"ho-ngheo", "Hộ nghèo, hộ cận nghèo", "Danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo được công nhận."},
	{"dat-dai-quy-hoach", "Đất đai, quy hoạch", "Quy hoạch, kế hoạch sử dụng đất; thông báo thu hồi đất."},
	{"boi-thuong-tai-dinh-cu", "Bồi thường, hỗ trợ, tái định cư", "Phương án bồi thường, hỗ trợ và tái định cư khi Nhà nước thu hồi đất."},
	{"tiep-cong-dan", "Tiếp công dân", "Lịch tiếp công dân, nội quy và kết quả tiếp công dân."},
	{"thu-tuc-hanh-chinh", "Thủ tục hành chính", "Hướng dẫn thủ tục hành chính và biểu mẫu tải về."},
	{"du-thao-lay-y-kien", "Dự thảo lấy ý kiến", "Dự thảo chính sách, đề án đang lấy ý kiến Nhân dân."},
	{"quy-dinh-quy-che", "Quy định, quy chế", "Quy chế, hương ước, quy ước và văn bản quy định của xã."},
	{"thanh-tra-khieu-nai", "Thanh tra, khiếu nại, tố cáo", "Kết luận thanh tra, kết quả giải quyết khiếu nại, tố cáo."},
}

// CategoryBySlug returns the category with that slug.
func CategoryBySlug(slug string) (Category, bool) {
	for _, c := range Categories {
		if c.Slug == slug {
			return c, true
		}
	}
	return Category{}, false
}
