package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

const bom = "\ufeff"

// readCSV feeds the records of a UTF-8 CSV file to t. Excel writes ";"
// instead of "," where the decimal mark is a comma (Vietnamese settings
// among them), so the separator is guessed from the first lines.
func readCSV(data []byte, t *tableReader) error {
	data = bytes.TrimPrefix(data, []byte(bom))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	// The reader skips empty lines, and a quoted cell may span lines, so
	// the row Excel shows is the record's first line less the line breaks
	// inside the cells of earlier records.
	inside := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return t.done()
		}
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			return fileErr("Tệp CSV sai định dạng ở dòng %d: %s. Hãy mở tệp bằng Excel và lưu lại dạng CSV UTF-8, hoặc dùng .xlsx.", pe.StartLine-inside, csvProblem(pe.Err))
		}
		if err != nil {
			return fileErr("Tệp CSV không đọc được: %v.", err)
		}
		line, _ := r.FieldPos(0)
		if err := t.row(line-inside, rec); err != nil {
			return err
		}
		for _, f := range rec {
			inside += strings.Count(f, "\n")
		}
	}
}

func csvProblem(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote), errors.Is(err, csv.ErrBareQuote):
		return "dấu ngoặc kép (\") không đúng chỗ hoặc không được đóng"
	default:
		return err.Error()
	}
}

// separator guesses the field separator from the first lines: the one of
// ",", ";" and tab met most often outside quotes.
func separator(data []byte) rune {
	counts := map[byte]int{}
	quoted := false
	lines := 0
	for _, b := range data {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			if lines++; lines == 10 {
				goto done
			}
		case b == ',' || b == ';' || b == '\t':
			counts[b]++
		}
	}
done:
	best := byte(',')
	for _, b := range []byte{';', '\t'} {
		if counts[b] > counts[best] {
			best = b
		}
	}
	return rune(best)
}
