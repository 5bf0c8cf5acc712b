package scorecard

import (
	"testing"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		in, key, label string
		start, end     time.Time
	}{
		{"2026", "2026", "năm 2026", day(2026, 1, 1), day(2026, 12, 31)},
		{"2026-q2", "2026-q2", "quý II/2026", day(2026, 4, 1), day(2026, 6, 30)},
		{"2026-05", "2026-05", "tháng 5/2026", day(2026, 5, 1), day(2026, 5, 31)},
		{"2024-02", "2024-02", "tháng 2/2024", day(2024, 2, 1), day(2024, 2, 29)},
	} {
		p, err := ParsePeriod(c.in)
		if err != nil || p.Key() != c.key || p.Label() != c.label || !p.Start.Equal(c.start) || !p.End.Equal(c.end) {
			t.Errorf("ParsePeriod(%q) = %+v %q %q, %v", c.in, p, p.Key(), p.Label(), err)
		}
	}
	for _, bad := range []string{"", "26", "2026-q5", "2026-13", "2026-5", "1999", "2026-Q2", "2026 ", "x2026"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

func pct(v float64) *float64 { return &v }

var (
	target95 = &plan.Target{Value: 95, Direction: ">", Source: plan.SourcePlan}
	computed = plan.Indicator{Slug: "c", Name: "C", Kind: plan.Computed, Function: "tra-loi-dung-han", Unit: "%", Period: plan.Year, Target: target95}
	entered  = plan.Indicator{Slug: "e", Name: "E", Kind: plan.Entered, Unit: "%", Period: plan.Month, Target: target95, Evidence: true, Min: pct(0), Max: pct(100)}
	document = plan.Indicator{Slug: "d", Name: "D", Kind: plan.Documented, Unit: "văn bản", Period: plan.Year,
		Target: &plan.Target{Value: 1, Direction: ">=", Source: plan.SourcePlan}}
)

func computedGives(v indicators.Value, links []Link) Sources {
	return Sources{Computed: func(string, indicators.Period) (indicators.Value, []Link, error) { return v, links, nil }}
}

func TestEveryStateWithItsEvidence(t *testing.T) {
	year := YearOf(2026)
	today := day(2026, 11, 26)
	file := &Link{"bao-cao.pdf", "/tep/9/bao-cao.pdf"}
	for _, c := range []struct {
		name  string
		in    plan.Indicator
		src   Sources
		today time.Time
		want  indicators.State
		value string
	}{
		{"met", computed, computedGives(indicators.Value{Num: 97, Den: 100, Value: 97, Items: []int64{1}, Hidden: 2}, []Link{{"Câu hỏi số 1", "/hoi-dap/1"}}), today, indicators.Met, "97 % (97/100)"},
		{"not met", computed, computedGives(indicators.Value{Num: 9, Den: 10, Value: 90, Hidden: 10}, nil), today, indicators.NotMet, "90 % (9/10)"},
		{"not due", computed, computedGives(indicators.Value{NoData: true}, nil), today, indicators.NotDue, "—"},
		{"no data", computed, computedGives(indicators.Value{NoData: true}, nil), day(2027, 1, 5), indicators.NoData, "—"},
		{"no target", plan.Indicator{Slug: "n", Name: "N", Kind: plan.Computed, Function: "ngay-tra-loi-trung-vi", Unit: "ngày", Period: plan.Year},
			computedGives(indicators.Value{Den: 3, Value: 4, Items: []int64{1, 2, 3}}, []Link{{"a", "/a"}, {"b", "/b"}, {"c", "/c"}}), today, indicators.NoTarget, "4 ngày"},
		{"entered met", entered, Sources{Values: []Entered{{Indicator: "6c/e", PeriodKind: plan.Month, Start: day(2026, 10, 1), Value: 98.5, File: file, By: "Cán bộ A"}}}, today, indicators.Met, "98,5 %"},
		{"documented met", document, Sources{Docs: []Doc{{Indicator: "6c/d", Link: Link{"Quyết định", "/cong-khai/3"}, Public: true, Published: day(2026, 3, 2)}}}, today, indicators.Met, "1 văn bản"},
		{"documented: a draft or last year's does not count", document, Sources{Docs: []Doc{
			{Indicator: "6c/d", Link: Link{"Nháp", "/cong-khai/4"}, Published: day(2026, 3, 2)},
			{Indicator: "6c/d", Link: Link{"Cũ", "/cong-khai/5"}, Public: true, Published: day(2025, 3, 2)}}}, day(2027, 2, 1), indicators.NoData, "—"},
	} {
		l, err := Judge("6c", c.in, year, c.today, c.src)
		if err != nil {
			t.Fatal(err)
		}
		if l.State != c.want || l.ValueText() != c.value {
			t.Errorf("%s: state %q value %q, want %q %q", c.name, l.State.Label(), l.ValueText(), c.want.Label(), c.value)
		}
		if (l.State == indicators.Met || l.State == indicators.NotMet) && len(l.Evidence) == 0 && l.Hidden == 0 && l.File == nil {
			t.Errorf("%s: %s without evidence", c.name, l.State.Label())
		}
	}
}

// A value that would be judged but has nothing behind it is not judged.
func TestNoStateWithoutEvidence(t *testing.T) {
	year, today := YearOf(2026), day(2026, 11, 26)
	// A computed value that counted items but names none and hides none.
	l, _ := Judge("4b", computed, year, today, computedGives(indicators.Value{Num: 10, Den: 10, Value: 100}, nil))
	if l.State != indicators.NotDue || l.HasValue {
		t.Errorf("computed without items: %s, value %v", l.State.Label(), l.HasValue)
	}
	// An entered value without the evidence file it needs.
	src := Sources{Values: []Entered{{Indicator: "6c/e", PeriodKind: plan.Month, Start: day(2026, 10, 1), Value: 99, By: "A"}}}
	if l, _ := Judge("6c", entered, year, today, src); l.State != indicators.NoData || l.HasValue {
		t.Errorf("entered without its file: %s", l.State.Label())
	}
	// The same without a file requirement: the officer's record is the evidence.
	noFile := entered
	noFile.Evidence = false
	if l, _ := Judge("6c", noFile, year, today, src); l.State != indicators.Met || l.Entry == nil || l.Entry.By != "A" {
		t.Errorf("entered, no file needed: %s", l.State.Label())
	}
}

func TestEnteredTakesTheLatestPeriodWithAValueOrEnded(t *testing.T) {
	year := YearOf(2026)
	file := &Link{"f", "/tep/1/f"}
	vals := []Entered{{Indicator: "6c/e", PeriodKind: plan.Month, Start: day(2026, 9, 1), Value: 90, File: file}}
	// 26 November: November is under way without a value, October ended
	// without one: October has no data.
	l, _ := Judge("6c", entered, year, day(2026, 11, 26), Sources{Values: vals})
	if l.Judged.Key() != "2026-10" || l.State != indicators.NoData {
		t.Errorf("judged %s: %s", l.Judged.Key(), l.State.Label())
	}
	// 15 October: October under way, September has its value.
	l, _ = Judge("6c", entered, year, day(2026, 10, 15), Sources{Values: vals})
	if l.Judged.Key() != "2026-09" || l.State != indicators.NotMet || l.File == nil {
		t.Errorf("judged %s: %s", l.Judged.Key(), l.State.Label())
	}
	// 15 January: January is the only month begun and has no value yet.
	l, _ = Judge("6c", entered, year, day(2026, 1, 15), Sources{})
	if l.Judged.Key() != "2026-01" || l.State != indicators.NotDue {
		t.Errorf("judged %s: %s", l.Judged.Key(), l.State.Label())
	}
	// A quarterly indicator over one month is judged for its quarter.
	q := entered
	q.Period = plan.Quarter
	m, _ := ParsePeriod("2026-05")
	l, _ = Judge("6c", q, m, day(2026, 11, 26), Sources{Values: []Entered{{Indicator: "6c/e", PeriodKind: plan.Quarter, Start: day(2026, 4, 1), Value: 96, File: file}}})
	if l.Judged.Key() != "2026-q2" || l.State != indicators.Met {
		t.Errorf("judged %s: %s", l.Judged.Key(), l.State.Label())
	}
}

func TestTrendPeriods(t *testing.T) {
	year := YearOf(2026)
	today := day(2026, 11, 26)
	ls, _ := Trend("4b", computed, year, today, computedGives(indicators.Value{NoData: true}, nil))
	if len(ls) != 12 || ls[0].Judged.Key() != "2026-01" || ls[11].Judged.Key() != "2026-12" {
		t.Errorf("computed trend: %d points", len(ls))
	}
	q := entered
	q.Period = plan.Quarter
	if ls, _ := Trend("6c", q, year, today, Sources{}); len(ls) != 4 || ls[3].Judged.Key() != "2026-q4" {
		t.Errorf("quarterly trend: %d points", len(ls))
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 96.5: "96,5", 1234: "1.234", 100: "100", 2.04: "2", 4.25: "4,2"} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}
