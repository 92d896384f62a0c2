package draft

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/glossary"
)

// A headline as the template memory sees it: its slots (the people,
// titles, countries, places, bodies and numbers the glossary and the
// digits name) and the words between them, its skeleton. Two headlines
// with one skeleton and slots of the same kinds are the same sentence
// about other names, and the desk writes them alike.

// slotKind is what a slot names.
type slotKind string

const (
	slotPerson  slotKind = "person"  // a person, with or without title and country
	slotTitle   slotKind = "title"   // an office without its holder's name
	slotCountry slotKind = "country" // a country or its adjective
	slotPlace   slotKind = "place"
	slotOrg     slotKind = "organisation"
	slotNumber  slotKind = "number" // a count: "11 suspects", "four"
	slotYear    slotKind = "year"
	slotDate    slotKind = "date" // a month, with its day if given
)

// slotRole is where a slot stands in the sentence: the subject (before
// any word of the skeleton) or what the event is done to, with, or where.
type slotRole uint8

const (
	subjectRole slotRole = iota
	objectRole
)

// form is how a template's Japanese writes a slot, chosen from what its
// own Japanese holds; the same form is used for the names that fill it.
type form uint8

const (
	// formOfficial is a person as surname and title, with the country
	// where the official is foreign (ラヴロフ露外相, トカエフ・カザフスタン大統領,
	// アリエフ大統領): the rules' rendering of a person (renderer.np).
	// For an office without a name the holder is named, from the story's
	// text or the glossary's holder of the office.
	formOfficial form = iota
	// formTitle is an office with its country and no name (パキスタン国防相).
	formTitle
	// formName is a person's surname alone; the 氏 of "ママドフ氏" stays
	// in the template.
	formName
	// formShort is a country's headline abbreviation, or its name where
	// it has none (露, カザフスタン).
	formShort
	// formFull is a country's full name (ロシア).
	formFull
	// formOmit is the desk's own country, which its headlines leave out
	// ("Azerbaijani MFA" is 外務省); only the desk's own country fills it.
	formOmit
	// formJA is a place's or body's glossary rendering, or a number's
	// digits.
	formJA
	// formBare is a body's rendering without the acronym the glossary
	// gives beside it: 地雷除去庁, not 地雷除去庁(ANAMA).
	formBare
	// formAcronym is a body's English acronym, which Japanese headlines
	// keep for some (EU, NATO, CIS); only an acronym fills it.
	formAcronym
	// formDropped is a place the desk left out of the sentence ("meets X
	// in Baku" is X、Yと会談): any place fills it, unwritten.
	formDropped
)

// unit is one slot of a headline: its kind, role, span in the English and
// what it holds.
type unit struct {
	kind       slotKind
	role       slotRole
	start, end int // bytes of the English
	person     *digest.Term
	title      *digest.Term
	term       *digest.Term // the place, body, or first country
	country    string       // the country of a person's, title's or country's terms
	countries  int          // its countries, an ambassador's posting with them
	value      string       // a number's, year's or date's Japanese
	// name is the English the rules render the slot from, when it is not
	// the slot's own text: a surname alone is rendered as its person.
	name string
	home bool // the desk's own person, office or country
	// unknown is a name after a title the glossary lacks: a template
	// cannot write it, so no template fills the headline.
	unknown bool
}

// shape is a headline parsed into its skeleton and slots.
type shape struct {
	en string
	// skel is the folded words outside slots, with each slot as <kind>.
	skel  []string
	units []unit
	words int // the skeleton's words that are no slot
	// names counts the skeleton's words that may be names the glossary
	// lacks (a newspaper's name): a template of the same skeleton names
	// the same, so its Japanese may write them.
	names int
}

func (s shape) key() string { return strings.Join(s.skel, " ") }

