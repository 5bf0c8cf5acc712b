package portal

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/budget"
	"minhbach/portal/svgchart"
	"minhbach/store"
)

// budgetCategory is the category of budget documents.
const budgetCategory = "ngan-sach"

// budgetItem is a public budget document with its facts read.
type budgetItem struct {
	D     store.Disclosure
	Stage string
	Facts budget.Facts
}

// rank orders a year's documents: later stages first, a later quarter
// before an earlier one.
func (b budgetItem) rank() int {
	return slices.Index(budget.Stages, b.Stage)*10 + b.Facts.Quarter
}

// budgetFacts reads an item's budget facts; ok is false for an item
// without them (published before budgets were structured, or not filled).
func budgetFacts(d store.Disclosure) (budget.Facts, bool) {
	var f budget.Facts
	if len(d.Facts) == 0 || json.Unmarshal(d.Facts, &f) != nil || f.Year == 0 {
		return budget.Facts{}, false
	}
	return f, true
}

// publicBudgetItems lists every public budget document, newest change
// first, split into those with facts and the others.
func (h *handler) publicBudgetItems(ctx context.Context) (items []budgetItem, other []store.Disclosure, err error) {
	f := store.DisclosureFilter{Public: true, Category: budgetCategory, Limit: 500}
	for {
		page, err := h.store.Disclosures(ctx, f)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range page {
			if facts, ok := budgetFacts(d); ok && d.Kind != "" {
				items = append(items, budgetItem{D: d, Stage: d.Kind, Facts: facts})
			} else {
				other = append(other, d)
			}
		}
		if len(page) < f.Limit {
			return items, other, nil
		}
		f.Older = store.CursorOf(page[len(page)-1])
	}
}

// budgetDocument reads the lines of an item's public version.
func (h *handler) budgetDocument(ctx context.Context, rowsVersion int64) (budget.Document, error) {
	if rowsVersion == 0 {
		return budget.Document{}, nil
	}
	rows, err := h.store.VersionRows(ctx, rowsVersion)
	if err != nil {
		return budget.Document{}, err
	}
	return budgetDocumentOf(rows)
}

func budgetDocumentOf(rows []json.RawMessage) (budget.Document, error) {
	// One array decoded at once: decoding row by row cost a third more
	// (each call checks and sets up again).
	n := 2
	for _, r := range rows {
		n += len(r) + 1
	}
	buf := make([]byte, 0, n)
	buf = append(buf, '[')
	for i, r := range rows {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, r...)
	}
	buf = append(buf, ']')
	lines := make([]budget.Line, 0, len(rows))
	if err := json.Unmarshal(buf, &lines); err != nil {
		return budget.Document{}, fmt.Errorf("budget lines: %w", err)
	}
	return budget.Build(lines)
}

type budgetOverviewPage struct {
	Base
	Stages []budgetStageColumn
	Years  []budgetGridYear
	Other  []store.Disclosure // budget items without structured figures
	Latest *budgetLatest
}

type budgetStageColumn struct{ Slug, Name string }

type budgetGridYear struct {
	Year  int
	Cells [][]budgetGridLink // one per column of Stages
}

type budgetGridLink struct {
	ID        int64
	Label     string
	Withdrawn bool
}

// budgetLatest is the newest year's most advanced document, in figures.
type budgetLatest struct {
	D         store.Disclosure
	Period    string
	HasActual bool
	Actual    string // the actual figures' label
	Rows      []budgetLatestRow
	Chart     template.HTML
}

type budgetLatestRow struct {
	Label, Plan, Actual, Percent string
}

