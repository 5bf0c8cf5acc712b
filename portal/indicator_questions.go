package portal

import (
	"fmt"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/indicators"
	"minhbach/portal/rules"
	"minhbach/portal/vn"
	"minhbach/store"
)

// Query parameters of /chi-so/hoi-dap: a year, or a span of months.
const (
	statsParamYear = "nam"
	statsParamFrom = "tu"
	statsParamTo   = "den"
)

// responseStatsParams are the parameters the page reads.
var responseStatsParams = []string{statsParamYear, statsParamFrom, statsParamTo}

// firstStatsYear is the earliest year the page accepts: the portal keeps
// no question older than its own start.
const firstStatsYear = 2000

// statsPeriod is the span of whole months the page shows.
type statsPeriod struct {
	From, To time.Time // the first day of the first and of the last month
	Year     int       // set when the span is a calendar year
}

// end is the last day of the period.
func (p statsPeriod) end() time.Time { return p.To.AddDate(0, 1, -1) }

// Label names the period in Vietnamese.
func (p statsPeriod) Label() string {
	if p.Year != 0 {
		return "năm " + strconv.Itoa(p.Year)
	}
	if p.From.Equal(p.To) {
		return "tháng " + p.From.Format("01/2006")
	}
	return "từ tháng " + p.From.Format("01/2006") + " đến tháng " + p.To.Format("01/2006")
}

// parseStatsPeriod reads the period of a request: ?nam=YYYY, or
// ?tu=YYYY-MM&den=YYYY-MM, or this year. The error is said to the visitor.
func parseStatsPeriod(c *fiber.Ctx, today time.Time) (statsPeriod, string) {
	year, from, to := c.Query(statsParamYear), c.Query(statsParamFrom), c.Query(statsParamTo)
	this := today.Year()
	switch {
	case year != "" && (from != "" || to != ""):
		return statsPeriod{}, "Chọn một năm hoặc một khoảng tháng, không chọn cả hai."
	case year != "":
		y, err := strconv.Atoi(year)
		if err != nil || len(year) != 4 || y < firstStatsYear || y > this {
			return statsPeriod{}, fmt.Sprintf("Năm không hợp lệ: hãy ghi năm bằng bốn chữ số, từ %d đến %d.", firstStatsYear, this)
		}
		return statsYearPeriod(y), ""
	case from != "" || to != "":
		f, okF := parseStatsMonth(from)
		t, okT := parseStatsMonth(to)
		switch {
		case from == "" || to == "":
			return statsPeriod{}, "Hãy chọn cả tháng bắt đầu và tháng kết thúc."
		case !okF || !okT:
			return statsPeriod{}, "Tháng không hợp lệ: hãy ghi theo dạng năm-tháng, ví dụ 2026-03."
		case t.Before(f):
			return statsPeriod{}, "Tháng kết thúc phải sau hoặc trùng tháng bắt đầu."
		case f.Year() < firstStatsYear || t.After(time.Date(this, today.Month(), 1, 0, 0, 0, 0, time.UTC)):
			return statsPeriod{}, fmt.Sprintf("Khoảng tháng phải nằm từ năm %d đến tháng này.", firstStatsYear)
		}
		p := statsPeriod{From: f, To: t}
		if f.Month() == time.January && t.Month() == time.December && f.Year() == t.Year() {
			p.Year = f.Year()
		}
		return p, ""
	}
	return statsYearPeriod(this), ""
}

func statsYearPeriod(y int) statsPeriod {
	return statsPeriod{From: time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC),
		To: time.Date(y, time.December, 1, 0, 0, 0, 0, time.UTC), Year: y}
}

// parseStatsMonth reads "2026-03" as the first day of that month.
func parseStatsMonth(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01", s)
	return t, err == nil && len(s) == 7
}

// statsCell is one figure of the table: its text, and the public list of
// the items behind it ("" when there is none to link).
type statsCell struct {
	Text string
	Note string // the share's terms, "34/40"
	URL  string
}

// statsRow is one group's figures.
type statsRow struct {
	Name                                                      string
	Received, Answered, OnTime, Overdue, Median, P90, Satisfy statsCell
}

// statsTable is one table of the page: a row per group and the total.
type statsTable struct {
	ID, Caption, Group string
	Rows               []statsRow
	Total              statsRow
}

// statsColumn explains a column in plain words.
type statsColumn struct {
	Name, Method string
}

type responseStatsPage struct {
	Base
	Period         statsPeriod
	Error          string
	FromValue      string // the form's values
	ToValue        string
	Years          []int
	Tables         []statsTable // by unit, by topic
	Received       int64
	ReceivedHidden int64 // items received in the period that are not public
	Answered       int64
	AnsweredHidden int64
	Columns        []statsColumn
	Today          time.Time
}

