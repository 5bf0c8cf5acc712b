package portal

import (
	"context"
	"encoding/json"
	"slices"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
	"minhbach/store"
)

// maxPlans bounds the plans read to find a year's: a commune posts one a
// year, and a few corrected copies at most.
const maxPlans = 200

// planInForce is the newest published plan of year, as the public sees it
// (its published version's facts and rows). Year 0 asks for the plan of
// the latest year not after this year (by the portal's clock), or the
// earliest plan when all are for later years. ok is false when there is
// no such plan.
func (h *handler) planInForce(ctx context.Context, year int) (d store.Disclosure, p plan.Plan, ok bool, err error) {
	items, err := h.store.Disclosures(ctx, store.DisclosureFilter{Public: true, Status: store.StatusPublished,
		Category: plan.Category, Kind: plan.Kind, Limit: maxPlans})
	if err != nil {
		return store.Disclosure{}, plan.Plan{}, false, err
	}
	if year == 0 {
		year = defaultPlanYear(items, h.now().In(vietnam).Year())
	}
	var best store.Disclosure
	for _, it := range items { // newest change first: the first of the year wins
		if planYear(it) == year {
			best = it
			break
		}
	}
	if best.ID == 0 {
		return store.Disclosure{}, plan.Plan{}, false, nil
	}
	d, err = h.store.PublicDisclosure(ctx, best.ID)
	if err != nil {
		return store.Disclosure{}, plan.Plan{}, false, err
	}
	rows, err := h.store.VersionRows(ctx, d.RowsVersion)
	if err != nil {
		return store.Disclosure{}, plan.Plan{}, false, err
	}
	p, err = plan.Decode(d.Facts, rows)
	if err != nil {
		return store.Disclosure{}, plan.Plan{}, false, err
	}
	return d, p, true, nil
}

// planYear is the year of a plan disclosure; 0 when its facts say none.
func planYear(d store.Disclosure) int {
	var f plan.Facts
	if json.Unmarshal(d.Facts, &f) != nil {
		return 0
	}
	return f.Year
}

// defaultPlanYear is the year shown when none is asked for: the latest
// plan's year not after this year, or the earliest when all are later.
func defaultPlanYear(items []store.Disclosure, this int) int {
	best, earliest := 0, 0
	for _, it := range items {
		y := planYear(it)
		if y == 0 {
			continue
		}
		if y <= this && y > best {
			best = y
		}
		if earliest == 0 || y < earliest {
			earliest = y
		}
	}
	if best == 0 {
		return earliest
	}
	return best
}

// planYears lists the years that have a published plan, newest first.
func (h *handler) planYears(ctx context.Context) ([]int, error) {
	items, err := h.store.Disclosures(ctx, store.DisclosureFilter{Public: true, Status: store.StatusPublished,
		Category: plan.Category, Kind: plan.Kind, Limit: maxPlans})
	if err != nil {
		return nil, err
	}
	var years []int
	for _, it := range items {
		if y := planYear(it); y != 0 && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	return years, nil
}

// knownIndicator tells plan.Check the computed functions that exist.
func knownIndicator(function string) bool {
	_, ok := indicators.Lookup(function)
	return ok
}
