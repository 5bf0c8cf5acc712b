package portal

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
	"minhbach/store"
)

// The officers' page of a household list: its facts, an import from a
// file, the rows and a form per row. Every save replaces the list's facts
// or rows through store.UpdateDisclosure: in place for a draft, as a new
// public version with the officer's reason once published.

// householdsPerPage is how many rows the officers' page lists at a time.
const householdsPerPage = 100

// maxShownProblems is how many bad rows an import lists; the rest are
// counted. A file bad in every row would otherwise make a page of 50,000
// lines that no one reads.
const maxShownProblems = 200

type householdsPage struct {
	Base
	D        store.Disclosure
	Public   bool   // published: every save needs a reason and makes a version
	Stamp    string // the working copy the forms were made from (see checkStamp)
	Window   string // where the posting window stands, for the officer
	Villages []string
	Counts   households.Counts
	Rows     []households.Row // this page of rows
	Page     int
	Pages    int
	// The three forms, each with its own values and errors.
	Facts        households.FactsInput
	FactsErrors  fieldErrors
	FactsReason  string
	ImportErrors fieldErrors // "file", "import-reason"
	ImportReason string
	Problems     []households.Problem // bad rows of a refused file
	MoreProblems int
	Add          householdRowForm
	AddErrors    fieldErrors
}

// ErrorSummary lists the errors of the page's forms, in page order.
func (p *householdsPage) ErrorSummary() []fieldError {
	var out []fieldError
	out = append(out, p.FactsErrors.inOrder([]string{"year", "meeting_on", "decision_no", "decision_on", "facts-reason"})...)
	out = append(out, p.ImportErrors.inOrder([]string{"file", "import-reason"})...)
	return append(out, p.AddErrors.inOrder([]string{"head", "village", "class", "note", "reason"})...)
}

// RowOffset is the number of rows on the pages before this one.
func (p *householdsPage) RowOffset() int { return (p.Page - 1) * householdsPerPage }

// householdList is a list's working copy as the officers' pages use it.
type householdList struct {
	D        store.Disclosure
	Facts    households.Facts
	Rows     []households.Row
	Villages []string
}

// officerHouseholds loads the working copy of a household list; any other
// item is not found here.
func (h *handler) officerHouseholds(c *fiber.Ctx) (householdList, error) {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return householdList{}, err
	}
	if d.Category != households.Category {
		return householdList{}, errNotFound()
	}
	l := householdList{D: d}
	if l.Facts, err = households.ParseFacts(d.Facts); err != nil {
		return l, err
	}
	raw, err := h.store.Rows(c.UserContext(), d.ID)
	if err != nil {
		return l, err
	}
	if l.Rows, err = decodeHouseholds(raw); err != nil {
		return l, err
	}
	vs, err := h.store.Villages(c.UserContext())
	if err != nil {
		return l, err
	}
	for _, v := range vs {
		l.Villages = append(l.Villages, v.Name)
	}
	return l, nil
}

func decodeHouseholds(raw []json.RawMessage) ([]households.Row, error) {
	rows := make([]households.Row, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &rows[i]); err != nil {
			return nil, fmt.Errorf("household row %d: %w", i, err)
		}
	}
	return rows, nil
}

// stamp identifies the working copy a form was made from: its last change.
func (l householdList) stamp() string { return strconv.FormatInt(l.D.UpdatedAt.UnixNano(), 10) }

// checkStamp refuses a save made from a form older than the working copy:
// a row form rewrites the whole list, so saving it over another officer's
// newer change would undo that change without a word.
func (l householdList) checkStamp(c *fiber.Ctx) error {
	if c.FormValue("stamp") != l.stamp() {
		return errConflict("Danh sách vừa được người khác thay đổi sau khi bạn mở trang. Hãy mở lại trang danh sách rồi làm lại thao tác.")
	}
	return nil
}

