package portal

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
	"minhbach/store"
)

// Query parameters of the public list of questions, besides the page keys.
const (
	filterTopic   = "chu-de"
	filterVillage = "thon"
	filterState   = "trang-thai"
	filterOverdue = "qua-han"
	// The items behind a figure of /chi-so/hoi-dap: a unit; received
	// ("nhan") or first answered ("tra-loi") in the months from "tu" to
	// "den"; answered on time ("dung") or late ("tre"); rated.
	filterUnit    = "don-vi"
	filterCounted = "theo"
	filterFrom    = "tu"
	filterTo      = "den"
	filterTimely  = "han"
	filterRated   = "danh-gia"
)

// questionListParams are the parameters /hoi-dap reads, in the order its
// links spell them (the order cached() reduces a request to).
var questionListParams = []string{filterTopic, filterVillage, filterState, filterOverdue,
	filterUnit, filterCounted, filterFrom, filterTo, filterTimely, filterRated, paramOlder, paramNewer}

// publicStates are the states a visitor can filter by, in the words of the
// filter: every state of a listed item, the two "in progress" ones apart.
var publicStates = []fieldOption{
	{store.QAccepted, "Đang xử lý, chưa giao đơn vị"},
	{store.QAssigned, "Đang xử lý, đã giao đơn vị"},
	{store.QWaiting, questionStateLabels[store.QWaiting]},
	{store.QAnswered, questionStateLabels[store.QAnswered]},
	{store.QClosed, questionStateLabels[store.QClosed]},
	{store.QRejected, questionStateLabels[store.QRejected]},
	{store.QForwarded, questionStateLabels[store.QForwarded]},
	{store.QDismissed, questionStateLabels[store.QDismissed]},
}

// questionFilters are the filters of the public list.
type questionFilters struct {
	Topic     string
	VillageID int64
	State     string
	Overdue   bool
	UnitID    int64
	// The items behind a figure (see filterCounted): From and To are the
	// first days of the first and last months.
	Counted  string
	From, To time.Time
	Timely   string
	Rated    bool
}

// parseQuestionFilters reads the filters of a request. A value outside the
// known topics, villages and states is not found: it is never echoed.
func parseQuestionFilters(c *fiber.Ctx, villages []store.Village, units []store.Unit) (questionFilters, error) {
	var f questionFilters
	if s := c.Query(filterTopic); s != "" {
		if _, ok := rules.TopicBySlug(s); !ok {
			return f, errNotFound()
		}
		f.Topic = s
	}
	if s := c.Query(filterVillage); s != "" {
		id, ok := parseIDKey(s)
		if !ok || villageName(villages, id) == "" {
			return f, errNotFound()
		}
		f.VillageID = id
	}
	if s := c.Query(filterState); s != "" {
		ok := false
		for _, o := range publicStates {
			ok = ok || o.Value == s
		}
		if !ok {
			return f, errNotFound()
		}
		f.State = s
	}
	switch c.Query(filterOverdue) {
	case "":
	case "1":
		f.Overdue = true
	default:
		return f, errNotFound()
	}
	if s := c.Query(filterUnit); s != "" {
		id, ok := parseIDKey(s)
		if !ok || unitName(units, id) == "" {
			return f, errNotFound()
		}
		f.UnitID = id
	}
	return f, parseCountedFilters(c, &f)
}

// parseCountedFilters reads the filters of the items behind a figure: a
// span of months is needed, and timeliness and ratings only of answers.
func parseCountedFilters(c *fiber.Ctx, f *questionFilters) error {
	counted, from, to, timely, rated := c.Query(filterCounted), c.Query(filterFrom), c.Query(filterTo), c.Query(filterTimely), c.Query(filterRated)
	if counted == "" {
		if from != "" || to != "" || timely != "" || rated != "" {
			return errNotFound()
		}
		return nil
	}
	var okF, okT bool
	f.From, okF = parseStatsMonth(from)
	f.To, okT = parseStatsMonth(to)
	_, known := storeCounted[counted]
	if !known || !okF || !okT || f.To.Before(f.From) {
		return errNotFound()
	}
	f.Counted = counted
	if timely != "" {
		if _, ok := storeTimely[timely]; !ok || counted != countedAnswered {
			return errNotFound()
		}
		f.Timely = timely
	}
	switch {
	case rated == "":
	case rated == "1" && counted == countedAnswered && timely == "":
		f.Rated = true
	default:
		return errNotFound()
	}
	return nil
}

