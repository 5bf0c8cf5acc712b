package rules

import "time"

// DisclosureKind is a kind of disclosure with a legal clock of its own: a
// budget estimate is due sooner than a land-use plan and stays posted
// differently. Slugs are stored; the empty slug is a category's general
// kind.
type DisclosureKind struct {
	Category string
	Slug     string
	Name     string
	// Period: the decision date is the end of the period reported
	// (execution reports), so the form asks for that instead.
	Period bool
}

// ID names the kind across categories: "ngan-sach/du-toan"; a category's
// general kind is "thong-bao/".
func (k DisclosureKind) ID() string { return k.Category + "/" + k.Slug }

// KindID is the ID of a category's kind slug.
func KindID(category, slug string) string { return category + "/" + slug }

// GeneralKind is the ID of the rule every kind falls back to.
const GeneralKind = "*/"

var disclosureKinds = []DisclosureKind{
	{Category: "ngan-sach", Slug: "du-toan", Name: "Dự toán ngân sách được HĐND xã quyết định"},
	{Category: "ngan-sach", Slug: "thuc-hien-quy", Name: "Tình hình thực hiện dự toán quý", Period: true},
	{Category: "ngan-sach", Slug: "thuc-hien-6-thang", Name: "Tình hình thực hiện dự toán 6 tháng", Period: true},
	{Category: "ngan-sach", Slug: "thuc-hien-9-thang", Name: "Tình hình thực hiện dự toán 9 tháng", Period: true},
	{Category: "ngan-sach", Slug: "thuc-hien-nam", Name: "Tình hình thực hiện dự toán cả năm", Period: true},
	{Category: "ngan-sach", Slug: "quyet-toan", Name: "Quyết toán ngân sách được HĐND xã phê chuẩn"},
	{Category: "ho-ngheo", Slug: "ra-soat-hang-nam", Name: "Danh sách theo rà soát hằng năm"},
	{Category: "ho-ngheo", Slug: "ra-soat-dinh-ky", Name: "Danh sách theo rà soát thường xuyên (định kỳ)"},
	{Category: "dat-dai-quy-hoach", Slug: "quy-hoach-su-dung-dat", Name: "Quy hoạch sử dụng đất"},
	{Category: "dat-dai-quy-hoach", Slug: "ke-hoach-su-dung-dat", Name: "Kế hoạch sử dụng đất hằng năm"},
	{Category: "boi-thuong-tai-dinh-cu", Slug: "phuong-an", Name: "Phương án bồi thường, hỗ trợ, tái định cư"},
	{Category: "tiep-cong-dan", Slug: "lich-tiep-dan", Name: "Lịch tiếp công dân"},
	{Category: "danh-ba", Slug: "danh-ba", Name: "Danh bạ liên hệ"},
	{Category: "thu-tuc-hanh-chinh", Slug: "thu-tuc", Name: "Thủ tục hành chính"},
	{Category: "ke-hoach-bao-cao", Slug: "ke-hoach-papi", Name: "Kế hoạch nâng cao chỉ số PAPI"},
}

// DisclosureKinds lists the named kinds, in forms' order. Every category
// also has its general kind (slug "").
func DisclosureKinds() []DisclosureKind { return append([]DisclosureKind(nil), disclosureKinds...) }

// KindsOf lists a category's named kinds.
func KindsOf(category string) []DisclosureKind {
	var out []DisclosureKind
	for _, k := range disclosureKinds {
		if k.Category == category {
			out = append(out, k)
		}
	}
	return out
}

// LookupKind returns a category's kind of that slug; the empty slug is
// the general kind, valid in every category.
func LookupKind(category, slug string) (DisclosureKind, bool) {
	if slug == "" {
		return DisclosureKind{Category: category, Name: "Chung"}, true
	}
	for _, k := range disclosureKinds {
		if k.Category == category && k.Slug == slug {
			return k, true
		}
	}
	return DisclosureKind{}, false
}

