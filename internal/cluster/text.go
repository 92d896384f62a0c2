package cluster

import (
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldRune lower-cases r and strips its diacritics, with the Azerbaijani
// letters that decomposition does not reach (ə, ı) mapped by hand, so that
// "Əliyev" and "Aliyev", "Bakı" and "Baki" meet.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'ə':
		return 'a'
	case 'ı':
		return 'i'
	case 'ß':
		return 's'
	}
	if r < utf8.RuneSelf {
		return r
	}
	// Decompose and keep the base letter: ş→s, ç→c, ğ→g, ö→o, ü→u, é→e.
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return base
}

// word is one token of a text: its folded form and whether the original
// was capitalised (a hint that it names a person, place or body).
type word struct {
	s   string
	cap bool
}

// words splits text into runs of letters and digits, folded. A possessive
// "'s" (any apostrophe) is dropped with its apostrophe. The folded words
// share one string: a text costs two allocations, not one per word.
func words(text string) []word {
	var out []word
	type span struct {
		from, to int
		cap      bool
	}
	var spans []span
	buf := make([]byte, 0, len(text))
	start := -1 // start in buf of the word being read
	capital := false
	flush := func() {
		if start >= 0 && len(buf) > start {
			spans = append(spans, span{start, len(buf), capital})
		}
		start = -1
	}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			if start < 0 {
				start, capital = len(buf), false
			}
			buf = append(buf, byte(r))
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start, capital = len(buf), unicode.IsUpper(r)
			}
			buf = utf8.AppendRune(buf, foldRune(r))
			continue
		}
		inWord := start >= 0
		if isApostrophe(r) && inWord && i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') &&
			(i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
			i++ // skip the possessive s
		}
		// Digits joined by "." or "," stay one number (1,500; 2.5).
		if (r == '.' || r == ',') && inWord && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && i > 0 && unicode.IsDigit(rs[i-1]) {
			continue
		}
		flush()
	}
	flush()
	all := string(buf)
	out = make([]word, len(spans))
	for i, sp := range spans {
		out[i] = word{all[sp.from:sp.to], sp.cap}
	}
	return out
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘'
}

// FNV-64a, on strings without converting them.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func fnvByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	return h * fnvPrime
}

// TextHash is the exact-duplicate key of a text: FNV-64a over its words,
// folded (case, diacritics) and joined by single spaces, so that whitespace,
// punctuation and letter case do not matter. An empty text hashes to 0.
func TextHash(text string) uint64 { return textHash(words(text)) }

func textHash(ws []word) uint64 {
	if len(ws) == 0 {
		return 0
	}
	h := uint64(fnvOffset)
	for i, w := range ws {
		if i > 0 {
			h = fnvByte(h, ' ')
		}
		h = fnvString(h, w.s)
	}
	return h
}

// shingles returns the hashes of the runs of three consecutive folded words
// of text (of the whole text when it is shorter), the unit both SimHash and
// the near-duplicate test count in: a word edited in a wire copy changes at
// most three of them.
func shingles(text string) []uint64 { return shinglesOf(words(text)) }

func shinglesOf(ws []word) []uint64 {
	const k = 3
	if len(ws) == 0 {
		return nil
	}
	n := max(len(ws)-k+1, 1)
	out := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		h := uint64(fnvOffset)
		for j := i; j < i+k && j < len(ws); j++ {
			h = fnvString(h, ws[j].s)
			h = fnvByte(h, 0)
		}
		out = append(out, h)
	}
	return out
}

// SimHash is Charikar's 64-bit fingerprint over the word 3-shingles of
// text: texts that share most shingles differ in few bits (a lightly edited
// wire copy is within a few bits of its source), unrelated texts in about
// 32. Compare fingerprints with Hamming.
func SimHash(text string) uint64 {
	var v [64]int
	for _, h := range shingles(text) {
		h = mix(h)
		for i := range 64 {
			if h&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << i
		}
	}
	return out
}

