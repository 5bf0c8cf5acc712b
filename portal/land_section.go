package portal

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/land"
	"minhbach/store"
)

// planQuestionsShown is how many questions about a compensation plan its
// page lists; the rest are on the plan's own list of questions.
const planQuestionsShown = 10

// landSection is a land-use plan's part of its item page: the approving
// decision, the plan period and the maps.
type landSection struct {
	D        store.Disclosure
	Plan     land.Plan
	KindName string
	Current  bool // today lies in the plan period
	Maps     []landMap
}

// landMap is a map ready for the page: the small copy inline, the full
// file on tap.
type landMap struct {
	land.Map
	SmallURL, FullURL string
	FullSize          int64
	FullMIME          string
}

// planKindNames name the two kinds of land-use plan.
var planKindNames = map[string]string{
	land.KindLandUsePlan: "Quy hoạch sử dụng đất",
	land.KindYearlyPlan:  "Kế hoạch sử dụng đất hằng năm",
}

// decodeFacts reads a disclosure's facts into v; an item without facts
// leaves v as it is.
func decodeFacts(d store.Disclosure, v any) error {
	if len(d.Facts) == 0 {
		return nil
	}
	if err := json.Unmarshal(d.Facts, v); err != nil {
		return fmt.Errorf("disclosure %d: facts: %w", d.ID, err)
	}
	return nil
}

// attachmentByID finds one of the item's attachments.
func attachmentByID(d store.Disclosure, id int64) (store.Attachment, bool) {
	for _, a := range d.Attachments {
		if a.ID == id {
			return a, true
		}
	}
	return store.Attachment{}, false
}

// planMaps prepares the maps whose files the item (or version) still
// carries; a map whose file was removed from the item, or redacted, is
// left out rather than shown broken.
func planMaps(d store.Disclosure, p land.Plan) []landMap {
	var out []landMap
	for _, m := range p.Maps {
		full, ok1 := attachmentByID(d, m.Full)
		small, ok2 := attachmentByID(d, m.Small)
		if !ok1 || !ok2 || full.Removed || small.Removed {
			continue
		}
		out = append(out, landMap{Map: m, SmallURL: attachmentURL(small), FullURL: attachmentURL(full),
			FullSize: full.Size, FullMIME: full.MIME})
	}
	return out
}

// landSection builds the section of a land-use plan (category
// dat-dai-quy-hoach with one of the plan kinds); nil for the category's
// other items, such as land-recovery notices.
func (h *handler) landSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, asOf time.Time) (*landSection, error) {
	name, ok := planKindNames[d.Kind]
	if !ok {
		return nil, nil
	}
	s := &landSection{D: d, KindName: name}
	if err := decodeFacts(d, &s.Plan); err != nil {
		return nil, err
	}
	s.Current = s.Plan.Current(today(asOf))
	s.Maps = planMaps(d, s.Plan)
	return s, nil
}

// compensationSection is a compensation, support and resettlement plan's
// part of its item page: project, villages, the posting window and the
// meeting, and the residents' questions about it.
type compensationSection struct {
	D        store.Disclosure
	Plan     land.Compensation
	InWindow bool   // today lies in the posting window
	AskURL   string // the question form with this plan chosen; "" when not public
	// Questions are the newest published questions about the plan;
	// AllQuestions lists them all when there are more.
	Questions    []questionRow
	Count        int
	AllQuestions string
}

// compensationSection builds the section of a compensation plan.
func (h *handler) compensationSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, asOf time.Time) (*compensationSection, error) {
	if d.Kind != land.KindCompensation {
		return nil, nil
	}
	s := &compensationSection{D: d}
	if err := decodeFacts(d, &s.Plan); err != nil {
		return nil, err
	}
	s.InWindow = inPostingWindow(d, today(asOf))
	if d.Version == 0 || d.Internal {
		return s, nil // a draft: no questions yet
	}
	if d.IsPublished() {
		s.AskURL = askAboutPath(d.ID)
	}
	ctx := c.UserContext()
	f := store.QuestionFilter{Public: true, AboutID: d.ID, Limit: planQuestionsShown}
	qs, err := h.store.Questions(ctx, f)
	if err != nil {
		return nil, err
	}
	if s.Questions, err = h.questionRows(ctx, qs, time.Now()); err != nil {
		return nil, err
	}
	if s.Count, err = h.store.CountQuestions(ctx, f); err != nil {
		return nil, err
	}
	if s.Count > len(qs) {
		s.AllQuestions = planQuestionsPath(d.ID)
	}
	return s, nil
}

// thumbWidth is the width of a map's thumbnail on the overview, in CSS
// pixels; the small copy is drawn at that size.
const thumbWidth = 160

// ThumbWidth and ThumbHeight size a map's thumbnail, proportions kept.
func (m landMap) ThumbWidth() int { return min(thumbWidth, m.SmallWidth) }

func (m landMap) ThumbHeight() int {
	if m.SmallWidth <= thumbWidth || m.SmallWidth == 0 {
		return m.SmallHeight
	}
	return max(1, (m.SmallHeight*thumbWidth+m.SmallWidth/2)/m.SmallWidth)
}

// inPostingWindow reports whether the civil date t lies in the item's
// posting window (both ends included; no end: posted for good).
func inPostingWindow(d store.Disclosure, t time.Time) bool {
	return !d.PostingFrom.IsZero() && !t.Before(d.PostingFrom) && (d.PostingUntil.IsZero() || !t.After(d.PostingUntil))
}
