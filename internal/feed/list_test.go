package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
)

type wantEntry struct {
	URL, Title, Published string // Published in RFC 3339 UTC, "" for zero
}

func TestParseList(t *testing.T) {
	baku := time.FixedZone("AZT", 4*3600)
	tests := []struct {
		file, pageURL string
		sel           digest.ListSelectors
		loc           *time.Location
		want          []wantEntry
		dropped, dups int
	}{
		{
			file:    "apa.html",
			pageURL: "https://apa.az/en/all-news",
			sel:     digest.ListSelectors{Item: ".news-card", Links: "a.news-card__link", Title: ".news-card__title", Date: ".news-card__date"},
			loc:     baku,
			want: []wantEntry{
				{"https://apa.az/en/foreign-policy/aliyev-receives-eu-delegation-812301", "Ilham Aliyev receives EU delegation & discusses peace agenda", "2026-11-25T10:32:00Z"},
				{"https://apa.az/en/domestic-policy/milli-majlis-adopts-budget-812299", "Milli Majlis adopts 2027 budget", "2026-11-25T07:05:00Z"},
				// Another host is kept: the selectors decide.
				{"https://report.az/en/region/partner-story-1", "Partner site story", ""},
			},
			dropped: 2, // javascript: and "#"
			dups:    1, // the same story with #comments
		},
		{
			file:    "mfa.html",
			pageURL: "https://mfa.gov.az/en/category/press-releases",
			sel:     digest.ListSelectors{Item: ".news-item", Links: "a", Date: "time, .news-item__date"},
			want: []wantEntry{
				{"https://mfa.gov.az/en/news/no-58526-press-release", "No:585/26, Press release on the meeting of Foreign Minister Jeyhun Bayramov", "2026-11-25T12:10:00Z"},
				{"https://mfa.gov.az/en/news/no-58426-commentary", "Commentary of the Press Service Department", "2026-11-24T00:00:00Z"},
				{"https://mfa.gov.az/en/news/no-58326-statement", "Statement on the anniversary", "2026-11-23T09:15:00Z"},
			},
			dropped: 1, // mailto:
		},
		{
			file:    "trend.html",
			pageURL: "https://en.trend.az/azerbaijan/politics/",
			sel:     digest.ListSelectors{Links: "ul.list a.title"},
			want: []wantEntry{
				{"https://en.trend.az/en/politics/4012345.html", "Azerbaijan, Türkiye sign memorandum", ""},
				{"https://en.trend.az/en/politics/4012344.html", "Baku hosts regional forum", ""},
				{"https://en.trend.az/en/politics/4012343.html", "Spaced link", ""},
			},
			dups: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", "list", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			loc := tt.loc
			if loc == nil {
				loc = time.UTC
			}
			f, err := ParseListIn(page, tt.pageURL, tt.sel, loc)
			if err != nil {
				t.Fatal(err)
			}
			var got []wantEntry
			for _, e := range f.Entries {
				w := wantEntry{URL: e.URL, Title: e.Title}
				if !e.Published.IsZero() {
					w.Published = e.Published.UTC().Format(time.RFC3339)
				}
				got = append(got, w)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d entries %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("entry %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
			if f.Dropped != tt.dropped || f.Duplicates != tt.dups {
				t.Errorf("dropped %d, duplicates %d; want %d, %d", f.Dropped, f.Duplicates, tt.dropped, tt.dups)
			}
			if f.Lang == "" && tt.file != "trend.html" {
				t.Errorf("no language from <html lang>")
			}
		})
	}
}

func TestParseListErrors(t *testing.T) {
	page := []byte(`<a href="/x">x</a>`)
	tests := []struct {
		name, pageURL string
		sel           digest.ListSelectors
		want          string
	}{
		{"bad selector", "https://n.example/", digest.ListSelectors{Links: "a[href"}, `links selector "a[href"`},
		{"no selector", "https://n.example/", digest.ListSelectors{}, "no links selector"},
		{"bad date selector", "https://n.example/", digest.ListSelectors{Links: "a", Date: ":::"}, "date selector"},
		{"page not http", "file:///etc/passwd", digest.ListSelectors{Links: "a"}, "not an http(s) address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseList(page, tt.pageURL, tt.sel)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseList = %v, want an error saying %q", err, tt.want)
			}
		})
	}
	if _, err := ParseList(make([]byte, MaxSize+1), "https://n.example/", digest.ListSelectors{Links: "a"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversized page: %v, want ErrTooLarge", err)
	}
}

func TestParseDate(t *testing.T) {
	baku := time.FixedZone("AZT", 4*3600)
	tests := []struct {
		in   string
		want string // RFC 3339 UTC, "" for zero
	}{
		{"25.11.2026", "2026-11-24T20:00:00Z"},
		{"25.11.2026 14:32", "2026-11-25T10:32:00Z"},
		{"25/11/2026", "2026-11-24T20:00:00Z"},
		{"11/25/2026", "2026-11-24T20:00:00Z"}, // month first only when the day cannot be
		{"25 November 2026", "2026-11-24T20:00:00Z"},
		{"25 November 2026, 14:32", "2026-11-25T10:32:00Z"},
		{"14:32, 25 November 2026", "2026-11-25T10:32:00Z"},
		{"Nov 25, 2026 14:30", "2026-11-25T10:30:00Z"},
		{"November 25th, 2026", "2026-11-24T20:00:00Z"},
		{"25 noyabr 2026, 09:00", "2026-11-25T05:00:00Z"},
		{"25 ноября 2026 г., 9:00", "2026-11-25T05:00:00Z"},
		{"2026-11-25", "2026-11-24T20:00:00Z"},
		{"2026-11-25T14:32:00+04:00", "2026-11-25T10:32:00Z"},
		{"2026-11-25T14:32:00Z", "2026-11-25T14:32:00Z"},
		{"2026-11-25 14:32", "2026-11-25T10:32:00Z"},
		{"Nov 25, 2026 2:30 pm", "2026-11-25T10:30:00Z"},
		{"2 hours ago", ""},
		{"today, 14:32", ""},
		{"yesterday", ""},
		{"32.11.2026", ""},
		{"30 Smarch 2026", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if d := parseDate(tt.in, baku); !d.IsZero() {
			got = d.UTC().Format(time.RFC3339)
		}
		if got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseList(f *testing.F) {
	files, _ := filepath.Glob("testdata/list/*.html")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "a", ".news-card", "h2", "time")
	}
	f.Add([]byte(`<base href="javascript:x"><a href="//h.example/a">a</a><a href="http://[::1">b</a>`), "a", "", "", "")
	f.Fuzz(func(t *testing.T, page []byte, links, item, title, date string) {
		sel := digest.ListSelectors{Links: links, Item: item, Title: title, Date: date}
		feed, err := ParseList(page, "https://n.example/list/", sel)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, e := range feed.Entries {
			if !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") {
				t.Fatalf("entry URL %q is not absolute http(s)", e.URL)
			}
			if seen[e.URL] {
				t.Fatalf("duplicate entry %q", e.URL)
			}
			seen[e.URL] = true
		}
	})
}
