package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/portal/workdays"
	"minhbach/store"
)

// Questions and feedback residents sent over ten years, with what the
// commune did with each: most answered or closed, some rejected, forwarded
// or dismissed, a few percent still open (waiting, overdue), a few
// protected complaints and denunciations. Every step goes through the
// store's own transitions (store.LoadQuestions), so states, due dates,
// events and the kept counts are what the portal would have made.

// lookupCodes is how many generated items get a tracking code the
// benchmark knows, to time lookups.
const lookupCodes = 32

// questionBatch items are written per transaction.
const questionBatch = 20_000

// questionSet is what the benchmark needs to know about the generated
// questions.
type questionSet struct {
	Items int      `json:"items"`
	Codes []string `json:"codes"` // working tracking codes of generated items (fictional)
	// States counts generated items by state, as generated.
	States map[string]int `json:"states"`
	// Protected items (complaints, denunciations) among them.
	Protected int     `json:"protected"`
	Seconds   float64 `json:"seconds"`
}

// questionPeople are what the generator needs from the database: the
// villages, units and officers the demo data made.
type questionPeople struct {
	villages []store.Village
	units    []store.Unit
	officers []int64
}

// generateQuestions writes n questions received in the ten years before
// end. The same n and end give the same items.
func generateQuestions(ctx context.Context, st *store.Store, n int, end time.Time, out io.Writer) (questionSet, error) {
	qs := questionSet{Items: n, States: map[string]int{}}
	start := time.Now()
	// The demo data set a calendar for the demo's years; the generated
	// items need every year they span, and a little after.
	begin := end.AddDate(-10, 0, 0)
	st.SetCalendar(workdays.Default(begin.Year(), end.Year()+1))
	var p questionPeople
	var err error
	if p.villages, err = st.Villages(ctx); err != nil {
		return qs, err
	}
	if p.units, err = st.Units(ctx); err != nil {
		return qs, err
	}
	for _, login := range []string{"admin", "canbo"} {
		u, err := st.UserByLogin(ctx, login)
		if err != nil {
			return qs, err
		}
		p.officers = append(p.officers, u.ID)
	}
	if len(p.villages) == 0 || len(p.units) == 0 {
		return qs, fmt.Errorf("questions: the demo data has no villages or units")
	}
	g := &questionGen{r: rand.New(rand.NewPCG(6, uint64(n))), p: p, begin: begin, end: end, n: n}
	codeEvery := max(1, n/lookupCodes)
	for lo := 0; lo < n; lo += questionBatch {
		var items []store.HistoryQuestion
		for i := lo; i < min(lo+questionBatch, n); i++ {
			it, state := g.item(i)
			if i%codeEvery == codeEvery/2 && len(qs.Codes) < lookupCodes {
				code := g.code()
				it.CodeHash = code.Hash()
				qs.Codes = append(qs.Codes, code.String())
			}
			qs.States[state]++
			if rules.Protected(it.Kind) {
				qs.Protected++
			}
			items = append(items, it)
		}
		if _, err := st.LoadQuestions(ctx, items); err != nil {
			return qs, err
		}
		if n > questionBatch {
			done := min(lo+questionBatch, n)
			el := time.Since(start)
			fmt.Fprintf(out, "  questions: %d/%d in %.0f s (%.0f/s)\n", done, n, el.Seconds(), float64(done)/el.Seconds())
		}
	}
	qs.Seconds = time.Since(start).Seconds()
	return qs, nil
}

// questionGen makes the items one by one from its seeded source.
type questionGen struct {
	r          *rand.Rand
	p          questionPeople
	begin, end time.Time
	n          int
}

// code is a valid tracking code made from the generator's source, so that
// the same data set has the same codes.
func (g *questionGen) code() tracking.Code {
	var b [tracking.RandomSymbols]byte
	for i := range b {
		b[i] = tracking.Alphabet[g.r.IntN(len(tracking.Alphabet))]
	}
	for _, c := range tracking.Alphabet {
		if code, err := tracking.Parse(string(b[:]) + string(c)); err == nil {
			return code
		}
	}
	panic("no check symbol fits") // one of the 32 always does
}

// Fictional people: names and contacts made up.
var (
	surnames    = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"}
	middleNames = []string{"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"}
	givenNames  = []string{"An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Nga", "Sơn", "Tâm", "Thảo", "Tuấn", "Yến"}
)

func (g *questionGen) person() (name, contact string) {
	r := g.r
	name = pick(r, surnames) + " " + pick(r, middleNames) + " " + pick(r, givenNames)
	if r.IntN(3) == 0 {
		return name, fmt.Sprintf("nguoidan%d@example.vn", r.IntN(1_000_000))
	}
	return name, fmt.Sprintf("09%d%d %03d %03d", r.IntN(10), r.IntN(10), r.IntN(1000), r.IntN(1000))
}

