package households

// Count is the number of households of each classification in one village
// (or, in Counts.All, the commune).
type Count struct {
	Village string `json:"village"`
	N       [4]int `json:"n"` // by position in Classes
}

// Of is the number of households classified c.
func (c Count) Of(cl Class) int {
	if i := cl.index(); i >= 0 {
		return c.N[i]
	}
	return 0
}

// Total is the number of households counted.
func (c Count) Total() int { return c.N[0] + c.N[1] + c.N[2] + c.N[3] }

// Group is one village's households, in list order.
type Group struct {
	Count
	Rows []Row
}

// Counts are a list's households by village and classification.
type Counts struct {
	Villages []Count // in the commune's order of villages, then others as met
	All      Count
}

// CountsOf rebuilds Counts from its villages' counts (as kept in Facts).
func CountsOf(villages []Count) Counts {
	c := Counts{Villages: villages}
	for _, v := range villages {
		for i, n := range v.N {
			c.All.N[i] += n
		}
	}
	return c
}

// Used is the classifications with at least one household, in page order:
// a list of households leaving poverty need not show empty columns.
func (c Counts) Used() []Class {
	var out []Class
	for i, cl := range Classes {
		if c.All.N[i] > 0 {
			out = append(out, cl)
		}
	}
	return out
}

// ByVillage groups rows by village, villages in the commune's order
// (names in order) and any others, such as a village since renamed or
// retired, after them as first met.
func ByVillage(rows []Row, order []string) []Group {
	at := map[string]int{}
	var groups []Group
	for _, v := range order {
		at[v] = len(groups)
		groups = append(groups, Group{Count: Count{Village: v}})
	}
	for _, r := range rows {
		i, ok := at[r.Village]
		if !ok {
			i = len(groups)
			at[r.Village] = i
			groups = append(groups, Group{Count: Count{Village: r.Village}})
		}
		g := &groups[i]
		g.Rows = append(g.Rows, r)
		if k := r.Class.index(); k >= 0 {
			g.N[k]++
		}
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Rows) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Tally counts rows by village and classification.
func Tally(rows []Row, order []string) Counts {
	t := NewTallier(order)
	for _, r := range rows {
		t.Add(r)
	}
	return t.Counts()
}

// Tallier counts rows one at a time, so a stored list can be counted as
// it streams by, without holding it.
type Tallier struct {
	at     map[string]int
	counts []Count
}

// NewTallier starts counting, villages in order (see ByVillage).
func NewTallier(order []string) *Tallier {
	t := &Tallier{at: map[string]int{}}
	for _, v := range order {
		t.at[v] = len(t.counts)
		t.counts = append(t.counts, Count{Village: v})
	}
	return t
}

// Add counts r.
func (t *Tallier) Add(r Row) {
	i, ok := t.at[r.Village]
	if !ok {
		i = len(t.counts)
		t.at[r.Village] = i
		t.counts = append(t.counts, Count{Village: r.Village})
	}
	if k := r.Class.index(); k >= 0 {
		t.counts[i].N[k]++
	}
}

// Counts is what was counted; villages without households are left out.
func (t *Tallier) Counts() Counts {
	var c Counts
	for _, v := range t.counts {
		if v.Total() == 0 {
			continue
		}
		c.Villages = append(c.Villages, v)
		for i, n := range v.N {
			c.All.N[i] += n
		}
	}
	return c
}
