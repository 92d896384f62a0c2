// Package chrf computes chrF, the character n-gram F-score of Popović
// (WMT 2015), exactly as sacreBLEU 2.x computes it
// (sacrebleu/metrics/chrf.py and sacrebleu/metrics/helpers.py), so that a
// score printed here can be compared with one reported by sacreBLEU.
//
// The defaults are sacreBLEU's: character n-grams of order 1 to 6, no word
// n-grams, beta = 2, whitespace removed before the character n-grams are
// taken, and "effective order" averaging rather than epsilon smoothing.
// Scores are on sacreBLEU's 0–100 scale.
//
// Faithfulness notes, each of which matters for matching sacreBLEU:
//
//   - Text is handled as Unicode code points (runes), as Python's str is, so
//     a Japanese character is one character, not three bytes. A byte that is
//     not valid UTF-8 counts as one character of its own, distinct from every
//     other byte, which is what Python gives for text decoded with
//     errors="surrogateescape".
//   - Whitespace is what Python's str.split() splits on: Go's
//     unicode.IsSpace plus U+001C–U+001F, which Python also treats as
//     whitespace. This includes U+00A0 and the ideographic space U+3000.
//   - For each sentence, per-order statistics are computed against every
//     reference; the reference whose sentence-level score is strictly
//     highest is kept (the first one on a tie), and its statistics, not a
//     union over references, go into the corpus sums.
//   - For an order at which the chosen reference has no n-grams, the
//     hypothesis n-grams of that order are counted as zero, as sacreBLEU
//     does ("don't count hits if no reference exists for that n-gram").
//   - The corpus score is the score of statistics summed over sentences; it
//     is not the mean of sentence scores.
//
// Where sacreBLEU raises an exception (no hypotheses, no references, a total
// order of 0 with epsilon smoothing) this package returns 0 instead.
package chrf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options are the parameters of sacreBLEU's CHRF class that change the
// score. The zero value is not sacreBLEU's default (it has no n-grams at
// all); start from DefaultOptions and change what is needed.
//
// sacreBLEU's lowercase option is left out on purpose: Python's str.lower
// and Go's strings.ToLower disagree on some characters (final sigma, U+0130),
// so it could not be matched exactly.
type Options struct {
	// CharOrder is the highest character n-gram order (sacreBLEU's
	// char_order, default 6).
	CharOrder int
	// WordOrder is the highest word n-gram order (word_order, default 0).
	// WordOrder 2 gives chrF++. Words are split on whitespace, and one
	// leading or trailing ASCII punctuation character is split off a word
	// as sacreBLEU's _remove_punctuation does.
	WordOrder int
	// Beta weighs recall Beta times as much as precision (beta, default
	// 2, hence the name chrF2).
	Beta int
	// Whitespace keeps whitespace inside character n-grams (sacreBLEU's
	// whitespace=True, remove_whitespace=False in its compatibility API,
	// --chrf-whitespace on its command line). The default removes it.
	Whitespace bool
	// EpsSmoothing averages the per-order F-scores with a 1e-16 floor, as
	// chrF++.py, Moses and NLTK do (eps_smoothing=True). The default,
	// false, averages precision and recall over the orders at which both
	// hypothesis and reference have n-grams and takes one F-score of the
	// averages ("effective order").
	EpsSmoothing bool
}

// DefaultOptions returns sacreBLEU's defaults for chrF: CharOrder 6,
// WordOrder 0, Beta 2, whitespace removed, effective-order averaging. This
// is the configuration of the signature
// "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no".
func DefaultOptions() Options {
	return Options{CharOrder: 6, WordOrder: 0, Beta: 2}
}

// Sentence returns the sentence-level chrF of hyp against refs with
// DefaultOptions, as sacrebleu.sentence_chrf(hyp, refs) does. With several
// references the best-scoring one is used. With no reference it returns 0.
func Sentence(hyp string, refs ...string) float64 {
	return DefaultOptions().Sentence(hyp, refs...)
}

// Corpus returns the corpus-level chrF with DefaultOptions, as
// sacrebleu.corpus_chrf(hyps, refs) does. See Options.Corpus for the layout
// of refs.
func Corpus(hyps []string, refs [][]string) float64 {
	return DefaultOptions().Corpus(hyps, refs)
}

