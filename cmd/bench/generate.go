package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"minhbach/seeds"
	"minhbach/store"
)

// generatorVersion changes whenever the generated data would differ; a data
// directory made by another version is generated again.
const generatorVersion = 2

// markerFile, in the data directory, describes what was generated there.
const markerFile = "bench.json"

// benchPassword is the password of the demo accounts in the bench database.
const benchPassword = "minhbach-bench"

// dataset is what the benchmark needs to know about its database.
type dataset struct {
	Generator int   `json:"generator"`
	Items     int   `json:"items"`      // generated public items, besides the demo data
	Drafts    int   `json:"drafts"`     // generated drafts
	Versions  int   `json:"versions"`   // generated public versions
	AuditRows int   `json:"audit_rows"` // audit entries written by the generator
	ItemID    int64 `json:"item_id"`    // three versions and attachments: item, history, version, edit pages
	TouchID   int64 `json:"touch_id"`   // revised to move the public change mark
	Seconds   float64
	// Questions residents sent, in the database; Baseline: the same
	// database with only baselineQuestions of them, in baselineDir.
	Questions questionSet `json:"questions"`
	Baseline  questionSet `json:"baseline"`
	// Incomplete marks a directory being generated: a run stopped midway
	// leaves it, and the next one generates again.
	Incomplete bool `json:"incomplete,omitempty"`
}

// baselineDir, inside the data directory, holds the copy of the database
// with few questions that question pages are compared against.
const baselineDir = "baseline"

// baselineQuestions is the size of the baseline's question set.
const baselineQuestions = 1000

// prepareData makes the database in dir with n public items and nq
// questions, and its baseline copy with baselineQuestions questions, or
// reuses the ones a previous run made with the same n, nq and generator
// version.
func prepareData(ctx context.Context, dir string, n, nq int, out io.Writer) (dataset, error) {
	var ds dataset
	b, err := os.ReadFile(filepath.Join(dir, markerFile))
	if err == nil && json.Unmarshal(b, &ds) == nil && !ds.Incomplete && ds.Generator == generatorVersion && ds.Items == n && ds.Questions.Items == nq {
		fmt.Fprintf(out, "reusing %s (%d items and %d questions, generated in %.0f s and %.0f s)\n", dir, n, nq, ds.Seconds, ds.Questions.Seconds)
		return ds, nil
	}
	if err := clearData(dir); err != nil {
		return ds, err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return ds, err
	}
	b, _ = json.Marshal(dataset{Generator: generatorVersion, Incomplete: true})
	if err := os.WriteFile(filepath.Join(dir, markerFile), b, 0o640); err != nil {
		return ds, err
	}
	start := time.Now()
	fmt.Fprintf(out, "generating %d items in %s …\n", n, dir)
	ds, err = generate(ctx, dir, n)
	if err != nil {
		return ds, err
	}
	ds.Seconds = time.Since(start).Seconds()
	fmt.Fprintf(out, "generated %d public items (%d versions), %d drafts, in %.1f s\n", ds.Items, ds.Versions, ds.Drafts, ds.Seconds)
	if ds.Baseline, ds.Questions, err = addQuestions(ctx, dir, nq, out); err != nil {
		return ds, err
	}
	b, _ = json.MarshalIndent(ds, "", "  ")
	return ds, os.WriteFile(filepath.Join(dir, markerFile), b, 0o640)
}

// addQuestions copies the database with its disclosures into the baseline
// directory, then generates baselineQuestions questions there and nq in
// dir: the two differ only in their questions.
func addQuestions(ctx context.Context, dir string, nq int, out io.Writer) (base, all questionSet, err error) {
	end := time.Now().UTC().Add(-time.Hour)
	st, err := store.Open(dir)
	if err != nil {
		return base, all, err
	}
	defer st.Close()
	baseDir := filepath.Join(dir, baselineDir)
	if err := st.Backup(ctx, baseDir); err != nil {
		return base, all, err
	}
	bst, err := store.Open(baseDir)
	if err != nil {
		return base, all, err
	}
	base, err = generateQuestions(ctx, bst, baselineQuestions, end, out)
	bst.Close()
	if err != nil {
		return base, all, err
	}
	fmt.Fprintf(out, "generated %d questions in %s, in %.1f s\n", base.Items, baseDir, base.Seconds)
	fmt.Fprintf(out, "generating %d questions in %s …\n", nq, dir)
	if all, err = generateQuestions(ctx, st, nq, end, out); err != nil {
		return base, all, err
	}
	fmt.Fprintf(out, "generated %d questions in %.1f s (%.0f/s)\n", all.Items, all.Seconds, float64(all.Items)/all.Seconds)
	return base, all, nil
}

