package portal

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"mime"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/reception"
)

// receptionExportSession is one session in the schedule's CSV and JSON:
// what the page shows.
type receptionExportSession struct {
	Key      string `json:"key"`
	Date     string `json:"date"`
	Weekday  string `json:"weekday"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Officer  string `json:"officer"`
	Title    string `json:"title"`
	Phone    string `json:"phone"`
	Place    string `json:"place"`
	Chairman bool   `json:"chairman"`
	Status   string `json:"status"` // dien-ra, huy, nghi-le, doi-ngay
	Note     string `json:"note,omitempty"`
}

var receptionStatusSlugs = map[reception.Status]string{
	reception.Held: "dien-ra", reception.Off: "huy", reception.Holiday: "nghi-le", reception.MovedAway: "doi-ngay",
}

var receptionCSVHeader = []string{"ma", "ngay", "thu", "bat_dau", "ket_thuc", "nguoi_tiep", "chuc_vu", "dien_thoai", "dia_diem", "chu_tich_tiep", "trang_thai", "ghi_chu"}

// receptionExport is /lich-tiep-dan/xuat.{csv,json}: the sessions of this
// week and the next four.
func (h *handler) receptionExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	sch, err := h.publishedSchedule(c.UserContext())
	if err != nil {
		return err
	}
	out := []receptionExportSession{}
	if sch != nil {
		day := today(h.now())
		for _, s := range h.sessionsFor(sch.S, day, receptionWeeks) {
			v := sessionView{Session: s}
			out = append(out, receptionExportSession{Key: s.Key, Date: s.Date.Format(time.DateOnly),
				Weekday: reception.WeekdayName(reception.IsoWeekday(s.Date)), Start: s.Start, End: s.End,
				Officer: s.Officer, Title: s.Title, Phone: s.Phone, Place: s.Place, Chairman: s.Chairman,
				Status: receptionStatusSlugs[s.Status], Note: v.Note()})
		}
	}
	var buf bytes.Buffer
	if format == "json" {
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		buf.Write(b)
		buf.WriteByte('\n')
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	} else {
		buf.WriteString("\ufeff")
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		w.Write(receptionCSVHeader)
		for _, s := range out {
			chairman := ""
			if s.Chairman {
				chairman = "co"
			}
			w.Write([]string{s.Key, s.Date, s.Weekday, s.Start, s.End, csvSafe(s.Officer), csvSafe(s.Title), csvSafe(s.Phone),
				csvSafe(s.Place), chairman, s.Status, csvSafe(s.Note)})
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": "lich-tiep-dan." + format}))
	return c.Send(buf.Bytes())
}
