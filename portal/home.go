package portal

import (
	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

type categoryCount struct {
	store.Category
	Count int
}

type homePage struct {
	Base
	Latest     []store.Disclosure
	Categories []categoryCount
	Answers    homeAnswers
	Reception  *sessionView // the next citizen reception session; nil when none
	Headline   headline
}

// home shows the newest disclosures and the way into every category.
func (h *handler) home(c *fiber.Ctx) error {
	ctx := c.UserContext()
	latest, err := h.store.Disclosures(ctx, store.DisclosureFilter{Public: true, Limit: 8})
	if err != nil {
		return err
	}
	cats, err := h.categoryCounts(c)
	if err != nil {
		return err
	}
	answers, err := h.homeAnswers(c, h.now())
	if err != nil {
		return err
	}
	p := &homePage{Base: h.base(c, ""), Latest: latest, Categories: cats, Answers: answers}
	if p.Reception, err = h.nextReception(c); err != nil {
		return err
	}
	if p.Headline, err = h.homeHeadline(c); err != nil {
		return err
	}
	return h.render(c, "home", p)
}

func (h *handler) categoryCounts(c *fiber.Ctx) ([]categoryCount, error) {
	counts, err := h.store.CategoryCounts(c.UserContext())
	if err != nil {
		return nil, err
	}
	cats := store.PublicCategories()
	out := make([]categoryCount, len(cats))
	for i, cat := range cats {
		out[i] = categoryCount{cat, counts[cat.Slug]}
	}
	return out, nil
}