// looseKey is the skeleton without function words and the outlets'
// decorations, for the measured tolerance of Memory.Loose: "meets with X"
// and "meets X" are one sentence.
func (s shape) looseKey() string {
	var b strings.Builder
	for _, w := range s.skel {
		if looseWords[w] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

var looseWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "with": true, "to": true, "in": true,
	"on": true, "at": true, "for": true, "by": true, "and": true, "its": true, "photo": true, "video": true, "photos": true}

// parse splits a headline into slots and skeleton.
func (m *Memory) parse(en string) shape {
	g := m.h.G
	var units []unit
	for _, mt := range g.Find(en) {
		if n := len(units); n > 0 {
			if ok, posting := joins(&units[n-1], mt.Term, en[units[n-1].end:mt.Start]); ok {
				units[n-1].add(mt.Term, posting)
				units[n-1].end = mt.End
				continue
			}
		}
		u := unit{start: mt.Start, end: mt.End}
		u.add(mt.Term, false)
		units = append(units, u)
	}
	for k := range units {
		next := len(en)
		if k+1 < len(units) {
			next = units[k+1].start
		}
		units[k].extend(g, en, next)
		units[k].home = m.isHome(&units[k])
	}
	// The words between the names: numbers, years and months are slots
	// of their own, the rest the skeleton.
	sh := shape{en: en}
	ws := hwords(en)
	ui := 0
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		for ui < len(units) && units[ui].end <= w.start {
			sh.addUnit(units[ui])
			ui++
		}
		if ui < len(units) && w.start >= units[ui].start {
			continue // inside a name
		}
		if u, n := numberAt(en, ws, i); n > 0 {
			sh.addUnit(u)
			if _, after, ok := strings.Cut(ws[i+n-1].low, "-"); ok && u.kind != slotDate {
				// "18-year sentence": the number, then "year".
				sh.skel = append(sh.skel, after)
				sh.words++
			}
			i += n - 1
			continue
		}
		// "Aliyev and Pashinyan": a surname alone is its person.
		if p := bySurname(g, w.raw, ""); p != nil && unicode.IsUpper([]rune(w.raw)[0]) {
			u := unit{start: w.start, end: w.end, name: p.EN}
			u.add(p, false)
			u.home = m.isHome(&u)
			sh.addUnit(u)
			continue
		}
		sh.skel = append(sh.skel, w.low)
		sh.words++
		if i > 0 && unicode.IsUpper([]rune(w.raw)[0]) && nameLike(w.low) && !isAcronym(w.raw) {
			sh.names++
		}
	}
	for ; ui < len(units); ui++ {
		sh.addUnit(units[ui])
	}
	return sh
}

func (s *shape) addUnit(u unit) {
	u.role = objectRole
	if s.words == 0 {
		u.role = subjectRole
	}
	s.skel = append(s.skel, u.marker())
	s.units = append(s.units, u)
}

// marker is how a slot stands in the skeleton: its kind and, for people,
// offices and countries, whether they are the desk's own, since the desk
// writes the same English two ways for them ("receives" its own
// official is 活動報告を聴取, a foreign guest 会談).
// A person and an office are one kind of slot, as the desk writes both
// as surname and title ("Defense Minister" is ハサノフ国防相).
func (u *unit) marker() string {
	k := u.kind
	if k == slotTitle {
		k = slotPerson
	}
	if u.home {
		return "<" + string(k) + ":home>"
	}
	return "<" + string(k) + ">"
}

// isHome reports whether a person, office or country slot is the desk's
// own: by its country, and for an office named without one ("Defense
// Minister", not "UN Secretary-General") by whether the desk's country
// has a holder of it.
func (m *Memory) isHome(u *unit) bool {
	switch {
	case u.kind != slotPerson && u.kind != slotTitle && u.kind != slotCountry:
		return false
	case u.country != "":
		return strings.EqualFold(u.country, m.h.Home)
	}
	// An ambassador named by his posting alone ("Ambassador to Russia")
	// is the desk's own.
	return u.kind == slotTitle && u.title != nil && (u.countries > 0 || m.h.G.Holder(u.title.EN, m.h.Home, "", "") != nil)
}

// add puts a term into a unit and sets its kind: a person makes a person
// slot, a title a title slot, a country or adjective alone a country. A
// posting is the country an ambassador is sent to: the office is still
// his own country's.
func (u *unit) add(t *digest.Term, posting bool) {
	switch t.Kind {
	case digest.Person:
		u.person, u.kind = t, slotPerson
		u.country = cmp.Or(u.country, t.Country)
	case digest.Title:
		u.title = t
		u.country = cmp.Or(u.country, t.Country)
		if u.kind != slotPerson {
			u.kind = slotTitle
		}
	case digest.Country, digest.Adjective:
		u.countries++
		if !posting {
			u.country, u.term = t.Country, t
		}
		if u.kind == "" {
			u.kind = slotCountry
		}
	case digest.Place:
		u.term, u.kind = t, slotPlace
	default:
		u.term, u.kind = t, slotOrg
	}
}

// joins reports whether a term continues the noun phrase of u, with gap
// the text between them: "Russian" "Deputy Foreign Minister" "Mikhail
// Galuzin", "President" of "Kazakhstan", "Ambassador" to "Russia" (a
// posting). Places and bodies stand alone; a comma, "and" or a hyphen
// parts two.
func joins(u *unit, t *digest.Term, gap string) (ok, posting bool) {
	people := func(k digest.TermKind) bool {
		return k == digest.Person || k == digest.Title || k == digest.Country || k == digest.Adjective
	}
	if u.kind == slotPlace || u.kind == slotOrg || !people(t.Kind) || u.person != nil {
		return false, false
	}
	linked := "" // "of" or "to" between an office and its country
	for _, w := range strings.Fields(strings.ToLower(gap)) {
		switch {
		case w == "of" || w == "to":
			linked = w
		case w == "the" || w == "national" || ranks[w]:
		default:
			return false, false
		}
	}
	switch t.Kind {
	case digest.Title:
		return u.title == nil && linked == "", false
	case digest.Country, digest.Adjective:
		if u.title == nil {
			return u.countries == 0 && linked == "", false
		}
		if linked == "to" {
			ambassador := strings.Contains(strings.ToLower(u.title.EN), "ambassador")
			return ambassador && u.countries < 2, true
		}
		return linked == "of" && u.countries == 0, false
	}
	return linked == "", false // a person after his title and country
}

