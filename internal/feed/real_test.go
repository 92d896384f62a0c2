package feed

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

const realFeedsDir = "testdata/realfeeds"

// realFeeds reads the 200 real feeds, skipping when the data is absent
// except under CI, where it must be there.
func realFeeds(tb testing.TB) map[string][]byte {
	tb.Helper()
	ents, err := os.ReadDir(realFeedsDir)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("real feeds: %v", err)
		}
		tb.Skipf("real feeds absent: %v", err)
	}
	feeds := make(map[string][]byte, len(ents))
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".gz")
		if e.IsDir() || !ok {
			continue // LICENSE, README.md
		}
		f, err := os.Open(filepath.Join(realFeedsDir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("%s: %v", e.Name(), err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatalf("%s: %v", e.Name(), err)
		}
		feeds[name] = b
	}
	if len(feeds) == 0 {
		tb.Fatalf("no feeds in %s", realFeedsDir)
	}
	return feeds
}

type realResult struct {
	feed *Feed
	err  error
	dur  time.Duration
}

// parseGuarded runs Parse in a goroutine so that a hang shows as a failure
// of that feed instead of a stuck test binary.
func parseGuarded(data []byte, name string, limit time.Duration) (realResult, bool) {
	done := make(chan realResult, 1)
	go func() {
		var r realResult
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("panic escaped Parse: %v", p)
			}
			done <- r
		}()
		start := time.Now()
		r.feed, r.err = Parse(data, "", "https://feeds.example/"+name)
		r.dur = time.Since(start)
	}()
	select {
	case r := <-done:
		return r, true
	case <-time.After(limit):
		return realResult{}, false
	}
}

func TestRealFeeds(t *testing.T) {
	feeds := realFeeds(t)
	names := make([]string, 0, len(feeds))
	for n := range feeds {
		names = append(names, n)
	}
	sort.Strings(names)

	if testing.Short() {
		// Every tenth feed: enough to catch a regression quickly.
		var some []string
		for i := 0; i < len(names); i += 10 {
			some = append(some, names[i])
		}
		names = some
	}

	// The feeds are parsed on every core, each with its own deadline.
	limit := 5 * time.Second * raceSlowdown
	results := make([]realResult, len(names))
	hung := make([]bool, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r, ok := parseGuarded(feeds[names[i]], names[i], limit)
				results[i], hung[i] = r, !ok
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()

	var parsed, partial, entries, dropped, dups int
	var failed []string
	for i, name := range names {
		r := results[i]
		if hung[i] {
			t.Errorf("%s: no answer within %v", name, limit)
			continue
		}
		if r.err != nil {
			var pe *ParseError
			if !errors.Is(r.err, ErrNotFeed) && !errors.As(r.err, &pe) && !errors.Is(r.err, ErrTooLarge) {
				// Errors must be one of the documented kinds; anything else
				// (a recovered panic included) is a defect.
				t.Errorf("%s: unexpected kind of error: %v", name, r.err)
			}
			failed = append(failed, fmt.Sprintf("%s: %v", name, r.err))
			continue
		}
		parsed++
		if r.feed.Partial != nil {
			partial++
			t.Logf("%s: partial: %v (%d entries kept)", name, r.feed.Partial, len(r.feed.Entries))
		}
		entries += len(r.feed.Entries)
		dropped += r.feed.Dropped
		dups += r.feed.Duplicates
		for _, e := range r.feed.Entries {
			if u := absURL(nil, e.URL); u == "" {
				t.Errorf("%s: entry URL %q is not absolute http(s)", name, e.URL)
			}
		}
	}
	t.Logf("feeds: %d, parsed: %d (%d partial), errors: %d, entries: %d, dropped without link: %d, duplicates: %d",
		len(names), parsed, partial, len(failed), entries, dropped, dups)
	for _, f := range failed {
		t.Logf("error: %s", f)
	}
	if min := len(names) * 95 / 100; parsed < min {
		t.Errorf("%d of %d feeds parsed, want at least %d", parsed, len(names), min)
	}
}

// BenchmarkParseFeeds parses all the real feeds per iteration and reports
// the throughput and the share that parsed without error.
func BenchmarkParseFeeds(b *testing.B) {
	feeds := realFeeds(b)
	var total int64
	for _, d := range feeds {
		total += int64(len(d))
	}
	b.SetBytes(total)
	var ok, all int
	for b.Loop() {
		for name, d := range feeds {
			all++
			if _, err := Parse(d, "", "https://feeds.example/"+name); err == nil {
				ok++
			}
		}
	}
	b.ReportMetric(float64(ok)/float64(all), "parsed/feed")
}
