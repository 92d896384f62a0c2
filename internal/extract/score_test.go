package extract

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The score of the article extraction benchmark
// (github.com/scrapinghub/article-extraction-benchmark, evaluate.py), which
// every published comparison on this data set uses:
//
//   - tokens are runs of Unicode letters, digits and "_" (Python's \w+);
//   - shingles are runs of 4 tokens, counted; a text of 1–3 tokens is one
//     short shingle, an empty text none;
//   - per page tp, fp, fn are divided by their sum;
//   - precision is averaged over the pages that predicted something
//     (tp+fp > 0), recall over the pages that expected something (tp+fn > 0).
//     So a page with nothing predicted but something expected counts 0 in
//     recall and not at all in precision, as in evaluate.py;
//   - F1 is the harmonic mean of those two means.

const shingleN = 4

func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

func shingles(s string) map[string]int {
	t := tokens(s)
	m := map[string]int{}
	if len(t) == 0 {
		return m
	}
	for i := 0; i < max(1, len(t)-shingleN+1); i++ {
		m[strings.Join(t[i:min(i+shingleN, len(t))], "\x00")]++
	}
	return m
}

type tpFpFn struct{ tp, fp, fn float64 }

// matchShingles is evaluate.py's string_shingle_matching.
func matchShingles(want, got string) tpFpFn {
	w, g := shingles(want), shingles(got)
	var r tpFpFn
	for k, wc := range w {
		gc := g[k]
		r.tp += float64(min(wc, gc))
		r.fn += float64(max(0, wc-gc))
	}
	for k, gc := range g {
		r.fp += float64(max(0, gc-w[k]))
	}
	if s := r.tp + r.fp + r.fn; s > 0 {
		r.tp, r.fp, r.fn = r.tp/s, r.fp/s, r.fn/s
	}
	return r
}

