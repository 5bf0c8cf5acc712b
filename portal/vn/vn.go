// Package vn writes numbers and folds text the Vietnamese way. Pure: no HTTP,
// no SQL.
package vn

import "strconv"

// Number groups thousands with dots: 1234567 → "1.234.567". Money is
// integer đồng, so this is also how amounts are written.
func Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	digits := s
	if n < 0 {
		digits = s[1:]
	}
	out := make([]byte, 0, len(s)+len(digits)/3)
	if n < 0 {
		out = append(out, '-')
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, digits[i])
	}
	return string(out)
}
