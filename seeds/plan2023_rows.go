package seeds

import (
	"slices"

	"minhbach/portal/plan"
)

// Plan2023 returns the 2023 PAPI plan with its appendix transcribed by hand
// from plan2023.txt: every row and sub-component in the plan's own
// Vietnamese, typos included (a Note flags those that matter). List markers
// ("- ", <li>) are dropped; numbered items keep their numbers. Cells that a
// page break split are joined.
//
// Each row's PAPI dimension follows PAPI's own sub-dimensions, which the
// plan's sub-component names repeat almost word for word.
func Plan2023() plan.Plan {
	p := plan.Plan{
		Year:      2023,
		Title:     "Nâng cao hiệu quả quản trị và hành chính công (PAPI) xã Trung Trắc năm 2023",
		Reference: "06/KH-UBND ngày 19/01/2023",
		Rows: []plan.Row{
			plan2023Row1, plan2023Row2, plan2023Row3, plan2023Row4, plan2023Row5,
			plan2023Row6, plan2023Row7, plan2023Row8, plan2023Row9,
		},
	}
	// Copy every slice so that a caller editing its plan (as an admin does
	// when copying a year) cannot change the seed, nor one sub-component
	// another that shares its tasks.
	p.Rows = slices.Clone(p.Rows)
	for i := range p.Rows {
		p.Rows[i].Subs = slices.Clone(p.Rows[i].Subs)
		for j := range p.Rows[i].Subs {
			s := &p.Rows[i].Subs[j]
			s.Tasks = slices.Clone(s.Tasks)
			s.Results = slices.Clone(s.Results)
			s.Indicators = plan.CloneIndicators(plan2023Indicators[plan.SubKey(p.Rows[i].Number, s.Letter)])
		}
	}
	return p
}

// Row 1 serves D1: its sub-components are PAPI's four sub-dimensions of
// participation (civic knowledge, opportunities, elections, voluntary
// contributions).
var plan2023Row1 = plan.Row{
	Number:        1,
	Area:          "Tham gia của người dân",
	PAPIDimension: plan.D1Participation,
	Subs: []plan.Sub{
		{
			Letter: "a",
			Name:   "Tri thức công dân",
			Tasks: []string{
				"Triển khai thực hiện các văn bản hướng dẫn của tỉnh, huyện về bầu cử; Quy chế tổ chức và hoạt động thôn và các văn bản có liên quan đến công tác bầu cử các chức danh theo quy định.",
				"Thực hiện Tuyên truyền, phổ biến các chủ trương của Đảng, chính sách pháp luật của Nhà nước đến các tầng lớp nhân dân; đảm bảo mọi người dân đều hiểu biết về quyền, nghĩa vụ và chính sách liên quan trên Đài truyền thanh xã, thôn.",
				"Tạo điều kiện thuận lợi nhất để nhân dân tham gia thực hiện quyền và nghĩa vụ theo quy định.",
			},
			Results: []string{
				"Các kế hoạch, công văn, hướng dẫn triển khai công tác bầu cử của xã.",
				"Đài phát thanh, hệ thống truyền thanh các thôn.",
			},
			Lead:      "UBND xã",
			Partners:  "Công chức chuyên môn UBND xã; Đài truyền thanh xã",
			TimeFrame: "Thường xuyên khi có công tác bầu cử hoặc các văn bản của cấp có thẩm quyền chỉ đạo thực hiện.",
			Note:      "The plan names a) and b) in one cell beside two table rows; the first row (elections, dissemination) is read as a), the second (encouraging people to join) as b).",
		},
		{
			Letter: "b",
			Name:   "Cơ hội tham gia",
			Tasks: []string{
				"Có văn bản của UBND xã chỉ đạo các ban ngành, đoàn thể giới thiệu các tổ chức tới người dân và đề khuyến khích người dân đăng ký tham gia;",
				"Văn bản triển khai Luật thực hiện dân chủ ở cơ sở và các văn bản có liên quan về Luật thực hiện dân chủ ở cơ sở.",
			},
			Results: []string{
				"Các kế hoạch, công văn, hướng dẫn triển khai;",
				"Các hình thức tuyên truyền.",
			},
			Lead:      "UBND xã",
			Partners:  "Ủy ban Mặt trận tổ quốc và các đoàn thể chính trị",
			TimeFrame: "Năm 2023 và các năm tiếp theo",
			Note:      "Shares its name cell with a); see a).",
		},
		{
			Letter: "c",
			Name:   "Chất lượng bầu cử trường thôn, tổ trưởng dân phố",
			Tasks: []string{
				"Tham gia các lớp đào tạo, bồi dưỡng, tập huấn về thực hiện quy chế dân chủ ở cơ sở;",
				"Phối hợp thực hiện kế hoạch tự kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở;",
				"Ban hành các văn bản hướng dẫn triển khai thực hiện quy chế hoạt động của thôn.",
			},
			Results: []string{
				"Các kế hoạch, công văn, hướng dẫn triển khai;",
			},
			Lead:      "UBND xã",
			Partners:  "Ban Dân vận Đảng ủy; MTTQ xã; các thôn",
			TimeFrame: "Năm 2023 và các năm tiếp theo",
			Note:      "\"trường thôn\" is a typo for \"trưởng thôn\" (village head).",
		},
		{
			Letter: "d",
			Name:   "Đóng góp tự nguyện",
			Tasks: []string{
				"Thực hiện tự kiểm tra, đánh giá kết quả thực hiện dân vận chính quyền tại UBND xã;",
				"Yêu cầu việc đánh giá kết quả công tác dân vận hàng năm phải có báo cáo việc huy động, quản lý, sử dụng các nguồn đóng góp tự nguyện của người dân, lấy ý kiến của người dân đối với việc tham gia đóng góp tự nguyện để thực hiện các dự án, công trình tại địa phương.",
			},
			Results: []string{
				"Công văn, kế hoạch;",
				"Báo cáo",
			},
			Lead:      "UBND xã",
			Partners:  "Ban Dân vận Đảng ủy; Cán bộ, công chức xã; các thôn",
			TimeFrame: "Năm 2023 và các năm tiếp theo",
		},
	},
}

