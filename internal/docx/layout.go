package docx

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
)

// seg is a stretch of a line's text in one formatting.
type seg struct {
	text []byte
	b, i bool
}

// pline is one line of a paragraph (paragraphs break into lines at w:br).
type pline struct {
	segs []seg
	brk  bool // a page break stands before the line
}

// para is a paragraph as read: its properties and its lines of text.
type para struct {
	props paraProps
	lines []pline
	size  int // bytes of text
}

func (p *para) add(s string, b, i bool) {
	if len(p.lines) == 0 {
		p.lines = append(p.lines, pline{})
	}
	p.size += len(s)
	l := &p.lines[len(p.lines)-1]
	if n := len(l.segs); n > 0 && l.segs[n-1].b == b && l.segs[n-1].i == i {
		l.segs[n-1].text = append(l.segs[n-1].text, s...)
		return
	}
	l.segs = append(l.segs, seg{text: []byte(s), b: b, i: i})
}

func (p *para) newLine(page bool) {
	if len(p.lines) == 0 {
		p.lines = append(p.lines, pline{})
	}
	p.lines = append(p.lines, pline{brk: page})
}

// layout is how a paragraph stands in the text: its number or bullet and
// the page breaks around it.
type layout struct {
	numbered    bool   // Word numbers the paragraph (w:numPr)
	bullet      bool   // with a bullet rather than a number
	label       string // the number as shown ("1.") or the bullet character
	breakBefore bool
	breakAfter  bool
}

// writer assembles the digest text paragraph by paragraph.
type writer struct {
	buf  []byte
	brk  bool // a page break waits for the next line of text
	list bool // the last paragraph written is a list entry
}

// headlineMarks start a Japanese headline, as textfmt reads them: ● and the
// marks other desks used, including Word's Wingdings bullets as private-use
// characters (U+F06C is Wingdings' ●).
const headlineMarks = "●◆■◇□○◎▲★\uF06C\uF06E\uF075\uF0A7"

// bullets start a list entry typed by hand or left by a copy.
const bullets = "•・◦▪‣\uF0B7"

func (w *writer) paragraph(p *para, lay layout) error {
	if len(w.buf)+p.size > digest.MaxInput {
		return tooLarge()
	}
	mark := ""
	if lay.numbered && lay.bullet && lay.label != "" && strings.Contains(headlineMarks, lay.label) && paraHasCJK(p) {
		mark = lay.label // a Word bullet that is a headline mark
	}
	type outLine struct {
		text string
		brk  bool
	}
	var out []outLine
	brk, blank := w.brk || lay.breakBefore, false
	for _, l := range p.lines {
		brk = brk || l.brk
		m := ""
		if len(out) == 0 {
			m = mark
		}
		text := render(l.segs, m)
		if text == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, outLine{})
			blank = false
		}
		out = append(out, outLine{text, brk})
		brk = false
	}
	if len(out) == 0 {
		w.brk = brk || lay.breakAfter
		return nil
	}
	first := &out[0].text
	list := typedBullet(*first)
	switch {
	case mark != "" || !lay.numbered:
	case lay.bullet:
		list = true
		if !typedBullet(*first) {
			*first = "- " + *first
		}
	case lay.label != "":
		*first = lay.label + " " + *first
	}
	if len(w.buf) > 0 {
		if w.list && list {
			w.buf = append(w.buf, '\n')
		} else {
			w.buf = append(w.buf, "\n\n"...)
		}
	}
	for i, o := range out {
		if i > 0 {
			w.buf = append(w.buf, '\n')
		}
		if o.brk {
			w.buf = append(w.buf, '\f')
		}
		w.buf = append(w.buf, o.text...)
	}
	w.brk, w.list = brk || lay.breakAfter, list
	if len(w.buf) > digest.MaxInput {
		return tooLarge()
	}
	return nil
}

func tooLarge() error {
	return fail(digest.ErrTooLarge, "the document's text is over %d MB; a digest may be at most %d MB", digest.MaxInput>>20, digest.MaxInput>>20)
}

// bytes returns the text written, ending in a newline.
func (w *writer) bytes() []byte {
	if len(w.buf) == 0 {
		return []byte{}
	}
	return append(w.buf, '\n')
}

// typedBullet reports whether a line starts with a bullet of its own.
func typedBullet(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(bullets, r) {
		return true
	}
	if r == '-' || r == '–' {
		r2, _ := utf8.DecodeRuneInString(s[size:])
		return unicode.IsSpace(r2)
	}
	return false
}

