package portal_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"minhbach/store"
)

func TestOfficerPagesNeedLogin(t *testing.T) {
	e := newEnv(t)
	for _, p := range []string{"/can-bo", "/can-bo/cong-khai/moi", "/can-bo/cong-khai/1", "/can-bo/cong-khai/1/xem-truoc", "/can-bo/tai-khoan", "/can-bo/nhat-ky"} {
		r := e.get(p)
		loc := r.header.Get("Location")
		if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/can-bo/dang-nhap?tiep=") {
			t.Errorf("GET %s: status %d location %q, want redirect to login", p, r.status, loc)
		}
	}
}

func TestFormsWithoutCSRFTokenAreRefused(t *testing.T) {
	e := newEnv(t)
	// Not even a login goes through without the token.
	r := e.post("/can-bo/dang-nhap", url.Values{"login": {"admin"}, "password": {demoPassword}})
	if r.status != http.StatusForbidden {
		t.Fatalf("login without token: %d", r.status)
	}
	mustContain(t, "403 page", r.body, "Không được phép")
	e.login("admin")
	for _, p := range []string{"/can-bo/cong-khai", "/can-bo/cong-khai/1/rut", "/can-bo/tai-khoan", "/can-bo/dang-xuat"} {
		for _, tok := range []string{"", "forged-token"} {
			r := e.post(p, url.Values{"_csrf": {tok}, "title": {"x"}, "reason": {"x"}})
			if r.status != http.StatusForbidden {
				t.Errorf("POST %s with token %q: status %d, want 403", p, tok, r.status)
			}
		}
	}
	// A token from another browser does not fit this browser's cookie.
	other := newEnv(t)
	foreign := other.csrf("/can-bo/dang-nhap")
	if r := e.post("/can-bo/tai-khoan", url.Values{"_csrf": {foreign}}); r.status != http.StatusForbidden {
		t.Errorf("foreign token: status %d", r.status)
	}
}

func TestLoginFailuresAreThrottled(t *testing.T) {
	e := newEnv(t)
	tok := e.csrf("/can-bo/dang-nhap")
	for i := 0; i < 5; i++ {
		r := e.post("/can-bo/dang-nhap", url.Values{"_csrf": {tok}, "login": {"admin"}, "password": {"wrong-password"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("attempt %d: status %d", i, r.status)
		}
		mustContain(t, "failed login", r.body, "Tên đăng nhập hoặc mật khẩu không đúng", `value="admin"`)
	}
	// Even the right password is refused while the login is locked.
	r := e.post("/can-bo/dang-nhap", url.Values{"_csrf": {tok}, "login": {"admin"}, "password": {demoPassword}})
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("after 5 failures: status %d", r.status)
	}
	mustContain(t, "locked login", r.body, "tạm bị khóa")
}

// validForm is a disclosure form that passes validation.
func validForm(e *env, tok string) url.Values {
	units, err := e.st.Units(context.Background())
	if err != nil || len(units) == 0 {
		e.t.Fatal("no units", err)
	}
	return url.Values{
		"_csrf":         {tok},
		"category":      {"thong-bao"},
		"title":         {"Thông báo lịch tiêm chủng tháng 12"},
		"summary":       {"Trạm y tế xã tiêm chủng mở rộng ngày 10/12."},
		"body":          {"Trạm y tế xã tổ chức tiêm chủng.\n\n- Thôn Đông: sáng\n- Thôn Tây: chiều"},
		"legal_basis":   {"Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"},
		"unit_id":       {strconv.FormatInt(units[0].ID, 10)},
		"posting_from":  {"2026-12-01"},
		"posting_until": {"15/12/2026"},
	}
}

func countDisclosures(e *env) int {
	n, err := e.st.CountDisclosures(context.Background(), store.DisclosureFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

func TestBadDisclosureFormComesBackWithErrorsAndValues(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")
	before := countDisclosures(e)
	cases := []struct {
		name   string
		change map[string]string
		field  string // the message must sit in this field's block
		msg    string
	}{
		{"missing title", map[string]string{"title": ""}, "title", "Vui lòng nhập tiêu đề"},
		{"script in title", map[string]string{"title": `<script>alert(1)</script>Lịch họp`}, "title", "chỉ được chứa văn bản thuần, không được chứa mã HTML"},
		{"html in summary", map[string]string{"summary": `<b onclick="x()">Tóm tắt</b>`}, "summary", "không được chứa mã HTML"},
		{"html in legal basis", map[string]string{"legal_basis": `<img src=x onerror=alert(1)>`}, "legal_basis", "không được chứa mã HTML"},
		{"empty editor", map[string]string{"body": "<p><br></p>"}, "body", "Vui lòng nhập nội dung"},
		{"script in body", map[string]string{"body": `<p>Nội dung</p><script>alert(1)</script>`}, "body", "mã không được phép"},
		{"overlong title", map[string]string{"title": strings.Repeat("Đ", 301)}, "title", "vượt giới hạn 300 ký tự"},
		{"overlong summary", map[string]string{"summary": strings.Repeat("a", 1001)}, "summary", "vượt giới hạn 1.000 ký tự"},
		{"unknown category", map[string]string{"category": "bi-mat"}, "category", "chọn một chuyên mục"},
		{"unknown unit", map[string]string{"unit_id": "99999"}, "unit_id", "đơn vị chủ trì trong danh sách"},
		{"invalid date", map[string]string{"posting_from": "31/02/2026"}, "posting_from", "Ngày không hợp lệ"},
		{"garbage date", map[string]string{"posting_until": "mai"}, "posting_until", "Ngày không hợp lệ"},
		{"end before start", map[string]string{"posting_from": "2026-12-10", "posting_until": "2026-12-01"}, "posting_until", "phải sau ngày bắt đầu"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := validForm(e, tok)
			for k, v := range c.change {
				f.Set(k, v)
			}
			r := e.postMultipart("/can-bo/cong-khai", f)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.status)
			}
			block := fieldBlock(t, r.body, c.field)
			if !strings.Contains(block, c.msg) {
				t.Errorf("field %s shows no %q:\n%s", c.field, c.msg, block)
			}
			// The message is tied to its control, so a screen reader reads it there.
			tied := regexp.MustCompile(`aria-describedby="(?:[^"]* )?` + c.field + `-error"`)
			if !strings.Contains(block, `aria-invalid="true"`) || !tied.MatchString(block) || !strings.Contains(block, `id="`+c.field+`-error"`) {
				t.Errorf("field %s: error not tied to the control:\n%s", c.field, block)
			}
			// What was typed comes back (escaped), except what the check strips.
			for k, v := range f {
				if k == "_csrf" || k == c.field || k == "body" || k == "category" || k == "unit_id" {
					continue
				}
				if !strings.Contains(r.body, html.EscapeString(v[0])) && !strings.Contains(r.body, strings.ReplaceAll(html.EscapeString(v[0]), "&#34;", "&quot;")) {
					t.Errorf("typed %s %q not shown again", k, v[0])
				}
			}
			if strings.Contains(r.body, "<script>alert") {
				t.Error("script echoed unescaped")
			}
		})
	}
	if after := countDisclosures(e); after != before {
		t.Fatalf("a refused form saved something: %d → %d disclosures", before, after)
	}
}

