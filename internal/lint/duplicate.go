package lint

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
)

// When two items tell the same story. Items pasted twice, or one cut down
// from the other, share nearly every run of four words and name the same
// people, places and numbers. Two different stories in the wire services'
// templated style ("President Ilham Aliyev held a telephone conversation with
// President of Kazakhstan …" and "… of Uzbekistan …", or two ambassadors
// presenting credentials under one headline) can share as many runs, but each
// names someone or something the other does not. Notes are the desk's
// background, which two stories may share, and do not count.
const (
	shingleSize = 4
	// minShingles: a body of fewer runs is too short to judge.
	minShingles = 8
	// containment: the share of the shorter body's runs that the longer
	// body must hold.
	containment = 0.85
	// ownNames: how many names (capitalised words inside sentences, and
	// numbers) each of two bodies must have that the other lacks for them
	// to tell different stories: one when their headlines differ ("… meets
	// Italian ambassador", "… meets Spanish ambassador"), two under the same
	// headline.
	ownNames = 2
)

var seed = maphash.MakeSeed()

type itemRef struct {
	sec, item, line int
	headline        string   // normalised English headline
	shingles        []uint64 // sorted, each once
	names           []uint64 // sorted, each once
}

// duplicates reports each item that tells the same story as an earlier one:
// the same English headline (ignoring case, punctuation and spacing), or a
// body that mostly repeats the earlier body, unless the two name different
// people, places or numbers.
func (c *checker) duplicates() {
	var refs []itemRef
	byHeadline := map[string]int{}
	posting := map[uint64][]int32{} // shingle → the refs holding it
	var shared []int32              // per ref: shingles shared with the current item
	var touched []int32
	for i, s := range c.d.Sections {
		for j, it := range s.Items {
			r := itemRef{sec: i + 1, item: j + 1, line: c.lines.Item(i, j).Line, headline: normalizeHeadline(it.HeadlineEN)}
			r.shingles, r.names = fingerprint(it.Blocks)
			n := len(refs)
			refs = append(refs, r)
			shared = append(shared, 0)
			if h := r.headline; h != "" {
				if first, ok := byHeadline[h]; ok {
					f := refs[first]
					if !differentNames(f, r) {
						c.add(DuplicateItem, Error, r.sec, r.item, r.line, "same English headline as item %d.%d", f.sec, f.item)
						continue
					}
				} else {
					byHeadline[h] = n
				}
			}
			if len(r.shingles) < minShingles {
				continue
			}
			touched = touched[:0]
			for _, h := range r.shingles {
				for _, k := range posting[h] {
					if shared[k] == 0 {
						touched = append(touched, k)
					}
					shared[k]++
				}
				posting[h] = append(posting[h], int32(n))
			}
			best, bestShare := -1, 0.0
			for _, k := range touched {
				smaller := min(len(refs[k].shingles), len(r.shingles))
				share := float64(shared[k]) / float64(smaller)
				if share >= containment && !differentNames(refs[k], r) &&
					(share > bestShare || share == bestShare && int(k) < best) {
					best, bestShare = int(k), share
				}
				shared[k] = 0
			}
			if best >= 0 {
				f := refs[best]
				c.add(DuplicateItem, Error, r.sec, r.item, r.line, "the body repeats item %d.%d (%.0f%% of its word runs are shared)", f.sec, f.item, 100*bestShare)
			}
		}
	}
}

// differentNames reports whether each of two items names people, places or
// numbers that the other does not (see ownNames): then they tell different
// stories, whatever else they share.
func differentNames(a, b itemRef) bool {
	need := ownNames
	if a.headline != b.headline {
		need = 1
	}
	n := intersect(a.names, b.names)
	return len(a.names)-n >= need && len(b.names)-n >= need
}

// intersect counts the values two sorted sets share.
func intersect(a, b []uint64) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}

// normalizeHeadline keeps the words of an English headline, lower-cased and
// single-spaced.
func normalizeHeadline(h string) string {
	var b strings.Builder
	space := false
	for _, r := range h {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// fingerprint returns the hashes of the runs of shingleSize consecutive
// words in the paragraphs and lists of an item (a run does not bridge two
// blocks), and of its names: words that start with a capital inside a
// sentence, and numbers. Words are runs of letters and digits, lower-cased;
// markup and punctuation fall away. Notes do not count.
func fingerprint(blocks []digest.Block) (shingles, names []uint64) {
	var words []uint64
	var w []byte
	for _, b := range blocks {
		if b.Kind == digest.Note {
			continue
		}
		texts := b.Entries
		if b.Kind != digest.List {
			texts = []string{b.Text}
		}
		for _, t := range texts {
			words = words[:0]
			start := true // at the start of a sentence
			capital, number := false, false
			for i := 0; i <= len(t); {
				r, size := utf8.RuneError, 1
				if i < len(t) {
					r, size = utf8.DecodeRuneInString(t[i:])
				}
				if i < len(t) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
					if len(w) == 0 {
						capital, number = unicode.IsUpper(r), unicode.IsDigit(r)
					}
					w = utf8.AppendRune(w, unicode.ToLower(r))
				} else {
					if len(w) > 0 {
						h := maphash.Bytes(seed, w)
						words = append(words, h)
						if number || capital && !start {
							names = append(names, h)
						}
						start = false
						w = w[:0]
					}
					if r == '.' || r == '!' || r == '?' {
						start = true
					}
				}
				i += size
			}
			for i := 0; i+shingleSize <= len(words); i++ {
				h := words[i]
				for _, x := range words[i+1 : i+shingleSize] {
					h = h*0x100000001b3 ^ x
				}
				shingles = append(shingles, h)
			}
		}
	}
	slices.Sort(shingles)
	slices.Sort(names)
	return slices.Compact(shingles), slices.Compact(names)
}

// SameStory reports whether two items tell the same story by the rule of
// duplicate-item: the same English headline, or a body that mostly
// repeats the other's, unless each names people, places or numbers the
// other does not. The drafter asks it before it puts an item beside
// another, so that a draft never carries two items on one event.
func SameStory(a, b digest.Item) bool {
	ra := itemRef{headline: normalizeHeadline(a.HeadlineEN)}
	rb := itemRef{headline: normalizeHeadline(b.HeadlineEN)}
	ra.shingles, ra.names = fingerprint(a.Blocks)
	rb.shingles, rb.names = fingerprint(b.Blocks)
	if ra.headline != "" && ra.headline == rb.headline {
		return !differentNames(ra, rb)
	}
	smaller := min(len(ra.shingles), len(rb.shingles))
	if smaller < minShingles {
		return false
	}
	share := float64(intersect(ra.shingles, rb.shingles)) / float64(smaller)
	return share >= containment && !differentNames(ra, rb)
}
