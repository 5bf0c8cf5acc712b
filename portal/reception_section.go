package portal

import (
	"context"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/contacts"
	"minhbach/portal/reception"
	"minhbach/store"
)

// receptionSection is a schedule item's structured part: its weekly slots
// and dated changes, as the version holds them.
type receptionSection struct {
	Slots   []reception.Slot
	Changes []changeView
}

// changeView is a dated change as the item page lists it.
type changeView struct {
	reception.Change
	Slot reception.Slot
}

// changeKindLabels name the kinds of change.
var changeKindLabels = map[reception.Kind]string{
	reception.Cancelled: "Hủy buổi tiếp",
	reception.Moved:     "Dời buổi tiếp",
	reception.Extra:     "Buổi tiếp bổ sung",
}

// KindLabel is "Hủy buổi tiếp", …
func (c changeView) KindLabel() string { return changeKindLabels[c.Kind] }

// DateLabel is the change's day, and for a move the new one.
func (c changeView) DateLabel() string {
	d, err := reception.ParseDate(c.Date)
	if err != nil {
		return c.Date
	}
	out := reception.WeekdayName(reception.IsoWeekday(d)) + ", " + fmtDate(d)
	if c.Kind == reception.Moved {
		if nd, err := reception.ParseDate(c.NewDate); err == nil {
			out += " → " + reception.WeekdayName(reception.IsoWeekday(nd)) + ", " + fmtDate(nd)
		}
	}
	return out
}

// Who is the officer receiving: the slot's, or the extra session's own.
func (c changeView) Who() string {
	if c.Officer != "" {
		return c.Officer + ", " + c.Title
	}
	if c.Slot.Officer != "" {
		return c.Slot.Officer + ", " + c.Slot.Title
	}
	return ""
}

// weekdayLabel names an ISO weekday in templates.
func weekdayLabel(iso int) string { return reception.WeekdayName(iso) }

// rowsOf reads the rows of a version row, or the working copy's when
// rowsVersion is 0 (an officer's preview).
func (h *handler) rowsOf(ctx context.Context, d store.Disclosure, rowsVersion int64) ([]json.RawMessage, error) {
	if rowsVersion == 0 {
		return h.store.Rows(ctx, d.ID)
	}
	return h.store.VersionRows(ctx, rowsVersion)
}

func (h *handler) receptionSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, _ time.Time) (*receptionSection, error) {
	rows, err := h.rowsOf(c.UserContext(), d, rowsVersion)
	if err != nil {
		return nil, err
	}
	s, err := reception.Decode(rows)
	if err != nil {
		return nil, err
	}
	sec := &receptionSection{Slots: s.Slots}
	for _, ch := range s.Changes {
		sl, _ := s.Slot(ch.SlotKey)
		sec.Changes = append(sec.Changes, changeView{Change: ch, Slot: sl})
	}
	return sec, nil
}

// contactsSection is a directory item's structured part: its people by
// role, with only the details they agreed to publish.
type contactsSection struct {
	Groups []contactGroup
}

func (h *handler) contactsSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64) (*contactsSection, error) {
	rows, err := h.rowsOf(c.UserContext(), d, rowsVersion)
	if err != nil {
		return nil, err
	}
	people, err := contacts.Decode(rows)
	if err != nil {
		return nil, err
	}
	return &contactsSection{Groups: groupContacts(people, 0)}, nil
}

func init() {
	overviews[receptionCategory] = overview{receptionPath, "Lịch tiếp công dân tuần này và bốn tuần tới"}
	overviews[contactsCategory] = overview{contactsPath, "Danh bạ liên hệ theo nhóm và theo thôn"}
	rowLabels[receptionCategory] = func(_ store.Disclosure, _ time.Time, row []byte) string {
		var head struct{ Type string }
		if json.Unmarshal(row, &head) != nil {
			return ""
		}
		if head.Type == reception.TypeSlot {
			var s reception.Slot
			json.Unmarshal(row, &s)
			return "Lịch định kỳ: " + reception.WeekdayName(s.Weekday) + " " + s.Start + "–" + s.End + ", " + s.Officer + " (" + s.Title + ")"
		}
		var ch reception.Change
		json.Unmarshal(row, &ch)
		v := changeView{Change: ch}
		label := v.KindLabel() + " " + v.DateLabel()
		if ch.Reason != "" {
			label += ": " + ch.Reason
		}
		return label
	}
	// A person is named by name and title, never by phone or e-mail: the
	// history is public even for details whose consent was withdrawn.
	rowLabels[contactsCategory] = func(_ store.Disclosure, _ time.Time, row []byte) string {
		var p contacts.Person
		if json.Unmarshal(row, &p) != nil {
			return ""
		}
		label := p.Name + ", " + p.Title
		if p.Village != "" && p.Role != "truong-thon" {
			label += " (" + p.Village + ")"
		}
		return label
	}
}
