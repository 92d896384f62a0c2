package docx

import (
	"archive/zip"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"

	"shuho/internal/digest"
)

// maxFields bounds the complex fields open at once; deeper ones are counted
// but not tracked.
const maxFields = 64

// docReader walks word/document.xml and hands each paragraph to the
// writer.
type docReader struct {
	x      *xmlReader
	styles *styles
	num    *numbering
	count  counters
	w      *writer
	// fields are the complex fields open (w:fldChar begin … end): true
	// while in a field's instructions, whose text is not shown.
	fields   []bool
	overflow int // fields begun past maxFields
}

func readDocument(f *zip.File, st *styles, num *numbering) ([]byte, error) {
	rc, err := part(f, MaxDocumentXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	r := &docReader{x: newXMLReader(rc, f.Name), styles: st, num: num, count: counters{}, w: &writer{}}
	if err := r.x.top(func(t xml.StartElement) error {
		if isW(t, "body") {
			return r.blocks()
		}
		return r.x.skip()
	}); err != nil {
		return nil, err
	}
	return r.w.bytes(), nil
}

// blocks reads block-level content (the body, a table and its cells, a
// text box, a content control) to the end of the element just started.
func (r *docReader) blocks() error {
	return r.x.children(func(t xml.StartElement) error {
		switch {
		case isW(t, "p"):
			return r.paragraph()
		case isW(t, "del"), isW(t, "moveFrom"), isW(t, "sdtPr"), isW(t, "sdtEndPr"), isMC(t, "Fallback"):
			return r.x.skip()
		case isMC(t, "AlternateContent"):
			return r.x.alternate(r.blocks)
		}
		// w:tbl, w:tr, w:tc, w:sdt, w:sdtContent, w:customXml, w:ins,
		// w:moveTo and any wrapper: their paragraphs are read in order.
		return r.blocks()
	})
}

// paragraph reads a w:p and writes it.
func (r *docReader) paragraph() error {
	p := &para{}
	if err := r.inline(p); err != nil {
		return err
	}
	return r.write(p)
}

// inline reads the content of a paragraph (runs, and the hyperlinks,
// fields, insertions, content controls and smart tags that wrap runs) to
// the end of the element just started.
func (r *docReader) inline(p *para) error {
	return r.x.children(func(t xml.StartElement) error {
		switch {
		case isW(t, "pPr"):
			return r.x.paraProps(&p.props)
		case isW(t, "r"):
			return r.run(p)
		case isW(t, "p"):
			// A paragraph directly inside another is not valid
			// WordprocessingML; read it as a paragraph of its own.
			return r.paragraph()
		case isW(t, "del"), isW(t, "moveFrom"), isW(t, "sdtPr"), isW(t, "sdtEndPr"), isMC(t, "Fallback"):
			return r.x.skip()
		case isMC(t, "AlternateContent"):
			return r.x.alternate(func() error { return r.inline(p) })
		}
		return r.inline(p)
	})
}

// run reads a w:r into the paragraph.
func (r *docReader) run(p *para) error {
	var rp runProps
	return r.x.children(func(t xml.StartElement) error {
		if t.Name.Space != nsW && t.Name.Space != nsWStrict {
			if isMC(t, "AlternateContent") {
				return r.x.alternate(r.objects)
			}
			return r.objects()
		}
		switch t.Name.Local {
		case "rPr":
			return r.x.runProps(&rp)
		case "t":
			s, err := r.x.text()
			if err != nil {
				return err
			}
			return r.add(p, rp, cleanText(s))
		case "tab", "ptab":
			if err := r.add(p, rp, "\t"); err != nil {
				return err
			}
		case "noBreakHyphen":
			if err := r.add(p, rp, "-"); err != nil {
				return err
			}
		case "sym":
			if err := r.add(p, rp, symbol(t)); err != nil {
				return err
			}
		case "br":
			if !r.hidden(p, rp) {
				typ, _ := attr(t, "type")
				p.newLine(typ == "page")
			}
		case "cr":
			if !r.hidden(p, rp) {
				p.newLine(false)
			}
		case "fldChar":
			typ, _ := attr(t, "fldCharType")
			r.field(typ)
		case "drawing", "pict", "object":
			return r.objects()
		case "ruby":
			// Japanese ruby: the base text shows in the line; the
			// reading above it (w:rt) is an annotation.
			return r.x.children(func(t xml.StartElement) error {
				if isW(t, "rubyBase") {
					return r.inline(p)
				}
				return r.x.skip()
			})
		}
		// w:delText, w:instrText, w:softHyphen, w:lastRenderedPageBreak,
		// note and comment references: nothing shows.
		return r.x.skip()
	})
}

// objects reads a drawing, picture or object inside a run for the text
// boxes it holds, to the end of the element just started.
func (r *docReader) objects() error {
	return r.x.children(func(t xml.StartElement) error {
		switch {
		case isW(t, "txbxContent"):
			return r.blocks()
		case isMC(t, "AlternateContent"):
			return r.x.alternate(r.objects)
		case isMC(t, "Fallback"):
			return r.x.skip()
		}
		return r.objects()
	})
}

// field follows a complex field: begin, separate (instructions end, the
// result shows), end.
func (r *docReader) field(typ string) {
	switch typ {
	case "begin":
		if len(r.fields) < maxFields {
			r.fields = append(r.fields, true)
		} else {
			r.overflow++
		}
	case "separate":
		if r.overflow == 0 && len(r.fields) > 0 {
			r.fields[len(r.fields)-1] = false
		}
	case "end":
		if r.overflow > 0 {
			r.overflow--
		} else if len(r.fields) > 0 {
			r.fields = r.fields[:len(r.fields)-1]
		}
	}
}

// inInstructions reports whether text now belongs to a field's
// instructions.
func (r *docReader) inInstructions() bool {
	for _, instr := range r.fields {
		if instr {
			return true
		}
	}
	return r.overflow > 0
}

// hidden reports whether a run does not show.
func (r *docReader) hidden(p *para, rp runProps) bool {
	if r.inInstructions() {
		return true
	}
	return or(rp.vanish, r.styles.resolve(rp.style).vanish, r.styles.resolve(p.props.style).vanish, r.styles.defaults.vanish)
}

// add appends a run's text to the paragraph with its effective formatting:
// direct, else from its character style, else from the paragraph's style,
// else the document's default. The text of a paragraph and of the
// paragraphs before it is bounded by digest.MaxInput.
func (r *docReader) add(p *para, rp runProps, s string) error {
	if s == "" || r.hidden(p, rp) {
		return nil
	}
	cs, ps, d := r.styles.resolve(rp.style), r.styles.resolve(p.props.style), r.styles.defaults
	p.add(s, or(rp.b, cs.b, ps.b, d.b), or(rp.i, cs.i, ps.i, d.i))
	if p.size+len(r.w.buf) > digest.MaxInput {
		return tooLarge()
	}
	return nil
}

// cleanText makes the text of a w:t one line: a line break or other
// control character in it shows as a space in Word and would otherwise
// break (or, as a form feed, page-break) the digest text.
func cleanText(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7F || r >= 0x80 && r < 0xA0 || r == '\u2028' || r == '\u2029'
}

// symbol returns the character of a w:sym: w:char in hexadecimal, a
// symbol font's letters as Word's private-use characters (Wingdings' "l",
// a round bullet, is U+F06C).
func symbol(t xml.StartElement) string {
	v, ok := attr(t, "char")
	if !ok {
		return ""
	}
	n, err := strconv.ParseUint(strings.TrimSpace(v), 16, 32)
	if err != nil {
		return ""
	}
	font, _ := attr(t, "font")
	c := symbolChar(rune(n), font)
	if !utf8.ValidRune(c) || isControl(c) || c == 0 {
		return ""
	}
	return string(c)
}

// write lays out a paragraph that has been read: its numbering, page
// breaks and lines.
func (r *docReader) write(p *para) error {
	rs := r.styles.resolve(p.props.style)
	numID, hasNum := p.props.numID, p.props.hasNum
	if !hasNum {
		numID, hasNum = rs.numID, rs.hasNum
	}
	ilvl := p.props.ilvl
	if !p.props.hasIlvl {
		ilvl = rs.ilvl
	}
	lay := layout{
		breakBefore: or(p.props.pageBreakBefore, rs.pageBreakBefore),
		breakAfter:  p.props.sectionBreak,
	}
	if hasNum && numID != 0 {
		lay.label, lay.bullet = r.count.label(r.num, numID, ilvl)
		lay.numbered = true
	}
	return r.w.paragraph(p, lay)
}
