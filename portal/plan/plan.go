// Package plan holds the commune's yearly PAPI plan as data: the rows of its
// appendix table (the plan numbers them 1–9), their sub-components (a–d) and
// the tasks, expected results, units and time frames of each.
//
// The package is pure: it knows nothing of the database or of HTTP.
package plan

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
}
