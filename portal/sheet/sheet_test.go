package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var cols = []Column{
	{Key: "name", Header: "Họ và tên chủ hộ", Aliases: []string{"Chủ hộ"}, Required: true},
	{Key: "village", Header: "Thôn", Aliases: []string{"Thôn/xóm"}, Required: true},
	{Key: "class", Header: "Phân loại", Required: true},
	{Key: "note", Header: "Ghi chú"},
}

var personal = []Forbidden{
	{Name: "số căn cước/CMND", Headers: []string{"Số CCCD/CMND", "CCCD", "CMND", "Căn cước", "Số định danh"}},
	{Name: "ngày sinh", Headers: []string{"Ngày sinh", "Năm sinh"}},
	{Name: "số điện thoại", Headers: []string{"Số điện thoại", "Điện thoại", "SĐT"}},
	{Name: "địa chỉ", Headers: []string{"Địa chỉ", "Số nhà"}},
}

var opts = Options{MaxRows: 1000, Forbidden: personal}

// xlsxFile makes a workbook whose first sheet has the given cells, keyed
// by cell name ("A1"), and any further sheets first when before is set.
func xlsxFile(t *testing.T, before map[string]string, cells map[string]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	if before != nil {
		for c, v := range before {
			if err := f.SetCellStr("Sheet1", c, v); err != nil {
				t.Fatal(err)
			}
		}
		sheet = "Danh sách"
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
	}
	for c, v := range cells {
		if err := f.SetCellStr(sheet, c, v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type row struct {
	Line                       int
	Name, Village, Class, Note string
}

func rowsOf(tab Table) []row {
	var out []row
	for _, r := range tab.Rows {
		out = append(out, row{r.Line, r.Values["name"], r.Values["village"], r.Values["class"], r.Values["note"]})
	}
	return out
}

func TestReadXLSX(t *testing.T) {
	data := xlsxFile(t, nil, map[string]string{
		"A1": "DANH SÁCH HỘ NGHÈO NĂM 2025", // a title above the header
		"A3": "STT", "B3": "PHAN LOAI", "C3": " thon ", "D3": "Ho va ten chu ho (*)", "E3": "Ghi chú",
		"A4": "1", "B4": "Hộ nghèo", "C4": "Thôn Đông", "D4": "  Nguyễn Văn An\u00a0", "E4": "",
		// rows 5 and 6 are absent from the file: Excel numbers on
		"A7": "2", "B7": "Hộ cận nghèo", "C7": "Thôn Tây", "D7": "Trần Thị Bình", "E7": "mới",
		"A8": " ",                                                                 // blank row
		"B9": "Ho ngheo", "C9": "Thôn Đông", "D9": "Nguye\u0302\u0303n Văn Cường", // NFD
	})
	tab, err := Read(bytes.NewReader(data), cols, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []row{
		{4, "Nguyễn Văn An", "Thôn Đông", "Hộ nghèo", ""},
		{7, "Trần Thị Bình", "Thôn Tây", "Hộ cận nghèo", "mới"},
		{9, "Nguyễn Văn Cường", "Thôn Đông", "Ho ngheo", ""},
	}
	if got := rowsOf(tab); !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %+v\nwant %+v", got, want)
	}
	if tab.Format != "xlsx" || !reflect.DeepEqual(tab.Ignored, []string{"STT"}) {
		t.Errorf("format %q, ignored %q", tab.Format, tab.Ignored)
	}
}

func TestReadXLSXNumbersAsStored(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "Chủ hộ")
	f.SetCellStr("Sheet1", "B1", "Thôn")
	f.SetCellStr("Sheet1", "C1", "Phân loại")
	f.SetCellStr("Sheet1", "D1", "Ghi chú")
	f.SetSheetRow("Sheet1", "A2", &[]any{"Lê Văn Dũng", "Thôn Bắc", "Hộ nghèo", 1234567})
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	f.SetCellStyle("Sheet1", "D2", "D2", style)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(&b, cols, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Rows[0].Values["note"]; got != "1234567" {
		t.Errorf("number cell = %q, want 1234567 as stored", got)
	}
}

func TestReadXLSXSkipsSheetWithoutHeader(t *testing.T) {
	data := xlsxFile(t, map[string]string{"A1": "Hướng dẫn: điền mỗi hộ một dòng."}, map[string]string{
		"A1": "Chủ hộ", "B1": "Thôn", "C1": "Phân loại",
		"A2": "Phạm Thị Em", "B2": "Thôn Nam", "C2": "Hộ thoát nghèo",
	})
	tab, err := Read(bytes.NewReader(data), cols, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := rowsOf(tab); !reflect.DeepEqual(got, []row{{2, "Phạm Thị Em", "Thôn Nam", "Hộ thoát nghèo", ""}}) {
		t.Errorf("rows = %+v", got)
	}
}

func TestReadCSV(t *testing.T) {
	cases := []struct {
		name string
		data string
		want []row
	}{
		{"BOM and CRLF", "\ufeffHọ và tên chủ hộ,Thôn,Phân loại,Ghi chú\r\nNguyễn Văn An,Thôn Đông,Hộ nghèo,\r\n",
			[]row{{2, "Nguyễn Văn An", "Thôn Đông", "Hộ nghèo", ""}}},
		{"no BOM, LF, no final newline", "ho va ten chu ho,thon,phan loai\nTrần Thị Bình,Thôn Tây,Hộ cận nghèo",
			[]row{{2, "Trần Thị Bình", "Thôn Tây", "Hộ cận nghèo", ""}}},
		{"quoted commas and quotes", "Phân loại,Thôn,Chủ hộ,Ghi chú\n\"Hộ nghèo\",\"Thôn Đông, xóm 2\",\"Lê \"\"Út\"\" Văn\",\"ốm, nằm viện\"\n",
			[]row{{2, "Lê \"Út\" Văn", "Thôn Đông, xóm 2", "Hộ nghèo", "ốm, nằm viện"}}},
		{"semicolons as Excel writes them in Vietnamese settings", "Chủ hộ;Thôn;Phân loại;Ghi chú\r\nĐỗ Văn Giang;Thôn Bắc;Hộ nghèo;có 1,5 sào\r\n",
			[]row{{2, "Đỗ Văn Giang", "Thôn Bắc", "Hộ nghèo", "có 1,5 sào"}}},
		{"blank lines and a cell over two lines keep Excel's numbering",
			"Chủ hộ,Thôn,Phân loại,Ghi chú\n\nA,Thôn Đông,Hộ nghèo,\"dòng một\ndòng hai\"\n,,,\nB,Thôn Tây,Hộ nghèo,\n",
			[]row{{3, "A", "Thôn Đông", "Hộ nghèo", "dòng một\ndòng hai"}, {5, "B", "Thôn Tây", "Hộ nghèo", ""}}},
		{"title line above the header", "Danh sách hộ nghèo năm 2025\nChủ hộ,Thôn,Phân loại\nC,Thôn Nam,Hộ nghèo\n",
			[]row{{3, "C", "Thôn Nam", "Hộ nghèo", ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := Read(strings.NewReader(tc.data), cols, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := rowsOf(tab); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows = %+v\nwant %+v", got, tc.want)
			}
			if tab.Format != "csv" {
				t.Errorf("format = %q", tab.Format)
			}
		})
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReadRefuses: each file that is not a usable table is refused with
// a message saying what it is.
func TestReadRefuses(t *testing.T) {
	good := xlsxFile(t, nil, map[string]string{"A1": "Chủ hộ", "B1": "Thôn", "C1": "Phân loại", "A2": "X", "B2": "Y", "C2": "Z"})
	cases := []struct {
		name string
		data []byte
		want []string // parts of the message
	}{
		{"empty", nil, []string{"Tệp rỗng"}},
		{"program renamed .xlsx", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 100)...), []string{"chương trình", ".xlsx"}},
		{"picture renamed .csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), []string{"ảnh PNG", "không phải bảng tính"}},
		{"old .xls", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), []string{"Excel 97-2003 (.xls)"}},
		{"zip that is not a workbook", zipOf(t, map[string]string{"readme.txt": "xin chào"}), []string{"tệp nén ZIP, không phải bảng tính"}},
		{"Word document", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}), []string{"văn bản Word"}},
		{"OpenDocument spreadsheet", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), []string{".ods"}},
		{"truncated workbook", good[:len(good)/2], []string{"bị hỏng"}},
		{"UTF-16 text", []byte("\xff\xfeC\x00h\x00"), []string{"UTF-16"}},
		{"HTML saved as .xls", []byte("<html><table><tr><td>Chủ hộ</td></tr></table></html>"), []string{"HTML"}},
		{"Windows-1258 CSV", []byte("Ch\xf0 h\xd2,Th\xf4n,Ph\xe2n lo\xb9i\nNguy\xean V\xe3n An,Th\xf4n \xd0\xf4ng,H\xd2 ngh\xe8o\n"), []string{"không được lưu ở mã UTF-8", "CSV UTF-8"}},
		{"binary junk", []byte("abc\x00\x01\x02def"), []string{"không phải bảng tính"}},
		{"no header", []byte("a,b,c\n1,2,3\n"), []string{"Không tìm thấy dòng tiêu đề", `"Họ và tên chủ hộ", "Thôn", "Phân loại", "Ghi chú"`}},
		{"missing required column", []byte("Chủ hộ,Ghi chú\nA,B\n"), []string{`thiếu cột bắt buộc: "Thôn", "Phân loại"`}},
		{"column twice", []byte("Chủ hộ,Thôn,Phân loại,Họ và tên chủ hộ\nA,B,C,D\n"), []string{`"Họ và tên chủ hộ" có hai lần`, "cột A và cột D"}},
		{"personal data columns", []byte("STT,Chủ hộ,Số CCCD/CMND,Thôn,Phân loại,Năm sinh,SĐT\n1,A,001,B,C,1970,0200\n"),
			[]string{`"Số CCCD/CMND" (số căn cước/CMND)`, `"Năm sinh" (ngày sinh)`, `"SĐT" (số điện thoại)`, "xoá các cột"}},
		{"personal data inside a longer header", []byte("Chủ hộ,Thôn,Phân loại,Địa chỉ thường trú\nA,B,C,D\n"), []string{`"Địa chỉ thường trú" (địa chỉ)`}},
		{"personal data only in the xlsx header", xlsxFile(t, nil, map[string]string{"A1": "Chủ hộ", "B1": "Thôn", "C1": "Phân loại", "D1": "Ngày sinh"}), []string{`"Ngày sinh" (ngày sinh)`}},
		{"unbalanced quote", []byte("Chủ hộ,Thôn,Phân loại\nA,B,C\n\"D,E,F\n"), []string{"dòng 3", "ngoặc kép"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tc.data), cols, opts)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a *FileError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(fe.Message, w) {
					t.Errorf("message %q\nlacks %q", fe.Message, w)
				}
			}
		})
	}
}

func TestReadMaxRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("Chủ hộ,Thôn,Phân loại\n")
	for i := range 1001 {
		fmt.Fprintf(&b, "Hộ %d,Thôn Đông,Hộ nghèo\n", i)
	}
	_, err := Read(strings.NewReader(b.String()), cols, opts)
	if fe, ok := errors.AsType[*FileError](err); !ok || !strings.Contains(fe.Message, "hơn 1.000 dòng") {
		t.Fatalf("err = %v", err)
	}
	tab, err := Read(strings.NewReader(b.String()), cols, Options{})
	if err != nil || len(tab.Rows) != 1001 || tab.Rows[1000].Line != 1002 {
		t.Fatalf("without a limit: %d rows, %v", len(tab.Rows), err)
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	example := [][]string{
		{"Nguyễn Văn An", "Thôn Đông", "Hộ nghèo", ""},
		{"Trần Thị Bình", "Thôn Tây", "Hộ cận nghèo", "2025"},
	}
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteTemplate(&b, format, cols, example); err != nil {
				t.Fatal(err)
			}
			if format == "csv" {
				want := "\ufeffHọ và tên chủ hộ,Thôn,Phân loại,Ghi chú\r\nNguyễn Văn An,Thôn Đông,Hộ nghèo,\r\n"
				if !strings.HasPrefix(b.String(), want) {
					t.Errorf("csv = %q", b.String())
				}
			}
			tab, err := Read(&b, cols, opts)
			if err != nil {
				t.Fatal(err)
			}
			want := []row{{2, "Nguyễn Văn An", "Thôn Đông", "Hộ nghèo", ""}, {3, "Trần Thị Bình", "Thôn Tây", "Hộ cận nghèo", "2025"}}
			if got := rowsOf(tab); !reflect.DeepEqual(got, want) {
				t.Errorf("rows = %+v", got)
			}
			if tab.Format != format {
				t.Errorf("format = %q", tab.Format)
			}
		})
	}
	if err := WriteTemplate(&bytes.Buffer{}, "ods", cols, nil); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := columnName(i); got != want {
			t.Errorf("columnName(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestReadLargeXLSX reads a 50,000-row workbook written the way Excel
// writes large ones (inline rows, shared strings off) through the stream.
func TestReadLargeXLSX(t *testing.T) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"Họ và tên chủ hộ", "Thôn", "Phân loại", "Ghi chú"})
	const n = 50000
	for i := 2; i <= n+1; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		sw.SetRow(cell, []any{fmt.Sprintf("Hộ số %d", i), "Thôn Đông", "Hộ nghèo", ""})
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(&b, cols, Options{MaxRows: n, Forbidden: personal})
	if err != nil {
		t.Fatal(err)
	}
	last := tab.Rows[len(tab.Rows)-1]
	if len(tab.Rows) != n || last.Line != n+1 || last.Values["name"] != fmt.Sprintf("Hộ số %d", n+1) {
		t.Fatalf("%d rows, last %+v", len(tab.Rows), last)
	}
}

func TestReadTitleMentioningPersonalData(t *testing.T) {
	data := "Danh sách hộ nghèo, ghi địa chỉ theo thôn\nChủ hộ,Thôn,Phân loại\nA,Thôn Đông,Hộ nghèo\n"
	tab, err := Read(strings.NewReader(data), cols, opts)
	if err != nil || len(tab.Rows) != 1 || tab.Rows[0].Line != 3 {
		t.Fatalf("rows %+v, err %v", tab.Rows, err)
	}
}