// Row 2 serves no PAPI dimension: democracy inside the commune office
// (its rules, what officers are told, the people's inspection board) is what
// PAPI's citizen survey cannot see.
var plan2023Row2 = plan.Row{
	Number: 2,
	Area:   "Việc thực hiện dân chủ trong hoạt động của UBND xã",
	Subs: []plan.Sub{
		{
			Letter:  "a",
			Name:    "Ban hành nội quy, quy chế của UBND xã",
			Tasks:   []string{"Ban hành Quy chế làm việc, Quy chế thực hiện dân chủ trong hoạt động của UBND xã"},
			Results: []string{"Quyết định ban hành nội quy, quy chế của UBND xã"},
			Lead:    "UBND xã",
			Note:    "The plan leaves the partner units and the time frame empty. This table row stands above the one carrying the row number 2 (the number sits in the middle of a merged cell).",
		},
		{
			Letter: "b",
			Name:   "Công khai những việc để cán bộ, công chức biết theo quy định của pháp luật",
			Tasks: []string{
				"Công khai những nội dung sau:",
				"1. Chủ trương, chính sách của Đảng và pháp luật của Nhà nước liên quan đến công việc của cơ quan.",
				"2. Kế hoạch công tác hàng năm, hàng quý, hàng tháng của cơ quan.",
				"3. Kinh phí hoạt động hàng năm, bao gồm các nguồn kinh phí do ngân sách nhà nước cấp và các nguồn tài chính khác; quyết toán kinh phí hàng năm của UBND xã; tài sản, trang thiết bị của UBND xã.",
				"4. Tuyên dụng, đào tạo, bồi dưỡng, điều động, bổ nhiệm, luân chuyển, từ chức, miễn nhiệm; hợp đồng làm việc, thay đổi chức danh, thay đổi vị trí việc làm của cán bộ, công chức; giải quyết chế độ, nâng bậc lương, nâng ngạch, đánh giá, xếp loại cán bộ, công chức; khen thưởng, kỷ luật, thôi việc, nghỉ hưu đối với cán bộ, công chức; các đề án, dự án và việc xây dựng các văn bản quy phạm pháp luật của UBND xã.",
				"5. Các vụ việc tiêu cực, tham nhũng trong cơ quan đã được kết luận; bản kê khai tài sản, thu nhập của người có nghĩa vụ phải kê khai theo quy định của pháp luật.",
				"6. Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo trong nội bộ cơ quan.",
				"7. Các nội quy, quy chế của cơ quan.",
				"8. Kết quả tiếp thu ý kiến của cán bộ, công chức về những vấn đề thuộc thẩm quyền quyết định của người đứng đầu cơ quan đưa ra lấy ý kiến cán bộ, công chức.",
				"9. Văn bản chỉ đạo, điều hành của cơ quan quản lý cấp trên.",
			},
			Results:   []string{"Thông báo, quyết định, báo cáo"},
			Lead:      "UBND xã",
			Partners:  "Văn phòng UBND xã; Công chức Tài chính - KT xã",
			TimeFrame: "Năm 2023 và hàng năm",
			Note:      "Item 4 is split by a page break after \"thay\" and joined here. \"Tuyên dụng\" is a typo for \"Tuyển dụng\" (recruitment).",
		},
		{
			Letter:    "c",
			Name:      "Ban Thanh tra nhân dân tại UBND xã",
			Tasks:     []string{"Nhiệm vụ: hướng dẫn, triển khai kiện toàn Ban thanh tra nhân dân theo nhiệm kỳ hoặc đột xuất khi có nhu cầu"},
			Results:   []string{"Các văn bản triển khai thực hiện"},
			Lead:      "UBND xã",
			Partners:  "Ủy ban MTTQ xã",
			TimeFrame: "Năm 2023 và các năm tiếp theo",
		},
		{
			Letter:    "d",
			Name:      "Hoạt động giám sát của Ban Thanh tra nhân dân",
			Tasks:     []string{"Nhiệm vụ: ban hành Chương trình, Kế hoạch hoạt động giám sát của Ban Thanh tra nhân dân"},
			Results:   []string{"Chương trình, kế hoạch"},
			Lead:      "Ban Thanh tra nhân dân",
			Partners:  "UBND xã, UB MTTQ xã",
			TimeFrame: "Năm 2023 và các năm tiếp theo",
		},
	},
}

