package portal_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"minhbach/seeds"
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

// TestExportsAreDownloadsInRFC4180WithHonestStates: CSV lines end in CRLF,
// both formats download as files with a name, an item whose posting period
// has ended says so, a file name that starts like a formula is defused,
// and a client that has the export gets 304.
func TestExportsAreDownloadsInRFC4180WithHonestStates(t *testing.T) {
	e := newEnv(t)
	for _, f := range []string{"csv", "json"} {
		r := e.get("/cong-khai/xuat." + f)
		_, params, err := mime.ParseMediaType(r.header.Get("Content-Disposition"))
		if err != nil || !strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment") || params["filename"] != "cong-khai."+f {
			t.Errorf("xuat.%s: Content-Disposition %q", f, r.header.Get("Content-Disposition"))
		}
		etag := r.header.Get("ETag")
		req, _ := http.NewRequest(http.MethodGet, e.url+"/cong-khai/xuat."+f, nil)
		req.Header.Set("If-None-Match", etag)
		if etag == "" || e.do(req).status != http.StatusNotModified {
			t.Errorf("xuat.%s: no 304 for its own ETag %q", f, etag)
		}
	}
	body := e.get("/cong-khai/xuat.csv").body
	lines := strings.Split(strings.TrimSuffix(body, "\r\n"), "\n")
	for i, l := range lines {
		if !strings.HasSuffix(l, "\r") && !strings.Contains(l, "\"") {
			t.Fatalf("CSV line %d does not end in CRLF: %q", i+1, l)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	for _, row := range rows[1:] {
		states[row[9]]++
	}
	// The demo has items posted now, items whose period has ended and a
	// withdrawn one; none is "public" without saying which.
	for _, want := range []string{"dang-niem-yet", "het-niem-yet", "da-rut"} {
		if states[want] == 0 {
			t.Errorf("no item exported as %s: %v", want, states)
		}
	}
	if states["dang-cong-khai"] > 0 {
		t.Errorf("items exported with the old state name: %v", states)
	}

	// A file named like a formula.
	e.login("canbo")
	tok := e.csrf("/can-bo/cong-khai/moi")
	r := e.postMultipart("/can-bo/cong-khai", validForm(e, tok), upload{"files", "=HYPERLINK(1).pdf", seeds.BlankPDF()})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d", r.status)
	}
	id := itoa(lastID(t, r.header.Get("Location")))
	if r := e.post("/can-bo/cong-khai/"+id+"/cong-bo", url.Values{"_csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.status)
	}
	anon := newEnvSameStore(e)
	rows, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(anon.get("/cong-khai/thong-bao/xuat.csv").body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		if row[0] == id {
			found = true
			if !strings.HasPrefix(row[14], "'=HYPERLINK") {
				t.Errorf("attachment cell not defused: %q", row[14])
			}
		}
	}
	if !found {
		t.Error("the new item is not in the export")
	}
}
