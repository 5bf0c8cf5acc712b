package portal

import (
	"bufio"
	"context"
	"encoding/csv"
	"mime"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// questionExportItem is one published item in the exports: what its public
// page shows, never the contact or a name the asker withheld.
type questionExportItem struct {
	ID            int64  `json:"id"`
	Kind          string `json:"kind"`
	Topic         string `json:"topic"`
	TopicLabel    string `json:"topic_label"`
	Village       string `json:"village"`
	State         string `json:"state"`
	StateLabel    string `json:"state_label"`
	ReceivedOn    string `json:"received_on"`
	DueOn         string `json:"due_on"`
	FirstAnswered string `json:"first_answered_on"`
	OnTime        *bool  `json:"on_time"`      // null: not answered
	DaysTaken     *int   `json:"working_days"` // null: not answered, or reopened
	AnswerUnit    string `json:"answer_unit"`
	Title         string `json:"title"`
	Question      string `json:"question"`
	Answer        string `json:"answer"`
	Reason        string `json:"reason,omitempty"`
	URL           string `json:"url"`
}

var questionCSVHeader = []string{"ma", "loai", "linh_vuc", "thon", "tinh_trang", "ngay_nhan", "han_tra_loi",
	"ngay_tra_loi_dau", "dung_han", "so_ngay_lam_viec", "don_vi_tra_loi", "tieu_de", "cau_hoi", "tra_loi", "ly_do", "duong_dan"}

func (h *handler) newQuestionExportItem(q store.Question, base string) questionExportItem {
	it := questionExportItem{
		ID: q.ID, Kind: q.Kind, Topic: q.Topic, TopicLabel: topicLabel(q.Topic), Village: q.VillageName,
		State: q.State, StateLabel: questionStateLabels[q.State], ReceivedOn: isoDate(q.ReceivedOn),
		Title: q.PublicTitle, Question: q.PublicBody, Answer: htmlToText(h.sanitize(q.Answer)),
		URL: base + questionPath(q.ID),
	}
	if q.State == store.QRejected {
		it.Reason = rejectReason(q.Reason)
	} else {
		it.Reason = q.Reason
	}
	due := q.DueOn
	if !q.FirstAnsweredAt.IsZero() {
		f := h.answerFacts(q)
		due = f.FirstDue
		it.FirstAnswered = isoDate(f.On)
		it.OnTime = &f.OnTime
		if f.HasTaken {
			it.DaysTaken = &f.Taken
		}
		it.AnswerUnit = q.AnswerUnit
	}
	it.DueOn = isoDate(due)
	return it
}

// questionExport serves every published question as CSV (with a
// byte-order mark for Excel, CRLF lines) or JSON, streamed a chunk at a
// time like the disclosures' export.
func (h *handler) questionExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	base := h.baseURL(c)
	etag := `W/"` + h.boot + "-" + h.cacheKey(c).String() + "-hoi-dap." + format + `"`
	c.Set(fiber.HeaderETag, etag)
	if !usedRequestHost(c) {
		c.Set(fiber.HeaderCacheControl, pageCacheControl)
	}
	if notModified(c, etag, time.Time{}) {
		return c.SendStatus(fiber.StatusNotModified)
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": "hoi-dap." + format}))
	write := h.questionsJSON
	if format == "csv" {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		write = h.questionsCSV
	} else {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	}
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		// Runs after the handler returned: only the values captured above.
		if err := write(w, base); err != nil {
			h.log.Error("question export", "format", format, "err", err)
		}
	})
	return nil
}

// eachPublicQuestion reads the published items a chunk at a time.
func (h *handler) eachPublicQuestion(base string, fn func(questionExportItem) error) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var after int64
	for {
		qs, err := h.store.PublicQuestionsAfter(ctx, after, exportChunk)
		if err != nil {
			return err
		}
		for _, q := range qs {
			if err := fn(h.newQuestionExportItem(q, base)); err != nil {
				return err
			}
		}
		if len(qs) < exportChunk {
			return nil
		}
		after = qs[len(qs)-1].ID
	}
}

func (h *handler) questionsJSON(w *bufio.Writer, base string) error {
	return writeJSONArray(w, func(yield func(questionExportItem) error) error {
		return h.eachPublicQuestion(base, yield)
	})
}

func (h *handler) questionsCSV(w *bufio.Writer, base string) error {
	w.WriteString("\uFEFF")
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(questionCSVHeader)
	err := h.eachPublicQuestion(base, func(it questionExportItem) error {
		onTime, days := "", ""
		if it.OnTime != nil {
			onTime = "khong"
			if *it.OnTime {
				onTime = "co"
			}
		}
		if it.DaysTaken != nil {
			days = strconv.Itoa(*it.DaysTaken)
		}
		return cw.Write([]string{itoa(it.ID), questionKindLabels[it.Kind], it.TopicLabel, csvSafe(it.Village), it.StateLabel,
			it.ReceivedOn, it.DueOn, it.FirstAnswered, onTime, days, csvSafe(it.AnswerUnit), csvSafe(it.Title),
			csvSafe(it.Question), csvSafe(it.Answer), csvSafe(it.Reason), it.URL})
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
