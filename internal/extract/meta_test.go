package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestParseTime(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026-11-20T14:35:00+04:00", time.Date(2026, 11, 20, 14, 35, 0, 0, time.FixedZone("", 4*3600))},
		{"2026-11-20T10:35:00Z", utc(2026, 11, 20, 10, 35, 0)},
		{"2026-11-20T10:35:00.123Z", time.Date(2026, 11, 20, 10, 35, 0, 123e6, time.UTC)},
		{"2026-11-20T14:35:00+0400", time.Date(2026, 11, 20, 14, 35, 0, 0, time.FixedZone("", 4*3600))},
		{"2026-11-20T14:35+04:00", time.Date(2026, 11, 20, 14, 35, 0, 0, time.FixedZone("", 4*3600))},
		{"2026-11-20T10:35:00", utc(2026, 11, 20, 10, 35, 0)},
		{"2026-11-20 10:35:00", utc(2026, 11, 20, 10, 35, 0)},
		{" 2026-11-20 ", utc(2026, 11, 20, 0, 0, 0)},
		{"Fri, 20 Nov 2026 10:35:00 +0000", utc(2026, 11, 20, 10, 35, 0)},
		{"", time.Time{}},
		{"20 noyabr 2026", time.Time{}},
		{"0001-01-01T00:00:00Z", time.Time{}}, // placeholder
		{"9999-12-31", time.Time{}},
		{"2026-13-45", time.Time{}},
	}
	for _, tt := range tests {
		if got := parseTime(tt.in); !got.Equal(tt.want) {
			t.Errorf("parseTime(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestJSONLDDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"object", `{"@type":"NewsArticle","datePublished":"2026-11-19T08:15:30+03:00"}`, "2026-11-19T05:15:30Z"},
		{"array", `[{"@type":"Organization"},{"datePublished":"2026-11-19T08:15:30Z"}]`, "2026-11-19T08:15:30Z"},
		{"graph", `{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2026-11-19"}]}`, "2026-11-19T00:00:00Z"},
		{"created only", `{"dateCreated":"2026-11-18T07:00:00Z"}`, "2026-11-18T07:00:00Z"},
		{"published beats created", `{"dateCreated":"2026-11-18T07:00:00Z","datePublished":"2026-11-19T07:00:00Z"}`, "2026-11-19T07:00:00Z"},
		{"not a string", `{"datePublished":20261119}`, ""},
		{"broken", `{"datePublished":`, ""},
		{"deep", strings.Repeat(`{"@graph":[`, 50) + `{"datePublished":"2026-11-19"}` + strings.Repeat(`]}`, 50), ""},
	}
	for _, tt := range tests {
		got := jsonLDDate(tt.in)
		s := ""
		if !got.IsZero() {
			s = got.UTC().Format(time.RFC3339)
		}
		if s != tt.want {
			t.Errorf("%s: jsonLDDate = %q, want %q", tt.name, s, tt.want)
		}
	}
}

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name, head, body string
		canonical, lang  string
		published        string
	}{
		{"link beats og:url", `<link rel="canonical" href="/a"><meta property="og:url" content="https://x.example/b">`, ``, "/a", "", ""},
		{"og:url", `<meta property="og:url" content="https://x.example/b">`, ``, "https://x.example/b", "", ""},
		{"rel list", `<link rel="alternate canonical" href="/c">`, ``, "/c", "", ""},
		{"meta beats json-ld and time", `<meta property="article:published_time" content="2026-11-20T10:00:00Z"><script type="application/ld+json">{"datePublished":"2026-11-19T10:00:00Z"}</script>`, `<time datetime="2026-11-18T10:00:00Z">x</time>`, "", "", "2026-11-20T10:00:00Z"},
		{"json-ld beats time", `<script type="application/ld+json">{"datePublished":"2026-11-19T10:00:00Z"}</script>`, `<time datetime="2026-11-18T10:00:00Z">x</time>`, "", "", "2026-11-19T10:00:00Z"},
		{"first time", ``, `<time>today</time><time datetime="2026-11-18T10:00:00Z">x</time><time datetime="2026-11-17">y</time>`, "", "", "2026-11-18T10:00:00Z"},
		{"itemprop", `<meta itemprop="datePublished" content="2026-11-16T09:00:00+04:00">`, ``, "", "", "2026-11-16T05:00:00Z"},
		{"content-language", `<meta http-equiv="Content-Language" content="ru-RU">`, ``, "", "ru", ""},
		{"og:locale", `<meta property="og:locale" content="az_AZ">`, ``, "", "az", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(`<html><head>` + tt.head + `</head><body>` + tt.body + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			m := readMeta(doc)
			pub := ""
			if !m.published.IsZero() {
				pub = m.published.UTC().Format(time.RFC3339)
			}
			if m.canonical != tt.canonical || m.lang != tt.lang || pub != tt.published {
				t.Errorf("readMeta = {%q %q %q}, want {%q %q %q}", m.canonical, m.lang, pub, tt.canonical, tt.lang, tt.published)
			}
		})
	}
	doc, _ := html.Parse(strings.NewReader(`<html lang="az-Latn"><head><meta property="og:locale" content="en_US"></head></html>`))
	if m := readMeta(doc); m.lang != "az" {
		t.Errorf("html lang should win over og:locale: got %q", m.lang)
	}
}

func TestResolveHTTP(t *testing.T) {
	base, _ := url.Parse("https://news.example/a/b?x=1")
	tests := []struct{ ref, want string }{
		{"/c", "https://news.example/c"},
		{"d", "https://news.example/a/d"},
		{"//cdn.example/e", "https://cdn.example/e"},
		{"http://other.example/f", "http://other.example/f"},
		{"javascript:alert(1)", ""},
		{"mailto:a@b.example", ""},
		{"", ""},
		{"http://[::1", ""},
	}
	for _, tt := range tests {
		if got := resolveHTTP(base, tt.ref); got != tt.want {
			t.Errorf("resolveHTTP(%q) = %q, want %q", tt.ref, got, tt.want)
		}
	}
}