// DisclosureRule says by when an item must be disclosed, counted from the
// date of its decision (or the end of the period it reports), and how long
// it must stay posted. A rule applies to items decided on or after
// EffectiveFrom; a newer rule of the same kind replaces it from its own
// date. A value the law has not confirmed is Unknown: items under it get
// no verdict rather than a guessed one.
type DisclosureRule struct {
	ID            int64  // 0: a default of this binary; else the administrator's row
	Kind          string // DisclosureKind.ID, or GeneralKind
	EffectiveFrom time.Time
	DueDays       int
	DueUnknown    bool
	DueWorking    bool
	PostDays      int
	PostUnknown   bool
	PostWorking   bool
	// PostWhole: posted for as long as the item is in force (a land-use
	// plan for its whole period, a schedule, a procedure).
	PostWhole  bool
	Rule       string // in Vietnamese, as officers and residents read it
	Source     string
	Confidence string // H, M, L (../shared/ECOSYSTEM.md) or "xã"
}

func civilDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Budget law 83/2015 applied to budgets up to 2025; Law 89/2025/QH15
// applies from the 2026 budget year, with day counts in Decree 73/2026
// Art. 37 that are not confirmed yet (ECOSYSTEM.md, confidence M).
var (
	since2017      = civilDate(2017, time.January, 1)
	budgetLaw2026  = civilDate(2026, time.January, 1)
	grassroots2023 = civilDate(2023, time.July, 1) // Law 10/2022/QH15 in force
)

const (
	srcGrassroots = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 12 khoản 3, Điều 13 khoản 2"
	src343        = "Luật Ngân sách nhà nước số 83/2015/QH13, Điều 15; Thông tư 343/2016/TT-BTC, Điều 17, Điều 18"
	src2026       = "Luật Ngân sách nhà nước số 89/2025/QH15; Thông tư 26/2026/TT-BTC; Nghị định 73/2026/NĐ-CP, Điều 37 (chưa đối chiếu số ngày)"
)

