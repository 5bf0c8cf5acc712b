package discclock_test

import (
	"testing"
	"time"

	"minhbach/portal/discclock"
	"minhbach/portal/rules"
	"minhbach/portal/workdays"
)

var cal = workdays.Default(2016, 2030)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

func rule(kind string, decided time.Time) rules.DisclosureRule {
	r, ok := rules.RuleFor(rules.DefaultDisclosureRules(), kind, decided)
	if !ok {
		panic("no rule for " + kind)
	}
	return r
}

func TestRuleForPicksByDecisionDate(t *testing.T) {
	defaults := rules.DefaultDisclosureRules()
	// A 2025 estimate falls under the 2015 budget law, a 2026 one under
	// the 2025 law, whose day counts are unknown.
	if r := rule("ngan-sach/du-toan", d(2025, 12, 20)); r.DueDays != 30 || r.DueUnknown {
		t.Errorf("2025 estimate: %+v", r)
	}
	if r := rule("ngan-sach/du-toan", d(2026, 1, 1)); !r.DueUnknown {
		t.Errorf("2026 estimate: %+v", r)
	}
	// A kind with no rule of its own falls back to the general rule.
	if r := rule("thong-bao/", d(2024, 3, 1)); r.Kind != rules.GeneralKind || r.DueDays != 5 || !r.DueWorking {
		t.Errorf("notice: %+v", r)
	}
	// An administrator's row from a date replaces the default from then
	// on, and only for items decided from then.
	admin := rules.DisclosureRule{ID: 7, Kind: "ngan-sach/du-toan", EffectiveFrom: d(2026, 3, 1), DueDays: 20, PostDays: 30}
	all := append(defaults, admin)
	if r, _ := rules.RuleFor(all, "ngan-sach/du-toan", d(2026, 2, 28)); r.ID != 0 || !r.DueUnknown {
		t.Errorf("decided before the change: %+v", r)
	}
	if r, _ := rules.RuleFor(all, "ngan-sach/du-toan", d(2026, 3, 1)); r.ID != 7 {
		t.Errorf("decided on the change: %+v", r)
	}
	// Two rows from the same day: the later one wins.
	again := admin
	again.ID, again.DueDays = 8, 25
	if r, _ := rules.RuleFor(append(all, again), "ngan-sach/du-toan", d(2026, 4, 1)); r.ID != 8 {
		t.Errorf("same day: %+v", r)
	}
	// Before any rule: nothing applies.
	if _, ok := rules.RuleFor(defaults, "thong-bao/", d(2010, 1, 1)); ok {
		t.Error("a 2010 item got a rule")
	}
}

func TestJudgeTiming(t *testing.T) {
	notice := rule("thong-bao/", d(2026, 11, 2))
	estimate := rule("ngan-sach/du-toan", d(2025, 12, 20))
	tests := []struct {
		name  string
		r     rules.DisclosureRule
		f     discclock.Facts
		today time.Time
		want  discclock.Timing
		due   time.Time
		late  int
	}{
		// Monday 2 November 2026 + 5 working days: Monday 9 November.
		{"on time", notice, discclock.Facts{Decided: d(2026, 11, 2), Published: d(2026, 11, 9)}, d(2026, 11, 20), discclock.OnTime, d(2026, 11, 9), 0},
		{"late", notice, discclock.Facts{Decided: d(2026, 11, 2), Published: d(2026, 11, 11)}, d(2026, 11, 20), discclock.Late, d(2026, 11, 9), 2},
		// Culture Day (Tuesday 24 November 2026) is a day off: 5 working
		// days from Friday 20 November end on Monday 30, not Friday 27.
		{"across culture day", notice, discclock.Facts{Decided: d(2026, 11, 20), Published: d(2026, 12, 1)}, d(2026, 12, 2), discclock.Late, d(2026, 11, 30), 1},
		// Tết 2026 (16–20 February off): decided Friday 13 February.
		{"across Tết", notice, discclock.Facts{Decided: d(2026, 2, 13), Published: d(2026, 2, 27)}, d(2026, 3, 2), discclock.OnTime, d(2026, 2, 27), 0},
		{"draft within time", notice, discclock.Facts{Decided: d(2026, 11, 2)}, d(2026, 11, 5), discclock.Pending, d(2026, 11, 9), 0},
		{"draft overdue", notice, discclock.Facts{Decided: d(2026, 11, 2)}, d(2026, 11, 12), discclock.Overdue, d(2026, 11, 9), 3},
		// 30 calendar days after 20 December 2025 is Monday 19 January 2026.
		{"calendar days", estimate, discclock.Facts{Decided: d(2025, 12, 20), Published: d(2026, 1, 21)}, d(2026, 2, 1), discclock.Late, d(2026, 1, 19), 2},
		// 30 days after 5 December 2025 is Sunday 4 January: moved to Monday.
		{"calendar days end on a day off", estimate, discclock.Facts{Decided: d(2025, 12, 5), Published: d(2026, 1, 5)}, d(2026, 2, 1), discclock.OnTime, d(2026, 1, 5), 0},
		{"no decision date", notice, discclock.Facts{Published: d(2026, 11, 9)}, d(2026, 11, 20), discclock.NoDecision, time.Time{}, 0},
		{"unknown rule", rule("ngan-sach/du-toan", d(2026, 6, 1)), discclock.Facts{Decided: d(2026, 6, 1), Published: d(2026, 9, 1)}, d(2026, 11, 20), discclock.NoRule, time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := discclock.Judge(cal, tt.r, tt.f, tt.today)
			if v.Timing != tt.want || !v.Due.Equal(tt.due) || v.LateDays != tt.late {
				t.Errorf("got timing %d, due %s, late %d; want %d, %s, %d",
					v.Timing, v.Due.Format(time.DateOnly), v.LateDays, tt.want, tt.due.Format(time.DateOnly), tt.late)
			}
		})
	}
}

