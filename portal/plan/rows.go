package plan

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The plan is published as a disclosure (category Category, kind Kind):
// its facts are the plan's title, year and reference, and its rows are its
// sub-components, one row each, keyed by SubKey. Versions, history, feeds
// and the audit log then come from the disclosure machinery: a change to a
// task or a target is a new version with its reason.
const (
	Category = "ke-hoach-bao-cao"
	Kind     = "ke-hoach-papi"
)

// Facts are the plan disclosure's one-record fields.
type Facts struct {
	Year      int    `json:"year"`
	Title     string `json:"title"`
	Reference string `json:"reference"`
}

// SubRow is one sub-component as a row of the plan disclosure, with its
// row's fields repeated so that each row stands alone in a version.
type SubRow struct {
	Key        string      `json:"key"`
	Number     int         `json:"number"`
	Area       string      `json:"area"`
	Dimension  string      `json:"dimension,omitempty"`
	Letter     string      `json:"letter"`
	Name       string      `json:"name"`
	Tasks      []string    `json:"tasks"`
	Results    []string    `json:"results"`
	Lead       string      `json:"lead"`
	Partners   string      `json:"partners,omitempty"`
	TimeFrame  string      `json:"time_frame,omitempty"`
	Note       string      `json:"note,omitempty"`
	Indicators []Indicator `json:"indicators"`
}

// Encode gives the plan disclosure's facts and rows.
func Encode(p Plan) (facts json.RawMessage, rows []json.RawMessage, err error) {
	facts, err = json.Marshal(Facts{Year: p.Year, Title: p.Title, Reference: p.Reference})
	if err != nil {
		return nil, nil, err
	}
	for _, r := range p.Rows {
		for _, s := range r.Subs {
			b, err := json.Marshal(SubRow{
				Key: SubKey(r.Number, s.Letter), Number: r.Number, Area: r.Area,
				Dimension: r.PAPIDimension, Letter: s.Letter, Name: s.Name,
				Tasks: s.Tasks, Results: s.Results, Lead: s.Lead, Partners: s.Partners,
				TimeFrame: s.TimeFrame, Note: s.Note, Indicators: s.Indicators,
			})
			if err != nil {
				return nil, nil, err
			}
			rows = append(rows, b)
		}
	}
	return facts, rows, nil
}

// Decode is the plan a plan disclosure's facts and rows hold. Rows of the
// same number are grouped into one Row, in the order given.
func Decode(facts []byte, rows []json.RawMessage) (Plan, error) {
	var p Plan
	if len(facts) > 0 {
		var f Facts
		if err := json.Unmarshal(facts, &f); err != nil {
			return Plan{}, fmt.Errorf("plan facts: %w", err)
		}
		p.Year, p.Title, p.Reference = f.Year, f.Title, f.Reference
	}
	for _, raw := range rows {
		var r SubRow
		if err := json.Unmarshal(raw, &r); err != nil {
			return Plan{}, fmt.Errorf("plan row: %w", err)
		}
		if n := len(p.Rows); n == 0 || p.Rows[n-1].Number != r.Number {
			p.Rows = append(p.Rows, Row{Number: r.Number, Area: r.Area, PAPIDimension: r.Dimension})
		}
		row := &p.Rows[len(p.Rows)-1]
		row.Subs = append(row.Subs, Sub{
			Letter: r.Letter, Name: r.Name, Tasks: r.Tasks, Results: r.Results,
			Lead: r.Lead, Partners: r.Partners, TimeFrame: r.TimeFrame, Note: r.Note,
			Indicators: r.Indicators,
		})
	}
	return p, nil
}

// Sub finds a sub-component by its key.
func (p Plan) Sub(key string) (Row, Sub, bool) {
	for _, r := range p.Rows {
		for _, s := range r.Subs {
			if SubKey(r.Number, s.Letter) == key {
				return r, s, true
			}
		}
	}
	return Row{}, Sub{}, false
}

// Indicator finds an indicator by its key (IndicatorKey).
func (p Plan) Indicator(key string) (Row, Sub, Indicator, bool) {
	subKey, slug, ok := SplitIndicatorKey(key)
	if !ok {
		return Row{}, Sub{}, Indicator{}, false
	}
	r, s, ok := p.Sub(subKey)
	if !ok {
		return Row{}, Sub{}, Indicator{}, false
	}
	for _, in := range s.Indicators {
		if in.Slug == slug {
			return r, s, in, true
		}
	}
	return Row{}, Sub{}, Indicator{}, false
}

