package portal

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"minhbach/portal/indicators"
	"minhbach/portal/plan"
	"minhbach/portal/scorecard"
	"minhbach/seeds"
	"minhbach/store"
)

// demoHandler is a handler on the demo data, its clock on 26/11/2026.
func demoHandler(t *testing.T) *handler {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: "figures-test-password"}); err != nil {
		t.Fatal(err)
	}
	st.SetClock(func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) })
	h := &handler{store: st, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := h.initHolidays(ctx); err != nil {
		t.Fatal(err)
	}
	return h
}

func year(y int) indicators.Period {
	return indicators.Period{From: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
}

// titled finds the public items with these titles.
func titled(t *testing.T, h *handler, category string, titles ...string) []int64 {
	t.Helper()
	items, err := h.store.Disclosures(context.Background(), store.DisclosureFilter{Public: true, Category: category, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, title := range titles {
		for _, d := range items {
			if d.Title == title {
				ids = append(ids, d.ID)
			}
		}
	}
	if len(ids) != len(titles) {
		t.Fatalf("found %d of %q", len(ids), titles)
	}
	return ids
}

// The demo's budget documents, counted by hand: the 2024 estimate
// (decided 20/12/2023, due 30 days later, published 08/01/2024), the
// six-month report (period ended 30/06/2024, due 15 days later, published
// 12/07/2024) and the 2023 accounts (approved 26/07/2024, published
// 05/08/2024) fall due in 2024, all on time; the 2025 estimate (decided
// 19/12/2024, published 09/01/2025) falls due in January 2025.
func TestBudgetOnTimeOnTheDemoIsTheHandCount(t *testing.T) {
	h := demoHandler(t)
	ctx := context.Background()
	v, err := h.computedValue(ctx, "ngan-sach-dung-han", year(2024))
	if err != nil {
		t.Fatal(err)
	}
	want := titled(t, h, "ngan-sach", "Công khai dự toán ngân sách xã năm 2024",
		"Công khai tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2024", "Công khai quyết toán ngân sách xã năm 2023")
	slices.Sort(want)
	if v.Num != 3 || v.Den != 3 || v.Value != 100 || v.Hidden != 0 || !slices.Equal(v.Items, want) {
		t.Errorf("2024: %+v, want 3/3 of %v", v, want)
	}
	v, err = h.computedValue(ctx, "ngan-sach-dung-han", year(2025))
	if err != nil {
		t.Fatal(err)
	}
	if want := titled(t, h, "ngan-sach", "Công khai dự toán ngân sách xã năm 2025"); v.Num != 1 || v.Den != 1 || !slices.Equal(v.Items, want) {
		t.Errorf("2025: %+v", v)
	}
	if v, _ := h.computedValue(ctx, "ngan-sach-dung-han", year(2023)); !v.NoData {
		t.Errorf("2023: %+v, want no data", v)
	}
}

// The demo's procedures in the certification, construction and land
// fields: copies certified (no form), contracts certified, a building
// permit and a first land registration (each with its form): 3 of 4.
func TestFormsHostedOnTheDemoIsTheHandCount(t *testing.T) {
	h := demoHandler(t)
	v, err := h.computedValue(context.Background(), "bieu-mau-thu-tuc", year(2026))
	if err != nil {
		t.Fatal(err)
	}
	if v.Num != 3 || v.Den != 4 || v.Value != 75 || len(v.Items) != 4 {
		t.Errorf("forms hosted: %+v", v)
	}
	fig := h.newFigures(context.Background(), year(2026).From, year(2026).To)
	fig.value("bieu-mau-thu-tuc", year(2026))
	labels := map[string]bool{}
	for _, l := range fig.links("bieu-mau-thu-tuc", v.Items) {
		labels[l.Label] = true
	}
	if !labels["Chứng thực bản sao từ bản chính giấy tờ, văn bản"] || !labels["Cấp giấy phép xây dựng nhà ở riêng lẻ"] {
		t.Errorf("evidence labels: %v", labels)
	}
}

func TestPlanRowLabelNamesTheSubComponent(t *testing.T) {
	_, rows, err := plan.Encode(seeds.Plan2023())
	if err != nil {
		t.Fatal(err)
	}
	d := store.Disclosure{Category: plan.Category, Kind: plan.Kind}
	for _, r := range rows {
		if l := rowLabel(d, time.Time{}, r); len(l) > 3 && l[:3] == "4b " {
			if l != "4b – Giải quyết khiếu nại, tố cáo, kiện nghị, phản ánh" {
				t.Errorf("label %q", l)
			}
			return
		}
	}
	t.Error("no label for 4b")
}

// Drafts whose comment window closed in the period: one with its
// synthesis, one without, and one never published (counted, not listed).
func TestDraftsSynthesisedCountsWindowsClosedInThePeriod(t *testing.T) {
	h := demoHandler(t)
	ctx := context.Background()
	draft := func(title string, publish bool, closes time.Time) int64 {
		id, err := h.store.CreateDisclosure(ctx, store.DisclosureInput{Category: store.CommentCategory, Title: title, Body: "<p>Dự thảo</p>"}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if publish {
			if err := h.store.PublishDisclosure(ctx, id, 0); err != nil {
				t.Fatal(err)
			}
		}
		if err := h.store.SetCommentWindow(ctx, id, closes.AddDate(0, 0, -30), closes, 0); err != nil {
			t.Fatal(err)
		}
		return id
	}
	done := draft("Dự thảo quy chế thôn", true, time.Date(2026, 10, 10, 0, 0, 0, 0, time.UTC))
	waiting := draft("Dự thảo kế hoạch làm đường", true, time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC))
	draft("Dự thảo chưa công khai", false, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	draft("Dự thảo năm sau", true, time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC))
	if err := h.store.PublishSynthesis(ctx, done, 0); err != nil {
		t.Fatal(err)
	}
	v, err := h.computedValue(ctx, "du-thao-tong-hop", year(2026))
	if err != nil {
		t.Fatal(err)
	}
	if v.Num != 1 || v.Den != 3 || v.Hidden != 1 || !slices.Equal(v.Items, []int64{done, waiting}) {
		t.Errorf("drafts synthesised: %+v", v)
	}
}

// The reception schedule counts from its first publication: the portal
// recorded no reception day before it.
func TestReceptionWeeksStartWithTheSchedule(t *testing.T) {
	h := demoHandler(t)
	ctx := context.Background()
	if v, err := h.computedValue(ctx, "tiep-dan-chu-tich", year(2023)); err != nil || !v.NoData {
		t.Errorf("2023, before the schedule: %+v, %v", v, err)
	}
	v, err := h.computedValue(ctx, "tiep-dan-chu-tich", year(2026))
	if err != nil || v.NoData || v.Den == 0 || v.Den > 10 || len(v.Items) != 1 {
		t.Errorf("2026: %+v, %v", v, err)
	}
}

// A spreadsheet cell lists the first evidenceInCell links and says how
// many more there are.
func TestExportCellBoundsItsLinks(t *testing.T) {
	e := scoreExport{Hidden: 2}
	for i := range 150 {
		e.Evidence = append(e.Evidence, scorecard.Link{URL: "/hoi-dap/" + itoa(int64(i+1))})
	}
	cell := e.cells()[10]
	lines := strings.Split(cell, "\n")
	if len(lines) != evidenceInCell+2 || lines[evidenceInCell] != "và 50 mục công khai khác (xem tệp JSON)" ||
		lines[evidenceInCell+1] != "2 mục không công khai" || lines[0] != "/hoi-dap/1" {
		t.Errorf("cell: %d lines, %q … %q", len(lines), lines[0], lines[len(lines)-2:])
	}
}
