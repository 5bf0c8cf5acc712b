package portal

import (
	"strings"
	"time"

	"minhbach/portal/rules"
)

// rejectReason is a rejection's public reason in words: the ground, then
// the officer's note when there is one ("duplicate: see 12" is stored).
func rejectReason(reason string) string {
	ground, note, _ := strings.Cut(reason, ": ")
	label, ok := rejectGroundLabels[ground]
	if !ok {
		return reason
	}
	if note = strings.TrimSpace(note); note != "" {
		return label + ": " + note
	}
	return label
}

// daysWord names the days a kind's clock counts.
func daysWord(kind string) string {
	if rules.CalendarDays(kind) {
		return "ngày"
	}
	return "ngày làm việc"
}

// civilDate prints the date in Vietnam of an instant, "" for none.
func civilDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtDate(today(t))
}

// overdueFeedPath is the feed of items that became overdue lately, in
// format rss, atom or json.
func overdueFeedPath(format string) string { return overduePath + "/feed." + format }
