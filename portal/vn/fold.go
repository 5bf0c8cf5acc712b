package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case unicode.Is(unicode.Mn, r): // marks of NFD text
			continue
		default:
			if base, ok := bases[r]; ok {
				r = base
			} else {
				r = unicode.ToLower(r)
			}
		}
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u200b' || r == '\ufeff' || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bases maps each precomposed Latin letter (all of Vietnamese among them)
// to its lower-case base letter: ấ → a, Ở → o, đ → d. Built once, it spares
// Fold a decomposition of every string.
var bases = func() map[rune]rune {
	m := map[rune]rune{'đ': 'd', 'Đ': 'd'}
	for _, block := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := block[0]; r <= block[1]; r++ {
			d := []rune(norm.NFD.String(string(r)))
			if len(d) > 1 && d[0] < utf8.RuneSelf {
				m[r] = unicode.ToLower(d[0])
			}
		}
	}
	return m
}()
