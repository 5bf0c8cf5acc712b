// Package vcard writes a vCard for one person of the commune's directory.
//
// It writes vCard 3.0 (RFC 2426), not 4.0: the address books people here
// actually import into, Android's Contacts/Google Contacts and iOS, read
// 3.0 everywhere, while several Android versions still refuse or garble a
// 4.0 card. Text is UTF-8 (the response says charset=utf-8), lines end in
// CRLF and are folded at 75 octets like iCalendar's, and values are
// escaped as RFC 2426 §4 asks.
package vcard

import (
	"bytes"
	"strings"

	"minhbach/portal/ical"
)

// Card is one person.
type Card struct {
	UID      string // stable identifier, e.g. "urn:uuid:…" or a URL
	Name     string // full name as written, "Nguyễn Văn An"
	Title    string // role or position
	Org      string // the unit: "UBND xã Bình An"
	OrgUnit  string // village or area, optional
	Phone    string // work phone; "" when not published
	Email    string // work e-mail; "" when not published
	Office   string // the office's street address (never a home address); "" to omit
	Note     string
	URL      string
	Category string // CATEGORIES, e.g. "Trưởng thôn"
}

// Marshal renders the card.
func (c Card) Marshal() []byte {
	var buf bytes.Buffer
	line := func(s string) { ical.Fold(&buf, s) }
	line("BEGIN:VCARD")
	line("VERSION:3.0")
	line("PRODID:-//Minh Bạch//Danh bạ//VI")
	if c.UID != "" {
		line("UID:" + Text(c.UID))
	}
	line("FN:" + Text(c.Name))
	family, given, middle := SplitName(c.Name)
	line("N:" + Text(family) + ";" + Text(given) + ";" + Text(middle) + ";;")
	if c.Title != "" {
		line("TITLE:" + Text(c.Title))
	}
	if c.Org != "" {
		org := Text(c.Org)
		if c.OrgUnit != "" {
			org += ";" + Text(c.OrgUnit)
		}
		line("ORG:" + org)
	}
	if c.Phone != "" {
		line("TEL;TYPE=WORK,VOICE:" + Text(c.Phone))
	}
	if c.Email != "" {
		line("EMAIL;TYPE=INTERNET,WORK:" + Text(c.Email))
	}
	if c.Office != "" {
		// ADR: post office box; extended; street; locality; region; code; country.
		line("ADR;TYPE=WORK:;;" + Text(c.Office) + ";;;;Việt Nam")
	}
	if c.Category != "" {
		line("CATEGORIES:" + Text(c.Category))
	}
	if c.Note != "" {
		line("NOTE:" + Text(c.Note))
	}
	if c.URL != "" {
		line("URL:" + c.URL)
	}
	line("END:VCARD")
	return buf.Bytes()
}

// Text escapes a text value: backslash, comma, semicolon and line breaks.
func Text(s string) string { return ical.Text(s) }

// SplitName splits a Vietnamese name into the N components: the family
// name comes first, the given name last, middle names between them.
// "Nguyễn Văn An" → ("Nguyễn", "An", "Văn"). A one-word name is a given
// name.
func SplitName(name string) (family, given, middle string) {
	f := strings.Fields(name)
	switch len(f) {
	case 0:
		return "", "", ""
	case 1:
		return "", f[0], ""
	}
	return f[0], f[len(f)-1], strings.Join(f[1:len(f)-1], " ")
}
