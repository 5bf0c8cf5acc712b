package textdiff

import (
	"strings"
	"testing"
)

func join(spans []Span, keep Op) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Op == Equal || s.Op == keep {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestWordsRebuildsBothSides(t *testing.T) {
	cases := []struct{ a, b string }{
		{"", ""},
		{"", "Kế hoạch mới"},
		{"Kế hoạch cũ", ""},
		{"Dự toán thu ngân sách năm 2024", "Dự toán thu chi ngân sách xã năm 2024"},
		{"một hai ba", "ba hai một"},
		{"Thôn Đông\nThôn Tây\n", "Thôn Đông\nThôn Nam\nThôn Tây\n"},
	}
	for _, c := range cases {
		spans := Words(c.a, c.b)
		if got := join(spans, Insert); got != c.b {
			t.Errorf("Words(%q, %q) rebuilds new side as %q", c.a, c.b, got)
		}
		if got := join(spans, Delete); got != c.a {
			t.Errorf("Words(%q, %q) rebuilds old side as %q", c.a, c.b, got)
		}
		if Changed(spans) != (c.a != c.b) {
			t.Errorf("Changed(%q, %q) = %v", c.a, c.b, Changed(spans))
		}
	}
}

func TestWordsMarksOnlyTheChange(t *testing.T) {
	spans := Words("Tổng chi 1.200.000 đồng cho thôn Đông", "Tổng chi 1.500.000 đồng cho thôn Đông")
	var ins, del []string
	for _, s := range spans {
		switch s.Op {
		case Insert:
			ins = append(ins, strings.TrimSpace(s.Text))
		case Delete:
			del = append(del, strings.TrimSpace(s.Text))
		}
	}
	if len(ins) != 1 || ins[0] != "1.500.000" || len(del) != 1 || del[0] != "1.200.000" {
		t.Fatalf("got insertions %q deletions %q", ins, del)
	}
}

func TestHugeRewriteFallsBack(t *testing.T) {
	a := strings.Repeat("alpha beta gamma ", 3000)
	b := strings.Repeat("delta epsilon ", 4000)
	spans := Words(a, b)
	if join(spans, Insert) != b || join(spans, Delete) != a {
		t.Fatal("fallback diff does not rebuild the texts")
	}
}
