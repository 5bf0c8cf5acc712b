package portal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/reception"
	"minhbach/store"
)

// The officers' page of a schedule item: its weekly slots and dated
// changes, each saved as a new working copy of the rows (a new public
// version with a reason when the item is published).

// slotForm is the weekly slot form, as typed.
type slotForm struct {
	Key, Weekday, Start, End, Officer, Title, Phone, Place string
	Chairman                                               bool
}

// changeForm is the dated change form, as typed.
type changeForm struct {
	Kind, Slot, Date, NewDate, Start, End, Place string
	Officer, Title, Phone, Reason                string
	Chairman                                     bool
}

// Field ids: the two forms share a page, so each field carries its
// form's prefix; the error summary links to them.
var (
	slotFields   = []string{"s-weekday", "s-start", "s-end", "s-officer", "s-title", "s-phone", "s-place", "s-ly-do"}
	changeFields = []string{"c-kind", "c-slot", "c-date", "c-new_date", "c-start", "c-end", "c-place", "c-officer", "c-title", "c-phone", "c-reason", "c-ly-do"}
)

type scheduleEditPage struct {
	Base
	D          store.Disclosure
	Schedule   reception.Schedule
	Slot       slotForm
	Change     changeForm
	Reason     string // the "ly-do" typed, for a published item
	Errors     fieldErrors
	NoChairman []time.Time // Mondays of the next weeks without a chairman's session
}

func (p *scheduleEditPage) ErrorSummary() []fieldError {
	return p.Errors.inOrder(append(append([]string{}, slotFields...), changeFields...))
}

// Published reports whether saving makes a public version (a reason is
// then asked for).
func (p *scheduleEditPage) Published() bool { return p.D.IsPublished() }

// Editing reports whether the slot form edits an existing slot.
func (p *scheduleEditPage) Editing() bool { return p.Slot.Key != "" }

// Changes lists the changes with their slots, for the table.
func (p *scheduleEditPage) Changes() []changeView {
	var out []changeView
	for _, ch := range p.Schedule.Changes {
		sl, _ := p.Schedule.Slot(ch.SlotKey)
		out = append(out, changeView{Change: ch, Slot: sl})
	}
	return out
}

func weekdayOptions() []fieldOption {
	out := make([]fieldOption, 0, 7)
	for i := 1; i <= 7; i++ {
		out = append(out, fieldOption{strconv.Itoa(i), reception.WeekdayName(i)})
	}
	return out
}

func changeKindOptions() []fieldOption {
	return []fieldOption{
		{string(reception.Cancelled), "Hủy một buổi tiếp định kỳ"},
		{string(reception.Moved), "Dời một buổi tiếp định kỳ (ngày, giờ hoặc địa điểm)"},
		{string(reception.Extra), "Thêm buổi tiếp bổ sung"},
	}
}

// SlotOptions lists the slots for the change form.
func (p *scheduleEditPage) SlotOptions() []fieldOption {
	var out []fieldOption
	for _, s := range p.Schedule.Slots {
		out = append(out, fieldOption{s.Key, reception.WeekdayName(s.Weekday) + " " + s.Start + "–" + s.End + ", " + s.Officer})
	}
	return out
}

func (p *scheduleEditPage) WeekdayOptions() []fieldOption    { return weekdayOptions() }
func (p *scheduleEditPage) ChangeKindOptions() []fieldOption { return changeKindOptions() }

// ActionPath is where the page's forms post: "" (the page), "buoi",
// "buoi/xoa", "thay-doi", "thay-doi/xoa".
func (p *scheduleEditPage) ActionPath(action string) string {
	if action == "" {
		return officerSchedulePath(p.D.ID)
	}
	return officerSchedulePath(p.D.ID) + "/" + action
}

// scheduleItem reads the item of the request and checks it is a schedule
// that can still be edited.
func (h *handler) scheduleItem(c *fiber.Ctx) (store.Disclosure, reception.Schedule, error) {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return d, reception.Schedule{}, err
	}
	if d.Category != receptionCategory || d.Kind != receptionKind {
		return d, reception.Schedule{}, errNotFound()
	}
	if d.IsWithdrawn() {
		return d, reception.Schedule{}, errWithdrawnIsFinal
	}
	rows, err := h.store.Rows(c.UserContext(), d.ID)
	if err != nil {
		return d, reception.Schedule{}, err
	}
	s, err := reception.Decode(rows)
	return d, s, err
}