// mix is the splitmix64 finaliser: FNV's low bits are poorly spread for
// short inputs, and SimHash needs every bit independent.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Hamming is the number of bits in which two fingerprints differ.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// stopwords are words that say nothing about which event a text tells,
// including the outlets' own names, which their boilerplate repeats
// ("Report informs", "APA reports") and which would otherwise tie together
// unrelated articles of one outlet.
var stopwords = setOf(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
said says say told tell according added noted stressed emphasized underlined informed informs reports
reported reporting news today yesterday tomorrow week weeks day days monday tuesday wednesday thursday friday
saturday sunday am pm local time year years new one two three first last since within amid
trend apa azertag report az oc media jamnews eurasianet turan caliber interfax civilnet news.az
mr mrs ms dr s t th st nd rd`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// aliases map an abbreviation or a people's adjective to the words the
// other outlets use for the same thing, so that "Georgian FM" meets
// "Georgia's foreign minister".
var aliases = map[string][]string{
	"fm": {"foreign", "minister"}, "fms": {"foreign", "minister"},
	"mfa": {"foreign", "ministry"}, "pm": {"prime", "minister"},
	"mod": {"defence", "ministry"}, "defense": {"defence"},
	"azerbaijani": {"azerbaijan"}, "azerbaijanis": {"azerbaijan"},
	"armenian": {"armenia"}, "armenians": {"armenia"},
	"georgian": {"georgia"}, "georgians": {"georgia"},
	"iranian": {"iran"}, "russian": {"russia"}, "turkish": {"turkiye"}, "turkey": {"turkiye"},
	"ukrainian": {"ukraine"}, "kazakh": {"kazakhstan"}, "uzbek": {"uzbekistan"},
	"turkmen": {"turkmenistan"}, "kyrgyz": {"kyrgyzstan"}, "tajik": {"tajikistan"},
	"chinese": {"china"}, "french": {"france"}, "german": {"germany"}, "italian": {"italy"},
	"israeli": {"israel"}, "pakistani": {"pakistan"}, "indian": {"india"},
	"american": {"us"}, "usa": {"us"}, "eu": {"european", "union"},
	"british": {"uk"}, "hungarian": {"hungary"}, "polish": {"poland"}, "serbian": {"serbia"},
	"saudi": {"saudi", "arabia"}, "emirati": {"uae"}, "qatari": {"qatar"},
	"km": {"kilometre"},
}

// synonyms map a stemmed term to the one the other outlets use for the
// same thing in the security and court news this desk reads (a landmine
// is a mine, a sapper a deminer, espionage spying).
var synonyms = map[string]string{
	"landmine": "mine", "sapper": "deminer", "espionage": "spi", "spie": "spi",
	"jail": "prison", "imprison": "prison", "imprisonment": "prison",
	"hrw": "human", "talk": "meet", "met": "meet", "meeting": "meet", "telephone": "phone",
	"call": "phone", "sentenc": "sentence", "term": "sentence", "quake": "earthquake",
	"tremor": "earthquake", "drill": "exercis", "envoi": "ambassador",
}

// termOf turns a folded word into the key terms are counted under: Latin
// spelling variants of Azerbaijani names folded (sh/ş→s, ch/ç→c, kh/x→x,
// gh/ğ→g, y→i, doubled letters single: Bayramov/Bairamov, Aliyev/Aliev),
// then a light stemming of English plural and verb endings.
func termOf(w string) string {
	if isNumber(w) {
		return w
	}
	// Most words need neither: they are left as they are, unallocated.
	if respelled(w) {
		w = spelling.Replace(w)
	}
	if doubled(w) {
		var b strings.Builder
		var prev rune
		for _, c := range w {
			if c != prev {
				b.WriteRune(c)
			}
			prev = c
		}
		w = b.String()
	}
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 5 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "i"
	case len(w) > 4 && strings.HasSuffix(w, "es") && strings.ContainsAny(w[len(w)-3:len(w)-2], "sxzc"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	return w
}

var spelling = strings.NewReplacer("sh", "s", "ch", "c", "kh", "x", "gh", "g", "y", "i")

// respelled reports whether spelling changes w: a y, or an h after s, c,
// k or g.
func respelled(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'y':
			return true
		case 'h':
			if i > 0 && strings.IndexByte("sckg", w[i-1]) >= 0 {
				return true
			}
		}
	}
	return false
}

// doubled reports whether w has a letter twice in a row.
func doubled(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w != ""
}

// lead splits a text into the part that says what the event is — the
// first two paragraphs, at most leadWords words — and the rest, the
// account and background in which other outlets' retellings of the same
// event still share its names, places and figures.
func lead(text string) (head, rest string) {
	const leadWords = 80
	text = strings.TrimSpace(text)
	paras := strings.SplitN(text, "\n\n", 3)
	if len(paras) > 2 {
		rest = paras[2]
		paras = paras[:2]
	}
	s := strings.Join(paras, "\n\n")
	n := 0
	for i, r := range s {
		if unicode.IsSpace(r) && i > 0 && !unicode.IsSpace(rune(s[i-1])) {
			n++
			if n >= leadWords {
				return s[:i], s[i:] + "\n\n" + rest
			}
		}
	}
	return s, rest
}

// dateline matches the place, date and outlet an agency puts before its
// first sentence ("Baku, November 17 (APA).", "Gazakh, 17 November, Baku
// Wire.", "YEREVAN, Nov 17 (SC Monitor) –"), and byline is the bare form
// ("KALBAJAR — "). Every article of an outlet shares them, so they would
// tie together its unrelated articles of one day.
var (
	dateline = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'’-]*,?\s+){1,4}` + // place
		`(?:(?i:` + monthRE + `)\.?\s+\d{1,2}|\d{1,2}\s+(?i:` + monthRE + `))\b` + // date
		`(?:[,\s]*\(?[\p{Lu}\d][\p{L}\d'’/-]*\)?){0,4}` + // outlet
		`\s*[.—–:-]\s+`)
	byline = regexp.MustCompile(`^\p{Lu}[\p{Lu}\s,]{1,30}\s+[—–-]\s+`)
)

