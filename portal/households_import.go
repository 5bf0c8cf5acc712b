package portal

import (
	"errors"
	"fmt"
	"io"
	"mime"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/households"
	"minhbach/portal/sheet"
	"minhbach/portal/vn"
)

// maxImportBytes bounds an imported list: 100,000 rows of CSV are about
// 6 MB, and a workbook is smaller.
const maxImportBytes = MaxUploadBytes

// householdsImport replaces a list's rows with those of an .xlsx or .csv
// file. Every bad row is reported with its row number and reason, and
// nothing is saved unless the whole file is good.
func (h *handler) householdsImport(c *fiber.Ctx) error {
	l, err := h.officerHouseholds(c)
	if err != nil {
		return err
	}
	if l.D.IsWithdrawn() {
		return errWithdrawnIsFinal
	}
	reason := formText(c, "import-reason")
	errs := fieldErrors{}
	h.reasonCheck(l.D, reason, errs, "import-reason")
	p := &householdsPage{Facts: l.Facts.Input(), ImportErrors: errs, ImportReason: reason}
	fh, err := c.FormFile("file")
	switch {
	case err != nil || fh.Size == 0 && fh.Filename == "":
		errs["file"] = "Chưa chọn tệp danh sách (.xlsx hoặc .csv)."
	case fh.Size == 0:
		errs["file"] = "Tệp rỗng, không có dữ liệu."
	case fh.Size > maxImportBytes:
		errs["file"] = fmt.Sprintf("Tệp %s, vượt giới hạn %d MB. Hãy chia danh sách thành nhiều đợt.", fmtSize(fh.Size), maxImportBytes>>20)
	}
	if len(errs) > 0 {
		return h.renderHouseholds(c, l, p)
	}
	r, err := fh.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	rows, problems, err := readHouseholds(io.LimitReader(r, maxImportBytes), l.Villages)
	if fe, ok := errors.AsType[*sheet.FileError](err); ok {
		errs["file"] = fe.Message
		return h.renderHouseholds(c, l, p)
	}
	if err != nil {
		return err
	}
	if problems != nil {
		errs["file"] = fmt.Sprintf("Tệp có %s dòng chưa đúng, nên chưa lưu dòng nào. Hãy sửa các dòng dưới đây rồi tải lên lại.", vn.Number(int64(len(problems))))
		p.Problems = problems[:min(len(problems), maxShownProblems)]
		p.MoreProblems = len(problems) - len(p.Problems)
		return h.renderHouseholds(c, l, p)
	}
	if err := l.checkStamp(c); err != nil {
		return err
	}
	households.AssignKeys(rows, l.Rows)
	err = h.saveHouseholds(c, l, l.Facts, rows, reason)
	return h.afterHouseholdSave(c, l, err, fmt.Sprintf("Đã nhập %s hộ từ tệp %s.", vn.Number(int64(len(rows))), cleanFilename(fh.Filename)))
}

// readHouseholds reads and checks a list file: a *sheet.FileError for the
// file as a whole, else the rows or every bad row.
func readHouseholds(r io.Reader, villages []string) ([]households.Row, []households.Problem, error) {
	t, err := sheet.Read(r, households.Columns, sheet.Options{MaxRows: households.MaxRows, Forbidden: households.Personal})
	if err != nil {
		return nil, nil, err
	}
	if len(t.Rows) == 0 {
		return nil, nil, &sheet.FileError{Message: "Tệp chỉ có dòng tiêu đề, chưa có hộ nào."}
	}
	rows, problems := households.FromTable(t, villages)
	return rows, problems, nil
}

// householdsTemplate downloads the file to fill in, .xlsx or .csv, its
// example rows in the commune's own villages.
func (h *handler) householdsTemplate(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "xlsx" && format != "csv" {
		return errNotFound()
	}
	example := households.Example
	vs, err := h.store.Villages(c.UserContext())
	if err != nil {
		return err
	}
	if len(vs) > 0 {
		example = make([][]string, len(households.Example))
		for i, r := range households.Example {
			example[i] = append([]string{}, r...)
			example[i][1] = vs[i%len(vs)].Name
		}
	}
	ctype := "text/csv; charset=utf-8"
	if format == "xlsx" {
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	c.Set(fiber.HeaderContentType, ctype)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": "mau-danh-sach-ho-ngheo." + format}))
	return sheet.WriteTemplate(c.Response().BodyWriter(), format, households.Columns, example)
}
