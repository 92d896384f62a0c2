package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/digest/digesttest"
	"shuho/internal/profile"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
	"shuho/internal/textfmt"
)

var ctx = context.Background()

// forEach runs f as a subtest on each engine (PostgreSQL when configured,
// always under CI=true), with a new, empty store.
func forEach(t *testing.T, f func(t *testing.T, s *store.Store)) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			f(t, storetest.Open(t, e))
		})
	}
}

func example(t testing.TB, name string) *digest.Digest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "textfmt", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := parseText(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func parseText(data []byte) (*digest.Digest, error) {
	p, err := profile.Builtin("az")
	if err != nil {
		return nil, err
	}
	r, err := textfmt.Parse(data, p)
	if err != nil {
		return nil, err
	}
	return r.Digest, nil
}

func TestOpenMigratesOnceAndRefusesNewerSchema(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveDigest(ctx, example(t, "example-digest.txt"), store.SaveOptions{Author: "test", Source: "test"}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			// Opening again migrates nothing and keeps the data.
			s, err = store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n, _, _, _ := s.Count(ctx); n != 1 {
				t.Errorf("after reopening, %d digests", n)
			}
			s.Close()
			// A schema from a newer shuho is refused (D4).
			raw := rawDB(t, e, dsn)
			if _, err := raw.ExecContext(ctx, `INSERT INTO schema_version (version, applied_at) VALUES ($1, 'future')`, store.SchemaVersion(e)+1); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			_, err = store.Open(ctx, dsn, store.Options{})
			if !errors.Is(err, store.ErrTooNew) || !strings.Contains(err.Error(), fmt.Sprintf("schema version %d", store.SchemaVersion(e)+1)) {
				t.Errorf("opening a newer schema: %v", err)
			}
		})
	}
}

func TestParseDSN(t *testing.T) {
	tests := []struct {
		dsn    string
		engine store.Engine
		addr   string
	}{
		{"/var/lib/shuho.db", store.SQLite, "/var/lib/shuho.db"},
		{"sqlite:archive.db", store.SQLite, "archive.db"},
		{"postgres://u:p@db:5432/shuho", store.Postgres, "postgres://u:p@db:5432/shuho"},
		{"postgresql://db/shuho", store.Postgres, "postgresql://db/shuho"},
	}
	for _, tt := range tests {
		e, a, err := store.ParseDSN(tt.dsn)
		if err != nil || e != tt.engine || a != tt.addr {
			t.Errorf("ParseDSN(%q) = %s %q %v", tt.dsn, e, a, err)
		}
	}
	for _, bad := range []string{"sqlite:", "postgress://db/shuho", "mysql://db"} {
		if _, _, err := store.ParseDSN(bad); !errors.Is(err, digest.ErrInvalid) {
			t.Errorf("ParseDSN(%q) = %v", bad, err)
		}
	}
	p, err := store.DefaultPath(func(k string) string { return map[string]string{"HOME": "/home/a"}[k] })
	if err != nil || p != "/home/a/.local/share/shuho/shuho.db" {
		t.Errorf("DefaultPath = %q %v", p, err)
	}
}

