package rank

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/draft"
	"shuho/internal/glossary"
	"shuho/internal/words"
)

// Ranker gives each story a section and a relevance. It is pure: the
// archive's examples come in through Train, the clock through Now.
type Ranker struct {
	Model *Model
	// Weights are the outlets' weights (0–1) by citation label, from the
	// profile's sources; an outlet without one weighs 0.5.
	Weights map[string]float64
	// Sections are the profile's section keys, in order; a class of the
	// model that is not one of them (nor None) is taken as None.
	Sections []string
	// G, when set, names the people and places of a story: a head of
	// state named weighs as "president" does, a story that names the
	// profile's country or its places (Home, an ISO code) counts more than
	// one that names none, and one that names only other countries' is
	// not for the digest (see place). New sets it from the built-in
	// glossary and the profile's; a drafter sets the archive's.
	G    *glossary.Glossary
	Home string
	// Affiliations say who stands behind each outlet (by citation
	// label): many state-owned outlets telling one ceremony count less
	// than their number, an independent outlet or an international body
	// alone counts as much as two, and voices of several kinds count more.
	Affiliations map[string]digest.Affiliation
}

// Builtin returns a model trained on the built-in lexicon alone.
func Builtin() *Model { return Train(Classes, lexiconExamples()) }

// TrainWith returns a model trained on the built-in lexicon and examples
// (archive items, editors' choices): the archive teaches the desk's own
// sense of its sections, the lexicon keeps what the archive never shows.
func TrainWith(examples []Example) *Model {
	return Train(Classes, append(lexiconExamples(), examples...))
}

// New returns a ranker for a profile with a model.
func New(p *digest.Profile, m *Model) *Ranker {
	r := &Ranker{Model: m, Weights: map[string]float64{}, Affiliations: map[string]digest.Affiliation{}}
	for _, o := range p.Outlets {
		r.Affiliations[o.Label] = o.Affiliation
	}
	for _, s := range p.Sources {
		if s.Weight > r.Weights[s.Outlet] {
			r.Weights[s.Outlet] = s.Weight
		}
	}
	for _, s := range p.Sections {
		r.Sections = append(r.Sections, s.Key)
	}
	// The built-in glossary is part of the build: it fails to load only
	// in a broken build, which its own tests catch; the ranker then works
	// without people and places rather than not at all.
	if seed, err := glossary.Builtin(); err == nil {
		r.G = glossary.New(append(seed, p.Glossary...), p.Style)
		if t := r.G.Lookup(p.Country); t != nil && t.Kind == digest.Country {
			r.Home = t.Country
		}
	}
	return r
}

// Result is a story's place in the week.
type Result struct {
	// Section is a key of the profile's sections, or None.
	Section string
	// Scores are the probabilities of each class.
	Scores map[string]float64
	// Relevance is from 0 (not for the digest) to 1 (the week's lead).
	Relevance float64
	// Parts are what the relevance was made of: why a story is in or out.
	Parts Parts
}

// Parts are the parts of a story's relevance, each from 0 to 1 but
// Voices: relevance = Topical × (0.35 + 0.3 Importance + 0.15 Voices' share
// + 0.12 Weight + 0.08 Recency) × (0.85 + 0.15 About).
type Parts struct {
	// Topical is how much the words are the digest's (1 − the model's
	// "not for the digest").
	Topical float64 `json:"topical"`
	// Importance is the strongest cue: a head of state, a death, an
	// attack (1), ministers, courts, visits (less).
	Importance float64 `json:"importance"`
	// Voices is how many outlets count as telling the story: state-owned
	// outlets of one kind count at most two, an independent,
	// international or foreign outlet two on its own, and each kind more
	// than one half a voice more.
	Voices float64 `json:"voices"`
	// Kinds are the kinds of outlet that told it (state-owned,
	// independent, …).
	Kinds []digest.Affiliation `json:"kinds,omitempty"`
	// Weight is the desk's weight of its weightiest outlet.
	Weight float64 `json:"weight"`
	// Recency is 1 for a story of the week's last day, less for older.
	Recency float64 `json:"recency"`
	// About is 1 when it names the desk's country, 0.5 another only.
	About float64 `json:"about"`
	// Elsewhere says it is another country's story, not for the digest.
	Elsewhere bool `json:"elsewhere,omitempty"`
}

