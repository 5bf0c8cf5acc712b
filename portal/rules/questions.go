package rules

// The clock of what residents send: how many days each step may take, per
// kind of item. Administrators can change a value per kind and topic
// (store.QuestionLimits); these are the defaults, each with its source and
// the confidence ../shared/ECOSYSTEM.md gives it (H: read in the legal text;
// M: consistent secondary sources; L: not found; "xã": the commune's own
// policy, not a legal rule).

// Names of the clock's values.
const (
	// LimitTriage: to accept, reject or forward a received item.
	LimitTriage = "triage"
	// LimitReply: to publish the answer, counted from the day of receipt.
	LimitReply = "reply"
	// LimitReplyComplex: the reply time of a request for complex
	// information (requests for information only).
	LimitReplyComplex = "reply_complex"
	// LimitExtension: the longest single extension of the reply time.
	LimitExtension = "extension"
	// LimitForward: to forward an item that is not the commune's to decide.
	LimitForward = "forward"
	// LimitIdentityKeep: how long after a request for information ends
	// the requester's identity is kept before it is erased.
	LimitIdentityKeep = "identity_keep"
)

// Limit is one named value of the clock.
type Limit struct {
	Name       string
	Days       int
	Calendar   bool   // counted in calendar days, not working days
	Rule       string // in Vietnamese, as officers read it
	Source     string
	Confidence string // H, M, L or "xã"
}

// Kinds of item residents send. Slugs are stored.
const (
	KindQuestion     = "question"     // hỏi đáp
	KindFeedback     = "feedback"     // phản ánh, kiến nghị
	KindInfoRequest  = "info_request" // yêu cầu cung cấp thông tin
	KindComplaint    = "complaint"    // khiếu nại
	KindDenunciation = "denunciation" // tố cáo
)

// Protected reports whether items of a kind are protected: never published,
// their sender never identifiable (Law on Denunciations 2018, Chapter V).
func Protected(kind string) bool { return kind == KindComplaint || kind == KindDenunciation }

var replyLimit = Limit{
	Name: LimitReply, Days: 10,
	Rule:       "Trả lời trong 10 ngày làm việc kể từ ngày tiếp nhận.",
	Source:     "Luật Tiếp công dân 2013, Điều 28 khoản 1",
	Confidence: "H",
}

var forwardLimit = Limit{
	Name: LimitForward, Days: 5,
	Rule:       "Phản ánh, kiến nghị không thuộc thẩm quyền: chuyển cơ quan có thẩm quyền trong 5 ngày làm việc.",
	Source:     "Nghị định 20/2008/NĐ-CP, Điều 9 khoản 1 điểm d",
	Confidence: "H",
}

var extensionLimit = Limit{
	Name: LimitExtension, Days: 10,
	Rule:       "Gia hạn một lần, tối đa 10 ngày làm việc, có lý do công khai.",
	Source:     "Quy định của xã (kế hoạch nâng cao chỉ số PAPI)",
	Confidence: "xã",
}

// triageLimit: no law gives commune officers a separate time to accept a
// question; the commune uses the forwarding limit for every triage, so a
// forward is never late because triage took its whole time.
var triageLimit = Limit{
	Name: LimitTriage, Days: 5,
	Rule:       "Phân loại (tiếp nhận, từ chối hoặc chuyển) trong 5 ngày làm việc.",
	Source:     "Quy định của xã, theo thời hạn chuyển đơn của Nghị định 20/2008/NĐ-CP, Điều 9",
	Confidence: "xã",
}

