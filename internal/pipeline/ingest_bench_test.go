package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/extract"
	"shuho/internal/fetch"
	"shuho/internal/pipeline"
	"shuho/internal/profile"
	"shuho/internal/sample"
	"shuho/internal/store"
)

// The ingest benchmarks: the whole path of collecting (fetch from a
// loopback server, feed parsing, charset decoding, extraction, clustering,
// storing in SQLite) against extraction alone on the same pages and cores.
//
//	go test -run '^$' -bench BenchmarkIngest -benchtime 1x -timeout 0 ./internal/pipeline
//
// $SHUHO_BENCH_PAGES sets the number of pages (default 10,000).

const extractionData = "../extract/testdata/extraction/html"

// realPages reads the 181 real pages of the extraction set.
func realPages(b *testing.B) [][]byte {
	files, err := filepath.Glob(filepath.Join(extractionData, "*.html.gz"))
	if err != nil || len(files) == 0 {
		if os.Getenv("CI") == "true" {
			b.Fatalf("no pages in %s", extractionData)
		}
		b.Skipf("no pages in %s", extractionData)
	}
	sort.Strings(files)
	var pages [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

func benchPages() int {
	if n, err := strconv.Atoi(os.Getenv("SHUHO_BENCH_PAGES")); err == nil && n > 0 {
		return n
	}
	return 10_000
}

// peak samples the heap while a benchmark runs and reports its peak.
type peak struct {
	stop chan struct{}
	done sync.WaitGroup
	max  atomic.Uint64
}

func watchHeap() *peak {
	p := &peak{stop: make(chan struct{})}
	p.done.Go(func() {
		var m runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > p.max.Load() {
				p.max.Store(m.HeapInuse)
			}
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	})
	return p
}

func (p *peak) end() float64 {
	close(p.stop)
	p.done.Wait()
	return float64(p.max.Load()) / (1 << 20)
}

// maxRSS is the peak resident memory of this process so far, in MB.
func maxRSS() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Maxrss) / 1024
}

// BenchmarkIngest collects n pages: the real pages of the extraction set
// served again and again under different addresses, listed by 100 feeds.
func BenchmarkIngest(b *testing.B) {
	pages := realPages(b)
	n := benchPages()
	const feeds = 100
	perFeed := (n + feeds - 1) / feeds
	mux := http.NewServeMux()
	mux.HandleFunc("/f/{feed}", func(w http.ResponseWriter, r *http.Request) {
		f, _ := strconv.Atoi(r.PathValue("feed"))
		var sb strings.Builder
		sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed</title><link>http://` + r.Host + `/</link>`)
		for j := range perFeed {
			i := f*perFeed + j
			if i >= n {
				break
			}
			pub := time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 60 * time.Second)
			fmt.Fprintf(&sb, "<item><title>Article %d</title><link>http://%s/p/%d</link><pubDate>%s</pubDate></item>", i, r.Host, i, pub.Format(time.RFC1123Z))
		}
		sb.WriteString("</channel></rss>")
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, sb.String())
	})
	mux.HandleFunc("/p/{n}", func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(r.PathValue("n"))
		w.Header().Set("Content-Type", "text/html")
		w.Write(pages[i%len(pages)])
	})
	mux.HandleFunc("/robots.txt", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	p, err := profile.Builtin("az")
	if err != nil {
		b.Fatal(err)
	}
	p.Sources = nil
	for f := range feeds {
		p.Sources = append(p.Sources, digest.Source{Key: fmt.Sprintf("f%03d", f), Outlet: p.Outlets[f%len(p.Outlets)].Label, Kind: digest.FeedSource,
			URL: fmt.Sprintf("%s/f/%d", srv.URL, f), Lang: "en", Weight: 0.8, Interval: digest.Duration(30 * time.Minute), FullPage: true})
	}

	b.Run("extract-only", func(b *testing.B) {
		var bytesIn int64
		for i := range n {
			bytesIn += int64(len(pages[i%len(pages)]))
		}
		pk := watchHeap()
		b.ResetTimer()
		start := time.Now()
		for range b.N {
			var next atomic.Int64
			var wg sync.WaitGroup
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for {
						i := int(next.Add(1) - 1)
						if i >= n {
							return
						}
						// As the pipeline does: decode, then extract.
						page, err := fetch.Decode(pages[i%len(pages)], "text/html")
						if err != nil {
							continue
						}
						extract.Extract(page, fmt.Sprintf("%s/p/%d", srv.URL, i), extract.Options{})
					}
				})
			}
			wg.Wait()
		}
		el := time.Since(start)
		b.ReportMetric(float64(n*b.N)/el.Seconds(), "pages/s")
		b.ReportMetric(float64(bytesIn*int64(b.N))/el.Seconds()/1e6, "MB/s")
		b.ReportMetric(pk.end(), "MB-peak-heap")
	})

	b.Run("pipeline", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			dir := b.TempDir()
			s, err := store.Open(context.Background(), filepath.Join(dir, "ingest.db"), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, Contact: "bench@example.org", HostInterval: -1,
				HostConcurrency: 16, Robots: true})
			if err != nil {
				b.Fatal(err)
			}
			c := &pipeline.Collector{Store: s, Fetch: client, Profile: p, Owner: "bench", Sources: 4, Pages: 2, MaxEntries: perFeed}
			pk := watchHeap()
			b.StartTimer()
			start := time.Now()
			reports, err := c.CollectAll(context.Background())
			el := time.Since(start)
			b.StopTimer()
			heap := pk.end()
			if err != nil {
				b.Fatal(err)
			}
			stored, failed := 0, 0
			for _, r := range reports {
				stored += r.New
				failed += r.Failed
				if r.Err != nil {
					b.Fatalf("%s: %v", r.Source, r.Err)
				}
			}
			// Every page listed is stored or counted failed, and the
			// archive holds what the reports say it stored.
			if stored+failed != n {
				b.Fatalf("%d pages listed: %d stored and %d failed", n, stored, failed)
			}
			if _, _, articles, err := s.Count(context.Background()); err != nil || articles != stored {
				b.Fatalf("the archive holds %d articles (%v), the reports say %d", articles, err, stored)
			}
			b.ReportMetric(float64(stored)/el.Seconds(), "articles/s")
			b.ReportMetric(float64(failed), "failed")
			b.ReportMetric(heap, "MB-peak-heap")
			b.ReportMetric(maxRSS(), "MB-max-rss")
			b.Logf("%d pages: %d stored, %d failed (pages with no article text) in %v", n, stored, failed, el.Round(time.Millisecond))
			s.Close()
		}
	})
}

// BenchmarkIngestSample collects the bundled sample week from its loopback
// server, as shuho demo does.
func BenchmarkIngestSample(b *testing.B) {
	w, err := sample.Load()
	if err != nil {
		b.Fatal(err)
	}
	srv, err := sample.Start(context.Background(), w)
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	p, err := profile.Builtin("az")
	if err != nil {
		b.Fatal(err)
	}
	srv.Use(p)
	for range b.N {
		b.StopTimer()
		s, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "sample.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, Contact: "bench@example.org", HostInterval: -1, HostConcurrency: 16, Robots: true})
		if err != nil {
			b.Fatal(err)
		}
		c := &pipeline.Collector{Store: s, Fetch: client, Profile: p, Owner: "bench"}
		b.StartTimer()
		start := time.Now()
		reports, err := c.CollectAll(context.Background())
		el := time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		stored := 0
		for _, r := range reports {
			stored += r.New
		}
		b.ReportMetric(float64(stored)/el.Seconds(), "articles/s")
		b.ReportMetric(float64(stored), "articles")
		s.Close()
	}
}
