package jsonfmt

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is a digest built by hand to show every feature of the form once:
// Japanese and English, an emphasised item, a note, a list with markup, a
// block with several sources, a mistyped citation date, text with < and &,
// and a section without items.
func sample() *digest.Digest {
	date := func(y int, m time.Month, d int) digest.Date { return digest.NewDate(y, m, d) }
	cite := func(outlet, text string) digest.Citation {
		return digest.Citation{Outlet: outlet, DateText: text, Date: digest.ParseCitationDate(text)}
	}
	return &digest.Digest{
		Profile:  "az",
		Title:    "アゼルバイジャン政治・治安情報",
		Subtitle: "(公開情報とりまとめ)",
		Period:   digest.Period{From: date(2026, 11, 14), To: date(2026, 11, 20)},
		Issuer:   "在アゼルバイジャン大使館",
		Sections: []digest.Section{
			{Number: 1, Key: "security", Title: "軍事・治安関係", Items: []digest.Item{
				{
					HeadlineJA: "ハサノフ国防相、トルコ国防相と会談",
					HeadlineEN: "Azerbaijani Defense Minister meets Turkish counterpart in Ankara",
					Blocks: []digest.Block{
						{Kind: digest.Paragraph, Text: "On November 16, Defense Minister Colonel General Zakir Hasanov held talks with Turkish National Defense Minister Yasar Guler in Ankara."},
						{Kind: digest.Paragraph, Text: "The sides also signed a protocol on cooperation in military education.",
							Citations: []digest.Citation{cite("APA", "16.11.2026")}},
					},
				},
				{
					HeadlineJA: "ギャンジャ市内で不審物発見、周辺住民が一時避難",
					HeadlineEN: "Suspicious object found in Ganja, nearby residents temporarily evacuated",
					Emphasis:   true,
					Blocks: []digest.Block{
						{Kind: digest.Paragraph, Text: "On November 18, a suspicious object was discovered near a residential building in Ganja. Police & rescuers cordoned off the area for <3 hours.",
							Citations: []digest.Citation{cite("REPORT.AZ", "18.11.2026")}},
						{Kind: digest.Note, Text: "According to local residents, the evacuation was announced only after several hours.",
							Citations: []digest.Citation{cite("TURAN", "20.11.20266")}},
					},
				},
			}},
			{Number: 2, Key: "foreign", Title: "外政関連", Items: []digest.Item{
				{
					HeadlineJA: "バイラモフ外相、ジュネーブを訪問",
					HeadlineEN: "FM Bayramov on working visit to Geneva",
					Blocks: []digest.Block{
						{Kind: digest.Paragraph, Text: "On November 18-19, FM Bayramov paid a working visit to Geneva. On the sidelines, he held meetings with:"},
						{Kind: digest.List, Entries: []string{
							"UN High Commissioner for Refugees: *The sides discussed the return of internally displaced persons.*",
							"President of the International Committee of the Red Cross.",
						}, Citations: []digest.Citation{cite("TREND", "19.11.2026"), cite("APA", "6.5.2026")}},
					},
				},
			}},
			{Number: 3, Title: "経済関係"},
		},
	}
}

func TestEncodeGolden(t *testing.T) {
	got, err := Encode(sample())
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "sample.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Encode(sample()) differs from %s (run go test -update if the change is meant):\n%s", golden, got)
	}
	back, err := Decode(want)
	if err != nil {
		t.Fatalf("Decode(%s): %v", golden, err)
	}
	if !reflect.DeepEqual(back, sample()) {
		t.Errorf("Decode(%s) = %+v, want sample()", golden, back)
	}
	// Checked apart from the golden file, so that -update cannot bless
	// their loss.
	for _, want := range []string{
		`"date": null,\s+"date_text": "20\.11\.20266"`,
		`"date": "2026-05-06",\s+"date_text": "6\.5\.2026"`,
		`Police & rescuers cordoned off the area for <3 hours\.`,
		`"title": "アゼルバイジャン政治・治安情報"`,
		`"items": \[\]`,
	} {
		if !regexp.MustCompile(want).Match(got) {
			t.Errorf("Encode(sample()) does not match %s", want)
		}
	}
	if !bytes.HasSuffix(got, []byte("}\n")) {
		t.Errorf("Encode(sample()) does not end in a newline")
	}
	checkShape(t, got)
}

