package portal

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// place is a unit or a village as the administrators' page lists it.
type place struct {
	ID      int64
	Name    string
	Retired bool
	Field   string // id of its rename field ("unit-3"), also its errors' key
	Value   string // the rename field's value: the name, or what was typed
	Village bool
	CSRF    string
	Errs    fieldErrors
}

// RenamePath and RetirePath are where its line's forms post.
func (p place) RenamePath() string { return placeActionPath(p.Village, p.ID, "doi-ten") }
func (p place) RetirePath() string { return placeActionPath(p.Village, p.ID, "ngung") }

type placesPage struct {
	Base
	Units    []place
	Villages []place
	Unit     string // typed into the unit form
	Village  string // typed into the village form
	Errors   fieldErrors
}

// placesIndex lists the commune's units (lead units of disclosures) and
// villages, with a form to add each and, on each line, to rename it and to
// retire it or put it back (administrators only).
func (h *handler) placesIndex(c *fiber.Ctx) error {
	return h.renderPlaces(c, "", "", nil, nil)
}

// renderPlaces shows the page; typed holds what was typed into a rename
// field that failed, by field id.
func (h *handler) renderPlaces(c *fiber.Ctx, unit, village string, errs fieldErrors, typed map[string]string) error {
	ctx := c.UserContext()
	units, err := h.store.AllUnits(ctx)
	if err != nil {
		return err
	}
	villages, err := h.store.AllVillages(ctx)
	if err != nil {
		return err
	}
	p := &placesPage{Base: h.base(c, "Đơn vị và thôn"), Unit: unit, Village: village, Errors: errs}
	line := func(village bool, id int64, name string, retired bool) place {
		f := placeKind{village}.field() + "-" + strconv.FormatInt(id, 10)
		v, ok := typed[f]
		if !ok {
			v = name
		}
		return place{ID: id, Name: name, Retired: retired, Field: f, Value: v, Village: village, CSRF: p.CSRF, Errs: errs}
	}
	for _, u := range units {
		p.Units = append(p.Units, line(false, u.ID, u.Name, !u.Retired.IsZero()))
	}
	for _, v := range villages {
		p.Villages = append(p.Villages, line(true, v.ID, v.Name, !v.Retired.IsZero()))
	}
	return h.renderStatus(c, formStatus(errs), "places", p)
}

// AddUnitPath and AddVillagePath are where the add forms post.
func (p *placesPage) AddUnitPath() string    { return placesPath }
func (p *placesPage) AddVillagePath() string { return villagesPath }

// ErrorSummary lists the errors: the add forms first, then the lines.
func (p *placesPage) ErrorSummary() []fieldError {
	order := []string{"unit", "village"}
	for _, x := range append(append([]place{}, p.Units...), p.Villages...) {
		order = append(order, x.Field)
	}
	return p.Errors.inOrder(order)
}

// placeKind names what a handler works on: units or villages.
type placeKind struct {
	village bool
}

func (k placeKind) field() string {
	if k.village {
		return "village"
	}
	return "unit"
}

func (k placeKind) label() string {
	if k.village {
		return "tên thôn"
	}
	return "tên đơn vị"
}

// anchor is where the page lands after a change.
func (k placeKind) anchor() string {
	if k.village {
		return placesPath + "#thon"
	}
	return placesPath + "#don-vi"
}

// placeAdd adds a unit (/can-bo/don-vi) or a village (/can-bo/thon).
func (h *handler) placeAdd(village bool) fiber.Handler {
	k := placeKind{village}
	return func(c *fiber.Ctx) error {
		ctx := c.UserContext()
		name := oneLine(c.FormValue("name"))
		field := k.field()
		errs := fieldErrors{}
		plainText(errs, field, name, k.label(), true, 150)
		if len(errs) == 0 {
			other, err := h.placeNamed(c, name, k, 0)
			if err != nil {
				return err
			}
			switch {
			case other != nil && other.Retired:
				errs[field] = "“" + other.Name + "” đã có trong danh sách nhưng đã ngừng sử dụng; bấm “Dùng lại” ở dòng đó."
			case other != nil:
				errs[field] = "“" + name + "” đã có trong danh sách."
			}
		}
		if len(errs) > 0 {
			if village {
				return h.renderPlaces(c, "", name, errs, nil)
			}
			return h.renderPlaces(c, name, "", errs, nil)
		}
		var err error
		if village {
			_, err = h.store.AddVillage(ctx, name, currentUser(c).ID)
		} else {
			_, err = h.store.AddUnit(ctx, name, currentUser(c).ID)
		}
		if err != nil {
			return err
		}
		h.setFlash(c, "Đã thêm “"+name+"”.")
		return c.Redirect(k.anchor(), fiber.StatusSeeOther)
	}
}

