package extract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what the page says about itself in its head and markup, read
// before go-trafilatura sees the tree.
type pageMeta struct {
	canonical string    // <link rel=canonical>, else og:url, as written
	published time.Time // the first precise publication time found
	lang      string    // <html lang>, else Content-Language, else og:locale
}

// readMeta walks the whole tree once. Precedence for the date follows how
// deliberate each source is: a meta property written for crawlers, then
// JSON-LD, then the first <time datetime> of the page.
func readMeta(doc *html.Node) pageMeta {
	var (
		m                               pageMeta
		linkCanon, ogURL                string
		metaDate, ldDate, timeDate      time.Time
		htmlLang, contentLang, ogLocale string
	)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if htmlLang == "" {
					htmlLang = attr(n, "lang")
					if htmlLang == "" {
						htmlLang = attr(n, "xml:lang")
					}
				}
			case atom.Link:
				if linkCanon == "" && hasToken(attr(n, "rel"), "canonical") {
					linkCanon = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					if ogURL == "" {
						ogURL = content
					}
				case "og:locale":
					if ogLocale == "" {
						ogLocale = content
					}
				case "article:published_time", "datepublished", "og:published_time",
					"pubdate", "publishdate", "dc.date.issued", "sailthru.date", "parsely-pub-date":
					if metaDate.IsZero() {
						metaDate = parseTime(content)
					}
				}
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") && contentLang == "" {
					contentLang = content
				}
			case atom.Script:
				if ldDate.IsZero() && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ldDate = jsonLDDate(n.FirstChild.Data)
				}
			case atom.Time:
				if timeDate.IsZero() {
					timeDate = parseTime(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	m.canonical = linkCanon
	if m.canonical == "" {
		m.canonical = ogURL
	}
	for _, t := range []time.Time{metaDate, ldDate, timeDate} {
		if !t.IsZero() {
			m.published = t
			break
		}
	}
	for _, l := range []string{htmlLang, contentLang, ogLocale} {
		if tag := primaryTag(l); tag != "" {
			m.lang = tag
			break
		}
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// primaryTag reduces "az-Latn-AZ", "ru_RU" or "EN" to its primary language
// subtag, or "" when that is not two or three ASCII letters.
func primaryTag(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return strings.ToLower(s)
}

// resolveHTTP makes ref absolute against base and keeps it only if it is an
// http or https URL with a host.
func resolveHTTP(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// timeLayouts are the forms publication times take in meta tags, JSON-LD and
// <time datetime>: ISO 8601 in its variants, with and without a zone.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"2006-01-02",
}

// parseTime reads a machine-written date or time; a time without zone is
// taken as UTC. It returns the zero time for anything else, or for a year
// outside 1990–2100 (placeholders such as 0001-01-01).
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if y := t.Year(); y < 1990 || y > 2100 {
				return time.Time{}
			}
			return t
		}
	}
	return time.Time{}
}

// jsonLDDate finds datePublished (else dateCreated) in a JSON-LD block, which
// may be one object, an array, or an object with @graph.
func jsonLDDate(src string) time.Time {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return time.Time{}
	}
	var created time.Time
	var find func(v any, depth int) time.Time
	find = func(v any, depth int) time.Time {
		if depth > 8 {
			return time.Time{}
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if t := find(e, depth+1); !t.IsZero() {
					return t
				}
			}
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok {
				if t := parseTime(s); !t.IsZero() {
					return t
				}
			}
			if s, ok := x["dateCreated"].(string); ok && created.IsZero() {
				created = parseTime(s)
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if e, ok := x[k]; ok {
					if t := find(e, depth+1); !t.IsZero() {
						return t
					}
				}
			}
		}
		return time.Time{}
	}
	if t := find(v, 0); !t.IsZero() {
		return t
	}
	return created
}
