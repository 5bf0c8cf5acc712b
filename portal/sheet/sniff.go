package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// maxUnzipped caps what a workbook may expand to: a 50,000-row list is
// about 10 MB of XML, so this only stops a zip bomb.
const maxUnzipped = 256 << 20

const saveAs = "Cổng chỉ nhận bảng tính .xlsx hoặc tệp .csv (UTF-8): hãy mở tệp trong Excel, chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), hoặc dùng tệp mẫu của cổng."

// magics are the first bytes of files that are not tables, with what the
// officer would call them.
var magics = []struct{ prefix, what string }{
	{"MZ", "một chương trình (.exe)"},
	{"\x7fELF", "một chương trình"},
	{"\x89PNG", "một ảnh PNG"},
	{"\xff\xd8\xff", "một ảnh JPEG"},
	{"GIF8", "một ảnh GIF"},
	{"RIFF", "một tệp ảnh hoặc âm thanh"},
	{"%PDF", "một tệp PDF"},
	{"{\\rtf", "một văn bản RTF"},
	{"Rar!", "một tệp nén RAR"},
	{"7z\xbc\xaf", "một tệp nén 7z"},
	{"\x1f\x8b", "một tệp nén gzip"},
}

// sniff decides the format from the content: "xlsx" or "csv", or a
// *FileError saying what the file is instead.
func sniff(data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", fileErr("Tệp rỗng, không có dữ liệu.")
	}
	switch {
	case hasPrefix(data, "PK\x03\x04") || hasPrefix(data, "PK\x05\x06"):
		return "xlsx", checkWorkbook(data)
	case hasPrefix(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return "", fileErr("Tệp là bảng tính Excel 97-2003 (.xls) hoặc bảng tính có đặt mật khẩu. " + saveAs + " Nếu tệp có mật khẩu, hãy bỏ mật khẩu trước.")
	case hasPrefix(data, "\xff\xfe") || hasPrefix(data, "\xfe\xff"):
		return "", fileErr("Tệp văn bản được lưu ở mã UTF-16 (Unicode Text), không phải CSV UTF-8. " + saveAs)
	}
	for _, m := range magics {
		if hasPrefix(data, m.prefix) {
			return "", fileErr("Tệp này là %s, không phải bảng tính. %s", m.what, saveAs)
		}
	}
	head := data[:min(len(data), 4096)]
	if bytes.IndexByte(head, 0) >= 0 {
		return "", fileErr("Tệp này không phải bảng tính hay tệp văn bản CSV. " + saveAs)
	}
	text := bytes.TrimPrefix(data, []byte(bom))
	if t := bytes.TrimLeft(text, " \t\r\n"); len(t) > 0 && t[0] == '<' {
		return "", fileErr("Tệp là trang HTML hoặc XML (có thể do Excel lưu dạng Trang web hay Bảng tính XML 2003), không phải CSV. " + saveAs)
	}
	if !utf8.Valid(text) {
		return "", fileErr("Tệp CSV không được lưu ở mã UTF-8 (có thể là mã Windows-1258 hoặc TCVN3 của Excel cũ), nên chữ có dấu sẽ bị sai. " +
			"Hãy mở tệp trong Excel và chọn Lưu thành (Save As) → CSV UTF-8 (phân tách bằng dấu phẩy), hoặc lưu thành .xlsx.")
	}
	return "csv", nil
}

// checkWorkbook accepts a zip that holds an Excel workbook and says what
// any other zip is.
func checkWorkbook(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fileErr("Tệp bị hỏng hoặc chưa tải lên hết (tệp nén không đọc được). Hãy lưu lại tệp rồi tải lên lại.")
	}
	var total uint64
	names := map[string]*zip.File{}
	for _, f := range zr.File {
		total += f.UncompressedSize64
		names[f.Name] = f
	}
	if total > maxUnzipped {
		return fileErr("Tệp bảng tính quá lớn khi giải nén. Hãy chia thành nhiều tệp.")
	}
	switch {
	case names["xl/workbook.xml"] != nil && names["[Content_Types].xml"] != nil:
		return nil
	case names["xl/workbook.bin"] != nil:
		return fileErr("Tệp là bảng tính nhị phân Excel (.xlsb). " + saveAs)
	case names["word/document.xml"] != nil:
		return fileErr("Tệp này là văn bản Word (.docx), không phải bảng tính. " + saveAs)
	case names["ppt/presentation.xml"] != nil:
		return fileErr("Tệp này là bài trình chiếu PowerPoint (.pptx), không phải bảng tính. " + saveAs)
	case names["mimetype"] != nil && strings.Contains(readSmall(names["mimetype"]), "opendocument.spreadsheet"):
		return fileErr("Tệp là bảng tính OpenDocument (.ods). " + saveAs)
	}
	return fileErr("Tệp này là một tệp nén ZIP, không phải bảng tính Excel. " + saveAs)
}

func readSmall(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 200))
	return string(b)
}
