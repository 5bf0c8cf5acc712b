package seeds

import (
	"context"
	"fmt"
	"time"

	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/portal/workdays"
	"minhbach/store"
)

// demoQuestion is a fictional item a resident sent, with what the commune
// did with it. Names and phone numbers are made up.
type demoQuestion struct {
	At       time.Time // received (web) or recorded (other channels)
	Received time.Time // civil date received, for items recorded later
	Kind     string
	Topic    string
	Village  int // index in Villages; -1: none
	Channel  string
	Title    string
	Body     string
	Public   string // the public copy of the body when it differs (personal data removed)
	Asker    string
	ShowName bool
	Contact  string
	Steps    []demoStep
	Unit     string // the unit assigned, if any
	Officer  bool   // steps by the second demo officer instead of the admin
	NatRef   string
	Complex  bool
}

// demoStep is an action taken a number of hours after receipt.
type demoStep struct {
	After  time.Duration
	Action store.Action
	Asker  bool
}

func hours(n int) time.Duration { return time.Duration(n) * time.Hour }

func answer(after time.Duration, html string) demoStep {
	return demoStep{After: after, Action: store.Action{Kind: store.ActAnswer, Answer: html}}
}

func demoQuestions() []demoQuestion {
	acceptAt := func(h int) demoStep { return demoStep{After: hours(h), Action: store.Action{Kind: store.ActAccept}} }
	assign := func(h int) demoStep { return demoStep{After: hours(h), Action: store.Action{Kind: store.ActAssign}} }
	return []demoQuestion{
		{
			At: at(2025, time.March, 4, 9, 15), Kind: rules.KindQuestion, Topic: "dat-dai", Village: 0, Channel: store.ChannelWeb,
			Title: "Thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất bị rách",
			Body:  "Giấy chứng nhận quyền sử dụng đất của gia đình tôi bị rách một góc. Xin hỏi thủ tục cấp đổi và lệ phí như thế nào?",
			Asker: "Phạm Văn Lợi", ShowName: true, Contact: "0987 000 111", Unit: unitDiaChinh,
			Steps: []demoStep{acceptAt(3), assign(4), answer(hours(50),
				"<p>Gia đình ông nộp đơn đề nghị cấp đổi (mẫu số 11/ĐK) kèm bản gốc giấy chứng nhận tại Bộ phận một cửa của xã.</p><p>Lệ phí theo nghị quyết của HĐND tỉnh; thời gian giải quyết không quá 7 ngày làm việc.</p>"),
				{After: hours(80), Asker: true, Action: store.Action{Kind: store.ActRate, Rating: 5}},
				{After: hours(81), Asker: true, Action: store.Action{Kind: store.ActConfirm}}},
		},
		{
			At: at(2025, time.June, 10, 20, 5), Kind: rules.KindFeedback, Topic: "moi-truong", Village: 1, Channel: store.ChannelWeb,
			Title:  "Rác thải tập kết bên đường liên thôn",
			Body:   "Đoạn đường liên thôn gần cầu Đoài có rác tập kết nhiều ngày chưa được thu gom, bốc mùi. Liên hệ tôi qua số 0912 222 333 nếu cần.",
			Public: "Đoạn đường liên thôn gần cầu Đoài có rác tập kết nhiều ngày chưa được thu gom, bốc mùi. Liên hệ tôi qua số [đã che] nếu cần.",
			Asker:  "Ngô Thị Hạnh", Contact: "0912 222 333", Unit: unitDiaChinh,
			Steps: []demoStep{acceptAt(14), assign(15), answer(hours(7*24),
				"<p>UBND xã đã yêu cầu tổ thu gom xử lý điểm rác ngày 13/6/2025 và đặt biển cấm đổ rác. Xin cảm ơn bà đã phản ánh.</p>"),
				{After: hours(9 * 24), Asker: true, Action: store.Action{Kind: store.ActRate, Rating: 4}}},
		},
		{
			At: at(2025, time.September, 8, 10, 0), Kind: rules.KindQuestion, Topic: "ho-ngheo", Village: 2, Channel: store.ChannelWeb,
			Title: "Điều kiện để được xét hộ cận nghèo",
			Body:  "Gia đình tôi có 4 người, thu nhập không ổn định. Xin hỏi điều kiện và thời điểm xét hộ cận nghèo năm nay?",
			Asker: "Lê Văn Bình", Contact: "binh.le@example.org", Unit: unitVHXH, Officer: true,
			Steps: []demoStep{acceptAt(5), assign(6),
				{After: hours(2 * 24), Action: store.Action{Kind: store.ActRequestInfo, Note: "Đề nghị ông cho biết gia đình có người khuyết tật hoặc người cao tuổi không?"}},
				{After: hours(4 * 24), Asker: true, Action: store.Action{Kind: store.ActProvideInfo, Note: "Có mẹ tôi 78 tuổi."}},
				{After: hours(6 * 24), Action: store.Action{Kind: store.ActExtend, Days: 3, Note: "Chờ kết quả rà soát giữa kỳ của thôn."}},
				answer(hours(15*24), "<p>Hộ gia đình được xét theo chuẩn cận nghèo giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP). Kỳ rà soát thường niên bắt đầu từ tháng 10; ông đăng ký với trưởng thôn để được đưa vào danh sách bình xét.</p>")},
		},
		{
			At: at(2025, time.November, 3, 8, 30), Kind: rules.KindQuestion, Topic: "thu-tuc", Village: 3, Channel: store.ChannelPhone,
			Title: "Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn",
			Body:  "Gọi điện hỏi: con sinh tháng 10/2025, bố mẹ chưa đăng ký kết hôn thì khai sinh thế nào?",
			Asker: "Người gọi điện (không ghi tên)", Contact: "0977 444 555", Unit: unitTuPhap, Officer: true,
			Steps: []demoStep{acceptAt(2), assign(2), answer(hours(30),
				"<p>Người mẹ đăng ký khai sinh cho con; phần thông tin người cha để trống, có thể làm thủ tục nhận cha con cùng lúc nếu có đủ giấy tờ. Hồ sơ nộp tại Bộ phận một cửa hoặc trên Cổng Dịch vụ công.</p>")},
		},
		{
			At: at(2025, time.December, 1, 16, 40), Kind: rules.KindQuestion, Topic: "khac", Village: -1, Channel: store.ChannelWeb,
			Title: "Mua bán đất giá rẻ liên hệ ngay",
			Body:  "Quảng cáo bán đất nền giá rẻ, liên hệ 0900 000 000.",
			Asker: "", Contact: "0900000000",
			Steps: []demoStep{{After: hours(16), Action: store.Action{Kind: store.ActReject, Ground: store.RejectSpam}}},
		},
		{
			At: at(2026, time.January, 12, 9, 0), Kind: rules.KindFeedback, Topic: "xay-dung", Village: 4, Channel: store.ChannelReceptionDay,
			Title: "Xin sửa chữa đoạn kênh tưới tiêu bị sạt lở",
			Body:  "Tại buổi tiếp công dân ngày 12/01/2026, ông Đỗ Văn Cường phản ánh đoạn kênh tưới xứ đồng Ngọc Quỳnh bị sạt lở khoảng 20 m.",
			Asker: "Đỗ Văn Cường", ShowName: true, Contact: "0965 111 222", Unit: unitDiaChinh,
			Steps: []demoStep{acceptAt(3), assign(4), answer(hours(9*24),
				"<p>UBND xã đã khảo sát ngày 15/01/2026 và đưa đoạn kênh vào kế hoạch tu bổ thủy lợi trước vụ xuân; thi công dự kiến tháng 02/2026.</p>")},
		},
		{
			At: at(2026, time.March, 2, 14, 0), Kind: rules.KindFeedback, Topic: "an-ninh-trat-tu", Village: 5, Channel: store.ChannelWeb,
			Title: "Xe tải chở vật liệu chạy quá tốc độ qua trường học",
			Body:  "Giờ tan học buổi chiều, xe tải chở cát chạy nhanh qua cổng Trường Tiểu học, rất nguy hiểm cho học sinh.",
			Asker: "Phụ huynh học sinh", Contact: "phuhuynh@example.org", Unit: unitCongAn,
			Steps: []demoStep{acceptAt(4), assign(5), answer(hours(4*24),
				"<p>Công an xã bố trí lực lượng phân luồng giờ tan học từ ngày 05/3/2026 và đề nghị đặt biển hạn chế tốc độ.</p>")},
		},
		{
			At: at(2026, time.April, 6, 10, 0), Kind: rules.KindQuestion, Topic: "ngan-sach", Village: -1, Channel: store.ChannelWeb,
			Title: "Kinh phí làm đường thôn Thượng lấy từ nguồn nào?",
			Body:  "Xin hỏi con đường bê tông thôn Thượng làm năm 2025 dùng nguồn kinh phí nào, người dân đóng góp bao nhiêu?",
			Asker: "Vũ Thị Mai", ShowName: true, Contact: "0944 333 777", Unit: unitTaiChinh,
			Steps: []demoStep{acceptAt(2), assign(3),
				answer(hours(20*24), "<p>Công trình dùng ngân sách xã (70%) và đóng góp tự nguyện của Nhân dân thôn Thượng (30%); quyết toán đã được công khai tại mục Ngân sách.</p>")},
		},
		{
			At: at(2026, time.May, 18, 8, 0), Kind: rules.KindInfoRequest, Topic: "dat-dai", Village: 6, Channel: store.ChannelWeb,
			Title: "Đề nghị cung cấp kế hoạch sử dụng đất năm 2026",
			Body:  "Đề nghị cung cấp bản kế hoạch sử dụng đất năm 2026 của xã và bản đồ kèm theo.",
			Asker: "Hoàng Văn Nam", Contact: "nam.hv@example.org", Unit: unitDiaChinh, Complex: true,
			Steps: []demoStep{acceptAt(6), assign(7), answer(hours(8*24),
				"<p>Kế hoạch sử dụng đất năm 2026 đã được công khai trên cổng tại mục Đất đai, quy hoạch; ông có thể tải bản đồ tại đó.</p>")},
		},
		{
			At: at(2026, time.June, 22, 15, 30), Kind: rules.KindComplaint, Topic: "dat-dai", Village: 0, Channel: store.ChannelLetter,
			Title: "Khiếu nại quyết định thu hồi đất", Body: "Đơn khiếu nại (nội dung được bảo vệ).",
			Asker: "Lương Văn Khải", Contact: "0933 888 999", Unit: unitUBND,
			Steps: []demoStep{acceptAt(48), assign(49),
				{After: hours(25 * 24), Action: store.Action{Kind: store.ActAnswer, Answer: "<p>Quyết định giải quyết khiếu nại lần đầu đã được gửi tới người khiếu nại.</p>",
					Outcome: "Giữ nguyên quyết định thu hồi; điều chỉnh mức hỗ trợ chuyển đổi nghề theo đúng quy định."}}},
		},
		{
			At: at(2026, time.August, 3, 9, 0), Kind: rules.KindFeedback, Topic: "thu-tuc", Village: -1, Channel: store.ChannelNationalPortal,
			NatRef: "PAKN-2026-081234",
			Title:  "Hồ sơ chứng thực trả chậm",
			Body:   "Phản ánh qua Cổng Dịch vụ công quốc gia: hồ sơ chứng thực bản sao nộp ngày 28/7 chưa được trả.",
			Asker:  "", Contact: "", Unit: unitTuPhap, Officer: true,
			Steps: []demoStep{acceptAt(4), assign(5), answer(hours(13*24),
				"<p>Hồ sơ đã được trả ngày 05/8/2026. Bộ phận một cửa đã có văn bản xin lỗi vì trả chậm.</p>")},
		},
		{
			At: at(2026, time.September, 14, 11, 0), Kind: rules.KindQuestion, Topic: "xay-dung", Village: 2, Channel: store.ChannelWeb,
			Title: "Xây nhà trên đất nông nghiệp có được không?",
			Body:  "Tôi muốn xây nhà trên thửa đất trồng lúa của gia đình, có được cấp phép không?",
			Asker: "Trịnh Văn Hùng", Contact: "0911 555 666",
			Steps: []demoStep{{After: hours(30), Action: store.Action{Kind: store.ActForward,
				Note: "Chuyển Phòng Kinh tế, Hạ tầng và Đô thị (cấp tỉnh quản lý chuyển mục đích sử dụng đất lúa); xã đã hướng dẫn người hỏi liên hệ."}}},
		},
		{
			At: at(2026, time.November, 2, 9, 30), Kind: rules.KindFeedback, Topic: "moi-truong", Village: 3, Channel: store.ChannelWeb,
			Title: "Khói đốt rơm rạ sau thu hoạch",
			Body:  "Sau vụ mùa nhiều hộ đốt rơm rạ ngoài đồng vào buổi tối, khói bay vào khu dân cư thôn Bắc.",
			Asker: "Đặng Thị Lan", Contact: "0988 121 212", Unit: unitVHXH,
			Steps: []demoStep{acceptAt(5), assign(6)},
		},
		{
			At: at(2026, time.November, 20, 19, 45), Kind: rules.KindQuestion, Topic: "chinh-sach-xa-hoi", Village: 1, Channel: store.ChannelWeb,
			Title: "Trợ cấp cho người cao tuổi từ 75 tuổi",
			Body:  "Bố tôi năm nay tròn 75 tuổi, không có lương hưu. Xin hỏi có được hưởng trợ cấp xã hội hằng tháng không và làm hồ sơ ở đâu?",
			Asker: "Bùi Văn Tâm", Contact: "0909 343 565",
		},
		{
			At: at(2026, time.November, 24, 8, 10), Kind: rules.KindFeedback, Topic: "xay-dung", Village: 5, Channel: store.ChannelInPerson,
			Title: "Đèn chiếu sáng đường thôn Trung bị hỏng",
			Body:  "Ông Nguyễn Văn Sơn đến trụ sở phản ánh 5 bóng đèn đường trục thôn Trung bị hỏng từ đầu tháng.",
			Asker: "Nguyễn Văn Sơn", Contact: "0913 676 767",
		},
	}
}

