package pii

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A run is digits in groups joined by short separators ("0912 345 678",
// "(024) 3825-1234", "1.250.000"), as people write phone and ID numbers.
// Phone numbers are looked for in each stretch of whole groups, so a phone
// number beside another number in the same run ("năm 2024 0912 345 678")
// is still found. A run glued to a letter or a slash is part of a document
// number (1234/QĐ-UBND, 06/KH-UBND) or a date (12/03/2024) and is skipped,
// as is a run followed by a unit of money or measure (1.250.000 đồng).

type group struct{ start, end int } // the digits text[start:end]

func findNumbers(text string) []Span {
	var spans []Span
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		groups, end := scanRun(text, i)
		lead := i
		if lead > 0 && text[lead-1] == '+' {
			lead--
		}
		if lead > 0 && text[lead-1] == '(' {
			lead--
		}
		if !gluedBefore(text, lead) && !gluedAfter(text, end) && !followedByUnit(text, end) && !money(text, groups) {
			spans = append(spans, numbersInRun(text, groups, lead, end)...)
		}
		i = end
	}
	return spans
}

// scanRun reads the run that starts with the digit at text[i] and returns
// its groups and where it ends (after its last digit).
func scanRun(text string, i int) ([]group, int) {
	var groups []group
	for {
		start := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		groups = append(groups, group{start, i})
		next, ok := separator(text, i)
		if !ok {
			return groups, i
		}
		i = next
	}
}

// separator reads what may join two groups: up to 3 of space, no-break
// space, dot, dash and brackets, with at most one dot and one dash (so a
// sentence's ". " still joins, and a range "2020 - 2025" joins harmlessly),
// followed by a digit. It returns where the next group starts.
func separator(text string, i int) (int, bool) {
	n, dots, dashes := 0, 0, 0
	for n < 3 && i < len(text) {
		switch {
		case text[i] == ' ' || text[i] == '(' || text[i] == ')':
			i++
		case text[i] == '.':
			dots++
			i++
		case text[i] == '-':
			dashes++
			i++
		case strings.HasPrefix(text[i:], "\u00a0"):
			i += len("\u00a0")
		default:
			n = 3 // stop
			continue
		}
		n++
	}
	if dots > 1 || dashes > 1 || i >= len(text) || !isDigit(text[i]) {
		return 0, false
	}
	return i, true
}

func numbersInRun(text string, groups []group, lead, end int) []Span {
	var spans []Span
	if idKeywordBefore(text, lead) {
		if n := digitCount(text, groups); n == 9 || n == 12 {
			return []Span{{groups[0].start, end, NationalID}}
		}
	}
	plus := strings.HasPrefix(text[lead:], "+") || strings.HasPrefix(text[lead:], "(+")
	for k := 0; k < len(groups); {
		found := false
		for e := len(groups) - 1; e >= k; e-- {
			if isPhone(digits(text, groups[k:e+1]), plus && k == 0) {
				start := groups[k].start
				if k == 0 {
					start = lead
				}
				spans = append(spans, Span{start, groups[e].end, Phone})
				k, found = e+1, true
				break
			}
		}
		if found {
			continue
		}
		if g := groups[k]; isBareID(text[g.start:g.end], len(groups) == 1) {
			spans = append(spans, Span{g.start, g.end, NationalID})
		}
		k++
	}
	return spans
}

// money says whether the run is written as an amount, thousands grouped by
// dots ("84.500.000.000", 11 digits that would read as +84 …): 1–3 digits
// not starting with 0, then groups of 3 after single dots.
func money(text string, groups []group) bool {
	first := groups[0]
	if len(groups) < 2 || first.end-first.start > 3 || text[first.start] == '0' {
		return false
	}
	for i, g := range groups[1:] {
		if g.end-g.start != 3 || g.start-groups[i].end != 1 || text[g.start-1] != '.' {
			return false
		}
	}
	return true
}

// isPhone says whether d, the digits of a number, is a Vietnamese phone
// number: a mobile (10 digits, 03–09), a landline (11 digits, 02 and the
// area code, since 2017) or an old 11-digit mobile (01), or the same with
// the country code 84 instead of the trunk 0.
func isPhone(d string, plus bool) bool {
	if rest, ok := strings.CutPrefix(d, "84"); ok && national("0"+rest) {
		return true
	}
	if plus {
		// "+84 (0) 912 345 678": the trunk 0 kept by mistake.
		rest, ok := strings.CutPrefix(d, "840")
		return ok && national("0"+rest)
	}
	return national(d)
}

func national(d string) bool {
	switch {
	case len(d) == 10:
		return d[0] == '0' && d[1] >= '3'
	case len(d) == 11:
		return d[0] == '0' && (d[1] == '1' || d[1] == '2')
	}
	return false
}

// isBareID says whether the unbroken digits d are an ID number with no
// keyword before them: 12 digits starting with a province code 001–096
// (CCCD), or 9 digits starting 0–3 standing alone (CMND: its first two
// digits are a province code 01–38).
func isBareID(d string, alone bool) bool {
	switch len(d) {
	case 12:
		return d[0] == '0' && (d[1] < '9' || d[2] <= '6') && d[:3] != "000"
	case 9:
		return alone && d[0] <= '3'
	}
	return false
}

// idKeywords, lower case, announce an ID number.
var idKeywords = []string{"cccd", "cmnd", "cmt", "căn cước", "chứng minh", "định danh"}

// idKeywordBefore says whether one of idKeywords comes shortly before
// text[lead:] with no other number in between ("CCCD số: 001 089 012 345").
func idKeywordBefore(text string, lead int) bool {
	from := max(0, lead-40)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from++
	}
	window := strings.ToLower(text[from:lead])
	for _, kw := range idKeywords {
		if i := strings.LastIndex(window, kw); i >= 0 && !strings.ContainsAny(window[i:], "0123456789") {
			return true
		}
	}
	return false
}

func gluedBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/')
}

func gluedAfter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i < len(text) && (unicode.IsLetter(r) || r == '/')
}

// units, lower case, follow a number that is an amount, not personal data.
var units = map[string]bool{
	"đồng": true, "đ": true, "vnđ": true, "vnd": true, "triệu": true, "tỷ": true, "tỉ": true,
	"nghìn": true, "ngàn": true, "trăm": true, "m2": true, "m²": true, "ha": true, "kg": true,
	"km": true, "m": true, "tấn": true, "%": true, "người": true, "hộ": true,
}

func followedByUnit(text string, i int) bool {
	rest := strings.TrimLeft(text[i:], " \u00a0")
	word := rest
	if j := strings.IndexFunc(rest, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '²' && r != '%'
	}); j >= 0 {
		word = rest[:j]
	}
	return units[strings.ToLower(word)]
}

func digits(text string, groups []group) string {
	var b strings.Builder
	for _, g := range groups {
		b.WriteString(text[g.start:g.end])
	}
	return b.String()
}

func digitCount(text string, groups []group) int {
	n := 0
	for _, g := range groups {
		n += g.end - g.start
	}
	return n
}
