package indicators

import "time"

// QuestionFact is what the question indicators need of one item sent by a
// resident (store.Question). Every date is a civil date.
type QuestionFact struct {
	ID   int64
	Kind string // rules.Kind…: question, petition, complaint…
	// Protected: a complaint or denunciation (store.Question.Protected).
	// It is counted but never listed: it adds to Hidden.
	Protected bool
	// Public: anyone may open the item and read it: store.Question
	// TextPublic() (accepted, not protected, its public title set). A
	// rejected item is not: it adds to Hidden.
	Public   bool
	Received time.Time // store.Question.ReceivedOn
	// FirstAnswered is the day the first answer was published
	// (store.Question.FirstAnsweredAt as a civil date); zero while there
	// is none. An item reopened and answered again keeps it.
	FirstAnswered time.Time
	// FirstDue is the due date in force when the first answer was
	// published (store.Question.FirstDueOn, from qclock.Clock.Due).
	FirstDue time.Time
	// Taken is the working (or, for complaints, calendar) days the first
	// answer took: qclock.Clock.Taken(cal, FirstAnswered).
	Taken int
	// Apology: the late first answer carries an apology
	// (store.Question.Apology not empty).
	Apology bool
	// Accepted: the commune took the item up (it left "received" other
	// than by rejection, forwarding or dismissal).
	Accepted bool
	// Published: the answer is public with the item: answered or closed,
	// and Public.
	Published bool
	Rating    int // the asker's rating, 1–5; 0: not rated
	// OverdueNow: the item is still open and past its due date on the day
	// the figures are computed (qclock Clock.StandingOn is Overdue or
	// VeryOverdue); a paused clock is not overdue.
	OverdueNow bool
	Unit       string
	Topic      string
}

// answered reports whether the item's first answer falls in p.
func (q QuestionFact) answered(p Period) bool { return p.Contains(q.FirstAnswered) }

// onTime reports whether the first answer came by the due date then in
// force (qclock: "answered on time").
func (q QuestionFact) onTime() bool {
	return !q.FirstAnswered.IsZero() && !q.FirstAnswered.After(q.FirstDue)
}

// public reports whether the item may be listed as evidence.
func (q QuestionFact) public() bool { return q.Public && !q.Protected }

// AnsweredOnTime is the share of items first answered in the period whose
// first answer came by the due date then in force. An item reopened and
// answered again is judged by its first answer.
func AnsweredOnTime(qs []QuestionFact, p Period) Value {
	var c counter
	for _, q := range qs {
		if q.answered(p) {
			c.add(q.ID, q.public(), q.onTime())
		}
	}
	return c.share()
}

// MethodAnsweredOnTime says how AnsweredOnTime is computed.
const MethodAnsweredOnTime = "Tỷ lệ câu hỏi, kiến nghị, phản ánh có câu trả lời đầu tiên công bố trong kỳ mà câu trả lời đó được công bố đúng hoặc trước hạn trả lời đang áp dụng khi trả lời (tính theo ngày làm việc, riêng khiếu nại, tố cáo tính theo ngày; không tính ngày chờ người gửi bổ sung; cộng thời gian gia hạn nếu có). Câu hỏi được mở lại vẫn tính theo câu trả lời đầu tiên."

// daysTaken lists the days the first answers in p took.
func daysTaken(qs []QuestionFact, p Period) ([]int, Value) {
	var days []int
	var v Value
	for _, q := range qs {
		if !q.answered(p) {
			continue
		}
		days = append(days, q.Taken)
		v.Den++
		if q.public() {
			v.Items = append(v.Items, q.ID)
		} else {
			v.Hidden++
		}
	}
	return days, v
}

// DaysToAnswer is the nearest-rank percentile q (50: the median, 90) of
// the days the first answers published in the period took (see
// Percentile). Value is in days; Den is the number of answers.
func DaysToAnswer(qs []QuestionFact, p Period, q float64) Value {
	days, v := daysTaken(qs, p)
	d, ok := Percentile(days, q)
	v.Value, v.NoData = float64(d), !ok
	return v
}

// MedianDaysToAnswer is DaysToAnswer at 50.
func MedianDaysToAnswer(qs []QuestionFact, p Period) Value { return DaysToAnswer(qs, p, 50) }

