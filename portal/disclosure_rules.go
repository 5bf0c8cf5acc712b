package portal

import (
	"sort"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/rules"
	"minhbach/store"
)

// The legal clock's rules: for each kind of disclosure, every value it
// has had (the binary's defaults and administrators' changes), each with
// its source, confidence and the date from which it applies. The public
// reads them at rulesPath; administrators add a change at officerRulesPath.
// Rows are never edited: a change is a new row from a date, so a past
// verdict can always be read against the rule that made it.

// ruleKind is one kind's rules, oldest first.
type ruleKind struct {
	ID, Label string
	Rules     []ruleRow
}

// Anchor is the kind's id on the page.
func (k ruleKind) Anchor() string {
	switch k.ID {
	case rules.GeneralKind:
		return "chung"
	case rules.InternalKind:
		return "noi-bo"
	}
	return strings.ReplaceAll(k.ID, "/", "-")
}

type ruleRow struct {
	rules.DisclosureRule
	InForce bool // the rule for an item of this kind decided today
}

// Due says the time to disclose in words.
func (r ruleRow) Due() string {
	if r.DueUnknown {
		return "Chưa xác nhận"
	}
	return strconv.Itoa(r.DueDays) + " " + dayUnit(r.DueWorking) + " kể từ ngày ban hành"
}

// Posted says the minimum posting period in words.
func (r ruleRow) Posted() string {
	switch {
	case r.PostWhole:
		return "Suốt thời gian có hiệu lực"
	case r.PostUnknown:
		return "Chưa xác nhận"
	}
	return "Ít nhất " + strconv.Itoa(r.PostDays) + " " + dayUnit(r.PostWorking)
}

func dayUnit(working bool) string {
	if working {
		return "ngày làm việc"
	}
	return "ngày"
}

// ruleKindLabel names a kind of the clock for people.
func ruleKindLabel(id string) string {
	switch id {
	case rules.GeneralKind:
		return "Chung: mọi tin không có quy định riêng"
	case rules.InternalKind:
		return "Công khai trong nội bộ cơ quan"
	}
	category, slug, _ := strings.Cut(id, "/")
	if k, ok := rules.LookupKind(category, slug); ok && slug != "" {
		return categoryLabel(category) + ": " + k.Name
	}
	return categoryLabel(category)
}

// ruleKindIDs lists the kinds the rules page shows, in its order.
func ruleKindIDs() []string {
	ids := []string{rules.GeneralKind}
	for _, k := range rules.DisclosureKinds() {
		ids = append(ids, k.ID())
	}
	return append(ids, rules.InternalKind)
}

func ruleKindOptions() []fieldOption {
	var out []fieldOption
	for _, id := range ruleKindIDs() {
		out = append(out, fieldOption{id, ruleKindLabel(id)})
	}
	return out
}

type ruleForm struct {
	Kind, EffectiveFrom, DueDays, DueUnit, PostDays, PostUnit, PostWhole, Rule, Source, Confidence string
}

var ruleFields = []string{"kind", "effective_from", "due_days", "due_unit", "post_days", "post_unit", "rule", "source", "confidence"}

type rulesPage struct {
	Base
	Kinds    []ruleKind
	Editable bool
	Form     ruleForm
	Errors   fieldErrors
}

func (p *rulesPage) ErrorSummary() []fieldError { return p.Errors.inOrder(ruleFields) }

// UnitOptions are the ways days are counted.
func (p *rulesPage) UnitOptions() []fieldOption {
	return []fieldOption{{"lam-viec", "Ngày làm việc"}, {"lich", "Ngày theo lịch"}}
}

// ConfidenceOptions are the confidence levels of ../shared/ECOSYSTEM.md.
func (p *rulesPage) ConfidenceOptions() []fieldOption {
	var out []fieldOption
	for _, c := range []string{"H", "M", "L", "xã"} {
		out = append(out, fieldOption{c, confidenceLabels[c]})
	}
	return out
}

// KindOptions are the kinds a change may be made for.
func (p *rulesPage) KindOptions() []fieldOption { return ruleKindOptions() }

func (h *handler) disclosureRules(c *fiber.Ctx) error {
	return h.renderRules(c, false, ruleForm{}, nil)
}

func (h *handler) officerDisclosureRules(c *fiber.Ctx) error {
	return h.renderRules(c, true, ruleForm{DueUnit: "lam-viec", PostUnit: "lich", Confidence: "M",
		EffectiveFrom: isoDate(today(h.now()))}, nil)
}

