package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/qclock"
	"minhbach/portal/rules"
)

// QuestionStatsSchema is the schema version that keeps the response
// statistics (migration 0014): a database being upgraded from an older
// one has no first_answer_days to write.
const QuestionStatsSchema = 14

func (s *Store) questionStats() bool { return s.schema.Load() >= QuestionStatsSchema }

// Grouping of the response statistics.
const (
	StatsTotal   = "total" // one group, ""
	StatsByUnit  = "unit"  // per unit handling the item (0: none yet)
	StatsByTopic = "topic" // per topic ('' for protected items, whose topic is not public)
)

// QuestionGroup is one group's response statistics: Counts.Group is the
// unit's name or the topic.
type QuestionGroup struct {
	UnitID int64
	Topic  string
	Counts indicators.QuestionCounts
}

// groupKey is where a row of the kept statistics goes.
func groupKey(by string, unit int64, topic string) (int64, string) {
	switch by {
	case StatsByUnit:
		return unit, ""
	case StatsByTopic:
		return 0, topic
	}
	return 0, ""
}

// month is the kept statistics' key of the month of civil date t.
func month(t time.Time) string { return t.Format("2006-01") }

// QuestionStats reads the kept response statistics of the months from
// the month of from to the month of to (civil dates), grouped by (a
// Stats* constant), in group order. The figures are those of the
// indicators over QuestionFacts for the period of those whole months,
// OverdueNow aside (see OverdueNow).
func (s *Store) QuestionStats(ctx context.Context, from, to time.Time, by string) ([]QuestionGroup, error) {
	groups := map[[2]string]*QuestionGroup{}
	get := func(unit int64, topic string) *QuestionGroup {
		unit, topic = groupKey(by, unit, topic)
		k := [2]string{strconv.FormatInt(unit, 10), topic}
		g := groups[k]
		if g == nil {
			g = &QuestionGroup{UnitID: unit, Topic: topic}
			groups[k] = g
		}
		return g
	}
	cols := map[string]string{StatsTotal: "0, ''", StatsByUnit: "unit_id, ''", StatsByTopic: "0, topic"}[by]
	if cols == "" {
		return nil, fmt.Errorf("store: question stats: unknown grouping %q", by)
	}
	rows, err := s.r.QueryContext(ctx, `
		SELECT `+cols+`, SUM(received), SUM(received_hidden), SUM(accepted), SUM(published),
			SUM(answered), SUM(answered_hidden), SUM(on_time), SUM(late), SUM(late_hidden), SUM(late_apology),
			SUM(rated), SUM(rated_hidden), SUM(rating_sum), SUM(rated_high)
		FROM question_month_stats WHERE month BETWEEN ? AND ?
		GROUP BY 1, 2
		-- A group whose items all moved elsewhere keeps a row of zeros.
		HAVING SUM(received) > 0 OR SUM(answered) > 0`, month(from), month(to))
	if err != nil {
		return nil, fmt.Errorf("store: question stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var topic string
		var c indicators.QuestionCounts
		if err := rows.Scan(&unit, &topic, &c.Received, &c.ReceivedHidden, &c.Accepted, &c.Published,
			&c.Answered, &c.AnsweredHidden, &c.OnTime, &c.Late, &c.LateHidden, &c.LateApology,
			&c.Rated, &c.RatedHidden, &c.RatingSum, &c.RatedHigh); err != nil {
			return nil, fmt.Errorf("store: question stats: %w", err)
		}
		get(unit, topic).Counts.Add(c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: question stats: %w", err)
	}
	rows.Close()

	// The histogram, summed over what the grouping leaves out.
	hist := map[string]string{
		StatsTotal:   "SELECT 0, '', days, SUM(n) FROM question_unit_days",
		StatsByUnit:  "SELECT unit_id, '', days, SUM(n) FROM question_unit_days",
		StatsByTopic: "SELECT 0, topic, days, SUM(n) FROM question_topic_days",
	}[by]
	days, err := s.r.QueryContext(ctx, hist+" WHERE month BETWEEN ? AND ? AND n > 0 GROUP BY 1, 2, 3", month(from), month(to))
	if err != nil {
		return nil, fmt.Errorf("store: question days: %w", err)
	}
	defer days.Close()
	for days.Next() {
		var unit int64
		var topic string
		var d indicators.DayCount
		if err := days.Scan(&unit, &topic, &d.Days, &d.N); err != nil {
			return nil, fmt.Errorf("store: question days: %w", err)
		}
		g := get(unit, topic)
		g.Counts.Days = append(g.Counts.Days, d)
	}
	if err := days.Err(); err != nil {
		return nil, fmt.Errorf("store: question days: %w", err)
	}
	for _, g := range groups {
		sort.Slice(g.Counts.Days, func(i, j int) bool { return g.Counts.Days[i].Days < g.Counts.Days[j].Days })
	}
	return s.namedGroups(ctx, groups, by)
}

// named names groups and orders them (see namedGroups).
func (s *Store) named(ctx context.Context, groups []QuestionGroup, by string) ([]QuestionGroup, error) {
	m := make(map[[2]string]*QuestionGroup, len(groups))
	for i := range groups {
		m[[2]string{strconv.FormatInt(groups[i].UnitID, 10), groups[i].Topic}] = &groups[i]
	}
	return s.namedGroups(ctx, m, by)
}

// namedGroups names each group (the unit's name, the topic) and orders
// them by name.
func (s *Store) namedGroups(ctx context.Context, groups map[[2]string]*QuestionGroup, by string) ([]QuestionGroup, error) {
	names := map[int64]string{}
	if by == StatsByUnit {
		rows, err := s.r.QueryContext(ctx, "SELECT id, name FROM units")
		if err != nil {
			return nil, fmt.Errorf("store: question stats units: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				return nil, fmt.Errorf("store: question stats units: %w", err)
			}
			names[id] = name
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: question stats units: %w", err)
		}
	}
	out := make([]QuestionGroup, 0, len(groups))
	for _, g := range groups {
		switch by {
		case StatsByUnit:
			g.Counts.Group = names[g.UnitID]
		case StatsByTopic:
			g.Counts.Group = g.Topic
		}
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Counts.Group < out[j].Counts.Group })
	return out, nil
}

// overdueNowQuery counts the open items past their due date on a day, per
// unit and topic, from the index questions_open_stats alone. A paused
// item is not overdue, nor a complaint or denunciation not yet accepted:
// its reply clock has not started (Question.Clock).
const overdueNowQuery = `
	SELECT COALESCE(unit_id, 0), CASE WHEN protected = 1 THEN '' ELSE topic END, COUNT(*),
		SUM(NOT (state <> 'received' AND protected = 0 AND public_title <> ''))
	FROM questions INDEXED BY questions_open_stats
	WHERE state IN ('received', 'accepted', 'assigned') AND due_on < ?
	  AND NOT (state = 'received' AND kind IN ('complaint', 'denunciation'))
	GROUP BY 1, 2`

// overdueCell is the overdue items of one unit and topic.
type overdueCell struct {
	unit      int64
	topic     string
	n, hidden int
}

func (s *Store) overdueCells(ctx context.Context, today time.Time) ([]overdueCell, error) {
	rows, err := s.r.QueryContext(ctx, overdueNowQuery, fmtDate(today))
	if err != nil {
		return nil, fmt.Errorf("store: overdue now: %w", err)
	}
	defer rows.Close()
	var out []overdueCell
	for rows.Next() {
		var c overdueCell
		if err := rows.Scan(&c.unit, &c.topic, &c.n, &c.hidden); err != nil {
			return nil, fmt.Errorf("store: overdue now: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: overdue now: %w", err)
	}
	return out, nil
}

// addOverdue adds the overdue cells to groups (by a Stats* constant),
// making the groups that have no kept figures.
func addOverdue(groups []QuestionGroup, cells []overdueCell, by string) []QuestionGroup {
	at := map[[2]string]int{}
	for i, g := range groups {
		at[[2]string{strconv.FormatInt(g.UnitID, 10), g.Topic}] = i
	}
	for _, c := range cells {
		unit, topic := groupKey(by, c.unit, c.topic)
		k := [2]string{strconv.FormatInt(unit, 10), topic}
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, QuestionGroup{UnitID: unit, Topic: topic})
		}
		groups[i].Counts.OverdueNow += c.n
		groups[i].Counts.OverdueHidden += c.hidden
	}
	return groups
}