// Check reports the first thing wrong with the plan's data, in Vietnamese
// for the officer who edited it; known tells the computed functions that
// exist (indicators.Lookup).
func (p Plan) Check(known func(function string) bool) error {
	if p.Year < 2000 || p.Year > 2100 {
		return fmt.Errorf("năm của kế hoạch không hợp lệ: %d", p.Year)
	}
	subs := map[string]bool{}
	for _, r := range p.Rows {
		if r.Number < 1 {
			return fmt.Errorf("số thứ tự dòng không hợp lệ: %d", r.Number)
		}
		for _, s := range r.Subs {
			key := SubKey(r.Number, s.Letter)
			if s.Letter == "" || s.Name == "" {
				return fmt.Errorf("dòng %d: nội dung thành phần thiếu chữ cái hoặc tên", r.Number)
			}
			if subs[key] {
				return fmt.Errorf("nội dung thành phần %s bị trùng", key)
			}
			subs[key] = true
			slugs := map[string]bool{}
			for _, in := range s.Indicators {
				if err := in.check(known); err != nil {
					return fmt.Errorf("chỉ số %s: %w", IndicatorKey(key, in.Slug), err)
				}
				if slugs[in.Slug] {
					return fmt.Errorf("chỉ số %s bị trùng", IndicatorKey(key, in.Slug))
				}
				slugs[in.Slug] = true
			}
		}
	}
	return nil
}

func (in Indicator) check(known func(string) bool) error {
	if in.Slug == "" || in.Name == "" {
		return fmt.Errorf("thiếu mã hoặc tên chỉ số")
	}
	switch in.Kind {
	case Computed:
		if known != nil && !known(in.Function) {
			return fmt.Errorf("không có cách tính %q", in.Function)
		}
	case Entered, Documented:
		if in.Function != "" {
			return fmt.Errorf("chỉ số nhập tay hoặc chứng minh bằng văn bản không có cách tính tự động")
		}
	default:
		return fmt.Errorf("loại chỉ số không hợp lệ: %q", in.Kind)
	}
	switch in.Period {
	case Month, Quarter, Year:
	default:
		return fmt.Errorf("kỳ đánh giá không hợp lệ: %q", in.Period)
	}
	if t := in.Target; t != nil {
		switch t.Direction {
		case ">", ">=", "<=", "=":
		default:
			return fmt.Errorf("chiều so sánh của chỉ tiêu không hợp lệ: %q", t.Direction)
		}
		switch t.Source {
		case SourcePlan, SourceCommune, SourceLaw:
		default:
			return fmt.Errorf("nguồn của chỉ tiêu không hợp lệ: %q", t.Source)
		}
	}
	if in.Min != nil && in.Max != nil && *in.Min > *in.Max {
		return fmt.Errorf("giới hạn dưới %s lớn hơn giới hạn trên %s",
			strconv.FormatFloat(*in.Min, 'f', -1, 64), strconv.FormatFloat(*in.Max, 'f', -1, 64))
	}
	return nil
}

// PeriodLabel names a period kind in Vietnamese.
func PeriodLabel(period string) string {
	switch period {
	case Month:
		return "tháng"
	case Quarter:
		return "quý"
	case Year:
		return "năm"
	}
	return period
}

// SourceLabel names who set a target, in Vietnamese.
func SourceLabel(source string) string {
	switch source {
	case SourcePlan:
		return "theo kế hoạch"
	case SourceCommune:
		return "do xã đặt"
	case SourceLaw:
		return "theo quy định pháp luật"
	}
	return source
}

// CloneIndicators copies ins deeply: a caller editing a copy's target or
// bounds leaves the original as it was.
func CloneIndicators(ins []Indicator) []Indicator {
	if ins == nil {
		return nil
	}
	out := make([]Indicator, len(ins))
	for i, in := range ins {
		if in.Target != nil {
			t := *in.Target
			in.Target = &t
		}
		in.Min, in.Max = cloneFloat(in.Min), cloneFloat(in.Max)
		out[i] = in
	}
	return out
}

func cloneFloat(f *float64) *float64 {
	if f == nil {
		return nil
	}
	v := *f
	return &v
}

// CopyFor is a copy of the plan for another year, as an administrator
// starts the next year's plan: rows, tasks and indicators copied deeply,
// the year in the title changed, the reference left for the new document.
func (p Plan) CopyFor(year int) Plan {
	c := Plan{Year: year, Title: p.Title}
	if old := strconv.Itoa(p.Year); p.Year != 0 && strings.Contains(p.Title, old) {
		c.Title = strings.ReplaceAll(p.Title, old, strconv.Itoa(year))
	}
	for _, r := range p.Rows {
		r.Subs = slices.Clone(r.Subs)
		for i := range r.Subs {
			s := &r.Subs[i]
			s.Tasks, s.Results = slices.Clone(s.Tasks), slices.Clone(s.Results)
			s.Indicators = CloneIndicators(s.Indicators)
		}
		c.Rows = append(c.Rows, r)
	}
	return c
}