// save writes facts and, when rows is not nil, the rows (their counts are
// computed into the facts). A published list needs a reason.
func (h *handler) saveHouseholds(c *fiber.Ctx, l householdList, f households.Facts, rows []households.Row, reason string) error {
	in := l.D.Input()
	if rows != nil {
		f.Counts = households.Tally(rows, l.Villages).Villages
		in.Rows = make([]json.RawMessage, len(rows))
		for i, r := range rows {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			in.Rows[i] = b
		}
	} else {
		f.Counts = l.Facts.Counts
	}
	in.Facts = f.JSON()
	return h.store.UpdateDisclosure(c.UserContext(), l.D.ID, in, reason, currentUser(c).ID)
}

// afterSave redirects to the list's page with a message, or says what the
// store refused.
func (h *handler) afterHouseholdSave(c *fiber.Ctx, l householdList, err error, done string) error {
	if errors.Is(err, store.ErrReasonRequired) {
		return errConflict("Danh sách vừa được công khai trong lúc bạn sửa, nên thay đổi cần ghi lý do. Hãy mở lại trang danh sách.")
	}
	if err != nil {
		return err
	}
	if l.D.IsPublished() {
		done += " Đã đăng phiên bản mới; lịch sử thay đổi ghi lại các dòng đã đổi."
	}
	h.setFlash(c, done)
	return c.Redirect(householdsOfficerPath(l.D.ID), fiber.StatusSeeOther)
}

// householdsEdit is the officers' page of a list.
func (h *handler) householdsEdit(c *fiber.Ctx) error {
	l, err := h.officerHouseholds(c)
	if err != nil {
		return err
	}
	return h.renderHouseholds(c, l, &householdsPage{Facts: l.Facts.Input()})
}

// renderHouseholds fills what the page shows of the list around the forms
// p already holds.
func (h *handler) renderHouseholds(c *fiber.Ctx, l householdList, p *householdsPage) error {
	if l.D.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	p.Base = h.base(c, "Danh sách hộ: "+l.D.Title)
	p.NoIndex = true
	p.D, p.Public, p.Stamp, p.Villages = l.D, l.D.IsPublished(), l.stamp(), l.Villages
	p.Counts = households.Tally(l.Rows, l.Villages)
	p.Window = windowState(l.D, h.store.Now())
	p.Pages = max(1, (len(l.Rows)+householdsPerPage-1)/householdsPerPage)
	p.Page = min(max(1, c.QueryInt("trang", 1)), p.Pages)
	from := (p.Page - 1) * householdsPerPage
	p.Rows = l.Rows[from:min(len(l.Rows), from+householdsPerPage)]
	if p.FactsErrors == nil {
		p.FactsErrors = fieldErrors{}
	}
	if p.ImportErrors == nil {
		p.ImportErrors = fieldErrors{}
	}
	if p.AddErrors == nil {
		p.AddErrors = fieldErrors{}
	}
	status := fiber.StatusOK
	if len(p.ErrorSummary()) > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	return h.renderStatus(c, status, "households_edit", p)
}

// windowState tells an officer whether the list's names are public now.
func windowState(d store.Disclosure, now time.Time) string {
	switch {
	case d.PostingUntil.IsZero():
		return "Chưa có ngày kết thúc niêm yết: họ tên chủ hộ không hiển thị công khai, chỉ có số hộ. Đặt thời gian niêm yết ở trang sửa tin."
	case !d.IsPublished():
		return fmt.Sprintf("Khi công khai, họ tên chủ hộ hiển thị từ %s đến hết ngày %s; sau đó chỉ còn số hộ theo thôn.", fmtDate(d.PostingFrom), fmtDate(d.PostingUntil))
	case households.NamesPublic(d.PostingFrom, d.PostingUntil, now):
		return fmt.Sprintf("Đang niêm yết: họ tên chủ hộ hiển thị công khai đến hết ngày %s.", fmtDate(d.PostingUntil))
	case now.Before(households.WindowStart(d.PostingFrom)):
		return fmt.Sprintf("Họ tên chủ hộ sẽ hiển thị công khai từ ngày %s đến hết ngày %s.", fmtDate(d.PostingFrom), fmtDate(d.PostingUntil))
	}
	return fmt.Sprintf("Đã hết thời gian niêm yết (%s): trang công khai chỉ còn số hộ theo thôn và phân loại.", fmtDate(d.PostingUntil))
}
