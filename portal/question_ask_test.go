package portal_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/portal"
	"minhbach/portal/abuse"
	"minhbach/portal/tracking"
	"minhbach/store"
)

// Values a resident types that must never reach a public page or a log.
const (
	askPhone    = "0912 345 678"
	askPhoneN   = "0912345678"
	askEmail    = "nguoi.hoi@example.com"
	askIDNumber = "001203004567"
	askAddress  = "Số 12 ngõ 5 thôn Đông"
	phoneModel  = "Redmi Note 12 Pro"
	phoneMake   = "Xiaomi"
)

// newAskEnv starts the demo portal with the abuse limits that tests need:
// no minimum fill time unless change sets one.
func newAskEnv(t *testing.T, change func(*abuse.Limits)) *env {
	t.Helper()
	l := abuse.DefaultLimits()
	l.MinFill = 0
	if change != nil {
		change(&l)
	}
	return newEnvConfig(t, true, portal.Config{Abuse: &l})
}

// ask opens the ask form, then sends it with v and the files.
func (e *env) ask(v url.Values, files ...upload) response {
	e.t.Helper()
	page := e.get("/hoi-dap/gui")
	m, s := csrfRe.FindStringSubmatch(page.body), stampRe.FindStringSubmatch(page.body)
	if page.status != http.StatusOK || m == nil || s == nil {
		e.t.Fatalf("ask form: %d, csrf %v, stamp %v", page.status, m != nil, s != nil)
	}
	w := url.Values{}
	for k, vs := range v {
		w[k] = append([]string(nil), vs...)
	}
	w.Set("_csrf", m[1])
	w.Set("_t", s[1])
	return e.postMultipart("/hoi-dap/gui", w, files...)
}

func question(title string) url.Values {
	return url.Values{
		"kind": {"question"}, "title": {title}, "body": {"Đoạn đường qua nhà văn hóa bị sụt lún từ tháng 9. Khi nào xã sửa?"},
		"topic": {"xay-dung"}, "name": {"Lê Thị Mai"}, "contact": {askPhone},
	}
}

var codeRe = regexp.MustCompile(`TT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{3}`)

// submitted sends v and returns the receipt page and the code on it.
func (e *env) submitted(v url.Values, files ...upload) (response, string) {
	e.t.Helper()
	r := e.ask(v, files...)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/tra-cuu/bien-nhan" {
		e.t.Fatalf("ask: %d %s\n%s", r.status, r.header.Get("Location"), r.body)
	}
	receipt := e.get("/tra-cuu/bien-nhan")
	code := codeRe.FindString(receipt.body)
	if receipt.status != http.StatusOK || code == "" {
		e.t.Fatalf("receipt: %d, code %q\n%s", receipt.status, code, receipt.body)
	}
	return receipt, code
}

// count runs a COUNT query on the portal's database file, read-only, to
// see what a request left behind.
func (e *env) count(query string) int {
	e.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(e.st.Dir(), store.DBFile)+"?mode=ro")
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// codeHash is the hash the store keeps of a code shown on a page.
func codeHash(t *testing.T, shown string) string {
	t.Helper()
	c, err := tracking.Parse(shown)
	if err != nil {
		t.Fatalf("code %q: %v", shown, err)
	}
	return c.Hash()
}

// mustBePrivate checks the headers every asker page sends.
func mustBePrivate(t *testing.T, what string, r response) {
	t.Helper()
	if got := r.header.Get("Referrer-Policy"); got != "no-referrer" {
		t.Errorf("%s: Referrer-Policy %q", what, got)
	}
	if got := r.header.Get("Cache-Control"); got != "private, no-store" {
		t.Errorf("%s: Cache-Control %q", what, got)
	}
}

