// Package land holds the structured facts of two kinds of disclosure (plan
// row 3d): land-use plans and yearly land-use plans (category
// dat-dai-quy-hoach), and compensation, support and resettlement plans
// (category boi-thuong-tai-dinh-cu). They are stored as a disclosure's
// Facts (JSON); the decision's date is the disclosure's DecidedOn and the
// legal basis its LegalBasis. Pure: no HTTP, no SQL.
package land

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Category and kind slugs (see rules.DisclosureKinds).
const (
	CategoryPlan         = "dat-dai-quy-hoach"
	KindLandUsePlan      = "quy-hoach-su-dung-dat" // multi-year land-use plan (quy hoạch)
	KindYearlyPlan       = "ke-hoach-su-dung-dat"  // yearly land-use plan (kế hoạch)
	CategoryCompensation = "boi-thuong-tai-dinh-cu"
	KindCompensation     = "phuong-an"
)

// CompensationPostingDays is how long a compensation, support and
// resettlement plan is posted at the commune office and the affected
// villages before the meeting with the people whose land is recovered:
// 30 days (Land Law 2024 Art. 87(3)(a)). The portal takes the value from
// the legal rules (portal/rules), which an administrator may change; this
// is the fallback when they give none.
const CompensationPostingDays = 30

// MaxMaps is the most maps one plan carries.
const MaxMaps = 12

// Plan is the facts of a land-use plan or yearly plan.
type Plan struct {
	DecisionNumber string `json:"decision_number"` // "123/QĐ-UBND"
	ApprovedBy     string `json:"approved_by"`     // "UBND tỉnh Hưng Yên"
	// The plan period: a year ("2021") or a civil date ("2025-01-01")
	// each; a year means its first day (From) or last day (To).
	PeriodFrom string `json:"period_from"`
	PeriodTo   string `json:"period_to"`
	Maps       []Map  `json:"maps,omitempty"`
}

// Map is one map image of a plan: the full file and its small copy (the
// same attachment when the file is small already), both attachments of
// the disclosure.
type Map struct {
	Full        int64  `json:"full"`
	Small       int64  `json:"small"`
	Caption     string `json:"caption"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	SmallWidth  int    `json:"small_width"`
	SmallHeight int    `json:"small_height"`
}

// ParsePeriodBound reads a period bound as an officer types it: a year
// (2021) or a date (dd/mm/yyyy or yyyy-mm-dd). It returns the stored form
// ("2021" or "2021-01-01"); end chooses the year's last day for the date.
func ParsePeriodBound(s string, end bool) (stored string, date time.Time, err error) {
	s = strings.TrimSpace(s)
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1990 || y > 2100 {
			return "", time.Time{}, fmt.Errorf("land: bad year %q", s)
		}
		if end {
			return s, time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC), nil
		}
		return s, time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC), nil
	}
	for _, layout := range []string{"02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2100 {
				break
			}
			return t.Format("2006-01-02"), t, nil
		}
	}
	return "", time.Time{}, fmt.Errorf("land: bad period bound %q", s)
}

// Start is the first day of the plan period (zero when unknown).
func (p Plan) Start() time.Time {
	_, t, _ := ParsePeriodBound(p.PeriodFrom, false)
	return t
}

// End is the last day of the plan period (zero when unknown).
func (p Plan) End() time.Time {
	_, t, _ := ParsePeriodBound(p.PeriodTo, true)
	return t
}

// PeriodText is the period as residents read it: "2021–2030" for years,
// "01/01/2025 – 31/12/2025" for dates.
func (p Plan) PeriodText() string {
	if p.PeriodFrom == "" && p.PeriodTo == "" {
		return ""
	}
	show := func(s string) string {
		if len(s) == 4 {
			return s
		}
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t.Format("02/01/2006")
		}
		return s
	}
	if len(p.PeriodFrom) == 4 && len(p.PeriodTo) == 4 {
		if p.PeriodFrom == p.PeriodTo {
			return "năm " + p.PeriodFrom
		}
		return p.PeriodFrom + "–" + p.PeriodTo
	}
	return show(p.PeriodFrom) + " – " + show(p.PeriodTo)
}

// Current reports whether the civil date today lies in the plan period.
func (p Plan) Current(today time.Time) bool {
	s, e := p.Start(), p.End()
	return !s.IsZero() && !e.IsZero() && !today.Before(s) && !today.After(e)
}

// Attachments lists the attachment ids the maps use, full then small,
// each once.
func (p Plan) Attachments() []int64 {
	var out []int64
	seen := map[int64]bool{}
	for _, m := range p.Maps {
		for _, id := range []int64{m.Full, m.Small} {
			if id != 0 && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// Compensation is the facts of a compensation, support and resettlement
// plan.
type Compensation struct {
	Project string `json:"project"`
	// Villages affected, with their names as they were when the plan was
	// saved: a village renamed later keeps this name here.
	Villages   []Village `json:"villages"`
	Households int       `json:"households,omitempty"` // households whose land is recovered; 0 unknown
	// Total is the plan's total in đồng; 0 unknown.
	Total int64 `json:"total,omitempty"`
	// MeetingOn is the civil date (yyyy-mm-dd) of the meeting with the
	// affected people; "" while not yet held or scheduled.
	MeetingOn string `json:"meeting_on,omitempty"`
	MeetingAt string `json:"meeting_place,omitempty"`
	Outcome   string `json:"outcome,omitempty"` // what the meeting concluded; "" before it
}

// Village is a village named in a plan.
type Village struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Meeting is the meeting's date (zero when none).
func (c Compensation) Meeting() time.Time {
	t, _ := time.Parse("2006-01-02", c.MeetingOn)
	return t
}

// VillageNames joins the villages' names for a sentence.
func (c Compensation) VillageNames() string {
	names := make([]string, len(c.Villages))
	for i, v := range c.Villages {
		names[i] = v.Name
	}
	return strings.Join(names, ", ")
}