func TestSaveDigestRevisions(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		d := example(t, "example-digest.txt")
		o := store.SaveOptions{Author: "import", Source: "import: example-digest.txt", Status: store.Published}
		r1, err := s.SaveDigest(ctx, d, o)
		if err != nil || r1.Outcome != store.Created || r1.Version != 1 {
			t.Fatalf("first save: %+v %v", r1, err)
		}
		got, info, err := s.Digest(ctx, "az", d.Period)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("read back:\n%+v\nwant\n%+v", got, d)
		}
		if info.Status != store.Published || info.Version != 1 {
			t.Errorf("info %+v", info)
		}
		// The same content again changes nothing.
		if r, err := s.SaveDigest(ctx, example(t, "example-digest.txt"), o); err != nil || r.Outcome != store.Unchanged || r.Version != 1 || r.ID != r1.ID {
			t.Errorf("unchanged save: %+v %v", r, err)
		}
		// Changed content is a new version; the old one is kept.
		changed := example(t, "example-digest-extracted.txt") // one citation date differs
		r2, err := s.SaveDigest(ctx, changed, store.SaveOptions{Author: "import", Source: "import: extracted", Status: store.Published})
		if err != nil || r2.Outcome != store.Revised || r2.Version != 2 || r2.ID != r1.ID {
			t.Fatalf("revised save: %+v %v", r2, err)
		}
		// A change to a published digest, an import's too, opens a new
		// round: back to review, which the history says (never stuck
		// published at a version no one approved).
		got, info, err = s.Digest(ctx, "az", d.Period)
		if err != nil || !reflect.DeepEqual(got, changed) || info.Version != 2 || info.Status != store.InReview {
			t.Errorf("after revision: %v %+v", err, info)
		}
		if evs, err := s.Events(ctx, r1.ID); err != nil || len(evs) != 1 || evs[0].Action != store.Reopen || evs[0].Actor != "import" {
			t.Errorf("the new round is not in the history: %+v, %v", evs, err)
		}
		revs, err := s.Revisions(ctx, r1.ID)
		if err != nil || len(revs) != 2 {
			t.Fatalf("revisions: %d %v", len(revs), err)
		}
		if !reflect.DeepEqual(revs[0].Digest, d) || !reflect.DeepEqual(revs[1].Digest, changed) || revs[1].Source != "import: extracted" {
			t.Errorf("revisions hold the wrong content")
		}
		if n, items, _, _ := s.Count(ctx); n != 1 || items != 7 {
			t.Errorf("count: %d digests, %d items", n, items)
		}
	})
}

func TestRevisionsAreImmutable(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.SaveDigest(ctx, example(t, "example-digest.txt"), store.SaveOptions{}); err != nil {
				t.Fatal(err)
			}
			raw := rawDB(t, e, dsn)
			defer raw.Close()
			for _, q := range []string{`UPDATE revisions SET author = 'mallory'`, `DELETE FROM revisions`} {
				if _, err := raw.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "immutable") {
					t.Errorf("%s: %v", q, err)
				}
			}
		})
	}
}

func TestSaveRefusesWhatCannotBeIdentified(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		d := example(t, "example-digest.txt")
		d.Profile = ""
		if _, err := s.SaveDigest(ctx, d, store.SaveOptions{}); !errors.Is(err, digest.ErrInvalid) {
			t.Errorf("no profile: %v", err)
		}
		d = example(t, "example-digest.txt")
		d.Period.To = digest.NewDate(2026, 2, 30)
		if _, err := s.SaveDigest(ctx, d, store.SaveOptions{}); !errors.Is(err, digest.ErrInvalid) {
			t.Errorf("impossible period: %v", err)
		}
		if _, _, err := s.Digest(ctx, "az", d.Period); !errors.Is(err, digest.ErrNotFound) {
			t.Errorf("missing digest: %v", err)
		}
	})
}

func TestGeneratedDigestsRoundTrip(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		r := rand.New(rand.NewPCG(7, 7))
		for i := range 20 {
			d := digesttest.Digest(r, digesttest.Options{Items: 1 + r.IntN(30), InvalidDates: 0.05})
			if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Source: fmt.Sprint("gen ", i)}); err != nil {
				t.Fatal(err)
			}
			got, _, err := s.Digest(ctx, d.Profile, d.Period)
			if err != nil || !reflect.DeepEqual(got, d) {
				t.Fatalf("digest %d read back differently: %v", i, err)
			}
		}
	})
}

