package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
)

func init() {
	pageNames = append(pageNames, "scorecard", "scorecard_indicator", "scorecard_report")
}

// evidenceShown is how many items a line lists on the whole scorecard;
// the indicator's own page lists them all.
const evidenceShown = 5

// lineView is one indicator line with its address.
type lineView struct {
	L     scorecard.Line
	Path  string
	Max   int // evidence links listed
	Count int // public items counted, listed or not
}

type subView struct {
	Key   string
	Sub   plan.Sub
	Lines []lineView
}

type rowView struct {
	Row       plan.Row
	Dimension string
	Path      string
	Subs      []subView
}

// rowViews wraps a card's rows for the templates.
func rowViews(card scorecard.Card, year int) []rowView {
	var out []rowView
	for _, r := range card.Rows {
		rv := rowView{Row: r.Row, Dimension: r.Dimension, Path: withYear(scorecardRowPath(r.Number), year)}
		for _, s := range r.Subs {
			sv := subView{Key: s.Key, Sub: s.Sub}
			for _, l := range s.Lines {
				sv.Lines = append(sv.Lines, lineView{L: l, Path: withYear(scorecardIndicatorPath(l.Key), year), Max: evidenceShown, Count: len(l.Evidence)})
			}
			rv.Subs = append(rv.Subs, sv)
		}
		out = append(out, rv)
	}
	return out
}

type yearLink struct {
	Year    int
	URL     string
	Current bool
}

type scorecardPage struct {
	Base
	PV     *planView // nil: no plan published
	Card   scorecard.Card
	Rows   []rowView
	Years  []yearLink
	One    bool // one row only
	Year   int  // the year asked for, 0 for the default
	CSV    string
	JSON   string
	Report string
	XLSX   string
	QA     string
	Whole  string // the whole plan's scorecard
}

// PlanPath is the plan's own item page.
func (p *scorecardPage) PlanPath() string { return itemPath(p.PV.D.ID) }

// scorecardIndex is /chi-so: the plan in force (or ?nam=YYYY), every row
// with each indicator's state, value, target and evidence.
func (h *handler) scorecardIndex(c *fiber.Ctx) error { return h.scorecardShow(c, 0) }

// scorecardRow is /chi-so/{n}: one plan row.
func (h *handler) scorecardRow(c *fiber.Ctx) error {
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 1 {
		return errNotFound()
	}
	return h.scorecardShow(c, n)
}

func (h *handler) scorecardShow(c *fiber.Ctx, row int) error {
	ctx := c.UserContext()
	pv, err := h.scorecardPlan(c)
	if err != nil {
		return err
	}
	p := &scorecardPage{Base: h.base(c, "Chỉ số thực hiện kế hoạch"), PV: pv, QA: responseStatsPath, Whole: scorecardPath}
	p.Description = "Kết quả thực hiện kế hoạch nâng cao chỉ số PAPI của xã: từng chỉ số với giá trị, chỉ tiêu, kỳ đánh giá và bằng chứng."
	if pv == nil {
		if row != 0 {
			return errNotFound()
		}
		return h.render(c, "scorecard", p)
	}
	p.Year = pv.Asked
	p.Card, err = h.buildScorecard(ctx, pv, scorecard.YearOf(pv.Plan.Year))
	if err != nil {
		return err
	}
	if row != 0 {
		var kept []scorecard.Row
		for _, r := range p.Card.Rows {
			if r.Number == row {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 {
			return errNotFound()
		}
		p.Card.Rows, p.One = kept, true
		p.Title = "Chỉ số – nội dung " + strconv.Itoa(row)
		p.Whole = withYear(scorecardPath, p.Year)
	}
	p.Rows = rowViews(p.Card, p.Year)
	years, err := h.planYears(ctx)
	if err != nil {
		return err
	}
	for _, y := range years {
		p.Years = append(p.Years, yearLink{y, scorecardPath + "?" + paramYear + "=" + strconv.Itoa(y), y == pv.Plan.Year})
	}
	p.CSV = withYear(scorecardPath+".csv", p.Year)
	p.JSON = withYear(scorecardPath+".json", p.Year)
	ky := "?" + paramPeriod + "=" + strconv.Itoa(pv.Plan.Year)
	p.Report, p.XLSX = scorecardReportPath+ky, scorecardReportPath+".xlsx"+ky
	return h.render(c, "scorecard", p)
}
