package portal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/workdays"
	"minhbach/store"
)

// The years the holidays table is first filled with, from the Labour Code
// and the announcements workdays knows.
const (
	holidaysFrom = 2023
	holidaysTo   = 2030
)

// kindWorkday is the form's kind for a weekend day worked in exchange:
// those live in their own table, not among the holidays.
const kindWorkday = "workday"

// holidayKinds are the kinds an administrator can choose, in the form's
// order, with their Vietnamese names.
var holidayKinds = []fieldOption{
	{store.HolidayFixed, "Ngày lễ (dương lịch)"},
	{store.HolidayLunar, "Ngày lễ (âm lịch)"},
	{store.HolidayInLieu, "Nghỉ bù"},
	{store.HolidaySwap, "Nghỉ hoán đổi (ngày thường, làm bù vào cuối tuần)"},
	{kindWorkday, "Ngày làm bù (thứ Bảy hoặc Chủ nhật đi làm)"},
}

func holidayKindLabel(kind string) string {
	for _, o := range holidayKinds {
		if o.Value == kind {
			return o.Label
		}
	}
	return kind
}

// defaultHolidays is the table the portal starts with.
func defaultHolidays() store.HolidayTable {
	c := workdays.Default(holidaysFrom, holidaysTo)
	var t store.HolidayTable
	for y := holidaysFrom; y <= holidaysTo; y++ {
		t.Years = append(t.Years, store.HolidayYear{Year: y, Announced: c.Announced(y)})
		for _, h := range c.Holidays(y) {
			t.Holidays = append(t.Holidays, store.Holiday{Date: h.Date, Name: h.Name, Kind: string(h.Kind), Provisional: h.Provisional, Source: h.Source})
		}
		for _, w := range c.Workdays(y) {
			t.WorkingDays = append(t.WorkingDays, store.WorkingDay{Date: w.Date, Name: w.Name, Provisional: w.Provisional, Source: w.Source})
		}
	}
	return t
}

// calendarOf builds the working-day calendar from the stored table.
func calendarOf(t store.HolidayTable) (*workdays.Calendar, error) {
	if len(t.Years) == 0 {
		return nil, errors.New("portal: the holidays table has no years")
	}
	wt := workdays.Table{From: t.Years[0].Year, To: t.Years[len(t.Years)-1].Year}
	for _, y := range t.Years {
		if y.Announced {
			wt.Announced = append(wt.Announced, y.Year)
		}
	}
	for _, h := range t.Holidays {
		wt.Holidays = append(wt.Holidays, workdays.Holiday{Date: h.Date, Name: h.Name, Kind: workdays.Kind(h.Kind), Provisional: h.Provisional, Source: h.Source})
	}
	for _, w := range t.WorkingDays {
		wt.Workdays = append(wt.Workdays, workdays.Workday{Date: w.Date, Name: w.Name, Provisional: w.Provisional, Source: w.Source})
	}
	return workdays.New(wt)
}

// initHolidays fills an empty holidays table (a new installation, or a
// database upgraded from before the table existed) and builds the
// calendar. A table that has years is never refilled.
func (h *handler) initHolidays(ctx context.Context) error {
	seeded, err := h.store.SeedHolidays(ctx, defaultHolidays())
	if err != nil {
		return err
	}
	if seeded {
		h.log.Info("holidays table filled from the Labour Code", "from", holidaysFrom, "to", holidaysTo)
	}
	_, err = h.reloadCalendar(ctx)
	return err
}

// reloadCalendar reads the table and swaps in a new calendar. Reloads
// take turns, so the last one to finish read the table last.
func (h *handler) reloadCalendar(ctx context.Context) (store.HolidayTable, error) {
	h.calMu.Lock()
	defer h.calMu.Unlock()
	t, err := h.store.HolidayTable(ctx)
	if err != nil {
		return t, err
	}
	c, err := calendarOf(t)
	if err != nil {
		return t, err
	}
	h.cal.Store(c)
	// Due dates of open questions follow the table.
	h.store.SetCalendar(c)
	if _, err := h.store.RecomputeDueDates(ctx); err != nil {
		return t, err
	}
	// Items answered before the response statistics were kept get their
	// days taken once a calendar counts them (a no-op afterwards).
	if _, err := h.store.FillAnswerDays(ctx); err != nil {
		return t, err
	}
	return t, nil
}

