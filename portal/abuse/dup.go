package abuse

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// DupKey is the key of a submission for finding an identical earlier one:
// the SHA-256 of its parts, each put in NFC (a phone may send NFD), folded
// to one case and with runs of white space made one space. The same words
// sent twice (a double tap, a resend after a lost connection) get the same
// key; the store keeps it, never the parts, and the caller decides what
// counts as already received (same item, how recent). Parts are kept
// apart, so ("a b", "c") and ("a", "b c") differ.
func DupKey(parts ...string) string {
	fold := cases.Fold()
	h := sha256.New()
	for _, p := range parts {
		p = norm.NFC.String(fold.String(norm.NFC.String(p)))
		h.Write([]byte(strings.Join(strings.FieldsFunc(p, unicode.IsSpace), " ")))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
