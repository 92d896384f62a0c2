package fetch

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaScan is how far into a document a <meta> charset is looked for.
// Browsers stop at 1024 bytes; pages behind long inline scripts declare it
// later, and reading further costs little.
const metaScan = 64 << 10

// Decode returns body as UTF-8 (P2). The charset is taken, in order, from a
// byte-order mark, the charset parameter of contentType, a <meta charset> or
// http-equiv Content-Type (anywhere in the first 64 KiB, before <body>), or
// an XML declaration. A declared single-byte charset is overruled when the
// bytes are valid UTF-8 with non-ASCII text in them (legacy text almost
// never is), and a declared UTF-8 when they are not valid UTF-8; then, and
// when nothing is declared, the charset is guessed among UTF-8,
// windows-1251, KOI8-R, windows-1254 and windows-1252. The result is always
// valid UTF-8; an XML declaration naming another encoding is rewritten to
// say UTF-8, so that an XML parser does not convert the text a second time.
func Decode(body []byte, contentType string) ([]byte, error) {
	if enc, n := bomEncoding(body); enc != nil {
		return finish(decodeWith(enc, body[n:])), nil
	}
	if enc, name := headerEncoding(contentType); enc != nil {
		if out, ok := tryDeclared(enc, name, body); ok {
			return finish(out), nil
		}
		return finish(guess(body)), nil
	}
	// Valid UTF-8 with no charset in the header is UTF-8 whatever the
	// document declares: a single-byte declaration would be overruled, and
	// ASCII reads the same in every ASCII-based charset. Only the 7-bit
	// ISO-2022 family, which shifts with ESC, reads ASCII bytes otherwise.
	if utf8.Valid(body) && bytes.IndexByte(body, 0x1B) < 0 {
		return finish(body), nil
	}
	if enc, name := documentEncoding(body); enc != nil {
		if out, ok := tryDeclared(enc, name, body); ok {
			return finish(out), nil
		}
	}
	return finish(guess(body)), nil
}

// finish makes sure of valid UTF-8 and fixes the XML declaration.
func finish(b []byte) []byte {
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	// A BOM that survives decoding (UTF-16 text that began with one twice)
	// would be read as a UTF-8 BOM by the next reader and dropped.
	for bytes.HasPrefix(b, []byte("\uFEFF")) {
		b = b[3:]
	}
	if loc := xmlDeclEncoding.FindSubmatchIndex(b); loc != nil {
		name := strings.ToLower(string(b[loc[2]:loc[3]]))
		if name != "utf-8" && name != "utf8" {
			b = append(append(append([]byte{}, b[:loc[2]]...), "UTF-8"...), b[loc[3]:]...)
		}
	}
	return b
}

func bomEncoding(b []byte) (encoding.Encoding, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	}
	return nil, 0
}

func headerEncoding(contentType string) (encoding.Encoding, string) {
	if contentType == "" {
		return nil, ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	label := params["charset"]
	if err != nil || label == "" {
		// A broken header still often says charset=...
		m := charsetParam.FindStringSubmatch(contentType)
		if m == nil {
			return nil, ""
		}
		label = m[1]
	}
	return lookup(label)
}

var (
	charsetParam    = regexp.MustCompile(`(?i)charset\s*=\s*["']?([\w.:-]+)`)
	xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']`)
)

// lookup resolves a charset label by the WHATWG table, as browsers do
// (so iso-8859-1 is windows-1252 and iso-8859-9 windows-1254, supersets).
func lookup(label string) (encoding.Encoding, string) {
	enc, name := charset.Lookup(strings.TrimSpace(label))
	if enc == nil || name == "replacement" {
		return nil, ""
	}
	return enc, name
}

// documentEncoding finds a charset declared inside the document: an XML
// declaration, or a <meta> in the head.
func documentEncoding(body []byte) (encoding.Encoding, string) {
	enc, name := declaredInDocument(body)
	if strings.HasPrefix(name, "utf-16") {
		// A declaration readable as ASCII is not in UTF-16, whatever it
		// says; HTML reads it as UTF-8.
		return unicode.UTF8, "utf-8"
	}
	return enc, name
}

func declaredInDocument(body []byte) (encoding.Encoding, string) {
	head := body[:min(len(body), metaScan)]
	if m := xmlDeclEncoding.FindSubmatch(head); m != nil {
		if enc, name := lookup(string(m[1])); enc != nil {
			return enc, name
		}
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return nil, ""
			case "meta":
				var cs, equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						equiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if cs == "" && equiv == "content-type" {
					if m := charsetParam.FindStringSubmatch(content); m != nil {
						cs = m[1]
					}
				}
				if cs != "" {
					if enc, name := lookup(cs); enc != nil {
						return enc, name
					}
				}
			}
		}
	}
}

// tryDeclared decodes body with a declared encoding unless the bytes say
// the declaration is wrong.
func tryDeclared(enc encoding.Encoding, name string, body []byte) ([]byte, bool) {
	if name == "utf-8" {
		return body, utf8.Valid(body)
	}
	if strings.HasPrefix(name, "utf-16") {
		return decodeWith(enc, body), true
	}
	if singleByte(name) && isUTF8Text(body) {
		return nil, false
	}
	return decodeWith(enc, body), true
}

func singleByte(name string) bool {
	return strings.HasPrefix(name, "windows-") || strings.HasPrefix(name, "iso-8859-") ||
		strings.HasPrefix(name, "koi8") || name == "ibm866" || name == "macintosh" || name == "x-mac-cyrillic"
}

// isUTF8Text reports whether b is valid UTF-8 with multi-byte sequences in
// it: legacy single-byte text with a few letters outside ASCII is almost
// never valid UTF-8 by chance.
func isUTF8Text(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func decodeWith(enc encoding.Encoding, b []byte) []byte {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// The x/text decoders replace what they cannot map; an error here
		// is unexpected, and the bytes as they are are the best left.
		return b
	}
	return out
}

// guess picks a charset for undeclared or wrongly declared bytes. Valid
// UTF-8 is UTF-8. Otherwise text where most bytes above 0x7F stand next to
// another one is taken as Cyrillic, whose words are runs of such bytes,
// while Latin text has an accented letter here and there among ASCII ones.
// In windows-1251 lower-case letters are 0xE0–0xFF, in KOI8-R 0xC0–0xDF, and
// running text is mostly lower case. Latin text is windows-1254 when it has
// one of the six bytes where Turkish and Azerbaijani letters replace
// windows-1252's Icelandic ones, else windows-1252.
func guess(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	var high, runs, c0df, e0ff, turkish int
	for i, c := range b {
		if c >= 0x80 {
			high++
			if i > 0 && b[i-1] >= 0x80 || i+1 < len(b) && b[i+1] >= 0x80 {
				runs++
			}
			if c >= 0xC0 && c <= 0xDF {
				c0df++
			} else if c >= 0xE0 {
				e0ff++
			}
			switch c {
			case 0xD0, 0xF0, 0xDD, 0xFD, 0xDE, 0xFE:
				turkish++
			}
		}
	}
	cyrillic := 2*runs > high
	switch {
	case cyrillic && e0ff >= c0df:
		return decodeWith(charmap.Windows1251, b)
	case cyrillic:
		return decodeWith(charmap.KOI8R, b)
	case turkish > 0:
		return decodeWith(charmap.Windows1254, b)
	default:
		return decodeWith(charmap.Windows1252, b)
	}
}