// TestEncodeMinimal pins the field names, their order and the shape of each
// kind of block without a golden file.
func TestEncodeMinimal(t *testing.T) {
	d := &digest.Digest{
		Title:  "T",
		Period: digest.Period{From: digest.NewDate(2026, 2, 30), To: digest.NewDate(2026, 3, 6)},
		Sections: []digest.Section{{Number: 1, Items: []digest.Item{{
			Blocks: []digest.Block{
				{Kind: digest.Note, Citations: []digest.Citation{{Outlet: "APA", DateText: "1.1.2026", Date: digest.NewDate(2026, 1, 1)}}},
				{Kind: digest.List},
			},
		}}}},
	}
	want := `{
  "version": 1,
  "profile": "",
  "title": "T",
  "subtitle": "",
  "period": {
    "from": "2026-02-30",
    "to": "2026-03-06"
  },
  "issuer": "",
  "sections": [
    {
      "number": 1,
      "key": "",
      "title": "",
      "items": [
        {
          "headline_ja": "",
          "headline_en": "",
          "emphasis": false,
          "blocks": [
            {
              "kind": "note",
              "text": "",
              "citations": [
                {
                  "outlet": "APA",
                  "date": "2026-01-01",
                  "date_text": "1.1.2026"
                }
              ]
            },
            {
              "kind": "list",
              "entries": []
            }
          ]
        }
      ]
    }
  ]
}
`
	got, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("Encode =\n%s\nwant\n%s", got, want)
	}
	back, err := Decode(got)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, d) {
		t.Errorf("Decode(Encode(d)) = %+v, want %+v", back, d)
	}

	got, err = Encode(&digest.Digest{Title: "T", Period: d.Period})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte(`"sections": []`)) {
		t.Errorf("a digest without sections encodes without \"sections\": []:\n%s", got)
	}
}

func TestDecodeSpecExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "spec-example.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	want := &digest.Digest{
		Profile:  "az",
		Title:    "アゼルバイジャン政治・治安情報",
		Subtitle: "(公開情報とりまとめ)",
		Period:   digest.Period{From: digest.NewDate(2026, 11, 14), To: digest.NewDate(2026, 11, 20)},
		Issuer:   "在アゼルバイジャン大使館",
		Sections: []digest.Section{{Number: 1, Key: "security", Title: "軍事・治安関係", Items: []digest.Item{{
			HeadlineJA: "ハサノフ国防相、トルコ国防相と会談",
			HeadlineEN: "Azerbaijani Defense Minister meets Turkish counterpart in Ankara",
			Blocks: []digest.Block{
				{Kind: digest.Paragraph, Text: "On November 16, Defense Minister …"},
				{Kind: digest.Paragraph, Text: "The sides also signed a protocol on cooperation in military education.",
					Citations: []digest.Citation{{Outlet: "APA", DateText: "16.11.2026", Date: digest.NewDate(2026, 11, 16)}}},
			},
		}}}},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("Decode(spec example) = %+v\nwant %+v", d, want)
	}
}

