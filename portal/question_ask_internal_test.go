package portal

import "testing"

func TestParseContact(t *testing.T) {
	tests := []struct {
		in, want string
		email    bool
		ok       bool
	}{
		{"0912 345 678", "0912345678", false, true},
		{"0912.345.678", "0912345678", false, true},
		{"+84 912 345 678", "0912345678", false, true},
		{"84912345678", "0912345678", false, true},
		{"(0221) 3555 010", "02213555010", false, true},
		{"0912-34", "", false, false},
		{"912345678", "", false, false},
		{"00912345678", "", false, false},
		{"+1 202 555 0100", "", false, false},
		{"0912 345 678 hoặc 0987", "", false, false},
		{"nguoi.hoi@example.com", "nguoi.hoi@example.com", true, true},
		{"Tên <a@example.com>", "", false, false},
		{"a@localhost", "", false, false},
		{"a@@example.com", "", false, false},
		{"abc", "", false, false},
	}
	for _, tt := range tests {
		got, email, ok := parseContact(tt.in)
		if got != tt.want || email != tt.email || ok != tt.ok {
			t.Errorf("parseContact(%q) = %q, %v, %v; want %q, %v, %v", tt.in, got, email, ok, tt.want, tt.email, tt.ok)
		}
	}
}

func TestParseIDNumber(t *testing.T) {
	for in, want := range map[string]string{"001203004567": "001203004567", "001 203 004 567": "001203004567",
		"123456789": "123456789", "12345": "", "00120300456A": "", "0012030045678": ""} {
		got, ok := parseIDNumber(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseIDNumber(%q) = %q, %v", in, got, ok)
		}
	}
}