// phoneJPEG is a real JPEG with the EXIF a phone writes: make, model and
// a GPS position.
func phoneJPEG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 32, 24))
	for y := 0; y < 24; y++ {
		for x := 0; x < 32; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 8), uint8(y * 10), 90, 255})
		}
	}
	var plain bytes.Buffer
	if err := jpeg.Encode(&plain, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	type ent struct {
		tag, typ uint16
		count    uint32
		val      []byte
	}
	ascii := func(tag uint16, s string) ent { return ent{tag, 2, uint32(len(s) + 1), append([]byte(s), 0)} }
	// ifd lays out entries at offset at; values longer than 4 bytes follow.
	ifd := func(es []ent, at uint32) []byte {
		b := le.AppendUint16(nil, uint16(len(es)))
		extra := at + uint32(2+12*len(es)+4)
		var data []byte
		for _, e := range es {
			b = le.AppendUint16(b, e.tag)
			b = le.AppendUint16(b, e.typ)
			b = le.AppendUint32(b, e.count)
			if len(e.val) <= 4 {
				b = append(b, append(append([]byte(nil), e.val...), make([]byte, 4-len(e.val))...)...)
				continue
			}
			b = le.AppendUint32(b, extra+uint32(len(data)))
			data = append(data, e.val...)
		}
		b = le.AppendUint32(b, 0)
		return append(b, data...)
	}
	var lat []byte
	for _, v := range []uint32{21, 1, 30} {
		lat = le.AppendUint32(le.AppendUint32(lat, v), 1)
	}
	gps := []ent{ascii(1, "N"), {2, 5, 3, lat}}
	ifd0 := []ent{ascii(0x010F, phoneMake), ascii(0x0110, phoneModel), {0x8825, 4, 1, le.AppendUint32(nil, 0)}}
	ifd0Len := uint32(len(ifd(ifd0, 8)))
	ifd0[2].val = le.AppendUint32(nil, 8+ifd0Len)
	tiff := append([]byte("II*\x00\x08\x00\x00\x00"), ifd(ifd0, 8)...)
	tiff = append(tiff, ifd(gps, 8+ifd0Len)...)
	body := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(body) + 2) >> 8), byte(len(body) + 2)}, body...)
	p := plain.Bytes()
	out := append(append(append([]byte{}, p[:2]...), app1...), p[2:]...)
	if !bytes.Contains(out, []byte(phoneModel)) {
		t.Fatal("fixture without the model")
	}
	return out
}

func TestAskWithPhotoStripsItsMetadataAndGivesACode(t *testing.T) {
	e := newAskEnv(t, nil)
	photo := phoneJPEG(t)
	attachmentsBefore := e.count("SELECT COUNT(*) FROM attachments")
	mailCodes := e.count("SELECT COUNT(*) FROM questions WHERE mail_code <> ''")
	form := e.get("/hoi-dap/gui")
	mustBePrivate(t, "ask form", form)
	mustContain(t, "ask form", form.body, "Mọi người sẽ thấy", "Chỉ cán bộ xã thấy", "Không công khai",
		"không phải tố cáo chính thức", "Không bao giờ công khai", `name="website"`)

	receipt, code := e.submitted(question("Đường thôn Đông sụt lún"), upload{"file", "IMG_2026.jpg", photo})
	mustBePrivate(t, "receipt", receipt)
	mustContain(t, "receipt", receipt.body, "Mã tra cứu của bạn", "Hạn trả lời", "Đã xóa: vị trí GPS", "tên máy ảnh/điện thoại", "/tra-cuu")

	q := e.questionOf(code)
	if q.Contact != askPhoneN || q.AskerName != "Lê Thị Mai" || q.NamePublic || q.Channel != store.ChannelWeb || q.State != store.QReceived {
		t.Errorf("stored: %+v", q)
	}
	if !strings.Contains(receipt.body, q.DueOn.Format("02/01/2006")) {
		t.Errorf("receipt without the due date %s", q.DueOn.Format("02/01/2006"))
	}
	if len(q.Files) != 1 || !strings.Contains(q.Files[0].Stripped, "vị trí GPS") || q.Files[0].MIME != "image/jpeg" {
		t.Fatalf("files: %+v", q.Files)
	}
	f, err := e.st.OpenAttachment(q.Files[0].Attachment)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := io.ReadAll(f)
	f.Close()
	sum := sha256.Sum256(stored)
	if hex.EncodeToString(sum[:]) != q.Files[0].SHA256 || !strings.Contains(receipt.body, q.Files[0].SHA256) {
		t.Error("the hash shown is not the stored file's")
	}
	if bytes.Contains(stored, []byte(phoneModel)) || bytes.Contains(stored, []byte(phoneMake)) || len(stored) >= len(photo) {
		t.Error("the stored photo kept its metadata")
	}
	if _, err := jpeg.Decode(bytes.NewReader(stored)); err != nil {
		t.Errorf("the stored photo no longer decodes: %v", err)
	}
	if got := e.count("SELECT COUNT(*) FROM attachments"); got != attachmentsBefore+1 {
		t.Errorf("attachments: %d, want %d", got, attachmentsBefore+1)
	}
	// A resident's upload has no officer: the audit log still shows.
	e.login("admin")
	if r := e.get("/can-bo/nhat-ky"); r.status != http.StatusOK || !strings.Contains(r.body, "Tải tệp lên") {
		t.Errorf("audit log after a resident's upload: %d", r.status)
	}
	// The code itself is stored only as its hash, and not as a mail code
	// for a phone contact.
	if e.count("SELECT COUNT(*) FROM questions WHERE mail_code <> ''") != mailCodes {
		t.Error("mail code kept for a phone contact")
	}
}

