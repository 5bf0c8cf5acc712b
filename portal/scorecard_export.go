package portal

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"mime"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
	"minhbach/store"
)

// scoreExport is one indicator as the exports carry it.
type scoreExport struct {
	Key        string           `json:"key"`
	Row        int              `json:"row"`
	Area       string           `json:"area"`
	Dimension  string           `json:"papi_dimension,omitempty"`
	SubKey     string           `json:"sub_key"`
	SubName    string           `json:"sub_name"`
	Tasks      []string         `json:"tasks"`
	Name       string           `json:"name"`
	Kind       string           `json:"kind"`
	KindLabel  string           `json:"kind_label"`
	Unit       string           `json:"unit"`
	Target     *plan.Target     `json:"target"`
	TargetText string           `json:"target_text"`
	Source     string           `json:"target_source"`
	Value      *float64         `json:"value"`
	ValueText  string           `json:"value_text"`
	State      string           `json:"state"`
	Period     string           `json:"period"`
	PeriodKey  string           `json:"period_key"`
	Evidence   []scorecard.Link `json:"evidence"`
	Hidden     int              `json:"hidden_items"`
	URL        string           `json:"url"`
}

// scoreExports flattens a card for the exports; links are made absolute
// with base.
func scoreExports(card scorecard.Card, base string) []scoreExport {
	var out []scoreExport
	for _, r := range card.Rows {
		for _, s := range r.Subs {
			for _, l := range s.Lines {
				e := scoreExport{Key: l.Key, Row: r.Number, Area: r.Area, Dimension: r.Dimension, SubKey: s.Key,
					SubName: s.Name, Tasks: s.Tasks, Name: l.Name, Kind: l.Kind, KindLabel: l.KindLabel(), Unit: l.Unit,
					Target: l.Target, TargetText: l.TargetText(), Source: l.SourceText(), ValueText: l.ValueText(),
					State: l.StateLabel(), Period: l.Judged.Label(), PeriodKey: l.Judged.Key(), Hidden: l.Hidden,
					URL: base + scorecardIndicatorPath(l.Key), Evidence: []scorecard.Link{}}
				if e.Tasks == nil {
					e.Tasks = []string{}
				}
				if l.HasValue {
					v := l.Value
					e.Value = &v
				}
				if l.File != nil {
					e.Evidence = append(e.Evidence, scorecard.Link{Label: l.File.Label, URL: base + l.File.URL})
				}
				for _, x := range l.Evidence {
					e.Evidence = append(e.Evidence, scorecard.Link{Label: x.Label, URL: base + x.URL})
				}
				out = append(out, e)
			}
		}
	}
	return out
}

// evidenceInCell bounds the links in one cell of the CSV and the workbook
// (a spreadsheet cell holds 32,767 characters at most); the JSON lists
// them all.
const evidenceInCell = 100

// cells is the line as a spreadsheet row, in scoreExportHeader's order.
func (e scoreExport) cells() []string {
	var links []string
	for i, l := range e.Evidence {
		if i == evidenceInCell {
			links = append(links, "và "+strconv.Itoa(len(e.Evidence)-i)+" mục công khai khác (xem tệp JSON)")
			break
		}
		links = append(links, l.URL)
	}
	ev := strings.Join(links, "\n")
	if e.Hidden > 0 {
		ev = strings.TrimSpace(ev + "\n" + strconv.Itoa(e.Hidden) + " mục không công khai")
	}
	return []string{strconv.Itoa(e.Row) + ". " + e.Area, e.SubKey + " – " + e.SubName, strings.Join(e.Tasks, "\n"),
		e.Name, e.KindLabel, e.TargetText, e.Source, e.ValueText, e.State, e.Period, ev}
}

// scoreExportHeader names the columns of the CSV and of the report's sheet.
var scoreExportHeader = []string{"Nội dung", "Nội dung thành phần", "Nhiệm vụ", "Chỉ số", "Loại", "Chỉ tiêu",
	"Nguồn chỉ tiêu", "Giá trị", "Tình trạng", "Kỳ đánh giá", "Bằng chứng"}

// scorecardExport is /chi-so.csv and /chi-so.json: the plan in force (or
// ?nam=) judged for its year.
func (h *handler) scorecardExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	pv, err := h.scorecardPlan(c)
	if err != nil {
		return err
	}
	if pv == nil {
		return errNotFound()
	}
	card, err := h.buildScorecard(c.UserContext(), pv, scorecard.YearOf(pv.Plan.Year))
	if err != nil {
		return err
	}
	base := h.baseURL(c)
	lines := scoreExports(card, base)
	var buf bytes.Buffer
	if format == "json" {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
		counts := map[string]int{}
		for _, n := range card.Counts {
			counts[n.Label()] = n.N
		}
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", " ")
		if err := enc.Encode(struct {
			Plan       string         `json:"plan"`
			Reference  string         `json:"reference"`
			Year       int            `json:"year"`
			PlanURL    string         `json:"plan_url"`
			Period     string         `json:"period"`
			AsOf       string         `json:"as_of"`
			Counts     map[string]int `json:"counts"`
			Indicators []scoreExport  `json:"indicators"`
		}{pv.Plan.Title, pv.Plan.Reference, pv.Plan.Year, base + itemPath(pv.D.ID), card.Period.Key(),
			isoDate(card.Today), counts, lines}); err != nil {
			return err
		}
	} else {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		buf.WriteString("\uFEFF")
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		w.Write(scoreExportHeader)
		for _, e := range lines {
			row := e.cells()
			for i := range row {
				row[i] = csvSafe(row[i])
			}
			w.Write(row)
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
	}
	name := "chi-so-" + strconv.Itoa(pv.Plan.Year) + "." + format
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Response().SetBody(buf.Bytes())
	return nil
}

