package glossary

import (
	"cmp"
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"shuho/internal/digest"
)

//go:embed seed/*.json
var seedFS embed.FS

// Builtin returns the seed terms shipped with shuho (seed/*.json): country
// and city names from CLDR, country adjectives, titles, institutions and
// office holders. The files are read once; callers share the terms and
// must not change them (appending to the slice copies it). A file that
// does not parse is a fault of the build, reported with its name.
func Builtin() ([]digest.Term, error) { return builtin() }

var builtin = sync.OnceValues(func() ([]digest.Term, error) {
	names, err := seedFS.ReadDir("seed")
	if err != nil {
		return nil, err
	}
	var out []digest.Term
	for _, e := range names {
		// The office table (offices.json, office-titles.json) is not a
		// list of terms: Offices reads it.
		if path.Ext(e.Name()) != ".json" || strings.HasPrefix(e.Name(), "office") {
			continue
		}
		b, err := seedFS.ReadFile("seed/" + e.Name())
		if err != nil {
			return nil, err
		}
		terms, err := ParseJSON(b)
		if err != nil {
			return nil, fmt.Errorf("seed/%s: %w", e.Name(), err)
		}
		out = append(out, terms...)
	}
	offices, err := seedFS.ReadFile("seed/offices.json")
	if err != nil {
		return nil, err
	}
	titles, err := seedFS.ReadFile("seed/office-titles.json")
	if err != nil {
		return nil, err
	}
	if out, err = mergeOffices(out, offices, titles); err != nil {
		return nil, err
	}
	return slices.Clip(out), nil
})

// Glossary answers how the desk writes a name: it finds the terms in a
// text, longest first, whatever the spelling (Əliyev, Aliyev, Aliev), and
// renders names it lacks by rule, saying so.
//
// A Glossary is built once and read by many goroutines.
type Glossary struct {
	terms []digest.Term
	style digest.Style
	// first maps the first folded word of each form to the forms that
	// start with it, longest first.
	first map[string][]form
	// exact maps a whole folded form to its term.
	exact map[string]int
	// surname maps a person's folded surname (the last word of each of
	// the term's forms) to the person terms that bear it.
	surname map[string][]int
	// country maps a country code to its country term.
	country map[string]int
	// holders maps an office (title, country, posting) to the people who
	// held it.
	holders map[string][]holding
	// unnamed are office holders whose Japanese form is not known.
	unnamed []digest.Term
	// ja and jaShort map the Japanese forms and surnames to the terms
	// (Spellings), built on first use.
	jaOnce      sync.Once
	ja, jaShort map[string][]int
}

type form struct {
	words []string
	term  int
}

