package portal

import (
	"cmp"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
	"minhbach/store"
)

// householdsListSize is how many lists the overview shows per page: a
// commune posts two or three a year.
const householdsListSize = 50

type householdsIndexPage struct {
	Base
	Years []householdYear // newest first
	Pager pager
}

type householdYear struct {
	Year  int // 0: lists without a year
	Lists []householdListSummary
}

// householdListSummary is one list on the overview: counts, never names.
type householdListSummary struct {
	D        store.Disclosure
	Facts    households.Facts
	KindName string
	Counts   households.Counts
	Names    bool // the list's page shows the names now
}

// householdsIndex is /ho-ngheo: every public list by year, its review,
// its posting window and its counts by classification.
func (h *handler) householdsIndex(c *fiber.Ctx) error {
	items, pg, err := h.page(c, store.DisclosureFilter{Public: true, Category: households.Category}, pageRequest(c, householdsPath, householdsListSize))
	if err != nil {
		return err
	}
	now := h.store.Now()
	byYear := map[int]*householdYear{}
	var years []*householdYear
	for _, d := range items {
		s, err := householdSummary(d, now)
		if err != nil {
			return err
		}
		y := byYear[s.Facts.Year]
		if y == nil {
			y = &householdYear{Year: s.Facts.Year}
			byYear[s.Facts.Year] = y
			years = append(years, y)
		}
		y.Lists = append(y.Lists, s)
	}
	slices.SortFunc(years, func(a, b *householdYear) int { return cmp.Compare(b.Year, a.Year) })
	p := &householdsIndexPage{Base: h.base(c, "Hộ nghèo, hộ cận nghèo"), Pager: pg}
	for _, y := range years {
		p.Years = append(p.Years, *y)
	}
	p.Canonical += pageQuery(c)
	p.Description = describe("Danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo của " + p.Settings.CommuneName +
		" theo từng năm và đợt rà soát: thời gian niêm yết, ngày họp thôn, quyết định công nhận và số hộ theo thôn.")
	if cat, ok := store.CategoryBySlug(households.Category); ok {
		p.Feeds = categoryFeeds(cat)
	}
	return h.render(c, "households_index", p)
}

func householdSummary(d store.Disclosure, now time.Time) (householdListSummary, error) {
	f, err := households.ParseFacts(d.Facts)
	if err != nil {
		return householdListSummary{}, err
	}
	return householdListSummary{D: d, Facts: f, KindName: reviewLabel(d.Kind), Counts: f.Tally(),
		Names: householdNamesShown(d, now)}, nil
}

// classCount is one classification's number of households.
type classCount struct {
	Label string
	N     int
}

// Breakdown is the list's households by classification, those present.
func (s householdListSummary) Breakdown() []classCount {
	var out []classCount
	for _, cl := range s.Counts.Used() {
		out = append(out, classCount{cl.Label(), s.Counts.All.Of(cl)})
	}
	return out
}
