package seeds

import (
	"context"
	"fmt"
	"strings"
	"time"

	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
	"minhbach/store"
)

// The demo's plan evidence: figures officers entered for the entered
// indicators of the 2026 plan, month by month up to the last month ended
// when the demo is loaded, each with its evidence file, and a few
// disclosures linked to documented indicators. The figures are
// fictional; they are chosen so that the scorecard shows every state: met
// (files on time), not met (satisfaction in the third quarter), no data
// (the last month of apologies is missing, so the officers' reminder list
// has it), not due (the yearly figures) and no target (waste sorting).

// demoFilesOnTime is the share of files resolved on time, by month of
// 2026; May was first entered as 93.1 and then corrected.
var demoFilesOnTime = []float64{96.4, 97.1, 95.8, 98.0, 96.2, 97.5, 96.9, 98.3, 97.7, 96.6, 97.2, 98.1}

// demoSatisfaction is the procedures satisfaction survey, by quarter.
var demoSatisfaction = []float64{92.5, 91.0, 88.4, 93.0}

// demoWasteHouseholds is the households sorting organic waste, by quarter.
var demoWasteHouseholds = []float64{1240, 1315, 1402, 1466}

// demoLinks are the documented indicators each plan year links to the
// first public disclosure of a category published in that year.
var demoLinks = []struct {
	year      int
	indicator string
	category  string
}{
	{2023, "3d/van-ban", "dat-dai-quy-hoach"},
	{2023, "1b/van-ban", "du-thao-lay-y-kien"},
	{2026, "3d/van-ban", "boi-thuong-tai-dinh-cu"},
}

// evidencePDF is a one-page A4 PDF of an entered figure. The standard PDF
// fonts cannot show Vietnamese, so the lines are ASCII; the indicator's
// name and period are on the scorecard beside the link.
func evidencePDF(lines ...string) []byte {
	var c strings.Builder
	for i, l := range lines {
		size := 11
		if i == 0 {
			size = 14
		}
		fmt.Fprintf(&c, "BT /F1 %d Tf 60 %d Td (%s) Tj ET\n", size, 780-24*i, l)
	}
	stream := c.String()
	return pdfFile([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	})
}

// loadPlanEvidence enters the demo's figures and links; plans maps a plan
// year to its disclosure id.
func loadPlanEvidence(ctx context.Context, st *store.Store, setNow func(time.Time), plans map[int]int64,
	items []item, ids []int64, officer int64, res *Result) error {
	if v, err := st.Version(ctx); err != nil || v < store.IndicatorSchema {
		return err // an older schema, in an upgrade test
	}
	now := time.Now()
	planID := plans[2026]
	enter := func(key, kind string, start time.Time, value float64, note string, replaces int64, file []byte) (int64, error) {
		at := enteredAt(kind, start)
		if !at.Before(now) {
			return 0, nil
		}
		setNow(at)
		att, err := st.SaveAttachment(ctx, fmt.Sprintf("minh-chung-%s-%s.pdf",
			strings.ReplaceAll(key, "/", "-"), start.Format("2006-01")), mimePDF, file, officer)
		if err != nil {
			return 0, err
		}
		id, err := st.AddIndicatorValue(ctx, store.IndicatorValueInput{PlanID: planID, Indicator: key,
			PeriodKind: kind, PeriodStart: start, Value: value, AttachmentID: att.ID, Note: note,
			Replaces: replaces, UserID: officer})
		if err == nil {
			res.IndicatorValues++
		}
		return id, err
	}
	for m := range 12 {
		start := time.Date(2026, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
		v := demoFilesOnTime[m]
		first := v
		if m == 4 {
			first = 93.1
		}
		id, err := enter("6c/ho-so-dung-han", plan.Month, start, first, "", 0,
			evidencePDF("TTHC - thang "+start.Format("01/2006"), fmt.Sprintf("Dung va truoc han: %.1f %%", first)))
		if err != nil {
			return err
		}
		if m == 4 && id != 0 {
			if _, err := enter("6c/ho-so-dung-han", plan.Month, start, v,
				"Báo cáo tháng 5 của hệ thống bị thiếu 14 hồ sơ liên thông; nhập lại theo báo cáo bổ sung.", id,
				evidencePDF("TTHC - thang 05/2026 (bo sung)", fmt.Sprintf("Dung va truoc han: %.1f %%", v))); err != nil {
				return err
			}
		}
		// The apologies of the last month entered are not entered yet.
		if enteredAt(plan.Month, start.AddDate(0, 1, 0)).Before(now) {
			if _, err := enter("6c/ho-so-tre-xin-loi", plan.Month, start, 100, "", 0,
				evidencePDF("TTHC tre han - thang "+start.Format("01/2006"), "Co phieu xin loi: 100 %")); err != nil {
				return err
			}
		}
	}
	for q := range 4 {
		start := time.Date(2026, time.Month(3*q+1), 1, 0, 0, 0, 0, time.UTC)
		if _, err := enter("6c/hai-long-tthc", plan.Quarter, start, demoSatisfaction[q], "", 0,
			evidencePDF(fmt.Sprintf("Khao sat hai long TTHC - quy %d/2026", q+1), fmt.Sprintf("Hai long: %.1f %%", demoSatisfaction[q]))); err != nil {
			return err
		}
		if _, err := enter("8a/ho-phan-loai-rac", plan.Quarter, start, demoWasteHouseholds[q], "", 0,
			evidencePDF(fmt.Sprintf("Phan loai rac tai ho - quy %d/2026", q+1), fmt.Sprintf("So ho: %.0f", demoWasteHouseholds[q]))); err != nil {
			return err
		}
	}
	for _, l := range demoLinks {
		pid := plans[l.year]
		for i, it := range items {
			if pid == 0 || ids[i] == 0 || it.Category != l.category || it.Published.Year() != l.year || !it.Published.Before(now) {
				continue
			}
			setNow(it.Published.Add(time.Hour))
			if err := st.LinkIndicator(ctx, pid, l.indicator, ids[i], officer); err != nil {
				return err
			}
			res.IndicatorLinks++
			break
		}
	}
	return nil
}

// enteredAt is when the demo's officer enters the figure of a period: early
// the next period.
func enteredAt(kind string, start time.Time) time.Time {
	return scorecard.PeriodOf(kind, start).End.AddDate(0, 0, 5).Add(2 * time.Hour)
}
