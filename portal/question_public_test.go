package portal_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"minhbach/store"
)

// TestQuestionListFiltersAndStates: the public list shows every listed
// item with its state, and filters by topic, village, state and overdue;
// items not triaged and protected items never appear.
func TestQuestionListFiltersAndStates(t *testing.T) {
	e := newQuestionEnv(t)
	fx := e.questionFixture()

	r := e.get("/hoi-dap")
	if r.status != http.StatusOK {
		t.Fatalf("GET /hoi-dap: %d\n%s", r.status, r.body)
	}
	for _, id := range []int64{fx.Answered, fx.Open, fx.Rejected, fx.Duplicate, fx.Overdue, fx.Late} {
		mustContain(t, "list", r.body, `href="/hoi-dap/`+itoa(id)+`"`)
	}
	for _, id := range []int64{fx.Protected, fx.Received} {
		if strings.Contains(r.body, `href="/hoi-dap/`+itoa(id)+`"`) {
			t.Errorf("list shows item %d, which is not public", id)
		}
	}
	mustContain(t, "list", r.body, "6 câu hỏi", "Không tiếp nhận: Thư rác, quảng cáo", "Quá hạn", `xem câu hỏi gốc số `+itoa(fx.Answered),
		`href="/hoi-dap/gui"`, `href="/tra-cuu"`, "Đã trả lời", fx.Village.Name)

	ids := func(body string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`class="title" href="/hoi-dap/(\d+)"`).FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	cases := []struct {
		query string
		want  []int64
	}{
		{"?chu-de=dat-dai", []int64{fx.Duplicate, fx.Answered}},
		{"?thon=" + itoa(fx.Village.ID), []int64{fx.Overdue, fx.Answered}},
		{"?trang-thai=answered", []int64{fx.Late, fx.Answered}},
		{"?trang-thai=rejected", []int64{fx.Duplicate, fx.Rejected}},
		{"?qua-han=1", []int64{fx.Overdue}},
		{"?chu-de=dat-dai&trang-thai=answered", []int64{fx.Answered}},
		// Parameters in another order are read the same.
		{"?trang-thai=answered&chu-de=dat-dai", []int64{fx.Answered}},
		{"?chu-de=an-ninh-trat-tu", nil},
	}
	for _, c := range cases {
		r := e.get("/hoi-dap" + c.query)
		if r.status != http.StatusOK {
			t.Errorf("%s: %d", c.query, r.status)
			continue
		}
		var want []string
		for _, id := range c.want {
			want = append(want, itoa(id))
		}
		if got := ids(r.body); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: items %v, want %v", c.query, got, want)
		}
		mustContain(t, c.query, r.body, itoa(int64(len(c.want)))+" câu hỏi")
	}

	// Values outside the known sets are not found, and never echoed.
	for _, q := range []string{"?chu-de=%3Cscript%3E", "?chu-de=DAT-DAI", "?thon=999999", "?thon=0" + itoa(fx.Village.ID),
		"?trang-thai=received", "?trang-thai=bi-mat", "?qua-han=yes", "?sau=abc", "?truoc=1.1.1"} {
		r := e.get("/hoi-dap" + q)
		if r.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", q, r.status)
		}
		if strings.Contains(r.body, "<script>") || strings.Contains(r.body, "bi-mat") {
			t.Errorf("%s: the value is echoed", q)
		}
	}
	// Unknown parameters are ignored.
	if r := e.get("/hoi-dap?utm_source=x"); r.status != http.StatusOK {
		t.Errorf("unknown parameter: %d", r.status)
	}
}

