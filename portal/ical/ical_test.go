package ical_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"

	"minhbach/portal/ical"
)

var vn = time.FixedZone("ICT", 7*3600)

func sample() ical.Calendar {
	stamp := time.Date(2026, 11, 20, 3, 4, 5, 0, time.UTC)
	return ical.Calendar{
		ProdID:   "-//Minh Bạch//Lịch tiếp dân//VI",
		Name:     "Lịch tiếp công dân — UBND xã Bình An",
		TimeZone: "Asia/Ho_Chi_Minh",
		Refresh:  12 * time.Hour,
		Events: []ical.Event{{
			UID:         "chu-tich-thu-5-20261203@xa.example",
			Stamp:       stamp,
			Start:       time.Date(2026, 12, 3, 7, 30, 0, 0, vn),
			End:         time.Date(2026, 12, 3, 11, 30, 0, 0, vn),
			Summary:     "Tiếp công dân: Chủ tịch UBND xã Nguyễn Văn Ánh",
			Location:    "Phòng tiếp công dân, trụ sở UBND xã; tầng 1, số 12 đường Trường Chinh",
			Description: "Người tiếp: Nguyễn Văn Ánh, Chủ tịch UBND xã.\nĐiện thoại: 0200 000 001\nGhi chú: mang theo giấy tờ; đơn, thư (nếu có) \\ bản sao",
		}, {
			UID:         "pho-chu-tich-thu-3-20261208@xa.example",
			Stamp:       stamp,
			Start:       time.Date(2026, 12, 8, 13, 30, 0, 0, vn),
			End:         time.Date(2026, 12, 8, 17, 0, 0, 0, vn),
			Summary:     "Tiếp công dân (đã hủy)",
			Location:    "Phòng tiếp công dân",
			Description: strings.Repeat("Đồng chí Phó Chủ tịch đi công tác huyện, ", 6),
			Cancelled:   true,
			Sequence:    1,
		}},
	}
}

// TestMarshalParsesStrictly decodes the output with go-ical and encodes it
// again: its encoder checks every component's required and at-most-once
// properties, so a malformed calendar fails here.
func TestMarshalParsesStrictly(t *testing.T) {
	b := sample().Marshal()
	cal, err := goical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, b)
	}
	if err := goical.NewEncoder(io.Discard).Encode(cal); err != nil {
		t.Fatalf("re-encode (component checks): %v", err)
	}
	for prop, want := range map[string]string{
		"VERSION": "2.0", "PRODID": "-//Minh Bạch//Lịch tiếp dân//VI", "CALSCALE": "GREGORIAN",
		"METHOD": "PUBLISH", "X-WR-TIMEZONE": "Asia/Ho_Chi_Minh", "REFRESH-INTERVAL": "PT12H",
	} {
		if p := cal.Props.Get(prop); p == nil || p.Value != want {
			t.Errorf("%s = %v, want %q", prop, p, want)
		}
	}
	if name, _ := cal.Props.Get("X-WR-CALNAME").Text(); name != "Lịch tiếp công dân — UBND xã Bình An" {
		t.Errorf("X-WR-CALNAME = %q", name)
	}
	evs := cal.Events()
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2", len(evs))
	}
	in := sample().Events
	for i, e := range evs {
		for prop, want := range map[string]string{
			goical.PropUID: in[i].UID, goical.PropSummary: in[i].Summary,
			goical.PropLocation: in[i].Location, goical.PropDescription: in[i].Description,
		} {
			got, err := e.Props.Text(prop)
			if err != nil || got != want {
				t.Errorf("event %d %s = %q (%v), want %q", i, prop, got, err, want)
			}
		}
		start, err := e.DateTimeStart(nil)
		if err != nil || !start.Equal(in[i].Start) {
			t.Errorf("event %d DTSTART = %v (%v), want %v", i, start, err, in[i].Start)
		}
		end, err := e.DateTimeEnd(nil)
		if err != nil || !end.Equal(in[i].End) {
			t.Errorf("event %d DTEND = %v (%v), want %v", i, end, err, in[i].End)
		}
		stamp, err := e.Props.DateTime(goical.PropDateTimeStamp, nil)
		if err != nil || !stamp.Equal(in[i].Stamp) {
			t.Errorf("event %d DTSTAMP = %v (%v)", i, stamp, err)
		}
	}
	if st, _ := evs[0].Status(); st != goical.EventConfirmed {
		t.Errorf("event 0 status %q", st)
	}
	if st, _ := evs[1].Status(); st != goical.EventCancelled {
		t.Errorf("event 1 status %q", st)
	}
	if seq, err := evs[1].Props.Get(goical.PropSequence).Int(); err != nil || seq != 1 {
		t.Errorf("event 1 SEQUENCE = %d (%v)", seq, err)
	}
	if evs[0].Props.Get(goical.PropSequence) != nil {
		t.Error("an unchanged event carries a SEQUENCE")
	}
}

// TestMarshalBytes checks the octets: CRLF only, no line over 75 octets,
// every physical line valid UTF-8 (so a fold never splits a character).
func TestMarshalBytes(t *testing.T) {
	b := sample().Marshal()
	if !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) {
		t.Fatalf("does not end with END:VCALENDAR CRLF: %q", b[len(b)-20:])
	}
	if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) || bytes.Count(b, []byte("\r")) != bytes.Count(b, []byte("\r\n")) {
		t.Fatal("a bare LF or CR")
	}
	folded := 0
	for i, l := range bytes.Split(bytes.TrimSuffix(b, []byte("\r\n")), []byte("\r\n")) {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.Valid(l) {
			t.Errorf("line %d is not valid UTF-8: %q", i+1, l)
		}
		if len(l) > 0 && l[0] == ' ' {
			folded++
		}
	}
	if folded < 3 {
		t.Errorf("%d folded lines; the sample's long texts should fold", folded)
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"a,b;c\\d":         `a\,b\;c\\d`,
		"dòng 1\r\ndòng 2": `dòng 1\ndòng 2`,
		"x\ny":             `x\ny`,
		"bell\a":           "bell",
	} {
		if got := ical.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFoldEveryCut folds strings of two- and three-octet characters at
// every offset: no piece may exceed 75 octets or split a character, and
// unfolding gives the line back.
func TestFoldEveryCut(t *testing.T) {
	for pad := 0; pad < 4; pad++ {
		for _, unit := range []string{"ệ", "đ", "€", "a"} {
			line := "DESCRIPTION:" + strings.Repeat("x", pad) + strings.Repeat(unit, 120)
			var buf bytes.Buffer
			ical.Fold(&buf, line)
			out := buf.String()
			var joined strings.Builder
			for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
				if len(l) > 75 || !utf8.ValidString(l) {
					t.Fatalf("pad %d unit %q: bad piece %q", pad, unit, l)
				}
				if i > 0 {
					l = strings.TrimPrefix(l, " ")
				}
				joined.WriteString(l)
			}
			if joined.String() != line {
				t.Fatalf("pad %d unit %q: unfolds to a different line", pad, unit)
			}
		}
	}
}
