package seeds

import (
	"bytes"
	"context"
	"encoding/json"
	"image/jpeg"
	"io"
	"strings"
	"testing"

	"minhbach/portal/land"
	"minhbach/portal/procedure"
	"minhbach/store"
)

// The land, compensation and procedure demo is structured: plans with their
// decision, period and map (with its small copy), compensation plans with
// their villages, one posted now with a resident's question about it, and
// the procedures the plan names, each form a file that opens.
func TestLandDemo(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := Load(ctx, st, Options{DemoPassword: testPassword}); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	fields := map[string]bool{}
	var aboutPlan int64
	for _, d := range allDisclosures(t, st) {
		if d.Kind == "" {
			continue
		}
		kinds[d.Kind]++
		switch d.Kind {
		case land.KindLandUsePlan, land.KindYearlyPlan:
			var p land.Plan
			if err := json.Unmarshal(d.Facts, &p); err != nil || p.DecisionNumber == "" || p.Start().IsZero() || d.DecidedOn.IsZero() {
				t.Errorf("%q: facts %s, %v", d.Title, d.Facts, err)
			}
			for _, m := range p.Maps {
				f, err := st.Attachment(ctx, m.Full)
				if err != nil {
					t.Fatal(err)
				}
				s, err := st.Attachment(ctx, m.Small)
				if err != nil {
					t.Fatal(err)
				}
				if m.SmallWidth > 1024 || (m.Full != m.Small && (s.MIME != "image/jpeg" || s.Size >= f.Size)) {
					t.Errorf("%q: map %+v, files %d and %d bytes", d.Title, m, f.Size, s.Size)
				}
				if m.Full != m.Small {
					r, _ := st.OpenAttachment(s)
					b, _ := io.ReadAll(r)
					r.Close()
					img, err := jpeg.Decode(bytes.NewReader(b))
					if err != nil || img.Bounds().Dx() != m.SmallWidth || img.Bounds().Dy() != m.SmallHeight {
						t.Errorf("%q: small copy does not match its facts: %v", d.Title, err)
					}
				}
			}
		case land.KindCompensation:
			var c land.Compensation
			if err := json.Unmarshal(d.Facts, &c); err != nil || c.Project == "" || len(c.Villages) == 0 {
				t.Errorf("%q: facts %s, %v", d.Title, d.Facts, err)
			}
			if d.Title == ngocQuynhPlan {
				aboutPlan = d.ID
			}
		case procedure.Kind:
			var p procedure.Procedure
			if err := json.Unmarshal(d.Facts, &p); err != nil || len(p.Steps) == 0 || len(p.Documents) == 0 || p.Fee == "" || p.TimeLimit == "" {
				t.Errorf("%q: facts %s, %v", d.Title, d.Facts, err)
			}
			fields[p.Field] = true
			for _, id := range p.Forms() {
				a, err := st.Attachment(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				r, _ := st.OpenAttachment(a)
				b, _ := io.ReadAll(r)
				r.Close()
				if doc := checkDOCX(t, b); !strings.Contains(doc, "Kính gửi") {
					t.Errorf("%s: not a form", a.Filename)
				}
			}
		}
	}
	if kinds[land.KindLandUsePlan] != 1 || kinds[land.KindYearlyPlan] != 2 || kinds[land.KindCompensation] != 3 || kinds[procedure.Kind] != 5 {
		t.Errorf("structured demo items by kind: %v", kinds)
	}
	// Certification, construction permit, land-use right certificate: the
	// procedures the plan names.
	for _, f := range []string{"chung-thuc", "xay-dung", "dat-dai", "ho-tich"} {
		if !fields[f] {
			t.Errorf("no demo procedure in field %s", f)
		}
	}
	qs, err := st.Questions(ctx, store.QuestionFilter{Public: true, AboutID: aboutPlan})
	if err != nil || len(qs) != 1 {
		t.Errorf("questions about the plan posted now: %d, %v", len(qs), err)
	}
}
