// Package feed turns feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) and list pages
// into article stubs. It is a pure stage: bytes that the fetch package has
// already downloaded go in, entries come out; nothing here touches the
// network (gofeed's own URL fetching is never used).
//
// Real feeds are often broken in small ways, so Parse repairs what a feed
// reader such as Miniflux would: junk before the XML declaration, a declared
// charset that does not match the bytes, control characters, HTML entities
// in XML, relative links, and a document cut off in the middle (the entries
// before the cut are kept and Feed.Partial says where it broke).
package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gofeedjson "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// MaxSize is the largest document Parse and ParseList accept. It matches
// the fetch client's cap after decompression (F5), so anything larger never
// arrived here honestly.
const MaxSize = 15 << 20

// ErrNotFeed says the bytes are not a feed. It is wrapped with what they
// look like: "an HTML page" (naming the feed the page links, if any), "JSON
// that is not a JSON Feed", "empty", "binary", or XML of another kind.
var ErrNotFeed = errors.New("not a feed")

// ErrTooLarge says the input is over MaxSize.
var ErrTooLarge = errors.New("document too large")

// Entry is one article stub from a feed or a list page.
type Entry struct {
	// URL is the absolute http(s) address of the article, resolved against
	// the feed's or page's base; entries without one are dropped.
	URL  string
	GUID string
	// Title is plain text: tags removed, entities decoded, whitespace
	// collapsed.
	Title string
	// Published is zero when the source gives no date or one that cannot be
	// read; it is never the time of parsing.
	Published time.Time
	Updated   time.Time
	// Summary is the description as given (HTML allowed; the caller
	// sanitizes).
	Summary string
	// Content is the full content when the feed carries it
	// (content:encoded, Atom content, JSON content_html), else "".
	Content string
	Author  string
	// Lang is the feed's declared language, if any.
	Lang string
}

// Feed is what a feed or list page holds.
type Feed struct {
	Title, Link, Lang string
	Entries           []Entry
	// Dropped counts entries without a usable http(s) link.
	Dropped int
	// Duplicates counts entries dropped because an earlier entry had the
	// same URL.
	Duplicates int
	// Partial is set when the document was malformed: Entries then hold
	// only the entries that were complete before the fault, which is what a
	// reader would rather show than nothing.
	Partial *ParseError
}

// ParseError says where a malformed XML document broke.
type ParseError struct {
	URL       string
	Line, Col int
	Err       error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("feed %s: malformed XML at line %d, column %d: %v", e.URL, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("feed %s: malformed document: %v", e.URL, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// MarshalJSON writes the error as text, so that a Feed with Partial set can
// be stored or logged as JSON.
func (e *ParseError) MarshalJSON() ([]byte, error) {
	v := struct {
		URL       string
		Line, Col int
		Err       string
	}{e.URL, e.Line, e.Col, ""}
	if e.Err != nil {
		v.Err = e.Err.Error()
	}
	return json.Marshal(v)
}

// Parse reads a feed. contentType is the HTTP Content-Type (its charset is
// used when the document declares none); feedURL is the address the feed
// was fetched from, against which relative links are resolved.
//
// A malformed XML feed gives the entries complete before the fault, with
// Feed.Partial set; only when none are complete is the *ParseError returned.
// Bytes that are not a feed give an error wrapping ErrNotFeed. A panic
// inside the third-party parser is recovered and returned as an error
// naming feedURL.
func Parse(data []byte, contentType, feedURL string) (f *Feed, err error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("feed %s: %w: %d bytes, over the limit of %d", feedURL, ErrTooLarge, len(data), MaxSize)
	}
	err = safely("feed "+feedURL, func() error {
		f, err = parse(data, contentType, feedURL)
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// safely runs fn, turning a panic (inside gofeed, goquery or the HTML
// parser, on input nobody foresaw) into an error naming where, so that one
// feed's fault never stops the others (P4).
func safely(where string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: parser panic: %v", where, r)
		}
	}()
	return fn()
}

func parse(data []byte, contentType, feedURL string) (*Feed, error) {
	base, _ := url.Parse(feedURL)

	doc, kind, skipped, err := sniff(data, contentType, base)
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", feedURL, err)
	}
	var gf *gofeed.Feed
	var partial *ParseError
	switch kind {
	case kindJSON:
		gf, err = parseJSON(doc)
		if err != nil {
			return nil, &ParseError{URL: feedURL, Err: err}
		}
	default:
		gf, err = parseXML(doc, kind)
		if err != nil {
			pe := locate(doc, err)
			pe.URL = feedURL
			if pe.Line > 0 {
				pe.Line += skipped
			}
			var se *xml.SyntaxError
			if errors.As(pe.Err, &se) {
				// Our line, counted in the document as served, replaces
				// the decoder's.
				pe.Err = errors.New(se.Msg)
			}
			fixed, ok := salvage(doc, pe.offset)
			if !ok {
				return nil, &pe.ParseError
			}
			gf, err = parseXML(fixed, kind)
			if err != nil {
				return nil, &pe.ParseError
			}
			partial = &pe.ParseError
		}
	}
	f := convert(gf, base)
	f.Partial = partial
	return f, nil
}

func parseXML(doc []byte, kind docKind) (*gofeed.Feed, error) {
	r := bytes.NewReader(doc)
	switch kind {
	case kindAtom:
		af, err := (&atom.Parser{}).Parse(r)
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultAtomTranslator{}).Translate(af)
	default:
		rf, err := (&rss.Parser{}).Parse(r)
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultRSSTranslator{}).Translate(rf)
	}
}

