// Package budget holds a commune budget document's lines: revenue and
// expenditure, each with a code, a name, a parent for subtotals, and the
// planned and actual figures in integer đồng. It builds the tree, computes
// subtotals and totals, and checks an imported file row by row. Pure: no
// HTTP, no SQL.
//
// A line with children is a subtotal: its figures are the sums of its
// children's. A file may state a subtotal's figures (the officers' sheets
// usually do, "A. TỔNG THU" above its lines); stated figures are checked
// against the sums and a difference refuses the file, naming both numbers
// and the gap. A subtotal left blank is computed. The totals of each side
// are the sums of its top-level lines, so a file whose grand totals are
// lines of their own ("A", "B") has them checked the same way.
package budget

import "strconv"

// Side is revenue or expenditure, spelled as the officers' sheets spell it.
type Side string

const (
	Revenue     Side = "thu"
	Expenditure Side = "chi"
)

// Label is the side's name on pages.
func (s Side) Label() string {
	if s == Revenue {
		return "Thu"
	}
	return "Chi"
}

// Stages of a budget document: the disclosure kinds of the ngan-sach
// category (rules.DisclosureKinds), in the order of a fiscal year.
const (
	StageEstimate  = "du-toan"
	StageQuarter   = "thuc-hien-quy"
	StageHalf      = "thuc-hien-6-thang"
	StageNineMonth = "thuc-hien-9-thang"
	StageYear      = "thuc-hien-nam"
	StageAccounts  = "quyet-toan"
)

// Stages lists the stages in the order of a fiscal year.
var Stages = []string{StageEstimate, StageQuarter, StageHalf, StageNineMonth, StageYear, StageAccounts}

// HasActual reports whether documents of the stage carry actual figures:
// an estimate has only the plan.
func HasActual(stage string) bool { return stage != StageEstimate }

// Line is one line of a budget document, stored as one row of the
// disclosure (its Key is its code: the history matches lines by it).
// Plan and Actual are integer đồng; on a subtotal line they are the sums
// of its children.
type Line struct {
	Key    string `json:"key"`
	Side   Side   `json:"side"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Parent string `json:"parent,omitempty"`
	Plan   int64  `json:"plan"`
	Actual int64  `json:"actual"`
}

// Facts are a budget document's one-record fields: the fiscal year and,
// for a quarterly report, the quarter. The stage is the disclosure's kind.
type Facts struct {
	Year    int `json:"year"`
	Quarter int `json:"quarter,omitempty"`
}

// Valid years of a fiscal year: wide enough for scanned archives and plans.
const (
	MinYear = 1990
	MaxYear = 2100
)

// Check returns the facts' problems in Vietnamese, by form field ("nam",
// "quy"); nil when valid.
func (f Facts) Check(stage string) map[string]string {
	errs := map[string]string{}
	if f.Year < MinYear || f.Year > MaxYear {
		errs["nam"] = "Nhập năm ngân sách (từ " + strconv.Itoa(MinYear) + " đến " + strconv.Itoa(MaxYear) + ")."
	}
	switch {
	case stage == StageQuarter && (f.Quarter < 1 || f.Quarter > 4):
		errs["quy"] = "Báo cáo quý cần ghi quý (1 đến 4)."
	case stage != StageQuarter && f.Quarter != 0:
		errs["quy"] = "Chỉ báo cáo quý mới ghi quý."
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Percent is actual over plan in tenths of a per cent, rounded half up;
// ok is false when the plan is not positive (no percentage then).
func Percent(actual, plan int64) (tenths int64, ok bool) {
	if plan <= 0 {
		return 0, false
	}
	// Figures reach 10^13 đồng; ×1000 stays far below 2^63.
	return (actual*1000 + plan/2) / plan, true
}

// FormatPercent writes tenths of a per cent the Vietnamese way: "45,7 %";
// "" when there is no percentage.
func FormatPercent(actual, plan int64) string {
	t, ok := Percent(actual, plan)
	if !ok {
		return ""
	}
	return strconv.FormatInt(t/10, 10) + "," + strconv.FormatInt(t%10, 10) + " %"
}

// stageNames are the stages' names on pages.
var stageNames = map[string]string{
	StageEstimate:  "Dự toán",
	StageQuarter:   "Thực hiện quý",
	StageHalf:      "Thực hiện 6 tháng",
	StageNineMonth: "Thực hiện 9 tháng",
	StageYear:      "Thực hiện năm",
	StageAccounts:  "Quyết toán",
}

// StageName is the stage's short name ("Thực hiện 6 tháng"), "" for an
// unknown stage.
func StageName(stage string) string { return stageNames[stage] }

// Period names what a document covers: "Dự toán năm 2024", "Thực hiện
// quý III năm 2024", "Quyết toán năm 2023".
func Period(stage string, f Facts) string {
	year := " năm " + strconv.Itoa(f.Year)
	switch stage {
	case StageQuarter:
		return "Thực hiện quý " + roman(f.Quarter) + year
	case StageHalf:
		return "Thực hiện 6 tháng đầu" + year
	case StageNineMonth:
		return "Thực hiện 9 tháng" + year
	case "":
		return "Ngân sách" + year
	}
	return stageNames[stage] + year
}

// ActualLabel heads the actual figures of a stage's documents.
func ActualLabel(stage string) string {
	if stage == StageAccounts {
		return "Quyết toán"
	}
	return "Thực hiện"
}

// QuarterName writes a quarter in Roman numerals, as reports do: "III".
func QuarterName(q int) string { return roman(q) }

func roman(q int) string {
	if q >= 1 && q <= 4 {
		return [...]string{"I", "II", "III", "IV"}[q-1]
	}
	return strconv.Itoa(q)
}
