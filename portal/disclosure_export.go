package portal

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"mime"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// exportChunk is how many items an export reads at a time: its memory stays
// the same whatever the size of the list.
const exportChunk = 500

// exportItem is one public item in the CSV and JSON exports: what the public
// pages show, nothing more.
type exportItem struct {
	ID             int64        `json:"id"`
	URL            string       `json:"url"`
	Category       string       `json:"category"`
	CategoryLabel  string       `json:"category_label"`
	Title          string       `json:"title"`
	Summary        string       `json:"summary"`
	LegalBasis     string       `json:"legal_basis"`
	LeadUnit       string       `json:"lead_unit"`
	PostingFrom    string       `json:"posting_from"`
	PostingUntil   string       `json:"posting_until"`
	Status         string       `json:"status"`
	Version        int          `json:"version"`
	FirstPublished time.Time    `json:"first_published"`
	Updated        time.Time    `json:"updated"`
	WithdrawReason string       `json:"withdraw_reason,omitempty"`
	Attachments    []exportFile `json:"attachments"`
}

type exportFile struct {
	Name   string `json:"name"`
	URL    string `json:"url"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// exportStatus names where an item stands, as the public pages show it.
var exportStatus = map[string]string{
	"current":   "dang-niem-yet",
	"upcoming":  "sap-niem-yet",
	"ended":     "het-niem-yet",
	"withdrawn": "da-rut",
}

var csvHeader = []string{"ma", "duong_dan", "chuyen_muc", "tieu_de", "tom_tat", "can_cu_phap_ly", "don_vi_chu_tri",
	"niem_yet_tu", "niem_yet_den", "trang_thai", "phien_ban", "ngay_cong_khai", "cap_nhat", "ly_do_rut", "tep_dinh_kem"}

// disclosureExport serves every public item, or one category's, as CSV
// (with a byte-order mark, so Excel reads Vietnamese correctly; lines end
// in CRLF, RFC 4180) or JSON, as a download. The body is written as it is
// read, a chunk of items at a time, and compressed on the fly: memory stays
// flat at any size, and nothing is kept in the page cache. Conditional
// requests are answered from the public change mark.
func (h *handler) disclosureExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	var cat store.Category
	if slug := c.Params("slug"); slug != "" {
		var ok bool
		if cat, ok = store.CategoryBySlug(slug); !ok || cat.Internal {
			return errNotFound()
		}
	}
	base := h.baseURL(c)
	now := time.Now()
	// The content follows the public data and the date (posting states);
	// the mark counts from this process's start, hence the boot id. The
	// bytes are sent plain or gzipped, so the tag is weak.
	etag := `W/"` + h.boot + "-" + h.cacheKey(c).String() + "-" + cat.Slug + "." + format + `"`
	c.Set(fiber.HeaderETag, etag)
	if !usedRequestHost(c) {
		c.Set(fiber.HeaderCacheControl, pageCacheControl)
	}
	if notModified(c, etag, time.Time{}) {
		return c.SendStatus(fiber.StatusNotModified)
	}
	name := "cong-khai"
	if cat.Slug != "" {
		name += "-" + cat.Slug
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name + "." + format}))
	if format == "json" {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	} else {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	}
	write := h.exportJSON
	if format == "csv" {
		write = h.exportCSV
	}
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		// This runs after the handler returned: nothing of the request is
		// read here, only the values captured above.
		if err := write(w, cat.Slug, base, now); err != nil {
			h.log.Error("export", "category", cat.Slug, "format", format, "err", err)
		}
	})
	return nil
}

// eachExportItem reads the public list a chunk at a time.
func (h *handler) eachExportItem(category, base string, now time.Time, fn func(exportItem) error) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var after int64
	for {
		items, err := h.store.PublicDisclosuresAfter(ctx, category, after, exportChunk)
		if err != nil {
			return err
		}
		for _, d := range items {
			if err := fn(newExportItem(d, base, now)); err != nil {
				return err
			}
		}
		if len(items) < exportChunk {
			return nil
		}
		after = items[len(items)-1].ID
	}
}

func newExportItem(d store.Disclosure, base string, now time.Time) exportItem {
	it := exportItem{
		ID: d.ID, URL: base + itemPath(d.ID), Category: d.Category, CategoryLabel: categoryLabel(d.Category),
		Title: d.Title, Summary: d.Summary, LegalBasis: d.LegalBasis, LeadUnit: d.UnitName,
		PostingFrom: isoDate(d.PostingFrom), PostingUntil: isoDate(d.PostingUntil), Status: exportStatus[postingOf(d, now).Class],
		Version: d.Version, FirstPublished: d.FirstPublished.UTC(), Updated: d.UpdatedAt.UTC(),
		WithdrawReason: d.WithdrawReason, Attachments: []exportFile{},
	}
	for _, a := range d.Attachments {
		it.Attachments = append(it.Attachments, exportFile{cleanFilename(a.Filename), base + attachmentURL(a), a.Size, a.SHA256})
	}
	return it
}

func (h *handler) exportJSON(w *bufio.Writer, category, base string, now time.Time) error {
	return writeJSONArray(w, func(yield func(exportItem) error) error {
		return h.eachExportItem(category, base, now, yield)
	})
}

// writeJSONArray streams the items each gives as one indented JSON array,
// an item at a time, so an export of any size holds one item in memory.
func writeJSONArray[T any](w *bufio.Writer, each func(yield func(T) error) error) error {
	w.WriteString("[")
	first := true
	err := each(func(it T) error {
		b, err := json.MarshalIndent(it, "  ", "  ")
		if err != nil {
			return err
		}
		if !first {
			w.WriteString(",")
		}
		first = false
		w.WriteString("\n  ")
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if !first {
		w.WriteString("\n")
	}
	w.WriteString("]\n")
	return w.Flush()
}

func (h *handler) exportCSV(w *bufio.Writer, category, base string, now time.Time) error {
	w.WriteString("\uFEFF")
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(csvHeader)
	err := h.eachExportItem(category, base, now, func(it exportItem) error {
		var names []string
		for _, f := range it.Attachments {
			names = append(names, f.Name+" (SHA-256 "+f.SHA256+")")
		}
		return cw.Write([]string{itoa(it.ID), it.URL, it.CategoryLabel, csvSafe(it.Title), csvSafe(it.Summary), csvSafe(it.LegalBasis),
			csvSafe(it.LeadUnit), it.PostingFrom, it.PostingUntil, it.Status, itoa(int64(it.Version)),
			it.FirstPublished.In(vietnam).Format(time.DateTime), it.Updated.In(vietnam).Format(time.DateTime),
			csvSafe(it.WithdrawReason), csvSafe(strings.Join(names, "; "))})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return w.Flush()
}

// csvSafe defuses text that a spreadsheet would run as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
