package portal

import (
	"context"
	"errors"
	"html/template"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/qclock"
	"minhbach/store"
)

// questionEventRow is one entry of an item's public history.
type questionEventRow struct {
	store.QuestionEvent
	Note string // the public note, in words
}

// publicEvents is an item's public history. Ratings are left out: they are
// the asker's own opinion, counted only in the plan's indicators, and
// giving one does not move the public change mark.
func (h *handler) publicEvents(ctx context.Context, id int64) ([]questionEventRow, error) {
	events, err := h.store.QuestionEvents(ctx, id, store.ForPublic)
	if err != nil {
		return nil, err
	}
	var out []questionEventRow
	for _, e := range events {
		if e.Action == "rated" {
			continue
		}
		row := questionEventRow{QuestionEvent: e, Note: e.Note}
		switch e.Action {
		case "rejected":
			row.Note = rejectReason(e.Note)
		case "extended":
			row.Note = "Thêm " + strconv.Itoa(e.Days) + " ngày. Lý do: " + e.Note
		}
		out = append(out, row)
	}
	return out, nil
}

// answerFacts are the figures of an item's first answer.
type answerFacts struct {
	On        time.Time // the civil date of the first answer; zero: none
	OnTime    bool
	Late      int  // days after the due date
	Taken     int  // days the first answer took
	HasTaken  bool // false after a reopening: the first cycle's pauses are gone
	DaysWord  string
	FirstDue  time.Time
	Extension int
}

func (h *handler) answerFacts(q store.Question) answerFacts {
	f := answerFacts{DaysWord: daysWord(q.Kind), FirstDue: q.FirstDueOn, Extension: q.Extension}
	if q.FirstAnsweredAt.IsZero() {
		return f
	}
	cal := h.calendar()
	f.On = today(q.FirstAnsweredAt)
	f.OnTime = q.AnsweredOnTime()
	f.Late = qclock.Late(cal, q.FirstDueOn, f.On, q.Clock().CalendarDays)
	// A reopening starts a new cycle: the clock then no longer holds the
	// first cycle's start and pauses.
	if q.ReopenCount == 0 {
		f.Taken, f.HasTaken = q.Clock().Taken(cal, f.On), true
	}
	return f
}

type questionShowPage struct {
	Base
	Q         store.Question
	Standing  qclock.Standing
	Reason    string // a rejection's reason, in words
	Body      template.HTML
	Answer    template.HTML
	Facts     answerFacts
	Files     []store.Attachment
	Events    []questionEventRow
	Original  *store.Question // the original of a duplicate, while public
	Extension string          // the public reason of the extension
	// Redactions: text removed after publication, when and why.
	Redactions []store.QuestionRedaction
	// Reception is the citizen reception session it was raised at.
	Reception store.Reception
	// About is the plan the question is about, while it is public.
	About *store.Disclosure
}

// questionShowPublic is a published item's public page. Items not yet triaged
// and protected items are not found, whatever they were before.
func (h *handler) questionShowPublic(c *fiber.Ctx) error {
	ctx := c.UserContext()
	// One spelling of each address: /hoi-dap/012 is not /hoi-dap/12.
	id, ok := parseIDKey(c.Params("id"))
	if !ok {
		return errNotFound()
	}
	q, err := h.store.PublicQuestion(ctx, id)
	if err != nil {
		return err
	}
	events, err := h.publicEvents(ctx, q.ID)
	if err != nil {
		return err
	}
	title := q.PublicTitle
	if title == "" {
		title = questionKindLabels[q.Kind] + " số " + itoa(q.ID)
	}
	p := &questionShowPage{Base: h.base(c, title), Q: q, Standing: h.questionStanding(q, time.Now()),
		Facts: h.answerFacts(q), Events: events}
	if q.State == store.QRejected {
		p.Reason = rejectReason(q.Reason)
	}
	if q.DuplicateOf != 0 {
		orig, err := h.store.PublicQuestion(ctx, q.DuplicateOf)
		switch {
		case err == nil:
			p.Original = &orig
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
	}
	if p.About, err = h.questionAboutPlan(c, q.ID); err != nil {
		return err
	}
	if q.TextPublic() {
		p.Body = markRedactedHTML(template.HTML(textToHTML(q.PublicBody))) // #nosec G203 -- textToHTML escapes
	}
	if q.Answer != "" {
		p.Answer = markRedactedHTML(h.richHTML(q.Answer))
	}
	for _, f := range q.Files {
		p.Files = append(p.Files, f.Attachment)
	}
	for _, e := range events {
		if e.Action == "extended" {
			p.Extension = e.QuestionEvent.Note
		}
	}
	if p.Redactions, err = h.store.QuestionRedactions(ctx, q.ID); err != nil {
		return err
	}
	if p.Reception, err = h.questionReception(c, q, true); err != nil {
		return err
	}
	for i := range p.Redactions {
		p.Redactions[i].UserName = "" // officers' names are not public
	}
	p.Description = describe(title)
	p.Feeds = append([]feedLink{{"atom", "Theo dõi câu hỏi này (Atom)", questionFeedPath(q.ID)}}, questionFeeds(q.Topic)...)
	return h.render(c, "question_show", p)
}
