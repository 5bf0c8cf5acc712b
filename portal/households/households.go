// Package households holds the lists of poor and near-poor households that
// a commune posts after each review (Decision 24/2021/QĐ-TTg): the rows,
// the review's facts, their checks, the counts per village and the window
// in which the names may be shown. Pure: no HTTP, no SQL.
//
// A row carries the head of household's name, the village and the
// classification, never an ID number, a birth date, a phone number or an
// address (Decree 13/2023/NĐ-CP; Law 91/2025/QH15): the import refuses
// files with such columns and checks notes for them.
package households

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"minhbach/portal/vn"
)

// Category is the disclosure category of the lists.
const Category = "ho-ngheo"

// Review kinds (the disclosure's Kind).
const (
	KindAnnual   = "ra-soat-hang-nam" // the yearly review at the end of the year
	KindPeriodic = "ra-soat-dinh-ky"  // an update between yearly reviews
)

// Class is a household's classification in a list.
type Class string

// The classifications, in the order pages show them.
const (
	Poor         Class = "ho-ngheo"
	NearPoor     Class = "ho-can-ngheo"
	LeftPoor     Class = "thoat-ngheo"
	LeftNearPoor Class = "thoat-can-ngheo"
)

// Classes lists the classifications in page order.
var Classes = []Class{Poor, NearPoor, LeftPoor, LeftNearPoor}

// Label is the classification's Vietnamese name.
func (c Class) Label() string {
	switch c {
	case Poor:
		return "Hộ nghèo"
	case NearPoor:
		return "Hộ cận nghèo"
	case LeftPoor:
		return "Hộ thoát nghèo"
	case LeftNearPoor:
		return "Hộ thoát cận nghèo"
	}
	return string(c)
}

// index is c's position in Classes, or -1.
func (c Class) index() int {
	for i, k := range Classes {
		if k == c {
			return i
		}
	}
	return -1
}

// classWords maps folded spellings officers use to a classification: the
// slug, the label with or without "hộ", and the usual abbreviations.
var classWords = func() map[string]Class {
	m := map[string]Class{"hn": Poor, "hcn": NearPoor}
	for _, c := range Classes {
		label := vn.Fold(c.Label())
		m[string(c)] = c
		m[label] = c
		m[strings.TrimPrefix(label, "ho ")] = c
		m[strings.ReplaceAll(string(c), "-", " ")] = c
	}
	return m
}()

// ParseClass reads a classification as written in a file or form:
// "Hộ cận nghèo", "ho can ngheo", "cận nghèo", "HCN" or the slug.
func ParseClass(s string) (Class, bool) {
	c, ok := classWords[vn.Fold(s)]
	return c, ok
}

// Row is one household of a list, as stored in the version's rows.
type Row struct {
	Key     string `json:"key"`     // stable across versions; see AssignKeys
	Head    string `json:"head"`    // the head of household's full name
	Village string `json:"village"` // the village's name when the list was made
	Class   Class  `json:"class"`
	Note    string `json:"note,omitempty"`
}

// identity is what makes two rows the same household across versions.
func (r Row) identity() string { return vn.Fold(r.Village) + "\x00" + vn.Fold(r.Head) }

// newKey is the key of a household first seen: a digest, so the key shows
// no name wherever it travels.
func newKey(identity string) string {
	sum := sha256.Sum256([]byte(identity))
	return hex.EncodeToString(sum[:6])
}

// AssignKeys gives every row a key: the key a previous row of the same
// household had (same village and name, folded), else a new one, so that
// re-importing a list shows in the history only what changed. Two
// households with the same head in one village are told apart by order.
func AssignKeys(rows, previous []Row) {
	old := map[string][]string{}
	k := newKeyer(len(rows) + len(previous))
	for _, p := range previous {
		if p.Key == "" {
			continue
		}
		old[p.identity()] = append(old[p.identity()], p.Key)
		k.used[p.Key] = true // keys of households gone from the list stay retired
	}
	var fresh []int
	for i := range rows {
		id := rows[i].identity()
		if ks := old[id]; len(ks) > 0 {
			rows[i].Key, old[id] = ks[0], ks[1:]
			continue
		}
		fresh = append(fresh, i)
	}
	for _, i := range fresh {
		rows[i].Key = k.key(newKey(rows[i].identity()))
	}
}

// keyer hands out keys not used yet: a base key, then base-2, base-3…
type keyer struct {
	used map[string]bool
	next map[string]int // the suffix to try next for a base key
}

func newKeyer(n int) *keyer {
	return &keyer{used: make(map[string]bool, n), next: map[string]int{}}
}

func (k *keyer) key(base string) string {
	key := base
	for n := max(k.next[base], 2); k.used[key]; n++ {
		key = base + "-" + strconv.Itoa(n)
		k.next[base] = n + 1
	}
	k.used[key] = true
	return key
}

// NewKey is the key for a household added by hand to rows.
func NewKey(r Row, rows []Row) string {
	k := newKeyer(len(rows))
	for _, o := range rows {
		k.used[o.Key] = true
	}
	return k.key(newKey(r.identity()))
}

// Label names the row in a history of changes while names are public.
func (r Row) Label() string {
	return r.Head + " (" + r.Village + ", " + r.Class.Label() + ")"
}

// AnonymousLabel names the row without the name, for after the window.
func (r Row) AnonymousLabel() string {
	return "Một hộ ở " + r.Village + " (" + r.Class.Label() + ")"
}
