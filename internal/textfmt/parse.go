// Package textfmt reads and writes the digest text format of
// spec/digest-text.md: the plain text that desks keep and exchange, and that
// comes out of their Word and PDF files when the text is copied out.
//
// Parse reads it, repairing the damage that copying out of Word and PDF
// does (page breaks inside paragraphs, page numbers, CRLF, a BOM, trailing
// spaces, full-width citations, headline pairs run together, a missing end
// marker) and reporting every repair. What it cannot read as a digest is an
// error naming the line and what was expected: it never returns a digest that
// quietly lacks part of its input.
//
// Format writes the canonical form. For every digest d that Parse returns,
// Parse(Format(d)) returns d again, with each valid citation date as the
// canonical writer writes it, and Format of that is byte for byte the same.
package textfmt

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"shuho/internal/digest"
)

// Result is a parsed digest with where its parts stood and what was repaired.
type Result struct {
	Digest  *digest.Digest
	Lines   *digest.Lines
	Repairs []digest.Repair
}

// The kinds of repair Parse reports.
const (
	RepairBOM          = "bom-removed"
	RepairUTF16        = "utf16-decoded"
	RepairLineEnds     = "line-ends-normalised"
	RepairTrailing     = "trailing-space-removed"
	RepairPageNumber   = "page-number-dropped"
	RepairRunningHead  = "running-header-dropped"
	RepairPageBreak    = "page-break-joined"
	RepairLineJoined   = "wrapped-line-joined"
	RepairHeadlinePair = "headline-pair-split"
	RepairHalfWidth    = "citation-made-half-width"
	RepairEmphasis     = "english-emphasis-moved"
	RepairNote         = "note-marker-normalised"
	RepairBullet       = "bullet-normalised"
	RepairPeriod       = "period-normalised"
	RepairEndMarker    = "end-marker-added"
)

// Parse reads a digest in the text format. p, which may be nil, gives the
// profile whose section titles name the section keys; the digest records its
// key. Errors are *digest.ParseError values of kind digest.ErrInvalid (or
// digest.ErrTooLarge) with the line at fault.
func Parse(data []byte, p *digest.Profile) (*Result, error) {
	ps := &parser{prof: p}
	if err := ps.decode(data); err != nil {
		return nil, err
	}
	if err := ps.parse(); err != nil {
		return nil, err
	}
	return &Result{Digest: ps.d, Lines: ps.lines, Repairs: ps.repairs}, nil
}

type parser struct {
	prof    *digest.Profile
	src     []line // every line, classified; blank lines included
	repairs []digest.Repair
	d       *digest.Digest
	lines   *digest.Lines
	pos     int // next line of src
}

func (ps *parser) repair(line int, kind, format string, args ...any) {
	ps.repairs = append(ps.repairs, digest.Repair{Line: line, Kind: kind, Detail: fmt.Sprintf(format, args...)})
}

