package store_test

import (
	"errors"
	"testing"
	"time"

	"shuho/internal/digest"
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

// TestDecideStory records editors' choices and reads them back as
// ranking's examples; a choice on a story that is not there is refused.
func TestDecideStory(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			loc := time.UTC
			pub := time.Date(2026, 11, 16, 10, 0, 0, 0, loc)
			ids, err := s.AddCollected(ctx, "az", loc, []store.Collected{
				{Article: digest.Article{Outlet: "APA", URL: "https://apa.az/1", Published: pub, Title: "Minister meets envoy", Text: "The minister met the envoy in Baku.", Lang: "en"}},
				{Article: digest.Article{Outlet: "TREND", URL: "https://trend.az/2", Published: pub, Title: "Brent rises", Text: "Oil prices rose.", Lang: "en"}},
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.AssignStories(ctx, "az", []store.StoryAssignment{{Article: ids[0], Story: ids[0]}, {Article: ids[1], Story: ids[1]}}); err != nil {
				t.Fatal(err)
			}
			if err := s.DecideStory(ctx, "az", store.Decision{Story: ids[0], Kept: true, Section: "foreign", By: "aysel"}); err != nil {
				t.Fatal(err)
			}
			if err := s.DecideStory(ctx, "az", store.Decision{Story: ids[1], Kept: true, Section: "domestic", By: "aysel"}); err != nil {
				t.Fatal(err)
			}
			// Changed minds replace the first choice.
			if err := s.DecideStory(ctx, "az", store.Decision{Story: ids[1], By: "kenji"}); err != nil {
				t.Fatal(err)
			}
			ex, err := s.DecidedExamples(ctx, "az", 0)
			if err != nil || len(ex) != 2 {
				t.Fatalf("%d examples, %v", len(ex), err)
			}
			got := map[int64]string{}
			for _, x := range ex {
				got[x.Story] = x.Class + "|" + x.Text
			}
			if got[ids[0]] != "foreign|Minister meets envoy. The minister met the envoy in Baku." || got[ids[1]] != "none|Brent rises. Oil prices rose." {
				t.Errorf("examples %v", got)
			}
			if err := s.DecideStory(ctx, "az", store.Decision{Story: 999999, By: "x"}); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a story that is not there: %v", err)
			}
			if err := s.DecideStory(ctx, "ge", store.Decision{Story: ids[0], By: "x"}); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("another profile's story: %v", err)
			}
			if err := s.DecideStory(ctx, "az", store.Decision{Story: ids[0], Kept: true, By: "x"}); !errors.Is(err, digest.ErrInvalid) {
				t.Errorf("kept without a section: %v", err)
			}
			// A digest saved with a decision: both or neither. With a
			// story that is not there, nothing is saved.
			d := example(t, "example-digest.txt")
			if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "aysel", Decision: &store.Decision{Story: 999999, Kept: true, Section: "foreign", By: "aysel"}}); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a save with the decision of no story: %v", err)
			}
			if _, _, err := s.Digest(ctx, "az", d.Period); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("the digest was saved without its decision: %v", err)
			}
			if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "aysel", Decision: &store.Decision{Story: ids[1], Kept: true, Section: "domestic", By: "aysel"}}); err != nil {
				t.Fatal(err)
			}
			ex, _ = s.DecidedExamples(ctx, "az", 0)
			for _, x := range ex {
				if x.Story == ids[1] && x.Class != "domestic" {
					t.Errorf("the decision saved with the digest: %s", x.Class)
				}
			}
		})
	}
}

func TestDigestList(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			d := example(t, "example-digest.txt")
			saved, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "test", Source: "test"})
			if err != nil {
				t.Fatal(err)
			}
			list, err := s.Digests(ctx, "az", 0)
			if err != nil || len(list) != 1 || list[0].ID != saved.ID || list[0].Items != 7 || list[0].Period != d.Period || list[0].Title != d.Title {
				t.Fatalf("Digests: %+v, %v", list, err)
			}
			got, info, err := s.DigestByID(ctx, saved.ID)
			if err != nil || info.ID != saved.ID || got.Title != d.Title || len(got.Sections) != 3 {
				t.Errorf("DigestByID: %v", err)
			}
			if _, _, err := s.DigestByID(ctx, 9999); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a missing digest: %v", err)
			}
		})
	}
}
