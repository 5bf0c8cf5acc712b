// Package sheet reads the tables officers keep in Excel (.xlsx) or CSV and
// writes the templates they fill in. Pure: no HTTP, no SQL.
//
// The format is decided by the file's content, never by its name, and a
// file that is not a table (a renamed picture or program, an old .xls, a
// zip that is not a workbook, a CSV saved in a legacy code page) is refused
// with a message in Vietnamese that tells the officer what to do. Columns
// are found by their headers in any order, case and diacritics ignored.
// What a cell means is for the caller: every value comes back as trimmed
// text, numbers as stored in the cell (1234567, not the 1.234.567 that
// Excel shows).
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"minhbach/portal/vn"
)

// Column is one column the caller expects.
type Column struct {
	Key      string   // the name values are stored under in Row.Values
	Header   string   // the header written in templates and named in messages
	Aliases  []string // other headers accepted for the column
	Required bool     // a file without the column is refused
}

// Forbidden names a kind of column that must never be imported, such as
// personal data the portal may not publish. A header is forbidden when,
// folded, it equals one of Headers or contains one as whole words.
type Forbidden struct {
	Name    string   // what the column is, as the message names it
	Headers []string // headers that reveal it
}

// Options limits what Read accepts.
type Options struct {
	MaxRows   int // data rows; 0: no limit
	Forbidden []Forbidden
}

// Row is one non-blank data row.
type Row struct {
	Line   int               // the row number the officer sees in Excel (the header row is usually 1)
	Values map[string]string // by Column.Key; "" for an empty cell
}

// Table is what Read found.
type Table struct {
	Format  string   // "xlsx" or "csv"
	Rows    []Row    // in file order, blank rows left out
	Ignored []string // headers of columns the caller did not ask for, as written
}

// FileError is a problem with the whole file; Error is a message for the
// officer in Vietnamese.
type FileError struct{ Message string }

func (e *FileError) Error() string { return e.Message }

func fileErr(format string, args ...any) error {
	return &FileError{Message: fmt.Sprintf(format, args...)}
}

// headerScan is how many rows above the header (a title, a date line) are
// looked through to find it.
const headerScan = 10

// Read reads a table from an .xlsx or CSV file. Whole-file problems are
// *FileError; problems with single values are the caller's to find.
func Read(r io.Reader, cols []Column, opt Options) (Table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Table{}, fmt.Errorf("sheet: read: %w", err)
	}
	format, err := sniff(data)
	if err != nil {
		return Table{}, err
	}
	t := &tableReader{cols: cols, opt: opt, table: Table{Format: format}}
	if format == "xlsx" {
		err = readXLSX(data, t)
	} else {
		err = readCSV(data, t)
	}
	if errors.Is(err, errNoHeader) {
		return Table{}, t.noHeader()
	}
	if err != nil {
		return Table{}, err
	}
	return t.table, nil
}

// tableReader turns the rows of one sheet into a Table: it finds the header
// row, checks the columns, then collects data rows.
type tableReader struct {
	cols    []Column
	opt     Options
	table   Table
	index   []int // cell position → column index in cols, -1 for others
	scanned int   // non-blank rows looked at while no header was found
}

// errNoHeader ends the reading of a sheet in which no header row was found.
var errNoHeader = errors.New("sheet: no header row")

// row takes the cells of the sheet's row at line (1-based).
func (t *tableReader) row(line int, cells []string) error {
	if blank(cells) {
		return nil
	}
	if t.index == nil {
		return t.header(cells)
	}
	if t.opt.MaxRows > 0 && len(t.table.Rows) >= t.opt.MaxRows {
		return fileErr("Tệp có hơn %s dòng dữ liệu, quá giới hạn một lần nhập. Hãy chia thành nhiều tệp.", vn.Number(int64(t.opt.MaxRows)))
	}
	values := make(map[string]string, len(t.cols))
	for _, c := range t.cols {
		values[c.Key] = ""
	}
	for i, cell := range cells {
		if i < len(t.index) && t.index[i] >= 0 {
			values[t.cols[t.index[i]].Key] = clean(cell)
		}
	}
	t.table.Rows = append(t.table.Rows, Row{Line: line, Values: values})
	return nil
}