// placeRename renames a unit or a village. Published versions keep the
// name they were published with.
func (h *handler) placeRename(village bool) fiber.Handler {
	k := placeKind{village}
	return func(c *fiber.Ctx) error {
		ctx := c.UserContext()
		id, err := c.ParamsInt("id")
		if err != nil {
			return errNotFound()
		}
		old, err := h.placeByID(c, k, int64(id))
		if err != nil {
			return err
		}
		name := oneLine(c.FormValue("name"))
		field := k.field() + "-" + strconv.Itoa(id)
		errs := fieldErrors{}
		plainText(errs, field, name, k.label()+" mới", true, 150)
		if len(errs) == 0 {
			other, err := h.placeNamed(c, name, k, old.ID)
			if err != nil {
				return err
			}
			if other != nil {
				errs[field] = "“" + other.Name + "” đã có trong danh sách; chọn tên khác."
			}
		}
		if len(errs) == 0 {
			if village {
				err = h.store.RenameVillage(ctx, old.ID, name, currentUser(c).ID)
			} else {
				err = h.store.RenameUnit(ctx, old.ID, name, currentUser(c).ID)
			}
			if errors.Is(err, store.ErrNameTaken) {
				errs[field] = "“" + name + "” đã có trong danh sách; chọn tên khác."
			} else if err != nil {
				return err
			}
		}
		if len(errs) > 0 {
			return h.renderPlaces(c, "", "", errs, map[string]string{field: name})
		}
		if name != old.Name {
			h.setFlash(c, "Đã đổi tên “"+old.Name+"” thành “"+name+"”. Các phiên bản đã công bố vẫn giữ tên cũ.")
		}
		return c.Redirect(k.anchor(), fiber.StatusSeeOther)
	}
}

// placeRetire takes a unit or a village out of the forms' choices (form
// value retire=1) or puts it back (retire=0).
func (h *handler) placeRetire(village bool) fiber.Handler {
	k := placeKind{village}
	return func(c *fiber.Ctx) error {
		id, err := c.ParamsInt("id")
		if err != nil {
			return errNotFound()
		}
		old, err := h.placeByID(c, k, int64(id))
		if err != nil {
			return err
		}
		retire := c.FormValue("retire") == "1"
		if village {
			err = h.store.RetireVillage(c.UserContext(), old.ID, retire, currentUser(c).ID)
		} else {
			err = h.store.RetireUnit(c.UserContext(), old.ID, retire, currentUser(c).ID)
		}
		if err != nil {
			return err
		}
		if retire {
			h.setFlash(c, "Đã ngừng sử dụng “"+old.Name+"”: không còn trong các danh sách chọn; nội dung đã gắn với nó vẫn giữ tên.")
		} else {
			h.setFlash(c, "Đã dùng lại “"+old.Name+"”.")
		}
		return c.Redirect(k.anchor(), fiber.StatusSeeOther)
	}
}

// placeByID finds a unit or a village, retired ones included.
func (h *handler) placeByID(c *fiber.Ctx, k placeKind, id int64) (place, error) {
	all, err := h.allPlaces(c, k)
	if err != nil {
		return place{}, err
	}
	for _, p := range all {
		if p.ID == id {
			return p, nil
		}
	}
	return place{}, errNotFound()
}

// placeNamed finds another unit or village of that name (not except),
// comparing as people read names: case does not matter.
func (h *handler) placeNamed(c *fiber.Ctx, name string, k placeKind, except int64) (*place, error) {
	all, err := h.allPlaces(c, k)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if p.ID != except && strings.EqualFold(p.Name, name) {
			return &p, nil
		}
	}
	return nil, nil
}

func (h *handler) allPlaces(c *fiber.Ctx, k placeKind) ([]place, error) {
	var out []place
	if k.village {
		vs, err := h.store.AllVillages(c.UserContext())
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			out = append(out, place{ID: v.ID, Name: v.Name, Retired: !v.Retired.IsZero(), Village: true})
		}
		return out, nil
	}
	us, err := h.store.AllUnits(c.UserContext())
	if err != nil {
		return nil, err
	}
	for _, u := range us {
		out = append(out, place{ID: u.ID, Name: u.Name, Retired: !u.Retired.IsZero()})
	}
	return out, nil
}

func init() {
	for action, label := range map[string]string{
		"units.rename":     "Đổi tên đơn vị",
		"units.retire":     "Ngừng sử dụng đơn vị",
		"units.restore":    "Dùng lại đơn vị",
		"villages.rename":  "Đổi tên thôn",
		"villages.retire":  "Ngừng sử dụng thôn",
		"villages.restore": "Dùng lại thôn",
	} {
		actionLabels[action] = label
	}
}