var defaultDisclosureRules = []DisclosureRule{
	{Kind: GeneralKind, EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostDays: 30,
		Rule:   "Công khai trong 5 ngày làm việc kể từ ngày ban hành văn bản; niêm yết ít nhất 30 ngày liên tục.",
		Source: srcGrassroots, Confidence: "H"},

	{Kind: "ngan-sach/du-toan", EffectiveFrom: since2017, DueDays: 30, PostDays: 30,
		Rule:   "Dự toán được HĐND xã quyết định: công khai trong 30 ngày kể từ ngày ban hành; niêm yết ít nhất 30 ngày.",
		Source: src343 + " khoản 2", Confidence: "H"},
	{Kind: "ngan-sach/thuc-hien-quy", EffectiveFrom: since2017, DueDays: 15, PostDays: 30,
		Rule:   "Tình hình thực hiện quý: công khai trong 15 ngày sau khi hết quý; niêm yết ít nhất 30 ngày.",
		Source: src343 + " khoản 3", Confidence: "H"},
	{Kind: "ngan-sach/thuc-hien-6-thang", EffectiveFrom: since2017, DueDays: 15, PostDays: 30,
		Rule:   "Tình hình thực hiện 6 tháng: công khai trong 15 ngày sau khi hết kỳ; niêm yết ít nhất 30 ngày.",
		Source: src343 + " khoản 3", Confidence: "H"},
	{Kind: "ngan-sach/thuc-hien-nam", EffectiveFrom: since2017, DueDays: 5, DueWorking: true, PostDays: 30,
		Rule:   "Tình hình thực hiện cả năm: công khai khi trình HĐND xã (theo quy định chung, trong 5 ngày làm việc); niêm yết ít nhất 30 ngày.",
		Source: src343 + " khoản 4; " + srcGrassroots, Confidence: "M"},
	{Kind: "ngan-sach/quyet-toan", EffectiveFrom: since2017, DueDays: 30, PostDays: 30,
		Rule:   "Quyết toán được HĐND xã phê chuẩn: công khai trong 30 ngày kể từ ngày ban hành; niêm yết ít nhất 30 ngày.",
		Source: src343 + " khoản 2", Confidence: "H"},

	// The 2026 budget law: reports every 3, 6, 9 and 12 months, portal
	// publication mandatory; its day counts are not confirmed, so no
	// verdict is given until an administrator enters them.
	{Kind: "ngan-sach/du-toan", EffectiveFrom: budgetLaw2026, DueUnknown: true, PostDays: 30,
		Rule: "Luật Ngân sách nhà nước 2025 áp dụng từ năm ngân sách 2026: thời hạn công khai chưa được đối chiếu.", Source: src2026, Confidence: "M"},
	{Kind: "ngan-sach/thuc-hien-quy", EffectiveFrom: budgetLaw2026, DueUnknown: true, PostDays: 30,
		Rule: "Báo cáo thực hiện 3 tháng theo luật 2025: thời hạn công khai chưa được đối chiếu.", Source: src2026, Confidence: "M"},
	{Kind: "ngan-sach/thuc-hien-6-thang", EffectiveFrom: budgetLaw2026, DueUnknown: true, PostDays: 30,
		Rule: "Báo cáo thực hiện 6 tháng theo luật 2025: thời hạn công khai chưa được đối chiếu.", Source: src2026, Confidence: "M"},
	{Kind: "ngan-sach/thuc-hien-9-thang", EffectiveFrom: budgetLaw2026, DueUnknown: true, PostDays: 30,
		Rule: "Báo cáo thực hiện 9 tháng theo luật 2025: thời hạn công khai chưa được đối chiếu.", Source: src2026, Confidence: "M"},
	{Kind: "ngan-sach/thuc-hien-nam", EffectiveFrom: budgetLaw2026, DueUnknown: true, PostDays: 30,
		Rule: "Báo cáo thực hiện cả năm theo luật 2025: thời hạn công khai chưa được đối chiếu.", Source: src2026, Confidence: "M"},
	{Kind: "ngan-sach/quyet-toan", EffectiveFrom: budgetLaw2026, DueUnknown: true, PostDays: 30,
		Rule: "Quyết toán theo luật 2025: thời hạn công khai chưa được đối chiếu.", Source: src2026, Confidence: "M"},

	{Kind: "ho-ngheo/ra-soat-hang-nam", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostDays: 3, PostWorking: true,
		Rule:   "Danh sách hộ nghèo, cận nghèo niêm yết công khai tại nhà văn hóa thôn và trụ sở UBND xã ít nhất 3 ngày làm việc; công khai trong 5 ngày làm việc kể từ ngày họp thôn.",
		Source: "Quyết định 24/2021/QĐ-TTg, Điều 4; " + srcGrassroots, Confidence: "M"},
	{Kind: "ho-ngheo/ra-soat-dinh-ky", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostDays: 3, PostWorking: true,
		Rule:   "Danh sách rà soát thường xuyên niêm yết ít nhất 3 ngày làm việc; công khai trong 5 ngày làm việc kể từ ngày họp thôn.",
		Source: "Quyết định 24/2021/QĐ-TTg, Điều 4; " + srcGrassroots, Confidence: "M"},
	{Kind: "dat-dai-quy-hoach/quy-hoach-su-dung-dat", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostWhole: true,
		Rule:   "Quy hoạch sử dụng đất công khai trong suốt kỳ quy hoạch; công khai trong 5 ngày làm việc kể từ ngày phê duyệt.",
		Source: "Luật Đất đai 2024, Điều 75; " + srcGrassroots, Confidence: "H"},
	{Kind: "dat-dai-quy-hoach/ke-hoach-su-dung-dat", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostWhole: true,
		Rule:   "Kế hoạch sử dụng đất công khai trong suốt kỳ kế hoạch; công khai trong 5 ngày làm việc kể từ ngày phê duyệt.",
		Source: "Luật Đất đai 2024, Điều 75; " + srcGrassroots, Confidence: "H"},
	{Kind: "boi-thuong-tai-dinh-cu/phuong-an", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostDays: 30,
		Rule:   "Phương án bồi thường, hỗ trợ, tái định cư niêm yết 30 ngày tại trụ sở UBND xã và nơi sinh hoạt chung của thôn, sau đó tổ chức đối thoại.",
		Source: "Luật Đất đai 2024, Điều 87 khoản 3 điểm a; " + srcGrassroots, Confidence: "H"},
	{Kind: "tiep-cong-dan/lich-tiep-dan", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostWhole: true,
		Rule:   "Lịch tiếp công dân niêm yết công khai thường xuyên tại nơi tiếp công dân; Chủ tịch UBND xã tiếp công dân ít nhất 1 ngày mỗi tuần.",
		Source: "Luật Tiếp công dân 2013, Điều 15 khoản 2; " + srcGrassroots, Confidence: "H"},
	{Kind: "danh-ba/danh-ba", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostWhole: true,
		Rule:   "Danh bạ liên hệ được công khai thường xuyên và cập nhật khi có thay đổi.",
		Source: "Kế hoạch nâng cao chỉ số PAPI của xã, mục 4a", Confidence: "xã"},
	{Kind: "thu-tuc-hanh-chinh/thu-tuc", EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostWhole: true,
		Rule:   "Thủ tục hành chính và biểu mẫu được niêm yết công khai thường xuyên tại bộ phận một cửa và trên cổng thông tin.",
		Source: "Nghị định 63/2010/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP), Điều 13; kế hoạch của xã, mục 6 và 9a", Confidence: "M"},
	{Kind: GeneralKind, EffectiveFrom: since2017, DueDays: 5, DueWorking: true, PostDays: 30,
		Rule:   "Trước Luật Thực hiện dân chủ ở cơ sở 2022: áp dụng thời hạn chung 5 ngày làm việc, niêm yết 30 ngày.",
		Source: "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn 2007, Điều 7 (chưa đối chiếu)", Confidence: "L"},
	// No law read so far gives the office its own day counts for what it
	// discloses to its officers: the grassroots values apply, as the
	// commune's policy.
	{Kind: InternalKind, EffectiveFrom: grassroots2023, DueDays: 5, DueWorking: true, PostDays: 30,
		Rule:       "Công khai trong nội bộ cơ quan trong 5 ngày làm việc kể từ ngày ban hành; duy trì ít nhất 30 ngày.",
		Source:     "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Chương IV (dân chủ ở cơ quan); số ngày theo quy định của xã",
		Confidence: "xã"},
}

