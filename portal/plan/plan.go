// Package plan holds the commune's yearly PAPI plan as data: the rows of its
// appendix table (the plan numbers them 1–9), their sub-components (a–d) and
// the tasks, expected results, units and time frames of each.
//
// The package is pure: it knows nothing of the database or of HTTP.
package plan

import (
	"strconv"
	"strings"
)

// Plan is one year's plan document.
type Plan struct {
	Year      int
	Title     string // as printed under "KẾ HOẠCH"
	Reference string // number and date, e.g. "06/KH-UBND ngày 19/01/2023"
	Rows      []Row
}

// PAPI dimensions (Provincial Governance and Public Administration
// Performance Index, UNDP and partners). A plan row serves at most one.
const (
	D1Participation  = "D1" // participation at local levels
	D2Transparency   = "D2" // transparency in local decision-making
	D3Accountability = "D3" // vertical accountability towards citizens
	D4Corruption     = "D4" // control of corruption in the public sector
	D5Procedures     = "D5" // public administrative procedures
	D6Services       = "D6" // public service delivery
	D7Environment    = "D7" // environmental governance
	D8EGovernance    = "D8" // e-governance
)

// Dimension is one of PAPI's eight dimensions.
type Dimension struct {
	Code string // D1…D8
	Name string // PAPI's Vietnamese name
}

// Dimensions lists PAPI's dimensions in PAPI's order, with the names of the
// Vietnamese PAPI reports.
var Dimensions = []Dimension{
	{D1Participation, "Tham gia của người dân ở cấp cơ sở"},
	{D2Transparency, "Công khai, minh bạch trong việc ra quyết định"},
	{D3Accountability, "Trách nhiệm giải trình với người dân"},
	{D4Corruption, "Kiểm soát tham nhũng trong khu vực công"},
	{D5Procedures, "Thủ tục hành chính công"},
	{D6Services, "Cung ứng dịch vụ công"},
	{D7Environment, "Quản trị môi trường"},
	{D8EGovernance, "Quản trị điện tử"},
}

// Row is one numbered row of the plan's appendix.
type Row struct {
	Number        int    // 1–9, the plan's own numbering
	Area          string // "Chỉ số nội dung", as written
	PAPIDimension string // D1…D8, or "" when the row serves none
	Subs          []Sub
}

// Sub is one sub-component (a, b, c, d) of a row.
//
// Lead, Partners and TimeFrame hold one line per distinct value when the plan
// gives a sub-component several (its cells split over separate table rows);
// Note then says which line goes with which tasks.
type Sub struct {
	Letter    string // "a".."d"
	Name      string // "Nội dung thành phần" without its "a) " prefix
	Tasks     []string
	Results   []string
	Lead      string
	Partners  string
	TimeFrame string
	Note      string // the transcriber's note: typos that matter, odd cells
	// Indicators measure the sub-component's progress; they are the
	// commune's reading of the plan, not part of its text.
	Indicators []Indicator
}

// Kinds of indicator.
const (
	// Computed: the portal computes it from what it records, by the
	// portal/indicators function its Function names.
	Computed = "computed"
	// Entered: an officer enters the figure for each period, with an
	// evidence file, for figures that live in other systems.
	Entered = "entered"
	// Documented: the disclosures an officer links prove that a task was
	// done; the value is how many of them were published in the period.
	Documented = "documented"
)

// Periods an indicator is judged for.
const (
	Month   = "month"
	Quarter = "quarter"
	Year    = "year"
)

// Target sources: who set the number.
const (
	SourcePlan    = "ke-hoach" // the plan's own figure
	SourceCommune = "xa"       // a target the commune set (the plan leaves it to others)
	SourceLaw     = "luat"     // what the law requires
)

// Indicator is one measure of a sub-component's progress.
type Indicator struct {
	Slug     string  `json:"slug"` // stable within its sub-component: values are stored by it
	Name     string  `json:"name"`
	Kind     string  `json:"kind"`               // Computed, Entered or Documented
	Function string  `json:"function,omitempty"` // Computed: an indicators.Catalog key
	Unit     string  `json:"unit"`               // "%", "ngày", "hộ", "văn bản"…
	Period   string  `json:"period"`             // Month, Quarter or Year
	Target   *Target `json:"target,omitempty"`   // nil: no target, a state of its own
	// Min and Max bound an entered value (a share: 0 and 100); nil: no
	// bound on that side.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
	// Evidence: an entered value needs an evidence file.
	Evidence bool `json:"evidence,omitempty"`
	// Method says how the figure is measured, in Vietnamese. Computed
	// indicators take their function's method instead.
	Method string `json:"method,omitempty"`
}

// Target is what an indicator should reach and who set it.
type Target struct {
	Value     float64 `json:"value"`
	Direction string  `json:"direction"` // ">", ">=", "<=" or "="
	Source    string  `json:"source"`    // SourcePlan, SourceCommune or SourceLaw
	Note      string  `json:"note,omitempty"`
}

// SubKey names a sub-component within its plan: row number and letter,
// "1a", "6c".
func SubKey(row int, letter string) string { return strconv.Itoa(row) + letter }

// IndicatorKey names an indicator within its plan: "4b/tra-loi-dung-han".
func IndicatorKey(subKey, slug string) string { return subKey + "/" + slug }

// SplitIndicatorKey is the inverse of IndicatorKey.
func SplitIndicatorKey(key string) (subKey, slug string, ok bool) {
	return strings.Cut(key, "/")
}