// Sentence returns the sentence-level score of hyp against refs. It equals
// o.Corpus([]string{hyp}, ...) with each reference as its own stream, which
// is how sacreBLEU's sentence_score is defined. With no reference it returns
// 0. It panics if CharOrder or WordOrder is negative.
func (o Options) Sentence(hyp string, refs ...string) float64 {
	o.check()
	if len(refs) == 0 {
		return 0
	}
	refNgrams := make([]ngrams, len(refs))
	for k, r := range refs {
		refNgrams[k] = o.extract(r)
	}
	return o.fScore(o.segmentStats(o.extract(hyp), refNgrams))
}

// Corpus returns the corpus-level score: the statistics of each sentence
// (against its best reference) are summed and one F-score is taken of the
// sums.
//
// refs is laid out as sacreBLEU's corpus_score takes it, by reference
// stream: refs[k][i] is the k-th reference of hyps[i], so a test set with
// two references per sentence is passed as [][]string{ref1Lines,
// ref2Lines}. Every sentence has len(refs) references; an empty string is an
// (empty) reference, as in sacreBLEU, not a missing one.
//
// As Python's zip does in sacreBLEU, sentences beyond the shortest of hyps
// and the reference streams are ignored. It returns 0 when there is no
// sentence or no reference stream. It panics if CharOrder or WordOrder is
// negative.
func (o Options) Corpus(hyps []string, refs [][]string) float64 {
	o.check()
	if len(refs) == 0 {
		return 0
	}
	n := len(hyps)
	for _, stream := range refs {
		n = min(n, len(stream))
	}
	if n == 0 {
		return 0
	}
	total := make([]int, 3*o.order())
	refNgrams := make([]ngrams, len(refs))
	for i := range n {
		for k, stream := range refs {
			refNgrams[k] = o.extract(stream[i])
		}
		for j, v := range o.segmentStats(o.extract(hyps[i]), refNgrams) {
			total[j] += v
		}
	}
	return o.fScore(total)
}

// check rejects orders that sacreBLEU would silently turn into nonsense.
func (o Options) check() {
	if o.CharOrder < 0 {
		panic("chrf: negative CharOrder")
	}
	if o.WordOrder < 0 {
		panic("chrf: negative WordOrder")
	}
}

// order is the number of n-gram orders scored: sacreBLEU's self.order.
func (o Options) order() int { return o.CharOrder + o.WordOrder }

// ngrams holds one counter per order, character orders 1..CharOrder first,
// then word orders 1..WordOrder, with the total count of each order kept
// alongside so it need not be summed again for every reference.
type ngrams struct {
	counts []map[string]int
	totals []int
}