// questionTitle is what a resident would write about a topic.
func (g *questionGen) questionTitle(topic, village string, year int) string {
	r := g.r
	switch topic {
	case "dat-dai":
		return pick(r, []string{
			"Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất cho thửa đất tại " + village,
			"Đề nghị kiểm tra việc lấn chiếm đất công tại " + village,
			"Khi nào được nhận tiền bồi thường dự án " + pick(r, projects) + "?",
		})
	case "xay-dung":
		return pick(r, []string{
			"Phản ánh công trình " + pick(r, projects) + " thi công chậm tiến độ",
			"Xây nhà ở tại " + village + " có cần xin giấy phép xây dựng không?",
			"Đường " + village + " xuống cấp sau khi xe chở vật liệu đi qua",
		})
	case "ngan-sach":
		return pick(r, []string{
			"Đề nghị công khai khoản đóng góp xây dựng " + pick(r, projects),
			fmt.Sprintf("Hỏi về kinh phí %s năm %d", pick(r, activities), year),
		})
	case "ho-ngheo":
		return pick(r, []string{
			"Gia đình tôi ở " + village + " có thuộc diện hộ cận nghèo không?",
			fmt.Sprintf("Thắc mắc về danh sách hộ nghèo năm %d của %s", year, village),
		})
	case "chinh-sach-xa-hoi":
		return pick(r, []string{
			"Hỏi về chế độ trợ cấp cho người cao tuổi từ đủ 75 tuổi",
			"Đề nghị xem xét hỗ trợ người khuyết tật tại " + village,
			"Thủ tục hưởng chế độ " + pick(r, procedures),
		})
	case "thu-tuc":
		return pick(r, []string{
			"Thủ tục " + pick(r, procedures) + " cần những giấy tờ gì?",
			fmt.Sprintf("Hồ sơ %s nộp từ tháng %d/%d chưa có kết quả", pick(r, procedures), r.IntN(12)+1, year),
		})
	case "moi-truong":
		return pick(r, []string{
			"Phản ánh rác thải tồn đọng tại " + village,
			"Khói từ lò đốt rơm rạ gây ô nhiễm tại " + village,
			"Mương thoát nước " + village + " bị tắc, nước tràn vào nhà dân",
		})
	case "an-ninh-trat-tu":
		return pick(r, []string{
			"Xe tải chạy quá tốc độ qua " + village + " vào ban đêm",
			"Đề nghị lắp camera an ninh tại ngã ba " + village,
			"Tụ tập gây mất trật tự tại nhà văn hóa " + village,
		})
	}
	return pick(r, []string{
		"Góp ý về giờ làm việc của bộ phận một cửa",
		"Loa truyền thanh " + village + " không nghe rõ",
		fmt.Sprintf("Hỏi về lịch %s năm %d", pick(r, activities), year),
	})
}

// questionBody is plain text as a resident types it, with their phone
// number in it sometimes (officers remove it from the public copy).
func (g *questionGen) questionBody(t, village, contact string) (body, public string) {
	r := g.r
	var b strings.Builder
	fmt.Fprintf(&b, "Kính gửi UBND xã. Tôi là người dân %s. %s. ", village, t)
	for range r.IntN(3) + 1 {
		b.WriteString(sentence(r) + " ")
	}
	b.WriteString("Kính mong UBND xã xem xét, trả lời để người dân được biết.")
	public = b.String()
	if r.IntN(5) == 0 {
		return public + " Số điện thoại của tôi: " + contact + ".", public + " Số điện thoại của tôi: [đã che]."
	}
	return public, public
}

