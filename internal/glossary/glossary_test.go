package glossary

import (
	"errors"
	"strings"
	"testing"

	"shuho/internal/digest"
)

var style = digest.Style{Russia: "露", V: "ヴ"}

func testGlossary() *Glossary {
	return New([]digest.Term{
		{Kind: digest.Person, EN: "Jeyhun Bayramov", Variants: []string{"Ceyhun Bayramov", "Jeyhun Bairamov"}, JA: "ジェイフン・バイラモフ", Short: "バイラモフ", Country: "AZ", Title: "Foreign Minister"},
		{Kind: digest.Person, EN: "Ilham Aliyev", Variants: []string{"İlham Əliyev", "Ilham Aliev"}, JA: "イルハム・アリエフ", Short: "アリエフ", Country: "AZ", Title: "President"},
		{Kind: digest.Title, EN: "Foreign Minister", Variants: []string{"FM", "Minister of Foreign Affairs"}, JA: "外相"},
		{Kind: digest.Title, EN: "Deputy Foreign Minister", JA: "外務次官"},
		{Kind: digest.Title, EN: "President", JA: "大統領"},
		{Kind: digest.Country, EN: "Russia", Variants: []string{"Russian Federation"}, JA: "ロシア", Short: "露", Country: "RU"},
		{Kind: digest.Country, EN: "United States", Variants: []string{"US", "USA"}, JA: "米国", Short: "米", Country: "US"},
		{Kind: digest.Country, EN: "Kazakhstan", JA: "カザフスタン", Country: "KZ"},
		{Kind: digest.Adjective, EN: "Azerbaijani", JA: "アゼルバイジャン", Country: "AZ"},
		{Kind: digest.Place, EN: "Ganja", Variants: []string{"Gəncə", "Gyandzha"}, JA: "ギャンジャ", Country: "AZ"},
	}, style)
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"İlham Əliyev", "ilham aliyev"},
		{"ILHAM  ALIYEV", "ilham aliyev"},
		{"Gəncə", "ganca"},
		{"Kassym-Jomart Tokayev", "kassym jomart tokayev"},
		{"Azerbaijan's", "azerbaijan"},
		{"Erdoğan", "erdogan"},
		{"Şuşa", "susa"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	g := testGlossary()
	text := "Deputy Foreign Minister met FM Ceyhun Bayramov's team in Gəncə, then President İlham Əliyev spoke to the Russian Federation."
	var got []string
	for _, m := range g.Find(text) {
		got = append(got, m.Term.EN+"="+text[m.Start:m.End])
	}
	want := []string{"Deputy Foreign Minister=Deputy Foreign Minister", "Foreign Minister=FM", "Jeyhun Bayramov=Ceyhun Bayramov",
		"Ganja=Gəncə", "President=President", "Ilham Aliyev=İlham Əliyev", "Russia=Russian Federation"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Find:\n got %q\nwant %q", got, want)
	}
}

func TestLookupAndSurname(t *testing.T) {
	g := testGlossary()
	for _, name := range []string{"Jeyhun Bayramov", "ceyhun bayramov", "JEYHUN BAIRAMOV"} {
		if tm := g.Lookup(name); tm == nil || tm.JA != "ジェイフン・バイラモフ" {
			t.Errorf("Lookup(%q) = %v", name, tm)
		}
	}
	if tm := g.Lookup("Bayramov"); tm != nil {
		t.Errorf("a surname alone is no full name: %v", tm)
	}
	if ps := g.Surname("Bairamov"); len(ps) != 1 || ps[0].Short != "バイラモフ" {
		t.Errorf("Surname(Bairamov) = %v", ps)
	}
	if r := g.Name("Aliyev", ""); r.JA != "アリエフ" || r.ByRule {
		t.Errorf("Name(Aliyev) = %+v", r)
	}
	if got := g.CountryShort("RU"); got != "露" {
		t.Errorf("CountryShort(RU) = %q", got)
	}
	if got := New(g.Terms(), digest.Style{Russia: "ロ", V: "ヴ"}).CountryShort("RU"); got != "ロ" {
		t.Errorf("with the ロ style: %q", got)
	}
	if got := g.CountryShort("KZ"); got != "カザフスタン" {
		t.Errorf("a country without an abbreviation: %q", got)
	}
}

// TestOverride: a later term of the same kind and English form (the desk's
// own) replaces the seed's.
func TestOverride(t *testing.T) {
	g := New(append(testGlossary().Terms(), digest.Term{Kind: digest.Place, EN: "GANJA", JA: "ガンジャ"}), style)
	if tm := g.Lookup("Gəncə"); tm == nil || tm.JA != "ガンジャ" {
		t.Errorf("after the desk's term: %v", tm)
	}
	if n := len(g.Terms()); n != len(testGlossary().Terms()) {
		t.Errorf("%d terms, want the same number", n)
	}
}

