// Package rules holds the legal values the portal encodes, each with its
// source, in one place. Officers see the source next to the value.
package rules

// Posting is how long an item must stay posted at the commune office.
type Posting struct {
	Days      int    // minimum length; 0 with Permanent
	Working   bool   // counted in working days
	Permanent bool   // posted for as long as it is in force
	Rule      string // the rule in Vietnamese, as officers read it
	Source    string // the legal text
}

// DefaultPostingDays is the general minimum: Law 10/2022/QH15 on
// grassroots democracy, Art. 13(2): at least 30 consecutive days.
const DefaultPostingDays = 30

var general = Posting{
	Days:   DefaultPostingDays,
	Rule:   "Niêm yết ít nhất 30 ngày liên tục tại trụ sở UBND xã; công khai trong 5 ngày làm việc kể từ ngày ban hành.",
	Source: "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 12 khoản 3, Điều 13 khoản 2",
}

// byCategory refines the general rule where a specialised law says more.
var byCategory = map[string]Posting{
	"ngan-sach": {
		Days:   30,
		Rule:   "Dự toán, quyết toán công khai trong 30 ngày kể từ ngày ban hành; tình hình thực hiện quý, 6 tháng trong 15 ngày sau kỳ báo cáo; niêm yết ít nhất 30 ngày.",
		Source: "Luật Ngân sách nhà nước số 83/2015/QH13, Điều 15; Thông tư 343/2016/TT-BTC, Điều 17, Điều 18",
	},
	"ho-ngheo": {
		Days:    3,
		Working: true,
		Rule:    "Danh sách hộ nghèo, cận nghèo niêm yết công khai tại nhà văn hóa thôn và trụ sở UBND xã ít nhất 3 ngày làm việc.",
		Source:  "Quyết định 24/2021/QĐ-TTg, Điều 4",
	},
	"dat-dai-quy-hoach": {
		Permanent: true,
		Rule:      "Quy hoạch, kế hoạch sử dụng đất công khai suốt kỳ quy hoạch; thông báo thu hồi đất nông nghiệp trước 90 ngày, đất phi nông nghiệp trước 180 ngày.",
		Source:    "Luật Đất đai 2024, Điều 75, Điều 85",
	},
	"boi-thuong-tai-dinh-cu": {
		Days:   30,
		Rule:   "Phương án bồi thường, hỗ trợ, tái định cư niêm yết 30 ngày tại trụ sở UBND xã và nơi sinh hoạt chung của thôn, sau đó tổ chức đối thoại.",
		Source: "Luật Đất đai 2024, Điều 87 khoản 3 điểm a",
	},
}

// PostingFor is the posting rule for a category slug.
func PostingFor(category string) Posting {
	if p, ok := byCategory[category]; ok {
		return p
	}
	return general
}

// General is the rule for every item no specialised law covers.
func General() Posting { return general }
