package budget

import (
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	good := []struct {
		in     string
		want   int64
		stated bool
	}{
		{"1234567", 1234567, true},
		{"1.234.567", 1234567, true},
		{"1,234,567", 1234567, true},
		{"1 234 567", 1234567, true},
		{"1\u00a0234\u00a0567", 1234567, true},
		{"  12.500 ", 12500, true},
		{"1.234.567 đ", 1234567, true},
		{"1.234.567 đồng", 1234567, true},
		{"1.234.567,00", 1234567, true}, // Vietnamese spreadsheet with a zero fraction
		{"1,234,567.00", 1234567, true}, // English spreadsheet
		{"1234567.0", 1234567, true},
		{"1.000", 1000, true}, // a thousand, never one point zero
		{"0", 0, true},
		{"000", 0, true},
		{"", 0, false},
		{" - ", 0, false},
		{"–", 0, false},
		{"9.999.999.999.999", MaxAmount, true},
	}
	for _, c := range good {
		v, stated, err := ParseAmount(c.in)
		if err != nil || v != c.want || stated != c.stated {
			t.Errorf("ParseAmount(%q) = %d, %v, %v; want %d, %v", c.in, v, stated, err, c.want, c.stated)
		}
	}
	bad := map[string]error{
		"1.5":                errFraction,
		"1,50":               errFraction,
		"12.34":              errFraction,
		"1234.567":           errFraction,
		"1.234,567":          errFraction, // two kinds of separator that both group
		"1.234.00":           errFraction, // a broken group, not a fraction
		"-1.000":             errNegative,
		"(1.000)":            errNegative,
		"1,2e6":              errNotInt,
		"một triệu":          errNotInt,
		"10.000.000.000.000": errTooLarge,
	}
	for in, want := range bad {
		if _, stated, err := ParseAmount(in); err != want || !stated {
			t.Errorf("ParseAmount(%q) error = %v (stated %v), want %v", in, err, stated, want)
		}
	}
}

func TestPercent(t *testing.T) {
	cases := []struct {
		actual, plan int64
		want         string
	}{
		{457, 1000, "45,7 %"},
		{1, 8, "12,5 %"},
		{1, 2000, "0,1 %"}, // 0,05 % rounds half up
		{1, 3, "33,3 %"},
		{2, 3, "66,7 %"},
		{7245, 6000, "120,8 %"}, // 120,75 rounds up
		{0, 500, "0,0 %"},
		{5, 0, ""}, // no plan, no percentage
	}
	for _, c := range cases {
		if got := FormatPercent(c.actual, c.plan); got != c.want {
			t.Errorf("FormatPercent(%d, %d) = %q, want %q", c.actual, c.plan, got, c.want)
		}
	}
}

// sample is a small execution report: revenue A with A1, A2 (A2 with
// A2a, A2b), expenditure B with B1, B2. Hand sums:
// A2 = 300+200 = 500 plan, 120+80 = 200 actual;
// A = 1.000+500 = 1.500 plan, 900+200 = 1.100 actual;
// B = 700+600 = 1.300 plan, 650+100 = 750 actual.
func sample() []Raw {
	return []Raw{
		{N: 2, Side: "Thu", Code: "A", Name: "Tổng thu", Plan: "1.500", Actual: "1.100"},
		{N: 3, Side: "Thu", Code: "A1", Name: "Thuế, phí", Parent: "A", Plan: "1.000", Actual: "900"},
		{N: 4, Side: "thu", Code: "A2", Name: "Bổ sung", Parent: "A"}, // blank: computed
		{N: 5, Code: "A2a", Name: "Cân đối", Parent: "A2", Plan: "300", Actual: "120"},
		{N: 6, Code: "A2b", Name: "Có mục tiêu", Parent: "A2", Plan: "200", Actual: "80"},
		{N: 7},
		{N: 8, Side: "Chi", Code: "B", Name: "Tổng chi", Plan: "1,300", Actual: "750"},
		{N: 9, Side: "CHI", Code: "B1", Name: "Quản lý nhà nước", Parent: "B", Plan: "700", Actual: "650"},
		{N: 10, Side: "Chi", Code: "B2", Name: "Đầu tư", Parent: "B", Plan: "600", Actual: "100"},
	}
}

