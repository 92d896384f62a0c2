package docx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"shuho/internal/digest"
)

// The namespaces of the elements read: WordprocessingML (transitional, as
// Word and LibreOffice write it, and strict) and markup compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// xmlReader reads one XML part token by token with encoding/xml, bounding
// the nesting depth and refusing any DOCTYPE, so that neither entity tricks
// nor deep nesting can cost more than the part's bounded size.
type xmlReader struct {
	d     *xml.Decoder
	name  string
	depth int
}

func newXMLReader(r io.Reader, name string) *xmlReader {
	d := xml.NewDecoder(r)
	d.Strict = true
	// No CharsetReader: a part in another encoding than UTF-8 is refused,
	// and no entity beyond XML's five predefined ones is known.
	return &xmlReader{d: d, name: name}
}

// next returns the next token; io.EOF only at the end of a well-formed
// part.
func (x *xmlReader) next() (xml.Token, error) {
	t, err := x.d.Token()
	if err != nil {
		return nil, x.wrap(err)
	}
	switch t.(type) {
	case xml.StartElement:
		if x.depth++; x.depth > MaxDepth {
			return nil, fail(digest.ErrTooLarge, "%s nests elements deeper than %d levels", x.name, MaxDepth)
		}
	case xml.EndElement:
		x.depth--
	case xml.Directive:
		return nil, fail(digest.ErrInvalid, "%s holds a DOCTYPE or another declaration, which Word never writes", x.name)
	}
	return t, nil
}

func (x *xmlReader) wrap(err error) error {
	if err == io.EOF {
		return err
	}
	var pe *digest.ParseError
	if errors.As(err, &pe) {
		return pe
	}
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
		// archive/zip fails an entry that inflates past its declared size
		// with ErrFormat: a zip bomb, or a damaged file.
		return fail(digest.ErrInvalid, "%s is damaged: it does not inflate to what its ZIP entry declares (%v)", x.name, err)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fail(digest.ErrInvalid, "%s is not well-formed XML (line %d: %s)", x.name, se.Line, se.Msg)
	}
	return fail(digest.ErrInvalid, "cannot read %s: %v", x.name, err)
}

// skip reads to the end of the element whose start was just read.
func (x *xmlReader) skip() error {
	for n := 1; n > 0; {
		t, err := x.next()
		if err != nil {
			return unexpectedEOF(err, x.name)
		}
		switch t.(type) {
		case xml.StartElement:
			n++
		case xml.EndElement:
			n--
		}
	}
	return nil
}

// children calls f for each child element of the element whose start was
// just read, up to its end; f must read its child to its end (by skip or
// otherwise).
func (x *xmlReader) children(f func(t xml.StartElement) error) error {
	for {
		t, err := x.next()
		if err != nil {
			return unexpectedEOF(err, x.name)
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text returns the character data of the element whose start was just
// read, up to its end; child elements are skipped.
func (x *xmlReader) text() (string, error) {
	var b strings.Builder
	for {
		t, err := x.next()
		if err != nil {
			return "", unexpectedEOF(err, x.name)
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := x.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func unexpectedEOF(err error, name string) error {
	if err == io.EOF {
		return fail(digest.ErrInvalid, "%s ends inside an element", name)
	}
	return err
}

// isW reports whether the element is the WordprocessingML element local.
func isW(t xml.StartElement, local string) bool {
	return t.Name.Local == local && (t.Name.Space == nsW || t.Name.Space == nsWStrict)
}

func isMC(t xml.StartElement, local string) bool {
	return t.Name.Local == local && t.Name.Space == nsMC
}

// attr returns the value of the attribute with the local name (w:val,
// w:type …), whatever its prefix.
func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func intAttr(t xml.StartElement, local string) (int, bool) {
	v, ok := attr(t, local)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n > 1<<30 {
		return 0, false
	}
	return n, true
}

// tri is a property that a level of formatting may leave unset.
type tri int8

const (
	unset tri = iota
	on
	off
)

// onOff reads a toggle such as <w:b/>, <w:b w:val="0"/>, <w:b w:val="false"/>.
func onOff(t xml.StartElement) tri {
	v, ok := attr(t, "val")
	if !ok {
		return on
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "false", "off", "none":
		return off
	}
	return on
}

// or returns the first set value, or off.
func or(ts ...tri) bool {
	for _, t := range ts {
		if t != unset {
			return t == on
		}
	}
	return false
}

// alternate reads mc:AlternateContent: the first mc:Choice through read,
// and skips the other choices and the mc:Fallback, which hold the same
// content again (a text box is written both as a DrawingML shape and as
// VML).
func (x *xmlReader) alternate(read func() error) error {
	done := false
	return x.children(func(t xml.StartElement) error {
		if isMC(t, "Choice") && !done {
			done = true
			return read()
		}
		return x.skip()
	})
}
