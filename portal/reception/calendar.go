package reception

import (
	"strings"
	"time"

	"minhbach/portal/ical"
)

// Events turns sessions into calendar events. UIDs are the session keys
// at host, so a subscribed phone replaces an event when the session is
// moved or cancelled instead of keeping a stale copy. A holiday is a
// cancelled event naming the holiday; the pointer left on a moved
// session's old day is not an event (the moved event carries its UID).
// stamp is when the schedule last changed (its version's time), so the
// same schedule renders the same octets.
func Events(ss []Session, host string, stamp time.Time, loc *time.Location, url string) []ical.Event {
	var out []ical.Event
	for _, s := range ss {
		if s.Status == MovedAway {
			continue
		}
		e := ical.Event{
			UID:      s.Key + "@" + host,
			Stamp:    stamp,
			Start:    s.Begins(loc),
			End:      s.Ends(loc),
			Location: s.Place,
			URL:      url,
			Sequence: s.Sequence,
		}
		summary := "Tiếp công dân: " + s.Title + " " + s.Officer
		var desc []string
		desc = append(desc, "Người tiếp: "+s.Officer+", "+s.Title+".")
		if s.Phone != "" {
			desc = append(desc, "Điện thoại cơ quan: "+s.Phone+".")
		}
		switch s.Status {
		case Off:
			e.Cancelled = true
			summary = "Hủy — " + summary
			desc = append(desc, "Buổi tiếp dân này bị hủy: "+s.Reason+".")
		case Holiday:
			e.Cancelled, e.Sequence = true, 1
			summary = "Nghỉ lễ — " + summary
			desc = append(desc, "Không tiếp dân: "+s.Reason+".")
		default:
			if !s.MovedFrom.IsZero() {
				desc = append(desc, "Dời từ ngày "+s.MovedFrom.Format("02/01/2006")+" ("+s.Reason+").")
			} else if s.Reason != "" {
				desc = append(desc, s.Reason+".")
			}
		}
		e.Summary, e.Description = summary, strings.Join(desc, "\n")
		out = append(out, e)
	}
	return out
}
