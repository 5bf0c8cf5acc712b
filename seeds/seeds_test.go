package seeds

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/portal/password"
	"minhbach/portal/vn"
	"minhbach/store"
)

const testPassword = "mat-khau-thu-nghiem"

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

func allDisclosures(t *testing.T, st *store.Store) []store.Disclosure {
	t.Helper()
	total, err := st.CountDisclosures(context.Background(), store.DisclosureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := st.Disclosures(context.Background(), store.DisclosureFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(ds) {
		t.Fatalf("listed %d of %d disclosures", len(ds), total)
	}
	return ds
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	res, err := Load(ctx, st, Options{DemoPassword: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped {
		t.Fatal("first load was skipped")
	}
	t.Logf("result: %+v", res)

	settings, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if settings.CommuneName != "xã Trung Trắc" || !settings.Demo || settings.Secret == "" {
		t.Errorf("settings = %+v", settings)
	}
	villages, _ := st.Villages(ctx)
	units, _ := st.Units(ctx)
	if len(villages) < 6 || len(villages) > 8 || len(units) < 12 {
		t.Errorf("%d villages, %d units", len(villages), len(units))
	}

	for _, l := range []struct{ login, role string }{{"admin", store.RoleAdmin}, {"canbo", store.RoleOfficer}} {
		u, err := st.UserByLogin(ctx, l.login)
		if err != nil {
			t.Fatalf("user %s: %v", l.login, err)
		}
		if u.Role != l.role || !u.Active || !password.Check(u.PasswordHash, testPassword) || u.UnitID == 0 || u.Title == "" {
			t.Errorf("user %s = %+v", l.login, u)
		}
	}

	ds := allDisclosures(t, st)
	if len(ds) < 22 || len(ds) != res.Disclosures {
		t.Fatalf("%d disclosures (result says %d), want at least 22", len(ds), res.Disclosures)
	}
	cats := map[string]int{}
	var revised, drafts, withdrawn int
	allowed := map[string]bool{"p": true, "h2": true, "ul": true, "li": true, "table": true, "tr": true, "th": true, "td": true}
	tag := regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)([^>]*)>`)
	for _, d := range ds {
		cats[d.Category]++
		if d.Version > 1 {
			revised++
		}
		switch d.Status {
		case store.StatusDraft:
			drafts++
		case store.StatusWithdrawn:
			withdrawn++
			if d.WithdrawReason == "" {
				t.Errorf("%q withdrawn without a reason", d.Title)
			}
		}
		if !d.Demo {
			t.Errorf("%q is not marked demo", d.Title)
		}
		if d.UnitID == 0 || d.LegalBasis == "" || d.Summary == "" || d.PostingFrom.IsZero() {
			t.Errorf("%q lacks unit, legal basis, summary or posting date", d.Title)
		}
		if d.CreatedAt.Year() < 2023 || d.CreatedAt.Year() > 2026 {
			t.Errorf("%q created %v, want 2023–2026", d.Title, d.CreatedAt)
		}
		for _, m := range tag.FindAllStringSubmatch(d.Body, -1) {
			if !allowed[m[2]] || m[3] != "" {
				t.Errorf("%q: tag %q not allowed in a body", d.Title, m[0])
			}
		}
		for _, s := range []string{d.Title, d.Summary, d.Body, d.LegalBasis, d.WithdrawReason} {
			if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x300 && r <= 0x36F }) {
				t.Errorf("%q: text is not NFC", d.Title)
			}
		}
	}
	for _, c := range store.PublicCategories() {
		if cats[c.Slug] == 0 {
			t.Errorf("no disclosure in category %s", c.Slug)
		}
	}
	internal := 0
	for _, c := range store.InternalCategories() {
		internal += cats[c.Slug]
	}
	if internal == 0 {
		t.Error("no office-only disclosure (row 2b)")
	}
	if revised < 3 || revised != res.Revised {
		t.Errorf("%d items with more than one version (result says %d), want at least 3", revised, res.Revised)
	}
	if drafts < 1 || drafts > 2 || drafts != res.Drafts {
		t.Errorf("%d drafts (result says %d), want 1–2", drafts, res.Drafts)
	}
	if withdrawn != 1 || res.Withdrawn != 1 {
		t.Errorf("%d withdrawn (result says %d), want 1", withdrawn, res.Withdrawn)
	}

	// Revisions carry their reasons.
	for _, d := range ds {
		if d.Version < 2 {
			continue
		}
		vs, err := st.Versions(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != d.Version || vs[1].Reason == "" || !vs[1].PublishedAt.After(vs[0].PublishedAt) {
			t.Errorf("%q: versions %+v", d.Title, vs)
		}
	}

	// The plan, with its Word copy.
	plan, err := st.PublicDisclosure(ctx, res.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Category != "ke-hoach-bao-cao" || !strings.Contains(plan.Title, "PAPI") {
		t.Errorf("plan item = %q in %s", plan.Title, plan.Category)
	}
	if plan.FirstPublished.Year() != 2023 {
		t.Errorf("plan first published %v", plan.FirstPublished)
	}
	var docx *store.Attachment
	for i, a := range plan.Attachments {
		if a.MIME == MIMEDOCX {
			docx = &plan.Attachments[i]
		}
	}
	if docx == nil {
		t.Fatalf("plan has no DOCX attachment: %+v", plan.Attachments)
	}
	f, err := st.OpenAttachment(*docx)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	doc := checkDOCX(t, data)
	for _, want := range []string{"PAPI", "06/KH-UBND", "Nguyễn Tiến Thiệp", "Quản trị điện tử", "<w:tbl>"} {
		if !strings.Contains(doc, want) {
			t.Errorf("word/document.xml lacks %q", want)
		}
	}
	if strings.Contains(doc, "&lt;li") || strings.Contains(doc, "&lt;p&gt;") {
		t.Error("HTML tags of the appendix leaked into the document")
	}

	// Load again: nothing changes.
	audit, _ := st.AuditLog(ctx, 100000, 0, 0)
	again, err := Load(ctx, st, Options{DemoPassword: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Skipped || again.Disclosures != 0 {
		t.Errorf("second load = %+v, want skipped", again)
	}
	if n := len(allDisclosures(t, st)); n != len(ds) {
		t.Errorf("second load: %d disclosures, was %d", n, len(ds))
	}
	if audit2, _ := st.AuditLog(ctx, 100000, 0, 0); len(audit2) != len(audit) {
		t.Errorf("second load wrote %d audit entries", len(audit2)-len(audit))
	}

	// The store's clock runs again.
	id, err := st.CreateDisclosure(ctx, store.DisclosureInput{Category: "thong-bao", Title: "x"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := st.Disclosure(ctx, id)
	if time.Since(d.CreatedAt) > time.Minute {
		t.Errorf("clock not restored: created at %v", d.CreatedAt)
	}
}

// checkDOCX opens the package, checks that every XML part parses and
// returns word/document.xml.
func checkDOCX(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("docx is not a zip: %v", err)
	}
	var doc string
	names := map[string]bool{}
	for _, zf := range zr.File {
		names[zf.Name] = true
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s does not parse: %v", zf.Name, err)
			}
		}
		if zf.Name == "word/document.xml" {
			doc = string(b)
		}
	}
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if !names[n] {
			t.Errorf("docx lacks %s", n)
		}
	}
	return doc
}

func TestLoadSkipsConfiguredCommune(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if err := st.SaveSettings(ctx, store.Settings{CommuneName: "xã Khác"}, 0); err != nil {
		t.Fatal(err)
	}
	res, err := Load(ctx, st, Options{DemoPassword: testPassword})
	if err != nil || !res.Skipped {
		t.Fatalf("Load = %+v, %v; want skipped", res, err)
	}
	if n := len(allDisclosures(t, st)); n != 0 {
		t.Errorf("%d disclosures written", n)
	}
}

func TestGeneratedFiles(t *testing.T) {
	a, err := PlanDOCX()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PlanDOCX()
	if !bytes.Equal(a, b) {
		t.Error("PlanDOCX is not deterministic")
	}
	for name, gen := range map[string]func() ([]byte, error){
		"form": birthRegistrationForm,
		"appendix": func() ([]byte, error) {
			return budgetAppendixDOCX(works2024)
		},
	} {
		data, err := gen()
		if err != nil {
			t.Fatal(name, err)
		}
		checkDOCX(t, data)
	}
	pdf, err := revenueChart([]int{2021, 2022}, []int64{14200, 15300}, []int64{13600, 14900})
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-1.4")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Errorf("pdf: %v", err)
	}
	png, err := landUseSketch()
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("png: %v", err)
	}
}

func TestHTMLCell(t *testing.T) {
	c := htmlCell(`<ul style="list-style-type: none"> <li>- Một &amp; hai</li> <li>Ba <b>bốn</b></li> </ul>`)
	if len(c) != 2 {
		t.Fatalf("cell = %+v", c)
	}
	if got := runsText(c[0].Runs); got != "- Một & hai" {
		t.Errorf("first item %q", got)
	}
	if got := runsText(c[1].Runs); got != "- Ba bốn" || !c[1].Runs[len(c[1].Runs)-1].Bold {
		t.Errorf("second item %+v", c[1].Runs)
	}
	if got := vn.Number(1234567890); got != "1.234.567.890" {
		t.Errorf("money = %q", got)
	}
}

// The demo sends readers only to parts of the portal that exist: there is
// no questions-and-answers section (yet).
func TestDemoMentionsOnlyExistingSections(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := Load(ctx, st, Options{DemoPassword: testPassword}); err != nil {
		t.Fatal(err)
	}
	items, err := st.Disclosures(ctx, store.DisclosureFilter{Public: true, WithBody: true, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	missing := regexp.MustCompile(`(?i)hỏi[ -–]*đáp`)
	for _, d := range items {
		if missing.MatchString(d.Title + " " + d.Summary + " " + d.Body) {
			t.Errorf("item %d %q points to a Q&A section the portal does not have", d.ID, d.Title)
		}
	}
}

// The demo questions cover every state a resident meets, their public
// copies carry no contact, and the one answered late carries an apology.
func TestDemoQuestions(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	res, err := Load(ctx, st, Options{DemoPassword: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(demoQuestions()) + landQuestions; res.Questions != want {
		t.Fatalf("loaded %d questions, want %d", res.Questions, want)
	}
	all, err := st.Questions(ctx, store.QuestionFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	late := 0
	for _, q := range all {
		states[q.State]++
		if !q.FirstAnsweredAt.IsZero() && !q.AnsweredOnTime() {
			late++
			if q.Apology == "" {
				t.Errorf("%q answered late without an apology", q.Title)
			}
		}
		pub := q.Public()
		if q.Contact != "" && (strings.Contains(pub.PublicBody, q.Contact) || pub.Contact != "") {
			t.Errorf("%q: the public copy carries the contact", q.Title)
		}
	}
	for _, s := range []string{store.QReceived, store.QAssigned, store.QAnswered, store.QClosed, store.QRejected, store.QForwarded} {
		if states[s] == 0 {
			t.Errorf("no demo question in state %s (%v)", s, states)
		}
	}
	if late == 0 {
		t.Error("no demo answer came late: the apology is never shown")
	}
	counts, err := st.ProtectedCounts(ctx)
	if err != nil || len(counts) == 0 {
		t.Errorf("no protected demo item: %v, %v", counts, err)
	}
}