// TestQuestionListPagesByKey walks a long filtered list to a deep page and
// back: every item once, in order; cursors in another spelling are not
// found.
func TestQuestionListPagesByKey(t *testing.T) {
	e := newQuestionEnv(t)
	off := e.officerActor()
	var all []int64
	for i := 0; i < 47; i++ {
		id := e.submit(store.NewQuestion{Topic: "thu-tuc", Title: "Thủ tục " + itoa(int64(i)), Body: "Hỏi thủ tục"}, 0)
		e.accept(id, "Thủ tục "+itoa(int64(i)), "Hỏi thủ tục", off)
		all = append([]int64{id}, all...) // newest change first
	}
	e.submit(store.NewQuestion{Topic: "khac", Title: "Khác", Body: "Khác"}, 0)
	titleRe := regexp.MustCompile(`class="title" href="/hoi-dap/(\d+)"`)
	olderRe := regexp.MustCompile(`href="([^"]+)" rel="next"`)
	newerRe := regexp.MustCompile(`href="([^"]+)" rel="prev"`)
	var seen []string
	path := "/hoi-dap?chu-de=thu-tuc"
	var pages []string
	for n := 0; path != ""; n++ {
		if n > 5 {
			t.Fatal("too many pages")
		}
		r := e.get(strings.ReplaceAll(path, "&amp;", "&"))
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		pages = append(pages, path)
		mustContain(t, path, r.body, "47 câu hỏi")
		for _, m := range titleRe.FindAllStringSubmatch(r.body, -1) {
			seen = append(seen, m[1])
		}
		path = ""
		if m := olderRe.FindStringSubmatch(r.body); m != nil {
			path = m[1]
			if !strings.Contains(path, "chu-de=thu-tuc") {
				t.Errorf("next page %s loses the filter", path)
			}
		}
	}
	if len(pages) != 3 {
		t.Errorf("%d pages, want 3", len(pages))
	}
	var want []string
	for _, id := range all {
		want = append(want, itoa(id))
	}
	if strings.Join(seen, ",") != strings.Join(want, ",") {
		t.Errorf("pages show %v\nwant %v", seen, want)
	}
	// Back from the deepest page: the page before it is the second one.
	deep := e.get(strings.ReplaceAll(pages[2], "&amp;", "&"))
	m := newerRe.FindStringSubmatch(deep.body)
	if m == nil {
		t.Fatal("deep page has no newer link")
	}
	back := e.get(strings.ReplaceAll(m[1], "&amp;", "&"))
	var got []string
	for _, m := range titleRe.FindAllStringSubmatch(back.body, -1) {
		got = append(got, m[1])
	}
	if strings.Join(got, ",") != strings.Join(want[20:40], ",") {
		t.Errorf("back from the deep page: %v, want %v", got, want[20:40])
	}
	// A cursor in another spelling (a leading zero) is not found.
	cur := regexp.MustCompile(`sau=([0-9]+)\.([0-9]+)`).FindStringSubmatch(pages[1])
	if cur == nil {
		t.Fatalf("no cursor in %s", pages[1])
	}
	if r := e.get("/hoi-dap?chu-de=thu-tuc&sau=" + cur[1] + ".0" + cur[2]); r.status != http.StatusNotFound {
		t.Errorf("cursor with a leading zero: %d", r.status)
	}
}

// TestQuestionPageShowsTheAnswerAndItsFacts: who answered (unit and title,
// never the name), when, the working days taken, on time or late with the
// apology, the history, the redaction note; rejected items show only
// their reason; protected and untriaged items are not found.
func TestQuestionPageShowsTheAnswerAndItsFacts(t *testing.T) {
	e := newQuestionEnv(t)
	fx := e.questionFixture()
	officer, err := e.st.UserByLogin(context.Background(), "canbo")
	if err != nil {
		t.Fatal(err)
	}

	r := e.get("/hoi-dap/" + itoa(fx.Answered))
	if r.status != http.StatusOK {
		t.Fatalf("answered: %d", r.status)
	}
	mustContain(t, "answered", r.body, "Hỏi về cấp giấy chứng nhận quyền sử dụng đất", "Một số thông tin cá nhân đã được che",
		fx.AskerName, "Đất đai", fx.Village.Name, "Gửi qua cổng thông tin", officer.Title, "Trả lời đúng hạn",
		"sau 0 ngày làm việc", "Hồ sơ của ông đã được chuyển lên <strong>huyện</strong>", "Quá trình xử lý",
		"Công khai câu hỏi, bắt đầu xử lý", "Giao đơn vị xử lý", "Công bố câu trả lời", `href="/hoi-dap/`+itoa(fx.Answered)+`/feed.atom"`)
	if strings.Contains(r.body, officer.Name) {
		t.Error("the page names the officer")
	}
	if strings.Contains(r.body, "alert(1)") {
		t.Error("the answer's script survived")
	}

	r = e.get("/hoi-dap/" + itoa(fx.Late))
	mustContain(t, "late", r.body, "Trả lời chậm", "ngày làm việc", "Xã xin lỗi vì trả lời chậm.", "Thư, đơn gửi qua bưu điện")

	r = e.get("/hoi-dap/" + itoa(fx.Open))
	mustContain(t, "open", r.body, "Hạn trả lời", "Đề nghị người hỏi bổ sung thông tin", "Người hỏi đã bổ sung thông tin")
	if strings.Contains(r.body, "Người hỏi</dt>") {
		t.Error("a withheld name has a row")
	}

	r = e.get("/hoi-dap/" + itoa(fx.Rejected))
	mustContain(t, "rejected", r.body, "Không tiếp nhận: Thư rác, quảng cáo")
	r = e.get("/hoi-dap/" + itoa(fx.Duplicate))
	mustContain(t, "duplicate", r.body, "Không tiếp nhận: Trùng với câu hỏi đã có", `href="/hoi-dap/`+itoa(fx.Answered)+`"`)
	if strings.Contains(r.body, "Bao giờ có sổ đỏ?") {
		t.Error("a rejected item's text is public")
	}

	r = e.get("/hoi-dap/" + itoa(fx.Overdue))
	mustContain(t, "overdue", r.body, "Quá hạn", "Điện thoại")

	for _, id := range []int64{fx.Protected, fx.Received, 999999} {
		if r := e.get("/hoi-dap/" + itoa(id)); r.status != http.StatusNotFound {
			t.Errorf("item %d: %d, want 404", id, r.status)
		}
		if r := e.get("/hoi-dap/" + itoa(id) + "/feed.atom"); r.status != http.StatusNotFound {
			t.Errorf("feed of item %d: %d, want 404", id, r.status)
		}
	}
}