// TestRoundTrip runs many generated digests through Encode and Decode.
func TestRoundTrip(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	for seed := range uint64(n) {
		d := randDigest(rand.New(rand.NewPCG(seed, 0x5eed)), 4)
		data, err := Encode(d)
		if err != nil {
			t.Fatalf("seed %d: Encode: %v", seed, err)
		}
		back, err := Decode(data)
		if err != nil {
			t.Fatalf("seed %d: Decode(Encode(d)): %v\n%s", seed, err, data)
		}
		if !reflect.DeepEqual(back, d) {
			t.Fatalf("seed %d: Decode(Encode(d)) = %+v\nwant %+v", seed, back, d)
		}
		again, err := Encode(back)
		if err != nil {
			t.Fatalf("seed %d: Encode(Decode(Encode(d))): %v", seed, err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("seed %d: encoding is not idempotent:\n%s\nthen\n%s", seed, data, again)
		}
		checkShape(t, data)

		// Decode trims what Encode writes as given: padded, d comes back.
		padded, err := Encode(pad(d, rand.New(rand.NewPCG(seed, 0x9ad))))
		if err != nil {
			t.Fatalf("seed %d: Encode(pad(d)): %v", seed, err)
		}
		if back, err := Decode(padded); err != nil || !reflect.DeepEqual(back, d) {
			t.Fatalf("seed %d: Decode(Encode(pad(d))) = %+v, %v\nwant %+v", seed, back, err, d)
		}
	}
}

// pad returns a copy of d with white space around its strings, which breaks
// the invariant that they are trimmed.
func pad(d *digest.Digest, r *rand.Rand) *digest.Digest {
	p := func(s string) string {
		spaces := []string{"", " ", "\u3000", "\t", "  ", "\n", "\u00a0"}
		return spaces[r.IntN(len(spaces))] + s + spaces[r.IntN(len(spaces))]
	}
	c := *d
	c.Profile, c.Title, c.Subtitle, c.Issuer = p(d.Profile), p(d.Title), p(d.Subtitle), p(d.Issuer)
	c.Sections = nil
	for _, s := range d.Sections {
		s.Key, s.Title = p(s.Key), p(s.Title)
		items := s.Items
		s.Items = nil
		for _, it := range items {
			it.HeadlineJA, it.HeadlineEN = p(it.HeadlineJA), p(it.HeadlineEN)
			blocks := it.Blocks
			it.Blocks = nil
			for _, b := range blocks {
				if b.Kind != digest.List {
					b.Text = p(b.Text)
				}
				var entries []string
				for _, e := range b.Entries {
					entries = append(entries, p(e))
				}
				b.Entries = entries
				var cites []digest.Citation
				for _, ct := range b.Citations {
					ct.Outlet, ct.DateText = p(ct.Outlet), p(ct.DateText)
					cites = append(cites, ct)
				}
				b.Citations = cites
				it.Blocks = append(it.Blocks, b)
			}
			s.Items = append(s.Items, it)
		}
		c.Sections = append(c.Sections, s)
	}
	return &c
}

// checkShape checks the rules of the spec that a round trip cannot see,
// because Decode is lenient where Encode is strict: every field is written,
// arrays are never null, a block has text or entries by its kind, citations
// are absent rather than empty, and date is null exactly when date_text is
// not a calendar date.
func checkShape(t *testing.T, data []byte) {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("Encode wrote invalid JSON: %v", err)
	}
	has := func(where string, o map[string]any, want ...string) {
		t.Helper()
		var got []string
		for k := range o {
			got = append(got, k)
		}
		if len(got) != len(want) {
			t.Errorf("%s has fields %v, want %v", where, got, want)
		}
		for _, k := range want {
			if _, ok := o[k]; !ok {
				t.Errorf("%s lacks %q", where, k)
			}
		}
	}
	has("the digest", doc, "version", "profile", "title", "subtitle", "period", "issuer", "sections")
	if doc["version"] != float64(1) {
		t.Errorf("version = %v, want 1", doc["version"])
	}
	for _, s := range doc["sections"].([]any) {
		s := s.(map[string]any)
		has("a section", s, "number", "key", "title", "items")
		for _, it := range s["items"].([]any) {
			it := it.(map[string]any)
			has("an item", it, "headline_ja", "headline_en", "emphasis", "blocks")
			for _, b := range it["blocks"].([]any) {
				b := b.(map[string]any)
				fields := []string{"kind", "text"}
				if b["kind"] == "list" {
					fields = []string{"kind", "entries"}
					if _, ok := b["entries"].([]any); !ok {
						t.Errorf("a list's entries are %v, not an array", b["entries"])
					}
				}
				cs, ok := b["citations"]
				if ok {
					fields = append(fields, "citations")
					if len(cs.([]any)) == 0 {
						t.Errorf("a block without citations writes \"citations\": []")
					}
				}
				has("a block", b, fields...)
				list, _ := b["citations"].([]any)
				for _, c := range list {
					c := c.(map[string]any)
					has("a citation", c, "outlet", "date", "date_text")
					valid := !digest.ParseCitationDate(c["date_text"].(string)).IsZero()
					if (c["date"] != nil) != valid {
						t.Errorf("citation %v: date is %v for a date_text that is a calendar date: %v", c, c["date"], valid)
					}
				}
			}
		}
	}
}