// New builds a glossary from terms; a later term of the same kind and
// English form replaces an earlier one (keeping its spellings), so that
// the desk's own terms (the profile's, then those stored in the archive)
// override the seed.
func New(terms []digest.Term, style digest.Style) *Glossary {
	g := &Glossary{style: style, first: map[string][]form{}, exact: map[string]int{}, surname: map[string][]int{}, country: map[string]int{}}
	at := map[string]int{}
	for _, t := range terms {
		k := string(t.Kind) + "\x00" + Fold(t.EN)
		if i, ok := at[k]; ok {
			// The spellings the earlier term knew still name it.
			old := g.terms[i].Variants
			t.Variants = slices.Clone(t.Variants)
			for _, v := range old {
				if !slices.Contains(t.Variants, v) {
					t.Variants = append(t.Variants, v)
				}
			}
			// The offices the earlier term held stay with the person
			// when the later one gives none: a desk that writes an
			// ambassador's name in Japanese keeps him as the holder.
			if len(t.Offices) == 0 {
				t.Offices = g.terms[i].Offices
			}
			g.terms[i] = t
			continue
		}
		at[k] = len(g.terms)
		g.terms = append(g.terms, t)
	}
	// An office holder no page gives in Japanese names his office
	// (Holder) but is not a term a text is searched for or a list shows.
	named := g.terms[:0]
	for _, t := range g.terms {
		if t.JA == "" && t.Kind == digest.Person {
			g.unnamed = append(g.unnamed, t)
			continue
		}
		named = append(named, t)
	}
	g.terms = slices.Clip(named)
	for i, t := range g.terms {
		for _, f := range append([]string{t.EN}, t.Variants...) {
			ws := words(f)
			if len(ws) == 0 {
				continue
			}
			key := strings.Join(ws, " ")
			// A variant never takes the place of another term's own form.
			if _, taken := g.exact[key]; f == t.EN || !taken {
				g.exact[key] = i
			}
			g.first[ws[0]] = append(g.first[ws[0]], form{ws, i})
			if t.Kind == digest.Person {
				last := ws[len(ws)-1]
				if !slices.Contains(g.surname[last], i) {
					g.surname[last] = append(g.surname[last], i)
				}
			}
		}
		if t.Kind == digest.Country && t.Country != "" {
			g.country[strings.ToUpper(t.Country)] = i
		}
	}
	for k, fs := range g.first {
		slices.SortStableFunc(fs, func(a, b form) int { return len(b.words) - len(a.words) })
		g.first[k] = fs
	}
	g.indexHolders()
	return g
}

// Terms returns the glossary's terms, in the order they were given (with
// replaced ones in place).
func (g *Glossary) Terms() []digest.Term { return g.terms }

// Style returns the desk's style the glossary renders in.
func (g *Glossary) Style() digest.Style { return g.style }

// Match is one term found in a text.
type Match struct {
	Term *digest.Term
	// Start and End are byte offsets of the match in the text.
	Start, End int
}

// Find returns the terms named in text, in order, longest match first and
// never overlapping: "Foreign Minister Jeyhun Bayramov" gives the title,
// then the person, not "Jeyhun" alone.
func (g *Glossary) Find(text string) []Match {
	toks := tokens(text)
	var out []Match
	for i := 0; i < len(toks); {
		best, n := -1, 0
		for _, f := range g.first[toks[i].w] {
			if len(f.words) <= n || i+len(f.words) > len(toks) {
				continue
			}
			ok := true
			for j, w := range f.words[1:] {
				if toks[i+1+j].w != w {
					ok = false
					break
				}
			}
			if ok {
				best, n = f.term, len(f.words)
				break // longest first
			}
		}
		if best < 0 {
			i++
			continue
		}
		out = append(out, Match{Term: &g.terms[best], Start: toks[i].start, End: toks[i+n-1].end})
		i += n
	}
	return out
}

// Lookup returns the term whose English form or variant is name, folded
// (case, diacritics, Azerbaijani letters), or nil.
func (g *Glossary) Lookup(name string) *digest.Term {
	if i, ok := g.exact[strings.Join(words(name), " ")]; ok {
		return &g.terms[i]
	}
	return nil
}

// Surname returns the people who bear a surname ("Bayramov", "Bairamov"),
// most specific first: the desk's own terms come after the seed's and win
// a tie, so they are listed first.
func (g *Glossary) Surname(name string) []*digest.Term {
	ws := words(name)
	if len(ws) == 0 {
		return nil
	}
	is := g.surname[ws[len(ws)-1]]
	out := make([]*digest.Term, 0, len(is))
	for k := len(is) - 1; k >= 0; k-- {
		out = append(out, &g.terms[is[k]])
	}
	return out
}

// CountryByCode returns the country term of an ISO code ("AZ"), or nil.
func (g *Glossary) CountryByCode(code string) *digest.Term {
	if i, ok := g.country[strings.ToUpper(code)]; ok {
		return &g.terms[i]
	}
	return nil
}

