package portal

import (
	"html/template"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
	"minhbach/store"
)

// The words residents and officers read for the question lifecycle, in
// one place so every page says the same thing.

var questionStateLabels = map[string]string{
	store.QReceived:  "Đã tiếp nhận, chờ phân loại",
	store.QAccepted:  "Đang xử lý",
	store.QAssigned:  "Đang xử lý",
	store.QWaiting:   "Chờ người hỏi bổ sung thông tin",
	store.QAnswered:  "Đã trả lời",
	store.QClosed:    "Đã trả lời, người hỏi xác nhận",
	store.QRejected:  "Không tiếp nhận",
	store.QForwarded: "Đã chuyển cơ quan có thẩm quyền",
	store.QDismissed: "Đã đóng, không xử lý",
}

var questionKindLabels = map[string]string{
	rules.KindQuestion:     "Câu hỏi",
	rules.KindFeedback:     "Phản ánh, kiến nghị",
	rules.KindInfoRequest:  "Yêu cầu cung cấp thông tin",
	rules.KindComplaint:    "Khiếu nại",
	rules.KindDenunciation: "Tố cáo",
}

var channelLabels = map[string]string{
	store.ChannelWeb:            "Gửi qua cổng thông tin",
	store.ChannelPhone:          "Điện thoại",
	store.ChannelLetter:         "Thư, đơn gửi qua bưu điện",
	store.ChannelInPerson:       "Trực tiếp tại trụ sở",
	store.ChannelReceptionDay:   "Buổi tiếp công dân",
	store.ChannelNationalPortal: "Cổng Dịch vụ công quốc gia",
}

// questionEventLabels name the events of an item's history.
var questionEventLabels = map[string]string{
	"received":       "Tiếp nhận",
	"accepted":       "Công khai câu hỏi, bắt đầu xử lý",
	"rejected":       "Không tiếp nhận",
	"forwarded":      "Chuyển cơ quan có thẩm quyền",
	"assigned":       "Giao đơn vị xử lý",
	"note":           "Ghi chú nội bộ",
	"info_requested": "Đề nghị người hỏi bổ sung thông tin (tạm dừng tính thời hạn)",
	"info_provided":  "Người hỏi đã bổ sung thông tin (tiếp tục tính thời hạn)",
	"extended":       "Gia hạn trả lời",
	"answered":       "Công bố câu trả lời",
	"dismissed":      "Đóng, không xử lý",
	"protected":      "Chuyển xử lý theo quy định bảo vệ người gửi; nội dung không còn công khai",
	"reopened":       "Người hỏi mở lại câu hỏi",
	"confirmed":      "Người hỏi xác nhận câu trả lời đã giải đáp",
	"rated":          "Người hỏi đánh giá mức độ hài lòng",
	"file_published": "Công khai tệp đính kèm cùng câu trả lời",
}

var rejectGroundLabels = map[string]string{
	store.RejectSpam:      "Thư rác, quảng cáo",
	store.RejectAbuse:     "Nội dung xúc phạm, vi phạm pháp luật",
	store.RejectDuplicate: "Trùng với câu hỏi đã có",
	store.RejectOther:     "Lý do khác",
}

// standingLabels are the badges of an item against its clock.
var standingLabels = map[qclock.Standing]string{
	qclock.OnTrack:     "Trong hạn",
	qclock.DueSoon:     "Sắp đến hạn",
	qclock.Paused:      "Tạm dừng tính hạn",
	qclock.Overdue:     "Quá hạn",
	qclock.VeryOverdue: "Quá hạn nghiêm trọng",
}

// standingClasses are the badges' CSS classes.
var standingClasses = map[qclock.Standing]string{
	qclock.OnTrack:     "tag current",
	qclock.DueSoon:     "tag draft",
	qclock.Paused:      "tag ended",
	qclock.Overdue:     "tag withdrawn",
	qclock.VeryOverdue: "tag withdrawn",
}

func topicLabel(slug string) string {
	if t, ok := rules.TopicBySlug(slug); ok {
		return t.Name
	}
	return slug
}

// questionStanding is where an open item stands on the day of now; items
// the commune is done with have no standing.
func (h *handler) questionStanding(q store.Question, now time.Time) qclock.Standing {
	if !q.IsOpen() || q.State == store.QReceived && q.Protected {
		return qclock.NoClock
	}
	return q.Clock().StandingOn(h.calendar(), today(now))
}

// questionFuncs are the template functions of question pages.
func questionFuncs() template.FuncMap {
	return template.FuncMap{
		"qstate":                    func(s string) string { return questionStateLabels[s] },
		"qkind":                     func(k string) string { return questionKindLabels[k] },
		"qchannel":                  func(c string) string { return channelLabels[c] },
		"qevent":                    func(a string) string { return questionEventLabels[a] },
		"qtopic":                    topicLabel,
		"qtopics":                   rules.Topics,
		"qground":                   func(g string) string { return rejectGroundLabels[g] },
		"standingLabel":             func(s qclock.Standing) string { return standingLabels[s] },
		"standingClass":             func(s qclock.Standing) string { return standingClasses[s] },
		"questionPath":              questionPath,
		"questionFeedPath":          questionFeedPath,
		"questionsFeedPath":         questionsFeedPath,
		"questionsExportPath":       questionsExportPath,
		"officerQuestionPath":       officerQuestionPath,
		"officerQuestionActionPath": officerQuestionActionPath,
		// The public question pages.
		"civildate":            civilDate,
		"qreason":              rejectReason,
		"questionsPath":        func() string { return questionsPath },
		"askPath":              func() string { return askPath },
		"trackPath":            func() string { return trackPath },
		"overduePath":          func() string { return overduePath },
		"protectedPath":        func() string { return protectedPath },
		"responseStatsPath":    func() string { return responseStatsPath },
		"overdueFeedPath":      overdueFeedPath,
		"questionsTopicPath":   questionsTopicPath,
		"questionsOverduePath": questionsOverduePath,
	}
}