// String says the parts in a line, as shuho draft prints them.
func (p Parts) String() string { return p.In("en") }

// In says the parts in lang ("ja" or "en"), the words from the catalogue:
// what the week page and `shuho draft --lang` show.
func (p Parts) In(lang string) string {
	t := func(k string) string { return words.Text(lang, k) }
	kinds := make([]string, len(p.Kinds))
	for i, k := range p.Kinds {
		kinds[i] = t("affiliation." + string(k))
	}
	s := fmt.Sprintf("%s %.2f · %s %.2f · %s %.1f", t("why.topical"), p.Topical, t("why.importance"), p.Importance, t("why.voices"), p.Voices)
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	s += fmt.Sprintf(" · %s %.2f · %s %.2f · %s %.2f", t("why.weight"), p.Weight, t("why.recency"), p.Recency, t("why.about"), p.About)
	if p.Elsewhere {
		s += " · " + t("why.elsewhere")
	}
	return s
}

// Text is what a story is classified by: the titles of its articles and
// the lead of the first, where the event is told.
func Text(st digest.Story) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, a := range st.Articles {
		if t := strings.TrimSpace(a.Title); t != "" && !seen[t] {
			seen[t] = true
			b.WriteString(t)
			b.WriteString(". ")
		}
	}
	if b.Len() == 0 {
		b.WriteString(st.Title + ". ")
	}
	if len(st.Articles) > 0 {
		b.WriteString(lead(draft.StripDateline(st.Articles[0].Text), 80))
	}
	return b.String()
}

// lead returns about the first n words of text, without reading past
// them (a body can be long).
func lead(text string, n int) string {
	text = strings.TrimSpace(text)
	words, in := 0, false
	for i, r := range text {
		space := unicode.IsSpace(r)
		if !space && !in {
			if words == n {
				return strings.TrimSpace(text[:i])
			}
			words++
		}
		in = !space
	}
	return text
}

// Classify places a headline and body (no story around them): what
// shuho classify does for each line.
func (r *Ranker) Classify(headline, body string) Result {
	// The headline counts twice for the model; the glossary reads it once.
	told := headline + ". " + lead(draft.StripDateline(body), 80)
	return r.result(headline+". "+told, told, 1, 0.5, 1)
}

// Rank places a story of the week that ends at weekEnd.
func (r *Ranker) Rank(st digest.Story, weekEnd time.Time) Result {
	outlets := st.Outlets
	if len(outlets) == 0 {
		for _, a := range st.Articles {
			if !slices.Contains(outlets, a.Outlet) {
				outlets = append(outlets, a.Outlet)
			}
		}
	}
	weight := 0.0
	for _, o := range outlets {
		w, ok := r.Weights[o]
		if !ok {
			w = 0.5
		}
		weight = max(weight, w)
	}
	if len(outlets) == 0 {
		weight = 0.5
	}
	// Recency: a story of the week's last day counts fully, one of its
	// first day a little less; older ones fade.
	last := st.Last
	if last.IsZero() && len(st.Articles) > 0 {
		last = st.Articles[len(st.Articles)-1].Published
	}
	recency := 1.0
	if !weekEnd.IsZero() && !last.IsZero() {
		days := weekEnd.Sub(last).Hours() / 24
		recency = math.Max(0, math.Min(1, 1-days/14))
	}
	text := Text(st)
	voices, kinds := r.voices(outlets)
	res := r.result(text, text, voices, weight, recency)
	res.Parts.Kinds = kinds
	return res
}

