package portal_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	govcard "github.com/emersion/go-vcard"

	"minhbach/portal/contacts"
	"minhbach/store"
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

func directoryID(t *testing.T, e *env) int64 {
	t.Helper()
	items, err := e.st.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: "danh-ba", Kind: "danh-ba", Limit: 5})
	if err != nil || len(items) == 0 {
		t.Fatalf("no directory: %v", err)
	}
	return items[0].ID
}

// TestContactsOfficerPage: an officer adds a person without consent (the
// number stays private), then records the consent (it is published);
// invalid input comes back beside the fields. Retiring the person's
// village later leaves the published directory naming it.
func TestContactsOfficerPage(t *testing.T) {
	e := newEnv(t)
	id := directoryID(t, e)
	e.login("admin")
	page := "/can-bo/cong-khai/" + itoa(id) + "/danh-ba"
	mustContain(t, "page", e.get(page).body, "Phạm Văn Dũng", "Chưa đồng ý công khai", "Đồng ý công khai ngày")
	tok := e.csrf(page)
	vs, _ := e.st.Villages(context.Background())
	village := vs[len(vs)-1]
	form := url.Values{"_csrf": {tok}, "p-name": {"Mạc Thị Xuân"}, "p-role": {"truong-thon"}, "p-title": {"Trưởng " + village.Name},
		"p-village": {itoa(village.ID)}, "p-phone": {"0200 000 099"}, "p-email": {"không-phải-thư"}, "ly-do": {"Bổ sung trưởng thôn"}}
	r := e.post(page, form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad e-mail: %d", r.status)
	}
	mustContain(t, "bad e-mail", r.body, "không hợp lệ", `id="p-email-error"`, `value="Mạc Thị Xuân"`)
	form.Set("p-email", "")
	if r = e.post(page, form); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	pub := e.get("/danh-ba").body
	mustContain(t, "public", pub, "Mạc Thị Xuân")
	if strings.Contains(pub, "0200 000 099") {
		t.Fatal("a number without consent is public")
	}
	key := personKey(t, e, id, "Mạc Thị Xuân")
	form.Set("key", key)
	form.Set("p-consent", "1")
	form.Set("ly-do", "Ghi nhận đồng ý")
	if r = e.post(page, form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Vui lòng nhập ngày người này đồng ý") {
		t.Fatalf("consent without a date: %d", r.status)
	}
	form.Set("p-consent_on", vnDay(time.Now()).Format("2006-01-02"))
	form.Set("p-consent_how", "van-ban")
	if r = e.post(page, form); r.status != http.StatusSeeOther {
		t.Fatalf("consent: %d\n%s", r.status, r.body)
	}
	mustContain(t, "public with consent", e.get("/danh-ba").body, "0200 000 099")
	mustContain(t, "vcard", e.get("/danh-ba/"+key+".vcf").body, "TEL;TYPE=WORK,VOICE:0200 000 099")

	// The village is retired: the published directory still names it.
	if err := e.st.RetireVillage(context.Background(), village.ID, true, 0); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "after retiring the village", e.get("/danh-ba").body, "<strong>Mạc Thị Xuân</strong> — Trưởng "+village.Name+" · "+village.Name)
	mustContain(t, "edit form keeps the retired village", e.get(page+"?sua="+key).body, ">"+village.Name+"</option>")
}

func personKey(t *testing.T, e *env, id int64, name string) string {
	t.Helper()
	rows, err := e.st.Rows(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	people, err := contacts.Decode(rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return p.Key
		}
	}
	t.Fatalf("no %s", name)
	return ""
}
