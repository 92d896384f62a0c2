// Package digest is shuho's vocabulary: the weekly digest and its parts, the
// country profile that shapes it, and the kinds of error that every other
// package reports. It imports nothing internal, does no I/O, and every stage
// of the pipeline speaks in its types.
//
// A digest is the document an embassy's political desk sends every week: a
// title, a period, sections, and in each section items with a Japanese
// headline, an English headline and body blocks that cite their sources.
package digest

// Digest is one weekly digest.
//
// Invariants of a digest that came from a parser (and that writers rely on):
//   - Title is non-empty; no string field holds a line break;
//   - every string field is trimmed of leading and trailing white space;
//   - Sections are in document order; their numbers are kept as written,
//     whether or not they run 1, 2, 3 (lint reports a gap);
//   - a nil slice and an empty one mean the same; parsers produce nil.
type Digest struct {
	// Profile is the key of the country profile the digest belongs to
	// ("az"); empty when it is not known.
	Profile string
	// Title is the first line, e.g. "アゼルバイジャン政治・治安情報".
	Title string
	// Subtitle is the optional line in parentheses, kept with its
	// parentheses as written, e.g. "(公開情報とりまとめ)".
	Subtitle string
	// Period is the week the digest covers, both ends inclusive.
	Period Period
	// Issuer is who sends the digest, e.g. "在アゼルバイジャン大使館";
	// it may be empty.
	Issuer   string
	Sections []Section
}

// Section is one numbered section of a digest, e.g. "1. 軍事・治安関係".
type Section struct {
	// Number is the section number as written (normally 1, 2, 3 …).
	Number int
	// Key is the key of the profile section whose title (or alias) this
	// section's title matches ("security", "domestic", "foreign"), or
	// empty when it matches none.
	Key string
	// Title is the section title as written, without the number.
	Title string
	Items []Item
}

// Item is one news item: a pair of headlines and its body.
type Item struct {
	// HeadlineJA is the Japanese headline without the leading "● " and
	// without the "**" that mark emphasis.
	HeadlineJA string
	// HeadlineEN is the English headline.
	HeadlineEN string
	// Emphasis is true when the headline was wrapped in "**…**": the item
	// is shown bold in every output format.
	Emphasis bool
	// Blocks are the body blocks in order; an item normally has one to
	// three paragraphs and may have notes and lists.
	Blocks []Block
}

// Citations returns every citation of the item's blocks, in order.
func (it *Item) Citations() []Citation {
	var cs []Citation
	for _, b := range it.Blocks {
		cs = append(cs, b.Citations...)
	}
	return cs
}

// BlockKind says what a body block is.
type BlockKind string

// The kinds of body block.
const (
	// Paragraph is ordinary text.
	Paragraph BlockKind = "paragraph"
	// Note is background added by the desk, written "NOTE: …".
	Note BlockKind = "note"
	// List is a run of lines starting with "- ".
	List BlockKind = "list"
)

// Valid reports whether k is one of the known kinds.
func (k BlockKind) Valid() bool {
	return k == Paragraph || k == Note || k == List
}

// Block is one body block of an item.
//
// Text (for paragraphs and notes) and Entries (for lists) keep inline markup
// ("*…*", "**…**") as written; a note's text does not repeat "NOTE:"; neither
// contains the trailing citation, which is in Citations. A list has Entries
// and an empty Text; a paragraph or note has Text and nil Entries.
type Block struct {
	Kind      BlockKind
	Text      string
	Entries   []string
	Citations []Citation
}

// Citation is one source cited at the end of a block, as in
// "(APA / 16.11.2026)".
type Citation struct {
	// Outlet is the outlet's citation label, e.g. "APA", "REPORT.AZ".
	Outlet string
	// DateText is the date exactly as written (after full-width digits
	// were made half-width), e.g. "16.11.2026", "6.5.2026", "20.11.20266".
	DateText string
	// Date is the calendar date DateText stands for, or the zero Date
	// when DateText is not a real calendar date. It is never an invalid
	// non-zero date.
	Date Date
}

// Valid reports whether the citation's date is a real calendar date.
func (c Citation) Valid() bool { return !c.Date.IsZero() }

// IsOutletLabel reports whether s can stand as the outlet of a citation
// "(OUTLET / DD.MM.YYYY)": upper-case ASCII letters, digits, ".", "-" and
// spaces, with at least one letter ("APA", "REPORT.AZ", "OC MEDIA").
func IsOutletLabel(s string) bool {
	letter := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9', c == '.', c == '-', c == ' ':
		default:
			return false
		}
	}
	return letter
}

// Period is the span a digest covers, both ends inclusive. Its dates keep the
// numbers as written, so a period may hold a date that does not exist (lint
// reports it) but never a missing one.
type Period struct {
	From, To Date
}

// Valid reports whether both dates exist and To is not before From.
func (p Period) Valid() bool {
	return p.From.Valid() && p.To.Valid() && !p.To.Before(p.From)
}

// Contains reports whether d falls within the period.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.From) && !p.To.Before(d)
}

// Days returns the number of days the period spans, counting both ends.
func (p Period) Days() int {
	return p.To.DaysSince(p.From) + 1
}

// String formats the period as "2026-11-14..2026-11-20".
func (p Period) String() string {
	return p.From.String() + ".." + p.To.String()
}

// Lines records where the parts of a digest stood in the text it was parsed
// from, as 1-based line numbers (0 when a part was absent). It parallels the
// digest: Sections[i].Items[j].Blocks[k] describes the same block as the
// digest's Sections[i].Items[j].Blocks[k]. It is kept apart from the digest
// so that two digests compare equal whatever text they came from.
type Lines struct {
	Title, Subtitle, Period, Issuer, End int
	Sections                             []SectionLines
}

// SectionLines is where a section stood: its title line and its items.
type SectionLines struct {
	Line  int
	Items []ItemLines
}

// ItemLines is where an item stood: its Japanese headline line, its English
// headline line and its blocks.
type ItemLines struct {
	Line, LineEN int
	Blocks       []BlockLines
}

// BlockLines is the first and last line of a block; a block's citation is on
// its last line.
type BlockLines struct {
	First, Last int
}

// Item returns the lines of item j of section i, or the zero ItemLines when
// l is nil or has no such item.
func (l *Lines) Item(i, j int) ItemLines {
	if l == nil || i >= len(l.Sections) || j >= len(l.Sections[i].Items) {
		return ItemLines{}
	}
	return l.Sections[i].Items[j]
}

// Section returns the line of section i, or 0.
func (l *Lines) Section(i int) int {
	if l == nil || i >= len(l.Sections) {
		return 0
	}
	return l.Sections[i].Line
}

// Block returns the lines of block k of item j of section i, or the zero
// BlockLines.
func (l *Lines) Block(i, j, k int) BlockLines {
	it := l.Item(i, j)
	if k >= len(it.Blocks) {
		return BlockLines{}
	}
	return it.Blocks[k]
}

// Repair is one change that import made to damaged input so that it reads as
// the digest it was meant to be (a paragraph healed across a page break, a
// page number dropped, a full-width citation made half-width). Repairs are
// reported, never silent.
type Repair struct {
	// Line is the 1-based input line the repair concerns.
	Line int
	// Kind names the repair, e.g. "page-break-joined", "page-number-dropped".
	Kind string
	// Detail says in a few words what was changed.
	Detail string
}
