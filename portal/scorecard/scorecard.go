// Package scorecard judges a plan's indicators for a period: each one's
// state against its target, its value, the period it is judged for and
// the evidence behind it. It is pure: the portal hands it the values the
// store and the computed indicators give, and renders what it returns.
//
// Its one rule above the others: no state is shown without the evidence
// behind it. A value that would be judged met or not met but has nothing
// to show for it (no public item, no hidden count, no evidence file, no
// linked document) is not judged: it reads as "no data".
package scorecard

import (
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
)

// Link is one piece of evidence anyone may open.
type Link struct {
	Label string `json:"label"`
	URL   string `json:"url"`
}

// Entered is an officer's value in force for one period
// (store.IndicatorValue), with its evidence file.
type Entered struct {
	Indicator  string // plan.IndicatorKey
	PeriodKind string
	Start      time.Time
	Value      float64
	File       *Link  // nil: no file
	By         string // who entered it, as the public sees officers (title, unit)
	At         time.Time
	Corrected  bool // it replaced an earlier value
	Note       string
}

// Doc is a disclosure linked to a documented indicator.
type Doc struct {
	Indicator string
	Link
	Public    bool      // anyone may open it
	Published time.Time // first publication, civil date; zero for a draft
}

// Sources are what the store holds for a plan.
type Sources struct {
	// Computed is a computed indicator's value for a period, with the
	// public items counted as links.
	Computed func(function string, p indicators.Period) (indicators.Value, []Link, error)
	Values   []Entered // values in force
	Docs     []Doc     // linked disclosures
}

// Line is one indicator as the scorecard shows it.
type Line struct {
	Key, SubKey, Slug string
	Name, Kind, Unit  string
	Function          string // computed: the catalogue key
	Method            string
	State             indicators.State
	HasValue          bool
	Value             float64
	Num, Den          int
	Target            *plan.Target
	Judged            Period // the period the state is for
	Evidence          []Link
	Hidden            int    // items counted that are not public
	File              *Link  // entered: the evidence file
	Entry             *Entry // entered: who entered the value, when
}

// Entry is the record of an entered value.
type Entry struct {
	By        string
	At        time.Time
	Corrected bool
	Note      string
}

// Sub is one sub-component with its lines.
type Sub struct {
	Key string
	plan.Sub
	Lines []Line
}

// Row is one plan row.
type Row struct {
	plan.Row
	Dimension string // PAPI's name of the row's dimension; "" for none
	Subs      []Sub
}

// Card is a plan's scorecard for a period.
type Card struct {
	Plan   plan.Plan
	Period Period
	Today  time.Time
	Rows   []Row
	Counts []Count
}

// Count is how many lines are in one state.
type Count struct {
	State indicators.State
	N     int
}

// States lists the states in the order the summary shows them.
var States = []indicators.State{indicators.Met, indicators.NotMet, indicators.NoData, indicators.NotDue, indicators.NoTarget}

// Build judges every indicator of p for period on day today.
func Build(p plan.Plan, period Period, today time.Time, src Sources) (Card, error) {
	c := Card{Plan: p, Period: period, Today: today}
	n := map[indicators.State]int{}
	for _, r := range p.Rows {
		row := Row{Row: r, Dimension: DimensionName(r.PAPIDimension)}
		for _, s := range r.Subs {
			sub := Sub{Key: plan.SubKey(r.Number, s.Letter), Sub: s}
			for _, in := range s.Indicators {
				l, err := Judge(sub.Key, in, period, today, src)
				if err != nil {
					return Card{}, err
				}
				n[l.State]++
				sub.Lines = append(sub.Lines, l)
			}
			row.Subs = append(row.Subs, sub)
		}
		c.Rows = append(c.Rows, row)
	}
	for _, s := range States {
		c.Counts = append(c.Counts, Count{s, n[s]})
	}
	return c, nil
}

// Lines lists every line of the card, in the plan's order.
func (c Card) Lines() []Line {
	var out []Line
	for _, r := range c.Rows {
		for _, s := range r.Subs {
			out = append(out, s.Lines...)
		}
	}
	return out
}

// DimensionName is PAPI's name of a dimension code.
func DimensionName(code string) string {
	for _, d := range plan.Dimensions {
		if d.Code == code {
			return d.Name
		}
	}
	return ""
}

