package portal_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/portal/land"
	"minhbach/store"
)

// item makes a disclosure through the store, as the demo's officer, with
// kind and facts; published when publish is true.
func (e *env) item(category, kind, title string, facts any, attachments []int64, publish bool) int64 {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		e.t.Fatal(err)
	}
	in := store.DisclosureInput{Category: category, Kind: kind, Title: title, Body: "<p>Nội dung.</p>",
		UnitID: u.UnitID, PostingFrom: time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -1), AttachmentIDs: attachments}
	if facts != nil {
		b, err := json.Marshal(facts)
		if err != nil {
			e.t.Fatal(err)
		}
		in.Facts = b
	}
	id, err := e.st.CreateDisclosure(ctx, in, u.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if publish {
		if err := e.st.PublishDisclosure(ctx, id, u.ID); err != nil {
			e.t.Fatal(err)
		}
	}
	return id
}

// filesSince counts the files stored since mark (a fileMark): ids are
// given in order, and each mark is a probe file of its own.
func (e *env) filesSince(mark int64) int {
	return int(e.fileMark() - mark - 1)
}

func (e *env) fileMark() int64 {
	e.t.Helper()
	a, err := e.st.SaveAttachment(context.Background(), "probe.pdf", "application/pdf", []byte("%PDF-1.4 probe"), 0)
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// mapJPEG is a w × h map-like image: zones and one-pixel boundaries.
func mapJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{255, 250, 180, 255}
			if x%100 == 0 || y%100 == 0 {
				c = color.RGBA{60, 60, 60, 255}
			} else if (x/100+y/100)%2 == 0 {
				c = color.RGBA{250, 200, 200, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngBomb is a valid PNG header claiming 50,000 × 50,000 pixels.
func pngBomb() []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 50000)
	binary.BigEndian.PutUint32(ihdr[4:], 50000)
	ihdr[8], ihdr[9] = 8, 6
	chunk := append([]byte("IHDR"), ihdr...)
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func planValues(csrf string) url.Values {
	return url.Values{"_csrf": {csrf}, "kind": {land.KindLandUsePlan}, "decision_number": {"1234/QĐ-UBND"},
		"decided_on": {"2022-03-15"}, "approved_by": {"UBND tỉnh Hưng Yên"}, "period_from": {"2021"}, "period_to": {"2030"}}
}

func TestPlanFactsValidation(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := e.item(land.CategoryPlan, "", "Quy hoạch sử dụng đất đến năm 2030", nil, nil, false)
	page := "/can-bo/cong-khai/" + itoa(id) + "/quy-hoach"
	tok := e.csrf(page)
	v := planValues(tok)
	v.Set("decision_number", "")
	v.Set("decided_on", "31/02/2022")
	v.Set("period_from", "2030")
	v.Set("period_to", "2021")
	v.Set("approved_by", "UBND <script>tỉnh</script>")
	r := e.postMultipart(page, v)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", r.status)
	}
	mustContain(t, "plan form errors", r.body,
		`id="decision_number-error"`, "Vui lòng nhập số quyết định phê duyệt.",
		`id="decided_on-error"`, "Ngày ký quyết định chưa đúng.",
		`id="period_to-error"`, "Kỳ quy hoạch kết thúc trước khi bắt đầu",
		`id="approved_by-error"`, "chỉ được chứa văn bản thuần",
		`value="31/02/2022"`, `value="2030"`) // what was typed comes back
	// A decompression bomb is refused by its header, and nothing is stored.
	mark := e.fileMark()
	v = planValues(tok)
	v.Set("map_caption", "Bản đồ")
	r = e.postMultipart(page, v, upload{"map_file", "ban-do.png", pngBomb()})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bomb: status %d", r.status)
	}
	mustContain(t, "bomb", r.body, "50000 × 50000 điểm ảnh, quá lớn để xử lý")
	// A GIF named .png is not what it says.
	r = e.postMultipart(page, v, upload{"map_file", "ban-do.png", []byte("GIF89a\x01\x00\x01\x00")})
	mustContain(t, "gif", r.body, "nội dung không phải là Ảnh PNG")
	// A map without a caption.
	v = planValues(tok)
	r = e.postMultipart(page, v, upload{"map_file", "ban-do.jpg", mapJPEG(t, 1200, 800)})
	mustContain(t, "caption", r.body, `id="map_caption-error"`)
	if n := e.filesSince(mark); n != 0 {
		t.Errorf("refused forms stored %d files", n)
	}
}