// scheduleEdit shows the page; ?sua=<key> fills the slot form with a slot.
func (h *handler) scheduleEdit(c *fiber.Ctx) error {
	d, s, err := h.scheduleItem(c)
	if err != nil {
		return err
	}
	var f slotForm
	if key := c.Query("sua"); key != "" {
		sl, ok := s.Slot(key)
		if !ok {
			return errNotFound()
		}
		f = slotForm{Key: sl.Key, Weekday: strconv.Itoa(sl.Weekday), Start: sl.Start, End: sl.End, Officer: sl.Officer,
			Title: sl.Title, Phone: sl.Phone, Place: sl.Place, Chairman: sl.Chairman}
	}
	return h.renderScheduleEdit(c, d, s, f, changeForm{}, "", nil)
}

func (h *handler) renderScheduleEdit(c *fiber.Ctx, d store.Disclosure, s reception.Schedule, sf slotForm, cf changeForm, reason string, errs fieldErrors) error {
	p := &scheduleEditPage{Base: h.base(c, "Lịch tiếp công dân: "+d.Title), D: d, Schedule: s, Slot: sf, Change: cf, Reason: reason, Errors: errs}
	cal := h.calendar()
	p.NoChairman = reception.WeeksWithoutChairman(s, today(h.now()), receptionWeeks, holidayNames(cal), cal.IsWorkday)
	return h.renderStatus(c, formStatus(errs), "schedule_edit", p)
}

// scheduleSaveSlot adds a weekly slot or replaces one (form key).
func (h *handler) scheduleSaveSlot(c *fiber.Ctx) error {
	d, s, err := h.scheduleItem(c)
	if err != nil {
		return err
	}
	f := slotForm{Key: formText(c, "key"), Weekday: formText(c, "s-weekday"), Start: formText(c, "s-start"), End: formText(c, "s-end"),
		Officer: oneLine(c.FormValue("s-officer")), Title: oneLine(c.FormValue("s-title")), Phone: oneLine(c.FormValue("s-phone")),
		Place: oneLine(c.FormValue("s-place")), Chairman: c.FormValue("s-chairman") == "1"}
	reason := oneLine(c.FormValue("ly-do"))
	wd, _ := strconv.Atoi(f.Weekday)
	sl := reception.Slot{Key: f.Key, Type: reception.TypeSlot, Weekday: wd, Start: clock(f.Start), End: clock(f.End),
		Officer: f.Officer, Title: f.Title, Phone: f.Phone, Place: f.Place, Chairman: f.Chairman}
	errs := prefixed("s-", sl.Validate())
	i := -1
	if f.Key != "" {
		if i = slices.IndexFunc(s.Slots, func(x reception.Slot) bool { return x.Key == f.Key }); i < 0 {
			errs["s-weekday"] = "Buổi tiếp này không còn trong lịch (có thể vừa bị xóa); hãy thêm lại."
		}
	} else {
		sl.Key = newRowKey("buoi")
	}
	next := s
	next.Slots = slices.Clone(s.Slots)
	if i >= 0 {
		next.Slots[i] = sl
	} else {
		next.Slots = append(next.Slots, sl)
	}
	if len(errs) == 0 {
		if err := next.Check(); err != nil {
			errs["s-weekday"] = "Buổi này có thay đổi (hủy, dời) vào ngày không còn là " + reception.WeekdayName(wd) + "; xóa các thay đổi đó trước khi đổi thứ."
		}
	}
	h.reasonCheck(d, reason, errs, "s-ly-do")
	if len(errs) > 0 {
		return h.renderScheduleEdit(c, d, s, f, changeForm{}, reason, errs)
	}
	return h.saveSchedule(c, d, next, reason, "Đã lưu buổi tiếp "+reception.WeekdayName(wd)+" "+sl.Start+"–"+sl.End+".")
}

