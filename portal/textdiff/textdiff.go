// Package textdiff compares two texts word by word, for the public history
// of a disclosure ("what changed").
package textdiff

import (
	"strings"
	"unicode"
)

// Op says whether a span is kept, inserted or deleted.
type Op int

// The kinds of span.
const (
	Equal Op = iota
	Insert
	Delete
)

// Span is a run of text with one Op.
type Span struct {
	Op   Op
	Text string
}

// maxCells bounds the dynamic-programming table (words × words) so that a
// huge rewrite costs at most a few tens of megabytes; beyond it the diff
// falls back to lines, then to "all replaced".
const maxCells = 4_000_000

// Words returns the spans that turn a into b, at word granularity where the
// texts are small enough and at line granularity otherwise. Joining the
// Equal and Insert spans gives b back; Equal and Delete give a.
func Words(a, b string) []Span {
	if a == b {
		if a == "" {
			return nil
		}
		return []Span{{Equal, a}}
	}
	ta, tb := tokens(a, false), tokens(b, false)
	if (len(ta)+1)*(len(tb)+1) > maxCells {
		ta, tb = tokens(a, true), tokens(b, true)
	}
	return diff(ta, tb)
}

// tokens splits into words and the white space between them, kept as
// tokens of their own; or into lines, each with its newline.
func tokens(s string, lines bool) []string {
	var out []string
	if lines {
		for s != "" {
			i := strings.IndexByte(s, '\n') + 1
			if i == 0 {
				i = len(s)
			}
			out = append(out, s[:i])
			s = s[i:]
		}
		return out
	}
	start := 0
	prevSpace := false
	for i, r := range s {
		space := unicode.IsSpace(r)
		if i > start && space != prevSpace {
			out = append(out, s[start:i])
			start = i
		}
		prevSpace = space
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func diff(a, b []string) []Span {
	// Common prefix and suffix cost nothing to keep out of the table.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var spans []Span
	add := func(op Op, s string) {
		if s == "" {
			return
		}
		if n := len(spans); n > 0 && spans[n-1].Op == op {
			spans[n-1].Text += s
			return
		}
		spans = append(spans, Span{op, s})
	}
	add(Equal, strings.Join(a[:pre], ""))
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if (len(ma)+1)*(len(mb)+1) > maxCells {
		add(Delete, strings.Join(ma, ""))
		add(Insert, strings.Join(mb, ""))
	} else {
		// lcs[i][j] is the longest common subsequence of ma[i:] and mb[j:].
		w := len(mb) + 1
		lcs := make([]int32, (len(ma)+1)*w)
		for i := len(ma) - 1; i >= 0; i-- {
			for j := len(mb) - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				} else {
					lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(ma) && j < len(mb) {
			switch {
			case ma[i] == mb[j]:
				add(Equal, mb[j])
				i++
				j++
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				add(Delete, ma[i])
				i++
			default:
				add(Insert, mb[j])
				j++
			}
		}
		for ; i < len(ma); i++ {
			add(Delete, ma[i])
		}
		for ; j < len(mb); j++ {
			add(Insert, mb[j])
		}
	}
	add(Equal, strings.Join(b[len(b)-suf:], ""))
	return spans
}

// Changed reports whether any span is an insertion or deletion.
func Changed(spans []Span) bool {
	for _, s := range spans {
		if s.Op != Equal {
			return true
		}
	}
	return false
}