// Row 3 serves D2: its sub-components are PAPI's four sub-dimensions of
// transparency (access to information, poverty lists, commune budgets,
// land-use plans and compensation).
var plan2023Row3 = plan.Row{
	Number:        3,
	Area:          "Công khai, minh bạch trong việc ra quyết định",
	PAPIDimension: plan.D2Transparency,
	Subs: []plan.Sub{
		{
			Letter: "a",
			Name:   "Tiếp cận thông tin",
			Tasks: []string{
				"Phối hợp với các cơ quan, địa phương tiếp tục tuyên truyền, phổ biến nội dung của Luật Tiếp cận thông tin và các văn bản hướng dẫn thi hành Luật tiếp cận thông tin.",
				"Hướng dẫn, theo dõi, đôn đốc các địa phương trong việc thực hiện trách nhiệm cung cấp thông tin theo quy định của Luật Tiếp cận thông tin.",
				"rà soát các văn bản quy phạm pháp luật của UBND, UBND đã ban hành liên quan đến quyền tiếp cận thông tin, tham mưu, đề xuất cơ quan có thẩm quyền sửa đổi, bổ sung, thay thế cho phù hợp với Luật Tiếp cận thông tin.",
			},
			Results: []string{
				"Các văn bản triển khai, báo cáo;",
				"Các hình thức công khai....",
			},
			Lead:      "UBND xã",
			Partners:  "Công chức Tư pháp xã",
			TimeFrame: "Thường xuyên",
			Note:      "\"của UBND, UBND đã ban hành\" repeats UBND, probably for \"HĐND, UBND\".",
		},
		{
			Letter: "b",
			Name:   "Công khai minh bạch danh sách hộ nghèo",
			Tasks: []string{
				"Tổ chức triển khai thực hiện điều tra/rà soát hộ nghèo theo đúng quy định.",
				"Tổ chức họp dân thống nhất kết quả điều tra/rà soát, tập trung vào danh sách hộ nghèo, hộ cận nghèo,...theo quy định.",
				"Thực hiện việc niêm yết công khai danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo, thoát cận nghèo tại Trụ sở UBND xã, nhà văn hóa thôn và thông báo trên phương tiện thông tin đại chúng; Thời gian niêm yết theo quy định.",
			},
			Results: []string{
				"Các văn bản triển khai (Kế hoạch/quy trình rà soát/công văn...)",
			},
			Lead:      "UBND xã",
			Partners:  "Công chức VH-XH (LĐTBXH); Các thôn.",
			TimeFrame: "Định kỳ, thường xuyên",
		},
		{
			Letter: "c",
			Name:   "Công khai minh bạch ngân sách xã",
			Tasks: []string{
				"Thực hiện thu, chi các khoản kinh phí theo đúng quy định pháp luật của Luật ngân sách nhà nước.",
			},
			Results: []string{
				"Số liệu thu, chi ngân sách nhà nước xã.",
				"Chỉ tiêu, biểu mẫu, thuyết minh làm căn cứ trình HĐND xã quyết định dự toán ngân sách địa phương và phân bổ ngân sách.",
				"Số liệu dự toán ngân sách xã và phân bổ ngân sách xã được HĐND quyết định.",
				"Số liệu và thuyết minh tình hình thực hiện dự toán ngân sách xã 06 tháng, năm đã được báo cáo UBND huyện, xã.",
				"Số liệu và thuyết minh quyết toán ngân sách xã đã được HĐND xã phê chuẩn",
			},
			Lead:      "Công chức Tài chính Kế toán xã",
			Partners:  "Phòng Tài chính KH huyện.\nỦy ban MTTQ xã, Ban thanh tra nhân dân xã",
			TimeFrame: "Năm 2023;\n6 tháng, năm",
			Note:      "The plan lists the partner units and the time frames as two items each, one per line here: the budget for the year, its reports at six months and at the year's end.",
		},
		{
			Letter: "d",
			Name:   "Công khai minh bạch quy hoạch, kế hoạch sử dụng đất, 1 phương án bồi thường, hỗ trợ, tái định cư.",
			Tasks: []string{
				"Thực hiện việc công bố công khai quy hoạch/kế hoạch sử dụng đất theo Điều 48 Luật Đất đai, được sửa đổi tại khoản 1 Điều 6 Luật sửa đổi, bổ sung một số Điều của 37 Luật có liên quan đến quy hoạch.",
			},
			Results: []string{
				"Văn bản chỉ đạo, công bố công khai;",
				"Văn bản thực hiện công bố công khai;",
				"Hình ảnh, tài liệu chứng minh công bố công khai trên Cổng thông tin điện tử xã và trụ sở UBND xã",
			},
			Lead:      "UBND xã",
			Partners:  "Công chức Địa chính xã",
			TimeFrame: "Sau khi QHKHSDD được cơ quan nhà nước có thẩm quyền phê duyệt.",
			Note:      "The stray \"1\" in the name (\"sử dụng đất, 1 phương án\") is in the plan, as is the time frame's \"QHKHSDD\" (quy hoạch, kế hoạch sử dụng đất).",
		},
	},
}

