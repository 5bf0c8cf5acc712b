package vcard_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	govcard "github.com/emersion/go-vcard"

	"minhbach/portal/vcard"
)

func TestMarshalParses(t *testing.T) {
	in := vcard.Card{
		UID:      "urn:minhbach:danh-ba:truong-thon-dong",
		Name:     "Trần Thị Bích Ngọc",
		Title:    "Trưởng thôn Đông, kiêm Bí thư chi bộ thôn",
		Org:      "UBND xã Bình An",
		OrgUnit:  "Thôn Đông",
		Phone:    "0200 000 011",
		Email:    "ngoc.tran@xa.example",
		Office:   "Nhà văn hóa thôn Đông, xã Bình An",
		Category: "Trưởng thôn",
		Note:     "Đồng ý công khai số điện thoại (văn bản, 02/11/2026).\nLiên hệ giờ hành chính.",
	}
	b := in.Marshal()
	card, err := govcard.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, b)
	}
	for k, want := range map[string]string{
		govcard.FieldVersion: "3.0", govcard.FieldFormattedName: in.Name, govcard.FieldTitle: in.Title,
		govcard.FieldTelephone: in.Phone, govcard.FieldEmail: in.Email, govcard.FieldNote: in.Note,
		govcard.FieldUID: in.UID, govcard.FieldCategories: in.Category,
	} {
		if got := card.PreferredValue(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	n := card.Name()
	if n == nil || n.FamilyName != "Trần" || n.GivenName != "Ngọc" || n.AdditionalName != "Thị Bích" {
		t.Errorf("N = %+v", n)
	}
	if org := card.Value(govcard.FieldOrganization); org != "UBND xã Bình An;Thôn Đông" {
		t.Errorf("ORG = %q", org)
	}
	if !card.Get(govcard.FieldTelephone).Params.HasType("work") {
		t.Error("TEL is not typed work")
	}
	if a := card.Address(); a == nil || a.StreetAddress != in.Office || a.Country != "Việt Nam" {
		t.Errorf("ADR = %+v", a)
	}
	strict(t, b)
}

// TestWithoutContact: a person who has not agreed to publish gets no TEL
// or EMAIL line at all.
func TestWithoutContact(t *testing.T) {
	b := vcard.Card{Name: "Lê Văn Cường", Org: "UBND xã Bình An"}.Marshal()
	card, err := govcard.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	if card.Get(govcard.FieldTelephone) != nil || card.Get(govcard.FieldEmail) != nil || card.Get(govcard.FieldAddress) != nil {
		t.Errorf("unexpected contact lines:\n%s", b)
	}
	strict(t, b)
}

// strict checks what RFC 2426 asks of the octets and that go-vcard does not
// check: CRLF line ends, folded lines of at most 75 octets that never
// split a character, BEGIN then VERSION first, FN and N present once,
// END last.
func strict(t *testing.T, b []byte) {
	t.Helper()
	if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) || bytes.Count(b, []byte("\r")) != bytes.Count(b, []byte("\r\n")) {
		t.Fatal("a bare LF or CR")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	var logical []string
	for i, l := range lines {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("line %d bad: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	if logical[0] != "BEGIN:VCARD" || logical[1] != "VERSION:3.0" || logical[len(logical)-1] != "END:VCARD" {
		t.Errorf("frame: %q … %q", logical[:2], logical[len(logical)-1])
	}
	count := map[string]int{}
	for _, l := range logical {
		name, _, ok := strings.Cut(l, ":")
		if !ok {
			t.Errorf("no colon: %q", l)
		}
		name, _, _ = strings.Cut(name, ";")
		count[name]++
	}
	if count["FN"] != 1 || count["N"] != 1 {
		t.Errorf("FN ×%d, N ×%d", count["FN"], count["N"])
	}
}

func TestSplitName(t *testing.T) {
	for in, want := range map[string][3]string{
		"Nguyễn Văn An": {"Nguyễn", "An", "Văn"},
		"Hà":            {"", "Hà", ""},
		"Lê  Thu":       {"Lê", "Thu", ""},
	} {
		f, g, m := vcard.SplitName(in)
		if [3]string{f, g, m} != want {
			t.Errorf("SplitName(%q) = %q %q %q", in, f, g, m)
		}
	}
}