// OverdueNow counts the items open and overdue on civil date today,
// whenever received, grouped by (a Stats* constant); Counts.OverdueNow and
// OverdueHidden are set, nothing else.
func (s *Store) OverdueNow(ctx context.Context, today time.Time, by string) ([]QuestionGroup, error) {
	cells, err := s.overdueCells(ctx, today)
	if err != nil {
		return nil, err
	}
	groups := addOverdue(nil, cells, by)
	return s.named(ctx, groups, by)
}

// ResponseStats is QuestionStats with OverdueNow on civil date today
// merged in, for each grouping asked (Stats* constants), in that order:
// what /chi-so/hoi-dap shows. The open items are read once.
func (s *Store) ResponseStats(ctx context.Context, from, to, today time.Time, bys ...string) ([][]QuestionGroup, error) {
	cells, err := s.overdueCells(ctx, today)
	if err != nil {
		return nil, err
	}
	out := make([][]QuestionGroup, len(bys))
	for i, by := range bys {
		kept, err := s.QuestionStats(ctx, from, to, by)
		if err != nil {
			return nil, err
		}
		if out[i], err = s.named(ctx, addOverdue(kept, cells, by), by); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// What a list of the items behind a figure counts (QuestionFilter.Counted).
const (
	CountedReceived = "received"
	CountedAnswered = "answered"
)

// Timeliness of a first answer (QuestionFilter.Timely).
const (
	TimelyOnTime = "on_time"
	TimelyLate   = "late"
)

// monthSpan is the civil dates from the first day of from's month to the
// first day of the month after to's, as text: a half-open range.
func monthSpan(from, to time.Time) (string, string) {
	if from.IsZero() {
		from = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to.IsZero() {
		to = time.Date(9998, 12, 1, 0, 0, 0, 0, time.UTC)
	}
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	next := time.Date(to.Year(), to.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return fmtDate(first), fmtDate(next)
}

// countedWhere adds the conditions of the items behind a figure.
func (f QuestionFilter) countedWhere(conds []string, args []any) ([]string, []any) {
	if f.Counted == "" {
		return conds, args
	}
	from, next := monthSpan(f.From, f.To)
	col := "q.received_on"
	if f.Counted == CountedAnswered {
		col = "q.answered_on"
	}
	conds = append(conds, "q.text_public = 1", col+" >= ?", col+" < ?")
	args = append(args, from, next)
	switch f.Timely {
	case TimelyOnTime:
		conds = append(conds, "q.answered_on <> '' AND q.answered_on <= q.first_due_on")
	case TimelyLate:
		conds = append(conds, "q.answered_on > q.first_due_on")
	}
	if f.Rated {
		conds = append(conds, "q.satisfaction IS NOT NULL")
	}
	return conds, args
}

// countCounted counts the items behind a figure from the kept statistics,
// when the filter asks nothing they do not keep; ok is false otherwise.
func (s *Store) countCounted(ctx context.Context, f QuestionFilter) (n int, ok bool, err error) {
	if f.Counted == "" || f.Kind != "" || f.VillageID != 0 || f.State != "" || f.Overdue || f.AssigneeID != 0 ||
		f.AboutID != 0 || (f.Rated && f.Timely != "") {
		return 0, false, nil
	}
	sum := "received - received_hidden"
	switch {
	case f.Counted == CountedAnswered && f.Rated:
		sum = "rated - rated_hidden"
	case f.Counted == CountedAnswered && f.Timely == TimelyOnTime:
		sum = "(answered - answered_hidden) - (late - late_hidden)"
	case f.Counted == CountedAnswered && f.Timely == TimelyLate:
		sum = "late - late_hidden"
	case f.Counted == CountedAnswered:
		sum = "answered - answered_hidden"
	case f.Timely != "" || f.Rated:
		return 0, false, nil
	}
	from, next := monthSpan(f.From, f.To)
	q := "SELECT COALESCE(SUM(" + sum + "), 0) FROM question_month_stats WHERE month >= ? AND month < ?"
	args := []any{from[:7], next[:7]}
	if f.UnitID != 0 {
		q += " AND unit_id = ?"
		args = append(args, f.UnitID)
	}
	if f.Topic != "" {
		q += " AND topic = ?"
		args = append(args, f.Topic)
	}
	if err := s.r.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("store: count questions: %w", err)
	}
	return n, true, nil
}

// QuestionFacts reads the facts of the question indicators straight from
// the items: those received or first answered from from to to (civil
// dates), and those open now. OverdueNow is judged on the store's today.
// It reads every such item: for tests and small data; pages read the kept
// statistics (QuestionStats).
func (s *Store) QuestionFacts(ctx context.Context, from, to time.Time) ([]indicators.QuestionFact, error) {
	cal, err := s.calendar()
	if err != nil {
		return nil, err
	}
	today := civilDate(s.now())
	rows, err := s.r.QueryContext(ctx, `
		SELECT q.id, q.kind, q.protected, q.state, q.topic, COALESCE(un.name, ''), q.public_title,
			q.received_on, q.first_answered_at, q.first_due_on, COALESCE(q.first_answer_days, -1), q.apology,
			COALESCE(q.satisfaction, 0), q.clock_start, q.reply_days, q.extension_days, q.paused_days, q.paused_since,
			EXISTS (SELECT 1 FROM question_events e WHERE e.question_id = q.id AND e.action = 'accepted')
		FROM questions q LEFT JOIN units un ON un.id = q.unit_id
		WHERE q.received_on BETWEEN ? AND ? OR q.answered_on BETWEEN ? AND ? OR q.open = 1
		ORDER BY q.id`, fmtDate(from), fmtDate(to), fmtDate(from), fmtDate(to))
	if err != nil {
		return nil, fmt.Errorf("store: question facts: %w", err)
	}
	defer rows.Close()
	var out []indicators.QuestionFact
	for rows.Next() {
		var f indicators.QuestionFact
		var q Question
		var unit, publicTitle, received, firstAt, firstDue, apology, start, pausedSince string
		var taken int
		if err := rows.Scan(&f.ID, &q.Kind, &q.Protected, &q.State, &q.Topic, &unit, &publicTitle,
			&received, &firstAt, &firstDue, &taken, &apology,
			&f.Rating, &start, &q.ReplyDays, &q.Extension, &q.Paused, &pausedSince, &f.Accepted); err != nil {
			return nil, fmt.Errorf("store: question facts: %w", err)
		}
		q.PublicTitle = publicTitle
		// Accepted: an item that is not protected has its public copy
		// from acceptance on (the rule the kept figures count by); a
		// protected one has none, so its acceptance is its state or its
		// event.
		acceptedEvent := f.Accepted
		switch q.State {
		case QAccepted, QAssigned, QWaiting, QAnswered, QClosed:
			acceptedEvent = true
		}
		f.Accepted = q.TextPublic() || (q.Protected && acceptedEvent)
		q.ReceivedOn, q.ClockStart, q.PausedSince = parseDate(received), parseDate(start), parseDate(pausedSince)
		f.Kind, f.Protected, f.Public = q.Kind, q.Protected, q.TextPublic()
		f.Received, f.FirstDue, f.Apology = q.ReceivedOn, parseDate(firstDue), apology != ""
		if t := parseTS(firstAt); !t.IsZero() {
			f.FirstAnswered = civilDate(t)
		}
		f.Taken = taken
		if taken < 0 {
			f.Taken = 0 // not filled yet: FillAnswerDays
		}
		f.Published = f.Public && (q.State == QAnswered || q.State == QClosed)
		if q.IsOpen() {
			st := q.Clock().StandingOn(cal, today)
			f.OverdueNow = st == qclock.Overdue || st == qclock.VeryOverdue
		}
		f.Unit = unit
		if !q.Protected {
			f.Topic = q.Topic
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: question facts: %w", err)
	}
	return out, nil
}

// FillAnswerDays sets the days the first answer took on every answered
// item that lacks it: the items answered before migration 0014, whose
// days SQL cannot count. It needs the working-day calendar, so the portal
// runs it whenever it sets one (a no-op once all are filled). It returns
// how many it filled.
//
// The first cycle's clock is rebuilt from what stays. Its kind of days is
// the kind's before a later protection (its event comes after the first
// answer). An item never reopened still has its first cycle's start and
// pauses. A reopened item's clock was restarted: on working days, the days
// taken are the reply time and the extension granted before the first
// answer (its event) plus the working days from the due date then in
// force to the answer (fewer when early), exact since pauses only moved
// the due date; on calendar days (complaints, denunciations), whose due
// date may have moved off a day off, the start is the acceptance and the
// pauses those of the events before the first answer (an officer's
// backdated clarification counts from the day it was recorded).
func (s *Store) FillAnswerDays(ctx context.Context) (int, error) {
	if !s.questionStats() {
		return 0, nil
	}
	cal, err := s.calendar()
	if err != nil {
		return 0, err
	}
	filled := 0
	err = s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `
			SELECT q.id, q.kind, q.reopen_count, q.clock_start, q.reply_days, q.extension_days, q.paused_days,
				q.first_answered_at, q.first_due_on, a.id,
				EXISTS (SELECT 1 FROM question_events p WHERE p.question_id = q.id AND p.action = 'protected' AND p.id > a.id),
				COALESCE((SELECT e.days FROM question_events e WHERE e.question_id = q.id AND e.action = 'extended'
					AND e.id < a.id ORDER BY e.id LIMIT 1), 0),
				COALESCE((SELECT e.at FROM question_events e WHERE e.question_id = q.id AND e.action = 'accepted'
					AND NOT EXISTS (SELECT 1 FROM question_events p WHERE p.question_id = q.id
						AND p.action = 'protected' AND p.id > e.id)
					ORDER BY e.id LIMIT 1), ''), q.received_on
			FROM questions q INDEXED BY questions_answer_days_missing
			JOIN question_events a ON a.id = (SELECT MIN(x.id) FROM question_events x
				WHERE x.question_id = q.id AND x.action = 'answered')
			WHERE q.first_answered_at <> '' AND q.first_answer_days IS NULL`)
		if err != nil {
			return err
		}
		type item struct {
			id, answeredEvent int64
			reopened          bool
			c                 qclock.Clock
			allowed           int
			due, answered     time.Time
			accepted          time.Time
		}
		var items []item
		for rows.Next() {
			var it item
			var kind, start, firstAt, firstDue, acceptedAt, received string
			var reopened, firstExt int
			var protectedLater bool
			if err := rows.Scan(&it.id, &kind, &reopened, &start, &it.c.ReplyDays, &it.c.Extension, &it.c.Paused,
				&firstAt, &firstDue, &it.answeredEvent, &protectedLater, &firstExt, &acceptedAt, &received); err != nil {
				rows.Close()
				return err
			}
			it.reopened = reopened > 0
			it.c.Start = parseDate(start)
			it.c.CalendarDays = rules.CalendarDays(kind) && !protectedLater
			it.allowed = it.c.ReplyDays + firstExt
			it.due, it.answered = parseDate(firstDue), civilDate(parseTS(firstAt))
			// A complaint's clock starts at its acceptance; an item
			// protected after it was accepted kept its receipt.
			it.accepted = civilDate(parseTS(acceptedAt))
			if acceptedAt == "" {
				it.accepted = parseDate(received)
			}
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, it := range items {
			days := it.c.Taken(cal, it.answered)
			switch {
			case it.reopened && !it.c.CalendarDays:
				days = it.allowed + qclock.Late(cal, it.due, it.answered, false)
				if it.answered.Before(it.due) {
					days -= cal.CountWorkdays(it.answered, it.due)
				}
				days = max(days, 0)
			case it.reopened:
				paused, err := firstCyclePauses(ctx, tx, it.id, it.answeredEvent)
				if err != nil {
					return err
				}
				c := qclock.Clock{Start: it.accepted, Paused: paused, CalendarDays: true}
				days = c.Taken(cal, it.answered)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE questions SET first_answer_days = ? WHERE id = ?", days, it.id); err != nil {
				return err
			}
		}
		filled = len(items)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: fill answer days: %w", err)
	}
	return filled, nil
}

// firstCyclePauses adds up, in calendar days, the pauses of an item before
// its event before (the first answer): each request for information to
// the clarification that followed.
func firstCyclePauses(ctx context.Context, tx *sql.Tx, id, before int64) (int, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT action, at FROM question_events
		WHERE question_id = ? AND id < ? AND action IN ('info_requested', 'info_provided') ORDER BY id`, id, before)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var paused int
	var since time.Time
	for rows.Next() {
		var action, at string
		if err := rows.Scan(&action, &at); err != nil {
			return 0, err
		}
		d := civilDate(parseTS(at))
		if action == "info_requested" {
			since = d
		} else if !since.IsZero() {
			paused += int(d.Sub(since).Hours() / 24)
			since = time.Time{}
		}
	}
	return paused, rows.Err()
}
