package draft

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
	"shuho/internal/glossary"
)

// Headline is a Japanese headline drafted from an English one. JA is a
// complete headline in the desk's form, or empty: what the drafter could
// not make a headline of is offered as Gist (what it found: the names, or
// the headline with the English words it could not write), for an editor
// to finish beside the field, never in it.
type Headline struct {
	JA   string `json:"headline_ja"`
	Gist string `json:"gist,omitempty"`
	// Unknown are the names the glossary lacks, rendered by rule: each
	// wants a reviewer's eye.
	Unknown []string `json:"unknown_names"`
	// Check are the glossary's terms the headline used that are past
	// their check-by day on the article's day (an office holder whose
	// term may have ended): each wants checking before it is trusted.
	Check []string `json:"check,omitempty"`
	// Engine says how it was made: "template" (a past headline of the
	// archive with its slots filled), "rules", or "gist" (no headline form
	// was recognised, or a word could not be written: JA is empty).
	Engine string `json:"engine"`
}

// Headliner drafts Japanese headlines in the desk's style: 体言止め, the
// subject followed by 、, people as surname and title, foreign leaders as
// surname・country and title, countries abbreviated where headlines do.
type Headliner struct {
	G *glossary.Glossary
	// Home is the profile's country code ("AZ"): its officials go without
	// their country, "アリエフ大統領", a foreign one with it.
	Home   string
	Memory *Memory
}

// Translate drafts the Japanese headline of an English one; body, the
// story's text, names the people a headline gives only by title. The
// office holders are today's.
func (h *Headliner) Translate(en, body string) Headline { return h.TranslateOn(en, body, "") }

// TranslateOn drafts as Translate does for an article of day (YYYY-MM-DD):
// an office named without its holder ("the Turkish Foreign Minister") is
// named from the one who held it that day, and a term past its check-by
// day is reported. A draft that lint would call unfinished (only names,
// no event) is given as the gist, with JA empty.
func (h *Headliner) TranslateOn(en, body, day string) Headline {
	hl := h.translate(en, body, day)
	if hl.JA != "" && !finished(hl.JA) {
		hl.Gist, hl.JA, hl.Engine = hl.JA, "", "gist"
	}
	return hl
}

func (h *Headliner) translate(en, body, day string) Headline {
	en = cleanHeadline(en)
	if en == "" {
		return Headline{Engine: "rules"}
	}
	if h.Memory != nil {
		if hl, ok := h.Memory.Translate(en, body, day); ok {
			return hl
		}
	}
	if hl, ok := h.sourced(en, body, day); ok {
		return hl
	}
	hl, _ := h.rules(en, body, day)
	return hl
}

// rules drafts a headline from its frame, and says whose it is: the
// subject's kind (homeCountry when the headline's subject goes unwritten)
// and the head written for it ("外務省、").
func (h *Headliner) rules(en, body, day string) (Headline, *renderer) {
	r := &renderer{h: h, body: body, day: day}
	ws := hwords(en)
	vi, ev := findEvent(ws)
	if vi < 0 {
		return r.gist(en, ""), r
	}
	ja := r.headlineOf(read(en, ws, vi, ev))
	if ja == "" || len(r.missing) > 0 {
		return r.gist(en, ja), r
	}
	return Headline{JA: ja, Unknown: r.unknown, Check: r.stale, Engine: "rules"}, r
}

// sourced drafts a headline that names its source before a colon:
// "MFA: Azerbaijan condemns …", "Hikmet Hajiyev: …", "MoD: Armenian
// armed forces opened fire …". What follows is the source's word, not
// the desk's: when it speaks for the country (its subject is the home
// country, unwritten) the source is the subject (外務省、…を非難);
// otherwise it is reported as said (国防省、アルメニア軍が…に発砲と発表;
// a person's words と発言). Only when the rest drafts whole; a quotation
// that does not is left empty.
func (h *Headliner) sourced(en, body, day string) (Headline, bool) {
	i := strings.Index(en, ": ")
	if i <= 0 || i >= len(en)/2 {
		return Headline{}, false
	}
	if ms := h.G.Find(en[:i]); len(ms) == 0 || ms[0].Start != 0 {
		return Headline{}, false
	}
	said := strings.TrimSpace(en[i+2:])
	if q := []rune(said); len(q) > 2 && strings.ContainsRune(`'"‘“`, q[0]) && strings.ContainsRune(`'"’”`, q[len(q)-1]) {
		said = string(q[1 : len(q)-1])
	}
	rest, rr := h.rules(said, body, day)
	if rest.Engine == "gist" || rest.JA == "" {
		return Headline{}, false
	}
	r := renderer{h: h, body: body, day: day}
	src, title, person, kind := r.side(en[:i], "", nil)
	if src == "" || len(r.missing) > 0 {
		return Headline{}, false
	}
	rest.Unknown = append(rest.Unknown, r.unknown...)
	rest.Check = append(rest.Check, r.stale...)
	switch {
	case kind == homeCountry:
		return rest, true // "Azerbaijan: …" is the country's own word
	case rr.subjKind == homeCountry:
		rest.JA = src + "、" + rest.JA
		return rest, true
	}
	verb := "と発表"
	if kind == sidePerson || person != nil || title != "" {
		verb = "と発言"
	}
	ja := rest.JA
	if rr.head != "" && strings.HasPrefix(ja, rr.head) {
		// Its subject is the subject of what was said: アルメニア軍が….
		ja = strings.TrimSuffix(rr.head, "、") + "が" + ja[len(rr.head):]
	}
	rest.JA = src + "、" + ja + verb
	return rest, true
}

