package store_test

import (
	"context"
	"testing"

	"minhbach/seeds"
	"minhbach/store"
)

// TestUpgradeToReceptionSchema upgrades a database of schema 10 with the
// demo data (its schedule and directory included) to schema 11: every
// village and unit stays in use, questions have no reception session, the
// schedule's rows are intact, and retiring and linking work at once.
func TestUpgradeToReceptionSchema(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.MigrateTo(ctx, store.ReceptionSchema-1); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureSecret(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: "upgrade-test"})
	if err != nil {
		t.Fatal(err)
	}
	villagesBefore, err := st.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sched, err := st.Disclosures(ctx, store.DisclosureFilter{Public: true, Category: "tiep-cong-dan", Kind: "lich-tiep-dan", Limit: 1})
	if err != nil || len(sched) != 1 {
		t.Fatalf("schedule at schema 10: %d, %v", len(sched), err)
	}
	rowsBefore, _ := st.Rows(ctx, sched[0].ID)

	if n, err := st.Migrate(ctx); err != nil || n != store.SchemaVersion()-store.ReceptionSchema+1 {
		t.Fatalf("upgrade: %d migrations, %v", n, err)
	}
	if err := st.CheckVersion(ctx); err != nil {
		t.Fatal(err)
	}
	villages, err := st.Villages(ctx)
	if err != nil || len(villages) != len(villagesBefore) || len(villages) != res.Villages {
		t.Fatalf("villages after the upgrade: %d (%v), before %d", len(villages), err, len(villagesBefore))
	}
	units, err := st.Units(ctx)
	if err != nil || len(units) != res.Units {
		t.Fatalf("units after the upgrade: %d (%v), seeded %d", len(units), err, res.Units)
	}
	for _, u := range units {
		if !u.Retired.IsZero() {
			t.Errorf("unit %q retired by the upgrade", u.Name)
		}
	}
	if rows, _ := st.Rows(ctx, sched[0].ID); len(rows) != len(rowsBefore) || len(rows) == 0 {
		t.Errorf("schedule rows: %d after, %d before", len(rows), len(rowsBefore))
	}
	qs, err := st.Questions(ctx, store.QuestionFilter{Limit: 100})
	if err != nil || len(qs) != res.Questions {
		t.Fatalf("questions: %d (%v), seeded %d", len(qs), err, res.Questions)
	}
	for _, q := range qs {
		if r, err := st.QuestionReception(ctx, q.ID); err != nil || r != (store.Reception{}) {
			t.Errorf("question %d: reception %+v (%v) after the upgrade", q.ID, r, err)
		}
	}
	if err := st.RetireVillage(ctx, villages[0].ID, true, 0); err != nil {
		t.Fatal(err)
	}
	if vs, _ := st.Villages(ctx); len(vs) != len(villages)-1 {
		t.Errorf("retiring after the upgrade: %d villages in use", len(vs))
	}
}
