package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const fixtureBase = "https://news.example/rss/"

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParseGolden parses every fixture and compares the whole result (or
// the error) with testdata/golden/NAME.json; run with -update after a
// deliberate change and read the diff.
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			f, err := Parse(readFixture(t, name), "", fixtureBase)
			var got struct {
				Feed  *Feed  `json:",omitempty"`
				Error string `json:",omitempty"`
			}
			got.Feed = f
			if err != nil {
				got.Error = err.Error()
			}
			b, jerr := json.MarshalIndent(got, "", "  ")
			if jerr != nil {
				t.Fatal(jerr)
			}
			b = append(b, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("Parse(%s) differs from %s:\n%s", name, golden, b)
			}
		})
	}
}

func mustParse(t *testing.T, name string) *Feed {
	t.Helper()
	f, err := Parse(readFixture(t, name), "", fixtureBase)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return f
}

func TestParseCharsets(t *testing.T) {
	const ru = "Новости Азербайджана"
	const az = "Azərbaycan xəbərləri: Şuşa, İlham Əliyev, güc"
	tests := []struct {
		file, contentType, want string
	}{
		{"windows1251.xml", "", ru},
		{"koi8r.xml", "", ru},
		{"iso88599.xml", "", "Türkiye ve Azerbaycan: işbirliği, güç, Şişli"},
		// Declared UTF-8, bytes in windows-1251: a best-effort decode
		// instead of a failed feed.
		{"wrong_charset.xml", "", ru},
		{"bom.xml", "", az},
		{"utf16.xml", "", az},
		// The header's charset is no excuse to mangle bytes that are
		// already UTF-8.
		{"bom.xml", "application/rss+xml; charset=windows-1251", az},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, tt.file), tt.contentType, fixtureBase)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.want || len(f.Entries) != 1 || f.Entries[0].Title != tt.want {
				t.Errorf("title %q, entries %+v; want %q", f.Title, f.Entries, tt.want)
			}
		})
	}
}

func TestParseHeaderCharset(t *testing.T) {
	// No encoding in the declaration: the Content-Type's charset applies.
	doc := []byte("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title>" +
		"<item><title>x</title><link>https://n.example/1</link></item></channel></rss>")
	f, err := Parse(doc, "text/xml; charset=windows-1251", fixtureBase)
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Новости" {
		t.Errorf("title %q, want %q", f.Title, "Новости")
	}
}

func TestParseNotFeed(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"html_alternate.html", "an HTML page, which links the feed https://news.example/feeds/latest.rss"},
		{"empty.xml", "empty"},
		{"binary.bin", "binary"},
		{"notfeed.json", "JSON that is not a JSON Feed"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, tt.file), "", fixtureBase)
			if !errors.Is(err, ErrNotFeed) || f != nil {
				t.Fatalf("Parse = %v, %v; want ErrNotFeed", f, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), fixtureBase) {
				t.Errorf("error %q does not say %q and the feed's address", err, tt.want)
			}
		})
	}
}

// TestParseEntities is P1: neither a billion laughs nor an external entity
// is expanded; the file's content never shows and memory stays small.
func TestParseEntities(t *testing.T) {
	passwd, _ := os.ReadFile("/etc/passwd")
	for _, name := range []string{"laughs.xml", "xxe.xml"} {
		t.Run(name, func(t *testing.T) {
			data := readFixture(t, name)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			f, err := Parse(data, "", fixtureBase)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("parsing %d bytes allocated %d bytes", len(data), alloc)
			}
			if elapsed > time.Second {
				t.Errorf("took %v", elapsed)
			}
			if err != nil {
				return // refusing is as good as not expanding
			}
			for _, e := range f.Entries {
				for _, s := range []string{e.Title, e.Summary, e.Content} {
					if len(s) > 100 || strings.Contains(s, "root:") || strings.Contains(s, "lollol") ||
						(len(passwd) > 0 && strings.Contains(s, string(passwd[:min(len(passwd), 20)]))) {
						t.Errorf("entity expanded: %.80q", s)
					}
				}
			}
		})
	}
}

