package lint

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// shingleSize and the thresholds decide when two bodies tell the same story.
// Items pasted twice, or one cut down from the other, share nearly every
// run of four words; two different stories in the wire services' templated
// style ("President Aliyev held a telephone conversation with President of
// Kazakhstan …" and "… of Uzbekistan …") share many runs but lose those that
// touch the names, which keeps them well under the threshold.
const (
	shingleSize = 4
	// minShingles: a body of fewer runs is too short to judge.
	minShingles = 8
	// containment: the share of the shorter body's runs that the longer
	// body must hold.
	containment = 0.85
)

var seed = maphash.MakeSeed()

type itemRef struct {
	sec, item, line int
	shingles        []uint64 // sorted, each once
}

// duplicates reports each item that tells the same story as an earlier one:
// the same English headline (ignoring case, punctuation and spacing), or a
// body that mostly repeats the earlier body.
func (c *checker) duplicates() {
	var refs []itemRef
	byHeadline := map[string]int{}
	posting := map[uint64][]int32{} // shingle → the refs holding it
	var shared []int32              // per ref: shingles shared with the current item
	var touched []int32
	for i, s := range c.d.Sections {
		for j, it := range s.Items {
			r := itemRef{sec: i + 1, item: j + 1, line: c.lines.Item(i, j).Line}
			n := len(refs)
			if h := normalizeHeadline(it.HeadlineEN); h != "" {
				if first, ok := byHeadline[h]; ok {
					f := refs[first]
					c.add(DuplicateItem, Error, r.sec, r.item, r.line, "same English headline as item %d.%d", f.sec, f.item)
					refs = append(refs, r)
					shared = append(shared, 0)
					continue
				}
				byHeadline[h] = n
			}
			var texts []string
			for _, b := range it.Blocks {
				texts = append(texts, b.Text)
				texts = append(texts, b.Entries...)
			}
			r.shingles = shingles(texts)
			refs = append(refs, r)
			shared = append(shared, 0)
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
				if share >= containment && (share > bestShare || share == bestShare && int(k) < best) {
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

// shingles returns the hashes of the runs of shingleSize consecutive words
// in texts, each text on its own (a run does not bridge two blocks). Words
// are runs of letters and digits, lower-cased; markup and punctuation fall
// away.
func shingles(texts []string) []uint64 {
	var set []uint64
	var words []uint64
	var w []byte
	for _, t := range texts {
		words = words[:0]
		for i := 0; i <= len(t); {
			r, size := utf8.RuneError, 1
			if i < len(t) {
				r, size = utf8.DecodeRuneInString(t[i:])
			}
			if i < len(t) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				w = utf8.AppendRune(w, unicode.ToLower(r))
			} else if len(w) > 0 {
				words = append(words, maphash.Bytes(seed, w))
				w = w[:0]
			}
			i += size
		}
		for i := 0; i+shingleSize <= len(words); i++ {
			h := words[i]
			for _, x := range words[i+1 : i+shingleSize] {
				h = h*0x100000001b3 ^ x
			}
			set = append(set, h)
		}
	}
	slices.Sort(set)
	return slices.Compact(set)
}