// responseStats is /chi-so/hoi-dap: received, answered, on time, overdue
// now, days to answer and satisfaction, per unit and per topic, each number
// linking to the public items behind it. The figures come from the kept
// statistics (store.QuestionStats), whatever the number of items.
func (h *handler) responseStats(c *fiber.Ctx) error {
	ctx := c.UserContext()
	now := h.now()
	day := today(now)
	p := &responseStatsPage{Base: h.base(c, "Số liệu trả lời câu hỏi"), Today: day, Columns: statsColumns()}
	p.Description = "Số câu hỏi " + p.Settings.CommuneName + " đã nhận, đã trả lời, tỷ lệ đúng hạn, số ngày trả lời và mức hài lòng, theo đơn vị và lĩnh vực."
	for y := day.Year(); y >= day.Year()-4; y-- {
		p.Years = append(p.Years, y)
	}
	period, msg := parseStatsPeriod(c, day)
	if msg != "" {
		p.Error = msg
		p.FromValue, p.ToValue = c.Query(statsParamFrom), c.Query(statsParamTo)
		p.NoIndex = true
		return h.renderStatus(c, fiber.StatusBadRequest, "response_stats", p)
	}
	p.Period = period
	p.FromValue, p.ToValue = period.From.Format("2006-01"), period.To.Format("2006-01")
	p.Canonical += pageQuery(c)

	groups, err := h.store.ResponseStats(ctx, period.From, period.end(), day, store.StatsByUnit, store.StatsByTopic)
	if err != nil {
		return err
	}
	units, topics := groups[0], groups[1]
	// Every item has one unit (or none): the units add up to the whole.
	var all indicators.QuestionCounts
	for _, g := range units {
		all.Add(g.Counts)
	}
	whole := statsRowOf("Cả xã", all, period, questionFilters{})
	p.Received, p.ReceivedHidden = int64(all.Received), int64(all.ReceivedHidden)
	p.Answered, p.AnsweredHidden = int64(all.Answered), int64(all.AnsweredHidden)
	byUnit := statsTable{ID: "theo-don-vi", Caption: "Theo đơn vị trả lời", Group: "Đơn vị", Total: whole}
	byTopic := statsTable{ID: "theo-linh-vuc", Caption: "Theo lĩnh vực", Group: "Lĩnh vực", Total: whole}

	// Units by name, then the items no unit has yet: the list has no
	// filter for those.
	var none []statsRow
	for _, g := range units {
		if g.UnitID == 0 {
			none = append(none, unlinked(statsRowOf("Chưa giao đơn vị", g.Counts, period, questionFilters{})))
			continue
		}
		byUnit.Rows = append(byUnit.Rows, statsRowOf(g.Counts.Group, g.Counts, period, questionFilters{UnitID: g.UnitID}))
	}
	byUnit.Rows = append(byUnit.Rows, none...)
	// Topics in the order the forms list them, then complaints and
	// denunciations: counted, their topic kept private, never listed.
	byTopicSlug := map[string]indicators.QuestionCounts{}
	for _, g := range topics {
		byTopicSlug[g.Topic] = g.Counts
	}
	for _, t := range rules.Topics() {
		if c, ok := byTopicSlug[t.Slug]; ok {
			byTopic.Rows = append(byTopic.Rows, statsRowOf(t.Name, c, period, questionFilters{Topic: t.Slug}))
			delete(byTopicSlug, t.Slug)
		}
	}
	for _, g := range topics { // a topic no longer offered
		if c, ok := byTopicSlug[g.Topic]; ok && g.Topic != "" {
			byTopic.Rows = append(byTopic.Rows, unlinked(statsRowOf(topicLabel(g.Topic), c, period, questionFilters{})))
		}
	}
	if c, ok := byTopicSlug[""]; ok {
		byTopic.Rows = append(byTopic.Rows, unlinked(statsRowOf("Khiếu nại, tố cáo (không công khai lĩnh vực)", c, period, questionFilters{})))
	}
	p.Tables = []statsTable{byUnit, byTopic}
	return h.render(c, "response_stats", p)
}

