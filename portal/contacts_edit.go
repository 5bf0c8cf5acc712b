package portal

import (
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/contacts"
	"minhbach/store"
)

// The officers' page of a directory item: its people, each saved as a new
// working copy of the rows (a new public version with a reason when the
// item is published).

// personForm is the person form, as typed.
type personForm struct {
	Key, Name, Role, Title, Village, Area, Phone, Email string
	Consent                                             bool
	ConsentOn, ConsentHow                               string
}

var personFields = []string{"p-name", "p-role", "p-title", "p-village", "p-area", "p-phone", "p-email", "p-consent_on", "p-consent_how", "p-ly-do"}

type contactsEditPage struct {
	Base
	D        store.Disclosure
	People   []contacts.Person
	Form     personForm
	Reason   string
	Errors   fieldErrors
	Villages []store.Village // villages in use, and the edited person's own
}

func (p *contactsEditPage) ErrorSummary() []fieldError { return p.Errors.inOrder(personFields) }
func (p *contactsEditPage) Published() bool            { return p.D.IsPublished() }
func (p *contactsEditPage) Editing() bool              { return p.Form.Key != "" }

// ActionPath is where the page's forms post: "" (the page, the person
// form) or "xoa".
func (p *contactsEditPage) ActionPath(action string) string {
	if action == "" {
		return officerContactsPath(p.D.ID)
	}
	return officerContactsPath(p.D.ID) + "/" + action
}

func (p *contactsEditPage) RoleOptions() []fieldOption {
	var out []fieldOption
	for _, r := range contacts.Roles {
		out = append(out, fieldOption{r.Slug, r.Name})
	}
	return out
}

func (p *contactsEditPage) ConsentOptions() []fieldOption {
	var out []fieldOption
	for _, r := range contacts.ConsentMethods {
		out = append(out, fieldOption{r.Slug, r.Name})
	}
	return out
}

func (p *contactsEditPage) VillageOptions() []fieldOption {
	var out []fieldOption
	for _, v := range p.Villages {
		out = append(out, fieldOption{itoa(v.ID), v.Name})
	}
	return out
}

// RoleName and ConsentLabel describe a person in the list.
func (p *contactsEditPage) RoleName(slug string) string { return contacts.RoleName(slug) }
func (p *contactsEditPage) ConsentLabel(x contacts.Person) string {
	if !x.Consent.Given {
		return "Chưa đồng ý công khai: trang công khai hiện số của Văn phòng UBND xã"
	}
	on, _ := parseCivilDate(x.Consent.On)
	return "Đồng ý công khai ngày " + fmtDate(on) + " (" + contacts.ConsentMethodName(x.Consent.How) + ")"
}

// directoryItem reads the item of the request and checks it is a
// directory that can still be edited.
func (h *handler) directoryItem(c *fiber.Ctx) (store.Disclosure, []contacts.Person, error) {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return d, nil, err
	}
	if d.Category != contactsCategory || d.Kind != contactsKind {
		return d, nil, errNotFound()
	}
	if d.IsWithdrawn() {
		return d, nil, errWithdrawnIsFinal
	}
	rows, err := h.store.Rows(c.UserContext(), d.ID)
	if err != nil {
		return d, nil, err
	}
	people, err := contacts.Decode(rows)
	return d, people, err
}

// contactsEdit shows the page; ?sua=<key> fills the form with a person.
func (h *handler) contactsEdit(c *fiber.Ctx) error {
	d, people, err := h.directoryItem(c)
	if err != nil {
		return err
	}
	var f personForm
	if key := c.Query("sua"); key != "" {
		i := slices.IndexFunc(people, func(p contacts.Person) bool { return p.Key == key })
		if i < 0 {
			return errNotFound()
		}
		x := people[i]
		f = personForm{Key: x.Key, Name: x.Name, Role: x.Role, Title: x.Title, Area: x.Area, Phone: x.Phone, Email: x.Email,
			Consent: x.Consent.Given, ConsentOn: x.Consent.On, ConsentHow: x.Consent.How}
		if x.VillageID != 0 {
			f.Village = itoa(x.VillageID)
		}
	}
	return h.renderContactsEdit(c, d, people, f, "", nil)
}

func (h *handler) renderContactsEdit(c *fiber.Ctx, d store.Disclosure, people []contacts.Person, f personForm, reason string, errs fieldErrors) error {
	villages, err := h.formVillages(c, f.Village)
	if err != nil {
		return err
	}
	p := &contactsEditPage{Base: h.base(c, "Danh bạ: "+d.Title), D: d, People: people, Form: f, Reason: reason, Errors: errs, Villages: villages}
	return h.renderStatus(c, formStatus(errs), "contacts_edit", p)
}

