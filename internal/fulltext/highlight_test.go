package fulltext

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func mustParse(t testing.TB, s string) Query {
	t.Helper()
	q, err := ParseQuery(s)
	if err != nil {
		t.Fatalf("ParseQuery(%q): %v", s, err)
	}
	return q
}

// marked returns the text of each span.
func marked(text string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name, text, query string
		want              []string
	}{
		{"word", "Aliyev met Bayramov. Aliyev left.", "aliyev", []string{"Aliyev", "Aliyev"}},
		{"folded", "President ƏLİYEV and Mr Əliyev", "Aliyev", []string{"ƏLİYEV", "Əliyev"}},
		{"phrase, not its words", "The foreign minister; a foreign guest; the minister", `"foreign minister"`,
			[]string{"foreign minister"}},
		{"phrase over punctuation", "the Foreign. Minister", `"foreign minister"`, []string{"Foreign. Minister"}},
		{"no phrase in the wrong order", "minister foreign", `"foreign minister"`, nil},
		{"hyphenated", "Kassym-Jomart Tokayev", "kassym-jomart", []string{"Kassym-Jomart"}},
		{"japanese one", "露外相と露大使", "露", []string{"露", "露"}},
		{"japanese two", "露外相と外相", "外相", []string{"外相", "外相"}},
		{"japanese long", "アゼルバイジャンのハサノフ氏", "ハサノフ", []string{"ハサノフ"}},
		{"japanese overlapping merged", "ハハハハ", "ハハハ", []string{"ハハハハ"}},
		{"japanese across names", "イルハム・アリエフ大統領", "イルハム・アリエフ", []string{"イルハム・アリエフ"}},
		{"half-width", "ｶﾞｽ供給", "ガス", []string{"ｶﾞｽ"}},
		{"decomposed", "Cafe\u0301 noir", "café", []string{"Cafe\u0301"}},
		{"mixed", "Bayramov外相が露を訪問", "bayramov 外相 露", []string{"Bayramov外相", "露"}},
		{"no match", "Aliyev", "Tokayev", nil},
		{"markup", "**Bayramov** met", "bayramov met", []string{"Bayramov", "met"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans := Highlight(tc.text, mustParse(t, tc.query))
			if got := marked(tc.text, spans); !slices.Equal(got, tc.want) {
				t.Errorf("Highlight(%q, %q) = %q, want %q", tc.text, tc.query, got, tc.want)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("lorem ipsum dolor sit amet ", 10) + "the foreign minister met " + strings.Repeat("consectetur adipiscing elit ", 10)
	for _, tc := range []struct {
		name, text, query string
		limit             int
		want              string
		marks             []string
	}{
		{"short text whole", "Aliyev met Bayramov", "bayramov", 100, "Aliyev met Bayramov", []string{"Bayramov"}},
		{"around the match", long, `"foreign minister"`, 40,
			"…amet the foreign minister met…", []string{"foreign minister"}},
		{"no match: the start", long, "tokayev", 20, "lorem ipsum dolor…", nil},
		{"match at the end", "one two three four five six seven eight nine ten Aliyev", "aliyev", 20,
			"…nine ten Aliyev", []string{"Aliyev"}},
		{"japanese", strings.Repeat("あ", 50) + "ハサノフ外相" + strings.Repeat("い", 50), "ハサノフ", 12,
			"…あああハサノフ外相いいい…", []string{"ハサノフ"}},
		{"match longer than the snippet", "x " + strings.Repeat("ハ", 30) + " y", strings.Repeat("ハ", 30), 10,
			"x " + strings.Repeat("ハ", 8) + "…", []string{strings.Repeat("ハ", 8)}},
		{"zero limit", "Aliyev", "aliyev", 0, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, spans := Snippet(tc.text, mustParse(t, tc.query), tc.limit)
			if got != tc.want {
				t.Errorf("Snippet = %q, want %q", got, tc.want)
			}
			if m := marked(got, spans); !slices.Equal(m, tc.marks) {
				t.Errorf("Snippet marks %q, want %q", m, tc.marks)
			}
			if n := utf8.RuneCountInString(strings.ReplaceAll(got, Ellipsis, "")); n > max(tc.limit, 0) {
				t.Errorf("Snippet has %d characters, more than %d", n, tc.limit)
			}
		})
	}
}