// fieldBlock returns the HTML of the form field named name.
func fieldBlock(t *testing.T, body, name string) string {
	t.Helper()
	i := strings.Index(body, `name="`+name+`"`)
	if i < 0 {
		t.Fatalf("no field %s", name)
	}
	start := strings.LastIndex(body[:i], `<div class="field`)
	end := strings.Index(body[i:], "</div>")
	return body[start : i+end]
}

func minimalDOCX(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	zw.Close()
	return buf.Bytes()
}

func TestBadUploadsAreRefusedAndGoodOnesKept(t *testing.T) {
	e := newEnv(t)
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")
	before := countDisclosures(e)
	f := validForm(e, tok)
	f.Set("title", "") // a second mistake: the good file must survive it
	r := e.postMultipart("/can-bo/cong-khai", f,
		upload{"files", "bien-ban.pdf", []byte("MZ\x90\x00 this is a Windows program")},
		upload{"files", "virus.exe", []byte("MZ\x90\x00")},
		upload{"files", "anh.png", []byte("%PDF-1.4 not a png")},
		upload{"files", "mau-don.docx", minimalDOCX(t)},
		upload{"files", "big.pdf", append([]byte("%PDF-1.4\n"), make([]byte, 20<<20)...)},
	)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.status)
	}
	block := fieldBlock(t, r.body, "files")
	mustContain(t, "files field", block, "Các tệp hợp lệ đã được giữ lại", "bien-ban.pdf: nội dung tệp không phải là PDF", "virus.exe: chỉ nhận tệp",
		"anh.png: nội dung tệp không phải là Ảnh PNG", "big.pdf: dung lượng 20,0 MB, vượt giới hạn 20 MB")
	if !strings.Contains(r.body, `name="keep"`) || !strings.Contains(r.body, "mau-don.docx") {
		t.Fatal("the valid upload is not kept in the form")
	}
	// Sending the form again with the kept file and a title saves it.
	keep := regexpFind(t, r.body, `name="keep" value="(\d+)"`)
	f = validForm(e, tok)
	f["keep"] = []string{keep, "999999"} // a stale id is dropped, not an error
	r = e.postMultipart("/can-bo/cong-khai", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("resubmit: status %d\n%s", r.status, r.body)
	}
	if after := countDisclosures(e); after != before+1 {
		t.Fatalf("disclosures %d → %d", before, after)
	}
	id := lastID(t, r.header.Get("Location"))
	d, err := e.st.Disclosure(context.Background(), id)
	if err != nil || len(d.Attachments) != 1 || d.Attachments[0].Filename != "mau-don.docx" {
		t.Fatalf("saved draft attachments %+v, %v", d.Attachments, err)
	}
}

