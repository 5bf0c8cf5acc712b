package portal

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/vn"
)

// Helpers every form shares: field errors, plain-text checks, dates.

// formText is a form field as typed, without surrounding white space.
func formText(c *fiber.Ctx, name string) string {
	return strings.TrimSpace(c.FormValue(name))
}

// fieldErrors maps a form field name to its Vietnamese message.
type fieldErrors map[string]string

// formStatus is 422 for a form sent back with errors, 200 otherwise.
func formStatus(errs fieldErrors) int {
	if len(errs) > 0 {
		return fiber.StatusUnprocessableEntity
	}
	return fiber.StatusOK
}

// Get is the message for a field, "" when it has none; templates call it
// where a missing map key would be an invalid value.
func (e fieldErrors) Get(field string) string { return e[field] }

// fieldError is one line of a form's error summary.
type fieldError struct {
	Field, Message string
}

// inOrder lists the errors in the order the form shows its fields, so the
// summary reads top to bottom like the form; a field missing from order
// comes last, by name, rather than not at all.
func (e fieldErrors) inOrder(order []string) []fieldError {
	out := make([]fieldError, 0, len(e))
	for _, f := range order {
		if msg, ok := e[f]; ok {
			out = append(out, fieldError{f, msg})
		}
	}
	var rest []string
	for f := range e {
		if !slices.Contains(order, f) {
			rest = append(rest, f)
		}
	}
	slices.Sort(rest)
	for _, f := range rest {
		out = append(out, fieldError{f, e[f]})
	}
	return out
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// parseCivilDate accepts what a date field or a person types:
// 2024-03-15, 15/03/2024 or 15-03-2024.
func parseCivilDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 2000 || t.Year() > 2100 {
				return time.Time{}, fmt.Errorf("year out of range")
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date")
}

// plainText checks a plain-text field: length and no markup.
func plainText(errs fieldErrors, field, value, label string, required bool, max int) {
	switch {
	case required && value == "":
		errs[field] = "Vui lòng nhập " + label + "."
	case utf8.RuneCountInString(value) > max:
		errs[field] = fmt.Sprintf("%s dài %s ký tự, vượt giới hạn %s ký tự.",
			capitalize(label), vn.Number(int64(utf8.RuneCountInString(value))), vn.Number(int64(max)))
	case markup.MatchString(value) || dangerous.MatchString(value):
		errs[field] = capitalize(label) + " chỉ được chứa văn bản thuần, không được chứa mã HTML hay script (ví dụ thẻ <…>)."
	case !utf8.ValidString(value):
		errs[field] = capitalize(label) + " có ký tự không hợp lệ."
	}
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}
