package households

import "time"

// vietnam is the commune's time zone: UTC+7, no daylight saving since
// 1975, so a fixed zone needs no tzdata.
var vietnam = time.FixedZone("ICT", 7*60*60)

// WindowEnd is the instant the posting window ends: 24:00 in Vietnam of
// its last day, a civil date (any time of day is ignored).
func WindowEnd(until time.Time) time.Time {
	y, m, d := until.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, vietnam)
}

// WindowStart is 00:00 in Vietnam of the window's first day.
func WindowStart(from time.Time) time.Time {
	y, m, d := from.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, vietnam)
}

// NamesPublic reports whether the names of a list posted from one civil
// date until another may be shown at now: from 00:00 of the first day to
// 24:00 of the last, Vietnam time. A list without a last day never shows
// names (the law asks for a posting of some days, not a standing list of
// who is poor); one without a first day shows them until its last.
func NamesPublic(from, until, now time.Time) bool {
	if until.IsZero() {
		return false
	}
	if !from.IsZero() && now.Before(WindowStart(from)) {
		return false
	}
	return now.Before(WindowEnd(until))
}
