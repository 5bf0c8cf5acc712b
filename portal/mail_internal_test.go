package portal

import (
	"errors"
	"mime"
	"net/mail"
	"strings"
	"testing"
	"time"
)

func TestMailHeadersCannotBeInjected(t *testing.T) {
	ok := func(from, to, subject string) error {
		_, err := formatMessage("Cổng công khai", from, to, subject, "Nội dung", time.Now())
		return err
	}
	if err := ok("tb@xa.example", "a@example.vn", "Tiêu đề"); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][3]string{
		{"tb@xa.example", "a@example.vn\r\nBcc: b@example.vn", "Tiêu đề"},
		{"tb@xa.example", "a@example.vn", "Tiêu đề\r\nBcc: b@example.vn"},
		{"tb@xa.example", "a@example.vn", "Tiêu đề\nX-Spam: no"},
		{"tb@xa.example\r\nBcc: b@example.vn", "a@example.vn", "Tiêu đề"},
	} {
		if err := ok(c[0], c[1], c[2]); !errors.Is(err, errHeaderInjection) {
			t.Errorf("%q: %v, want errHeaderInjection", c, err)
		}
	}
	if _, err := formatMessage("Tên\r\nBcc: b@example.vn", "tb@xa.example", "a@example.vn", "x", "y", time.Now()); !errors.Is(err, errHeaderInjection) {
		t.Errorf("sender name with a line break: %v", err)
	}
	if err := ok("tb@xa.example", "Ai <a@example.vn>", "Tiêu đề"); err == nil {
		t.Error("a recipient with a display name was accepted")
	}
}

func TestLongVietnameseSubjectIsFolded(t *testing.T) {
	subject := strings.Repeat("Câu hỏi về đền bù giải phóng mặt bằng ", 6)
	data, err := formatMessage("Cổng công khai xã Trung Trắc", "tb@xa.example", "a@example.vn", subject, "Dòng một\nDòng hai\n", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(data), "\r\n\r\n")
	for _, line := range strings.Split(head, "\r\n") {
		if len(line) > 76 {
			t.Errorf("header line of %d characters: %q", len(line), line)
		}
	}
	m, err := mail.ReadMessage(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil || got != subject {
		t.Errorf("subject = %q, %v", got, err)
	}
}

func TestMailErrorsLoseTheirAddresses(t *testing.T) {
	for in, want := range map[string]string{
		"rcpt to: 550 5.1.1 <nguoi.hoi@example.vn>: no such user": "rcpt to: 550 5.1.1 <<địa chỉ>>: no such user",
		"451 busy, try again later for a.b+c@mail.example.vn":     "451 busy, try again later for <địa chỉ>",
		"connect: dial tcp 127.0.0.1:25: connection refused":      "connect: dial tcp 127.0.0.1:25: connection refused",
	} {
		if got := scrubAddresses(in); got != want {
			t.Errorf("scrubAddresses(%q) = %q, want %q", in, got, want)
		}
	}
}
