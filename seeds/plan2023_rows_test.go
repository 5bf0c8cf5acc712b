package seeds

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"minhbach/portal/plan"
)

var (
	planTagRE  = regexp.MustCompile(`<[^>]*>`)
	planMarkRE = regexp.MustCompile(`\*+`) // markdown bold and italic
)

// normPlan reduces text to what a reader sees: no tags or markdown marks,
// entities decoded, NFC, white space collapsed to single spaces.
func normPlan(s string) string {
	s = planTagRE.ReplaceAllString(s, " ")
	s = planMarkRE.ReplaceAllString(s, " ")
	s = norm.NFC.String(html.UnescapeString(s))
	return strings.Join(strings.Fields(s), " ")
}

// pageBreaks are the places where a page break splits one cell of the
// plan's table into two table rows; the transcription joins them with a
// space. Each is the last words before the break and the first after it.
var pageBreaks = [][2]string{
	{"hợp đồng làm việc, thay", "đổi chức danh"},
	{"100% công chức làm việc tại Bộ", "Một cửa được tập huấn"},
}

// planPieces splits a transcribed field into the pieces that must each
// occur in the plan: one per line, and each line cut at a page break.
func planPieces(field string) []string {
	var out []string
	for _, line := range strings.Split(field, "\n") {
		line = normPlan(line)
		for _, br := range pageBreaks {
			if i := strings.Index(line, br[0]+" "+br[1]); i >= 0 {
				cut := i + len(br[0])
				out = append(out, line[:cut])
				line = strings.TrimSpace(line[cut:])
			}
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

type planField struct{ where, text string }

// planFields lists every non-empty field of the transcription, named for
// error messages.
func planFields(p plan.Plan) []planField {
	var out []planField
	add := func(where, text string) {
		if strings.TrimSpace(text) != "" {
			out = append(out, planField{where, text})
		}
	}
	for _, r := range p.Rows {
		add(fmt.Sprintf("row %d area", r.Number), r.Area)
		for _, s := range r.Subs {
			at := fmt.Sprintf("row %d%s", r.Number, s.Letter)
			add(at+" name", s.Name)
			for i, t := range s.Tasks {
				add(fmt.Sprintf("%s task %d", at, i+1), t)
			}
			for i, t := range s.Results {
				add(fmt.Sprintf("%s result %d", at, i+1), t)
			}
			add(at+" lead", s.Lead)
			add(at+" partners", s.Partners)
			add(at+" time frame", s.TimeFrame)
		}
	}
	return out
}

// planTable returns the appendix table's rows as normalised text, with the
// header repeated on each printed page left out.
func planTable() string {
	var b strings.Builder
	for _, line := range strings.Split(PlanText(), "\n") {
		if !strings.Contains(line, "\t") || strings.HasPrefix(line, "TT\t") {
			continue
		}
		b.WriteString(line)
		b.WriteString("\n")
	}
	return normPlan(b.String())
}

// TestPlan2023FieldsOccurInPlan catches a transcription slip: every field
// typed into Plan2023 must occur, as written, in the plan's own text.
func TestPlan2023FieldsOccurInPlan(t *testing.T) {
	p := Plan2023()
	text := normPlan(PlanText())
	table := planTable()
	for _, f := range append(planFields(p), planField{"title", p.Title}, planField{"reference", p.Reference}) {
		in := table
		if f.where == "title" || f.where == "reference" {
			in = text
		}
		for _, piece := range planPieces(f.text) {
			if !strings.Contains(in, piece) {
				t.Errorf("%s: %q does not occur in the plan", f.where, piece)
			}
		}
	}
}

// TestPlan2023CoversTable is the converse: once every transcribed field is
// cut out of the appendix table, only list markers, row numbers and
// sub-component letters may remain, so no task or cell was left out.
func TestPlan2023CoversTable(t *testing.T) {
	rest := planTable()
	var pieces []string
	for _, f := range planFields(Plan2023()) {
		pieces = append(pieces, planPieces(f.text)...)
	}
	// Longest first, so that a short cell ("UBND xã") cannot eat into a
	// longer field that contains it.
	// Row 8's second table row repeats a)'s units with a capital "Các" and
	// no final stop; the transcription keeps them once (see its note).
	pieces = append(pieces, "Công chức Địa chính xã; Các ban ngành đoàn thể xã")
	sort.SliceStable(pieces, func(i, j int) bool { return len(pieces[i]) > len(pieces[j]) })
	for _, piece := range pieces {
		rest = strings.ReplaceAll(rest, piece, " | ")
	}
	allowed := map[string]bool{"|": true, "-": true, "a)": true, "b)": true, "c)": true, "d)": true}
	for n := 1; n <= 9; n++ {
		allowed[fmt.Sprint(n)] = true
	}
	var left []string
	for _, w := range strings.Fields(rest) {
		if !allowed[w] {
			left = append(left, w)
		}
	}
	if len(left) > 0 {
		t.Errorf("the transcription leaves out of the plan's table: %q", strings.Join(left, " "))
	}
}

func TestPlan2023Shape(t *testing.T) {
	p := Plan2023()
	if p.Year != 2023 {
		t.Errorf("year = %d", p.Year)
	}
	if len(p.Rows) != 9 {
		t.Fatalf("%d rows, want 9", len(p.Rows))
	}
	dims := map[string]int{}
	for i, r := range p.Rows {
		if r.Number != i+1 {
			t.Errorf("row %d is numbered %d", i+1, r.Number)
		}
		switch {
		case r.Number == 2 && r.PAPIDimension != "":
			t.Errorf("row 2 maps to %s, want no PAPI dimension", r.PAPIDimension)
		case r.Number != 2 && !slices.ContainsFunc(plan.Dimensions, func(d plan.Dimension) bool { return d.Code == r.PAPIDimension }):
			t.Errorf("row %d has PAPI dimension %q", r.Number, r.PAPIDimension)
		}
		if r.PAPIDimension != "" {
			dims[r.PAPIDimension]++
			// The plan names its rows after PAPI's dimensions, so the
			// mapping can be checked against the name.
			i := slices.IndexFunc(plan.Dimensions, func(d plan.Dimension) bool { return d.Code == r.PAPIDimension })
			if i >= 0 && !strings.HasPrefix(plan.Dimensions[i].Name, r.Area) {
				t.Errorf("row %d %q maps to %s %q", r.Number, r.Area, r.PAPIDimension, plan.Dimensions[i].Name)
			}
		}
		if len(r.Subs) == 0 {
			t.Errorf("row %d has no sub-component", r.Number)
		}
		for j, s := range r.Subs {
			at := fmt.Sprintf("row %d%s", r.Number, s.Letter)
			if want := string(rune('a' + j)); s.Letter != want {
				t.Errorf("row %d sub %d has letter %q, want %q", r.Number, j+1, s.Letter, want)
			}
			if s.Name == "" || strings.HasPrefix(s.Name, s.Letter+")") {
				t.Errorf("%s: name %q", at, s.Name)
			}
			if len(s.Tasks)+len(s.Results) == 0 {
				t.Errorf("%s has neither task nor result", at)
			}
			if s.Lead == "" {
				t.Errorf("%s has no lead unit", at)
			}
			for _, e := range slices.Concat(s.Tasks, s.Results) {
				if strings.TrimSpace(e) != e || e == "" || strings.HasPrefix(e, "-") {
					t.Errorf("%s: entry %q keeps a list marker or blank", at, e)
				}
			}
			multi := strings.Contains(s.Lead+s.Partners+s.TimeFrame, "\n")
			if multi && s.Note == "" {
				t.Errorf("%s gives several units or time frames without a note saying which is which", at)
			}
		}
	}
	for d, n := range dims {
		if n > 1 {
			t.Errorf("%s is served by %d rows", d, n)
		}
	}
}

// TestPlan2023IsACopy: editing the returned plan, as an admin copying a
// year does, changes neither the seed nor another sub-component.
func TestPlan2023IsACopy(t *testing.T) {
	p := Plan2023()
	p.Rows[5].Subs[0].Tasks[0] = "đã sửa"
	p.Rows[0].Subs[0].Results[0] = "đã sửa"
	if p.Rows[5].Subs[1].Tasks[0] == "đã sửa" {
		t.Error("row 6 a) and b) share one slice of tasks")
	}
	q := Plan2023()
	if q.Rows[5].Subs[0].Tasks[0] == "đã sửa" || q.Rows[0].Subs[0].Results[0] == "đã sửa" {
		t.Error("editing a returned plan changed the seed")
	}
}
