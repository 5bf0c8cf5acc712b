package portal

import (
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/budget"
	"minhbach/store"
)

func init() {
	pageNames = append(pageNames, "budget_overview", "budget_edit")
	overviews[budgetCategory] = overview{budgetPath, "Ngân sách xã theo năm và giai đoạn: bảng số liệu, biểu đồ"}
	rowLabels[budgetCategory] = func(_ store.Disclosure, _ time.Time, row []byte) string { return budgetRowLabel(row) }
}

// budgetEditPage is the officers' page of a budget document's figures:
// the fiscal year and quarter, and the lines imported from a file.
type budgetEditPage struct {
	Base
	D         store.Disclosure
	StageName string // "" when the item has no kind yet
	Quarterly bool
	Form      budgetForm
	Errors    fieldErrors
	Summary   []fieldError
	Problems  []string // the file's problems, row by row
	Current   *budgetSection
	// Links: where the form posts and the templates to download.
	Action, TemplateXLSX, TemplateCSV string
}

// budgetForm is the form as sent.
type budgetForm struct {
	Year, Quarter, Reason string
}

// budgetEdit shows the form and the lines of the working copy.
func (h *handler) budgetEdit(c *fiber.Ctx) error {
	d, err := h.officerBudget(c)
	if err != nil {
		return err
	}
	var f budgetForm
	if facts, ok := budgetFacts(d); ok {
		f.Year = strconv.Itoa(facts.Year)
		if facts.Quarter > 0 {
			f.Quarter = strconv.Itoa(facts.Quarter)
		}
	}
	return h.renderBudgetEdit(c, d, f, nil, nil)
}

// budgetSave saves the facts and, when a file is sent, replaces every
// line with the file's. Nothing is saved unless the whole file is valid;
// a public item gets a new version with the officer's reason.
func (h *handler) budgetSave(c *fiber.Ctx) error {
	d, err := h.officerBudget(c)
	if err != nil {
		return err
	}
	if d.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	f := budgetForm{Year: formText(c, "nam"), Quarter: formText(c, "quy"), Reason: formText(c, "ly-do")}
	errs := fieldErrors{}
	var facts budget.Facts
	facts.Year, _ = strconv.Atoi(f.Year)
	if f.Quarter != "" {
		if facts.Quarter, err = strconv.Atoi(f.Quarter); err != nil {
			facts.Quarter = -1
		}
	}
	if d.Kind == "" {
		errs["nam"] = "Tin chưa có loại văn bản (dự toán, thực hiện, quyết toán): chọn ở trang sửa tin trước."
	} else {
		for k, v := range facts.Check(d.Kind) {
			errs[k] = v
		}
	}
	public := d.IsPublished()
	if public && f.Reason == "" {
		errs["ly-do"] = "Tin đang công khai: ghi lý do thay đổi (hiện công khai trong lịch sử)."
	} else if len([]rune(f.Reason)) > 600 {
		errs["ly-do"] = "Lý do dài quá 600 ký tự."
	}
	var rows []json.RawMessage
	var problems []string
	if fh, ferr := c.FormFile("tep"); ferr == nil && fh.Size > 0 {
		lines, err := h.readBudgetUpload(fh, budget.HasActual(d.Kind))
		var refused *errBudgetFile
		switch {
		case errors.As(err, &refused):
			problems = refused.Problems
			errs["tep"] = "Tệp chưa nhập được: " + itoa(int64(len(problems))) + " lỗi, xem danh sách bên dưới. Chưa có gì được lưu."
		case err != nil:
			return err
		default:
			rows = make([]json.RawMessage, len(lines))
			for i, l := range lines {
				if rows[i], err = json.Marshal(l); err != nil {
					return err
				}
			}
		}
	}
	factsJSON, err := json.Marshal(facts)
	if err != nil {
		return err
	}
	if len(errs) == 0 && rows == nil && string(factsJSON) == string(d.Facts) {
		errs["tep"] = "Chưa có gì thay đổi: chọn tệp số liệu để nhập, hoặc sửa năm, quý."
	}
	if len(errs) > 0 {
		return h.renderBudgetEdit(c, d, f, errs, problems)
	}
	in := d.Input()
	in.Facts = factsJSON
	in.Rows = rows // nil keeps the lines
	err = h.store.UpdateDisclosure(c.UserContext(), d.ID, in, f.Reason, currentUser(c).ID)
	if errors.Is(err, store.ErrReasonRequired) {
		d.Status = store.StatusPublished
		errs["ly-do"] = "Tin này vừa được công khai trong lúc bạn sửa, nên cần ghi lý do thay đổi."
		return h.renderBudgetEdit(c, d, f, errs, nil)
	}
	if err != nil {
		return err
	}
	msg := "Đã lưu năm, quý của văn bản."
	if rows != nil {
		msg = "Đã nhập " + itoa(int64(len(rows))) + " dòng số liệu."
	}
	if public {
		msg += " Đã đăng phiên bản mới."
	}
	h.setFlash(c, msg)
	return c.Redirect(officerBudgetPath(d.ID), fiber.StatusSeeOther)
}

// officerBudget is the item of an officer's budget page: a budget
// document, not withdrawn-only concerns (those are checked on save).
func (h *handler) officerBudget(c *fiber.Ctx) (store.Disclosure, error) {
	d, err := h.officerDisclosure(c)
	if err != nil {
		return d, err
	}
	if d.Category != budgetCategory {
		return d, errNotFound()
	}
	return d, nil
}

var budgetFieldOrder = []string{"nam", "quy", "tep", "ly-do"}

func (h *handler) renderBudgetEdit(c *fiber.Ctx, d store.Disclosure, f budgetForm, errs fieldErrors, problems []string) error {
	p := &budgetEditPage{Base: h.base(c, "Số liệu ngân sách: "+d.Title), D: d, StageName: budget.StageName(d.Kind),
		Quarterly: d.Kind == budget.StageQuarter, Form: f, Errors: errs, Summary: errs.inOrder(budgetFieldOrder), Problems: problems,
		Action: officerBudgetPath(d.ID), TemplateXLSX: budgetTemplatePath("xlsx"), TemplateCSV: budgetTemplatePath("csv")}
	facts, ok := budgetFacts(d)
	if ok && d.Kind != "" {
		rows, err := h.store.Rows(c.UserContext(), d.ID)
		if err != nil {
			return err
		}
		doc, err := budgetDocumentOf(rows)
		if err != nil {
			return err
		}
		if doc.Len() > 0 {
			p.Current = newBudgetSection(d.ID, d.Kind, facts, doc, nil)
		}
	}
	return h.renderStatus(c, formStatus(errs), "budget_edit", p)
}
