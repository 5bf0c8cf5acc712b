package households

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Facts are a list's one-record fields, kept as the disclosure's facts.
// The review kind is the disclosure's Kind and the posting window its
// posting dates; dates here are civil dates "2006-01-02".
type Facts struct {
	Year       int    `json:"year"`                  // the year the list applies to
	MeetingOn  string `json:"meeting_on,omitempty"`  // the village meeting that agreed the list
	DecisionNo string `json:"decision_no,omitempty"` // the chairman's recognition decision
	DecisionOn string `json:"decision_on,omitempty"`
	// Counts are the rows' counts by village, computed whenever the rows
	// are saved: overviews and pages after the window read them without
	// reading the rows (and the names).
	Counts []Count `json:"counts,omitempty"`
}

// Tally is the list's counts as kept in the facts.
func (f Facts) Tally() Counts { return CountsOf(f.Counts) }

// ParseFacts reads stored facts; empty input gives zero Facts.
func ParseFacts(raw []byte) (Facts, error) {
	var f Facts
	if len(raw) == 0 {
		return f, nil
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return Facts{}, fmt.Errorf("households: facts: %w", err)
	}
	return f, nil
}

// JSON is the facts as stored.
func (f Facts) JSON() json.RawMessage {
	b, _ := json.Marshal(f) // a struct of strings and an int always encodes
	return b
}

// Meeting and Decision are the dates as civil dates (UTC midnight, like
// the store's), zero when not given.
func (f Facts) Meeting() time.Time  { return civil(f.MeetingOn) }
func (f Facts) Decision() time.Time { return civil(f.DecisionOn) }

func civil(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// FactsInput is the facts form as typed.
type FactsInput struct{ Year, MeetingOn, DecisionNo, DecisionOn string }

// Input is the form showing f.
func (f Facts) Input() FactsInput {
	in := FactsInput{MeetingOn: f.MeetingOn, DecisionNo: f.DecisionNo, DecisionOn: f.DecisionOn}
	if f.Year != 0 {
		in.Year = strconv.Itoa(f.Year)
	}
	return in
}

// Facts checks the form and returns the facts or the problems by field
// ("year", "meeting_on", "decision_no", "decision_on").
func (in FactsInput) Facts() (Facts, map[string]string) {
	errs := map[string]string{}
	var f Facts
	year, err := strconv.Atoi(strings.TrimSpace(in.Year))
	switch {
	case strings.TrimSpace(in.Year) == "":
		errs["year"] = "Chưa có năm của danh sách."
	case err != nil || year < 2000 || year > 2100:
		errs["year"] = "Năm phải là số có bốn chữ số, ví dụ 2025."
	default:
		f.Year = year
	}
	var meeting, decision time.Time
	f.MeetingOn, meeting = date(in.MeetingOn, "meeting_on", "ngày họp thôn", errs)
	f.DecisionOn, decision = date(in.DecisionOn, "decision_on", "ngày quyết định", errs)
	f.DecisionNo = strings.Join(strings.Fields(in.DecisionNo), " ")
	switch {
	case utf8.RuneCountInString(f.DecisionNo) > 60:
		errs["decision_no"] = "Số quyết định dài quá 60 ký tự."
	case f.DecisionNo == "" && f.DecisionOn != "":
		errs["decision_no"] = "Có ngày quyết định thì cần ghi số quyết định."
	}
	if !meeting.IsZero() && !decision.IsZero() && decision.Before(meeting) {
		errs["decision_on"] = "Quyết định công nhận không thể trước ngày họp thôn."
	}
	if len(errs) > 0 {
		return Facts{}, errs
	}
	return f, nil
}

// date reads a date typed as 2006-01-02 (a date input) or 02/01/2006.
func date(s, field, name string, errs map[string]string) (string, time.Time) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", time.Time{}
	}
	for _, layout := range []string{time.DateOnly, "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 2000 && t.Year() <= 2100 {
			return t.Format(time.DateOnly), t
		}
	}
	errs[field] = fmt.Sprintf("Chưa đúng %s: ghi ngày/tháng/năm, ví dụ 20/12/2025.", name)
	return "", time.Time{}
}
