package password

import (
	"errors"
	"strings"
	"testing"
)

func TestHashAndCheck(t *testing.T) {
	h, err := Hash("mật-khẩu-đủ-dài")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$2a$11$") {
		t.Errorf("hash %q is not bcrypt at cost 11", h)
	}
	if !Check(h, "mật-khẩu-đủ-dài") || Check(h, "mật-khẩu-sai-rồi") {
		t.Error("Check accepts the wrong password or refuses the right one")
	}
	if CheckNone("mật-khẩu-đủ-dài") {
		t.Error("CheckNone must always fail")
	}
}

func TestHashRefusesBadLengths(t *testing.T) {
	cases := []struct {
		plain string
		want  error
	}{
		{"ngắn", ErrTooShort},
		{"123456789", ErrTooShort},
		{strings.Repeat("đ", 37), ErrTooLong}, // 74 bytes: bcrypt would cut it silently
	}
	for _, c := range cases {
		if _, err := Hash(c.plain); !errors.Is(err, c.want) {
			t.Errorf("Hash(%q): %v, want %v", c.plain, err, c.want)
		}
	}
}