const monthRE = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

func stripDateline(text string) string {
	text = strings.TrimSpace(text)
	for _, re := range []*regexp.Regexp{dateline, byline} {
		if m := re.FindStringIndex(text); m != nil {
			return text[m[1]:]
		}
	}
	return text
}

// features counts the terms of a document: its title (counted twice: it is
// the outlet's own summary), its lead, and the rest of its text at
// bodyWeight. Capitalised words (names, places, bodies) and numbers weigh
// more: they tell events apart where the common vocabulary of a topic does
// not. The dateline and the words of the outlet's own name are left out.
func features(title, text, outlet string) map[uint64]float64 {
	f := map[uint64]float64{}
	eachTerm(title, text, outlet, func(t string, wt float64) { f[termKey(t)] += wt })
	return f
}

// eachTerm calls emit for each term occurrence of features, with its
// weight.
func eachTerm(title, text, outlet string, emit func(term string, weight float64)) {
	own := words(outlet)
	add := func(s string, weight float64) {
		ws := words(s)
		for i := 0; i < len(ws); i++ {
			// The outlet's name as a phrase: "Ganja" alone is a city.
			if len(own) > 0 && i+len(own) <= len(ws) && slices.EqualFunc(own, ws[i:i+len(own)], func(a, b word) bool { return a.s == b.s }) {
				i += len(own) - 1
				continue
			}
			w := ws[i]
			if len(w.s) < 2 && !isNumber(w.s) {
				continue
			}
			terms := aliases[w.s]
			if terms == nil {
				if stopwords[w.s] {
					continue
				}
				terms = []string{w.s}
			}
			wt := weight
			switch {
			case isNumber(w.s):
				wt *= numberBoost
			case w.cap && i > 0:
				wt *= nameBoost
			}
			for _, t := range terms {
				t = termOf(t)
				if syn, ok := synonyms[t]; ok {
					t = syn
				}
				emit(t, wt)
			}
		}
	}
	head, rest := lead(stripDateline(text))
	add(title, 2)
	add(head, 1)
	if bodyWeight > 0 {
		add(rest, bodyWeight)
	}
}

// Boosts of capitalised words and numbers over common words, and the
// weight of a word of the body against one of the lead. A body word counts
// for half: an outlet that retells an event in its own words still names
// the same people, places and figures further down, but so does background
// shared by other events of the topic.
const (
	nameBoost   = 2
	numberBoost = 1.2
	bodyWeight  = 0.5
)

func termKey(t string) uint64 { return fnvString(fnvOffset, t) }
