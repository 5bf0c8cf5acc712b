package portal

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"minhbach/portal/budget"
	"minhbach/portal/rules"
	"minhbach/portal/sheet"
)

// budgetCSV is a small execution report: A = 1.000.000 + 500.000,
// B = 1.200.000 + 300.000; actual A = 700.000 + 200.000.
const budgetCSV = "\ufeffThu/Chi,Mã,Tên,Mã cấp trên,Dự toán,Thực hiện\r\n" +
	"Thu,A,Tổng thu,,\"1.500.000\",\"900.000\"\r\n" +
	"Thu,A.1,Thuế,A,\"1.000.000\",\"700.000\"\r\n" +
	"Thu,A.2,Bổ sung,A,500000,200000\r\n" +
	"Chi,B,Tổng chi,,\"1,500,000\",\r\n" +
	"Chi,B.1,Đầu tư,B,1.200.000,\r\n" +
	"Chi,B.2,Khác,B,300.000,\r\n"

func budgetXLSX(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadBudgetFileGood(t *testing.T) {
	xlsx := budgetXLSX(t, [][]any{
		{"Biểu số 1: công khai thực hiện ngân sách"},                          // a title above the header
		{"thu/chi", "MA", "Noi dung", "Ma cap tren", "Du toan", "Quyet toan"}, // no diacritics, other order kept
		{"Thu", "A", "Tổng thu", "", 1500000, 900000},
		{"Thu", "A.1", "Thuế", "A", 1000000, 700000},
		{"Thu", "A.2", "Bổ sung", "A", 500000, 200000},
		{"Chi", "B", "Tổng chi", "", 1500000, nil},
		{"Chi", "B.1", "Đầu tư", "B", 1200000, nil},
		{"Chi", "B.2", "Khác", "B", 300000, nil},
	})
	for name, data := range map[string][]byte{"csv": []byte(budgetCSV), "xlsx": xlsx} {
		lines, err := readBudgetFile(bytes.NewReader(data), true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, err := budget.Build(lines)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Len() != 6 || doc.Revenue.Plan != 1_500_000 || doc.Revenue.Actual != 900_000 || doc.Expenditure.Plan != 1_500_000 {
			t.Errorf("%s: %d lines, totals %+v %+v", name, doc.Len(), doc.Revenue, doc.Expenditure)
		}
	}
}

func TestReadBudgetFileRefused(t *testing.T) {
	cases := []struct {
		name string
		data string
		want []string
	}{
		{"wrong total, difference shown",
			strings.Replace(budgetCSV, `"1,500,000"`, `"1.600.000"`, 1),
			[]string{"Dòng 5: dự toán của “Tổng chi” (mã B) ghi 1.600.000 đ nhưng tổng các dòng con là 1.500.000 đ, chênh lệch +100.000 đ."}},
		{"bad rows, all of them",
			strings.Replace(strings.Replace(budgetCSV, "500000,200000", "500000,2.5", 1), "Chi,B.2,Khác,B", "Chi,B.2,Khác,X", 1),
			[]string{"Dòng 4: thực hiện “2.5”: có phần lẻ", "Dòng 7: mã cấp trên “X” không có trong tệp."}},
		{"missing column",
			"Thu/Chi,Mã,Tên\r\nThu,A,x\r\n",
			[]string{"Dự toán"}},
		{"disguised file",
			"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			[]string{"không phải"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, err := readBudgetFile(strings.NewReader(c.data), true)
			var refused *errBudgetFile
			if !errors.As(err, &refused) || lines != nil {
				t.Fatalf("lines %v, err %v", lines, err)
			}
			all := strings.Join(refused.Problems, "\n")
			for _, want := range c.want {
				if !strings.Contains(all, want) {
					t.Errorf("problems %q lack %q", refused.Problems, want)
				}
			}
		})
	}
}

func TestBudgetTemplateReadsBack(t *testing.T) {
	// The template's example is a valid file: an officer who fills it in
	// the same way gets it accepted.
	for _, format := range []string{"csv", "xlsx"} {
		var buf bytes.Buffer
		if err := sheet.WriteTemplate(&buf, format, budgetColumns, budgetExample); err != nil {
			t.Fatal(err)
		}
		lines, err := readBudgetFile(&buf, true)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(lines) != len(budgetExample) {
			t.Errorf("%s: %d lines", format, len(lines))
		}
	}
}

func TestBudgetStagesAreTheCategorysKinds(t *testing.T) {
	var kinds []string
	for _, k := range rules.KindsOf(budgetCategory) {
		if k.Slug != "" {
			kinds = append(kinds, k.Slug)
		}
	}
	if strings.Join(kinds, ",") != strings.Join(budget.Stages, ",") {
		t.Errorf("rules kinds %v, budget stages %v", kinds, budget.Stages)
	}
	for _, s := range budget.Stages {
		if budget.StageName(s) == "" {
			t.Errorf("stage %s has no name", s)
		}
	}
}

func TestBudgetRowLabel(t *testing.T) {
	if got := budgetRowLabel([]byte(`{"key":"A.1","side":"thu","code":"A.1","name":"Thuế","plan":5,"actual":0}`)); got != "A.1 Thuế" {
		t.Errorf("label %q", got)
	}
}