// CountryShort is how a headline names a country: its one-character
// abbreviation where Japanese headlines use one (Russia as the profile's
// style says, 露 or ロ), else its name.
func (g *Glossary) CountryShort(code string) string {
	t := g.CountryByCode(code)
	if t == nil {
		return ""
	}
	if strings.EqualFold(code, "RU") && g.style.Russia != "" {
		return g.style.Russia
	}
	if t.Short != "" {
		return t.Short
	}
	return t.JA
}

// Render is a name as the desk writes it.
type Render struct {
	JA string
	// Term is the glossary's term, nil when the name was rendered by rule.
	Term *digest.Term
	// ByRule says the rendering was made by the transliteration rules and
	// wants a reviewer's eye.
	ByRule bool
}

// Name renders a name: from the glossary when it holds the name (whole, or
// a person's surname alone), else by the transliteration rules, flagged.
func (g *Glossary) Name(name string, origin string) Render {
	if t := g.Lookup(name); t != nil {
		return Render{JA: t.JA, Term: t}
	}
	if ps := g.Surname(name); len(ps) > 0 && len(words(name)) == 1 {
		p := ps[0]
		return Render{JA: cmp.Or(p.Short, p.JA), Term: p}
	}
	return Render{JA: byRule(name, origin, g.style.V != "バ"), ByRule: true}
}

// token is one folded word of a text, with where it stands.
type token struct {
	w          string
	start, end int
}

// tokens splits text into folded words with their byte offsets. A
// possessive "'s" ends the word before it ("Azerbaijan's" is
// "azerbaijan"); a hyphen splits ("Kassym-Jomart").
func tokens(text string) []token {
	var out []token
	start := -1
	var b []byte
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start, b = i, b[:0]
			}
			b = appendFolded(b, r)
			i += size
			continue
		}
		if start >= 0 {
			out = append(out, token{string(b), start, i})
			start = -1
			// A possessive s goes with its apostrophe.
			if rest := text[i+size:]; isApostrophe(r) && len(rest) > 0 && (rest[0] == 's' || rest[0] == 'S') &&
				(len(rest) == 1 || !isWordByte(rest[1])) {
				i += size + 1
				continue
			}
		}
		i += size
	}
	if start >= 0 {
		out = append(out, token{string(b), start, len(text)})
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘'
}

func words(s string) []string {
	ts := tokens(s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.w
	}
	return out
}

// Fold is the key a name is matched by: lower case, without diacritics,
// with the Azerbaijani and Turkish letters decomposition does not reach
// (ə, ı) mapped by hand, words joined by one space. "İlham Əliyev",
// "ILHAM ALIYEV" and "Ilham Aliyev" fold alike.
func Fold(s string) string { return strings.Join(words(s), " ") }

func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if unicode.Is(unicode.Mn, r) {
		return b // a combining mark, as in a decomposed "Ə̃"
	}
	switch r {
	case 'ə', 'Ə':
		return append(b, 'a')
	case 'ı', 'İ':
		return append(b, 'i')
	case 'ß':
		return append(b, 's', 's')
	}
	r = unicode.ToLower(r)
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return utf8.AppendRune(b, base)
}

// ParseJSON reads terms in the seed's JSON form: an array of terms. Each
// is checked: a known kind, an English form, a Japanese one.
func ParseJSON(b []byte) ([]digest.Term, error) {
	var terms []digest.Term
	if err := strictJSON(b, &terms); err != nil {
		return nil, err
	}
	for i := range terms {
		if err := Check(&terms[i]); err != nil {
			return nil, fmt.Errorf("term %d: %w", i+1, err)
		}
	}
	return terms, nil
}