// cleanHeadline drops what outlets add to a headline that is no part of
// it: "- PHOTO", "(VIDEO)", "UPDATED", a closing full stop.
func cleanHeadline(en string) string {
	en = strings.TrimSpace(en)
	for {
		low := strings.ToLower(en)
		cut := false
		for _, tag := range []string{"photo", "photos", "video", "videos", "updated", "update", "infographics", "exclusive"} {
			for _, form := range []string{" - " + tag, " – " + tag, " — " + tag, " (" + tag + ")", " [" + tag + "]"} {
				if strings.HasSuffix(low, form) {
					en, cut = strings.TrimSpace(en[:len(en)-len(form)]), true
				}
			}
		}
		if !cut {
			break
		}
	}
	for _, p := range []string{"BREAKING: ", "UPDATE: ", "Breaking: ", "Exclusive: "} {
		en = strings.TrimPrefix(en, p)
	}
	return strings.TrimSuffix(en, ".")
}

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

// np renders a noun phrase: people as surname and title, titles with the
// person the body names, countries, places and bodies from the glossary,
// common nouns from a small table, other capitalised names by rule.
// counterpart is the subject's title, which "counterpart" stands for, and
// skip the subject's person. It returns the rendering, the English title
// the phrase holds and its person, if any.
func (r *renderer) np(s, counterpart string, skip *digest.Term) (string, string, *digest.Term) {
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
		if person == nil && !hasWord(low, "former", "deputy", "new", "newly", "incoming", "outgoing", "acting", "next") && !orgAfter(ms, title, r.h.Home) {
			// An international organisation's office has no country
			// (UN Secretary-General); a country's is the home country's
			// unless the phrase names another.
			p := g.Holder(title.EN, country, ambassadorTo, r.day)
			if p == nil && country == "" {
				p = g.Holder(title.EN, r.h.Home, ambassadorTo, r.day)
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
		if ambassadorTo != "" && strings.Contains(strings.ToLower(title.EN), "ambassador") {
			titleJA = "駐" + g.CountryShort(ambassadorTo) + "大使"
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
			if jt := japanTitle[titleEN]; jt != "" {
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
	if country != "" && !strings.EqualFold(country, r.h.Home) {
		prefix = g.CountryShort(country)
		if strings.EqualFold(country, "JP") {
			prefix = "日本の"
			if jt := japanTitle[titleEN]; jt != "" {
				titleJA = jt
			}
		}
	}
	return prefix + titleJA, titleEN, nil
}

// japanTitle are Japan's offices as Japanese writes them at home, not as
// a foreign country's (外務大臣, not 外相).
var japanTitle = map[string]string{"Foreign Minister": "外務大臣", "Prime Minister": "内閣総理大臣", "Defense Minister": "防衛大臣",
	"State Minister for Foreign Affairs": "外務副大臣", "Parliamentary Vice-Minister for Foreign Affairs": "外務大臣政務官", "Ambassador": "大使"}

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

// plain renders a phrase without a person or title: its glossary terms,
// common nouns and numbers in order ("Japanese government delegation" is
// 日本政府代表団, "two independent journalists" 独立系記者2名), and other
// capitalised names by rule.
func (r *renderer) plain(s string, ms []glossary.Match) string {
	// "meeting of commissions on delimitation": Japanese puts the
	// qualifier first, 画定の委員会の会合.
	ws := hwords(s)
	for k := len(ws) - 1; k > 0; k-- {
		if w := ws[k].low; w == "to" && k < len(ws)-1 && k > 0 && amendments[ws[k-1].low] && !insideMatch(ms, ws[k].start) {
			// "amendments to Electoral Code": 選挙法典改正案.
			head := r.plain(s[:ws[k].start], clip(ms, 0, ws[k].start))
			tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start))
			return tail + head
		}
		// "access to news websites": ニュースサイトへのアクセス.
		if w := ws[k].low; w == "to" && k == 1 && k < len(ws)-1 && ws[0].low == "access" && !insideMatch(ms, ws[k].start) {
			tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start))
			if tail == "" {
				return ""
			}
			return tail + "へのアクセス"
		}
		if w := ws[k].low; (w == "of" || w == "on" || w == "for" || w == "from") && k < len(ws)-1 && !insideMatch(ms, ws[k].start) {
			if ws[k-1].low == "head" && onlyFillers(ws[:k-1]) {
				// "new head of Shamkir district executive power":
				// シャムキル地区行政府長.
				if tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start)); tail != "" {
					return tail + "長"
				}
			}
			head := r.plain(s[:ws[k].start], clip(ms, 0, ws[k].start))
			tail := r.plain(s[ws[k+1].start:], shift(clip(ms, ws[k+1].start, len(s)), ws[k+1].start))
			switch {
			case head == "":
				return tail
			case tail == "":
				return head
			case w == "from":
				return tail + "からの" + head // パキスタンからの戦闘機
			case isYear(tail):
				return tail + head
			}
			return tail + "の" + head
		}
	}
	return r.plainRun(s, ms)
}

