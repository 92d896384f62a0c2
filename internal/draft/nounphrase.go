package draft

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/glossary"
)

// np renders a noun phrase: people as surname and title, titles with the
// person the body names, countries, places and bodies from the glossary,
// common nouns from a small table, other capitalised names by rule.
// counterpart is the subject's title, which "counterpart" stands for, and
// skip the subject's person. It returns the rendering, the English title
// the phrase holds and its person, if any.
func (r *renderer) np(s, counterpart string, skip *digest.Term) (string, string, *digest.Term) {
	ja, en, p := r.phrase(s, counterpart, skip)
	// A new or departing ambassador: 新任の駐日アゼルバイジャン大使,
	// 離任する駐アゼルバイジャン英大使.
	if strings.Contains(strings.ToLower(en), "ambassador") && !strings.HasPrefix(ja, "新") {
		low := strings.ToLower(s)
		switch {
		case hasWord(low, "new", "newly", "incoming"):
			ja = "新任の" + ja
		case hasWord(low, "outgoing", "departing"):
			ja = "離任する" + ja
		}
	}
	return ja, en, p
}

// phrase is np without an ambassador's coming or going.
func (r *renderer) phrase(s, counterpart string, skip *digest.Term) (string, string, *digest.Term) {
	s = strings.TrimSpace(strings.Trim(s, ",:;"))
	if s == "" {
		return "", "", nil
	}
	g := r.h.G
	ms := g.Find(s)
	low := strings.ToLower(s)
	var title, person *digest.Term
	country := "" // from an adjective or "of X"
	ambassadorTo := ""
	for _, m := range ms {
		t := m.Term
		switch t.Kind {
		case digest.Title:
			if title == nil {
				title = t
			}
		case digest.Person:
			if person == nil {
				person = t
			}
		case digest.Adjective, digest.Country:
			if i := strings.Index(low, " to "); strings.Contains(low, "ambassador") && i >= 0 && m.Start > i {
				ambassadorTo = t.Country
			} else if country == "" {
				country = t.Country
			}
		}
	}
	ambassador := title != nil && strings.Contains(strings.ToLower(title.EN), "ambassador")
	if ambassador && ambassadorTo == "" && country != "" && !strings.EqualFold(country, r.h.Home) {
		// A foreign country's ambassador is, unless the phrase says
		// otherwise, the one posted to the desk's country.
		ambassadorTo = r.h.Home
	}
	if person != nil {
		r.otherGiven(s, ms, person)
	}
	if person == nil && title == nil && len(hwords(s)) == 1 {
		// A surname alone ("Erdogan congratulates …"): the glossary's
		// person of that surname, if there is one.
		person = r.bySurname(g.Surname(s))
	}
	if title == nil && counterpart != "" && strings.Contains(low, "counterpart") {
		if t := g.Lookup(counterpart); t != nil && t.Kind == digest.Title {
			title = t
		}
	}
	if title == nil && person == nil {
		return r.plain(s, ms), "", nil
	}
	if person == nil && title != nil {
		person = r.nameAfterTitle(s, title, country, skip)
		if person == nil && r.body != "" {
			person = r.nameAfterTitle(r.body, title, country, skip)
		}
		// Named by office only: the one who held it on the article's
		// day, from the glossary's office holders. A country's office
		// is the home country's when no other is named.
		if person == nil && !hasWord(low, "former", "deputy", "new", "newly", "incoming", "outgoing", "acting", "next") && !orgAfter(ms, title, r.h.Home) && !lesserOffice(s, ms, title) {
			// An international organisation's office has no country
			// (UN Secretary-General); a country's is the home country's
			// unless the phrase names another.
			p := g.Holder(title.EN, country, ambassadorTo, r.day)
			if p == nil && country == "" {
				p = g.Holder(title.EN, r.h.Home, ambassadorTo, r.day)
			}
			if p != nil && p.JA == "" {
				p = r.byRule(p)
			}
			if p != nil && (skip == nil || p.EN != skip.EN) {
				person = p
				if p.Country == "" && country != "" {
					cp := *p
					cp.Country = country
					person = &cp
				}
			}
		}
	}
	if person != nil && glossary.Stale(person, r.day) && !slices.Contains(r.stale, person.EN) {
		r.stale = append(r.stale, person.EN)
	}
	titleJA, titleEN := "", ""
	if title != nil && person == nil && country == "" {
		// "Deputy Minister of Economy": the ministry's matter before the
		// title, 経済次官.
		end := 0
		for _, m := range ms {
			if m.Term == title {
				end = m.End
			}
		}
		if i := strings.Index(low[end:], " of "); i >= 0 && end > 0 && !orgAfter(ms, title, r.h.Home) {
			if topic := r.topic(s[end+i+4:]); topic != "" {
				return topic + title.JA, title.EN, nil
			}
		}
	}
	r.leftover(s, ms)
	deputy := false
	for _, m := range ms {
		// "Deputy Prosecutor General": 副検事総長, where the glossary has
		// no title of the deputy's own.
		if m.Term == title && !strings.HasPrefix(strings.ToLower(title.EN), "deputy") && strings.HasSuffix(strings.ToLower(strings.TrimSpace(s[:m.Start])), "deputy") {
			deputy = true
		}
	}
	if title != nil {
		titleJA, titleEN = glossary.TitleJA(title, cmp.Or(country, r.h.Home)), title.EN
		if deputy {
			titleJA = "副" + titleJA
		}
		if ambassador && ambassadorTo != "" {
			// 駐露大使 (the desk's own), 駐アゼルバイジャン英大使 (another
			// country's, posted to the desk's).
			sender := ""
			if c := cmp.Or(country, r.h.Home); !strings.EqualFold(c, r.h.Home) && !strings.EqualFold(c, ambassadorTo) {
				sender = g.CountryShort(c)
				if strings.EqualFold(c, "JP") {
					sender = "日本" // 日 is Japan only after 駐: 駐日, but 駐アゼルバイジャン日本大使
				}
			}
			posting := g.CountryShort(ambassadorTo)
			if sender != "" && katakanaEdge(posting, sender) {
				sender = "・" + sender // 駐アゼルバイジャン・イラン大使
			}
			titleJA = "駐" + posting + sender + "大使"
		}
	}
	if person != nil {
		if title == nil && person.Title == "" {
			// The desk's own term of a person ("Kallas") without the
			// office the seed's term of the same person gives.
			var titled []*digest.Term
			for _, q := range g.Surname(person.EN) {
				if q.Title != "" {
					titled = append(titled, q)
				}
			}
			if q := r.bySurname(titled); q != nil {
				cp := *person
				cp.Title, cp.Country = q.Title, cmp.Or(person.Country, q.Country)
				person = &cp
			}
		}
		if titleJA == "" && person.Title != "" {
			if t := g.Lookup(person.Title); t != nil {
				titleJA, titleEN = t.JA, t.EN
			}
		}
		c := cmp.Or(person.Country, country)
		if title != nil && !strings.HasPrefix(titleJA, "駐") {
			titleJA = glossary.TitleJA(title, cmp.Or(c, r.h.Home))
		} else if t := g.Lookup(titleEN); t != nil && t.Kind == digest.Title && !strings.HasPrefix(titleJA, "駐") {
			titleJA = glossary.TitleJA(t, cmp.Or(c, r.h.Home))
		}
		name := personJA(person)
		if titleEN == "Emperor" && strings.EqualFold(c, "JP") {
			return "天皇陛下", titleEN, person
		}
		if strings.EqualFold(c, "JP") && !strings.EqualFold(r.h.Home, "JP") {
			// Japan's own officials are written as at home: 岩屋外務大臣.
			if jt := japanTitle[titleEN]; jt != "" && !strings.HasPrefix(titleJA, "駐") {
				titleJA = jt
			}
			return name + titleJA, titleEN, person
		}
		if c != "" && !strings.EqualFold(c, r.h.Home) && titleJA != "" && !strings.HasPrefix(titleJA, "駐") {
			// A foreign official: ガルージン露外務次官 where the country
			// has a headline abbreviation, トカエフ・カザフスタン大統領
			// where it has none.
			if ct := g.CountryByCode(c); ct != nil {
				// 露外相, but 中国国家主席: 中 before a title that starts
				// with 国 would read as 中国 and the rest (中国家主席).
				if short := g.CountryShort(c); short != ct.JA {
					if short == "中" && strings.HasPrefix(titleJA, "国") {
						short = "中国"
					}
					return name + short + titleJA, titleEN, person
				}
				return name + "・" + ct.JA + titleJA, titleEN, person
			}
		}
		return name + titleJA, titleEN, person
	}
	prefix := ""
	for _, m := range ms {
		// "MFA spokesman": 外務省報道官.
		if m.Term.Kind == digest.Organisation && title != nil && len(strings.Fields(title.EN)) > 0 && m.End <= strings.Index(low, strings.ToLower(strings.Fields(title.EN)[0])) {
			prefix = termJA(g, m.Term)
		}
	}
	if prefix == "" && orgAfter(ms, title, r.h.Home) {
		// "President of European Council": the office is the body's,
		// and a title without it would name another office.
		for _, m := range ms {
			if m.Term.Kind == digest.Organisation {
				r.missing = append(r.missing, s[m.Start:m.End])
			}
		}
	}
	if country != "" && !strings.EqualFold(country, r.h.Home) && !strings.HasPrefix(titleJA, "駐") {
		prefix = g.CountryShort(country)
		if strings.EqualFold(country, "JP") {
			prefix = "日本の"
			if jt := japanTitle[titleEN]; jt != "" && !strings.HasPrefix(titleJA, "駐") {
				titleJA = jt
			}
		}
	}
	return prefix + titleJA, titleEN, nil
}

