package portal

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/store"
)

// The officers' form of one sub-component of a plan (a row of the plan
// disclosure): its name, tasks, results, units, time frame and each
// indicator's name, period, target, range and evidence. A draft changes in
// place; a published plan gets a new version with the officer's reason,
// whose history shows the changed row.

// planSubForm is the form as typed.
type planSubForm struct {
	Name, Tasks, Results, Lead, Partners, TimeFrame, Reason string
	Indicators                                              []indicatorForm
}

// indicatorForm is one indicator's part of the form.
type indicatorForm struct {
	Index                                           int
	Slug, Name, Kind, Unit, Period                  string
	Direction, Target, Source, TargetNote, Min, Max string
	Evidence                                        bool
	SlugLocked                                      bool // values or links are stored under the slug
}

// Field names the form's controls for indicator i.
func (f indicatorForm) Field(name string) string { return "ind-" + strconv.Itoa(f.Index) + "-" + name }

type planSubPage struct {
	Base
	D         store.Disclosure
	Row       plan.Row
	SubKey    string
	Public    bool
	Stamp     string
	Form      planSubForm
	Errors    fieldErrors
	PlanError string // plan.Check's message
	Action    string
}

// ErrorSummary lists the errors in the order of the form.
func (p *planSubPage) ErrorSummary() []fieldError {
	order := []string{"name", "tasks", "results", "lead", "partners", "time_frame"}
	for _, in := range p.Form.Indicators {
		for _, n := range []string{"slug", "name", "period", "direction", "target", "source", "target-note", "min", "max"} {
			order = append(order, in.Field(n))
		}
	}
	return p.Errors.inOrder(append(order, "plan", "reason"))
}

// Option lists of the form.
func indicatorPeriodOptions() []fieldOption {
	return []fieldOption{{plan.Month, "Tháng"}, {plan.Quarter, "Quý"}, {plan.Year, "Năm"}}
}

func targetDirectionOptions() []fieldOption {
	return []fieldOption{{">", "> (lớn hơn)"}, {">=", "≥ (từ … trở lên)"}, {"<=", "≤ (không quá)"}, {"=", "= (bằng)"}}
}

func targetSourceOptions() []fieldOption {
	return []fieldOption{{plan.SourcePlan, "Theo kế hoạch"}, {plan.SourceCommune, "Do xã đặt"}, {plan.SourceLaw, "Theo quy định pháp luật"}}
}

// planSub is a plan's working copy, its raw rows and the sub-component
// the path names.
type planSub struct {
	D    store.Disclosure
	Plan plan.Plan
	Raw  []json.RawMessage
	Row  plan.Row
	Sub  plan.Sub
	Key  string
}

func (h *handler) officerPlanSub(c *fiber.Ctx) (planSub, error) {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return planSub{}, err
	}
	if d.Category != plan.Category || d.Kind != plan.Kind {
		return planSub{}, errNotFound()
	}
	if d.IsWithdrawn() {
		return planSub{}, errWithdrawnIsFinal
	}
	raw, err := h.store.Rows(c.UserContext(), d.ID)
	if err != nil {
		return planSub{}, err
	}
	p, err := plan.Decode(d.Facts, raw)
	if err != nil {
		return planSub{}, err
	}
	key := c.Params("sub")
	r, s, ok := p.Sub(key)
	if !ok {
		return planSub{}, errNotFound()
	}
	return planSub{D: d, Plan: p, Raw: raw, Row: r, Sub: s, Key: key}, nil
}

func (ps planSub) stamp() string { return strconv.FormatInt(ps.D.UpdatedAt.UnixNano(), 10) }

// lockedSlugs are the indicators of the sub-component whose slug carries
// stored values or links.
func (h *handler) lockedSlugs(c *fiber.Ctx, ps planSub) (map[string]bool, error) {
	st, err := h.loadPlanState(c.UserContext(), ps.D, ps.Plan)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, in := range ps.Sub.Indicators {
		key := plan.IndicatorKey(ps.Key, in.Slug)
		hist, err := h.store.IndicatorValueHistory(c.UserContext(), ps.D.ID, key)
		if err != nil {
			return nil, err
		}
		out[in.Slug] = len(hist) > 0 || len(st.Links[key]) > 0
	}
	return out, nil
}

func subForm(s plan.Sub, locked map[string]bool) planSubForm {
	f := planSubForm{Name: s.Name, Tasks: strings.Join(s.Tasks, "\n"), Results: strings.Join(s.Results, "\n"),
		Lead: s.Lead, Partners: s.Partners, TimeFrame: s.TimeFrame}
	for i, in := range s.Indicators {
		g := indicatorForm{Index: i, Slug: in.Slug, Name: in.Name, Kind: in.Kind, Unit: in.Unit, Period: in.Period,
			Min: fmtDecimalPtr(in.Min), Max: fmtDecimalPtr(in.Max), Evidence: in.Evidence, SlugLocked: locked[in.Slug]}
		if t := in.Target; t != nil {
			g.Direction, g.Target, g.Source, g.TargetNote = t.Direction, fmtDecimal(t.Value), t.Source, t.Note
		}
		f.Indicators = append(f.Indicators, g)
	}
	return f
}

