package portal

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"mime"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
	"minhbach/store"
)

// Exports of household lists carry counts per village and classification
// and a link to the list, never a name: a copy cannot be recalled when
// the posting window ends.

type householdExport struct {
	ID           int64                 `json:"id"`
	URL          string                `json:"url"`
	Title        string                `json:"title"`
	Year         int                   `json:"year"`
	Review       string                `json:"review"`
	ReviewLabel  string                `json:"review_label"`
	PostingFrom  string                `json:"posting_from"`
	PostingUntil string                `json:"posting_until"`
	MeetingOn    string                `json:"meeting_on,omitempty"`
	DecisionNo   string                `json:"decision_no,omitempty"`
	DecisionOn   string                `json:"decision_on,omitempty"`
	Withdrawn    bool                  `json:"withdrawn,omitempty"`
	Villages     []householdExportLine `json:"villages"`
	Total        householdExportLine   `json:"total"`
}

type householdExportLine struct {
	Village      string `json:"village,omitempty"`
	Poor         int    `json:"ho_ngheo"`
	NearPoor     int    `json:"ho_can_ngheo"`
	LeftPoor     int    `json:"thoat_ngheo"`
	LeftNearPoor int    `json:"thoat_can_ngheo"`
	Total        int    `json:"tong"`
}

func exportLine(c households.Count) householdExportLine {
	return householdExportLine{Village: c.Village, Poor: c.Of(households.Poor), NearPoor: c.Of(households.NearPoor),
		LeftPoor: c.Of(households.LeftPoor), LeftNearPoor: c.Of(households.LeftNearPoor), Total: c.Total()}
}

var householdCSVHeader = []string{"ma", "duong_dan", "tieu_de", "nam", "dot_ra_soat", "niem_yet_tu", "niem_yet_den",
	"ngay_hop_thon", "so_quyet_dinh", "ngay_quyet_dinh", "thon", "ho_ngheo", "ho_can_ngheo", "thoat_ngheo", "thoat_can_ngheo", "tong"}

// householdsExport serves the counts of every public list (/ho-ngheo/xuat.csv)
// or of one (/ho-ngheo/{id}/xuat.csv), as CSV (BOM, CRLF) or JSON. The
// lists are few, so the body is built whole and goes through the page cache.
func (h *handler) householdsExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	var lists []store.Disclosure
	name := "ho-ngheo"
	if p := c.Params("id"); p != "" {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return errNotFound()
		}
		d, err := h.store.PublicDisclosure(c.UserContext(), id)
		if err != nil {
			return err
		}
		if d.Category != households.Category {
			return errNotFound()
		}
		lists, name = []store.Disclosure{d}, name+"-"+p
	} else {
		var after int64
		for {
			chunk, err := h.store.PublicDisclosuresAfter(c.UserContext(), households.Category, after, exportChunk)
			if err != nil {
				return err
			}
			lists = append(lists, chunk...)
			if len(chunk) < exportChunk {
				break
			}
			after = chunk[len(chunk)-1].ID
		}
	}
	base := h.baseURL(c)
	out := make([]householdExport, 0, len(lists))
	for _, d := range lists {
		f, err := households.ParseFacts(d.Facts)
		if err != nil {
			return err
		}
		counts := f.Tally()
		e := householdExport{ID: d.ID, URL: base + itemPath(d.ID), Title: d.Title, Year: f.Year, Review: d.Kind,
			ReviewLabel: reviewLabel(d.Kind), PostingFrom: isoDate(d.PostingFrom), PostingUntil: isoDate(d.PostingUntil),
			MeetingOn: f.MeetingOn, DecisionNo: f.DecisionNo, DecisionOn: f.DecisionOn, Withdrawn: d.IsWithdrawn(),
			Villages: []householdExportLine{}, Total: exportLine(counts.All)}
		for _, v := range counts.Villages {
			e.Villages = append(e.Villages, exportLine(v))
		}
		out = append(out, e)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if format == "json" {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
		if err := writeJSONArray(w, func(yield func(householdExport) error) error {
			for _, e := range out {
				if err := yield(e); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	} else {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		w.WriteString("\uFEFF")
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		cw.Write(householdCSVHeader)
		for _, e := range out {
			for _, v := range append(e.Villages, householdExportLine{Village: "Toàn xã", Poor: e.Total.Poor, NearPoor: e.Total.NearPoor,
				LeftPoor: e.Total.LeftPoor, LeftNearPoor: e.Total.LeftNearPoor, Total: e.Total.Total}) {
				cw.Write([]string{itoa(e.ID), e.URL, csvSafe(e.Title), strconv.Itoa(e.Year), e.ReviewLabel, e.PostingFrom, e.PostingUntil,
					e.MeetingOn, csvSafe(e.DecisionNo), e.DecisionOn, csvSafe(v.Village), strconv.Itoa(v.Poor), strconv.Itoa(v.NearPoor),
					strconv.Itoa(v.LeftPoor), strconv.Itoa(v.LeftNearPoor), strconv.Itoa(v.Total)})
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		w.Flush()
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name + "." + format}))
	c.Response().SetBody(buf.Bytes())
	return nil
}
