package docx

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// runProps are the run properties that decide what text shows and how:
// bold, italic, hidden, and the character style they may come from.
type runProps struct {
	style        string
	b, i, vanish tri
}

// paraProps are the paragraph properties that decide the layout of the
// text: the style, the list numbering and page breaks.
type paraProps struct {
	style           string
	numID, ilvl     int
	hasNum, hasIlvl bool
	pageBreakBefore tri
	// sectionBreak: the paragraph ends a section that the next one starts
	// on a new page.
	sectionBreak bool
}

// style is one w:style of word/styles.xml.
type style struct {
	basedOn string
	r       runProps
	p       paraProps
}

// styles are the document's styles: the default run properties and the
// styles by id, resolved through their w:basedOn chains.
type styles struct {
	defaults runProps
	byID     map[string]*style
	resolved map[string]resolvedStyle
}

// resolvedStyle is a style with what it inherits filled in.
type resolvedStyle struct {
	b, i, vanish    tri
	numID, ilvl     int
	hasNum, hasIlvl bool
	pageBreakBefore tri
}

// maxChain bounds a w:basedOn chain, which a broken file may make circular.
const maxChain = 32

func (s *styles) resolve(id string) resolvedStyle {
	if s == nil || id == "" {
		return resolvedStyle{}
	}
	if r, ok := s.resolved[id]; ok {
		return r
	}
	var r resolvedStyle
	for n, cur := 0, id; cur != "" && n < maxChain; n++ {
		st := s.byID[cur]
		if st == nil {
			break
		}
		r.b = first(r.b, st.r.b)
		r.i = first(r.i, st.r.i)
		r.vanish = first(r.vanish, st.r.vanish)
		r.pageBreakBefore = first(r.pageBreakBefore, st.p.pageBreakBefore)
		if !r.hasNum && st.p.hasNum {
			r.numID, r.hasNum = st.p.numID, true
		}
		if !r.hasIlvl && st.p.hasIlvl {
			r.ilvl, r.hasIlvl = st.p.ilvl, true
		}
		cur = st.basedOn
	}
	if s.resolved == nil {
		s.resolved = map[string]resolvedStyle{}
	}
	s.resolved[id] = r
	return r
}

func first(a, b tri) tri {
	if a != unset {
		return a
	}
	return b
}