// voices counts the outlets that told a story as a desk weighs them: each
// kind of outlet (state-owned, private, independent, foreign government,
// international) at most two, one independent, international or foreign
// outlet as two (an exclusive is not weaker for being alone), and each
// kind beyond the first half a voice more.
func (r *Ranker) voices(outlets []string) (float64, []digest.Affiliation) {
	byKind := map[digest.Affiliation]int{}
	var kinds []digest.Affiliation
	for _, o := range outlets {
		k := r.Affiliations[o]
		if k == "" {
			k = digest.Private // an outlet the profile does not describe
		}
		if byKind[k] == 0 {
			kinds = append(kinds, k)
		}
		byKind[k]++
	}
	v := 0.0
	for k, n := range byKind {
		switch k {
		case digest.Independent, digest.International, digest.ForeignGovernment:
			v += 2
		default:
			v += float64(min(n, 2))
		}
	}
	if len(kinds) > 1 {
		v += 0.5 * float64(len(kinds)-1)
	}
	return max(v, 1), kinds
}

// result places a text: the model reads text, the glossary told (the
// same without repetitions).
func (r *Ranker) result(text, told string, voices, weight, recency float64) Result {
	ws := foldWords(text)
	_, scores := r.Model.classify(features(ws))
	res := Result{Scores: scores}
	best := -1.0
	for c, v := range scores {
		if c != None && !slices.Contains(r.Sections, c) {
			continue
		}
		if v > best || v == best && c < res.Section {
			res.Section, best = c, v
		}
	}
	if res.Section == "" {
		res.Section = None
	}
	var ms []glossary.Match
	if r.G != nil {
		ms = r.G.Find(told)
	}
	where := r.place(told, ms)
	cued := cuesOf(ws)
	topical := 1 - scores[None]
	if where.elsewhere() {
		// Business, elections, courts and wars of other countries are
		// told in the words of politics, but the desk follows one
		// country: a story about another is not for its digest, whatever
		// section its words suggest.
		res.Section = None
	} else if c := frameSection(cued, where, res.Section); c != "" && slices.Contains(r.Sections, c) {
		if res.Section == None {
			// The frame, not the words, makes it a digest story.
			topical = max(topical, 0.5)
		}
		res.Section = c
	}
	res.Parts = Parts{Topical: round(topical), Voices: voices, Weight: weight, Recency: round(recency), Elsewhere: where.elsewhere()}
	if res.Section == None {
		// Not for the digest: the relevance says how far from it.
		res.Relevance = round(0.3 * (1 - scores[None]))
		if where.elsewhere() {
			res.Relevance = round(res.Relevance / 2)
		}
		return res
	}
	imp := cued.importance
	about := 0.75
	switch {
	case where.home:
		about = 1
	case where.abroad:
		about = 0.5
	}
	if r.G != nil {
		imp = max(imp, r.peopleWeight(ms))
	}
	many := math.Min(1, math.Log2(1+max(voices, 1))/math.Log2(5))
	rel := topical * (0.35 + 0.3*imp + 0.15*many + 0.12*weight + 0.08*recency) * (0.85 + 0.15*about)
	res.Relevance = round(math.Max(0, math.Min(1, rel)))
	res.Parts.Importance, res.Parts.About = round(imp), about
	return res
}

func round(v float64) float64 { return math.Round(v*1000) / 1000 }

// Importance is the weight of the strongest cue in a text: 1 for a head of
// state or government, a death or an attack, less for ministers, courts,
// visits; 0 when none.
func Importance(text string) float64 { return cues(text).importance }

// peopleWeight is the weight of the highest office among the people a
// text's glossary matches name: heads of state and government 1, ministers and speakers 0.85,
// anyone else in the glossary 0.6; 0 when it names nobody it knows.
func (r *Ranker) peopleWeight(ms []glossary.Match) float64 {
	best := 0.0
	for _, m := range ms {
		if m.Term.Kind != digest.Person {
			continue
		}
		t := strings.ToLower(m.Term.Title)
		w := 0.6
		switch {
		case t == "president" || strings.Contains(t, "prime minister") || t == "king" || t == "emir" || t == "chancellor" ||
			strings.Contains(t, "supreme leader") || strings.Contains(t, "secretary-general"):
			w = 1
		case strings.Contains(t, "minister") || strings.Contains(t, "speaker") || strings.Contains(t, "vice-president") ||
			strings.Contains(t, "secretary of state"):
			w = 0.85
		}
		best = max(best, w)
	}
	return best
}

