package portal

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
	"minhbach/store"
)

// householdRowForm is one household as typed in the add or edit form.
type householdRowForm struct {
	Head, Village, Class, Note, Reason string
}

func readHouseholdRowForm(c *fiber.Ctx) householdRowForm {
	return householdRowForm{Head: formText(c, "head"), Village: formText(c, "village"),
		Class: formText(c, "class"), Note: formText(c, "note"), Reason: formText(c, "reason")}
}

func (f householdRowForm) input() households.Input {
	return households.Input{Head: f.Head, Village: f.Village, Class: f.Class, Note: f.Note}
}

// householdClassOptions lists the classifications for a select.
func householdClassOptions() []fieldOption {
	out := make([]fieldOption, len(households.Classes))
	for i, c := range households.Classes {
		out[i] = fieldOption{string(c), c.Label()}
	}
	return out
}

// householdVillageOptions lists the commune's villages for a select, and
// the row's own village when it is no longer among them (renamed, retired).
func householdVillageOptions(villages []string, current string) []fieldOption {
	out := make([]fieldOption, 0, len(villages)+1)
	for _, v := range villages {
		out = append(out, fieldOption{v, v})
	}
	if current != "" && !slices.Contains(villages, current) {
		out = append(out, fieldOption{current, current + " (không còn trong danh sách thôn)"})
	}
	return out
}

// householdRowAdd adds a household typed in the form under the list.
func (h *handler) householdRowAdd(c *fiber.Ctx) error {
	l, err := h.officerHouseholds(c)
	if err != nil {
		return err
	}
	if l.D.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	f := readHouseholdRowForm(c)
	row, errs := f.input().Row(l.Villages)
	if errs == nil {
		errs = map[string]string{}
	}
	h.reasonCheck(l.D, f.Reason, errs, "reason")
	if len(errs) > 0 {
		p := &householdsPage{Facts: l.Facts.Input(), Add: f, AddErrors: errs}
		c.Request().URI().QueryArgs().Set("trang", "999999") // show the end of the list, where the form is
		return h.renderHouseholds(c, l, p)
	}
	if err := l.checkStamp(c); err != nil {
		return err
	}
	row.Key = households.NewKey(row, l.Rows)
	rows := append(slices.Clip(l.Rows), row)
	err = h.saveHouseholds(c, l, l.Facts, rows, f.Reason)
	return h.afterHouseholdSave(c, l, err, "Đã thêm hộ "+row.Head+".")
}

type householdRowPage struct {
	Base
	D        store.Disclosure
	Key      string
	Public   bool
	Stamp    string
	Form     householdRowForm
	Errors   fieldErrors
	Villages []fieldOption
	// DeleteReason and DeleteErrors belong to the delete form.
	DeleteReason string
	DeleteErrors fieldErrors
}

// ErrorSummary lists the errors of both forms.
func (p *householdRowPage) ErrorSummary() []fieldError {
	out := p.Errors.inOrder([]string{"head", "village", "class", "note", "reason"})
	return append(out, p.DeleteErrors.inOrder([]string{"delete-reason"})...)
}

// householdRowAt finds the row a path names.
func householdRowAt(l householdList, key string) (int, error) {
	i := slices.IndexFunc(l.Rows, func(r households.Row) bool { return r.Key == key })
	if i < 0 {
		return -1, errNotFound()
	}
	return i, nil
}

// householdRowEdit is the form of one household.
func (h *handler) householdRowEdit(c *fiber.Ctx) error {
	l, err := h.officerHouseholds(c)
	if err != nil {
		return err
	}
	i, err := householdRowAt(l, c.Params("key"))
	if err != nil {
		return err
	}
	r := l.Rows[i]
	f := householdRowForm{Head: r.Head, Village: r.Village, Class: string(r.Class), Note: r.Note}
	return h.renderHouseholdRow(c, l, r.Key, f, fieldErrors{}, "", fieldErrors{})
}

func (h *handler) renderHouseholdRow(c *fiber.Ctx, l householdList, key string, f householdRowForm, errs fieldErrors, delReason string, delErrs fieldErrors) error {
	if l.D.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	p := &householdRowPage{Base: h.base(c, "Sửa một hộ trong danh sách"), D: l.D, Key: key, Public: l.D.IsPublished(),
		Stamp: l.stamp(), Form: f, Errors: errs, Villages: householdVillageOptions(l.Villages, f.Village),
		DeleteReason: delReason, DeleteErrors: delErrs}
	p.NoIndex = true
	status := fiber.StatusOK
	if len(errs)+len(delErrs) > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	return h.renderStatus(c, status, "households_row", p)
}

// householdRowSave saves the form of one household.
func (h *handler) householdRowSave(c *fiber.Ctx) error {
	l, err := h.officerHouseholds(c)
	if err != nil {
		return err
	}
	i, err := householdRowAt(l, c.Params("key"))
	if err != nil {
		return err
	}
	f := readHouseholdRowForm(c)
	// A village since retired stays valid for the rows that have it.
	villages := l.Villages
	if old := l.Rows[i].Village; !slices.Contains(villages, old) {
		villages = append(slices.Clip(villages), old)
	}
	row, errs := f.input().Row(villages)
	if errs == nil {
		errs = map[string]string{}
	}
	if len(errs) == 0 && row == withKey(l.Rows[i], "") {
		errs["head"] = "Thông tin hộ chưa khác gì bản đang lưu."
	}
	h.reasonCheck(l.D, f.Reason, errs, "reason")
	if len(errs) > 0 {
		return h.renderHouseholdRow(c, l, l.Rows[i].Key, f, errs, "", fieldErrors{})
	}
	if err := l.checkStamp(c); err != nil {
		return err
	}
	row.Key = l.Rows[i].Key
	rows := slices.Clone(l.Rows)
	rows[i] = row
	err = h.saveHouseholds(c, l, l.Facts, rows, f.Reason)
	return h.afterHouseholdSave(c, l, err, "Đã lưu hộ "+row.Head+".")
}

func withKey(r households.Row, key string) households.Row {
	r.Key = key
	return r
}

// householdRowDelete removes one household from the list.
func (h *handler) householdRowDelete(c *fiber.Ctx) error {
	l, err := h.officerHouseholds(c)
	if err != nil {
		return err
	}
	i, err := householdRowAt(l, c.Params("key"))
	if err != nil {
		return err
	}
	reason := formText(c, "delete-reason")
	errs := fieldErrors{}
	h.reasonCheck(l.D, reason, errs, "delete-reason")
	if len(errs) > 0 {
		r := l.Rows[i]
		f := householdRowForm{Head: r.Head, Village: r.Village, Class: string(r.Class), Note: r.Note}
		return h.renderHouseholdRow(c, l, r.Key, f, fieldErrors{}, reason, errs)
	}
	if err := l.checkStamp(c); err != nil {
		return err
	}
	head := l.Rows[i].Head
	rows := slices.Delete(slices.Clone(l.Rows), i, i+1)
	err = h.saveHouseholds(c, l, l.Facts, rows, reason)
	return h.afterHouseholdSave(c, l, err, "Đã xóa hộ "+head+" khỏi danh sách.")
}
