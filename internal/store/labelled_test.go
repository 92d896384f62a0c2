package store_test

import (
	"testing"

	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestArchiveItems reads the items of a stored digest back as drafting's
// examples: each with its section key, both headlines and its lead.
func TestArchiveItems(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			d := example(t, "example-digest.txt")
			if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "test", Source: "test"}); err != nil {
				t.Fatal(err)
			}
			items, err := s.ArchiveItems(ctx, "az", 0)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, sec := range d.Sections {
				if sec.Key != "" {
					want += len(sec.Items)
				}
			}
			if len(items) != want || want == 0 {
				t.Fatalf("%d items, want %d", len(items), want)
			}
			first := items[0]
			if first.Section != "security" || first.HeadlineJA != "ハサノフ国防相、トルコ国防相と会談" ||
				first.HeadlineEN != "Azerbaijani Defense Minister meets Turkish counterpart in Ankara" ||
				first.Lead == "" || first.Until.String() != "2026-11-20" {
				t.Errorf("first item %+v", first)
			}
			if got, err := s.ArchiveItems(ctx, "az", 2); err != nil || len(got) != 2 {
				t.Errorf("limit 2: %d items, %v", len(got), err)
			}
			if got, err := s.ArchiveItems(ctx, "ge", 0); err != nil || len(got) != 0 {
				t.Errorf("another profile: %d items, %v", len(got), err)
			}
		})
	}
}
