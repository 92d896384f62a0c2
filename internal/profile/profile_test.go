package profile

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
)

var update = flag.Bool("update", false, "rewrite profiles/*.json in the canonical form Format writes")

func TestBuiltinAz(t *testing.T) {
	p, err := Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, got, want string }{
		{"key", p.Key, "az"},
		{"country", p.Country, "Azerbaijan"},
		{"title", p.Title, "アゼルバイジャン政治・治安情報"},
		{"subtitle", p.Subtitle, "(公開情報とりまとめ)"},
		{"issuer", p.Issuer, "在アゼルバイジャン大使館"},
		{"time_zone", p.TimeZone, "Asia/Baku"},
		{"location", p.Location().String(), "Asia/Baku"},
		{"style.russia", p.Style.Russia, "露"},
		{"style.v", p.Style.V, "ヴ"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if p.WeekStart != digest.Weekday(time.Saturday) {
		t.Errorf("week_start = %v, want Saturday", time.Weekday(p.WeekStart))
	}

	wantSections := []struct{ key, title, titleEN string }{
		{"security", "軍事・治安関係", "Military and security"},
		{"domestic", "内政関連", "Domestic politics"},
		{"foreign", "外政関連", "Foreign affairs"},
	}
	if len(p.Sections) != len(wantSections) {
		t.Fatalf("%d sections, want %d", len(p.Sections), len(wantSections))
	}
	for i, w := range wantSections {
		s := p.Sections[i]
		if s.Key != w.key || s.Title != w.title || s.TitleEN != w.titleEN {
			t.Errorf("sections[%d] = %q %q %q, want %q %q %q", i, s.Key, s.Title, s.TitleEN, w.key, w.title, w.titleEN)
		}
	}
	for title, key := range map[string]string{"軍事・治安": "security", "内政": "domestic", "外政": "foreign", "外交関係": "foreign"} {
		if got := p.SectionKey(title); got != key {
			t.Errorf("SectionKey(%q) = %q, want %q", title, got, key)
		}
	}

	wantOutlets := []struct {
		label, name, home string
		aff               digest.Affiliation
	}{
		{"TREND", "Trend News Agency", "https://en.trend.az/", digest.Private},
		{"APA", "APA Information Agency", "https://apa.az/en/", digest.Private},
		{"AZERTAG", "Azerbaijan State News Agency", "https://azertag.az/en/", digest.StateOwned},
		{"REPORT.AZ", "Report Information Agency", "https://report.az/en/", digest.Private},
		{"OC-MEDIA", "OC Media", "https://oc-media.org/", digest.Independent},
		{"JAMNEWS", "JAMnews", "https://jam-news.net/", digest.Independent},
		{"TURAN", "Turan Information Agency", "https://turan.az/", digest.Independent},
		{"EURASIANET", "Eurasianet", "https://eurasianet.org/", digest.Independent},
		{"PRESIDENT.AZ", "Official website of the President of the Republic of Azerbaijan", "https://president.az/en/", digest.StateOwned},
		{"MFA", "Ministry of Foreign Affairs of the Republic of Azerbaijan", "https://mfa.gov.az/en/", digest.StateOwned},
		{"USCIRF.GOV", "United States Commission on International Religious Freedom", "https://www.uscirf.gov/", digest.ForeignGovernment},
	}
	for _, w := range wantOutlets {
		o, ok := p.Outlet(w.label)
		if !ok {
			t.Errorf("no outlet %q", w.label)
			continue
		}
		if o.Label != w.label || o.Name != w.name || o.Home != w.home || o.Affiliation != w.aff {
			t.Errorf("outlet %q = %+v, want %+v", w.label, o, w)
		}
	}
	if o, ok := p.Outlet("OC MEDIA"); !ok || o.Label != "OC-MEDIA" {
		t.Errorf(`Outlet("OC MEDIA") = %q, %v; want OC-MEDIA by its alias`, o.Label, ok)
	}

	if n := len(p.Glossary); n < 30 || n > 60 {
		t.Errorf("%d glossary terms, want a seed of about 30 to 50", n)
	}
	for _, en := range []string{"Aliyev", "Bayramov", "Hasanov", "Pashinyan", "Putin", "Erdoğan", "Tokayev", "Baku", "Ganja"} {
		if !hasTerm(p, en) {
			t.Errorf("glossary lacks %q", en)
		}
	}

	week := p.Week(digest.NewDate(2026, time.November, 18))
	if want := (digest.Period{From: digest.NewDate(2026, time.November, 14), To: digest.NewDate(2026, time.November, 20)}); week != want {
		t.Errorf("Week(2026-11-18) = %v, want %v", week, want)
	}
}

func hasTerm(p *digest.Profile, en string) bool {
	for _, t := range p.Glossary {
		if t.EN == en {
			return true
		}
	}
	return false
}

// TestBuiltinGlossary checks across terms what Parse checks within one: no
// variant the desk rejects occurs inside a rendering the desk uses, where
// lint would report every correct use.
func TestBuiltinGlossary(t *testing.T) {
	for _, key := range Keys() {
		p, err := Builtin(key)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, term := range p.Glossary {
			id := string(term.Kind) + "/" + term.EN
			if seen[id] {
				t.Errorf("%s: %s %q appears twice", key, term.Kind, term.EN)
			}
			seen[id] = true
			for _, other := range p.Glossary {
				for _, v := range term.JAVariants {
					if strings.Contains(other.JA, v) {
						t.Errorf("%s: ja_variant %q of %q is inside the rendering %q of %q", key, v, term.EN, other.JA, other.EN)
					}
				}
			}
		}
	}
}

// TestBuiltinFiles keeps the embedded files in the form Format writes, so
// that `shuho profile show` prints exactly the file and a diff of it is
// small. Run with -update after editing one by hand.
func TestBuiltinFiles(t *testing.T) {
	keys := Keys()
	if !reflect.DeepEqual(keys, []string{"az"}) {
		t.Errorf("Keys() = %q, want [az]", keys)
	}
	for _, key := range keys {
		name := "profiles/" + key + ".json"
		data, err := builtins.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Builtin(key)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Format(p)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(name, out, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%s is not in the form Format writes; run go test -run TestBuiltinFiles -update", name)
		}
	}
}

func TestBuiltinUnknown(t *testing.T) {
	for _, key := range []string{"", "xx", "AZ", "../az", "az.json"} {
		p, err := Builtin(key)
		if p != nil || !errors.Is(err, digest.ErrNotFound) {
			t.Errorf("Builtin(%q) = %v, %v; want ErrNotFound", key, p, err)
			continue
		}
		if !strings.Contains(err.Error(), "az") {
			t.Errorf("Builtin(%q) error %q does not list the known keys", key, err)
		}
	}
}

func TestBuiltinIndependent(t *testing.T) {
	a, err := Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	a.Title = "changed"
	a.Sections[0].Aliases[0] = "changed"
	a.Outlets[0].Label = "CHANGED"
	a.Glossary[0].JAVariants[0] = "changed"
	a.Glossary = append(a.Glossary[:1], a.Glossary[2:]...)
	b, err := Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	if b.Title == "changed" || b.Sections[0].Aliases[0] == "changed" || b.Outlets[0].Label == "CHANGED" ||
		b.Glossary[0].JAVariants[0] == "changed" || b.Glossary[1].EN == a.Glossary[1].EN {
		t.Errorf("a change to one Builtin copy shows in the next")
	}
}

func TestFormatRoundTrip(t *testing.T) {
	p, err := Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Format(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(out, []byte("}\n")) || !bytes.HasPrefix(out, []byte("{\n  \"key\": \"az\",\n")) {
		t.Errorf("Format is not two-space indented JSON ending in a newline:\n%s", out)
	}
	if bytes.Contains(out, []byte(`\u`)) {
		t.Errorf("Format escaped characters that should stay readable")
	}
	q, err := Parse("out.json", out)
	if err != nil {
		t.Fatal(err)
	}
	if !equal(p, q) {
		t.Errorf("Parse(Format(p)) differs from p")
	}

	// Empty lists come back nil, and a profile written by hand with them
	// reads back equal after Format.
	src := strings.Replace(base, `"aliases": ["内政"]`, `"aliases": []`, 1)
	p, err = Parse("in.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p.Sections[1].Aliases != nil {
		t.Errorf("empty aliases parsed as %#v, want nil", p.Sections[1].Aliases)
	}
	if out, err = Format(p); err != nil {
		t.Fatal(err)
	}
	if q, err = Parse("out.json", out); err != nil || !equal(p, q) {
		t.Errorf("round trip of a hand-written profile: %v, equal %v", err, equal(p, q))
	}

	if _, err := Format(nil); err == nil {
		t.Errorf("Format(nil) succeeded")
	}
}

// equal reports whether two parsed profiles are the same, comparing their
// time zones by name (two loads of one zone are distinct values).
func equal(a, b *digest.Profile) bool {
	if a.Location().String() != b.Location().String() {
		return false
	}
	ac, bc := *a, *b
	ac.SetLocation(nil)
	bc.SetLocation(nil)
	return reflect.DeepEqual(ac, bc)
}

// base is a small valid profile; the error cases each break one thing in
// it. Its lines, for reading the cases:
//
//	1 {            7 section 0     13 ],              19 }
//	2 key          8 section 1     14 style
//	3 title        9 ],            15 glossary
//	4 time_zone   10 outlets       16 term 0
//	5 week_start  11 outlet 0      17 term 1
//	6 sections    12 outlet 1      18 ]
const base = `{
  "key": "xx",
  "title": "T",
  "time_zone": "Asia/Baku",
  "week_start": "saturday",
  "sections": [
    {"key": "security", "title": "軍事・治安関係"},
    {"key": "domestic", "title": "内政関連", "aliases": ["内政"]}
  ],
  "outlets": [
    {"label": "TREND", "name": "Trend News Agency", "home": "https://en.trend.az/", "affiliation": "private"},
    {"label": "OC-MEDIA", "name": "OC Media", "home": "https://oc-media.org/", "affiliation": "independent", "aliases": ["OC MEDIA"]}
  ],
  "style": {"russia": "露", "v": "ヴ"},
  "glossary": [
    {"kind": "person", "en": "Aliyev", "ja": "アリエフ", "ja_variants": ["アリーエフ"]},
    {"kind": "place", "en": "Baku", "ja": "バクー"}
  ]
}
`

func TestParseBase(t *testing.T) {
	p, err := Parse("base.json", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if p.Key != "xx" || len(p.Outlets) != 2 || p.Location().String() != "Asia/Baku" || p.WeekStart != digest.Weekday(time.Saturday) {
		t.Errorf("Parse(base) = %+v", p)
	}
	// A byte order mark is skipped.
	if _, err := Parse("bom.json", append([]byte("\uFEFF"), base...)); err != nil {
		t.Errorf("Parse with a byte order mark: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	// edit replaces the one occurrence of old in base.
	edit := func(old, new string) string {
		if strings.Count(base, old) != 1 {
			panic("edit: " + old + " does not occur exactly once in base")
		}
		return strings.Replace(base, old, new, 1)
	}
	sections := base[strings.Index(base, `  "sections"`):strings.Index(base, `  "outlets"`)]
	tests := []struct {
		name  string
		input string
		line  int
		col   int // 0: not checked
		field string
		msg   string
		kind  error // nil: digest.ErrInvalid
	}{
		// Reading.
		{"too large", strings.Repeat(" ", digest.MaxInput+1), 0, 0, "", "expected at most", digest.ErrTooLarge},
		{"empty", "", 1, 1, "", "empty", nil},
		{"blank", " \n\t\n", 1, 1, "", "empty", nil},
		{"invalid UTF-8", edit(`"T"`, "\"T\xff\""), 3, 14, "", "invalid UTF-8 (byte 0xff)", nil},
		{"syntax: missing comma", edit(`"title": "T",`, `"title": "T"`), 4, 3, "", `expected "," before the next field`, nil},
		{"syntax: single quotes", edit(`"title": "T"`, `"title": 'T'`), 3, 12, "", "expected a value", nil},
		{"syntax: trailing comma", edit(`{"kind": "place", "en": "Baku", "ja": "バクー"}`, `{"kind": "place", "en": "Baku", "ja": "バクー"},`), 17, 49, "", "a comma before ']'", nil},
		{"syntax: raw line break in string", edit(`"title": "T"`, "\"title\": \"T\nU\""), 3, 14, "", `write a line break as \n`, nil},
		{"truncated", base[:strings.Index(base, `"style"`)], 13, 5, "", "ends inside the profile", nil},
		{"nested too deep", `{"sections": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}", 1, 45, "", "values nested more than 32 deep", nil},
		{"trailing data", base + "}\n", 20, 1, "", "more data after the profile object, which ends on line 19", nil},
		{"closed too early", edit(`"time_zone": "Asia/Baku",`, `"time_zone": "Asia/Baku"},`), 4, 28, "", "does a \"}\" close the object too early", nil},

		// Types.
		{"wrong type: number for string", edit(`"label": "OC-MEDIA"`, `"label": 5`), 12, 15, "outlets[1].label", "found a number; expected a string", nil},
		{"wrong type: object for array", edit(`"aliases": ["内政"]`, `"aliases": {}`), 8, 53, "sections[1].aliases", "found an object; expected an array of strings", nil},
		{"wrong type: top level", "[1, 2]\n", 1, 1, "", "found an array; expected a JSON object holding the profile", nil},
		{"wrong type: null", "\n null\n", 2, 2, "", "found null; expected a JSON object holding the profile", nil},
		{"wrong type: week_start", edit(`"week_start": "saturday"`, `"week_start": 6`), 5, 17, "week_start", `expected a day of the week in double quotes, such as "saturday"`, nil},
		{"wrong type: bool in glossary", edit(`"en": "Baku"`, `"en": true`), 17, 29, "glossary[1].en", "found true or false; expected a string", nil},

		// Fields.
		{"unknown field", edit(`"affiliation": "independent"`, `"affiliation": "independent", "feed": "x"`), 12, 110, "outlets[1].feed", `unknown field "feed"; expected one of label, name, home, affiliation, aliases`, nil},
		{"unknown field valid elsewhere", edit(`{"key": "security",`, `{"key": "security", "name": "x",`), 7, 25, "sections[0].name", `unknown field "name"; expected one of key, title, title_en, aliases`, nil},
		{"misspelt field", edit(`"affiliation": "private"`, `"afiliation": "private"`), 11, 85, "outlets[0].afiliation", `did you mean "affiliation"?`, nil},
		{"field in the wrong case", edit(`"title": "T"`, `"Title": "T"`), 3, 3, "Title", `expected "title" (field names are case-sensitive)`, nil},
		{"field given twice", edit(`"title": "T",`, `"title": "T", "title": "U",`), 3, 17, "title", `given a second time (first on line 3)`, nil},
		{"unknown week_start", edit(`"saturday"`, `"sat"`), 5, 17, "week_start", `unknown weekday "sat"`, nil},

		// The profile's invariants.
		{"key missing", edit(`"key": "xx",`, ``), 1, 1, "key", `required; expected a short lower-case name such as "az"`, nil},
		{"key upper case", edit(`"key": "xx"`, `"key": "XX"`), 2, 10, "key", `"XX" is not a key; expected lower-case ASCII letters`, nil},
		{"title missing", edit(`"title": "T",`, ``), 1, 1, "title", "required; expected the title", nil},
		{"title blank", edit(`"title": "T"`, `"title": "  "`), 3, 12, "title", "required", nil},
		{"title on two lines", edit(`"title": "T"`, `"title": "T\nU"`), 3, 12, "title", "contains the control character U+000A; expected a single line", nil},
		{"title with spaces around", edit(`"title": "T"`, `"title": " T"`), 3, 12, "title", "white space at its start or end", nil},
		{"time_zone missing", edit(`"time_zone": "Asia/Baku",`, ``), 1, 1, "time_zone", "required; expected an IANA time zone name", nil},
		{"time_zone unknown", edit(`"Asia/Baku"`, `"Asia/Bakuu"`), 4, 16, "time_zone", `unknown time zone "Asia/Bakuu"; expected an IANA time zone name`, nil},
		{"time_zone Local", edit(`"Asia/Baku"`, `"Local"`), 4, 16, "time_zone", `unknown time zone "Local"`, nil},
		{"week_start missing", edit(`"week_start": "saturday",`, ``), 1, 1, "week_start", "required; expected the first day of the desk's week", nil},
		{"week_start null", edit(`"saturday"`, `null`), 5, 17, "week_start", "required", nil},
		{"sections empty", edit(sections, "  \"sections\": [],\n"), 6, 15, "sections", "required; expected at least one section", nil},
		{"sections missing", edit(sections, ""), 1, 1, "sections", "required; expected at least one section", nil},
		{"section key missing", edit(`{"key": "security", "title"`, `{"title"`), 7, 5, "sections[0].key", "required; expected a short lower-case name", nil},
		{"section key repeated", edit(`"key": "domestic"`, `"key": "security"`), 8, 13, "sections[1].key", `section key "security" is already used by sections[0].key`, nil},
		{"section title missing", edit(`"title": "内政関連", `, ``), 8, 5, "sections[1].title", "required; expected the section's title", nil},
		{"section alias names another section", edit(`"aliases": ["内政"]`, `"aliases": ["軍事・治安 関係"]`), 8, 54, "sections[1].aliases[0]", `"軍事・治安 関係" is already the title or an alias at sections[0].title`, nil},
		{"label missing", edit(`"label": "TREND", `, ``), 11, 5, "outlets[0].label", "required; expected the name citations use", nil},
		{"label lower case", edit(`"TREND"`, `"Trend"`), 11, 15, "outlets[0].label", `"Trend" cannot stand in a citation; expected upper-case ASCII letters`, nil},
		{"label double space", edit(`"OC MEDIA"`, `"OC  MEDIA"`), 12, 122, "outlets[1].aliases[0]", "cannot stand in a citation", nil},
		{"label with a slash", edit(`"TREND"`, `"TREND/AZ"`), 11, 15, "outlets[0].label", "cannot stand in a citation", nil},
		{"label repeated", edit(`"label": "OC-MEDIA"`, `"label": "TREND"`), 12, 15, "outlets[1].label", `"TREND" is already the label or an alias at outlets[0].label`, nil},
		{"alias repeats a label", edit(`"OC MEDIA"`, `"TREND"`), 12, 122, "outlets[1].aliases[0]", `"TREND" is already the label or an alias at outlets[0].label`, nil},
		{"name missing", edit(`"name": "OC Media", `, ``), 12, 5, "outlets[1].name", "required; expected the outlet's full name", nil},
		{"home relative", edit(`"https://oc-media.org/"`, `"oc-media.org"`), 12, 55, "outlets[1].home", `"oc-media.org" is not an absolute web address`, nil},
		{"home not http", edit(`"https://oc-media.org/"`, `"ftp://oc-media.org/"`), 12, 55, "outlets[1].home", "beginning \"http://\" or \"https://\"", nil},
		{"affiliation unknown", edit(`"affiliation": "private"`, `"affiliation": "gov"`), 11, 100, "outlets[0].affiliation", `unknown affiliation "gov"; expected one of state-owned, private, independent, foreign-government, international`, nil},
		{"affiliation missing", edit(`, "affiliation": "private"`, ``), 11, 5, "outlets[0].affiliation", "required; expected one of state-owned", nil},
		{"style.russia", edit(`"russia": "露"`, `"russia": "ロシア"`), 14, 23, "style.russia", `"ロシア" is not an abbreviation for Russia; expected "露" or "ロ"`, nil},
		{"style.russia missing", edit(`"russia": "露", `, ``), 14, 12, "style.russia", `required; expected "露" or "ロ"`, nil},
		{"style.v", edit(`"v": "ヴ"`, `"v": "v"`), 14, 33, "style.v", `expected "ヴ" or "バ"`, nil},
		{"term kind", edit(`"kind": "place"`, `"kind": "city"`), 17, 14, "glossary[1].kind", `unknown kind "city"; expected one of person, place, organisation, title, adjective`, nil},
		{"term en missing", edit(`"en": "Baku", `, ``), 17, 5, "glossary[1].en", "required; expected the English form", nil},
		{"term ja missing", edit(`, "ja": "バクー"`, ``), 17, 5, "glossary[1].ja", "required; expected the desk's Japanese rendering", nil},
		{"term ja_variant inside ja", edit(`["アリーエフ"]`, `["アリーエフ", "エフ"]`), 16, 79, "glossary[0].ja_variants[1]", `"エフ" is part of the desk's own rendering "アリエフ"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("test.json", []byte(tt.input))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", p)
			}
			if p != nil {
				t.Errorf("Parse returned a profile with its error")
			}
			pe, ok := err.(*digest.ParseError)
			if !ok {
				t.Fatalf("error %T %v, want *digest.ParseError", err, err)
			}
			if pe.File != "test.json" {
				t.Errorf("File = %q, want test.json", pe.File)
			}
			if pe.Line != tt.line {
				t.Errorf("Line = %d, want %d (%v)", pe.Line, tt.line, err)
			}
			if tt.col != 0 && pe.Column != tt.col {
				t.Errorf("Column = %d, want %d (%v)", pe.Column, tt.col, err)
			}
			if pe.Field != tt.field {
				t.Errorf("Field = %q, want %q (%v)", pe.Field, tt.field, err)
			}
			if !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("Msg = %q, want it to contain %q", pe.Msg, tt.msg)
			}
			kind := tt.kind
			if kind == nil {
				kind = digest.ErrInvalid
			}
			if !errors.Is(err, kind) {
				t.Errorf("error %v is not %v", err, kind)
			}
		})
	}
}

// TestParseBounded: placing an error stays cheap on inputs made to blow up
// a list of every value's path; each made Parse allocate 394 MB when it
// built one.
func TestParseBounded(t *testing.T) {
	long := `{"` + strings.Repeat("k", 20000) + `": [` + strings.Repeat("0,", 20000) + `0]}`
	tests := []struct {
		name, input, want string
	}{
		{"after a wrong type", `{"title": 1, "x": ` + long + `}`, "p.json:1:11: title: found a number; expected a string"},
		{"inside a wrong type", `{"title": ` + long + `}`, "p.json:1:11: title: found an object; expected a string"},
	}
	for _, tt := range tests {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Parse("p.json", []byte(tt.input))
		runtime.ReadMemStats(&after)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Parse = %v, want %s", tt.name, err, tt.want)
		}
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 10 {
			t.Errorf("%s: Parse of %d bytes allocated %d MB", tt.name, len(tt.input), mb)
		}
	}
}

func FuzzParse(f *testing.F) {
	az, err := builtins.ReadFile("profiles/az.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(az)
	f.Add([]byte(base))
	f.Add([]byte(strings.Replace(base, `"private"`, `"gov"`, 1)))
	f.Add([]byte(strings.Replace(base, `"title": "T",`, `"Title": "T", "title": 1,`, 1)))
	f.Add([]byte(strings.Replace(base, `"saturday"`, `null`, 1)))
	f.Add([]byte(base[:200]))
	f.Add([]byte(base + "]"))
	f.Add([]byte(`{"outlets": [null, {"aliases": [""]}], "x": 1e999}`))
	f.Add([]byte("\uFEFF{\n\"key\": \"a\xc0\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.json", data)
		if err != nil {
			pe, ok := err.(*digest.ParseError)
			if !ok {
				t.Fatalf("error %T %v, want *digest.ParseError", err, err)
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			if pe.Line < 0 || pe.Line > lines || pe.Line > 0 && pe.Column < 1 {
				t.Fatalf("error at %d:%d in an input of %d lines: %v", pe.Line, pe.Column, lines, err)
			}
			if pe.File != "fuzz.json" || pe.Msg == "" {
				t.Fatalf("error without its file or message: %#v", pe)
			}
			if !errors.Is(err, digest.ErrInvalid) && !errors.Is(err, digest.ErrTooLarge) {
				t.Fatalf("error %v is of no known kind", err)
			}
			return
		}
		out, err := Format(p)
		if err != nil {
			t.Fatalf("Format of a parsed profile: %v", err)
		}
		q, err := Parse("formatted.json", out)
		if err != nil {
			t.Fatalf("Parse of Format's output: %v\n%s", err, out)
		}
		if !equal(p, q) {
			t.Fatalf("Format's output parses to a different profile:\n%+v\n%+v", p, q)
		}
	})
}

// TestBuiltinSources: the az profile reads the outlets at the addresses the
// desk uses, with list pages for the two outlets that have no usable
// English feed.
func TestBuiltinSources(t *testing.T) {
	p, err := Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		kind digest.SourceKind
		url  string
	}{
		"TREND":        {digest.FeedSource, "https://en.trend.az/feeds/index.rss"},
		"AZERTAG":      {digest.FeedSource, "https://azertag.az/en/rss"},
		"REPORT.AZ":    {digest.FeedSource, "https://report.az/en/rss/"},
		"OC-MEDIA":     {digest.FeedSource, "https://oc-media.org/feed/"},
		"JAMNEWS":      {digest.FeedSource, "https://jam-news.net/feed/"},
		"PRESIDENT.AZ": {digest.FeedSource, "https://president.az/en/rss"},
		"EURASIANET":   {digest.FeedSource, "https://eurasianet.org/rss.xml"},
		"USCIRF.GOV":   {digest.FeedSource, "https://www.uscirf.gov/rss.xml"},
		"APA":          {digest.ListSource, "https://apa.az/en/"},
		"MFA":          {digest.ListSource, "https://mfa.gov.az/en/news"},
	}
	got := map[string]digest.Source{}
	for _, s := range p.Sources {
		got[s.Outlet] = s
	}
	for outlet, w := range want {
		s, ok := got[outlet]
		if !ok {
			t.Errorf("no source for %s", outlet)
			continue
		}
		if s.Kind != w.kind || s.URL != w.url {
			t.Errorf("%s: %s %s, want %s %s", outlet, s.Kind, s.URL, w.kind, w.url)
		}
	}
	// Feeds that carry no body have their pages fetched.
	for _, outlet := range []string{"TREND", "AZERTAG"} {
		if !got[outlet].FullPage {
			t.Errorf("%s: full_page is off; its feed carries no body", outlet)
		}
	}
}

func TestParseSourceErrors(t *testing.T) {
	good := `{"key": "trend", "outlet": "TREND", "kind": "feed", "url": "https://en.trend.az/feeds/index.rss", "lang": "en", "weight": 0.8, "interval": "15m"}`
	withSource := func(src string) string {
		return strings.Replace(base, `  "style":`, `  "sources": [`+src+`],
  "style":`, 1)
	}
	if _, err := Parse("good.json", []byte(withSource(good))); err != nil {
		t.Fatalf("a good source: %v", err)
	}
	p, _ := Parse("good.json", []byte(withSource(good)))
	if got := time.Duration(p.Sources[0].Interval); got != 15*time.Minute {
		t.Errorf("interval = %v, want 15m", got)
	}
	tests := []struct{ name, old, new, field, msg string }{
		{"key missing", `"key": "trend", `, ``, "sources[0].key", "required"},
		{"outlet unknown", `"outlet": "TREND"`, `"outlet": "APA"`, "sources[0].outlet", `"APA" is not the label of an outlet of this profile`},
		{"kind unknown", `"kind": "feed"`, `"kind": "rss"`, "sources[0].kind", `"rss" is not a kind of source; expected one of "feed", "list", "page"`},
		{"url relative", `"https://en.trend.az/feeds/index.rss"`, `"en.trend.az/rss"`, "sources[0].url", "not an absolute web address"},
		{"url ftp", `"https://en.trend.az/feeds/index.rss"`, `"ftp://en.trend.az/rss"`, "sources[0].url", "not an absolute web address"},
		{"weight zero", `"weight": 0.8`, `"weight": 0`, "sources[0].weight", "expected a number above 0 and at most 1"},
		{"weight above one", `"weight": 0.8`, `"weight": 3`, "sources[0].weight", "out of range"},
		{"interval not a duration", `"interval": "15m"`, `"interval": "often"`, "sources[0].interval", `"often" is not a duration`},
		{"interval a number", `"interval": "15m"`, `"interval": 900`, "sources[0].interval", "found a number"},
		{"interval too short", `"interval": "15m"`, `"interval": "10s"`, "sources[0].interval", `at least "1m"`},
		{"list without selectors", `"kind": "feed"`, `"kind": "list"`, "sources[0].list.links", "required for a list page"},
		{"selectors on a feed", `"interval": "15m"`, `"interval": "15m", "list": {"links": "a"}`, "sources[0].list", "only a list page has selectors"},
		{"unknown field", `"interval": "15m"`, `"interval": "15m", "selector": "a"`, "sources[0].selector", "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(good, tt.old, tt.new, 1)
			if src == good {
				t.Fatalf("edit %q did not apply", tt.old)
			}
			_, err := Parse("test.json", []byte(withSource(src)))
			pe, ok := err.(*digest.ParseError)
			if !ok {
				t.Fatalf("error %T %v, want *digest.ParseError", err, err)
			}
			if pe.Field != tt.field || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got %s: %s; want %s: …%s…", pe.Field, pe.Msg, tt.field, tt.msg)
			}
			if pe.Line != 14 {
				t.Errorf("line %d, want 14 (the sources line)", pe.Line)
			}
		})
	}
	// Keys are unique.
	_, err := Parse("test.json", []byte(withSource(good+", "+good)))
	if err == nil || !strings.Contains(err.Error(), `"trend" is already the key of sources[0]`) {
		t.Errorf("a repeated key: %v", err)
	}
}
