package portal_test

import (
	"context"
	"testing"
	"time"

	"minhbach/portal/qclock"
	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/portal/workdays"
	"minhbach/store"
)

// Private details the question fixture submits: none may appear in any
// public page, feed, export or log line.
var questionSecrets = []string{
	"0912345678",                // a contact (phone)
	"an.danh.rieng@example.vn",  // a contact (e-mail)
	"Nguyễn Văn Riêng",          // in an original title, redacted on acceptance
	"ngõ Bí Mật",                // in an original body, redacted on acceptance
	"0987654321",                // in an original body, redacted on acceptance
	"Phạm Thị Giấu Tên",         // a name the asker withheld
	"GHI-CHU-NOI-BO",            // an officer's private note
	"số thửa đất riêng tư",      // a request to the asker (the asker's page only)
	"RÁC-RÁC quảng cáo thuốc",   // the text of a rejected item
	"Bản nháp trả lời chưa gửi", // an answer draft of an open item
	"Khiếu nại đất của bà Tố",   // the text of an item protected later
}

// questionFixture is a set of items in every public situation.
type questionFixture struct {
	Answered  int64 // answered on time; redacted; the asker's name public
	Open      int64 // accepted and assigned, a name withheld, a private note
	Rejected  int64 // spam
	Duplicate int64 // rejected as a duplicate of Answered
	Overdue   int64 // accepted, due a few days ago, unanswered
	Late      int64 // answered late with an apology
	Protected int64 // answered, then moved into the protected class
	Received  int64 // not triaged yet
	Village   store.Village
	Unit      store.Unit
	Officer   store.Actor
	AskerName string
}

// demoUnitAndVillage are the first unit and village of the demo data.
func (e *env) demoUnitAndVillage() (store.Unit, store.Village) {
	e.t.Helper()
	ctx := context.Background()
	units, err := e.st.Units(ctx)
	if err != nil || len(units) == 0 {
		e.t.Fatalf("units: %v %d", err, len(units))
	}
	villages, err := e.st.Villages(ctx)
	if err != nil || len(villages) == 0 {
		e.t.Fatalf("villages: %v %d", err, len(villages))
	}
	return units[0], villages[0]
}

// officerActor is the demo officer "canbo" acting on items.
func (e *env) officerActor() store.Actor {
	e.t.Helper()
	u, err := e.st.UserByLogin(context.Background(), "canbo")
	if err != nil {
		e.t.Fatal(err)
	}
	return store.Actor{UserID: u.ID}
}

