package cluster

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What tells one event from another beside the words two articles share.
// On a busy week the articles of one topic share most of their words: two
// observer missions meeting the election commission's chairman, two
// leaders' letters of congratulation, a minister's two meetings of one day.
// What sets them apart is who (the names in the title) and what kind of
// event (a call, a meeting, a letter). Two articles are of different
// events when each title names someone or something the other article
// never mentions, or when their titles tell kinds of event that exclude
// each other; such a pair never shares a story, however many words it
// shares.

// signature is what an article says of its event.
type signature struct {
	// names are the title's names (capitalised words the article's text
	// never writes in lower case, roles and calendar words left out),
	// folded.
	names []string
	// venues are the names of where (after "in", "at"): one place hosts
	// many events of a week (a summit's town), so sharing it does not make
	// two titles one event; telling two places apart does.
	venues []string
	// kinds are the kinds of event the title tells.
	kinds kindSet
	// vocab are the terms of the whole article (title and text), sorted,
	// unique: what it mentions at all; leadVocab those of its title and
	// lead, where another outlet's account of the same event names the
	// body it is about (a body its background names is another's).
	vocab, leadVocab wordList
	// acronyms are which of names are a body's acronym (OTS, CIS).
	acronyms map[string]bool
	// shares are the title's percentages, clock its times of day
	// ("10:00"): a new reading (the turnout at noon, at three) is a new
	// event.
	shares []float64
	clock  []string
	// reply says the title answers another's claim or remarks (a denial,
	// a rebuttal): the answer is an event of its own, though it repeats
	// every word of the claim.
	reply  bool
	outlet string
	// full says the text is a whole article, long enough that a name it
	// never mentions is one its event does not have; a lead of two
	// sentences leaves out most of what another outlet names.
	full bool
}