func TestAskWithoutPhotoAndWithPDF(t *testing.T) {
	e := newAskEnv(t, nil)
	v := question("Lịch tiêm chủng tháng 12")
	v.Set("contact", askEmail)
	v.Set("name_public", "1")
	_, code := e.submitted(v)
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	_, _ = e.submitted(question("Đơn xin sửa đường"), upload{"file", "don.pdf", pdf})
	ctx := context.Background()
	q, err := e.st.QuestionByCode(ctx, codeHash(t, code))
	if err != nil {
		t.Fatal(err)
	}
	if q.Contact != askEmail || !q.NamePublic || len(q.Files) != 0 {
		t.Errorf("without photo: %+v", q)
	}
	if e.count("SELECT COUNT(*) FROM questions WHERE mail_code = '"+code+"'") != 1 {
		t.Error("the code is not kept to mail an e-mail contact")
	}
	if e.count("SELECT COUNT(*) FROM question_files f JOIN attachments a ON a.id = f.attachment_id WHERE a.mime = 'application/pdf' AND f.stripped = ''") != 1 {
		t.Error("the PDF was not attached")
	}
}

func TestAskFormShowsErrorsAndKeepsWhatWasTyped(t *testing.T) {
	e := newAskEnv(t, nil)
	before := e.count("SELECT COUNT(*) FROM attachments")
	questions := e.count("SELECT COUNT(*) FROM questions")
	identities := e.count("SELECT COUNT(*) FROM question_identities")
	v := url.Values{"kind": {"info_request"}, "title": {""}, "body": {"Xin bản đồ quy hoạch thôn Bắc <năm 2025>"},
		"topic": {"dat-dai"}, "contact": {"0912-34"}, "id_name": {"Phạm Văn Bình"}, "id_address": {askAddress}, "id_number": {"12345"}}
	r := e.ask(v, upload{"file", "anh.jpg", phoneJPEG(t)})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.status)
	}
	mustBePrivate(t, "form with errors", r)
	mustContain(t, "form with errors", r.body,
		"Vui lòng nhập tiêu đề.", "Số điện thoại hoặc e-mail chưa đúng", "Số căn cước gồm 12 chữ số",
		"trình duyệt không giữ lại tệp đã chọn", "anh.jpg",
		"Xin bản đồ quy hoạch thôn Bắc &lt;năm 2025&gt;", `value="0912-34"`, `value="Phạm Văn Bình"`,
		`value="`+askAddress+`"`, `value="info_request" checked`, `<option value="dat-dai" selected>`)
	if !strings.Contains(r.body, `id="title" name="title"`) || !strings.Contains(r.body, `aria-invalid="true"`) {
		t.Error("the error is not tied to its field")
	}
	if n := e.count("SELECT COUNT(*) FROM questions"); n != questions {
		t.Errorf("%d questions saved", n-questions)
	}
	if n := e.count("SELECT COUNT(*) FROM attachments"); n != before {
		t.Errorf("the file was stored: %d attachments, want %d", n, before)
	}

	// A denunciation needs a name, and the asker's name is never public.
	d := question("Cán bộ thu tiền sai quy định")
	d.Set("kind", "denunciation")
	d.Del("name")
	r = e.ask(d)
	mustContain(t, "denunciation without a name", r.body, "Nếu không muốn ghi tên, hãy chọn “Phản ánh, kiến nghị”")
	d.Set("name", "Lê Văn Tố")
	d.Set("name_public", "1")
	_, code := e.submitted(d)
	q, err := e.st.QuestionByCode(context.Background(), codeHash(t, code))
	if err != nil || q.NamePublic || !q.Protected || q.AskerName != "Lê Văn Tố" {
		t.Errorf("denunciation: %+v, %v", q, err)
	}
	// Identity fields typed for another kind are not kept.
	v = question("Giờ làm việc của bộ phận một cửa")
	v.Set("id_number", askIDNumber)
	e.submitted(v)
	if n := e.count("SELECT COUNT(*) FROM question_identities"); n != identities {
		t.Errorf("%d identities kept for kinds that do not need one", n-identities)
	}
}

