package portal

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/image/draw"

	"minhbach/portal/land"
	"minhbach/portal/mapimage"
	"minhbach/store"
)

// Limits of the plan facts form, in characters.
const (
	maxDecisionNumber = 60
	maxApprovedBy     = 200
	maxCaption        = 300
)

// mapSlots lets one map be decoded and scaled at a time: a 6000 × 4000
// map takes about 1.4 s and 180 MB at its peak (see mapimage), and two
// officers uploading at once should wait rather than double that.
var mapSlots = make(chan struct{}, 1)

// planForm is the plan facts form as typed.
type planForm struct {
	Kind, DecisionNumber, DecidedOn, ApprovedBy string
	PeriodFrom, PeriodTo                        string
	Captions                                    []string // the maps already there
	Remove                                      []bool
	NewCaption                                  string
	Reason                                      string
}

// planFields is the order of the form's fields, for the error summary.
var planFields = []string{"kind", "decision_number", "decided_on", "approved_by", "period_from", "period_to",
	"maps", "map_file", "map_caption", "ly-do"}

func mapCaptionField(i int) string { return "map_caption_" + strconv.Itoa(i) }
func mapRemoveField(i int) string  { return "map_remove_" + strconv.Itoa(i) }

// planFormOf is the form of the item's saved facts.
func planFormOf(d store.Disclosure, p land.Plan) planForm {
	f := planForm{Kind: d.Kind, DecisionNumber: p.DecisionNumber, DecidedOn: isoDate(d.DecidedOn), ApprovedBy: p.ApprovedBy,
		PeriodFrom: p.PeriodFrom, PeriodTo: p.PeriodTo}
	for _, m := range p.Maps {
		f.Captions = append(f.Captions, m.Caption)
		f.Remove = append(f.Remove, false)
	}
	return f
}

func parsePlanForm(c *fiber.Ctx, maps int) planForm {
	f := planForm{Kind: formText(c, "kind"), DecisionNumber: formText(c, "decision_number"), DecidedOn: formText(c, "decided_on"),
		ApprovedBy: formText(c, "approved_by"), PeriodFrom: formText(c, "period_from"), PeriodTo: formText(c, "period_to"),
		NewCaption: formText(c, "map_caption"), Reason: formText(c, "ly-do")}
	for i := 0; i < maps; i++ {
		f.Captions = append(f.Captions, formText(c, mapCaptionField(i)))
		f.Remove = append(f.Remove, c.FormValue(mapRemoveField(i)) != "")
	}
	return f
}

// validate checks the form and returns the plan's facts (maps kept with
// their new captions, removed ones dropped) and the decision date.
func (f planForm) validate(old land.Plan, errs fieldErrors) (land.Plan, time.Time) {
	var p land.Plan
	if _, ok := planKindNames[f.Kind]; !ok {
		errs["kind"] = "Vui lòng chọn loại: quy hoạch hay kế hoạch sử dụng đất hằng năm."
	}
	plainText(errs, "decision_number", f.DecisionNumber, "số quyết định phê duyệt", true, maxDecisionNumber)
	p.DecisionNumber = f.DecisionNumber
	decided, err := parseCivilDate(f.DecidedOn)
	switch {
	case f.DecidedOn == "":
		errs["decided_on"] = "Vui lòng nhập ngày ký quyết định phê duyệt."
	case err != nil:
		errs["decided_on"] = "Ngày ký quyết định chưa đúng. Ví dụ: 15/03/2024."
	}
	plainText(errs, "approved_by", f.ApprovedBy, "cơ quan phê duyệt", true, maxApprovedBy)
	p.ApprovedBy = f.ApprovedBy
	from, start, err1 := land.ParsePeriodBound(f.PeriodFrom, false)
	switch {
	case f.PeriodFrom == "":
		errs["period_from"] = "Vui lòng nhập năm (hoặc ngày) bắt đầu kỳ quy hoạch."
	case err1 != nil:
		errs["period_from"] = "Năm bắt đầu chưa đúng: ghi năm (ví dụ 2021) hoặc ngày (ví dụ 01/01/2025)."
	}
	to, end, err2 := land.ParsePeriodBound(f.PeriodTo, true)
	switch {
	case f.PeriodTo == "":
		errs["period_to"] = "Vui lòng nhập năm (hoặc ngày) kết thúc kỳ quy hoạch."
	case err2 != nil:
		errs["period_to"] = "Năm kết thúc chưa đúng: ghi năm (ví dụ 2030) hoặc ngày (ví dụ 31/12/2025)."
	case err1 == nil && end.Before(start):
		errs["period_to"] = "Kỳ quy hoạch kết thúc trước khi bắt đầu: kiểm tra lại hai năm."
	}
	p.PeriodFrom, p.PeriodTo = from, to
	for i, m := range old.Maps {
		if i < len(f.Remove) && f.Remove[i] {
			continue
		}
		if i < len(f.Captions) {
			plainText(errs, mapCaptionField(i), f.Captions[i], "chú thích bản đồ", true, maxCaption)
			m.Caption = f.Captions[i]
		}
		p.Maps = append(p.Maps, m)
	}
	return p, decided
}

