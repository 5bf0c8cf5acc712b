package portal

import (
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
	"minhbach/store"
)

// The officers' inbox: open items soonest due first, and a tab for the
// items the commune is done with, newest change first.

// inboxPageSize is how many items one page of the inbox shows.
const inboxPageSize = 30

// weekEnd is the last day of the week (Sunday) that day is in.
func weekEnd(day time.Time) time.Time {
	return day.AddDate(0, 0, (7-int(day.Weekday()))%7)
}

// inboxCounts are the figures every officer page shows; nil when they
// could not be read (the page still renders, without them).
func (h *handler) inboxCounts(c *fiber.Ctx) *store.InboxCounts {
	d := today(time.Now())
	n, err := h.store.InboxCounts(c.UserContext(), d, weekEnd(d))
	if err != nil {
		h.log.Error("inbox counts", "err", err)
		return nil
	}
	return &n
}

// doneStates are the states of the "done" tab, in its order.
var doneStates = []string{store.QAnswered, store.QClosed, store.QRejected, store.QForwarded, store.QDismissed}

// openStates are the states an inbox filter offers.
var openStates = []string{store.QReceived, store.QAccepted, store.QAssigned, store.QWaiting}

// inboxQuery is the inbox's filters as given in the URL.
type inboxQuery struct {
	Done     bool
	Kind     string
	Topic    string
	State    string
	Unit     string
	Mine     bool
	Overdue  bool
	unitID   int64
	urlQuery string // the filters as a query, without the page key
}

// Query parameters of the inbox.
const (
	paramTab     = "xem"
	tabDone      = "da-xong"
	paramKind    = "loai"
	paramTopic   = "chu-de"
	paramState   = "trang-thai"
	paramUnit    = "don-vi"
	paramMine    = "cua-toi"
	paramOverdue = "qua-han"
)

// readInboxQuery reads the filters; a value that is not one of the
// choices is not found, like a page that does not exist.
func readInboxQuery(c *fiber.Ctx) (inboxQuery, error) {
	q := inboxQuery{
		Done: c.Query(paramTab) == tabDone, Kind: c.Query(paramKind), Topic: c.Query(paramTopic),
		State: c.Query(paramState), Unit: c.Query(paramUnit),
		Mine: c.Query(paramMine) == "1", Overdue: c.Query(paramOverdue) == "1",
	}
	if t := c.Query(paramTab); t != "" && t != tabDone {
		return q, errNotFound()
	}
	if q.Kind != "" && !slices.Contains(rules.Kinds(), q.Kind) {
		return q, errNotFound()
	}
	if _, ok := rules.TopicBySlug(q.Topic); q.Topic != "" && !ok {
		return q, errNotFound()
	}
	states := openStates
	if q.Done {
		states = doneStates
		q.Overdue = false
	}
	if q.State != "" && !slices.Contains(states, q.State) {
		return q, errNotFound()
	}
	if q.Unit != "" {
		id, ok := parseIDKey(q.Unit)
		if !ok {
			return q, errNotFound()
		}
		q.unitID = id
	}
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	if q.Done {
		add(paramTab, tabDone)
	}
	add(paramKind, q.Kind)
	add(paramTopic, q.Topic)
	add(paramState, q.State)
	add(paramUnit, q.Unit)
	if q.Mine {
		add(paramMine, "1")
	}
	if q.Overdue {
		add(paramOverdue, "1")
	}
	q.urlQuery = strings.Join(parts, "&")
	return q, nil
}

// base is the inbox's address with these filters.
func (q inboxQuery) base() string {
	if q.urlQuery == "" {
		return officerQuestionsPath
	}
	return officerQuestionsPath + "?" + q.urlQuery
}

// inboxRow is one item of the inbox with where it stands.
type inboxRow struct {
	store.Question
	Standing qclock.Standing
}

type inboxPage struct {
	Base
	Query    inboxQuery
	Rows     []inboxRow
	Pager    pager
	Units    []store.Unit
	States   []string
	DoneTabs []inboxTab
	Counts   store.InboxCounts
}

type inboxTab struct {
	State, Label string
	N            int64
	Active       bool
}

// dueKey is the inbox's page key: the due date and the id.
func dueKey(q store.Question) string { return isoDate(q.DueOn) + "." + itoa(q.ID) }

func parseDueKey(s string) (store.DueCursor, bool) {
	d, id, ok := strings.Cut(s, ".")
	if !ok {
		return store.DueCursor{}, false
	}
	due, err := time.Parse("2006-01-02", d)
	n, ok := parseIDKey(id)
	if (err != nil && d != "") || !ok {
		return store.DueCursor{}, false
	}
	c := store.DueCursor{Due: due, ID: n}
	return c, dueKeyOf(c) == s
}