// render writes one line: a headline (mark, when not empty, is its mark
// from Word's numbering) with the digest's emphasis when all of it is
// bold; any other line with inline markup for its bold and italic runs.
func render(segs []seg, mark string) string {
	plain := plainText(segs)
	if mark == "" {
		var n int
		mark, n = headlineMark(plain)
		segs = cut(segs, n)
	}
	if mark != "" {
		text := strings.TrimSpace(plainText(segs))
		switch {
		case text == "":
			return mark
		case all(segs, func(s seg) bool { return s.b }):
			return mark + " **" + text + "**"
		}
		return mark + " " + text
	}
	if hasCJK(plain) {
		// A Japanese line of the head, a section line: bold or italic
		// there is the line's style, never inline markup.
		return strings.TrimSpace(plain)
	}
	segs = unformat(segs, structuralPrefix(plain))
	useB := !all(segs, func(s seg) bool { return s.b })
	useI := !all(segs, func(s seg) bool { return s.i })
	return strings.TrimSpace(markup(segs, useB, useI))
}

func plainText(segs []seg) string {
	n := 0
	for _, s := range segs {
		n += len(s.text)
	}
	b := make([]byte, 0, n)
	for _, s := range segs {
		b = append(b, s.text...)
	}
	return string(b)
}

// headlineMark returns the mark that starts a headline line and the bytes
// up to its end, or "" and 0: ● before anything, another mark before
// Japanese text.
func headlineMark(s string) (string, int) {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	r, size := utf8.DecodeRuneInString(t)
	if r == utf8.RuneError || !strings.ContainsRune(headlineMarks, r) || r != '●' && !hasCJK(t[size:]) {
		return "", 0
	}
	return string(r), len(s) - len(t) + size
}

// structuralPrefix returns the length of what starts a line and tells the
// parser its kind, "NOTE:" or a typed bullet with the spaces after it, on
// which formatting is style, not markup.
func structuralPrefix(s string) int {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	n := len(s) - len(t)
	switch _, size := utf8.DecodeRuneInString(t); {
	case len(t) >= 5 && strings.EqualFold(t[:4], "NOTE"):
		rest := strings.TrimLeft(t[4:], " ")
		c, csize := utf8.DecodeRuneInString(rest)
		if c != ':' && c != '：' {
			return 0
		}
		n += len(t) - len(rest) + csize
		t = rest[csize:]
	case typedBullet(t):
		n += size
		t = t[size:]
	default:
		return 0
	}
	return n + len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
}

// cut returns segs without their first n bytes.
func cut(segs []seg, n int) []seg {
	for n > 0 && len(segs) > 0 {
		if len(segs[0].text) > n {
			s := segs[0]
			s.text = s.text[n:]
			return append([]seg{s}, segs[1:]...)
		}
		n -= len(segs[0].text)
		segs = segs[1:]
	}
	return segs
}

// unformat returns segs with their first n bytes plain.
func unformat(segs []seg, n int) []seg {
	if n == 0 {
		return segs
	}
	var out []seg
	for _, s := range segs {
		switch {
		case n <= 0:
			out = append(out, s)
		case len(s.text) <= n:
			out = append(out, seg{text: s.text})
		default:
			out = append(out, seg{text: s.text[:n]}, seg{text: s.text[n:], b: s.b, i: s.i})
		}
		n -= len(s.text)
	}
	return out
}

// all reports whether the line has visible text and every stretch of it
// has the property; white space does not count.
func all(segs []seg, has func(seg) bool) bool {
	seen := false
	for _, s := range segs {
		if len(strings.TrimSpace(string(s.text))) == 0 {
			continue
		}
		if !has(s) {
			return false
		}
		seen = true
	}
	return seen
}

// markup writes the segments with "**" around bold and "*" around italic
// stretches (bold outside italic), keeping the white space at their edges
// outside the markers; useB and useI false leave that property out.
func markup(segs []seg, useB, useI bool) string {
	var b strings.Builder
	var openB, openI bool
	pending := "" // white space not yet written, which goes outside markers
	for _, s := range segs {
		text := string(s.text)
		core := strings.TrimSpace(text)
		if core == "" {
			pending += text
			continue
		}
		lead := strings.Index(text, core)
		pending += text[:lead]
		bold, italic := s.b && useB, s.i && useI
		if bold != openB || italic != openI {
			if openI && (!italic || bold != openB) {
				b.WriteString("*")
				openI = false
			}
			if openB && !bold {
				b.WriteString("**")
				openB = false
			}
			b.WriteString(pending)
			pending = ""
			if bold && !openB {
				b.WriteString("**")
				openB = true
			}
			if italic && !openI {
				b.WriteString("*")
				openI = true
			}
		}
		b.WriteString(pending)
		b.WriteString(core)
		pending = text[lead+len(core):]
	}
	if openI {
		b.WriteString("*")
	}
	if openB {
		b.WriteString("**")
	}
	b.WriteString(pending)
	return b.String()
}

// hasCJK reports whether s holds a kanji, hiragana or katakana.
func hasCJK(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r >= 0x3000 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
	})
}

func paraHasCJK(p *para) bool {
	for _, l := range p.lines {
		for _, s := range l.segs {
			if hasCJK(string(s.text)) {
				return true
			}
		}
	}
	return false
}