type planFactsPage struct {
	Base
	D           store.Disclosure
	Form        planForm
	Maps        []landMap // the maps saved, in the order of Form.Captions
	Errors      fieldErrors
	MaxUploadMB int
	MaxSide     int
	MaxMP       int
}

// ErrorSummary lists the errors in the order of the form.
func (p *planFactsPage) ErrorSummary() []fieldError { return p.Errors.inOrder(planFields) }

// KindOptions are the two kinds of plan.
func (p *planFactsPage) KindOptions() []fieldOption {
	return []fieldOption{{land.KindLandUsePlan, planKindNames[land.KindLandUsePlan]}, {land.KindYearlyPlan, planKindNames[land.KindYearlyPlan]}}
}

// MapField is the caption field of the saved map i.
func (p *planFactsPage) MapField(i int) string { return mapCaptionField(i) }

// RemoveField is the removal box of the saved map i.
func (p *planFactsPage) RemoveField(i int) string { return mapRemoveField(i) }

func (h *handler) renderPlanFacts(c *fiber.Ctx, d store.Disclosure, f planForm, errs fieldErrors) error {
	var old land.Plan
	if err := decodeFacts(d, &old); err != nil {
		return err
	}
	p := &planFactsPage{Base: h.base(c, "Quy hoạch, bản đồ: "+d.Title), D: d, Form: f, Errors: errs,
		MaxUploadMB: MaxUploadBytes >> 20, MaxSide: mapimage.MaxSide, MaxMP: mapimage.MaxPixels / 1_000_000}
	// Every saved map, with its files: the working copy's attachments.
	for _, m := range old.Maps {
		full, _ := attachmentByID(d, m.Full)
		small, _ := attachmentByID(d, m.Small)
		p.Maps = append(p.Maps, landMap{Map: m, SmallURL: attachmentURL(small), FullURL: attachmentURL(full), FullSize: full.Size, FullMIME: full.MIME})
	}
	p.NoIndex = true
	return h.renderStatus(c, formStatus(errs), "plan_facts", p)
}

// planFactsForm is the officers' page of a land-use plan's facts and maps.
func (h *handler) planFactsForm(c *fiber.Ctx) error {
	d, err := h.factsTarget(c, land.CategoryPlan)
	if err != nil {
		return err
	}
	var p land.Plan
	if err := decodeFacts(d, &p); err != nil {
		return err
	}
	return h.renderPlanFacts(c, d, planFormOf(d, p), nil)
}