// DefaultDisclosureRules lists the binary's defaults.
func DefaultDisclosureRules() []DisclosureRule {
	return append([]DisclosureRule(nil), defaultDisclosureRules...)
}

// InternalKind is the kind ID every item addressed to the commune's
// officers (row 2b of the plan) is judged as.
const InternalKind = "noi-bo/"

// RuleFor picks the rule that applies to an item of kind decided on that
// day, among rules (defaults and administrators' rows together): the
// kind's rule with the latest EffectiveFrom on or before decided, the
// later row winning a tie; else the category's general kind; else the
// general rule. An item without a decision date is judged as decided today
// (the caller passes today).
func RuleFor(rules []DisclosureRule, kind string, decided time.Time) (DisclosureRule, bool) {
	category := kind
	for i := 0; i < len(kind); i++ {
		if kind[i] == '/' {
			category = kind[:i]
			break
		}
	}
	for _, want := range []string{kind, category + "/", GeneralKind} {
		var best DisclosureRule
		found := false
		for _, r := range rules {
			if r.Kind != want || r.EffectiveFrom.After(decided) {
				continue
			}
			if !found || r.EffectiveFrom.After(best.EffectiveFrom) ||
				r.EffectiveFrom.Equal(best.EffectiveFrom) && r.ID >= best.ID {
				best, found = r, true
			}
		}
		if found {
			return best, true
		}
	}
	return DisclosureRule{}, false
}