// statsRowOf turns a group's kept figures into table cells, each linking
// to the public list filtered to the items behind it (f: the group).
func statsRowOf(name string, c indicators.QuestionCounts, p statsPeriod, f questionFilters) statsRow {
	st := c.Stats()
	received, answered := f, f
	received.Counted, received.From, received.To = countedReceived, p.From, p.To
	answered.Counted, answered.From, answered.To = countedAnswered, p.From, p.To
	onTime, rated, overdue := answered, answered, f
	onTime.Timely, rated.Rated, overdue.Overdue = timelyOnTime, true, true
	link := func(f questionFilters, n int) string {
		if n == 0 {
			return ""
		}
		return questionsPath + f.query()
	}
	days := func(v indicators.Value) statsCell {
		if v.NoData {
			return statsCell{Text: "—"}
		}
		return statsCell{Text: statsNumber(int(v.Value)) + " ngày", URL: link(answered, c.Answered-c.AnsweredHidden)}
	}
	share := func(v indicators.Value, f questionFilters) statsCell {
		if v.NoData {
			return statsCell{Text: "—"}
		}
		return statsCell{Text: statsPercent(v.Value), Note: statsNumber(v.Num) + "/" + statsNumber(v.Den), URL: link(f, v.Num)}
	}
	return statsRow{
		Name:     name,
		Received: statsCell{Text: statsNumber(c.Received), URL: link(received, c.Received-c.ReceivedHidden)},
		Answered: statsCell{Text: statsNumber(c.Answered), URL: link(answered, c.Answered-c.AnsweredHidden)},
		OnTime:   share(st.OnTime, onTime),
		Overdue:  statsCell{Text: statsNumber(c.OverdueNow), URL: link(overdue, c.OverdueNow-c.OverdueHidden)},
		Median:   days(st.Median),
		P90:      days(st.P90),
		Satisfy:  share(st.Satisfied, rated),
	}
}

// statsNumber prints a count the Vietnamese way, "1.234".
func statsNumber(n int) string { return vn.Number(int64(n)) }

// unlinked drops a row's links: its items cannot be listed.
func unlinked(r statsRow) statsRow {
	for _, c := range []*statsCell{&r.Received, &r.Answered, &r.OnTime, &r.Overdue, &r.Median, &r.P90, &r.Satisfy} {
		c.URL = ""
	}
	return r
}

// statsPercent prints a share as "85,7 %".
func statsPercent(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	for i := range len(s) {
		if s[i] == '.' {
			s = s[:i] + "," + s[i+1:]
		}
	}
	return s + " %"
}

// statsColumns explain the columns, with the scorecard's own methods.
func statsColumns() []statsColumn {
	return []statsColumn{
		{"Đã nhận", "Số câu hỏi, kiến nghị, phản ánh, yêu cầu cung cấp thông tin, khiếu nại, tố cáo xã nhận trong kỳ, theo ngày nhận, kể cả câu bị từ chối."},
		{"Đã trả lời", "Số câu có câu trả lời đầu tiên công bố trong kỳ, theo ngày trả lời (câu nhận từ kỳ trước vẫn được tính)."},
		{"Đúng hạn", indicators.MethodAnsweredOnTime},
		{"Đang quá hạn", "Số câu đang chờ xã trả lời mà đã quá hạn vào ngày xem trang, dù nhận từ kỳ nào; không tính câu đang chờ người gửi bổ sung và khiếu nại, tố cáo chưa thụ lý."},
		{"Số ngày (trung vị)", indicators.MethodMedianDaysToAnswer},
		{"Số ngày (90 %)", indicators.MethodP90DaysToAnswer},
		{"Hài lòng", indicators.MethodSatisfied},
	}
}

// Statistics links name what the list counts in the list's own words.
const (
	countedReceived = "nhan"
	countedAnswered = "tra-loi"
	timelyOnTime    = "dung"
	timelyLate      = "tre"
)

// storeCounted maps the list's words to the store's.
var storeCounted = map[string]string{countedReceived: store.CountedReceived, countedAnswered: store.CountedAnswered}

var storeTimely = map[string]string{timelyOnTime: store.TimelyOnTime, timelyLate: store.TimelyLate}

// questionEvidencePath is the public list of the items behind a question
// indicator (an indicators.Catalog key) for the months of period p: the
// evidence of a figure read from the kept statistics, whose Value lists no
// items. "" for a key that is not a question indicator.
func questionEvidencePath(key string, p indicators.Period) string {
	f := questionFilters{Counted: countedAnswered,
		From: time.Date(p.From.Year(), p.From.Month(), 1, 0, 0, 0, 0, time.UTC),
		To:   time.Date(p.To.Year(), p.To.Month(), 1, 0, 0, 0, 0, time.UTC)}
	switch key {
	case "tra-loi-dung-han", "ngay-tra-loi-trung-vi", "ngay-tra-loi-p90":
	case "tre-han-xin-loi":
		f.Timely = timelyLate
	case "hai-long", "diem-hai-long":
		f.Rated = true
	case "tiep-nhan-cong-khai":
		f.Counted = countedReceived
	default:
		return ""
	}
	return questionsPath + f.query()
}
