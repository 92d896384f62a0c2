package draft

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits a text into sentences: at a full stop, question or
// exclamation mark followed by a space and a capital letter, a digit or a
// quote, and at every paragraph break; never after an abbreviation of a
// title or a month ("Col. Gen. Hasanov", "Nov. 16"), an initial ("I.
// Aliyev") or inside a number ("2.5").
func Sentences(text string) []string {
	var out []string
	for _, para := range paragraphs(text) {
		start := 0
		rs := para
		for i := 0; i < len(rs); {
			r, size := utf8.DecodeRuneInString(rs[i:])
			if r != '.' && r != '?' && r != '!' {
				i += size
				continue
			}
			end := i + size
			// Closing quotes and brackets stay with the sentence.
			for end < len(rs) && strings.ContainsRune(`"'”’)»`, rune(rs[end])) {
				end++
			}
			if end >= len(rs) {
				break
			}
			next, nsize := utf8.DecodeRuneInString(rs[end:])
			if !unicode.IsSpace(next) {
				i = end
				continue
			}
			j := end + nsize
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if j >= len(rs) {
				break
			}
			first, _ := utf8.DecodeRuneInString(rs[j:])
			if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune(`"“«'‘(`, first)) || r == '.' && abbreviation(rs[start:i]) {
				i = end
				continue
			}
			if s := strings.TrimSpace(rs[start:end]); s != "" {
				out = append(out, s)
			}
			start, i = j, j
		}
		if s := strings.TrimSpace(rs[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func paragraphs(text string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`\n\s*\n|\r\n\s*\r\n`).Split(text, -1) {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// abbreviation reports whether the text before a full stop ends in a word
// that is abbreviated: a title, a month, an initial.
func abbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	w := before[i+1:]
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true // an initial
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`mr mrs ms dr prof gen col lt maj capt sgt adm cmdr gov sen rep st mt no nos vs etc
		jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e approx dept est fig inc ltd co corp jr sr`) {
		m[w] = true
	}
	return m
}()

// dependent are the openings of a sentence that leans on one before it: a
// pronoun or a connective whose reference a summary that skips the sentence
// before would lose.
var dependent = regexp.MustCompile(`^(?i:(he|she|it|they|his|her|its|their|this|that|these|those|there|the latter|the former|however|but|and|also|meanwhile|moreover|furthermore|besides|in addition|additionally|at the same time|then|later|thus|therefore|as a result|in turn|in response|according to him|according to her|he also|she also|it also|the two|both)\b)`)

// boilerplate are sentences of a page that are not the story's.
var boilerplate = regexp.MustCompile(`(?i)(follow us|subscribe|read more|click here|all rights reserved|share this|join our|telegram channel|whatsapp channel|photo:|video:|source:|©)`)

// terminated reports whether s ends as a sentence does: in a full stop, a
// question or exclamation mark, perhaps inside closing quotes or brackets.
func terminated(s string) bool {
	s = strings.TrimRight(s, `"'”’)»`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// Summary is a summary of a story: paragraphs made of the source's own
// sentences, in their order.
type Summary struct {
	Paragraphs []string
	// Words is the number of words of all paragraphs.
	Words int
}

// Summarize cuts a text to at most maxWords (default 120) words of its own
// sentences, lead first: the first sentence that stands on its own, then
// the ones that follow it, skipping the page's boilerplate and any sentence
// that leans on one left out. It invents nothing: every sentence
// of the summary is a sentence of text. Up to three paragraphs: a long
// summary is split after its lead.
func Summarize(text string, maxWords int) Summary {
	if maxWords <= 0 {
		maxWords = 120
	}
	sents := Sentences(text)
	type cand struct {
		i     int
		s     string
		words int
	}
	// News is written lead first: the sentences are taken in order, the
	// page's debris and headings passed over.
	var cands []cand
	for i, s := range sents {
		n := len(strings.Fields(s))
		// A sentence that ends in no full stop, question or exclamation
		// mark is a heading, a caption or a dateline: joined to the next it
		// would read as one sentence that the text does not hold.
		if n < 5 || n > 80 || boilerplate.MatchString(s) || !terminated(s) {
			continue
		}
		cands = append(cands, cand{i, s, n})
	}
	var chosen []cand
	words := 0
	prev := -2
	for _, c := range cands {
		if len(chosen) == 0 && dependent.MatchString(c.s) {
			continue // nothing before it in the summary to lean on
		}
		if dependent.MatchString(c.s) && c.i != prev+1 {
			continue // it leans on a sentence left out
		}
		if words+c.words > maxWords {
			if len(chosen) == 0 {
				// Even the lead is too long: it is kept whole rather than
				// cut mid-sentence, which would invent an ending.
				chosen = append(chosen, c)
				words += c.words
			}
			break
		}
		chosen = append(chosen, c)
		words += c.words
		prev = c.i
	}
	if len(chosen) == 0 {
		return Summary{}
	}
	// Paragraphs: the lead alone when the rest is long enough to stand
	// as a paragraph of its own; at most three.
	var paras []string
	var cur []string
	curWords, after := 0, words
	for k, c := range chosen {
		cur = append(cur, c.s)
		curWords += c.words
		after -= c.words
		if k < len(chosen)-1 && len(paras) < 2 && curWords >= 35 && after >= 25 {
			paras = append(paras, strings.Join(cur, " "))
			cur, curWords = nil, 0
		}
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	n := 0
	for _, p := range paras {
		n += len(strings.Fields(p))
	}
	return Summary{Paragraphs: slices.Clip(paras), Words: n}
}