func dueKeyOf(c store.DueCursor) string {
	d := ""
	if !c.Due.IsZero() {
		d = c.Due.Format("2006-01-02")
	}
	return d + "." + itoa(c.ID)
}

// questionInbox lists open items soonest due first, or (tab "đã xong")
// the items the commune is done with, newest change first.
func (h *handler) questionInbox(c *fiber.Ctx) error {
	ctx := c.UserContext()
	q, err := readInboxQuery(c)
	if err != nil {
		return err
	}
	p := &inboxPage{Base: h.base(c, "Hỏi đáp, phản ánh"), Query: q}
	if p.Inbox != nil {
		p.Counts = *p.Inbox
	}
	if p.Units, err = h.store.Units(ctx); err != nil {
		return err
	}
	var assignee int64
	if q.Mine {
		assignee = currentUser(c).ID
	}
	now := time.Now()
	d := today(now)
	var rows []store.Question
	if q.Done {
		if q.State == "" {
			q.State = store.QAnswered // the first tab
			p.Query.State = q.State
		}
		p.States = doneStates
		lp := pageRequest(c, q.base(), inboxPageSize)
		f := store.QuestionFilter{Kind: q.Kind, Topic: q.Topic, State: q.State, UnitID: q.unitID, AssigneeID: assignee, Limit: inboxPageSize + 1}
		if f.Older, f.Newer, err = keysOf(lp, store.ParseCursor); err != nil {
			return err
		}
		all, err := h.store.OfficerQuestions(ctx, f)
		if err != nil {
			return err
		}
		rows, p.Pager = trim(lp, all, func(x store.Question) string { return store.QuestionCursor(x).String() })
		if len(rows) == 0 && (lp.older != "" || lp.newer != "") {
			return errNotFound()
		}
		for _, s := range doneStates {
			n, err := h.store.CountQuestions(ctx, store.QuestionFilter{State: s})
			if err != nil {
				return err
			}
			p.DoneTabs = append(p.DoneTabs, inboxTab{s, questionStateLabels[s], int64(n), s == q.State})
		}
	} else {
		p.States = openStates
		f := store.InboxFilter{Kind: q.Kind, Topic: q.Topic, State: q.State, UnitID: q.unitID, AssigneeID: assignee,
			Overdue: q.Overdue, Today: d, Limit: inboxPageSize + 1}
		lp := pageRequest(c, q.base(), inboxPageSize)
		if lp.newer != "" {
			return errNotFound() // the inbox pages forwards only
		}
		if lp.older != "" {
			var ok bool
			if f.After, ok = parseDueKey(lp.older); !ok {
				return errNotFound()
			}
		}
		all, err := h.store.Inbox(ctx, f)
		if err != nil {
			return err
		}
		rows = all
		if len(rows) > inboxPageSize {
			rows = rows[:inboxPageSize]
			p.Pager.Older = lp.link(paramOlder, dueKey(rows[len(rows)-1]))
		}
		if lp.older != "" {
			if len(rows) == 0 {
				return errNotFound()
			}
			p.Pager.Newest = lp.base
		}
	}
	for _, x := range rows {
		p.Rows = append(p.Rows, inboxRow{x, h.questionStanding(x, now)})
	}
	return h.render(c, "question_inbox", p)
}

// unitName is the name of a unit by id, "" when unknown.
func unitName(units []store.Unit, id int64) string {
	for _, u := range units {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

// UnitOptions are the units for the filter's select.
func (p *inboxPage) UnitOptions() []fieldOption { return unitOptions(p.Units) }

// KindOptions are the kinds for a select.
func kindOptions() []fieldOption {
	var out []fieldOption
	for _, k := range rules.Kinds() {
		out = append(out, fieldOption{k, questionKindLabels[k]})
	}
	return out
}

// topicOptions are the topics for a select.
func topicOptions() []fieldOption {
	var out []fieldOption
	for _, t := range rules.Topics() {
		out = append(out, fieldOption{t.Slug, t.Name})
	}
	return out
}

// stateOptions are the given states for a select.
func stateOptions(states []string) []fieldOption {
	var out []fieldOption
	for _, s := range states {
		out = append(out, fieldOption{s, officerStateLabel(s)})
	}
	return out
}

// officerStateLabels name states for officers, who tell apart what the
// public reads as one "being handled".
func officerStateLabel(s string) string {
	switch s {
	case store.QAccepted:
		return "Đã tiếp nhận, chưa giao đơn vị"
	case store.QAssigned:
		return "Đã giao đơn vị xử lý"
	}
	return questionStateLabels[s]
}
