package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

type docKind int

const (
	kindRSS docKind = iota
	kindAtom
	kindJSON
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// sniff says what data is and returns it as UTF-8 text ready for the
// format's parser: byte-order mark gone, junk before the XML declaration
// cut, the charset converted and the declaration rewritten to say UTF-8,
// and C0 control characters (illegal in XML) removed.
//
// skipped is the number of lines cut from the start, so that errors can
// give lines of the document as served.
func sniff(data []byte, contentType string, base *url.URL) (doc []byte, kind docKind, skipped int, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		u, err := dec.Bytes(data)
		if err != nil {
			return nil, 0, 0, fmt.Errorf("%w: undecodable UTF-16", ErrNotFeed)
		}
		data = bytes.TrimPrefix(u, bomUTF8)
		contentType = "" // the bytes are UTF-8 now, whatever the header said
		data = setDeclaredEncoding(data)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\f\x00")
	if len(bytes.TrimSpace(trimmed)) == 0 {
		return nil, 0, 0, fmt.Errorf("%w: empty", ErrNotFeed)
	}
	if isBinary(trimmed) {
		return nil, 0, 0, fmt.Errorf("%w: binary", ErrNotFeed)
	}
	switch trimmed[0] {
	case '{', '[':
		doc, kind, err = sniffJSON(trimmed)
		return doc, kind, 0, err
	}
	doc = cutJunk(trimmed)
	skipped = bytes.Count(data[:len(data)-len(doc)], []byte("\n"))
	root, isHTMLDoctype := rootName(doc)
	switch {
	case isHTMLRoot(root) || (isHTMLDoctype && !isFeedRoot(root)):
		return nil, 0, 0, htmlError(data, base)
	case root == "":
		if looksLikeHTML(doc) {
			return nil, 0, 0, htmlError(data, base)
		}
		return nil, 0, 0, fmt.Errorf("%w: text that is neither XML nor JSON", ErrNotFeed)
	}
	switch local(root) {
	case "rss", "rdf", "channel":
		kind = kindRSS
	case "feed":
		kind = kindAtom
	default:
		return nil, 0, 0, fmt.Errorf("%w: XML whose root is <%s>", ErrNotFeed, root)
	}
	doc = toUTF8(doc, contentType)
	doc = dropControls(doc)
	return doc, kind, skipped, nil
}

func local(name string) string {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// isBinary looks at the start the way a browser sniffs: NUL bytes, known
// magic numbers, or many control characters mean it is not text.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 1024)]
	for _, magic := range [][]byte{{0x1f, 0x8b}, []byte("%PDF"), []byte("PK\x03\x04"), []byte("\x89PNG"), []byte("GIF8"), {0xff, 0xd8, 0xff}} {
		if bytes.HasPrefix(head, magic) {
			return true
		}
	}
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

func sniffJSON(b []byte) ([]byte, docKind, error) {
	var probe struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		// Not JSON at all, or a JSON Feed cut short: the version field
		// near the start still tells them apart.
		if bytes.Contains(b[:min(len(b), 2048)], []byte("jsonfeed.org/version")) {
			return nil, 0, fmt.Errorf("JSON Feed: %w", err)
		}
		return nil, 0, fmt.Errorf("%w: JSON that is not a JSON Feed (%v)", ErrNotFeed, err)
	}
	v := strings.ToLower(strings.TrimSpace(probe.Version))
	if !strings.HasPrefix(v, "https://jsonfeed.org/version/") && !strings.HasPrefix(v, "http://jsonfeed.org/version/") {
		return nil, 0, fmt.Errorf("%w: JSON that is not a JSON Feed", ErrNotFeed)
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return b, kindJSON, nil
}

// cutJunk removes what some servers print before the document (PHP warnings,
// blank lines, a stray byte): if an XML declaration appears before any feed
// element, the document starts there.
func cutJunk(b []byte) []byte {
	if bytes.HasPrefix(b, []byte("<?xml")) {
		return b
	}
	head := b[:min(len(b), 64<<10)]
	i := bytes.Index(head, []byte("<?xml"))
	if i <= 0 {
		return b
	}
	before := bytes.ToLower(head[:i])
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf", "<channel"} {
		if bytes.Contains(before, []byte(tag)) {
			return b
		}
	}
	return b[i:]
}

// rootName returns the name of the first element, skipping the XML
// declaration, processing instructions, comments and the doctype, and
// whether the doctype is HTML's.
func rootName(b []byte) (name string, htmlDoctype bool) {
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case len(b) == 0 || b[0] != '<':
			return "", htmlDoctype
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return "", htmlDoctype
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return "", htmlDoctype
			}
			b = b[i+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return "", htmlDoctype
			}
			d := strings.ToLower(string(b[:i]))
			if strings.HasPrefix(d, "<!doctype html") {
				// Some static-site generators put an HTML doctype before
				// an Atom feed; the root element decides.
				htmlDoctype = true
			}
			// A DTD may have an internal subset in brackets.
			if j := bytes.IndexByte(b[:i], '['); j >= 0 {
				k := bytes.Index(b, []byte("]>"))
				if k < 0 {
					return "", htmlDoctype
				}
				i = k + 1
			}
			b = b[i+1:]
		default:
			end := 1
			for end < len(b) && end < 256 && !strings.ContainsRune(" \t\r\n\f/>", rune(b[end])) {
				end++
			}
			return strings.ToLower(string(b[1:end])), htmlDoctype
		}
	}
}