// A map uploaded once gets its small copy once; the item page shows the
// small copy inline with its size and alt text, linked to the full file.
func TestPlanMapUpload(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := e.item(land.CategoryPlan, "", "Quy hoạch sử dụng đất đến năm 2030", nil, nil, false)
	page := "/can-bo/cong-khai/" + itoa(id) + "/quy-hoach"
	mark := e.fileMark()
	v := planValues(e.csrf(page))
	v.Set("map_caption", "Bản đồ quy hoạch sử dụng đất đến năm 2030")
	r := e.postMultipart(page, v, upload{"map_file", "ban-do-2030.jpg", mapJPEG(t, 3000, 2000)})
	if r.status != http.StatusSeeOther {
		t.Fatalf("status %d\n%s", r.status, r.body)
	}
	if n := e.filesSince(mark); n != 2 {
		t.Fatalf("%d files stored, want the map and its small copy", n)
	}
	mark = e.fileMark()
	ctx := context.Background()
	d, err := e.st.Disclosure(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var p land.Plan
	if err := json.Unmarshal(d.Facts, &p); err != nil {
		t.Fatal(err)
	}
	if d.Kind != land.KindLandUsePlan || p.DecisionNumber != "1234/QĐ-UBND" || p.PeriodText() != "2021–2030" ||
		d.DecidedOn.Format("2006-01-02") != "2022-03-15" {
		t.Errorf("saved %s %+v decided %v", d.Kind, p, d.DecidedOn)
	}
	if len(p.Maps) != 1 || p.Maps[0].SmallWidth != 1024 || p.Maps[0].SmallHeight != 683 || p.Maps[0].Width != 3000 {
		t.Fatalf("maps = %+v", p.Maps)
	}
	m := p.Maps[0]
	if len(d.Attachments) != 2 || d.Attachments[0].ID != m.Full || d.Attachments[1].ID != m.Small ||
		d.Attachments[1].MIME != "image/jpeg" || d.Attachments[1].Size >= d.Attachments[0].Size {
		t.Errorf("attachments %+v for map %+v", d.Attachments, m)
	}
	if !d.PostingUntil.Equal(time.Date(2030, 12, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("posted until %v, want the end of the plan period", d.PostingUntil)
	}
	// Saving again (a caption edit) makes no new copy.
	v = planValues(e.csrf(page))
	v.Set("map_caption_0", "Bản đồ quy hoạch đến năm 2030 (bản điều chỉnh)")
	if r := e.postMultipart(page, v); r.status != http.StatusSeeOther {
		t.Fatalf("second save: %d\n%s", r.status, r.body)
	}
	if n := e.filesSince(mark); n != 0 {
		t.Errorf("a save without a file stored %d more files", n)
	}
	u, _ := e.st.UserByLogin(ctx, "canbo")
	if err := e.st.PublishDisclosure(ctx, id, u.ID); err != nil {
		t.Fatal(err)
	}
	body := e.get("/cong-khai/" + itoa(id)).body
	img := regexp.MustCompile(`<img src="/tep/` + itoa(m.Small) + `/[^"]+" width="1024" height="683" alt="Bản đồ quy hoạch đến năm 2030 \(bản điều chỉnh\)" loading="lazy">`)
	if !img.MatchString(body) {
		t.Errorf("item page has no inline small copy:\n%s", sectionOf(t, body, `id="quy-hoach"`, "</section>"))
	}
	mustContain(t, "item page", body, `<a href="/tep/`+itoa(m.Full)+`/ban-do-2030.jpg">`, "Quyết định phê duyệt", "1234/QĐ-UBND")
	if r := e.get("/tep/" + itoa(m.Small) + "/x.jpg"); r.status != http.StatusOK || r.header.Get("Content-Type") != "image/jpeg" {
		t.Errorf("small copy download: %d %s", r.status, r.header.Get("Content-Type"))
	}
	// Full size on tap: the map opens in the browser rather than downloading.
	if r := e.get("/tep/" + itoa(m.Full) + "/ban-do-2030.jpg"); !strings.HasPrefix(r.header.Get("Content-Disposition"), "inline;") {
		t.Errorf("full map served as %q", r.header.Get("Content-Disposition"))
	}
	// A public change needs a reason and makes a new version.
	v = planValues(e.csrf(page))
	v.Set("map_caption_0", "Bản đồ quy hoạch đến năm 2030")
	if r := e.postMultipart(page, v); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="ly-do-error"`) {
		t.Errorf("public change without a reason: %d", r.status)
	}
	v.Set("ly-do", "Sửa chú thích bản đồ")
	if r := e.postMultipart(page, v); r.status != http.StatusSeeOther {
		t.Errorf("public change: %d\n%s", r.status, r.body)
	}
	if d, _ := e.st.PublicDisclosure(ctx, id); d.Version != 2 {
		t.Errorf("version %d after a public change, want 2", d.Version)
	}
	// The overview shows the plan with its thumbnail.
	mustContain(t, "overview", e.get("/quy-hoach").body, "Quy hoạch sử dụng đất đến năm 2030", "Đang trong kỳ",
		`width="160" height="107" alt="Bản đồ quy hoạch đến năm 2030" loading="lazy"`)
}

func compensationFacts() land.Compensation {
	return land.Compensation{Project: "Mở rộng đường trục xã", Villages: []land.Village{{ID: 1, Name: "Thôn Đông"}}, Households: 6}
}

// Asking about a plan: the form shows the plan chosen; only a published
// public compensation plan can be chosen; the plan lists the question once
// it is public, and the question links back.
func TestAskAboutPlan(t *testing.T) {
	e := newAskEnv(t, nil)
	plan := e.item(land.CategoryCompensation, land.KindCompensation, "Phương án bồi thường mở rộng đường trục xã", compensationFacts(), nil, true)
	draft := e.item(land.CategoryCompensation, land.KindCompensation, "Dự thảo phương án chưa công khai", compensationFacts(), nil, false)
	notPlan := e.item("thong-bao", "", "Thông báo lịch cắt điện", nil, nil, true)

	form := e.get("/hoi-dap/gui?ve=" + itoa(plan)).body
	mustContain(t, "ask form", form, "Câu hỏi về phương án:", "Phương án bồi thường mở rộng đường trục xã",
		`<input type="hidden" name="ve" value="`+itoa(plan)+`">`, `<option value="dat-dai" selected>`)
	for _, id := range []int64{draft, notPlan, 99999} {
		if body := e.get("/hoi-dap/gui?ve=" + itoa(id)).body; strings.Contains(body, `name="ve"`) {
			t.Errorf("item %d offered as a plan to ask about", id)
		}
	}
	n0, _ := e.st.CountQuestions(context.Background(), store.QuestionFilter{})
	v := question("Bao giờ chi trả tiền bồi thường?")
	v.Set("ve", itoa(draft))
	r := e.ask(v)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "không có hoặc không còn công khai") {
		t.Fatalf("question about a draft: %d", r.status)
	}
	if n, _ := e.st.CountQuestions(context.Background(), store.QuestionFilter{}); n != n0 {
		t.Fatal("a question about a draft was saved")
	}
	v.Set("ve", itoa(plan))
	if r := e.ask(v); r.status != http.StatusSeeOther {
		t.Fatalf("question about the plan: %d\n%s", r.status, r.body)
	}
	qs, err := e.st.Questions(context.Background(), store.QuestionFilter{AboutID: plan})
	if err != nil || len(qs) != 1 {
		t.Fatalf("questions about the plan: %d, %v", len(qs), err)
	}
	list := "/cong-khai/" + itoa(plan) + "/cau-hoi"
	if body := e.get(list).body; strings.Contains(body, "Bao giờ chi trả") {
		t.Error("a question not yet accepted is listed")
	}
	e.accept(qs[0].ID, "Bao giờ chi trả tiền bồi thường?", "Hỏi về lịch chi trả.", e.officerActor())
	mustContain(t, "plan's questions", e.get(list).body, "Bao giờ chi trả tiền bồi thường?", "1 câu hỏi")
	mustContain(t, "question page", e.get("/hoi-dap/"+itoa(qs[0].ID)).body,
		"Về phương án", `href="/cong-khai/`+itoa(plan)+`#phuong-an"`)
	if r := e.get("/cong-khai/" + itoa(draft) + "/cau-hoi"); r.status != http.StatusNotFound {
		t.Errorf("a draft's questions page: %d", r.status)
	}
	// A withdrawn plan keeps its questions readable, and takes no new one.
	u, _ := e.st.UserByLogin(context.Background(), "canbo")
	if err := e.st.WithdrawDisclosure(context.Background(), plan, "Dự án tạm dừng", u.ID); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "withdrawn plan's questions", e.get(list).body, "Bao giờ chi trả tiền bồi thường?")
	item := e.get("/cong-khai/" + itoa(plan)).body
	mustContain(t, "withdrawn plan", item, "Bao giờ chi trả tiền bồi thường?")
	if strings.Contains(item, "Hỏi về phương án này") || strings.Contains(e.get("/hoi-dap/gui?ve="+itoa(plan)).body, `name="ve"`) {
		t.Error("a withdrawn plan still takes questions")
	}
}

func TestCompensationFactsForm(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	id := e.item(land.CategoryCompensation, "", "Phương án bồi thường đường trục xã", nil, nil, false)
	page := "/can-bo/cong-khai/" + itoa(id) + "/boi-thuong"
	tok := e.csrf(page)
	villages, err := e.st.Villages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := e.post(page, url.Values{"_csrf": {tok}, "project": {""}, "households": {"sáu"}, "posting_from": {"2026-11-16"},
		"meeting_on": {"2026-11-01"}, "outcome": {"Đồng ý"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.status)
	}
	mustContain(t, "compensation errors", r.body, "Vui lòng nhập tên dự án.", "Vui lòng chọn ít nhất một thôn",
		"Số hộ là một số nguyên", "Ngày họp trước ngày bắt đầu niêm yết", `value="sáu"`)
	r = e.post(page, url.Values{"_csrf": {tok}, "project": {"Cải tạo đường trục xã"}, "villages": {itoa(villages[0].ID), itoa(villages[2].ID)},
		"households": {"6"}, "total": {"1.234.567.000"}, "posting_from": {"2026-11-16"}, "meeting_on": {"2026-12-20"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	d, _ := e.st.Disclosure(context.Background(), id)
	var c land.Compensation
	json.Unmarshal(d.Facts, &c)
	if d.Kind != land.KindCompensation || c.Total != 1234567000 || c.VillageNames() != villages[0].Name+", "+villages[2].Name ||
		d.PostingUntil.Format("2006-01-02") != "2026-12-15" {
		t.Errorf("saved %s %+v until %v", d.Kind, c, d.PostingUntil)
	}
	// The 30 days come from the legal rules: an administrator's change
	// (a longer posting, for plans decided from 2026) applies.
	admin, _ := e.st.UserByLogin(context.Background(), "admin")
	post := 45
	if _, err := e.st.AddDisclosureRule(context.Background(), store.RuleChange{Kind: "boi-thuong-tai-dinh-cu/phuong-an",
		EffectiveFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), PostDays: &post, Rule: "Niêm yết 45 ngày (thử)",
		Source: "Quyết định của UBND tỉnh (thử)", Confidence: "xã"}, admin.ID); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "rule shown", e.get(page).body, "niêm yết 45 ngày liên tục")
	r = e.post(page, url.Values{"_csrf": {tok}, "project": {"Cải tạo đường trục xã"}, "villages": {itoa(villages[0].ID)},
		"decided_on": {"2026-11-10"}, "posting_from": {"2026-11-16"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	if d, _ := e.st.Disclosure(context.Background(), id); d.PostingUntil.Format("2006-01-02") != "2026-12-30" {
		t.Errorf("posted until %v under a 45-day rule", d.PostingUntil)
	}
}
