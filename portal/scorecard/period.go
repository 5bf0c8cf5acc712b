package scorecard

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
)

// Period is the span a scorecard or a report is for: a year, a quarter or
// a month, as civil dates (midnight UTC), both ends included.
type Period struct {
	Kind       string // plan.Year, plan.Quarter or plan.Month
	Start, End time.Time
}

// YearOf is the period of a whole year.
func YearOf(year int) Period { return PeriodOf(plan.Year, date(year, 1)) }

// PeriodOf is the period of a kind (plan.Month, plan.Quarter, plan.Year)
// that starts on start.
func PeriodOf(kind string, start time.Time) Period {
	switch kind {
	case plan.Month:
		return Period{kind, start, start.AddDate(0, 1, -1)}
	case plan.Quarter:
		return Period{kind, start, start.AddDate(0, 3, -1)}
	}
	return Period{plan.Year, start, start.AddDate(1, 0, -1)}
}

// Containing is the period of a kind that holds the civil date day.
func Containing(kind string, day time.Time) Period {
	switch kind {
	case plan.Month:
		return PeriodOf(kind, date(day.Year(), day.Month()))
	case plan.Quarter:
		return PeriodOf(kind, date(day.Year(), time.Month(3*quarter(day)-2)))
	}
	return YearOf(day.Year())
}

// Next is the period of the same kind that follows p.
func (p Period) Next() Period { return PeriodOf(p.Kind, p.End.AddDate(0, 0, 1)) }

func date(year int, month time.Month) time.Time {
	return time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
}

var periodRE = regexp.MustCompile(`^(\d{4})(?:-q([1-4])|-(0[1-9]|1[0-2]))?$`)

// ErrPeriod is a period parameter that names no period.
var ErrPeriod = errors.New("kỳ báo cáo không hợp lệ")

// ParsePeriod reads a period as a URL names it: "2026" (a year),
// "2026-q2" (a quarter), "2026-05" (a month).
func ParsePeriod(s string) (Period, error) {
	m := periodRE.FindStringSubmatch(s)
	if m == nil {
		return Period{}, fmt.Errorf("%w: %q; hãy ghi năm (2026), quý (2026-q2) hoặc tháng (2026-05)", ErrPeriod, s)
	}
	year, _ := strconv.Atoi(m[1])
	if year < 2000 || year > 2100 {
		return Period{}, fmt.Errorf("%w: năm %d nằm ngoài khoảng 2000–2100", ErrPeriod, year)
	}
	switch {
	case m[2] != "":
		q, _ := strconv.Atoi(m[2])
		return PeriodOf(plan.Quarter, date(year, time.Month(3*q-2))), nil
	case m[3] != "":
		mo, _ := strconv.Atoi(m[3])
		return PeriodOf(plan.Month, date(year, time.Month(mo))), nil
	}
	return YearOf(year), nil
}

// Key is the period as ParsePeriod reads it.
func (p Period) Key() string {
	y := strconv.Itoa(p.Start.Year())
	switch p.Kind {
	case plan.Month:
		return fmt.Sprintf("%s-%02d", y, int(p.Start.Month()))
	case plan.Quarter:
		return y + "-q" + strconv.Itoa(quarter(p.Start))
	}
	return y
}

var romanQuarters = [...]string{"I", "II", "III", "IV"}

// Label names the period in Vietnamese, quarters in Roman numerals as
// administrative documents write them: "năm 2026", "quý II/2026",
// "tháng 5/2026".
func (p Period) Label() string {
	y := strconv.Itoa(p.Start.Year())
	switch p.Kind {
	case plan.Month:
		return "tháng " + strconv.Itoa(int(p.Start.Month())) + "/" + y
	case plan.Quarter:
		return "quý " + romanQuarters[quarter(p.Start)-1] + "/" + y
	}
	return "năm " + y
}

func quarter(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// Span is the period as the indicators compute it.
func (p Period) Span() indicators.Period { return indicators.Period{From: p.Start, To: p.End} }

// Ended reports whether the period is over on day today.
func (p Period) Ended(today time.Time) bool { return today.After(p.End) }

// Year is the period's year.
func (p Period) Year() int { return p.Start.Year() }

// periodsIn lists the periods of a kind that overlap p, in order.
func periodsIn(kind string, p Period) []Period {
	var start time.Time
	switch kind {
	case plan.Month:
		start = date(p.Start.Year(), p.Start.Month())
	case plan.Quarter:
		start = date(p.Start.Year(), time.Month(3*quarter(p.Start)-2))
	default:
		start, kind = date(p.Start.Year(), 1), plan.Year
	}
	var out []Period
	for x := PeriodOf(kind, start); !x.Start.After(p.End); x = x.Next() {
		out = append(out, x)
	}
	return out
}

// Months lists the months of p.
func (p Period) Months() []Period { return periodsIn(plan.Month, p) }