// decode checks that data is text at all, decodes it and splits it into
// classified lines.
func (ps *parser) decode(data []byte) error {
	if len(data) > digest.MaxInput {
		return &digest.ParseError{Err: digest.ErrTooLarge,
			Msg: fmt.Sprintf("the input is %.1f MB; a digest may be at most %d MB", float64(len(data))/1e6, digest.MaxInput>>20)}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		ps.repair(1, RepairBOM, "byte order mark removed")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		// Word's "Unicode text" is UTF-16 with a byte order mark.
		data = fromUTF16(data[2:], data[0] == 0xFE)
		ps.repair(1, RepairUTF16, "UTF-16 text decoded")
	}
	if err := sniff(data); err != nil {
		return err
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
		ps.repair(1, RepairLineEnds, "CRLF or CR line ends made LF")
	}
	trailing := 0
	firstTrailing := 0
	ps.src = make([]line, 0, bytes.Count(data, []byte{'\n'})+1)
	no := 0
	for len(data) > 0 || no == 0 {
		no++
		raw := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if !utf8.Valid(raw) {
			col := utf8.RuneCount(raw[:firstInvalid(raw)]) + 1
			return &digest.ParseError{Line: no, Column: col,
				Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02X); the file must be saved as UTF-8 text", raw[firstInvalid(raw)])}
		}
		s := string(raw)
		formFeed := strings.IndexByte(s, '\f') >= 0
		t := strings.TrimSpace(s)
		if t != "" && len(t) < len(s) && strings.TrimRightFunc(s, unicode.IsSpace) != s {
			trailing++
			if firstTrailing == 0 {
				firstTrailing = no
			}
		}
		k, body, num := classify(t, ps.prof)
		ps.src = append(ps.src, line{no: no, text: t, kind: k, body: body, num: num, brokeBefore: formFeed})
	}
	if trailing > 0 {
		ps.repair(firstTrailing, RepairTrailing, "trailing white space removed from %d lines", trailing)
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

func fromUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// sniff refuses input that is not digest text at all, saying what it seems
// to be: nothing, a binary file, a Word, PDF or RTF document, an HTML page.
func sniff(data []byte) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n\f")
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return digest.Errorf(1, "the input is empty; expected a digest beginning with its title line, such as アゼルバイジャン政治・治安情報")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return digest.Errorf(1, "this is a ZIP archive (a .docx Word document?), not digest text; use shuho import for Word files, or save the text as .txt")
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return digest.Errorf(1, "this is a PDF document, not digest text; use shuho import for PDF files, or copy its text out")
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return digest.Errorf(1, "this is an RTF document, not digest text; save it as plain text (UTF-8)")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return digest.Errorf(bytes.Count(data[:i], []byte{'\n'})+1, "binary data (a NUL byte), not digest text; expected UTF-8 text")
	}
	if len(trimmed) > 0 && trimmed[0] == '<' {
		head := strings.ToLower(string(trimmed[:min(len(trimmed), 512)]))
		if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
			strings.HasPrefix(head, "<?xml") || strings.Contains(head, "<head") || strings.Contains(head, "<body") {
			line := bytes.Count(data[:len(data)-len(trimmed)], []byte{'\n'}) + 1
			return digest.Errorf(line, "this is an HTML or XML document, not digest text; expected the digest's title line, such as アゼルバイジャン政治・治安情報")
		}
	}
	return nil
}

// next returns the next line that is not blank and not a page number,
// recording what it skipped on the returned line.
func (ps *parser) next() (line, bool) {
	blank, broke := false, false
	for ps.pos < len(ps.src) {
		l := ps.src[ps.pos]
		ps.pos++
		switch l.kind {
		case kBlank:
			blank = true
			continue
		case kPageNum:
			ps.repair(l.no, RepairPageNumber, "page number %q dropped", l.text)
			broke = true
			continue
		}
		if ps.d != nil && len(ps.d.Sections) > 0 && l.kind == kText && l.text == ps.d.Title {
			ps.repair(l.no, RepairRunningHead, "repeated title line dropped")
			broke = true
			continue
		}
		l.blankBefore = l.blankBefore || blank
		l.brokeBefore = l.brokeBefore || broke
		return l, true
	}
	return line{}, false
}

// peek returns the next content line without consuming it; ok is false at
// the end of the input.
func (ps *parser) peek() (line, bool) {
	save, n := ps.pos, len(ps.repairs)
	l, ok := ps.next()
	ps.pos, ps.repairs = save, ps.repairs[:n]
	return l, ok
}

func (ps *parser) parse() error {
	ps.d = &digest.Digest{}
	ps.lines = &digest.Lines{}
	if ps.prof != nil {
		ps.d.Profile = ps.prof.Key
	}
	if err := ps.head(); err != nil {
		return err
	}
	for {
		l, ok := ps.next()
		if !ok {
			last := 1
			if n := len(ps.src); n > 0 {
				last = ps.src[n-1].no
			}
			ps.repair(last, RepairEndMarker, "end marker %s was missing", endMarker)
			break
		}
		switch l.kind {
		case kEnd:
			ps.lines.End = l.no
			if after, ok := ps.next(); ok {
				return digest.Errorf(after.no, "text after the end marker %s; the end marker must be the last line", endMarker)
			}
			return ps.check()
		case kSection:
			ps.d.Sections = append(ps.d.Sections, digest.Section{Number: l.num, Key: ps.prof.SectionKey(l.body), Title: l.body})
			ps.lines.Sections = append(ps.lines.Sections, digest.SectionLines{Line: l.no})
		case kHeadline:
			if err := ps.item(l); err != nil {
				return err
			}
		default:
			s := ps.d.Sections[len(ps.d.Sections)-1]
			return digest.Errorf(l.no, "%s in section “%d. %s” before its first item; expected a headline line starting with ●", l.kind, s.Number, s.Title)
		}
	}
	return ps.check()
}

