package store

import (
	"context"
	"testing"
)

func TestHasDemoData(t *testing.T) {
	ctx := context.Background()
	check := func(t *testing.T, s *Store, step string, want bool) {
		t.Helper()
		got, err := s.HasDemoData(ctx)
		if err != nil || got != want {
			t.Fatalf("%s: HasDemoData = %v, %v; want %v", step, got, err, want)
		}
	}

	t.Run("real data", func(t *testing.T) {
		s, _ := newTestStore(t)
		uid := mustUser(t, s, "canbo")
		check(t, s, "empty database", false)
		if _, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Thông báo thật"}, uid); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSettings(ctx, Settings{CommuneName: "xã Thật"}, uid); err != nil {
			t.Fatal(err)
		}
		check(t, s, "real data", false)
	})

	t.Run("demo data", func(t *testing.T) {
		s, _ := newTestStore(t)
		uid := mustUser(t, s, "canbo")
		if err := s.SaveSettings(ctx, Settings{CommuneName: "xã Trung Trắc", Demo: true}, uid); err != nil {
			t.Fatal(err)
		}
		check(t, s, "settings marked demo", true)
		if _, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Thông báo minh họa", Demo: true}, uid); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Thông báo thật"}, uid); err != nil {
			t.Fatal(err)
		}
		// The mark is gone from the settings; the demo disclosures are
		// still there.
		if err := s.SaveSettings(ctx, Settings{CommuneName: "xã Trung Trắc"}, uid); err != nil {
			t.Fatal(err)
		}
		check(t, s, "demo disclosures, settings not marked", true)
	})
}
