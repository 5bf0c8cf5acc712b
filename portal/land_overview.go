package portal

import (
	"cmp"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/land"
	"minhbach/store"
)

// planEntry is a land-use plan on the overview.
type planEntry struct {
	D        store.Disclosure
	Plan     land.Plan
	KindName string
	Current  bool
	Map      *landMap // the first map, as a thumbnail
	MapCount int
}

// compensationEntry is a compensation plan on the overview.
type compensationEntry struct {
	D        store.Disclosure
	Plan     land.Compensation
	InWindow bool
}

type landOverviewPage struct {
	Base
	Plans        []planEntry         // current period first, then the latest period
	InWindow     []compensationEntry // compensation plans posted now
	Past         []compensationEntry // the others, newest first
	Demo         bool
	CategoryPlan string
	CategoryComp string
	PostingDays  int // of a compensation plan, under the rule in force
}

// pastCompensationShown bounds the past compensation plans on the
// overview; the category's list has them all.
const pastCompensationShown = 20

// landOverview is /quy-hoach: the land-use plans and yearly plans, and the
// compensation plans, each with its decision, its period or posting
// window and, for plans, a map.
func (h *handler) landOverview(c *fiber.Ctx) error {
	ctx := c.UserContext()
	t := today(time.Now())
	days, err := h.compensationPostingDays(ctx, t)
	if err != nil {
		return err
	}
	p := &landOverviewPage{Base: h.base(c, "Quy hoạch, kế hoạch sử dụng đất và bồi thường"),
		CategoryPlan: land.CategoryPlan, CategoryComp: land.CategoryCompensation,
		PostingDays: days}
	for kind, name := range planKindNames {
		ds, err := h.publicOfKind(ctx, land.CategoryPlan, kind)
		if err != nil {
			return err
		}
		for _, d := range ds {
			e := planEntry{D: d, KindName: name}
			if err := decodeFacts(d, &e.Plan); err != nil {
				return err
			}
			e.Current = e.Plan.Current(t)
			maps := planMaps(d, e.Plan)
			e.MapCount = len(maps)
			if len(maps) > 0 {
				e.Map = &maps[0]
			}
			p.Plans = append(p.Plans, e)
			p.Demo = p.Demo || d.Demo
		}
	}
	slices.SortFunc(p.Plans, func(a, b planEntry) int {
		if a.Current != b.Current {
			if a.Current {
				return -1
			}
			return 1
		}
		// Multi-year plans before yearly ones, then the latest period.
		if a.D.Kind != b.D.Kind {
			return cmp.Compare(b.D.Kind, a.D.Kind) // "quy-hoach…" > "ke-hoach…"
		}
		if c := b.Plan.End().Compare(a.Plan.End()); c != 0 {
			return c
		}
		return cmp.Compare(b.D.ID, a.D.ID)
	})
	ds, err := h.publicOfKind(ctx, land.CategoryCompensation, land.KindCompensation)
	if err != nil {
		return err
	}
	slices.SortFunc(ds, func(a, b store.Disclosure) int {
		if c := b.PostingFrom.Compare(a.PostingFrom); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	for _, d := range ds {
		e := compensationEntry{D: d}
		if err := decodeFacts(d, &e.Plan); err != nil {
			return err
		}
		e.InWindow = inPostingWindow(d, t)
		p.Demo = p.Demo || d.Demo
		if e.InWindow {
			p.InWindow = append(p.InWindow, e)
		} else if len(p.Past) < pastCompensationShown {
			p.Past = append(p.Past, e)
		}
	}
	p.Canonical = canonical(p.Settings, landOverviewPath)
	p.Description = "Quy hoạch, kế hoạch sử dụng đất kèm bản đồ và các phương án bồi thường, hỗ trợ, tái định cư của xã."
	return h.render(c, "land_overview", p)
}