// header decides whether cells are the header row: the first non-blank
// row naming at least one expected or forbidden column exactly (a title
// such as "Danh sách … địa chỉ …" is not a header). Rows above it are
// skipped.
func (t *tableReader) header(cells []string) error {
	folded := make([]string, len(cells))
	known := false
	for i, c := range cells {
		folded[i] = foldHeader(c)
		if t.column(folded[i]) >= 0 || t.forbiddenExactly(folded[i]) {
			known = true
		}
	}
	if !known {
		t.scanned++
		if t.scanned >= headerScan {
			return errNoHeader
		}
		return nil
	}
	var bad []string
	seenBad := map[string]bool{}
	for i, f := range folded {
		if name := t.forbidden(f); name != "" && !seenBad[name] {
			seenBad[name] = true
			bad = append(bad, fmt.Sprintf("%q (%s)", clean(cells[i]), name))
		}
	}
	if len(bad) > 0 {
		return fileErr("Tệp có cột dữ liệu cá nhân không được công khai: %s. Hãy xoá các cột này khỏi tệp rồi tải lên lại.", strings.Join(bad, ", "))
	}
	t.index = make([]int, len(cells))
	found := make([]int, len(t.cols)) // cell position + 1 of each column
	for i, f := range folded {
		t.index[i] = -1
		if f == "" {
			continue
		}
		k := t.column(f)
		if k < 0 {
			t.table.Ignored = append(t.table.Ignored, clean(cells[i]))
			continue
		}
		if found[k] > 0 {
			return fileErr("Cột %q có hai lần trong dòng tiêu đề (cột %s và cột %s). Hãy giữ một cột.",
				t.cols[k].Header, columnName(found[k]-1), columnName(i))
		}
		found[k] = i + 1
		t.index[i] = k
	}
	var missing []string
	for k, c := range t.cols {
		if c.Required && found[k] == 0 {
			missing = append(missing, fmt.Sprintf("%q", c.Header))
		}
	}
	if len(missing) > 0 {
		return fileErr("Tệp thiếu cột bắt buộc: %s. Dòng tiêu đề cần có các cột: %s.", strings.Join(missing, ", "), t.headerList())
	}
	return nil
}

// column is the index in cols of the column a folded header names, or -1.
func (t *tableReader) column(folded string) int {
	if folded == "" {
		return -1
	}
	for k, c := range t.cols {
		if foldHeader(c.Header) == folded {
			return k
		}
		for _, a := range c.Aliases {
			if foldHeader(a) == folded {
				return k
			}
		}
	}
	return -1
}

// forbidden is the name of the forbidden kind a folded header reveals, or "".
func (t *tableReader) forbidden(folded string) string {
	if folded == "" {
		return ""
	}
	padded := " " + wordsOnly(folded) + " "
	for _, f := range t.opt.Forbidden {
		for _, h := range f.Headers {
			fh := foldHeader(h)
			if fh == folded || strings.Contains(padded, " "+wordsOnly(fh)+" ") {
				return f.Name
			}
		}
	}
	return ""
}

func (t *tableReader) forbiddenExactly(folded string) bool {
	for _, f := range t.opt.Forbidden {
		for _, h := range f.Headers {
			if foldHeader(h) == folded {
				return true
			}
		}
	}
	return false
}

// done is called at the end of a sheet.
func (t *tableReader) done() error {
	if t.index == nil {
		return errNoHeader
	}
	return nil
}

func (t *tableReader) headerList() string {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = fmt.Sprintf("%q", c.Header)
	}
	return strings.Join(names, ", ")
}

func (t *tableReader) noHeader() error {
	return fileErr("Không tìm thấy dòng tiêu đề trong tệp. Dòng tiêu đề cần có các cột: %s. Hãy dùng tệp mẫu của cổng.", t.headerList())
}

// foldHeader folds a header for matching; a trailing "*" or "(*)" that
// marks a required column in a template is dropped.
func foldHeader(s string) string {
	f := vn.Fold(s)
	f = strings.TrimSuffix(f, "(*)")
	f = strings.TrimSuffix(f, "*")
	return strings.TrimSpace(f)
}

// wordsOnly turns punctuation into spaces, so "so cccd/cmnd" has the
// words "cccd" and "cmnd".
func wordsOnly(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// clean trims a value (spaces, no-break spaces, a stray BOM or zero-width
// space) and puts it in NFC, so text typed on any system compares alike.
func clean(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

func blank(cells []string) bool {
	for _, c := range cells {
		if clean(c) != "" {
			return false
		}
	}
	return true
}

// columnName is Excel's letter name of the 0-based column i (0 → A, 26 → AA).
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

// hasPrefix is bytes.HasPrefix with a string prefix.
func hasPrefix(b []byte, p string) bool { return bytes.HasPrefix(b, []byte(p)) }
