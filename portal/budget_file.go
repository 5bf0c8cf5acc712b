package portal

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/budget"
	"minhbach/portal/sheet"
)

// budgetColumns are the columns of a budget file, under the headers of
// the template; officers' own sheets often say "Nội dung" or "Quyết toán".
var budgetColumns = []sheet.Column{
	{Key: "side", Header: "Thu/Chi", Aliases: []string{"Thu chi", "Loại"}, Required: true},
	{Key: "code", Header: "Mã", Aliases: []string{"Mã số", "Mã dòng", "Mã khoản"}, Required: true},
	{Key: "name", Header: "Tên", Aliases: []string{"Nội dung", "Tên khoản", "Chỉ tiêu"}, Required: true},
	{Key: "parent", Header: "Mã cấp trên", Aliases: []string{"Cấp trên", "Thuộc mã"}},
	{Key: "plan", Header: "Dự toán", Aliases: []string{"Dự toán năm", "Kế hoạch"}, Required: true},
	{Key: "actual", Header: "Thực hiện", Aliases: []string{"Quyết toán", "Ước thực hiện", "Thực hiện lũy kế"}},
}

// budgetExample fills the template: a total with its lines, as officers'
// sheets are laid out, so the parent column explains itself.
var budgetExample = [][]string{
	{"Thu", "A", "Tổng thu ngân sách xã", "", "1.500.000.000", "900.000.000"},
	{"Thu", "A.1", "Thu thuế, phí, lệ phí", "A", "500.000.000", "350.000.000"},
	{"Thu", "A.2", "Thu bổ sung từ ngân sách cấp trên", "A", "1.000.000.000", "550.000.000"},
	{"Chi", "B", "Tổng chi ngân sách xã", "", "1.500.000.000", "800.000.000"},
	{"Chi", "B.1", "Chi đầu tư phát triển", "B", "600.000.000", "250.000.000"},
	{"Chi", "B.2", "Chi thường xuyên", "B", "900.000.000", "550.000.000"},
}

// errBudgetFile is a file refused as a whole or row by row; Problems are
// the messages to show, each naming its row.
type errBudgetFile struct{ Problems []string }

func (e *errBudgetFile) Error() string { return "budget file refused" }

// maxBudgetProblems is how many rows' problems are listed; a file wrong
// everywhere (the wrong sheet) says so after that many.
const maxBudgetProblems = 200

// readBudgetFile reads an officer's .xlsx or CSV file into checked lines.
// withActual is false for an estimate, whose actual column must be empty.
// A refused file is *errBudgetFile.
func readBudgetFile(r io.Reader, withActual bool) ([]budget.Line, error) {
	tab, err := sheet.Read(r, budgetColumns, sheet.Options{MaxRows: budget.MaxLines})
	var fe *sheet.FileError
	if errors.As(err, &fe) {
		return nil, &errBudgetFile{[]string{fe.Message}}
	}
	if err != nil {
		return nil, err
	}
	raws := make([]budget.Raw, len(tab.Rows))
	for i, row := range tab.Rows {
		v := row.Values
		raws[i] = budget.Raw{N: row.Line, Side: v["side"], Code: v["code"], Name: v["name"], Parent: v["parent"],
			Plan: v["plan"], Actual: v["actual"]}
	}
	lines, problems := budget.Check(raws, withActual)
	if len(problems) == 0 {
		return lines, nil
	}
	out := &errBudgetFile{}
	for i, p := range problems {
		if i == maxBudgetProblems {
			out.Problems = append(out.Problems, "… và "+itoa(int64(len(problems)-i))+" lỗi khác.")
			break
		}
		if p.Row == 0 {
			out.Problems = append(out.Problems, upperFirst(p.Msg)+".")
		} else {
			out.Problems = append(out.Problems, p.Error()+".")
		}
	}
	return nil, out
}

// budgetTemplate serves the empty budget sheet with its example rows.
func (h *handler) budgetTemplate(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "xlsx" {
		return errNotFound()
	}
	var buf bytes.Buffer
	if err := sheet.WriteTemplate(&buf, format, budgetColumns, budgetExample); err != nil {
		return err
	}
	if format == "csv" {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	} else {
		c.Set(fiber.HeaderContentType, mimeXLSX)
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": "mau-ngan-sach." + format}))
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(buf.Bytes())
}

// upperFirst starts a message with a capital, as a sentence.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// readBudgetUpload reads an uploaded budget file, refusing one over the
// upload limit before reading it.
func (h *handler) readBudgetUpload(fh *multipart.FileHeader, withActual bool) ([]budget.Line, error) {
	if fh.Size > MaxUploadBytes {
		return nil, &errBudgetFile{[]string{"Tệp " + fmtSize(fh.Size) + ", vượt giới hạn " + itoa(MaxUploadBytes>>20) + " MB."}}
	}
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readBudgetFile(io.LimitReader(f, MaxUploadBytes), withActual)
}
