package portal_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	govcard "github.com/emersion/go-vcard"
)

// The demo's village head of Thôn Đoài did not agree to publish her
// number; the head of Thôn Đông did.
const (
	withoutConsent = "0200 000 022"
	withConsent    = "0200 000 021"
	officePhone    = "0221 3 555 010"
)

// TestContactsConsent: a number without recorded consent appears nowhere
// public — page, vCard, CSV, JSON — and the office's number stands in.
func TestContactsConsent(t *testing.T) {
	e := newEnv(t)
	page := e.get("/danh-ba")
	if page.status != http.StatusOK {
		t.Fatalf("status %d", page.status)
	}
	mustContain(t, "page", page.body, "Trưởng thôn", "Đại biểu HĐND xã", "Lãnh đạo UBND xã",
		"Phạm Văn Dũng", withConsent, "Hoàng Thị Mai", "Chưa đồng ý công khai số riêng", officePhone,
		`href="/danh-ba/truong-thon-doai.vcf"`, `href="/danh-ba/xuat.csv"`)
	for name, r := range map[string]response{
		"page": page, "csv": e.get("/danh-ba/xuat.csv"), "json": e.get("/danh-ba/xuat.json"),
		"vcard": e.get("/danh-ba/truong-thon-doai.vcf"), "dai-bieu vcard": e.get("/danh-ba/dai-bieu-nam.vcf"),
	} {
		if r.status != http.StatusOK {
			t.Errorf("%s: status %d", name, r.status)
		}
		if strings.Contains(r.body, withoutConsent) || strings.Contains(r.body, "0200 000 032") || strings.Contains(r.body, "0200 000 012") {
			t.Errorf("%s shows a number published without consent", name)
		}
	}

	// vCards parse; with consent the person's number, without it the office's.
	card := func(key string) govcard.Card {
		r := e.get("/danh-ba/" + key + ".vcf")
		if ct := r.header.Get("Content-Type"); ct != "text/vcard; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", key, ct)
		}
		c, err := govcard.NewDecoder(strings.NewReader(r.body)).Decode()
		if err != nil {
			t.Fatalf("%s: %v\n%s", key, err, r.body)
		}
		return c
	}
	if c := card("truong-thon-dong"); c.PreferredValue(govcard.FieldTelephone) != withConsent ||
		c.PreferredValue(govcard.FieldFormattedName) != "Phạm Văn Dũng" || c.Name().GivenName != "Dũng" {
		t.Errorf("consented card: %v", c)
	}
	if c := card("truong-thon-doai"); c.PreferredValue(govcard.FieldTelephone) != officePhone {
		t.Errorf("card without consent has TEL %q", c.PreferredValue(govcard.FieldTelephone))
	}
	if r := e.get("/danh-ba/khong-co.vcf"); r.status != http.StatusNotFound {
		t.Errorf("unknown person: %d", r.status)
	}

	// CSV: BOM, CRLF, consented details only.
	r := e.get("/danh-ba/xuat.csv")
	if !strings.HasPrefix(r.body, "\ufeff") || !strings.Contains(r.body, "\r\n") {
		t.Error("CSV without BOM or CRLF")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
	if err != nil || len(recs) != 13 || recs[0][0] != "ma" {
		t.Fatalf("CSV: %d records, %v", len(recs), err)
	}
	var people []map[string]any
	if err := json.Unmarshal([]byte(e.get("/danh-ba/xuat.json").body), &people); err != nil || len(people) != 12 {
		t.Fatalf("JSON: %d people, %v", len(people), err)
	}
	for _, p := range people {
		if _, ok := p["consent"]; ok {
			t.Error("the export carries the consent record")
		}
	}
}

// TestContactsVillageFilter: ?thon= keeps that village's people.
func TestContactsVillageFilter(t *testing.T) {
	e := newEnv(t)
	vs, _ := e.st.Villages(context.Background())
	var dong int64
	for _, v := range vs {
		if v.Name == "Thôn Đông" {
			dong = v.ID
		}
	}
	r := e.get("/danh-ba?thon=" + itoa(dong))
	mustContain(t, "filtered", r.body, "Phạm Văn Dũng", "Đặng Văn Lực", `selected>Thôn Đông</option>`)
	for _, other := range []string{"Tạ Quang Phúc", "Đỗ Minh Khang"} {
		if strings.Contains(r.body, other) {
			t.Errorf("filter by Thôn Đông shows %s", other)
		}
	}
	if r := e.get("/danh-ba?thon=999999"); r.status != http.StatusNotFound {
		t.Errorf("unknown village: %d", r.status)
	}
}