// lesserOffice reports whether the title is part of a lesser office the
// glossary does not know: "State Minister for Foreign Affairs" holds the
// Foreign Minister's words, but its holder is another.
func lesserOffice(s string, ms []glossary.Match, title *digest.Term) bool {
	for _, m := range ms {
		if m.Term != title {
			continue
		}
		ws := hwords(s[:m.Start])
		if len(ws) > 0 {
			switch ws[len(ws)-1].low {
			case "state", "vice", "assistant", "under", "junior", "parliamentary", "senior":
				return true
			}
		}
	}
	return false
}

// byRule is an office holder the glossary knows by no Japanese form, his
// surname written by rule and reported with the unknown names.
func (r *renderer) byRule(p *digest.Term) *digest.Term {
	ws := strings.Fields(p.EN)
	if len(ws) == 0 {
		return nil
	}
	surname := ws[len(ws)-1]
	rd := r.h.G.Name(surname, "")
	cp := *p
	cp.JA, cp.Short = rd.JA, rd.JA
	if rd.ByRule {
		r.unknown = append(r.unknown, surname)
	}
	return &cp
}

// katakanaEdge reports whether a ends and b begins in katakana: two
// names that would run together without a ・ between them.
func katakanaEdge(a, b string) bool {
	ar, br := []rune(a), []rune(b)
	kana := func(r rune) bool { return unicode.In(r, unicode.Katakana) || r == 'ー' }
	return len(ar) > 0 && len(br) > 0 && kana(ar[len(ar)-1]) && kana(br[0])
}