func TestEncodeErrors(t *testing.T) {
	valid := func() *digest.Digest {
		return &digest.Digest{
			Title:  "T",
			Period: digest.Period{From: digest.NewDate(2026, 11, 14), To: digest.NewDate(2026, 11, 20)},
			Sections: []digest.Section{{Number: 1, Items: []digest.Item{{Blocks: []digest.Block{{
				Kind: digest.Paragraph, Text: "x",
				Citations: []digest.Citation{{Outlet: "APA", DateText: "16.11.2026", Date: digest.NewDate(2026, 11, 16)}},
			}}}}}},
		}
	}
	block := func(d *digest.Digest) *digest.Block { return &d.Sections[0].Items[0].Blocks[0] }
	cite := func(d *digest.Digest) *digest.Citation { return &block(d).Citations[0] }
	tests := []struct {
		name   string
		change func(d *digest.Digest) *digest.Digest
		field  string // the path the message names
	}{
		{"nil", func(*digest.Digest) *digest.Digest { return nil }, "is nil"},
		{"no title", func(d *digest.Digest) *digest.Digest { d.Title = ""; return d }, "title"},
		{"line break in title", func(d *digest.Digest) *digest.Digest { d.Title = "a\nb"; return d }, "title"},
		{"invalid UTF-8", func(d *digest.Digest) *digest.Digest { d.Issuer = "\xff"; return d }, "issuer"},
		{"no period", func(d *digest.Digest) *digest.Digest { d.Period.To = digest.Date{}; return d }, "period.to"},
		{"year too long", func(d *digest.Digest) *digest.Digest { d.Period.From.Year = 20266; return d }, "period.from"},
		{"negative number", func(d *digest.Digest) *digest.Digest { d.Sections[0].Number = -1; return d }, "sections[0].number"},
		{"line break in headline", func(d *digest.Digest) *digest.Digest {
			d.Sections[0].Items[0].HeadlineEN = "a\u2028b"
			return d
		}, "sections[0].items[0].headline_en"},
		{"unknown kind", func(d *digest.Digest) *digest.Digest { block(d).Kind = "quote"; return d }, "blocks[0].kind"},
		{"paragraph with entries", func(d *digest.Digest) *digest.Digest { block(d).Entries = []string{"e"}; return d }, "blocks[0].entries"},
		{"list with text", func(d *digest.Digest) *digest.Digest { block(d).Kind = digest.List; return d }, "blocks[0].text"},
		{"line break in entry", func(d *digest.Digest) *digest.Digest {
			*block(d) = digest.Block{Kind: digest.List, Entries: []string{"a", "b\rc"}}
			return d
		}, "blocks[0].entries[1]"},
		{"no outlet", func(d *digest.Digest) *digest.Digest { cite(d).Outlet = ""; return d }, "citations[0].outlet"},
		{"no date at all", func(d *digest.Digest) *digest.Digest { *cite(d) = digest.Citation{Outlet: "APA"}; return d }, "citations[0]"},
		{"invalid Date", func(d *digest.Digest) *digest.Digest {
			*cite(d) = digest.Citation{Outlet: "APA", DateText: "31.02.2026", Date: digest.NewDate(2026, 2, 31)}
			return d
		}, "citations[0].date"},
		{"Date disagrees", func(d *digest.Digest) *digest.Digest { cite(d).Date = digest.NewDate(2026, 11, 17); return d }, "citations[0].date"},
		{"Date missing beside a calendar DateText", func(d *digest.Digest) *digest.Digest { cite(d).Date = digest.Date{}; return d }, "citations[0].date"},
	}
	if _, err := Encode(valid()); err != nil {
		t.Fatalf("the valid digest of this test: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Encode(tt.change(valid()))
			if err == nil {
				t.Fatal("Encode succeeded")
			}
			if !errors.Is(err, digest.ErrInvalid) {
				t.Errorf("Encode error %v is not ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Errorf("Encode error %q does not name %q", err, tt.field)
			}
		})
	}
}

// TestEncodeFillsDateText: a citation made from a date alone (as a drafting
// stage might) is written with the date as a citation writes it.
func TestEncodeFillsDateText(t *testing.T) {
	d := sample()
	c := &d.Sections[0].Items[0].Blocks[1].Citations[0]
	c.DateText = ""
	data, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, sample()) {
		t.Errorf("a citation without DateText did not come back as 16.11.2026")
	}
}

func BenchmarkEncodeDecode(b *testing.B) {
	d := bigDigest(rand.New(rand.NewPCG(1, 2)), 500)
	data, err := Encode(d)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Encode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Encode(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Decode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Decode(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestHasLineBreak(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"アゼルバイジャン政治・治安情報", false},
		{"tab\there, wide\u3000space, nbsp\u00a0, yen ¥, ellipsis …, Ĉ", false},
		{"\u2027 \u202f \u0084 \u0086", false}, // neighbours of the line breaks
		{"a\nb", true},
		{"a\rb", true},
		{"a\vb", true},
		{"a\fb", true},
		{"a\u0085b", true},
		{"a\u2028b", true},
		{"a\u2029", true},
		{"\xc2", false}, // cut short
		{"\xe2\x80", false},
	}
	for _, tt := range tests {
		if got := hasLineBreak(tt.s); got != tt.want {
			t.Errorf("hasLineBreak(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if want := strings.ContainsAny(tt.s, "\n\r\v\f\u0085\u2028\u2029"); want != tt.want {
			t.Errorf("the table is wrong about %q", tt.s)
		}
	}
}