// reportPeriod reads ?ky=; a missing or malformed one is a 400 that says
// what to write.
func reportPeriod(c *fiber.Ctx) (scorecard.Period, error) {
	p, err := scorecard.ParsePeriod(c.Query(paramPeriod))
	if err != nil {
		msg := "Kỳ báo cáo (tham số ky) không hợp lệ. Hãy ghi năm (ky=2026), quý (ky=2026-q2) hoặc tháng (ky=2026-05)."
		if errors.Is(err, scorecard.ErrPeriod) && c.Query(paramPeriod) == "" {
			msg = "Hãy chọn kỳ báo cáo: năm (ky=2026), quý (ky=2026-q2) hoặc tháng (ky=2026-05)."
		}
		return p, &httpError{status: fiber.StatusBadRequest, message: msg}
	}
	return p, nil
}

// reportData is the report of the plan's execution for a period: the plan
// of the period's year, judged for the period.
type reportData struct {
	PV       *planView
	Card     scorecard.Card
	Lines    []scoreExport
	Preparer string
}

func (h *handler) reportData(c *fiber.Ctx) (*reportData, error) {
	period, err := reportPeriod(c)
	if err != nil {
		return nil, err
	}
	ctx := c.UserContext()
	d, p, ok, err := h.planInForce(ctx, period.Year())
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &httpError{status: fiber.StatusNotFound, message: "Xã chưa công khai kế hoạch năm " + strconv.Itoa(period.Year()) + " trên cổng."}
	}
	pv := &planView{D: d, Plan: p, Asked: period.Year()}
	card, err := h.buildScorecard(ctx, pv, period)
	if err != nil {
		return nil, err
	}
	r := &reportData{PV: pv, Card: card, Lines: scoreExports(card, ""), Preparer: "Cổng Minh Bạch"}
	if u, ok := c.Locals(localUser).(*store.User); ok && u != nil {
		r.Preparer = u.Name
		if u.Title != "" {
			r.Preparer += ", " + u.Title
		}
	}
	return r, nil
}

type reportPage struct {
	Base
	*reportData
	Commune   string
	XLSX      string
	Scorecard string
}

// scorecardReport is /chi-so/bao-cao?ky=…: the printable A4 report of the
// plan's execution for a period.
func (h *handler) scorecardReport(c *fiber.Ctx) error {
	r, err := h.reportData(c)
	if err != nil {
		return err
	}
	p := &reportPage{Base: h.base(c, "Báo cáo thực hiện kế hoạch "+r.Card.Period.Label()), reportData: r,
		XLSX:      scorecardReportPath + ".xlsx?" + paramPeriod + "=" + r.Card.Period.Key(),
		Scorecard: withYear(scorecardPath, r.PV.Plan.Year)}
	p.Commune = p.Settings.CommuneName
	p.NoIndex = true
	return h.render(c, "scorecard_report", p)
}

// scorecardXLSX is /chi-so/bao-cao.xlsx?ky=…: the same report as a
// workbook: a cover sheet, then a row per indicator.
func (h *handler) scorecardXLSX(c *fiber.Ctx) error {
	r, err := h.reportData(c)
	if err != nil {
		return err
	}
	settings := h.settings(c)
	f := excelize.NewFile()
	defer f.Close()
	const cover, table = "Bìa", "Chỉ số"
	if err := f.SetSheetName("Sheet1", cover); err != nil {
		return err
	}
	rows := [][]string{
		{"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH"},
		{r.PV.Plan.Title},
		{"Đơn vị báo cáo", "Ủy ban nhân dân " + settings.CommuneName},
		{"Kỳ báo cáo", r.Card.Period.Label()},
		{"Ngày lập", fmtDate(r.Card.Today)},
		{"Người lập", r.Preparer},
		{"Số hiệu kế hoạch", r.PV.Plan.Reference},
	}
	for _, n := range r.Card.Counts {
		rows = append(rows, []string{"Chỉ số " + n.Label(), strconv.Itoa(n.N)})
	}
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(cover, cell, v); err != nil {
				return err
			}
		}
	}
	if _, err := f.NewSheet(table); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(table)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", anyCells(scoreExportHeader)); err != nil {
		return err
	}
	base := h.baseURL(c)
	for i, e := range r.Lines {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := e.cells()
		// Absolute links in the workbook (the last column): it leaves the
		// portal.
		row[len(row)-1] = absoluteLinks(row[len(row)-1], base)
		if err := sw.SetRow(cell, anyCells(row)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment",
		map[string]string{"filename": "bao-cao-chi-so-" + r.Card.Period.Key() + ".xlsx"}))
	c.Response().SetBody(buf.Bytes())
	return nil
}

func anyCells(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// absoluteLinks prefixes every path-absolute line of s with base.
func absoluteLinks(s, base string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "/") {
			lines[i] = base + l
		}
	}
	return strings.Join(lines, "\n")
}