// Row 4 serves D3: interaction with the authorities and the handling of
// complaints and petitions are PAPI's sub-dimensions of vertical
// accountability; access to justice services is one too.
var plan2023Row4 = plan.Row{
	Number:        4,
	Area:          "Trách nhiệm giải trình với người dân",
	PAPIDimension: plan.D3Accountability,
	Subs: []plan.Sub{
		{
			Letter: "a",
			Name:   "Tương tác với chính quyền",
			Tasks: []string{
				"Phối hợp tổ chức tập huấn, tuyên truyền để phổ biến kiến thức pháp luật cho đội ngũ trưởng thôn, đại biểu HĐND xã, Chi hội trưởng của các tổ chức chính trị-xã hội.",
				"Thông báo danh sách trưởng thôn, đại biểu HĐND xã, cán bộ, công chức xã phụ trách địa bàn để người dân liên hệ khi cần thiết.",
				"Tổ chức các cuộc tiếp xúc cử tri trước các kỳ họp HĐND xã.",
			},
			Results: []string{
				"100% trưởng thôn, đại biểu HĐND xã, Chi hội trưởng của các tổ chức chính trị-xã hội được tuyên truyền.",
				"Niêm yết thường xuyên tại 100% trụ sở UBND xã.",
				"UBND xã phối hợp MTTQ xã tổ chức 1 năm 2 lần.",
			},
			Lead:      "UBND xã",
			Partners:  "Công chức VP-TK xã; UB MTTQ và các đoàn thể chính trị xã.",
			TimeFrame: "Thường xuyên",
		},
		{
			Letter: "b",
			Name:   "Giải quyết khiếu nại, tố cáo, kiện nghị, phản ánh",
			Tasks: []string{
				"Xây dựng và triển khai kế hoạch kiểm tra hàng năm, chuyên đề.",
				"Thực hiện nghiêm các kết luận, kiến nghị, quyết định xử lý về thanh tra, kiểm tra; tập trung giải quyết có hiệu quả những kiến nghị, khiếu nại, tố cáo của công dân.",
				"Thực hiện tốt công tác tiếp công dân: bố trí đầy đủ người đứng chức trách, đủ thẩm quyền; người đứng đầu cơ quan, đơn vị đảm bảo lịch trực tiếp công dân định kỳ; rà soát, đánh giá chất lượng đội ngũ công chức tiếp công dân, tham gia bồi dưỡng, nâng cao nhận thức, trách nhiệm, nghiệp vụ của đội ngũ cán bộ, công chức tiếp công dân.",
				"Rà soát hệ thống sổ sách ghi chép, số theo dõi công tác tiếp công dân đảm bảo đúng mẫu, ghi đủ thông tin; sử dụng hiệu quả phần mềm trong tiếp nhận, phân loại, xử lý đơn kiến nghị, khiếu nại, tố cáo của công dân.",
				"Thực hiện đầy đủ, đúng thời hạn đối với các nội dung phải giải trình với người dân theo quy định.",
				"Bố trí địa điểm tiếp công dân sạch sẽ, thoáng mát, trang trí địa điểm theo quy định; xây dựng và niêm yết lịch tiếp công dân cụ thể theo ngày, giờ, tên, số điện thoại người tiếp công dân.",
			},
			Results:   []string{"Báo cáo kết quả công tác giải quyết khiếu nại tố cáo."},
			Lead:      "UBND xã",
			Partners:  "Công chức chuyên môn xã",
			TimeFrame: "Thường xuyên",
			Note:      "\"kiện nghị\" is a typo for \"kiến nghị\" (petitions); \"số theo dõi\" for \"sổ theo dõi\" (the reception log).",
		},
		{
			Letter: "c",
			Name:   "Tiếp cận dịch vụ tư pháp",
			Tasks: []string{
				"Đẩy mạnh rà soát các quy định, thủ tục hành chính, qua đó kịp thời tham mưu cấp có thẩm quyền công bố danh mục thủ tục hành chính được sửa đổi, bổ sung hoặc ban hành mới thuộc lĩnh vực quản lý Tư pháp ở địa phương; cấp nhật, công khai chi tiết các thủ tục hành chính thuộc thẩm quyền giải quyết, cung cấp đầy đủ thông tin thủ tục cần làm, công khai phí và lệ phí đối với từng thủ tục. Tăng cường ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính cho người dân và tổ chức, tạo điều kiện thuận lợi và cắt giảm chi phí đi lại cho tổ chức, cá nhân.",
				"Đẩy mạnh hoạt động trợ giúp pháp lý đối với các vụ việc tham gia tố tụng gắn với nâng cao chất lượng dịch vụ trợ giúp pháp lý. Tích cực lồng ghép hoạt động trợ giúp pháp lý trong các chương trình giảm nghèo, an sinh xã hội và các Chương trình bảo đảm công bằng xã hội khác; nâng cao hiệu quả công tác truyền thông về trợ giúp pháp lý.",
				"Tạo điều kiện để các tổ chức ngoài công lập hoạt động trong lĩnh vực tư pháp hoạt động thuận lợi, đúng quy định.",
			},
			Results: []string{
				"Các văn bản triển khai, báo cáo;",
				"Các hình thức công khai",
			},
			Lead:      "Công chức Tư pháp xã",
			Partners:  "Cán bộ, công chức liên quan",
			TimeFrame: "Thường xuyên",
			Note:      "The plan's table row is shifted one column to the left (the name sits under \"Chỉ số nội dung\"); read by position.",
		},
	},
}