// readStyles reads word/styles.xml; a document without one has no styles.
func readStyles(f *zip.File) (*styles, error) {
	s := &styles{byID: map[string]*style{}}
	if f == nil {
		return s, nil
	}
	rc, err := part(f, maxPartXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x := newXMLReader(rc, f.Name)
	err = x.top(func(t xml.StartElement) error {
		switch {
		case isW(t, "docDefaults"):
			return x.children(func(t xml.StartElement) error {
				if !isW(t, "rPrDefault") {
					return x.skip()
				}
				return x.children(func(t xml.StartElement) error {
					if isW(t, "rPr") {
						return x.runProps(&s.defaults)
					}
					return x.skip()
				})
			})
		case isW(t, "style"):
			id, _ := attr(t, "styleId")
			st := &style{}
			if err := x.children(func(t xml.StartElement) error {
				switch {
				case isW(t, "basedOn"):
					st.basedOn, _ = attr(t, "val")
				case isW(t, "rPr"):
					return x.runProps(&st.r)
				case isW(t, "pPr"):
					return x.paraProps(&st.p)
				}
				return x.skip()
			}); err != nil {
				return err
			}
			if _, dup := s.byID[id]; !dup && id != "" {
				s.byID[id] = st
			}
			return nil
		}
		return x.skip()
	})
	return s, err
}

// top calls f for each child of the part's root element.
func (x *xmlReader) top(f func(t xml.StartElement) error) error {
	for {
		t, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, ok := t.(xml.StartElement); ok {
			return x.children(f)
		}
	}
}

// runProps reads a w:rPr.
func (x *xmlReader) runProps(r *runProps) error {
	return x.children(func(t xml.StartElement) error {
		switch {
		case isW(t, "b"):
			r.b = onOff(t)
		case isW(t, "i"):
			r.i = onOff(t)
		case isW(t, "vanish"), isW(t, "specVanish"):
			if v := onOff(t); v == on || r.vanish == unset {
				r.vanish = v
			}
		case isW(t, "rStyle"):
			r.style = attrString(t)
		}
		// w:rPrChange, the properties before a tracked change, is skipped
		// with the rest.
		return x.skip()
	})
}

func attrString(t xml.StartElement) string {
	v, _ := attr(t, "val")
	return v
}

// paraProps reads a w:pPr.
func (x *xmlReader) paraProps(p *paraProps) error {
	return x.children(func(t xml.StartElement) error {
		switch {
		case isW(t, "pStyle"):
			p.style = attrString(t)
		case isW(t, "pageBreakBefore"):
			p.pageBreakBefore = onOff(t)
		case isW(t, "numPr"):
			return x.children(func(t xml.StartElement) error {
				switch {
				case isW(t, "numId"):
					p.numID, p.hasNum = intAttr(t, "val")
				case isW(t, "ilvl"):
					p.ilvl, p.hasIlvl = intAttr(t, "val")
				}
				return x.skip()
			})
		case isW(t, "sectPr"):
			// A section break in a paragraph: the next section starts on
			// a new page unless it is continuous (the default type is
			// nextPage).
			p.sectionBreak = true
			return x.children(func(t xml.StartElement) error {
				if isW(t, "type") {
					switch attrString(t) {
					case "continuous", "nextColumn":
						p.sectionBreak = false
					}
				}
				return x.skip()
			})
		}
		return x.skip()
	})
}

// level is one level of a list definition (w:abstractNum/w:lvl).
type level struct {
	format string // w:numFmt: decimal, bullet, upperRoman …
	text   string // w:lvlText: "%1.", "●", "\uF0B7"
	start  int
	font   string // the font of the number or bullet, which maps a symbol font's letters
}

// numbering is word/numbering.xml: the list definitions and the list
// instances (w:num) that paragraphs name by w:numId.
type numbering struct {
	abstract map[int]*[9]*level
	nums     map[int]numInstance
}

type numInstance struct {
	abstract int
	starts   [9]int // w:startOverride, 0 when none
	hasStart [9]bool
}

func (n *numbering) level(numID, ilvl int) *level {
	if n == nil || ilvl < 0 || ilvl > 8 {
		return nil
	}
	in, ok := n.nums[numID]
	if !ok {
		return nil
	}
	a := n.abstract[in.abstract]
	if a == nil {
		return nil
	}
	return a[ilvl]
}

// readNumbering reads word/numbering.xml; a document without one has no
// list definitions (its list paragraphs are bullets).
func readNumbering(f *zip.File) (*numbering, error) {
	n := &numbering{abstract: map[int]*[9]*level{}, nums: map[int]numInstance{}}
	if f == nil {
		return n, nil
	}
	rc, err := part(f, maxPartXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x := newXMLReader(rc, f.Name)
	err = x.top(func(t xml.StartElement) error {
		switch {
		case isW(t, "abstractNum"):
			id, _ := intAttr(t, "abstractNumId")
			levels := &[9]*level{}
			if err := x.children(func(t xml.StartElement) error {
				if !isW(t, "lvl") {
					return x.skip()
				}
				il, ok := intAttr(t, "ilvl")
				l, err := x.level()
				if err == nil && ok && il <= 8 {
					levels[il] = l
				}
				return err
			}); err != nil {
				return err
			}
			if _, dup := n.abstract[id]; !dup {
				n.abstract[id] = levels
			}
			return nil
		case isW(t, "num"):
			id, _ := intAttr(t, "numId")
			var in numInstance
			if err := x.children(func(t xml.StartElement) error {
				switch {
				case isW(t, "abstractNumId"):
					in.abstract, _ = intAttr(t, "val")
				case isW(t, "lvlOverride"):
					il, ok := intAttr(t, "ilvl")
					return x.children(func(c xml.StartElement) error {
						if isW(c, "startOverride") && ok && il <= 8 {
							in.starts[il], in.hasStart[il] = intAttr(c, "val")
						}
						return x.skip()
					})
				}
				return x.skip()
			}); err != nil {
				return err
			}
			if _, dup := n.nums[id]; !dup {
				n.nums[id] = in
			}
			return nil
		}
		return x.skip()
	})
	return n, err
}

// level reads a w:lvl.
func (x *xmlReader) level() (*level, error) {
	l := &level{start: 1, format: "decimal"}
	err := x.children(func(t xml.StartElement) error {
		switch {
		case isW(t, "start"):
			if v, ok := intAttr(t, "val"); ok {
				l.start = v
			}
		case isW(t, "numFmt"):
			l.format = attrString(t)
		case isW(t, "lvlText"):
			l.text = attrString(t)
		case isW(t, "rPr"):
			return x.children(func(t xml.StartElement) error {
				if isW(t, "rFonts") {
					l.font, _ = attr(t, "ascii")
					if l.font == "" {
						l.font, _ = attr(t, "hAnsi")
					}
				}
				return x.skip()
			})
		}
		return x.skip()
	})
	return l, err
}

// symbolFont reports whether a font maps its letters to symbols, which
// Word writes as the private-use characters U+F020–U+F0FF.
func symbolFont(font string) bool {
	f := strings.ToLower(font)
	return strings.HasPrefix(f, "wingdings") || strings.HasPrefix(f, "symbol") || strings.HasPrefix(f, "webdings")
}

// symbolChar returns the character of a w:sym or a bullet in a symbol font:
// a symbol font's letter c becomes U+F000+c, as Word writes it.
func symbolChar(r rune, font string) rune {
	if r >= 0x20 && r < 0x100 && symbolFont(font) {
		return 0xF000 + r
	}
	return r
}

// counters number the paragraphs of each list as Word does: the list
// instances (w:num) of one list definition share its counters, each level
// counting from its start, a paragraph of one level restarting the levels
// below it, and an instance that overrides a level's start restarting that
// level when it is first used.
type counters map[int]*counter

type counter struct {
	value [9]int
	seen  [9]bool
	used  map[int]bool // the instances met
}

// label returns the number of a numbered paragraph as Word shows it
// ("1.", "(2)", "III.", "①"), or its bullet character, and whether it is a
// bullet.
func (c counters) label(n *numbering, numID, ilvl int) (label string, bullet bool) {
	l := n.level(numID, ilvl)
	if l == nil {
		return "", true
	}
	if l.format == "bullet" {
		r, _ := utf8.DecodeRuneInString(l.text)
		if r == utf8.RuneError {
			return "", true
		}
		return string(symbolChar(r, l.font)), true
	}
	in := n.nums[numID]
	cs := c[in.abstract]
	if cs == nil {
		cs = &counter{used: map[int]bool{}}
		c[in.abstract] = cs
	}
	if !cs.used[numID] {
		cs.used[numID] = true
		for i, restart := range in.hasStart {
			if restart {
				cs.seen[i] = false
			}
		}
	}
	start := func(i int) int {
		if in.hasStart[i] {
			return in.starts[i]
		}
		if li := n.level(numID, i); li != nil {
			return li.start
		}
		return 1
	}
	if cs.seen[ilvl] {
		cs.value[ilvl]++
	} else {
		cs.value[ilvl], cs.seen[ilvl] = start(ilvl), true
	}
	for i := ilvl + 1; i < 9; i++ {
		cs.seen[i] = false
	}
	var b strings.Builder
	text := l.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := cs.value[k]
			if !cs.seen[k] {
				v = start(k)
			}
			f := l.format
			if lk := n.level(numID, k); lk != nil {
				f = lk.format
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimSpace(b.String()), false
}

// formatNumber writes n in one of Word's number formats; formats it does
// not know are written in decimal.
func formatNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperRoman", "lowerRoman":
		if n > 0 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperLetter", "lowerLetter":
		if n > 0 && n <= 26*20 {
			// Word repeats the letter: A … Z, AA … ZZ, AAA …
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, r := range strconv.Itoa(n) {
			b.WriteRune(r - '0' + '０')
		}
		return b.String()
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
