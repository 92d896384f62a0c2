package fulltext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
)

// The limits of a query: a search box is for words and names, not pasted
// articles, and every term costs the engines an index lookup.
const (
	MaxQueryRunes = 256
	MaxTerms      = 20
)

// A Term is one thing a document must contain to match a query.
type Term struct {
	// Tokens are main-stream tokens that must stand at consecutive
	// positions: one for a word, several for a phrase or for the bigrams of
	// a Japanese run. Nil for a uni term.
	Tokens []string
	// Uni is one Japanese character, matched in the uni stream; "" for a
	// main term.
	Uni string
	// Text is the term as the user wrote it, for messages.
	Text string
	// Alts are other main terms that match in its place (the other
	// spellings of a name: アリエフ for Aliyev): the term matches where it
	// or any of them does.
	Alts []Term
}

// Forms are the term and its alternatives.
func (t Term) Forms() []Term { return append([]Term{t}, t.Alts...) }

// A Query is what a user searches for: every term must match (AND).
type Query struct {
	Terms []Term
}

// ParseQuery reads a search query.
//
// Words and Japanese runs separated by spaces are terms, all of which must
// match. What is joined without a space is a phrase when it is of one kind:
// Kassym-Jomart, Azerbaijan's and 35.1 are phrases of two words, and
// イルハム・アリエフ the phrase of the bigrams of both names; where words meet
// Japanese without a space (G20サミット), each side is a term of its own. A
// Japanese run of one character is a uni term (any text holding the
// character matches); of two or more, the phrase of its bigrams (any text
// holding the run matches).
//
// A phrase in double quotes ("foreign minister", or full-width ＂), in 「」
// or 『』, or in “” is one term: its main tokens must stand consecutively, a Japanese run of
// one character in it being its own main token, as in documents. A quoted
// phrase that holds nothing but one Japanese character is the uni term of
// that character, so 「露」 finds what 露 finds.
//
// Repeated terms are dropped. The error, a *digest.ParseError of kind
// digest.ErrInvalid (or digest.ErrTooLarge for a query over the limits),
// says what is wrong: an empty query, a query with nothing to search for
// (only punctuation), an unbalanced quote, more than MaxQueryRunes
// characters or more than MaxTerms terms.
func ParseQuery(s string) (Query, error) {
	if strings.TrimSpace(s) == "" {
		return Query{}, queryError(digest.ErrInvalid, "empty query: type a word, a name or a phrase to search for")
	}
	if n := utf8.RuneCountInString(s); n > MaxQueryRunes {
		return Query{}, queryError(digest.ErrTooLarge, "query too long: %d characters, at most %d", n, MaxQueryRunes)
	}
	p := queryParser{seen: make(map[string]bool)}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if closing, ok := closingQuote(r); ok {
			inner := s[i+n:]
			j := strings.IndexRune(inner, closing)
			if j < 0 {
				return Query{}, queryError(digest.ErrInvalid, "unbalanced quote: the %c at character %d is not closed; end the phrase with %c",
					r, utf8.RuneCountInString(s[:i])+1, closing)
			}
			p.phrase(inner[:j])
			i += n + j + utf8.RuneLen(closing)
			continue
		}
		if r == '」' || r == '』' {
			opening := '「'
			if r == '』' {
				opening = '『'
			}
			return Query{}, queryError(digest.ErrInvalid, "unbalanced quote: the %c at character %d closes no %c",
				r, utf8.RuneCountInString(s[:i])+1, opening)
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if _, ok := closingQuote(r); ok || unicode.IsSpace(r) || r == '」' || r == '』' {
				break
			}
			j += n
		}
		p.chunk(s[i:j])
		i = j
	}
	switch {
	case len(p.q.Terms) == 0 && p.long > 0:
		return Query{}, queryError(digest.ErrInvalid, "nothing to search for in %q: words longer than %d letters are not indexed", s, MaxWordBytes)
	case len(p.q.Terms) == 0:
		return Query{}, queryError(digest.ErrInvalid, "nothing to search for in %q: a query needs letters, digits or Japanese characters", s)
	case len(p.q.Terms) > MaxTerms:
		return Query{}, queryError(digest.ErrTooLarge, "too many terms: %d, at most %d", len(p.q.Terms), MaxTerms)
	}
	return p.q, nil
}

func queryError(kind error, format string, args ...any) error {
	return &digest.ParseError{Msg: fmt.Sprintf(format, args...), Err: kind}
}

// closingQuote returns the quote that closes r, if r opens a phrase. ” opens
// as well as closes, because some keyboards type it at both ends.
func closingQuote(r rune) (rune, bool) {
	switch r {
	case '"':
		return '"', true
	case '＂':
		return '＂', true
	case '“', '”':
		return '”', true
	case '「':
		return '」', true
	case '『':
		return '』', true
	}
	return 0, false
}

// A queryParser collects the terms of a query, without repeats.
type queryParser struct {
	q    Query
	seen map[string]bool
	long int // words left out for their length
}

// A part is a segment of a query with its main tokens.
type part struct {
	kind       segmentKind
	tokens     []string
	single     string // the character of a Japanese run of one
	start, end int
}

// parts returns the segments of s with their tokens, and the number of words
// left out for their length.
func parts(s string) (ps []part, long int) {
	long = scan(s, func(sg *segment) {
		var b builder
		b.add(sg)
		p := part{kind: sg.kind, tokens: b.terms.Main, start: sg.start, end: sg.end}
		if sg.kind == japaneseSegment && len(sg.chars) == 2 {
			p.single = sg.text
		}
		ps = append(ps, p)
	})
	return ps, long
}

