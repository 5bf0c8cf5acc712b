package portal

import (
	"html/template"
	"maps"
	"strconv"
	"strings"

	"minhbach/portal/rules"
	"minhbach/store"
)

// officerQuestionFuncs are the template functions of the officers'
// question pages.
func officerQuestionFuncs() template.FuncMap {
	return template.FuncMap{
		"officerQuestionsPath":    func() string { return officerQuestionsPath },
		"officerRecordPath":       func() string { return officerRecordPath },
		"replyTemplatesPath":      func() string { return replyTemplatesPath },
		"replyTemplatePath":       replyTemplatePath,
		"replyTemplateDeletePath": replyTemplateDeletePath,
		"questionLimitsPath":      func() string { return questionLimitsPath },
		"questionLimitResetPath":  func() string { return questionLimitResetPath },
		"officerState":            officerStateLabel,
		"kindOptions":             kindOptions,
		"topicOptions":            topicOptions,
		"stateOptions":            stateOptions,
		"rejectGroundOptions":     rejectGroundOptions,
		"protectOptions":          protectOptions,
		"channelOptions":          channelOptions,
		"calendarDays":            rules.CalendarDays,
		"eventNote":               eventNote,
	}
}

func rejectGroundOptions() []fieldOption {
	var out []fieldOption
	for _, g := range []string{store.RejectSpam, store.RejectAbuse, store.RejectDuplicate, store.RejectOther} {
		out = append(out, fieldOption{g, rejectGroundLabels[g]})
	}
	return out
}

func protectOptions() []fieldOption {
	return []fieldOption{
		{rules.KindComplaint, questionKindLabels[rules.KindComplaint]},
		{rules.KindDenunciation, questionKindLabels[rules.KindDenunciation]},
	}
}

// channelOptions are the channels an officer records an item from: all
// but the web form, which residents use themselves.
func channelOptions() []fieldOption {
	var out []fieldOption
	for _, ch := range store.Channels() {
		if ch != store.ChannelWeb {
			out = append(out, fieldOption{ch, channelLabels[ch]})
		}
	}
	return out
}

// eventNote is an event's note as officers read it: codes the store keeps
// in notes become words.
func eventNote(e store.QuestionEvent) string {
	switch e.Action {
	case "received":
		if e.Note != "" {
			return "Kênh: " + channelLabels[e.Note]
		}
		return ""
	case "accepted":
		if e.Note == "complex" {
			return "Thông tin phức tạp: áp dụng thời hạn cung cấp dài hơn."
		}
	case "answered":
		if e.Note == "late" {
			return "Trả lời sau hạn."
		}
	case "rejected":
		ground, rest, _ := strings.Cut(e.Note, ": ")
		if l, ok := rejectGroundLabels[ground]; ok {
			if rest != "" {
				return l + ": " + rest
			}
			return l
		}
	case "rated":
		return "Mức hài lòng: " + strconv.Itoa(e.Days) + "/5"
	}
	return e.Note
}

// questionAuditLabels name the audit log's entries of the question pages.
var questionAuditLabels = map[string]string{
	"question.record":       "Nhập phản ánh nhận trực tiếp",
	"question.accept":       "Tiếp nhận câu hỏi",
	"question.reject":       "Không tiếp nhận câu hỏi",
	"question.forward":      "Chuyển cơ quan có thẩm quyền",
	"question.assign":       "Giao xử lý câu hỏi",
	"question.note":         "Ghi chú nội bộ về câu hỏi",
	"question.request_info": "Đề nghị người hỏi bổ sung thông tin",
	"question.provide_info": "Ghi nhận thông tin người hỏi bổ sung",
	"question.extend":       "Gia hạn trả lời",
	"question.save_draft":   "Lưu bản nháp câu trả lời",
	"question.answer":       "Công bố câu trả lời",
	"question.dismiss":      "Đóng câu hỏi, không xử lý",
	"question.protect":      "Chuyển sang khiếu nại, tố cáo",
	"question.publish_file": "Công khai tệp cùng câu trả lời",
	"reply_template.save":   "Lưu mẫu trả lời",
	"reply_template.delete": "Xóa mẫu trả lời",
	"question_limit.set":    "Đặt thời hạn xử lý hỏi đáp",
	"question_limit.reset":  "Trả thời hạn xử lý về mặc định",
}

var questionEntityLabels = map[string]string{
	"question":       "Câu hỏi",
	"reply_template": "Mẫu trả lời",
	"question_limit": "Thời hạn xử lý",
}

// The audit log's labels live in format.go; the question pages add theirs
// here, in one place with the pages that cause them.
func init() {
	maps.Copy(actionLabels, questionAuditLabels)
	maps.Copy(entityLabels, questionEntityLabels)
}