func isYear(s string) bool { return len(s) == 7 && strings.HasSuffix(s, "年") && isNumeral(s[:4]) }

func insideMatch(ms []glossary.Match, at int) bool {
	for _, m := range ms {
		if m.Start <= at && at < m.End {
			return true
		}
	}
	return false
}

// clip keeps the matches within [from, to).
func clip(ms []glossary.Match, from, to int) []glossary.Match {
	var out []glossary.Match
	for _, m := range ms {
		if m.Start >= from && m.End <= to {
			out = append(out, m)
		}
	}
	return out
}

// shift moves matches' offsets back by n, for a substring from n.
func shift(ms []glossary.Match, n int) []glossary.Match {
	for i := range ms {
		ms[i].Start -= n
		ms[i].End -= n
	}
	return ms
}

func (r *renderer) plainRun(s string, ms []glossary.Match) string {
	var b strings.Builder
	sep := false // an "and" waits to be written as ・
	count := ""
	role := ""   // a role before a name: 研究者 of "Researcher Bahruz Samadov"
	roleAt := -1 // where the role was written
	mi := 0
	var caps []string
	ws := splitHyphens(hwords(s))
	last := digest.TermKind("") // the kind of the term written last, "" after anything else
	flushCaps := func() {
		if len(caps) == 0 {
			return
		}
		name := strings.Join(caps, " ")
		rd := r.h.G.Name(name, "")
		if len(caps) >= 2 && rd.ByRule {
			if role == "" && !personName(caps) {
				// "Antalya Diplomacy Forum": a name of several words the
				// glossary lacks and no person's is an event's or a body's,
				// whose Japanese no rule gives.
				r.missing = append(r.missing, name)
				caps = nil
				return
			}
			// A person the glossary lacks, given in full: the desk writes
			// the surname.
			rd = r.h.G.Name(caps[len(caps)-1], "")
		}
		if rd.ByRule {
			r.unknown = append(r.unknown, name)
		}
		switch {
		case role == "記者" && roleAt >= 0:
			// "Journalist Aytaj Tapdig": タプディグ記者.
			rest := b.String()[roleAt+len(role):]
			pre := b.String()[:roleAt]
			b.Reset()
			b.WriteString(pre + rest + rd.JA + "記者")
		case role != "" && len(caps) >= 2:
			b.WriteString(rd.JA + "氏") // 研究者サマドフ氏
		default:
			b.WriteString(rd.JA)
		}
		caps, role, roleAt = nil, "", -1
	}
	for k, w := range ws {
		for mi < len(ms) && ms[mi].End <= w.start {
			mi++
		}
		// A possessive's "'s" is the word's, not the term's: "Azerbaijan's".
		end := w.end
		if possessive(w.raw, max(0, len(w.raw)-2)) {
			end -= 2
		} else if strings.HasSuffix(w.raw, "’s") {
			end -= len("’s")
		}
		if mi < len(ms) && w.start >= ms[mi].Start && end <= ms[mi].End {
			if w.start == ms[mi].Start {
				flushCaps()
				if t := ms[mi].Term; t.Kind == digest.Adjective && strings.EqualFold(t.Country, r.h.Home) && !r.abroad {
					continue // "Azerbaijani serviceman" is the desk's own: 軍人
				}
				t := ms[mi].Term
				if t.Kind == digest.Country && strings.EqualFold(t.Country, r.h.Home) && possessive(s, ms[mi].End) {
					continue // "Azerbaijan's parliament" is the desk's own: 国会
				}
				isCountry := t.Kind == digest.Country || t.Kind == digest.Adjective
				// "Azerbaijan-Uzbekistan", "Azerbaijan and Türkiye": two
				// countries side by side are written with ・.
				if sep && b.Len() > 0 || isCountry && (last == digest.Country || last == digest.Adjective) {
					b.WriteString("・")
				}
				sep = false
				b.WriteString(termJA(r.h.G, t))
				last = t.Kind
			}
			continue
		}
		last = ""
		if k+1 < len(ws) {
			if ja, ok := compounds[w.low+" "+ws[k+1].low]; ok && !insideMatch(ms, ws[k+1].start) {
				flushCaps()
				if sep && b.Len() > 0 {
					b.WriteString("・")
				}
				sep = false
				b.WriteString(ja)
				ws[k+1].low = "" // taken
				continue
			}
		}
		if w.low == "" {
			continue
		}
		if w.low == "and" || w.low == "&" {
			flushCaps()
			sep = true
			continue
		}
		if n, ok := numberWords[w.low]; ok {
			count = n
			continue
		}
		if isNumeral(w.raw) {
			flushCaps()
			if len(w.raw) == 4 {
				// A year comes first: 2027年国家予算案.
				rest := b.String()
				b.Reset()
				b.WriteString(w.raw + "年" + rest)
			} else {
				count = w.raw
			}
			continue
		}
		if fillers[w.low] && w.low != "to" && w.low != "with" && w.low != "by" && w.low != "from" && w.low != "into" {
			flushCaps()
			continue // "Another deminer": never a name
		}
		upper := unicode.IsUpper([]rune(w.raw)[0])
		// A capitalised word is a name unless the story's text writes it
		// in lower case, or it is a common word of headlines: "Civilian
		// injured", "Researcher Bahruz Samadov".
		if ja, ok := nouns[w.low]; ok && (!upper || !nameLike(w.low) || r.common(w.low) || k == 0) {
			flushCaps()
			if sep && b.Len() > 0 && ja != "" {
				b.WriteString("・")
			}
			sep = false
			if roles[w.low] {
				role, roleAt = ja, b.Len()
			}
			b.WriteString(ja)
			continue
		}
		if isAcronym(w.raw) {
			flushCaps()
			b.WriteString(w.raw)
			continue
		}
		if upper && nameLike(w.low) && !r.common(w.low) {
			caps = append(caps, w.raw)
			continue
		}
		flushCaps()
		if joiners[w.low] && b.Len() > 0 && k < len(ws)-1 {
			// "citizens from Iran", "report to Milli Majlis": written
			// without its particle the two would run together.
			r.missing = append(r.missing, w.raw)
			continue
		}
		if !fillers[w.low] {
			r.missing = append(r.missing, w.raw)
		}
	}
	flushCaps()
	if count != "" && b.Len() > 0 {
		b.WriteString(count + counter(s))
	}
	return b.String()
}

