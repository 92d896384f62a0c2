package glossary

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"shuho/internal/digest"
)

// The office table of the seed (seed/offices.json, seed/office-titles.json;
// their sources in seed/OFFICES.md) is kept as it was compiled, one entry an
// office and holder with the page it was read on, and merged into the terms
// when the seed is read: a holder becomes a person term with its offices, a
// country's own name of an office a title term's TitleBy.

// officeEntry is one line of seed/offices.json.
type officeEntry struct {
	Office   string `json:"office"`
	Country  string `json:"country"`
	PostedTo string `json:"posted_to"`
	Holder   string `json:"holder"`
	HolderJA string `json:"holder_ja"`
	Short    string `json:"short"`
	From     string `json:"from"`
	To       string `json:"to"`
	Source   string `json:"source"`
	Ref      string `json:"ref"`
	Seen     string `json:"seen"`
	CheckBy  string `json:"check_by"`
	Note     string `json:"note"`
}

// officeTitle is one line of seed/office-titles.json.
type officeTitle struct {
	Office     string `json:"office"`
	Country    string `json:"country"`
	JA         string `json:"ja"`
	HeadlineJA string `json:"headline_ja"`
	Ref        string `json:"ref"`
	Note       string `json:"note"`
}

// mergeOffices adds the office table to terms: each holder's office to the
// person term of the same English name (a new person term when the seed
// has none and the table gives the Japanese), the earliest check-by day
// of a person's entries to the person, and each country's own name of an
// office to the title term (a new title term when there is none).
func mergeOffices(terms []digest.Term, offices, titles []byte) ([]digest.Term, error) {
	var es []officeEntry
	if err := strictJSON(offices, &es); err != nil {
		return nil, fmt.Errorf("seed/offices.json: %w", err)
	}
	var ts []officeTitle
	if err := strictJSON(titles, &ts); err != nil {
		return nil, fmt.Errorf("seed/office-titles.json: %w", err)
	}
	at := map[string]int{} // kind and folded English form → index
	for i, t := range terms {
		at[string(t.Kind)+"\x00"+Fold(t.EN)] = i
	}
	title := func(en string) string {
		if i, ok := at[string(digest.Title)+"\x00"+Fold(en)]; ok {
			return terms[i].EN
		}
		return en
	}
	for _, t := range ts {
		k := string(digest.Title) + "\x00" + Fold(t.Office)
		ja := strings.TrimSpace(t.HeadlineJA)
		if ja == "" {
			ja = strings.TrimSpace(t.JA)
		}
		if ja == "" {
			continue
		}
		i, ok := at[k]
		if !ok {
			at[k] = len(terms)
			terms = append(terms, digest.Term{Kind: digest.Title, EN: t.Office, JA: ja, Ref: t.Ref, Source: "mofa", Note: t.Note})
			continue
		}
		if t.Country == "" || ja == terms[i].JA {
			continue
		}
		if terms[i].TitleBy == nil {
			terms[i].TitleBy = map[string]string{}
		}
		terms[i].TitleBy[strings.ToUpper(t.Country)] = ja
	}
	for n, e := range es {
		o := digest.Office{Title: title(e.Office), Country: strings.ToUpper(e.Country), PostedTo: strings.ToUpper(e.PostedTo), From: e.From, To: e.To}
		k := string(digest.Person) + "\x00" + Fold(e.Holder)
		i, ok := at[k]
		if !ok {
			// A holder no page gives in Japanese is kept with JA empty:
			// the office is still named from him, the name written by
			// rule and reported as unknown (see New and Holder).
			at[k] = len(terms)
			terms = append(terms, digest.Term{Kind: digest.Person, EN: e.Holder, JA: strings.TrimSpace(e.HolderJA), Short: e.Short, Country: o.Country,
				Note: e.Note, Source: e.Source, Ref: e.Ref})
			i = at[k]
		}
		p := &terms[i]
		p.Offices = append(p.Offices, o)
		if e.To == "" && p.Title == "" {
			p.Title = o.Title
		}
		if p.Ref == "" {
			p.Ref = e.Ref
		}
		checkBy := e.CheckBy
		if e.Source == "unverified" && e.Seen != "" {
			// Read on no page: to be checked before it is trusted, from
			// the day it was written down.
			checkBy = e.Seen
		}
		if checkBy != "" && (p.CheckBy == "" || checkBy < p.CheckBy) {
			p.CheckBy = checkBy
		}
		if err := checkHolder(p); err != nil {
			return nil, fmt.Errorf("seed/offices.json: entry %d: %w", n+1, err)
		}
	}
	return terms, nil
}

