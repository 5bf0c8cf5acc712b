package budget

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"minhbach/portal/vn"
)

// MaxLines is the most lines a document may have. A commune's budget has
// a few hundred; the bound keeps every sum far from overflowing.
const MaxLines = 20_000

// Raw is one row of an imported file as text, with its row number in the
// file (the header being row 1), in the columns of the template: Thu/Chi,
// Mã, Tên, Mã cấp trên, Dự toán, Thực hiện.
type Raw struct {
	N      int
	Side   string
	Code   string
	Name   string
	Parent string
	Plan   string
	Actual string
}

// Problem is what is wrong with one row of a file, in Vietnamese.
type Problem struct {
	Row int
	Msg string
}

func (p Problem) Error() string { return "Dòng " + strconv.Itoa(p.Row) + ": " + p.Msg }

// Check reads the rows of an imported file into lines: every field, the
// tree, and stated subtotals against their children's sums. It reports
// every bad row (a file is fixed in one pass, not one error at a time);
// lines are returned only when there is no problem, with every subtotal's
// figures computed. Rows with every cell empty are skipped. When
// withActual is false (an estimate) the actual figures must be blank.
func Check(raws []Raw, withActual bool) ([]Line, []Problem) {
	var problems []Problem
	rows := make([]row, 0, len(raws))
	for _, r := range raws {
		if r == (Raw{N: r.N}) {
			continue
		}
		l, ps := parseRow(r, withActual)
		problems = append(problems, ps...)
		rows = append(rows, l)
	}
	if len(rows) == 0 && len(problems) == 0 {
		return nil, []Problem{{0, "tệp không có dòng số liệu nào"}}
	}
	if len(rows) > MaxLines {
		return nil, []Problem{{0, fmt.Sprintf("tệp có %s dòng, nhiều hơn mức tối đa %s dòng", number(int64(len(rows))), number(MaxLines))}}
	}
	// The tree is checked even when some fields are wrong, so that one
	// pass reports every bad row; sums only when every amount was read.
	doc, more := assemble(rows, true, len(problems) == 0)
	if problems = append(problems, more...); len(problems) > 0 {
		sort.SliceStable(problems, func(a, b int) bool { return problems[a].Row < problems[b].Row })
		return nil, problems
	}
	lines := make([]Line, 0, len(rows))
	for _, p := range doc.Parts() {
		for _, e := range p.Entries {
			lines = append(lines, e.Line)
		}
	}
	return lines, nil
}

// parseRow reads one row's fields; the tree is checked later.
func parseRow(r Raw, withActual bool) (row, []Problem) {
	var problems []Problem
	bad := func(msg string) { problems = append(problems, Problem{r.N, msg}) }
	out := row{n: r.N}
	out.Code = clean(r.Code)
	out.Key = out.Code
	out.Name = clean(r.Name)
	out.Parent = clean(r.Parent)
	switch strings.ToLower(clean(r.Side)) {
	case "thu":
		out.Side = Revenue
	case "chi":
		out.Side = Expenditure
	case "":
		// Taken from the parent; a top line without one is reported then.
	default:
		bad(fmt.Sprintf("cột Thu/Chi ghi “%s”: ghi “Thu” hoặc “Chi”", clean(r.Side)))
	}
	if out.Code == "" {
		bad("thiếu mã dòng")
	} else if len([]rune(out.Code)) > 40 {
		bad("mã dòng dài quá 40 ký tự")
	}
	if out.Name == "" {
		bad("thiếu tên dòng")
	} else if len([]rune(out.Name)) > 300 {
		bad("tên dòng dài quá 300 ký tự")
	}
	var err error
	if out.Plan, out.planSet, err = ParseAmount(r.Plan); err != nil {
		bad(fmt.Sprintf("dự toán “%s”: %v", clean(r.Plan), err))
	}
	if out.Actual, out.actualSet, err = ParseAmount(r.Actual); err != nil {
		bad(fmt.Sprintf("thực hiện “%s”: %v", clean(r.Actual), err))
	} else if !withActual && out.actualSet && out.Actual != 0 {
		bad("dự toán không có số thực hiện: để trống cột Thực hiện")
	}
	return out, problems
}

// clean trims a cell and folds its inner runs of spaces (a name pasted
// from a document often carries line breaks).
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func number(n int64) string { return vn.Number(n) }

// signed writes a difference with its sign: "+100.000", "-2.500".
func signed(n int64) string {
	if n > 0 {
		return "+" + vn.Number(n)
	}
	return vn.Number(n)
}
