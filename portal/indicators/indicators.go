// Package indicators computes the plan's indicators from what the portal
// records. It is pure: the store fills plain fact structs (QuestionFact,
// DisclosureFact, ReceptionSession, ProcedureFact, VillageContacts,
// DraftFact) and each named function turns them into a Value for a
// period. The scorecard shows each function's Method, in Vietnamese,
// beside the figure.
//
// Dates are civil dates, as in portal/qclock: time.Time values at midnight
// UTC whose year, month and day are the date in Vietnam. A Period includes
// both its first and its last day.
//
// Shares are percentages (0–100), so that a target of "> 95 %" is
// Target{Value: 95, Direction: ">", Unit: "%"}.
package indicators

import (
	"sort"
	"time"
)

// Period is the span an indicator is computed for, both days included.
type Period struct {
	From, To time.Time
}

// Contains reports whether the civil date t falls in the period.
func (p Period) Contains(t time.Time) bool {
	return !t.IsZero() && !t.Before(p.From) && !t.After(p.To)
}

// Value is an indicator's figure for a period, with the items behind it.
type Value struct {
	// Num and Den: for a share, the items that meet the condition and
	// the items counted. For a median or percentile, Den is the number
	// of items and Num is 0; for MeanRating, Num is the sum of the
	// ratings.
	Num, Den int
	Value    float64 // the figure: a percentage, days or a mean
	NoData   bool    // nothing to count in the period: Value means nothing
	Items    []int64 // the public items counted, in the order given
	Hidden   int     // items counted that are not public (protected, rejected…)
}

// counter builds a share: each item counted adds to Den, and to Num when
// it meets the condition.
type counter struct{ v Value }

func (c *counter) add(id int64, public, met bool) {
	c.v.Den++
	if met {
		c.v.Num++
	}
	if public {
		c.v.Items = append(c.v.Items, id)
	} else {
		c.v.Hidden++
	}
}

func (c *counter) share() Value {
	v := c.v
	if v.Den == 0 {
		v.NoData = true
		return v
	}
	v.Value = 100 * float64(v.Num) / float64(v.Den)
	return v
}

// Percentile is the nearest-rank percentile q (0 < q ≤ 100) of xs: the
// smallest value such that at least q % of the values are less than or
// equal to it, that is the value at rank ⌈q/100 × n⌉ in ascending order.
// It is always one of the values, never an average of two: the median of
// 2, 4, 6, 8 is 4 (rank 2 of 4). ok is false when xs is empty.
func Percentile(xs []int, q float64) (p int, ok bool) {
	if len(xs) == 0 {
		return 0, false
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	// Integer arithmetic for the rank, so that 90 % of 10 is exactly 9.
	n := len(s)
	rank := int((int64(q*1000)*int64(n) + 100000 - 1) / 100000)
	if rank < 1 {
		rank = 1
	}
	if rank > n {
		rank = n
	}
	return s[rank-1], true
}