var defaultLimits = map[string][]Limit{
	KindQuestion: {triageLimit, replyLimit, extensionLimit, forwardLimit},
	KindFeedback: {triageLimit, replyLimit, extensionLimit, forwardLimit},
	KindInfoRequest: {
		{Name: LimitTriage, Days: 3,
			Rule:       "Thông tin phức tạp: thông báo thời hạn cung cấp trong 3 ngày làm việc.",
			Source:     "Luật Tiếp cận thông tin 104/2016/QH13, Điều 31 (yêu cầu qua mạng, Điều 30: chưa đối chiếu)",
			Confidence: "M"},
		{Name: LimitReply, Days: 5,
			Rule:       "Thông tin đơn giản, có sẵn: cung cấp trong 5 ngày làm việc.",
			Source:     "Luật Tiếp cận thông tin 104/2016/QH13, Điều 31",
			Confidence: "M"},
		{Name: LimitReplyComplex, Days: 15,
			Rule:       "Thông tin phức tạp: cung cấp trong 15 ngày làm việc.",
			Source:     "Luật Tiếp cận thông tin 104/2016/QH13, Điều 31",
			Confidence: "M"},
		{Name: LimitExtension, Days: 15,
			Rule:       "Gia hạn một lần, tối đa 15 ngày làm việc.",
			Source:     "Luật Tiếp cận thông tin 104/2016/QH13, Điều 31",
			Confidence: "M"},
		{Name: LimitIdentityKeep, Days: 365, Calendar: true,
			Rule:       "Thông tin nhân thân của người yêu cầu được xóa 12 tháng sau khi kết thúc yêu cầu.",
			Source:     "Quy định của xã, theo nguyên tắc tối thiểu hóa dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)",
			Confidence: "xã"},
	},
	KindComplaint: {
		{Name: LimitTriage, Days: 7,
			Rule:       "Thụ lý khiếu nại trong 7 ngày làm việc kể từ ngày nhận (trước đây 10 ngày).",
			Source:     "Luật Khiếu nại 2011, Điều 27, sửa đổi bởi Luật 136/2025/QH15",
			Confidence: "M"},
		{Name: LimitReply, Days: 30, Calendar: true,
			Rule:       "Giải quyết khiếu nại lần đầu trong 30 ngày kể từ ngày thụ lý (45 ngày nếu phức tạp).",
			Source:     "Luật Khiếu nại 2011, Điều 28",
			Confidence: "H"},
		{Name: LimitExtension, Days: 15, Calendar: true,
			Rule:       "Vụ việc phức tạp: thêm tối đa 15 ngày.",
			Source:     "Luật Khiếu nại 2011, Điều 28",
			Confidence: "H"},
	},
	KindDenunciation: {
		{Name: LimitTriage, Days: 7,
			Rule:       "Phân loại, xử lý thông tin tố cáo trong 7 ngày làm việc.",
			Source:     "Luật Tố cáo 2018, Điều 24",
			Confidence: "H"},
		{Name: LimitReply, Days: 30, Calendar: true,
			Rule:       "Giải quyết tố cáo trong 30 ngày kể từ ngày thụ lý.",
			Source:     "Luật Tố cáo 2018, Điều 30",
			Confidence: "H"},
		{Name: LimitExtension, Days: 30, Calendar: true,
			Rule:       "Gia hạn một lần (vụ việc phức tạp), tối đa 30 ngày.",
			Source:     "Luật Tố cáo 2018, Điều 30",
			Confidence: "H"},
	},
}

// Kinds lists the kinds of item in the order forms show them.
func Kinds() []string {
	return []string{KindQuestion, KindFeedback, KindInfoRequest, KindComplaint, KindDenunciation}
}

// DefaultLimits lists a kind's default values; nil for an unknown kind.
func DefaultLimits(kind string) []Limit {
	return append([]Limit(nil), defaultLimits[kind]...)
}

// DefaultLimit is a kind's default value of a name, and whether there is one.
func DefaultLimit(kind, name string) (Limit, bool) {
	for _, l := range defaultLimits[kind] {
		if l.Name == name {
			return l, true
		}
	}
	return Limit{}, false
}

// CalendarDays reports whether a kind's reply time counts calendar days.
func CalendarDays(kind string) bool {
	l, _ := DefaultLimit(kind, LimitReply)
	return l.Calendar
}

// MaxReopens is how many times an asker may reopen an answered item.
// The commune's policy: twice, so a dispute cannot keep an item open forever.
const MaxReopens = 2

// Topic is an area of the plan, in the words residents use.
type Topic struct {
	Slug string
	Name string
}

// Topics are stable: their slugs are stored and appear in URLs.
var topics = []Topic{
	{"dat-dai", "Đất đai"},
	{"xay-dung", "Xây dựng"},
	{"ngan-sach", "Ngân sách, tài chính"},
	{"ho-ngheo", "Hộ nghèo, cận nghèo"},
	{"chinh-sach-xa-hoi", "Chính sách xã hội"},
	{"thu-tuc", "Thủ tục hành chính"},
	{"moi-truong", "Môi trường"},
	{"an-ninh-trat-tu", "An ninh, trật tự"},
	{"khac", "Khác"},
}

// Topics lists the topics in the order forms show them.
func Topics() []Topic { return append([]Topic(nil), topics...) }

// TopicBySlug returns the topic with that slug.
func TopicBySlug(slug string) (Topic, bool) {
	for _, t := range topics {
		if t.Slug == slug {
			return t, true
		}
	}
	return Topic{}, false
}