func TestAskRefusesBotsAndFloodsAndSavesNothing(t *testing.T) {
	t.Run("honeypot", func(t *testing.T) {
		e := newAskEnv(t, nil)
		questions := e.count("SELECT COUNT(*) FROM questions")
		v := question("Mua bán đất giá rẻ")
		v.Set("website", "http://spam.example")
		r := e.ask(v, upload{"file", "a.jpg", phoneJPEG(t)})
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, "ô ẩn") {
			t.Fatalf("honeypot: %d\n%s", r.status, r.body)
		}
		if e.count("SELECT COUNT(*) FROM questions") != questions {
			t.Error("saved")
		}
	})
	t.Run("fill time", func(t *testing.T) {
		e := newAskEnv(t, func(l *abuse.Limits) { l.MinFill = time.Hour })
		questions := e.count("SELECT COUNT(*) FROM questions")
		r := e.ask(question("Hỏi nhanh"))
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, "quá nhanh") || !strings.Contains(r.body, `value="Hỏi nhanh"`) {
			t.Fatalf("fill time: %d\n%s", r.status, r.body)
		}
		if e.count("SELECT COUNT(*) FROM questions") != questions {
			t.Error("saved")
		}
	})
	t.Run("rate limit", func(t *testing.T) {
		e := newAskEnv(t, func(l *abuse.Limits) { l.Rates[abuse.Question] = abuse.Rate{N: 2, Per: time.Hour} })
		questions := e.count("SELECT COUNT(*) FROM questions")
		e.submitted(question("Câu hỏi một"))
		e.submitted(question("Câu hỏi hai"))
		before := e.count("SELECT COUNT(*) FROM attachments")
		r := e.ask(question("Câu hỏi ba"), upload{"file", "a.jpg", phoneJPEG(t)})
		if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
			t.Fatalf("third: %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
		}
		mustContain(t, "429", r.body, "Câu hỏi ba", "chọn lại tệp")
		if !strings.Contains(r.body, "Vui lòng") && !strings.Contains(r.body, "thử lại") {
			t.Errorf("no Vietnamese message:\n%s", r.body)
		}
		if n := e.count("SELECT COUNT(*) FROM questions"); n != questions+2 {
			t.Errorf("%d questions saved, want 2", n-questions)
		}
		if e.count("SELECT COUNT(*) FROM attachments") != before {
			t.Error("the refused file was stored")
		}
	})
	t.Run("identical resubmission", func(t *testing.T) {
		e := newAskEnv(t, nil)
		questions := e.count("SELECT COUNT(*) FROM questions")
		e.submitted(question("Hỏi về hộ nghèo"))
		before := e.count("SELECT COUNT(*) FROM attachments")
		r := e.ask(question("Hỏi về hộ nghèo"), upload{"file", "a.jpg", phoneJPEG(t)})
		if r.status != http.StatusOK || !strings.Contains(r.body, "đã được nhận") {
			t.Fatalf("resubmission: %d\n%s", r.status, r.body)
		}
		mustBePrivate(t, "already received", r)
		if strings.Contains(r.body, "/tra-cuu/theo-doi") || codeRe.MatchString(r.body) {
			t.Error("the answer leads to the first sender's page")
		}
		if n := e.count("SELECT COUNT(*) FROM questions"); n != questions+1 {
			t.Errorf("%d questions saved, want 1", n-questions)
		}
		if e.count("SELECT COUNT(*) FROM attachments") != before {
			t.Error("the resubmission's file was stored")
		}
	})
}
