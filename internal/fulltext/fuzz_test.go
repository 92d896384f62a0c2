package fulltext

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"Əliyev met Həsənov; Azerbaijan's Kassym-Jomart 35.1%",
	"**Bayramov** 外相は「露」を訪問 ｶﾞｽ ＡＢＣ",
	`"foreign minister" 露 「外相会談」 “peace” 『ロシア』`,
	"カ\u3099 e\u0301 и\u0306 \u00AD\u200B 葛\U000E0100",
	"\xff\xfe 'it''s' \\ \"",
	strings.Repeat("a", 70) + " イルハム・アリエフ",
}

// checkToken fails unless tok is what FTS5's ascii tokenizer reads back as
// one token: non-empty UTF-8 whose ASCII bytes are all [a-z0-9].
func checkToken(t *testing.T, tok string) {
	t.Helper()
	if tok == "" || !utf8.ValidString(tok) || len(tok) > MaxWordBytes {
		t.Fatalf("bad token %q", tok)
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c < utf8.RuneSelf && !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			t.Fatalf("token %q holds %q", tok, c)
		}
	}
}

// asciiTokenize does what FTS5's ascii tokenizer does: tokens are runs of
// ASCII letters and digits and non-ASCII bytes, folded to lower case.
func asciiTokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r < utf8.RuneSelf && !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
}

// parseTSVector reads a tsvector literal as this package writes it, and
// returns the positions of each lexeme, or ok false if it is malformed.
func parseTSVector(s string) (lexemes map[string][]int, ok bool) {
	lexemes = map[string][]int{}
	for s != "" {
		if s[0] != '\'' {
			return nil, false
		}
		var lex strings.Builder
		i := 1
		for {
			if i >= len(s) {
				return nil, false // unclosed quote
			}
			c := s[i]
			if (c == '\'' || c == '\\') && i+1 < len(s) && s[i+1] == c {
				lex.WriteByte(c)
				i += 2
				continue
			}
			if c == '\\' {
				return nil, false
			}
			if c == '\'' {
				i++
				break
			}
			lex.WriteByte(c)
			i++
		}
		if i >= len(s) || s[i] != ':' {
			return nil, false
		}
		i++
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		var pos []int
		for _, f := range strings.Split(s[i:j], ",") {
			p, err := strconv.Atoi(f)
			if err != nil || p < 1 || p > MaxPosition || len(pos) > 0 && p <= pos[len(pos)-1] {
				return nil, false
			}
			pos = append(pos, p)
		}
		if _, dup := lexemes[lex.String()]; dup || len(pos) > maxPositions {
			return nil, false
		}
		lexemes[lex.String()] = pos
		s = s[j:]
		if s != "" {
			if s[0] != ' ' || len(s) == 1 {
				return nil, false
			}
			s = s[1:]
		}
	}
	return lexemes, true
}

// checkTSVector fails unless lit is a well-formed literal of tokens.
func checkTSVector(t *testing.T, lit string, tokens []string, offset int) {
	t.Helper()
	lex, ok := parseTSVector(lit)
	if !ok {
		t.Fatalf("malformed tsvector %q", lit)
	}
	for i, tok := range tokens {
		p := min(offset+i+1, MaxPosition)
		if pos := lex[tok]; !slices.Contains(pos, p) && len(pos) < maxPositions {
			t.Fatalf("tsvector %q lacks %q at %d", lit, tok, p)
		}
	}
	if len(lex) > len(tokens) {
		t.Fatalf("tsvector %q has more lexemes than the tokens %q", lit, tokens)
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		terms := Analyze(text)
		for _, tok := range terms.Main {
			checkToken(t, tok)
		}
		for _, tok := range terms.Uni {
			checkToken(t, tok)
			if utf8.RuneCountInString(tok) != 1 {
				t.Fatalf("uni token %q is not one character", tok)
			}
		}
		main, uni := terms.FTS5()
		if got := asciiTokenize(main); !slices.Equal(got, terms.Main) {
			t.Fatalf("FTS5 reads main %q back as %q", terms.Main, got)
		}
		if got := asciiTokenize(uni); !slices.Equal(got, terms.Uni) {
			t.Fatalf("FTS5 reads uni %q back as %q", terms.Uni, got)
		}
		for _, offset := range []int{0, 7, MaxPosition - 3} {
			main, uni := terms.TSVector(offset)
			checkTSVector(t, main, terms.Main, offset)
			checkTSVector(t, uni, terms.Uni, offset)
		}

		// Highlight and Snippet with a query taken from the text.
		qs := text
		if n := 40; utf8.RuneCountInString(qs) > n {
			qs = string([]rune(qs)[:n])
		}
		q, err := ParseQuery(qs)
		if err != nil {
			return
		}
		spans := Highlight(text, q)
		checkSpans(t, text, spans)
		for _, limit := range []int{1, 10, 80} {
			snip, spans := Snippet(text, q, limit)
			checkSpans(t, snip, spans)
			if n := utf8.RuneCountInString(strings.ReplaceAll(snip, Ellipsis, "")); n > limit && snip != text {
				t.Fatalf("Snippet(%d) = %q: %d characters", limit, snip, n)
			}
		}
	})
}