// percentRE and clockRE find a title's percentages ("6.43%", "17
// percent") and times of day ("15:00").
var (
	percentRE = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*(?:%|percent\b|per cent\b)`)
	clockRE   = regexp.MustCompile(`\b([01]?\d|2[0-3])[:.]([0-5]\d)\b`)
)

// figures returns a title's percentages and times of day.
func figures(title string) (shares []float64, clock []string) {
	for _, m := range percentRE.FindAllStringSubmatch(title, -1) {
		if v, err := strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64); err == nil {
			shares = append(shares, v)
		}
	}
	for _, m := range clockRE.FindAllStringSubmatch(title, -1) {
		clock = append(clock, strings.TrimLeft(m[1], "0")+":"+m[2])
	}
	return shares, clock
}

// newReading reports whether two titles give different readings of a
// figure: times of day none of which they share, or (told by two
// outlets) percentages none of which they share even rounded (92.12
// and 92 are one). One outlet's new figure is an update of its own
// story, as a correction is.
func newReading(a, b *signature) bool {
	if len(a.clock) > 0 && len(b.clock) > 0 && !slices.ContainsFunc(a.clock, func(c string) bool { return slices.Contains(b.clock, c) }) {
		return true
	}
	// Percentages tell readings apart only of a count the title names
	// (a turnout, a result): two outlets' figures of one event may be of
	// two measures (the rate kept, the inflation that rose).
	// A reading at an hour is not an update of another.
	timed := len(a.clock)+len(b.clock) > 0
	if a.outlet == b.outlet && !timed || len(a.shares) == 0 || len(b.shares) == 0 || a.kinds&b.kinds&(kindTurnout|kindResults) == 0 {
		return false
	}
	for _, x := range a.shares {
		for _, y := range b.shares {
			if math.Abs(x-y) < 1 {
				return false
			}
		}
	}
	return true
}

// kindSet is a set of event kinds, a bit each.
type kindSet uint16

const (
	kindCall kindSet = 1 << iota
	kindMeet
	kindLetter
	kindCustody // detained, arrested, remanded
	kindVerdict // sentenced, convicted, acquitted
	kindAppeal
	kindOpen    // polls open, voting begins
	kindTurnout // a turnout figure
	kindResults // an election's results
	kindStart   // a mission starts work
	// kindStatement is a body's statement as the event ("Statement of
	// the Ministry ...", "issues statement"); kindFire an incident of
	// arms (shooting, shelling, a blast).
	kindStatement
	kindFire
)

// kindWords are the title words that tell a kind of event, as terms. A
// telephone conversation is a call whatever else its title says.
var kindWords = map[string]kindSet{
	"phone": kindCall, "telephone": kindCall, "call": kindCall,
	"meet": kindMeet, "meets": kindMeet, "met": kindMeet, "meeting": kindMeet, "receive": kindMeet, "receives": kindMeet,
	"received": kindMeet, "talk": kindMeet, "talks": kindMeet,
	"letter": kindLetter, "congratulat": kindLetter, "congratulates": kindLetter, "congratulated": kindLetter,
	"congratulatory": kindLetter, "condolence": kindLetter, "condolences": kindLetter, "message": kindLetter,
	"detain": kindCustody, "detains": kindCustody, "detained": kindCustody, "arrest": kindCustody, "arrests": kindCustody,
	"arrested": kindCustody, "remand": kindCustody, "remands": kindCustody, "remanded": kindCustody, "custody": kindCustody,
	"sentenced": kindVerdict, "sentences": kindVerdict, "verdict": kindVerdict, "convicted": kindVerdict, "acquitted": kindVerdict,
	"appeal": kindAppeal, "upholds": kindAppeal, "upheld": kindAppeal,
	"turnout": kindTurnout, "results": kindResults, "result": kindResults,
	"fire": kindFire, "fired": kindFire, "fires": kindFire, "firing": kindFire, "shelling": kindFire, "shelled": kindFire,
	"shoot": kindFire, "shooting": kindFire, "sniper": kindFire, "explosion": kindFire, "blast": kindFire,
}

// kindPhrases are the kinds told by two words together: "polls open",
// "starts work".
var kindPhrases = map[[2]string]kindSet{
	{"polls", "open"}: kindOpen, {"polling", "stations"}: kindOpen, {"voting", "kicks"}: kindOpen, {"voting", "begins"}: kindOpen,
	{"voting", "starts"}: kindOpen, {"polls", "opened"}: kindOpen, {"voting", "began"}: kindOpen,
	{"starts", "work"}: kindStart, {"begins", "work"}: kindStart, {"started", "work"}: kindStart, {"began", "work"}: kindStart,
	{"starts", "its"}: kindStart, {"begins", "its"}: kindStart,
	{"statement", "of"}: kindStatement, {"statement", "by"}: kindStatement, {"issues", "statement"}: kindStatement,
	{"issued", "statement"}: kindStatement, {"releases", "statement"}: kindStatement, {"makes", "statement"}: kindStatement,
}

// exclusive are the pairs of kinds no one event is told as: a call is no
// meeting, a letter neither; a detention is no verdict.
var exclusive = []kindSet{kindCall | kindMeet, kindCall | kindLetter, kindMeet | kindLetter, kindCustody | kindVerdict,
	kindVerdict | kindAppeal, kindCustody | kindAppeal,
	// An election day: the polls' opening, each turnout, the results.
	kindOpen | kindTurnout, kindOpen | kindResults, kindTurnout | kindResults,
	// A mission that starts work is not yet meeting anyone nor judging.
	kindStart | kindMeet, kindStart | kindResults,
	// A statement is no meeting, call or letter, and no incident: the
	// ministry's statement on a night's fire is told apart from it.
	kindStatement | kindMeet, kindStatement | kindCall, kindStatement | kindLetter, kindStatement | kindFire,
	kindFire | kindMeet, kindFire | kindCall, kindFire | kindLetter}

// roleWords are capitalised words of titles that name an office, a body's
// kind or a day, not who: "President", "Foreign", "Commission".
var roleWords = setOf(`president presidents vice prime minister ministers ministry foreign affairs defence defense interior
deputy chairman chairwoman chair head heads chief speaker secretary general state national central republic government
parliament assembly council commission committee office administration mission missions observer observers delegation
ambassador envoy spokesman spokesperson spokeswoman representative special commissioner party leader leaders court
supreme appeal appeals constitutional election elections electoral presidential parliamentary
king queen emperor pope prince chancellor mayor governor director ceo
january february march april may june july august september october november december
joint statement press release official visit state working`)

// signatureOf reads an article's signature from the words of its title
// and text.
func signatureOf(rawTitle, outlet string, text []word, leadWords int, home map[string]bool) signature {
	title := words(rawTitle)
	s := signature{full: len(text) >= fullWords, outlet: outlet}
	s.shares, s.clock = figures(rawTitle)
	s.acronyms = acronymsOf(rawTitle)
	// How each title word is written in the text: capitalised, in lower
	// case. A title has a dozen words: a slice beats a map of the text's.
	type seen struct{ upper, lower bool }
	case_ := make([]seen, len(title))
	lead := make([]string, 0, min(leadWords, len(text))+len(title))
	all := make([]string, 0, len(text)+len(title))
	for i, w := range text {
		if i < leadWords {
			lead = append(lead, w.s)
		}
		all = append(all, w.s)
		for k, tw := range title {
			if tw.s == w.s {
				if w.cap {
					case_[k].upper = true
				} else {
					case_[k].lower = true
				}
			}
		}
	}
	// A reply is told in the title's first clause: "Azerbaijan says
	// soldier killed, Yerevan denies opening fire" is the claim's report.
	first := len(words(clauseRE.Split(rawTitle, 2)[0]))
	denies, answers, claim := false, false, false
	for i := 1; i < len(title); i++ {
		s.kinds |= kindPhrases[[2]string{title[i-1].s, title[i].s}]
	}
	for k, w := range title {
		lead, all = append(lead, w.s), append(all, w.s)
		// "Denied" is as often a refusal ("opposition denied venue"):
		// a denial only of what was done ("denied firing") or claimed.
		if k < first && (denialWords[w.s] && (w.s != "denied" || k+1 < len(title) && strings.HasSuffix(title[k+1].s, "ing")) || falseWords[w.s]) {
			denies = true
		}
		if w.s == "denied" {
			answers = true
		}
		if replyWords[w.s] && k < first {
			answers = true
		}
		if claimWords[w.s] {
			claim = true
		}
		if kind, ok := kindWords[w.s]; ok {
			s.kinds |= kind
		} else if kind, ok := kindWords[termOf(w.s)]; ok {
			s.kinds |= kind
		}
		// A name: capitalised in the title and in the text, and never in
		// lower case there, which a title's first word ("Families") or a
		// title in title case ("Urges Baku To Free") would otherwise make
		// of common words. The desk's own country is every article's.
		if !w.cap || !(case_[k].upper || s.acronyms[w.s]) || case_[k].lower || home[w.s] || stopwords[w.s] || roleWords[w.s] ||
			kindWords[w.s] != 0 || isNumber(w.s) || len(w.s) < 2 {
			continue
		}
		if !slices.Contains(s.names, w.s) {
			s.names = append(s.names, w.s)
		}
		if k > 0 && venueWords[title[k-1].s] && !slices.Contains(s.venues, w.s) {
			s.venues = append(s.venues, w.s)
		}
	}
	s.reply = denies || answers && claim
	s.vocab, s.leadVocab = termsOf(all), termsOf(lead)
	return s
}

// termsOf returns folded words respelled (Bairamov, Bayramov: bairamov),
// sorted, each once, in a list of their own (not holding on to the text
// they were read from: an index keeps a window of them).
func termsOf(ws []string) wordList {
	slices.Sort(ws)
	ws = slices.Compact(ws)
	for i, w := range ws {
		ws[i] = respell(w)
	}
	slices.Sort(ws)
	ws = slices.Compact(ws)
	var l wordList
	n := 0
	for _, w := range ws {
		n += len(w)
	}
	b := make([]byte, 0, n)
	l.end = make([]uint32, len(ws))
	for i, w := range ws {
		b = append(b, w...)
		l.end[i] = uint32(len(b))
	}
	l.s = string(b)
	return l
}

// wordList is a sorted list of words in one string: the i-th word ends
// at end[i], the first starts at 0.
type wordList struct {
	s   string
	end []uint32
}

func (l wordList) len() int { return len(l.end) }

func (l wordList) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = l.end[i-1]
	}
	return l.s[start:l.end[i]]
}

// hasPrefix reports whether a word of the list starts with p.
func (l wordList) hasPrefix(p string) bool {
	i := sort.Search(l.len(), func(i int) bool { return l.at(i) >= p })
	return i < l.len() && strings.HasPrefix(l.at(i), p)
}

// respell folds the Latin spellings of one sound into one (sh, ş: s; kh,
// x: x; y: i), as termOf does, without its stemming.
func respell(w string) string {
	if respelled(w) {
		return spelling.Replace(w)
	}
	return w
}

// acronymsOf returns the acronyms of a title (OTS, CIS, ECO, OSCE),
// folded: names, though the text may spell them out. A title all in
// capitals has none.
func acronymsOf(title string) map[string]bool {
	if !strings.ContainsFunc(title, unicode.IsLower) {
		return nil
	}
	out := map[string]bool{}
	for _, f := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if n := utf8.RuneCountInString(f); n >= 2 && n <= 6 && !strings.ContainsFunc(f, unicode.IsLower) {
			out[strings.ToLower(f)] = true
		}
	}
	return out
}

// mentions reports whether the article of vocabulary v mentions the name
// w (folded): the word itself, a longer form of it (kazakh, kazakhstan),
// or the country its adjective stands for (french, france).
func mentions(v wordList, w string) bool {
	forms := []string{w}
	forms = append(forms, aliases[w]...)
	for _, f := range forms {
		stem := respell(f)
		if len(stem) > 5 {
			stem = stem[:len(stem)-2] // azerbaijani: azerbaij…; russian: rusi…
		}
		if v.hasPrefix(stem) {
			return true
		}
	}
	return false
}

// fullWords is the least text that is a whole article rather than a lead.
const fullWords = 100

// apart reports whether two signatures are of different events: titles
// of kinds that exclude each other, or titles each naming what the other
// article never mentions.
func apart(a, b *signature) bool {
	if a.kinds != 0 && b.kinds != 0 && a.kinds&b.kinds == 0 {
		for _, x := range exclusive {
			if a.kinds&x != 0 && b.kinds&x != 0 {
				return true
			}
		}
	}
	// A body's statement may be its reply: a statement is neither.
	if newReading(a, b) || a.reply != b.reply && (a.kinds|b.kinds)&kindStatement == 0 {
		return true
	}
	if !a.full || !b.full {
		return false
	}
	return ownName(a, b) && ownName(b, a) || leadMiss(a, b) && leadMiss(b, a) && !sharedName(a, b)
}

// leadMiss reports whether a's title names someone or something b's title
// and lead do not: another outlet's account of a's event names them where
// it starts.
func leadMiss(a, b *signature) bool {
	for _, t := range a.names {
		if !mentions(b.leadVocab, t) {
			return true
		}
	}
	return false
}

// sharedName reports whether the two titles name someone in common. A
// people's adjective is no one ("Armenian fire" in Kalbajar and in
// Sadarak): in a flare-up every title has it; nor is a venue.
func sharedName(a, b *signature) bool {
	for _, t := range a.names {
		if aliases[t] != nil || slices.Contains(a.venues, t) || a.acronyms[t] {
			continue
		}
		for _, u := range b.names {
			if slices.Contains(b.venues, u) || b.acronyms[u] {
				continue
			}
			if respell(t) == respell(u) {
				return true
			}
		}
	}
	return false
}

// venueWords come before a title's name of where.
var venueWords = setOf(`in at near toward towards`)

// A title is a reply when it denies ("denies firing", "refutes
// Azerbaijani claim") or answers another's claim ("responds to
// Pashinyan's remarks", "spreading disinformation"): denialWords or
// falseWords alone, replyWords with one of claimWords. A ministry that rejects a resolution is its statement on
// it, not a reply to a claim.
var (
	denialWords = setOf(`deny denies denied denying refute refutes refuted refuting`)
	replyWords  = setOf(`reject rejects rejected dismiss dismisses dismissed responds responded reply replies replied
reacts reacted rebuffs rebuffed comments commented`)
	falseWords = setOf(`false baseless groundless untrue unfounded lie lies disinformation fake`)
	// clauseRE ends a title's first clause.
	clauseRE   = regexp.MustCompile(`[,;]|\s[-–—]\s`)
	claimWords = setOf(`claim claims remark remarks accusation accusations allegation allegations statement statements
words comments`)
)

// ownName reports whether a's title names something b never mentions: a
// body's acronym b's title and lead do not name, or another name its
// whole text does not.
func ownName(a, b *signature) bool {
	for _, t := range a.names {
		v := b.vocab
		if a.acronyms[t] {
			v = b.leadVocab
		}
		if !mentions(v, t) {
			return true
		}
	}
	return false
}
