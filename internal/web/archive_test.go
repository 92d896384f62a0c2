package web

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestArchiveSearch: a search of the archive leads somewhere: each hit
// links to its item in its digest or to its article, the matches marked,
// no Markdown marks shown; the total and pages; the filters; a name in
// katakana finds its Latin spellings and the other way round, on the page
// and in the API.
func TestArchiveSearch(t *testing.T) {
	f := newFixture(t)
	_, srv := collectSample(t, f)
	defer srv.Close()
	c := f.client(t)
	f.signIn(t, c, "viewer-user")
	get := func(q string) string {
		t.Helper()
		code, p := f.get(t, c, "/archive?"+q)
		if code != 200 {
			t.Fatalf("/archive?%s: %d", q, code)
		}
		return p
	}
	hits := regexp.MustCompile(`<div class="hit">`)

	// ハサノフ: the item of the example digest (its Japanese headline) and
	// the sample week's articles, which write him Hasanov.
	p := get("q=" + url.QueryEscape("ハサノフ"))
	if !strings.Contains(p, `href="/digests/1#item-1-1"`) || !strings.Contains(p, "<mark>ハサノフ</mark>") {
		t.Errorf("the item is not linked or not marked:\n%s", p)
	}
	if !regexp.MustCompile(`href="/articles/\d+" lang="en"><strong>[^<]*<mark>Hasanov</mark>`).MatchString(p) {
		t.Errorf("ハサノフ does not find the articles that write Hasanov, marked:\n%s", p)
	}
	// And Hasanov finds the Japanese headline.
	if p := get("q=Hasanov"); !strings.Contains(p, "<mark>ハサノフ</mark>") {
		t.Errorf("Hasanov does not find ハサノフ")
	}
	if strings.Contains(p, "**") {
		t.Errorf("a hit shows Markdown marks")
	}
	// The total and the pages: Azerbaijan is in most of the archive.
	first := get("q=Azerbaijan")
	m := regexp.MustCompile(`(\d+) 件 · 1–20`).FindStringSubmatch(first)
	if m == nil || len(hits.FindAllString(first, -1)) != 20 || !strings.Contains(first, `rel="next"`) {
		t.Fatalf("the first page of Azerbaijan: no total, 20 hits and a next page:\n%.3000s", first)
	}
	second := get("q=Azerbaijan&page=2")
	if !strings.Contains(second, "21–") || !strings.Contains(second, `rel="prev"`) || len(hits.FindAllString(second, -1)) == 0 {
		t.Errorf("the second page")
	}
	// The filters: an outlet, a section, days.
	for q, want := range map[string]func(string) bool{
		"q=Hasanov&outlet=CABINET+PRESS": func(p string) bool {
			metas := regexp.MustCompile(`<div class="meta">記事 · [0-9-]+ · ([^<]*)</div>`).FindAllStringSubmatch(p, -1)
			for _, m := range metas {
				if !strings.Contains(m[1], "CABINET PRESS") {
					return false
				}
			}
			return len(metas) > 0
		},
		"q=Hasanov&section=domestic":               func(p string) bool { return !strings.Contains(p, `href="/digests/1#item-1-1"`) },
		"q=Hasanov&from=2030-01-01":                func(p string) bool { return strings.Contains(p, "該当なし") },
		"q=Hasanov&from=2026-11-01&to=2026-11-30":  func(p string) bool { return len(hits.FindAllString(p, -1)) > 0 },
		"q=Hasanov&from=yesterday":                 func(p string) bool { return strings.Contains(p, "2026-11-16 のように") },
		"q=" + url.QueryEscape(`"unbalanced`):      func(p string) bool { return strings.Contains(p, "検索語を読み取れません") },
		"q=" + url.QueryEscape("ハサノフ") + "&page=x": func(p string) bool { return len(hits.FindAllString(p, -1)) > 0 },
	} {
		if p := get(q); !want(p) {
			t.Errorf("%s: the page is not as it should be:\n%.2000s", q, p)
		}
	}

	// The API: the total, the links, the spellings, the pages.
	tok := f.apiToken(t, "viewer-user")
	code, _, out := f.api(t, tok, "GET", "/api/search?q="+url.QueryEscape("ハサノフ")+"&limit=50", "", "")
	if code != 200 || !strings.Contains(out, `"link": "/digests/1#item-1-1"`) || !regexp.MustCompile(`"link": "/articles/\d+"`).MatchString(out) ||
		!strings.Contains(out, `"total": `) || !strings.Contains(out, `"title": "Defence Minister Zakir Hasanov`) {
		t.Errorf("the API's search: %d %.1500s", code, out)
	}
	code, _, out = f.api(t, tok, "GET", "/api/search?q=Azerbaijan&limit=5&offset=5", "", "")
	if code != 200 || strings.Count(out, `"kind"`) != 5 {
		t.Errorf("a page of the API's search: %d", code)
	}
	if code, _, _ := f.api(t, tok, "GET", "/api/search?q=x&offset=-1", "", ""); code != 400 {
		t.Errorf("a negative offset: %d", code)
	}
}
