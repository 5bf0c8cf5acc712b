package portal

import (
	"strings"
	"testing"
)

func TestPolicyKeepsStructureAndDropsEverythingElse(t *testing.T) {
	p := newPolicy()
	cases := []struct {
		in, want string
	}{
		{`<h2>Dự toán</h2><p>Thu <strong>1.200</strong> triệu</p>`, `<h2>Dự toán</h2><p>Thu <strong>1.200</strong> triệu</p>`},
		{`<ul><li>Thôn Đông</li></ul><ol><li>Một</li></ol>`, `<ul><li>Thôn Đông</li></ul><ol><li>Một</li></ol>`},
		{`<table><tr><th scope="col">Mục</th><td colspan="2">Số tiền</td></tr></table>`, `<table><tr><th scope="col">Mục</th><td colspan="2">Số tiền</td></tr></table>`},
		// Pasted from Word: styles, classes and spans go.
		{`<p class="MsoNormal" style="color:red"><span style="font-size:14pt">Thông báo</span></p>`, `<p>Thông báo</p>`},
		{`<p>a<script>alert(1)</script>b</p>`, `<p>ab</p>`},
		{`<img src="x" onerror="alert(1)"><iframe src="//evil"></iframe>`, ``},
		{`<a href="javascript:alert(1)">x</a>`, `x`},
		{`<td colspan="99999">x</td>`, `<td>x</td>`}, // absurd spans dropped
	}
	for _, c := range cases {
		if got := p.Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	link := p.Sanitize(`<a href="https://thuvienphapluat.vn/van-ban">Luật</a>`)
	for _, want := range []string{`href="https://thuvienphapluat.vn/van-ban"`, `nofollow`, `noreferrer`, `target="_blank"`} {
		if !strings.Contains(link, want) {
			t.Errorf("link %s lacks %s", link, want)
		}
	}
}

func TestTextToHTMLMakesParagraphsAndLists(t *testing.T) {
	got := textToHTML("Kính gửi bà con.\nThôn Đông\n\n- Mục một\n- Mục <hai>\n\n")
	want := "<p>Kính gửi bà con.<br>Thôn Đông</p>\n<ul><li>Mục một</li><li>Mục &lt;hai&gt;</li></ul>\n"
	if got != want {
		t.Errorf("textToHTML\n got %q\nwant %q", got, want)
	}
	if text := htmlToText(`<h2>Tiêu đề</h2><p>Đoạn &amp; văn</p><table><tr><td>a</td><td>b</td></tr></table>`); text != "Tiêu đề\nĐoạn & văn\na | b |" {
		t.Errorf("htmlToText: %q", text)
	}
}

func TestSniffTypeRefusesDisguisedFiles(t *testing.T) {
	cases := []struct {
		data []byte
		ext  string
		want string
	}{
		{[]byte("%PDF-1.7\n"), ".pdf", mimePDF},
		{[]byte("\x89PNG\r\n\x1a\nxxxx"), ".png", mimePNG},
		{[]byte{0xFF, 0xD8, 0xFF, 0xE0}, ".jpg", mimeJPEG},
		{append(append([]byte{}, ole2Magic...), 0, 0), ".xls", mimeXLS},
		{append(append([]byte{}, ole2Magic...), 0, 0), ".doc", mimeDOC},
		{[]byte("MZ\x90\x00"), ".pdf", ""},
		{[]byte("PK\x03\x04 not really a zip"), ".docx", ""},
		{[]byte("<html><script>"), ".pdf", ""},
	}
	for _, c := range cases {
		if got := sniffType(c.data, c.ext); got != c.want {
			t.Errorf("sniffType(%q, %s) = %q, want %q", c.data[:4], c.ext, got, c.want)
		}
	}
	if got := cleanFilename(`C:\Users\Văn thư\..\bien "ban".pdf`); got != "bien ban.pdf" {
		t.Errorf("cleanFilename: %q", got)
	}
}

func TestCSVSafeDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+84 221": "'+84 221", "Thông báo": "Thông báo", "": ""} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnsafeLinkSeesThroughEncodings(t *testing.T) {
	bad := []string{
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="&#106avascript:alert(1)">x</a>`,
		`<a href="&#0000106;avascript:alert(1)">x</a>`,
		`<a href="&#x6A;avascript:alert(1)">x</a>`,
		`<a href="&#X6a;avascript:alert(1)">x</a>`,
		`<a href="jav&#x61;script&#x3A;alert(1)">x</a>`,
		`<a href="JaVaScRiPt&colon;alert(1)">x</a>`,
		`<a href="java&#x09;script:alert(1)">x</a>`,
		"<a href=\"java\tscript:alert(1)\">x</a>",
		"<a href=\"java\nscript:alert(1)\">x</a>",
		"<a href=\" \x01\x1fjavascript:alert(1)\">x</a>",
		"<a href=\"java\u200Bscript:alert(1)\">x</a>",
		`<a href=javascript&#58;alert(1)>x</a>`,
		`<A HREF='javascript:alert(1)'>x</A>`,
		`<a title="t" href="vbscript:msgbox(1)">x</a>`,
		`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
		`<a href="DATA:text/html,<script>alert(1)</script>">x</a>`,
		`<a href="&#100;ata:text/html,x">x</a>`,
		`<img src="javascript:alert(1)">`,
		`<p><a/href="javascript:alert(1)">x</a></p>`,
	}
	for _, s := range bad {
		if !unsafeLink(s) {
			t.Errorf("not refused: %q", s)
		}
	}
	good := []string{
		`<a href="https://dichvucong.gov.vn/p/home">Cổng dịch vụ công</a>`,
		`<a href="http://example.org/a:b">x</a>`,
		`<a href="mailto:vanphong@example.org">thư</a>`,
		`<a href="tel:02213555010">gọi</a>`,
		`<a href="/cong-khai/12">tin</a>`,
		`<a href="../tep/3/bien-ban.pdf">tệp</a>`,
		`<a href="#muc-2">mục 2</a>`,
		`<p title="data: số liệu">Số liệu data: 2024; javascript là một ngôn ngữ</p>`,
		`Bà con xem mục data:2024 trên bảng tin.`,
	}
	for _, s := range good {
		if unsafeLink(s) {
			t.Errorf("refused: %q", s)
		}
	}
}

// Chromium's editor makes a <div> per line on Enter, and the policy drops
// divs: the lines must still arrive as separate paragraphs.
func TestSanitizeKeepsDivLinesApart(t *testing.T) {
	h := &handler{policy: newPolicy()}
	cases := []struct{ in, want string }{
		{`<div>a</div><div>b</div>`, `<p>a</p><p>b</p>`},
		{`Dòng một<div>Dòng hai</div><div><br></div><div>Dòng <b>ba</b></div>`, `<p>Dòng một</p><p>Dòng hai</p><p><br/></p><p>Dòng <b>ba</b></p>`},
		{`<div class="x" style="color:red"><p>đoạn</p><ul><li>một</li></ul></div>`, `<p>đoạn</p><ul><li>một</li></ul>`},
		{`<div><div>a</div>b</div>`, `<p>a</p><p>b</p>`},
		{`<table><tr><td><div>1</div><div>2</div></td></tr></table>`, `<table><tbody><tr><td><p>1</p><p>2</p></td></tr></tbody></table>`},
		{`<p>không có div</p>`, `<p>không có div</p>`},
	}
	for _, c := range cases {
		if got := h.sanitize(c.in); got != c.want {
			t.Errorf("sanitize(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		if got := htmlToText(h.sanitize(c.in)); strings.Contains(got, "ab") || strings.Contains(got, "12") {
			t.Errorf("lines merged in %q: %q", c.in, got)
		}
	}
}
