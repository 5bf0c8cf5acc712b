package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// templateSheet is the name of the template's only sheet.
const templateSheet = "Danh sách"

// WriteTemplate writes a file to fill in: the columns' headers, then the
// example rows (cells in cols' order). format is "xlsx" or "csv"; the CSV
// has a BOM and CRLF line ends, which Excel needs to open UTF-8 correctly.
func WriteTemplate(w io.Writer, format string, cols []Column, example [][]string) error {
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Header
	}
	switch format {
	case "csv":
		if _, err := io.WriteString(w, bom); err != nil {
			return fmt.Errorf("sheet: write template: %w", err)
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		cw.Write(header)
		cw.WriteAll(example) // flushes
		if err := cw.Error(); err != nil {
			return fmt.Errorf("sheet: write template: %w", err)
		}
		return nil
	case "xlsx":
		return writeXLSXTemplate(w, header, example)
	}
	return fmt.Errorf("sheet: unknown template format %q", format)
}

func writeXLSXTemplate(w io.Writer, header []string, example [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := templateSheet
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return fmt.Errorf("sheet: write template: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	})
	if err != nil {
		return fmt.Errorf("sheet: write template: %w", err)
	}
	rows := append([][]string{header}, example...)
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := setCell(f, sheet, cell, v, r > 0); err != nil {
				return fmt.Errorf("sheet: write template: %w", err)
			}
		}
	}
	for c := range header {
		name := columnName(c)
		width := 12.0
		for _, row := range rows {
			if c < len(row) {
				width = max(width, float64(utf8.RuneCountInString(row[c]))*1.1+2)
			}
		}
		if err := f.SetColWidth(sheet, name, name, min(width, 60)); err != nil {
			return fmt.Errorf("sheet: write template: %w", err)
		}
	}
	last, _ := excelize.CoordinatesToCellName(max(len(header), 1), 1)
	if err := f.SetCellStyle(sheet, "A1", last, bold); err != nil {
		return fmt.Errorf("sheet: write template: %w", err)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet: write template: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("sheet: write template: %w", err)
	}
	return nil
}

// setCell writes a whole number of an example row as a number, so Excel
// does not flag it as "number stored as text"; everything else is text.
func setCell(f *excelize.File, sheet, cell, v string, data bool) error {
	if data && len(v) > 0 && len(v) < 16 && (v[0] != '0' || v == "0") {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return f.SetCellInt(sheet, cell, n)
		}
	}
	return f.SetCellStr(sheet, cell, v)
}