// loadQuestions writes the demo questions, moving the clock through each
// item's steps. It needs a working-day calendar: the Labour Code's
// default; the portal swaps in the holidays table's own when it starts.
func loadQuestions(ctx context.Context, st *store.Store, setNow func(time.Time), units map[string]int64, admin, officer int64, res *Result) error {
	if v, err := st.Version(ctx); err != nil || v < store.QuestionsSchema {
		return err // an older schema, in an upgrade test: no questions yet
	}
	st.SetCalendar(workdays.Default(2023, 2030))
	villages, err := st.Villages(ctx)
	if err != nil {
		return err
	}
	for _, dq := range demoQuestions() {
		code, err := tracking.New()
		if err != nil {
			return err
		}
		nq := store.NewQuestion{
			CodeHash: code.Hash(), Kind: dq.Kind, Topic: dq.Topic, Channel: dq.Channel, NationalRef: dq.NatRef,
			Title: dq.Title, Body: dq.Body, AskerName: dq.Asker, NamePublic: dq.ShowName, Contact: dq.Contact,
		}
		if dq.Village >= 0 {
			nq.VillageID = villages[dq.Village].ID
		}
		by := admin
		if dq.Officer {
			by = officer
		}
		recorder := int64(0)
		if dq.Channel != store.ChannelWeb {
			recorder = by
			y, m, d := dq.At.Date()
			nq.ReceivedOn = day(y, m, d)
		}
		setNow(dq.At)
		id, err := st.SubmitQuestion(ctx, nq, recorder)
		if err != nil {
			return fmt.Errorf("seeds: question %q: %w", dq.Title, err)
		}
		res.Questions++
		for _, step := range dq.Steps {
			a := step.Action
			switch a.Kind {
			case store.ActAccept:
				a.PublicTitle, a.PublicBody, a.Complex = dq.Title, dq.Body, dq.Complex
				if dq.Public != "" {
					a.PublicBody = dq.Public
				}
			case store.ActAssign:
				a.UnitID = units[dq.Unit]
			}
			setNow(dq.At.Add(step.After))
			actor := store.Actor{UserID: by}
			if step.Asker {
				actor = store.Actor{Resident: true}
			}
			if a.Kind == store.ActAnswer {
				q, err := st.Question(ctx, id)
				if err != nil {
					return err
				}
				if dq.At.Add(step.After).In(vnZone).Format("2006-01-02") > q.DueOn.Format("2006-01-02") && a.Apology == "" {
					a.Apology = "UBND xã xin lỗi ông/bà vì trả lời chậm so với thời hạn."
				}
			}
			if err := st.Act(ctx, id, a, actor); err != nil {
				return fmt.Errorf("seeds: question %q, %s: %w", dq.Title, a.Kind, err)
			}
		}
	}
	return nil
}