func TestParseLinks(t *testing.T) {
	f := mustParse(t, "rss2.xml")
	if f.Dropped != 2 || f.Duplicates != 1 {
		t.Errorf("dropped %d, duplicates %d; want 2 (no link, javascript:) and 1", f.Dropped, f.Duplicates)
	}
	want := []string{
		"https://apa.az/en/foreign-policy/president-receives-delegation-1001", // relative, against the channel link
		"https://apa.az/en/politics/named-zone-1002",
		"https://apa.az/en/politics/iso-1003",
		"https://apa.az/en/politics/guid-only-1004", // a permalink GUID
		"https://apa.az/en/politics/untitled-1005",
		"https://apa.az/en/politics/day-first-1006",
	}
	if len(f.Entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(f.Entries), len(want))
	}
	for i, w := range want {
		if f.Entries[i].URL != w {
			t.Errorf("entry %d: URL %q, want %q", i, f.Entries[i].URL, w)
		}
	}
	e := f.Entries[0]
	if e.Title != `President "receives" delegation` || e.Author != "Aynur Mammadova" || e.Lang != "en" ||
		!strings.Contains(e.Content, "full text") || !strings.Contains(e.Summary, "<b>summary</b>") {
		t.Errorf("first entry: %+v", e)
	}

	a := mustParse(t, "atom_xmlbase.xml")
	if len(a.Entries) != 2 || a.Entries[0].URL != "https://report.az/xeberler/1" || a.Entries[1].URL != "https://report.az/en/news/2" {
		t.Errorf("xml:base not applied: %+v", a.Entries)
	}
	if a.Title != "Report News" || a.Lang != "az" || a.Entries[0].Content != "<p>Full content</p>" || a.Entries[0].Summary != "Short summary" {
		t.Errorf("atom feed: %+v", a)
	}

	j := mustParse(t, "jsonfeed.json")
	if len(j.Entries) != 2 || j.Dropped != 1 || j.Entries[1].URL != "https://caucasuswatch.example/2026/11/24/relative" || j.Entries[0].Title != "Baku talks & outcomes" {
		t.Errorf("JSON Feed: %+v", j)
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		pubDate string
		want    string // RFC 3339 in UTC, "" for zero
	}{
		{"Tue, 25 Nov 2026 10:00:00 +0400", "2026-11-25T06:00:00Z"},
		{"Tue, 25 Nov 2026 10:00:00 GMT", "2026-11-25T10:00:00Z"},
		{"Tue, 25 Nov 2026 10:00 EST", "2026-11-25T15:00:00Z"},
		{"Tue, 25 Nov 2026 10:00:00 PDT", "2026-11-25T17:00:00Z"},
		{"25 Nov 2026 10:00:00 +0000", "2026-11-25T10:00:00Z"},
		{"2026-11-25T10:00:00+04:00", "2026-11-25T06:00:00Z"},
		{"2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z"},
		{"2026-11-25", "2026-11-25T00:00:00Z"},
		{"25.11.2026 14:32", "2026-11-25T14:32:00Z"},
		{"Wednesday, November 25, 2026 2:30 PM", "2026-11-25T14:30:00Z"},
		{"2 hours ago", ""},
		{"", ""},
		{"31.02.2026", ""},
	}
	for _, tt := range tests {
		doc := `<rss version="2.0"><channel><link>https://n.example/</link><item><title>t</title><link>https://n.example/1</link><pubDate>` +
			tt.pubDate + `</pubDate></item></channel></rss>`
		f, err := Parse([]byte(doc), "", fixtureBase)
		if err != nil {
			t.Fatalf("%q: %v", tt.pubDate, err)
		}
		got := ""
		if p := f.Entries[0].Published; !p.IsZero() {
			got = p.UTC().Format(time.RFC3339)
		}
		if got != tt.want {
			t.Errorf("pubDate %q: Published %q, want %q", tt.pubDate, got, tt.want)
		}
	}
}

// TestParseMalformed shows the choice made for broken XML: keep the entries
// complete before the fault and say where it broke; with none complete,
// fail with the line.
func TestParseMalformed(t *testing.T) {
	f := mustParse(t, "truncated.xml")
	if len(f.Entries) != 2 || f.Partial == nil || f.Partial.Line != 5 || f.Partial.URL != fixtureBase {
		t.Errorf("truncated: entries %d, partial %v; want 2 and a fault on line 5", len(f.Entries), f.Partial)
	}
	f = mustParse(t, "broken_midway.xml")
	if len(f.Entries) != 1 || f.Partial == nil || f.Partial.Line != 4 {
		t.Errorf("broken: entries %d, partial %v; want 1 and a fault on line 4", len(f.Entries), f.Partial)
	}

	doc := "<!-- generator -->\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title>\n<item><title>cut"
	_, err := Parse([]byte(doc), "", fixtureBase)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 4 || pe.URL != fixtureBase {
		t.Errorf("Parse(cut in the first item) = %v; want a *ParseError on line 4", err)
	}
}

func TestParseLimits(t *testing.T) {
	big := make([]byte, MaxSize+1)
	if _, err := Parse(big, "", fixtureBase); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse(%d bytes) = %v, want ErrTooLarge", len(big), err)
	}
	err := safely("feed "+fixtureBase, func() error { panic("index out of range") })
	if err == nil || !strings.Contains(err.Error(), fixtureBase) || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("safely(panic) = %v; want an error naming the feed and the panic", err)
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte(`<rss><channel><item><link>//x.example/a</link></item><item><link>mailto:a@b</link></item></channel></rss>`), "text/xml; charset=koi8-r")
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="javascript:x"><entry><link href="a"/></entry></feed>`), "")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		var feed *Feed
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			feed, err = Parse(data, contentType, fixtureBase)
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("Parse of %d bytes took over 3s", len(data))
		}
		if err != nil {
			if feed != nil {
				t.Fatal("a feed and an error together")
			}
			return
		}
		for _, e := range feed.Entries {
			if !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") || absURL(nil, e.URL) != e.URL {
				t.Fatalf("entry URL %q is not absolute http(s)", e.URL)
			}
		}
	})
}
