package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/pages")

// TestGolden extracts the hand-written pages in testdata/pages and compares
// every field of the Result with NAME.golden. Run with -update to rewrite
// them after a deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	tests := []struct {
		name, url string
	}{
		// Canonical relative to the page, meta published time with zone,
		// script and javascript: link inside the article.
		{"az-news", "https://xeber.example/az/news/12345?utm_source=feed"},
		// og:url, JSON-LD date in @graph, lang="en" over Russian text.
		{"ru-jsonld", "https://ru.news.example/world/gas-transit"},
		// No canonical, no lang, date only in <time datetime>.
		{"en-time", "https://border.example/posts/42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", "pages", tt.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Extract(page, tt.url, Options{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			got := formatResult(res)
			golden := filepath.Join("testdata", "pages", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", tt.name, golden, got, want)
			}
			checkInvariants(t, res)
		})
	}
}

func formatResult(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "URL: %s\nTitle: %s\nAuthor: %s\nLang: %s\n", r.URL, r.Title, r.Author, r.Lang)
	pub := ""
	if !r.Published.IsZero() {
		pub = r.Published.Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "Published: %s\n-- Text --\n%s\n-- HTML --\n%s\n", pub, r.Text, r.HTML.String())
	return b.String()
}

// checkInvariants holds for every Result, whatever the page.
func checkInvariants(t *testing.T, r Result) {
	t.Helper()
	if !utf8.ValidString(r.Text) {
		t.Errorf("Text is not valid UTF-8: %q", r.Text)
	}
	if r.Text != strings.TrimSpace(r.Text) {
		t.Errorf("Text has leading or trailing space: %q", r.Text)
	}
	if strings.Contains(r.Text, "\n\n\n") {
		t.Errorf("Text has more than one blank line between paragraphs: %q", r.Text)
	}
	if s := Sanitize(r.HTML.String()); s != r.HTML.String() {
		t.Errorf("HTML is not a fixed point of Sanitize:\n got  %q\n then %q", r.HTML.String(), s)
	}
}