// TestQuestionOverdueAndProtectedPages: the watchers' list of items that
// became overdue lately, and the complaints page with counts and outcomes
// only.
func TestQuestionOverdueAndProtectedPages(t *testing.T) {
	e := newQuestionEnv(t)
	fx := e.questionFixture()
	r := e.get("/hoi-dap/qua-han")
	if r.status != http.StatusOK {
		t.Fatalf("overdue: %d", r.status)
	}
	mustContain(t, "overdue", r.body, `href="/hoi-dap/`+itoa(fx.Overdue)+`"`, "Đường bê tông hỏng", `href="/hoi-dap/qua-han/feed.atom"`)
	if strings.Contains(r.body, `href="/hoi-dap/`+itoa(fx.Answered)+`"`) {
		t.Error("an item answered on time is on the overdue list")
	}
	f, _ := e.parseFeed("/hoi-dap/qua-han/feed.atom")
	if len(f.Items) != 1 || !strings.HasSuffix(f.Items[0].Link, "/hoi-dap/"+itoa(fx.Overdue)) {
		t.Errorf("overdue feed items: %+v", f.Items)
	}

	// An outcome published for a complaint received as such.
	off := fx.Officer
	c := e.submit(store.NewQuestion{Kind: "complaint", Topic: "dat-dai", Title: "Khiếu nại", Body: "Khiếu nại về đền bù của ông Kín"}, 0)
	e.act(c, store.Action{Kind: store.ActAccept}, off)
	e.act(c, store.Action{Kind: store.ActAnswer, Answer: "<p>Quyết định giải quyết.</p>", Outcome: "Đã ban hành quyết định giải quyết khiếu nại lần đầu."}, off)

	r = e.get("/hoi-dap/khieu-nai-to-cao")
	if r.status != http.StatusOK {
		t.Fatalf("protected: %d", r.status)
	}
	mustContain(t, "protected", r.body, "Khiếu nại: 2", "Tố cáo: 0", "Đã ban hành quyết định giải quyết khiếu nại lần đầu.", "Luật Tố cáo 2018")
	for _, s := range []string{"ông Kín", "Quyết định giải quyết.", "Khiếu nại đất của bà Tố"} {
		if strings.Contains(r.body, s) {
			t.Errorf("protected page shows %q", s)
		}
	}
}

// TestHomeShowsLatestAnswersAndOnTimeShare: the home page's answers and
// this year's share answered on time, with the counts behind it.
func TestHomeShowsLatestAnswersAndOnTimeShare(t *testing.T) {
	e := newQuestionEnv(t)
	r := e.get("/")
	mustContain(t, "home before", r.body, "chưa có câu hỏi nào được trả lời", `href="/hoi-dap"`)
	fx := e.questionFixture()
	r = e.get("/")
	// Answered, Late and Protected were first answered this year; Late
	// came after its due date.
	mustContain(t, "home", r.body, "<strong>66%</strong>", "(2 trên 3 câu hỏi đã trả lời)",
		`href="/hoi-dap/`+itoa(fx.Answered)+`"`, `href="/hoi-dap/`+itoa(fx.Late)+`"`, ">Hỏi đáp</a>")
	if strings.Contains(r.body, `href="/hoi-dap/`+itoa(fx.Protected)+`"`) {
		t.Error("the home page links a protected item")
	}
}

