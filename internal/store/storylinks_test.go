package store_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestSplitAndMerge: an editor takes an article out of its story and puts
// stories together; the stories' figures follow, the decision stays with
// the story the rest of its articles keep, and each choice is kept for
// the clustering that comes after.
func TestSplitAndMerge(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			s := storetest.Open(t, e)
			pub := time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC)
			var arts []store.Collected
			for i, o := range []string{"APA", "TREND", "AZERTAG"} {
				arts = append(arts, store.Collected{Article: digest.Article{Outlet: o, URL: "https://example.org/" + o,
					Published: pub.Add(time.Duration(i) * time.Hour), Title: "Title " + o, Text: "Text of " + o + ".", Lang: "en"}})
			}
			ids, err := s.AddCollected(ctx, "az", time.UTC, arts)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.AssignStories(ctx, "az", []store.StoryAssignment{{Article: ids[0], Story: ids[0]}, {Article: ids[1], Story: ids[0]},
				{Article: ids[2], Story: ids[0]}}); err != nil {
				t.Fatal(err)
			}
			if err := s.DecideStory(ctx, "az", store.Decision{Story: ids[0], Kept: true, Section: "foreign", By: "aysel"}); err != nil {
				t.Fatal(err)
			}
			count := func(id int64) int {
				t.Helper()
				st, err := s.Story(ctx, "az", id)
				if errors.Is(err, digest.ErrNotFound) {
					return 0
				}
				if err != nil {
					t.Fatal(err)
				}
				return len(st.Articles)
			}
			// The second is another event.
			if id, err := s.SplitArticle(ctx, "az", ids[1], "aysel"); err != nil || id != ids[1] {
				t.Fatalf("split: %d, %v", id, err)
			}
			if count(ids[0]) != 2 || count(ids[1]) != 1 {
				t.Errorf("after the split: %d and %d articles", count(ids[0]), count(ids[1]))
			}
			links, err := s.StoryLinks(ctx, "az", []int64{ids[1]})
			if err != nil || len(links) != 2 || links[0].Same || links[1].Same {
				t.Errorf("the split's links: %+v, %v", links, err)
			}
			// The opener itself taken out: the rest keep the story's
			// decision under the next article's number.
			if _, err := s.SplitArticle(ctx, "az", ids[0], "aysel"); err != nil {
				t.Fatal(err)
			}
			if count(ids[0]) != 1 || count(ids[2]) != 1 {
				t.Errorf("after splitting the opener: %d and %d", count(ids[0]), count(ids[2]))
			}
			ex, err := s.DecidedExamples(ctx, "az", 0)
			if err != nil || len(ex) != 1 || ex[0].Story != ids[2] {
				t.Errorf("the decision after the split: %+v, %v", ex, err)
			}
			// All three put together again: into the earliest story, with
			// the decision.
			into, err := s.MergeStories(ctx, "az", []int64{ids[2], ids[1], ids[0]}, "aysel")
			if err != nil || into != ids[0] || count(ids[0]) != 3 || count(ids[1]) != 0 || count(ids[2]) != 0 {
				t.Fatalf("merge: %d, %v; %d %d %d", into, err, count(ids[0]), count(ids[1]), count(ids[2]))
			}
			if ex, err := s.DecidedExamples(ctx, "az", 0); err != nil || len(ex) != 1 || ex[0].Story != ids[0] {
				t.Errorf("the decision after the merge: %+v, %v", ex, err)
			}
			links, err = s.StoryLinks(ctx, "az", ids)
			if err != nil {
				t.Fatal(err)
			}
			same := 0
			for _, l := range links {
				if l.Same {
					same++
				}
			}
			if same != 2 || len(links) != 2 || !slices.ContainsFunc(links, func(l store.StoryLink) bool { return l.A == ids[0] && l.B == ids[1] && l.Same }) {
				t.Errorf("the merge's links: %+v", links)
			}
			// Nothing to merge, a story of one article to split: refused.
			if _, err := s.MergeStories(ctx, "az", []int64{ids[0]}, "aysel"); !errors.Is(err, digest.ErrInvalid) {
				t.Errorf("a merge of one: %v", err)
			}
			if _, err := s.MergeStories(ctx, "az", []int64{ids[0], 99999}, "aysel"); !errors.Is(err, digest.ErrNotFound) {
				t.Errorf("a merge with no such story: %v", err)
			}
		})
	}
}
