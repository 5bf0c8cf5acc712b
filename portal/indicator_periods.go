package portal

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"minhbach/portal/scorecard"
	"minhbach/portal/vn"
)

// Periods of entered indicators are civil dates: the first day of a month,
// a quarter or a year, at midnight UTC as the store keeps them
// (scorecard.Period does the arithmetic). Which periods have started or
// ended is judged by the date in Vietnam.

// startedPeriods lists the periods of kind in year that have started by
// now, newest first.
func startedPeriods(kind string, year int, now time.Time) []time.Time {
	day := today(now)
	var out []time.Time
	for p := scorecard.Containing(kind, scorecard.YearOf(year).Start); p.Start.Year() == year && !p.Start.After(day); p = p.Next() {
		out = append([]time.Time{p.Start}, out...)
	}
	return out
}

// lastEndedPeriod is the latest period of kind in year that has ended by
// now; ok is false when none has (a plan for this year's periods still
// running, or for a later year).
func lastEndedPeriod(kind string, year int, now time.Time) (time.Time, bool) {
	for _, p := range startedPeriods(kind, year, now) {
		if scorecard.PeriodOf(kind, p).Ended(today(now)) {
			return p, true
		}
	}
	return time.Time{}, false
}

// periodName names a period for people: "tháng 5/2026", "quý II/2026",
// "năm 2026".
func periodName(kind string, start time.Time) string { return scorecard.PeriodOf(kind, start).Label() }

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
