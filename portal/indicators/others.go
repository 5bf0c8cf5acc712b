package indicators

import "time"

// ReceptionSession is one citizen reception session held (portal/reception
// Sessions with Status Held; sessions cancelled or moved away are not
// passed).
type ReceptionSession struct {
	ID       int64 // the reception schedule's disclosure
	Date     time.Time
	Chairman bool // the chairman's own day (Law on Citizen Reception 2013, Art. 15(2))
}

// Workdays tells the working days (workdays.Calendar).
type Workdays interface {
	IsWorkday(t time.Time) bool
}

// weekdays is the calendar of Monday to Friday.
type weekdays struct{}

func (weekdays) IsWorkday(t time.Time) bool {
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// weekStart is the Monday of the week holding the civil date d.
func weekStart(d time.Time) time.Time {
	wd := int(d.Weekday())
	if wd == 0 {
		wd = 7
	}
	return d.AddDate(0, 0, 1-wd)
}

// ReceptionWeeks is the share of weeks (Monday to Sunday) in the period
// with a reception session held by the chairman. A week counts when it
// has a working day within the period, so a week of Tết with none does
// not count, and a week cut by the period's start or end counts only by
// its days within the period. Items are the schedules of the chairman's
// sessions counted (public disclosures). A nil cal means Monday to
// Friday.
func ReceptionWeeks(ss []ReceptionSession, cal Workdays, p Period) Value {
	if cal == nil {
		cal = weekdays{}
	}
	held := map[time.Time]bool{}
	var v Value
	seen := map[int64]bool{}
	for _, s := range ss {
		if !s.Chairman || !p.Contains(s.Date) {
			continue
		}
		held[weekStart(s.Date)] = true
		if !seen[s.ID] {
			seen[s.ID] = true
			v.Items = append(v.Items, s.ID)
		}
	}
	for w := weekStart(p.From); !w.After(p.To); w = w.AddDate(0, 0, 7) {
		working := false
		for d := w; d.Before(w.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
			if p.Contains(d) && cal.IsWorkday(d) {
				working = true
				break
			}
		}
		if !working {
			continue
		}
		v.Den++
		if held[w] {
			v.Num++
		}
	}
	if v.Den == 0 {
		v.NoData = true
		return v
	}
	v.Value = 100 * float64(v.Num) / float64(v.Den)
	return v
}

// MethodReceptionWeeks says how ReceptionWeeks is computed.
const MethodReceptionWeeks = "Tỷ lệ tuần (từ thứ Hai đến Chủ nhật) trong kỳ có buổi tiếp công dân của Chủ tịch UBND xã đã diễn ra theo lịch công bố trên cổng. Tuần không có ngày làm việc nào (như Tết) không tính."

// ProcedureFact is one administrative procedure in the catalogue (a
// "thu-tuc-hanh-chinh/thu-tuc" disclosure in force).
type ProcedureFact struct {
	ID     int64
	Field  string // procedure.Fields slug: "chung-thuc", "xay-dung", "dat-dai"…
	Public bool
	Forms  int // form files hosted on the portal (len(procedure.Procedure.Forms()))
}

// formFields are the fields the plan names: certification, construction,
// land.
var formFields = map[string]bool{"chung-thuc": true, "xay-dung": true, "dat-dai": true}

// FormsHosted is the share of procedures in force in the certification,
// construction and land fields whose forms can be downloaded from the
// portal (at least one form file hosted). It is a snapshot: it does not
// depend on a period.
func FormsHosted(ps []ProcedureFact) Value {
	var c counter
	for _, p := range ps {
		if formFields[p.Field] {
			c.add(p.ID, p.Public, p.Forms > 0)
		}
	}
	return c.share()
}

// MethodFormsHosted says how FormsHosted is computed.
const MethodFormsHosted = "Trong các thủ tục hành chính đang áp dụng thuộc lĩnh vực chứng thực, xây dựng và đất đai, tỷ lệ thủ tục có biểu mẫu tải về được ngay trên cổng."

// VillageContacts is what the contact directory shows for one village in
// use (portal/contacts, role "truong-thon").
type VillageContacts struct {
	ID    int64 // the village
	Head  bool  // a village head is listed
	Phone bool  // with a phone anyone can see (consent given)
}

// ContactsComplete is the share of villages in use whose head is listed
// in the directory with a public phone number. It is a snapshot. Items
// are village ids.
func ContactsComplete(vs []VillageContacts) Value {
	var c counter
	for _, v := range vs {
		c.add(v.ID, true, v.Head && v.Phone)
	}
	return c.share()
}

// MethodContactsComplete says how ContactsComplete is computed.
const MethodContactsComplete = "Tỷ lệ thôn có trưởng thôn được niêm yết trong danh bạ trên cổng kèm số điện thoại công khai (đã được người đó đồng ý)."

// DraftFact is one draft opened for residents' comments.
type DraftFact struct {
	ID           int64
	Public       bool
	CommentUntil time.Time // the last day for comments
	Synthesis    time.Time // the synthesis of comments published; zero if none
}

// DraftsSynthesised is the share of drafts whose comment period ended in
// the period that have a published synthesis of the comments.
func DraftsSynthesised(ds []DraftFact, p Period) Value {
	var c counter
	for _, d := range ds {
		if p.Contains(d.CommentUntil) {
			c.add(d.ID, d.Public, !d.Synthesis.IsZero())
		}
	}
	return c.share()
}

// MethodDraftsSynthesised says how DraftsSynthesised is computed.
const MethodDraftsSynthesised = "Trong các dự thảo lấy ý kiến nhân dân có thời hạn góp ý kết thúc trong kỳ, tỷ lệ dự thảo đã công bố báo cáo tổng hợp, tiếp thu ý kiến."
