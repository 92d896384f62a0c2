package sample

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func loadWeek(t *testing.T) *Week {
	t.Helper()
	w, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestLoad checks what the sample week promises: enough articles, outlets,
// sections and multi-outlet events for the pipeline to be tested for real.
func TestLoad(t *testing.T) {
	w := loadWeek(t)
	if n := len(w.Articles); n < 150 {
		t.Errorf("%d articles; the sample week needs at least 150", n)
	}
	if n := len(w.Outlets); n < 8 {
		t.Errorf("%d outlets; want at least 8", n)
	}
	if w.Start.Weekday() != time.Saturday || w.Start.Format(time.RFC3339) != "2026-11-14T00:00:00+04:00" {
		t.Errorf("week starts %s, want Saturday 2026-11-14 00:00 +04:00", w.Start.Format(time.RFC3339))
	}
	sections := map[string]int{}
	perOutlet := map[string]int{}
	eventOutlets := map[string]map[string]bool{}
	for _, a := range w.Articles {
		sections[a.Section]++
		perOutlet[a.Outlet]++
		if eventOutlets[a.Event] == nil {
			eventOutlets[a.Event] = map[string]bool{}
		}
		eventOutlets[a.Event][a.Outlet] = true
		words := 0
		for _, p := range a.Paragraphs {
			words += len(strings.Fields(p))
		}
		if words < 120 || words > 350 {
			t.Errorf("%s: %d words; an article has 120 to 350", a.Name, words)
		}
		if n := len(a.Paragraphs); n < 2 || n > 6 {
			t.Errorf("%s: %d paragraphs; an article has 2 to 6", a.Name, n)
		}
	}
	for _, s := range Sections {
		if sections[s] == 0 {
			t.Errorf("no article in section %q", s)
		}
	}
	for _, o := range w.Outlets {
		if n := perOutlet[o.Label]; n < 6 {
			t.Errorf("outlet %s has %d articles; each needs at least 6", o.Label, n)
		}
	}
	multi := 0
	for _, outlets := range eventOutlets {
		if len(outlets) >= 2 {
			multi++
		}
	}
	if multi < 6 {
		t.Errorf("%d events told by two or more outlets; want at least 6", multi)
	}
	t.Logf("%d articles, sections %v, %d multi-outlet events", len(w.Articles), sections, multi)
}

func TestLoadRejects(t *testing.T) {
	good := "outlet: CASPIAN POST\npublished: 2026-11-16T09:30:00+04:00\ntitle: T\nsection: foreign\nevent: e\n\nOne.\n\nTwo.\n"
	tests := []struct {
		name, file, want string
	}{
		{"unknown outlet", strings.Replace(good, "CASPIAN POST", "DAILY PLANET", 1), `x.txt:1: unknown outlet "DAILY PLANET"`},
		{"before the week", strings.Replace(good, "2026-11-16T09", "2026-11-13T23", 1), "x.txt: published 2026-11-13T23:30:00+04:00 is outside the week"},
		{"after the week", strings.Replace(good, "2026-11-16T09:30:00+04:00", "2026-11-20T20:00:00Z", 1), "outside the week 2026-11-14 to 2026-11-20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(fstest.MapFS{"a/x.txt": {Data: []byte(tt.file)}}, "a")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	w, err := load(fstest.MapFS{"a/x.txt": {Data: []byte(good)}, "a/y.txt": {Data: []byte(good)}}, "a")
	if err != nil {
		t.Fatal(err)
	}
	if w.Articles[0].Slug != "t" || w.Articles[1].Slug != "t-2" {
		t.Errorf("slugs %q, %q; one outlet's equal titles need distinct slugs", w.Articles[0].Slug, w.Articles[1].Slug)
	}
}

func TestParseArticle(t *testing.T) {
	head := "outlet: KURA REVIEW\npublished: 2026-11-16T09:30:00+04:00\ntitle: Azərbaycan’s minister meets Kobakhidze: what next?\nsection: foreign\nevent: bayramov-tbilisi\n"
	a, err := ParseArticle("x.txt", []byte(head+"\nFirst paragraph,\ncontinued.\n\nSecond.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Article{Name: "x", Outlet: "KURA REVIEW", Title: "Azərbaycan’s minister meets Kobakhidze: what next?", Section: "foreign",
		Event: "bayramov-tbilisi", Published: time.Date(2026, 11, 16, 9, 30, 0, 0, Baku),
		Paragraphs: []string{"First paragraph, continued.", "Second."}, Slug: "azerbaycans-minister-meets-kobakhidze-what-next"}
	if a.Name != want.Name || a.Outlet != want.Outlet || a.Title != want.Title || a.Section != want.Section || a.Event != want.Event ||
		!a.Published.Equal(want.Published) || !slices.Equal(a.Paragraphs, want.Paragraphs) || a.Slug != want.Slug {
		t.Errorf("got %+v\nwant %+v", a, want)
	}

	bad := []struct{ name, file, want string }{
		{"no header value", "outlet CASPIAN POST\n", `x.txt:1: header line "outlet CASPIAN POST"`},
		{"unknown header", head + "tags: a\n\nP.\n", `x.txt:6: unknown header "tags"`},
		{"twice", head + "title: again\n\nP.\n", `x.txt:6: header "title" given twice`},
		{"missing", strings.Replace(head, "section: foreign\n", "", 1) + "\nP.\n", `x.txt:5: header "section" is missing`},
		{"bad section", strings.Replace(head, "foreign", "sport", 1) + "\nP.\n", `x.txt:4: section "sport"`},
		{"bad date", strings.Replace(head, "2026-11-16T09:30:00+04:00", "16 November 2026", 1) + "\nP.\n", `x.txt:2: published "16 November 2026"`},
		{"bad event", strings.Replace(head, "bayramov-tbilisi", "Bayramov Tbilisi", 1) + "\nP.\n", `x.txt:5: event "Bayramov Tbilisi"`},
		{"no body", head, "x.txt:6: no body"},
		{"two blank lines", head + "\nP.\n\n\nQ.\n", "x.txt:9: blank line"},
		{"blank line at end", head + "\nP.\n\n", "x.txt:8: blank line at the end"},
		{"no final newline", head + "\nP.", "x.txt:7: the file does not end"},
		{"crlf", strings.ReplaceAll(head, "\n", "\r\n"), "x.txt:1: carriage return"},
		{"trailing space", head + "\nP. \n", "x.txt:7: leading or trailing space"},
		{"empty value", strings.Replace(head, "title: Azərbaycan’s minister meets Kobakhidze: what next?", "title: ", 1) + "\nP.\n", `x.txt:3: header "title"`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseArticle("x.txt", []byte(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jeyhun Bayramov arrives in Georgia on working visit", "jeyhun-bayramov-arrives-in-georgia-on-working-visit"},
		{"Azerbaijan's GDP grows 3.1%", "azerbaijans-gdp-grows-3-1"},
		{"Şuşa, Gəncə və Ağdam", "susa-gence-ve-agdam"},
		{"«»—", "article"},
		{strings.Repeat("word ", 30), "word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word"},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func startServer(t *testing.T) (*Week, *Server) {
	t.Helper()
	w := loadWeek(t)
	s, err := Start(t.Context(), w)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return w, s
}

func get(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return resp, b
}

var (
	rssLink       = regexp.MustCompile(`<item>\s*<title>[^<]*</title>\s*<link>([^<]+)</link>`)
	atomEntryLink = regexp.MustCompile(`<entry>\s*<title>[^<]*</title>\s*<link href="([^"]+)"`)
	cardLink      = regexp.MustCompile(`<a class="card-link" href="([^"]+)"`)
	canonical     = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
)

// wellFormed reads a whole XML document with encoding/xml.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestServerFeeds fetches every outlet's feed or list page and checks its
// format and that, together, they link every article of the week.
func TestServerFeeds(t *testing.T) {
	w, s := startServer(t)
	sources := s.Sources()
	if len(sources) != len(w.Outlets) {
		t.Fatalf("%d sources for %d outlets", len(sources), len(w.Outlets))
	}
	linked := map[string]bool{}
	for _, src := range sources {
		o, ok := w.Outlet(src.Outlet)
		if !ok || o.Key != src.Key || src.Lang != "en" || src.Weight <= 0 || src.Weight > 1 || time.Duration(src.Interval) != 30*time.Minute {
			t.Errorf("source %+v does not match its outlet", src)
		}
		resp, body := get(t, src.URL)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s %s: status %d", o.Key, src.URL, resp.StatusCode)
			continue
		}
		var links [][][]byte
		ctype := resp.Header.Get("Content-Type")
		switch o.Kind {
		case "rss-full", "rss-summary", "rss-broken":
			err := wellFormed(body)
			if o.Kind == "rss-broken" {
				if err == nil {
					t.Errorf("%s: the broken feed parses with encoding/xml", o.Key)
				}
			} else if err != nil {
				t.Errorf("%s: feed is not well-formed: %v", o.Key, err)
			}
			if full := bytes.Contains(body, []byte("<content:encoded>")); full != (o.Kind == "rss-full") {
				t.Errorf("%s (%s): content:encoded present = %v", o.Key, o.Kind, full)
			}
			if src.FullPage == (o.Kind == "rss-full") {
				t.Errorf("%s (%s): FullPage = %v", o.Key, o.Kind, src.FullPage)
			}
			links = rssLink.FindAllSubmatch(body, -1)
		case "atom-full", "atom-summary":
			if err := wellFormed(body); err != nil {
				t.Errorf("%s: feed is not well-formed: %v", o.Key, err)
			}
			var feed struct {
				XMLName xml.Name
				Entries []struct {
					Published string `xml:"published"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal(body, &feed); err != nil || feed.XMLName.Space != "http://www.w3.org/2005/Atom" {
				t.Errorf("%s: not an Atom feed (%v, %v)", o.Key, feed.XMLName, err)
			}
			for _, e := range feed.Entries {
				if _, err := time.Parse(time.RFC3339, e.Published); err != nil {
					t.Errorf("%s: %v", o.Key, err)
				}
			}
			links = atomEntryLink.FindAllSubmatch(body, -1)
		case "jsonfeed":
			var feed struct {
				Version string
				Items   []struct {
					URL           string `json:"url"`
					ContentHTML   string `json:"content_html"`
					DatePublished string `json:"date_published"`
				}
			}
			if err := json.Unmarshal(body, &feed); err != nil || feed.Version != "https://jsonfeed.org/version/1.1" {
				t.Errorf("%s: not a JSON Feed 1.1 (%q, %v)", o.Key, feed.Version, err)
			}
			for _, it := range feed.Items {
				if it.ContentHTML == "" {
					t.Errorf("%s: item %s has no content_html", o.Key, it.URL)
				}
				links = append(links, [][]byte{nil, []byte(it.URL)})
			}
		case "list":
			if src.List == nil || !strings.Contains(string(body), `class="card"`) || !strings.HasPrefix(ctype, "text/html") {
				t.Errorf("%s: list page or its selectors are wrong: %+v", o.Key, src.List)
			}
			links = cardLink.FindAllSubmatch(body, -1)
		}
		want := 0
		for _, a := range w.Articles {
			if a.Outlet == o.Label {
				want++
			}
		}
		if len(links) != want {
			t.Errorf("%s: %d article links, want %d", o.Key, len(links), want)
		}
		for _, m := range links {
			u := html.UnescapeString(string(m[1]))
			if tracked[o.Key] != strings.Contains(u, "utm_source=rss") {
				t.Errorf("%s: link %s: tracking parameters present = %v", o.Key, u, !tracked[o.Key])
			}
			u, _, _ = strings.Cut(u, "?")
			linked[u] = true
		}
	}
	for _, a := range w.Articles {
		if u := s.URL(a.Name); u == "" || !linked[u] {
			t.Errorf("article %s (%q) is linked from no feed or list page", a.Name, u)
		}
	}
}

// TestServerFeedOrder checks that feeds list the newest first with the
// date formats their standards ask for.
func TestServerFeedOrder(t *testing.T) {
	_, s := startServer(t)
	pubDate := regexp.MustCompile(`<pubDate>([^<]+)</pubDate>`)
	for _, src := range s.Sources() {
		_, body := get(t, src.URL)
		var dates []time.Time
		for _, m := range pubDate.FindAllSubmatch(body, -1) {
			d, err := time.Parse(time.RFC1123Z, string(m[1]))
			if err != nil {
				t.Errorf("%s: %v", src.Key, err)
			}
			dates = append(dates, d)
		}
		if !slices.IsSortedFunc(dates, func(a, b time.Time) int { return b.Compare(a) }) {
			t.Errorf("%s: items are not newest first", src.Key)
		}
	}
}

// TestServerPages fetches every article page and checks that it carries the
// article: title, every paragraph, its date and its canonical address.
func TestServerPages(t *testing.T) {
	w, s := startServer(t)
	layoutsSeen := map[string]bool{}
	for _, a := range w.Articles {
		u := s.URL(a.Name)
		resp, body := get(t, u+"?utm_source=rss&utm_medium=feed")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", u, resp.StatusCode)
			continue
		}
		// html/template writes some characters as references ("+" as
		// "&#43;"), so the page is compared decoded.
		page := html.UnescapeString(string(body))
		for _, want := range append([]string{"<h1", a.Title, `<time`, `datetime="` + a.Published.Format(time.RFC3339),
			`<meta property="article:published_time" content="` + a.Published.Format(time.RFC3339), "cookie", "Most read", "footer"}, a.Paragraphs...) {
			if !strings.Contains(page, want) {
				t.Errorf("%s: page lacks %q", a.Name, want)
			}
		}
		if m := canonical.FindStringSubmatch(page); m == nil || m[1] != u {
			t.Errorf("%s: canonical link %v, want %s", a.Name, m, u)
		}
		o, _ := w.Outlet(a.Outlet)
		layoutsSeen[layouts[o.Key]] = true
	}
	if len(layoutsSeen) < 3 {
		t.Errorf("pages use %d layouts; want at least 3", len(layoutsSeen))
	}
}

func TestServerHTTP(t *testing.T) {
	w, s := startServer(t)
	feed := s.Sources()[0].URL
	base := strings.TrimSuffix(feed, feedPaths[w.Outlets[0].Key])

	// The transport asks for gzip unless told otherwise.
	resp, body := get(t, feed, "Accept-Encoding", "identity")
	etag, lastMod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if etag == "" || lastMod == "" {
		t.Fatalf("no validators: ETag %q, Last-Modified %q", etag, lastMod)
	}
	tests := []struct {
		name   string
		url    string
		header []string
		status int
	}{
		{"unknown path", base + "/no/such/page", nil, http.StatusNotFound},
		{"robots", base + "/robots.txt", nil, http.StatusOK},
		{"If-None-Match", feed, []string{"If-None-Match", etag}, http.StatusNotModified},
		{"If-None-Match, other", feed, []string{"If-None-Match", `"other"`}, http.StatusOK},
		{"If-Modified-Since", feed, []string{"If-Modified-Since", lastMod}, http.StatusNotModified},
		{"If-Modified-Since, earlier", feed, []string{"If-Modified-Since", "Sat, 14 Nov 2026 00:00:00 GMT"}, http.StatusOK},
		{"If-None-Match wins", feed, []string{"If-None-Match", `"other"`, "If-Modified-Since", lastMod}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := get(t, tt.url, tt.header...)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
	_, robots := get(t, base+"/robots.txt")
	if !strings.Contains(string(robots), "User-agent: *\nAllow: /") {
		t.Errorf("robots.txt does not allow all:\n%s", robots)
	}

	// Setting Accept-Encoding by hand stops the transport from decoding,
	// so the test sees the bytes as sent.
	resp, zbody := get(t, feed, "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(zbody))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(plain, body) {
		t.Errorf("gzip body differs from the plain one (%v)", err)
	}
	if resp.Header.Get("ETag") == etag {
		t.Error("gzip and plain bodies share an ETag")
	}

	host := strings.TrimPrefix(base, "http://")
	req := s.Requests()
	if req[host+"/no/such/page"] != 1 || req[host+feedPaths[w.Outlets[0].Key]] < 6 {
		t.Errorf("request counts %v", req)
	}
}

func TestServerStops(t *testing.T) {
	w := loadWeek(t)
	ctx, cancel := context.WithCancel(t.Context())
	s, err := Start(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	url := s.Sources()[0].URL
	get(t, url)
	cancel()
	deadline := time.Now().Add(2 * time.Second)
	for {
		resp, err := http.Get(url)
		if err != nil {
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still answers after its context ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close after the context ended: %v", err)
	}
}

func TestOutlets(t *testing.T) {
	_, s := startServer(t)
	for _, o := range s.Outlets() {
		if !o.Affiliation.Valid() || !strings.HasPrefix(o.Home, "https://") || !strings.HasSuffix(o.Home, ".example/") || o.Label == "" || o.Name == "" {
			t.Errorf("outlet %+v", o)
		}
	}
}

// formatArticle writes an article in the file form, for the fuzz target's
// round trip.
func formatArticle(a Article) string {
	var b strings.Builder
	b.WriteString("outlet: " + a.Outlet + "\npublished: " + a.Published.Format(time.RFC3339) + "\ntitle: " + a.Title +
		"\nsection: " + a.Section + "\nevent: " + a.Event + "\n")
	for _, p := range a.Paragraphs {
		b.WriteString("\n" + p + "\n")
	}
	return b.String()
}

func FuzzParseArticle(f *testing.F) {
	names, _ := fs.Glob(files, "week/articles/*.txt")
	for _, n := range names[:min(len(names), 6)] {
		b, _ := fs.ReadFile(files, n)
		f.Add(b)
	}
	f.Add([]byte("outlet: A\npublished: 2026-11-16T09:30:00+04:00\ntitle: T\nsection: none\nevent: e\n\nP\nQ\n\nR\n"))
	f.Add([]byte("outlet: A\n\n\n"))
	f.Add([]byte("title: x\ntitle: y\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle("f.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.txt:") {
				t.Errorf("error %q does not name the file and line", err)
			}
			return
		}
		if len(a.Paragraphs) == 0 || a.Title == "" || !slices.Contains(Sections, a.Section) || !isSlug(a.Slug) {
			t.Fatalf("accepted an incomplete article: %+v", a)
		}
		// What was accepted reads back the same from its canonical form.
		b, err := ParseArticle("f.txt", []byte(formatArticle(a)))
		if err != nil {
			t.Fatalf("canonical form of %+v does not parse: %v", a, err)
		}
		if b.Title != a.Title || b.Outlet != a.Outlet || !b.Published.Equal(a.Published) || !slices.Equal(b.Paragraphs, a.Paragraphs) || b.Slug != a.Slug ||
			b.Section != a.Section || b.Event != a.Event {
			t.Fatalf("round trip changed %+v to %+v", a, b)
		}
	})
}
