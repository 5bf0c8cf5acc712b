package portal

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"minhbach/portal/plan"
	"minhbach/portal/vn"
)

// Periods of entered indicators are civil dates: the first day of a month,
// a quarter or a year, at midnight UTC as the store keeps them. Which
// periods have started or ended is judged by the date in Vietnam.

func civilMonth(year int, m time.Month) time.Time {
	return time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
}

// vnToday is the civil date in Vietnam at now.
func vnToday(now time.Time) time.Time {
	n := now.In(vietnam)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// periodContaining is the start of the period of kind that holds day.
func periodContaining(kind string, day time.Time) time.Time {
	switch kind {
	case plan.Quarter:
		return civilMonth(day.Year(), (day.Month()-1)/3*3+1)
	case plan.Year:
		return civilMonth(day.Year(), time.January)
	}
	return civilMonth(day.Year(), day.Month())
}

// periodAfter is the start of the period that follows the one at start.
func periodAfter(kind string, start time.Time) time.Time {
	switch kind {
	case plan.Quarter:
		return start.AddDate(0, 3, 0)
	case plan.Year:
		return start.AddDate(1, 0, 0)
	}
	return start.AddDate(0, 1, 0)
}

// startedPeriods lists the periods of kind in year that have started by
// now, newest first.
func startedPeriods(kind string, year int, now time.Time) []time.Time {
	today := vnToday(now)
	var out []time.Time
	for p := civilMonth(year, time.January); p.Year() == year && !p.After(today); p = periodAfter(kind, p) {
		out = append([]time.Time{p}, out...)
	}
	return out
}

// lastEndedPeriod is the latest period of kind in year that has ended by
// now; ok is false when none has (a plan for this year's periods still
// running, or for a later year).
func lastEndedPeriod(kind string, year int, now time.Time) (time.Time, bool) {
	var last time.Time
	for _, p := range startedPeriods(kind, year, now) {
		if !periodAfter(kind, p).After(vnToday(now)) {
			last = p
			break
		}
	}
	return last, !last.IsZero()
}

var romanQuarters = [...]string{"I", "II", "III", "IV"}

// periodName names a period for people: "tháng 5/2026", "quý II/2026",
// "năm 2026".
func periodName(kind string, start time.Time) string {
	switch kind {
	case plan.Quarter:
		return fmt.Sprintf("quý %s/%d", romanQuarters[(start.Month()-1)/3], start.Year())
	case plan.Year:
		return fmt.Sprintf("năm %d", start.Year())
	}
	return fmt.Sprintf("tháng %d/%d", start.Month(), start.Year())
}

var decimalRe = regexp.MustCompile(`^-?\d+(\.\d+)?$`)

// parseDecimal reads a number as an officer types it: "96,5" (the
// Vietnamese way), "96.5", "1.234,5" or "1.234.567" (dots grouping
// thousands), with an optional "%" after it. A single dot with no comma
// is a decimal point: "96.5" is ninety-six and a half.
func parseDecimal(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.NewReplacer(" ", "", "\u00a0", "").Replace(s)
	switch {
	case strings.Count(s, ",") > 1:
		return 0, false
	case strings.Contains(s, ","):
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	case strings.Count(s, ".") > 1:
		s = strings.ReplaceAll(s, ".", "")
	}
	if !decimalRe.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// fmtDecimal writes a number the Vietnamese way: "96,5", "1.120".
func fmtDecimal(v float64) string {
	neg := v < 0
	v = math.Round(math.Abs(v)*1e4) / 1e4
	whole := math.Trunc(v)
	s := vn.Number(int64(whole))
	if frac := strconv.FormatFloat(v-whole, 'f', 4, 64); strings.Trim(frac[2:], "0") != "" {
		s += "," + strings.TrimRight(frac[2:], "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// fmtDecimalPtr is fmtDecimal of a bound, "" for none.
func fmtDecimalPtr(v *float64) string {
	if v == nil {
		return ""
	}
	return fmtDecimal(*v)
}
