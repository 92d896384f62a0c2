package jsonfmt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"shuho/internal/digest"
	"shuho/internal/jsonloc"
)

// Decode reads a digest in the JSON form.
//
// Every error is a *digest.ParseError with the line and column where the
// fault lies (only an input over digest.MaxInput, refused before it is
// read, has none), the path of the field at fault, such as
// "sections[0].items[2].blocks[1].kind" ("" for the document as a whole),
// and a message that says what is wrong and what was expected. Its kind is
// digest.ErrInvalid, except digest.ErrTooLarge for an input over
// digest.MaxInput and digest.ErrUnsupported for a version newer than
// Version. A missing field is placed where the object that lacks it begins.
//
// What it reads:
//   - one JSON object, in UTF-8 (a leading byte order mark is skipped);
//   - fields it does not know are ignored, as the spec lets writers add
//     fields freely; a field that is null reads as one that is absent;
//   - version, when absent, is 1;
//   - required: title (not empty), period.from and period.to (YYYY-MM-DD,
//     kept as written even when no such day exists, for lint to report),
//     each section's number (0 or more), each block's kind, a paragraph's
//     or note's text and a list's entries (either may be empty: the text
//     form cannot hold such a block, but the model can), and each
//     citation's outlet and one of date_text or date;
//   - everything else, when absent, is the zero value;
//   - strings are trimmed of surrounding white space and must then be one
//     line;
//   - a citation's date_text has its full-width digits made half-width; its
//     Date is the date that date_text stands for, and a date given beside it
//     must be that date, or null when date_text is not a calendar date;
//   - empty and absent arrays both read as nil slices, as parsers produce.
func Decode(data []byte) (*digest.Digest, error) {
	if len(data) > digest.MaxInput {
		return nil, &digest.ParseError{
			Msg: fmt.Sprintf("the input is %d bytes, over the %d bytes (%d MB) that shuho reads; a digest is far smaller", len(data), digest.MaxInput, digest.MaxInput>>20),
			Err: digest.ErrTooLarge,
		}
	}
	// Windows editors write a byte order mark that JSON does not allow;
	// skipping it also keeps columns on the first line as editors count
	// them.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dc := &decoder{data: data}
	if skipSpace(data, 0) == len(data) {
		return nil, dc.failAt(len(data), "", "empty input; expected a digest: a JSON object such as {\"version\": 1, \"title\": …}")
	}
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD; a digest
	// saved in Shift_JIS would then read as a string of replacement
	// characters instead of being refused.
	if off := invalidUTF8(data); off >= 0 {
		return nil, dc.failAt(off, jsonloc.StringAt(data, off), fmt.Sprintf("invalid UTF-8 (byte 0x%02X); a digest must be saved as UTF-8, not Shift_JIS or another encoding", data[off]))
	}
	root, err := dc.parse()
	if err != nil {
		return nil, err
	}
	return dc.digest(root)
}

// decoder holds the input so that an error can be placed in it.
type decoder struct {
	data []byte
}

// failAt returns an error at the byte offset off.
func (dc *decoder) failAt(off int, field, msg string) *digest.ParseError {
	line, col := jsonloc.Position(dc.data, off)
	return &digest.ParseError{Line: line, Column: col, Field: field, Msg: msg}
}