// planFactsSave saves the facts, the captions, removed maps and at most
// one new map. The new map is checked and scaled only once the rest of the
// form is valid, and stored only then: a form sent back never leaves
// files behind.
func (h *handler) planFactsSave(c *fiber.Ctx) error {
	d, err := h.factsTarget(c, land.CategoryPlan)
	if err != nil {
		return err
	}
	var old land.Plan
	if err := decodeFacts(d, &old); err != nil {
		return err
	}
	f := parsePlanForm(c, len(old.Maps))
	errs := fieldErrors{}
	plan, decided := f.validate(old, errs)
	checkReason(d, f.Reason, errs)
	in := d.Input()
	in.AttachmentIDs = dropMapFiles(in.AttachmentIDs, old, plan)
	var up *mapUpload
	if len(errs) == 0 {
		if up, err = readMapUpload(c, f.NewCaption, len(plan.Maps), len(in.AttachmentIDs), errs); err != nil {
			return err
		}
	} else {
		fileNotKeptAs(c, "map_file", errs)
	}
	if len(errs) > 0 {
		return h.renderPlanFacts(c, d, f, errs)
	}
	if up != nil {
		m, ids, err := h.storeMap(c, up)
		if err != nil {
			return err
		}
		plan.Maps = append(plan.Maps, m)
		in.AttachmentIDs = append(in.AttachmentIDs, ids...)
	}
	in.Kind, in.DecidedOn = f.Kind, decided
	if in.Facts, err = marshalFacts(plan); err != nil {
		return err
	}
	note := ""
	// A plan is posted for its whole period (Land Law 2024 Art. 75).
	if end := plan.End(); in.PostingUntil.IsZero() || in.PostingUntil.Before(end) {
		in.PostingUntil = end
		note = "Thời gian niêm yết được đặt đến hết kỳ quy hoạch (" + fmtDate(end) + ")."
	}
	if in.PostingFrom.IsZero() {
		in.PostingFrom = today(time.Now())
	}
	if err := h.saveFacts(c, d, in, f.Reason, errs); err != nil {
		return err
	}
	if len(errs) > 0 {
		fileNotKeptAs(c, "map_file", errs)
		return h.renderPlanFacts(c, d, f, errs)
	}
	return h.factsSaved(c, d, officerPlanFactsPath(d.ID), "quy-hoach", note)
}

// dropMapFiles removes from ids the files of the maps that the new facts
// no longer carry.
func dropMapFiles(ids []int64, old, now land.Plan) []int64 {
	keep := map[int64]bool{}
	for _, id := range now.Attachments() {
		keep[id] = true
	}
	gone := map[int64]bool{}
	for _, id := range old.Attachments() {
		if !keep[id] {
			gone[id] = true
		}
	}
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !gone[id] {
			out = append(out, id)
		}
	}
	return out
}

// mapUpload is a checked map, not yet stored.
type mapUpload struct {
	name    string
	caption string
	m       mapimage.Map
}

