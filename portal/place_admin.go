package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type placesPage struct {
	Base
	Units    []store.Unit
	Villages []store.Village
	Unit     string // typed into the unit form
	Village  string // typed into the village form
	Errors   fieldErrors
}

// placesIndex lists the commune's units (lead units of disclosures) and
// villages, with a form to add each (administrators only).
func (h *handler) placesIndex(c *fiber.Ctx) error {
	return h.renderPlaces(c, "", "", nil)
}

func (h *handler) renderPlaces(c *fiber.Ctx, unit, village string, errs fieldErrors) error {
	ctx := c.UserContext()
	units, err := h.store.Units(ctx)
	if err != nil {
		return err
	}
	villages, err := h.store.Villages(ctx)
	if err != nil {
		return err
	}
	p := &placesPage{Base: h.base(c, "Đơn vị và thôn"), Units: units, Villages: villages, Unit: unit, Village: village, Errors: errs}
	return h.renderStatus(c, formStatus(errs), "places", p)
}

// placeAdd adds a unit (/can-bo/don-vi) or a village (/can-bo/thon).
func (h *handler) placeAdd(village bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ctx := c.UserContext()
		name := strings.Join(strings.Fields(c.FormValue("name")), " ")
		field, label := "unit", "tên đơn vị"
		if village {
			field, label = "village", "tên thôn"
		}
		errs := fieldErrors{}
		plainText(errs, field, name, label, true, 150)
		if len(errs) == 0 {
			taken, err := h.placeTaken(c, name, village)
			if err != nil {
				return err
			}
			if taken {
				errs[field] = "“" + name + "” đã có trong danh sách."
			}
		}
		if len(errs) > 0 {
			if village {
				return h.renderPlaces(c, "", name, errs)
			}
			return h.renderPlaces(c, name, "", errs)
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
		return c.Redirect("/can-bo/don-vi", fiber.StatusSeeOther)
	}
}

// placeTaken compares names as people read them: case does not matter.
func (h *handler) placeTaken(c *fiber.Ctx, name string, village bool) (bool, error) {
	var names []string
	if village {
		vs, err := h.store.Villages(c.UserContext())
		if err != nil {
			return false, err
		}
		for _, v := range vs {
			names = append(names, v.Name)
		}
	} else {
		us, err := h.store.Units(c.UserContext())
		if err != nil {
			return false, err
		}
		for _, u := range us {
			names = append(names, u.Name)
		}
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return true, nil
		}
	}
	return false, nil
}