func TestAddArticles(t *testing.T) {
	forEach(t, func(t *testing.T, s *store.Store) {
		baku, _ := time.LoadLocation("Asia/Baku")
		arts := []digest.Article{
			{Outlet: "APA", URL: "https://apa.az/en/1", Published: time.Date(2026, 11, 16, 21, 30, 0, 0, time.UTC), Title: "One", Text: "Text one.", Lang: "en"},
			{Outlet: "TREND", URL: "https://en.trend.az/2", Published: time.Date(2026, 11, 17, 8, 0, 0, 0, time.UTC), Title: "Two", Text: "Text two.", Lang: "en"},
		}
		n, err := s.AddArticles(ctx, "az", baku, arts)
		if err != nil || n != 2 {
			t.Fatalf("AddArticles = %d, %v", n, err)
		}
		// The same URL again is the same article.
		if n, err := s.AddArticles(ctx, "az", baku, arts[:1]); err != nil || n != 0 {
			t.Errorf("again: %d, %v", n, err)
		}
		// A bad article rolls back the whole batch.
		bad := []digest.Article{{Outlet: "APA", URL: "https://apa.az/en/3", Published: time.Now(), Title: "Three"}, {Outlet: "apa", URL: "x"}}
		if _, err := s.AddArticles(ctx, "az", baku, bad); !errors.Is(err, digest.ErrInvalid) {
			t.Errorf("bad batch: %v", err)
		}
		if _, _, a, _ := s.Count(ctx); a != 2 {
			t.Errorf("%d articles after a failed batch", a)
		}
		// 21:30 UTC on the 16th is the 17th in Baku.
		hits, err := s.Search(ctx, store.Query{Text: "one", From: digest.NewDate(2026, 11, 17), To: digest.NewDate(2026, 11, 17)})
		if err != nil || len(hits) != 1 || hits[0].Title != "One" {
			t.Errorf("article by its Baku day: %+v %v", hits, err)
		}
	})
}

// TestOpenRefusesWhatIsNoArchive: a mistyped path for a command that only
// reads, and another program's database, are errors; shuho creates nothing
// and adds nothing to them.
func TestOpenRefusesWhatIsNoArchive(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo", "shuho.db")
	if _, err := store.Open(ctx, missing, store.Options{MustExist: true}); !errors.Is(err, digest.ErrNotFound) {
		t.Errorf("a missing archive: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening a missing archive made its folder")
	}
	other := filepath.Join(dir, "other.db")
	raw := rawDB(t, store.SQLite, other)
	raw.ExecContext(ctx, `CREATE TABLE bookmarks (url TEXT)`)
	raw.Close()
	if _, err := store.Open(ctx, other, store.Options{}); !errors.Is(err, digest.ErrInvalid) || !strings.Contains(err.Error(), "no shuho archive") {
		t.Errorf("another program's database: %v", err)
	}
	raw = rawDB(t, store.SQLite, other)
	defer raw.Close()
	var n int
	raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'`).Scan(&n)
	if n != 1 {
		t.Errorf("shuho added tables to another program's database: %d", n)
	}
}

// TestMigrateArticleHTML: migration 8 moves each article's HTML out of its
// row into a table of its own, keeping it.
func TestMigrateArticleHTML(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			baku, _ := time.LoadLocation("Asia/Baku")
			ids, err := s.AddCollected(ctx, "az", baku, []store.Collected{
				{Article: digest.Article{Outlet: "APA", URL: "https://example.org/1", Published: time.Now(), Title: "One", Text: "Text.", Lang: "en"}},
				{Article: digest.Article{Outlet: "APA", URL: "https://example.org/2", Published: time.Now(), Title: "Two", Text: "Text.", Lang: "en"}},
			})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			// The archive as schema 7 had it: the HTML in the article's row
			// (and none of schema 9's columns or 10's table).
			raw := rawDB(t, e, dsn)
			for _, q := range []string{
				`ALTER TABLE digest_events DROP COLUMN note`,
				`DELETE FROM schema_version WHERE version = 11`,
				`DROP TABLE story_links`,
				`DELETE FROM schema_version WHERE version = 10`,
				`DROP INDEX articles_canonical`,
				`ALTER TABLE articles DROP COLUMN canonical`,
				`ALTER TABLE articles DROP COLUMN text_from`,
				`DELETE FROM schema_version WHERE version = 9`,
				`DROP TABLE article_html`,
				`ALTER TABLE articles ADD COLUMN html TEXT NOT NULL DEFAULT ''`,
				fmt.Sprintf(`UPDATE articles SET html = '<p>One</p>' WHERE id = %d`, ids[0]),
				`DELETE FROM schema_version WHERE version = 8`,
			} {
				if _, err := raw.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			raw.Close()
			s, err = store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if h, err := s.ArticleHTML(ctx, ids[0]); err != nil || h != "<p>One</p>" {
				t.Errorf("the HTML after migrating: %q, %v", h, err)
			}
			if h, err := s.ArticleHTML(ctx, ids[1]); err != nil || h != "" {
				t.Errorf("an article without HTML: %q, %v", h, err)
			}
		})
	}
}
