// Package textfmt reads and writes the digest text format of
// docs/format-text.md: the plain text that desks keep and exchange, and that
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
	"slices"
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
	RepairInvisible    = "invisible-characters-removed"
	RepairPageNumber   = "page-number-dropped"
	RepairRunningHead  = "running-header-dropped"
	RepairMark         = "classification-mark-dropped"
	RepairPageBreak    = "page-break-joined"
	RepairLineJoined   = "wrapped-line-joined"
	RepairBlockSplit   = "block-split-at-citation"
	RepairHeadlinePair = "headline-pair-split"
	RepairCitation     = "citation-normalised"
	RepairEmphasis     = "english-emphasis-moved"
	RepairMarker       = "marker-normalised"
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
	// inBody: the head has been read; from here a repetition of the head's
	// lines is a running head.
	inBody     bool
	periodText string   // the period line as written
	heads      []string // the head's lines without spaces, for running heads
	headsLen   int      // their length in all
	probes     []string // the first letter of each, which a running head holds
	repeated   map[string]bool
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
	all := data
	trailing, firstTrailing := 0, 0
	invisibles, firstInvisible := 0, 0
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
			bad := firstInvalid(raw)
			msg := fmt.Sprintf("invalid UTF-8 (byte 0x%02X); the file must be saved as UTF-8 text", raw[bad])
			if looksShiftJIS(all) {
				msg += " (it looks like Shift_JIS: open it and save it again choosing the encoding UTF-8)"
			}
			return &digest.ParseError{Line: no, Column: utf8.RuneCount(raw[:bad]) + 1, Msg: msg}
		}
		s := string(raw)
		if hasInvisible(s) {
			s = strings.Map(dropInvisible, s)
			if invisibles++; invisibles == 1 {
				firstInvisible = no
			}
		}
		// (hasInvisible finds only what dropInvisible removes.)
		// A vertical tab is Word's manual line break: it ends a line,
		// which keeps the number of the line it stands in.
		for part := range strings.SplitSeq(s, "\v") {
			formFeed := strings.IndexByte(part, '\f') >= 0
			if formFeed {
				// A form feed is a page break (pdftotext ends each page
				// with one), recorded on the line; in the text it is a
				// space.
				part = strings.ReplaceAll(part, "\f", " ")
			}
			t := strings.TrimSpace(part)
			if t != "" && strings.TrimRightFunc(part, unicode.IsSpace) != part {
				if trailing++; trailing == 1 {
					firstTrailing = no
				}
			}
			l := classify(t, ps.prof)
			l.no, l.brokeBefore = no, formFeed
			ps.src = append(ps.src, l)
		}
	}
	if trailing > 0 {
		ps.repair(firstTrailing, RepairTrailing, "trailing white space removed from %d lines", trailing)
	}
	if invisibles > 0 {
		ps.repair(firstInvisible, RepairInvisible, "invisible characters (zero-width spaces, soft hyphens) removed from %d lines", invisibles)
	}
	return nil
}

// invisible holds the characters that Word and web pages leave in text
// without showing them: zero-width spaces and joiners, the word joiner, a
// byte order mark inside the text, the soft hyphen. They would hide a
// section line or a citation from the parser.
const invisible = "\u200B\u200C\u200D\u2060\uFEFF\u00AD"

// hasInvisible reports whether s holds an invisible character; it looks for
// the first bytes they share (E2 80/81, EF BB, C2 AD), since most lines have
// none and strings.ContainsAny would decode every rune.
func hasInvisible(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 0xE2:
			if s[i+1] == 0x80 || s[i+1] == 0x81 {
				r, _ := utf8.DecodeRuneInString(s[i:])
				if strings.ContainsRune(invisible, r) {
					return true
				}
			}
		case 0xEF:
			if strings.HasPrefix(s[i:], "\uFEFF") {
				return true
			}
		case 0xC2:
			if s[i+1] == 0xAD {
				return true
			}
		}
	}
	return false
}

