package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestReadWhileSaving: a digest read, or searched, while it is being saved
// again and again is one version or the other, never a mix, never gone.
func TestReadWhileSaving(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		a := example(t, "example-digest.txt")
		b := example(t, "example-digest.txt")
		b.Sections = b.Sections[:1] // a version with one section
		b.Sections[0].Items[0].HeadlineEN += " (second version)"
		if _, err := s.SaveDigest(ctx, a, store.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				d := a
				if i%2 == 0 {
					d = b
				}
				if _, err := s.SaveDigest(ctx, d, store.SaveOptions{}); err != nil && ctx.Err() == nil {
					t.Errorf("save: %v", err)
					return
				}
			}
		}()
		for i := range 300 {
			got, _, err := s.Digest(ctx, "az", a.Period)
			if err != nil {
				t.Fatalf("read %d: %v", i, err)
			}
			if !reflect.DeepEqual(got, a) && !reflect.DeepEqual(got, b) {
				t.Fatalf("read %d is neither version: %d sections", i, len(got.Sections))
			}
			hits, err := s.Search(ctx, store.Query{Text: "Hasanov"})
			if err != nil || len(hits) != 1 || hits[0].HeadlineJA == "" || hits[0].Period != a.Period {
				t.Fatalf("search %d during saves: %v %+v", i, err, hits)
			}
		}
		cancel()
		wg.Wait()
	})
}

// TestConcurrentSaves: processes that save the same week at once all
// succeed, each save a version of its own.
func TestConcurrentSaves(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		const writers = 8
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d := example(t, "example-digest.txt")
				d.Sections[0].Items[0].HeadlineEN += strings.Repeat("!", w)
				_, err := s.SaveDigest(ctx, d, store.SaveOptions{Source: "writer"})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("a concurrent save failed: %v", err)
			}
		}
		_, info, err := s.Digest(ctx, "az", example(t, "example-digest.txt").Period)
		if err != nil || info.Version != writers {
			t.Fatalf("after %d saves: version %d, %v", writers, info.Version, err)
		}
		revs, err := s.Revisions(ctx, info.ID)
		if err != nil || len(revs) != writers {
			t.Errorf("%d revisions, %v", len(revs), err)
		}
	})
}

// TestConcurrentOpen: several processes opening a new database at once
// migrate it once; none fails.
func TestConcurrentOpen(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			var wg sync.WaitGroup
			errs := make(chan error, 8)
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					s, err := store.Open(ctx, dsn, store.Options{})
					if err == nil {
						s.Close()
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Errorf("a concurrent open failed: %v", err)
				}
			}
		})
	}
}

// TestEnginesAgreeOnLimits: what one engine cannot index, neither does; odd
// filter values filter alike; outlets with spaces stay whole; the items of a
// digest come in its order.
func TestEnginesAgreeOnLimits(t *testing.T) {
	results := map[store.Engine][]string{}
	for _, e := range storetest.Engines(t) {
		s := storetest.Open(t, e)
		d := example(t, "example-digest.txt")
		d.Profile = "AZ-2"
		it := &d.Sections[0].Items[0]
		// "the" 300 times before a phrase: PostgreSQL keeps 256 positions
		// of a word.
		it.Blocks[0].Text = strings.Repeat("the ", 300) + "the minister arrived"
		// A word past the first 200 KB of a text is not indexed.
		it.Blocks[1].Text = strings.Repeat("filler words here ", 12000) + "zebracorn"
		it.Blocks[1].Citations[0].Outlet = "OC MEDIA"
		if _, err := s.SaveDigest(ctx, d, store.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range []store.Query{
			{Text: `"the minister"`}, {Text: "zebracorn"}, {Text: "Ankara", Profile: "az-2"}, {Text: "Ankara", Profile: "AZ2"},
			{Text: "Ankara", Section: "Security "}, {Text: "Ankara", Outlet: "oc media"}, {Text: "Ankara", Section: "—"},
		} {
			hits, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, h := range hits {
				b.WriteString(h.HeadlineJA + " " + strings.Join(h.Outlets, "|") + "; ")
			}
			got = append(got, b.String())
		}
		hits, _ := s.Search(ctx, store.Query{Text: "the"}) // in the body of every item of the example, in no headline
		for _, h := range hits {
			got = append(got, h.HeadlineJA)
		}
		results[e] = got
		if got[1] != "" {
			t.Errorf("%s: a word past 200 KB was found", e)
		}
		if !strings.Contains(got[5], "OC MEDIA") {
			t.Errorf("%s: outlet with a space: %q", e, got[5])
		}
		if len(got) != 14 || !strings.HasPrefix(got[7], "ハサノフ国防相") || !strings.HasPrefix(got[13], "日本政府代表団") {
			t.Errorf("%s: the digest's items not in its order: %q", e, got[7:])
		}
	}
	if pg, ok := results[store.Postgres]; ok && !reflect.DeepEqual(pg, results[store.SQLite]) {
		t.Errorf("the engines differ:\nsqlite   %q\npostgres %q", results[store.SQLite], pg)
	}
}

func TestRefusesNUL(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		d := example(t, "example-digest.txt")
		d.Sections[1].Items[0].Blocks[0].Text += "\x00"
		if _, err := s.SaveDigest(ctx, d, store.SaveOptions{}); !errors.Is(err, digest.ErrInvalid) || !strings.Contains(err.Error(), "item 2.1") {
			t.Errorf("a NUL in a block: %v", err)
		}
		a := digest.Article{Outlet: "APA", URL: "https://apa.az/x", Published: time.Now(), Title: "x\x00"}
		if _, err := s.AddArticles(ctx, "az", time.UTC, []digest.Article{a}); !errors.Is(err, digest.ErrInvalid) {
			t.Errorf("a NUL in an article: %v", err)
		}
	})
}
