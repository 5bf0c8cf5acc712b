// Package tracking makes and reads the tracking code ("mã tra cứu") a
// resident gets after sending a question, e.g. TT-7K3M-9QXD-4FX. Pure: no
// HTTP, no SQL.
//
// A code is 10 random symbols (50 bits) and 1 check symbol, from an alphabet
// of 32 symbols that has no 0, O, 1 or I, so it reads aloud over the phone
// without "zero or O?". Residents may type it in any case, with or without
// spaces, dashes or the prefix.
//
// The code is a bearer secret: whoever has it sees the question's page. The
// pages that use it must rate-limit lookups (the check symbol does not help
// against enumeration: anyone can compute it), keep it out of logs (Code
// logs as a placeholder through slog) and out of Referer headers.
package tracking

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"math"
	"strings"
)

// Alphabet is the 32 symbols of a code: the digits 2–9 and the letters A–Z
// without I and O. With 0, O, 1 and I all absent, a typed 0, O, 1 or I is
// refused with its own message rather than guessed: the resident reads the
// receipt again, which is cheaper than a lookup that fails.
const Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

const (
	// RandomSymbols is how many symbols come from crypto/rand. The issue
	// asks for at least 50 bits: 10 × log2(32) = 50.
	RandomSymbols = 10
	// Length is the symbols of a code: the random ones and the check symbol.
	Length = RandomSymbols + 1
	// Prefix is printed before the symbols so that a resident recognises a
	// tracking code among other numbers on a receipt. It is presentation
	// only: it is not part of the code, not hashed, and Parse accepts any
	// two letters there, so changing it (for a renamed or merged commune)
	// leaves the codes already given out valid. Keep it two letters: Parse
	// tells a prefix from a symbol by the length of what was typed.
	Prefix = "TT"
)

// Bits is the entropy of a code: its random symbols times log2(32).
var Bits = float64(RandomSymbols) * math.Log2(float64(len(Alphabet)))

// Example is a valid code, for form hints and error messages.
const Example = "TT-7K3M-9QXD-4FX"

// Code is a parsed, valid tracking code. The zero Code is no code.
type Code struct {
	symbols string // Length symbols of Alphabet: random ones, then the check
}

// New makes a code from crypto/rand.
func New() (Code, error) {
	var b [RandomSymbols]byte
	if _, err := rand.Read(b[:]); err != nil {
		return Code{}, err
	}
	var s [Length]byte
	for i, v := range b {
		s[i] = Alphabet[v%32] // 256 is a multiple of 32: no bias
	}
	s[RandomSymbols] = Alphabet[check(s[:RandomSymbols])]
	return Code{symbols: string(s[:])}, nil
}

// String is the canonical form with the default prefix, TT-XXXX-XXXX-XXX:
// groups of 4, 4 and 3, short enough to hold in mind when read over the
// phone, like the groups of a phone number.
func (c Code) String() string { return c.Format(Prefix) }

// Format is the canonical form with another prefix, or none if prefix is "".
func (c Code) Format(prefix string) string {
	if c.symbols == "" {
		return ""
	}
	s := c.symbols[:4] + "-" + c.symbols[4:8] + "-" + c.symbols[8:]
	if prefix == "" {
		return s
	}
	return prefix + "-" + s
}

// Symbols is the 11 symbols without prefix or dashes, the code's identity.
func (c Code) Symbols() string { return c.symbols }

// IsZero says whether c is the zero Code.
func (c Code) IsZero() bool { return c.symbols == "" }

// Hash is the SHA-256, in hex, of the symbols (without the prefix, so it
// survives a change of prefix). A store may keep only this, so that a copy
// of the database does not list working codes. It is unkeyed: with only 50
// bits, a determined attacker with the database can still find codes by
// brute force (2^50 hashes, GPU-days), so pair it with the rate limit, or
// use an HMAC with a secret kept outside the database if that matters.
func (c Code) Hash() string {
	sum := sha256.Sum256([]byte(c.symbols))
	return hex.EncodeToString(sum[:])
}

// LogValue keeps the code out of structured logs: slog prints a placeholder.
func (c Code) LogValue() slog.Value { return slog.StringValue("[mã tra cứu]") }

// Parse reads a code as a resident types it: any case, spaces, dashes (also
// en and em dashes), with or without a prefix of two letters. It refuses
// a wrong length, a symbol outside the alphabet and a failed check, each with
// a Vietnamese message for the form (an *Error).
func Parse(s string) (Code, error) {
	if len(s) > 100 { // a paste of a whole page, not a code
		return Code{}, ErrLength
	}
	var b []byte
	for _, r := range strings.ToUpper(s) {
		switch {
		case isSeparator(r):
			continue
		case r < 0x80:
			b = append(b, byte(r))
		case isVietnameseLetter(r):
			return Code{}, ErrKeyboard
		default:
			return Code{}, ErrSymbol
		}
	}
	if len(b) == 0 {
		return Code{}, ErrEmpty
	}
	if len(b) == len(Prefix)+Length && allLetters(b[:len(Prefix)]) {
		b = b[len(Prefix):]
	}
	for _, ch := range b {
		switch ch {
		case '0', 'O':
			return Code{}, ErrZeroO
		case '1', 'I':
			return Code{}, ErrOneI
		}
		if strings.IndexByte(Alphabet, ch) < 0 {
			return Code{}, ErrSymbol
		}
	}
	if len(b) != Length {
		return Code{}, ErrLength
	}
	if Alphabet[check(b[:RandomSymbols])] != b[RandomSymbols] {
		return Code{}, ErrCheck
	}
	return Code{symbols: string(b)}, nil
}

// Error is a refusal of Parse. Its text is a Vietnamese sentence for the
// form, not a Go error string.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// The refusals of Parse, comparable with errors.Is.
var (
	ErrEmpty    = &Error{"Vui lòng nhập mã tra cứu, ví dụ " + Example + "."}
	ErrLength   = &Error{"Mã tra cứu gồm 11 ký tự sau chữ " + Prefix + ", ví dụ " + Example + "."}
	ErrZeroO    = &Error{"Mã tra cứu không có chữ O và số 0. Vui lòng đọc lại mã trên giấy biên nhận."}
	ErrOneI     = &Error{"Mã tra cứu không có chữ I và số 1. Vui lòng đọc lại mã trên giấy biên nhận."}
	ErrSymbol   = &Error{"Mã tra cứu chỉ gồm chữ cái không dấu và chữ số, ví dụ " + Example + "."}
	ErrKeyboard = &Error{"Mã tra cứu không có chữ có dấu. Vui lòng tắt bộ gõ tiếng Việt (Telex, VNI) rồi nhập lại."}
	ErrCheck    = &Error{"Mã tra cứu có ký tự bị gõ sai hoặc đổi chỗ. Vui lòng kiểm tra lại từng ký tự."}
)

func isSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', // spaces, no-break spaces
		'-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', // hyphens, dashes, minus
		'_', '.':
		return true
	}
	return false
}

// isVietnameseLetter catches what a Vietnamese input method (Telex, VNI)
// makes of a code typed with it on: "DD" becomes Đ, "AS" or "A1" becomes Á.
func isVietnameseLetter(r rune) bool {
	return r == 'Đ' || (r >= 0xC0 && r <= 0x1EF9 && r != 0xD7 && r != 0xF7)
}

func allLetters(b []byte) bool {
	for _, ch := range b {
		if ch < 'A' || ch > 'Z' {
			return false
		}
	}
	return true
}
