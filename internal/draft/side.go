package draft

import (
	"strings"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/glossary"
)

// renderer renders the noun phrases of one headline.
type renderer struct {
	h       *Headliner
	body    string
	day     string
	unknown []string
	// missing are the words of the English that could not be written:
	// with any, the headline is not drafted.
	missing []string
	// stale are the terms used that are past their check-by day.
	stale []string
	// abroad says the event happened in another country: there the
	// desk's own people are written as its (アゼルバイジャン国民).
	abroad bool
	// head and subjKind are the subject as the frame wrote it ("外務省、",
	// or "" for the home country), for a source that said it.
	head     string
	subjKind sideKind
}

// sideKind is what a side of a headline is, for the frame that writes it.
type sideKind int

const (
	sideNone    sideKind = iota
	sideThing            // an object, an event, a law
	sidePerson           // a person, an office, a delegation of another country
	homeSide             // a person, office or body of the desk's own country
	sideCountry          // another country
	homeCountry          // the desk's own country: unwritten as a subject
	sidePlace            // a city or region
	sideOrg              // an organisation
)

// side renders a side of a headline (see np) and says what it is.
func (r *renderer) side(s, counterpart string, skip *digest.Term) (string, string, *digest.Term, sideKind) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ",:;'\"‘’“”"))
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	if s == "" {
		return "", "", nil, sideNone
	}
	before := len(r.unknown)
	ja, title, person := r.np(s, counterpart, skip)
	byRule := len(r.unknown) > before // a name the glossary lacks: a person
	ms := r.h.G.Find(s)
	whole := len(ms) == 1 && ms[0].Start == 0 && ms[0].End >= len(strings.TrimRight(s, ". "))
	home := r.h.Home
	switch {
	case whole && (ms[0].Term.Kind == digest.Country || ms[0].Term.Kind == digest.Adjective):
		if strings.EqualFold(ms[0].Term.Country, home) {
			return ja, "", nil, homeCountry
		}
		return ja, "", nil, sideCountry
	case whole && ms[0].Term.Kind == digest.Place:
		return ja, "", nil, sidePlace
	case person != nil:
		if strings.EqualFold(person.Country, home) {
			return ja, title, person, homeSide
		}
		return ja, title, person, sidePerson
	case title != "":
		if c := countryOf(ms); c == "" || strings.EqualFold(c, home) {
			return ja, title, nil, homeSide
		}
		return ja, title, nil, sidePerson
	}
	low := strings.ToLower(s)
	if byRule && len(ms) == 0 {
		return ja, "", nil, sidePerson
	}
	for _, w := range []string{"delegation", "ambassador", "envoy", "minister", "president", "officials", "chargé", "counterpart", "speaker", "chief"} {
		if strings.Contains(low, w) {
			return ja, "", nil, sidePerson
		}
	}
	for _, m := range ms {
		if m.Term.Kind == digest.Organisation {
			if c := countryOf(ms); c == "" || strings.EqualFold(c, home) || strings.EqualFold(m.Term.Country, home) {
				return ja, "", nil, homeSide
			}
			return ja, "", nil, sideOrg
		}
	}
	return ja, "", nil, sideThing
}

// countryOf is the country a phrase's adjective or country names, if any.
func countryOf(ms []glossary.Match) string {
	for _, m := range ms {
		if k := m.Term.Kind; k == digest.Country || k == digest.Adjective {
			return m.Term.Country
		}
	}
	return ""
}

// bySurname picks the person a surname alone names among ps: the only
// one, or, when several bear it ("Aliyev"), the one who holds the
// country's highest office on the day; nil when that cannot be told.
func (r *renderer) bySurname(ps []*digest.Term) *digest.Term {
	if len(ps) == 1 {
		return ps[0]
	}
	for _, top := range []string{"President", "Prime Minister", "Foreign Minister"} {
		if p := r.h.G.Holder(top, r.h.Home, "", r.day); p != nil {
			for _, q := range ps {
				if q.EN == p.EN || glossary.Fold(q.EN) == glossary.Fold(p.EN) {
					return p
				}
			}
		}
	}
	return nil
}

// orgAfter reports whether a body is named after the title ("President
// of European Council"): the office is the body's, not a country's. The
// home country's own bodies ("Chief of General Staff of Azerbaijani
// Army") leave the office the home country's.
func orgAfter(ms []glossary.Match, title *digest.Term, home string) bool {
	at := -1
	for _, m := range ms {
		if m.Term == title && at < 0 {
			at = m.Start
		}
		if m.Term.Kind == digest.Organisation && at >= 0 && m.Start > at && !strings.EqualFold(m.Term.Country, home) {
			return true
		}
	}
	return false
}

// otherGiven marks as missing a glossary surname after a given name the
// glossary's person does not bear: "Activist Bakhtiyar Hajiyev" is not
// the Hajiyev the glossary holds, and a headline naming him would be
// false.
func (r *renderer) otherGiven(s string, ms []glossary.Match, person *digest.Term) {
	for _, m := range ms {
		if m.Term != person {
			continue
		}
		ws := hwords(s[:m.Start])
		if len(ws) == 0 || strings.TrimSpace(s[ws[len(ws)-1].end:m.Start]) != "" {
			return
		}
		w := ws[len(ws)-1]
		if insideMatch(ms, w.start) || !unicode.IsUpper([]rune(w.raw)[0]) || !nameLike(w.low) || ranks[w.low] || personWords[w.low] ||
			roles[w.low] || hasWord(person.EN, w.low) {
			return
		}
		if _, ok := nouns[w.low]; ok {
			return
		}
		r.missing = append(r.missing, w.raw+" "+s[m.Start:m.End])
		return
	}
}

// leftover marks as missing the words of a phrase naming a person or an
// office that the rendering leaves out: "grave of national leader Heydar
// Aliyev" is not Heydar Aliyev, and a headline saying so would be false.
func (r *renderer) leftover(s string, ms []glossary.Match) {
	for _, w := range hwords(s) {
		if insideMatch(ms, w.start) || fillers[w.low] || ranks[w.low] || personWords[w.low] {
			continue
		}
		if unicode.IsUpper([]rune(w.raw)[0]) && nameLike(w.low) {
			continue // the person's name itself
		}
		r.missing = append(r.missing, w.raw)
	}
}

// personWords may stand beside a person or an office without changing who
// is meant.
var personWords = map[string]bool{"counterpart": true, "counterparts": true, "newly": true, "appointed": true, "outgoing": true,
	"incoming": true, "national": true, "acting": true, "interim": true, "current": true, "and": true, "&": true, "pm": true, "fm": true,
	"president": true, "minister": true, "ministers": true, "presidents": true, "fms": true, "deputy": true}
