package rank

import (
	"math"
	"slices"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/glossary"
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
	// state named weighs as "president" does, and a story that names the
	// profile's country or its places (Home, an ISO code) counts more than
	// one about elsewhere.
	G    *glossary.Glossary
	Home string
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
	r := &Ranker{Model: m, Weights: map[string]float64{}}
	for _, s := range p.Sources {
		if s.Weight > r.Weights[s.Outlet] {
			r.Weights[s.Outlet] = s.Weight
		}
	}
	for _, s := range p.Sections {
		r.Sections = append(r.Sections, s.Key)
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
		b.WriteString(lead(st.Articles[0].Text, 80))
	}
	return b.String()
}

// lead returns about the first n words of text.
func lead(text string, n int) string {
	fs := strings.Fields(text)
	if len(fs) > n {
		fs = fs[:n]
	}
	return strings.Join(fs, " ")
}

// Classify places a headline and body (no story around them): what
// shuho classify does for each line.
func (r *Ranker) Classify(headline, body string) Result {
	text := headline + ". " + headline + ". " + lead(body, 80)
	return r.result(text, 1, 0.5, 1)
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
	return r.result(Text(st), len(outlets), weight, recency)
}

func (r *Ranker) result(text string, outlets int, weight, recency float64) Result {
	_, scores := r.Model.Classify(text)
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
	if res.Section == None {
		// Not for the digest: the relevance says how far from it.
		res.Relevance = round(0.3 * (1 - scores[None]))
		return res
	}
	imp := Importance(text)
	about := 1.0
	if r.G != nil {
		ms := r.G.Find(text)
		imp = max(imp, r.peopleWeight(ms))
		about = r.aboutHome(ms)
	}
	many := math.Min(1, math.Log2(1+float64(max(outlets, 1)))/math.Log2(5))
	topical := 1 - scores[None]
	rel := topical * (0.35 + 0.3*imp + 0.15*many + 0.12*weight + 0.08*recency) * (0.85 + 0.15*about)
	res.Relevance = round(math.Max(0, math.Min(1, rel)))
	return res
}

func round(v float64) float64 { return math.Round(v*1000) / 1000 }

// Importance is the weight of the strongest cue in a text: 1 for a head of
// state or government, a death or an attack, less for ministers, courts,
// visits; 0 when none.
func Importance(text string) float64 {
	ws := foldWords(text)
	joined := " " + strings.Join(ws, " ") + " "
	best := 0.0
	for _, c := range importanceStems {
		if c.weight > best && strings.Contains(joined, c.phrase) {
			best = c.weight
		}
	}
	return best
}

var importanceStems = func() []struct {
	phrase string
	weight float64
} {
	out := make([]struct {
		phrase string
		weight float64
	}, len(importance))
	for i, c := range importance {
		out[i].phrase = " " + strings.Join(foldWords(c.phrase), " ") + " "
		out[i].weight = c.weight
	}
	return out
}()

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

// aboutHome is 1 when a text's glossary matches name the profile's
// country, its people or its places, 0.5 when it names only others, 0.75 when it names none.
func (r *Ranker) aboutHome(ms []glossary.Match) float64 {
	found := false
	for _, m := range ms {
		switch m.Term.Kind {
		case digest.Person, digest.Place, digest.Country, digest.Adjective, digest.Organisation:
			if m.Term.Country == "" {
				continue
			}
			found = true
			if strings.EqualFold(m.Term.Country, r.Home) {
				return 1
			}
		}
	}
	if found {
		return 0.5
	}
	return 0.75
}
