package fulltext

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"shuho/internal/digest"
)

func TestParseQuery(t *testing.T) {
	m := func(text string, tokens ...string) Term { return Term{Tokens: tokens, Text: text} }
	u := func(c string) Term { return Term{Uni: c, Text: c} }
	for _, tc := range []struct {
		in   string
		want []Term
	}{
		{"Bayramov", []Term{m("Bayramov", "bayramov")}},
		{"  Əliyev  ", []Term{m("Əliyev", "aliyev")}},
		{"foreign minister", []Term{m("foreign", "foreign"), m("minister", "minister")}},
		{`"foreign minister"`, []Term{m("foreign minister", "foreign", "minister")}},
		{`"  foreign, minister. "`, []Term{m("foreign, minister", "foreign", "minister")}},
		{"Kassym-Jomart", []Term{m("Kassym-Jomart", "kassym", "jomart")}},
		{"Azerbaijan's", []Term{m("Azerbaijan's", "azerbaijan", "s")}},
		{"35.1%", []Term{m("35.1", "35", "1")}},
		{"露", []Term{u("露")}},
		{"外相", []Term{m("外相", "外相")}},
		{"ハサノフ", []Term{m("ハサノフ", "ハサ", "サノ", "ノフ")}},
		{"露 米", []Term{u("露"), u("米")}},
		{"Bayramov 外相", []Term{m("Bayramov", "bayramov"), m("外相", "外相")}},
		{"G20サミット", []Term{m("G20", "g20"), m("サミット", "サミ", "ミッ", "ット")}},
		{"イルハム・アリエフ", []Term{m("イルハム・アリエフ", "イル", "ルハ", "ハム", "アリ", "リエ", "エフ")}},
		{"露・米", []Term{m("露・米", "露", "米")}},
		{`"foreign minister" 露`, []Term{m("foreign minister", "foreign", "minister"), u("露")}},
		{`"Bayramov 外相"`, []Term{m("Bayramov 外相", "bayramov", "外相")}},
		{`"露 外相"`, []Term{m("露 外相", "露", "外相")}},
		{"「露」", []Term{u("露")}},
		{"「外相会談」", []Term{m("外相会談", "外相", "相会", "会談")}},
		{"『ロシア』", []Term{m("ロシア", "ロシ", "シア")}},
		{"“peace talks”", []Term{m("peace talks", "peace", "talks")}},
		{"”peace talks”", []Term{m("peace talks", "peace", "talks")}},
		{"＂peace talks＂", []Term{m("peace talks", "peace", "talks")}},
		{`peace"talks"`, []Term{m("peace", "peace"), m("talks", "talks")}},
		{`"" peace`, []Term{m("peace", "peace")}},
		{"Aliyev aliyev ƏLİYEV 露 露", []Term{m("Aliyev", "aliyev"), u("露")}},
		{"ＡＢＣ", []Term{m("ＡＢＣ", "abc")}},
		{"ｶﾞｽ", []Term{m("ｶﾞｽ", "ガス")}},
		{"**Bayramov**", []Term{m("Bayramov", "bayramov")}},
		{"a\u3000b", []Term{m("a", "a"), m("b", "b")}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			q, err := ParseQuery(tc.in)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(q.Terms, tc.want) {
				t.Errorf("ParseQuery(%q) =\n %+v\nwant\n %+v", tc.in, q.Terms, tc.want)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	for _, tc := range []struct {
		in, msg string
		kind    error
	}{
		{"", "empty query", digest.ErrInvalid},
		{" \t\u3000 ", "empty query", digest.ErrInvalid},
		{"... ・ 、。!?", "nothing to search for", digest.ErrInvalid},
		{`""`, "nothing to search for", digest.ErrInvalid},
		{`"foreign minister`, `unbalanced quote: the " at character 1 is not closed; end the phrase with "`, digest.ErrInvalid},
		{`peace "foreign`, "at character 7", digest.ErrInvalid},
		{"「露", "the 「 at character 1 is not closed; end the phrase with 」", digest.ErrInvalid},
		{"露」", "the 」 at character 2 closes no 「", digest.ErrInvalid},
		{"a』", "closes no 『", digest.ErrInvalid},
		{"“peace", "end the phrase with ”", digest.ErrInvalid},
		{strings.Repeat("a", 257), "query too long: 257 characters, at most 256", digest.ErrTooLarge},
		{strings.Repeat("露", 257), "query too long", digest.ErrTooLarge},
		{"a b c d e f g h i j k l m n o p q r s t u", "too many terms: 21, at most 20", digest.ErrTooLarge},
		{strings.Repeat("x", 65), "longer than 64", digest.ErrInvalid},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := ParseQuery(tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("ParseQuery(%q) error = %v, want one saying %q", tc.in, err, tc.msg)
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("ParseQuery(%q) error %v is not of kind %v", tc.in, err, tc.kind)
			}
		})
	}
	// At the limits, a query is accepted.
	if _, err := ParseQuery(strings.Repeat("a ", 128)); err != nil {
		t.Errorf("256 characters: %v", err)
	}
	if _, err := ParseQuery("a b c d e f g h i j k l m n o p q r s 露 a b 露"); err != nil {
		t.Errorf("20 terms: %v", err)
	}
}

// TestQueryStrings holds the exact strings the engines are given.
func TestQueryStrings(t *testing.T) {
	for _, tc := range []struct {
		in, mainCols, uniCols string
		fts5, tsMain, tsUni   string
	}{
		{"Bayramov", "{head body}", "{uhead ubody}",
			`{head body} : "bayramov"`, `'bayramov'`, ``},
		{"Əliyev", "{head body}", "{uhead ubody}",
			`{head body} : "aliyev"`, `'aliyev'`, ``},
		{`"foreign minister" 露`, "{head body}", "{uhead ubody}",
			`{head body} : "foreign minister" AND {uhead ubody} : "露"`, `'foreign' <-> 'minister'`, `'露'`},
		{"ハサノフ", "{head body}", "{uhead ubody}",
			`{head body} : "ハサ サノ ノフ"`, `'ハサ' <-> 'サノ' <-> 'ノフ'`, ``},
		{"Bayramov 外相", "{head body}", "{uhead ubody}",
			`{head body} : "bayramov" AND {head body} : "外相"`, `'bayramov' & '外相'`, ``},
		{"Kassym-Jomart Tokayev", "{head body}", "{uhead ubody}",
			`{head body} : "kassym jomart" AND {head body} : "tokayev"`, `('kassym' <-> 'jomart') & 'tokayev'`, ``},
		{"露 米", "{head body}", "{uhead ubody}",
			`{uhead ubody} : "露" AND {uhead ubody} : "米"`, ``, `'露' & '米'`},
		{"「アリエフ大統領」 露", "head", "uhead",
			`head : "アリ リエ エフ フ大 大統 統領" AND uhead : "露"`,
			`'アリ' <-> 'リエ' <-> 'エフ' <-> 'フ大' <-> '大統' <-> '統領'`, `'露'`},
		{"peace 35.1", "", "",
			`"peace" AND "35 1"`, `'peace' & ('35' <-> '1')`, ``},
	} {
		t.Run(tc.in, func(t *testing.T) {
			q, err := ParseQuery(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := q.FTS5(tc.mainCols, tc.uniCols); got != tc.fts5 {
				t.Errorf("FTS5 =\n %s\nwant\n %s", got, tc.fts5)
			}
			if m, u := q.TSQuery(); m != tc.tsMain || u != tc.tsUni {
				t.Errorf("TSQuery =\n %s | %s\nwant\n %s | %s", m, u, tc.tsMain, tc.tsUni)
			}
		})
	}
}

// Tokens are never quoted by a user's hand, but the writers quote whatever
// they are given.
func TestQueryQuoting(t *testing.T) {
	q := Query{Terms: []Term{{Tokens: []string{`a"b`, "it's"}}, {Uni: `\`}}}
	if got, want := q.FTS5("", ""), `"a""b it's" AND "\"`; got != want {
		t.Errorf("FTS5 = %s, want %s", got, want)
	}
	if m, u := q.TSQuery(); m != `'a"b' <-> 'it''s'` || u != `'\\'` {
		t.Errorf("TSQuery = %s | %s", m, u)
	}
}

// TestWithSpellings: a term given other spellings matches where any does,
// in both engines' queries and in the highlighting.
func TestWithSpellings(t *testing.T) {
	spell := func(term string) []string {
		return map[string][]string{"Aliyev": {"アリエフ", "Aliev", "Əliyev", "!!"}, "アリエフ": {"Aliyev"}}[term]
	}
	q, err := ParseQuery("Aliyev 大統領")
	if err != nil {
		t.Fatal(err)
	}
	q = q.WithSpellings(spell)
	// Əliyev folds to aliyev, the term itself; "!!" reads as nothing.
	if got, want := q.FTS5("{head body}", "{uhead ubody}"),
		`({head body} : "aliyev" OR {head body} : "アリ リエ エフ" OR {head body} : "aliev") AND {head body} : "大統 統領"`; got != want {
		t.Errorf("FTS5 =\n %s\nwant\n %s", got, want)
	}
	if m, _ := q.TSQuery(); m != `('aliyev' | ('アリ' <-> 'リエ' <-> 'エフ') | 'aliev') & ('大統' <-> '統領')` {
		t.Errorf("TSQuery = %s", m)
	}
	text := "イルハム・アリエフ大統領 (Ilham Aliev)"
	var got []string
	for _, sp := range Highlight(text, q) {
		got = append(got, text[sp.Start:sp.End])
	}
	if strings.Join(got, "|") != "アリエフ大統領|Aliev" {
		t.Errorf("marked %q", got)
	}
	// No spellings, no change; a uni term has none.
	if p, _ := ParseQuery("露"); len(p.WithSpellings(spell).Terms[0].Alts) != 0 || len(ParseQueryMust(t, "Bayramov").WithSpellings(nil).Terms[0].Alts) != 0 {
		t.Errorf("alternatives where there should be none")
	}
}

func ParseQueryMust(t *testing.T, s string) Query {
	t.Helper()
	q, err := ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