// clearData empties a data directory made by this command. A directory that
// holds anything else is refused, so that a mistyped -data never deletes
// a commune's database.
func clearData(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, markerFile)); err != nil {
		return fmt.Errorf("%s is not empty and was not made by the benchmark (no %s): refusing to overwrite it", dir, markerFile)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// categoryWeights: how often each category appears among generated items.
var categoryWeights = map[string]int{
	"thong-bao": 30, "ke-hoach-bao-cao": 15, "ngan-sach": 10, "ho-ngheo": 5, "dat-dai-quy-hoach": 6,
	"boi-thuong-tai-dinh-cu": 4, "tiep-cong-dan": 12, "thu-tuc-hanh-chinh": 6, "du-thao-lay-y-kien": 4,
	"quy-dinh-quy-che": 4, "thanh-tra-khieu-nai": 4,
}

func generate(ctx context.Context, dir string, n int) (dataset, error) {
	ds := dataset{Generator: generatorVersion, Items: n}
	st, err := store.Open(dir)
	if err != nil {
		return ds, err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return ds, err
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		return ds, err
	}
	// The demo commune: settings, units, the admin and canbo accounts and
	// a few dozen hand-written items with real attachments.
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: benchPassword}); err != nil {
		return ds, err
	}
	units, err := st.Units(ctx)
	if err != nil {
		return ds, err
	}
	admin, err := st.UserByLogin(ctx, "admin")
	if err != nil {
		return ds, err
	}
	files, err := attachmentPool(ctx, st, admin.ID)
	if err != nil {
		return ds, err
	}

	var cats []string
	for _, c := range store.Categories {
		for range categoryWeights[c.Slug] {
			cats = append(cats, c.Slug)
		}
	}
	r := rand.New(rand.NewPCG(2026, uint64(n)))
	end := time.Now().UTC().Add(-time.Hour)
	begin := end.AddDate(-10, 0, 0)
	span := end.Sub(begin)
	clamp := func(t time.Time) time.Time {
		if t.After(end) {
			return end
		}
		return t
	}
	itemIdx, touchIdx := n/2, n/3
	const batch = 2000
	for lo := 0; lo < n+n/50; lo += batch {
		var items []store.HistoryItem
		for i := lo; i < min(lo+batch, n+n/50); i++ {
			if i >= n { // drafts, made in the last two months
				created := end.Add(-time.Duration(r.Int64N(int64(60 * 24 * time.Hour))))
				cat := pick(r, cats)
				t := title(r, cat, created.Year())
				items = append(items, store.HistoryItem{CreatedAt: created, Draft: store.DisclosureInput{
					Category: cat, Title: t, Summary: summary(r), Body: body(r, t), LegalBasis: legalBases[cat],
					UnitID: pick(r, units).ID}})
				ds.Drafts++
				continue
			}
			created := begin.Add(time.Duration(float64(span) * float64(i) / float64(n)))
			cat := pick(r, cats)
			t := title(r, cat, created.Year())
			in := store.DisclosureInput{Category: cat, Title: t, Summary: summary(r), Body: body(r, t),
				LegalBasis: legalBases[cat], UnitID: pick(r, units).ID}
			published := clamp(created.Add(time.Duration(r.IntN(72)+1) * time.Hour))
			in.PostingFrom = civil(published)
			if r.IntN(5) > 0 {
				in.PostingUntil = in.PostingFrom.AddDate(0, 0, 30)
			}
			if r.IntN(5) == 0 || i == itemIdx {
				in.AttachmentIDs = []int64{pick(r, files)}
				if r.IntN(3) == 0 || i == itemIdx {
					in.AttachmentIDs = append(in.AttachmentIDs, pick(r, files))
				}
			}
			it := store.HistoryItem{CreatedAt: created, History: []store.HistoryVersion{{DisclosureInput: in, PublishedAt: published}}}
			versions := 1
			switch x := r.IntN(100); {
			case i == itemIdx || x < 5:
				versions = 3
			case x < 30:
				versions = 2
			}
			at := published
			for range versions - 1 {
				at = clamp(at.Add(time.Duration(r.IntN(20*24)+1) * time.Hour))
				next := in
				next.AttachmentIDs = append([]int64(nil), in.AttachmentIDs...)
				if r.IntN(2) == 0 {
					next.AttachmentIDs = append(next.AttachmentIDs, pick(r, files))
				}
				if r.IntN(2) == 0 {
					next.Title = in.Title + " (điều chỉnh)"
				}
				next.Body = in.Body + paragraph(r, 2)
				it.History = append(it.History, store.HistoryVersion{DisclosureInput: next, Reason: pick(r, reasons), PublishedAt: at})
				in = next
			}
			if r.IntN(100) < 3 && i != itemIdx && i != touchIdx {
				it.WithdrawnAt = clamp(at.Add(time.Duration(r.IntN(30*24)+1) * time.Hour))
				it.WithdrawReason = pick(r, withdrawReasons)
				ds.AuditRows++
			}
			ds.Versions += len(it.History)
			ds.AuditRows += 1 + len(it.History)
			items = append(items, it)
		}
		ids, err := st.LoadHistory(ctx, items, admin.ID)
		if err != nil {
			return ds, err
		}
		for j, id := range ids {
			switch lo + j {
			case itemIdx:
				ds.ItemID = id
			case touchIdx:
				ds.TouchID = id
			}
		}
	}
	ds.AuditRows += ds.Drafts
	if ds.ItemID == 0 || ds.TouchID == 0 {
		return ds, errors.New("too few items: use -n 100 or more")
	}
	return ds, nil
}

// civil is the date in Vietnam of a moment, as the store keeps civil dates.
func civil(t time.Time) time.Time {
	y, m, d := t.In(time.FixedZone("ICT", 7*3600)).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// attachmentPool uploads a few small real files through the normal
// attachment API (content-addressed: several records share bytes).
func attachmentPool(ctx context.Context, st *store.Store, userID int64) ([]int64, error) {
	pdf := seeds.BlankPDF()
	contents := [][]byte{
		pdf,
		append(bytes.Clone(pdf), "% quyết định\n"...),
		append(bytes.Clone(pdf), "% danh sách\n"...),
		append(bytes.Clone(pdf), "% biểu tổng hợp\n"...),
	}
	names := []string{
		"quyet-dinh-phe-duyet.pdf", "danh-sach-kem-theo.pdf", "bieu-tong-hop-kinh-phi.pdf",
		"thong-bao-ban-scan.pdf", "ban-do-hien-trang.pdf", "bien-ban-hop-thon.pdf",
	}
	var ids []int64
	for i, name := range names {
		for j, data := range contents {
			if (i+j)%2 == 1 {
				continue
			}
			a, err := st.SaveAttachment(ctx, name, "application/pdf", data, userID)
			if err != nil {
				return nil, err
			}
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}