// extend takes in what stands after a unit's terms and belongs to it: the
// "counterpart" an adjective names ("Iranian counterpart" is an office),
// and a name after a title that the glossary lacks.
func (u *unit) extend(g *glossary.Glossary, en string, next int) {
	ws := hwords(en[u.end:next])
	if len(ws) == 0 || strings.TrimSpace(en[u.end:u.end+ws[0].start]) != "" {
		return
	}
	if u.kind == slotCountry && (ws[0].low == "counterpart" || ws[0].low == "counterparts") {
		u.end += ws[0].end
		u.kind = slotTitle
		return
	}
	if u.kind != slotTitle {
		return
	}
	at, names := u.end, 0
	for _, w := range ws {
		if strings.TrimSpace(en[at:u.end+w.start]) != "" || names == 3 {
			break // punctuation ends the name
		}
		if names == 0 && ranks[w.low] {
			at = u.end + w.end
			continue
		}
		if !unicode.IsUpper([]rune(w.raw)[0]) || !nameLike(w.low) || eventWord[w.low] {
			break
		}
		names++
		at = u.end + w.end
	}
	if names == 0 {
		return
	}
	// "President Aliyev": a surname the glossary knows is its person, the
	// one who holds the title; any other name is unknown.
	u.end, u.kind = at, slotPerson
	name := hwords(en[u.start:at])
	if p := bySurname(g, name[len(name)-1].raw, u.title.EN); names == 1 && p != nil {
		u.person = p
	} else {
		u.unknown = true
	}
}

// bySurname is the person a surname names: the only one the glossary
// knows by it, or the only one of them who holds title. With several
// and no title to tell them apart (Ilham and Kamran Aliyev) it is nil:
// a template does not guess.
func bySurname(g *glossary.Glossary, surname, title string) *digest.Term {
	ps := g.Surname(surname)
	var found *digest.Term
	for _, p := range ps {
		if title != "" && glossary.Fold(p.Title) == glossary.Fold(title) || len(ps) == 1 {
			if found != nil && found.EN != p.EN {
				return nil
			}
			found = p
		}
	}
	return found
}

// eventWord is the first word of each event phrase: in a headline in
// title case ("Minister Meets …") it starts the verb, not a name.
var eventWord = func() map[string]bool {
	m := map[string]bool{}
	for _, ev := range events {
		m[ev.words[0]] = true
	}
	return m
}()

// numberAt reads a number, year or date at ws[i]: "1,350", "four",
// "2026", "January 20". It returns the slot and how many words it took.
func numberAt(en string, ws []hword, i int) (unit, int) {
	w := ws[i]
	u := unit{kind: slotNumber, start: w.start, end: w.end}
	if mo := monthOf(w.low); mo != 0 && strings.EqualFold(mo.String(), w.low) {
		u.kind, u.value = slotDate, strconv.Itoa(int(mo))+"月"
		if i+1 < len(ws) && isNumeral(ws[i+1].raw) && len(ws[i+1].raw) <= 2 && strings.TrimSpace(en[w.end:ws[i+1].start]) == "" {
			u.value += strings.TrimLeft(ws[i+1].raw, "0") + "日"
			u.end = ws[i+1].end
			return u, 2
		}
		return u, 1
	}
	if n, ok := numberWords[w.low]; ok {
		u.value = n
		return u, 1
	}
	digits, _, _ := strings.Cut(w.raw, "-") // "18-year"
	if !isNumeral(digits) {
		return unit{}, 0
	}
	n := 1
	// "1,350" is one number, split by hwords at its comma.
	for i+n < len(ws) && en[ws[i+n-1].end:ws[i+n].start] == "," && len(ws[i+n].raw) == 3 && isNumeral(ws[i+n].raw) && digits == ws[i+n-1].raw {
		digits += ws[i+n].raw
		u.end = ws[i+n].end
		n++
	}
	u.value = digits
	if n == 1 && len(digits) == 4 && digits >= "1900" && digits <= "2100" {
		u.kind = slotYear
	}
	return u, n
}

