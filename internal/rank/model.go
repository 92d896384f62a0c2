package rank

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// None is the class of a story that is not for the digest: business,
// sport, culture, weather, advertising.
const None = "none"

// Classes are the classes a story can fall in: the default profile's three
// sections and None.
var Classes = []string{"security", "domestic", "foreign", None}

// Example is a labelled text: an archive item with its section, an
// editor's choice (a dismissed story is None), or a cue of the built-in
// lexicon.
type Example struct {
	Class string
	Text  string
	// Weight counts the example that many times; 0 means 1.
	Weight float64
}

// Model is a multinomial naive Bayes classifier over words and word pairs:
// small, fast, trained in one pass, and it learns from a few hundred
// archive items as well as from many thousands. Zero classes means the
// model knows nothing and classifies everything as the first of Classes.
type Model struct {
	classes []string
	prior   []float64 // log P(class)
	// logp[term][class] is log P(term | class), smoothed.
	logp map[string][]float64
	// unseen[class] is the log probability of a term never seen in class.
	unseen []float64
}

// Train builds a model from examples. Classes with no example keep a small
// prior, so that a fresh archive with no "none" items can still say None
// through the built-in lexicon.
func Train(classes []string, examples []Example) *Model {
	m := &Model{classes: slices.Clone(classes), logp: map[string][]float64{}}
	n := len(classes)
	counts := map[string][]float64{}
	totals := make([]float64, n)
	docs := make([]float64, n)
	for _, e := range examples {
		c := slices.Index(classes, e.Class)
		if c < 0 {
			continue
		}
		w := e.Weight
		if w == 0 {
			w = 1
		}
		docs[c] += w
		for _, t := range Features(e.Text) {
			v := counts[t]
			if v == nil {
				v = make([]float64, n)
				counts[t] = v
			}
			v[c] += w
			totals[c] += w
		}
	}
	var all float64
	for _, d := range docs {
		all += d
	}
	// Laplace smoothing over the vocabulary; the prior is flattened, since
	// an archive holds only what was kept (no "none") and a desk's weeks
	// vary in their mix.
	const alpha = 0.5
	v := float64(len(counts)) + 1
	m.prior = make([]float64, n)
	m.unseen = make([]float64, n)
	for c := range n {
		m.prior[c] = math.Log((docs[c] + all/float64(n) + 1) / (2*all + float64(n)))
		m.unseen[c] = math.Log(alpha / (totals[c] + alpha*v))
	}
	for t, cs := range counts {
		lp := make([]float64, n)
		for c := range n {
			lp[c] = math.Log((cs[c] + alpha) / (totals[c] + alpha*v))
		}
		m.logp[t] = lp
	}
	return m
}

// Scores returns the probability of each class for a text, summing to 1.
func (m *Model) Scores(text string) map[string]float64 {
	return m.scores(features(foldWords(text)))
}

func (m *Model) scores(feats []string) map[string]float64 {
	p := m.posterior(feats)
	out := make(map[string]float64, len(p))
	for c, v := range p {
		out[m.classes[c]] = v
	}
	return out
}

func (m *Model) posterior(feats []string) []float64 {
	n := len(m.classes)
	ll := slices.Clone(m.prior)
	for _, t := range feats {
		lp, ok := m.logp[t]
		if !ok {
			continue // a word no class has seen says nothing
		}
		for c := range n {
			ll[c] += lp[c]
		}
	}
	// Naive Bayes is over-confident on long texts; the log-likelihoods are
	// tempered by the number of features before normalising, so that the
	// probabilities stay usable as relevance.
	temper := 1 / math.Sqrt(float64(max(len(feats), 1)))
	mx := math.Inf(-1)
	for c := range n {
		ll[c] *= temper
		mx = max(mx, ll[c])
	}
	var sum float64
	for c := range n {
		ll[c] = math.Exp(ll[c] - mx)
		sum += ll[c]
	}
	for c := range n {
		ll[c] /= sum
	}
	return ll
}

// Classify returns the most likely class of a text and the scores.
func (m *Model) Classify(text string) (string, map[string]float64) {
	return m.classify(features(foldWords(text)))
}

func (m *Model) classify(feats []string) (string, map[string]float64) {
	s := m.scores(feats)
	best, bv := "", -1.0
	for _, c := range m.classes {
		if s[c] > bv {
			best, bv = c, s[c]
		}
	}
	return best, s
}

// Features are the folded words of a text without stop words, and the
// pairs of adjacent ones ("foreign minister", "phone call"), which tell
// sections apart better than either word.
func Features(text string) []string { return features(foldWords(text)) }

// features are Features of folded words.
func features(ws []string) []string {
	out := make([]string, 0, 2*len(ws))
	prev := ""
	for _, w := range ws {
		if stop[w] || len(w) < 2 && !isDigits(w) {
			prev = ""
			continue
		}
		if isDigits(w) {
			w = "#"
		}
		out = append(out, w)
		if prev != "" {
			out = append(out, prev+" "+w)
		}
		prev = w
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// foldWords splits text into lower-case words without diacritics, with a
// crude stem: a plural or third-person "s" and the "ed"/"ing" of a verb are
// cut, so that "meets", "met with" and "meeting" come closer.
func foldWords(text string) []string {
	out := make([]string, 0, len(text)/6)
	var b []byte
	flush := func() {
		if len(b) > 0 {
			out = append(out, stem(string(b)))
			b = b[:0]
		}
	}
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			b = append(b, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case r == 'ə' || r == 'Ə':
			b = append(b, 'a')
		case r == 'ı' || r == 'İ':
			b = append(b, 'i')
		case unicode.IsLetter(r):
			d := norm.NFD.String(string(unicode.ToLower(r)))
			base, _ := utf8.DecodeRuneInString(d)
			b = utf8.AppendRune(b, base)
		case r == '\'' || r == '’':
			// "Azerbaijan's": the possessive goes with the word.
			continue
		default:
			flush()
		}
	}
	flush()
	return out
}

func stem(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ies") {
		w = w[:len(w)-1]
	}
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of in on at to for from by with and or but as is are was were be been being
		this that these those it its he she they his her their them we our you your i which who whom whose what
		will would shall should can could may might must do doe did ha have had not no also than then there here
		about into over after before during between against under up out off said say tell told according note
		stres underline add today yesterday tomorrow week day year month monday tuesday wednesday thursday friday
		saturday sunday january february march april may june july august september october november december`) {
		m[w] = true
	}
	return m
}()
