package households

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"minhbach/portal/sheet"
)

var villages = []string{"Thôn Đông", "Thôn Đoài", "Thôn Ngọc Quỳnh"}

func TestParseClass(t *testing.T) {
	cases := map[string]Class{
		"Hộ nghèo": Poor, "ho ngheo": Poor, "HỘ NGHÈO": Poor, "nghèo": Poor, "HN": Poor, "ho-ngheo": Poor,
		"Hộ cận nghèo": NearPoor, "can ngheo": NearPoor, "hcn": NearPoor,
		"Hộ thoát nghèo": LeftPoor, "thoát nghèo": LeftPoor, "thoat-ngheo": LeftPoor,
		" Hộ thoát  cận nghèo ": LeftNearPoor, "thoat can ngheo": LeftNearPoor,
	}
	for in, want := range cases {
		if got, ok := ParseClass(in); !ok || got != want {
			t.Errorf("ParseClass(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "giàu", "hộ", "ho ngheo 2"} {
		if got, ok := ParseClass(in); ok {
			t.Errorf("ParseClass(%q) = %q, want refusal", in, got)
		}
	}
}

func TestInputRow(t *testing.T) {
	row, errs := Input{Head: " Dương  Văn Hòa ", Village: "thon ngoc quynh", Class: "Cận nghèo", Note: " mới "}.Row(villages)
	want := Row{Head: "Dương Văn Hòa", Village: "Thôn Ngọc Quỳnh", Class: NearPoor, Note: "mới"}
	if errs != nil || row != want {
		t.Fatalf("row %+v, errs %v", row, errs)
	}
	if row, _ := (Input{Head: "A", Village: "Đoài", Class: "HN"}).Row(villages); row.Village != "Thôn Đoài" {
		t.Errorf("village without Thôn = %q", row.Village)
	}
	cases := []struct {
		in   Input
		want map[string]string // field → part of the message
	}{
		{Input{}, map[string]string{"head": "Chưa có họ", "village": "Chưa có thôn", "class": "Chưa có phân loại"}},
		{Input{Head: "Lê Văn 079123456789", Village: "Thôn Mới", Class: "giàu"}, map[string]string{
			"head":    "chữ số",
			"village": `Thôn "Thôn Mới" không có trong danh sách thôn của xã (Thôn Đông, Thôn Đoài, Thôn Ngọc Quỳnh)`,
			"class":   "ghi một trong Hộ nghèo, Hộ cận nghèo, Hộ thoát nghèo, Hộ thoát cận nghèo"}},
		{Input{Head: strings.Repeat("A", MaxHead+1), Village: "Thôn Đông", Class: "HN", Note: "Gọi 0912 345 678"}, map[string]string{
			"head": "dài quá 100", "note": "không được công khai"}},
		{Input{Head: "A", Village: "Thôn Đông", Class: "HN", Note: strings.Repeat("x", MaxNote+1)}, map[string]string{"note": "dài quá 300"}},
	}
	for _, tc := range cases {
		_, errs := tc.in.Row(villages)
		if len(errs) != len(tc.want) {
			t.Errorf("%+v: errs %v", tc.in, errs)
		}
		for f, w := range tc.want {
			if !strings.Contains(errs[f], w) {
				t.Errorf("%+v: %s = %q, want %q", tc.in, f, errs[f], w)
			}
		}
	}
}

func TestFromTable(t *testing.T) {
	data := "Chủ hộ,Thôn,Phân loại,Ghi chú\nA,Thôn Đông,Hộ nghèo,\nB,Xóm Lạ,Hộ nghèo,\nC,Thôn Đoài,,\n"
	tab, err := sheet.Read(strings.NewReader(data), Columns, sheet.Options{Forbidden: Personal})
	if err != nil {
		t.Fatal(err)
	}
	rows, problems := FromTable(tab, villages)
	want := []string{
		`Dòng 3: Thôn "Xóm Lạ" không có trong danh sách thôn của xã (Thôn Đông, Thôn Đoài, Thôn Ngọc Quỳnh).`,
		"Dòng 4: Chưa có phân loại.",
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if rows != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("rows %v, problems %q", rows, got)
	}
	tab.Rows = tab.Rows[:1]
	rows, problems = FromTable(tab, villages)
	if problems != nil || len(rows) != 1 || rows[0].Class != Poor {
		t.Errorf("good table: %v %v", rows, problems)
	}
}

func TestImportRefusesPersonalColumns(t *testing.T) {
	data := "Chủ hộ,Ngày tháng năm sinh,Thôn,Phân loại,Số CCCD\nA,1/1/1970,Thôn Đông,Hộ nghèo,001\n"
	_, err := sheet.Read(strings.NewReader(data), Columns, sheet.Options{Forbidden: Personal})
	if err == nil || !strings.Contains(err.Error(), `"Ngày tháng năm sinh" (ngày sinh), "Số CCCD" (số định danh cá nhân)`) {
		t.Fatalf("err = %v", err)
	}
}

func TestAssignKeys(t *testing.T) {
	prev := []Row{
		{Key: "k-an", Head: "Nguyễn Văn An", Village: "Thôn Đông", Class: Poor},
		{Key: "k-an2", Head: "Nguyễn Văn An", Village: "Thôn Đông", Class: NearPoor},
		{Key: "k-gone", Head: "Lê Thị Gái", Village: "Thôn Đoài", Class: Poor},
	}
	rows := []Row{
		{Head: "nguyen van an", Village: "Thôn Đông", Class: LeftPoor}, // same household, re-typed
		{Head: "Nguyễn Văn An", Village: "Thôn Đông", Class: NearPoor},
		{Head: "Nguyễn Văn An", Village: "Thôn Đông", Class: NearPoor}, // a third namesake: new
		{Head: "Trần Văn Bình", Village: "Thôn Đoài", Class: Poor},
		{Head: "Trần Văn Bình", Village: "Thôn Đoài", Class: Poor},
	}
	AssignKeys(rows, append(prev, Row{Head: "Trần Văn Bình", Village: "Thôn Đoài"})) // a row without a key gives none

	if rows[0].Key != "k-an" || rows[1].Key != "k-an2" {
		t.Errorf("kept keys: %q %q", rows[0].Key, rows[1].Key)
	}
	seen := map[string]bool{"k-gone": true}
	for _, r := range rows {
		if seen[r.Key] || r.Key == "" {
			t.Errorf("key %q repeated or empty", r.Key)
		}
		seen[r.Key] = true
		if strings.Contains(strings.ToLower(r.Key), "an") && len(r.Key) > 14 {
			t.Errorf("key %q looks made of the name", r.Key)
		}
	}
	if rows[4].Key != rows[3].Key+"-2" {
		t.Errorf("namesakes: %q, %q", rows[3].Key, rows[4].Key)
	}
	again := []Row{{Head: "Trần Văn Bình", Village: "Thôn Đoài"}}
	AssignKeys(again, nil)
	if again[0].Key != rows[3].Key {
		t.Errorf("a key is not derived from the household alone: %q vs %q", again[0].Key, rows[3].Key)
	}
	if k := NewKey(Row{Head: "Trần Văn Bình", Village: "Thôn Đoài"}, rows); k != rows[3].Key+"-3" {
		t.Errorf("NewKey = %q", k)
	}
}

func TestFacts(t *testing.T) {
	f, errs := FactsInput{Year: "2025", MeetingOn: "2025-12-10", DecisionNo: " 102/QĐ-UBND ", DecisionOn: "20/12/2025"}.Facts()
	want := Facts{Year: 2025, MeetingOn: "2025-12-10", DecisionNo: "102/QĐ-UBND", DecisionOn: "2025-12-20"}
	if errs != nil || !reflect.DeepEqual(f, want) {
		t.Fatalf("facts %+v, errs %v", f, errs)
	}
	f.Counts = Tally([]Row{{Village: "Thôn Đông", Class: NearPoor}}, nil).Villages
	back, err := ParseFacts(f.JSON())
	if err != nil || !reflect.DeepEqual(back, f) || back.Tally().All.Of(NearPoor) != 1 || back.Decision() != time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC) {
		t.Errorf("round trip %+v %v", back, err)
	}
	var raw map[string]any
	json.Unmarshal(f.JSON(), &raw)
	if raw["meeting_on"] != "2025-12-10" || raw["year"] != 2025.0 {
		t.Errorf("stored as %v", raw)
	}
	_, errs = FactsInput{Year: "25", MeetingOn: "31/02/2025", DecisionOn: "2025-12-01"}.Facts()
	for _, f := range []string{"year", "meeting_on", "decision_no"} {
		if errs[f] == "" {
			t.Errorf("no error for %s: %v", f, errs)
		}
	}
	_, errs = FactsInput{Year: "2025", MeetingOn: "2025-12-10", DecisionNo: "1/QĐ", DecisionOn: "2025-12-09"}.Facts()
	if !strings.Contains(errs["decision_on"], "trước ngày họp") {
		t.Errorf("decision before meeting: %v", errs)
	}
	if _, errs := (FactsInput{}).Facts(); errs["year"] == "" {
		t.Error("year not required")
	}
}

// TestNamesPublic: names show from 00:00 of the first day to 24:00 of the
// last, in Vietnam time, whatever zone now is given in.
func TestNamesPublic(t *testing.T) {
	from := time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC) // civil dates as stored
	until := time.Date(2025, 12, 24, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2025, 12, 21, 23, 59, 0, 0, vietnam), false},
		{time.Date(2025, 12, 22, 0, 0, 0, 0, vietnam), true},
		{time.Date(2025, 12, 21, 17, 0, 0, 0, time.UTC), true}, // 00:00 on the 22nd in Vietnam
		{time.Date(2025, 12, 24, 23, 59, 0, 0, vietnam), true}, // the last minute
		{time.Date(2025, 12, 24, 23, 59, 59, 999999999, vietnam), true},
		{time.Date(2025, 12, 25, 0, 0, 0, 0, vietnam), false},
		{time.Date(2025, 12, 25, 0, 0, 1, 0, vietnam), false},
		{time.Date(2025, 12, 24, 17, 1, 0, 0, time.UTC), false}, // 00:01 on the 25th in Vietnam
	}
	for _, tc := range cases {
		if got := NamesPublic(from, until, tc.now); got != tc.want {
			t.Errorf("NamesPublic at %v = %v, want %v", tc.now, got, tc.want)
		}
	}
	if NamesPublic(from, time.Time{}, from.Add(time.Hour)) {
		t.Error("names public in a window without an end")
	}
	if !NamesPublic(time.Time{}, until, from) {
		t.Error("names hidden in a window without a start")
	}
	if got := WindowEnd(until); !got.Equal(time.Date(2025, 12, 24, 17, 0, 0, 0, time.UTC)) {
		t.Errorf("WindowEnd = %v", got)
	}
}

