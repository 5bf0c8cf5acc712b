package svgchart

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"minhbach/portal/vn"
)

// node is any element of the output, with its attributes and children.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) walk(fn func(node)) {
	fn(n)
	for _, c := range n.Children {
		c.walk(fn)
	}
}

func parse(t *testing.T, s string) node {
	t.Helper()
	// A strict decoder: every byte must be well-formed XML.
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	var root node
	if err := d.Decode(&root); err != nil {
		t.Fatalf("not XML: %v\n%s", err, s)
	}
	if _, err := d.Token(); err != io.EOF {
		t.Fatalf("content after the root element: %v", err)
	}
	return root
}

func TestBarsSVG(t *testing.T) {
	chart := Bars{
		ID:          "c1",
		Title:       "Thu & chi <2024>",
		Desc:        "Dự toán và thực hiện theo từng khoản, triệu đồng.",
		DescribedBy: "bang-thu",
		Series:      []Series{{"Dự toán", PlanFill, PlanStroke}, {"Thực hiện", ActualFill, ""}},
		Groups: []Group{
			{"Thu thuế, phí, lệ phí ngân sách xã được hưởng", []int64{1450, 812}},
			{"Thu bổ sung cân đối từ ngân sách cấp trên theo Nghị quyết của Hội đồng nhân dân tỉnh", []int64{7350, 3675}},
			{"Thu khác", []int64{0, -5}},
		},
		Format: vn.Number,
	}
	out := chart.SVG()
	root := parse(t, out)
	if root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("root = %v", root.XMLName)
	}
	for k, want := range map[string]string{"role": "img", "width": "100%", "aria-labelledby": "c1-t", "aria-describedby": "c1-d bang-thu"} {
		if got := root.attr(k); got != want {
			t.Errorf("svg %s = %q, want %q", k, got, want)
		}
	}
	if !strings.HasPrefix(root.attr("viewBox"), "0 0 320 ") {
		t.Errorf("viewBox = %q", root.attr("viewBox"))
	}
	var title, desc string
	var bars []node
	var texts []string
	root.walk(func(n node) {
		if n.attr("style") != "" {
			t.Errorf("<%s> has a style attribute: the CSP refuses it", n.XMLName.Local)
		}
		switch {
		case n.XMLName.Local == "title":
			title = n.Text
			if n.attr("id") != "c1-t" {
				t.Errorf("title id = %q", n.attr("id"))
			}
		case n.XMLName.Local == "desc":
			desc = n.Text
		case n.XMLName.Local == "rect" && n.attr("class") == "bar":
			bars = append(bars, n)
		case n.XMLName.Local == "text":
			texts = append(texts, n.Text)
		}
	})
	if title != chart.Title || desc != chart.Desc {
		t.Errorf("title %q, desc %q", title, desc)
	}
	if len(bars) != 6 {
		t.Fatalf("%d bars, want 6", len(bars))
	}
	// The longest label is "7.350" (5 characters): the largest bar takes
	// 320 - 2*2 - 4 - 5*7 = 277 units, the others their share of it.
	if BarMax(5) != 277 {
		t.Fatalf("BarMax(5) = %v", BarMax(5))
	}
	wantWidth := []float64{54.6, 30.6, 277, 138.5, 0, 0} // 1450/7350*277 = 54.65 → 54.6 (rounded from 54.646…)
	for i, b := range bars {
		w, err := strconv.ParseFloat(b.attr("width"), 64)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := strconv.ParseInt(b.attr("data-value"), 10, 64)
		if w != wantWidth[i] || w != Length(v, 7350, 277) {
			t.Errorf("bar %d (value %d): width %v, want %v", i, v, w, wantWidth[i])
		}
		if x, _ := strconv.ParseFloat(b.attr("x"), 64); x+w > 320 {
			t.Errorf("bar %d runs past the viewBox", i)
		}
	}
	if bars[0].attr("stroke") != PlanStroke || bars[1].attr("fill") != ActualFill {
		t.Errorf("series colours: %v / %v", bars[0].Attrs, bars[1].Attrs)
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"Dự toán", "Thực hiện", "1.450", "7.350", "3.675", "Thu khác"} {
		if !strings.Contains(all, want) {
			t.Errorf("no text %q in %q", want, all)
		}
	}
	// The long label is wrapped within the width (45 characters a line).
	for _, s := range texts {
		if n := len([]rune(s)); n > 45 {
			t.Errorf("text line of %d characters: %q", n, s)
		}
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"một hai ba", 7, "một hai|ba"},
		{"một hai ba", 20, "một hai ba"},
		{"abcdefghij", 4, "abcd|efgh|ij"},
		{"", 5, ""},
	}
	for _, c := range cases {
		if got := strings.Join(wrap(c.in, c.n), "|"); got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestEmptyChartIsValid(t *testing.T) {
	root := parse(t, Bars{ID: "x", Title: "Trống"}.SVG())
	if root.attr("role") != "img" {
		t.Error("no role")
	}
}
