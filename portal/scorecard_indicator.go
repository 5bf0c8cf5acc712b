package portal

import (
	"html/template"
	"math"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
	"minhbach/portal/svgchart"
)

type indicatorPage struct {
	Base
	PV      *planView
	Row     plan.Row
	Sub     plan.Sub
	SubKey  string
	Line    lineView // judged for the plan's year
	Trend   []scorecard.Line
	Chart   template.HTML
	RowPath string
	Whole   string
	ByMonth bool // the trend is by month (else by the indicator's period)
	// More is how many items counted are public but not listed: the page
	// lists evidenceListed of them.
	More int
	JSON string // the scorecard's JSON, which lists every item
}

// evidenceListed bounds the items an indicator's page lists: a year of
// questions is thousands, too much for a phone on mobile data.
const evidenceListed = 100

// scorecardIndicator is /chi-so/{sub}/{slug}: one indicator, its trend
// through the plan's year as a chart and a table, its target, how it is
// computed and its evidence.
func (h *handler) scorecardIndicator(c *fiber.Ctx) error {
	pv, err := h.scorecardPlan(c)
	if err != nil {
		return err
	}
	if pv == nil {
		return errNotFound()
	}
	subKey := c.Params("sub")
	row, sub, in, ok := pv.Plan.Indicator(plan.IndicatorKey(subKey, c.Params("slug")))
	if !ok {
		return errNotFound()
	}
	year := scorecard.YearOf(pv.Plan.Year)
	src, err := h.scorecardSources(c.UserContext(), pv.D.ID, year)
	if err != nil {
		return err
	}
	now := today(h.now())
	line, err := scorecard.Judge(subKey, in, year, now, src)
	if err != nil {
		return err
	}
	p := &indicatorPage{Base: h.base(c, in.Name), PV: pv, Row: row, Sub: sub, SubKey: subKey,
		Line:    lineView{L: line, Path: c.Path(), Count: len(line.Evidence)}, // the evidence is listed below
		RowPath: withYear(scorecardRowPath(row.Number), pv.Asked), Whole: withYear(scorecardPath, pv.Asked),
		ByMonth: in.Kind != plan.Entered}
	if n := len(p.Line.L.Evidence); n > evidenceListed {
		p.More = n - evidenceListed
		p.Line.L.Evidence = p.Line.L.Evidence[:evidenceListed]
	}
	p.JSON = withYear(scorecardPath+".json", pv.Asked)
	p.Description = in.Name + ": giá trị theo từng kỳ năm " + itoa(int64(pv.Plan.Year)) + ", chỉ tiêu, cách tính và bằng chứng."
	if p.Trend, err = scorecard.Trend(subKey, in, year, now, src); err != nil {
		return err
	}
	p.Chart = template.HTML(trendChart(in, p.Trend))
	return h.render(c, "scorecard_indicator", p)
}

// trendChart draws the trend as bars, one per period; a period without a
// value has an empty bar labelled so. Values are drawn in tenths.
func trendChart(in plan.Indicator, trend []scorecard.Line) string {
	groups := make([]svgchart.Group, 0, len(trend))
	for _, l := range trend {
		v := int64(-1)
		if l.HasValue {
			v = int64(math.Round(l.Value * 10))
		}
		groups = append(groups, svgchart.Group{Label: l.Judged.Label(), Values: []int64{v}})
	}
	return svgchart.Bars{
		ID:          "bieu-do-xu-huong",
		Title:       in.Name + " theo từng kỳ",
		Desc:        "Biểu đồ thanh ngang: giá trị của chỉ số ở mỗi kỳ trong năm; kỳ chưa có số liệu để trống. Số liệu ở bảng ngay dưới.",
		DescribedBy: "bang-xu-huong",
		Series:      []svgchart.Series{{Name: in.Name, Fill: svgchart.ActualFill}},
		Groups:      groups,
		Format: func(v int64) string {
			if v < 0 {
				return "chưa có số liệu"
			}
			s := scorecard.Number(float64(v) / 10)
			if in.Unit != "" {
				s += " " + in.Unit
			}
			return s
		},
	}.SVG()
}
