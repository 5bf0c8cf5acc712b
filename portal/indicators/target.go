package indicators

import "time"

// Target is what an indicator should reach, and who set it.
type Target struct {
	Value float64
	// Direction compares the value with the target: ">", ">=", "<=" or
	// "=". Empty: the indicator has no target.
	Direction string
	Unit      string // "%", "ngày", "tuần"…
	// Source says where the number comes from: the plan's own figure,
	// a target the commune set, a law.
	Source string
}

// State is where an indicator stands against its target for a period.
type State int

const (
	NoTarget State = iota // no target was set: shown as such, never as met
	NotDue                // the period has not ended and there is no data yet
	NoData                // the period has ended and there is nothing to count
	Met
	NotMet
)

// Label is the state as the scorecard shows it.
func (s State) Label() string {
	switch s {
	case NotDue:
		return "chưa đến hạn"
	case NoData:
		return "chưa có số liệu"
	case Met:
		return "đạt"
	case NotMet:
		return "chưa đạt"
	}
	return "không có chỉ tiêu"
}

// Evaluate gives the state of value v against target t for period p, on
// day today. The rules, in order:
//   - no target (empty Direction, or one not understood): NoTarget, whatever
//     the data;
//   - no data and the period not ended (today is on or before its last
//     day): NotDue — it may still come;
//   - no data and the period ended: NoData;
//   - otherwise Met or NotMet by comparing v.Value with t.Value. A value
//     with data is judged even before the period ends: the scorecard shows
//     where things stand so far.
func Evaluate(t Target, v Value, p Period, today time.Time) State {
	switch t.Direction {
	case ">", ">=", "<=", "=":
	default:
		return NoTarget
	}
	if v.NoData {
		if !today.After(p.To) {
			return NotDue
		}
		return NoData
	}
	var met bool
	switch t.Direction {
	case ">":
		met = v.Value > t.Value
	case ">=":
		met = v.Value >= t.Value
	case "<=":
		met = v.Value <= t.Value
	case "=":
		met = v.Value == t.Value
	}
	if met {
		return Met
	}
	return NotMet
}
