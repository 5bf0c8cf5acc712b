// Package pii finds personal data in a resident's question (phone numbers,
// ID card numbers, e-mail addresses, house addresses) so that an officer can
// hide it before the question is published. Pure: no HTTP, no SQL.
//
// Find proposes; an officer decides. It leans towards finding too much over
// missing a phone number, but it leaves alone the numbers a question about
// the commune is full of: dates, years, sums of money, and the numbers of
// decisions and plans (1234/QĐ-UBND, 06/KH-UBND).
//
// Text is expected in NFC, the composed form Vietnamese keyboards produce on
// Windows, Android and iOS (Unikey's "Unicode dựng sẵn"). In decomposed
// text the Vietnamese keywords ("căn cước", "đường", …) are not recognised;
// digits, e-mail addresses and the ASCII keywords (CCCD, CMND) still are.
//
// Not found: names, passport numbers (a letter and 7 digits), bank
// accounts, a number glued to a word ("ĐT0912345678"), hamlets and villages
// as addresses. A tax code of 10 digits starting with 0 reads as a phone
// number, which hides it too.
package pii

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Kind is the sort of personal data a Span holds.
type Kind string

const (
	Phone      Kind = "phone"       // a Vietnamese phone number, mobile or landline
	NationalID Kind = "national-id" // CCCD (12 digits) or CMND (9 digits)
	Email      Kind = "email"
	Address    Kind = "address" // a house number with its lane or street
)

// Span is a piece of personal data: text[Start:End], byte offsets.
type Span struct {
	Start, End int
	Kind       Kind
}

// Mark is what the portal puts in place of what it hides.
const Mark = "[đã che]"

// Find returns the personal data in text, in order, with overlapping and
// adjacent spans merged (a merged span keeps the kind of its first part).
func Find(text string) []Span {
	var spans []Span
	spans = append(spans, findNumbers(text)...)
	spans = append(spans, findEmails(text)...)
	spans = append(spans, findAddresses(text)...)
	return merge(spans)
}

// FindExcept is Find without the spans that are one of allow, such as the
// commune's own hotline or e-mail address, which a question may quote and
// the public page may show. Phone numbers compare by their digits (+84 24
// 3825 1234 is 024.3825.1234), e-mail addresses without regard to case.
func FindExcept(text string, allow []string) []Span {
	allowed := map[string]bool{}
	for _, a := range allow {
		allowed[normalize(a)] = true
	}
	spans := Find(text)
	return slices.DeleteFunc(spans, func(s Span) bool {
		return allowed[normalize(text[s.Start:s.End])]
	})
}

// normalize makes the allow-list comparison: the digits of a phone number
// with +84 or 84 as 0, or the lower-cased text of anything else.
func normalize(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "@") {
		return strings.ToLower(s)
	}
	var d []byte
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d = append(d, s[i])
		}
	}
	if len(d) < 9 {
		return strings.ToLower(s)
	}
	digits := string(d)
	if strings.HasPrefix(digits, "84") && !strings.HasPrefix(strings.TrimLeft(s, "( "), "0") {
		digits = "0" + digits[2:]
	}
	return digits
}

// Redact replaces each span of text with mark and keeps every other byte.
// Spans may come in any order and may overlap (officers add their own);
// they are merged first, clipped to the text and widened to whole
// characters, so a bad span cannot cut a letter in half.
func Redact(text string, spans []Span, mark string) string {
	var clean []Span
	for _, s := range spans {
		s.Start = max(0, s.Start)
		s.End = min(len(text), s.End)
		if s.Start >= s.End {
			continue
		}
		for s.Start > 0 && !utf8.RuneStart(text[s.Start]) {
			s.Start--
		}
		for s.End < len(text) && !utf8.RuneStart(text[s.End]) {
			s.End++
		}
		clean = append(clean, s)
	}
	var b strings.Builder
	last := 0
	for _, s := range merge(clean) {
		b.WriteString(text[last:s.Start])
		b.WriteString(mark)
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// emailPattern is deliberately loose: a word, @, a dotted domain.
var emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

func findEmails(text string) []Span {
	var spans []Span
	for _, m := range emailPattern.FindAllStringIndex(text, -1) {
		spans = append(spans, Span{m[0], m[1], Email})
	}
	return spans
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