// Row 5 serves D4: its sub-components are PAPI's sub-dimensions of control
// of corruption (in local government, in public services, the authorities'
// will to fight it).
var plan2023Row5 = plan.Row{
	Number:        5,
	Area:          "Kiểm soát tham nhũng trong khu vực công",
	PAPIDimension: plan.D4Corruption,
	Subs: []plan.Sub{
		{
			Letter: "a",
			Name:   "Kiểm soát tham nhũng trong chính quyền địa phương",
			Tasks: []string{
				"Tăng cường tự kiểm tra định kỳ, đột xuất về kỷ cương hành chính, thực thi công vụ; sử dụng và quản lý ngân sách, công quỹ; giải quyết TTHC lĩnh vực đất đai, xây dựng.",
				"Kiểm tra việc thực hiện kết luận các cuộc thanh tra, kiểm tra trước đây; kiến nghị xử lý nghiêm đối với các trường hợp cuộc thanh tra, kiểm tra phạm hoặc chậm khắc phục, không thực hiện kết luận thanh tra, kiểm tra. Tập trung vào việc giải quyết TTHC, kiến nghị, phản ánh, khiếu nại, tố cáo thuộc lĩnh vực đất đai, xây dựng... địa bàn xã.",
			},
			Results:   []string{"Rà soát, kiểm tra các kết luận các cuộc thanh tra, kiểm tra đã thực hiện trong năm 2022."},
			Lead:      "UBND xã",
			Partners:  "Công chức chuyên môn UBND xã",
			TimeFrame: "Thường xuyên",
			Note:      "The plan names a) and b) in one cell beside three table rows; the first (self-inspection of the commune) is read as a), the health and primary-school rows as b).",
		},
		{
			Letter: "b",
			Name:   "Kiểm soát tham nhũng trong cung ứng dịch vụ công Y tế, Giáo dục",
			Tasks: []string{
				"Tăng cường thanh tra, kiểm tra việc thực hiện luật Khám chữa bệnh, thực hiện quy chế chuyên môn của Bộ Y tế. Phát huy hiệu quả đường dây nóng; tăng cường các kênh tiếp nhận thông tin của người dân đối với chất lượng, thái độ phục vụ của các cơ sở y tế; xử lý kịp thời các vụ việc; hành vi tiêu cực; thông tin, công khai rộng rãi tới người dân.",
				"Tuyên truyền các văn bản về y đức, Quy tắc ứng xử, Đổi mới phong cách, thái độ phục vụ của nhân viên y tế hướng tới sự hài lòng của người bệnh, các văn bản hướng dẫn luật PCTN, Luật KCB...",
				"Tăng cường kiểm tra các cơ sở giáo dục tiểu học công lập; tăng cường các kênh tiếp nhận thông tin của người dân đối với cơ sở vật chất, chất lượng giáo dục, đội ngũ giáo viên của các trường tiểu học trên địa bàn, xử lý kịp thời các vụ việc, hành vi tiêu cực; thông tin, công khai rộng rãi tới người dân.",
				"Tham gia các lớp đào tạo, bồi dưỡng nghiệp vụ; nâng cao chất lượng đội ngũ giáo viên tiểu học.",
			},
			Results: []string{
				"Tổ chức tự kiểm tra.",
				"Tham gia các lớp tập huấn, tuyên truyền.",
			},
			Lead:      "UBND xã",
			Partners:  "Công chức VP- TK xã\nCác nhà trường trong xã",
			TimeFrame: "Thường xuyên\nQuý II, III năm 2023",
			Note:      "The plan gives b) two table rows with the same results: health (tasks 1–2; partner Công chức VP- TK xã; Thường xuyên) and primary schools (tasks 3–4; partner Các nhà trường trong xã; Quý II, III năm 2023). The health row is shifted one column to the left; read by position.",
		},
		{
			Letter: "c",
			Name:   "Quyết tâm chống tham nhũng của chính quyền địa phương",
			Tasks: []string{
				"Tăng cường tuyên truyền tới người dân về những nỗ lực của chính quyền; những kết quả đạt được trong công tác phòng chống tham nhũng, tạo sự tin tưởng trong người dân về quyết tâm phòng chống tham nhũng của chính quyền.",
				"Tăng cường các kênh tiếp nhận thông tin của người dân về hiện tượng tham nhũng; xác minh, xử lý kịp thời.",
				"Công khai rộng rãi, kết quả xử lý các vụ việc tham nhũng.",
			},
			Results: []string{
				"Các biện pháp tuyên truyền về luật phòng chống tham nhũng;",
				"Báo cáo đánh giá chất lượng CBCC cuối năm.",
			},
			Lead:      "Thanh tra huyện",
			Partners:  "UBND xã",
			TimeFrame: "Thường xuyên",
			Note:      "The plan's table row is shifted one column to the left up to the units, with an empty cell before the time frame; read as lead Thanh tra huyện (the district inspectorate), partner UBND xã.",
		},
	},
}

// plan2023Row6Tasks and plan2023Row6Results stand beside row 6's a) and b)
// in the plan and run on past a page break, with c) on an otherwise empty
// table row below them: they serve all three sub-components.
var (
	plan2023Row6Tasks = []string{
		"Triển khai có hiệu quả Đề án đổi mới thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính theo quy định tại Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ.",
		"Thực hiện nghiêm việc công khai, minh bạch trong tiếp nhận, giải quyết TTHC, bảo đảm 100% TTHC được công bố, công khai đầy đủ, đúng hạn và 100% hồ sơ TTHC tiếp nhận, giải quyết tại UBND xã được theo dõi trạng thái xử lý trên Hệ thống thông tin giải quyết TTHC của xã, đồng bộ với Công dịch vụ công quốc gia để người dân doanh nghiệp có thể giám sát, đánh giá quá trình thực hiện.",
		"Đẩy mạnh thực hiện TTHC trên môi trường điện tử dựa trên dữ liệu số. Cung cấp dịch vụ công trực tuyến toàn trình đối với 100% TTHC đủ điều kiện trên Hệ thống thông tin giải quyết TTHC của xã đảm bảo tích hợp trên Công Dịch vụ công Quốc gia. Thực hiện đầy đủ việc số hóa hồ sơ, kết quả giải quyết TTHC theo đúng quy định.",
		"Rà soát, đề xuất cắt giảm, đơn giản hóa TTHC (cắt giảm thời gian, thành phần hồ sơ, yêu cầu điều kiện...) đối với TTHC đang là rào cản, gây khó khăn, tốn kém chi phí người dân, doanh nghiệp.",
		"Tăng cường trách nhiệm phối hợp giữa các cơ quan có thẩm quyền; Trách nhiệm của người đứng đầu các cơ quan, đơn vị, địa phương trong giải quyết thủ tục hành chính cho tổ chức và cá nhân. Thực hiện việc xin lỗi cá nhân, doanh nghiệp, tổ chức đối với các trường hợp hồ sơ trễ hạn do lỗi của cơ quan hành chính nhà nước và giải trình lý do.",
		"Tổ chức thực hiện hiệu quả công tác tiếp nhận, giải quyết phần phân ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính.",
		"Triển khai thực hiện hiệu quả Bộ chỉ số chỉ đạo và điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC; phấn đấu mức độ hài lòng của người dân, doanh nghiệp trong thực hiện TTHC toàn xã đạt mức 90% trở lên.",
		"Đẩy mạnh kết nối, tích hợp, chia sẻ thông tin, dữ liệu giữa các hệ thống thông tin phục vụ giải quyết TTHC, cung cấp dịch vụ công trực tuyến và các tiện ích cho người dân, doanh nghiệp.",
		"Tiếp tục tham gia các lớp tập huấn nghiệp vụ, kỹ năng và siết chặt kỷ luật, kỷ cương hành chính, đạo đức công vụ đối với đội ngũ cán bộ, công chức làm việc tại Bộ phận Một cửa xã; đồng thời bảo đảm thực hiện đầy đủ chế độ, quyền lợi cho cán bộ một cửa theo quy định.",
		"Tăng cường công tác tự kiểm soát TTHC, trong đó tập trung việc tổ chức thực hiện TTHC tại UBND xã; kịp thời phát hiện, chấn chỉnh, kiến nghị cấp có thẩm quyền xử lý nghiêm theo đúng quy định cán bộ, công chức có hành vi những nhiều, tiêu cực, tự ý đặt ra TTHC không đúng quy định hoặc để chậm, muộn, trả lại hồ sơ nhiều lần.",
	}
	plan2023Row6Results = []string{
		"Bộ phận Một cửa xã thực hiện đúng theo hướng dẫn của Văn phòng Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC;",
		"100% TTHC được công khai đầy đủ, kịp thời, đúng quy định trên Công dịch vụ công quốc gia;",
		"100% hồ sơ TTHC được cập nhật trên Hệ thống thông tin giải quyết TTHC xã, đồng bộ với Công dịch vụ công quốc gia;",
		"100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình;",
		"Có phương án đơn giản hóa TTHC trình cấp có thẩm quyền xem xét;",
		"Trên 95% TTHC đúng và trước hạn;",
		"100% hồ sơ trễ hạn phải được xin lỗi theo đúng quy định;",
		"Chỉ số hài lòng của người dân, doanh nghiệp trong thực hiện TTHC đạt mức 90% trở lên;",
		"100% công chức làm việc tại Bộ Một cửa được tập huấn ít nhất 1 lần/năm.",
	}
)

