package fulltext

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// vocabulary holds the words the generated texts are made of, each with the
// tokens it must give, written out by hand rather than computed, so that the
// expected stream below does not depend on the code under test.
var vocabulary = []struct{ word, tokens string }{
	{"Aliyev", "aliyev"}, {"Əliyev", "aliyev"}, {"ƏLİYEV", "aliyev"},
	{"Həsənov", "hasanov"}, {"Hasanov", "hasanov"}, {"Bayramov", "bayramov"},
	{"foreign", "foreign"}, {"Foreign", "foreign"}, {"minister", "minister"},
	{"Azerbaijan's", "azerbaijan s"}, {"Kassym-Jomart", "kassym jomart"},
	{"Bakı", "baki"}, {"Baku", "baku"}, {"Şuşa", "susa"}, {"Erdoğan", "erdogan"},
	{"talks", "talks"}, {"peace", "peace"}, {"the", "the"}, {"35.1", "35 1"},
	{"COVID-19", "covid 19"}, {"Ｇ２０", "g20"}, {"Zürich", "zurich"},
	{"Москва", "москва"}, {"security", "security"}, {"border", "border"},
	{"NATO", "nato"}, {"**summit**", "summit"}, {"Gəncə", "ganca"},
}

// kana and kanji for the Japanese runs: all of them plain characters that
// no folding changes, so that a substring search of the text is an oracle.
var japanese = []rune("外相会談露米日本政府アゼルバイジャンハサノフのはにをがでとイルム国境平和合意首脳ー々")

// separators stand between the pieces of a text; none of them is a letter,
// a digit, a Japanese character or a double quote.
var separators = []string{" ", " ", " ", ", ", ". ", "、", "。", "・", " (", ") ", "\n", "「", "」", " — "}

// A piece of a generated text: a word of the vocabulary or a Japanese run.
type piece struct {
	text       string
	tokens     []string // the expected main tokens
	japanese   bool
	start, end int // bytes in the text
}

// generate makes a text of mixed English and Japanese pieces.
func generate(r *rand.Rand) (string, []piece) {
	var b strings.Builder
	var pieces []piece
	n := 3 + r.IntN(25)
	for i := range n {
		if i > 0 {
			b.WriteString(separators[r.IntN(len(separators))])
		}
		var p piece
		if r.IntN(10) < 7 {
			v := vocabulary[r.IntN(len(vocabulary))]
			p = piece{text: v.word, tokens: strings.Fields(v.tokens)}
		} else {
			run := make([]rune, 1+r.IntN(8))
			for k := range run {
				run[k] = japanese[r.IntN(len(japanese))]
			}
			p = piece{text: string(run), tokens: bigrams(run), japanese: true}
		}
		p.start = b.Len()
		b.WriteString(p.text)
		p.end = b.Len()
		pieces = append(pieces, p)
	}
	return b.String(), pieces
}

// bigrams returns what a Japanese run gives in the main stream.
func bigrams(run []rune) []string {
	if len(run) == 1 {
		return []string{string(run)}
	}
	var out []string
	for i := 0; i+1 < len(run); i++ {
		out = append(out, string(run[i:i+2]))
	}
	return out
}

// matches is the reference matcher: what an engine does with the terms of a
// query and the tokens of a document.
func matches(t Terms, q Query) bool {
	for _, term := range q.Terms {
		if !termMatches(t, term) {
			return false
		}
	}
	return len(q.Terms) > 0
}

func termMatches(t Terms, term Term) bool {
	if term.Uni != "" {
		return slices.Contains(t.Uni, term.Uni)
	}
	return containsRun(t.Main, term.Tokens)
}

// containsRun reports whether sub stands consecutively in s.
func containsRun(s, sub []string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return len(sub) == 0
}

// highlighted reports whether some span of text holds the term, by the
// reference matcher on the span's own tokens.
func highlighted(text string, spans []Span, term Term) bool {
	for _, s := range spans {
		if termMatches(Analyze(text[s.Start:s.End]), term) {
			return true
		}
	}
	return false
}

func TestPropertySubstringsMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for iter := range 2000 {
		text, pieces := generate(r)
		terms := Analyze(text)

		// The analysis is what the pieces promise.
		var main, uni []string
		for _, p := range pieces {
			main = append(main, p.tokens...)
			if p.japanese {
				for _, c := range p.text {
					uni = append(uni, string(c))
				}
			}
		}
		if !slices.Equal(terms.Main, main) || !slices.Equal(terms.Uni, uni) {
			t.Fatalf("text %d %q:\n main %q\n want %q\n uni %q\n want %q", iter, text, terms.Main, main, terms.Uni, uni)
		}

		// Queries made from the text all match it, and are highlighted.
		var queries []string
		p := pieces[r.IntN(len(pieces))]
		queries = append(queries, p.text)
		if i := r.IntN(len(pieces)); i+1 < len(pieces) {
			j := min(len(pieces), i+2+r.IntN(3))
			queries = append(queries, `"`+text[pieces[i].start:pieces[j-1].end]+`"`)
		}
		if p.japanese {
			run := []rune(p.text)
			from := r.IntN(len(run))
			to := min(len(run), from+1+r.IntN(6))
			sub := string(run[from:to])
			queries = append(queries, sub, "「"+sub+"」", sub+" "+pieces[0].text)
		}
		for _, qs := range queries {
			q, err := ParseQuery(qs)
			if err != nil {
				t.Fatalf("text %q: ParseQuery(%q): %v", text, qs, err)
			}
			if !matches(terms, q) {
				t.Errorf("text %q: query %q (%+v) does not match", text, qs, q.Terms)
			}
			spans := Highlight(text, q)
			for _, term := range q.Terms {
				if !highlighted(text, spans, term) {
					t.Errorf("text %q: query %q: term %+v not highlighted in %q", text, qs, term, marked(text, spans))
				}
			}
		}

		// A phrase in the wrong order does not match, unless the text has
		// it that way round somewhere.
		if i := r.IntN(len(pieces)); i+1 < len(pieces) && !pieces[i].japanese && !pieces[i+1].japanese {
			a, b := pieces[i].tokens, pieces[i+1].tokens
			swapped := append(slices.Clone(b), a...)
			if !slices.Equal(a, b) && !containsRun(main, swapped) {
				qs := `"` + pieces[i+1].text + " " + pieces[i].text + `"`
				q := mustParse(t, qs)
				if matches(terms, q) || len(Highlight(text, q)) > 0 {
					t.Errorf("text %q: reversed phrase %q matches", text, qs)
				}
			}
		}

		// Japanese that is not in the text does not match.
		absent := make([]rune, 1+r.IntN(4))
		for k := range absent {
			absent[k] = japanese[r.IntN(len(japanese))]
		}
		if s := string(absent); !strings.Contains(text, s) {
			q := mustParse(t, s)
			if matches(terms, q) || len(Highlight(text, q)) > 0 {
				t.Errorf("text %q: absent %q matches", text, s)
			}
		}
	}
}