// fail returns an error at the value of field, or, when the field is
// absent, at the object that lacks it.
func (dc *decoder) fail(field, format string, args ...any) *digest.ParseError {
	line, col := jsonloc.Locate(dc.data, field)
	return &digest.ParseError{Line: line, Column: col, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// parse reads the JSON value into the generic tree that encoding/json makes,
// with numbers kept as written: checking that tree, rather than decoding
// into structs, lets every wrong type be reported with its full path.
func (dc *decoder) parse() (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(dc.data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			// Offset counts the byte at fault: the error is one before.
			return nil, dc.failAt(max(int(se.Offset)-1, 0), "", "not valid JSON: "+se.Error())
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, dc.failAt(len(dc.data), "", "the JSON ends before the digest does: an object, array or string is not closed")
		default:
			return nil, dc.failAt(int(dec.InputOffset()), "", "not valid JSON: "+err.Error())
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, dc.fail("", "expected a digest: a JSON object {…}, found %s", describe(v))
	}
	if off := skipSpace(dc.data, int(dec.InputOffset())); off < len(dc.data) {
		return nil, dc.failAt(off, "", "unexpected data after the digest's closing }; a file holds one digest, one JSON object")
	}
	return m, nil
}

// object is a JSON object and its path, for naming its members in errors.
type object struct {
	m    map[string]any
	path string
}

// field returns the path of the member name.
func (o object) field(name string) string {
	if o.path == "" {
		return name
	}
	return o.path + "." + name
}

// get returns the member name; a null member counts as absent.
func (o object) get(name string) (any, bool) {
	v, ok := o.m[name]
	return v, ok && v != nil
}

// asObject checks that v, at path, is an object.
func (dc *decoder) asObject(v any, path, what string) (object, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return object{}, dc.fail(path, "expected %s (an object {…}), found %s", what, describe(v))
	}
	return object{m, path}, nil
}

// str returns the trimmed string member name and whether it was there.
func (dc *decoder) str(o object, name string) (string, bool, error) {
	v, ok := o.get(name)
	if !ok {
		return "", false, nil
	}
	s, isStr := v.(string)
	if !isStr {
		return "", false, dc.fail(o.field(name), "expected a string, found %s", describe(v))
	}
	return strings.TrimSpace(s), true, nil
}

// line returns the trimmed string member name and whether it was there, as
// str does, refusing a line break inside it; hint says what to do instead.
func (dc *decoder) line(o object, name, hint string) (string, bool, error) {
	s, ok, err := dc.str(o, name)
	if err == nil && hasLineBreak(s) {
		err = dc.fail(o.field(name), "holds a line break; %s", hint)
	}
	return s, ok, err
}

// array returns the array member name, nil when absent.
func (dc *decoder) array(o object, name, what string) ([]any, error) {
	v, ok := o.get(name)
	if !ok {
		return nil, nil
	}
	a, isArr := v.([]any)
	if !isArr {
		return nil, dc.fail(o.field(name), "expected %s (an array […]), found %s", what, describe(v))
	}
	return a, nil
}

// integer returns the whole-number member name and whether it was there.
func (dc *decoder) integer(o object, name string) (int, bool, error) {
	v, ok := o.get(name)
	if !ok {
		return 0, false, nil
	}
	n, isNum := v.(json.Number)
	if !isNum {
		return 0, false, dc.fail(o.field(name), "expected a whole number, found %s", describe(v))
	}
	i, err := strconv.Atoi(string(n))
	if err != nil {
		return 0, false, dc.fail(o.field(name), "%s is not a whole number that shuho can hold; expected one such as 1", n)
	}
	return i, true, nil
}

// The hints that follow "holds a line break; ".
const (
	oneLine      = "it must be one line"
	oneLineHead  = "a headline is one line in the text form: remove the line break"
	oneLineText  = "the text form keeps a block on one line: split it into two blocks"
	oneLineEntry = "the text form keeps an entry on one line: split it into two entries"
	oneLineCite  = "a citation is written on one line"
)

// digest checks the top-level object and everything below it.
func (dc *decoder) digest(m map[string]any) (*digest.Digest, error) {
	top := object{m, ""}
	// The version comes first: a newer document may differ anywhere, and
	// "too new" is the error that tells the user what to do.
	if v, ok := top.get("version"); ok {
		if err := dc.version(v); err != nil {
			return nil, err
		}
	}
	d := &digest.Digest{}
	var err error
	if d.Profile, _, err = dc.line(top, "profile", oneLine); err != nil {
		return nil, err
	}
	title, ok, err := dc.line(top, "title", oneLine)
	if err != nil {
		return nil, err
	}
	if title == "" {
		return nil, dc.fail("title", "%s; a digest needs a title, such as \"アゼルバイジャン政治・治安情報\"", missingOrEmpty(ok))
	}
	d.Title = title
	if d.Subtitle, _, err = dc.line(top, "subtitle", oneLine); err != nil {
		return nil, err
	}
	if d.Period, err = dc.period(top); err != nil {
		return nil, err
	}
	if d.Issuer, _, err = dc.line(top, "issuer", oneLine); err != nil {
		return nil, err
	}
	sections, err := dc.array(top, "sections", "the sections")
	if err != nil {
		return nil, err
	}
	if len(sections) > 0 {
		d.Sections = make([]digest.Section, len(sections))
	}
	for i, v := range sections {
		if d.Sections[i], err = dc.section(v, "sections["+strconv.Itoa(i)+"]"); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// version checks the document's version against what this package reads.
func (dc *decoder) version(v any) error {
	n, ok := v.(json.Number)
	if !ok {
		return dc.fail("version", "expected a whole number (%d), found %s", Version, describe(v))
	}
	ver, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) && n[0] != '-' {
			ver = Version + 1 // a whole number too large to hold is newer still
		} else {
			return dc.fail("version", "%s is not a version; expected %d", n, Version)
		}
	}
	if ver > Version {
		pe := dc.fail("version", "version %s is newer than this shuho reads (%d)", n, Version)
		pe.Err = fmt.Errorf("JSON digest version %s: %w", n, digest.ErrUnsupported)
		return pe
	}
	if ver < 1 {
		return dc.fail("version", "%s is not a version; expected %d", n, Version)
	}
	return nil
}

// period reads the period, both of whose dates are required.
func (dc *decoder) period(top object) (digest.Period, error) {
	v, ok := top.get("period")
	if !ok {
		return digest.Period{}, dc.fail("period", `missing; expected {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}, the first and last day the digest covers`)
	}
	o, err := dc.asObject(v, "period", "the period")
	if err != nil {
		return digest.Period{}, err
	}
	var p digest.Period
	for _, end := range []struct {
		name string
		date *digest.Date
	}{{"from", &p.From}, {"to", &p.To}} {
		s, ok, err := dc.str(o, end.name)
		if err != nil {
			return p, err
		}
		if s == "" {
			return p, dc.fail(o.field(end.name), "%s; expected a date of the form YYYY-MM-DD, such as 2026-11-14", missingOrEmpty(ok))
		}
		date, perr := digest.ParseISODate(s)
		if perr != nil {
			return p, dc.fail(o.field(end.name), "%q is not a date of the form YYYY-MM-DD, such as 2026-11-14", s)
		}
		if date.IsZero() {
			return p, dc.fail(o.field(end.name), "%s is no date; expected one such as 2026-11-14", s)
		}
		*end.date = date
	}
	return p, nil
}

// section reads one section at path.
func (dc *decoder) section(v any, path string) (digest.Section, error) {
	var s digest.Section
	o, err := dc.asObject(v, path, "a section")
	if err != nil {
		return s, err
	}
	n, ok, err := dc.integer(o, "number")
	if err != nil {
		return s, err
	}
	if !ok {
		return s, dc.fail(o.field("number"), "missing; expected the section's number as the text form writes it (1, 2, 3, …)")
	}
	if n < 0 {
		return s, dc.fail(o.field("number"), "%d is negative; expected the section's number as the text form writes it (1, 2, 3, …)", n)
	}
	s.Number = n
	if s.Key, _, err = dc.line(o, "key", oneLine); err != nil {
		return s, err
	}
	if s.Title, _, err = dc.line(o, "title", oneLine); err != nil {
		return s, err
	}
	items, err := dc.array(o, "items", "the section's items")
	if err != nil {
		return s, err
	}
	if len(items) > 0 {
		s.Items = make([]digest.Item, len(items))
	}
	for j, v := range items {
		if s.Items[j], err = dc.item(v, path+".items["+strconv.Itoa(j)+"]"); err != nil {
			return s, err
		}
	}
	return s, nil
}

// item reads one item at path.
func (dc *decoder) item(v any, path string) (digest.Item, error) {
	var it digest.Item
	o, err := dc.asObject(v, path, "an item")
	if err != nil {
		return it, err
	}
	if it.HeadlineJA, _, err = dc.line(o, "headline_ja", oneLineHead); err != nil {
		return it, err
	}
	if it.HeadlineEN, _, err = dc.line(o, "headline_en", oneLineHead); err != nil {
		return it, err
	}
	if e, ok := o.get("emphasis"); ok {
		b, isBool := e.(bool)
		if !isBool {
			return it, dc.fail(o.field("emphasis"), "expected true or false, found %s", describe(e))
		}
		it.Emphasis = b
	}
	blocks, err := dc.array(o, "blocks", "the item's blocks")
	if err != nil {
		return it, err
	}
	if len(blocks) > 0 {
		it.Blocks = make([]digest.Block, len(blocks))
	}
	for k, v := range blocks {
		if it.Blocks[k], err = dc.block(v, path+".blocks["+strconv.Itoa(k)+"]"); err != nil {
			return it, err
		}
	}
	return it, nil
}

// block reads one body block at path.
func (dc *decoder) block(v any, path string) (digest.Block, error) {
	var b digest.Block
	o, err := dc.asObject(v, path, "a block")
	if err != nil {
		return b, err
	}
	kind, ok, err := dc.str(o, "kind")
	if err != nil {
		return b, err
	}
	if !ok {
		return b, dc.fail(o.field("kind"), "missing; expected paragraph, note or list")
	}
	b.Kind = digest.BlockKind(kind)
	if !b.Kind.Valid() {
		return b, dc.fail(o.field("kind"), "%q is not a block kind; expected paragraph, note or list", kind)
	}
	text, hasText, err := dc.line(o, "text", oneLineText)
	if err != nil {
		return b, err
	}
	entries, err := dc.array(o, "entries", "entries")
	if err != nil {
		return b, err
	}
	_, hasEntries := o.get("entries")
	if b.Kind == digest.List {
		// An empty text beside entries says nothing that is lost, so a
		// writer that puts every field on every block is still read.
		if text != "" {
			return b, dc.fail(o.field("text"), "a list has entries, not text; make the block a paragraph, or move the text into entries")
		}
		if !hasEntries {
			return b, dc.fail(o.field("entries"), "missing; a list needs its entries, an array of strings")
		}
		if len(entries) > 0 {
			b.Entries = make([]string, len(entries))
		}
		for i, e := range entries {
			ep := o.field("entries") + "[" + strconv.Itoa(i) + "]"
			s, isStr := e.(string)
			if !isStr {
				return b, dc.fail(ep, "expected a string, found %s", describe(e))
			}
			s = strings.TrimSpace(s)
			if hasLineBreak(s) {
				return b, dc.fail(ep, "holds a line break; %s", oneLineEntry)
			}
			b.Entries[i] = s
		}
	} else {
		if len(entries) > 0 {
			return b, dc.fail(o.field("entries"), "a %s has text, not entries; make the block a list, or move the entries into text", b.Kind)
		}
		if !hasText {
			return b, dc.fail(o.field("text"), "missing; a %s needs its text, a string", b.Kind)
		}
		b.Text = text
	}
	cites, err := dc.array(o, "citations", "the block's citations")
	if err != nil {
		return b, err
	}
	if len(cites) > 0 {
		b.Citations = make([]digest.Citation, len(cites))
	}
	for i, v := range cites {
		if b.Citations[i], err = dc.citation(v, path+".citations["+strconv.Itoa(i)+"]"); err != nil {
			return b, err
		}
	}
	return b, nil
}

// citation reads one citation at path. DateText is the primary datum, as in
// the text form; date is derived from it and, when given, checked against it.
func (dc *decoder) citation(v any, path string) (digest.Citation, error) {
	var c digest.Citation
	o, err := dc.asObject(v, path, "a citation")
	if err != nil {
		return c, err
	}
	outlet, ok, err := dc.line(o, "outlet", oneLineCite)
	if err != nil {
		return c, err
	}
	if outlet == "" {
		return c, dc.fail(o.field("outlet"), "%s; a citation needs an outlet, such as \"APA\"", missingOrEmpty(ok))
	}
	if !digest.IsOutletLabel(outlet) {
		return c, dc.fail(o.field("outlet"), "%q cannot stand in a citation; expected upper-case letters, digits, \".\", \"-\" and spaces, such as \"REPORT.AZ\"", outlet)
	}
	c.Outlet = outlet
	text, _, err := dc.line(o, "date_text", oneLineCite)
	if err != nil {
		return c, err
	}
	text = halfWidthDigits(text)
	iso, _, err := dc.str(o, "date")
	if err != nil {
		return c, err
	}
	if text == "" && iso == "" {
		return c, dc.fail(path, "a citation needs date_text (the date as written, such as 16.11.2026) or date (such as 2026-11-16)")
	}
	if text != "" && !digest.IsCitationDateText(text) {
		// Refused at the door: no form of the digest could write it back.
		return c, dc.fail(o.field("date_text"), "%q cannot stand as a citation's date; expected the date as written, such as 16.11.2026", text)
	}
	if iso == "" {
		c.DateText, c.Date = text, digest.ParseCitationDate(text)
		return c, nil
	}
	date, perr := digest.ParseISODate(iso)
	if perr != nil {
		return c, dc.fail(o.field("date"), "%q is not a date of the form YYYY-MM-DD, such as 2026-11-16; a date as written goes in date_text", iso)
	}
	if !date.Valid() {
		return c, dc.fail(o.field("date"), "%s is not a calendar date; keep the date as written in date_text and set date to null", iso)
	}
	if text == "" {
		c.DateText, c.Date = digest.CitationDate(date), date
		return c, nil
	}
	written := digest.ParseCitationDate(text)
	if written.IsZero() {
		return c, dc.fail(o.field("date"), "date is %s but date_text %q is not a calendar date; set date to null, or correct date_text", iso, text)
	}
	if written != date {
		return c, dc.fail(o.field("date"), "date %s and date_text %q disagree: date_text stands for %s", iso, text, written)
	}
	c.DateText, c.Date = text, date
	return c, nil
}

// missingOrEmpty says which of the two a required string was.
func missingOrEmpty(present bool) string {
	if present {
		return "empty"
	}
	return "missing"
}

// describe names the JSON type of v for "found …" in a message.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case json.Number:
		return "the number " + string(v)
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space.
func skipSpace(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n':
			off++
		default:
			return off
		}
	}
	return off
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size == 1 {
			return off
		}
		off += size
	}
	return -1
}
