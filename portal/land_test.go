package portal_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"minhbach/portal/land"
	"minhbach/portal/procedure"
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

// The catalogue groups procedures by field, filters by one, and exports
// the same as CSV and JSON with links to the forms hosted here.
func TestProcedureCatalogue(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	u, _ := e.st.UserByLogin(ctx, "canbo")
	form, err := e.st.SaveAttachment(ctx, "don-de-nghi.docx", "application/pdf", []byte("%PDF-1.4 mẫu đơn"), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	mk := func(field, name string, docs []procedure.Document, atts []int64) int64 {
		return e.item(procedure.Category, procedure.Kind, "Thủ tục "+name, procedure.Procedure{Field: field, Name: name,
			Steps: []string{"Nộp hồ sơ", "Nhận kết quả"}, Documents: docs, TimeLimit: "03 ngày làm việc", Fee: "Không thu",
			Where: "Bộ phận Một cửa"}, atts, true)
	}
	a := mk("xay-dung", "Cấp giấy phép xây dựng nhà ở riêng lẻ ZZZ", []procedure.Document{{Name: "Đơn đề nghị", Form: form.ID}, {Name: "Bản vẽ"}}, []int64{form.ID})
	b := mk("ho-tich", "Đăng ký kết hôn ZZZ", []procedure.Document{{Name: "Tờ khai"}}, nil)

	all := e.get("/thu-tuc").body
	mustContain(t, "catalogue", all, "Cấp giấy phép xây dựng nhà ở riêng lẻ ZZZ", "Đăng ký kết hôn ZZZ", "Biểu mẫu tải ngay tại đây", "1 biểu mẫu tải về")
	one := e.get("/thu-tuc?linh-vuc=ho-tich").body
	if !strings.Contains(one, "Đăng ký kết hôn ZZZ") || strings.Contains(one, "nhà ở riêng lẻ ZZZ") {
		t.Error("the field filter does not filter")
	}
	if r := e.get("/thu-tuc?linh-vuc=khong-co"); r.status != http.StatusNotFound {
		t.Errorf("unknown field: %d", r.status)
	}
	item := e.get("/cong-khai/" + itoa(a)).body
	mustContain(t, "procedure section", item, `<ol class="steps"><li>Nộp hồ sơ</li><li>Nhận kết quả</li></ol>`,
		`href="/tep/`+itoa(form.ID)+`/don-de-nghi.docx" download>Tải mẫu: don-de-nghi.docx</a>`, "03 ngày làm việc")

	r := e.get("/thu-tuc/xuat.csv")
	if !strings.HasPrefix(r.body, "\uFEFF") || !strings.Contains(r.body, "\r\n") {
		t.Fatal("CSV without a BOM or CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, row := range rows[1:] {
		switch row[0] {
		case itoa(a):
			found++
			if row[2] != "Xây dựng" || row[4] != "1. Nộp hồ sơ\n2. Nhận kết quả" || !strings.HasSuffix(row[6], "/tep/"+itoa(form.ID)+"/don-de-nghi.docx") {
				t.Errorf("CSV row %q", row)
			}
		case itoa(b):
			found++
		}
	}
	if found != 2 || rows[0][3] != "ten_thu_tuc" {
		t.Errorf("CSV: %d of 2 procedures, header %q", found, rows[0])
	}
	var items []struct {
		ID        int64  `json:"id"`
		Field     string `json:"field"`
		Documents []struct {
			Name    string `json:"name"`
			FormURL string `json:"form_url"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(e.get("/thu-tuc/xuat.json?linh-vuc=xay-dung").body), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Field != "xay-dung" {
			t.Errorf("JSON of one field has %s", it.Field)
		}
		if it.ID == a && (len(it.Documents) != 2 || it.Documents[1].FormURL != "") {
			t.Errorf("JSON documents %+v", it.Documents)
		}
	}
}

func TestProcedureFactsForm(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	ctx := context.Background()
	u, _ := e.st.UserByLogin(ctx, "canbo")
	form, _ := e.st.SaveAttachment(ctx, "to-khai.pdf", "application/pdf", []byte("%PDF-1.4 tờ khai"), u.ID)
	id := e.item(procedure.Category, "", "Đăng ký kết hôn", nil, []int64{form.ID}, false)
	page := "/can-bo/cong-khai/" + itoa(id) + "/thu-tuc"
	tok := e.csrf(page)
	v := url.Values{"_csrf": {tok}, "field": {"ho-tich"}, "name": {"Đăng ký kết hôn"}, "steps": {""},
		"documents": {"Tờ khai đăng ký kết hôn | khong-co.pdf"}, "time_limit": {"Trong ngày"}, "fee": {""},
		"where": {"Bộ phận Một cửa"}, "legal_basis": {"Luật Hộ tịch 2014"}}
	r := e.post(page, v)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.status)
	}
	mustContain(t, "procedure errors", r.body, "Vui lòng ghi các bước thực hiện", "Dòng 1: tin này không có tệp đính kèm tên “khong-co.pdf”.",
		`id="fee-error"`, "Tờ khai đăng ký kết hôn | khong-co.pdf")
	v.Set("steps", "1. Nộp tờ khai\n2. Ký sổ hộ tịch")
	v.Set("documents", "Tờ khai đăng ký kết hôn | to-khai.pdf\nGiấy xác nhận tình trạng hôn nhân")
	v.Set("fee", "Miễn lệ phí")
	if r := e.post(page, v); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	d, _ := e.st.Disclosure(ctx, id)
	var p procedure.Procedure
	json.Unmarshal(d.Facts, &p)
	if d.Kind != procedure.Kind || d.LegalBasis != "Luật Hộ tịch 2014" || len(p.Steps) != 2 || p.Steps[0] != "Nộp tờ khai" ||
		len(p.Documents) != 2 || p.Documents[0].Form != form.ID {
		t.Errorf("saved %s %q %+v", d.Kind, d.LegalBasis, p)
	}
	// The form shows the documents back with their file names.
	mustContain(t, "form again", e.get(page).body, "Tờ khai đăng ký kết hôn | to-khai.pdf")
}

// TestBrowserStructuredLand opens the land and procedure pages in Chromium
// on a 360 px phone with JavaScript off (the overview, a plan with its
// map, a compensation plan with its questions, the catalogue, a procedure
// and the question form about a plan): nothing scrolls sideways and the
// map fits the screen. axe-core, which needs scripts, then checks the same
// pages and the officers' facts pages for WCAG 2.1 A/AA violations.
func TestBrowserStructuredLand(t *testing.T) {
	ctx, console := newBrowserWithin(t, 3*time.Minute)
	axe, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	byKind := map[string]int64{}
	for _, id := range e.publicIDs() {
		d, err := e.st.PublicDisclosure(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Kind != "" && (byKind[d.Kind] == 0 || d.Kind == land.KindLandUsePlan) {
			byKind[d.Kind] = d.ID
		}
	}
	plan, comp, proc := byKind[land.KindLandUsePlan], byKind[land.KindCompensation], byKind[procedure.Kind]
	if plan == 0 || comp == 0 || proc == 0 {
		t.Fatalf("demo lacks a plan, a compensation plan or a procedure: %v", byKind)
	}
	do(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	public := []string{"/quy-hoach", "/cong-khai/" + itoa(plan), "/cong-khai/" + itoa(comp), "/thu-tuc",
		"/cong-khai/" + itoa(proc), "/hoi-dap/gui?ve=" + itoa(comp)}
	for _, p := range public {
		do(t, ctx, chromedp.Navigate(e.url+p))
		checkFits(t, ctx, p)
	}
	do(t, ctx, chromedp.Navigate(e.url+"/cong-khai/"+itoa(plan)))
	// The map is drawn at the screen's width, not at its 1024 pixels.
	if w := run(t, ctx, chromedp.Evaluate[float64](`document.querySelector("figure.map img").getBoundingClientRect().width`)); w < 200 || w > 360 {
		t.Errorf("map drawn %.0f px wide on a 360 px screen", w)
	}
	screenshot(t, ctx, "browser-360px-land-plan.png")
	do(t, ctx, chromedp.Navigate(e.url+"/quy-hoach"))
	screenshot(t, ctx, "browser-360px-land-overview.png")

	// axe-core runs in the page: scripts back on, the same pages.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	for _, p := range public {
		axeCheck(t, ctx, string(axe), e.url+p)
	}
	browserLogin(t, ctx, e, "canbo")
	for _, p := range []string{"/can-bo/cong-khai/" + itoa(plan) + "/quy-hoach", "/can-bo/cong-khai/" + itoa(comp) + "/boi-thuong",
		"/can-bo/cong-khai/" + itoa(proc) + "/thu-tuc"} {
		axeCheck(t, ctx, string(axe), e.url+p)
		checkFits(t, ctx, p)
	}
	// A form sent back with errors is accessible too.
	do(t, ctx, chromedp.Navigate(e.url+"/can-bo/cong-khai/"+itoa(proc)+"/thu-tuc"))
	run(t, ctx, chromedp.Evaluate[bool](`document.getElementById("steps").value = ""; document.getElementById("ly-do").value = "Kiểm tra"; true`))
	submit422(t, ctx, `form.form button[type=submit]`)
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".field-error").length`)); n == 0 {
		t.Error("no error beside the fields")
	}
	screenshot(t, ctx, "browser-360px-procedure-form-errors.png")
	for _, msg := range console.all() {
		if !strings.Contains(msg, "status of 422") { // the form sent back, above
			t.Errorf("browser console: %s", msg)
		}
	}
}
