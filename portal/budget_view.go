package portal

import (
	"encoding/json"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"minhbach/portal/budget"
	"minhbach/portal/svgchart"
	"minhbach/portal/vn"
)

// budgetSection is the budget part of an item's page: the lines as tables
// with subtotals, charts, the comparison with earlier years of the same
// stage, and the exports.
type budgetSection struct {
	ItemID      int64
	Period      string // "Thực hiện 6 tháng đầu năm 2024"
	StageName   string
	Year        int
	Quarter     int
	HasActual   bool
	ActualLabel string
	ActualWord  string // the label mid-sentence: "thực hiện"
	StageWord   string // the stage's name mid-sentence
	Lines       int64
	CSVPath     string
	JSONPath    string
	Tables      []budgetTable
	Balance     *budgetBalance // both sides present
	Comparison  *budgetComparison
	// Version is set on a version page: the exports are of the current
	// version, which the section then says.
	Version bool
}

// budgetTable is one side's lines with their totals and chart.
type budgetTable struct {
	ID          string // the table's id, which its chart points at
	Caption     string
	Title       string // the caption with the period: "Thu ngân sách xã: dự toán năm 2024"
	TotalLabel  string
	HasActual   bool
	ActualLabel string
	// Body is the table's rows, written in Go: a 2,000-line document
	// spent most of its render time in the template's per-cell calls.
	Body     template.HTML
	Plan     string
	Actual   string
	Percent  string
	Chart    template.HTML
	ChartFor string // which lines the chart shows
}

// budgetBalance is revenue less expenditure, plan and actual.
type budgetBalance struct {
	Plan, Actual string
}

// budgetComparison compares the document's totals with the same stage of
// earlier years.
type budgetComparison struct {
	Basis string // "dự toán" or the actual label: which figures are compared
	Years []budgetYear
	Chart template.HTML
}

type budgetYear struct {
	Year        int
	ItemID      int64
	Current     bool
	Revenue     string
	Expenditure string
}

// yearTotals are one document's totals, for the comparison.
type yearTotals struct {
	Year                 int
	ItemID               int64
	Revenue, Expenditure int64
}

// money writes đồng for tables: "1.234.567".
func money(v int64) string { return vn.Number(v) }

// newBudgetSection lays out a document's lines for its page. others are
// the totals of the same stage in other years, in any order; a year
// already taken by the document itself is skipped.
func newBudgetSection(itemID int64, stage string, facts budget.Facts, doc budget.Document, others []yearTotals) *budgetSection {
	s := &budgetSection{
		ItemID: itemID, Period: budget.Period(stage, facts), StageName: budget.StageName(stage),
		Year: facts.Year, Quarter: facts.Quarter, HasActual: budget.HasActual(stage),
		ActualLabel: budget.ActualLabel(stage), Lines: int64(doc.Len()),
		CSVPath: budgetExportPath(itemID, "csv"), JSONPath: budgetExportPath(itemID, "json"),
	}
	s.ActualWord, s.StageWord = lower(s.ActualLabel), lower(s.StageName)
	for _, p := range doc.Parts() {
		t := budgetTable{ID: "ngan-sach-" + string(p.Side), Plan: money(p.Plan), Actual: money(p.Actual),
			Percent: budget.FormatPercent(p.Actual, p.Plan)}
		if p.Side == budget.Revenue {
			t.Caption = "Thu ngân sách xã"
		} else {
			t.Caption = "Chi ngân sách xã"
		}
		t.Title, t.TotalLabel = t.Caption+": "+lower(s.Period), "Tổng "+lower(t.Caption)
		t.HasActual, t.ActualLabel = s.HasActual, s.ActualLabel
		t.Body = budgetRowsHTML(p.Entries, s.HasActual)
		t.Chart = s.sideChart(p)
		s.Tables = append(s.Tables, t)
	}
	if len(s.Tables) == 2 {
		s.Balance = &budgetBalance{Plan: money(doc.Revenue.Plan - doc.Expenditure.Plan),
			Actual: money(doc.Revenue.Actual - doc.Expenditure.Actual)}
	}
	current := yearTotals{Year: facts.Year, ItemID: itemID, Revenue: doc.Revenue.Plan, Expenditure: doc.Expenditure.Plan}
	if s.HasActual {
		current.Revenue, current.Expenditure = doc.Revenue.Actual, doc.Expenditure.Actual
	}
	s.Comparison = newBudgetComparison(s, current, others)
	return s
}

// chartGroups is the most bars a chart groups; more lines are summed into
// one last group, so a 2,000-line document still has a readable chart.
const chartGroups = 12