// calendar is the working-day calendar as the holidays table has it now.
func (h *handler) calendar() *workdays.Calendar { return h.cal.Load() }

type holidayForm struct {
	Date, Kind, Name, Source string
}

var holidayFields = []string{"date", "kind", "name", "source"}

// holidayEntry is one line of a year's list: a day off or a day worked.
type holidayEntry struct {
	Date        time.Time
	Name        string
	Kind        string
	Provisional bool
	Source      string
}

func (e holidayEntry) KindLabel() string { return holidayKindLabel(e.Kind) }

type holidayYearView struct {
	store.HolidayYear
	Entries     []holidayEntry
	Workdays    int  // working days in the year, by the calendar in use
	Provisional bool // some entry is still provisional
}

type holidaysPage struct {
	Base
	Years  []holidayYearView
	From   int
	To     int
	Form   holidayForm
	Errors fieldErrors
}

func (p *holidaysPage) ErrorSummary() []fieldError { return p.Errors.inOrder(holidayFields) }

// holidaysIndex lists the holidays table by year, with the forms that
// change it (administrators only).
func (h *handler) holidaysIndex(c *fiber.Ctx) error {
	return h.renderHolidays(c, holidayForm{}, nil)
}

func (h *handler) renderHolidays(c *fiber.Ctx, form holidayForm, errs fieldErrors) error {
	t, err := h.store.HolidayTable(c.UserContext())
	if err != nil {
		return err
	}
	cal := h.calendar()
	p := &holidaysPage{Base: h.base(c, "Ngày nghỉ lễ, Tết"), Form: form, Errors: errs}
	byYear := map[int]*holidayYearView{}
	for _, y := range t.Years {
		p.Years = append(p.Years, holidayYearView{HolidayYear: y})
	}
	for i := range p.Years {
		y := &p.Years[i]
		byYear[y.Year] = y
		y.Workdays = cal.CountWorkdays(time.Date(y.Year-1, time.December, 31, 0, 0, 0, 0, time.UTC),
			time.Date(y.Year, time.December, 31, 0, 0, 0, 0, time.UTC))
	}
	add := func(e holidayEntry) {
		if y := byYear[e.Date.Year()]; y != nil {
			y.Entries = append(y.Entries, e)
			y.Provisional = y.Provisional || e.Provisional
		}
	}
	for _, x := range t.Holidays {
		add(holidayEntry{x.Date, x.Name, x.Kind, x.Provisional, x.Source})
	}
	for _, x := range t.WorkingDays {
		add(holidayEntry{x.Date, x.Name, kindWorkday, x.Provisional, x.Source})
	}
	for i := range p.Years {
		slices.SortStableFunc(p.Years[i].Entries, func(a, b holidayEntry) int { return a.Date.Compare(b.Date) })
	}
	if len(t.Years) > 0 {
		p.From, p.To = t.Years[0].Year, t.Years[len(t.Years)-1].Year
	}
	return h.renderStatus(c, formStatus(errs), "holidays", p)
}

