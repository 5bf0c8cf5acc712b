package portal

import (
	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
)

// householdsFactsSave saves a list's facts: the year, the village meeting
// and the recognition decision.
func (h *handler) householdsFactsSave(c *fiber.Ctx) error {
	l, err := h.officerHouseholds(c)
	if err != nil {
		return err
	}
	if l.D.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	in := households.FactsInput{
		Year: formText(c, "year"), MeetingOn: formText(c, "meeting_on"),
		DecisionNo: formText(c, "decision_no"), DecisionOn: formText(c, "decision_on"),
	}
	reason := formText(c, "facts-reason")
	f, errs := in.Facts()
	if errs == nil {
		errs = map[string]string{}
	}
	if len(errs) == 0 {
		f.Counts = l.Facts.Counts
		if string(f.JSON()) == string(l.Facts.JSON()) {
			errs["year"] = "Thông tin chưa khác gì bản đang lưu."
		}
	}
	h.reasonCheck(l.D, reason, errs, "facts-reason")
	if len(errs) > 0 {
		return h.renderHouseholds(c, l, &householdsPage{Facts: in, FactsErrors: errs, FactsReason: reason})
	}
	if err := l.checkStamp(c); err != nil {
		return err
	}
	err = h.saveHouseholds(c, l, f, nil, reason)
	return h.afterHouseholdSave(c, l, err, "Đã lưu thông tin đợt rà soát.")
}
