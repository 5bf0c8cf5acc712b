package portal

import (
	"fmt"
	"strconv"
	"strings"

	"minhbach/portal/rules"
	"minhbach/store"
)

// formField feeds the "field" partial, which every form uses for a
// labelled control: the label, an optional hint and the error message are
// tied to the control (aria-describedby, aria-invalid), so a screen reader
// reads them with it and the error summary's #id links land on it.
type formField struct {
	ID, Name, Label, Value, Error, Hint string
	Note                                string // small print after the label
	Control                             string // input, textarea or select
	Type, Autocomplete, Autocapitalize  string
	Placeholder, Class                  string
	Required                            bool
	MaxLength, Rows                     int
	Blank                               string // select: label of an empty first option
	Options                             []fieldOption
}

type fieldOption struct{ Value, Label string }

// Selected reports whether o is the field's current value.
func (f formField) Selected(o fieldOption) bool { return o.Value == f.Value }

// DescribedBy lists the ids of the hint and the error, "" when neither shows.
func (f formField) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// newFormField is the template function "field": id (also the name, and
// the key of its error), label, value, the form's errors, a hint, then
// options: "required", "key=value" for name, type, autocomplete,
// autocapitalize, placeholder, class, maxlength, rows (a textarea), note
// and blank (a select), and a []fieldOption (a select). An unknown option
// fails the render, so TestEveryPageRenders catches a typo.
func newFormField(id, label, value string, errs fieldErrors, hint string, opts ...any) (formField, error) {
	f := formField{ID: id, Name: id, Label: label, Value: value, Error: errs[id], Hint: hint, Control: "input"}
	for _, o := range opts {
		if list, ok := o.([]fieldOption); ok {
			f.Control, f.Options = "select", list
			continue
		}
		s, ok := o.(string)
		if !ok {
			return f, fmt.Errorf("field %s: option %v is not a string", id, o)
		}
		k, v, _ := strings.Cut(s, "=")
		var err error
		switch k {
		case "required":
			f.Required = true
		case "name":
			f.Name = v
		case "type":
			f.Type = v
		case "autocomplete":
			f.Autocomplete = v
		case "autocapitalize":
			f.Autocapitalize = v
		case "placeholder":
			f.Placeholder = v
		case "class":
			f.Class = v
		case "note":
			f.Note = v
		case "maxlength":
			f.MaxLength, err = strconv.Atoi(v)
		case "rows":
			f.Control = "textarea"
			f.Rows, err = strconv.Atoi(v)
		case "blank":
			f.Control, f.Blank = "select", v
		default:
			err = fmt.Errorf("unknown option")
		}
		if err != nil {
			return f, fmt.Errorf("field %s: option %q: %w", id, s, err)
		}
	}
	return f, nil
}

// categoryOptions lists the disclosure categories for a select.
func categoryOptions() []fieldOption {
	var out []fieldOption
	for _, c := range store.Categories {
		out = append(out, fieldOption{c.Slug, c.Label})
	}
	return out
}

// kindOptions lists the kinds of every category for a select: "Chung"
// (no kind of its own) first. The server checks the kind fits the category.
func disclosureKindOptions() []fieldOption {
	out := []fieldOption{{"", "Chung (không thuộc loại riêng nào)"}}
	for _, k := range rules.DisclosureKinds() {
		out = append(out, fieldOption{k.Slug, categoryLabel(k.Category) + ": " + k.Name})
	}
	return out
}

// unitOptions lists the units for a select, by id.
func unitOptions(units []store.Unit) []fieldOption {
	out := make([]fieldOption, 0, len(units))
	for _, u := range units {
		out = append(out, fieldOption{strconv.FormatInt(u.ID, 10), u.Name})
	}
	return out
}

// roleOptions lists the roles an administrator can give an account.
func roleOptions() []fieldOption {
	return []fieldOption{
		{store.RoleOfficer, "Cán bộ (đăng, sửa, rút tin)"},
		{store.RoleAdmin, "Quản trị (thêm cả tài khoản, xem nhật ký)"},
	}
}