// chunk adds the terms of a run of the query without spaces or quotes: one
// term for each stretch of parts of the same kind.
func (p *queryParser) chunk(s string) {
	ps, long := parts(s)
	p.long += long
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].kind == ps[i].kind {
			j++
		}
		p.add(ps[i:j], s[ps[i].start:ps[j-1].end])
		i = j
	}
}

// phrase adds the quoted phrase s as one term.
func (p *queryParser) phrase(s string) {
	ps, long := parts(s)
	p.long += long
	if len(ps) > 0 {
		p.add(ps, s[ps[0].start:ps[len(ps)-1].end])
	}
}

// add adds the term made of ps, written as text, unless it is a repeat.
func (p *queryParser) add(ps []part, text string) {
	var t Term
	if len(ps) == 1 && ps[0].single != "" {
		t = Term{Uni: ps[0].single, Text: text}
	} else {
		for _, x := range ps {
			t.Tokens = append(t.Tokens, x.tokens...)
		}
		t.Text = text
	}
	key := "u" + t.Uni
	if t.Uni == "" {
		key = "m" + strings.Join(t.Tokens, " ")
	}
	if !p.seen[key] {
		p.seen[key] = true
		p.q.Terms = append(p.q.Terms, t)
	}
}

// FTS5 returns the query as an FTS5 MATCH expression: the terms joined by
// AND, each a quoted string (a phrase, when it has several tokens) behind
// the column filter of its stream. mainCols and uniCols are FTS5 column
// filters such as "{head body}" or "head"; "" matches every column. For
// example, `"foreign minister" 露` gives
//
//	{head body} : "foreign minister" AND {uhead ubody} : "露"
//
// A Query without terms (ParseQuery never returns one) gives "", which FTS5
// does not accept.
func (q Query) FTS5(mainCols, uniCols string) string {
	var b strings.Builder
	for i, t := range q.Terms {
		if i > 0 {
			b.WriteString(" AND ")
		}
		if len(t.Alts) > 0 {
			b.WriteByte('(')
		}
		for k, f := range t.Forms() {
			if k > 0 {
				b.WriteString(" OR ")
			}
			cols, text := mainCols, strings.Join(f.Tokens, " ")
			if f.Uni != "" {
				cols, text = uniCols, f.Uni
			}
			if cols != "" {
				b.WriteString(cols)
				b.WriteString(" : ")
			}
			// An FTS5 string is in double quotes, with a quote in it
			// doubled; our tokens have none, but the expression is right
			// whatever the tokens are.
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(text, `"`, `""`))
			b.WriteByte('"')
		}
		if len(t.Alts) > 0 {
			b.WriteByte(')')
		}
	}
	return b.String()
}

// TSQuery returns the query as PostgreSQL tsquery literals, to be passed as
// parameters and cast with ::tsquery: main for the main-stream vector, uni
// for the uni-stream vector. The terms are joined by &, the tokens of a
// phrase by <-> (followed by). A stream without terms gives "": leave that
// condition out of the SQL, since an empty tsquery matches nothing. For
// example, `"foreign minister" 露` gives ('foreign' <-> 'minister') and '露'.
func (q Query) TSQuery() (main, uni string) {
	var m, u strings.Builder
	nm := 0
	for _, t := range q.Terms {
		if t.Uni == "" && len(t.Tokens) > 0 {
			nm++
		}
	}
	for _, t := range q.Terms {
		if t.Uni != "" {
			if u.Len() > 0 {
				u.WriteString(" & ")
			}
			writeQuoted(&u, t.Uni)
			continue
		}
		if len(t.Tokens) == 0 {
			continue
		}
		if m.Len() > 0 {
			m.WriteString(" & ")
		}
		// <-> binds tighter than & and |, so the parentheses of a phrase
		// are for the reader of a log, not for PostgreSQL; those of the
		// alternatives are PostgreSQL's (| binds looser than &).
		if len(t.Alts) > 0 {
			m.WriteByte('(')
		}
		for k, f := range t.Forms() {
			if k > 0 {
				m.WriteString(" | ")
			}
			paren := (nm > 1 || len(t.Alts) > 0) && len(f.Tokens) > 1
			if paren {
				m.WriteByte('(')
			}
			for i, tok := range f.Tokens {
				if i > 0 {
					m.WriteString(" <-> ")
				}
				writeQuoted(&m, tok)
			}
			if paren {
				m.WriteByte(')')
			}
		}
		if len(t.Alts) > 0 {
			m.WriteByte(')')
		}
	}
	return m.String(), u.String()
}

// MaxAlts is the most alternatives a term is given: a surname borne by
// many people has many spellings, each an index lookup.
const MaxAlts = 8

// WithSpellings gives each main term of q the other spellings spell knows
// for it (a glossary's: the katakana of a Latin name, the Latin of a
// katakana one, Aliev for Aliyev), as alternatives: the term then matches
// where any of them does. A spelling that reads as no main phrase, or as
// the term itself, is left out.
func (q Query) WithSpellings(spell func(term string) []string) Query {
	if spell == nil {
		return q
	}
	out := Query{Terms: make([]Term, len(q.Terms))}
	for i, t := range q.Terms {
		out.Terms[i] = t
		if t.Uni != "" || len(t.Tokens) == 0 {
			continue
		}
		seen := map[string]bool{strings.Join(t.Tokens, " "): true}
		var alts []Term
		for _, s := range spell(t.Text) {
			if len(alts) == MaxAlts {
				break
			}
			p, err := ParseQuery(`"` + strings.ReplaceAll(s, `"`, "") + `"`)
			if err != nil || len(p.Terms) != 1 || p.Terms[0].Uni != "" {
				continue
			}
			k := strings.Join(p.Terms[0].Tokens, " ")
			if seen[k] {
				continue
			}
			seen[k] = true
			alts = append(alts, p.Terms[0])
		}
		out.Terms[i].Alts = alts
	}
	return out
}