// target is the indicators' form of a plan target; the zero Target (no
// direction) when there is none.
func target(in plan.Indicator) indicators.Target {
	if in.Target == nil {
		return indicators.Target{}
	}
	return indicators.Target{Value: in.Target.Value, Direction: in.Target.Direction, Unit: in.Unit, Source: in.Target.Source}
}

// Judge is one indicator's line for period.
func Judge(subKey string, in plan.Indicator, period Period, today time.Time, src Sources) (Line, error) {
	l := Line{Key: plan.IndicatorKey(subKey, in.Slug), SubKey: subKey, Slug: in.Slug, Name: in.Name, Kind: in.Kind,
		Unit: in.Unit, Function: in.Function, Method: in.Method, Target: in.Target, Judged: period}
	var v indicators.Value
	switch in.Kind {
	case plan.Computed:
		if def, ok := indicators.Lookup(in.Function); ok && l.Method == "" {
			l.Method = def.Method
		}
		var links []Link
		var err error
		if src.Computed != nil {
			v, links, err = src.Computed(in.Function, period.Span())
			if err != nil {
				return Line{}, err
			}
		} else {
			v.NoData = true
		}
		l.Evidence, l.Hidden = links, v.Hidden
	case plan.Entered:
		v = l.entered(in, period, today, src.Values)
	case plan.Documented:
		for _, d := range src.Docs {
			if d.Indicator == l.Key && d.Public && period.Span().Contains(d.Published) {
				l.Evidence = append(l.Evidence, d.Link)
			}
		}
		v.Num, v.Den, v.Value = len(l.Evidence), len(l.Evidence), float64(len(l.Evidence))
		v.NoData = len(l.Evidence) == 0
	default:
		v.NoData = true
	}
	if !v.NoData && !l.hasEvidence(in) {
		// Nothing to show for it: not judged (see the package comment).
		v = indicators.Value{NoData: true}
	}
	l.HasValue, l.Value, l.Num, l.Den = !v.NoData, v.Value, v.Num, v.Den
	l.State = indicators.Evaluate(target(in), v, l.Judged.Span(), today)
	return l, nil
}

// entered picks the value in force for the latest period of the
// indicator's kind within period: the latest that has a value or has
// ended, so that a month under way without a figure yet does not hide
// the last month's. The line's Judged becomes that period.
func (l *Line) entered(in plan.Indicator, period Period, today time.Time, values []Entered) indicators.Value {
	var cands []Period
	for _, x := range periodsIn(in.Period, period) {
		if !x.Start.After(today) {
			cands = append(cands, x)
		}
	}
	if len(cands) == 0 {
		l.Judged = periodsIn(in.Period, period)[0]
		return indicators.Value{NoData: true}
	}
	find := func(x Period) *Entered {
		for i := range values {
			e := &values[i]
			if e.Indicator == l.Key && e.PeriodKind == x.Kind && e.Start.Equal(x.Start) {
				return e
			}
		}
		return nil
	}
	l.Judged = cands[len(cands)-1]
	for i := len(cands) - 1; i >= 0; i-- {
		x := cands[i]
		e := find(x)
		if e == nil && !x.Ended(today) && i > 0 {
			continue
		}
		l.Judged = x
		if e == nil {
			return indicators.Value{NoData: true}
		}
		l.File = e.File
		l.Entry = &Entry{By: e.By, At: e.At, Corrected: e.Corrected, Note: e.Note}
		return indicators.Value{Value: e.Value, Num: 1, Den: 1}
	}
	return indicators.Value{NoData: true}
}

// hasEvidence reports whether the line has something to show for its
// value: public items or a count of hidden ones, a linked document, an
// evidence file, or (for an entered figure that needs no file) the record
// of who entered it.
func (l Line) hasEvidence(in plan.Indicator) bool {
	switch {
	case len(l.Evidence) > 0 || l.Hidden > 0 || l.File != nil:
		return true
	case l.Kind == plan.Entered && l.Entry != nil && !in.Evidence:
		return true
	}
	return false
}

// Trend judges one indicator period by period over period p: by month
// for computed and documented indicators, by the indicator's own period
// for entered ones (a quarterly figure has four points a year).
func Trend(subKey string, in plan.Indicator, p Period, today time.Time, src Sources) ([]Line, error) {
	periods := p.Months()
	if in.Kind == plan.Entered {
		periods = periodsIn(in.Period, p)
	}
	out := make([]Line, 0, len(periods))
	for _, x := range periods {
		l, err := Judge(subKey, in, x, today, src)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}