const plan2023Row6Note = "The plan gives one set of tasks and results for a), b) and c) (merged cells over a page break). " +
	"\"Công dịch vụ công quốc gia\" is a typo for \"Cổng dịch vụ công quốc gia\" (the national public-service portal); " +
	"\"phần phân ánh\" for \"phản ánh\"; \"những nhiều\" for \"nhũng nhiễu\" (harassment). " +
	"The last result is split by a page break after \"tại Bộ\" and joined here; \"phận\" of \"Bộ phận Một cửa\" is missing in the plan."

// Row 6 serves D5: its sub-components are PAPI's sub-dimensions of public
// administrative procedures (certification, land-use right certificates,
// commune-level administrative services).
var plan2023Row6 = plan.Row{
	Number:        6,
	Area:          "Thủ tục hành chính công",
	PAPIDimension: plan.D5Procedures,
	Subs: []plan.Sub{
		{
			Letter: "a", Name: "Dịch vụ chứng thực, xác nhận của chính quyền",
			Tasks: plan2023Row6Tasks, Results: plan2023Row6Results,
			Lead: "Công chức VP- TK xã", Partners: "Công chức chuyên môn UBND xã", TimeFrame: "Thường xuyên",
			Note: plan2023Row6Note,
		},
		{
			Letter: "b", Name: "Dịch vụ cấp GCN quyền sử dụng đất",
			Tasks: plan2023Row6Tasks, Results: plan2023Row6Results,
			Lead: "Công chức VP- TK xã", Partners: "Công chức chuyên môn UBND xã", TimeFrame: "Thường xuyên",
			Note: plan2023Row6Note,
		},
		{
			Letter: "c", Name: "Dịch vụ hành chính cấp xã",
			Tasks: plan2023Row6Tasks, Results: plan2023Row6Results,
			Lead: "Công chức VP- TK xã", Partners: "Công chức chuyên môn UBND xã", TimeFrame: "Thường xuyên",
			Note: plan2023Row6Note + " In the plan c) has a table row of its own with every other cell empty.",
		},
	},
}