// P90DaysToAnswer is DaysToAnswer at 90.
func P90DaysToAnswer(qs []QuestionFact, p Period) Value { return DaysToAnswer(qs, p, 90) }

// MethodMedianDaysToAnswer says how MedianDaysToAnswer is computed.
const MethodMedianDaysToAnswer = "Số ngày làm việc (khiếu nại, tố cáo: số ngày) từ ngày nhận đến ngày công bố câu trả lời đầu tiên (không tính ngày chờ người gửi bổ sung), xét các câu trả lời đầu tiên công bố trong kỳ; lấy trung vị: xếp các số ngày từ nhỏ đến lớn, lấy số ở vị trí thứ ⌈n/2⌉ (với số câu chẵn là số nhỏ hơn trong hai số ở giữa)."

// MethodP90DaysToAnswer says how P90DaysToAnswer is computed.
const MethodP90DaysToAnswer = "Số ngày làm việc (khiếu nại, tố cáo: số ngày) từ ngày nhận đến ngày công bố câu trả lời đầu tiên, xét các câu trả lời đầu tiên công bố trong kỳ; xếp từ nhỏ đến lớn và lấy số ở vị trí thứ ⌈0,9 × n⌉: ít nhất 90 % câu hỏi được trả lời trong số ngày này."

// LateApologised is the share of first answers published late in the
// period that carry an apology.
func LateApologised(qs []QuestionFact, p Period) Value {
	var c counter
	for _, q := range qs {
		if q.answered(p) && !q.onTime() {
			c.add(q.ID, q.public(), q.Apology)
		}
	}
	return c.share()
}

// MethodLateApologised says how LateApologised is computed.
const MethodLateApologised = "Trong các câu trả lời đầu tiên công bố trong kỳ mà bị trễ hạn, tỷ lệ câu trả lời có lời xin lỗi người gửi."

// AcceptedPublished is the share of items received in the period and
// accepted that are published with their answer. Protected items
// (complaints, denunciations) are left out: the law keeps them private,
// so publishing them is no target.
func AcceptedPublished(qs []QuestionFact, p Period) Value {
	var c counter
	for _, q := range qs {
		if q.Accepted && !q.Protected && p.Contains(q.Received) {
			c.add(q.ID, q.public(), q.Published)
		}
	}
	return c.share()
}

// MethodAcceptedPublished says how AcceptedPublished is computed.
const MethodAcceptedPublished = "Trong các câu hỏi, kiến nghị, phản ánh nhận trong kỳ và được tiếp nhận, tỷ lệ được công khai trên cổng cùng câu trả lời. Khiếu nại, tố cáo không tính vì pháp luật yêu cầu giữ kín."

// Satisfied is the share of ratings of 4 or 5 among the items first
// answered in the period that the asker rated.
func Satisfied(qs []QuestionFact, p Period) Value {
	var c counter
	for _, q := range qs {
		if q.answered(p) && q.Rating > 0 {
			c.add(q.ID, q.public(), q.Rating >= 4)
		}
	}
	return c.share()
}

// MethodSatisfied says how Satisfied is computed.
const MethodSatisfied = "Trong các câu hỏi có câu trả lời đầu tiên công bố trong kỳ và được người gửi chấm điểm (1–5), tỷ lệ chấm 4 hoặc 5."

// MeanRating is the mean rating (1–5) of the items first answered in the
// period that the asker rated. Num is the sum of the ratings.
func MeanRating(qs []QuestionFact, p Period) Value {
	var v Value
	for _, q := range qs {
		if !q.answered(p) || q.Rating <= 0 {
			continue
		}
		v.Den++
		v.Num += q.Rating
		if q.public() {
			v.Items = append(v.Items, q.ID)
		} else {
			v.Hidden++
		}
	}
	if v.Den == 0 {
		v.NoData = true
		return v
	}
	v.Value = float64(v.Num) / float64(v.Den)
	return v
}

// MethodMeanRating says how MeanRating is computed.
const MethodMeanRating = "Điểm trung bình (1–5) người gửi chấm cho các câu hỏi có câu trả lời đầu tiên công bố trong kỳ."