func TestParseJSON(t *testing.T) {
	bad := []struct{ in, want string }{
		{`{`, "unexpected EOF"},
		{`[{"kind": "planet", "en": "Mars", "ja": "火星"}]`, "term 1: kind"},
		{`[{"kind": "place", "en": "", "ja": "x"}]`, "English form is empty"},
		{`[{"kind": "place", "en": "Baku", "ja": " "}]`, "Japanese rendering is empty"},
		{`[{"kind": "place", "en": "Baku", "ja": "バクー", "country": "AZE"}]`, "two-letter"},
		{`[{"kind": "place", "en": "Baku", "ja": "バクー", "colour": "red"}]`, "unknown field"},
		{`[{"kind": "place", "en": "Ba\nku", "ja": "バクー"}]`, "line break"},
	}
	for _, tt := range bad {
		_, err := ParseJSON([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, digest.ErrInvalid) {
			t.Errorf("ParseJSON(%s): %v, want an invalid error holding %q", tt.in, err, tt.want)
		}
	}
	ts, err := ParseJSON([]byte(`[{"kind": "place", "en": " Baku ", "ja": "バクー", "variants": ["Bakı", "baku", "Bakı"], "country": "az"}]`))
	if err != nil || len(ts) != 1 || ts[0].EN != "Baku" || ts[0].Country != "AZ" || len(ts[0].Variants) != 1 {
		t.Errorf("ParseJSON: %+v, %v", ts, err)
	}
}

// TestBuiltin loads the seed and checks what drafting relies on: no two
// terms of one kind with one English form, every country with its code,
// every person with a surname and a title (or past offices), the
// abbreviations headlines use.
func TestBuiltin(t *testing.T) {
	ts, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	kinds := map[digest.TermKind]int{}
	for _, tm := range ts {
		k := string(tm.Kind) + "|" + Fold(tm.EN)
		if seen[k] {
			t.Errorf("%s %q twice", tm.Kind, tm.EN)
		}
		seen[k] = true
		kinds[tm.Kind]++
		switch tm.Kind {
		case digest.Country:
			if tm.Country == "" {
				t.Errorf("country %s has no code", tm.EN)
			}
		case digest.Person:
			// A past holder has no title today, only the offices held;
			// a holder no page gives in Japanese has no Japanese at all.
			if tm.JA == "" && len(tm.Offices) > 0 && tm.Short == "" {
				continue
			}
			if tm.Short == "" || tm.Title == "" && len(tm.Offices) == 0 {
				t.Errorf("person %s: short %q, title %q", tm.EN, tm.Short, tm.Title)
			}
		}
	}
	t.Logf("seed: %d terms, %v", len(ts), kinds)
	g := New(ts, style)
	for code, want := range map[string]string{"US": "米", "RU": "露", "GB": "英", "FR": "仏", "DE": "独", "CN": "中", "KR": "韓", "AZ": "アゼルバイジャン"} {
		if got := g.CountryShort(code); got != want {
			t.Errorf("CountryShort(%s) = %q, want %q", code, got, want)
		}
	}
	for en, ja := range map[string]string{"Ilham Aliyev": "イルハム・アリエフ", "Baku": "バクー", "Azerbaijan": "アゼルバイジャン"} {
		if tm := g.Lookup(en); tm == nil || tm.JA != ja {
			t.Errorf("Lookup(%s) = %v, want %s", en, tm, ja)
		}
	}
}

func BenchmarkFind1000Words(b *testing.B) {
	ts, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	g := New(ts, style)
	sentence := "On November 16, President Ilham Aliyev received Foreign Minister of Kazakhstan in Baku and discussed the Middle Corridor with the delegation of the European Union. "
	var text strings.Builder
	for text.Len() < 1 || len(strings.Fields(text.String())) < 1000 {
		text.WriteString(sentence)
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for range b.N {
		if len(g.Find(s)) == 0 {
			b.Fatal("nothing found")
		}
	}
}

func TestSpellings(t *testing.T) {
	g := testGlossary()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Ilham Aliyev", []string{"İlham Əliyev", "Ilham Aliev", "イルハム・アリエフ", "アリエフ"}},
		{"ilham əliyev", []string{"Ilham Aliyev", "İlham Əliyev", "Ilham Aliev", "イルハム・アリエフ", "アリエフ"}},
		{"Aliev", []string{"アリエフ", "Aliyev", "Əliyev"}},
		{"アリエフ", []string{"Aliyev", "Əliyev", "Aliev"}},
		{"イルハム・アリエフ", []string{"Ilham Aliyev", "İlham Əliyev", "Ilham Aliev"}},
		{"Gyandzha", []string{"Ganja", "Gəncə", "ギャンジャ"}},
		{"ギャンジャ", []string{"Ganja", "Gəncə", "Gyandzha"}},
		{"Nobody", nil},
	} {
		if got := g.Spellings(tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Spellings(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
