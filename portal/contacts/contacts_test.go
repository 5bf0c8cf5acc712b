package contacts

import (
	"testing"
	"time"
)

var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func TestPublicNeedsConsent(t *testing.T) {
	p := Person{Key: "a", Name: "Phạm Văn Dũng", Role: "truong-thon", Title: "Trưởng thôn Đông", VillageID: 1, Village: "Thôn Đông", Phone: "0200 000 021", Email: "dung@xa.example"}
	if pub := p.Public(); pub.Phone != "" || pub.Email != "" {
		t.Errorf("without consent: %+v", pub)
	}
	p.Consent = Consent{Given: true, On: "2026-11-02", How: "van-ban"}
	if pub := p.Public(); pub.Phone != p.Phone || pub.Email != p.Email || pub.RoleName != "Trưởng thôn" {
		t.Errorf("with consent: %+v", pub)
	}
	if errs := p.Validate(today); len(errs) != 0 {
		t.Errorf("valid person: %v", errs)
	}
}

func TestValidate(t *testing.T) {
	base := Person{Key: "a", Name: "Phạm Văn Dũng", Role: "truong-thon", Title: "Trưởng thôn", VillageID: 1, Village: "Thôn Đông"}
	for field, mut := range map[string]func(*Person){
		"name":    func(p *Person) { p.Name = "" },
		"role":    func(p *Person) { p.Role = "vua" },
		"village": func(p *Person) { p.VillageID = 0 },
		"phone":   func(p *Person) { p.Phone = "số nhà" },
		"email":   func(p *Person) { p.Email = "khong-phai-thu" },
		"consent_on": func(p *Person) {
			p.Phone = "0200 000 021"
			p.Consent = Consent{Given: true, On: "2026-12-30", How: "van-ban"}
		},
		"consent_how": func(p *Person) { p.Phone = "0200 000 021"; p.Consent = Consent{Given: true, On: "2026-11-01"} },
		"area":        func(p *Person) { p.Role = "can-bo-phu-trach" },
	} {
		p := base
		mut(&p)
		if errs := p.Validate(today); errs[field] == "" {
			t.Errorf("%s: no error (%v)", field, errs)
		}
	}
}

func TestRowsRoundTrip(t *testing.T) {
	people := []Person{
		{Key: "b", Name: "Hà", Role: "dai-bieu-hdnd", Title: "Đại biểu"},
		{Key: "a", Name: "An", Role: "lanh-dao", Title: "Chủ tịch", Consent: Consent{Given: true, On: "2026-01-02", How: "truc-tiep"}, Phone: "0200 000 001"},
	}
	back, err := Decode(Rows(people))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 || back[0].Key != "a" || back[0].Consent.How != "truc-tiep" || back[1].Key != "b" {
		t.Errorf("%+v", back)
	}
}