// formVillages are the villages in use, plus the one a person already
// names if it was retired since: editing that person keeps it.
func (h *handler) formVillages(c *fiber.Ctx, keep string) ([]store.Village, error) {
	all, err := h.store.AllVillages(c.UserContext())
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(v store.Village) bool { return !v.Retired.IsZero() && itoa(v.ID) != keep }), nil
}

// contactsSave adds a person or replaces one (form key).
func (h *handler) contactsSave(c *fiber.Ctx) error {
	d, people, err := h.directoryItem(c)
	if err != nil {
		return err
	}
	f := personForm{Key: formText(c, "key"), Name: oneLine(c.FormValue("p-name")), Role: formText(c, "p-role"),
		Title: oneLine(c.FormValue("p-title")), Village: formText(c, "p-village"), Area: oneLine(c.FormValue("p-area")),
		Phone: oneLine(c.FormValue("p-phone")), Email: formText(c, "p-email"), Consent: c.FormValue("p-consent") == "1",
		ConsentOn: formText(c, "p-consent_on"), ConsentHow: formText(c, "p-consent_how")}
	reason := oneLine(c.FormValue("ly-do"))
	x := contacts.Person{Key: f.Key, Name: f.Name, Role: f.Role, Title: f.Title, Area: f.Area, Phone: f.Phone, Email: f.Email,
		Consent: contacts.Consent{Given: f.Consent, On: civil(f.ConsentOn), How: f.ConsentHow}}
	if !x.Consent.Given {
		x.Consent = contacts.Consent{}
	}
	errs := fieldErrors{}
	if f.Village != "" {
		villages, err := h.formVillages(c, f.Village)
		if err != nil {
			return err
		}
		id, _ := strconv.ParseInt(f.Village, 10, 64)
		i := slices.IndexFunc(villages, func(v store.Village) bool { return v.ID == id })
		if i < 0 {
			errs["p-village"] = "Vui lòng chọn thôn trong danh sách."
		} else {
			x.VillageID, x.Village = id, villages[i].Name
		}
	}
	for k, v := range x.Validate(today(h.now())) {
		if _, taken := errs["p-"+k]; !taken {
			errs["p-"+k] = v
		}
	}
	if f.Consent && f.ConsentOn != "" && x.Consent.On == "" {
		errs["p-consent_on"] = "Ngày “" + f.ConsentOn + "” không hợp lệ; nhập theo dạng ngày/tháng/năm."
	}
	i := -1
	if f.Key != "" {
		if i = slices.IndexFunc(people, func(p contacts.Person) bool { return p.Key == f.Key }); i < 0 {
			errs["p-name"] = "Người này không còn trong danh bạ (có thể vừa bị xóa); hãy thêm lại."
		}
	} else {
		x.Key = newRowKey("nguoi")
	}
	h.reasonCheck(d, reason, errs, "p-ly-do")
	if len(errs) > 0 {
		return h.renderContactsEdit(c, d, people, f, reason, errs)
	}
	next := slices.Clone(people)
	if i >= 0 {
		next[i] = x
	} else {
		next = append(next, x)
	}
	return h.saveDirectory(c, d, next, reason, "Đã lưu "+x.Name+".")
}

// contactsDelete removes a person.
func (h *handler) contactsDelete(c *fiber.Ctx) error {
	d, people, err := h.directoryItem(c)
	if err != nil {
		return err
	}
	key, reason := formText(c, "key"), oneLine(c.FormValue("ly-do"))
	i := slices.IndexFunc(people, func(p contacts.Person) bool { return p.Key == key })
	if i < 0 {
		h.setFlash(c, "Người này không còn trong danh bạ.")
		return c.Redirect(officerContactsPath(d.ID), fiber.StatusSeeOther)
	}
	errs := fieldErrors{}
	h.reasonCheck(d, reason, errs, "p-ly-do")
	if len(errs) > 0 {
		return h.renderContactsEdit(c, d, people, personForm{}, reason, errs)
	}
	name := people[i].Name
	next := slices.Delete(slices.Clone(people), i, i+1)
	return h.saveDirectory(c, d, next, reason, "Đã xóa "+name+" khỏi danh bạ.")
}

func (h *handler) saveDirectory(c *fiber.Ctx, d store.Disclosure, people []contacts.Person, reason, done string) error {
	in := d.Input()
	in.Rows = contacts.Rows(people)
	err := h.store.UpdateDisclosure(c.UserContext(), d.ID, in, reason, currentUser(c).ID)
	if err != nil {
		return err
	}
	if d.IsPublished() {
		done += " Đã đăng phiên bản mới của danh bạ."
	}
	h.setFlash(c, done)
	return c.Redirect(officerContactsPath(d.ID), fiber.StatusSeeOther)
}