// Counting describes the figure a list shows the items of, in words; ""
// for none.
func (f questionFilters) Counting() string {
	if f.Counted == "" {
		return ""
	}
	span := "tháng " + f.From.Format("01/2006")
	if !f.From.Equal(f.To) {
		span = "từ tháng " + f.From.Format("01/2006") + " đến tháng " + f.To.Format("01/2006")
	}
	s := "Câu hỏi công khai nhận " + span
	if f.Counted == countedAnswered {
		s = "Câu hỏi công khai có câu trả lời đầu tiên " + span
		switch f.Timely {
		case timelyOnTime:
			s += ", trả lời đúng hạn"
		case timelyLate:
			s += ", trả lời trễ hạn"
		}
		if f.Rated {
			s += ", được người gửi chấm điểm"
		}
	}
	return s
}

// storeFilter is the store's filter of a public list.
func (f questionFilters) storeFilter(today time.Time) store.QuestionFilter {
	return store.QuestionFilter{Public: true, Topic: f.Topic, VillageID: f.VillageID, State: f.State,
		Overdue: f.Overdue, Today: today, UnitID: f.UnitID,
		Counted: storeCounted[f.Counted], From: f.From, To: f.To, Timely: storeTimely[f.Timely], Rated: f.Rated}
}

// query spells the filters as the list's links do, "" without any.
func (f questionFilters) query() string {
	var q string
	add := func(name, value string) {
		if q != "" {
			q += "&"
		}
		q += name + "=" + url.QueryEscape(value)
	}
	if f.Topic != "" {
		add(filterTopic, f.Topic)
	}
	if f.VillageID != 0 {
		add(filterVillage, strconv.FormatInt(f.VillageID, 10))
	}
	if f.State != "" {
		add(filterState, f.State)
	}
	if f.Overdue {
		add(filterOverdue, "1")
	}
	if f.UnitID != 0 {
		add(filterUnit, strconv.FormatInt(f.UnitID, 10))
	}
	if f.Counted != "" {
		add(filterCounted, f.Counted)
		add(filterFrom, f.From.Format("2006-01"))
		add(filterTo, f.To.Format("2006-01"))
	}
	if f.Timely != "" {
		add(filterTimely, f.Timely)
	}
	if f.Rated {
		add(filterRated, "1")
	}
	if q == "" {
		return ""
	}
	return "?" + q
}

// Any reports whether a filter is set.
func (f questionFilters) Any() bool { return f.query() != "" }

func villageName(villages []store.Village, id int64) string {
	for _, v := range villages {
		if v.ID == id {
			return v.Name
		}
	}
	return ""
}

// questionRow is one item of a public list.
type questionRow struct {
	Q        store.Question
	Standing qclock.Standing
	Reason   string // a rejected item's public reason, in words
	Original int64  // the original of a duplicate, while it is public
}

// questionRows prepares a page of items for a list.
func (h *handler) questionRows(ctx context.Context, qs []store.Question, now time.Time) ([]questionRow, error) {
	rows := make([]questionRow, len(qs))
	for i, q := range qs {
		rows[i] = questionRow{Q: q, Standing: h.questionStanding(q, now)}
		if q.State == store.QRejected {
			rows[i].Reason = rejectReason(q.Reason)
		}
		if q.DuplicateOf != 0 {
			// The original was public when the duplicate was rejected; it
			// may have been protected since.
			_, err := h.store.PublicQuestion(ctx, q.DuplicateOf)
			switch {
			case err == nil:
				rows[i].Original = q.DuplicateOf
			case !errors.Is(err, store.ErrNotFound):
				return nil, err
			}
		}
	}
	return rows, nil
}

