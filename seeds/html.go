package seeds

import (
	"html"
	"strconv"
	"strings"

	"minhbach/portal/vn"
)

// Helpers that write the small, sanitised HTML of disclosure bodies: p, h2,
// ul/li and table (tr, th, td), with no attributes.

func esc(s string) string { return html.EscapeString(s) }

// p joins paragraphs of plain text.
func p(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		b.WriteString("<p>" + esc(t) + "</p>")
	}
	return b.String()
}

func h2(t string) string { return "<h2>" + esc(t) + "</h2>" }

func ul(items ...string) string {
	var b strings.Builder
	b.WriteString("<ul>")
	for _, it := range items {
		b.WriteString("<li>" + esc(it) + "</li>")
	}
	b.WriteString("</ul>")
	return b.String()
}

// tableHTML writes a table with a header row.
func tableHTML(header []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString("<table><tr>")
	for _, h := range header {
		b.WriteString("<th>" + esc(h) + "</th>")
	}
	b.WriteString("</tr>")
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			b.WriteString("<td>" + esc(c) + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table>")
	return b.String()
}

// percent writes a/b as a percentage with one decimal and a comma: 45,7.
func percent(a, b int64) string {
	if b == 0 {
		return "–"
	}
	tenths := (a*1000 + b/2) / b
	return strconv.FormatInt(tenths/10, 10) + "," + strconv.FormatInt(tenths%10, 10)
}

// million is n million đồng.
func million(n int64) int64 { return n * 1_000_000 }

// budgetLine is a line of revenue or expenditure, in đồng.
type budgetLine struct {
	Name   string
	Plan   int64
	Actual int64
}

func sumPlan(ls []budgetLine) (plan, actual int64) {
	for _, l := range ls {
		plan += l.Plan
		actual += l.Actual
	}
	return plan, actual
}

// budgetTable writes revenue and expenditure with totals. With actualLabel
// set, it adds the actual figures and the share of the plan they reach.
func budgetTable(revenue, spending []budgetLine, actualLabel string) string {
	header := []string{"STT", "Nội dung", "Dự toán (đồng)"}
	if actualLabel != "" {
		header = append(header, actualLabel+" (đồng)", "So với dự toán (%)")
	}
	var rows [][]string
	section := func(roman, title string, ls []budgetLine) {
		plan, actual := sumPlan(ls)
		row := []string{roman, title, vn.Number(plan)}
		if actualLabel != "" {
			row = append(row, vn.Number(actual), percent(actual, plan))
		}
		rows = append(rows, row)
		for i, l := range ls {
			row := []string{strconv.Itoa(i + 1), l.Name, vn.Number(l.Plan)}
			if actualLabel != "" {
				row = append(row, vn.Number(l.Actual), percent(l.Actual, l.Plan))
			}
			rows = append(rows, row)
		}
	}
	section("A", "TỔNG THU NGÂN SÁCH XÃ", revenue)
	section("B", "TỔNG CHI NGÂN SÁCH XÃ", spending)
	return tableHTML(header, rows)
}