// scheduleDeleteSlot removes a weekly slot that no change points at.
func (h *handler) scheduleDeleteSlot(c *fiber.Ctx) error {
	d, s, err := h.scheduleItem(c)
	if err != nil {
		return err
	}
	key, reason := formText(c, "key"), oneLine(c.FormValue("ly-do"))
	sl, ok := s.Slot(key)
	if !ok {
		h.setFlash(c, "Buổi tiếp này không còn trong lịch.")
		return c.Redirect(officerSchedulePath(d.ID), fiber.StatusSeeOther)
	}
	errs := fieldErrors{}
	if slices.ContainsFunc(s.Changes, func(ch reception.Change) bool { return ch.SlotKey == key }) {
		errs["s-ly-do"] = "Buổi " + reception.WeekdayName(sl.Weekday) + " " + sl.Start + " còn có thay đổi (hủy, dời, bổ sung) trong lịch: xóa các thay đổi đó trước."
	}
	h.reasonCheck(d, reason, errs, "s-ly-do")
	if len(errs) > 0 {
		return h.renderScheduleEdit(c, d, s, slotForm{}, changeForm{}, reason, errs)
	}
	next := s
	next.Slots = slices.DeleteFunc(slices.Clone(s.Slots), func(x reception.Slot) bool { return x.Key == key })
	return h.saveSchedule(c, d, next, reason, "Đã xóa buổi tiếp "+reception.WeekdayName(sl.Weekday)+" "+sl.Start+"–"+sl.End+".")
}

// scheduleAddChange adds a dated change.
func (h *handler) scheduleAddChange(c *fiber.Ctx) error {
	d, s, err := h.scheduleItem(c)
	if err != nil {
		return err
	}
	f := changeForm{Kind: formText(c, "c-kind"), Slot: formText(c, "c-slot"), Date: formText(c, "c-date"), NewDate: formText(c, "c-new_date"),
		Start: formText(c, "c-start"), End: formText(c, "c-end"), Place: oneLine(c.FormValue("c-place")),
		Officer: oneLine(c.FormValue("c-officer")), Title: oneLine(c.FormValue("c-title")), Phone: oneLine(c.FormValue("c-phone")),
		Reason: oneLine(c.FormValue("c-reason")), Chairman: c.FormValue("c-chairman") == "1"}
	reason := oneLine(c.FormValue("ly-do"))
	ch := reception.Change{Key: newRowKey("thay-doi"), Type: reception.TypeChange, Kind: reception.Kind(f.Kind), SlotKey: f.Slot,
		Date: civil(f.Date), NewDate: civil(f.NewDate), Start: clock(f.Start), End: clock(f.End), Place: f.Place,
		Officer: f.Officer, Title: f.Title, Phone: f.Phone, Chairman: f.Chairman, Reason: f.Reason}
	if ch.Kind != reception.Moved {
		ch.NewDate = ""
	}
	if ch.Kind == reception.Cancelled {
		ch.Start, ch.End, ch.Place = "", "", ""
	}
	if ch.Kind != reception.Extra || ch.SlotKey != "" {
		ch.Officer, ch.Title, ch.Phone, ch.Chairman = "", "", "", false
	}
	errs := prefixed("c-", ch.Validate(s))
	if f.Date != "" && ch.Date == "" {
		errs["c-date"] = "Ngày “" + f.Date + "” không hợp lệ; nhập theo dạng ngày/tháng/năm."
	}
	if f.NewDate != "" && ch.NewDate == "" && ch.Kind == reception.Moved {
		errs["c-new_date"] = "Ngày “" + f.NewDate + "” không hợp lệ; nhập theo dạng ngày/tháng/năm."
	}
	if ch.Kind == reception.Moved && errs["c-new_date"] == "" && ch.NewDate == ch.Date && ch.Start == "" && ch.Place == "" {
		errs["c-new_date"] = "Ngày mới trùng ngày cũ: nhập ngày khác, hoặc giờ, địa điểm mới."
	}
	if d, err := reception.ParseDate(ch.Date); err == nil && errs["c-date"] == "" && d.Before(today(h.now()).AddDate(0, 0, -7)) {
		errs["c-date"] = "Không ghi thay đổi cho buổi đã qua hơn một tuần."
	}
	next := s
	next.Changes = append(slices.Clone(s.Changes), ch)
	if len(errs) == 0 {
		if err := next.Check(); err != nil {
			errs["c-date"] = "Buổi tiếp ngày này đã có một thay đổi (hủy hoặc dời); xóa thay đổi đó trước."
		}
	}
	h.reasonCheck(d, reason, errs, "c-ly-do")
	if len(errs) > 0 {
		return h.renderScheduleEdit(c, d, s, slotForm{}, f, reason, errs)
	}
	return h.saveSchedule(c, d, next, reason, "Đã ghi thay đổi: "+changeView{Change: ch}.KindLabel()+" "+changeView{Change: ch}.DateLabel()+".")
}

