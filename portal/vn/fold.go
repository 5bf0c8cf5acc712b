package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces Vietnamese text to a form for matching what people type:
// lower case, tone and vowel marks removed (NFC or NFD input alike), đ as
// d, runs of spaces as one and no spaces at the ends. "Thôn  Đông Hà" and
// "thon dong ha" fold alike. It is for comparing, never for showing.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