func (h *handler) renderRules(c *fiber.Ctx, editable bool, f ruleForm, errs fieldErrors) error {
	all, err := h.store.DisclosureRules(c.UserContext())
	if err != nil {
		return err
	}
	p := &rulesPage{Base: h.base(c, "Quy định về thời hạn công khai"), Editable: editable, Form: f, Errors: errs}
	p.Description = describe("Thời hạn công khai và thời gian niêm yết tối thiểu của từng loại tin, căn cứ pháp lý, mức độ tin cậy và ngày áp dụng.")
	d := today(h.now())
	for _, id := range ruleKindIDs() {
		rk := ruleKind{ID: id, Label: ruleKindLabel(id)}
		inForce, ok := rules.RuleFor(all, id, d)
		for _, r := range all {
			if r.Kind == id {
				rk.Rules = append(rk.Rules, ruleRow{DisclosureRule: r,
					InForce: ok && inForce.Kind == id && inForce.ID == r.ID && inForce.EffectiveFrom.Equal(r.EffectiveFrom)})
			}
		}
		if len(rk.Rules) == 0 {
			continue
		}
		sort.SliceStable(rk.Rules, func(i, j int) bool { return rk.Rules[i].EffectiveFrom.Before(rk.Rules[j].EffectiveFrom) })
		p.Kinds = append(p.Kinds, rk)
	}
	return h.renderStatus(c, formStatus(errs), "disclosure_rules", p)
}

// maxRuleDays bounds a day count an administrator may type.
const maxRuleDays = 3650

// disclosureRuleSave records an administrator's change of a rule.
func (h *handler) disclosureRuleSave(c *fiber.Ctx) error {
	f := ruleForm{Kind: formText(c, "kind"), EffectiveFrom: formText(c, "effective_from"),
		DueDays: formText(c, "due_days"), DueUnit: formText(c, "due_unit"),
		PostDays: formText(c, "post_days"), PostUnit: formText(c, "post_unit"), PostWhole: formText(c, "post_whole"),
		Rule: formText(c, "rule"), Source: oneLine(c.FormValue("source")), Confidence: formText(c, "confidence")}
	errs := fieldErrors{}
	known := false
	for _, id := range ruleKindIDs() {
		known = known || id == f.Kind
	}
	if !known {
		errs["kind"] = "Vui lòng chọn loại tin."
	}
	ch := store.RuleChange{Kind: f.Kind, DueWorking: f.DueUnit == "lam-viec", PostWorking: f.PostUnit == "lam-viec",
		PostWhole: f.PostWhole == "1", Rule: f.Rule, Source: f.Source, Confidence: f.Confidence}
	var err error
	if f.EffectiveFrom == "" {
		errs["effective_from"] = "Vui lòng nhập ngày bắt đầu áp dụng."
	} else if ch.EffectiveFrom, err = parseCivilDate(f.EffectiveFrom); err != nil {
		errs["effective_from"] = "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 01/01/2026."
	}
	days := func(field, value string) *int {
		if value == "" {
			return nil // unknown
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > maxRuleDays {
			errs[field] = "Vui lòng nhập số ngày từ 0 đến " + strconv.Itoa(maxRuleDays) + ", hoặc để trống nếu chưa xác nhận."
			return nil
		}
		return &n
	}
	ch.DueDays = days("due_days", f.DueDays)
	if !ch.PostWhole {
		ch.PostDays = days("post_days", f.PostDays)
	}
	for _, u := range []struct{ field, v string }{{"due_unit", f.DueUnit}, {"post_unit", f.PostUnit}} {
		if u.v != "lam-viec" && u.v != "lich" {
			errs[u.field] = "Vui lòng chọn cách tính ngày."
		}
	}
	plainText(errs, "rule", f.Rule, "nội dung quy định", true, 1000)
	plainText(errs, "source", f.Source, "căn cứ", true, 500)
	if _, ok := confidenceLabels[f.Confidence]; !ok {
		errs["confidence"] = "Vui lòng chọn mức độ tin cậy."
	}
	if len(errs) > 0 {
		return h.renderRules(c, true, f, errs)
	}
	if _, err := h.store.AddDisclosureRule(c.UserContext(), ch, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã ghi quy định mới cho “"+ruleKindLabel(f.Kind)+"”, áp dụng cho văn bản ban hành từ "+
		fmtDate(ch.EffectiveFrom)+". Các tin đã công khai giữ quy định đã dùng để đánh giá.")
	return c.Redirect(officerRulesPath, fiber.StatusSeeOther)
}
