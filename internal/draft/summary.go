package draft

import (
	"regexp"
	"slices"
	"strings"
	"time"
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
		out = append(out, splitSentences(para)...)
	}
	return out
}

// splitSentences splits one paragraph, its spaces already single, as
// Sentences does.
func splitSentences(rs string) []string {
	var out []string
	start := 0
	for i := 0; i < len(rs); {
		r, size := utf8.DecodeRuneInString(rs[i:])
		if r != '.' && r != '?' && r != '!' {
			i += size
			continue
		}
		end := i + size
		// Closing quotes and brackets stay with the sentence.
		for end < len(rs) {
			q, qsize := utf8.DecodeRuneInString(rs[end:])
			if !strings.ContainsRune(`"'”’)»`, q) {
				break
			}
			end += qsize
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
	return out
}

var paraBreak = regexp.MustCompile(`\n\s*\n|\r\n\s*\r\n`)

func paragraphs(text string) []string {
	var out []string
	for _, p := range paraBreak.Split(text, -1) {
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
var boilerplate = regexp.MustCompile(`(?i)(follow us|follow \S+ on (?:telegram|twitter|x|facebook|instagram|whatsapp|youtube)|subscribe|read more|click here|all rights reserved|share this|join our|telegram channel|whatsapp channel|photo:|video:|source:|©)`)

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

// Summarize is SummarizeArticle for a text whose date is not known: its
// relative days stay as written.
func Summarize(text string, maxWords int) Summary {
	return SummarizeArticle(text, time.Time{}, maxWords)
}

// SummarizeArticle cuts an article's text to at most maxWords (default
// 120) words of its own sentences, lead first: the first sentence that
// stands on its own, then the ones that follow it, skipping the page's
// boilerplate and any sentence that leans on one left out. The sentences
// are the desk's: without the wire's dateline and tags (the dateline's
// date kept: "On November 15, …"), relative days written as dates where
// published (zero when unknown) or the dateline makes them certain, never
// a letter's or speech's salutation, never a quotation left open. It
// invents nothing: beyond those rewrites every sentence of the summary is
// a sentence of text, and CheckSources finds nothing in it.
func SummarizeArticle(text string, published time.Time, maxWords int) Summary {
	if maxWords <= 0 {
		maxWords = 120
	}
	cands := slices.DeleteFunc(textUnits(text, published, maxWords), func(u textUnit) bool { return !u.take })
	var chosen []textUnit
	words := 0
	prev := -2
	for _, c := range cands {
		if len(chosen) == 0 && c.dependent {
			continue // nothing before it in the summary to lean on
		}
		if c.dependent && c.first != prev+1 {
			continue // it leans on a sentence left out
		}
		if words+c.words > maxWords {
			if len(chosen) == 0 && c.first == c.last {
				// Even the lead is too long: it is kept whole rather than
				// cut mid-sentence, which would invent an ending. A
				// quotation joined over sentences is not: it is not the
				// lead that the limit was set for.
				chosen = append(chosen, c)
				words += c.words
			}
			break
		}
		chosen = append(chosen, c)
		words += c.words
		prev = c.last
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
		cur = append(cur, c.text)
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

// textUnit is a sentence of a text as a summary may take it, or several joined
// to close a quotation: cleaned of the wire's furniture, its relative days
// written as dates.
type textUnit struct {
	text string
	// first and last number the text's sentences it spans.
	first, last int
	words       int
	// dependent: it leans on the sentence before (see dependent), as the
	// text wrote it, before a date was put in front of it.
	dependent bool
	// take: a summary may hold it.
	take bool
}

// textUnits are the sentences of text, in order, as SummarizeArticle reads
// them; those a summary may not hold are among them, marked, for
// CheckSources, which needs every date they make certain.
func textUnits(text string, published time.Time, maxWords int) []textUnit {
	type para struct {
		sents []string
		date  calDay // of the dateline the paragraph opened with
	}
	var paras []para
	var dateline, carry calDay
	for _, p := range paragraphs(text) {
		rest, d := stripHead(p)
		if !d.known() {
			d = carry
		}
		carry = calDay{}
		if d.known() && !dateline.known() {
			dateline = d
		}
		var ss []string
		for _, s := range splitSentences(rest) {
			if s = strings.TrimSpace(stripTags(s)); s != "" {
				ss = append(ss, s)
			}
		}
		if len(ss) == 0 {
			carry = d // a dateline on a line of its own dates the next paragraph
			continue
		}
		paras = append(paras, para{ss, d})
	}
	ref, _, year := refDay(published, dateline)
	// How the text writes each word within its sentences, where a capital
	// is a name's and not the sentence's.
	lower, upper := map[string]bool{}, map[string]bool{}
	for _, p := range paras {
		for _, s := range p.sents {
			for _, w := range strings.Fields(s)[1:] {
				w = strings.Trim(w, `.,;:!?"“”'’()«»`)
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
					upper[strings.ToLower(w)] = true
				} else if unicode.IsLower(r) {
					lower[w] = true
				}
			}
		}
	}
	common := func(w string) bool { return lower[strings.ToLower(w)] && !upper[strings.ToLower(w)] }
	pub := calDay{}
	if !published.IsZero() {
		pub = dayOf(published)
	}
	var out []textUnit
	n := 0          // the number of the paragraph's first sentence
	letter := false // a salutation was read: what follows in the first person is the letter's
	for _, p := range paras {
		for j := 0; j < len(p.sents); j++ {
			// A quotation that a sentence opens and does not close is
			// closed by the ones after it in the paragraph, or the rest of
			// the paragraph is the quotation's and is not taken.
			k, text := j, p.sents[j]
			for !balanced(text) && k+1 < len(p.sents) {
				k++
				text += " " + p.sents[k]
			}
			u := textUnit{text: text, first: n + j, last: n + k, dependent: dependent.MatchString(text)}
			closed := balanced(text)
			sal := salutation(text)
			letter = letter || sal
			u.text = resolveRelative(u.text, ref, year)
			if j == 0 {
				u.text = datePrefix(u.text, withYear(p.date, pub), year, common)
			}
			u.words = len(strings.Fields(u.text))
			limit := 80
			if k > j {
				limit = maxWords
			}
			// A sentence that ends in no full stop, question or
			// exclamation mark is a heading, a caption or a dateline:
			// joined to the next it would read as one sentence that the
			// text does not hold. A salutation reports nothing, and after
			// it the first person is the letter's or the speech's, not
			// the report's.
			u.take = closed && !sal && !(letter && speaker(text)) && u.words >= 5 && u.words <= limit &&
				!boilerplate.MatchString(text) && terminated(text)
			out = append(out, u)
			j = k
		}
		n += len(p.sents)
	}
	return out
}

var (
	// salutationRE: how a letter or a speech addresses its reader ("Dear
	// Mr. President, my dear Brother.", "Your Excellency,", "Distinguished
	// guests, ladies and gentlemen!", "Dear friends!").
	salutationRE = regexp.MustCompile(`^[“"«‘']?(?i:(?:my )?dear\b|your (?:excellency|excellencies|majesty|highness|holiness)\b|excellenc(?:y|ies)\b|ladies and gentlemen\b|(?:distinguished|esteemed|honou?rable|honou?red|respected) (?:guests|participants|colleagues|friends|delegates|members|ladies|heads|representatives|mr|mrs|ms|madam|madame|president|chairman|chair|speaker|minister|ambassador|excellenc(?:y|ies)|compatriots|brothers|sisters|veterans|guests)\b|(?:mr\.?|madam|madame) (?:president|chairman|chair|speaker|secretary[- ]general|prime minister|minister|ambassador)[,!]|(?:friends|colleagues|compatriots|brothers and sisters)[,!])`)
	// speakerRE: the first and second person, in which a letter or a
	// speech is written and a report is not.
	speakerRE = regexp.MustCompile(`\b(?:I|me|Me|my|My|mine|we|We|us|our|Our|ours|you|You|your|Your|yours)\b`)
)

// salutation reports whether s is a letter's or a speech's address: it
// opens with one and sets it off within a few words (by a comma, an
// exclamation mark, or by being the whole sentence).
func salutation(s string) bool {
	m := salutationRE.FindStringIndex(s)
	if m == nil {
		return false
	}
	rest := s[m[1]:]
	if strings.HasSuffix(s[:m[1]], ",") || strings.HasSuffix(s[:m[1]], "!") {
		return true // "Mr. President,"
	}
	if i := strings.IndexAny(rest, ",!:"); i >= 0 {
		rest = rest[:i]
	} else if !strings.HasSuffix(strings.TrimRight(s, `"”»’'`), "!") && len(strings.Fields(s)) > 8 {
		return false
	}
	return len(strings.Fields(rest)) <= 8
}

// speaker reports whether s speaks in the first or second person outside
// its quotations.
func speaker(s string) bool { return speakerRE.MatchString(unquoted(s)) }