func TestCheckGood(t *testing.T) {
	lines, problems := Check(sample(), true)
	if problems != nil {
		t.Fatalf("problems: %v", problems)
	}
	doc, err := Build(lines)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Revenue.Plan != 1500 || doc.Revenue.Actual != 1100 || doc.Expenditure.Plan != 1300 || doc.Expenditure.Actual != 750 {
		t.Errorf("totals: %+v %+v", doc.Revenue, doc.Expenditure)
	}
	var got []string
	for _, p := range doc.Parts() {
		for _, e := range p.Entries {
			got = append(got, strings.Repeat(">", e.Level)+e.Code+":"+string(e.Side)+":"+number(e.Plan)+"/"+number(e.Actual))
		}
	}
	want := "A:thu:1.500/1.100 >A1:thu:1.000/900 >A2:thu:500/200 >>A2a:thu:300/120 >>A2b:thu:200/80 B:chi:1.300/750 >B1:chi:700/650 >B2:chi:600/100"
	if strings.Join(got, " ") != want {
		t.Errorf("entries\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if e := doc.Revenue.Entries[2]; !e.Subtotal || e.Key != "A2" {
		t.Errorf("A2 = %+v, want a subtotal keyed A2", e)
	}
	if top := doc.Top(); len(top) != 2 || top[0].Code != "A" || top[1].Code != "B" {
		t.Errorf("Top = %+v", top)
	}
}

func TestCheckOrderFollowsParents(t *testing.T) {
	// Children listed before their parent, the sides mixed: the page
	// order is the tree's, revenue first.
	raws := []Raw{
		{N: 2, Side: "Chi", Code: "B1", Name: "b1", Parent: "B", Plan: "5"},
		{N: 3, Side: "Chi", Code: "B", Name: "b"},
		{N: 4, Side: "Thu", Code: "A", Name: "a", Plan: "9"},
	}
	lines, problems := Check(raws, false)
	if problems != nil {
		t.Fatal(problems)
	}
	var codes []string
	for _, l := range lines {
		codes = append(codes, l.Code)
	}
	if strings.Join(codes, ",") != "A,B,B1" || lines[1].Plan != 5 {
		t.Errorf("lines = %+v", lines)
	}
}

func TestCheckBad(t *testing.T) {
	cases := []struct {
		name   string
		edit   func([]Raw) []Raw
		actual bool
		want   []string // each problem's text, in order
	}{
		{"stated total disagrees", func(r []Raw) []Raw { r[0].Plan = "1.600"; return r }, true,
			[]string{"Dòng 2: dự toán của “Tổng thu” (mã A) ghi 1.600 đ nhưng tổng các dòng con là 1.500 đ, chênh lệch +100 đ"}},
		{"stated subtotal short", func(r []Raw) []Raw { r[6].Actual = "700"; return r }, true,
			[]string{"Dòng 8: thực hiện của “Tổng chi” (mã B) ghi 700 đ nhưng tổng các dòng con là 750 đ, chênh lệch -50 đ"}},
		{"a leaf changed breaks two stated totals", func(r []Raw) []Raw { r[1].Plan = "1.001"; return r }, true,
			[]string{"Dòng 2: dự toán của “Tổng thu” (mã A) ghi 1.500 đ nhưng tổng các dòng con là 1.501 đ, chênh lệch -1 đ"}},
		{"duplicate code", func(r []Raw) []Raw { r[8].Code = "B1"; return r }, true,
			[]string{"Dòng 10: mã “B1” trùng với dòng 9"}},
		{"unknown parent", func(r []Raw) []Raw { r[4].Parent = "A3"; return r }, true,
			[]string{"Dòng 6: mã cấp trên “A3” không có trong tệp"}},
		{"own parent", func(r []Raw) []Raw { r[1].Parent = "A1"; return r }, true,
			[]string{"Dòng 3: dòng lấy chính nó làm cấp trên"}},
		{"cycle", func(r []Raw) []Raw { r[0].Parent = "A2a"; return r }, true,
			[]string{"Dòng 2: các mã cấp trên tạo thành vòng: A → A2a → A2 → A"}},
		{"side differs from parent", func(r []Raw) []Raw { r[8].Side = "Thu"; return r }, true,
			[]string{"Dòng 10: dòng ghi Thu nhưng dòng cấp trên “B” là Chi"}},
		{"bad fields, all reported", func(r []Raw) []Raw {
			r[1].Plan = "-5"
			r[2].Side = "Thuế"
			r[3].Actual = "12,5"
			r[7].Name = " "
			r[8].Code = ""
			return r
		}, true, []string{
			"Dòng 3: dự toán “-5”: " + errNegative.Error(),
			"Dòng 4: cột Thu/Chi ghi “Thuế”: ghi “Thu” hoặc “Chi”",
			"Dòng 5: thực hiện “12,5”: " + errFraction.Error(),
			"Dòng 9: thiếu tên dòng",
			"Dòng 10: thiếu mã dòng",
		}},
		{"top line without side", func(r []Raw) []Raw { r[0].Side = ""; return r }, true,
			[]string{"Dòng 2: thiếu cột Thu/Chi (ghi “Thu” hoặc “Chi”)"}},
		{"estimate with actual figures", func(r []Raw) []Raw { return r }, false, []string{
			"Dòng 2: dự toán không có số thực hiện: để trống cột Thực hiện",
			"Dòng 3: dự toán không có số thực hiện: để trống cột Thực hiện",
			"Dòng 5: dự toán không có số thực hiện: để trống cột Thực hiện",
			"Dòng 6: dự toán không có số thực hiện: để trống cột Thực hiện",
			"Dòng 8: dự toán không có số thực hiện: để trống cột Thực hiện",
			"Dòng 9: dự toán không có số thực hiện: để trống cột Thực hiện",
			"Dòng 10: dự toán không có số thực hiện: để trống cột Thực hiện",
		}},
		{"empty file", func(r []Raw) []Raw { return []Raw{{N: 2}} }, true,
			[]string{"Dòng 0: tệp không có dòng số liệu nào"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, problems := Check(c.edit(sample()), c.actual)
			if lines != nil {
				t.Errorf("lines returned with problems: %v", lines)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestCheckTooMany(t *testing.T) {
	raws := make([]Raw, MaxLines+1)
	for i := range raws {
		raws[i] = Raw{N: i + 2, Side: "Thu", Code: "L" + number(int64(i)), Name: "x", Plan: "1"}
	}
	if _, problems := Check(raws, true); len(problems) != 1 || !strings.Contains(problems[0].Msg, "20.000 dòng") {
		t.Errorf("problems = %v", problems)
	}
	lines, problems := Check(raws[:MaxLines], true)
	if problems != nil || len(lines) != MaxLines {
		t.Errorf("%d lines, problems %v", len(lines), problems)
	}
}

func TestFactsCheck(t *testing.T) {
	cases := []struct {
		f     Facts
		stage string
		bad   string
	}{
		{Facts{Year: 2024}, StageEstimate, ""},
		{Facts{Year: 2024, Quarter: 3}, StageQuarter, ""},
		{Facts{Year: 2024}, StageQuarter, "quy"},
		{Facts{Year: 2024, Quarter: 5}, StageQuarter, "quy"},
		{Facts{Year: 2024, Quarter: 2}, StageHalf, "quy"},
		{Facts{Year: 24}, StageAccounts, "nam"},
	}
	for _, c := range cases {
		errs := c.f.Check(c.stage)
		if (c.bad == "") != (errs == nil) || (c.bad != "" && errs[c.bad] == "") {
			t.Errorf("%+v %s: %v, want error on %q", c.f, c.stage, errs, c.bad)
		}
	}
}

func TestBuildRefusesBrokenLines(t *testing.T) {
	if _, err := Build([]Line{{Key: "a", Code: "a", Side: Revenue, Parent: "x"}}); err == nil {
		t.Error("Build accepted a line whose parent is missing")
	}
}

func TestPeriod(t *testing.T) {
	cases := map[string]string{
		Period(StageEstimate, Facts{Year: 2024}):            "Dự toán năm 2024",
		Period(StageQuarter, Facts{Year: 2024, Quarter: 3}): "Thực hiện quý III năm 2024",
		Period(StageHalf, Facts{Year: 2024}):                "Thực hiện 6 tháng đầu năm 2024",
		Period(StageAccounts, Facts{Year: 2023}):            "Quyết toán năm 2023",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("Period = %q, want %q", got, want)
		}
	}
}
