package jsonfmt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
)

// base is a valid digest that the error cases below each break in one place,
// so that each error can only come from the check it is about. Its line
// numbers are what the cases expect.
const base = `{
  "version": 1,
  "profile": "az",
  "title": "アゼルバイジャン政治・治安情報",
  "subtitle": "(公開情報とりまとめ)",
  "period": {"from": "2026-11-14", "to": "2026-11-20"},
  "issuer": "在アゼルバイジャン大使館",
  "sections": [
    {
      "number": 1,
      "key": "security",
      "title": "軍事・治安関係",
      "items": [
        {
          "headline_ja": "ハサノフ国防相、トルコ国防相と会談",
          "headline_en": "Defense Minister meets Turkish counterpart",
          "emphasis": false,
          "blocks": [
            {"kind": "paragraph", "text": "On November 16, the ministers met."},
            {"kind": "note", "text": "Background.",
             "citations": [{"outlet": "APA", "date": "2026-11-16", "date_text": "16.11.2026"}]},
            {"kind": "list", "entries": ["one", "two"],
             "citations": [{"outlet": "TREND", "date": null, "date_text": "20.11.20266"}]}
          ]
        }
      ]
    }
  ]
}
`

// baseDigest is base as a digest.
func baseDigest() *digest.Digest {
	return &digest.Digest{
		Profile:  "az",
		Title:    "アゼルバイジャン政治・治安情報",
		Subtitle: "(公開情報とりまとめ)",
		Period:   digest.Period{From: digest.NewDate(2026, 11, 14), To: digest.NewDate(2026, 11, 20)},
		Issuer:   "在アゼルバイジャン大使館",
		Sections: []digest.Section{{Number: 1, Key: "security", Title: "軍事・治安関係", Items: []digest.Item{{
			HeadlineJA: "ハサノフ国防相、トルコ国防相と会談",
			HeadlineEN: "Defense Minister meets Turkish counterpart",
			Blocks: []digest.Block{
				{Kind: digest.Paragraph, Text: "On November 16, the ministers met."},
				{Kind: digest.Note, Text: "Background.",
					Citations: []digest.Citation{{Outlet: "APA", DateText: "16.11.2026", Date: digest.NewDate(2026, 11, 16)}}},
				{Kind: digest.List, Entries: []string{"one", "two"},
					Citations: []digest.Citation{{Outlet: "TREND", DateText: "20.11.20266"}}},
			},
		}}}},
	}
}

// edit returns base with its one occurrence of old replaced by new; a test
// whose old is not in base (or is there twice) fails rather than testing
// base unchanged.
func edit(t testing.TB, old, new string) string {
	t.Helper()
	if n := strings.Count(base, old); n != 1 {
		t.Fatalf("edit: %q occurs %d times in base, want once", old, n)
	}
	return strings.Replace(base, old, new, 1)
}

const (
	block0 = "sections[0].items[0].blocks[0]"
	block1 = "sections[0].items[0].blocks[1]"
	block2 = "sections[0].items[0].blocks[2]"
	cite1  = block1 + ".citations[0]"
	cite2  = block2 + ".citations[0]"
)

