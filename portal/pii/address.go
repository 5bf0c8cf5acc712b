package pii

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// An address, for this package, is a house number with what locates it:
// "số 12 ngõ 34 đường Lê Lợi", "12/3 hẻm 45", "số nhà 7", "45 phố Huế". A
// street or lane alone ("đường Lê Lợi", "ngõ 34") is a public place and is
// left alone, as are hamlets and villages (thôn, xóm, ấp): in a commune they
// name hundreds of households, and questions about roads name them all the
// time. The rule is conservative on purpose: an officer adds what it misses.
var addressPattern = func() *regexp.Regexp {
	const (
		num    = `\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*`              // 12, 12A, 12/3, 45/6/7
		name   = `\p{Lu}\p{L}*(?:[ \x{a0}]+\p{Lu}\p{L}*){0,4}` // Lê Lợi, Trần Hưng Đạo
		sep    = `,?\s+`
		house  = `(?:[Ss]ố\s+nhà|[Nn]hà\s+số|[Ss]ố)\s*:?\s*` + num
		lane   = `(?:[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt)\s+(?:số\s+)?` + num
		street = `(?:[Đđ]ường|[Pp]hố)\s+(?:số\s+)?(?:` + num + `|` + name + `)`
		place  = `(?:` + lane + `|` + street + `)`
	)
	return regexp.MustCompile(
		`(?:` + house + `|` + num + `)(?:` + sep + place + `)+` + // a number, then its lane or street
			`|[Ss]ố\s+nhà\s*:?\s*` + num) // "số nhà 7", a house number by its name
}()

// A bare number is no house number when it reads as a date (12/03/2024)
// or follows a word that makes it a date, a year or an area ("năm 2023
// đường Lê Lợi được nâng cấp", "tổ 5 phố Huế").
var (
	datePattern = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4}\b`)
	notHouse    = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:ngày|tháng|năm|tổ|khu|thôn|xóm|ấp|đội|km|quý)\s*$`)
)

func findAddresses(text string) []Span {
	var spans []Span
	for _, m := range addressPattern.FindAllStringIndex(text, -1) {
		bare := isDigit(text[m[0]])
		if gluedWord(text, m[0]) || bare && (datePattern.MatchString(text[m[0]:]) ||
			notHouse.MatchString(text[max(0, m[0]-16):m[0]])) {
			continue
		}
		spans = append(spans, Span{m[0], m[1], Address})
	}
	return spans
}

// gluedWord says whether the match at i continues a word or number
// ("Hồ sơ số 12" is fine, "A12 phố …" is not).
func gluedWord(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/')
}
