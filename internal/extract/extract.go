package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"runtime/debug"
	"strings"
	"time"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Errors a caller can tell apart with errors.Is.
var (
	// ErrTooLarge: the page is over Options.MaxBytes. It is refused, never
	// truncated, because half a page extracts into a wrong article.
	ErrTooLarge = errors.New("page too large")
	// ErrTooManyNodes: the page has more elements than Options.MaxNodes, or
	// nests them deeper than maxDepth.
	ErrTooManyNodes = errors.New("page has too many elements")
	// ErrNoContent: the page has no main text (an index page, a video page,
	// an error page). Extract still returns the metadata it found.
	ErrNoContent = errors.New("no article text found")
	// ErrPanic: the third-party extractor panicked on the page (P4); the
	// panic is recovered and the page counts as failed.
	ErrPanic = errors.New("extractor panicked")
)

// PanicError is a panic recovered while extracting a page (P4): the page
// counts as failed. Ours says the panic was raised in shuho's own code,
// not in the third-party extractor or the HTML parser: a bug to fix
// rather than a page to skip (the fuzz test fails on it).
type PanicError struct {
	URL   string
	Value any
	Ours  bool
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("extract %s: %v: %v", e.URL, ErrPanic, e.Value)
}
func (e *PanicError) Unwrap() error { return ErrPanic }

// panickedInShuho reads a goroutine's stack as debug.Stack writes it and
// reports whether the function that panicked is shuho's: the first
// function after the runtime's panic frame.
func panickedInShuho(stack []byte) bool {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") && i+2 < len(lines) {
			// The panic's own file line, then the function that called it.
			return strings.HasPrefix(lines[i+2], "shuho/")
		}
	}
	return false
}

// extractDocument is go-trafilatura's entry point, a variable so that a test
// can make it panic.
var extractDocument = trafilatura.ExtractDocument

// Defaults for Options (P4).
const (
	DefaultMaxBytes = 5 << 20
	DefaultMaxNodes = 100_000
	// maxDepth bounds nesting, which the element count alone does not: the
	// HTML parser checks scopes by walking the stack of open elements, so a
	// page nested n deep costs about n² steps. Real pages stay under 100.
	maxDepth = 1024
	// minTextLetters is the least main text that counts as an article:
	// below it go-trafilatura's rescue has returned a menu or a caption.
	// The shortest article body in the extraction benchmark has hundreds.
	minTextLetters = 40
)

// Options tune Extract. The zero value is the configuration the score test
// measures.
type Options struct {
	MaxBytes int // input size limit; 0 means DefaultMaxBytes
	MaxNodes int // element count limit; 0 means DefaultMaxNodes

	// FavorPrecision and FavorRecall are go-trafilatura's: less text when
	// unsure, or more. Setting both is the same as setting neither.
	FavorPrecision, FavorRecall bool
}

// Result is what Extract found in one page.
type Result struct {
	URL       string    // the canonical URL the page declares (link rel=canonical, og:url), absolute; else the URL given
	Title     string    //
	Text      string    // the main text: paragraphs separated by one blank line, no leading or trailing space
	HTML      SafeHTML  // the main content as HTML, sanitized (H1)
	Published time.Time // zero if unknown; keeps the time of day and zone when the page gives them
	Lang      string    // BCP 47 primary language tag ("en", "ru", "az", …), "" if unknown
	Author    string    //
}

