package tracking

import (
	"bytes"
	"errors"
	"log/slog"
	"regexp"
	"strings"
	"testing"
)

func mustNew(t *testing.T) Code {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAlphabet(t *testing.T) {
	if len(Alphabet) != 32 {
		t.Fatalf("alphabet has %d symbols, want 32", len(Alphabet))
	}
	seen := map[rune]bool{}
	for _, r := range Alphabet {
		if seen[r] {
			t.Errorf("symbol %q twice", r)
		}
		seen[r] = true
		if r >= 'a' && r <= 'z' {
			t.Errorf("symbol %q is lower case", r)
		}
	}
	if strings.ContainsAny(Alphabet, "0O1I") {
		t.Errorf("alphabet %q contains one of 0, O, 1, I", Alphabet)
	}
}

func TestPrefix(t *testing.T) {
	if len(Prefix) != 2 || !allLetters([]byte(Prefix)) {
		t.Errorf("prefix %q is not two letters A–Z, which Parse relies on", Prefix)
	}
}

func TestEntropy(t *testing.T) {
	if Bits < 50 {
		t.Errorf("a code has %.1f random bits, the issue asks for at least 50", Bits)
	}
	if RandomSymbols < 10 {
		t.Errorf("%d random symbols, the issue asks for at least 10", RandomSymbols)
	}
}

func TestRoundTrip(t *testing.T) {
	shape := regexp.MustCompile(`^TT-[` + Alphabet + `]{4}-[` + Alphabet + `]{4}-[` + Alphabet + `]{3}$`)
	seen := map[Code]bool{}
	for range 10000 {
		c := mustNew(t)
		if !shape.MatchString(c.String()) {
			t.Fatalf("%q is not in the canonical form", c)
		}
		got, err := Parse(c.String())
		if err != nil || got != c {
			t.Fatalf("Parse(%q) = %q, %v", c, got, err)
		}
		if seen[c] {
			t.Fatalf("%q made twice", c)
		}
		seen[c] = true
	}
}

func TestDistribution(t *testing.T) {
	count := map[byte]int{}
	const n = 10000
	for range n {
		s := mustNew(t).Symbols()
		for i := range RandomSymbols {
			count[s[i]]++
		}
	}
	// Each symbol is expected n×10/32 = 3125 times (σ ≈ 55); the bounds
	// are over 10σ away, so a correct generator never fails them.
	for _, ch := range []byte(Alphabet) {
		if count[ch] < 2500 || count[ch] > 3750 {
			t.Errorf("symbol %q appears %d times among %d codes, want about 3125", ch, count[ch], n)
		}
	}
}

func TestParseAccepts(t *testing.T) {
	want, err := Parse(Example)
	if err != nil {
		t.Fatalf("the example %q does not parse: %v", Example, err)
	}
	if want.String() != Example {
		t.Fatalf("example reads back as %q", want)
	}
	for _, s := range []string{
		"TT-7K3M-9QXD-4FX",
		"tt-7k3m-9qxd-4fx",
		"Tt-7K3m-9qXD-4fX",
		"TT7K3M9QXD4FX",
		"7K3M9QXD4FX",
		"7K3M-9QXD-4FX",
		"  TT - 7K3M 9QXD 4FX  ",
		"TT–7K3M–9QXD–4FX", // en dashes, as a word processor writes them
		"TT—7K3M—9QXD—4FX", // em dashes
		"TT\u00a07K3M\u00a09QXD\u00a04FX",
		"tt 7k3m.9qxd.4fx",
		"TT-7K3M9-QXD4F-X", // grouped as in the issue, plus the check
		"MB-7K3M-9QXD-4FX", // another prefix: codes survive a change of prefix
		"7k3m9qxd4fx\n",
	} {
		got, err := Parse(s)
		if err != nil {
			t.Errorf("Parse(%q): %v", s, err)
			continue
		}
		if got != want {
			t.Errorf("Parse(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		in   string
		want *Error
	}{
		{"", ErrEmpty},
		{" - - ", ErrEmpty},
		{"TT-7K3M-9QXD-4F", ErrLength},       // a symbol short
		{"TT-7K3M-9QXD-4FXX", ErrLength},     // a symbol too many: "TT7" is no prefix
		{"7K3M9QXD4F", ErrLength},            // the 10 random symbols without the check
		{"TTTTT-7K3M-9QXD-4FX", ErrLength},   // prefix over 4 letters
		{"23-7K3M-9QXD-4FX", ErrLength},      // prefix of digits
		{"TT-7K3M-9QXD-4FX-7K3M", ErrLength}, // two codes pasted
		{strings.Repeat("7K3M9QXD4FX ", 20), ErrLength},
		{"TT-7K3M-0QXD-4FX", ErrZeroO},
		{"TT-7K3M-9QXD-OFX", ErrZeroO},
		{"tt-7k3m-9qxd-o4x", ErrZeroO},
		{"TT-7K3M-9QXD-1FX", ErrOneI},
		{"TT-7K3M-9QXI-4FX", ErrOneI},
		{"tt-7k3m-9qxđ-4fx", ErrKeyboard}, // Telex made "dd" into đ
		{"TT-7K3M-9QXĐ-4FX", ErrKeyboard},
		{"TT-7K3M-9QXD-4FÁ", ErrKeyboard},
		{"TT-7K3M-9QXD-4FY", ErrCheck}, // wrong check symbol
		{"TT-7K3M-9QXD-4EX", ErrCheck}, // one symbol misheard
		{"TT-K73M-9QXD-4FX", ErrCheck}, // two symbols swapped
		{"TT-7K3M-9QXD-F4X", ErrCheck}, // two symbols swapped
		{"TT-7K3M-9QXD-4XF", ErrCheck}, // swapped with the check symbol
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("Parse(%q) = %q, %v; want %v", tt.in, got, err, tt.want)
		}
		if !got.IsZero() {
			t.Errorf("Parse(%q) refused but returned %q", tt.in, got)
		}
	}
	for _, in := range []string{"TT-7K3M-9QXD-4F#", "TT-7K3M-9QXD-4F😀", "TT/7K3M/9QXD/4FX"} {
		if _, err := Parse(in); !errors.Is(err, ErrSymbol) {
			t.Errorf("Parse(%q): %v, want the message about letters and digits", in, err)
		}
	}
}

// TestCheckCatchesTypos tries every single wrong symbol and every swap of
// two different symbols on a few hundred codes: the check catches them all.
func TestCheckCatchesTypos(t *testing.T) {
	for range 300 {
		s := []byte(mustNew(t).Symbols())
		for i := range Length {
			orig := s[i]
			for _, ch := range []byte(Alphabet) {
				if ch == orig {
					continue
				}
				s[i] = ch
				if _, err := Parse(string(s)); !errors.Is(err, ErrCheck) {
					t.Fatalf("%s (symbol %d changed): %v, want ErrCheck", s, i, err)
				}
			}
			s[i] = orig
			for j := i + 1; j < Length; j++ {
				if s[i] == s[j] {
					continue
				}
				s[i], s[j] = s[j], s[i]
				if _, err := Parse(string(s)); !errors.Is(err, ErrCheck) {
					t.Fatalf("%s (symbols %d and %d swapped): %v, want ErrCheck", s, i, j, err)
				}
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func TestFieldTables(t *testing.T) {
	seen := map[byte]bool{}
	for _, x := range gfExp {
		if x == 0 || x >= 32 || seen[x] {
			t.Fatalf("α^i repeats or leaves the field at %d: x^5+x^2+1 is not primitive", x)
		}
		seen[x] = true
	}
	// Every non-zero element has an inverse: a·b = 1 for some b.
	for a := byte(1); a < 32; a++ {
		found := false
		for b := byte(1); b < 32; b++ {
			found = found || gfMul(a, b) == 1
		}
		if !found {
			t.Errorf("%d has no inverse", a)
		}
	}
}

func TestFormatAndHash(t *testing.T) {
	c, _ := Parse(Example)
	if got := c.Format(""); got != "7K3M-9QXD-4FX" {
		t.Errorf("Format(\"\") = %q", got)
	}
	if got := c.Format("MB"); got != "MB-7K3M-9QXD-4FX" {
		t.Errorf("Format(\"MB\") = %q", got)
	}
	if (Code{}).String() != "" {
		t.Errorf("the zero Code prints as %q", Code{})
	}
	// echo -n 7K3M9QXD4FX | sha256sum
	const want = "92b04eb4944427e796148f2c02b9d7aef982d1df56439ddf9f39be16eb7eeae3"
	h := c.Hash()
	if h != want {
		t.Fatalf("Hash() = %q, want %q", h, want)
	}
	other, _ := Parse("mb 7k3m9qxd4fx")
	if other.Hash() != h {
		t.Error("the hash depends on how the code was typed")
	}
	if mustNew(t).Hash() == h {
		t.Error("two codes share a hash")
	}
}

func TestLogValueHidesCode(t *testing.T) {
	c := mustNew(t)
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	log.Info("question looked up", "code", c)
	log.Info("question looked up", slog.Any("code", c))
	if strings.Contains(buf.String(), c.Symbols()) || strings.Contains(buf.String(), c.String()) {
		t.Errorf("the code reached the log: %s", buf.String())
	}
	if !strings.Contains(buf.String(), "[mã tra cứu]") {
		t.Errorf("no placeholder in the log: %s", buf.String())
	}
}