type questionIndexPage struct {
	Base
	Filters  questionFilters
	Topics   []rules.Topic
	Villages []store.Village
	Units    []store.Unit
	States   []fieldOption
	Items    []questionRow
	Pager    pager
}

// questionIndex is /hoi-dap: published questions and answers, the newest
// change first, with filters and pages by key.
func (h *handler) questionIndex(c *fiber.Ctx) error {
	ctx := c.UserContext()
	villages, err := h.store.Villages(ctx)
	if err != nil {
		return err
	}
	units, err := h.store.AllUnits(ctx)
	if err != nil {
		return err
	}
	f, err := parseQuestionFilters(c, villages, units)
	if err != nil {
		return err
	}
	now := h.now()
	sf := f.storeFilter(today(now))
	items, pg, err := h.questionPage(ctx, pageRequest(c, questionsPath+f.query(), listSize), sf)
	if err != nil {
		return err
	}
	list, err := h.questionRows(ctx, items, now)
	if err != nil {
		return err
	}
	p := &questionIndexPage{Base: h.base(c, "Hỏi đáp"), Filters: f, Topics: rules.Topics(), Villages: villages,
		Units: units, States: publicStates, Items: list, Pager: pg}
	p.Canonical += pageQuery(c)
	p.Description = "Câu hỏi, phản ánh, kiến nghị của người dân gửi " + p.Settings.CommuneName +
		" và câu trả lời công khai: ai trả lời, khi nào, mất bao nhiêu ngày làm việc."
	p.Feeds = questionFeeds(f.Topic)
	return h.render(c, "question_index", p)
}

// questionFeeds are the feeds of answers a page links to: a topic's and
// the site's, or the site's alone.
func questionFeeds(topic string) []feedLink {
	var out []feedLink
	if t, ok := rules.TopicBySlug(topic); ok {
		out = append(out,
			feedLink{"rss", "Trả lời về " + t.Name + " (RSS)", questionsFeedPath(t.Slug, "rss")},
			feedLink{"atom", "Trả lời về " + t.Name + " (Atom)", questionsFeedPath(t.Slug, "atom")},
			feedLink{"json", "Trả lời về " + t.Name + " (JSON Feed)", questionsFeedPath(t.Slug, "json")})
	}
	return append(out,
		feedLink{"rss", "Câu hỏi đã trả lời (RSS)", questionsFeedPath("", "rss")},
		feedLink{"atom", "Câu hỏi đã trả lời (Atom)", questionsFeedPath("", "atom")},
		feedLink{"json", "Câu hỏi đã trả lời (JSON Feed)", questionsFeedPath("", "json")})
}

// questionsTopicPath is the public list of a topic's items.
func questionsTopicPath(topic string) string {
	return questionsPath + questionFilters{Topic: topic}.query()
}

// questionsOverduePath is the public list of the items overdue now.
func questionsOverduePath() string { return questionsPath + questionFilters{Overdue: true}.query() }

// questionPage reads one page of a public question list by key, with the
// pager and the kept total: a page past the end is not found.
func (h *handler) questionPage(ctx context.Context, lp listPage, sf store.QuestionFilter) ([]store.Question, pager, error) {
	var err error
	if sf.Older, sf.Newer, err = keysOf(lp, store.ParseCursor); err != nil {
		return nil, pager{}, err
	}
	sf.Limit = lp.size + 1
	rows, err := h.store.Questions(ctx, sf)
	if err != nil {
		return nil, pager{}, err
	}
	items, pg := trim(lp, rows, func(q store.Question) string { return sf.Cursor(q).String() })
	if len(items) == 0 && (lp.older != "" || lp.newer != "") {
		return nil, pager{}, errNotFound()
	}
	n, err := h.store.CountQuestions(ctx, sf)
	if err != nil {
		return nil, pager{}, err
	}
	pg.Total = int64(n)
	return items, pg, nil
}
