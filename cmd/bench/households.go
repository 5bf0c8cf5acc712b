package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"minhbach/portal"
	"minhbach/portal/households"
	"minhbach/seeds"
	"minhbach/store"
)

// Importing a poor-household list: the officer's upload of a CSV file
// through the portal's import form (multipart parse, sheet read, every row
// checked, keys, counts, one transaction replacing the rows), for a file of
// householdRows rows against the same path at householdBaseline rows, in
// alternating rounds. The portal runs in the bench process on its own demo
// database, so the generated data set is left as it is.

const (
	householdRows     = 50_000 // the default of -household-rows
	householdBaseline = 1_000
	householdRounds   = 3
	// householdRatio is the most the big file may cost per row against the
	// small one: the import should be linear.
	householdRatio = 2.0
)

type householdBench struct {
	rows  [2]int             // big, baseline
	times [2][]time.Duration // of each
	sizes [2]int             // file sizes in bytes
}

func (hb *householdBench) perRow(i int) time.Duration {
	return median(hb.times[i]) / time.Duration(hb.rows[i])
}

// ratio is the big file's cost per row over the baseline's.
func (hb *householdBench) ratio() float64 { return float64(hb.perRow(0)) / float64(hb.perRow(1)) }

func (b *bench) householdImport(ctx context.Context, rep *report) error {
	big := b.cfg.householdRows
	b.progress("household list import: %d rows against %d, %d rounds …", big, householdBaseline, householdRounds)
	dir := filepath.Join(b.tmp, "households")
	st, err := store.Open(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		return err
	}
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: benchPassword, NoQuestions: true}); err != nil {
		return err
	}
	app, err := portal.New(portal.Config{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), AccessLog: io.Discard})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go app.Listener(ln)
	defer app.Shutdown()
	base := "http://" + ln.Addr().String()

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 5 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	cookie, err := login(base, "canbo", benchPassword)
	if err != nil {
		return err
	}
	u, _ := url.Parse(base)
	name, value, _ := strings.Cut(cookie, "=")
	jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})

	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	// One list per size: each import replaces a list of its own size.
	var ids [2]int64
	for i := range ids {
		ids[i], err = st.CreateDisclosure(ctx, store.DisclosureInput{Category: households.Category, Kind: households.KindAnnual,
			Title: "Danh sách hộ nghèo (đo tốc độ nhập)", UnitID: units[0].ID, PostingFrom: time.Now().UTC().Truncate(24 * time.Hour)}, 0)
		if err != nil {
			return err
		}
	}
	files := [2][]byte{householdFile(big), householdFile(householdBaseline)}
	hb := &householdBench{rows: [2]int{big, householdBaseline}, sizes: [2]int{len(files[0]), len(files[1])}}
	for range householdRounds {
		for i := 1; i >= 0; i-- { // baseline first, then the big file
			page := fmt.Sprintf("%s/can-bo/cong-khai/%d/ho-ngheo", base, ids[i])
			d, err := importHouseholds(client, base, page, files[i])
			if err != nil {
				return err
			}
			hb.times[i] = append(hb.times[i], d)
		}
	}
	id := ids[0]
	rows, err := st.Rows(ctx, id)
	if err != nil {
		return err
	}
	if len(rows) != big {
		return fmt.Errorf("household import: %d rows saved, want %d", len(rows), big)
	}
	rep.households = hb
	return nil
}

var hiddenField = regexp.MustCompile(`name="(_csrf|stamp)" value="([^"]*)"`)

// importHouseholds opens the list's page for its form, then times the
// upload until the redirect that says the list was saved.
func importHouseholds(client *http.Client, base, page string, file []byte) (time.Duration, error) {
	resp, err := client.Get(page)
	if err != nil {
		return 0, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	seen := map[string]bool{}
	for _, m := range hiddenField.FindAllSubmatch(body, -1) {
		if name := string(m[1]); !seen[name] {
			seen[name] = true
			mw.WriteField(name, string(m[2]))
		}
	}
	w, _ := mw.CreateFormFile("file", "danh-sach.csv")
	w.Write(file)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, page+"/nhap", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	start := time.Now()
	resp, err = client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if resp.StatusCode != http.StatusSeeOther {
		return 0, fmt.Errorf("household import: status %d", resp.StatusCode)
	}
	return d, nil
}

// householdFile is a list of n fictional households in the demo villages.
func householdFile(n int) []byte {
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"}
	middle := []string{"Văn", "Thị", "Đức", "Minh", "Hữu", "Ngọc", "Thanh", "Quang"}
	given := []string{"An", "Bình", "Cúc", "Dũng", "Em", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Sơn", "Tâm", "Xuân"}
	classes := []string{"Hộ nghèo", "Hộ cận nghèo", "Hộ thoát nghèo", "Hộ thoát cận nghèo"}
	var b bytes.Buffer
	b.WriteString("\ufeffSTT,Họ và tên chủ hộ,Thôn,Phân loại,Ghi chú\r\n")
	for i := range n {
		fmt.Fprintf(&b, "%d,%s %s %s,%s,%s,\r\n", i+1, family[i%12], middle[i/12%8], given[i/96%16],
			seeds.Villages[i%len(seeds.Villages)], classes[i%4])
	}
	return b.Bytes()
}

func (r *report) printHouseholds(w io.Writer) {
	hb := r.households
	if hb == nil {
		return
	}
	fmt.Fprintf(w, "\nImporting a poor-household list (CSV upload through the officers' form: parse, check every row, save)\n")
	fmt.Fprintf(w, "   %d rounds alternating; the portal in the bench process on a fresh demo database; target: cost per row at %d rows < %.0f× that at %d\n",
		householdRounds, hb.rows[0], householdRatio, hb.rows[1])
	fmt.Fprintf(w, "   %-22s %10s %12s %12s %12s\n", "file", "size", "median", "max", "per row")
	for i, n := range hb.rows {
		fmt.Fprintf(w, "   %-22s %10s %12s %12s %12s\n", fmt.Sprintf("%d rows", n), kib(int64(hb.sizes[i])),
			ms(median(hb.times[i])), ms(slices.Max(hb.times[i])), fmt.Sprintf("%.1f µs", float64(hb.perRow(i))/1e3))
	}
	ratio := hb.ratio()
	fmt.Fprintf(w, "   %-46s %11.2f   target < %-9.1f %s\n", "per-row cost, big file / baseline", ratio, householdRatio, r.mark(ratio < householdRatio))
}

// runHouseholdsOnly is -only households: the import section alone.
func runHouseholdsOnly(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	tmp, err := os.MkdirTemp("", "minhbach-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b := &bench{cfg: cfg, tmp: tmp, log: stderr}
	rep := &report{cfg: cfg}
	if err := b.householdImport(ctx, rep); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Minh Bạch benchmark, household import section: go run -tags sqlite_fts5 ./cmd/bench -only households -household-rows %d\nmachine: %s\n",
		cfg.householdRows, machine())
	rep.printHouseholds(stdout)
	return nil
}
