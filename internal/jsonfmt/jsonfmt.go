// Package jsonfmt reads and writes a digest in its JSON interchange form, as
// docs/format-json.md defines it: what `shuho convert` writes to and reads
// from a .json file, and the body of the JSON API for digests.
//
// Scripts and other tools depend on the field names, so they are spelled out
// here, in private wire structs, and not as tags on the digest model: the
// model is shared by every format and must not change shape for one of them.
//
// Encode and Decode are inverses. For every digest d that keeps the model's
// invariants (see digest.Digest), Decode(Encode(d)) is deep-equal to d. For
// every input that Decode accepts, Encode of the result succeeds, Decode reads
// it back as an equal digest, and encoding that again gives the same bytes.
package jsonfmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"shuho/internal/digest"
)

// Version is the version of the JSON form that this package writes and the
// newest it reads. It goes up only when a field is renamed or dropped or
// changes meaning; adding a field does not change it.
const Version = 1

// The wire structs fix the field names and their order, which is the order of
// the spec's example. Strings that a block may or may not have are pointers
// so that "absent" and "empty" stay apart: a paragraph always writes its
// text, even an empty one, and never writes entries.
type (
	wireDigest struct {
		Version  int           `json:"version"`
		Profile  string        `json:"profile"`
		Title    string        `json:"title"`
		Subtitle string        `json:"subtitle"`
		Period   wirePeriod    `json:"period"`
		Issuer   string        `json:"issuer"`
		Sections []wireSection `json:"sections"`
	}
	wirePeriod struct {
		From string `json:"from"`
		To   string `json:"to"`
	}
	wireSection struct {
		Number int        `json:"number"`
		Key    string     `json:"key"`
		Title  string     `json:"title"`
		Items  []wireItem `json:"items"`
	}
	wireItem struct {
		HeadlineJA string      `json:"headline_ja"`
		HeadlineEN string      `json:"headline_en"`
		Emphasis   bool        `json:"emphasis"`
		Blocks     []wireBlock `json:"blocks"`
	}
	wireBlock struct {
		Kind      string         `json:"kind"`
		Text      *string        `json:"text,omitempty"`
		Entries   *[]string      `json:"entries,omitempty"`
		Citations []wireCitation `json:"citations,omitempty"`
	}
	wireCitation struct {
		Outlet string `json:"outlet"`
		// Date is null when the date as written is not a calendar date.
		Date     *string `json:"date"`
		DateText string  `json:"date_text"`
	}
)