// joiners are the prepositions a phrase cannot lose between two of its
// parts.
var joiners = map[string]bool{"from": true, "to": true, "with": true, "by": true, "into": true, "against": true, "at": true, "toward": true,
	"towards": true, "between": true, "among": true, "without": true}

// splitHyphens splits a hyphenated word ("Azerbaijani-Turkish",
// "Ex-police") into its parts unless the lexicon knows it whole
// ("large-scale", "call-up"), so that each part is found as itself.
func splitHyphens(ws []hword) []hword {
	var out []hword
	for _, w := range ws {
		if _, ok := nouns[w.low]; ok || !strings.Contains(w.raw, "-") {
			out = append(out, w)
			continue
		}
		at := w.start
		for _, part := range strings.Split(w.raw, "-") {
			if part != "" {
				low := strings.ToLower(part)
				out = append(out, hword{raw: part, low: low, start: at, end: at + len(part)})
			}
			at += len(part) + 1
		}
	}
	return out
}

// onlyFillers reports whether every word of ws is one a headline leaves out.
func onlyFillers(ws []hword) bool {
	for _, w := range ws {
		if !fillers[w.low] {
			return false
		}
	}
	return true
}

// possessive reports whether "'s" follows at in s.
func possessive(s string, at int) bool {
	return strings.HasPrefix(s[at:], "'s") || strings.HasPrefix(s[at:], "’s")
}