// checkHolder checks a holder's term as Check does, save that the
// Japanese form may be unknown.
func checkHolder(p *digest.Term) error {
	if p.JA != "" {
		return Check(p)
	}
	cp := *p
	cp.JA = "-"
	err := Check(&cp)
	cp.JA = ""
	*p = cp
	return err
}

func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", digest.ErrInvalid, err)
	}
	return nil
}

var dayPattern = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)

// checkOffices reports what is wrong with a term's offices and check-by day.
func checkOffices(t *digest.Term) error {
	t.CheckBy, t.Ref = strings.TrimSpace(t.CheckBy), strings.TrimSpace(t.Ref)
	if t.CheckBy != "" && !dayPattern.MatchString(t.CheckBy) {
		return fmt.Errorf("%s: check_by %q: expected YYYY-MM-DD: %w", t.EN, t.CheckBy, digest.ErrInvalid)
	}
	if len(t.Offices) > 0 && t.Kind != digest.Person {
		return fmt.Errorf("%s: only a person holds offices: %w", t.EN, digest.ErrInvalid)
	}
	if len(t.TitleBy) > 0 && t.Kind != digest.Title {
		return fmt.Errorf("%s: only a title has title_by: %w", t.EN, digest.ErrInvalid)
	}
	for i := range t.Offices {
		o := &t.Offices[i]
		o.Title, o.From, o.To = strings.TrimSpace(o.Title), strings.TrimSpace(o.From), strings.TrimSpace(o.To)
		o.Country, o.PostedTo = strings.ToUpper(strings.TrimSpace(o.Country)), strings.ToUpper(strings.TrimSpace(o.PostedTo))
		switch {
		case o.Title == "":
			return fmt.Errorf("%s: office %d has no title: %w", t.EN, i+1, digest.ErrInvalid)
		case o.From != "" && !dayPattern.MatchString(o.From), o.To != "" && !dayPattern.MatchString(o.To):
			return fmt.Errorf("%s: office %s: dates %q to %q: expected YYYY-MM-DD or YYYY-MM: %w", t.EN, o.Title, o.From, o.To, digest.ErrInvalid)
		case o.From != "" && o.To != "" && o.To < o.From:
			return fmt.Errorf("%s: office %s ends (%s) before it begins (%s): %w", t.EN, o.Title, o.To, o.From, digest.ErrInvalid)
		}
	}
	return nil
}

// officeKey is how holders are indexed: the folded title, the country and
// the country of posting.
func officeKey(title, country, postedTo string) string {
	return Fold(title) + "\x00" + strings.ToUpper(country) + "\x00" + strings.ToUpper(postedTo)
}

// holding is one office of a person term, indexed.
type holding struct {
	term     int
	unnamed  bool // term indexes g.unnamed
	from, to string
	// dated says the office comes from the office table, with its dates;
	// a person's bare title and country say only that the seed's writer
	// knew them as holder, and give way to a dated holding.
	dated bool
}

func (g *Glossary) indexHolders() {
	g.holders = map[string][]holding{}
	for i, t := range g.unnamed {
		for _, o := range t.Offices {
			k := officeKey(o.Title, o.Country, o.PostedTo)
			g.holders[k] = append(g.holders[k], holding{term: i, unnamed: true, from: o.From, to: o.To, dated: true})
		}
	}
	for i, t := range g.terms {
		if t.Kind != digest.Person {
			continue
		}
		for _, o := range t.Offices {
			k := officeKey(o.Title, o.Country, o.PostedTo)
			g.holders[k] = append(g.holders[k], holding{term: i, from: o.From, to: o.To, dated: true})
		}
		if t.Title != "" && t.Country != "" && !slices.ContainsFunc(t.Offices, func(o digest.Office) bool { return Fold(o.Title) == Fold(t.Title) }) {
			k := officeKey(t.Title, t.Country, "")
			g.holders[k] = append(g.holders[k], holding{term: i})
		}
	}
}

