package store_test

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/digest/digesttest"
	"shuho/internal/glossary"
	"shuho/internal/store"
)

// The search benchmark's archive: ten years of weekly digests (520, about
// 25 items each) and, by default, a million generated articles spread over
// the same years. Building it takes long, so it is kept: the SQLite file in
// $SHUHO_BENCH_DIR (default the system's temporary directory), the
// PostgreSQL database on the server of $SHUHO_BENCH_POSTGRES (when set), both
// named by the number of articles ($SHUHO_BENCH_ARTICLES).
//
//	go test -run '^$' -bench BenchmarkSearch -benchtime 1x -timeout 0 ./internal/store
const (
	benchWeeks = 520
	benchItems = 25
)

func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("SHUHO_BENCH_ARTICLES")); err == nil && n >= 0 {
		return n
	}
	return 1_000_000
}

var benchStart = digest.NewDate(2016, 1, 2) // a Saturday

// benchStore opens the benchmark archive of the engine, building it first
// when it is not there.
func benchStore(b *testing.B, e store.Engine, articles int) *store.Store {
	b.Helper()
	var dsn string
	if e == store.SQLite {
		dir := os.Getenv("SHUHO_BENCH_DIR")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "shuho-bench")
		}
		os.MkdirAll(dir, 0o755)
		dsn = filepath.Join(dir, fmt.Sprintf("search-%d.db", articles))
	} else {
		base := os.Getenv("SHUHO_BENCH_POSTGRES")
		admin, err := sql.Open("pgx", base)
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("shuho_bench_%d", articles)
		var exists bool
		admin.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists)
		if !exists {
			if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
				b.Fatal(err)
			}
		}
		admin.Close()
		dsn = strings.Replace(base, "/postgres?", "/"+name+"?", 1)
	}
	s, err := store.Open(ctx, dsn, store.Options{SkipCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	d, _, a, err := s.Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if d == benchWeeks && a == articles {
		return s
	}
	if d != 0 || a != 0 {
		b.Fatalf("%s holds %d digests and %d articles, not the benchmark's %d and %d: remove it", dsn, d, a, benchWeeks, articles)
	}
	start := time.Now()
	r := rand.New(rand.NewPCG(2016, 520))
	for w := range benchWeeks {
		dg := digesttest.Digest(r, digesttest.Options{Items: benchItems, Start: benchStart.AddDays(7 * w), InvalidDates: 0.01})
		if _, err := s.SaveDigest(ctx, dg, store.SaveOptions{Author: "bench", Source: "bench", Status: store.Published}); err != nil {
			b.Fatal(err)
		}
	}
	baku, _ := time.LoadLocation("Asia/Baku")
	const batch = 5000
	days := benchWeeks * 7
	for n := 0; n < articles; n += batch {
		arts := make([]digest.Article, 0, batch)
		for i := n; i < min(n+batch, articles); i++ {
			arts = append(arts, digesttest.Article(r, i, benchStart.AddDays(i*days/articles)))
		}
		if _, err := s.AddArticles(ctx, "az", baku, arts); err != nil {
			b.Fatal(err)
		}
		if n%100_000 == 0 { // progress on the terminal; b.Logf's output is cut short
			fmt.Fprintf(os.Stderr, "%s: %d articles in %v\n", e, n, time.Since(start).Round(time.Second))
		}
	}
	if err := s.Compact(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: built the archive of %d digests and %d articles in %v", e, benchWeeks, articles, time.Since(start).Round(time.Second))
	return s
}

// benchQueries are the query kinds of the issue, each with several queries
// from common to rare.
var benchQueries = []struct {
	kind    string
	queries []store.Query
}{
	{"english-word", qs("Bayramov", "minister", "Ganja", "wrestlers", "refinancing", "demining", "Tokayev", "carpets", "inflation", "Mirzoyan")},
	{"english-phrase", qs(`"foreign minister"`, `"peace process"`, `"heavy rain"`, `"national museum"`, `"telephone conversation"`, `"no casualties were reported"`, `"Middle Corridor"`, `"gas supply deal"`)},
	{"japanese-2", qs("外相", "会談", "殉職", "首相", "国防", "避難", "判決", "物流")},
	{"japanese-5", qs("バイラモフ外", "トカエフ大統", "地雷爆発で軍", "国会議長、ミ", "エネルギー協", "不審物発見、")},
	{"filtered", []store.Query{
		{Text: "Bayramov", Section: "foreign", From: digest.NewDate(2020, 1, 1), To: digest.NewDate(2020, 12, 31)},
		{Text: "minister", Outlet: "APA", From: digest.NewDate(2024, 1, 1)},
		{Text: "外相", Section: "foreign", To: digest.NewDate(2018, 6, 30)},
		{Text: `"peace process"`, Outlet: "TREND", From: digest.NewDate(2019, 3, 1), To: digest.NewDate(2019, 9, 30)},
		{Text: "Ganja", Section: "security"},
		{Text: "carpets", Outlet: "OC-MEDIA", From: digest.NewDate(2025, 1, 1)},
	}},
}

func qs(texts ...string) []store.Query {
	out := make([]store.Query, len(texts))
	for i, t := range texts {
		out[i] = store.Query{Text: t}
	}
	return out
}

// BenchmarkSearch reports the p50 and p95 latency of each kind of query on
// each engine, over the benchmark archive, and the size of the index
// against the size of the text.
func BenchmarkSearch(b *testing.B) {
	articles := benchArticles()
	engines := []store.Engine{store.SQLite}
	if os.Getenv("SHUHO_BENCH_POSTGRES") != "" {
		engines = append(engines, store.Postgres)
	}
	for _, e := range engines {
		b.Run(string(e), func(b *testing.B) {
			s := benchStore(b, e, articles)
			defer s.Close()
			for range 2 { // warm the caches, as a server that runs does
				for _, k := range benchQueries {
					for _, q := range k.queries {
						s.Search(ctx, q)
					}
				}
			}
			const rounds = 10
			b.ResetTimer()
			for range b.N {
				for _, k := range benchQueries {
					var lat []time.Duration
					hits := 0
					for range rounds {
						for _, q := range k.queries {
							t0 := time.Now()
							h, err := s.Search(ctx, q)
							lat = append(lat, time.Since(t0))
							if err != nil {
								b.Fatal(err)
							}
							hits += len(h)
						}
					}
					slices.Sort(lat)
					p50, p95 := lat[len(lat)/2], lat[len(lat)*95/100]
					b.ReportMetric(float64(p50.Microseconds())/1000, "ms-p50-"+k.kind)
					b.ReportMetric(float64(p95.Microseconds())/1000, "ms-p95-"+k.kind)
					b.Logf("%s %-15s p50 %6.2f ms  p95 %6.2f ms  (%d queries, %.1f hits each)", e, k.kind,
						float64(p50.Microseconds())/1000, float64(p95.Microseconds())/1000, len(lat), float64(hits)/float64(len(lat)))
				}
			}
			// The archive page: a search with the glossary's spellings
			// of the names and the count of its hits.
			terms, err := glossary.Builtin()
			if err != nil {
				b.Fatal(err)
			}
			g := glossary.New(terms, digest.Style{})
			var lat []time.Duration
			hits := 0
			for range rounds {
				for _, text := range []string{"Aliyev", "アリエフ", "Bayramov", "バイラモフ", "Jeyhun Bayramov", "Ganja", "ギャンジャ", "Tokayev", "Mirzoyan", "外相"} {
					q := store.Query{Text: text, Spellings: g.Spellings}
					// As the page asks them: at once.
					t0 := time.Now()
					done := make(chan error)
					go func() {
						_, err := s.SearchCount(ctx, q)
						done <- err
					}()
					h, err := s.Search(ctx, q)
					if cerr := <-done; err != nil || cerr != nil {
						b.Fatal(err, cerr)
					}
					lat = append(lat, time.Since(t0))
					hits += len(h)
				}
			}
			slices.Sort(lat)
			p50, p95 := lat[len(lat)/2], lat[len(lat)*95/100]
			b.ReportMetric(float64(p95.Microseconds())/1000, "ms-p95-page")
			b.Logf("%s %-15s p50 %6.2f ms  p95 %6.2f ms  (%d queries, %.1f hits each)", e, "page+spellings",
				float64(p50.Microseconds())/1000, float64(p95.Microseconds())/1000, len(lat), float64(hits)/float64(len(lat)))
			b.StopTimer()
			text, index, total, err := s.Sizes(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: text %.0f MB, search index %.0f MB (%.2f× the text), database %.0f MB", e,
				float64(text)/1e6, float64(index)/1e6, float64(index)/float64(text), float64(total)/1e6)
		})
	}
}