// amendments are the nouns that take what they change after "to".
var amendments = map[string]bool{"amendments": true, "amendment": true, "changes": true, "additions": true}

// personName reports whether a run of capitalised words the glossary
// lacks is a person's name: two or three words, the last with the ending
// of a surname of the region (or of a patronymic).
func personName(ws []string) bool {
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	last := strings.ToLower(ws[len(ws)-1])
	for _, suf := range surnameEndings {
		if strings.HasSuffix(last, suf) {
			return true
		}
	}
	return false
}

// surnameEndings are the endings of surnames of the region the desk
// covers: Azerbaijani and Russian -ov/-ev, Armenian -yan, Georgian
// -shvili/-dze, Turkish -oğlu, Persian -zadeh/-pur, Central Asian -bekov,
// -uly, Tajik -zoda. Other names the glossary lacks are not guessed at.
var surnameEndings = []string{"ov", "ova", "ev", "eva", "yev", "yeva", "ina", "yan", "ian", "yants", "shvili", "dze", "adze", "ia",
	"li", "lu", "oglu", "oğlu", "zade", "zadeh", "bek", "bekov", "enko", "uk", "ich", "ić", "sky", "ski", "uly", "kyzy", "zoda", "pur", "nejad"}

// roles are the nouns that stand before a person's name as what they are.
var roles = map[string]bool{"journalist": true, "researcher": true, "scholar": true, "activist": true, "politician": true, "founder": true,
	"editor": true, "blogger": true, "lawyer": true, "economist": true, "poet": true, "writer": true}

// isAcronym: an all-capital word such as NATO, OSCE, CIS, which a
// Japanese headline writes as it is.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// common reports whether the story's text writes a word in lower case
// (a common word, whatever the headline capitalises).
func (r *renderer) common(low string) bool {
	if r.body == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(r.body[i:], low)
		if j < 0 {
			return false
		}
		j += i
		prev, _ := utf8.DecodeLastRuneInString(r.body[:j])
		end := j + len(low)
		next, _ := utf8.DecodeRuneInString(r.body[end:])
		before, after := j == 0 || !unicode.IsLetter(prev), end >= len(r.body) || !unicode.IsLetter(next)
		if before && after {
			return true
		}
		i = j + 1
	}
}

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

func isNumeral(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// counter is the Japanese counter for what a phrase counts: people (名)
// or things (件).
func counter(s string) string {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if people[strings.Trim(w, ",.")] {
			return "名"
		}
	}
	return "件"
}

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

// gist is the headline when no sentence form was recognised: the names the
// glossary knows, in order, for the editor to finish.
func (r *renderer) gist(en, partial string) Headline {
	if partial != "" {
		// The headline as far as it could be written, with the English
		// words it could not: a start for the editor.
		if len(r.missing) > 0 {
			partial += "［" + strings.Join(r.missing, " ") + "］"
		}
		return Headline{Gist: partial, Unknown: r.unknown, Check: r.stale, Engine: "gist"}
	}
	var parts []string
	for _, m := range r.h.G.Find(en) {
		ja := termJA(r.h.G, m.Term)
		if !slices.Contains(parts, ja) {
			parts = append(parts, ja)
		}
	}
	return Headline{Gist: strings.Join(parts, "、"), Unknown: r.unknown, Check: r.stale, Engine: "gist"}
}

// occasionJA names the occasion of a congratulation as the desk writes it,
// or "" when it is not one of the usual ones.
func occasionJA(en string) string {
	low := strings.ToLower(en)
	for _, o := range occasions {
		if strings.Contains(low, o.en) {
			return o.ja
		}
	}
	return ""
}

var occasions = []struct{ en, ja string }{
	{"independence day", "独立記念日"}, {"national day", "ナショナルデー"}, {"republic day", "共和国記念日"},
	{"constitution day", "憲法記念日"}, {"victory day", "戦勝記念日"}, {"unity day", "統一記念日"},
	{"re-election", "再選"}, {"reelection", "再選"}, {"election", "当選"}, {"birthday", "誕生日"},
	{"novruz", "ノヴルーズ"}, {"eid al-adha", "犠牲祭"}, {"ramadan", "ラマダン明け"}, {"new year", "新年"},
	{"appointment", "就任"}, {"inauguration", "就任"}, {"anniversary", "記念日"},
}

// onDuty reports whether a headline is about servicemen or police, whose
// death in service the desk writes 殉職.
func onDuty(low string) bool {
	for _, w := range []string{"serviceman", "servicemen", "soldier", "police officer", "policeman", "border guard", "military"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}