func (g *questionGen) answerHTML(t string) string {
	r := g.r
	var b strings.Builder
	b.WriteString("<p>" + html.EscapeString("UBND xã trả lời về nội dung: "+t+".") + "</p>")
	for range r.IntN(2) + 1 {
		b.WriteString(paragraph(r, r.IntN(3)+1))
	}
	if r.IntN(3) == 0 {
		b.WriteString("<ul>")
		for range r.IntN(3) + 2 {
			b.WriteString("<li>" + html.EscapeString(sentence(r)) + "</li>")
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

var (
	forwardNotes = []string{
		"Chuyển Phòng Tài nguyên và Môi trường huyện: nội dung thuộc thẩm quyền cấp huyện.",
		"Chuyển Công an huyện: vụ việc có dấu hiệu vi phạm pháp luật hình sự.",
		"Chuyển Bảo hiểm xã hội huyện: chế độ bảo hiểm không do xã giải quyết.",
	}
	dismissNotes = []string{
		"Người gửi đã rút nội dung phản ánh.",
		"Sự việc đã được giải quyết tại buổi đối thoại ở thôn.",
		"Nội dung không rõ, đã liên hệ nhưng không được người gửi phản hồi.",
	}
	infoRequests = []string{
		"Đề nghị ông/bà cho biết số thửa, tờ bản đồ của thửa đất.",
		"Đề nghị ông/bà cho biết thời gian cụ thể xảy ra sự việc.",
	}
	extendNotes = []string{
		"Cần xác minh thực địa và lấy ý kiến các hộ liền kề.",
		"Chờ ý kiến của cơ quan chuyên môn cấp huyện.",
	}
	reopenNotes = []string{
		"Câu trả lời chưa nêu rõ thời gian thực hiện.",
		"Tôi đã làm theo hướng dẫn nhưng hồ sơ vẫn bị trả lại.",
	}
	outcomes = []string{
		"Đã xác minh, kết luận nội dung khiếu nại đúng một phần; đã yêu cầu khắc phục.",
		"Đã xác minh, kết luận nội dung tố cáo không có cơ sở.",
		"Đã giải quyết: quyết định giải quyết khiếu nại lần đầu đã được ban hành.",
	}
)

// item makes item i and returns the state its steps leave it in.
func (g *questionGen) item(i int) (store.HistoryQuestion, string) {
	r := g.r
	span := g.end.Sub(g.begin)
	received := g.begin.Add(time.Duration(float64(span) * float64(i) / float64(g.n)))
	x := r.IntN(1000)
	// Open items: a few percent, half of them recent, the others stuck
	// long overdue.
	if x >= 110 && x < 150 && r.IntN(2) == 0 {
		received = g.end.Add(-time.Duration(r.Int64N(int64(90 * 24 * time.Hour))))
	}
	kind := rules.KindQuestion
	switch k := r.IntN(100); {
	case x < 20 && k < 70:
		kind = rules.KindComplaint
	case x < 20:
		kind = rules.KindDenunciation
	case k < 35:
		kind = rules.KindFeedback
	case k < 38:
		kind = rules.KindInfoRequest
	}
	topic := pick(r, rules.Topics()).Slug
	nq := store.NewQuestion{
		CodeHash: codeHash(i), Kind: kind, Topic: topic, Channel: store.ChannelWeb,
	}
	village := "xã"
	if r.IntN(10) > 0 {
		v := pick(r, g.p.villages)
		nq.VillageID, village = v.ID, v.Name
	}
	switch c := r.IntN(100); {
	case c < 10:
		nq.Channel = store.ChannelPhone
	case c < 15:
		nq.Channel = store.ChannelLetter
	case c < 25:
		nq.Channel = store.ChannelInPerson
	case c < 35:
		nq.Channel = store.ChannelReceptionDay
	case c < 40:
		nq.Channel = store.ChannelNationalPortal
		nq.NationalRef = fmt.Sprintf("H%02d.%d-%06d", r.IntN(63)+1, received.Year(), r.IntN(1_000_000))
	}
	nq.AskerName, nq.Contact = g.person()
	nq.NamePublic = r.IntN(2) == 0
	nq.Title = g.questionTitle(topic, village, received.Year())
	var public string
	nq.Body, public = g.questionBody(nq.Title, village, nq.Contact)
	if kind == rules.KindInfoRequest {
		nq.Identity = &store.Identity{FullName: nq.AskerName, Address: village, IDNumber: fmt.Sprintf("0%011d", r.Int64N(1e11))}
	}
	it := store.HistoryQuestion{NewQuestion: nq, ReceivedAt: received}

	officer := store.Actor{UserID: pick(r, g.p.officers)}
	asker := store.Actor{Resident: true}
	at := received
	after := func(lo, hi time.Duration) time.Time {
		at = at.Add(lo + time.Duration(r.Int64N(int64(hi-lo)+1)))
		return at
	}
	step := func(t time.Time, by store.Actor, a store.Action) {
		it.Steps = append(it.Steps, store.HistoryStep{At: t, Action: a, By: by})
	}
	accept := store.Action{Kind: store.ActAccept, PublicTitle: nq.Title, PublicBody: public,
		Complex: kind == rules.KindInfoRequest && r.IntN(3) == 0}
	assign := store.Action{Kind: store.ActAssign, UnitID: pick(r, g.p.units).ID}
	if r.IntN(3) == 0 {
		assign.AssigneeID = g.p.officers[len(g.p.officers)-1]
	}
	answer := func() {
		late := r.IntN(100) < 8
		if late {
			after(15*24*time.Hour, 40*24*time.Hour)
		} else {
			after(20*time.Hour, 10*24*time.Hour)
		}
		a := store.Action{Kind: store.ActAnswer, Answer: g.answerHTML(nq.Title),
			Apology: "UBND xã xin lỗi ông/bà vì trả lời chậm so với thời hạn."}
		if rules.Protected(kind) {
			a.Outcome = pick(r, outcomes)
		}
		step(at, officer, a)
	}
	day := 24 * time.Hour
	switch {
	case x < 20: // protected: accepted, handled, the outcome published
		step(after(time.Hour, 2*day), officer, accept)
		if r.IntN(5) > 0 {
			step(after(time.Hour, day), officer, assign)
			answer()
		}
	case x < 60:
		ground := pick(r, []string{store.RejectSpam, store.RejectAbuse, store.RejectOther})
		a := store.Action{Kind: store.ActReject, Ground: ground}
		if ground == store.RejectOther {
			a.Note = "Nội dung không thuộc phạm vi hỏi đáp, đề nghị liên hệ Bộ phận một cửa."
		}
		if kind == rules.KindInfoRequest { // a refusal names its legal ground
			a.Note = "Thông tin thuộc trường hợp chưa được tiếp cận theo Điều 7 Luật Tiếp cận thông tin 2016."
		}
		step(after(time.Hour, 3*day), officer, a)
	case x < 90:
		if r.IntN(2) == 0 {
			step(after(time.Hour, day), officer, accept)
		}
		step(after(time.Hour, 3*day), officer, store.Action{Kind: store.ActForward, Note: pick(r, forwardNotes)})
	case x < 110:
		step(after(time.Hour, 2*day), officer, accept)
		step(after(day, 5*day), officer, store.Action{Kind: store.ActDismiss, Note: pick(r, dismissNotes)})
	case x < 150: // open: received, accepted, assigned or waiting
		switch s := r.IntN(100); {
		case s < 25:
		case s < 40:
			step(after(time.Hour, 2*day), officer, accept)
		default:
			step(after(time.Hour, 2*day), officer, accept)
			step(after(time.Hour, day), officer, assign)
			if s >= 75 {
				step(after(time.Hour, 3*day), officer, store.Action{Kind: store.ActRequestInfo, Note: pick(r, infoRequests)})
			}
		}
	default: // answered (35%) or closed (50%); small questions are answered by whoever accepted them
		step(after(time.Hour, 2*day), officer, accept)
		if r.IntN(10) < 3 {
			step(after(time.Hour, day), officer, assign)
		}
		if r.IntN(10) == 0 {
			step(after(time.Hour, 2*day), officer, store.Action{Kind: store.ActRequestInfo, Note: pick(r, infoRequests)})
			step(after(day, 5*day), asker, store.Action{Kind: store.ActProvideInfo, Note: "Thửa đất số 125, tờ bản đồ số 7."})
		}
		if r.IntN(20) == 0 {
			step(after(time.Hour, 2*day), officer, store.Action{Kind: store.ActExtend, Days: 5, Note: pick(r, extendNotes)})
		}
		answer()
		if r.IntN(50) == 0 {
			step(after(day, 5*day), asker, store.Action{Kind: store.ActReopen, Note: pick(r, reopenNotes)})
			answer()
		}
		if x >= 500 {
			step(after(time.Hour, 10*day), asker, store.Action{Kind: store.ActConfirm})
		}
		if r.IntN(10) == 0 {
			step(after(time.Hour, 2*day), asker, store.Action{Kind: store.ActRate, Rating: r.IntN(5) + 1})
		}
	}
	// Steps after the end have not happened yet: recent items are still
	// being handled.
	for k, s := range it.Steps {
		if s.At.After(g.end) {
			it.Steps = it.Steps[:k]
			break
		}
	}
	return it, stateAfter(it)
}

// stateAfter is the state an item's steps leave it in.
func stateAfter(it store.HistoryQuestion) string {
	state, handling := store.QReceived, store.QAccepted
	for _, s := range it.Steps {
		switch s.Action.Kind {
		case store.ActAccept:
			state = store.QAccepted
		case store.ActAssign:
			handling = store.QAssigned
			if state != store.QWaiting {
				state = store.QAssigned
			}
		case store.ActRequestInfo:
			state = store.QWaiting
		case store.ActProvideInfo, store.ActReopen:
			state = handling
		case store.ActAnswer:
			state = store.QAnswered
		case store.ActConfirm:
			state = store.QClosed
		case store.ActReject:
			state = store.QRejected
		case store.ActForward:
			state = store.QForwarded
		case store.ActDismiss:
			state = store.QDismissed
		}
	}
	return state
}

// codeHash stands for the hash of a code nobody knows: unique per item,
// 64 hex digits like a real one, but in item order, so that a million of
// them are appended to the index rather than scattered through it.
func codeHash(i int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "bench-question-%d", i))
	return fmt.Sprintf("%08x", i) + hex.EncodeToString(sum[:])[8:]
}
