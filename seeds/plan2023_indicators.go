package seeds

import "minhbach/portal/plan"

// The indicators are the commune's reading of the plan, not its text:
// what the portal computes, what officers enter with evidence, and which
// expected results are proved by linking the documents. A target quotes
// the plan's own figure where it gives one (row 6: "Trên 95% TTHC đúng và
// trước hạn", "100% hồ sơ trễ hạn phải được xin lỗi", "90% trở lên";
// row 7c: "100% … các tuyến đường được cứng hóa"), the law where it
// requires the thing, and otherwise a figure the commune set, marked so.

func pct(v float64) *float64 { return &v }

// documents is the indicator of a sub-component whose expected results
// are documents: at least one published and linked in the period.
func documents(name string) plan.Indicator {
	return plan.Indicator{
		Slug: "van-ban", Name: name, Kind: plan.Documented, Unit: "văn bản", Period: plan.Year,
		Target: &plan.Target{Value: 1, Direction: ">=", Source: plan.SourcePlan,
			Note: "Kết quả dự kiến của kế hoạch là các văn bản này."},
		Method: "Số văn bản đã công khai trong kỳ mà cán bộ gắn với nhiệm vụ này làm bằng chứng.",
	}
}

// computed is an indicator computed by the portal/indicators function key.
func computed(slug, name, function, unit string, t *plan.Target) plan.Indicator {
	return plan.Indicator{Slug: slug, Name: name, Kind: plan.Computed, Function: function, Unit: unit, Period: plan.Year, Target: t}
}

// entered is a share an officer enters for each period with evidence.
func entered(slug, name, period string, t *plan.Target, method string) plan.Indicator {
	return plan.Indicator{Slug: slug, Name: name, Kind: plan.Entered, Unit: "%", Period: period, Target: t,
		Min: pct(0), Max: pct(100), Evidence: true, Method: method}
}

