package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// QuestionFilter selects items for a list, newest change first, paged by
// key like disclosures (Cursor over updated_at and id).
type QuestionFilter struct {
	// Public lists show listed items only, as their public copies.
	Public    bool
	Kind      string
	Topic     string
	VillageID int64
	State     string
	// Overdue: open, not paused, past the due date on Today.
	Overdue bool
	Today   time.Time
	// UnitID, AssigneeID: officers' filters.
	UnitID     int64
	AssigneeID int64
	Limit      int
	Older      Cursor
	Newer      Cursor

	// AboutID: items about that disclosure (migration 0012).
	AboutID int64

	// The items behind a figure of the response statistics (migration
	// 0014), always public ones (Question.TextPublic): received, or first
	// answered, in the months from From to To (civil dates; either may be
	// zero); among the first answered, on time or late (Timely: "on_time",
	// "late") and rated.
	Counted  string // CountedReceived or CountedAnswered; "" for none of these
	From, To time.Time
	Timely   string
	Rated    bool
}

// matchQuestions adds the conditions of the filters that public lists,
// officers' lists and the inbox share: a value left empty (or 0) does not
// filter.
func matchQuestions(conds []string, args []any, kind, topic, state string, village, unit, assignee int64) ([]string, []any) {
	for _, c := range []struct {
		col string
		v   any
		on  bool
	}{
		{"q.kind", kind, kind != ""}, {"q.topic", topic, topic != ""}, {"q.village_id", village, village != 0},
		{"q.state", state, state != ""}, {"q.unit_id", unit, unit != 0}, {"q.assignee_id", assignee, assignee != 0},
	} {
		if c.on {
			conds = append(conds, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	return conds, args
}

// QuestionCursor is the place of q in a list.
func QuestionCursor(q Question) Cursor { return Cursor{q.UpdatedAt, q.ID} }

func (f QuestionFilter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Public && f.Counted == "" { // the items behind a figure are public (countedWhere)
		conds = append(conds, "q.listed = 1")
	}
	conds, args = matchQuestions(conds, args, f.Kind, f.Topic, f.State, f.VillageID, f.UnitID, f.AssigneeID)
	if f.AboutID != 0 {
		conds = append(conds, "q.about_disclosure_id = ?")
		args = append(args, f.AboutID)
	}
	if f.Overdue {
		conds = append(conds, "q.open = 1 AND q.state <> 'waiting' AND q.due_on < ?")
		args = append(args, fmtDate(f.Today))
	}
	conds, args = f.countedWhere(conds, args)
	if !f.Older.IsZero() {
		conds = append(conds, "("+f.orderColumn()+", q.id) < (?, ?)")
		args = append(args, f.cursorArg(f.Older), f.Older.ID)
	} else if !f.Newer.IsZero() {
		conds = append(conds, "("+f.orderColumn()+", q.id) > (?, ?)")
		args = append(args, f.cursorArg(f.Newer), f.Newer.ID)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// listQuery is the query of a list; backwards when it reads newer items
// (oldest first).
func (f QuestionFilter) listQuery() (query string, args []any, backwards bool) {
	cond, args := f.where()
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	col := f.orderColumn()
	order := " ORDER BY " + col + " DESC, q.id DESC LIMIT ?"
	backwards = f.Older.IsZero() && !f.Newer.IsZero()
	if backwards {
		order = " ORDER BY " + col + ", q.id LIMIT ?"
	}
	return "SELECT " + questionColumns + questionFrom + cond + order, append(args, limit), backwards
}

// Questions lists items, newest change first. Public lists return public
// copies (Question.Public).
func (s *Store) Questions(ctx context.Context, f QuestionFilter) ([]Question, error) {
	query, args, backwards := f.listQuery()
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: questions: %w", err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("store: questions: %w", err)
		}
		if f.Public {
			q = q.Public()
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: questions: %w", err)
	}
	if backwards {
		slices.Reverse(out)
	}
	return out, nil
}

// CountQuestions counts what the filter selects, ignoring its cursors and
// limit. Without the overdue and officers' filters it reads the kept
// counts; with them it counts the (few) open items.
func (s *Store) CountQuestions(ctx context.Context, f QuestionFilter) (int, error) {
	if n, ok, err := s.countCounted(ctx, f); ok || err != nil {
		return n, err
	}
	var q string
	var args []any
	if f.Overdue || f.UnitID != 0 || f.AssigneeID != 0 || f.AboutID != 0 || f.Counted != "" {
		f.Older, f.Newer = Cursor{}, Cursor{}
		cond, a := f.where()
		q, args = "SELECT COUNT(*) FROM questions q"+cond, a
	} else {
		q = "SELECT COALESCE(SUM(n), 0) FROM question_counts WHERE 1"
		add := func(cond string, arg any) {
			q += " AND " + cond
			args = append(args, arg)
		}
		if f.Public {
			q += " AND protected = 0 AND state <> 'received'"
		}
		if f.Kind != "" {
			add("kind = ?", f.Kind)
		}
		if f.Topic != "" {
			add("topic = ?", f.Topic)
		}
		if f.VillageID != 0 {
			add("village_id = ?", f.VillageID)
		}
		if f.State != "" {
			add("state = ?", f.State)
		}
	}
	var n int
	if err := s.r.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count questions: %w", err)
	}
	return n, nil
}

// InboxCounts are the figures every officer page shows.
type InboxCounts struct {
	New         int // received, not yet triaged
	DueThisWeek int // open, due from today to the week's end
	Overdue     int // open, not paused, past the due date
}

// inboxCountsQuery reads the open items' states and due dates from the
// covering index questions_state_due alone (migration 0009): every officer
// page runs it.
const inboxCountsQuery = `
	SELECT COALESCE(SUM(state = 'received'), 0),
		COALESCE(SUM(state <> 'waiting' AND due_on >= ? AND due_on <= ?), 0),
		COALESCE(SUM(state <> 'waiting' AND due_on < ?), 0)
	FROM questions WHERE state IN ('received', 'accepted', 'assigned', 'waiting')`

// InboxCounts counts the officers' work on day today; weekEnd is the last
// day of "this week".
func (s *Store) InboxCounts(ctx context.Context, today, weekEnd time.Time) (InboxCounts, error) {
	var c InboxCounts
	err := s.r.QueryRowContext(ctx, inboxCountsQuery, fmtDate(today), fmtDate(weekEnd), fmtDate(today)).
		Scan(&c.New, &c.DueThisWeek, &c.Overdue)
	if err != nil {
		return c, fmt.Errorf("store: inbox counts: %w", err)
	}
	return c, nil
}

// DueCursor is a place in the inbox sorted by due date: (due_on, id).
type DueCursor struct {
	Due time.Time
	ID  int64
}

// InboxFilter selects open items for the officers' inbox, soonest due first.
type InboxFilter struct {
	Kind       string
	Topic      string
	State      string
	UnitID     int64
	AssigneeID int64
	Overdue    bool
	Today      time.Time
	Limit      int
	After      DueCursor
}

// Inbox lists open items, soonest due first.
func (s *Store) Inbox(ctx context.Context, f InboxFilter) ([]Question, error) {
	query, args := f.query()
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: inbox: %w", err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("store: inbox: %w", err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// query is the inbox's SQL: it walks questions_open_due in order ("open =
// 1" so that the index serves it), so a page costs the same at any depth.
func (f InboxFilter) query() (string, []any) {
	conds := []string{"q.open = 1"}
	var args []any
	conds, args = matchQuestions(conds, args, f.Kind, f.Topic, f.State, 0, f.UnitID, f.AssigneeID)
	if f.Overdue {
		conds = append(conds, "q.state <> 'waiting' AND q.due_on < ?")
		args = append(args, fmtDate(f.Today))
	}
	if f.After.ID != 0 {
		conds = append(conds, "(q.due_on, q.id) > (?, ?)")
		args = append(args, fmtDate(f.After.Due), f.After.ID)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	return "SELECT " + questionColumns + questionFrom + " WHERE " + strings.Join(conds, " AND ") +
		" ORDER BY q.due_on, q.id LIMIT ?", append(args, limit)
}

// recentlyOverdueQuery reads the items due in a window that are open
// past their date or were answered late. "open IN (0, 1)", always true,
// lets it walk the index of due dates (open, due_on) in two ranges, the
// few items due in the window, instead of every listed item.
const recentlyOverdueQuery = "SELECT " + questionColumns + questionFrom + `
	WHERE q.listed = 1 AND q.open IN (0, 1) AND q.due_on >= ? AND q.due_on < ?
	  AND ((q.open AND q.state <> 'waiting') OR (q.first_answered_at <> '' AND q.first_due_on < substr(q.first_answered_at, 1, 10)))
	ORDER BY q.due_on DESC, q.id DESC LIMIT ?`

// RecentlyOverdue lists the listed items whose due date passed in the days
// from since to today (excluded) without an answer by then: still open, or
// answered late. Newest due date first; for the watchers' list and feed.
func (s *Store) RecentlyOverdue(ctx context.Context, since, today time.Time, limit int) ([]Question, error) {
	rows, err := s.r.QueryContext(ctx, recentlyOverdueQuery, fmtDate(since), fmtDate(today), limit)
	if err != nil {
		return nil, fmt.Errorf("store: recently overdue: %w", err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("store: recently overdue: %w", err)
		}
		out = append(out, q.Public())
	}
	return out, rows.Err()
}

// OnTime is the share of items whose first answer was published in a
// period, and how many of those came by their due date.
type OnTime struct {
	Answered int
	OnTime   int
}

// onTimeQuery counts first answers in a period of Vietnam's dates. The
// period is also given in UTC instants: a range on the index of first
// answers, not a scan of every answer ever given.
const onTimeQuery = `
	SELECT COUNT(*), COALESCE(SUM(date(first_answered_at, '+7 hours') <= first_due_on), 0)
	FROM questions
	WHERE first_answered_at <> '' AND first_answered_at >= ? AND first_answered_at < ?
	  AND date(first_answered_at, '+7 hours') BETWEEN ? AND ?`

func onTimeArgs(from, to time.Time) []any {
	return []any{ts(from.Add(-7 * time.Hour)), ts(to.Add(17 * time.Hour)), fmtDate(from), fmtDate(to)}
}

// OnTimeBetween counts first answers published from from to to (civil
// dates, inclusive), by the one clock: on time when the first answer's
// date in Vietnam is not after the due date then in force. Protected items
// count too (their numbers are public, their text is not).
func (s *Store) OnTimeBetween(ctx context.Context, from, to time.Time) (OnTime, error) {
	// first_answered_at is UTC; Vietnam's date is 7 hours ahead.
	var r OnTime
	err := s.r.QueryRowContext(ctx, onTimeQuery, onTimeArgs(from, to)...).Scan(&r.Answered, &r.OnTime)
	if err != nil {
		return r, fmt.Errorf("store: on time: %w", err)
	}
	return r, nil
}

// ProtectedCount is the number of protected items of a kind in a state.
type ProtectedCount struct {
	Kind  string
	State string
	N     int
}

// ProtectedCounts counts complaints and denunciations by kind and state:
// all the public sees of them, besides published outcomes.
func (s *Store) ProtectedCounts(ctx context.Context) ([]ProtectedCount, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT kind, state, SUM(n) FROM question_counts WHERE protected = 1
		GROUP BY kind, state HAVING SUM(n) > 0 ORDER BY kind, state`)
	if err != nil {
		return nil, fmt.Errorf("store: protected counts: %w", err)
	}
	defer rows.Close()
	var out []ProtectedCount
	for rows.Next() {
		var c ProtectedCount
		if err := rows.Scan(&c.Kind, &c.State, &c.N); err != nil {
			return nil, fmt.Errorf("store: protected counts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ProtectedOutcomes lists the published outcomes of protected items,
// newest first: kind, state, the month received and the outcome text
// only.
func (s *Store) ProtectedOutcomes(ctx context.Context, limit int) ([]Question, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+questionColumns+questionFrom+`
		WHERE q.listed = 0 AND q.protected = 1 AND q.outcome <> '' ORDER BY q.updated_at DESC, q.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: protected outcomes: %w", err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("store: protected outcomes: %w", err)
		}
		out = append(out, q.Public())
	}
	return out, rows.Err()
}

// PublicQuestionsAfter reads up to limit listed items with ids above
// afterID, in id order, as public copies: exports stream with it.
func (s *Store) PublicQuestionsAfter(ctx context.Context, afterID int64, limit int) ([]Question, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+questionColumns+questionFrom+`
		WHERE q.id > ? AND q.listed = 1 ORDER BY q.id LIMIT ?`, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: questions after: %w", err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("store: questions after: %w", err)
		}
		out = append(out, q.Public())
	}
	return out, rows.Err()
}

// ReplyTemplate is a reply officers start from, per topic (” for any).
type ReplyTemplate struct {
	ID        int64
	Topic     string
	Title     string
	Body      string // sanitised HTML
	UpdatedBy string
	UpdatedAt time.Time
}

// ReplyTemplates lists the templates of a topic and those for any topic;
// topic "" lists all.
func (s *Store) ReplyTemplates(ctx context.Context, topic string) ([]ReplyTemplate, error) {
	q := `SELECT t.id, t.topic, t.title, t.body, COALESCE(u.name, ''), t.updated_at
		FROM reply_templates t LEFT JOIN users u ON u.id = t.updated_by`
	var args []any
	if topic != "" {
		q += " WHERE t.topic IN (?, '')"
		args = append(args, topic)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY t.topic, t.title, t.id", args...)
	if err != nil {
		return nil, fmt.Errorf("store: reply templates: %w", err)
	}
	defer rows.Close()
	var out []ReplyTemplate
	for rows.Next() {
		var t ReplyTemplate
		var at string
		if err := rows.Scan(&t.ID, &t.Topic, &t.Title, &t.Body, &t.UpdatedBy, &at); err != nil {
			return nil, fmt.Errorf("store: reply templates: %w", err)
		}
		t.UpdatedAt = parseTS(at)
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveReplyTemplate creates (ID 0) or changes a template.
func (s *Store) SaveReplyTemplate(ctx context.Context, t ReplyTemplate, userID int64) (int64, error) {
	id := t.ID
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := ts(s.now())
		if id == 0 {
			res, err := tx.ExecContext(ctx, "INSERT INTO reply_templates(topic, title, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
				t.Topic, t.Title, t.Body, nullID(userID), now)
			if err != nil {
				return err
			}
			id, _ = res.LastInsertId()
		} else {
			res, err := tx.ExecContext(ctx, "UPDATE reply_templates SET topic = ?, title = ?, body = ?, updated_by = ?, updated_at = ? WHERE id = ?",
				t.Topic, t.Title, t.Body, nullID(userID), now, id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return ErrNotFound
			}
		}
		return s.audit(ctx, tx, userID, "reply_template.save", "reply_template", id, t.Title)
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return 0, fmt.Errorf("store: save reply template: %w", err)
	}
	return id, err
}

// DeleteReplyTemplate removes a template.
func (s *Store) DeleteReplyTemplate(ctx context.Context, id, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM reply_templates WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.audit(ctx, tx, userID, "reply_template.delete", "reply_template", id, "")
	})
}

// QuestionLimit is an administrator's value of the clock.
type QuestionLimit struct {
	Kind, Topic, Name string
	Days              int
	Source            string
	UpdatedBy         string
	UpdatedAt         time.Time
}

// QuestionLimits lists the administrators' values.
func (s *Store) QuestionLimits(ctx context.Context) ([]QuestionLimit, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT l.kind, l.topic, l.name, l.days, l.source, COALESCE(u.name, ''), l.updated_at
		FROM question_limits l LEFT JOIN users u ON u.id = l.updated_by ORDER BY l.kind, l.topic, l.name`)
	if err != nil {
		return nil, fmt.Errorf("store: question limits: %w", err)
	}
	defer rows.Close()
	var out []QuestionLimit
	for rows.Next() {
		var l QuestionLimit
		var at string
		if err := rows.Scan(&l.Kind, &l.Topic, &l.Name, &l.Days, &l.Source, &l.UpdatedBy, &at); err != nil {
			return nil, fmt.Errorf("store: question limits: %w", err)
		}
		l.UpdatedAt = parseTS(at)
		out = append(out, l)
	}
	return out, rows.Err()
}

// SetQuestionLimit sets an administrator's value; it applies to items
// received from then on (an item keeps the limits it was received with).
func (s *Store) SetQuestionLimit(ctx context.Context, l QuestionLimit, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO question_limits(kind, topic, name, days, source, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (kind, topic, name) DO UPDATE SET days = excluded.days, source = excluded.source,
				updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			l.Kind, l.Topic, l.Name, l.Days, l.Source, nullID(userID), ts(s.now()))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "question_limit.set", "question_limit", 0,
			fmt.Sprintf("%s/%s/%s = %d", l.Kind, l.Topic, l.Name, l.Days))
	})
}

// DeleteQuestionLimit returns a value to its legal default.
func (s *Store) DeleteQuestionLimit(ctx context.Context, kind, topic, name string, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM question_limits WHERE kind = ? AND topic = ? AND name = ?", kind, topic, name); err != nil {
			return err
		}
		return s.audit(ctx, tx, userID, "question_limit.reset", "question_limit", 0, kind+"/"+topic+"/"+name)
	})
}