// decodeErrorCases are inputs Decode must refuse: each breaks one rule.
// Either in is the whole input, or old in base is replaced by new.
var decodeErrorCases = []struct {
	name     string
	in       string
	old, new string
	line     int
	field    string
	msg      string // a fragment of the message
	kind     error
}{
	// The input as a whole.
	{name: "too large", in: "{" + strings.Repeat(" ", digest.MaxInput) + "}", line: 0, msg: "over the 20971520 bytes", kind: digest.ErrTooLarge},
	{name: "empty", in: "", line: 1, msg: "empty input"},
	{name: "only white space", in: " \n\t\n", line: 3, msg: "empty input"},
	{name: "Shift_JIS in a string", old: "会談", new: "\x89\xEF\x92\x6B", line: 15, field: "sections[0].items[0].headline_ja", msg: "invalid UTF-8 (byte 0x89)"},
	{name: "invalid UTF-8 in a name", old: `"emphasis"`, new: "\"emph\xffasis\"", line: 17, msg: "invalid UTF-8 (byte 0xFF)"},
	{name: "syntax error", old: `"emphasis": false,`, new: `"emphasis": false,,`, line: 17, msg: "not valid JSON: invalid character ','"},
	{name: "missing comma", old: `"issuer": "在アゼルバイジャン大使館",`, new: `"issuer": "在アゼルバイジャン大使館"`, line: 8, msg: "not valid JSON: invalid character '\"' after object key:value pair"},
	{name: "truncated", in: base[:strings.Index(base, `"blocks"`)], line: 18, msg: "ends before the digest does"},
	{name: "trailing data", old: "  ]\n}\n", new: "  ]\n}\n{}\n", line: 30, msg: "unexpected data after the digest"},
	{name: "trailing brace", old: "  ]\n}\n", new: "  ]\n}}\n", line: 29, msg: "unexpected data after the digest"},
	{name: "not an object", in: "\n[" + base + "]", line: 2, msg: "expected a digest: a JSON object {…}, found an array"},

	// The version.
	{name: "version 2", old: `"version": 1`, new: `"version": 2`, line: 2, field: "version", msg: "version 2 is newer than this shuho reads (1)", kind: digest.ErrUnsupported},
	{name: "version too large to hold", old: `"version": 1`, new: `"version": 100000000000000000000`, line: 2, field: "version", msg: "is newer than this shuho reads", kind: digest.ErrUnsupported},
	{name: "version 0", old: `"version": 1`, new: `"version": 0`, line: 2, field: "version", msg: "0 is not a version; expected 1"},
	{name: "version negative", old: `"version": 1`, new: `"version": -1`, line: 2, field: "version", msg: "-1 is not a version"},
	{name: "version fraction", old: `"version": 1`, new: `"version": 1.5`, line: 2, field: "version", msg: "1.5 is not a version"},
	{name: "version string", old: `"version": 1`, new: `"version": "1"`, line: 2, field: "version", msg: "expected a whole number (1), found a string"},

	// Title and period.
	{name: "title missing", old: "  \"title\": \"アゼルバイジャン政治・治安情報\",\n", new: "", line: 1, field: "title", msg: "missing; a digest needs a title"},
	{name: "title blank", old: `"アゼルバイジャン政治・治安情報"`, new: `" \t\u3000"`, line: 4, field: "title", msg: "empty; a digest needs a title"},
	{name: "title wrong type", old: `"アゼルバイジャン政治・治安情報"`, new: `["アゼルバイジャン"]`, line: 4, field: "title", msg: "expected a string, found an array"},
	{name: "line break in title", old: `"アゼルバイジャン政治・治安情報"`, new: `"アゼルバイジャン\n政治・治安情報"`, line: 4, field: "title", msg: "holds a line break"},
	{name: "line break in subtitle", old: `"(公開情報とりまとめ)"`, new: `"(公開情報\r\nとりまとめ)"`, line: 5, field: "subtitle", msg: "holds a line break"},
	{name: "period missing", old: "  \"period\": {\"from\": \"2026-11-14\", \"to\": \"2026-11-20\"},\n", new: "", line: 1, field: "period", msg: `missing; expected {"from": "YYYY-MM-DD"`},
	{name: "period wrong type", old: `{"from": "2026-11-14", "to": "2026-11-20"}`, new: `"2026-11-14..2026-11-20"`, line: 6, field: "period", msg: "expected the period (an object {…}), found a string"},
	{name: "period.from missing", old: `"from": "2026-11-14", `, new: ``, line: 6, field: "period.from", msg: "missing; expected a date of the form YYYY-MM-DD"},
	{name: "period.to null", old: `"to": "2026-11-20"`, new: `"to": null`, line: 6, field: "period.to", msg: "missing; expected a date"},
	{name: "period.from not ISO", old: `"2026-11-14"`, new: `"14.11.2026"`, line: 6, field: "period.from", msg: `"14.11.2026" is not a date of the form YYYY-MM-DD`},
	{name: "period.to empty", old: `"2026-11-20"`, new: `""`, line: 6, field: "period.to", msg: "empty; expected a date"},
	{name: "period.to zero", old: `"2026-11-20"`, new: `"0000-00-00"`, line: 6, field: "period.to", msg: "0000-00-00 is no date"},

	// Sections, items and their types.
	{name: "sections not an array", old: `"sections": [`, new: `"sections": "none", "s": [`, line: 8, field: "sections", msg: "expected the sections (an array […]), found a string"},
	{name: "section not an object", old: "\"sections\": [\n", new: "\"sections\": [\"1. 軍事\",\n", line: 8, field: "sections[0]", msg: "expected a section (an object {…}), found a string"},
	{name: "number missing", old: "      \"number\": 1,\n", new: "", line: 9, field: "sections[0].number", msg: "missing; expected the section's number"},
	{name: "number negative", old: `"number": 1`, new: `"number": -2`, line: 10, field: "sections[0].number", msg: "-2 is negative"},
	{name: "number a string", old: `"number": 1`, new: `"number": "1"`, line: 10, field: "sections[0].number", msg: "expected a whole number, found a string"},
	{name: "number a fraction", old: `"number": 1`, new: `"number": 1.5`, line: 10, field: "sections[0].number", msg: "1.5 is not a whole number"},
	{name: "item not an object", old: `"items": [`, new: `"items": [7, `, line: 13, field: "sections[0].items[0]", msg: "expected an item (an object {…}), found the number 7"},
	{name: "emphasis a string", old: `"emphasis": false`, new: `"emphasis": "no"`, line: 17, field: "sections[0].items[0].emphasis", msg: "expected true or false, found a string"},
	{name: "line break in headline", old: `"ハサノフ国防相、トルコ国防相と会談"`, new: `"ハサノフ国防相、\nトルコ国防相と会談"`, line: 15, field: "sections[0].items[0].headline_ja", msg: "a headline is one line"},
	{name: "U+2028 in headline", old: `"Defense Minister meets Turkish counterpart"`, new: "\"Defense Minister\u2028meets Turkish counterpart\"", line: 16, field: "sections[0].items[0].headline_en", msg: "a headline is one line"},
	{name: "blocks an object", old: "\"blocks\": [\n", new: "\"blocks\": 3, \"b\": [\n", line: 18, field: "sections[0].items[0].blocks", msg: "expected the item's blocks (an array […]), found the number 3"},

	// Blocks.
	{name: "kind missing", old: `{"kind": "paragraph", "text"`, new: `{"text"`, line: 19, field: block0 + ".kind", msg: "missing; expected paragraph, note or list"},
	{name: "kind unknown", old: `"kind": "paragraph"`, new: `"kind": "quote"`, line: 19, field: block0 + ".kind", msg: `"quote" is not a block kind; expected paragraph, note or list`},
	{name: "kind wrong type", old: `"kind": "paragraph"`, new: `"kind": 1`, line: 19, field: block0 + ".kind", msg: "expected a string, found the number 1"},
	{name: "list with text", old: `{"kind": "list", "entries"`, new: `{"kind": "list", "text": "Meetings:", "entries"`, line: 22, field: block2 + ".text", msg: "a list has entries, not text"},
	{name: "paragraph with entries", old: `"text": "Background.",`, new: `"text": "Background.", "entries": ["x"],`, line: 20, field: block1 + ".entries", msg: "a note has text, not entries"},
	{name: "paragraph without text", old: `, "text": "On November 16, the ministers met."`, new: ``, line: 19, field: block0 + ".text", msg: "missing; a paragraph needs its text"},
	{name: "list without entries", old: `"entries": ["one", "two"],`, new: ``, line: 22, field: block2 + ".entries", msg: "missing; a list needs its entries"},
	{name: "entries a string", old: `["one", "two"]`, new: `"one, two"`, line: 22, field: block2 + ".entries", msg: "expected entries (an array […]), found a string"},
	{name: "entry not a string", old: `["one", "two"]`, new: `["one", 2]`, line: 22, field: block2 + ".entries[1]", msg: "expected a string, found the number 2"},
	{name: "line break in text", old: `"On November 16, the ministers met."`, new: `"On November 16,\nthe ministers met."`, line: 19, field: block0 + ".text", msg: "split it into two blocks"},
	{name: "line break in entry", old: `"two"`, new: `"two\nthree"`, line: 22, field: block2 + ".entries[1]", msg: "split it into two entries"},
	{name: "citations an object", old: `"citations": [{"outlet": "APA"`, new: `"citations": {"outlet": "APA"}, "c": [{"outlet": "APA"`, line: 21, field: block1 + ".citations", msg: "expected the block's citations (an array […]), found an object"},
	{name: "citation a string", old: `[{"outlet": "APA", "date": "2026-11-16", "date_text": "16.11.2026"}]`, new: `["APA / 16.11.2026"]`, line: 21, field: cite1, msg: "expected a citation (an object {…}), found a string"},

	// Citations.
	{name: "outlet missing", old: `"outlet": "APA", `, new: ``, line: 21, field: cite1 + ".outlet", msg: "missing; a citation needs an outlet"},
	{name: "outlet empty", old: `"outlet": "APA"`, new: `"outlet": " "`, line: 21, field: cite1 + ".outlet", msg: "empty; a citation needs an outlet"},
	{name: "outlet wrong type", old: `"outlet": "APA"`, new: `"outlet": false`, line: 21, field: cite1 + ".outlet", msg: "expected a string, found false"},
	{name: "outlet not a label", old: `"outlet": "APA"`, new: `"outlet": "Apa (web)"`, line: 21, field: cite1 + ".outlet", msg: `"Apa (web)" cannot stand in a citation`},
	{name: "no date at all", old: `"date": "2026-11-16", "date_text": "16.11.2026"`, new: `"date": null, "date_text": ""`, line: 21, field: cite1, msg: "a citation needs date_text (the date as written, such as 16.11.2026) or date"},
	{name: "date not ISO", old: `"date": "2026-11-16"`, new: `"date": "16.11.2026"`, line: 21, field: cite1 + ".date", msg: `"16.11.2026" is not a date of the form YYYY-MM-DD`},
	{name: "date wrong type", old: `"date": "2026-11-16"`, new: `"date": 20261116`, line: 21, field: cite1 + ".date", msg: "expected a string, found the number 20261116"},
	{name: "date not a calendar date", old: `"date": "2026-11-16", "date_text": "16.11.2026"`, new: `"date": "2026-02-30"`, line: 21, field: cite1 + ".date", msg: "2026-02-30 is not a calendar date; keep the date as written in date_text and set date to null"},
	{name: "date and date_text disagree", old: `"date": "2026-11-16"`, new: `"date": "2026-11-17"`, line: 21, field: cite1 + ".date", msg: `date 2026-11-17 and date_text "16.11.2026" disagree: date_text stands for 2026-11-16`},
	{name: "date beside a mistyped date_text", old: `"date": null`, new: `"date": "2026-11-20"`, line: 23, field: cite2 + ".date", msg: `date is 2026-11-20 but date_text "20.11.20266" is not a calendar date; set date to null`},
	{name: "line break in date_text", old: `"20.11.20266"`, new: `"20.11.\n20266"`, line: 23, field: cite2 + ".date_text", msg: "holds a line break"},
	// What no form of the digest could write back in a citation.
	{name: "date_text not a date", old: `"20.11.20266"`, new: `"abc"`, line: 23, field: cite2 + ".date_text", msg: `"abc" cannot stand as a citation's date`},
	{name: "date_text n.d.", old: `"20.11.20266"`, new: `"n.d."`, line: 23, field: cite2 + ".date_text", msg: `"n.d." cannot stand as a citation's date`},
	{name: "date_text with a bracket", old: `"20.11.20266"`, new: `"1.1.2026)"`, line: 23, field: cite2 + ".date_text", msg: `"1.1.2026)" cannot stand as a citation's date`},
}