// Extract returns the main content and metadata of an HTML page, given as
// UTF-8 bytes with the URL it was fetched from. Relative links in the
// content are resolved against that URL.
//
// A page over the limits gives ErrTooLarge or ErrTooManyNodes before it is
// parsed. A page without main text gives ErrNoContent together with the
// metadata found (URL, Title, Published, Lang, Author). A panic inside the
// third-party extractor is recovered and returned as an error naming the
// URL (P4).
func Extract(page []byte, pageURL string, o Options) (res Result, err error) {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if len(page) > o.MaxBytes {
		return Result{}, fmt.Errorf("extract %s: %d bytes, limit %d: %w", pageURL, len(page), o.MaxBytes, ErrTooLarge)
	}
	if err := checkTree(page, o.MaxNodes); err != nil {
		return Result{}, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	defer func() {
		if p := recover(); p != nil {
			res, err = Result{}, &PanicError{URL: pageURL, Value: p, Ours: panickedInShuho(debug.Stack())}
		}
	}()

	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Result{}, fmt.Errorf("extract %s: parse: %w", pageURL, err)
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		base = nil
	}
	// Read our metadata first: go-trafilatura clones the tree but we do not
	// rely on that.
	meta := readMeta(doc)
	res.URL = pageURL
	if u := resolveHTTP(base, meta.canonical); u != "" {
		res.URL = u
	}

	dropScripts(doc)
	topts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Deduplicate:     false,
		OriginalURL:     base,
		HtmlDateMode:    trafilatura.Fast,
	}
	switch {
	case o.FavorPrecision && !o.FavorRecall:
		topts.Focus = trafilatura.FavorPrecision
	case o.FavorRecall && !o.FavorPrecision:
		topts.Focus = trafilatura.FavorRecall
	}
	tr, terr := extractDocument(doc, topts)
	if tr != nil {
		res.Title = strings.TrimSpace(tr.Metadata.Title)
		res.Author = strings.TrimSpace(tr.Metadata.Author)
		res.Published = tr.Metadata.Date
	}
	if !meta.published.IsZero() {
		res.Published = meta.published
	}
	if terr == nil && tr != nil && tr.ContentNode != nil {
		dropLeadingTitle(tr.ContentNode, res.Title)
		dropLeadingWordless(tr.ContentNode)
		resolveLinks(tr.ContentNode, base)
		res.Text = nodeText(tr.ContentNode)
		var b strings.Builder
		for c := tr.ContentNode.FirstChild; c != nil; c = c.NextSibling {
			if err := html.Render(&b, c); err != nil {
				return Result{}, fmt.Errorf("extract %s: render: %w", pageURL, err)
			}
		}
		res.HTML = Safe(b.String())
	}
	res.Lang = chooseLang(meta.lang, DetectLanguage(res.Text))
	if res.Lang == "" && res.Text == "" {
		res.Lang = chooseLang(meta.lang, "")
	}
	if countLetters(res.Text) < minTextLetters {
		// What is left is a label or a menu the rescue extractor picked
		// up, not an article; say so rather than store it.
		res.Text, res.HTML = "", SafeHTML{}
		if terr != nil {
			return res, fmt.Errorf("extract %s: %w (%v)", pageURL, ErrNoContent, terr)
		}
		return res, fmt.Errorf("extract %s: %w", pageURL, ErrNoContent)
	}
	return res, nil
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			n++
		}
	}
	return n
}

// dropScripts removes script and style elements, except JSON-LD which holds
// metadata. go-trafilatura removes them too, but takes the text that follows
// a script inside a paragraph with it (it treats that text as the element's
// tail, as lxml does), losing the rest of the sentence.
func dropScripts(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Style || c.DataAtom == atom.Script && !strings.Contains(strings.ToLower(attr(c, "type")), "json")) {
			n.RemoveChild(c)
		} else {
			dropScripts(c)
		}
		c = next
	}
}

// checkTree counts elements and nesting with the tokenizer, which is linear
// and allocates little, so that an oversized tree is refused before the
// parser builds it. Depth is counted loosely (an end tag closes the nearest
// open element of its name; void elements never open), which can only
// overcount pages that leave tags open.
func checkTree(page []byte, maxNodes int) error {
	z := html.NewTokenizer(bytes.NewReader(page))
	var stack []atom.Atom
	nodes := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return z.Err()
		case html.StartTagToken:
			nodes++
			if nodes > maxNodes {
				return fmt.Errorf("more than %d elements: %w", maxNodes, ErrTooManyNodes)
			}
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if void[a] {
				continue
			}
			// <p> and <li> are closed implicitly by their siblings; counting
			// them as open would flag ordinary sloppy markup.
			if n := len(stack); n > 0 && (a == atom.P || a == atom.Li) && stack[n-1] == a {
				continue
			}
			stack = append(stack, a)
			if len(stack) > maxDepth {
				return fmt.Errorf("elements nested more than %d deep: %w", maxDepth, ErrTooManyNodes)
			}
		case html.SelfClosingTagToken:
			nodes++
			if nodes > maxNodes {
				return fmt.Errorf("more than %d elements: %w", maxNodes, ErrTooManyNodes)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == a && (a != 0 || i == len(stack)-1) {
					stack = stack[:i]
					break
				}
			}
		}
	}
}

