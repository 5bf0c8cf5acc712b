package portal

import (
	"html/template"
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
