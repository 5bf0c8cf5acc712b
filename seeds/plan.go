package seeds

import (
	_ "embed"
	"html"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// plan2023 is the text of Kế hoạch số 06/KH-UBND ngày 19/01/2023 of UBND xã
// Trung Trắc on improving PAPI, as received: markdown-like lines for the body
// and tab-separated rows (cells holding small HTML fragments) for the
// appendix table of tasks.
//
//go:embed plan2023.txt
var plan2023 string

// PlanText returns the embedded text of the 2023 PAPI plan.
func PlanText() string { return plan2023 }

// planTitle names the plan document.
const planTitle = "Kế hoạch số 06/KH-UBND ngày 19/01/2023 nâng cao hiệu quả quản trị và hành chính công (PAPI) xã Trung Trắc năm 2023"

// planColumnWidths fit the appendix's eight columns on landscape A4
// (27.7 cm of text width = 15704 twentieths of a point).
var planColumnWidths = []int{600, 1500, 1800, 4700, 2700, 1400, 1700, 1304}

// PlanDOCX renders the plan as a Word document: the body on portrait pages,
// the appendix table on landscape pages.
func PlanDOCX() ([]byte, error) {
	return buildDOCX(planDoc())
}

func planDoc() docxDoc {
	d := docxDoc{
		Title:     planTitle,
		Created:   time.Date(2023, 1, 19, 8, 0, 0, 0, vnZone),
		Landscape: true,
	}
	var tbl *table
	flush := func() {
		if tbl != nil {
			d.Blocks = append(d.Blocks, *tbl)
			tbl = nil
		}
	}
	broke, signature := false, false
	for _, line := range strings.Split(strings.ReplaceAll(plan2023, "\r\n", "\n"), "\n") {
		if strings.Contains(line, "\t") {
			cells := strings.Split(line, "\t")
			if strings.TrimSpace(cells[0]) == "TT" { // a header repeated on every printed page
				if tbl == nil {
					tbl = &table{Widths: planColumnWidths, Header: trimAll(cells), Small: true}
				}
				continue
			}
			if tbl == nil {
				tbl = &table{Widths: planColumnWidths, Small: true}
			}
			row := make([]cell, len(cells))
			for i, c := range cells {
				row[i] = htmlCell(c)
			}
			tbl.Rows = append(tbl.Rows, row)
			continue
		}
		text := strings.TrimRight(line, " ")
		if strings.TrimSpace(text) == "" {
			continue // blank lines separate paragraphs, and table pages
		}
		flush()
		p := markdownPara(text)
		// The signature block, from "TM. ỦY BAN NHÂN DÂN" to the signer's
		// name, sits on the right in bold.
		plain := strings.TrimSpace(runsText(p.Runs))
		signature = signature && !p.Heading || strings.HasPrefix(plain, "TM.")
		if signature {
			p = para{Runs: []run{{Text: plain, Bold: true}}, Right: true}
		}
		if !broke && isAppendixStart(p) {
			// The appendix starts a landscape section.
			d.Blocks = append(d.Blocks, sectionBreak{})
			broke = true
		}
		d.Blocks = append(d.Blocks, p)
	}
	flush()
	if !broke {
		d.Landscape = false
	}
	return d
}

func isAppendixStart(p para) bool {
	return len(p.Runs) > 0 && strings.HasPrefix(strings.TrimSpace(p.Runs[0].Text), "Phụ lục")
}

func trimAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

var (
	headingMarks = regexp.MustCompile(`^#{1,6}\s+`)
	romanHeading = regexp.MustCompile(`^(?:[IVX]+|\d+)\.`)
)

// markdownPara turns one line of the plan into a paragraph: "#" headings
// and lines wholly in **…** are bold; *…* is italic. Title lines (wholly
// bold or italic, not numbered) are centred.
func markdownPara(line string) para {
	heading := false
	if m := headingMarks.FindString(line); m != "" {
		heading = true
		line = line[len(m):]
	}
	line = strings.TrimSpace(line)
	runs := inlineRuns(line)
	allBold, allItalic := true, true
	for _, r := range runs {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		allBold = allBold && r.Bold
		allItalic = allItalic && r.Italic
	}
	plain := strings.TrimSpace(runsText(runs))
	p := para{Runs: runs}
	if heading || allBold {
		p.Heading = true
	}
	if (allBold && !heading || allItalic) && !romanHeading.MatchString(plain) && plain != "" {
		p.Center = true
	}
	if strings.HasPrefix(plain, "Trung Trắc, ngày") {
		p.Right = true
		p.Runs = []run{{Text: plain, Italic: true}}
	}
	return p
}

func runsText(rs []run) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// inlineRuns splits **bold** and *italic* spans. Unmatched markers stay text.
func inlineRuns(s string) []run {
	var out []run
	bold, italic := false, false
	var cur strings.Builder
	emit := func() {
		if cur.Len() > 0 {
			out = append(out, run{Text: cur.String(), Bold: bold, Italic: italic})
			cur.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "**") && (bold || strings.Contains(s[i+2:], "**")):
			emit()
			bold = !bold
			i += 2
		case s[i] == '*' && (italic || strings.Contains(s[i+1:], "*")):
			emit()
			italic = !italic
			i++
		default:
			cur.WriteByte(s[i])
			i++
		}
	}
	emit()
	return out
}

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z]+)[^>]*>`)

// htmlCell turns a cell's HTML fragment into paragraphs: every <p> and <li>
// is a paragraph, <b>/<strong> is bold, other tags are dropped and entities
// decoded. A list item gets a dash unless its text already starts with one
// or with a number.
func htmlCell(frag string) cell {
	var out cell
	var runs []run
	bold, inItem := false, false
	var text strings.Builder
	addText := func() {
		if text.Len() > 0 {
			runs = append(runs, run{Text: html.UnescapeString(text.String()), Bold: bold})
			text.Reset()
		}
	}
	endPara := func() {
		addText()
		runs = tidyRuns(runs)
		if len(runs) > 0 {
			if inItem && !startsAsItem(runs[0].Text) {
				runs = append([]run{{Text: "- ", Bold: runs[0].Bold}}, runs...)
			}
			out = append(out, para{Runs: runs})
		}
		runs = nil
	}
	pos := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(frag, -1) {
		text.WriteString(frag[pos:m[0]])
		pos = m[1]
		closing := frag[m[2]:m[3]] == "/"
		switch strings.ToLower(frag[m[4]:m[5]]) {
		case "b", "strong":
			addText()
			bold = !closing
		case "li":
			endPara()
			inItem = !closing
		case "p", "ul", "ol", "div", "br":
			endPara()
		}
	}
	text.WriteString(frag[pos:])
	endPara()
	return out
}

// tidyRuns collapses white space inside runs and trims the paragraph's ends.
func tidyRuns(rs []run) []run {
	var out []run
	for _, r := range rs {
		t := strings.Join(strings.Fields(r.Text), " ")
		if t == "" {
			if r.Text == "" {
				continue
			}
			t = " "
		} else {
			if strings.TrimLeftFunc(r.Text, unicode.IsSpace) != r.Text {
				t = " " + t
			}
			if strings.TrimRightFunc(r.Text, unicode.IsSpace) != r.Text {
				t += " "
			}
		}
		r.Text = t
		out = append(out, r)
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeftFunc(out[0].Text, unicode.IsSpace)
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for n := len(out); n > 0; n = len(out) {
		out[n-1].Text = strings.TrimRightFunc(out[n-1].Text, unicode.IsSpace)
		if out[n-1].Text != "" {
			break
		}
		out = out[:n-1]
	}
	return out
}

func startsAsItem(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	r := []rune(s)[0]
	return r == '-' || r == '–' || r == '•' || r == '+' || unicode.IsDigit(r)
}