// Encode returns the JSON form of d: indented by two spaces, ending in a
// newline, with Japanese and the characters <, > and & written as they are.
// Every field of the spec is written, empty or not, except that a block
// writes text or entries according to its kind and leaves out citations when
// it has none. A citation with no DateText gets one made from its Date.
//
// Strings are written as given; Decode trims them. Encode refuses, with an
// error wrapping digest.ErrInvalid that names the field, what Decode would
// refuse, so that shuho never writes a file it cannot read back: a nil
// digest, a blank title, a missing period date or one that YYYY-MM-DD cannot
// hold, a negative section number, a block of unknown kind or of the wrong
// shape (a list with text, a paragraph or note with entries), invalid UTF-8
// or a line break inside a string, or a citation without an outlet, without
// any date, or whose Date is not the date its DateText stands for.
func Encode(d *digest.Digest) ([]byte, error) {
	w, err := toWire(d)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// People read this form as much as programs do, and "\u0026" for "&"
	// would only hurt them: a page that shows the JSON escapes it as it
	// escapes any text.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(w); err != nil {
		return nil, fmt.Errorf("jsonfmt: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// encodeError reports a digest that cannot be written as JSON that reads back.
func encodeError(field, msg string) error {
	if field == "" {
		return fmt.Errorf("jsonfmt: cannot encode the digest: %s: %w", msg, digest.ErrInvalid)
	}
	return fmt.Errorf("jsonfmt: cannot encode the digest: %s: %s: %w", field, msg, digest.ErrInvalid)
}

// toWire checks d against what Decode accepts while copying it into the wire
// structs, so that Encode never writes a file that shuho itself refuses.
// Paths are built only for the error, which keeps the common case cheap.
func toWire(d *digest.Digest) (*wireDigest, error) {
	if d == nil {
		return nil, encodeError("", "the digest is nil")
	}
	for _, f := range []struct{ name, s string }{
		{"profile", d.Profile}, {"title", d.Title}, {"subtitle", d.Subtitle}, {"issuer", d.Issuer},
	} {
		if msg := badString(f.s); msg != "" {
			return nil, encodeError(f.name, msg)
		}
	}
	// Decode trims, so blank is as good as empty.
	if strings.TrimSpace(d.Title) == "" {
		return nil, encodeError("title", "empty; a digest needs a title")
	}
	from, msg := isoPeriodDate(d.Period.From)
	if msg != "" {
		return nil, encodeError("period.from", msg)
	}
	to, msg := isoPeriodDate(d.Period.To)
	if msg != "" {
		return nil, encodeError("period.to", msg)
	}
	w := &wireDigest{
		Version:  Version,
		Profile:  d.Profile,
		Title:    d.Title,
		Subtitle: d.Subtitle,
		Period:   wirePeriod{From: from, To: to},
		Issuer:   d.Issuer,
		Sections: make([]wireSection, len(d.Sections)),
	}
	for i, s := range d.Sections {
		sp := func() string { return "sections[" + strconv.Itoa(i) + "]" }
		if s.Number < 0 {
			return nil, encodeError(sp()+".number", fmt.Sprintf("%d is negative", s.Number))
		}
		if msg := badString(s.Key); msg != "" {
			return nil, encodeError(sp()+".key", msg)
		}
		if msg := badString(s.Title); msg != "" {
			return nil, encodeError(sp()+".title", msg)
		}
		ws := wireSection{Number: s.Number, Key: s.Key, Title: s.Title, Items: make([]wireItem, len(s.Items))}
		for j, it := range s.Items {
			ip := func() string { return sp() + ".items[" + strconv.Itoa(j) + "]" }
			if msg := badString(it.HeadlineJA); msg != "" {
				return nil, encodeError(ip()+".headline_ja", msg)
			}
			if msg := badString(it.HeadlineEN); msg != "" {
				return nil, encodeError(ip()+".headline_en", msg)
			}
			wi := wireItem{HeadlineJA: it.HeadlineJA, HeadlineEN: it.HeadlineEN, Emphasis: it.Emphasis, Blocks: make([]wireBlock, len(it.Blocks))}
			for k, b := range it.Blocks {
				bp := func() string { return ip() + ".blocks[" + strconv.Itoa(k) + "]" }
				wb, field, msg := blockToWire(b)
				if msg != "" {
					return nil, encodeError(bp()+field, msg)
				}
				wi.Blocks[k] = wb
			}
			ws.Items[j] = wi
		}
		w.Sections[i] = ws
	}
	return w, nil
}

// blockToWire copies one block, or says what is wrong with it: the field
// below the block (".kind", ".entries[2]", ".citations[0].date") and why.
func blockToWire(b digest.Block) (wb wireBlock, field, msg string) {
	wb.Kind = string(b.Kind)
	switch b.Kind {
	case digest.Paragraph, digest.Note:
		if len(b.Entries) > 0 {
			return wb, ".entries", fmt.Sprintf("a %s has text, not entries", b.Kind)
		}
		if msg := badString(b.Text); msg != "" {
			return wb, ".text", msg
		}
		text := b.Text
		wb.Text = &text
	case digest.List:
		if b.Text != "" {
			return wb, ".text", "a list has entries, not text"
		}
		entries := b.Entries
		if entries == nil {
			entries = []string{} // "entries": [], never null
		}
		for i, e := range entries {
			if msg := badString(e); msg != "" {
				return wb, ".entries[" + strconv.Itoa(i) + "]", msg
			}
		}
		wb.Entries = &entries
	default:
		return wb, ".kind", fmt.Sprintf("%q is not a block kind; expected paragraph, note or list", b.Kind)
	}
	if len(b.Citations) > 0 {
		wb.Citations = make([]wireCitation, len(b.Citations))
	}
	for i, c := range b.Citations {
		cp := func() string { return ".citations[" + strconv.Itoa(i) + "]" }
		if msg := badString(c.Outlet); msg != "" {
			return wb, cp() + ".outlet", msg
		}
		if strings.TrimSpace(c.Outlet) == "" {
			return wb, cp() + ".outlet", "empty; a citation needs an outlet"
		}
		if !digest.IsOutletLabel(strings.TrimSpace(c.Outlet)) {
			return wb, cp() + ".outlet", fmt.Sprintf("%q cannot stand in a citation; expected upper-case letters, digits, \".\", \"-\" and spaces", c.Outlet)
		}
		if msg := badString(c.DateText); msg != "" {
			return wb, cp() + ".date_text", msg
		}
		wc := wireCitation{Outlet: c.Outlet, DateText: c.DateText}
		text := strings.TrimSpace(c.DateText) // as Decode will read it
		switch {
		case !c.Date.IsZero() && !c.Date.Valid():
			return wb, cp() + ".date", fmt.Sprintf("%s is not a calendar date; an invalid date is kept only in DateText, with a zero Date", isoString(c.Date))
		case text == "" && c.Date.IsZero():
			return wb, cp(), "a citation needs a DateText or a Date"
		case text == "":
			wc.DateText = digest.CitationDate(c.Date)
		case citationDate(text) != c.Date:
			return wb, cp() + ".date", fmt.Sprintf("Date %s disagrees with DateText %q, which stands for %s", dateOrNull(c.Date), c.DateText, dateOrNull(citationDate(text)))
		}
		if !c.Date.IsZero() {
			s := c.Date.String()
			wc.Date = &s
		}
		wb.Citations[i] = wc
	}
	return wb, "", ""
}

// isoPeriodDate formats a period's date, or says why it cannot be: a period
// may hold a day that does not exist (Decode keeps "2026-02-30" for lint to
// report), but never a missing one or one that YYYY-MM-DD cannot hold.
func isoPeriodDate(d digest.Date) (string, string) {
	if d.IsZero() {
		return "", "missing; a period needs both of its dates"
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return "", fmt.Sprintf("year %d, month %d, day %d do not fit the form YYYY-MM-DD", d.Year, int(d.Month), d.Day)
	}
	return isoString(d), ""
}

// isoString formats d as YYYY-MM-DD even when it is the zero Date, which
// digest.Date.String leaves empty.
func isoString(d digest.Date) string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// dateOrNull names a citation date in a message as the JSON would hold it.
func dateOrNull(d digest.Date) string {
	if d.IsZero() {
		return "null"
	}
	return d.String()
}

// citationDate is the date a citation's date as written stands for: the same
// reading as the text parser's, after full-width digits are made half-width.
func citationDate(text string) digest.Date {
	return digest.ParseCitationDate(halfWidthDigits(text))
}

// halfWidthDigits turns full-width digits (０-９) into ASCII, as the spec
// says date_text holds them. strings.Map returns s itself when nothing
// changes, so the usual case does not allocate.
func halfWidthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}

// hasLineBreak reports whether s holds a character that ends a line
// somewhere: LF, CR, VT, FF, NEL (U+0085), or the line and paragraph
// separators (U+2028, U+2029). The text form keeps every string on one line,
// and a reader that splits on any of them would see two. It looks at bytes
// rather than calling strings.ContainsAny, which for a set beyond ASCII
// searches once per character of the set and was half the cost of Encode.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xC2: // U+0085 is C2 85
			if i+1 < len(s) && s[i+1] == 0x85 {
				return true
			}
		case 0xE2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return true
			}
		}
	}
	return false
}

// badString says what makes s unfit for a digest's string field, or "" when
// nothing does. Invalid UTF-8 is refused rather than left to encoding/json,
// which would quietly write U+FFFD in its place. A line break at either end
// is not refused: Decode trims it, as it trims all white space there.
func badString(s string) string {
	if !utf8.ValidString(s) {
		return "not valid UTF-8"
	}
	if hasLineBreak(strings.TrimSpace(s)) {
		return "holds a line break; every string of a digest is one line"
	}
	return ""
}