// TestQuestionPageShowsPublishedFilesOnly: a file sent with a question is
// private until an officer publishes it with the answer; then the page
// lists it with its size and SHA-256 and it downloads. A rating does not
// enter the public history.
func TestQuestionPageShowsPublishedFilesOnly(t *testing.T) {
	e := newQuestionEnv(t)
	off := e.officerActor()
	ctx := context.Background()
	pub, err := e.st.SaveAttachment(ctx, "ban-ve-cong.pdf", "application/pdf", []byte("%PDF-1.4 cong thoat nuoc"), 0)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := e.st.SaveAttachment(ctx, "anh-nha-rieng.pdf", "application/pdf", []byte("%PDF-1.4 nha rieng"), 0)
	if err != nil {
		t.Fatal(err)
	}
	id := e.submit(store.NewQuestion{Topic: "xay-dung", Title: "Cống thoát nước", Body: "Cống bị tắc.",
		Files: []store.NewQuestionFile{{AttachmentID: pub.ID}, {AttachmentID: priv.ID}}}, 0)
	e.accept(id, "Cống thoát nước", "Cống bị tắc.", off)
	r := e.get("/hoi-dap/" + itoa(id))
	if strings.Contains(r.body, "ban-ve-cong.pdf") || strings.Contains(r.body, "anh-nha-rieng.pdf") {
		t.Error("a private file is listed")
	}
	if r := e.get("/tep/" + itoa(pub.ID) + "/ban-ve-cong.pdf"); r.status != http.StatusNotFound {
		t.Errorf("a private file downloads: %d", r.status)
	}
	e.act(id, store.Action{Kind: store.ActAnswer, Answer: "<p>Đã thông cống.</p>"}, off)
	e.act(id, store.Action{Kind: store.ActPublishFile, AttachmentID: pub.ID}, off)
	e.act(id, store.Action{Kind: store.ActRate, Rating: 2}, store.Actor{Resident: true})
	r = e.get("/hoi-dap/" + itoa(id))
	mustContain(t, "page", r.body, "ban-ve-cong.pdf", pub.SHA256, "Công khai tệp đính kèm cùng câu trả lời")
	if strings.Contains(r.body, "anh-nha-rieng.pdf") || strings.Contains(r.body, priv.SHA256) {
		t.Error("the private file is listed")
	}
	if strings.Contains(r.body, "đánh giá") {
		t.Error("the asker's rating is in the public history")
	}
	if r := e.get("/tep/" + itoa(pub.ID) + "/ban-ve-cong.pdf"); r.status != http.StatusOK {
		t.Errorf("the published file: %d", r.status)
	}
}

// TestQuestionPagesOfForwardedAndDismissedItems show the public reason;
// an address in another spelling is not found.
func TestQuestionPagesOfForwardedAndDismissedItems(t *testing.T) {
	e := newQuestionEnv(t)
	off := e.officerActor()
	fw := e.submit(store.NewQuestion{Topic: "an-ninh-trat-tu", Title: "Quốc lộ", Body: "Quốc lộ hỏng."}, 0)
	e.accept(fw, "Quốc lộ", "Quốc lộ hỏng.", off)
	e.act(fw, store.Action{Kind: store.ActForward, Note: "Sở Giao thông vận tải: quốc lộ do tỉnh quản lý"}, off)
	ds := e.submit(store.NewQuestion{Topic: "khac", Title: "Hỏi lại", Body: "Hỏi lại."}, 0)
	e.accept(ds, "Hỏi lại", "Hỏi lại.", off)
	e.act(ds, store.Action{Kind: store.ActDismiss, Note: "Người hỏi đã rút câu hỏi"}, off)

	mustContain(t, "forwarded", e.get("/hoi-dap/"+itoa(fw)).body, "Đã chuyển cơ quan có thẩm quyền", "Sở Giao thông vận tải: quốc lộ do tỉnh quản lý")
	mustContain(t, "dismissed", e.get("/hoi-dap/"+itoa(ds)).body, "Đã đóng, không xử lý", "Người hỏi đã rút câu hỏi")
	mustContain(t, "list", e.get("/hoi-dap?trang-thai=forwarded").body, "Quốc lộ")
	for _, p := range []string{"/hoi-dap/0" + itoa(fw), "/hoi-dap/0" + itoa(fw) + "/feed.atom"} {
		if r := e.get(p); r.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
	}
}
