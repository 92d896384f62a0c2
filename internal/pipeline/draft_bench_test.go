package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/pipeline"
	"shuho/internal/profile"
	"shuho/internal/sample"
	"shuho/internal/store"
)

// BenchmarkDraftWeek drafts the digest of a week of 3,000 articles (the
// sample week's 153 told again and again by twenty outlets, under other
// addresses and on other days of the week), stored in SQLite: reading the
// week's stories, ranking them, summarising, drafting headlines and
// checking the kept ones, and finding their earlier items. Target: under
// 5 s. "clustered": the articles clustered as collecting does (the copies
// fall into the same stories); "3000-stories": each article a story of its
// own, the worst case for ranking.
//
//	go test -run '^$' -bench BenchmarkDraftWeek -benchtime 3x ./internal/pipeline
func BenchmarkDraftWeek(b *testing.B) {
	ctx := context.Background()
	w, err := sample.Load()
	if err != nil {
		b.Fatal(err)
	}
	p, err := profile.Builtin("az")
	if err != nil {
		b.Fatal(err)
	}
	p.Outlets = nil
	for k := range 20 {
		p.Outlets = append(p.Outlets, digest.Outlet{Label: fmt.Sprintf("OUTLET %d", k), Name: "x", Home: "https://example.org/", Affiliation: digest.Private})
	}
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "week.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	alone, err := store.Open(ctx, filepath.Join(b.TempDir(), "alone.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer alone.Close()
	add := func(batch []store.Collected) {
		if _, err := s.AddCollected(ctx, p.Key, p.Location(), batch); err != nil {
			b.Fatal(err)
		}
		ids, err := alone.AddCollected(ctx, p.Key, p.Location(), batch)
		if err != nil {
			b.Fatal(err)
		}
		var as []store.StoryAssignment
		for _, id := range ids {
			as = append(as, store.StoryAssignment{Article: id, Story: id})
		}
		if err := alone.AssignStories(ctx, p.Key, as); err != nil {
			b.Fatal(err)
		}
	}
	var batch []store.Collected
	n := 0
	for k := 0; n < 3000; k++ {
		for _, a := range w.Articles {
			if n == 3000 {
				break
			}
			pub := w.Start.Add(time.Duration(k%7)*24*time.Hour + time.Duration(n%600)*time.Minute)
			batch = append(batch, store.Collected{Article: digest.Article{Outlet: fmt.Sprintf("OUTLET %d", k%20), URL: fmt.Sprintf("https://example.org/%d/%s", k, a.Slug),
				Published: pub, Title: a.Title, Text: strings.Join(a.Paragraphs, "\n\n"), Lang: "en"}})
			n++
			if len(batch) == 200 {
				add(batch)
				batch = batch[:0]
			}
		}
	}
	add(batch)
	c := &pipeline.Collector{Store: s, Profile: p, Owner: "bench"}
	rep, err := c.Cluster(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("clustered: %d articles in %d stories", rep.Articles, rep.Stories)
	for _, mode := range []string{"clustered", "3000-stories"} {
		b.Run(mode, func(b *testing.B) {
			s := s
			if mode == "3000-stories" {
				s = alone
			}
			draftWeek(b, s, p, digest.DateOf(w.Start.Add(72*time.Hour)))
		})
	}
}

func draftWeek(b *testing.B, s *store.Store, p *digest.Profile, day digest.Date) {
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		d, err := pipeline.NewDrafter(ctx, s, p)
		if err != nil {
			b.Fatal(err)
		}
		dr, err := d.Draft(ctx, day)
		if err != nil {
			b.Fatal(err)
		}
		if dr.Kept == 0 {
			b.Fatal("nothing drafted")
		}
		b.ReportMetric(float64(dr.Stories), "stories")
	}
}