// input returns the case's input.
func (tc *caseInput) input(t testing.TB) string {
	if tc.old == "" {
		return tc.in
	}
	return edit(t, tc.old, tc.new)
}

type caseInput struct{ in, old, new string }

func TestDecodeBase(t *testing.T) {
	d, err := Decode([]byte(base))
	if err != nil {
		t.Fatalf("Decode(base): %v", err)
	}
	if !reflect.DeepEqual(d, baseDigest()) {
		t.Errorf("Decode(base) = %+v\nwant %+v", d, baseDigest())
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range decodeErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			in := (&caseInput{tc.in, tc.old, tc.new}).input(t)
			d, err := Decode([]byte(in))
			if err == nil {
				t.Fatalf("Decode succeeded: %+v", d)
			}
			if d != nil {
				t.Errorf("Decode returned a digest beside its error")
			}
			var pe *digest.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *digest.ParseError", err, err)
			}
			if pe.Line != tc.line {
				t.Errorf("Line = %d, want %d (%v)", pe.Line, tc.line, err)
			}
			if (pe.Line == 0) != (pe.Column == 0) {
				t.Errorf("Line %d but Column %d", pe.Line, pe.Column)
			}
			if pe.Field != tc.field {
				t.Errorf("Field = %q, want %q (%v)", pe.Field, tc.field, err)
			}
			if !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("Msg = %q, want it to hold %q", pe.Msg, tc.msg)
			}
			kind := tc.kind
			if kind == nil {
				kind = digest.ErrInvalid
			}
			if !errors.Is(err, kind) {
				t.Errorf("error %v is not %v", err, kind)
			}
		})
	}
}

