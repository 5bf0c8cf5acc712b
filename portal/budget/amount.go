package budget

import (
	"errors"
	"strings"
)

// MaxAmount is the largest amount a line may carry: ten thousand billion
// đồng, far above any commune's budget. With at most MaxLines lines the
// sums stay below 2^63.
const MaxAmount int64 = 9_999_999_999_999

// Errors of ParseAmount, in Vietnamese: they reach the officer as they are.
var (
	errNegative = errors.New("số tiền âm: ghi số dương (số giảm ghi ở dòng riêng)")
	errFraction = errors.New("có phần lẻ sau dấu phân cách: số tiền là số nguyên đồng, dấu chấm hoặc dấu phẩy chỉ dùng để tách hàng nghìn (1.234.567)")
	errNotInt   = errors.New("không phải số tiền (ghi số nguyên đồng, ví dụ 1.234.567)")
	errTooLarge = errors.New("số tiền quá lớn")
)

// ParseAmount reads an amount in đồng as officers write it. Money is an
// integer number of đồng, so a dot, a comma or a space between digits can
// only group thousands: "1.234.567", "1,234,567", "1 234 567" and
// "1234567" are the same amount. Groups must be of three digits after the
// first, with one kind of separator, so "1.5", "1,50" or "12.34" — a
// fraction, or a slip of the hand — are refused rather than guessed. A
// spreadsheet's ",00" or ".00" after the digits (a zero fraction) is
// dropped, and so is a trailing "đ", "đồng" or "VNĐ". An empty cell, "-"
// or "–" is not stated: stated is false and the caller decides.
func ParseAmount(s string) (v int64, stated bool, err error) {
	s = strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s))
	for _, unit := range []string{"đồng", "VNĐ", "VND", "đ"} {
		if t, ok := strings.CutSuffix(s, unit); ok {
			s = strings.TrimSpace(t)
			break
		}
	}
	switch s {
	case "", "-", "–", "—":
		return 0, false, nil
	}
	if s[0] == '-' || s[0] == '(' || strings.HasPrefix(s, "−") {
		return 0, true, errNegative
	}
	s = dropZeroFraction(s)
	var sep rune
	var groups []string
	start := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case r == '.' || r == ',' || r == ' ':
			if sep != 0 && r != sep {
				return 0, true, errFraction
			}
			sep = r
			groups = append(groups, s[start:i])
			start = i + 1
		default:
			return 0, true, errNotInt
		}
	}
	groups = append(groups, s[start:])
	if len(groups) > 1 {
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, true, errFraction
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, true, errFraction
			}
		}
	}
	digits := strings.Join(groups, "")
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > 13 {
		return 0, true, errTooLarge
	}
	for _, r := range digits {
		v = v*10 + int64(r-'0')
	}
	if v > MaxAmount {
		return 0, true, errTooLarge
	}
	return v, true, nil
}

// dropZeroFraction removes a fraction of one or two zeros ("1.234,00",
// "1,234.00", "1234.0"), which spreadsheets add to whole numbers. Three
// zeros are a thousands group, not a fraction, and stay.
func dropZeroFraction(s string) string {
	for _, z := range []string{"00", "0"} {
		for _, sep := range []string{".", ","} {
			t, ok := strings.CutSuffix(s, sep+z)
			if !ok || t == "" || t[len(t)-1] < '0' || t[len(t)-1] > '9' {
				continue
			}
			// "1.00" has no other separator: the fraction is plain. In
			// "1,234.00" the other separator groups: also plain. But in
			// "1.234.00" the same separator groups, so ".00" is a broken
			// group: leave it to be refused.
			if strings.Contains(t, sep) {
				continue
			}
			return t
		}
	}
	return s
}