// scores is evaluate.py's metrics_from_tp_fp_fns.
func scores(pages []tpFpFn) (p, r, f1 float64) {
	var np, nr int
	for _, x := range pages {
		if x.tp+x.fp > 0 {
			np++
			if x.fp == 0 && x.fn == 0 {
				p++
			} else {
				p += x.tp / (x.tp + x.fp)
			}
		}
		if x.tp+x.fn > 0 {
			nr++
			if x.fp == 0 && x.fn == 0 {
				r++
			} else {
				r += x.tp / (x.tp + x.fn)
			}
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func TestMatchShingles(t *testing.T) {
	tests := []struct {
		name, want, got string
		out             tpFpFn
	}{
		{"both empty", "", "", tpFpFn{}},
		{"identical", "a b c d e", "a b c d e", tpFpFn{1, 0, 0}},
		// want: abcd bcde; got: abcd → tp 1, fn 1.
		{"missed tail", "a b c d e", "a b c d", tpFpFn{0.5, 0, 0.5}},
		// want: abcd; got: abcd bcde cdef → tp 1, fp 2.
		{"extra tail", "a b c d", "a b c d e f", tpFpFn{1.0 / 3, 2.0 / 3, 0}},
		{"nothing predicted", "a b c d", "", tpFpFn{0, 0, 1}},
		{"nothing expected", "", "a b c d", tpFpFn{0, 1, 0}},
		// Short texts are one shingle of their tokens.
		{"short equal", "Hello, world!", "hello world", tpFpFn{0, 0.5, 0.5}},
		{"short same case", "Hello, world!", "Hello world", tpFpFn{1, 0, 0}},
		// Repeats count: want has "a a a a" twice (5 tokens), got once.
		{"counts", "a a a a a", "a a a a", tpFpFn{0.5, 0, 0.5}},
		// Tokens are \w runs: punctuation and line breaks do not matter, and
		// Unicode letters and digits are word characters.
		{"tokenizer", "Bakı, 12 may — Əliyev_x dedi.", "Bakı 12 may\n\nƏliyev_x dedi", tpFpFn{1, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchShingles(tt.want, tt.got)
			if !near(got.tp, tt.out.tp) || !near(got.fp, tt.out.fp) || !near(got.fn, tt.out.fn) {
				t.Errorf("matchShingles(%q, %q) = %+v, want %+v", tt.want, tt.got, got, tt.out)
			}
		})
	}
}

func TestScores(t *testing.T) {
	tests := []struct {
		name    string
		pages   []tpFpFn
		p, r, f float64
	}{
		{"perfect", []tpFpFn{{1, 0, 0}, {1, 0, 0}}, 1, 1, 1},
		// Page 2 predicted nothing: out of the precision mean, 0 in recall.
		{"one missed page", []tpFpFn{{1, 0, 0}, {0, 0, 1}}, 1, 0.5, 2.0 / 3},
		// Page 2 expected nothing but got text: 0 in precision, out of recall.
		{"one spurious page", []tpFpFn{{1, 0, 0}, {0, 1, 0}}, 0.5, 1, 2.0 / 3},
		// Means of ratios: p = (0.5 + 1)/2, r = (1 + 0.5)/2.
		{"halves", []tpFpFn{{0.5, 0.5, 0}, {0.5, 0, 0.5}}, 0.75, 0.75, 0.75},
		// Both empty: counted in neither mean.
		{"empty page", []tpFpFn{{1, 0, 0}, {0, 0, 0}}, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, f := scores(tt.pages)
			if !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
				t.Errorf("scores = %.4f %.4f %.4f, want %.4f %.4f %.4f", p, r, f, tt.p, tt.r, tt.f)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

const benchDir = "testdata/extraction"

type benchPage struct {
	key, url, want string
	html           []byte
}

// loadBench reads the extraction benchmark in place; it skips when the data
// is absent, except under CI=true where it must be there.
func loadBench(tb testing.TB) []benchPage {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(benchDir, "ground-truth.json"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("extraction benchmark data: %v", err)
		}
		tb.Skipf("extraction benchmark data absent: %v", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatalf("ground-truth.json: %v", err)
	}
	var pages []benchPage
	for key, v := range truth {
		name := filepath.Join(benchDir, "html", key+".html.gz")
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		pages = append(pages, benchPage{key: key, url: v.URL, want: v.ArticleBody, html: b})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].key < pages[j].key })
	return pages
}

// TestExtractionScore extracts the 181 pages of the benchmark and scores the
// text against the ground truth. Its figure is comparable with the published
// ones (go-trafilatura 0.960, rs_trafilatura 0.970).
func TestExtractionScore(t *testing.T) {
	if raceEnabled {
		t.Skip("slow under -race; .ci runs it without -race")
	}
	pages := loadBench(t)
	if len(pages) != 181 {
		t.Errorf("benchmark has %d pages, want 181", len(pages))
	}
	var (
		results = make([]tpFpFn, len(pages))
		bytes   int
		failed  int
	)
	start := time.Now()
	for i, pg := range pages {
		bytes += len(pg.html)
		res, err := Extract(pg.html, pg.url, Options{})
		if err != nil {
			failed++
			t.Logf("%s: %v", pg.key, err)
		}
		results[i] = matchShingles(pg.want, res.Text)
	}
	elapsed := time.Since(start)
	p, r, f1 := scores(results)
	t.Logf("pages %d (errors %d): P %.4f  R %.4f  F1 %.4f  %.1f pages/s  %.1f MB/s",
		len(pages), failed, p, r, f1, float64(len(pages))/elapsed.Seconds(), float64(bytes)/1e6/elapsed.Seconds())
	if testing.Verbose() && os.Getenv("EXTRACT_WORST") != "" {
		idx := make([]int, len(pages))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return results[idx[a]].tp < results[idx[b]].tp })
		for _, i := range idx[:20] {
			t.Logf("worst: %s tp %.3f fp %.3f fn %.3f %s", pages[i].key[:12], results[i].tp, results[i].fp, results[i].fn, pages[i].url)
		}
	}
	if f1 < 0.96 {
		t.Errorf("F1 %.4f, want at least 0.96", f1)
	}
}

func BenchmarkExtract(b *testing.B) {
	pages := loadBench(b)
	var size int
	for _, pg := range pages {
		size += len(pg.html)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, pg := range pages {
			if _, err := Extract(pg.html, pg.url, Options{}); err != nil && !errorsIsNoContent(err) {
				b.Fatalf("%s: %v", pg.key, err)
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(pages)*b.N)/sec, "pages/s")
	b.ReportMetric(float64(size*b.N)/1e6/sec, "MB/s")
}
