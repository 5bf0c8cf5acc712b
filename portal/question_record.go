package portal

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/store"
)

// Items received by phone, letter, in person, on a reception day or from
// the national public-service portal, entered by an officer on the
// resident's behalf. The clock starts on the day received, not the day
// typed.

// recordOldest is how far back an officer may date an item received
// offline: a letter found a year late is a matter for the chairman, not a
// date to type.
const recordOldest = 365 // calendar days

type recordForm struct {
	Channel, ReceivedOn, NationalRef, Kind, Topic, Village string
	Title, Body, AskerName, Contact                        string
	NamePublic                                             bool
	IDFullName, IDAddress, IDNumber                        string
	Session                                                string // "<schedule id>/<session key>", on a reception day

	receivedOn            time.Time
	villageID             int64
	session, sessionLabel string
}

var recordFields = []string{"channel", "received_on", "reception_session", "national_ref", "kind", "topic", "village_id",
	"title", "body", "asker_name", "name_public", "contact", "id_fullname", "id_address", "id_number"}

func parseRecordForm(c *fiber.Ctx) recordForm {
	return recordForm{
		Channel: formText(c, "channel"), ReceivedOn: formText(c, "received_on"), NationalRef: formText(c, "national_ref"),
		Kind: formText(c, "kind"), Topic: formText(c, "topic"), Village: formText(c, "village_id"),
		Title: formText(c, "title"), Body: formText(c, "body"), AskerName: oneLine(c.FormValue("asker_name")),
		Contact: formText(c, "contact"), NamePublic: c.FormValue("name_public") == "1",
		IDFullName: oneLine(c.FormValue("id_fullname")), IDAddress: formText(c, "id_address"), IDNumber: formText(c, "id_number"),
		Session: formText(c, "reception_session"),
	}
}

func (f *recordForm) validate(villages []store.Village, now time.Time, covers func(time.Time) bool) fieldErrors {
	errs := fieldErrors{}
	if !slices.ContainsFunc(channelOptions(), func(o fieldOption) bool { return o.Value == f.Channel }) {
		errs["channel"] = "Vui lòng chọn hình thức tiếp nhận."
	}
	d := today(now)
	oldest := d.AddDate(0, 0, -recordOldest)
	var err error
	switch f.receivedOn, err = parseCivilDate(f.ReceivedOn); {
	case f.ReceivedOn == "":
		errs["received_on"] = "Vui lòng nhập ngày tiếp nhận."
	case err != nil:
		errs["received_on"] = "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2026."
	case f.receivedOn.After(d):
		errs["received_on"] = "Ngày tiếp nhận không được sau hôm nay (" + fmtDate(d) + ")."
	case f.receivedOn.Before(oldest) || !covers(f.receivedOn):
		errs["received_on"] = "Ngày tiếp nhận không được trước " + fmtDate(oldest) + "."
	}
	plainText(errs, "national_ref", f.NationalRef, "số hồ sơ trên Cổng Dịch vụ công quốc gia",
		f.Channel == store.ChannelNationalPortal, 100)
	if !slices.Contains(rules.Kinds(), f.Kind) {
		errs["kind"] = "Vui lòng chọn loại."
	}
	if _, ok := rules.TopicBySlug(f.Topic); !ok {
		errs["topic"] = "Vui lòng chọn chủ đề."
	}
	f.villageID = 0
	if f.Village != "" {
		id, err := strconv.ParseInt(f.Village, 10, 64)
		if err != nil || !slices.ContainsFunc(villages, func(v store.Village) bool { return v.ID == id }) {
			errs["village_id"] = "Vui lòng chọn thôn trong danh sách."
		}
		f.villageID = id
	}
	plainText(errs, "title", f.Title, "tiêu đề", true, maxTitle)
	plainText(errs, "body", f.Body, "nội dung", true, maxPublicBody)
	plainText(errs, "asker_name", f.AskerName, "họ tên người gửi", false, 150)
	plainText(errs, "contact", f.Contact, "số điện thoại hoặc thư điện tử", false, 200)
	if f.Kind == rules.KindInfoRequest {
		plainText(errs, "id_fullname", f.IDFullName, "họ tên người yêu cầu", true, 150)
		plainText(errs, "id_address", f.IDAddress, "địa chỉ người yêu cầu", true, 300)
		plainText(errs, "id_number", f.IDNumber, "số CCCD hoặc giấy tờ tùy thân", true, 30)
	}
	return errs
}