var void = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true,
}

// resolveLinks makes href and src absolute, so that the sanitizer, which
// drops relative URLs, keeps the links of the article.
func resolveLinks(n *html.Node, base *url.URL) {
	if base == nil {
		return
	}
	if n.Type == html.ElementNode {
		for i, a := range n.Attr {
			if a.Key == "href" || a.Key == "src" {
				if u, err := url.Parse(strings.TrimSpace(a.Val)); err == nil {
					n.Attr[i].Val = base.ResolveReference(u).String()
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		resolveLinks(c, base)
	}
}

// blocks start a new paragraph of Text.
var blocks = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"head": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "figure": true, "figcaption": true,
	"section": true, "article": true, "main": true, "header": true, "footer": true, "hr": true,
	"quote": true, "list": true, "item": true, "row": true,
}

// nodeText writes the text of a content tree: whitespace collapsed within a
// paragraph, line breaks (<br>) kept as single newlines, paragraphs
// separated by one blank line.
func nodeText(root *html.Node) string {
	var (
		paras []string
		cur   strings.Builder
	)
	flush := func() {
		lines := strings.Split(cur.String(), "\n")
		kept := lines[:0]
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			paras = append(paras, strings.Join(kept, "\n"))
		}
		cur.Reset()
	}
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				cur.WriteString(n.Data)
			} else {
				writeCollapsed(&cur, n.Data)
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "br", "lb":
				cur.WriteByte('\n')
				return
			case "script", "style", "noscript", "template":
				return
			case "pre":
				pre = true
			case "td", "th", "cell":
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blocks[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if block {
			flush()
		}
	}
	walk(root, false)
	flush()
	return strings.ToValidUTF8(strings.Join(paras, "\n\n"), "\uFFFD")
}

// writeCollapsed writes s with each run of white space as one space.
func writeCollapsed(b *strings.Builder, s string) {
	inSpace := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !inSpace {
				b.WriteByte(' ')
			}
			inSpace = true
			continue
		}
		inSpace = false
		b.WriteRune(r)
	}
}

// scripts maps a language tag to the script it is written in, to judge
// whether a page's declared language can be right for its text.
var scripts = map[string]string{
	"en": "latn", "az": "latn", "tr": "latn", "de": "latn", "fr": "latn", "es": "latn",
	"it": "latn", "pt": "latn", "nl": "latn", "pl": "latn", "uz": "latn", "tk": "latn",
	"ru": "cyrl", "uk": "cyrl", "be": "cyrl", "bg": "cyrl", "kk": "cyrl", "ky": "cyrl",
	"tg": "cyrl", "mk": "cyrl", "sr": "cyrl", "mn": "cyrl",
	"ka": "geor", "hy": "armn", "fa": "arab", "ar": "arab", "ur": "arab",
	"ja": "jpan", "zh": "hani", "ko": "kore",
}

// chooseLang keeps the language the page declares when it is plausible for
// the text: same script, and not English over text the detector finds
// Azerbaijani or Turkish (a common template default on those sites).
func chooseLang(declared, detected string) string {
	switch {
	case declared == "":
		return detected
	case detected == "" || detected == declared:
		return declared
	case scripts[declared] != scripts[detected]:
		return detected
	case declared == "en" && (detected == "az" || detected == "tr"):
		return detected
	}
	return declared
}