// planSubEdit shows the form of one sub-component.
func (h *handler) planSubEdit(c *fiber.Ctx) error {
	ps, err := h.officerPlanSub(c)
	if err != nil {
		return err
	}
	locked, err := h.lockedSlugs(c, ps)
	if err != nil {
		return err
	}
	return h.renderPlanSub(c, ps, subForm(ps.Sub, locked), fieldErrors{}, "")
}

func (h *handler) renderPlanSub(c *fiber.Ctx, ps planSub, f planSubForm, errs fieldErrors, planErr string) error {
	p := &planSubPage{Base: h.base(c, fmt.Sprintf("Sửa nội dung %s) của dòng %d", ps.Sub.Letter, ps.Row.Number)),
		D: ps.D, Row: ps.Row, SubKey: ps.Key, Public: ps.D.IsPublished(), Stamp: ps.stamp(), Form: f, Errors: errs,
		PlanError: planErr, Action: officerPlanSubPath(ps.D.ID, ps.Key)}
	p.NoIndex = true
	return h.renderStatus(c, formStatus(errs), "plan_sub_edit", p)
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Field limits of the plan's texts, in characters.
const (
	maxPlanLine  = 1000
	maxPlanShort = 300
)

// planSubSave saves the form: the sub-component's row is replaced, every
// other row stays byte for byte as it was.
func (h *handler) planSubSave(c *fiber.Ctx) error {
	ps, err := h.officerPlanSub(c)
	if err != nil {
		return err
	}
	locked, err := h.lockedSlugs(c, ps)
	if err != nil {
		return err
	}
	f := planSubForm{Name: formText(c, "name"), Tasks: c.FormValue("tasks"), Results: c.FormValue("results"),
		Lead: formText(c, "lead"), Partners: formText(c, "partners"), TimeFrame: formText(c, "time_frame"), Reason: formText(c, "reason")}
	errs := fieldErrors{}
	s := ps.Sub
	s.Indicators = plan.CloneIndicators(s.Indicators)
	plainText(errs, "name", f.Name, "tên nội dung thành phần", true, maxPlanLine)
	s.Name = f.Name
	s.Tasks = planLines(errs, "tasks", f.Tasks, "nhiệm vụ")
	s.Results = planLines(errs, "results", f.Results, "kết quả dự kiến")
	plainText(errs, "lead", f.Lead, "đơn vị chủ trì", false, maxPlanLine)
	plainText(errs, "partners", f.Partners, "đơn vị phối hợp", false, maxPlanLine)
	plainText(errs, "time_frame", f.TimeFrame, "thời gian thực hiện", false, maxPlanShort)
	s.Lead, s.Partners, s.TimeFrame = f.Lead, f.Partners, f.TimeFrame
	for i := range s.Indicators {
		in := &s.Indicators[i]
		g := readIndicatorForm(c, i, *in, locked[in.Slug])
		f.Indicators = append(f.Indicators, g)
		g.apply(errs, in)
	}
	h.reasonCheck(ps.D, f.Reason, errs, "reason")
	planErr := ""
	if len(errs) == 0 {
		next := ps.Plan
		next.Rows = slices.Clone(next.Rows)
		for i, r := range next.Rows {
			if r.Number == ps.Row.Number {
				next.Rows[i].Subs = slices.Clone(r.Subs)
				for j, old := range r.Subs {
					if old.Letter == s.Letter {
						next.Rows[i].Subs[j] = s
					}
				}
			}
		}
		if err := next.Check(knownIndicator); err != nil {
			planErr = capitalize(err.Error()) + "."
			errs["plan"] = planErr
		}
	}
	var rows []json.RawMessage
	if len(errs) == 0 {
		if rows, err = replaceSubRow(ps, s); err != nil {
			return err
		}
		if rows == nil {
			errs["name"] = "Nội dung chưa khác gì bản đang lưu."
		}
	}
	if len(errs) > 0 {
		return h.renderPlanSub(c, ps, f, errs, planErr)
	}
	if c.FormValue("stamp") != ps.stamp() {
		return errConflict("Kế hoạch vừa được người khác thay đổi sau khi bạn mở trang. Hãy mở lại trang này rồi sửa lại.")
	}
	in := ps.D.Input()
	in.Rows = rows
	if err := h.store.UpdateDisclosure(c.UserContext(), ps.D.ID, in, f.Reason, currentUser(c).ID); err != nil {
		return err
	}
	done := fmt.Sprintf("Đã lưu nội dung %s.", ps.Key)
	if ps.D.IsPublished() {
		done += " Đã đăng phiên bản mới; lịch sử thay đổi ghi lại dòng đã đổi."
	}
	h.setFlash(c, done)
	return c.Redirect(officerIndicatorsPlanPath(ps.D.ID), fiber.StatusSeeOther)
}

// replaceSubRow is the plan's rows with the sub-component's replaced by s;
// nil when s is what is stored.
func replaceSubRow(ps planSub, s plan.Sub) ([]json.RawMessage, error) {
	one := plan.Plan{Year: ps.Plan.Year, Rows: []plan.Row{{Number: ps.Row.Number, Area: ps.Row.Area,
		PAPIDimension: ps.Row.PAPIDimension, Subs: []plan.Sub{s}}}}
	_, enc, err := plan.Encode(one)
	if err != nil {
		return nil, err
	}
	rows := slices.Clone(ps.Raw)
	for i, r := range rows {
		var head struct{ Key string }
		if json.Unmarshal(r, &head) == nil && head.Key == ps.Key {
			if string(r) == string(enc[0]) {
				return nil, nil
			}
			rows[i] = enc[0]
		}
	}
	return rows, nil
}

// planLines splits a textarea into its non-empty lines.
func planLines(errs fieldErrors, field, text, label string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			plainText(errs, field, l, label, false, maxPlanLine)
			out = append(out, l)
		}
	}
	return out
}