// dupKey recognises the same item entered twice (a double click, a
// reload of the confirmation): same channel, date, text and contact.
func (f *recordForm) dupKey() string {
	sum := sha256.Sum256([]byte(strings.Join([]string{"officer", f.Channel, isoDate(f.receivedOn), f.Title, f.Body, f.Contact}, "\x00")))
	return hex.EncodeToString(sum[:])
}

type recordPage struct {
	Base
	Form     recordForm
	Errors   fieldErrors
	Villages []store.Village
	Today    string
	Sessions []fieldOption // recent reception sessions to link the item to
}

func (p *recordPage) ErrorSummary() []fieldError { return p.Errors.inOrder(recordFields) }

// VillageOptions lists the villages for the select.
func (p *recordPage) VillageOptions() []fieldOption {
	var out []fieldOption
	for _, v := range p.Villages {
		out = append(out, fieldOption{itoa(v.ID), v.Name})
	}
	return out
}

// recordedPage shows the tracking code once, for the officer to tell the
// resident.
type recordedPage struct {
	Base
	ID    int64
	Code  string
	Title string
	Due   time.Time
}

func (h *handler) questionRecordForm(c *fiber.Ctx) error {
	return h.renderRecordForm(c, recordForm{ReceivedOn: isoDate(today(time.Now())), Kind: rules.KindFeedback}, nil)
}

func (h *handler) renderRecordForm(c *fiber.Ctx, f recordForm, errs fieldErrors) error {
	vs, err := h.store.Villages(c.UserContext())
	if err != nil {
		return err
	}
	p := &recordPage{Base: h.base(c, "Nhập phản ánh nhận trực tiếp"), Form: f, Errors: errs, Villages: vs, Today: isoDate(today(time.Now()))}
	sessions, err := h.recentSessions(c)
	if err != nil {
		return err
	}
	p.Sessions = sessionOptions(sessions)
	return h.renderStatus(c, formStatus(errs), "question_record", p)
}

// questionRecord saves an item received offline and shows its tracking code.
func (h *handler) questionRecord(c *fiber.Ctx) error {
	ctx := c.UserContext()
	f := parseRecordForm(c)
	vs, err := h.store.Villages(ctx)
	if err != nil {
		return err
	}
	errs := f.validate(vs, time.Now(), h.calendar().Covers)
	sessions, err := h.recentSessions(c)
	if err != nil {
		return err
	}
	checkSession(&f, sessions, errs)
	if len(errs) > 0 {
		return h.renderRecordForm(c, f, errs)
	}
	code, err := tracking.New()
	if err != nil {
		return err
	}
	nq := store.NewQuestion{
		CodeHash: code.Hash(), Kind: f.Kind, Topic: f.Topic, VillageID: f.villageID, Channel: f.Channel,
		NationalRef: f.NationalRef, Title: f.Title, Body: f.Body, AskerName: f.AskerName,
		NamePublic: f.NamePublic && f.AskerName != "", Contact: f.Contact, ReceivedOn: f.receivedOn, DupKey: f.dupKey(),
		ReceptionSession: f.session, ReceptionLabel: f.sessionLabel,
	}
	if strings.Contains(f.Contact, "@") {
		nq.MailCode = code.String() // to mail the asker the link later
	}
	if f.Kind == rules.KindInfoRequest {
		nq.Identity = &store.Identity{FullName: f.IDFullName, Address: f.IDAddress, IDNumber: f.IDNumber}
	}
	id, err := h.store.SubmitQuestion(ctx, nq, currentUser(c).ID)
	if errors.Is(err, store.ErrAlreadyReceived) {
		return h.renderRecordForm(c, f, fieldErrors{"body": "Phản ánh giống hệt (cùng ngày, kênh, nội dung và liên hệ) đã được nhập trong 30 ngày qua, có thể do bấm gửi hai lần. Hãy tìm trong hộp thư hỏi đáp trước khi nhập lại."})
	}
	if err != nil {
		return err
	}
	q, err := h.store.Question(ctx, id)
	if err != nil {
		return err
	}
	p := &recordedPage{Base: h.base(c, "Đã nhập phản ánh"), ID: id, Code: code.String(), Title: q.Title, Due: q.DueOn}
	p.NoIndex = true
	return h.render(c, "question_recorded", p)
}