// isSpace reports whether Python's str.split() splits on r. Python's set is
// Go's unicode.IsSpace plus the information separators U+001C–U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// extract returns the character and word n-grams of s, as sacreBLEU's
// extract_all_char_ngrams and extract_word_ngrams do. N-gram keys are
// substrings of s (whitespace removed), so a character n-gram is n runes,
// not n bytes.
func (o Options) extract(s string) ngrams {
	ng := ngrams{
		counts: make([]map[string]int, 0, o.order()),
		totals: make([]int, 0, o.order()),
	}

	line := s
	if !o.Whitespace {
		// ''.join(line.split())
		line = strings.Join(strings.FieldsFunc(s, isSpace), "")
	}
	// starts[i] is the byte offset of the i-th character; the sentinel at
	// the end makes line[starts[i]:starts[i+n]] the n-gram at i. Invalid
	// UTF-8 decodes one byte at a time, so each such byte is a character.
	starts := make([]int, 0, len(line)+1)
	for i := 0; i < len(line); {
		starts = append(starts, i)
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	chars := len(starts)
	starts = append(starts, len(line))

	for n := 1; n <= o.CharOrder; n++ {
		count := max(chars-n+1, 0)
		c := make(map[string]int, count)
		for i := range count {
			c[line[starts[i]:starts[i+n]]]++
		}
		ng.counts = append(ng.counts, c)
		ng.totals = append(ng.totals, count)
	}

	if o.WordOrder > 0 {
		words := splitPunctuation(s)
		for n := 1; n <= o.WordOrder; n++ {
			count := max(len(words)-n+1, 0)
			c := make(map[string]int, count)
			for i := range count {
				c[strings.Join(words[i:i+n], " ")]++
			}
			ng.counts = append(ng.counts, c)
			ng.totals = append(ng.totals, count)
		}
	}
	return ng
}

// isPunct reports whether b is in Python's string.punctuation, the set
// sacreBLEU's chrF++ tokenizer splits off.
func isPunct(b byte) bool {
	return strings.IndexByte(`!"#$%&'()*+,-./:;<=>?@[\]^_{|}~`+"`", b) >= 0
}

// splitPunctuation is sacreBLEU's CHRF._remove_punctuation (adapted there
// from chrF++.py): words of more than one character lose one trailing
// punctuation character, or failing that one leading one, as a word of its
// own. "(hi)" becomes "(hi" and ")", as in sacreBLEU (its issue #124).
// Punctuation is ASCII, so testing the first and last byte is testing the
// first and last character.
func splitPunctuation(s string) []string {
	fields := strings.FieldsFunc(s, isSpace)
	words := make([]string, 0, len(fields))
	for _, w := range fields {
		switch {
		case utf8.RuneCountInString(w) == 1:
			words = append(words, w)
		case isPunct(w[len(w)-1]):
			words = append(words, w[:len(w)-1], w[len(w)-1:])
		case isPunct(w[0]):
			words = append(words, w[:1], w[1:])
		default:
			words = append(words, w)
		}
	}
	return words
}

// segmentStats returns the flattened [hyp, ref, match] counts per order of
// hyp against the reference with the best sentence-level score, as
// sacreBLEU's _compute_segment_statistics does: the comparison is strict,
// so the first reference wins a tie, and since scores are never below 0 the
// first reference is taken when all score 0.
func (o Options) segmentStats(hyp ngrams, refs []ngrams) []int {
	var best []int
	bestScore := -1.0
	for _, ref := range refs {
		stats := make([]int, 0, 3*len(hyp.counts))
		for j, h := range hyp.counts {
			r := ref.counts[j]
			match := 0
			for g, hc := range h {
				if rc, ok := r[g]; ok {
					match += min(hc, rc)
				}
			}
			hypCount := hyp.totals[j]
			if len(r) == 0 {
				// No reference n-gram of this order: sacreBLEU does not
				// count the hypothesis n-grams either.
				hypCount = 0
			}
			stats = append(stats, hypCount, ref.totals[j], match)
		}
		if s := o.fScore(stats); s > bestScore {
			bestScore, best = s, stats
		}
	}
	return best
}

// fScore is sacreBLEU's CHRF._compute_f_score: the F-beta score on a 0–100
// scale of flattened [hyp, ref, match] counts. The explicit float64
// conversions stop the compiler from fusing a multiply and an add, which
// would round differently from CPython on some architectures.
func (o Options) fScore(stats []int) float64 {
	const eps = 1e-16
	order := len(stats) / 3
	factor := float64(o.Beta * o.Beta)
	var score, avgPrec, avgRec float64
	effectiveOrder := 0

	for i := range order {
		nHyp, nRef, nMatch := stats[3*i], stats[3*i+1], stats[3*i+2]

		// chrF++.py style epsilon smoothing (also Moses and NLTK).
		prec, rec := eps, eps
		if nHyp > 0 {
			prec = float64(nMatch) / float64(nHyp)
		}
		if nRef > 0 {
			rec = float64(nMatch) / float64(nRef)
		}
		denom := float64(factor*prec) + rec
		if denom > 0 {
			score += float64((1+factor)*prec*rec) / denom
		} else {
			score += eps
		}

		// sacreBLEU < 2.0.0 style effective order.
		if nHyp > 0 && nRef > 0 {
			avgPrec += prec
			avgRec += rec
			effectiveOrder++
		}
	}

	if o.EpsSmoothing {
		if order == 0 {
			return 0 // sacreBLEU divides by zero here
		}
		return 100 * score / float64(order)
	}

	if effectiveOrder == 0 {
		return 0
	}
	avgPrec /= float64(effectiveOrder)
	avgRec /= float64(effectiveOrder)
	if avgPrec+avgRec == 0 {
		return 0
	}
	f := float64((1+factor)*avgPrec) * avgRec
	f /= float64(factor*avgPrec) + avgRec
	return 100 * f
}