// submit saves an item with a fresh tracking code.
func (e *env) submit(nq store.NewQuestion, by int64) int64 {
	e.t.Helper()
	code, err := tracking.New()
	if err != nil {
		e.t.Fatal(err)
	}
	nq.CodeHash = code.Hash()
	if nq.Kind == "" {
		nq.Kind = rules.KindQuestion
	}
	if nq.Channel == "" {
		nq.Channel = store.ChannelWeb
	}
	id, err := e.st.SubmitQuestion(context.Background(), nq, by)
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

func (e *env) act(id int64, a store.Action, by store.Actor) {
	e.t.Helper()
	if err := e.st.Act(context.Background(), id, a, by); err != nil {
		e.t.Fatalf("item %d %s: %v", id, a.Kind, err)
	}
}

// accept publishes an item's text as given.
func (e *env) accept(id int64, title, body string, by store.Actor) {
	e.t.Helper()
	e.act(id, store.Action{Kind: store.ActAccept, PublicTitle: title, PublicBody: body}, by)
}

// receivedForOverdue is a date of receipt whose reply, due ten working
// days later, fell due a few days before today: within the watchers'
// window.
func receivedForOverdue(t *testing.T) time.Time {
	t.Helper()
	cal := workdays.Default(2023, 2030)
	y, m, d := time.Now().In(time.FixedZone("ICT", 7*3600)).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	for back := 10; back < 40; back++ {
		r := today.AddDate(0, 0, -back)
		due := qclock.Clock{Start: r, ReplyDays: 10}.Due(cal)
		if due.Before(today.AddDate(0, 0, -1)) && !due.Before(today.AddDate(0, 0, -5)) {
			return r
		}
	}
	t.Fatal("no date of receipt puts the due date in the window")
	return time.Time{}
}

// questionFixture fills the portal with one item in each situation.
func (e *env) questionFixture() questionFixture {
	e.t.Helper()
	unit, village := e.demoUnitAndVillage()
	off := e.officerActor()
	fx := questionFixture{Village: village, Unit: unit, Officer: off, AskerName: "Lê Văn Công Khai"}
	mark := store.RedactionMark

	fx.Answered = e.submit(store.NewQuestion{Topic: "dat-dai", VillageID: village.ID,
		Title: "Hỏi về sổ đỏ nhà ông Nguyễn Văn Riêng", Body: "Nhà tôi ở số 12 ngõ Bí Mật, gọi 0987654321 để hỏi thêm.\n\nBao giờ được cấp sổ đỏ?",
		AskerName: fx.AskerName, NamePublic: true, Contact: "0912345678"}, 0)
	e.accept(fx.Answered, "Hỏi về cấp giấy chứng nhận quyền sử dụng đất", "Nhà tôi ở "+mark+", gọi "+mark+" để hỏi thêm.\n\nBao giờ được cấp sổ đỏ?", off)
	e.act(fx.Answered, store.Action{Kind: store.ActAssign, UnitID: unit.ID}, off)
	e.act(fx.Answered, store.Action{Kind: store.ActAnswer, Answer: "<p>Hồ sơ của ông đã được chuyển lên <strong>huyện</strong>.</p><script>alert(1)</script>"}, off)

	fx.Open = e.submit(store.NewQuestion{Topic: "moi-truong", Title: "Rác thải ở kênh", Body: "Kênh đầu làng nhiều rác.",
		AskerName: "Phạm Thị Giấu Tên", Contact: "an.danh.rieng@example.vn"}, 0)
	e.accept(fx.Open, "Rác thải ở kênh", "Kênh đầu làng nhiều rác.", off)
	e.act(fx.Open, store.Action{Kind: store.ActAssign, UnitID: unit.ID}, off)
	e.act(fx.Open, store.Action{Kind: store.ActNote, Note: "GHI-CHU-NOI-BO: hỏi trưởng thôn"}, off)
	e.act(fx.Open, store.Action{Kind: store.ActRequestInfo, Note: "Xin cho biết số thửa đất riêng tư"}, off)
	e.act(fx.Open, store.Action{Kind: store.ActProvideInfo, Note: "Thửa 7"}, store.Actor{Resident: true})
	e.act(fx.Open, store.Action{Kind: store.ActSaveDraft, Answer: "<p>Bản nháp trả lời chưa gửi</p>"}, off)

	fx.Rejected = e.submit(store.NewQuestion{Topic: "khac", Title: "Khuyến mãi", Body: "RÁC-RÁC quảng cáo thuốc", Contact: "0912345678"}, 0)
	e.act(fx.Rejected, store.Action{Kind: store.ActReject, Ground: store.RejectSpam}, off)

	fx.Duplicate = e.submit(store.NewQuestion{Topic: "dat-dai", Title: "Sổ đỏ", Body: "Bao giờ có sổ đỏ?"}, 0)
	e.act(fx.Duplicate, store.Action{Kind: store.ActReject, Ground: store.RejectDuplicate, DuplicateOf: fx.Answered}, off)

	fx.Overdue = e.submit(store.NewQuestion{Topic: "xay-dung", VillageID: village.ID, Channel: store.ChannelPhone,
		Title: "Đường bê tông hỏng", Body: "Đường bê tông thôn bị nứt.", ReceivedOn: receivedForOverdue(e.t)}, off.UserID)
	e.accept(fx.Overdue, "Đường bê tông hỏng", "Đường bê tông thôn bị nứt.", off)

	fx.Late = e.submit(store.NewQuestion{Topic: "ngan-sach", Channel: store.ChannelLetter, Title: "Chi tiêu quỹ thôn",
		Body: "Xin công khai chi tiêu quỹ thôn.", ReceivedOn: time.Now().AddDate(0, 0, -45).UTC().Truncate(24 * time.Hour)}, off.UserID)
	e.accept(fx.Late, "Chi tiêu quỹ thôn", "Xin công khai chi tiêu quỹ thôn.", off)
	e.act(fx.Late, store.Action{Kind: store.ActAnswer, Answer: "<p>Bảng chi tiêu đã niêm yết.</p>", Apology: "Xã xin lỗi vì trả lời chậm."}, off)

	fx.Protected = e.submit(store.NewQuestion{Topic: "dat-dai", Title: "Tranh chấp", Body: "Khiếu nại đất của bà Tố"}, 0)
	e.accept(fx.Protected, "Khiếu nại đất của bà Tố", "Khiếu nại đất của bà Tố", off)
	e.act(fx.Protected, store.Action{Kind: store.ActAnswer, Answer: "<p>Khiếu nại đất của bà Tố đã được xem xét.</p>"}, off)
	e.act(fx.Protected, store.Action{Kind: store.ActProtect, ProtectAs: rules.KindComplaint}, off)

	fx.Received = e.submit(store.NewQuestion{Topic: "khac", Title: "Chưa phân loại", Body: "Chưa phân loại"}, 0)
	return fx
}