// scheduleDeleteChange removes a dated change.
func (h *handler) scheduleDeleteChange(c *fiber.Ctx) error {
	d, s, err := h.scheduleItem(c)
	if err != nil {
		return err
	}
	key, reason := formText(c, "key"), oneLine(c.FormValue("ly-do"))
	ch, ok := s.Change(key)
	if !ok {
		h.setFlash(c, "Thay đổi này không còn trong lịch.")
		return c.Redirect(officerSchedulePath(d.ID), fiber.StatusSeeOther)
	}
	errs := fieldErrors{}
	h.reasonCheck(d, reason, errs, "c-ly-do")
	if len(errs) > 0 {
		return h.renderScheduleEdit(c, d, s, slotForm{}, changeForm{}, reason, errs)
	}
	next := s
	next.Changes = slices.DeleteFunc(slices.Clone(s.Changes), func(x reception.Change) bool { return x.Key == key })
	v := changeView{Change: ch}
	return h.saveSchedule(c, d, next, reason, "Đã xóa thay đổi: "+v.KindLabel()+" "+v.DateLabel()+".")
}

// reasonCheck asks for the reason a public change needs.
func (h *handler) reasonCheck(d store.Disclosure, reason string, errs fieldErrors, field string) {
	if d.IsPublished() {
		plainText(errs, field, reason, "lý do thay đổi (hiện trong lịch sử công khai)", true, 500)
	}
}

// saveSchedule writes the rows: a draft in place, a published item as a
// new public version.
func (h *handler) saveSchedule(c *fiber.Ctx, d store.Disclosure, s reception.Schedule, reason, done string) error {
	in := d.Input()
	in.Rows = s.Rows()
	err := h.store.UpdateDisclosure(c.UserContext(), d.ID, in, reason, currentUser(c).ID)
	if errors.Is(err, store.ErrReasonRequired) {
		// Published by someone else meanwhile.
		d.Status = store.StatusPublished
		return h.renderScheduleEdit(c, d, s, slotForm{}, changeForm{}, reason,
			fieldErrors{"c-ly-do": "Lịch này vừa được công khai, nên cần ghi lý do thay đổi."})
	}
	if err != nil {
		return err
	}
	if d.IsPublished() {
		done += " Đã đăng phiên bản mới; lịch công khai và tệp lịch cập nhật ngay."
	}
	h.setFlash(c, done)
	return c.Redirect(officerSchedulePath(d.ID), fiber.StatusSeeOther)
}

// prefixed puts a form's prefix on a row's field errors.
func prefixed(prefix string, errs map[string]string) fieldErrors {
	out := fieldErrors{}
	for k, v := range errs {
		out[prefix+k] = v
	}
	return out
}

// clock normalises a typed time ("7h30" → "07:30"); what does not parse
// is kept for the error message.
func clock(s string) string {
	if v, _, err := reception.ParseClock(s); err == nil {
		return v
	}
	return s
}

// civil is a typed date as YYYY-MM-DD, "" when it does not parse.
func civil(s string) string {
	if s == "" {
		return ""
	}
	t, err := parseCivilDate(s)
	if err != nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

// newRowKey is a fresh row key: it goes into calendar UIDs, so it never
// changes once made.
func newRowKey(prefix string) string {
	b := make([]byte, 4)
	rand.Read(b)
	return prefix + "-" + hex.EncodeToString(b)
}