// head reads the title, subtitle, period and issuer, up to the first section
// line.
func (ps *parser) head() error {
	l, ok := ps.next()
	if !ok {
		return digest.Errorf(1, "no digest title; expected a title line such as アゼルバイジャン政治・治安情報")
	}
	if l.kind != kText {
		return digest.Errorf(l.no, "%s where the digest's title was expected (a line such as アゼルバイジャン政治・治安情報)", l.kind)
	}
	ps.d.Title, ps.lines.Title = l.text, l.no
	for {
		l, ok := ps.next()
		if !ok {
			return digest.Errorf(ps.src[len(ps.src)-1].no, "no section; expected a section line such as “1. 軍事・治安関係” after the digest's head")
		}
		switch l.kind {
		case kSection:
			if ps.lines.Period == 0 {
				return digest.Errorf(l.no, "no period before the first section; expected a line such as 2026年11月14日～11月20日 after the title")
			}
			ps.pos-- // the body loop reads it
			return nil
		case kHeadline:
			return digest.Errorf(l.no, "item outside any section; expected a section line such as “1. 軍事・治安関係” before the first item")
		case kEnd:
			return digest.Errorf(l.no, "end marker before any section; expected a section line such as “1. 軍事・治安関係”")
		}
		pr, isPeriod := parsePeriod(l.text)
		if !isPeriod && looksLikePeriod(l.text) {
			return digest.Errorf(l.no, "cannot read the period %q; expected a line such as 2026年11月14日～11月20日", clip(l.text, 40))
		}
		if isPeriod {
			if ps.lines.Period != 0 {
				return digest.Errorf(l.no, "a second period line (the first is on line %d); a digest covers one period", ps.lines.Period)
			}
			ps.d.Period, ps.lines.Period = pr.p, l.no
			if pr.era || pr.weekday || pr.inferred {
				ps.repair(l.no, RepairPeriod, "period read as %s", pr.p)
			}
			continue
		}
		if isParenthesised(l.text) && ps.d.Subtitle == "" {
			ps.d.Subtitle, ps.lines.Subtitle = l.text, l.no
			continue
		}
		if ps.d.Issuer == "" && l.kind == kText {
			ps.d.Issuer, ps.lines.Issuer = l.text, l.no
			continue
		}
		return digest.Errorf(l.no, "cannot place %s in the digest's head; expected the subtitle in parentheses, the period (such as 2026年11月14日～11月20日), the issuer or the first section line", describe(l))
	}
}

