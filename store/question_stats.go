package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"minhbach/portal/indicators"
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

// notDueQuery counts, per unit and topic, the items awaiting an answer
// whose due date is today or later, from the index questions_open_stats
// alone: the items awaiting an answer less these are the overdue ones (a
// paused item is not overdue, nor a complaint or denunciation not yet
// accepted: its reply clock has not started; see Question.Clock).
const notDueQuery = `
	SELECT COALESCE(unit_id, 0), CASE WHEN protected = 1 THEN '' ELSE topic END, COUNT(*),
		SUM(NOT (state <> 'received' AND protected = 0 AND public_title <> ''))
	FROM questions INDEXED BY questions_open_stats
	WHERE state IN ('received', 'accepted', 'assigned') AND due_on >= ?
	  AND NOT (state = 'received' AND kind IN ('complaint', 'denunciation'))
	GROUP BY 1, 2`

// overdueCell is the overdue items of one unit and topic.
type overdueCell struct {
	unit      int64
	topic     string
	n, hidden int
}

// overdueCells are the items overdue on civil date today per unit and
// topic: those awaiting an answer (kept) less those not due yet.
func (s *Store) overdueCells(ctx context.Context, today time.Time) ([]overdueCell, error) {
	key := func(unit int64, topic string) [2]string { return [2]string{strconv.FormatInt(unit, 10), topic} }
	cells := map[[2]string]*overdueCell{}
	read := func(query string, sign int, args ...any) error {
		rows, err := s.r.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c overdueCell
			if err := rows.Scan(&c.unit, &c.topic, &c.n, &c.hidden); err != nil {
				return err
			}
			k := key(c.unit, c.topic)
			if cells[k] == nil {
				cells[k] = &overdueCell{unit: c.unit, topic: c.topic}
			}
			cells[k].n += sign * c.n
			cells[k].hidden += sign * c.hidden
		}
		return rows.Err()
	}
	if err := read("SELECT unit_id, topic, n, hidden FROM question_open_counts WHERE n > 0", 1); err != nil {
		return nil, fmt.Errorf("store: overdue now: %w", err)
	}
	if err := read(notDueQuery, -1, fmtDate(today)); err != nil {
		return nil, fmt.Errorf("store: overdue now: %w", err)
	}
	out := make([]overdueCell, 0, len(cells))
	for _, c := range cells {
		if c.n > 0 {
			out = append(out, *c)
		}
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

// QuestionCounts sums the kept statistics of the whole months from–to:
// every question indicator of the period is one c.Of(key) away, so a
// scorecard reads them once per period, not once per indicator.
func (s *Store) QuestionCounts(ctx context.Context, from, to time.Time) (indicators.QuestionCounts, error) {
	var c indicators.QuestionCounts
	groups, err := s.QuestionStats(ctx, from, to, StatsTotal)
	if err != nil {
		return c, err
	}
	for _, g := range groups {
		c.Add(g.Counts)
	}
	return c, nil
}