func isFeedRoot(name string) bool {
	switch local(name) {
	case "rss", "rdf", "feed":
		return true
	}
	return false
}

func isHTMLRoot(name string) bool {
	switch name {
	case "html", "head", "body", "meta", "title", "div", "p", "br", "b", "script", "link", "style", "iframe", "table":
		return true
	}
	return false
}

func looksLikeHTML(b []byte) bool {
	h := bytes.ToLower(b[:min(len(b), 4096)])
	return bytes.Contains(h, []byte("<html")) || bytes.Contains(h, []byte("<body"))
}

// htmlError says the document is an HTML page and, when the page links a
// feed, names that feed: the usual cause is a source set to a site's home
// page instead of its feed.
func htmlError(page []byte, base *url.URL) error {
	if alt := alternateFeed(page, base); alt != "" {
		return fmt.Errorf("%w: an HTML page, which links the feed %s", ErrNotFeed, alt)
	}
	return fmt.Errorf("%w: an HTML page", ErrNotFeed)
}

var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      false,
	"application/rdf+xml":   true,
	"text/xml":              true,
	"application/xml":       true,
}

// alternateFeed finds <link rel="alternate" type="application/rss+xml"> and
// its kin in the page's head.
func alternateFeed(page []byte, base *url.URL) string {
	z := html.NewTokenizer(bytes.NewReader(page[:min(len(page), 512<<10)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "base":
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" && base != nil {
						if u, err := base.Parse(strings.TrimSpace(string(v))); err == nil {
							base = u
						}
					}
				}
			case "link":
				var rel, typ, href string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "rel":
						rel = strings.ToLower(string(v))
					case "type":
						typ = strings.ToLower(strings.TrimSpace(string(v)))
					case "href":
						href = string(v)
					}
				}
				if slicesContains(strings.Fields(rel), "alternate") && feedTypes[typ] {
					if u := absURL(base, href); u != "" {
						return u
					}
				}
			case "body":
				return ""
			}
		}
	}
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

var declEncoding = regexp.MustCompile(`(?i)^(<\?xml[^>]*?\sencoding\s*=\s*["'])([^"']*)(["'])`)

// toUTF8 converts the document to UTF-8 once, here, so that the XML decoder
// never has to: the label comes from the XML declaration, else from the
// Content-Type header. As Miniflux does, a label is ignored when the bytes
// are already valid UTF-8 with non-ASCII text in them, since a wrong label
// is far more common than windows-1251 bytes that happen to be valid UTF-8.
// Bytes that are not valid in the encoding become U+FFFD rather than
// failing the whole feed.
func toUTF8(doc []byte, contentType string) []byte {
	label := ""
	if m := declEncoding.FindSubmatch(doc[:min(len(doc), 512)]); m != nil {
		label = strings.TrimSpace(string(m[2]))
	}
	if label == "" && contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			label = strings.Trim(params["charset"], `"' `)
		}
	}
	enc, name := charset.Lookup(label)
	valid := utf8.Valid(doc)
	switch {
	case enc == nil || name == "utf-8" || (valid && hasNonASCII(doc)):
		if !valid {
			doc = guessLegacy(doc)
		}
	default:
		out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(doc)))
		if err == nil {
			doc = out
		} else if !valid {
			doc = bytes.ToValidUTF8(doc, []byte("\uFFFD"))
		}
	}
	return setDeclaredEncoding(doc)
}