func TestJudgePosting(t *testing.T) {
	notice := rule("thong-bao/", d(2026, 11, 2))
	households := rule("ho-ngheo/ra-soat-hang-nam", d(2026, 11, 2))
	plan := rule("dat-dai-quy-hoach/quy-hoach-su-dung-dat", d(2026, 11, 2))
	tests := []struct {
		name  string
		r     rules.DisclosureRule
		f     discclock.Facts
		today time.Time
		want  discclock.Posting
		days  int
	}{
		{"draft", notice, discclock.Facts{}, d(2026, 11, 20), discclock.PostNotYet, 0},
		// 1–30 November inclusive: 30 days.
		{"thirty days", notice, discclock.Facts{Published: d(2026, 11, 1), PostFrom: d(2026, 11, 1), PostUntil: d(2026, 11, 30)}, d(2026, 12, 5), discclock.PostEnough, 30},
		{"still running", notice, discclock.Facts{Published: d(2026, 11, 1), PostFrom: d(2026, 11, 1), PostUntil: d(2026, 12, 31)}, d(2026, 11, 10), discclock.PostRunning, 10},
		{"window too short", notice, discclock.Facts{Published: d(2026, 11, 1), PostFrom: d(2026, 11, 1), PostUntil: d(2026, 11, 20)}, d(2026, 12, 5), discclock.PostShort, 20},
		// Published after the window began: the days before do not count.
		{"published late in its window", notice, discclock.Facts{Published: d(2026, 11, 5), PostFrom: d(2026, 11, 1), PostUntil: d(2026, 11, 30)}, d(2026, 12, 5), discclock.PostShort, 26},
		// Withdrawn on the 10th: posted the 1st to the 9th.
		{"withdrawn", notice, discclock.Facts{Published: d(2026, 11, 1), PostFrom: d(2026, 11, 1), WithdrawnOn: d(2026, 11, 10)}, d(2026, 12, 5), discclock.PostShort, 9},
		// Three working days, Thursday 19 to Monday 23 November 2026.
		{"working days", households, discclock.Facts{Published: d(2026, 11, 19), PostFrom: d(2026, 11, 19), PostUntil: d(2026, 11, 23)}, d(2026, 11, 30), discclock.PostEnough, 3},
		{"whole period", plan, discclock.Facts{Published: d(2026, 1, 5), PostFrom: d(2026, 1, 5)}, d(2026, 11, 30), discclock.PostEnough, 330},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := discclock.Judge(cal, tt.r, tt.f, tt.today)
			if v.Posting != tt.want || v.PostedDays != tt.days {
				t.Errorf("got posting %d for %d days; want %d for %d", v.Posting, v.PostedDays, tt.want, tt.days)
			}
		})
	}
}
