package indicators

import (
	"reflect"
	"testing"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/workdays"
)

var cal = workdays.Default(2025, 2027)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// answered builds a public question received on received with the usual
// ten working days to reply, first answered on first ("" for none); the
// due date and the days taken come from qclock on the Default calendar,
// as the store computes them.
func answered(id int64, received, first string) QuestionFact {
	c := qclock.Clock{Start: day(received), ReplyDays: 10}
	q := QuestionFact{ID: id, Kind: "cau-hoi", Public: true, Accepted: true, Received: day(received), FirstDue: c.Due(cal)}
	if first != "" {
		q.FirstAnswered = day(first)
		q.Taken = c.Taken(cal, q.FirstAnswered)
		q.Published = true
	}
	return q
}

var february = Period{From: day("2026-02-01"), To: day("2026-02-28")}
var march = Period{From: day("2026-03-01"), To: day("2026-03-31")}

func TestAnsweredOnTime(t *testing.T) {
	protected := answered(9, "2026-03-02", "2026-03-05")
	protected.Protected, protected.Public = true, false
	rejected := answered(10, "2026-03-02", "2026-03-06")
	rejected.Public = false
	tests := []struct {
		name     string
		qs       []QuestionFact
		p        Period
		num, den int
		value    float64
		noData   bool
		items    []int64
		hidden   int
	}{
		{name: "no items", p: march, noData: true},
		{name: "none answered in the period", qs: []QuestionFact{answered(1, "2026-03-02", ""), answered(2, "2026-01-05", "2026-01-07")},
			p: march, noData: true},
		{name: "all late", qs: []QuestionFact{answered(1, "2026-03-02", "2026-03-20"), answered(2, "2026-03-03", "2026-03-31")},
			p: march, num: 0, den: 2, value: 0, items: []int64{1, 2}},
		// Received Tuesday 3 February 2026: ten weekdays would end on 17
		// February, in Tết; the calendar moves the due date to 24 February, and
		// an answer on the due date itself is on time.
		{name: "deadline in Tết", qs: []QuestionFact{answered(1, "2026-02-03", "2026-02-24"), answered(2, "2026-02-03", "2026-02-25")},
			p: february, num: 1, den: 2, value: 50, items: []int64{1, 2}},
		// Received 9 February: due 2 March, past the week of Tết.
		{name: "answered after Tết, before the due date", qs: []QuestionFact{answered(1, "2026-02-09", "2026-02-27")},
			p: february, num: 1, den: 1, value: 100, items: []int64{1}},
		{name: "protected and rejected are hidden", qs: []QuestionFact{answered(1, "2026-03-02", "2026-03-04"), protected, rejected},
			p: march, num: 3, den: 3, value: 100, items: []int64{1}, hidden: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := AnsweredOnTime(tt.qs, tt.p)
			if v.Num != tt.num || v.Den != tt.den || v.Value != tt.value || v.NoData != tt.noData || v.Hidden != tt.hidden ||
				!reflect.DeepEqual(v.Items, tt.items) {
				t.Errorf("got %+v, want %d/%d = %v noData %v items %v hidden %d", v, tt.num, tt.den, tt.value, tt.noData, tt.items, tt.hidden)
			}
		})
	}
}

func TestTetDueDate(t *testing.T) {
	// The fixture's premise: without Tết the due date would be 17 February.
	if got := answered(1, "2026-02-03", "").FirstDue; !got.Equal(day("2026-02-24")) {
		t.Fatalf("due date of an item received 3 February 2026 = %s, want 2026-02-24", got.Format("2006-01-02"))
	}
}

// An item reopened after its answer keeps its first answer's date and the
// due date then in force (store.Question.FirstAnsweredAt, FirstDueOn): the
// later answer and the due date of the reopened clock change nothing.
func TestReopenedJudgedByFirstAnswer(t *testing.T) {
	late := answered(1, "2026-03-02", "2026-03-20")  // due 16 March: late; answered again on time in April
	early := answered(2, "2026-03-02", "2026-03-05") // on time; reopened and answered again late in April
	v := AnsweredOnTime([]QuestionFact{late, early}, march)
	if v.Num != 1 || v.Den != 2 || !reflect.DeepEqual(v.Items, []int64{1, 2}) {
		t.Errorf("March: %+v, want 1/2 (the late first answer stays late)", v)
	}
	// April, when both were answered again, counts neither.
	if v := AnsweredOnTime([]QuestionFact{late, early}, Period{From: day("2026-04-01"), To: day("2026-04-30")}); !v.NoData {
		t.Errorf("April counts items first answered in March: %+v", v)
	}
}

