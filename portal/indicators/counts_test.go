package indicators

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// The percentile of a histogram is the percentile of the values it counts.
func TestHistogramPercentileIsPercentile(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 60; n++ {
		var xs []int
		var c QuestionCounts
		for range n {
			x := r.IntN(25)
			xs = append(xs, x)
			c.Add(QuestionCounts{Days: []DayCount{{x, 1}}})
		}
		for _, q := range []float64{1, 50, 90, 99.5, 100} {
			want, wok := Percentile(xs, q)
			got, ok := HistogramPercentile(c.Days, q)
			if got != want || ok != wok {
				t.Fatalf("n=%d q=%v: histogram %d %v, values %d %v (%v)", n, q, got, ok, want, wok, xs)
			}
		}
	}
}

// Every question indicator of the catalog has its kept-figures twin.
func TestCountsCoverTheQuestionIndicators(t *testing.T) {
	qs := []QuestionFact{answered(1, "2026-03-02", "2026-03-05"), answered(2, "2026-03-02", "2026-03-31")}
	qs[1].Apology, qs[1].Rating = true, 4
	c := QuestionCounts{Answered: 2, OnTime: 1, Late: 1, LateApology: 1, Rated: 1, RatingSum: 4, RatedHigh: 1,
		Received: 2, Accepted: 2, Published: 2, Days: []DayCount{{qs[0].Taken, 1}, {qs[1].Taken, 1}}}
	questions := 0
	for _, d := range Catalog {
		got, ok := c.Of(d.Key)
		if !ok {
			continue
		}
		questions++
		want := d.Compute(Facts{Questions: qs}, march)
		want.Items = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: counts %+v, facts %+v", d.Key, got, want)
		}
	}
	if questions != 7 {
		t.Errorf("%d question indicators from counts, want 7", questions)
	}
}
