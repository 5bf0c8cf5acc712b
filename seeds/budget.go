package seeds

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"minhbach/portal/budget"
	"minhbach/portal/vn"
	"minhbach/store"
)

// budgetDoc is a demo budget document's structured part: its stage (the
// disclosure kind), the date decided or the end of the period, the fiscal
// year, and its lines.
type budgetDoc struct {
	Stage   string
	Decided time.Time
	Year    int
	Revenue []budgetLine
	Spend   []budgetLine
	Works   []project // capital works under the first spending line
}

// set writes the document into an item's input: kind, decision date,
// facts and lines.
func (b budgetDoc) set(in *store.DisclosureInput) {
	in.Kind = b.Stage
	in.DecidedOn = b.Decided
	facts, err := json.Marshal(budget.Facts{Year: b.Year})
	if err != nil {
		panic(err)
	}
	in.Facts = facts
	in.Rows = b.rows()
}

// rows lays the lines out as an officer's sheet would: a total per side
// ("A", "B") stating its figures, the lines under it, the capital works
// under the first spending line. They go through the importer's check,
// so the demo's totals add up or the seed fails.
func (b budgetDoc) rows() []json.RawMessage {
	withActual := budget.HasActual(b.Stage)
	amount := func(v int64) string {
		if !withActual {
			return ""
		}
		return vn.Number(v)
	}
	var raws []budget.Raw
	add := func(side, code, name, parent string, plan, actual int64) {
		raws = append(raws, budget.Raw{N: len(raws) + 2, Side: side, Code: code, Name: name, Parent: parent,
			Plan: vn.Number(plan), Actual: amount(actual)})
	}
	section := func(side, code, name string, ls []budgetLine) {
		plan, actual := sumPlan(ls)
		add(side, code, name, "", plan, actual)
		for i, l := range ls {
			add(side, code+"."+strconv.Itoa(i+1), l.Name, code, l.Plan, l.Actual)
			if code == "B" && i == 0 {
				for j, w := range b.Works {
					add(side, fmt.Sprintf("B.1.%d", j+1), w.Name+" ("+w.Place+")", "B.1", w.Cost, 0)
				}
			}
		}
	}
	section("Thu", "A", "Tổng thu ngân sách xã", b.Revenue)
	section("Chi", "B", "Tổng chi ngân sách xã", b.Spend)
	lines, problems := budget.Check(raws, withActual)
	if problems != nil {
		panic(fmt.Sprintf("seeds: demo budget %s %d: %v", b.Stage, b.Year, problems))
	}
	out := make([]json.RawMessage, len(lines))
	for i, l := range lines {
		var err error
		if out[i], err = json.Marshal(l); err != nil {
			panic(err)
		}
	}
	return out
}
