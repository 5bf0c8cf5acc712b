package store

// Category is a kind of disclosure. Slugs are stable: they appear in URLs,
// feeds and the database.
type Category struct {
	Slug  string
	Label string
	// Hint tells officers (and residents) what belongs here.
	Hint string
	// Internal categories are disclosed to the commune's officers only
	// (công khai trong nội bộ, row 2b of the plan): never in public pages,
	// feeds, exports or the page cache.
	Internal bool
}

// Categories lists every category in display order.
var Categories = []Category{
	{"thong-bao", "Thông báo chung", "Thông báo, giấy mời, lịch làm việc và tin của UBND xã.", false},
	{"ke-hoach-bao-cao", "Kế hoạch, báo cáo", "Kế hoạch, chương trình, báo cáo kết quả của xã.", false},
	{"ngan-sach", "Ngân sách xã", "Dự toán, tình hình thực hiện 6 tháng và cả năm, quyết toán ngân sách xã.", false},
	{"ho-ngheo", "Hộ nghèo, hộ cận nghèo", "Danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo được công nhận.", false},
	{"dat-dai-quy-hoach", "Đất đai, quy hoạch", "Quy hoạch, kế hoạch sử dụng đất; thông báo thu hồi đất.", false},
	{"boi-thuong-tai-dinh-cu", "Bồi thường, hỗ trợ, tái định cư", "Phương án bồi thường, hỗ trợ và tái định cư khi Nhà nước thu hồi đất.", false},
	{"tiep-cong-dan", "Tiếp công dân", "Lịch tiếp công dân, nội quy và kết quả tiếp công dân.", false},
	{"thu-tuc-hanh-chinh", "Thủ tục hành chính", "Hướng dẫn thủ tục hành chính và biểu mẫu tải về.", false},
	{"du-thao-lay-y-kien", "Dự thảo lấy ý kiến", "Dự thảo chính sách, đề án đang lấy ý kiến Nhân dân.", false},
	{"quy-dinh-quy-che", "Quy định, quy chế", "Quy chế, hương ước, quy ước và văn bản quy định của xã.", false},
	{"thanh-tra-khieu-nai", "Thanh tra, khiếu nại, tố cáo", "Kết luận thanh tra, kết quả giải quyết khiếu nại, tố cáo.", false},
	{"danh-ba", "Danh bạ liên hệ", "Trưởng thôn, đại biểu HĐND xã, công chức phụ trách từng lĩnh vực và số điện thoại được công khai.", false},

	// Row 2b of the plan: what the office discloses to its own officers.
	{"noi-bo-chu-truong", "Nội bộ: chủ trương, chính sách", "Chủ trương, chính sách của Đảng và pháp luật của Nhà nước liên quan đến công việc của cơ quan.", true},
	{"noi-bo-ke-hoach", "Nội bộ: kế hoạch công tác", "Kế hoạch công tác hằng năm, hằng quý, hằng tháng của cơ quan.", true},
	{"noi-bo-tai-chinh", "Nội bộ: kinh phí, tài sản", "Kinh phí hoạt động hằng năm, quyết toán kinh phí của UBND xã; tài sản, trang thiết bị.", true},
	{"noi-bo-nhan-su", "Nội bộ: tổ chức cán bộ", "Tuyển dụng, đào tạo, điều động, bổ nhiệm, luân chuyển; chế độ, nâng lương, đánh giá, khen thưởng, kỷ luật cán bộ, công chức.", true},
	{"noi-bo-tieu-cuc", "Nội bộ: vụ việc tiêu cực, kê khai tài sản", "Vụ việc tiêu cực, tham nhũng trong cơ quan đã được kết luận; bản kê khai tài sản, thu nhập theo quy định.", true},
	{"noi-bo-thanh-tra", "Nội bộ: thanh tra, kiểm tra", "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo trong nội bộ cơ quan.", true},
	{"noi-bo-quy-che", "Nội bộ: nội quy, quy chế", "Nội quy, quy chế của cơ quan.", true},
	{"noi-bo-lay-y-kien", "Nội bộ: tiếp thu ý kiến", "Kết quả tiếp thu ý kiến của cán bộ, công chức về những vấn đề người đứng đầu đưa ra lấy ý kiến.", true},
	{"noi-bo-chi-dao", "Nội bộ: chỉ đạo của cấp trên", "Văn bản chỉ đạo, điều hành của cơ quan quản lý cấp trên.", true},
}

// PublicCategories lists the categories the public sees, in display order.
func PublicCategories() []Category {
	var out []Category
	for _, c := range Categories {
		if !c.Internal {
			out = append(out, c)
		}
	}
	return out
}

// InternalCategories lists the categories of row 2b.
func InternalCategories() []Category {
	var out []Category
	for _, c := range Categories {
		if c.Internal {
			out = append(out, c)
		}
	}
	return out
}

// IsInternal reports whether a category slug is disclosed to officers only.
func IsInternal(slug string) bool {
	c, ok := CategoryBySlug(slug)
	return ok && c.Internal
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