func TestOversizedRequestGets413Page(t *testing.T) {
	e := newEnv(t)
	// The server answers as soon as it reads the headers, before the body;
	// a raw connection reads that answer as a browser does.
	conn, err := net.Dial("tcp", strings.TrimPrefix(e.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /can-bo/cong-khai HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: %d\r\n\r\n--b\r\n", 70<<20)
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", res.StatusCode)
	}
	mustContain(t, "413 page", string(body), "quá lớn", `lang="vi"`)
}

// newEnvSameStore is a second browser on the same server.
func TestEveryOfficerPageRenders(t *testing.T) {
	e := newEnv(t)
	e.login("admin")
	ctx := context.Background()
	pub, _ := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusPublished, Limit: 1})
	draft, _ := e.st.Disclosures(ctx, store.DisclosureFilter{Status: store.StatusDraft, Limit: 1})
	if len(pub) == 0 || len(draft) == 0 {
		t.Fatal("demo data lacks a published item or a draft")
	}
	p, d := itoa(pub[0].ID), itoa(draft[0].ID)
	admin, err := e.st.UserByLogin(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/can-bo", "/can-bo?trang-thai=draft", "/can-bo?trang-thai=published", "/can-bo?trang-thai=withdrawn",
		"/can-bo/cong-khai/moi", "/can-bo/cong-khai/" + p, "/can-bo/cong-khai/" + d, "/can-bo/cong-khai/" + d + "/xem-truoc",
		"/can-bo/cong-khai/" + p + "/xem-truoc", "/can-bo/cong-khai/" + p + "/rut", "/can-bo/cong-khai/" + p + "/che", "/can-bo/tai-khoan", "/can-bo/nhat-ky", "/can-bo/cai-dat", "/can-bo/don-vi", "/can-bo/ngay-nghi", "/can-bo/mat-khau",
		"/can-bo/cong-khai/" + d + "/xoa", "/can-bo/tai-khoan/" + itoa(admin.ID),
	} {
		r := e.get(path)
		if r.status != http.StatusOK {
			t.Errorf("GET %s: %d", path, r.status)
			continue
		}
		if r.header.Get("Cache-Control") != "private, no-store" {
			t.Errorf("GET %s: officer page cacheable (%q)", path, r.header.Get("Cache-Control"))
		}
		// The officer wrapper marks every page of the area.
		mustContain(t, path, r.body, "Đăng xuất", `name="_csrf"`, `<body class="officer">`)
	}
	if r := e.get("/can-bo?trang-thai=bi-mat"); r.status != http.StatusNotFound {
		t.Errorf("unknown status filter: %d", r.status)
	}
	mustContain(t, "draft preview", e.get("/can-bo/cong-khai/"+d+"/xem-truoc").body, "Bản xem trước", "Công khai")
	mustContain(t, "audit log", e.get("/can-bo/nhat-ky").body, "Đăng nhập", "Công khai tin")
	// From a category page an officer starts an item in that category.
	mustContain(t, "category page", e.get("/cong-khai/ho-ngheo").body, `href="/can-bo/cong-khai/moi?loai=ho-ngheo"`)
	mustContain(t, "preselected", e.get("/can-bo/cong-khai/moi?loai=ho-ngheo").body, `<option value="ho-ngheo" selected>`)
	if strings.Contains(newEnvSameStore(e).get("/cong-khai/ho-ngheo").body, "/can-bo/cong-khai/moi") {
		t.Error("visitors see the officers' link")
	}
	// The form states the legal posting rule of the chosen category, with its source.
	hint := regexpFind(t, e.get("/can-bo/cong-khai/moi?loai=ho-ngheo").body, `<p class="hint">([^<]*3 ngày làm việc[^<]*)<em>`)
	mustContain(t, "posting rule", hint, "nhà văn hóa thôn")
	mustContain(t, "posting sources", e.get("/can-bo/cong-khai/moi").body, "Điều 13 khoản 2", "Thông tư 343/2016/TT-BTC", "Luật Đất đai 2024, Điều 87")
}

// A real installation starts empty: the officers' area says what is missing,
// and an administrator can complete it from the browser.

func TestLoginFailuresAreThrottledPerAddressButSuccessesAreNot(t *testing.T) {
	e := newEnv(t)
	// A whole office logging in from one address is fine.
	for i := 0; i < 25; i++ {
		newEnvSameStore(e).login("canbo")
	}
	tok := e.csrf("/can-bo/dang-nhap")
	for i := 0; i < 20; i++ {
		login := "khong-co-" + itoa(int64(i)) // spread over logins: the per-login lock stays off
		if r := e.post("/can-bo/dang-nhap", url.Values{"_csrf": {tok}, "login": {login}, "password": {"sai-mat-khau"}}); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("failure %d: %d", i, r.status)
		}
	}
	r := e.post("/can-bo/dang-nhap", url.Values{"_csrf": {tok}, "login": {"admin"}, "password": {demoPassword}})
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("after 20 failures from one address: %d", r.status)
	}
	mustContain(t, "address throttle", r.body, "quá nhiều lần đăng nhập sai")
}