var plan2023Indicators = map[string][]plan.Indicator{
	"1a": {documents("Kế hoạch, hướng dẫn triển khai công tác bầu cử, tuyên truyền trên đài truyền thanh")},
	"1b": {
		computed("du-thao-tong-hop", "Dự thảo lấy ý kiến nhân dân có báo cáo tổng hợp", "du-thao-tong-hop", "%",
			&plan.Target{Value: 100, Direction: "=", Source: plan.SourceLaw,
				Note: "Luật Thực hiện dân chủ ở cơ sở 2022: nội dung lấy ý kiến phải được tổng hợp, tiếp thu và thông báo kết quả."}),
		documents("Kế hoạch, hướng dẫn và các hình thức tuyên truyền"),
	},
	"1c": {documents("Kế hoạch, hướng dẫn bầu cử trưởng thôn")},
	"1d": {documents("Công văn, kế hoạch và báo cáo về đóng góp tự nguyện")},
	"2a": {documents("Quyết định ban hành nội quy, quy chế của UBND xã")},
	"2b": {documents("Thông báo, quyết định, báo cáo công khai cho cán bộ, công chức")},
	"2c": {documents("Văn bản triển khai hoạt động Ban Thanh tra nhân dân")},
	"2d": {documents("Chương trình, kế hoạch giám sát của Ban Thanh tra nhân dân")},
	"3a": {
		computed("tiep-nhan-cong-khai", "Câu hỏi được tiếp nhận và công khai cùng câu trả lời", "tiep-nhan-cong-khai", "%", nil),
		documents("Văn bản triển khai, báo cáo và các hình thức công khai"),
	},
	"3b": {computed("ho-ngheo-niem-yet", "Danh sách hộ nghèo, cận nghèo niêm yết đủ thời gian", "ho-ngheo-niem-yet", "%",
		&plan.Target{Value: 100, Direction: "=", Source: plan.SourceLaw,
			Note: "Thời gian niêm yết tối thiểu theo quy định về rà soát hộ nghèo (xem trang Quy định công khai)."})},
	"3c": {computed("ngan-sach-dung-han", "Nội dung ngân sách công khai đúng hạn", "ngan-sach-dung-han", "%",
		&plan.Target{Value: 100, Direction: "=", Source: plan.SourceLaw,
			Note: "Thời hạn công khai ngân sách theo Luật Ngân sách nhà nước (xem trang Quy định công khai)."})},
	"3d": {documents("Văn bản công bố công khai quy hoạch, kế hoạch sử dụng đất, phương án bồi thường")},
	"4a": {
		computed("tiep-dan-chu-tich", "Tuần có buổi tiếp công dân của Chủ tịch UBND xã", "tiep-dan-chu-tich", "%",
			&plan.Target{Value: 100, Direction: "=", Source: plan.SourceLaw,
				Note: "Luật Tiếp công dân 2013, Điều 15 khoản 2: Chủ tịch UBND xã tiếp công dân ít nhất 1 ngày trong 1 tuần."}),
		computed("danh-ba-thon", "Thôn có trưởng thôn trong danh bạ kèm số điện thoại", "danh-ba-thon", "%",
			&plan.Target{Value: 100, Direction: "=", Source: plan.SourceCommune}),
	},
	"4b": {
		computed("tra-loi-dung-han", "Câu hỏi, kiến nghị, phản ánh được trả lời đúng hạn", "tra-loi-dung-han", "%",
			&plan.Target{Value: 95, Direction: ">", Source: plan.SourceCommune,
				Note: "Xã áp dụng cho câu hỏi mức \"trên 95% đúng hạn\" mà kế hoạch đặt cho hồ sơ thủ tục hành chính."}),
		computed("ngay-tra-loi-trung-vi", "Số ngày làm việc để trả lời (trung vị)", "ngay-tra-loi-trung-vi", "ngày", nil),
		computed("ngay-tra-loi-p90", "Số ngày làm việc để trả lời (90 % câu hỏi)", "ngay-tra-loi-p90", "ngày", nil),
		computed("tre-han-xin-loi", "Câu trả lời trễ hạn có lời xin lỗi", "tre-han-xin-loi", "%",
			&plan.Target{Value: 100, Direction: "=", Source: plan.SourceCommune,
				Note: "Xã áp dụng cho câu trả lời mức \"100% hồ sơ trễ hạn phải được xin lỗi\" của kế hoạch."}),
		computed("hai-long", "Người gửi hài lòng với câu trả lời (4–5 điểm)", "hai-long", "%",
			&plan.Target{Value: 90, Direction: ">=", Source: plan.SourceCommune,
				Note: "Xã áp dụng cho câu trả lời mức hài lòng \"90% trở lên\" của kế hoạch."}),
	},
	"4c": {documents("Văn bản triển khai, báo cáo về trợ giúp pháp lý, hòa giải")},
	"5a": {documents("Kết luận thanh tra, kiểm tra và báo cáo rà soát")},
	"5b": {documents("Báo cáo tự kiểm tra tại trạm y tế, trường học")},
	"5c": {documents("Báo cáo đánh giá chất lượng cán bộ, công chức cuối năm")},
	"6a": {computed("bieu-mau-thu-tuc", "Thủ tục chứng thực, xây dựng, đất đai có biểu mẫu tải về trên cổng", "bieu-mau-thu-tuc", "%",
		&plan.Target{Value: 100, Direction: "=", Source: plan.SourcePlan,
			Note: "\"100% TTHC được công khai đầy đủ, kịp thời, đúng quy định\"."})},
	"6b": {documents("Văn bản công khai thủ tục cấp giấy chứng nhận quyền sử dụng đất")},
	"6c": {
		entered("ho-so-dung-han", "Hồ sơ thủ tục hành chính giải quyết đúng và trước hạn", plan.Month,
			&plan.Target{Value: 95, Direction: ">", Source: plan.SourcePlan, Note: "\"Trên 95% TTHC đúng và trước hạn\"."},
			"Số liệu tháng từ Hệ thống thông tin giải quyết TTHC của tỉnh: số hồ sơ giải quyết đúng và trước hạn chia cho số hồ sơ đã giải quyết trong tháng. Cán bộ nhập kèm bản xuất báo cáo của hệ thống."),
		entered("ho-so-tre-xin-loi", "Hồ sơ trễ hạn có văn bản xin lỗi", plan.Month,
			&plan.Target{Value: 100, Direction: "=", Source: plan.SourcePlan, Note: "\"100% hồ sơ trễ hạn phải được xin lỗi theo đúng quy định\"."},
			"Số hồ sơ trễ hạn có phiếu xin lỗi và hẹn lại ngày trả kết quả chia cho số hồ sơ trễ hạn trong tháng, theo Hệ thống thông tin giải quyết TTHC."),
		entered("hai-long-tthc", "Mức hài lòng của người dân khi thực hiện thủ tục hành chính", plan.Quarter,
			&plan.Target{Value: 90, Direction: ">=", Source: plan.SourcePlan, Note: "\"đạt mức 90% trở lên\"."},
			"Kết quả đánh giá mức độ hài lòng trên Cổng dịch vụ công và tại Bộ phận Một cửa trong quý."),
	},
	"7a": {entered("bao-phu-bhyt", "Tỷ lệ dân số tham gia bảo hiểm y tế", plan.Year,
		&plan.Target{Value: 92, Direction: ">=", Source: plan.SourceCommune,
			Note: "Kế hoạch để chỉ tiêu cho UBND huyện giao; số minh họa do xã nhập theo quyết định giao chỉ tiêu."},
		"Số người có thẻ bảo hiểm y tế còn hạn chia cho dân số của xã, theo số liệu của cơ quan bảo hiểm xã hội.")},
	"7b": {documents("Kế hoạch, báo cáo và quyết định công nhận phổ cập giáo dục")},
	"7c": {entered("duong-cung-hoa", "Tỷ lệ tuyến đường giao thông được cứng hóa", plan.Year,
		&plan.Target{Value: 100, Direction: ">=", Source: plan.SourcePlan, Note: "\"Đảm bảo đạt 100% trở lên các tuyến đường được cứng hóa\"."},
		"Chiều dài đường giao thông nông thôn đã cứng hóa chia cho tổng chiều dài, theo báo cáo của công chức Địa chính.")},
	"7d": {documents("Kế hoạch, văn bản phối hợp bảo đảm an ninh trật tự")},
	"8a": {{Slug: "ho-phan-loai-rac", Name: "Số hộ gia đình phân loại, xử lý rác thải hữu cơ tại hộ", Kind: plan.Entered,
		Unit: "hộ", Period: plan.Quarter, Min: pct(0), Evidence: true,
		Method: "Số hộ phân loại, xử lý rác hữu cơ tại hộ theo báo cáo của các thôn trong quý."}},
	"9a": {documents("Văn bản triển khai ứng dụng công nghệ thông tin")},
	"9b": {documents("Các hình thức tuyên truyền sử dụng internet")},
	"9c": {documents("Đường dẫn, hình ảnh bài đã đăng trên Cổng thông tin điện tử")},
}
