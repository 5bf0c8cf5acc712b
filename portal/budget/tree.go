package budget

import (
	"fmt"
	"sort"
)

// Entry is a line in the order of the page: each line followed by its
// children (in the order they were given), with its depth and whether it
// is a subtotal.
type Entry struct {
	Line
	Level    int  // 0 for a top-level line
	Subtotal bool // has children: its figures are their sums
}

// Percent is the line's % executed in tenths, ok false without a plan.
func (e Entry) Percent() (int64, bool) { return Percent(e.Actual, e.Plan) }

// Part is one side of a document: its lines in page order and its totals,
// the sums of its top-level lines.
type Part struct {
	Side    Side
	Entries []Entry
	Plan    int64
	Actual  int64
}

// Document is a budget document's lines as a tree: revenue, then
// expenditure.
type Document struct {
	Revenue     Part
	Expenditure Part
}

// Parts lists the sides that have lines, revenue first.
func (d Document) Parts() []Part {
	var out []Part
	for _, p := range []Part{d.Revenue, d.Expenditure} {
		if len(p.Entries) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// Len is the number of lines.
func (d Document) Len() int { return len(d.Revenue.Entries) + len(d.Expenditure.Entries) }

// Top lists the top-level lines of both sides, revenue first: what a
// chart of the document shows.
func (d Document) Top() []Entry {
	var out []Entry
	for _, p := range d.Parts() {
		for _, e := range p.Entries {
			if e.Level == 0 {
				out = append(out, e)
			}
		}
	}
	return out
}

// Build arranges stored lines (checked when they were saved) into a
// document, recomputing every subtotal from the leaves. Lines that do not
// form a tree — which Check never lets through — are an error.
func Build(lines []Line) (Document, error) {
	rows := make([]row, len(lines))
	for i, l := range lines {
		rows[i] = row{Line: l, n: i + 1, planSet: true, actualSet: true}
	}
	doc, problems := assemble(rows, false, true)
	if len(problems) > 0 {
		return Document{}, fmt.Errorf("budget: stored lines: %s", problems[0].Error())
	}
	return doc, nil
}

// row is a line with where it came from and whether its figures were
// stated (a subtotal's blank figures are computed, not checked).
type row struct {
	Line
	n                  int // row number in the file
	planSet, actualSet bool
}

// assemble builds the tree of rows whose fields are already parsed:
// duplicate codes, unknown parents, cycles, sides that differ from the
// parent's; then, when sum is true, the sums, checking stated subtotals
// when check is true. Rows without a code (already reported) are left out
// of the tree.
func assemble(rows []row, check, sum bool) (Document, []Problem) {
	var problems []Problem
	byCode := make(map[string]int, len(rows))
	for i, r := range rows {
		if r.Code == "" {
			continue
		}
		if j, dup := byCode[r.Code]; dup {
			problems = append(problems, Problem{r.n, fmt.Sprintf("mã “%s” trùng với dòng %d", r.Code, rows[j].n)})
			continue
		}
		byCode[r.Code] = i
	}
	if len(problems) > 0 {
		return Document{}, problems
	}
	parent := make([]int, len(rows)) // index of the parent, -1 for a top line
	children := make([][]int, len(rows))
	for i, r := range rows {
		parent[i] = -1
		if r.Parent == "" || r.Code == "" {
			continue
		}
		j, ok := byCode[r.Parent]
		switch {
		case !ok:
			problems = append(problems, Problem{r.n, fmt.Sprintf("mã cấp trên “%s” không có trong tệp", r.Parent)})
		case j == i:
			problems = append(problems, Problem{r.n, "dòng lấy chính nó làm cấp trên"})
		default:
			parent[i] = j
			children[j] = append(children[j], i)
		}
	}
	if len(problems) > 0 {
		return Document{}, problems
	}
	problems = append(problems, cycles(rows, parent)...)
	if len(problems) > 0 {
		return Document{}, problems
	}

	// Sides: a child without a side takes its parent's; a stated side must
	// be the parent's. Walking from the top lines down visits each line
	// once, after its parent.
	var order []int
	var walk func(i, level int, side Side)
	levels := make([]int, len(rows))
	walk = func(i, level int, side Side) {
		if rows[i].Side == "" {
			rows[i].Side = side
		} else if side != "" && rows[i].Side != side {
			problems = append(problems, Problem{rows[i].n, fmt.Sprintf("dòng ghi %s nhưng dòng cấp trên “%s” là %s",
				rows[i].Side.Label(), rows[i].Parent, side.Label())})
		}
		if rows[i].Side == "" {
			problems = append(problems, Problem{rows[i].n, "thiếu cột Thu/Chi (ghi “Thu” hoặc “Chi”)"})
		}
		levels[i] = level
		order = append(order, i)
		for _, c := range children[i] {
			walk(c, level+1, rows[i].Side)
		}
	}
	for i := range rows {
		if parent[i] == -1 && rows[i].Code != "" {
			walk(i, 0, "")
		}
	}
	if len(problems) > 0 || !sum {
		return Document{}, problems
	}

	// Sums, children before parents: the reverse of the walk's order.
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		if len(children[i]) == 0 {
			continue
		}
		var plan, actual int64
		for _, c := range children[i] {
			plan += rows[c].Plan
			actual += rows[c].Actual
		}
		r := &rows[i]
		if check && r.planSet && r.Plan != plan {
			problems = append(problems, mismatch(*r, "dự toán", r.Plan, plan))
		}
		if check && r.actualSet && r.Actual != actual {
			problems = append(problems, mismatch(*r, "thực hiện", r.Actual, actual))
		}
		r.Plan, r.Actual = plan, actual
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(a, b int) bool { return problems[a].Row < problems[b].Row })
		return Document{}, problems
	}

	var doc Document
	for _, i := range order {
		part := &doc.Revenue
		if rows[i].Side == Expenditure {
			part = &doc.Expenditure
		}
		part.Side = rows[i].Side
		part.Entries = append(part.Entries, Entry{Line: rows[i].Line, Level: levels[i], Subtotal: len(children[i]) > 0})
		if levels[i] == 0 {
			part.Plan += rows[i].Plan
			part.Actual += rows[i].Actual
		}
	}
	doc.Revenue.Side, doc.Expenditure.Side = Revenue, Expenditure
	return doc, nil
}

