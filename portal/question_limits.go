package portal

import (
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/rules"
	"minhbach/store"
)

// The clock's values for administrators: every named value per kind with
// its rule, source and confidence, the value in force, and forms to set a
// value for a kind (or one topic of it) and to return it to the default.

var limitNameLabels = map[string]string{
	rules.LimitTriage:       "Phân loại (tiếp nhận, không tiếp nhận hoặc chuyển)",
	rules.LimitReply:        "Trả lời",
	rules.LimitReplyComplex: "Trả lời khi thông tin phức tạp",
	rules.LimitExtension:    "Gia hạn tối đa (một lần)",
	rules.LimitForward:      "Chuyển cơ quan có thẩm quyền",
	rules.LimitIdentityKeep: "Giữ thông tin nhân thân người yêu cầu",
}

var confidenceLabels = map[string]string{
	"H":  "Đã đối chiếu văn bản luật",
	"M":  "Theo nguồn thứ cấp, chưa đối chiếu văn bản",
	"L":  "Chưa tìm thấy căn cứ",
	"xã": "Quy định riêng của xã, không phải quy định của luật",
}

type limitRow struct {
	rules.Limit
	Label, ConfidenceLabel string
	InForce                int
	Set                    bool                  // an administrator's value for the kind applies
	Overrides              []store.QuestionLimit // values of the kind: for all topics, then per topic
}

type limitKind struct {
	Kind, Label string
	Rows        []limitRow
}

type limitForm struct {
	Kind, Topic, Name, Days, Source string
}

var limitFields = []string{"kind", "topic", "name", "days", "source"}

type limitsPage struct {
	Base
	Kinds  []limitKind
	Form   limitForm
	Errors fieldErrors
}

func (p *limitsPage) ErrorSummary() []fieldError { return p.Errors.inOrder(limitFields) }

// TopicOptions are the topics a value may be set for, "every topic" first.
func (p *limitsPage) TopicOptions() []fieldOption {
	return append([]fieldOption{{anyTopic, "Mọi chủ đề"}}, topicOptions()...)
}

// NameOptions are the named values.
func (p *limitsPage) NameOptions() []fieldOption {
	var out []fieldOption
	for _, n := range []string{rules.LimitTriage, rules.LimitReply, rules.LimitReplyComplex, rules.LimitExtension, rules.LimitForward, rules.LimitIdentityKeep} {
		out = append(out, fieldOption{n, limitNameLabels[n]})
	}
	return out
}

func (h *handler) questionLimits(c *fiber.Ctx) error {
	return h.renderLimits(c, limitForm{Topic: anyTopic}, nil)
}

func (h *handler) renderLimits(c *fiber.Ctx, f limitForm, errs fieldErrors) error {
	ls, err := h.store.QuestionLimits(c.UserContext())
	if err != nil {
		return err
	}
	p := &limitsPage{Base: h.base(c, "Thời hạn xử lý hỏi đáp"), Form: f, Errors: errs}
	for _, k := range rules.Kinds() {
		lk := limitKind{Kind: k, Label: questionKindLabels[k]}
		for _, l := range rules.DefaultLimits(k) {
			row := limitRow{Limit: l, Label: limitNameLabels[l.Name], ConfidenceLabel: confidenceLabels[l.Confidence]}
			row.InForce, row.Set = limitOf(ls, k, "", l.Name)
			for _, o := range ls {
				if o.Kind == k && o.Name == l.Name {
					row.Overrides = append(row.Overrides, o)
				}
			}
			lk.Rows = append(lk.Rows, row)
		}
		p.Kinds = append(p.Kinds, lk)
	}
	return h.renderStatus(c, formStatus(errs), "question_limits", p)
}

// maxLimitDays bounds what an administrator may type: a year of working
// days, or ten years for how long an identity is kept.
func maxLimitDays(name string) int {
	if name == rules.LimitIdentityKeep {
		return 3650
	}
	return 365
}

// questionLimitSave sets a value for a kind, or for one topic of it.
func (h *handler) questionLimitSave(c *fiber.Ctx) error {
	f := limitForm{Kind: formText(c, "kind"), Topic: formText(c, "topic"), Name: formText(c, "name"),
		Days: formText(c, "days"), Source: oneLine(c.FormValue("source"))}
	errs := fieldErrors{}
	if !slices.Contains(rules.Kinds(), f.Kind) {
		errs["kind"] = "Vui lòng chọn loại."
	}
	topic := f.Topic
	if topic == anyTopic || topic == "" {
		topic, f.Topic = "", anyTopic
	} else if _, ok := rules.TopicBySlug(topic); !ok {
		errs["topic"] = "Vui lòng chọn chủ đề."
	}
	def, ok := rules.DefaultLimit(f.Kind, f.Name)
	if !ok && errs["kind"] == "" {
		errs["name"] = "Loại “" + questionKindLabels[f.Kind] + "” không có thời hạn này."
	} else if !ok {
		errs["name"] = "Vui lòng chọn thời hạn."
	}
	days, err := strconv.Atoi(f.Days)
	if max := maxLimitDays(f.Name); err != nil || days < 1 || days > max {
		errs["days"] = "Vui lòng nhập số ngày từ 1 đến " + strconv.Itoa(max) + "."
	}
	plainText(errs, "source", f.Source, "căn cứ hoặc lý do thay đổi", true, 500)
	if len(errs) > 0 {
		return h.renderLimits(c, f, errs)
	}
	err = h.store.SetQuestionLimit(c.UserContext(), store.QuestionLimit{Kind: f.Kind, Topic: topic, Name: f.Name, Days: days, Source: f.Source}, currentUser(c).ID)
	if err != nil {
		return err
	}
	unit := "ngày làm việc"
	if def.Calendar {
		unit = "ngày"
	}
	h.setFlash(c, "Đã đặt “"+limitNameLabels[f.Name]+"” của "+questionKindLabels[f.Kind]+" là "+f.Days+" "+unit+
		". Áp dụng cho các mục tiếp nhận từ nay.")
	return c.Redirect(questionLimitsPath+"#"+f.Kind, fiber.StatusSeeOther)
}

// questionLimitReset returns a value to its legal default.
func (h *handler) questionLimitReset(c *fiber.Ctx) error {
	kind, topic, name := formText(c, "kind"), formText(c, "topic"), formText(c, "name")
	if _, ok := rules.DefaultLimit(kind, name); !ok {
		return fiber.ErrBadRequest
	}
	if err := h.store.DeleteQuestionLimit(c.UserContext(), kind, topic, name, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã trả “"+limitNameLabels[name]+"” của "+questionKindLabels[kind]+" về mặc định. Áp dụng cho các mục tiếp nhận từ nay.")
	return c.Redirect(questionLimitsPath+"#"+kind, fiber.StatusSeeOther)
}