// sideChart draws plan against actual for the side's main lines: its
// top-level lines, or the lines under its single top line (a file whose
// only top line is the side's total).
func (s *budgetSection) sideChart(p budget.Part) template.HTML {
	var lines []budget.Entry
	top := 0
	for _, e := range p.Entries {
		if e.Level == 0 {
			top++
		}
	}
	level := 0
	if top == 1 && len(p.Entries) > 1 {
		level = 1
	}
	for _, e := range p.Entries {
		if e.Level == level {
			lines = append(lines, e)
		}
	}
	if len(lines) > chartGroups {
		// The largest lines by plan, in the order of the table, and the
		// rest summed.
		bySize := append([]budget.Entry(nil), lines...)
		sort.SliceStable(bySize, func(i, j int) bool { return bySize[i].Plan > bySize[j].Plan })
		keep := map[string]bool{}
		for _, e := range bySize[:chartGroups-1] {
			keep[e.Key] = true
		}
		rest := budget.Entry{Line: budget.Line{Name: "Các khoản còn lại"}}
		var kept []budget.Entry
		for _, e := range lines {
			if keep[e.Key] {
				kept = append(kept, e)
			} else {
				rest.Plan += e.Plan
				rest.Actual += e.Actual
			}
		}
		lines = append(kept, rest)
	}
	series := []svgchart.Series{{Name: "Dự toán", Fill: svgchart.PlanFill, Stroke: svgchart.PlanStroke}}
	if s.HasActual {
		series = append(series, svgchart.Series{Name: s.ActualLabel, Fill: svgchart.ActualFill})
	}
	var max int64
	groups := make([]svgchart.Group, len(lines))
	for i, e := range lines {
		g := svgchart.Group{Label: e.Name, Values: []int64{e.Plan}}
		if s.HasActual {
			g.Values = append(g.Values, e.Actual)
		}
		groups[i] = g
		max = maxInt64(max, maxInt64(e.Plan, e.Actual))
	}
	unit, format := chartUnit(max)
	side := "thu"
	if p.Side == budget.Expenditure {
		side = "chi"
	}
	what := "Dự toán"
	if s.HasActual {
		what = "Dự toán và " + lower(s.ActualLabel)
	}
	id := "bieu-do-" + string(p.Side)
	chart := svgchart.Bars{
		ID:          id,
		Title:       what + " " + side + " ngân sách, " + unit,
		Desc:        "Biểu đồ thanh ngang, mỗi khoản " + side + " một nhóm thanh. Số liệu đầy đủ ở bảng " + side + " ngân sách ngay dưới.",
		DescribedBy: "ngan-sach-" + string(p.Side),
		Series:      series,
		Groups:      groups,
		Format:      format,
	}
	return template.HTML(chart.SVG())
}

// newBudgetComparison sets the document's totals beside the same stage of
// other years; nil when there is no other year.
func newBudgetComparison(s *budgetSection, current yearTotals, others []yearTotals) *budgetComparison {
	byYear := map[int]yearTotals{current.Year: current}
	for _, o := range others {
		// One document a year: the current one, else the latest listed.
		if _, taken := byYear[o.Year]; !taken {
			byYear[o.Year] = o
		}
	}
	if len(byYear) < 2 {
		return nil
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	c := &budgetComparison{Basis: "dự toán"}
	if s.HasActual {
		c.Basis = "số " + lower(s.ActualLabel)
	}
	var max int64
	groups := make([]svgchart.Group, len(years))
	for i, y := range years {
		t := byYear[y]
		c.Years = append(c.Years, budgetYear{Year: y, ItemID: t.ItemID, Current: y == current.Year,
			Revenue: money(t.Revenue), Expenditure: money(t.Expenditure)})
		groups[i] = svgchart.Group{Label: "Năm " + strconv.Itoa(y), Values: []int64{t.Revenue, t.Expenditure}}
		max = maxInt64(max, maxInt64(t.Revenue, t.Expenditure))
	}
	unit, format := chartUnit(max)
	chart := svgchart.Bars{
		ID:          "bieu-do-so-sanh",
		Title:       "Tổng thu, tổng chi theo năm (" + c.Basis + " " + lower(s.StageName) + "), " + unit,
		Desc:        "Biểu đồ thanh ngang, mỗi năm một nhóm gồm tổng thu và tổng chi. Số liệu ở bảng so sánh ngay dưới.",
		DescribedBy: "so-sanh-nam",
		Series: []svgchart.Series{{Name: "Tổng thu", Fill: svgchart.ActualFill},
			{Name: "Tổng chi", Fill: svgchart.OtherFill}},
		Groups: groups,
		Format: format,
	}
	c.Chart = template.HTML(chart.SVG())
	return c
}

// chartUnit picks the unit of a chart's labels: triệu đồng when the
// largest value reaches ten million (labels stay short on a phone), đồng
// otherwise. The tables always show whole đồng.
func chartUnit(max int64) (string, func(int64) string) {
	if max < 10_000_000 {
		return "đồng", vn.Number
	}
	return "triệu đồng", func(v int64) string { return vn.Number((v + 500_000) / 1_000_000) }
}

// lower writes a label's first letter in lower case, for use mid-sentence.
func lower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func maxInt64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// budgetRowLabel names a stored line in the history of changed rows:
// its code and name, "A.1 Thu thuế, phí, lệ phí".
func budgetRowLabel(row []byte) string {
	var l budget.Line
	if json.Unmarshal(row, &l) != nil {
		return ""
	}
	return l.Code + " " + l.Name
}

// budgetRowsHTML writes a side's lines as table rows: the name cell (a row
// header, indented by level: classes l0 to l4, deeper lines stay at 4;
// subtotals in bold), plan, and with actual figures the actual and the
// % executed. Text is escaped here as the template would escape it.
func budgetRowsHTML(entries []budget.Entry, withActual bool) template.HTML {
	var b strings.Builder
	b.Grow(len(entries) * 200)
	for _, e := range entries {
		b.WriteString(`<tr class="l`)
		b.WriteString(strconv.Itoa(min(e.Level, 4)))
		if e.Subtotal {
			b.WriteString(" sub")
		}
		b.WriteString(`"><th scope="row"><span class="name"><span class="code">`)
		b.WriteString(template.HTMLEscapeString(e.Code))
		b.WriteString(`</span> `)
		b.WriteString(template.HTMLEscapeString(e.Name))
		b.WriteString(`</span></th><td>`)
		b.WriteString(money(e.Plan))
		if withActual {
			b.WriteString(`</td><td>`)
			b.WriteString(money(e.Actual))
			b.WriteString(`</td><td>`)
			b.WriteString(budget.FormatPercent(e.Actual, e.Plan))
		}
		b.WriteString("</td></tr>\n")
	}
	return template.HTML(b.String())
}