// Row 7 serves D6: public hospitals, primary schools, basic infrastructure
// and law and order are PAPI's sub-dimensions of public service delivery.
var plan2023Row7 = plan.Row{
	Number:        7,
	Area:          "Cung ứng dịch vụ công",
	PAPIDimension: plan.D6Services,
	Subs: []plan.Sub{
		{
			Letter: "a",
			Name:   "Dịch vụ Y tế công lập",
			Tasks: []string{
				"Cập nhật kiến thức chuyên môn.",
				"Tuyên truyền, phổ biến quan điểm, chủ trương, chính sách của Đảng về lợi ích, vai trò, ý nghĩa, tính nhân văn, ưu việt của chính sách BHYT để người lao động và nhân dân hiểu được giá trị thiết thực khi tham gia BHYT từ đó tích cực, chủ động tham gia BHYT.",
				"Mở rộng các hình thức tuyên truyền, vận động người dân tham gia BHYT, thực hiện việc thu BHYT thuận lợi đối với người tham gia BHYT.",
				"Phấn đấu xã giữ vững đạt chuẩn quốc gia về y tế.",
				"Thực hiện các giải pháp chuyên ngành nâng cao chất lượng khám, chữa bệnh, chăm sóc sức khỏe cho người dân.",
			},
			Results: []string{
				"Báo cáo số cán bộ được tham gia các khóa đào tạo về kiến thức chuyên môn;",
				"Tuyên truyền thường xuyên;",
				"Tỷ lệ bao phủ BHYT đạt chỉ tiêu do UBND huyện giao.",
			},
			Lead:      "Công chức VH-XH xã",
			Partners:  "Các thôn; Trạm y tế xã",
			TimeFrame: "Thường xuyên",
			Note:      "The area \"Cung ứng dịch vụ công\" is printed in bold in the plan.",
		},
		{
			Letter: "b",
			Name:   "Giáo dục tiểu học",
			Tasks: []string{
				"Xây dựng trường học an toàn, lành mạnh, thân thiện, không bạo lực, không lạm thu, đặc biệt quan tâm vệ sinh an toàn thực phẩm trong bữa ăn bán trú cho học sinh mầm non;",
				"Công tác phổ cập giáo dục mầm non, tiểu học, trung học đạt tiêu chuẩn theo quy định.",
				"Huy động các nguồn lực xã hội để phát triển giáo dục mầm non, tiểu học, trung học cơ sở (Chính sách để thu hút nguồn lực đối với giáo dục mầm non, tiểu học, trung học cơ sở; quản lý việc thực hiện xã hội hóa giáo dục trong các trường).",
				"Cử cán bộ, giáo viên tham gia các lớp bồi dưỡng đạo đức, tác phong cho đội ngũ cán bộ, giáo viên trong nhà trường.",
				"Thực hiện công khai đối với giáo dục tiểu học theo Quy định tại Thông tư 36/2017/TT-BGDĐT.",
			},
			Results: []string{
				"Kế hoạch, Báo cáo kết quả thực hiện;",
				"Quyết định công nhận phổ cập.",
			},
			Lead:      "Ba nhà trường trong xã",
			Partners:  "Các nhà trường phối hợp với MTTQ và các đoàn thể",
			TimeFrame: "Trong năm học.",
			Note:      "The plan spreads b) over two table rows: the tasks and the time frame on the first, the name (shifted one column to the left), results and units on the second.",
		},
		{
			Letter: "c",
			Name:   "Cơ sở hạ tầng căn bản",
			Tasks: []string{
				"Tiếp tục thực hiện các công trình cải tạo, sửa chữa, đảm bảo an toàn giao thông, công trình mục tiêu giảm thiểu ùn tắc giao thông.",
				"Từng bước thực hiện nâng cấp, cứng hóa các tuyến đường ở nông thôn để phục vụ nhu cầu đi lại, sản xuất kinh doanh của nhân dân;",
				"Tăng cường công tác đầu tư phát triển GTNT trung hạn và dài hạn;",
				"Triển khai các hoạt động vận động, thu hút, huy động được các nguồn lực xã hội để đầu tư phát triển Giao thông nông thôn;",
				"Tham mưu UBND xã kế hoạch thực hiện Nghị định 43/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định việc quản lý, sử dụng và khai thác tài sản kết cấu hạ tầng nước sạch.",
			},
			Results: []string{
				"Các văn bản chỉ đạo, triển khai;",
				"Đảm bảo đạt 100% trở lên các tuyến đường được cứng hóa.",
				"Công văn, Quyết định, Báo cáo",
			},
			Lead:      "UBND xã\nCông chức Địa chính GTTL",
			Partners:  "Công chức Địa chính GTTL\nCán bộ, công chức liên quan",
			TimeFrame: "Thường xuyên\nNăm 2023-2025",
			Note:      "The plan gives c) two table rows: rural roads (tasks 1–4, results 1–2; UBND xã leads with Công chức Địa chính GTTL; Thường xuyên) and clean water after a page break (task 5, result 3; Công chức Địa chính GTTL leads with Cán bộ, công chức liên quan; Năm 2023-2025). \"100% trở lên\" (100 % or more) is as written.",
		},
		{
			Letter: "d",
			Name:   "An ninh trật tự",
			Tasks: []string{
				"Nâng cao chất lượng, hiệu quả hoạt động thực hiện các chương trình phối hợp hoạt động giữa chính quyền cơ sở, các đoàn thể và nhân dân trong công tác xây dựng nền quốc phòng toàn dân, an ninh nhân dân vững mạnh.",
				"Tiếp tục đẩy mạnh phong trào toàn dân tham gia bảo vệ an ninh Tổ quốc, phòng chống tội phạm. Duy trì các mô hình tự quản hiệu quả tại thôn, xóm.",
				"Thường xuyên tuyên truyền, hướng dẫn các thôn, các cơ sở kinh doanh, sản xuất trên địa bàn thực hiện nghiêm quy định về phòng cháy, chữa cháy; thường xuyên kiểm tra công tác phòng chống cháy nổ, cứu hộ, cứu nạn; xử lý kịp thời các trường hợp vi phạm quy định về phòng chống cháy, nổ.",
				"Tăng cường thực hiện các biện pháp công tác, bám sát cơ sở, không để xảy ra các vụ việc phức tạp về an ninh trật tự. Tiếp tục thực hiện các biện pháp phòng ngừa, đấu tranh quyết liệt với các loại tội phạm, tệ nạn xã hội và các hành vi vi phạm pháp luật khác.",
			},
			Results: []string{
				"Các kế hoạch, văn bản chỉ đạo, triển khai phối hợp;",
				"Các hình thức tuyên truyền: đài phát thanh, hội nghị,...",
			},
			Lead:      "Công an xã",
			Partners:  "Công an xã; Các thôn; Đài truyền thanh xã",
			TimeFrame: "Thường xuyên",
			Note:      "The plan's table row is shifted one column to the left; read by position. The lead unit is listed again among the partners.",
		},
	},
}

