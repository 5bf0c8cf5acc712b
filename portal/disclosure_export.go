package portal

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

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

// disclosureExport serves every public item, or one category's, as CSV
// (with a byte-order mark, so Excel reads Vietnamese correctly) or JSON.
func (h *handler) disclosureExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	var cat store.Category
	if slug := c.Params("slug"); slug != "" {
		var ok bool
		if cat, ok = store.CategoryBySlug(slug); !ok {
			return errNotFound()
		}
	}
	ctx := c.UserContext()
	// Every item: an export is the whole list, and it is cached until the
	// next public change.
	items, err := h.store.Disclosures(ctx, store.DisclosureFilter{Public: true, Category: cat.Slug, Limit: math.MaxInt32})
	if err != nil {
		return err
	}
	files, err := h.store.PublicAttachments(ctx, cat.Slug)
	if err != nil {
		return err
	}
	base := h.baseURL(c)
	out := make([]exportItem, 0, len(items))
	for _, d := range items {
		status := "dang-cong-khai"
		if d.Status == store.StatusWithdrawn {
			status = "da-rut"
		}
		it := exportItem{
			ID: d.ID, URL: base + "/cong-khai/" + itoa(d.ID), Category: d.Category, CategoryLabel: categoryLabel(d.Category),
			Title: d.Title, Summary: d.Summary, LegalBasis: d.LegalBasis, LeadUnit: d.UnitName,
			PostingFrom: isoDate(d.PostingFrom), PostingUntil: isoDate(d.PostingUntil), Status: status,
			Version: d.Version, FirstPublished: d.FirstPublished.UTC(), Updated: d.UpdatedAt.UTC(),
			WithdrawReason: d.WithdrawReason, Attachments: []exportFile{},
		}
		for _, a := range files[d.ID] {
			it.Attachments = append(it.Attachments, exportFile{a.Filename, base + attachmentURL(a), a.Size, a.SHA256})
		}
		out = append(out, it)
	}
	name := "cong-khai"
	if cat.Slug != "" {
		name += "-" + cat.Slug
	}
	c.Set(fiber.HeaderContentDisposition, `inline; filename="`+name+`.`+format+`"`)
	if format == "json" {
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
		return c.Send(b)
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Write([]string{"ma", "duong_dan", "chuyen_muc", "tieu_de", "tom_tat", "can_cu_phap_ly", "don_vi_chu_tri",
		"niem_yet_tu", "niem_yet_den", "trang_thai", "phien_ban", "ngay_cong_khai", "cap_nhat", "ly_do_rut", "tep_dinh_kem"})
	for _, it := range out {
		var names []string
		for _, f := range it.Attachments {
			names = append(names, f.Name+" (SHA-256 "+f.SHA256+")")
		}
		w.Write([]string{itoa(it.ID), it.URL, it.CategoryLabel, csvSafe(it.Title), csvSafe(it.Summary), csvSafe(it.LegalBasis),
			csvSafe(it.LeadUnit), it.PostingFrom, it.PostingUntil, it.Status, itoa(int64(it.Version)),
			it.FirstPublished.In(vietnam).Format(time.DateTime), it.Updated.In(vietnam).Format(time.DateTime),
			csvSafe(it.WithdrawReason), strings.Join(names, "; ")})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	return c.Send(buf.Bytes())
}

// csvSafe defuses text that a spreadsheet would run as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
