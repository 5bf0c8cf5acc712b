package portal

import (
	"context"
	"fmt"
	"time"

	"minhbach/portal/discclock"
	"minhbach/portal/rules"
	"minhbach/store"
)

// clockView is an item's legal clock as its page shows it: disclosed on
// time or how late, posted long enough or not, and the rule it was judged
// by with its source.
type clockView struct {
	Rule        rules.DisclosureRule
	Verdict     discclock.Verdict
	Timing      string
	TimingClass string // ok, late, pending or none
	Posting     string
	PostingOK   bool
	// Frozen: the rule was fixed when the item was first published; a
	// later change of the rules does not apply to it.
	Frozen   bool
	KindName string
	Decided  time.Time
	Period   bool // the decision date is the end of the period reported
}

// judge is the legal clock's verdict on item d on day asOf, with the
// rule it was judged by: the rule frozen at the item's first publication,
// else the one of all (the rules in force and past) for its decision day.
// ok is false when no rule applies. Many items are judged with one read
// of the rules.
func (h *handler) judge(all []rules.DisclosureRule, d store.Disclosure, asOf time.Time) (r rules.DisclosureRule, v discclock.Verdict, frozen, ok bool) {
	r, frozen = d.ClockRuleValue()
	if !frozen {
		day := d.DecidedOn
		if day.IsZero() {
			day = today(asOf)
		}
		if r, ok = rules.RuleFor(all, store.KindID(d.Category, d.Kind), day); !ok {
			return r, v, false, false
		}
	}
	f := discclock.Facts{Decided: d.DecidedOn, PostFrom: d.PostingFrom, PostUntil: d.PostingUntil}
	if !d.FirstPublished.IsZero() {
		f.Published = today(d.FirstPublished)
	}
	if !d.WithdrawnAt.IsZero() {
		f.WithdrawnOn = today(d.WithdrawnAt)
	}
	return r, discclock.Judge(h.calendar(), r, f, today(asOf)), frozen, true
}

// clockOf judges item d on day asOf. Published items are judged by the
// rule frozen at their first publication; drafts by the rule in force.
func (h *handler) clockOf(ctx context.Context, d store.Disclosure, asOf time.Time) (*clockView, error) {
	var all []rules.DisclosureRule
	if _, frozen := d.ClockRuleValue(); !frozen {
		var err error
		if all, err = h.store.DisclosureRules(ctx); err != nil {
			return nil, err
		}
	}
	r, v, frozen, ok := h.judge(all, d, asOf)
	if !ok {
		return nil, nil
	}
	cv := &clockView{Rule: r, Verdict: v, Frozen: frozen, Decided: d.DecidedOn}
	if k, ok := rules.LookupKind(d.Category, d.Kind); ok && d.Kind != "" {
		cv.KindName, cv.Period = k.Name, k.Period
	}
	unit := func(working bool) string {
		if working {
			return "ngày làm việc"
		}
		return "ngày"
	}
	switch v.Timing {
	case discclock.NoDecision:
		cv.Timing, cv.TimingClass = "Chưa ghi ngày ban hành văn bản, nên chưa đánh giá được thời hạn công khai.", "none"
	case discclock.NoRule:
		cv.Timing, cv.TimingClass = "Thời hạn công khai theo quy định hiện hành chưa được xác nhận, nên chưa đánh giá.", "none"
	case discclock.Pending:
		cv.Timing, cv.TimingClass = "Hạn công khai: "+fmtDate(v.Due)+".", "pending"
	case discclock.Overdue:
		cv.Timing, cv.TimingClass = fmt.Sprintf("Quá hạn công khai %d %s (hạn %s).", v.LateDays, unit(r.DueWorking), fmtDate(v.Due)), "late"
	case discclock.OnTime:
		cv.Timing, cv.TimingClass = "Công khai đúng hạn (hạn "+fmtDate(v.Due)+").", "ok"
	case discclock.Late:
		cv.Timing, cv.TimingClass = fmt.Sprintf("Công khai chậm %d %s (hạn %s).", v.LateDays, unit(r.DueWorking), fmtDate(v.Due)), "late"
	}
	switch v.Posting {
	case discclock.PostNotYet:
		cv.Posting = "Chưa niêm yết."
	case discclock.PostUnknown:
		cv.Posting = fmt.Sprintf("Đã niêm yết %d %s; thời gian niêm yết tối thiểu chưa được xác nhận.", v.PostedDays, unit(r.PostWorking))
	case discclock.PostRunning:
		cv.Posting = fmt.Sprintf("Đang niêm yết: %d/%d %s tối thiểu.", v.PostedDays, v.PostNeed, unit(r.PostWorking))
	case discclock.PostEnough:
		cv.PostingOK = true
		if r.PostWhole {
			cv.Posting = "Niêm yết trong suốt thời gian có hiệu lực."
		} else {
			cv.Posting = fmt.Sprintf("Đã niêm yết đủ thời gian: %d %s (tối thiểu %d).", v.PostedDays, unit(r.PostWorking), v.PostNeed)
		}
	case discclock.PostShort:
		cv.Posting = fmt.Sprintf("Niêm yết chưa đủ thời gian: %d/%d %s.", v.PostedDays, v.PostNeed, unit(r.PostWorking))
	}
	return cv, nil
}
