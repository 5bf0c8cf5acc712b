package indicators

import (
	"strings"
	"time"

	"minhbach/portal/discclock"
)

// DisclosureFact is what the disclosure indicators need of one disclosure
// (store.Disclosure) and of the legal clock's verdict on it
// (discclock.Judge on the day the scorecard is computed).
type DisclosureFact struct {
	ID   int64
	Kind string // rules kind: "ngan-sach/du-toan", "ho-ngheo/ra-soat-hang-nam"…
	// Public: anyone may open it (published; a withdrawn item still
	// shows its history).
	Public    bool
	Published time.Time         // first publication; zero for a draft
	Due       time.Time         // discclock.Verdict.Due
	Timing    discclock.Timing  // discclock.Verdict.Timing
	Posting   discclock.Posting // discclock.Verdict.Posting
}

// Kind prefixes of the disclosures the indicators look at (portal/rules).
const (
	budgetKinds = "ngan-sach/"
	poorKinds   = "ho-ngheo/"
)

// BudgetOnTime is the share of budget stages (estimate, quarterly, six-
// and nine-month and yearly execution, settlement: the "ngan-sach/" kinds)
// due in the period that were disclosed by their due date. A stage still
// within time and not published is not counted yet; one past due and not
// published counts as late. A stage whose rule has no known due date
// (discclock.NoRule) or no decision date cannot be judged and is not
// counted.
func BudgetOnTime(ds []DisclosureFact, p Period) Value {
	var c counter
	for _, d := range ds {
		if !strings.HasPrefix(d.Kind, budgetKinds) || !p.Contains(d.Due) {
			continue
		}
		switch d.Timing {
		case discclock.OnTime, discclock.Late, discclock.Overdue:
			c.add(d.ID, d.Public, d.Timing == discclock.OnTime)
		}
	}
	return c.share()
}

// MethodBudgetOnTime says how BudgetOnTime is computed.
const MethodBudgetOnTime = "Trong các nội dung công khai ngân sách (dự toán, tình hình thực hiện quý, 6 tháng, 9 tháng, năm, quyết toán) có hạn công khai trong kỳ, tỷ lệ được công khai đúng hạn theo quy định. Nội dung chưa đến hạn chưa tính; quá hạn mà chưa công khai tính là trễ; nội dung mà quy định chưa nêu thời hạn thì không tính."

// PoorListPosted is the share of poor-household lists (the "ho-ngheo/"
// kinds) first published in the period whose posting window has been
// judged that stayed posted for the full minimum period. A list still
// posted and short of the minimum is not counted yet.
func PoorListPosted(ds []DisclosureFact, p Period) Value {
	var c counter
	for _, d := range ds {
		if !strings.HasPrefix(d.Kind, poorKinds) || !p.Contains(d.Published) {
			continue
		}
		switch d.Posting {
		case discclock.PostEnough, discclock.PostShort:
			c.add(d.ID, d.Public, d.Posting == discclock.PostEnough)
		}
	}
	return c.share()
}

// MethodPoorListPosted says how PoorListPosted is computed.
const MethodPoorListPosted = "Trong các danh sách hộ nghèo, hộ cận nghèo công bố lần đầu trong kỳ, tỷ lệ danh sách được niêm yết đủ thời gian tối thiểu theo quy định. Danh sách đang niêm yết mà chưa đủ thời gian thì chưa tính."