// subject is the subject slot's office and person: "counterpart" is the
// subject's office, and an object is never the subject again.
type subject struct {
	unit   int // the subject's slot; -1 when there is none
	title  string
	person *digest.Term
}

// render writes slot k of headline sh in form f, or reports that the
// glossary cannot: a name it lacks, a title without Japanese, an office
// whose holder nobody names, a foreign country for the desk's own.
func (m *Memory) render(sh shape, k int, f form, body, day string, subj subject) (string, bool) {
	g := m.h.G
	u := &sh.units[k]
	text := cmp.Or(u.name, sh.en[u.start:u.end])
	counter, skip := "", (*digest.Term)(nil)
	if k != subj.unit {
		counter, skip = subj.title, subj.person
	}
	switch u.kind {
	case slotPerson, slotTitle:
		if u.unknown {
			return "", false
		}
		switch f {
		case formOfficial:
			ja, title, p, ok := m.official(text, counter, skip, body, day)
			return ja, ok && p != nil && title != ""
		case formTitle:
			// The desk leaves an office unnamed when it has no name for
			// it: a story whose text names the holder is written with him.
			if ja, _, p, ok := m.official(text, counter, skip, body, day); ok && p != nil && mentions(body, p) {
				return ja, true
			}
			return m.office(text, counter, skip)
		case formName:
			if u.person == nil {
				return "", false
			}
			return cmp.Or(u.person.Short, u.person.JA), true
		}
	case slotCountry:
		switch f {
		case formShort:
			ja := g.CountryShortOr(u.country, u.term.JA)
			return ja, ja != ""
		case formFull:
			ja := u.term.JA
			if ct := g.CountryByCode(u.country); ct != nil {
				ja = ct.JA
			}
			return ja, ja != ""
		case formOmit:
			return "", u.country != "" && strings.EqualFold(u.country, m.h.Home)
		}
	case slotPlace, slotOrg:
		switch f {
		case formJA:
			return u.term.JA, u.term.JA != ""
		case formBare:
			bare, _, ok := strings.Cut(strings.ReplaceAll(u.term.JA, "（", "("), "(")
			return bare, ok && bare != ""
		case formAcronym:
			return text, isAcronym(text)
		case formDropped:
			return "", true
		}
		return "", false
	default:
		return u.value, f == formJA
	}
	return "", false
}

// official renders a person or office as surname and title (with the
// country of a foreign official) by the rules' own rendering, which names
// an office the headline gives without a name from the story's text, else
// from the glossary's holder of the office on day.
func (m *Memory) official(text, counter string, skip *digest.Term, body, day string) (string, string, *digest.Term, bool) {
	r := &renderer{h: &m.h, body: body, day: day}
	ja, title, p := r.np(text, counter, skip)
	return ja, title, p, len(r.unknown) == 0 && m.hasJA(title)
}

// office renders an office without its holder's name, as the rules write
// it (パキスタン国防相): the holder they would name is set aside.
func (m *Memory) office(text, counter string, skip *digest.Term) (string, bool) {
	r := &renderer{h: &m.h}
	ja, title, p := r.np(text, counter, skip)
	if p != nil {
		ja, title, p = r.np(text, counter, p)
	}
	return ja, p == nil && m.hasJA(title) && ja != "" && len(r.unknown) == 0
}

// mentions reports whether text names person p (by the surname of any
// of his spellings).
func mentions(text string, p *digest.Term) bool {
	for _, f := range append([]string{p.EN}, p.Variants...) {
		if ws := strings.Fields(f); len(ws) > 0 && strings.Contains(text, ws[len(ws)-1]) {
			return true
		}
	}
	return false
}

// hasJA reports whether a title has a Japanese form to write.
func (m *Memory) hasJA(title string) bool {
	t := m.h.G.Lookup(title)
	return t != nil && t.JA != ""
}

// forms are the forms a slot of each kind may take, the desk's usual
// first: a template takes the first its Japanese holds.
func forms(k slotKind) []form {
	switch k {
	case slotPerson:
		return []form{formOfficial, formName}
	case slotTitle:
		return []form{formOfficial, formTitle}
	case slotCountry:
		return []form{formShort, formFull, formOmit}
	case slotPlace:
		return []form{formJA, formDropped}
	case slotOrg:
		return []form{formJA, formBare, formAcronym}
	}
	return []form{formJA}
}

// subjectOf is the subject slot's office and person, as the official form
// renders them.
func (m *Memory) subjectOf(sh shape, body, day string) subject {
	for k := range sh.units {
		u := &sh.units[k]
		if u.role != subjectRole || (u.kind != slotPerson && u.kind != slotTitle) || u.unknown {
			continue
		}
		_, title, p, _ := m.official(cmp.Or(u.name, sh.en[u.start:u.end]), "", nil, body, day)
		return subject{k, title, p}
	}
	return subject{unit: -1}
}