// TestDecodeColumns checks the column, which the table leaves out, for a
// few errors: a wrong value, a missing member, a syntax error and invalid
// UTF-8, each after Japanese text on its line, as columns count characters.
func TestDecodeColumns(t *testing.T) {
	tests := []struct {
		in        string
		line, col int
	}{
		{edit(t, `"date": "2026-11-16"`, `"date": "2026-11-17"`), 21, 54},
		{edit(t, `"outlet": "APA", `, ``), 21, 28},
		{edit(t, `"emphasis": false,`, `"emphasis": false,,`), 17, 29},
		{edit(t, "会談", "\x89\xEF"), 15, 42},
		{"\xef\xbb\xbf{\"title\": 1}", 1, 11}, // the byte order mark is not a column
	}
	for _, tt := range tests {
		_, err := Decode([]byte(tt.in))
		var pe *digest.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("Decode: %v, want a ParseError", err)
		}
		if pe.Line != tt.line || pe.Column != tt.col {
			t.Errorf("%v: at %d:%d, want %d:%d", err, pe.Line, pe.Column, tt.line, tt.col)
		}
	}
}

// TestDecodeAccepts covers what Decode reads that Encode never writes.
// TestDecodeBounded: the error path of Decode stays cheap on an input made
// to blow up an index of every value's path (394 MB in jsonloc before it
// walked the document instead).
func TestDecodeBounded(t *testing.T) {
	in := []byte(`{"` + strings.Repeat("k", 20000) + `": [` + strings.Repeat("0,", 20000) + `0], "title": 1}`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Decode(in)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "1:60020: title: expected a string") {
		t.Errorf("Decode = %v, want the title's wrong type at 1:60020", err)
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 20 {
		t.Errorf("Decode of %d bytes allocated %d MB", len(in), mb)
	}
}

func TestDecodeAccepts(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     func(d *digest.Digest) // changes baseDigest into what is expected
	}{
		{"version absent", "  \"version\": 1,\n", "", nil},
		{"version null", `"version": 1`, `"version": null`, nil},
		{"unknown fields", `"emphasis": false,`, `"emphasis": false, "x-editor": {"by": "tanaka", "at": [1, 2]}, "notes": null,`, nil},
		{"byte order mark", "{\n  \"version\"", "\ufeff{\n  \"version\"", nil},
		{"a period date that does not exist is kept", `"2026-11-20"`, `"2026-02-30"`, func(d *digest.Digest) {
			d.Period.To = digest.NewDate(2026, time.February, 30)
		}},
		{"strings trimmed", `"Background."`, "\" \\t Background.\u3000\\n\"", nil},
		{"runs of spaces kept", `"Background."`, `"Back  ground."`, func(d *digest.Digest) {
			d.Sections[0].Items[0].Blocks[1].Text = "Back  ground."
		}},
		{"null reads as absent", `"subtitle": "(公開情報とりまとめ)"`, `"subtitle": null`, func(d *digest.Digest) { d.Subtitle = "" }},
		{"emphasis", `"emphasis": false`, `"emphasis": true`, func(d *digest.Digest) { d.Sections[0].Items[0].Emphasis = true }},
		{"emphasis absent", `"emphasis": false,`, ``, nil},
		{"date only", `"date": "2026-11-16", "date_text": "16.11.2026"`, `"date": "2026-11-16"`, nil},
		{"date_text only", `"date": "2026-11-16", "date_text": "16.11.2026"`, `"date_text": "16.11.2026"`, nil},
		{"date_text with date null", `"date": "2026-11-16", "date_text": "16.11.2026"`, `"date": null, "date_text": "16.11.2026"`, nil},
		{"empty date as absent", `"date": "2026-11-16"`, `"date": ""`, nil},
		{"one-digit date_text", `"date": "2026-11-16", "date_text": "16.11.2026"`, `"date": "2026-05-06", "date_text": "6.5.2026"`, func(d *digest.Digest) {
			d.Sections[0].Items[0].Blocks[1].Citations[0] = digest.Citation{Outlet: "APA", DateText: "6.5.2026", Date: digest.NewDate(2026, 5, 6)}
		}},
		{"full-width digits in date_text", `"16.11.2026"`, `"１６.１１.２０２６"`, nil},
		{"mistyped date_text alone", `"date": null, `, ``, nil},
		{"empty citations", `,
             "citations": [{"outlet": "TREND", "date": null, "date_text": "20.11.20266"}]`, `, "citations": []`, func(d *digest.Digest) {
			d.Sections[0].Items[0].Blocks[2].Citations = nil
		}},
		{"empty entries on a list", `["one", "two"]`, `[]`, func(d *digest.Digest) { d.Sections[0].Items[0].Blocks[2].Entries = nil }},
		{"empty entries and null on a paragraph", `"text": "Background.",`, `"text": "Background.", "entries": [], "x": null,`, nil},
		{"empty text on a list", `{"kind": "list", "entries"`, `{"kind": "list", "text": " ", "entries"`, nil},
		{"no sections", "\"sections\": [", "\"sections\": [], \"old\": [", func(d *digest.Digest) { d.Sections = nil }},
		{"no items", "\"items\": [", "\"items\": null, \"old\": [", func(d *digest.Digest) { d.Sections[0].Items = nil }},
		{"section number 0", `"number": 1`, `"number": 0`, func(d *digest.Digest) { d.Sections[0].Number = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(edit(t, tt.old, tt.new)))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			want := baseDigest()
			if tt.want != nil {
				tt.want(want)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Decode = %+v\nwant %+v", got, want)
			}
		})
	}
}

