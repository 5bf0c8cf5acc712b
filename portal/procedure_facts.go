package portal

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/procedure"
	"minhbach/store"
)

// Limits of the procedure facts form, in characters.
const (
	maxProcedureName = 400
	maxProcedureLine = 600 // time limit, fee, where to submit
)

// procedureForm is the procedure facts form as typed.
type procedureForm struct {
	Field, Name, Steps, Documents string
	TimeLimit, Fee, Where         string
	LegalBasis                    string
	Reason                        string
}

var procedureFields = []string{"field", "name", "steps", "documents", "time_limit", "fee", "where", "legal_basis", "ly-do"}

func procedureFormOf(d store.Disclosure, p procedure.Procedure) procedureForm {
	names := map[int64]string{}
	for _, a := range d.Attachments {
		names[a.ID] = a.Filename
	}
	f := procedureForm{Field: p.Field, Name: p.Name, Documents: procedure.DocumentsText(p.Documents, names),
		TimeLimit: p.TimeLimit, Fee: p.Fee, Where: p.Where, LegalBasis: d.LegalBasis}
	if len(p.Steps) > 0 {
		f.Steps = strings.Join(p.Steps, "\n") + "\n"
	}
	if f.Name == "" {
		f.Name = d.Title
	}
	return f
}

func parseProcedureForm(c *fiber.Ctx) procedureForm {
	return procedureForm{Field: formText(c, "field"), Name: formText(c, "name"), Steps: c.FormValue("steps"),
		Documents: c.FormValue("documents"), TimeLimit: formText(c, "time_limit"), Fee: formText(c, "fee"),
		Where: formText(c, "where"), LegalBasis: formText(c, "legal_basis"), Reason: formText(c, "ly-do")}
}

// validate checks the form; files maps the item's file names to their
// attachments, for the documents' forms.
func (f procedureForm) validate(files map[string]int64, errs fieldErrors) procedure.Procedure {
	p := procedure.Procedure{Field: f.Field, Name: f.Name, TimeLimit: f.TimeLimit, Fee: f.Fee, Where: f.Where}
	if _, ok := procedure.FieldBySlug(f.Field); !ok {
		errs["field"] = "Vui lòng chọn lĩnh vực của thủ tục."
	}
	plainText(errs, "name", f.Name, "tên thủ tục", true, maxProcedureName)
	p.Steps = procedure.Lines(f.Steps)
	switch {
	case len(p.Steps) == 0:
		errs["steps"] = "Vui lòng ghi các bước thực hiện, mỗi bước một dòng."
	case len(p.Steps) > procedure.MaxLines:
		errs["steps"] = fmt.Sprintf("Tối đa %d bước.", procedure.MaxLines)
	default:
		for i, s := range p.Steps {
			line := fieldErrors{}
			plainText(line, "x", s, "bước", true, procedure.MaxLineText)
			if msg := line["x"]; msg != "" {
				errs["steps"] = fmt.Sprintf("Dòng %d: %s", i+1, msg)
				break
			}
		}
	}
	docs, problems := procedure.ParseDocuments(f.Documents, files)
	for i, d := range docs {
		line := fieldErrors{}
		plainText(line, "x", d.Name, "tên giấy tờ", true, procedure.MaxLineText)
		if msg := line["x"]; msg != "" {
			problems = append(problems, fmt.Sprintf("Giấy tờ thứ %d: %s", i+1, msg))
		}
	}
	switch {
	case len(problems) > 0:
		errs["documents"] = strings.Join(problems, " ")
	case len(docs) == 0:
		errs["documents"] = "Vui lòng ghi hồ sơ cần nộp, mỗi giấy tờ một dòng."
	}
	p.Documents = docs
	plainText(errs, "time_limit", f.TimeLimit, "thời hạn giải quyết", true, maxProcedureLine)
	plainText(errs, "fee", f.Fee, "phí, lệ phí (ghi “Không thu” nếu miễn)", true, maxProcedureLine)
	plainText(errs, "where", f.Where, "nơi nộp hồ sơ", true, maxProcedureLine)
	plainText(errs, "legal_basis", f.LegalBasis, "căn cứ pháp lý", true, maxLegalBasis)
	return p
}

type procedureFactsPage struct {
	Base
	D      store.Disclosure
	Form   procedureForm
	Errors fieldErrors
	Sep    string
}

// ErrorSummary lists the errors in the order of the form.
func (p *procedureFactsPage) ErrorSummary() []fieldError { return p.Errors.inOrder(procedureFields) }

// FieldOptions are the fields of procedures.
func (p *procedureFactsPage) FieldOptions() []fieldOption {
	out := make([]fieldOption, len(procedure.Fields))
	for i, f := range procedure.Fields {
		out[i] = fieldOption{f.Slug, f.Name}
	}
	return out
}

func (h *handler) renderProcedureFacts(c *fiber.Ctx, d store.Disclosure, f procedureForm, errs fieldErrors) error {
	p := &procedureFactsPage{Base: h.base(c, "Thủ tục hành chính: "+d.Title), D: d, Form: f, Errors: errs, Sep: procedure.FormSep}
	p.NoIndex = true
	return h.renderStatus(c, formStatus(errs), "procedure_facts", p)
}

// procedureFactsForm is the officers' page of a procedure's facts.
func (h *handler) procedureFactsForm(c *fiber.Ctx) error {
	d, err := h.factsTarget(c, procedure.Category)
	if err != nil {
		return err
	}
	var p procedure.Procedure
	if err := decodeFacts(d, &p); err != nil {
		return err
	}
	return h.renderProcedureFacts(c, d, procedureFormOf(d, p), nil)
}

// procedureFactsSave saves the facts; the legal basis is the item's own.
func (h *handler) procedureFactsSave(c *fiber.Ctx) error {
	d, err := h.factsTarget(c, procedure.Category)
	if err != nil {
		return err
	}
	f := parseProcedureForm(c)
	files := map[string]int64{}
	for _, a := range d.Attachments {
		if !a.Removed {
			files[a.Filename] = a.ID
		}
	}
	errs := fieldErrors{}
	p := f.validate(files, errs)
	checkReason(d, f.Reason, errs)
	if len(errs) > 0 {
		return h.renderProcedureFacts(c, d, f, errs)
	}
	in := d.Input()
	in.Kind, in.LegalBasis = procedure.Kind, f.LegalBasis
	if in.Facts, err = marshalFacts(p); err != nil {
		return err
	}
	if err := h.saveFacts(c, d, in, f.Reason, errs); err != nil {
		return err
	}
	if len(errs) > 0 {
		return h.renderProcedureFacts(c, d, f, errs)
	}
	return h.factsSaved(c, d, officerProcedureFactsPath(d.ID), "thu-tuc", "")
}
