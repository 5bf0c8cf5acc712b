// Package svgchart draws horizontal bar charts as inline SVG for pages
// rendered on the server: no JavaScript, no style attributes (the portal's
// Content-Security-Policy allows no inline style; colours are SVG
// presentation attributes), and a width that follows the page down to a
// 360 px phone through the viewBox. Pure: no HTTP, no SQL.
//
// A chart is an image (role="img") named by its <title>, summed up by its
// <desc>, and described by the data table beside it (aria-describedby),
// which is the real text alternative: a screen reader user reads the
// figures there, with their subtotals.
package svgchart

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Layout in user units of the viewBox. At 360 px the chart is drawn at
// about 0.9 scale, so 13-unit text reads as 12 px.
const (
	Width      = 320.0
	pad        = 2.0
	fontSize   = 13.0
	lineHeight = 16.0
	barHeight  = 14.0
	barGap     = 3.0
	groupGap   = 12.0
	charWidth  = 7.0 // a generous average advance of 13-unit sans-serif
	valueGap   = 4.0

	labelChars = 45 // (Width - 2*pad) / charWidth, rounded down
)

// Colours with at least 3:1 contrast against white for the bars (WCAG
// 1.4.11) and 4.5:1 for the text; the two series differ in lightness and
// in outline as well as hue, so they stay apart in grey print.
const (
	Ink        = "#1d2522"
	PlanFill   = "#b9ccd6"
	PlanStroke = "#3f5666"
	ActualFill = "#0b5d4b"
	OtherFill  = "#8a5a00"
)

// Series is one kind of bar, drawn in every group.
type Series struct {
	Name   string
	Fill   string
	Stroke string // "" for none
}

// Group is one row of the chart: its label and one value per series.
// Negative values are drawn as empty bars.
type Group struct {
	Label  string
	Values []int64
}

// Bars is a horizontal bar chart: groups one under another, each with one
// bar per series, scaled to the largest value of the chart.
type Bars struct {
	ID          string // unique on the page; prefixes the ids inside
	Title       string
	Desc        string
	DescribedBy string // id of the table holding the figures, if any
	Series      []Series
	Groups      []Group
	Format      func(int64) string // a value's label at the end of its bar
}

// SVG writes the chart as an <svg> element, valid XML.
func (b Bars) SVG() string {
	format := b.Format
	if format == nil {
		format = func(v int64) string { return strconv.FormatInt(v, 10) }
	}
	var max int64
	valueChars := 0
	for _, g := range b.Groups {
		for _, v := range g.Values {
			if v > max {
				max = v
			}
			valueChars = maxInt(valueChars, utf8.RuneCountInString(format(v)))
		}
	}
	barMax := BarMax(valueChars)

	var body strings.Builder
	y := pad
	// The legend: a swatch and a name per series, on as many lines as needed.
	x := pad
	for _, s := range b.Series {
		w := 16 + float64(utf8.RuneCountInString(s.Name))*charWidth
		if x > pad && x+w > Width {
			x = pad
			y += lineHeight
		}
		rect(&body, "swatch", x, y+2, 12, 12, s, "")
		text(&body, x+16, y+lineHeight-3, "", s.Name)
		x += w + 12
	}
	y += lineHeight + groupGap/2

	for _, g := range b.Groups {
		for _, line := range wrap(g.Label, labelChars) {
			y += lineHeight
			text(&body, pad, y-3, "label", line)
		}
		y += barGap
		for i, s := range b.Series {
			var v int64
			if i < len(g.Values) {
				v = g.Values[i]
			}
			w := Length(v, max, barMax)
			rect(&body, "bar", pad, y, w, barHeight, s, strconv.FormatInt(v, 10))
			text(&body, pad+w+valueGap, y+barHeight-3, "value", format(v))
			y += barHeight + barGap
		}
		y += groupGap
	}
	height := y

	var out strings.Builder
	out.Grow(body.Len() + 512)
	out.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="100%" viewBox="0 0 `)
	out.WriteString(num(Width) + " " + num(height) + `" font-family="system-ui, sans-serif" font-size="` + num(fontSize) + `"`)
	out.WriteString(` aria-labelledby="` + attr(b.ID+"-t") + `" aria-describedby="` + attr(strings.TrimSpace(b.ID+"-d "+b.DescribedBy)) + `">`)
	out.WriteString(`<title id="` + attr(b.ID+"-t") + `">` + escape(b.Title) + `</title>`)
	out.WriteString(`<desc id="` + attr(b.ID+"-d") + `">` + escape(b.Desc) + `</desc>`)
	out.WriteString(body.String())
	out.WriteString(`</svg>`)
	return out.String()
}

// BarMax is the length of the longest bar when the longest value label
// has valueChars characters: what is left of the width after the label.
func BarMax(valueChars int) float64 {
	return Width - 2*pad - valueGap - float64(valueChars)*charWidth
}

// Length is a bar's length for value v when the largest value max is
// drawn barMax long, to a tenth of a unit.
func Length(v, max int64, barMax float64) float64 {
	if v <= 0 || max <= 0 {
		return 0
	}
	return round1(float64(v) / float64(max) * barMax)
}

func rect(b *strings.Builder, class string, x, y, w, h float64, s Series, value string) {
	b.WriteString(`<rect class="` + class + `" x="` + num(x) + `" y="` + num(y) + `" width="` + num(w) + `" height="` + num(h) + `" fill="` + attr(s.Fill) + `"`)
	if s.Stroke != "" {
		b.WriteString(` stroke="` + attr(s.Stroke) + `" stroke-width="1"`)
	}
	if value != "" {
		b.WriteString(` data-value="` + value + `"`)
	}
	b.WriteString(`/>`)
}

func text(b *strings.Builder, x, y float64, class, s string) {
	b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" fill="` + Ink + `"`)
	if class != "" {
		b.WriteString(` class="` + class + `"`)
	}
	b.WriteString(`>` + escape(s) + `</text>`)
}

// wrap breaks a label into lines of at most n characters at spaces; a
// word longer than a line is cut.
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		for utf8.RuneCountInString(w) > n {
			r := []rune(w)
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			lines = append(lines, string(r[:n]))
			w = string(r[n:])
		}
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func attr(s string) string { return escape(s) }

func num(f float64) string { return strconv.FormatFloat(round1(f), 'f', -1, 64) }

func round1(f float64) float64 {
	return float64(int64(f*10+0.5)) / 10
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