// budgetOverview is /ngan-sach: every budget document by year and stage,
// and the latest year's figures as a chart with its table.
func (h *handler) budgetOverview(c *fiber.Ctx) error {
	items, other, err := h.publicBudgetItems(c.UserContext())
	if err != nil {
		return err
	}
	p := &budgetOverviewPage{Base: h.base(c, "Ngân sách xã"), Other: other}
	p.Description = "Dự toán, tình hình thực hiện và quyết toán ngân sách xã theo từng năm: bảng số liệu, biểu đồ, tải về CSV và JSON."
	if cat, ok := store.CategoryBySlug(budgetCategory); ok {
		p.Feeds = categoryFeeds(cat)
	}
	used := map[string]bool{}
	byYear := map[int][]budgetItem{}
	for _, it := range items {
		used[it.Stage] = true
		byYear[it.Facts.Year] = append(byYear[it.Facts.Year], it)
	}
	for _, s := range budget.Stages {
		if used[s] {
			p.Stages = append(p.Stages, budgetStageColumn{s, budget.StageName(s)})
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	for _, y := range years {
		row := budgetGridYear{Year: y, Cells: make([][]budgetGridLink, len(p.Stages))}
		docs := byYear[y]
		sort.SliceStable(docs, func(i, j int) bool { return docs[i].rank() < docs[j].rank() })
		for _, it := range docs {
			col := slices.IndexFunc(p.Stages, func(s budgetStageColumn) bool { return s.Slug == it.Stage })
			label := budget.StageName(it.Stage) + " " + strconv.Itoa(y)
			if it.Stage == budget.StageQuarter {
				label = "Quý " + budget.QuarterName(it.Facts.Quarter) + "/" + strconv.Itoa(y)
			}
			row.Cells[col] = append(row.Cells[col], budgetGridLink{it.D.ID, label, it.D.IsWithdrawn()})
		}
		p.Years = append(p.Years, row)
	}
	if len(years) > 0 {
		docs := byYear[years[0]]
		for i := len(docs) - 1; i >= 0; i-- {
			if !docs[i].D.IsWithdrawn() {
				if p.Latest, err = h.budgetLatest(c.UserContext(), docs[i]); err != nil {
					return err
				}
				break
			}
		}
	}
	return h.render(c, "budget_overview", p)
}

// budgetLatest charts one document's totals, plan against actual.
func (h *handler) budgetLatest(ctx context.Context, it budgetItem) (*budgetLatest, error) {
	doc, err := h.budgetDocument(ctx, it.D.RowsVersion)
	if err != nil {
		return nil, err
	}
	if doc.Len() == 0 {
		return nil, nil
	}
	l := &budgetLatest{D: it.D, Period: budget.Period(it.Stage, it.Facts), HasActual: budget.HasActual(it.Stage),
		Actual: budget.ActualLabel(it.Stage)}
	series := []svgchart.Series{{Name: "Dự toán", Fill: svgchart.PlanFill, Stroke: svgchart.PlanStroke}}
	if l.HasActual {
		series = append(series, svgchart.Series{Name: l.Actual, Fill: svgchart.ActualFill})
	}
	var groups []svgchart.Group
	var max int64
	for _, part := range doc.Parts() {
		label := "Tổng thu"
		if part.Side == budget.Expenditure {
			label = "Tổng chi"
		}
		l.Rows = append(l.Rows, budgetLatestRow{label, money(part.Plan), money(part.Actual), budget.FormatPercent(part.Actual, part.Plan)})
		g := svgchart.Group{Label: label, Values: []int64{part.Plan}}
		if l.HasActual {
			g.Values = append(g.Values, part.Actual)
		}
		groups = append(groups, g)
		max = maxInt64(max, maxInt64(part.Plan, part.Actual))
	}
	unit, format := chartUnit(max)
	desc := "Biểu đồ thanh ngang: dự toán tổng thu, tổng chi. Số liệu ở bảng ngay dưới."
	if l.HasActual {
		desc = "Biểu đồ thanh ngang so sánh dự toán với số " + lower(l.Actual) + " của tổng thu, tổng chi. Số liệu ở bảng ngay dưới."
	}
	l.Chart = template.HTML(svgchart.Bars{
		ID:          "bieu-do-moi-nhat",
		Title:       l.Period + ": tổng thu, tổng chi, " + unit,
		Desc:        desc,
		DescribedBy: "ngan-sach-moi-nhat",
		Series:      series,
		Groups:      groups,
		Format:      format,
	}.SVG())
	return l, nil
}