func parseJSON(doc []byte) (*gofeed.Feed, error) {
	jf, err := (&gofeedjson.Parser{}).Parse(bytes.NewReader(doc))
	if err != nil {
		return nil, err
	}
	return (&gofeed.DefaultJSONTranslator{}).Translate(jf)
}

// convert turns gofeed's feed into ours: links made absolute (against the
// channel's link, itself resolved against the feed's address, as Miniflux
// does), titles made plain, entries without a link dropped and repeats
// removed.
func convert(gf *gofeed.Feed, feedURL *url.URL) *Feed {
	f := &Feed{
		Title: plainText(gf.Title),
		Lang:  strings.TrimSpace(gf.Language),
	}
	base := feedURL
	if l := absURL(feedURL, gf.Link); l != "" {
		f.Link = l
		if u, err := url.Parse(l); err == nil {
			base = u
		}
	}
	seen := make(map[string]bool, len(gf.Items))
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		e := Entry{
			GUID:    strings.TrimSpace(it.GUID),
			Title:   plainText(it.Title),
			Summary: strings.TrimSpace(it.Description),
			Content: strings.TrimSpace(it.Content),
			Lang:    f.Lang,
		}
		e.URL = entryURL(base, it)
		if e.URL == "" {
			f.Dropped++
			continue
		}
		if seen[e.URL] {
			f.Duplicates++
			continue
		}
		seen[e.URL] = true
		if it.PublishedParsed != nil {
			e.Published = it.PublishedParsed.UTC()
		} else {
			e.Published = parseFeedDate(it.Published)
		}
		if it.UpdatedParsed != nil {
			e.Updated = it.UpdatedParsed.UTC()
		} else {
			e.Updated = parseFeedDate(it.Updated)
		}
		e.Author = author(it)
		if e.Title == "" {
			// As Miniflux does: a title-less item is named by the start of
			// its text rather than left blank in a list of headlines.
			e.Title = truncateRunes(plainText(firstNonEmpty(e.Summary, e.Content)), 100)
		}
		f.Entries = append(f.Entries, e)
	}
	return f
}

// entryURL picks the item's address: its link, else its other links, else a
// GUID that is itself an address (RSS permalinks).
func entryURL(base *url.URL, it *gofeed.Item) string {
	cands := append([]string{it.Link}, it.Links...)
	for _, c := range cands {
		if u := absURL(base, c); u != "" {
			return u
		}
	}
	g := strings.TrimSpace(it.GUID)
	if strings.HasPrefix(strings.ToLower(g), "http://") || strings.HasPrefix(strings.ToLower(g), "https://") {
		return absURL(nil, g)
	}
	return ""
}

func author(it *gofeed.Item) string {
	var ps []*gofeed.Person
	if it.Author != nil {
		ps = append(ps, it.Author)
	}
	ps = append(ps, it.Authors...)
	for _, p := range ps {
		if p == nil {
			continue
		}
		if n := plainText(p.Name); n != "" {
			return n
		}
		if p.Email != "" {
			return strings.TrimSpace(p.Email)
		}
	}
	if dc := it.DublinCoreExt; dc != nil {
		for _, c := range dc.Creator {
			if n := plainText(c); n != "" {
				return n
			}
		}
	}
	return ""
}

// absURL resolves ref against base and returns it only if it is an http(s)
// address with a host; javascript:, mailto:, data: and the like give "".
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	// Whitespace and control characters inside a link are a copy-paste
	// accident, not part of the address.
	ref = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, ref)
	u, err := url.Parse(ref)
	if err != nil {
		// Spaces are the usual reason; encode them rather than lose the link.
		u, err = url.Parse(strings.ReplaceAll(ref, " ", "%20"))
		if err != nil {
			return ""
		}
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func truncateRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j]) + "…"
		}
		i++
	}
	return s
}
