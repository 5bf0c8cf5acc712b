package seeds

import (
	"html"
	"strings"
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