// where tells whom a story names: the profile's country, its people or
// its places (home), other countries' (abroad), or neither, as a home
// outlet's story often does ("Court sentences two journalists" names no
// one); and whether it opens with another country's (led abroad:
// "Georgian parliament adopts…", "Putin holds…").
type where struct{ home, abroad, ledAbroad, intl bool }

// elsewhere is a story about another country: it opens with that
// country's people or places and names none of home's. One that names
// others only further on ("Border guards stop smuggling from Iran",
// "Security Council Secretary meets Russian counterpart") is told by a
// home outlet of home's own people, whom it does not need to name.
func (w where) elsewhere() bool { return w.ledAbroad && !w.home }

// place tells where a story is by the glossary's matches. People,
// places, countries and their adjectives count, and institutions whose
// name says whose they are ("Baku Court of Appeal", "Milli Majlis"), not
// those with a name many countries share ("Constitutional Court"). Without
// a home country nothing is abroad.
func (r *Ranker) place(text string, ms []glossary.Match) where {
	var w where
	if r.Home == "" {
		return w
	}
	// The opening: the story's first four words, its subject.
	opening := len(text)
	if ws := wordStarts(text, 5); len(ws) == 5 {
		opening = ws[4]
	}
	for i, m := range ms {
		country := countryOf(m.Term)
		if country == "" {
			w.intl = w.intl || m.Term.Kind == digest.Organisation
			continue
		}
		switch m.Term.Kind {
		case digest.Person, digest.Place, digest.Country, digest.Adjective:
		case digest.Organisation:
			if !ownName(m.Term.EN) {
				continue
			}
		default:
			continue
		}
		if strings.EqualFold(country, r.Home) {
			w.home = true
			continue
		}
		w.abroad = true
		if i == 0 && m.Start < opening {
			w.ledAbroad = true
		}
	}
	return w
}

// countryOf is the country a term belongs to. A desk's own term replaces
// the seed's of the same name in a glossary, and a profile's terms seldom
// say their country (the built-in profile's "Baku", "Milli Majlis" do
// not): the seed's country stands where the desk's term names none.
func countryOf(t *digest.Term) string {
	if t.Country != "" {
		return t.Country
	}
	return seedCountries()[string(t.Kind)+"\x00"+glossary.Fold(t.EN)]
}

// seedCountries maps each seed term (kind, folded English form) to its
// country.
var seedCountries = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	seed, _ := glossary.Builtin() // a broken seed leaves the map empty, as New explains
	for _, t := range seed {
		if t.Country != "" {
			m[string(t.Kind)+"\x00"+glossary.Fold(t.EN)] = t.Country
		}
	}
	return m
})

// wordStarts are the byte offsets of the first n words of text.
func wordStarts(text string, n int) []int {
	var out []int
	in := false
	for i, r := range text {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !in {
			out = append(out, i)
			if len(out) == n {
				break
			}
		}
		in = letter
	}
	return out
}

// ownName reports whether an institution's name is its own: it has a
// word besides those that name institutions in any country.
func ownName(name string) bool {
	for _, w := range foldWords(name) {
		if !institutionWords[w] {
			return true
		}
	}
	return false
}

var institutionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range foldWords(`ministry minister ministers cabinet of the and for on court courts constitutional supreme
		appeal grave crimes military central election electoral commission committee prosecutor general office
		state security service border defense defence foreign affairs internal justice economy energy emergency
		situations presidential administration digital development transport oil fund bank national armed forces
		agency party front popular people council assembly parliament government department house senate`) {
		m[w] = true
	}
	return m
}()
