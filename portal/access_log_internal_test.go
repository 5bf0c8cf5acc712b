package portal

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"
)

// TestAccessLinesReadLikeSlogText: the access log formats its own lines
// for speed; they must be exactly what log/slog's text handler writes, so
// the log reads and parses as one.
func TestAccessLinesReadLikeSlogText(t *testing.T) {
	at := time.Date(2026, 11, 26, 8, 5, 3, 123456789, time.FixedZone("ICT", 7*3600))
	for _, e := range []accessEntry{
		{at: at, method: "GET", path: "/", status: 200, took: 1500 * time.Microsecond, refusal: ""},
		{at: at, method: "POST", path: "/can-bo/cong-khai/12/rut", status: 409, took: 42 * time.Millisecond, refusal: "409 Tin này vừa được rút"},
		{at: at, method: "GET", path: "/tep/3/Biên bản họp dân.pdf", status: 404, took: 0, refusal: ""},
		{at: at, method: "GET", path: "/a=b\"c\x01", status: 404, refusal: "x"},
		{at: at, method: "GET", path: "/cong-khai/đất-đai", status: 404, took: 0, refusal: ""},
	} {
		var want bytes.Buffer
		r := slog.NewRecord(e.at, slog.LevelInfo, "request", 0)
		r.AddAttrs(slog.String("method", e.method), slog.String("path", e.path),
			slog.Int("status", e.status), slog.Int64("ms", e.took.Milliseconds()))
		if e.refusal != "" {
			r.AddAttrs(slog.String("err", e.refusal))
		}
		if err := slog.NewTextHandler(&want, nil).Handle(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		if got := string(appendAccessLine(nil, e)); got != want.String() {
			t.Errorf("line\n got %q\nwant %q", got, want.String())
		}
	}
}

// TestAccessLogWritesEveryLineInOrder hands over many lines at once: all
// arrive, in order, once flush returns.
func TestAccessLogWritesEveryLineInOrder(t *testing.T) {
	var out bytes.Buffer
	a := newAccessLog(&out)
	at := time.Unix(0, 0)
	for i := range 1000 {
		a.add(accessEntry{at: at, method: "GET", path: "/" + itoa(int64(i)), status: 200})
	}
	a.flush()
	lines := bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n"))
	if len(lines) != 1000 {
		t.Fatalf("%d lines written, want 1000", len(lines))
	}
	for i, l := range lines {
		if !bytes.Contains(l, []byte(" path=/"+itoa(int64(i))+" ")) {
			t.Fatalf("line %d is %q", i, l)
		}
	}
}