// setDeclaredEncoding makes the XML declaration say UTF-8, so that the
// decoder does not convert bytes that are already converted.
func setDeclaredEncoding(doc []byte) []byte {
	loc := declEncoding.FindSubmatchIndex(doc[:min(len(doc), 512)])
	if loc == nil {
		return doc
	}
	if strings.EqualFold(string(doc[loc[4]:loc[5]]), "utf-8") {
		return doc
	}
	out := make([]byte, 0, len(doc))
	out = append(out, doc[:loc[4]]...)
	out = append(out, "UTF-8"...)
	return append(out, doc[loc[5]:]...)
}

// guessLegacy decodes a document that says (or is assumed to be) UTF-8 but
// is not. When most of its non-ASCII bytes are not UTF-8 at all, the whole
// document is in a legacy charset: windows-1251 if the non-ASCII bytes come
// in runs (Cyrillic words), windows-1252 if they are isolated (accents in
// Latin text). When most are UTF-8, the few bad bytes become U+FFFD.
func guessLegacy(doc []byte) []byte {
	var good, bad, runs, inRun int
	for i := 0; i < len(doc); {
		c := doc[i]
		if c < 0x80 {
			if inRun > 0 {
				runs++
				inRun = 0
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(doc[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
			inRun++
			i++
			continue
		}
		good += n
		i += n
	}
	if inRun > 0 {
		runs++
	}
	if bad <= good {
		return bytes.ToValidUTF8(doc, []byte("\uFFFD"))
	}
	label := "windows-1252"
	if runs > 0 && bad/runs >= 3 {
		label = "windows-1251"
	}
	enc, _ := charset.Lookup(label)
	out, err := enc.NewDecoder().Bytes(doc)
	if err != nil {
		return bytes.ToValidUTF8(doc, []byte("\uFFFD"))
	}
	return out
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// dropControls removes C0 control characters, which XML forbids and which
// some CMSs let through from pasted text.
func dropControls(b []byte) []byte {
	i := bytes.IndexFunc(b, isControl)
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			continue
		}
		out = append(out, c)
	}
	return out
}

func isControl(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }

// located is a ParseError with the byte offset of the fault.
type located struct {
	ParseError
	offset int64
}

// locate finds where a document that the feed parser refused goes wrong, by
// reading it again with the same decoder settings gofeed uses; the parser's
// own error does not say where.
func locate(doc []byte, cause error) located {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	for {
		_, err := d.RawToken()
		if err == nil {
			continue
		}
		line, col := d.InputPos()
		off := d.InputOffset()
		if errors.Is(err, io.EOF) {
			// The tokens are fine; the parser objected to the structure
			// (an unclosed element at the end, say).
			return located{ParseError{Line: line, Col: col, Err: cause}, off}
		}
		return located{ParseError{Line: line, Col: col, Err: err}, off}
	}
}

// salvage keeps the document up to the last item or entry that closed
// before offset and closes the elements still open there, so the entries
// before a fault (most often a download cut short) can still be read.
func salvage(doc []byte, offset int64) ([]byte, bool) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	var stack []string
	var cut int64 = -1
	var open []string
	for {
		tok, err := d.RawToken()
		if err != nil || d.InputOffset() > offset {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, qname(t.Name))
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if l := strings.ToLower(t.Name.Local); (l == "item" || l == "entry") && len(stack) > 0 {
				cut = d.InputOffset()
				open = append(open[:0], stack...)
			}
		}
	}
	if cut < 0 {
		return nil, false
	}
	out := append([]byte(nil), doc[:cut]...)
	for i := len(open) - 1; i >= 0; i-- {
		out = append(out, "</"+open[i]+">"...)
	}
	return out, true
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
