package indicators

import "sort"

// QuestionCounts are the question figures of one group of items over a
// period of whole months, as the store keeps them (store.QuestionStats sums
// its monthly rows). From them the question indicators come out equal to
// the functions over QuestionFacts, without reading a million items. Their
// Values have no Items: the evidence of a kept figure is a link to the
// filtered list of questions.
//
// Each *Hidden counts those of the items counted that are not public.
type QuestionCounts struct {
	Group string
	// Received in the period.
	Received, ReceivedHidden int
	// Received in the period, accepted and not protected; of those,
	// published with their answer (AcceptedPublished).
	Accepted, Published int
	// First answered in the period; of those on time and late.
	Answered, AnsweredHidden int
	OnTime                   int
	Late, LateHidden         int
	LateApology              int // late first answers with an apology
	// Rated, among the items first answered in the period.
	Rated, RatedHidden int
	RatingSum          int
	RatedHigh          int // rated 4 or 5
	// Days: the days the first answers in the period took, ascending.
	Days []DayCount
	// OverdueNow: open and overdue on the day the figures are read,
	// whenever received.
	OverdueNow, OverdueHidden int
}

// DayCount is how many first answers took Days days.
type DayCount struct {
	Days, N int
}

// Add adds o's figures to c (two months, two units).
func (c *QuestionCounts) Add(o QuestionCounts) {
	c.Received += o.Received
	c.ReceivedHidden += o.ReceivedHidden
	c.Accepted += o.Accepted
	c.Published += o.Published
	c.Answered += o.Answered
	c.AnsweredHidden += o.AnsweredHidden
	c.OnTime += o.OnTime
	c.Late += o.Late
	c.LateHidden += o.LateHidden
	c.LateApology += o.LateApology
	c.Rated += o.Rated
	c.RatedHidden += o.RatedHidden
	c.RatingSum += o.RatingSum
	c.RatedHigh += o.RatedHigh
	c.OverdueNow += o.OverdueNow
	c.OverdueHidden += o.OverdueHidden
	c.Days = mergeDays(c.Days, o.Days)
}

// mergeDays adds two histograms, keeping days ascending.
func mergeDays(a, b []DayCount) []DayCount {
	if len(b) == 0 {
		return a
	}
	m := map[int]int{}
	for _, d := range a {
		m[d.Days] += d.N
	}
	for _, d := range b {
		m[d.Days] += d.N
	}
	out := make([]DayCount, 0, len(m))
	for days, n := range m {
		if n > 0 {
			out = append(out, DayCount{days, n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Days < out[j].Days })
	return out
}

// share is a percentage Value of num among den, hidden of them not public.
func share(num, den, hidden int) Value {
	v := Value{Num: num, Den: den, Hidden: hidden}
	if den == 0 {
		v.NoData = true
		return v
	}
	v.Value = 100 * float64(num) / float64(den)
	return v
}

// tally is a Value that counts n items.
func tally(n, hidden int) Value {
	return Value{Num: n, Den: n, Value: float64(n), NoData: n == 0, Hidden: hidden}
}

// AnsweredOnTime is AnsweredOnTime over the counted items.
func (c QuestionCounts) AnsweredOnTime() Value {
	return share(c.OnTime, c.Answered, c.AnsweredHidden)
}

// DaysToAnswer is DaysToAnswer (nearest rank) over the histogram.
func (c QuestionCounts) DaysToAnswer(q float64) Value {
	v := Value{Den: c.Answered, Hidden: c.AnsweredHidden}
	d, ok := HistogramPercentile(c.Days, q)
	v.Value, v.NoData = float64(d), !ok
	return v
}

// MedianDaysToAnswer is DaysToAnswer at 50.
func (c QuestionCounts) MedianDaysToAnswer() Value { return c.DaysToAnswer(50) }

// P90DaysToAnswer is DaysToAnswer at 90.
func (c QuestionCounts) P90DaysToAnswer() Value { return c.DaysToAnswer(90) }

// LateApologised is LateApologised over the counted items.
func (c QuestionCounts) LateApologised() Value {
	return share(c.LateApology, c.Late, c.LateHidden)
}

// AcceptedPublished is AcceptedPublished over the counted items.
func (c QuestionCounts) AcceptedPublished() Value {
	return share(c.Published, c.Accepted, 0)
}

// Satisfied is Satisfied over the counted items.
func (c QuestionCounts) Satisfied() Value {
	return share(c.RatedHigh, c.Rated, c.RatedHidden)
}

// MeanRating is MeanRating over the counted items.
func (c QuestionCounts) MeanRating() Value {
	v := Value{Num: c.RatingSum, Den: c.Rated, Hidden: c.RatedHidden}
	if c.Rated == 0 {
		v.NoData = true
		return v
	}
	v.Value = float64(c.RatingSum) / float64(c.Rated)
	return v
}

// Stats are the group's response statistics (see StatsBy).
func (c QuestionCounts) Stats() Stats {
	return Stats{
		Group:      c.Group,
		Received:   tally(c.Received, c.ReceivedHidden),
		Answered:   tally(c.Answered, c.AnsweredHidden),
		OnTime:     c.AnsweredOnTime(),
		OverdueNow: tally(c.OverdueNow, c.OverdueHidden),
		Median:     c.MedianDaysToAnswer(),
		P90:        c.P90DaysToAnswer(),
		Satisfied:  c.Satisfied(),
	}
}

// Of is the value of the question indicator with Catalog key key, and
// whether key names one (a test checks every question key of Catalog is
// here).
func (c QuestionCounts) Of(key string) (Value, bool) {
	switch key {
	case "tra-loi-dung-han":
		return c.AnsweredOnTime(), true
	case "ngay-tra-loi-trung-vi":
		return c.MedianDaysToAnswer(), true
	case "ngay-tra-loi-p90":
		return c.P90DaysToAnswer(), true
	case "tre-han-xin-loi":
		return c.LateApologised(), true
	case "tiep-nhan-cong-khai":
		return c.AcceptedPublished(), true
	case "hai-long":
		return c.Satisfied(), true
	case "diem-hai-long":
		return c.MeanRating(), true
	}
	return Value{}, false
}

// HistogramPercentile is Percentile over the values a histogram counts
// (days ascending): the same nearest rank, without listing every value.
func HistogramPercentile(h []DayCount, q float64) (p int, ok bool) {
	n := 0
	for _, d := range h {
		n += d.N
	}
	if n == 0 {
		return 0, false
	}
	rank := int((int64(q*1000)*int64(n) + 100000 - 1) / 100000)
	if rank < 1 {
		rank = 1
	}
	if rank > n {
		rank = n
	}
	seen := 0
	for _, d := range h {
		seen += d.N
		if seen >= rank {
			return d.Days, true
		}
	}
	return h[len(h)-1].Days, true
}
