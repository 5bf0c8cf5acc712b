package scorecard

import (
	"strconv"
	"strings"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
	"minhbach/portal/vn"
)

// Number prints a figure the Vietnamese way: a decimal comma, one decimal
// at most, thousands grouped with dots ("1.234", "96,5").
func Number(v float64) string {
	r := strconv.FormatFloat(v, 'f', 1, 64)
	whole, frac, _ := strings.Cut(r, ".")
	n, _ := strconv.ParseInt(strings.TrimPrefix(whole, "-"), 10, 64)
	s := vn.Number(n)
	if strings.HasPrefix(whole, "-") {
		s = "-" + s
	}
	if frac != "" && frac != "0" {
		s += "," + frac
	}
	return s
}

// withUnit joins a figure and its unit: "96,5 %", "4 ngày".
func withUnit(v float64, unit string) string {
	if unit == "" {
		return Number(v)
	}
	return Number(v) + " " + unit
}

// ValueText is the line's value as shown: "96,5 % (193/200)", "4 ngày",
// "—" when there is none.
func (l Line) ValueText() string {
	if !l.HasValue {
		return "—"
	}
	s := withUnit(l.Value, l.Unit)
	if l.Kind == plan.Computed && l.Unit == "%" && l.Den > 0 {
		s += " (" + strconv.Itoa(l.Num) + "/" + strconv.Itoa(l.Den) + ")"
	}
	return s
}

// TargetText is the target as shown: "> 95 %", "không có chỉ tiêu".
func (l Line) TargetText() string {
	if l.Target == nil {
		return "không có chỉ tiêu"
	}
	dir := map[string]string{">": "trên", ">=": "từ", "<=": "không quá", "=": "đạt"}[l.Target.Direction]
	return strings.TrimSpace(dir + " " + withUnit(l.Target.Value, l.Unit))
}

// SourceText says who set the target; "" when there is none.
func (l Line) SourceText() string {
	if l.Target == nil {
		return ""
	}
	return plan.SourceLabel(l.Target.Source)
}

// StateLabel is the state in words.
func (l Line) StateLabel() string { return l.State.Label() }

// StateClass is the badge's class: ok, late, pending, none.
func (l Line) StateClass() string { return StateClass(l.State) }

// StateClass names a state's badge class.
func StateClass(s indicators.State) string {
	switch s {
	case indicators.Met:
		return "ok"
	case indicators.NotMet:
		return "late"
	case indicators.NotDue:
		return "pending"
	}
	return "none"
}

// KindLabel names the kind of indicator.
func (l Line) KindLabel() string { return KindLabel(l.Kind) }

// KindLabel names a kind of indicator in Vietnamese.
func KindLabel(kind string) string {
	switch kind {
	case plan.Computed:
		return "cổng tự tính"
	case plan.Entered:
		return "cán bộ nhập"
	case plan.Documented:
		return "văn bản chứng minh"
	}
	return kind
}

// HiddenText says how many counted items are not public.
func (l Line) HiddenText() string {
	if l.Hidden == 0 {
		return ""
	}
	return strconv.Itoa(l.Hidden) + " mục không công khai: khiếu nại, tố cáo được bảo vệ, mục bị từ chối"
}

// Label is the state's label, for the summary.
func (c Count) Label() string { return c.State.Label() }

// Class is the state's badge class.
func (c Count) Class() string { return StateClass(c.State) }
