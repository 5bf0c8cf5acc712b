// Package ical writes iCalendar files (RFC 5545) that phone calendars can
// subscribe to: a published calendar of single events, each with a UID
// that stays the same across renderings so that a changed or cancelled
// event replaces the one a subscriber already has.
//
// Times are written in UTC ("…Z"). The portal emits concrete events, never
// recurrence rules, so a time zone definition would only matter for
// displaying a rule's later occurrences; UTC times are the one form every
// client (iOS, Google Calendar, Outlook, Thunderbird) converts without a
// VTIMEZONE of its own, and Vietnam has no daylight saving time whose
// rules could drift. X-WR-TIMEZONE still tells clients that honour it
// (Google Calendar, Apple) to show the calendar in Vietnam time.
package ical

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is one VCALENDAR published by the portal (METHOD:PUBLISH).
type Calendar struct {
	ProdID   string        // "-//Minh Bạch//Lịch tiếp dân//VI"
	Name     string        // X-WR-CALNAME, shown by clients as the calendar's name
	TimeZone string        // X-WR-TIMEZONE, e.g. "Asia/Ho_Chi_Minh"; "" to omit
	Refresh  time.Duration // suggested polling interval (REFRESH-INTERVAL, X-PUBLISHED-TTL); 0 to omit
	Events   []Event
}

// Event is one VEVENT.
type Event struct {
	UID         string    // stable across renderings: "slot-key-20261203@portal.example"
	Stamp       time.Time // DTSTAMP: when this information last changed
	Start, End  time.Time
	Summary     string
	Location    string
	Description string
	URL         string
	Cancelled   bool // STATUS:CANCELLED instead of STATUS:CONFIRMED
	Sequence    int  // revision of the event; raised when it changes (moved, cancelled)
}

// maxLine is the longest line RFC 5545 §3.1 allows, in octets, without the
// CRLF that ends it.
const maxLine = 75

// Marshal renders the calendar with CRLF line ends and lines folded at 75
// octets.
func (c Calendar) Marshal() []byte {
	var w writer
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.line("PRODID", c.ProdID)
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")
	if c.Name != "" {
		w.line("X-WR-CALNAME", Text(c.Name))
	}
	if c.TimeZone != "" {
		w.line("X-WR-TIMEZONE", c.TimeZone)
	}
	if c.Refresh > 0 {
		d := duration(c.Refresh)
		w.line("REFRESH-INTERVAL;VALUE=DURATION", d)
		w.line("X-PUBLISHED-TTL", d)
	}
	for _, e := range c.Events {
		w.line("BEGIN", "VEVENT")
		w.line("UID", e.UID)
		w.line("DTSTAMP", utc(e.Stamp))
		w.line("DTSTART", utc(e.Start))
		w.line("DTEND", utc(e.End))
		if e.Sequence > 0 {
			w.line("SEQUENCE", strconv.Itoa(e.Sequence))
		}
		w.line("SUMMARY", Text(e.Summary))
		if e.Location != "" {
			w.line("LOCATION", Text(e.Location))
		}
		if e.Description != "" {
			w.line("DESCRIPTION", Text(e.Description))
		}
		if e.URL != "" {
			w.line("URL", e.URL)
		}
		status := "CONFIRMED"
		if e.Cancelled {
			status = "CANCELLED"
		}
		w.line("STATUS", status)
		w.line("TRANSP", "OPAQUE")
		w.line("END", "VEVENT")
	}
	w.line("END", "VCALENDAR")
	return w.buf.Bytes()
}

// utc formats a DATE-TIME in UTC (RFC 5545 §3.3.5, form #2).
func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// duration formats a whole number of minutes as an RFC 5545 DURATION.
func duration(d time.Duration) string {
	m := int(d / time.Minute)
	if m < 1 {
		m = 1
	}
	if m%60 == 0 {
		return "PT" + strconv.Itoa(m/60) + "H"
	}
	return "PT" + strconv.Itoa(m) + "M"
}

// Text escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and
// comma are escaped, a line break becomes "\n", other control characters
// are dropped.
func Text(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 && r != '\t', r == 0x7f:
			// CONTROL characters are not allowed in TEXT.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type writer struct{ buf bytes.Buffer }

// line writes "NAME:value" folded (see Fold).
func (w *writer) line(name, value string) {
	Fold(&w.buf, name+":"+value)
}

// Fold writes one content line with CRLF, folded so that no line exceeds
// 75 octets: a continuation starts with a space (which counts), and a
// UTF-8 character is never split across lines (RFC 5545 §3.1). vCard uses
// the same folding (RFC 6350 §3.2).
func Fold(buf *bytes.Buffer, line string) {
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		buf.WriteString(line[:cut])
		buf.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1 // the leading space takes one octet
	}
	buf.WriteString(line)
	buf.WriteString("\r\n")
}
