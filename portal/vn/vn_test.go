package vn

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	cases := map[int64]string{
		0: "0", 7: "7", 999: "999", 1000: "1.000", 15300: "15.300", 1234567: "1.234.567",
		-1000: "-1.000", -999: "-999", 17600000000: "17.600.000.000",
		math.MinInt64: "-9.223.372.036.854.775.808",
	}
	for n, want := range cases {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Hộ nghèo":           "ho ngheo",
		"HỘ CẬN NGHÈO":       "ho can ngheo",
		"  Thôn  Đông\tHà ":  "thon dong ha",
		"Đường đi":           "duong di",
		"Ho ngheo":           "ho ngheo",
		"Nguye\u0302\u0303n": "nguyen", // NFD, as a Mac may send it
		"\ufeffSố CCCD/CMND": "so cccd/cmnd",
		"Họ và tên\nchủ hộ":  "ho va ten chu ho",
		"":                   "",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