func readIndicatorForm(c *fiber.Ctx, i int, in plan.Indicator, locked bool) indicatorForm {
	g := indicatorForm{Index: i, Kind: in.Kind, Unit: in.Unit, SlugLocked: locked}
	g.Slug = formText(c, g.Field("slug"))
	if locked {
		g.Slug = in.Slug
	}
	g.Name, g.Period = formText(c, g.Field("name")), formText(c, g.Field("period"))
	g.Direction, g.Target = formText(c, g.Field("direction")), formText(c, g.Field("target"))
	g.Source, g.TargetNote = formText(c, g.Field("source")), formText(c, g.Field("target-note"))
	g.Min, g.Max = formText(c, g.Field("min")), formText(c, g.Field("max"))
	g.Evidence = c.FormValue(g.Field("evidence")) != ""
	return g
}

// apply checks the indicator's part of the form and writes it into in.
func (g indicatorForm) apply(errs fieldErrors, in *plan.Indicator) {
	if !g.SlugLocked {
		if !slugRe.MatchString(g.Slug) || len(g.Slug) > 60 {
			errs[g.Field("slug")] = "Mã chỉ số chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ ho-so-dung-han."
		}
		in.Slug = g.Slug
	}
	plainText(errs, g.Field("name"), g.Name, "tên chỉ số", true, maxPlanShort)
	in.Name = g.Name
	if !slices.ContainsFunc(indicatorPeriodOptions(), func(o fieldOption) bool { return o.Value == g.Period }) {
		errs[g.Field("period")] = "Vui lòng chọn kỳ đánh giá: tháng, quý hoặc năm."
	}
	in.Period = g.Period
	if g.Direction == "" {
		in.Target = nil
	} else {
		t := plan.Target{Direction: g.Direction, Source: g.Source, Note: g.TargetNote}
		if _, ok := directionSigns[g.Direction]; !ok {
			errs[g.Field("direction")] = "Vui lòng chọn cách so sánh với chỉ tiêu."
		}
		v, ok := parseDecimal(g.Target)
		if !ok {
			errs[g.Field("target")] = "Chỉ tiêu phải là một số, ví dụ 95 hoặc 92,5."
		}
		t.Value = v
		if !slices.ContainsFunc(targetSourceOptions(), func(o fieldOption) bool { return o.Value == g.Source }) {
			errs[g.Field("source")] = "Vui lòng chọn ai đặt chỉ tiêu."
		}
		plainText(errs, g.Field("target-note"), g.TargetNote, "ghi chú của chỉ tiêu", false, maxPlanLine)
		in.Target = &t
	}
	in.Min = boundOf(errs, g.Field("min"), g.Min)
	in.Max = boundOf(errs, g.Field("max"), g.Max)
	if in.Min != nil && in.Max != nil && *in.Min > *in.Max && errs[g.Field("max")] == "" {
		errs[g.Field("max")] = "Giới hạn trên phải lớn hơn hoặc bằng giới hạn dưới."
	}
	in.Evidence = in.Kind == plan.Entered && g.Evidence
}

func boundOf(errs fieldErrors, field, raw string) *float64 {
	if raw == "" {
		return nil
	}
	v, ok := parseDecimal(raw)
	if !ok {
		errs[field] = "Giới hạn phải là một số, ví dụ 0 hoặc 100; để trống nếu không giới hạn."
		return nil
	}
	return &v
}

// planSubLink is a sub-component's form, linked from the plan item's page.
type planSubLink struct{ Key, Name, URL string }

func (h *handler) planSubLinks(ctx context.Context, id int64) ([]planSubLink, error) {
	_, p, err := h.planWorkingCopy(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []planSubLink
	for _, r := range p.Rows {
		for _, s := range r.Subs {
			key := plan.SubKey(r.Number, s.Letter)
			out = append(out, planSubLink{key, s.Name, officerPlanSubPath(id, key)})
		}
	}
	return out, nil
}