func TestPercentile(t *testing.T) {
	tests := []struct {
		xs   []int
		q    float64
		want int
		ok   bool
	}{
		{nil, 50, 0, false},
		{[]int{7}, 50, 7, true},
		{[]int{7}, 90, 7, true},
		{[]int{8, 2, 6, 4}, 50, 4, true}, // even count: the lower middle, never an average
		{[]int{8, 2, 6, 4}, 90, 8, true},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9, true}, // rank exactly 9
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90, 10, true},
		{[]int{3, 1, 2}, 50, 2, true},
		{[]int{5, 5, 1}, 100, 5, true},
	}
	for _, tt := range tests {
		got, ok := Percentile(tt.xs, tt.q)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Percentile(%v, %v) = %d, %v; want %d, %v", tt.xs, tt.q, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDaysToAnswer(t *testing.T) {
	if v := MedianDaysToAnswer(nil, march); !v.NoData || v.Den != 0 {
		t.Errorf("no items: %+v", v)
	}
	one := []QuestionFact{answered(1, "2026-03-02", "2026-03-05")} // 3 working days
	if v := MedianDaysToAnswer(one, march); v.Value != 3 || v.Den != 1 || v.NoData {
		t.Errorf("one item: median %+v, want 3", v)
	}
	if v := P90DaysToAnswer(one, march); v.Value != 3 {
		t.Errorf("one item: p90 %+v, want 3", v)
	}
	// Received 9 February, answered 27 February: 9 working days, the week
	// of Tết not counted.
	tet := []QuestionFact{answered(1, "2026-02-09", "2026-02-27")}
	if v := MedianDaysToAnswer(tet, february); v.Value != 9 {
		t.Errorf("across Tết: median %v days, want 9", v.Value)
	}
	protected := answered(5, "2026-03-02", "2026-03-16") // 10 days
	protected.Protected, protected.Public = true, false
	four := []QuestionFact{
		answered(1, "2026-03-02", "2026-03-03"), // 1
		answered(2, "2026-03-02", "2026-03-09"), // 5
		answered(3, "2026-03-02", "2026-03-04"), // 2
		protected,                               // 10
	}
	v := MedianDaysToAnswer(four, march)
	if v.Value != 2 || v.Den != 4 || v.Hidden != 1 || !reflect.DeepEqual(v.Items, []int64{1, 2, 3}) {
		t.Errorf("even count: median %+v, want 2 days over 4, 1 hidden", v)
	}
	if v := P90DaysToAnswer(four, march); v.Value != 10 {
		t.Errorf("even count: p90 %v, want 10", v.Value)
	}
}

func TestLateApologised(t *testing.T) {
	late1 := answered(1, "2026-03-02", "2026-03-20")
	late1.Apology = true
	late2 := answered(2, "2026-03-02", "2026-03-23")
	onTime := answered(3, "2026-03-02", "2026-03-04")
	if v := LateApologised([]QuestionFact{onTime}, march); !v.NoData {
		t.Errorf("no late answer: %+v, want no data", v)
	}
	v := LateApologised([]QuestionFact{late1, late2, onTime}, march)
	if v.Num != 1 || v.Den != 2 || v.Value != 50 {
		t.Errorf("got %+v, want 1/2 = 50", v)
	}
}

func TestAcceptedPublished(t *testing.T) {
	unanswered := answered(2, "2026-03-10", "")
	unanswered.Published = false
	private := answered(3, "2026-03-10", "2026-03-12")
	private.Public, private.Published = false, false // accepted, answer kept off the portal
	complaint := answered(4, "2026-03-10", "2026-03-12")
	complaint.Protected, complaint.Public, complaint.Published = true, false, false
	notAccepted := answered(5, "2026-03-10", "")
	notAccepted.Accepted, notAccepted.Public = false, false
	earlier := answered(6, "2026-02-10", "2026-02-12")
	qs := []QuestionFact{answered(1, "2026-03-02", "2026-03-05"), unanswered, private, complaint, notAccepted, earlier}
	v := AcceptedPublished(qs, march)
	if v.Num != 1 || v.Den != 3 || v.Hidden != 1 || !reflect.DeepEqual(v.Items, []int64{1, 2}) {
		t.Errorf("got %+v, want 1/3 with items 1, 2 and 1 hidden", v)
	}
	if v := AcceptedPublished(nil, march); !v.NoData {
		t.Errorf("no items: %+v", v)
	}
}

func TestSatisfaction(t *testing.T) {
	rated := func(id int64, r int) QuestionFact {
		q := answered(id, "2026-03-02", "2026-03-05")
		q.Rating = r
		return q
	}
	qs := []QuestionFact{rated(1, 5), rated(2, 4), rated(3, 2), rated(4, 0), rated(5, 1)}
	v := Satisfied(qs, march)
	if v.Num != 2 || v.Den != 4 || v.Value != 50 {
		t.Errorf("satisfied %+v, want 2/4 = 50 (unrated left out)", v)
	}
	m := MeanRating(qs, march)
	if m.Num != 12 || m.Den != 4 || m.Value != 3 {
		t.Errorf("mean %+v, want 12/4 = 3", m)
	}
	if v := Satisfied([]QuestionFact{rated(1, 0)}, march); !v.NoData {
		t.Errorf("nobody rated: %+v, want no data", v)
	}
	if v := MeanRating(nil, march); !v.NoData {
		t.Errorf("no items: %+v", v)
	}
}
