package indicators

import "sort"

// Stats are the response statistics of one group of items (a unit, a
// topic), as freedom-of-information portals publish them. Each figure
// carries the items behind it.
type Stats struct {
	Group      string
	Received   Value // received in the period: Num = Den = the count
	Answered   Value // first answered in the period: Num = Den = the count
	OnTime     Value // AnsweredOnTime
	OverdueNow Value // open and overdue today, whenever received: Num = Den = the count
	Median     Value // MedianDaysToAnswer
	P90        Value // P90DaysToAnswer
	Satisfied  Value // Satisfied
}

// count is a Value that only counts items meeting a condition.
func count(qs []QuestionFact, in func(QuestionFact) bool) Value {
	var v Value
	for _, q := range qs {
		if !in(q) {
			continue
		}
		v.Den++
		if q.public() {
			v.Items = append(v.Items, q.ID)
		} else {
			v.Hidden++
		}
	}
	v.Num, v.Value, v.NoData = v.Den, float64(v.Den), v.Den == 0
	return v
}

// StatsBy groups the items by group (QuestionFact.Unit, .Topic…) and gives
// each group's statistics for period p, ordered by group. Items whose
// group is empty form the group "".
func StatsBy(qs []QuestionFact, p Period, group func(QuestionFact) string) []Stats {
	byGroup := map[string][]QuestionFact{}
	for _, q := range qs {
		g := group(q)
		byGroup[g] = append(byGroup[g], q)
	}
	out := make([]Stats, 0, len(byGroup))
	for g, gq := range byGroup {
		out = append(out, Stats{
			Group:      g,
			Received:   count(gq, func(q QuestionFact) bool { return p.Contains(q.Received) }),
			Answered:   count(gq, func(q QuestionFact) bool { return q.answered(p) }),
			OnTime:     AnsweredOnTime(gq, p),
			OverdueNow: count(gq, func(q QuestionFact) bool { return q.OverdueNow }),
			Median:     MedianDaysToAnswer(gq, p),
			P90:        P90DaysToAnswer(gq, p),
			Satisfied:  Satisfied(gq, p),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return out
}