func TestTally(t *testing.T) {
	rows := []Row{
		{Head: "A", Village: "Thôn Đoài", Class: Poor},
		{Head: "B", Village: "Thôn Cũ", Class: LeftPoor}, // a village since retired
		{Head: "C", Village: "Thôn Đông", Class: NearPoor},
		{Head: "D", Village: "Thôn Đoài", Class: NearPoor},
		{Head: "E", Village: "Thôn Đoài", Class: Poor},
	}
	c := Tally(rows, villages)
	got := map[string][4]int{}
	var order []string
	for _, v := range c.Villages {
		got[v.Village] = v.N
		order = append(order, v.Village)
	}
	if !reflect.DeepEqual(order, []string{"Thôn Đông", "Thôn Đoài", "Thôn Cũ"}) {
		t.Errorf("order %q", order)
	}
	if got["Thôn Đoài"] != [4]int{2, 1, 0, 0} || got["Thôn Cũ"] != [4]int{0, 0, 1, 0} {
		t.Errorf("counts %v", got)
	}
	if c.All.N != [4]int{2, 2, 1, 0} || c.All.Total() != 5 || c.All.Of(NearPoor) != 2 {
		t.Errorf("all %v", c.All)
	}
	if !reflect.DeepEqual(c.Used(), []Class{Poor, NearPoor, LeftPoor}) {
		t.Errorf("used %v", c.Used())
	}
	g := ByVillage(rows, villages)
	if len(g) != 3 || g[1].Village != "Thôn Đoài" || len(g[1].Rows) != 3 || g[1].Rows[2].Head != "E" {
		t.Errorf("groups %+v", g)
	}
}

func TestTemplateReadsBack(t *testing.T) {
	var b strings.Builder
	if err := sheet.WriteTemplate(&b, "csv", Columns, Example); err != nil {
		t.Fatal(err)
	}
	tab, err := sheet.Read(strings.NewReader(b.String()), Columns, sheet.Options{Forbidden: Personal})
	if err != nil {
		t.Fatal(err)
	}
	if rows, problems := FromTable(tab, []string{"Thôn Đông", "Thôn Đoài"}); len(rows) != 2 || problems != nil {
		t.Errorf("template example: %v %v", rows, problems)
	}
}