// readMapUpload reads the form's map file, if any, and prepares it: the
// checks of every upload (size, content as the extension says), then
// mapimage's (JPEG or PNG, dimensions read before decoding). Refusals go
// to errs["map_file"] (or errs["map_caption"]).
func readMapUpload(c *fiber.Ctx, caption string, maps, files int, errs fieldErrors) (*mapUpload, error) {
	fh, err := c.FormFile("map_file")
	if err != nil || (fh.Size == 0 && fh.Filename == "") {
		if caption != "" {
			errs["map_file"] = "Chọn tệp ảnh bản đồ, hoặc xóa chú thích nếu không thêm bản đồ."
		}
		return nil, nil
	}
	name := cleanFilename(fh.Filename)
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case maps >= land.MaxMaps:
		errs["map_file"] = fmt.Sprintf("Mỗi quy hoạch có tối đa %d bản đồ.", land.MaxMaps)
		return nil, nil
	case files+2 > maxFiles:
		errs["map_file"] = fmt.Sprintf("Tin đã có %d tệp đính kèm; mỗi bản đồ cần thêm 2 tệp (bản gốc và bản thu nhỏ), mà mỗi tin có tối đa %d tệp. Hãy gỡ bớt tệp ở trang sửa tin.", files, maxFiles)
		return nil, nil
	case fh.Size == 0:
		errs["map_file"] = fmt.Sprintf("Tệp “%s” rỗng.", name)
		return nil, nil
	case fh.Size > MaxUploadBytes:
		errs["map_file"] = fmt.Sprintf("Tệp “%s” có dung lượng %s, vượt giới hạn %d MB.", name, fmtSize(fh.Size), MaxUploadBytes>>20)
		return nil, nil
	case extTypes[ext] != mimeJPEG && extTypes[ext] != mimePNG:
		errs["map_file"] = fmt.Sprintf("Tệp “%s”: bản đồ phải là ảnh JPG hoặc PNG. Bản đồ dạng PDF hãy đính kèm như tài liệu ở trang sửa tin.", name)
		return nil, nil
	case caption == "":
		errs["map_caption"] = "Vui lòng nhập chú thích cho bản đồ (ví dụ: Bản đồ quy hoạch sử dụng đất đến năm 2030): người dùng trình đọc màn hình nghe chú thích này."
		return nil, nil
	}
	plainText(errs, "map_caption", caption, "chú thích bản đồ", true, maxCaption)
	if errs["map_caption"] != "" {
		return nil, nil
	}
	r, err := fh.Open()
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
	r.Close()
	if err != nil {
		return nil, err
	}
	if sniffType(data, ext) != extTypes[ext] {
		errs["map_file"] = fmt.Sprintf("Tệp “%s”: nội dung không phải là %s như phần mở rộng %s (có thể tệp bị đổi tên hoặc bị hỏng).",
			name, mimeLabels[extTypes[ext]], ext)
		return nil, nil
	}
	mapSlots <- struct{}{}
	m, err := mapimage.Prepare(data, draw.CatmullRom)
	<-mapSlots
	var tooLarge *mapimage.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		errs["map_file"] = fmt.Sprintf("Ảnh “%s” có kích thước %d × %d điểm ảnh, quá lớn để xử lý (tối đa %d điểm ảnh mỗi cạnh và %d triệu điểm ảnh). Hãy giảm độ phân giải khi quét hoặc xuất ảnh.",
			name, tooLarge.Width, tooLarge.Height, mapimage.MaxSide, mapimage.MaxPixels/1_000_000)
		return nil, nil
	case errors.Is(err, mapimage.ErrFormat):
		errs["map_file"] = fmt.Sprintf("Tệp “%s” không phải ảnh JPG hoặc PNG.", name)
		return nil, nil
	case err != nil:
		errs["map_file"] = fmt.Sprintf("Ảnh “%s” bị hỏng nên không đọc được. Hãy xuất lại ảnh rồi tải lên.", name)
		return nil, nil
	}
	return &mapUpload{name: name, caption: caption, m: m}, nil
}

// storeMap stores a prepared map's files: the original (without its
// metadata) and, when one was made, its small copy, named after it.
func (h *handler) storeMap(c *fiber.Ctx, up *mapUpload) (land.Map, []int64, error) {
	ctx, uid := c.UserContext(), currentUser(c).ID
	mime := mimeJPEG
	if up.m.Format == "PNG" {
		mime = mimePNG
	}
	full, err := h.store.SaveAttachment(ctx, up.name, mime, up.m.Full, uid)
	if err != nil {
		return land.Map{}, nil, err
	}
	m := land.Map{Full: full.ID, Small: full.ID, Caption: up.caption, Width: up.m.Width, Height: up.m.Height,
		SmallWidth: up.m.SmallWidth, SmallHeight: up.m.SmallHeight}
	ids := []int64{full.ID}
	if up.m.Small != nil {
		base := strings.TrimSuffix(up.name, filepath.Ext(up.name))
		small, err := h.store.SaveAttachment(ctx, base+"-ban-thu-nho.jpg", mimeJPEG, up.m.Small, uid)
		if err != nil {
			return land.Map{}, nil, err
		}
		m.Small = small.ID
		ids = append(ids, small.ID)
	}
	return m, ids, nil
}

// fileNotKeptAs tells an officer whose form comes back that the file
// chosen in field must be chosen again: no browser refills a file field.
func fileNotKeptAs(c *fiber.Ctx, field string, errs fieldErrors) {
	if errs[field] != "" {
		return
	}
	if fh, err := c.FormFile(field); err == nil && fh.Size > 0 {
		errs[field] = "Tệp “" + cleanFilename(fh.Filename) + "” chưa được lưu vì biểu mẫu còn lỗi, " +
			"và trình duyệt không giữ lại tệp đã chọn: hãy sửa lỗi rồi chọn lại tệp."
	}
}