// checkSpans fails unless spans are sorted, apart, non-empty, within s and
// (when s is valid UTF-8) on character boundaries.
func checkSpans(t *testing.T, s string, spans []Span) {
	t.Helper()
	last := -1
	for _, sp := range spans {
		if sp.Start <= last || sp.Start >= sp.End || sp.End > len(s) {
			t.Fatalf("spans %v out of order or out of %q", spans, s)
		}
		if utf8.ValidString(s) && (!utf8.RuneStart(s[sp.Start]) || sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
			t.Fatalf("span %v of %q splits a character", sp, s)
		}
		last = sp.End
	}
}

// checkFTS5 fails unless expr is a list of quoted strings, each behind the
// given column filter, joined by AND.
func checkFTS5(t *testing.T, expr, mainCols, uniCols string) {
	t.Helper()
	s := expr
	for first := true; ; first = false {
		if !first {
			var ok bool
			if s, ok = strings.CutPrefix(s, " AND "); !ok {
				t.Fatalf("FTS5 %q: want AND at %q", expr, s)
			}
		}
		if rest, ok := strings.CutPrefix(s, mainCols+" : "); ok {
			s = rest
		} else if rest, ok := strings.CutPrefix(s, uniCols+" : "); ok {
			s = rest
		} else {
			t.Fatalf("FTS5 %q: want a column filter at %q", expr, s)
		}
		if !strings.HasPrefix(s, `"`) {
			t.Fatalf("FTS5 %q: want a string at %q", expr, s)
		}
		i := 1
		for {
			j := strings.IndexByte(s[i:], '"')
			if j < 0 {
				t.Fatalf("FTS5 %q: unclosed string", expr)
			}
			i += j + 1
			if i < len(s) && s[i] == '"' {
				i++
				continue
			}
			break
		}
		if s = s[i:]; s == "" {
			return
		}
	}
}

// checkTSQuery fails unless q is quoted lexemes joined by & and <->, with
// balanced parentheses.
func checkTSQuery(t *testing.T, q string) {
	t.Helper()
	depth := 0
	operand := true
	for i := 0; i < len(q); {
		switch {
		case operand && q[i] == '(':
			depth++
			i++
		case operand && q[i] == '\'':
			i++
			for {
				if i >= len(q) {
					t.Fatalf("tsquery %q: unclosed quote", q)
				}
				if (q[i] == '\'' || q[i] == '\\') && i+1 < len(q) && q[i+1] == q[i] {
					i += 2
					continue
				}
				if q[i] == '\'' {
					break
				}
				i++
			}
			i++
			operand = false
		case !operand && q[i] == ')' && depth > 0:
			depth--
			i++
		case !operand && strings.HasPrefix(q[i:], " & "):
			i += 3
			operand = true
		case !operand && strings.HasPrefix(q[i:], " <-> "):
			i += 5
			operand = true
		default:
			t.Fatalf("tsquery %q: unexpected %q", q, q[i:])
		}
	}
	if depth != 0 || (q != "" && operand) {
		t.Fatalf("tsquery %q: unbalanced", q)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if len(q.Terms) == 0 || len(q.Terms) > MaxTerms {
			t.Fatalf("ParseQuery(%q): %d terms", s, len(q.Terms))
		}
		for _, term := range q.Terms {
			if term.Uni != "" {
				if term.Tokens != nil || utf8.RuneCountInString(term.Uni) != 1 || !isJapanese([]rune(term.Uni)[0]) {
					t.Fatalf("ParseQuery(%q): bad uni term %+v", s, term)
				}
				continue
			}
			if len(term.Tokens) == 0 {
				t.Fatalf("ParseQuery(%q): empty term %+v", s, term)
			}
			for _, tok := range term.Tokens {
				checkToken(t, tok)
			}
		}
		checkFTS5(t, q.FTS5("{head body}", "{uhead ubody}"), "{head body}", "{uhead ubody}")
		main, uni := q.TSQuery()
		checkTSQuery(t, main)
		checkTSQuery(t, uni)

		// A query finds the text it was typed as.
		if !matches(Analyze(s), q) {
			t.Fatalf("ParseQuery(%q) = %+v does not match its own text %+v", s, q.Terms, Analyze(s))
		}
		checkSpans(t, s, Highlight(s, q))
	})
}