func dropInvisible(r rune) rune {
	if strings.ContainsRune(invisible, r) {
		return -1
	}
	return r
}

// looksShiftJIS reports whether data holds many two-byte Shift_JIS kana,
// which a Japanese Windows editor's "ANSI" text does and other encodings
// almost never do.
func looksShiftJIS(data []byte) bool {
	kana := 0
	for i := 0; i+1 < len(data); i++ {
		a, b := data[i], data[i+1]
		if a == 0x82 && b >= 0x9F && b <= 0xF1 || a == 0x83 && b >= 0x40 && b <= 0x96 {
			kana++
			i++
		}
	}
	return kana >= 10
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

// next returns the next line that is not blank, not a page number and not a
// running head, recording on it what it skipped.
func (ps *parser) next() (line, bool) {
	blank, broke := false, false
	for ps.pos < len(ps.src) {
		l := ps.src[ps.pos]
		ps.pos++
		switch {
		case l.kind == kBlank:
			// A form feed alone on its line still breaks the page.
			blank, broke = true, broke || l.brokeBefore
			continue
		case l.kind == kPageNum:
			ps.repair(l.no, RepairPageNumber, "page number %q dropped", l.text)
			broke = true
			continue
		case ps.inBody && ps.runningHead(l):
			ps.repair(l.no, RepairRunningHead, "running head or foot %q dropped", clip(l.text, 40))
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

// runningHead reports whether l, met after the digest's head, is a page's
// running head or foot rather than content: the title, subtitle, issuer or
// period line again, alone or with a page number ("- 3 -  在アゼルバイジャン
// 大使館"), or a short line that recurs next to page breaks (findRepeated).
func (ps *parser) runningHead(l line) bool {
	if l.kind != kText && l.kind != kEntry {
		return false
	}
	if ps.repeated[l.text] {
		return true
	}
	// Most lines are content: longer than the head's lines with a page
	// number, or without the first character of any of them.
	if len(l.text) > ps.headsLen+40 {
		return false
	}
	found := false
	for _, p := range ps.probes {
		found = found || strings.Contains(l.text, p)
	}
	if !found {
		return false
	}
	rest := strings.Join(strings.Fields(l.text), "")
	for _, h := range ps.heads {
		rest = strings.ReplaceAll(rest, h, "")
	}
	if len(rest) == len(strings.Join(strings.Fields(l.text), "")) {
		return false // nothing of the head in it
	}
	return rest == "" || isPageNumber(rest)
}

// findRepeated collects the running heads and feet that are not the head's
// own lines: short lines that stand next to a page break (a page number or a
// form feed) on three or more pages and on at least half of them, such as a
// marking (取扱注意) or "Embassy of Japan in Azerbaijan". A fragment of a
// sentence that a page break happened to cut off ("On" / "August 8, …") a few
// times is not one. Lines that start in lower case or end with a citation,
// and lines of a headline's block, are content, however often they occur.
func (ps *parser) findRepeated() {
	count := map[string]int{}
	near := func(i, step int) bool { // the next content line that way is a page break
		for j := i + step; j >= 0 && j < len(ps.src); j += step {
			switch l := ps.src[j]; {
			case l.kind == kPageNum:
				return true
			case l.kind != kBlank:
				return step > 0 && l.brokeBefore || step < 0 && ps.src[i].brokeBefore
			}
		}
		return true // the start or end of the input is a page's edge
	}
	pages := 1
	for _, l := range ps.src {
		if l.kind == kPageNum || l.brokeBefore {
			pages++
		}
	}
	for i, l := range ps.src {
		if l.kind != kText || utf8.RuneCountInString(l.text) > 80 || startsLower(l.text) ||
			strings.HasSuffix(l.text, ")") || strings.HasSuffix(l.text, "）") {
			continue
		}
		if i > 0 && ps.src[i-1].kind == kHeadline {
			continue
		}
		if near(i, -1) || near(i, 1) {
			count[l.text]++
		}
	}
	for t, n := range count {
		if n >= 3 && 2*n >= pages {
			if ps.repeated == nil {
				ps.repeated = map[string]bool{}
			}
			ps.repeated[t] = true
		}
	}
}

func (ps *parser) parse() error {
	ps.d = &digest.Digest{}
	ps.lines = &digest.Lines{}
	if ps.prof != nil {
		ps.d.Profile = ps.prof.Key
	}
	ps.findRepeated()
	if err := ps.head(); err != nil {
		return err
	}
	ps.inBody = true
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
				return digest.Errorf(after.no, "%s after the end marker %s; the end marker must be the last line", describe(after), endMarker)
			}
			return ps.check()
		case kSection:
			n := l.num
			if n == 0 { // 【内政関連】
				n = len(ps.d.Sections) + 1
			}
			if l.odd {
				ps.repair(l.no, RepairMarker, "section line written “%d. %s”", n, l.body)
			}
			ps.d.Sections = append(ps.d.Sections, digest.Section{Number: n, Key: ps.prof.SectionKey(l.body), Title: l.body})
			ps.lines.Sections = append(ps.lines.Sections, digest.SectionLines{Line: l.no})
		case kHeadline:
			if err := ps.item(l); err != nil {
				return err
			}
		default:
			s := ps.d.Sections[len(ps.d.Sections)-1]
			return digest.Errorf(l.no, "%s in section “%d. %s” before its first item; expected a headline line starting with ●", describe(l), s.Number, s.Title)
		}
	}
	return ps.check()
}

// marks are the handling marks that may stand above a digest's title.
var marks = []string{"秘", "極秘", "厳秘", "取扱注意", "部外秘", "関係者限り", "公開", "限定"}

// head reads the title, subtitle, period and issuer, up to the first section
// line.
func (ps *parser) head() error {
	var l line
	for {
		var ok bool
		if l, ok = ps.next(); !ok {
			return digest.Errorf(1, "no digest title; expected a title line such as アゼルバイジャン政治・治安情報")
		}
		if l.kind != kText || !slices.Contains(marks, strings.Trim(l.text, "【】［］[]()（）<>〈〉《》")) {
			break
		}
		ps.repair(l.no, RepairMark, "handling mark %q above the title dropped", l.text)
	}
	if l.kind != kText {
		return digest.Errorf(l.no, "%s where the digest's title was expected (a line such as アゼルバイジャン政治・治安情報)", describe(l))
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
				return digest.Errorf(l.no, "no period before the first section; expected a line such as 2026年11月14日～11月20日 after the title (line %d)", ps.lines.Title)
			}
			ps.pos-- // the body loop reads it
			ps.heads = ps.heads[:0]
			for _, h := range []string{ps.d.Title, ps.d.Subtitle, ps.d.Issuer, ps.periodText} {
				if h = strings.Join(strings.Fields(h), ""); h != "" {
					ps.heads = append(ps.heads, h)
					ps.headsLen += len(h)
					if i := strings.IndexFunc(h, unicode.IsLetter); i >= 0 {
						_, size := utf8.DecodeRuneInString(h[i:])
						ps.probes = append(ps.probes, h[i:i+size])
					}
				}
			}
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
				return digest.Errorf(l.no, "a second period line (the first is line %d); a digest covers one period", ps.lines.Period)
			}
			ps.d.Period, ps.lines.Period, ps.periodText = pr.p, l.no, l.text
			if pr.era || pr.weekday || pr.inferred || pr.odd {
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
		taken := fmt.Sprintf("line %d was read as the title", ps.lines.Title)
		if ps.lines.Issuer != 0 {
			taken += fmt.Sprintf(" and line %d as the issuer", ps.lines.Issuer)
		}
		return digest.Errorf(l.no, "cannot place %s in the digest's head (%s); expected the subtitle in parentheses, the period (such as 2026年11月14日～11月20日) or the first section line", describe(l), taken)
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
