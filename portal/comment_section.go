package portal

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/vn"
	"minhbach/store"
)

// commentsPageSize is how many comments a page shows; the item page shows
// the first page and links the rest.
const commentsPageSize = 50

// commentSection is what a draft's public pages show of its comments: the
// window, the accepted comments (one page), and the synthesis once out.
type commentSection struct {
	ID       int64
	Window   store.CommentWindow
	State    string // store.Window*, today
	Comments []store.Comment
	Next     string // the next page of comments, "" at the end
	First    string // the first page, when this is not it
}

// commentSection loads the section of item id from the comment after
// afterID; nil when the item has no window.
func (h *handler) commentSection(c *fiber.Ctx, id, afterID int64) (*commentSection, error) {
	ctx := c.UserContext()
	w, err := h.store.CommentWindow(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	list, err := h.store.PublicComments(ctx, id, afterID, commentsPageSize+1)
	if err != nil {
		return nil, err
	}
	s := &commentSection{ID: id, Window: w, State: w.StateOn(today(time.Now())), Comments: list}
	if len(list) > commentsPageSize {
		s.Comments = list[:commentsPageSize]
		s.Next = commentsPath(id) + "?" + paramOlder + "=" + idKey(s.Comments[len(s.Comments)-1].ID)
	}
	if afterID > 0 {
		s.First = commentsPath(id)
	}
	return s, nil
}

// windowStates label a window's state for residents.
var windowStates = map[string]postingState{
	store.WindowUpcoming: {"Sắp lấy ý kiến", "upcoming"},
	store.WindowOpen:     {"Đang lấy ý kiến", "current"},
	store.WindowClosed:   {"Đã hết thời gian lấy ý kiến", "ended"},
}

// decisionLabels are the synthesis decisions as the law's forms name them.
var decisionLabels = map[string]string{
	store.DecisionTaken:    "Tiếp thu",
	store.DecisionPartly:   "Tiếp thu một phần",
	store.DecisionNotTaken: "Không tiếp thu",
}

func decisionOptions() []fieldOption {
	return []fieldOption{
		{store.DecisionTaken, decisionLabels[store.DecisionTaken]},
		{store.DecisionPartly, decisionLabels[store.DecisionPartly]},
		{store.DecisionNotTaken, decisionLabels[store.DecisionNotTaken]},
	}
}

// commentFuncs are the template functions of the comment pages.
var commentFuncs = map[string]any{
	"commentFormPath":           commentFormPath,
	"commentsPath":              commentsPath,
	"officerCommentsPath":       officerCommentsPath,
	"officerCommentsActionPath": officerCommentsActionPath,
	"officerCommentPath":        officerCommentPath,
	"windowState":               func(s string) postingState { return windowStates[s] },
	"decision":                  func(d string) string { return decisionLabels[d] },
	"decisionOptions":           decisionOptions,
	"isCommentCategory":         func(slug string) bool { return slug == store.CommentCategory },
	"reasonField":               reasonField,
	"decisionField":             decisionField,
	"explanationField":          explanationField,
	"count":                     func(n int) string { return vn.Number(int64(n)) },
}