// Check reports what is wrong with a term, trimming its fields first.
func Check(t *digest.Term) error {
	t.EN, t.JA, t.Short, t.Note = strings.TrimSpace(t.EN), strings.TrimSpace(t.JA), strings.TrimSpace(t.Short), strings.TrimSpace(t.Note)
	t.Country, t.Title, t.Source = strings.ToUpper(strings.TrimSpace(t.Country)), strings.TrimSpace(t.Title), strings.TrimSpace(t.Source)
	switch {
	case !t.Kind.Valid():
		return fmt.Errorf("kind %q: expected one of person, place, organisation, title, adjective, country: %w", t.Kind, digest.ErrInvalid)
	case t.EN == "" || len(words(t.EN)) == 0:
		return fmt.Errorf("%q: the English form is empty: %w", t.EN, digest.ErrInvalid)
	case t.JA == "":
		return fmt.Errorf("%s: the Japanese rendering is empty: %w", t.EN, digest.ErrInvalid)
	case strings.ContainsAny(t.EN+t.JA+t.Short+t.Note+t.Title, "\n\r\x00"):
		return fmt.Errorf("%s: a field holds a line break or NUL: %w", t.EN, digest.ErrInvalid)
	case t.Country != "" && (len(t.Country) != 2 || strings.IndexFunc(t.Country, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0):
		return fmt.Errorf("%s: country %q: expected a two-letter ISO code such as AZ: %w", t.EN, t.Country, digest.ErrInvalid)
	}
	if err := checkOffices(t); err != nil {
		return err
	}
	vs := t.Variants[:0]
	for _, v := range t.Variants {
		if v = strings.TrimSpace(v); v != "" && Fold(v) != Fold(t.EN) && !slices.Contains(vs, v) {
			vs = append(vs, v)
		}
	}
	t.Variants = vs
	return nil
}

// byRule renders a name by the transliteration rules.
func byRule(name, origin string, vu bool) string {
	return Transliterate(name, TranslitOptions{VU: vu, Origin: origin})
}

// CountryShortOr is CountryShort of code, or or when code is no country
// the glossary knows ("European" has no code: 欧州).
func (g *Glossary) CountryShortOr(code, or string) string {
	if s := g.CountryShort(code); s != "" {
		return s
	}
	return or
}

// Spellings returns the other ways the glossary writes a name: for a
// term's English form or a variant (folded: Əliyev is Aliyev), its other
// Latin forms and its Japanese ones; for a surname alone, the Japanese
// surname and the other Latin spellings of the people who bear it; for a
// Japanese form or a person's Japanese surname, the Latin forms. A search
// for one finds the others (the archive's and the week's). Nil for a name
// the glossary lacks.
func (g *Glossary) Spellings(name string) []string {
	g.jaOnce.Do(g.indexJA)
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s != "" && s != name && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	lastWords := func(t *digest.Term) {
		for _, f := range append([]string{t.EN}, t.Variants...) {
			if ws := strings.Fields(f); len(ws) > 0 {
				add(ws[len(ws)-1])
			}
		}
	}
	if t := g.Lookup(name); t != nil {
		add(t.EN)
		add(t.Variants...)
		add(t.JA)
		if t.Kind == digest.Person {
			add(t.Short)
		}
		return out
	}
	if ws := words(name); len(ws) == 1 {
		for _, i := range g.surname[ws[0]] {
			t := &g.terms[i]
			add(t.Short)
			lastWords(t)
		}
	}
	key := strings.TrimSpace(name)
	for _, i := range g.ja[key] {
		t := &g.terms[i]
		add(t.EN)
		add(t.Variants...)
		add(t.JA)
	}
	for _, i := range g.jaShort[key] {
		lastWords(&g.terms[i])
		add(g.terms[i].Short)
	}
	return out
}

// indexJA maps the Japanese forms of the terms (and the persons' Japanese
// surnames) to the terms, for Spellings.
func (g *Glossary) indexJA() {
	g.ja, g.jaShort = map[string][]int{}, map[string][]int{}
	for i, t := range g.terms {
		for _, f := range append([]string{t.JA}, t.JAVariants...) {
			if f != "" {
				g.ja[f] = append(g.ja[f], i)
			}
		}
		if t.Kind == digest.Person && t.Short != "" {
			g.jaShort[t.Short] = append(g.jaShort[t.Short], i)
		}
	}
}
