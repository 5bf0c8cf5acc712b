package portal

import (
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/reception"
	"minhbach/store"
)

// A question received at a citizen reception session can point at it:
// its pages then show the session's date, time and place (no names).

// receptionLookback is how far back the offline entry form offers
// sessions: items are entered within days of a reception day.
const receptionLookback = 30 // calendar days

// recentSessions lists the sessions held in the last receptionLookback
// days up to today, newest first, as the form's options: value
// "<schedule id>/<session key>", label the date, time and place.
func (h *handler) recentSessions(c *fiber.Ctx) ([]sessionOption, error) {
	sch, err := h.publishedSchedule(c.UserContext())
	if err != nil || sch == nil {
		return nil, err
	}
	day := today(h.now())
	ss := reception.Sessions(sch.S, day.AddDate(0, 0, -receptionLookback), day, holidayNames(h.calendar()))
	var out []sessionOption
	for _, s := range slices.Backward(ss) {
		if s.Status == reception.Held {
			out = append(out, sessionOption{fieldOption{itoa(sch.D.ID) + "/" + s.Key, sessionView{Session: s}.Label()}, s.Date})
		}
	}
	return out, nil
}

// sessionOption is a session the entry form offers, with its day.
type sessionOption struct {
	fieldOption
	Date time.Time
}

// sessionOptions are the form's choices.
func sessionOptions(ss []sessionOption) []fieldOption {
	out := make([]fieldOption, len(ss))
	for i, s := range ss {
		out[i] = s.fieldOption
	}
	return out
}

// checkSession validates the session picked in the offline entry form
// and fills the question's link to it.
func checkSession(f *recordForm, sessions []sessionOption, errs fieldErrors) {
	f.session, f.sessionLabel = "", ""
	if f.Session == "" {
		return
	}
	if f.Channel != store.ChannelReceptionDay {
		errs["reception_session"] = "Chỉ chọn buổi tiếp công dân khi hình thức tiếp nhận là “buổi tiếp công dân”."
		return
	}
	i := slices.IndexFunc(sessions, func(o sessionOption) bool { return o.Value == f.Session })
	if i < 0 {
		errs["reception_session"] = "Vui lòng chọn buổi tiếp công dân trong danh sách."
		return
	}
	if s := sessions[i]; !f.receivedOn.IsZero() && !f.receivedOn.Equal(s.Date) && errs["received_on"] == "" {
		errs["received_on"] = "Ngày tiếp nhận " + fmtDate(f.receivedOn) + " khác ngày của buổi tiếp công dân đã chọn (" + fmtDate(s.Date) + ")."
	}
	f.session, f.sessionLabel = f.Session, sessions[i].Label
}

// questionReception is what a question's pages show of its session; the
// zero value when none, or when the item is a complaint or a denunciation
// (where and when it was raised is not public).
func (h *handler) questionReception(c *fiber.Ctx, q store.Question, public bool) (store.Reception, error) {
	if public && q.Protected {
		return store.Reception{}, nil
	}
	return h.store.QuestionReception(c.UserContext(), q.ID)
}
