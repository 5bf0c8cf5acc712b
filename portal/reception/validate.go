package reception

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Errors maps a field name to its message in Vietnamese, as officers read
// it beside the field.
type Errors map[string]string

// Field length limits, in characters.
const (
	maxName   = 120
	maxPlace  = 200
	maxPhone  = 30
	maxReason = 500
)

// Validate checks a slot's own fields.
func (s Slot) Validate() Errors {
	errs := Errors{}
	if s.Weekday < 1 || s.Weekday > 7 {
		errs["weekday"] = "Vui lòng chọn thứ trong tuần."
	}
	times(errs, s.Start, s.End, true)
	text(errs, "officer", s.Officer, "họ tên người tiếp", true, maxName)
	text(errs, "title", s.Title, "chức vụ", true, maxName)
	phone(errs, s.Phone, true)
	text(errs, "place", s.Place, "địa điểm", true, maxPlace)
	return errs
}

// Validate checks a change's fields against the schedule it belongs to.
func (c Change) Validate(s Schedule) Errors {
	errs := Errors{}
	var slot Slot
	hasSlot := false
	if c.SlotKey != "" {
		slot, hasSlot = s.Slot(c.SlotKey)
		if !hasSlot {
			errs["slot"] = "Buổi tiếp dân định kỳ này không còn trong lịch."
		}
	}
	date, err := ParseDate(c.Date)
	if err != nil {
		errs["date"] = "Vui lòng nhập ngày hợp lệ (ngày/tháng/năm)."
	}
	switch c.Kind {
	case Cancelled, Moved:
		if c.SlotKey == "" {
			errs["slot"] = "Vui lòng chọn buổi tiếp dân định kỳ bị thay đổi."
		} else if hasSlot && err == nil && isoWeekday(date) != slot.Weekday {
			errs["date"] = "Ngày " + date.Format("02/01/2006") + " là " + WeekdayName(isoWeekday(date)) +
				", không phải ngày của buổi đã chọn (" + WeekdayName(slot.Weekday) + ")."
		}
		text(errs, "reason", c.Reason, "lý do", true, maxReason)
	case Extra:
		text(errs, "reason", c.Reason, "ghi chú", false, maxReason)
	default:
		errs["kind"] = "Vui lòng chọn loại thay đổi."
	}
	if c.Kind == Moved {
		if _, err := ParseDate(c.NewDate); err != nil {
			errs["new_date"] = "Vui lòng nhập ngày tiếp dân mới."
		}
	}
	if c.Kind == Moved || c.Kind == Extra {
		needTimes := c.Kind == Extra && !hasSlot
		if c.Start != "" || c.End != "" || needTimes {
			times(errs, c.Start, c.End, true)
		}
		text(errs, "place", c.Place, "địa điểm", needTimes, maxPlace)
	}
	if c.Kind == Extra && !hasSlot {
		text(errs, "officer", c.Officer, "họ tên người tiếp", true, maxName)
		text(errs, "title", c.Title, "chức vụ", true, maxName)
		phone(errs, c.Phone, true)
	}
	return errs
}

func times(errs Errors, start, end string, required bool) {
	_, a, errA := ParseClock(start)
	_, b, errB := ParseClock(end)
	switch {
	case start == "" && required:
		errs["start"] = "Vui lòng nhập giờ bắt đầu."
	case errA != nil:
		errs["start"] = "Giờ “" + start + "” không hợp lệ; nhập theo dạng 07:30."
	}
	switch {
	case end == "" && required:
		errs["end"] = "Vui lòng nhập giờ kết thúc."
	case errB != nil:
		errs["end"] = "Giờ “" + end + "” không hợp lệ; nhập theo dạng 11:00."
	case errA == nil && b <= a:
		errs["end"] = "Giờ kết thúc phải sau giờ bắt đầu."
	}
}

func text(errs Errors, field, value, label string, required bool, max int) {
	switch {
	case strings.TrimSpace(value) == "" && required:
		errs[field] = "Vui lòng nhập " + label + "."
	case utf8.RuneCountInString(value) > max:
		errs[field] = "Tối đa " + strconv.Itoa(max) + " ký tự."
	case strings.ContainsAny(value, "\r\n<>"):
		errs[field] = "Không dùng xuống dòng hay dấu < >."
	}
}

func phone(errs Errors, p string, required bool) {
	switch {
	case p == "" && required:
		errs["phone"] = "Vui lòng nhập số điện thoại cơ quan."
	case p != "" && !ValidPhone(p):
		errs["phone"] = "Số điện thoại “" + p + "” không hợp lệ: chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc hoặc + ở đầu (8–15 chữ số)."
	}
}

// ValidPhone accepts what Vietnamese phone numbers are written as: digits
// with spaces, dots, hyphens, parentheses and a leading +, 8 to 15 digits.
func ValidPhone(p string) bool {
	if utf8.RuneCountInString(p) > maxPhone {
		return false
	}
	digits := 0
	for i, r := range p {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}

var weekdayNames = [...]string{"", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"}

// WeekdayName is the ISO weekday's Vietnamese name ("Thứ Năm" for 4).
func WeekdayName(iso int) string {
	if iso < 1 || iso > 7 {
		return ""
	}
	return weekdayNames[iso]
}
