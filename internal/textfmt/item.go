package textfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
)

// rawBlock is a body block being assembled from lines.
type rawBlock struct {
	kind        digest.BlockKind
	parts       [][]string // the paragraph or note, or each list entry, as lines
	first, last int
	brokeBefore bool // a page break stood before it
	odd         bool // a bullet or note marker other than the canonical one
	b           digest.Block
}

// lastLine is the last line of the block so far.
func (r *rawBlock) lastLine() string {
	p := r.parts[len(r.parts)-1]
	return p[len(p)-1]
}

// tail is the end of the block so far: its last three lines joined, enough
// to hold a citation wrapped over lines ("(APA /" / "20.11.2026)").
func (r *rawBlock) tail() string {
	p := r.parts[len(r.parts)-1]
	if !strings.HasSuffix(p[len(p)-1], ")") && !strings.HasSuffix(p[len(p)-1], "）") && !strings.HasSuffix(p[len(p)-1], ").") {
		return p[len(p)-1]
	}
	return joinLines(p[max(0, len(p)-3):])
}

// item reads one item from its headline line h to the next headline, section
// or end marker.
func (ps *parser) item(h line) error {
	sec := len(ps.d.Sections) - 1
	it := digest.Item{}
	il := digest.ItemLines{Line: h.no}
	if h.odd {
		ps.repair(h.no, RepairMarker, "headline mark written ●")
	}
	// The Japanese headline, continued on the lines after it that hold
	// Japanese: in the same block any such line, and across a blank line or a
	// page break a line with no Latin letters (an English headline always has
	// some).
	ja := h.body
	for {
		l, ok := ps.peek()
		sameBlock := !l.blankBefore && !l.brokeBefore
		// "トカエフ" / "・カザフスタン大統領と会談": a headline wrapped before
		// a middle dot, not a list.
		dot := l.kind == kEntry && sameBlock && strings.HasPrefix(l.text, "・")
		if !ok || l.kind != kText && !dot || !hasCJK(l.text) || !sameBlock && hasLatin(l.text) {
			break
		}
		ps.next()
		ja += l.text // Japanese lines join without a space
		kind := RepairLineJoined
		if l.brokeBefore {
			kind = RepairPageBreak
		}
		ps.repair(l.no, kind, "Japanese headline continued from line %d", h.no)
	}
	if t := tightenJapanese(ja); t != ja {
		ja = t
		ps.repair(h.no, RepairLineJoined, "spaces between Japanese and digits removed from the headline")
	}
	it.HeadlineJA, it.Emphasis = cutEmphasis(ja)
	// The English headline: the next line, if it is text, continued on the
	// lines of its block that start in lower case or follow a word that
	// cannot end a headline ("… phone call with" / "President of …").
	if l, ok := ps.peek(); ok && l.kind == kText {
		ps.next()
		if !l.blankBefore {
			ps.repair(l.no, RepairHeadlinePair, "English headline read from the line after the Japanese one")
		}
		il.LineEN = l.no
		en := []string{l.text}
		for {
			c, ok := ps.peek()
			if !ok || c.blankBefore || c.brokeBefore || c.kind != kText || !(startsLower(c.text) || unfinished(en[len(en)-1])) ||
				endsWithCitation(c.text, ps.prof) { // a headline has no citation: that is the body
				break
			}
			ps.next()
			en = append(en, c.text)
			ps.repair(c.no, RepairLineJoined, "English headline continued from line %d", l.no)
		}
		var emph bool
		it.HeadlineEN, emph = cutEmphasis(joinLines(en))
		if emph && it.HeadlineEN == "" {
			// "****" alone is not an emphasised empty headline: an empty
			// one would make the first paragraph the headline once written.
			it.HeadlineEN, emph = joinLines(en), false
		}
		if emph {
			it.Emphasis = true
			ps.repair(l.no, RepairEmphasis, "emphasis on the English headline moved to the item")
		}
	}
	blocks, err := ps.body(it.HeadlineJA)
	if err != nil {
		return err
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

// body reads the lines of an item's body into raw blocks, up to the next
// headline, section line or end marker.
func (ps *parser) body(headline string) ([]*rawBlock, error) {
	var blocks []*rawBlock
	var cur *rawBlock
	for {
		l, ok := ps.peek()
		if !ok || l.kind == kHeadline || l.kind == kSection || l.kind == kEnd {
			return blocks, nil
		}
		ps.next()
		fresh := cur == nil || l.blankBefore || l.kind == kNote
		if !fresh && l.kind == kEntry && cur.kind != digest.List {
			next, _ := ps.peek()
			if dashBullet(l.text) && !endsSentence(cur.lastLine()) && !(next.kind == kEntry && !next.blankBefore) {
				// "Baku" / "- Tbilisi - Kars railway": a sentence
				// wrapped before a dash, not a list (which has more than
				// one entry).
				l.kind, l.body = kText, l.text
			} else {
				fresh = true
			}
		}
		if !fresh && l.kind == kText && !startsLower(l.text) && endsWithCitation(cur.tail(), ps.prof) {
			// A citation closes its block: what follows, even without a
			// blank line between (a Word copy without empty paragraphs),
			// is the next paragraph, unless it goes on in lower case.
			fresh = true
			ps.repair(l.no, RepairBlockSplit, "a new paragraph after the citation on line %d", cur.last)
		}
		if fresh && l.kind == kText && japaneseHeading(l.text) {
			return nil, digest.Errorf(l.no, "the Japanese line %q stands in the English body of the item “%s”; expected a section line such as “2. 内政関連”, a headline starting with ●, or English text",
				clip(l.text, 40), clip(headline, 30))
		}
		switch {
		case fresh:
			cur = &rawBlock{first: l.no, brokeBefore: l.brokeBefore, odd: l.odd}
			switch l.kind {
			case kNote:
				cur.kind = digest.Note
			case kEntry:
				cur.kind = digest.List
			default:
				cur.kind = digest.Paragraph
			}
			cur.parts = append(cur.parts, []string{l.body})
			blocks = append(blocks, cur)
		case l.kind == kEntry:
			cur.parts = append(cur.parts, []string{l.body})
			cur.odd = cur.odd || l.odd
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
	} else {
		r.b.Text = joinLines(r.parts[0])
	}
	if r.odd {
		what := "list bullets written “- ”"
		if r.kind == digest.Note {
			what = "note marker written “NOTE: ”"
		}
		ps.repair(r.first, RepairMarker, "%s", what)
	}
	if c, ok := cutCitations(*last, ps.prof); ok {
		*last = c.rest
		r.b.Citations = c.cits
		for _, f := range c.fixes {
			ps.repair(r.last, RepairCitation, "%s", f)
		}
	}
}

// heal joins blocks that a page break cut apart: a block without a citation
// and a following paragraph that starts in lower case, or that follows a page
// break while the first ends mid-sentence (for a list, whose entries seldom
// end with a full stop, on a word such as "for" or "of"); and a citation left
// alone by a page break goes back to the block before it.
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
			if len(a.b.Citations) == 0 && a.kind == digest.List && b.kind == digest.List && b.brokeBefore {
				// A list that a page break cut in two.
				flush()
				a.b.Entries = append(a.b.Entries, b.b.Entries...)
				a.b.Citations = b.b.Citations
				a.last = b.last
				tail = []string{a.b.Entries[len(a.b.Entries)-1]}
				ps.repair(b.first, RepairPageBreak, "list continued across a page break from line %d", a.first)
				continue
			}
			last := tail[len(tail)-1]
			midSentence := b.brokeBefore && b.b.Text != "" &&
				(a.kind != digest.List && !endsSentence(last) || a.kind == digest.List && unfinished(last))
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
// except between Japanese characters and after a hyphen that ends a line
// inside a word ("Kassym-" / "Jomart").
func joinLines(lines []string) string {
	if len(lines) == 1 {
		return lines[0]
	}
	var b strings.Builder
	for _, l := range lines {
		if b.Len() > 0 && l != "" {
			prev := b.String()
			last, _ := utf8.DecodeLastRuneInString(prev)
			first, _ := utf8.DecodeRuneInString(l)
			cjk := isCJK(last) && isCJK(first)
			before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-utf8.RuneLen(last)])
			hyphen := last == '-' && (unicode.IsLetter(first) || unicode.IsDigit(first)) && (unicode.IsLetter(before) || unicode.IsDigit(before))
			if !cjk && !hyphen {
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

// endsSentence reports whether s ends as a sentence, a quotation or a lead-in
// to a list does.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;\"'”’)]」』。！？…*", r) // "*" closes an italic quotation
}

// unfinished reports whether an English headline line cannot end where it
// does: after a comma, a dash or a word such as "with", "of", "and".
func unfinished(s string) bool {
	if r, _ := utf8.DecodeLastRuneInString(s); r == ',' || r == '-' || r == '–' || r == '&' {
		return true
	}
	word := strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])
	switch word {
	case "with", "of", "in", "on", "at", "to", "for", "and", "or", "the", "a", "an", "by", "from", "as",
		"after", "over", "into", "between", "amid", "against", "about", "its", "his", "her", "their", "new":
		return true
	}
	return false
}

// dashBullet reports whether a list entry's line starts with a dash, which a
// sentence wrapped before "- Tbilisi" also does.
func dashBullet(s string) bool {
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "–")
}

// endsWithCitation reports whether a line ends with a citation.
func endsWithCitation(s string, p *digest.Profile) bool {
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") && !strings.HasSuffix(s, ").") && !strings.HasSuffix(s, ")。") {
		return false
	}
	_, ok := cutCitations(s, p)
	return ok
}

// japaneseHeading reports whether s looks like a heading in Japanese (short,
// no Latin letters, not a sentence): in an English body, a section line or a
// headline that the parser did not recognise.
func japaneseHeading(s string) bool {
	return len(s) <= 4*40 && utf8.RuneCountInString(s) <= 40 && hasCJK(s) && !hasLatin(s) && !strings.HasSuffix(s, "。")
}

func hasLatin(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x80 && unicode.IsLetter(r) || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
	})
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

// tightenJapanese removes the spaces that copying out of a PDF puts between
// Japanese and digits ("2027 年", "記者 2 名"), which Japanese never has.
func tightenJapanese(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) {
			a, b := rs[i-1], rs[i+1]
			if isCJK(a) && isDigitRune(b) || isDigitRune(a) && isCJK(b) {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }
