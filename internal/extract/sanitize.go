package extract

import (
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// policy is built once: a bluemonday policy is safe for concurrent use once
// built, and building it per call would cost more than sanitizing.
var policy = newPolicy()

func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(
		"p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
		"ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
		"b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "mark",
		"figure", "figcaption",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
	)
	// Links and images only to absolute http(s) addresses: a relative URL
	// would resolve against our own site once rendered, and every other
	// scheme (javascript:, data:, vbscript:, file:) is a way in.
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("th", "td")
	// Stripping a block tag without a space would glue two words together.
	p.AddSpaceWhenStrippingTag(true)
	return p
}

// balance parses a fragment as the children of <body> and renders it again,
// so that what the sanitizer sees is well nested: bluemonday filters tags
// one by one and would pass an unclosed <b> on to whatever page embeds the
// result.
func balance(fragment string) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		if err := html.Render(&b, n); err != nil {
			return ""
		}
	}
	return b.String()
}

// SafeHTML is HTML that Sanitize wrote. Safe is the only way to make one
// from a string, so a SafeHTML can be stored and shown without a second
// pass (H1): the archive takes HTML only in this type. The zero value is
// the empty fragment.
type SafeHTML struct{ s string }

// Safe sanitizes fragment.
func Safe(fragment string) SafeHTML { return SafeHTML{Sanitize(fragment)} }

// String returns the sanitized HTML.
func (h SafeHTML) String() string { return h.s }

// Sanitize passes an HTML fragment through the allow-list of H1: paragraphs,
// headings h2–h6, lists, quotes, simple emphasis, tables, links to
// http/https/mailto (given rel="nofollow noopener noreferrer") and images from
// http/https. Everything else is removed: script, style, iframe, object,
// embed and form with their content, event handlers, style attributes, and
// URLs of any other scheme or relative ones. Sanitize(Sanitize(s)) ==
// Sanitize(s).
func Sanitize(fragment string) string {
	// One pass is not always a fixed point: an element the parser accepted
	// in one context (a <th> inside <svg>) may be dropped once its context
	// is gone. Real content settles after the first pass; the cap bounds
	// hostile input.
	// Sanitized HTML (what the archive stores, sanitized again on the way
	// in) is its own fixed point: one pass shows it.
	prev, out := fragment, sanitizeOnce(fragment)
	for range 4 {
		if out == prev {
			break
		}
		prev, out = out, sanitizeOnce(out)
	}
	return out
}

func sanitizeOnce(fragment string) string {
	out := policy.Sanitize(balance(fragment))
	// bluemonday writes the rel values in this fixed order; noopener is
	// implied by noreferrer but spelled out for older browsers.
	return strings.ReplaceAll(out, `rel="nofollow noreferrer"`, `rel="nofollow noopener noreferrer"`)
}
