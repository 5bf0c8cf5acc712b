package portal

import (
	"bufio"
	"context"
	"encoding/csv"
	"mime"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"minhbach/portal/procedure"
	"minhbach/store"
)

// filterField is the catalogue's filter by field: /thu-tuc?linh-vuc=ho-tich.
const filterField = "linh-vuc"

// publicOfKind reads every public item of a category's kind with its facts
// and files, a chunk at a time. The catalogue and the overview of plans
// hold at most a few hundred items: a commune's procedures, its plans.
func (h *handler) publicOfKind(ctx context.Context, category, kind string) ([]store.Disclosure, error) {
	var out []store.Disclosure
	var after int64
	for {
		items, err := h.store.PublicDisclosuresAfter(ctx, category, after, exportChunk)
		if err != nil {
			return nil, err
		}
		for _, d := range items {
			if d.Kind == kind {
				out = append(out, d)
			}
		}
		if len(items) < exportChunk {
			return out, nil
		}
		after = items[len(items)-1].ID
	}
}

// catalogueEntry is one procedure of the catalogue.
type catalogueEntry struct {
	D     store.Disclosure
	P     procedure.Procedure
	Forms int // forms to download
}

// catalogueGroup is one field of the catalogue with its procedures.
type catalogueGroup struct {
	Field   procedure.Field
	Entries []catalogueEntry
}

// catalogue reads the public procedures grouped by field, in the order of
// procedure.Fields, each field's procedures by name (Vietnamese order);
// only the field slug when not "".
func (h *handler) catalogue(ctx context.Context, field string) ([]catalogueGroup, error) {
	ds, err := h.publicOfKind(ctx, procedure.Category, procedure.Kind)
	if err != nil {
		return nil, err
	}
	byField := map[string][]catalogueEntry{}
	for _, d := range ds {
		var p procedure.Procedure
		if err := decodeFacts(d, &p); err != nil {
			return nil, err
		}
		if _, ok := procedure.FieldBySlug(p.Field); !ok {
			p.Field = "khac"
		}
		if p.Name == "" {
			p.Name = d.Title
		}
		forms := 0
		for _, doc := range procedureDocs(d, p) {
			if doc.Form != nil {
				forms++
			}
		}
		byField[p.Field] = append(byField[p.Field], catalogueEntry{D: d, P: p, Forms: forms})
	}
	col := collate.New(language.Vietnamese)
	var out []catalogueGroup
	for _, f := range procedure.Fields {
		es := byField[f.Slug]
		if len(es) == 0 || field != "" && f.Slug != field {
			continue
		}
		slices.SortStableFunc(es, func(a, b catalogueEntry) int { return col.CompareString(a.P.Name, b.P.Name) })
		out = append(out, catalogueGroup{Field: f, Entries: es})
	}
	return out, nil
}

type cataloguePage struct {
	Base
	Groups []catalogueGroup
	Fields []procedure.Field // every field, for the filter
	Field  string            // the filter, "" for all
	Total  int
	Demo   bool // some procedure is demo data
}

// FieldOptions are the filter's choices.
func (p *cataloguePage) FieldOptions() []fieldOption {
	out := make([]fieldOption, len(p.Fields))
	for i, f := range p.Fields {
		out[i] = fieldOption{f.Slug, f.Name}
	}
	return out
}

// procedureCatalogue is /thu-tuc: the public procedures by field, with
// their forms to download here.
func (h *handler) procedureCatalogue(c *fiber.Ctx) error {
	field := c.Query(filterField)
	if _, ok := procedure.FieldBySlug(field); field != "" && !ok {
		return errNotFound()
	}
	groups, err := h.catalogue(c.UserContext(), field)
	if err != nil {
		return err
	}
	p := &cataloguePage{Base: h.base(c, "Thủ tục hành chính"), Groups: groups, Fields: procedure.Fields, Field: field}
	for _, g := range groups {
		p.Total += len(g.Entries)
		for _, e := range g.Entries {
			p.Demo = p.Demo || e.D.Demo
		}
	}
	if f, ok := procedure.FieldBySlug(field); ok {
		p.Title = "Thủ tục hành chính: " + f.Name
	}
	p.Canonical = canonical(p.Settings, proceduresFieldPath(field))
	p.Description = "Danh mục thủ tục hành chính của xã theo lĩnh vực: các bước, hồ sơ, thời hạn, lệ phí và biểu mẫu tải về ngay tại cổng."
	return h.render(c, "procedure_catalogue", p)
}

// procedureExportItem is one procedure in the catalogue's CSV and JSON.
type procedureExportItem struct {
	ID         int64                `json:"id"`
	URL        string               `json:"url"`
	Field      string               `json:"field"`
	FieldName  string               `json:"field_name"`
	Name       string               `json:"name"`
	Steps      []string             `json:"steps"`
	Documents  []procedureExportDoc `json:"documents"`
	TimeLimit  string               `json:"time_limit"`
	Fee        string               `json:"fee"`
	Where      string               `json:"where"`
	LegalBasis string               `json:"legal_basis"`
	Demo       bool                 `json:"demo"`
	Updated    time.Time            `json:"updated"`
}

type procedureExportDoc struct {
	Name    string `json:"name"`
	FormURL string `json:"form_url,omitempty"`
}

var procedureCSVHeader = []string{"ma", "duong_dan", "linh_vuc", "ten_thu_tuc", "cac_buoc", "ho_so", "bieu_mau",
	"thoi_han", "phi_le_phi", "noi_nop", "can_cu_phap_ly", "du_lieu_minh_hoa", "cap_nhat"}

// procedureExport serves the catalogue (or one field's part) as CSV, with
// a byte-order mark and CRLF like every export, or JSON. The catalogue is
// a few hundred items at most, so it is built whole, then written.
func (h *handler) procedureExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	field := c.Query(filterField)
	if _, ok := procedure.FieldBySlug(field); field != "" && !ok {
		return errNotFound()
	}
	groups, err := h.catalogue(c.UserContext(), field)
	if err != nil {
		return err
	}
	base := h.baseURL(c)
	var items []procedureExportItem
	for _, g := range groups {
		for _, e := range g.Entries {
			it := procedureExportItem{ID: e.D.ID, URL: base + itemPath(e.D.ID), Field: g.Field.Slug, FieldName: g.Field.Name,
				Name: e.P.Name, Steps: e.P.Steps, Documents: []procedureExportDoc{}, TimeLimit: e.P.TimeLimit, Fee: e.P.Fee,
				Where: e.P.Where, LegalBasis: e.D.LegalBasis, Demo: e.D.Demo, Updated: e.D.UpdatedAt.UTC()}
			if it.Steps == nil {
				it.Steps = []string{}
			}
			for _, doc := range procedureDocs(e.D, e.P) {
				ed := procedureExportDoc{Name: doc.Name}
				if doc.Form != nil {
					ed.FormURL = base + attachmentURL(*doc.Form)
				}
				it.Documents = append(it.Documents, ed)
			}
			items = append(items, it)
		}
	}
	name := "thu-tuc"
	if field != "" {
		name += "-" + field
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name + "." + format}))
	if format == "json" {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	} else {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	if format == "json" {
		err = writeJSONArray(w, func(yield func(procedureExportItem) error) error {
			for _, it := range items {
				if err := yield(it); err != nil {
					return err
				}
			}
			return nil
		})
	} else {
		err = writeProcedureCSV(w, items)
	}
	if err != nil {
		return err
	}
	return c.SendString(b.String())
}

// writeProcedureCSV writes one line per procedure; its steps and documents
// are numbered lines inside one cell each, as a spreadsheet shows them.
func writeProcedureCSV(w *bufio.Writer, items []procedureExportItem) error {
	w.WriteString("\uFEFF")
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(procedureCSVHeader)
	for _, it := range items {
		var steps, docs, forms []string
		for i, s := range it.Steps {
			steps = append(steps, itoa(int64(i+1))+". "+s)
		}
		for _, d := range it.Documents {
			docs = append(docs, "- "+d.Name)
			if d.FormURL != "" {
				forms = append(forms, d.FormURL)
			}
		}
		demo := "khong"
		if it.Demo {
			demo = "co"
		}
		cw.Write([]string{itoa(it.ID), it.URL, it.FieldName, csvSafe(it.Name), csvSafe(strings.Join(steps, "\n")),
			csvSafe(strings.Join(docs, "\n")), strings.Join(forms, "\n"), csvSafe(it.TimeLimit), csvSafe(it.Fee),
			csvSafe(it.Where), csvSafe(it.LegalBasis), demo, it.Updated.In(vietnam).Format(time.DateTime)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return w.Flush()
}
