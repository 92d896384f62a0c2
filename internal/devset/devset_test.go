package devset

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// The minimum sizes below are what makes a score on the set mean something:
// with fewer items per section one misclassified item moves a section's
// accuracy by several points.
func TestHeadlineCounts(t *testing.T) {
	hs, err := Headlines()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, h := range hs {
		count[h.Section]++
	}
	for _, s := range []string{Security, Domestic, Foreign} {
		if count[s] < 45 {
			t.Errorf("section %s has %d items, want at least 45", s, count[s])
		}
	}
	if n := count[Security] + count[Domestic] + count[Foreign]; n < 150 {
		t.Errorf("%d digest items, want at least 150", n)
	}
	if count[None] < 40 {
		t.Errorf("%d noise items, want at least 40", count[None])
	}
}

func TestNameCounts(t *testing.T) {
	ns, err := Names()
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) < 150 {
		t.Errorf("%d names, want at least 150", len(ns))
	}
	count := map[string]int{}
	for _, n := range ns {
		count[n.Origin]++
	}
	count["central asia"] = count["kz"] + count["uz"] + count["tm"] + count["kg"] + count["tj"]
	for origin, want := range map[string]int{"az": 60, "ru": 20, "ge": 15, "am": 15, "tr": 10, "central asia": 10} {
		if count[origin] < want {
			t.Errorf("%d names of origin %s, want at least %d", count[origin], origin, want)
		}
	}
}

// The acronyms Japanese newspapers print in Latin letters in a headline; any
// other Latin word in headline_ja is a drafting slip (an untranslated name or
// abbreviation such as TV or NGO).
var allowedAcronyms = map[string]bool{
	"EU": true, "NATO": true, "UN": true, "OSCE": true, "CIS": true, "COP": true,
	"OIC": true, "SCO": true, "GUAM": true, "BRICS": true, "OTS": true,
}

var asciiWord = regexp.MustCompile(`[A-Za-z]+`)

func TestHeadlineJAStyle(t *testing.T) {
	hs, err := Headlines()
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.Section == None {
			continue
		}
		if h.HeadlineJA == "" {
			t.Errorf("%s: empty headline_ja", h.ID)
		}
		// The desk ends headlines on a noun (体言止め), never with 。.
		if strings.Contains(h.HeadlineJA, "。") {
			t.Errorf("%s: headline_ja %q contains 。", h.ID, h.HeadlineJA)
		}
		for _, w := range asciiWord.FindAllString(h.HeadlineJA, -1) {
			if !allowedAcronyms[w] {
				t.Errorf("%s: headline_ja %q contains Latin word %q", h.ID, h.HeadlineJA, w)
			}
		}
	}
}

// A person's Japanese form is the full name with ・ between its parts, except
// for names written in kanji (Chinese, Japanese, Korean), which take none.
func TestPersonNamesAreFull(t *testing.T) {
	ns, err := Names()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ns {
		if n.Kind != Person || strings.ContainsRune(n.JA, '・') {
			continue
		}
		if !strings.ContainsFunc(n.JA, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: Japanese form %q has no ・ between given name and surname", n.En, n.JA)
		}
	}
}

func TestHeadlinesCopy(t *testing.T) {
	a, err := Headlines()
	if err != nil {
		t.Fatal(err)
	}
	a[0].Section = "changed"
	b, _ := Headlines()
	if b[0].Section == "changed" {
		t.Error("Headlines returned shared data that one caller can change for another")
	}
}

const goodHeadline = `{"id":"h001","outlet":"APA","date":"2026-10-14","section":"foreign","headline_en":"FM meets counterpart","lead":"The ministers met.","headline_ja":"バイラモフ外相、会談"}`

