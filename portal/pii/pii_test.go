package pii

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// found lists what Find returns as "kind:text", easy to read in a table.
func found(text string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, fmt.Sprintf("%s:%s", s.Kind, text[s.Start:s.End]))
	}
	return out
}

var findTests = []struct {
	text string
	want []string
}{
	// Phones.
	{"Tôi tên Lan, số điện thoại 0912 345 678, nhờ xã trả lời sớm.", []string{"phone:0912 345 678"}},
	{"Liên hệ: 0912.345.678 hoặc 0912-345-678.", []string{"phone:0912.345.678", "phone:0912-345-678"}},
	{"Gọi cho tôi theo số +84 912 345 678 buổi tối.", []string{"phone:+84 912 345 678"}},
	{"SĐT: 84912345678", []string{"phone:84912345678"}},
	{"Số máy bàn nhà tôi là 024 3825 1234.", []string{"phone:024 3825 1234"}},
	{"Máy bàn (024) 3825 1234, di động 0987654321", []string{"phone:(024) 3825 1234", "phone:0987654321"}},
	{"ĐT:0912345678", []string{"phone:0912345678"}},
	{"Tôi gọi 0912 345 678 2 lần mà không ai nghe.", []string{"phone:0912 345 678"}},
	{"Năm 2024 0912345678 là số của tôi", []string{"phone:0912345678"}},
	{"Số cũ 0168 123 4567 (11 số).", []string{"phone:0168 123 4567"}},
	{"+84 (0) 912 345 678", []string{"phone:+84 (0) 912 345 678"}},
	{"Hai số: 0912345678 - 0987654321", []string{"phone:0912345678", "phone:0987654321"}},
	{"Số\u00a00912\u00a0345\u00a0678 (dấu cách không ngắt)", []string{"phone:0912\u00a0345\u00a0678"}},
	{"Số 0912345678. 0987654321 là của con tôi.", []string{"phone:0912345678", "phone:0987654321"}},

	// ID numbers.
	{"CCCD của tôi là 001089012345, cấp ngày 12/03/2021.", []string{"national-id:001089012345"}},
	{"Số căn cước: 001 089 012 345", []string{"national-id:001 089 012 345"}},
	{"CMND số 012345678 do Công an Hà Nội cấp.", []string{"national-id:012345678"}},
	{"Tôi có chứng minh nhân dân 168 123 456.", []string{"national-id:168 123 456"}},
	{"Mã định danh cá nhân 036 190 001 234", []string{"national-id:036 190 001 234"}},
	{"Con tôi (căn cước 037205004321) chưa được cấp thẻ BHYT.", []string{"national-id:037205004321"}},
	{"Giấy tờ 034095001122 bị mất.", []string{"national-id:034095001122"}},
	{"Số 123456789 ghi trên giấy.", []string{"national-id:123456789"}},

	// E-mail.
	{"Gửi kết quả về nguyen.van.a@gmail.com giúp tôi.", []string{"email:nguyen.van.a@gmail.com"}},
	{"Email: Tran_Thi-B+xa@mail.hanoi.gov.vn.", []string{"email:Tran_Thi-B+xa@mail.hanoi.gov.vn"}},

	// Addresses.
	{"Nhà tôi ở số 12 ngõ 34 đường Lê Lợi bị ngập.", []string{"address:số 12 ngõ 34 đường Lê Lợi"}},
	{"Gia đình tôi ở số nhà 7, xóm 3.", []string{"address:số nhà 7"}},
	{"Địa chỉ: 12/3 hẻm 45, phường Bến Nghé.", []string{"address:12/3 hẻm 45"}},
	{"Tôi ở 45 phố Huế, cạnh chợ.", []string{"address:45 phố Huế"}},
	{"Số 5 ngách 12/4 ngõ 34 phố Trần Hưng Đạo", []string{"address:Số 5 ngách 12/4 ngõ 34 phố Trần Hưng Đạo"}},
	{"Nhà số 18A đường Nguyễn Trãi", []string{"address:Nhà số 18A đường Nguyễn Trãi"}},

	// Several kinds in one question.
	{
		"Tôi là Nguyễn Văn A, CCCD 001089012345, ở số 9 ngõ 2 đường Hùng Vương, ĐT 0912345678, email a@b.vn.",
		[]string{"national-id:001089012345", "address:số 9 ngõ 2 đường Hùng Vương", "phone:0912345678", "email:a@b.vn"},
	},

	// Numbers that are not personal data.
	{"Ngày 12/03/2024 tôi nộp hồ sơ.", nil},
	{"Hạn nộp là 12-03-2024 hoặc 2024-03-12.", nil},
	{"Tôi đã nộp 1.250.000 đồng tiền phí.", nil},
	{"Kinh phí 125.000.000.000 đồng cho dự án.", nil},
	{"Số tiền 150000000 đồng chưa được trả, 350000000đ còn lại.", nil},
	{"Theo Quyết định số 1234/QĐ-UBND ngày 05/6/2023 của UBND huyện.", nil},
	{"Kế hoạch 06/KH-UBND năm 2024 về làm đường.", nil},
	{"Năm 2023 đường Lê Lợi được nâng cấp.", nil},
	{"Kế hoạch số 12 đường giao thông nông thôn.", nil},
	{"Từ năm 2020 - 2025 xã có 1.234 hộ và 5.678 người.", nil},
	{"Tổ 5 phố Huế có 120 hộ.", nil},
	{"Đường Lê Lợi và ngõ 34 bị ngập từ hôm qua.", nil},
	{"Diện tích 1250 m2, giá 12.500.000 đ/m2.", nil},
	{"Ngày 12/3 đường Lê Lợi mất điện.", nil},
	{"Mã hồ sơ H12.34-240312-0001", nil},
	{"Tổng đài 1900 1234 hỗ trợ.", nil},
	{"Dự toán 84.500.000.000 chưa gồm thuế; 9.876.543.210 là tổng.", nil},
	{"Dân số 12.345, diện tích 2.500 ha.", nil},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		got := found(tt.text, Find(tt.text))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindExcept(t *testing.T) {
	text := "Tôi đã gọi đường dây nóng +84 24 3825 1234 và viết cho ubnd@trungtrac.gov.vn, nhưng muốn được gọi lại ở số 0912 345 678."
	got := found(text, FindExcept(text, []string{"024.3825.1234", "UBND@TrungTrac.gov.vn"}))
	if want := []string{"phone:0912 345 678"}; !slices.Equal(got, want) {
		t.Errorf("FindExcept = %q, want %q", got, want)
	}
	if got := found(text, FindExcept(text, nil)); len(got) != 3 {
		t.Errorf("FindExcept with no allow-list = %q, want the three of Find", got)
	}
}

func TestMerge(t *testing.T) {
	got := merge([]Span{{10, 20, Phone}, {0, 5, Email}, {5, 8, Address}, {15, 25, NationalID}, {30, 31, Phone}, {12, 14, Email}})
	want := []Span{{0, 8, Email}, {10, 25, Phone}, {30, 31, Phone}}
	if !slices.Equal(got, want) {
		t.Errorf("merge = %v, want %v", got, want)
	}
	// An e-mail address whose name is a phone number: one span, not two.
	text := "Viết cho 0912345678@gmail.com nhé"
	if got := Find(text); len(got) != 1 || text[got[0].Start:got[0].End] != "0912345678@gmail.com" {
		t.Errorf("Find(%q) = %q", text, found(text, got))
	}
}

func TestRedact(t *testing.T) {
	text := "Tôi là Lê Thị Hoa, ĐT 0912 345 678, nhà số 12 ngõ 34 đường Lê Lợi. Xin hỏi về Quyết định số 1234/QĐ-UBND."
	got := Redact(text, Find(text), Mark)
	want := "Tôi là Lê Thị Hoa, ĐT [đã che], [đã che]. Xin hỏi về Quyết định số 1234/QĐ-UBND."
	if got != want {
		t.Errorf("Redact:\n got  %q\n want %q", got, want)
	}
	if Redact(text, nil, Mark) != text {
		t.Error("Redact with no spans changed the text")
	}
}

// TestRedactKeepsTheRest checks, on every question of TestFind and one
// with tabs, CRLF and dashes, that what lies between the spans comes through
// byte for byte.
func TestRedactKeepsTheRest(t *testing.T) {
	texts := []string{"A 0912345678 B\r\n  C\tCCCD 001089012345 — Đ e@x.vn ư"}
	for _, tt := range findTests {
		texts = append(texts, tt.text)
	}
	for _, text := range texts {
		spans := Find(text)
		parts := strings.Split(Redact(text, spans, "\x00"), "\x00")
		if len(parts) != len(spans)+1 {
			t.Fatalf("%q: %d marks for %d spans", text, len(parts)-1, len(spans))
		}
		last := 0
		for i, s := range spans {
			if parts[i] != text[last:s.Start] {
				t.Errorf("%q: between spans %q, want %q", text, parts[i], text[last:s.Start])
			}
			last = s.End
		}
		if parts[len(spans)] != text[last:] {
			t.Errorf("%q: after the last span %q, want %q", text, parts[len(spans)], text[last:])
		}
	}
}

func TestRedactBadSpans(t *testing.T) {
	text := "Hỏi về đường"
	tests := []struct {
		spans []Span
		want  string
	}{
		{[]Span{{-5, 3, Phone}}, "#i về đường"},
		{[]Span{{11, 100, Phone}}, "Hỏi về #"},
		{[]Span{{9, 100, Phone}}, "Hỏi v#"},                   // inside "ề"
		{[]Span{{2, 3, Phone}}, "H#i về đường"},               // inside "ỏ": widened to the letter
		{[]Span{{5, 4, Phone}, {3, 3, Phone}}, text},          // empty or reversed: nothing
		{[]Span{{0, 1, Phone}, {1, 2, Email}}, "#i về đường"}, // adjacent: one mark
	}
	for _, tt := range tests {
		got := Redact(text, tt.spans, "#")
		if got != tt.want {
			t.Errorf("Redact(%v) = %q, want %q", tt.spans, got, tt.want)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Redact(%v) cut a letter: %q", tt.spans, got)
		}
	}
}

func TestSpansAreOrderedAndDisjoint(t *testing.T) {
	text := strings.Repeat("CCCD 001089012345 số 1 ngõ 2 phố Huế 0912345678 a@b.vn 1.250.000 đồng ", 50)
	spans := Find(text)
	if len(spans) != 200 {
		t.Errorf("%d spans, want 200", len(spans))
	}
	for i, s := range spans {
		if s.Start >= s.End || (i > 0 && s.Start <= spans[i-1].End) {
			t.Fatalf("span %d %v is empty or touches the one before", i, s)
		}
	}
}

// TestFindOnNoise runs Find on random mixes of digits, separators and
// Vietnamese letters: it never panics and its spans are whole characters,
// in order and disjoint.
func TestFindOnNoise(t *testing.T) {
	pieces := []string{"0", "1", "2", "8", "9", "4", " ", ".", "-", "/", "+", "(", ")", "@", "a", "đ", "ư", "ề", "Lê", " số ", " ngõ ", " đường ", "CCCD", " đồng", "\u00a0", ".vn"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		spans := Find(text)
		for i, s := range spans {
			if s.Start >= s.End || s.End > len(text) || (i > 0 && s.Start <= spans[i-1].End) ||
				!utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("Find(%q): bad span %d %v in %v", text, i, s, spans)
			}
		}
	}
}
