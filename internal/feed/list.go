package feed

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"shuho/internal/digest"
)

// ParseList reads a list page: page is its UTF-8 HTML (the fetch client has
// converted the charset), pageURL its address. Dates without a zone are
// taken as UTC; ParseListIn takes the outlet's zone.
func ParseList(page []byte, pageURL string, sel digest.ListSelectors) (*Feed, error) {
	return ParseListIn(page, pageURL, sel, time.UTC)
}

// ParseListIn is ParseList with the zone that the page's dates are written
// in (apa.az prints Baku time without saying so).
//
// Each element that sel.Links selects gives one entry: its href, or that of
// the first link inside it. With sel.Item, the links, titles and dates are
// looked for inside each item. The title comes from sel.Title or else from
// the link's text (or its title attribute); the date from sel.Date's
// datetime attribute or text. Links are resolved against the page's <base>
// and address; javascript:, mailto:, fragments of the page itself and other
// non-http(s) links are dropped and counted; repeated links are kept once.
// Links to other hosts are kept: the selectors decide what an article is.
func ParseListIn(page []byte, pageURL string, sel digest.ListSelectors, loc *time.Location) (f *Feed, err error) {
	if len(page) > MaxSize {
		return nil, fmt.Errorf("list page %s: %w: %d bytes, over the limit of %d", pageURL, ErrTooLarge, len(page), MaxSize)
	}
	if loc == nil {
		loc = time.UTC
	}
	err = safely("list page "+pageURL, func() error {
		f, err = parseList(page, pageURL, sel, loc)
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

func parseList(page []byte, pageURL string, sel digest.ListSelectors, loc *time.Location) (*Feed, error) {
	base, err := url.Parse(pageURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") {
		return nil, fmt.Errorf("list page %q: not an http(s) address", pageURL)
	}
	links, err := compile("links", sel.Links)
	if err != nil || links == nil {
		return nil, fmt.Errorf("list page %s: %w", pageURL, errOr(err, "no links selector"))
	}
	titleSel, err := compile("title", sel.Title)
	if err != nil {
		return nil, fmt.Errorf("list page %s: %w", pageURL, err)
	}
	dateSel, err := compile("date", sel.Date)
	if err != nil {
		return nil, fmt.Errorf("list page %s: %w", pageURL, err)
	}
	itemSel, err := compile("item", sel.Item)
	if err != nil {
		return nil, fmt.Errorf("list page %s: %w", pageURL, err)
	}

	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("list page %s: %w", pageURL, err)
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if u, err := base.Parse(strings.TrimSpace(href)); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			base = u
		}
	}
	f := &Feed{
		Title: plainText(doc.Find("title").First().Text()),
		Link:  base.String(),
	}
	if lang, ok := doc.Find("html").First().Attr("lang"); ok {
		f.Lang = strings.TrimSpace(lang)
	}
	self := *base
	self.Fragment = ""
	seen := map[string]bool{}

	add := func(scope, link *goquery.Selection) {
		a := link
		if goquery.NodeName(a) != "a" || a.AttrOr("href", "") == "" {
			a = link.Find("a[href]").First()
		}
		href, ok := a.Attr("href")
		if !ok {
			f.Dropped++
			return
		}
		u := absURL(base, href)
		if u != "" {
			pu, _ := url.Parse(u)
			pu.Fragment = ""
			u = pu.String()
			if u == self.String() {
				u = "" // "#" and "#top": the page itself, not an article
			}
		}
		if u == "" {
			f.Dropped++
			return
		}
		if seen[u] {
			f.Duplicates++
			return
		}
		seen[u] = true
		e := Entry{URL: u, Lang: f.Lang}
		if titleSel != nil {
			e.Title = plainText(scope.FindMatcher(titleSel).First().Text())
		}
		if e.Title == "" {
			e.Title = plainText(a.Text())
		}
		if e.Title == "" {
			e.Title = plainText(a.AttrOr("title", ""))
		}
		if dateSel != nil {
			e.Published = listDate(scope.FindMatcher(dateSel), loc)
		}
		f.Entries = append(f.Entries, e)
	}

	if itemSel != nil {
		doc.FindMatcher(itemSel).Each(func(_ int, item *goquery.Selection) {
			link := item.FindMatcher(links).First()
			if link.Length() == 0 && item.IsMatcher(links) {
				link = item
			}
			if link.Length() == 0 {
				return
			}
			add(item, link)
		})
	} else {
		doc.FindMatcher(links).Each(func(_ int, link *goquery.Selection) {
			add(link, link)
		})
	}
	return f, nil
}

// listDate prefers a machine-readable datetime attribute on any of the
// matched elements (a group selector such as "time, .date" matches the
// wrapper too), then the first text that reads as a date.
func listDate(matched *goquery.Selection, loc *time.Location) time.Time {
	var t time.Time
	matched.EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if dt, ok := s.Attr("datetime"); ok {
			t = parseDate(dt, loc)
		}
		return t.IsZero()
	})
	if t.IsZero() {
		matched.EachWithBreak(func(_ int, s *goquery.Selection) bool {
			t = parseDate(s.Text(), loc)
			return t.IsZero()
		})
	}
	return t
}

// compile checks a selector once, so that a bad one in a profile is an
// error naming it rather than a panic inside goquery.
func compile(what, s string) (goquery.Matcher, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	m, err := cascadia.Compile(s) // groups ("h3 a, h2 a") included
	if err != nil {
		return nil, fmt.Errorf("%s selector %q: %w", what, s, err)
	}
	return m, nil
}

func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("%s", msg)
}