func TestParseHeadlines(t *testing.T) {
	noise := `{"id":"h002","outlet":"TREND","date":"2026-10-15","section":"none","headline_en":"Oil up","lead":"Prices rose.","headline_ja":""}`
	hs, err := parseHeadlines("t.jsonl", []byte(goodHeadline+"\n"+noise+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Headline{ID: "h001", Outlet: "APA", Date: "2026-10-14", Section: Foreign,
		HeadlineEN: "FM meets counterpart", Lead: "The ministers met.", HeadlineJA: "バイラモフ外相、会談"}
	if len(hs) != 2 || hs[0] != want || hs[1].Section != None {
		t.Errorf("parseHeadlines = %+v", hs)
	}
}

func TestParseHeadlinesRejects(t *testing.T) {
	replace := func(old, new string) string { return strings.Replace(goodHeadline, old, new, 1) }
	tests := []struct {
		name, input, want string
	}{
		{"malformed", goodHeadline + "\n" + `{"id":"h002",`, "t.jsonl:2: malformed JSON"},
		{"not an object", `["h001"]`, "t.jsonl:1: malformed JSON"},
		{"trailing data", goodHeadline + ` {"id":"h009"}`, "t.jsonl:1: malformed JSON: data after the object"},
		{"unknown field", replace(`"id"`, `"extra":"x","id"`), `t.jsonl:1: malformed JSON: json: unknown field "extra"`},
		{"missing field", replace(`"lead":"The ministers met.",`, ""), `t.jsonl:1: missing field "lead"`},
		{"missing headline_ja", replace(`,"headline_ja":"バイラモフ外相、会談"`, ""), `t.jsonl:1: missing field "headline_ja"`},
		{"null field", replace(`"outlet":"APA"`, `"outlet":null`), `t.jsonl:1: missing field "outlet"`},
		{"empty field", replace(`"id":"h001"`, `"id":""`), `t.jsonl:1: empty field "id"`},
		{"unknown section", replace(`"foreign"`, `"economy"`), `t.jsonl:1: unknown section "economy"`},
		{"digest item without headline_ja", replace(`"バイラモフ外相、会談"`, `""`), `t.jsonl:1: empty field "headline_ja"`},
		{"noise with headline_ja", replace(`"foreign"`, `"none"`), `t.jsonl:1: section "none" must have an empty headline_ja`},
		{"bad date", replace(`"2026-10-14"`, `"14.10.2026"`), `t.jsonl:1: date "14.10.2026"`},
		{"duplicate id", goodHeadline + "\n" + goodHeadline, `t.jsonl:2: duplicate id "h001" (first on line 1)`},
		{"blank line", goodHeadline + "\n\n" + replace("h001", "h002"), "t.jsonl:2: blank line"},
		{"carriage return", goodHeadline + "\r\n", "t.jsonl:1: carriage return"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseHeadlines("t.jsonl", []byte(tt.input))
			if err == nil {
				t.Fatalf("parseHeadlines accepted %q", tt.input)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseNames(t *testing.T) {
	in := namesHeader + "\nJeyhun Bayramov\tジェイフン・バイラモフ\tperson\taz\tForeign Minister\nGanja\tギャンジャ\tplace\taz\t\n"
	ns, err := parseNames("t.tsv", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Name{
		{En: "Jeyhun Bayramov", JA: "ジェイフン・バイラモフ", Kind: Person, Origin: "az", Note: "Foreign Minister"},
		{En: "Ganja", JA: "ギャンジャ", Kind: Place, Origin: "az"},
	}
	if len(ns) != len(want) || ns[0] != want[0] || ns[1] != want[1] {
		t.Errorf("parseNames = %+v, want %+v", ns, want)
	}
}

func TestParseNamesRejects(t *testing.T) {
	const row = "Ganja\tギャンジャ\tplace\taz\t"
	tests := []struct {
		name, input, want string
	}{
		{"empty file", "", "t.tsv:1: header must be"},
		{"wrong header", "en\tja\tkind\torigin\n" + row, "t.tsv:1: header must be"},
		{"too few fields", namesHeader + "\nGanja\tギャンジャ\tplace\taz", "t.tsv:2: 4 tab-separated fields, want 5"},
		{"too many fields", namesHeader + "\n" + row + "\textra", "t.tsv:2: 6 tab-separated fields, want 5"},
		{"empty ja", namesHeader + "\nGanja\t\tplace\taz\t", `t.tsv:2: empty field "ja"`},
		{"empty origin", namesHeader + "\nGanja\tギャンジャ\tplace\t\t", `t.tsv:2: empty field "origin"`},
		{"unknown kind", namesHeader + "\nGanja\tギャンジャ\tcity\taz\t", `t.tsv:2: unknown kind "city"`},
		{"unknown origin", namesHeader + "\nGanja\tギャンジャ\tplace\taze\t", `t.tsv:2: unknown origin "aze"`},
		{"duplicate", namesHeader + "\n" + row + "\n" + row, `t.tsv:3: duplicate name "Ganja" (first on line 2)`},
		{"blank line", namesHeader + "\n" + row + "\n\n", "t.tsv:3: 1 tab-separated fields, want 5"},
		{"carriage return", namesHeader + "\r\n" + row, "t.tsv:1: carriage return"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseNames("t.tsv", []byte(tt.input))
			if err == nil {
				t.Fatalf("parseNames accepted %q", tt.input)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}