// japanTitle are Japan's offices as Japanese writes them at home, not as
// a foreign country's (外務大臣, not 外相).
var japanTitle = map[string]string{"Foreign Minister": "外務大臣", "Prime Minister": "内閣総理大臣", "Defense Minister": "防衛大臣",
	"State Minister for Foreign Affairs": "外務副大臣", "Parliamentary Vice-Minister for Foreign Affairs": "外務大臣政務官", "Ambassador": "大使"}

// termJA is how a headline writes a glossary term: a person by surname
// (a Chinese or Korean name whole, as the desk writes 習近平), a country
// by its name.
func termJA(g *glossary.Glossary, t *digest.Term) string {
	if t.Kind == digest.Person {
		return personJA(t)
	}
	// "欧州政治共同体(EPC)": a headline writes the name without its
	// abbreviation.
	if i := strings.LastIndexAny(t.JA, "(（"); i > 0 && (strings.HasSuffix(t.JA, ")") || strings.HasSuffix(t.JA, "）")) {
		return t.JA[:i]
	}
	return t.JA
}

// personJA is a person's name in a headline: the surname, or a name in
// Chinese characters whole.
func personJA(p *digest.Term) string {
	if p.Short == "" {
		return p.JA
	}
	if !strings.ContainsFunc(p.JA, func(r rune) bool { return unicode.In(r, unicode.Katakana) }) && !isJapanese(p) {
		return p.JA // 習近平, 李在明
	}
	return p.Short
}

