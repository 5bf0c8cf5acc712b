package portal_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"minhbach/store"
)

func TestPublicListsExportAsCSVAndJSON(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	public := e.publicIDs()
	mustContain(t, "index links", e.get("/cong-khai").body, `href="/cong-khai/xuat.csv"`, `href="/cong-khai/xuat.json"`)

	r := e.get("/cong-khai/xuat.json")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("json: %d %s", r.status, r.header.Get("Content-Type"))
	}
	var items []struct {
		ID          int64  `json:"id"`
		Title       string `json:"title"`
		Status      string `json:"status"`
		Attachments []struct {
			Name   string `json:"name"`
			SHA256 string `json:"sha256"`
		} `json:"attachments"`
	}
	if err := json.Unmarshal([]byte(r.body), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != len(public) {
		t.Fatalf("json has %d items, the portal shows %d", len(items), len(public))
	}
	withdrawn, files := 0, 0
	for _, it := range items {
		d, err := e.st.PublicDisclosure(ctx, it.ID)
		if err != nil || d.Title != it.Title || len(d.Attachments) != len(it.Attachments) {
			t.Errorf("item %d: export %q with %d files, portal %q with %d", it.ID, it.Title, len(it.Attachments), d.Title, len(d.Attachments))
			continue
		}
		for i, a := range it.Attachments {
			files++
			if a.SHA256 != d.Attachments[i].SHA256 {
				t.Errorf("item %d file %s: hash %s, want %s", it.ID, a.Name, a.SHA256, d.Attachments[i].SHA256)
			}
		}
		if it.Status == "da-rut" {
			withdrawn++
		}
	}
	if withdrawn == 0 || files == 0 {
		t.Errorf("export shows %d withdrawn items and %d files", withdrawn, files)
	}

	r = e.get("/cong-khai/ngan-sach/xuat.csv")
	if !strings.HasPrefix(r.body, "\uFEFF") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv lacks the byte-order mark Excel needs, or its type: %s", r.header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	budget, _ := e.st.Disclosures(ctx, store.DisclosureFilter{Public: true, Category: "ngan-sach", Limit: 100})
	if len(rows) != len(budget)+1 || rows[0][3] != "tieu_de" {
		t.Fatalf("csv: %d rows for %d budget items; header %v", len(rows), len(budget), rows[0])
	}
	for _, row := range rows[1:] {
		if row[2] != "Ngân sách xã" {
			t.Errorf("csv row of another category: %v", row[:4])
		}
	}
	for _, p := range []string{"/cong-khai/xuat.xml", "/cong-khai/khong-co/xuat.csv"} {
		if r := e.get(p); r.status != http.StatusNotFound {
			t.Errorf("GET %s: %d", p, r.status)
		}
	}
}