// Holder returns the person who held the office title of country (for an
// ambassador, posted to postedTo) on day, YYYY-MM-DD; with day empty, the
// one who holds it now (whose office has not ended). Nil when the
// glossary knows no holder for that day. A holder whose Japanese form no
// page gives has JA empty: the caller writes the name by rule and says so.
func (g *Glossary) Holder(title, country, postedTo, day string) *digest.Term {
	if t := g.Lookup(title); t != nil && t.Kind == digest.Title {
		title = t.EN
	}
	var best *holding
	hs := g.holders[officeKey(title, country, postedTo)]
	// A person's bare title stands for the office only where the office
	// table has no dated holder of it: a table that knows the holders and
	// none for the day means nobody the glossary knows.
	dated := slices.ContainsFunc(hs, func(h holding) bool { return h.dated })
	for _, h := range hs {
		switch {
		case !h.dated:
			if best == nil && !dated {
				best = &h
			}
			continue
		case day == "" && h.to != "",
			day != "" && h.from != "" && day < h.from,
			day != "" && h.to != "" && day > h.to && !strings.HasPrefix(day, h.to):
			continue
		}
		if best == nil || !best.dated || h.from > best.from {
			best = &h
		}
	}
	switch {
	case best == nil:
		return nil
	case best.unnamed:
		return &g.unnamed[best.term]
	}
	return &g.terms[best.term]
}

// Stale reports whether t is past its check-by day on day (YYYY-MM-DD):
// its facts must be checked before they are trusted.
func Stale(t *digest.Term, day string) bool {
	return t != nil && t.CheckBy != "" && day > t.CheckBy
}

// TitleJA is how a title is written for an office of country: the
// country's own name for it where it has one (China's President is
// 国家主席), else the title's Japanese.
func TitleJA(t *digest.Term, country string) string {
	if ja, ok := t.TitleBy[strings.ToUpper(country)]; ok {
		return ja
	}
	return t.JA
}

// FormatOffice writes an office in the text form the CSV and the glossary
// page share: "title;country;posted_to;from;to".
func FormatOffice(o digest.Office) string {
	return strings.Join([]string{o.Title, o.Country, o.PostedTo, o.From, o.To}, ";")
}

// ParseOffice reads an office written by FormatOffice (spaces around the
// fields allowed).
func ParseOffice(s string) (digest.Office, error) {
	f := strings.Split(s, ";")
	if len(f) != 5 {
		return digest.Office{}, fmt.Errorf("office %q: expected title;country;posted_to;from;to (empty where none): %w", strings.TrimSpace(s), digest.ErrInvalid)
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return digest.Office{Title: f[0], Country: f[1], PostedTo: f[2], From: f[3], To: f[4]}, nil
}

// FormatTitleBy writes a title's country forms as "CN=国家主席" entries,
// sorted by country.
func FormatTitleBy(m map[string]string) []string {
	var out []string
	for c, ja := range m {
		out = append(out, c+"="+ja)
	}
	slices.Sort(out)
	return out
}

// ParseTitleBy reads "CN=国家主席" entries into a title's country forms.
func ParseTitleBy(entries []string) (map[string]string, error) {
	var m map[string]string
	for _, e := range entries {
		c, ja, ok := strings.Cut(e, "=")
		if !ok || strings.TrimSpace(c) == "" || strings.TrimSpace(ja) == "" {
			return nil, fmt.Errorf("title_by %q: expected COUNTRY=Japanese, such as CN=国家主席: %w", e, digest.ErrInvalid)
		}
		if m == nil {
			m = map[string]string{}
		}
		m[strings.ToUpper(strings.TrimSpace(c))] = strings.TrimSpace(ja)
	}
	return m, nil
}
