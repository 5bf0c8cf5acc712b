package seeds

import (
	"html"
	"strconv"
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

// household is a row of a household list. People are fictional.
type household struct {
	Head    string
	Village string
	Kind    string // nghèo, cận nghèo, thoát nghèo, thoát cận nghèo
	Members int
}

func householdTable(hs []household) string {
	rows := make([][]string, len(hs))
	for i, h := range hs {
		rows[i] = []string{strconv.Itoa(i + 1), h.Head, h.Village, "Hộ " + h.Kind, strconv.Itoa(h.Members)}
	}
	return tableHTML([]string{"STT", "Họ và tên chủ hộ", "Thôn", "Phân loại", "Số nhân khẩu"}, rows)
}

// villageCounts counts households of each kind per village, in the order of
// Villages, skipping villages with none.
func villageCounts(hs []household, kinds ...string) string {
	var rows [][]string
	totals := make([]int, len(kinds))
	for _, v := range Villages {
		row := []string{v}
		has := false
		for k, kind := range kinds {
			n := 0
			for _, h := range hs {
				if h.Village == v && h.Kind == kind {
					n++
				}
			}
			totals[k] += n
			has = has || n > 0
			row = append(row, strconv.Itoa(n))
		}
		if has {
			rows = append(rows, row)
		}
	}
	total := []string{"Toàn xã"}
	header := []string{"Thôn"}
	for k, kind := range kinds {
		total = append(total, strconv.Itoa(totals[k]))
		header = append(header, "Hộ "+kind)
	}
	return tableHTML(header, append(rows, total))
}

func countKind(hs []household, kind string) int {
	n := 0
	for _, h := range hs {
		if h.Kind == kind {
			n++
		}
	}
	return n
}