// mismatch tells a subtotal's stated figure from its children's sum, with
// the gap: what the officer needs to find the wrong line.
func mismatch(r row, what string, stated, sum int64) Problem {
	return Problem{r.n, fmt.Sprintf("%s của “%s” (mã %s) ghi %s đ nhưng tổng các dòng con là %s đ, chênh lệch %s đ",
		what, r.Name, r.Code, number(stated), number(sum), signed(stated-sum))}
}

// cycles finds lines whose chain of parents comes back to them; each cycle
// is told once, at its first row, with the codes around it.
func cycles(rows []row, parent []int) []Problem {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]int, len(rows))
	var problems []Problem
	for start := range rows {
		var path []int
		i := start
		for i != -1 && state[i] == unseen {
			state[i] = onPath
			path = append(path, i)
			i = parent[i]
		}
		if i != -1 && state[i] == onPath {
			// The cycle is the path from i on.
			k := 0
			for path[k] != i {
				k++
			}
			loop := path[k:]
			first := loop[0]
			codes := ""
			for _, j := range loop {
				if rows[j].n < rows[first].n {
					first = j
				}
				codes += rows[j].Code + " → "
			}
			codes += rows[loop[0]].Code
			problems = append(problems, Problem{rows[first].n, "các mã cấp trên tạo thành vòng: " + codes})
		}
		for _, j := range path {
			state[j] = done
		}
	}
	return problems
}
