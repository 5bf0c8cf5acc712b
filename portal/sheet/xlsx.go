package sheet

import (
	"bytes"
	"errors"

	"github.com/xuri/excelize/v2"
)

// readXLSX feeds the rows of a workbook to t: the first sheet, in the
// workbook's order, that has a header row (an instructions sheet may come
// first). Rows are streamed, so a large sheet is never held as a grid.
func readXLSX(data []byte, t *tableReader) error {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:   true, // numbers as stored: 1234567, not "1,234,567"
		UnzipSizeLimit: maxUnzipped,
	})
	if err != nil {
		return fileErr("Tệp bảng tính .xlsx bị hỏng hoặc không đọc được. Hãy mở tệp trong Excel, lưu lại rồi tải lên lại.")
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		*t = tableReader{cols: t.cols, opt: t.opt, table: Table{Format: "xlsx"}}
		err := readSheet(f, name, t)
		if !errors.Is(err, errNoHeader) {
			return err
		}
	}
	return errNoHeader
}

func readSheet(f *excelize.File, name string, t *tableReader) error {
	rows, err := f.Rows(name)
	if err != nil {
		return fileErr("Trang tính %q không đọc được. Hãy mở tệp trong Excel, lưu lại rồi tải lên lại.", name)
	}
	defer rows.Close()
	line := 0
	for rows.Next() {
		line++ // Next steps over missing rows one by one, so line is Excel's row number
		cells, err := rows.Columns()
		if err != nil {
			return fileErr("Trang tính %q bị lỗi ở dòng %d. Hãy mở tệp trong Excel, lưu lại rồi tải lên lại.", name, line)
		}
		if err := t.row(line, cells); err != nil {
			return err
		}
	}
	if rows.Error() != nil {
		return fileErr("Trang tính %q bị lỗi sau dòng %d. Hãy mở tệp trong Excel, lưu lại rồi tải lên lại.", name, line)
	}
	return t.done()
}
