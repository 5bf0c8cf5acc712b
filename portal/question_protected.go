package portal

import (
	"github.com/gofiber/fiber/v2"

	"minhbach/portal/rules"
	"minhbach/store"
)

// protectedOutcomesShown bounds the list of published outcomes.
const protectedOutcomesShown = 50

// protectedKindCounts are one protected kind's figures, by state.
type protectedKindCounts struct {
	Kind   string
	Total  int
	States []store.ProtectedCount
}

type questionProtectedPage struct {
	Base
	Kinds    []protectedKindCounts
	Outcomes []store.Question
}

// questionProtected is the public page of complaints and denunciations:
// how many there are in each state and the outcomes the commune published,
// nothing else (the Law on Denunciations protects the person who reports).
func (h *handler) questionProtected(c *fiber.Ctx) error {
	ctx := c.UserContext()
	counts, err := h.store.ProtectedCounts(ctx)
	if err != nil {
		return err
	}
	outcomes, err := h.store.ProtectedOutcomes(ctx, protectedOutcomesShown)
	if err != nil {
		return err
	}
	var kinds []protectedKindCounts
	for _, k := range []string{rules.KindComplaint, rules.KindDenunciation} {
		kc := protectedKindCounts{Kind: k}
		for _, n := range counts {
			if n.Kind == k {
				kc.States = append(kc.States, n)
				kc.Total += n.N
			}
		}
		kinds = append(kinds, kc)
	}
	p := &questionProtectedPage{Base: h.base(c, "Khiếu nại, tố cáo"), Kinds: kinds, Outcomes: outcomes}
	p.Description = "Số khiếu nại, tố cáo " + p.Settings.CommuneName + " đã nhận theo tình trạng xử lý, và kết quả giải quyết đã công bố."
	return h.render(c, "question_protected", p)
}
