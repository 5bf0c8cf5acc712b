package portal

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/store"
)

// maxValueNote bounds a value's note or correction reason, in characters.
const maxValueNote = 500

// indicatorValueSave records an entered indicator's value for a period:
// the first of the period, or a correction of the value in force with its
// reason. Nothing typed is lost on the way back: the form returns with the
// values as typed and the uploaded file kept.
func (h *handler) indicatorValueSave(c *fiber.Ctx) error {
	p, st, err := h.officerIndicator(c)
	if err != nil {
		return err
	}
	if p.In.Kind != plan.Entered {
		return errNotFound()
	}
	if !p.Editable {
		return errNotEditable(p.D)
	}
	in := p.In
	p.Form = valueForm{Period: formText(c, "period"), Value: formText(c, "value"), Note: formText(c, "note"), Seen: formText(c, "seen")}
	errs := p.Errors

	// The file first, so that it is kept whatever else is wrong.
	fileID, err := h.saveEvidence(c, errs)
	if err != nil {
		return err
	}
	if fileID == 0 && errs["file"] == "" {
		fileID = h.keptFile(c, formText(c, "kept-file"))
	}
	p.KeptToken = h.keptFileToken(c, fileID)

	start, perr := time.Parse(time.DateOnly, p.Form.Period)
	if perr != nil || !containsTime(startedPeriods(in.Period, p.Plan.Year, h.now()), start) {
		errs["period"] = fmt.Sprintf("Vui lòng chọn một %s của năm %d đã bắt đầu.", plan.PeriodLabel(in.Period), p.Plan.Year)
		start = time.Time{}
	}
	value, ok := parseDecimal(p.Form.Value)
	switch {
	case p.Form.Value == "":
		errs["value"] = "Vui lòng nhập số liệu."
	case !ok:
		errs["value"] = "Số liệu phải là một số, ví dụ 96,5 hoặc 96.5."
	default:
		if msg := rangeError(in, value); msg != "" {
			errs["value"] = msg
		}
	}
	plainText(errs, "note", p.Form.Note, "ghi chú", false, maxValueNote)

	var replaces int64
	if !start.IsZero() {
		current, exists := st.valueFor(p.Key, in.Period, start)
		seenPeriod, seenID := splitSeen(p.Form.Seen)
		switch {
		case exists && seenPeriod.Equal(start) && seenID != current.ID:
			return h.valueConflict(c, p, st, current)
		case exists && !seenPeriod.Equal(start):
			// The officer chose another period than the form was made
			// for, and it has a value: say so and make the form a
			// correction of it.
			errs["period"] = fmt.Sprintf("%s đã có số liệu %s %s. Nếu muốn sửa, hãy ghi lý do sửa rồi bấm Lưu lại.",
				capitalize(periodName(in.Period, start)), fmtDecimal(current.Value), in.Unit)
			p.Form.Seen = seenOf(st, p.Key, in.Period, start)
		case exists:
			replaces = current.ID
			if p.Form.Note == "" {
				errs["note"] = "Vui lòng ghi lý do sửa số liệu (hiện công khai trong lịch sử của chỉ số)."
			}
			if fileID == 0 && errs["file"] == "" {
				fileID = current.AttachmentID // a correction keeps the file in force unless another is chosen
			}
		}
	}
	if fileID == 0 && in.Evidence && errs["file"] == "" {
		errs["file"] = "Vui lòng chọn tệp minh chứng: bản xuất báo cáo, văn bản hoặc ảnh chụp (PDF, JPG, PNG, Excel .xlsx hoặc Word .docx)."
	}
	if len(errs) > 0 {
		return h.renderIndicator(c, p, st, fiber.StatusUnprocessableEntity)
	}
	_, err = h.store.AddIndicatorValue(c.UserContext(), store.IndicatorValueInput{PlanID: p.D.ID, Indicator: p.Key,
		PeriodKind: in.Period, PeriodStart: start, Value: value, AttachmentID: fileID, Note: p.Form.Note,
		Replaces: replaces, UserID: currentUser(c).ID})
	if errors.Is(err, store.ErrValueChanged) {
		// Someone else saved the period between our read and our write.
		if st, err = h.loadPlanState(c.UserContext(), p.D, p.Plan); err != nil {
			return err
		}
		current, _ := st.valueFor(p.Key, in.Period, start)
		return h.valueConflict(c, p, st, current)
	}
	if err != nil {
		return err
	}
	done := fmt.Sprintf("Đã lưu số liệu %s: %s %s.", periodName(in.Period, start), fmtDecimal(value), in.Unit)
	if replaces != 0 {
		done = fmt.Sprintf("Đã sửa số liệu %s thành %s %s; số cũ vẫn được giữ trong lịch sử.", periodName(in.Period, start), fmtDecimal(value), in.Unit)
	}
	h.setFlash(c, done)
	return c.Redirect(officerIndicatorPeriodPath(p.D.ID, p.Key, start), fiber.StatusSeeOther)
}

// valueConflict sends the form back as typed, saying what someone else
// saved meanwhile; saving again, with a reason, corrects that value.
func (h *handler) valueConflict(c *fiber.Ctx, p *officerIndicatorPage, st planState, current store.IndicatorValue) error {
	who := current.EnteredName
	if who == "" {
		who = "Một cán bộ khác"
	}
	p.Conflict = fmt.Sprintf("Trong lúc bạn nhập, %s đã lưu số liệu %s: %s %s (lúc %s). Số liệu của bạn chưa được lưu và vẫn còn nguyên bên dưới. "+
		"Nếu vẫn muốn thay bằng số của bạn, hãy ghi lý do sửa rồi bấm Lưu lại.",
		who, periodName(current.PeriodKind, current.PeriodStart), fmtDecimal(current.Value), p.In.Unit, fmtDateTime(current.EnteredAt))
	p.Form.Seen = isoDate(current.PeriodStart) + ":" + itoa(current.ID)
	return h.renderIndicator(c, p, st, fiber.StatusConflict)
}

func splitSeen(s string) (time.Time, int64) {
	a, b, _ := strings.Cut(s, ":")
	t, _ := time.Parse(time.DateOnly, a)
	id, _ := strconv.ParseInt(b, 10, 64)
	return t, id
}

// rangeError says why a value is outside the indicator's range; "" when
// it is inside.
func rangeError(in plan.Indicator, v float64) string {
	unit := ""
	if in.Unit != "" {
		unit = " " + in.Unit
	}
	switch {
	case in.Min != nil && in.Max != nil && (v < *in.Min || v > *in.Max):
		return fmt.Sprintf("Số liệu phải từ %s đến %s%s; bạn nhập %s.", fmtDecimal(*in.Min), fmtDecimal(*in.Max), unit, fmtDecimal(v))
	case in.Min != nil && v < *in.Min:
		return fmt.Sprintf("Số liệu không được nhỏ hơn %s%s; bạn nhập %s.", fmtDecimal(*in.Min), unit, fmtDecimal(v))
	case in.Max != nil && v > *in.Max:
		return fmt.Sprintf("Số liệu không được lớn hơn %s%s; bạn nhập %s.", fmtDecimal(*in.Max), unit, fmtDecimal(v))
	}
	return ""
}
