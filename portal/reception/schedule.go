// Package reception is the commune's citizen reception schedule (lịch
// tiếp công dân): recurring weekly slots and the dated changes to them
// (a session cancelled, moved, or an extra one), turned into the concrete
// sessions of a period.
//
// The schedule is stored as the rows of a disclosure, so every edit makes a
// version: Decode and Rows convert between the rows and the Schedule. Each
// row is a JSON object with a stable "key" and a "type" ("slot" or
// "change").
//
// Dates are civil dates at UTC midnight, as in the rest of the portal;
// times of day are "HH:MM" in Vietnam time.
package reception

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Row types.
const (
	TypeSlot   = "slot"
	TypeChange = "change"
)

// Kind is what a change does.
type Kind string

const (
	Cancelled Kind = "cancelled" // the slot's session on Date is not held
	Moved     Kind = "moved"     // the slot's session on Date is held on NewDate (and/or other times, place)
	Extra     Kind = "extra"     // a session held on Date besides the weekly slots
)

// Slot is a weekly reception session.
type Slot struct {
	Key      string `json:"key"`
	Type     string `json:"type"`
	Weekday  int    `json:"weekday"` // ISO 8601: 1 Monday … 7 Sunday
	Start    string `json:"start"`   // "07:30"
	End      string `json:"end"`     // "11:00"
	Officer  string `json:"officer"` // who receives: the plan's row 4b asks for the name
	Title    string `json:"title"`
	Phone    string `json:"phone"` // the office's phone, not a personal one
	Place    string `json:"place"`
	Chairman bool   `json:"chairman"` // the chairman's own day (Law on Citizen Reception 2013 Art. 15(2))
}

// Change is a dated change to the schedule.
type Change struct {
	Key     string `json:"key"`
	Type    string `json:"type"`
	Kind    Kind   `json:"kind"`
	SlotKey string `json:"slot,omitempty"` // the slot affected; for an extra session, whose officer receives (optional)
	Date    string `json:"date"`           // YYYY-MM-DD: the slot's day affected, or the extra session's day
	NewDate string `json:"new_date,omitempty"`
	Start   string `json:"start,omitempty"` // moved or extra: new times ("" keeps the slot's)
	End     string `json:"end,omitempty"`
	Place   string `json:"place,omitempty"`
	// An extra session without a slot names its officer itself.
	Officer  string `json:"officer,omitempty"`
	Title    string `json:"title,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Chairman bool   `json:"chairman,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// Schedule is the whole schedule: what one version of the disclosure
// carries.
type Schedule struct {
	Slots   []Slot
	Changes []Change
}

// Decode reads the rows of a schedule disclosure. It accepts what Rows
// writes and refuses rows of another type.
func Decode(rows []json.RawMessage) (Schedule, error) {
	var s Schedule
	for i, r := range rows {
		var head struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(r, &head); err != nil {
			return s, fmt.Errorf("reception: row %d: %w", i+1, err)
		}
		switch head.Type {
		case TypeSlot:
			var x Slot
			if err := json.Unmarshal(r, &x); err != nil {
				return s, fmt.Errorf("reception: row %d: %w", i+1, err)
			}
			s.Slots = append(s.Slots, x)
		case TypeChange:
			var x Change
			if err := json.Unmarshal(r, &x); err != nil {
				return s, fmt.Errorf("reception: row %d: %w", i+1, err)
			}
			s.Changes = append(s.Changes, x)
		default:
			return s, fmt.Errorf("reception: row %d: unknown type %q", i+1, head.Type)
		}
	}
	return s, nil
}

// Rows is the schedule as disclosure rows: slots by weekday and time,
// then changes by date.
func (s Schedule) Rows() []json.RawMessage {
	slots := slices.Clone(s.Slots)
	slices.SortStableFunc(slots, func(a, b Slot) int {
		if a.Weekday != b.Weekday {
			return a.Weekday - b.Weekday
		}
		return strings.Compare(a.Start, b.Start)
	})
	changes := slices.Clone(s.Changes)
	slices.SortStableFunc(changes, func(a, b Change) int { return strings.Compare(a.Date, b.Date) })
	out := make([]json.RawMessage, 0, len(slots)+len(changes))
	for _, x := range slots {
		x.Type = TypeSlot
		b, _ := json.Marshal(x) // plain strings, ints and bools cannot fail
		out = append(out, b)
	}
	for _, x := range changes {
		x.Type = TypeChange
		b, _ := json.Marshal(x)
		out = append(out, b)
	}
	return out
}

// Slot returns the slot with the key.
func (s Schedule) Slot(key string) (Slot, bool) {
	i := slices.IndexFunc(s.Slots, func(x Slot) bool { return x.Key == key })
	if i < 0 {
		return Slot{}, false
	}
	return s.Slots[i], true
}

// Change returns the change with the key.
func (s Schedule) Change(key string) (Change, bool) {
	i := slices.IndexFunc(s.Changes, func(x Change) bool { return x.Key == key })
	if i < 0 {
		return Change{}, false
	}
	return s.Changes[i], true
}

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// ValidKey reports whether k can be a row key: it goes into calendar UIDs
// and addresses, so lower-case letters, digits and hyphens only.
func ValidKey(k string) bool { return keyPattern.MatchString(k) }

// Check verifies the schedule as a whole: valid unique keys, every change
// pointing at an existing slot, at most one cancellation or move per
// session. Each row's own fields are checked by its Validate.
func (s Schedule) Check() error {
	seen := map[string]bool{}
	for _, x := range s.Slots {
		if !ValidKey(x.Key) || seen[x.Key] {
			return fmt.Errorf("reception: bad or repeated key %q", x.Key)
		}
		seen[x.Key] = true
		if errs := x.Validate(); len(errs) > 0 {
			return fmt.Errorf("reception: slot %q: %v", x.Key, errs)
		}
	}
	taken := map[string]bool{}
	for _, x := range s.Changes {
		if !ValidKey(x.Key) || seen[x.Key] {
			return fmt.Errorf("reception: bad or repeated key %q", x.Key)
		}
		seen[x.Key] = true
		if errs := x.Validate(s); len(errs) > 0 {
			return fmt.Errorf("reception: change %q: %v", x.Key, errs)
		}
		if x.Kind != Extra {
			k := x.SlotKey + "/" + x.Date
			if taken[k] {
				return fmt.Errorf("reception: two changes to session %s", k)
			}
			taken[k] = true
		}
	}
	return nil
}

// ErrBadTime is returned by ParseClock for anything but "HH:MM".
var ErrBadTime = errors.New("reception: time of day is not HH:MM")

// ParseClock parses "HH:MM" (also "H:MM", "HHhMM", "HHgMM") and returns
// it normalised with the minutes since midnight.
func ParseClock(s string) (string, int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	s = strings.NewReplacer("h", ":", "g", ":").Replace(s)
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return "", 0, ErrBadTime
	}
	var hh, mm int
	if _, err := fmt.Sscanf(h+" "+m, "%d %d", &hh, &mm); err != nil || hh > 23 || mm > 59 || hh < 0 || mm < 0 {
		return "", 0, ErrBadTime
	}
	return fmt.Sprintf("%02d:%02d", hh, mm), hh*60 + mm, nil
}

// ParseDate parses a stored civil date "YYYY-MM-DD".
func ParseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }
