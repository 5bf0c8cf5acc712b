package portal

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"mime"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/budget"
)

// budgetExport serves a public budget document's lines as CSV (a BOM so
// Excel reads Vietnamese, CRLF line ends; the template's columns, so the
// file imports back as it is) or JSON (the stored lines). A document has
// at most budget.MaxLines lines, so it is built in memory.
func (h *handler) budgetExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	d, err := h.store.PublicDisclosure(c.UserContext(), id)
	if err != nil {
		return err
	}
	if d.Category != budgetCategory || d.RowsVersion == 0 {
		return errNotFound()
	}
	etag := `W/"` + h.boot + "-" + h.cacheKey(c).String() + "-" + itoa(d.RowsVersion) + "." + format + `"`
	c.Set(fiber.HeaderETag, etag)
	if !usedRequestHost(c) {
		c.Set(fiber.HeaderCacheControl, pageCacheControl)
	}
	if notModified(c, etag, d.UpdatedAt) {
		return c.SendStatus(fiber.StatusNotModified)
	}
	doc, err := h.budgetDocument(c.UserContext(), d.RowsVersion)
	if err != nil {
		return err
	}
	var lines []budget.Line
	for _, p := range doc.Parts() {
		for _, e := range p.Entries {
			lines = append(lines, e.Line)
		}
	}
	var buf bytes.Buffer
	if format == "json" {
		if lines == nil {
			lines = []budget.Line{}
		}
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(lines); err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	} else {
		buf.WriteString("\uFEFF")
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		header := make([]string, len(budgetColumns))
		for i, col := range budgetColumns {
			header[i] = col.Header
		}
		w.Write(header)
		for _, l := range lines {
			w.Write([]string{l.Side.Label(), csvSafe(l.Code), csvSafe(l.Name), csvSafe(l.Parent),
				strconv.FormatInt(l.Plan, 10), strconv.FormatInt(l.Actual, 10)})
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment",
		map[string]string{"filename": "ngan-sach-" + itoa(d.ID) + "." + format}))
	return c.Send(buf.Bytes())
}