// FuzzDecode: Decode never panics, refuses only with a ParseError that says
// where, and whatever it reads, Encode writes back so that Decode reads the
// same digest and Encode writes the same bytes.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"sample.json", "spec-example.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(base))
	for _, tc := range decodeErrorCases {
		if tc.name == "too large" {
			continue // 20 MB a seed slows every run for nothing
		}
		f.Add([]byte((&caseInput{tc.in, tc.old, tc.new}).input(f)))
	}
	f.Add([]byte(`{"title":"T","period":{"from":"0000-01-00","to":"9999-99-99"},"sections":[{"number":0,"items":[{"blocks":[{"kind":"list","entries":[]}]}]}]}`))
	f.Add([]byte(`{"title":"\u2028T\u00a0","period":{"from":"2026-11-14","to":"2026-11-20"},"sections":[{"number":1,"items":[{"headline_ja":"\ud800","blocks":[{"kind":"note","text":"\u0000","citations":[{"outlet":"A","date_text":"１.１.２０２６"}]}]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		if err != nil {
			var pe *digest.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *digest.ParseError", err, err)
			}
			if pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v has no position", err)
			}
			if pe.Msg == "" {
				t.Fatalf("error without a message")
			}
			return
		}
		out, err := Encode(d)
		if err != nil {
			t.Fatalf("Encode of a decoded digest: %v\ninput: %q", err, data)
		}
		back, err := Decode(out)
		if err != nil {
			t.Fatalf("Decode(Encode(Decode(data))): %v\n%s", err, out)
		}
		if !reflect.DeepEqual(back, d) {
			t.Fatalf("Decode(Encode(d)) = %+v\nwant %+v", back, d)
		}
		again, err := Encode(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("encoding is not idempotent:\n%s\nthen\n%s", out, again)
		}
	})
}