// isJapanese: Japan's own officials go by surname (岩屋外務大臣).
func isJapanese(p *digest.Term) bool { return strings.EqualFold(p.Country, "JP") }

// nameAfterTitle finds the person a title names in text: "Defense Minister
// Colonel General Zakir Hasanov" gives Hasanov, "President of Kazakhstan
// Kassym-Jomart Tokayev" gives Tokayev; from the glossary when it holds
// him, else by rule (and then reported unknown). country, when set, is the
// country the person must be of: the glossary's, or the adjective or "of
// X" next to the title. skip is a person already named (the subject).
func (r *renderer) nameAfterTitle(text string, title *digest.Term, country string, skip *digest.Term) *digest.Term {
	g := r.h.G
	ms := g.Find(text)
	for k, m := range ms {
		if m.Term.Kind != digest.Title || m.Term.EN != title.EN {
			continue
		}
		// The country next to the title: "Turkish Defense Minister",
		// "President of Kazakhstan".
		near := ""
		if k > 0 && (ms[k-1].Term.Kind == digest.Adjective || ms[k-1].Term.Kind == digest.Country) && m.Start-ms[k-1].End <= 12 {
			near = ms[k-1].Term.Country
		}
		end := m.End
		if k+1 < len(ms) && ms[k+1].Term.Kind == digest.Country && strings.HasPrefix(strings.ToLower(strings.TrimSpace(text[m.End:ms[k+1].Start])), "of") && ms[k+1].Start-m.End <= 8 {
			near, end = ms[k+1].Term.Country, ms[k+1].End
		}
		var name []string
		for _, w := range hwords(text[end:]) {
			if len(name) == 0 && (ranks[w.low] || w.low == "national") {
				continue // "Colonel General", "National Defense Minister"
			}
			if !unicode.IsUpper([]rune(w.raw)[0]) || len(name) == 3 {
				break
			}
			name = append(name, w.raw)
		}
		if len(name) == 0 {
			continue
		}
		full := strings.Join(name, " ")
		var p *digest.Term
		if t := g.Lookup(full); t != nil && t.Kind == digest.Person {
			p = t
		} else if ps := g.Surname(name[len(name)-1]); len(ps) > 0 {
			p = ps[0]
		}
		byRule := false
		if p == nil {
			rd := g.Name(name[len(name)-1], "")
			p = &digest.Term{Kind: digest.Person, EN: full, JA: rd.JA, Short: rd.JA, Country: near}
			byRule = rd.ByRule
		}
		if skip != nil && p.EN == skip.EN {
			continue
		}
		pc := cmp.Or(p.Country, near)
		if country != "" && pc != "" && !strings.EqualFold(pc, country) {
			continue
		}
		if p.Country == "" && near != "" {
			cp := *p
			cp.Country = near
			p = &cp
		}
		if byRule {
			r.unknown = append(r.unknown, name[len(name)-1])
		}
		return p
	}
	return nil
}