// Row 8 serves D7, environmental governance. The plan names only a), the
// seriousness of environmental protection; its second table row (air
// quality, PAPI's second sub-dimension) is read as part of a).
var plan2023Row8 = plan.Row{
	Number:        8,
	Area:          "Quản trị môi trường",
	PAPIDimension: plan.D7Environment,
	Subs: []plan.Sub{
		{
			Letter: "a",
			Name:   "Nghiệm túc trong bảo vệ môi trường",
			Tasks: []string{
				"Quán triệt, triển khai các nhiệm vụ về bảo vệ môi trường tại địa phương;",
				"Tuyên truyền về bảo vệ môi trường",
				"Triển khai đồng bộ các giải pháp nhằm giảm thiểu ô nhiễm môi trường, cân bằng giữa bảo vệ môi trường và phát triển kinh tế;",
				"Cải thiện chất lượng không khí trong thời gian tới, chống ô nhiễm, bụi trên địa bàn xã; ngăn ngừa, kiểm soát, xử lý, giảm các phát sinh các nguồn gây ô nhiễm không khí; đầu tư xây dựng các công trình hạ tầng kỹ thuật về môi trường; tiếp tục pano, đài phát thanh,....",
				"Tăng cường công tác tuyên truyền về bảo vệ môi trường, Luật bảo vệ môi trường năm 2023.",
			},
			Results: []string{
				"Các Kế hoạch, các văn bản triển khai;",
				"Các buổi tuyên truyền bằng nhiều hình thức; số lượng hộ gia đình thực hiện phân loại, xử lý rác thải hữu cơ tại hộ gia đình; các mô hình bảo vệ môi trường;",
				"Các Chương trình, Kế hoạch và các văn bản triển khai,....",
				"Các hình thức tuyên truyền:",
				"Tiếp tục pano, đài phát thanh,....",
			},
			Lead:      "UBND xã",
			Partners:  "Công chức Địa chính xã; các ban ngành đoàn thể xã.",
			TimeFrame: "Thường xuyên",
			Note:      "\"Nghiệm túc\" is a typo for \"Nghiêm túc\" (seriousness). The plan gives a) two table rows across a page break with the same units and time frame (the second writes \"Các ban ngành đoàn thể xã\" without the final stop); the second row's last result is a sub-list of \"Các hình thức tuyên truyền:\".",
		},
	},
}

// Row 9 serves D8: access to the local authorities' e-government, internet
// use and answers through the portal are PAPI's sub-dimensions of
// e-governance.
var plan2023Row9 = plan.Row{
	Number:        9,
	Area:          "Quản trị điện tử",
	PAPIDimension: plan.D8EGovernance,
	Subs: []plan.Sub{
		{
			Letter: "a",
			Name:   "Tiếp cận công nghệ thông tin điện tử của chính quyền địa phương",
			Tasks: []string{
				"Tăng cường phổ biến đến người dân được biết và sử dụng Công nghệ thông tin điện tử xã.",
				"Nâng cao chất lượng, đổi mới giao diện theo hướng thân thiện, dễ tiếp cận; tăng cường các phương thức tương tác với người dân, nâng cao chất lượng cung cấp thông tin của Công nghệ thông tin điện tử xã.",
				"Nâng cao chất lượng phục vụ, tăng cường các tiện ích, tuyên truyền và có các giải pháp hỗ trợ để người dân sử dụng dịch vụ công trực tuyến, phần mềm một cửa điện tử khi giải quyết TTHC.",
				"Đăng tải đầy đủ hướng dẫn và các biểu mẫu trên Cổng thông tin điện tử xã các Thủ tục hành chính về các lĩnh vực: chứng thực, xác nhận; cấp giấy phép xây dựng; cấp giấy chứng nhận quyền sử dụng đất (Người dân, doanh nghiệp xem được hướng dẫn và tải được biểu mẫu ngay trên Cổng thông tin điện tử, không phải link đến địa chỉ khác để tải biểu mẫu)",
			},
			Results:   []string{"Các văn bản triển khai"},
			Lead:      "Công chức VP-TK xã",
			Partners:  "Công chức chuyên môn, Đài truyền thanh xã",
			TimeFrame: "Thường xuyên",
			Note:      "\"Công nghệ thông tin điện tử xã\" in tasks 1 and 2 reads as \"Cổng thông tin điện tử xã\" (the commune's web portal, this portal), as task 4 writes it.",
		},
		{
			Letter: "b",
			Name:   "Tiếp cận và sử dụng internet tại địa phương",
			Tasks: []string{
				"Tuyên truyền tới người dân về tiện ích mạng Internet; nâng cao nhận thức và hành vi sử dụng mạng Internet hiệu quả, văn minh, đúng pháp luật.",
				"Phối hợp với các nhà cung cấp dịch vụ đảm bảo chất lượng dịch vụ và các cơ chế khuyến khích người dân sử dụng.",
			},
			Results:   []string{"Các hình thức tuyên truyền"},
			Lead:      "Công chức VH-XH xã",
			Partners:  "Công chức VH-XH; Đài truyền thanh xã",
			TimeFrame: "Thường xuyên",
		},
		{
			Letter: "c",
			Name:   "Phục đáp qua Cổng Thông tin điện tử",
			Tasks: []string{
				"Đảm bảo đăng tải đầy đủ nội dung các ý kiến, khúc mắc của người dân, doanh nghiệp gửi đến cơ quan nhà nước bằng các hình thức khác nhau và trả lời của cơ quan nhà nước với các khúc mắc đó được công khai nội dung trên Cổng thông tin điện tử theo quy định của nhà nước;",
				"Cổng TTTT cấp xã phải có chuyên mục lấy ý kiến đóng góp của người dân và đăng tải đầy đủ các dự thảo về chính sách, pháp luật liên quan đến đời sống, xã hội để người dân tham gia ý kiến",
			},
			Results:   []string{"Đường link, hình ảnh chụp bài dẫn nội dung đã đăng tải"},
			Lead:      "Công chức VP-TK",
			Partners:  "Công chức chuyên môn xã",
			TimeFrame: "Thường xuyên",
			Note:      "The plan's table row is shifted one column to the left, with an empty cell before the tasks; read by position.",
		},
	},
}