func describe(l line) string {
	if l.kind == kText {
		return fmt.Sprintf("the line %q", clip(l.text, 40))
	}
	return l.kind.String()
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// isParenthesised reports whether s is wholly in half- or full-width
// parentheses.
func isParenthesised(s string) bool {
	return (strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（")) &&
		(strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）")) && len(s) > 2
}

// rawBlock is a body block being assembled from lines.
type rawBlock struct {
	kind        digest.BlockKind
	parts       [][]string // the paragraph or note, or each list entry, as lines
	first, last int
	brokeBefore bool // a page break stood before it
	bullet      bool // an entry used "•"
	b           digest.Block
}

// item reads one item from its headline line h to the next headline, section
// or end marker.
func (ps *parser) item(h line) error {
	sec := len(ps.d.Sections) - 1
	it := digest.Item{}
	il := digest.ItemLines{Line: h.no}
	// A Japanese headline wrapped onto following lines of the same block.
	ja := []string{h.body}
	for {
		l, ok := ps.peek()
		if !ok || l.blankBefore || l.brokeBefore || l.kind != kText || !hasCJK(l.text) {
			break
		}
		ps.next()
		ja = append(ja, l.text)
		ps.repair(l.no, RepairLineJoined, "Japanese headline continued from line %d", h.no)
	}
	it.HeadlineJA, it.Emphasis = cutEmphasis(joinLines(ja))
	// The English headline: the next line, if it is text.
	if l, ok := ps.peek(); ok && l.kind == kText {
		ps.next()
		if !l.blankBefore {
			ps.repair(l.no, RepairHeadlinePair, "English headline read from the line after the Japanese one")
		}
		il.LineEN = l.no
		en := []string{l.text}
		for {
			c, ok := ps.peek()
			if !ok || c.blankBefore || c.kind != kText || !startsLower(c.text) {
				break
			}
			ps.next()
			en = append(en, c.text)
			ps.repair(c.no, RepairLineJoined, "English headline continued from line %d", l.no)
		}
		var emph bool
		it.HeadlineEN, emph = cutEmphasis(joinLines(en))
		if emph {
			it.Emphasis = true
			ps.repair(l.no, RepairEmphasis, "emphasis on the English headline moved to the item")
		}
	}
	// The body blocks.
	var blocks []*rawBlock
	var cur *rawBlock
	for {
		l, ok := ps.peek()
		if !ok || l.kind == kHeadline || l.kind == kSection || l.kind == kEnd {
			break
		}
		ps.next()
		if l.blankBefore || l.kind == kNote || (l.kind == kEntry && (cur == nil || cur.kind != digest.List)) {
			cur = nil
		}
		switch {
		case cur == nil:
			cur = &rawBlock{first: l.no, brokeBefore: l.brokeBefore}
			switch l.kind {
			case kNote:
				cur.kind = digest.Note
				if l.text != noteLine(l.body) {
					ps.repair(l.no, RepairNote, "note marker written “NOTE: ”")
				}
			case kEntry:
				cur.kind = digest.List
			default:
				cur.kind = digest.Paragraph
			}
			cur.parts = append(cur.parts, []string{l.body})
			cur.bullet = l.kind == kEntry && strings.HasPrefix(l.text, "•")
			blocks = append(blocks, cur)
		case l.kind == kEntry:
			cur.parts = append(cur.parts, []string{l.body})
			cur.bullet = cur.bullet || strings.HasPrefix(l.text, "•")
		default:
			// A line wrapped inside a paragraph, note or list entry.
			n := len(cur.parts) - 1
			cur.parts[n] = append(cur.parts[n], l.text)
			if l.brokeBefore {
				ps.repair(l.no, RepairPageBreak, "text continued across a page break from line %d", cur.last)
			} else {
				ps.repair(l.no, RepairLineJoined, "wrapped line joined to line %d", cur.last)
			}
		}
		cur.last = l.no
	}
	for _, b := range blocks {
		ps.finish(b)
	}
	blocks = ps.heal(blocks)
	for _, b := range blocks {
		it.Blocks = append(it.Blocks, b.b)
		il.Blocks = append(il.Blocks, digest.BlockLines{First: b.first, Last: b.last})
	}
	ps.d.Sections[sec].Items = append(ps.d.Sections[sec].Items, it)
	ps.lines.Sections[sec].Items = append(ps.lines.Sections[sec].Items, il)
	return nil
}

// finish turns a raw block into a digest block, cutting its citations.
func (ps *parser) finish(r *rawBlock) {
	r.b = digest.Block{Kind: r.kind}
	last := &r.b.Text
	if r.kind == digest.List {
		r.b.Entries = make([]string, len(r.parts))
		for i, p := range r.parts {
			r.b.Entries[i] = joinLines(p)
		}
		last = &r.b.Entries[len(r.b.Entries)-1]
		if r.bullet {
			ps.repair(r.first, RepairBullet, "list bullets written “- ”")
		}
	} else {
		r.b.Text = joinLines(r.parts[0])
	}
	rest, cits, hw, ok := cutCitations(*last)
	if ok {
		*last = rest
		r.b.Citations = cits
		if hw {
			ps.repair(r.last, RepairHalfWidth, "full-width characters in the citation made half-width")
		}
	}
}

// heal joins blocks that a page break cut apart: a block without a citation
// and a following paragraph that starts in lower case, or that follows a page
// number while the first ends mid-sentence; and a citation left alone by a
// page break goes back to the block before it.
func (ps *parser) heal(blocks []*rawBlock) []*rawBlock {
	out := blocks[:0]
	var tail []string // the pieces of the last text of out's last block
	flush := func() {
		if len(tail) > 1 {
			a := out[len(out)-1]
			t := joinLines(tail)
			if a.kind == digest.List {
				a.b.Entries[len(a.b.Entries)-1] = t
			} else {
				a.b.Text = t
			}
		}
	}
	for _, b := range blocks {
		if len(out) > 0 {
			a := out[len(out)-1]
			citeOnly := b.b.Text == "" && len(b.b.Citations) > 0
			midSentence := b.brokeBefore && !endsSentence(tail[len(tail)-1]) && b.b.Text != ""
			if len(a.b.Citations) == 0 && b.kind == digest.Paragraph && (citeOnly || startsLower(b.b.Text) || midSentence) {
				if b.b.Text != "" {
					tail = append(tail, b.b.Text)
				}
				a.b.Citations = b.b.Citations
				a.last = b.last
				ps.repair(b.first, RepairPageBreak, "block continued across a page break from line %d", a.first)
				continue
			}
			flush()
		}
		out = append(out, b)
		if b.kind == digest.List {
			tail = []string{b.b.Entries[len(b.b.Entries)-1]}
		} else {
			tail = []string{b.b.Text}
		}
	}
	if len(out) > 0 {
		flush()
	}
	return out
}

// joinLines joins the lines of one text broken by wrapping: with a space,
// except between Japanese characters.
func joinLines(lines []string) string {
	if len(lines) == 1 {
		return lines[0]
	}
	var b strings.Builder
	for _, l := range lines {
		if b.Len() > 0 && l != "" {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if !isCJK(last) || !isCJK(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// endsSentence reports whether s ends as a sentence or a quotation does.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;\"'”’)]」』。！？…", r)
}

// cutEmphasis removes the "**" that wrap a whole headline.
func cutEmphasis(s string) (string, bool) {
	if len(s) >= 4 && strings.HasPrefix(s, "**") && strings.HasSuffix(s, "**") {
		inner := strings.TrimSpace(s[2 : len(s)-2])
		if !strings.Contains(inner, "**") {
			return inner, true
		}
	}
	return s, false
}

// check makes sure that what was read will be read the same once written:
// a text made by joining wrapped lines could look like a section line, a page
// number or the end marker when it stands on a line of its own.
func (ps *parser) check() error {
	for i, s := range ps.d.Sections {
		for j, it := range s.Items {
			il := ps.lines.Item(i, j)
			if it.HeadlineEN != "" {
				if err := ps.expect(it.HeadlineEN, kText, il.LineEN); err != nil {
					return err
				}
			}
			for k, b := range it.Blocks {
				bl := ps.lines.Block(i, j, k)
				switch b.Kind {
				case digest.List:
					for _, e := range b.Entries {
						if err := ps.expect("- "+e, kEntry, bl.First); err != nil {
							return err
						}
					}
				case digest.Note:
					if err := ps.expect(noteLine(b.Text), kNote, bl.First); err != nil {
						return err
					}
				default:
					if err := ps.expect(string(appendCitations(nil, b.Text, b.Citations)), kText, bl.First); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func (ps *parser) expect(s string, k kind, no int) error {
	s = strings.TrimSpace(s)
	got, _, _ := classify(s, ps.prof)
	if got != k || (k == kText && s == ps.d.Title) {
		return digest.Errorf(no, "the text %q, joined from wrapped lines, would read as %s once written on one line; put it on one line as it is meant", clip(s, 40), got)
	}
	return nil
}