// holidaySave adds a day off or a day worked, or replaces the entry on
// that date (of the same sort: a day off stays a day off).
func (h *handler) holidaySave(c *fiber.Ctx) error {
	ctx := c.UserContext()
	f := holidayForm{Date: formText(c, "date"), Kind: formText(c, "kind"), Name: oneLine(c.FormValue("name")), Source: oneLine(c.FormValue("source"))}
	errs := fieldErrors{}
	cal := h.calendar()
	date, err := parseCivilDate(f.Date)
	switch {
	case f.Date == "":
		errs["date"] = "Vui lòng nhập ngày."
	case err != nil:
		errs["date"] = "Ngày “" + f.Date + "” không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 04/05/2026."
	case !cal.Covers(date):
		errs["date"] = "Bảng ngày nghỉ chỉ gồm các năm đã có dưới đây."
	}
	if !slices.ContainsFunc(holidayKinds, func(o fieldOption) bool { return o.Value == f.Kind }) {
		errs["kind"] = "Vui lòng chọn loại ngày."
	} else if f.Kind == kindWorkday && errs["date"] == "" &&
		date.Weekday() != time.Saturday && date.Weekday() != time.Sunday {
		errs["date"] = "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; " + fmtDate(date) + " là ngày làm việc bình thường."
	}
	plainText(errs, "name", f.Name, "tên ngày", true, 150)
	plainText(errs, "source", f.Source, "căn cứ (văn bản, thông báo)", true, 500)
	if len(errs) == 0 {
		if f.Kind == kindWorkday {
			err = h.store.SaveWorkingDay(ctx, store.WorkingDay{Date: date, Name: f.Name, Source: f.Source}, currentUser(c).ID)
		} else {
			err = h.store.SaveHoliday(ctx, store.Holiday{Date: date, Name: f.Name, Kind: f.Kind, Source: f.Source}, currentUser(c).ID)
		}
		switch {
		case errors.Is(err, store.ErrDateTaken):
			other := "ngày nghỉ"
			if f.Kind != kindWorkday {
				other = "ngày làm bù"
			}
			errs["date"] = "Ngày " + fmtDate(date) + " đã có trong bảng là " + other + "; xóa mục đó trước."
		case errors.Is(err, store.ErrYearNotCovered):
			errs["date"] = "Bảng ngày nghỉ chỉ gồm các năm đã có dưới đây."
		case err != nil:
			return err
		}
	}
	if len(errs) > 0 {
		return h.renderHolidays(c, f, errs)
	}
	if _, err := h.reloadCalendar(ctx); err != nil {
		return err
	}
	h.setFlash(c, "Đã lưu ngày "+fmtDate(date)+": “"+f.Name+"”.")
	return c.Redirect(holidaysPath+"#"+yearAnchor(date.Year()), fiber.StatusSeeOther)
}

// holidayDelete removes the entry on a date.
func (h *handler) holidayDelete(c *fiber.Ctx) error {
	ctx := c.UserContext()
	date, err := time.Parse("2006-01-02", formText(c, "date"))
	if err != nil {
		return fiber.ErrBadRequest
	}
	switch err := h.store.DeleteHolidayDate(ctx, date, currentUser(c).ID); {
	case errors.Is(err, store.ErrNotFound):
		h.setFlash(c, "Ngày "+fmtDate(date)+" không còn trong bảng.")
		return c.Redirect(holidaysPath, fiber.StatusSeeOther)
	case err != nil:
		return err
	}
	if _, err := h.reloadCalendar(ctx); err != nil {
		return err
	}
	h.setFlash(c, "Đã xóa ngày "+fmtDate(date)+" khỏi bảng.")
	return c.Redirect(holidaysPath+"#"+yearAnchor(date.Year()), fiber.StatusSeeOther)
}

// holidayConfirm marks a year's schedule as announced: the table holds
// what the government announced, nothing in it is provisional any more.
func (h *handler) holidayConfirm(c *fiber.Ctx) error {
	ctx := c.UserContext()
	year, err := strconv.Atoi(formText(c, "year"))
	if err != nil {
		return fiber.ErrBadRequest
	}
	switch err := h.store.ConfirmHolidayYear(ctx, year, currentUser(c).ID); {
	case errors.Is(err, store.ErrYearNotCovered):
		return fiber.ErrBadRequest
	case err != nil:
		return err
	}
	if _, err := h.reloadCalendar(ctx); err != nil {
		return err
	}
	h.setFlash(c, fmt.Sprintf("Đã xác nhận lịch nghỉ năm %d.", year))
	return c.Redirect(holidaysPath+"#"+yearAnchor(year), fiber.StatusSeeOther)
}

// yearAnchor is the id of a year's section on the page.
func yearAnchor(y int) string { return "nam-" + strconv.Itoa(y) }

// oneLine is a one-line field as typed, its white space runs made single
// spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

var weekdayNames = [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// Weekday is the entry's day of the week in Vietnamese.
func (e holidayEntry) Weekday() string { return weekdayNames[e.Date.Weekday()] }
