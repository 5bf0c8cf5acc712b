package store_test

import (
	"context"
	"testing"

	"minhbach/seeds"
	"minhbach/store"
)

// TestReleasedSchemaWithDemoDataUpgrades builds a database at each released
// schema, fills it with the demo data as that release would, and upgrades it
// to this binary's schema: nothing is lost and the kept counts match the
// items.
func TestReleasedSchemaWithDemoDataUpgrades(t *testing.T) {
	for released := 1; released < store.SchemaVersion(); released++ {
		ctx := context.Background()
		st, err := store.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.MigrateTo(ctx, released); err != nil {
			t.Fatalf("migrate to %d: %v", released, err)
		}
		if _, err := st.EnsureSecret(ctx); err != nil {
			t.Fatal(err)
		}
		res, err := seeds.Load(ctx, st, seeds.Options{DemoPassword: "upgrade-test"})
		if err != nil {
			t.Fatalf("demo data at schema %d: %v", released, err)
		}
		before, err := st.Disclosures(ctx, store.DisclosureFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatalf("upgrade from %d: %v", released, err)
		}
		if err := st.CheckVersion(ctx); err != nil {
			t.Fatal(err)
		}
		after, err := st.Disclosures(ctx, store.DisclosureFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(before) || len(after) != res.Disclosures {
			t.Fatalf("schema %d: %d items before the upgrade, %d after, %d seeded", released, len(before), len(after), res.Disclosures)
		}
		for i := range after {
			if after[i].ID != before[i].ID || after[i].Title != before[i].Title || after[i].Version != before[i].Version {
				t.Errorf("schema %d: item %d changed in the upgrade", released, before[i].ID)
			}
		}
		checkCounts(t, st, after)
		// Questions seeded at a schema that has them survive the upgrade
		// with their kept counts.
		if n, err := st.CountQuestions(ctx, store.QuestionFilter{}); err != nil || n != res.Questions {
			t.Errorf("schema %d: %d questions after the upgrade (%v), %d seeded", released, n, err, res.Questions)
		}
		// The upgraded database keeps working: an item can be published.
		if _, err := st.PublicDisclosure(ctx, after[len(after)-1].ID); err != nil && after[len(after)-1].Status != store.StatusDraft {
			t.Errorf("schema %d: public item after the upgrade: %v", released, err)
		}
	}
}

// checkCounts compares the kept counts with the items themselves.
func checkCounts(t *testing.T, st *store.Store, items []store.Disclosure) {
	t.Helper()
	ctx := context.Background()
	want := map[store.DisclosureFilter]int{}
	for _, d := range items {
		// Office-only items (schema 10) are never in a public count.
		public := d.Status != store.StatusDraft && !d.Internal
		for _, f := range []store.DisclosureFilter{
			{}, {Status: d.Status}, {Category: d.Category}, {Category: d.Category, Status: d.Status},
		} {
			want[f]++
			if public && f.Status == "" {
				f.Public = true
				want[f]++
			}
		}
	}
	for f, n := range want {
		got, err := st.CountDisclosures(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got != n {
			t.Errorf("CountDisclosures(%+v) = %d, the items say %d", f, got, n)
		}
	}
}

// TestCountsFollowEveryChange moves items through every change that alters
// what lists count, and compares the kept counts with the items each time.
func TestCountsFollowEveryChange(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	uid, err := st.CreateUser(ctx, store.NewUser{Login: "canbo", Name: "Cán bộ", Role: store.RoleOfficer, PasswordHash: "x"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	in := func(cat, title string) store.DisclosureInput {
		return store.DisclosureInput{Category: cat, Title: title, Body: "<p>a</p>"}
	}
	var ids []int64
	for i, cat := range []string{"ngan-sach", "ngan-sach", "ho-ngheo", "thong-bao", "thong-bao"} {
		id, err := st.CreateDisclosure(ctx, in(cat, "Tin "+string(rune('A'+i))), uid)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	steps := []func() error{
		func() error { return st.PublishDisclosure(ctx, ids[0], uid) },
		func() error { return st.PublishDisclosure(ctx, ids[2], uid) },
		func() error { return st.UpdateDisclosure(ctx, ids[1], in("ho-ngheo", "Tin B"), "", uid) },         // a draft moves
		func() error { return st.UpdateDisclosure(ctx, ids[0], in("thong-bao", "Tin A"), "Sai mục", uid) }, // a public item moves
		func() error { return st.WithdrawDisclosure(ctx, ids[2], "Ban hành nhầm", uid) },
		func() error { return st.DeleteDraft(ctx, ids[4], uid) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		items, err := st.Disclosures(ctx, store.DisclosureFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		checkCounts(t, st, items)
	}
}
