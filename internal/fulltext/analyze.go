package fulltext

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxWordBytes is the longest word, in bytes once folded, that is indexed. A
// longer one is a URL, a hash or text run together, not something a person
// searches for; it is left out of the token stream altogether (it takes no
// position), in documents and queries alike, so the two still agree.
const MaxWordBytes = 64

// MaxPosition is the largest position a PostgreSQL tsvector holds; larger
// ones are written as MaxPosition, as PostgreSQL itself would clamp them.
const MaxPosition = 16383

// maxPositions is the number of positions PostgreSQL keeps for one lexeme;
// it drops the rest (the highest), so we do not write them.
const maxPositions = 256

// Terms are the index tokens of a text, in the order of the text.
//
// Main holds the words and the Japanese bigrams (or single characters, for
// a run of one); its token i stands at position i+1. Uni holds the Japanese
// characters one by one, likewise numbered in their own stream.
//
// Every token is non-empty, valid UTF-8 and made of ASCII lower-case letters
// and digits or of non-ASCII characters; it never holds a space or any other
// ASCII character, so FTS5's ascii tokenizer reads it back as one token.
type Terms struct {
	Main []string
	Uni  []string
}

// Analyze returns the index tokens of text. Queries go through the same
// analysis (ParseQuery reads each part of a query with it), which is what
// makes a query find what it says. Tokens may be slices of text, and keep it
// in memory as long as they are kept.
func Analyze(text string) Terms {
	var b builder
	b.terms.Main = make([]string, 0, len(text)/6+1)
	scan(text, b.add)
	return b.terms
}

// FTS5 returns the main and uni tokens, each joined by single spaces: the
// values of the columns of an FTS5 table declared with tokenize = 'ascii'.
func (t Terms) FTS5() (main, uni string) {
	return strings.Join(t.Main, " "), strings.Join(t.Uni, " ")
}

// TSVector returns the main and uni tokens as PostgreSQL tsvector literals,
// to be passed as parameters and cast with ::tsvector: each lexeme quoted,
// with its positions ('tok':1,4 'next':2). Positions start at offset+1, so
// that two fields can share one vector (concatenated as text with a space
// between them) without a phrase matching across them: give the second
// field an offset of at least len(first.Main)+1 (and len(first.Uni)+1 for
// the uni vector), which leaves one position free between them.
//
// Positions past MaxPosition are written as MaxPosition, and a lexeme keeps
// its first 256 positions, as PostgreSQL does; a phrase beyond those limits
// (deep into a very long text) may not match in PostgreSQL as it does in
// FTS5. An empty stream gives "", which casts to an empty tsvector.
func (t Terms) TSVector(offset int) (main, uni string) {
	return tsvector(t.Main, offset), tsvector(t.Uni, offset)
}

// tsvector writes tokens as a tsvector literal with positions after offset,
// listing each lexeme once, in the order of its first occurrence.
func tsvector(tokens []string, offset int) string {
	if len(tokens) == 0 {
		return ""
	}
	offset = max(offset, 0)
	// Number the distinct lexemes, then gather the positions of each in
	// one array (first[id] is where lexeme id's positions start), rather
	// than a slice per lexeme: an article has hundreds of them.
	index := make(map[string]int, len(tokens))
	ids := make([]int, len(tokens))
	var lexemes []string
	size := 0
	for i, tok := range tokens {
		id, ok := index[tok]
		if !ok {
			id = len(lexemes)
			index[tok] = id
			lexemes = append(lexemes, tok)
			size += len(tok) + 3
		}
		ids[i] = id
		size += 6
	}
	first := make([]int, len(lexemes)+1)
	for _, id := range ids {
		first[id+1]++
	}
	for id := range lexemes {
		first[id+1] += first[id]
	}
	next := slices.Clone(first[:len(lexemes)])
	positions := make([]int, len(tokens))
	for i, id := range ids {
		positions[next[id]] = min(offset+i+1, MaxPosition)
		next[id]++
	}
	var b strings.Builder
	b.Grow(size)
	var num [8]byte
	for id, lex := range lexemes {
		if id > 0 {
			b.WriteByte(' ')
		}
		writeQuoted(&b, lex)
		n, last := 0, 0
		for _, p := range positions[first[id]:first[id+1]] {
			if p == last || n == maxPositions {
				continue
			}
			if n == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte(',')
			}
			b.Write(strconv.AppendInt(num[:0], int64(p), 10))
			n, last = n+1, p
		}
	}
	return b.String()
}

// writeQuoted writes s as a quoted lexeme of a tsvector or tsquery literal:
// in single quotes, with ' and \ doubled. Our tokens hold neither, but the
// literal is correct whatever it is given.
func writeQuoted(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\'' || c == '\\' {
			b.WriteByte(c)
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('\'')
}

// A builder collects the tokens of the segments of a text and, when asked,
// where each token stands in the text.
type builder struct {
	terms     Terms
	withSpans bool
	main, uni []Span
}

// add appends the tokens of one segment.
func (b *builder) add(sg *segment) {
	switch sg.kind {
	case wordSegment:
		b.terms.Main = append(b.terms.Main, sg.text)
		if b.withSpans {
			b.main = append(b.main, Span{sg.start, sg.end})
		}
	case japaneseSegment:
		n := len(sg.chars) - 1
		if n == 1 {
			b.terms.Main = append(b.terms.Main, sg.text)
			if b.withSpans {
				b.main = append(b.main, sg.spans[0])
			}
		}
		for i := 0; i+1 < n; i++ {
			b.terms.Main = append(b.terms.Main, sg.text[sg.chars[i]:sg.chars[i+2]])
			if b.withSpans {
				b.main = append(b.main, Span{sg.spans[i].Start, sg.spans[i+1].End})
			}
		}
		for i := range n {
			b.terms.Uni = append(b.terms.Uni, sg.text[sg.chars[i]:sg.chars[i+1]])
			if b.withSpans {
				b.uni = append(b.uni, sg.spans[i])
			}
		}
	}
}

// analyzeSpans is Analyze that also returns, for each main and uni token,
// the bytes of text it came from.
func analyzeSpans(text string) (t Terms, main, uni []Span) {
	b := builder{withSpans: true}
	scan(text, b.add)
	return b.terms, b.main, b.uni
}

type segmentKind uint8

const (
	wordSegment segmentKind = iota + 1
	japaneseSegment
)

// A segment is what the scanner finds in a text: a word, or a run of
// Japanese characters, folded.
type segment struct {
	kind       segmentKind
	text       string // folded
	start, end int    // its bytes in the scanned text
	// For a Japanese run of n characters: chars[i] is where the i-th
	// character starts in text, chars[n] == len(text), and spans[i] are its
	// bytes in the scanned text.
	chars []int
	spans []Span
}

// A scanner splits a text into segments. It folds as it goes and keeps,
// for every folded character, the bytes of the source it came from, so that
// highlighting can point into the original text whatever the folding did.
type scanner struct {
	src  string
	emit func(*segment)

	word               []byte // the folded word being read
	wordStart, wordEnd int

	run   []byte // the folded Japanese run being read
	chars []int
	spans []Span

	seg  segment
	long int // words left out for their length
}

// scan calls emit for each segment of s in order, and returns the number of
// words it left out for being longer than MaxWordBytes. The segment, and the
// slices it holds, are only valid during the call.
func scan(s string, emit func(*segment)) (long int) {
	sc := scanner{src: s, emit: emit}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		sc.next(r, i, i+n)
		i += n
	}
	sc.flushWord()
	sc.flushRun()
	return sc.long
}

// next takes the rune r, found at src[start:end].
func (sc *scanner) next(r rune, start, end int) {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			sc.addWordByte(byte(r), start, end)
		case 'A' <= r && r <= 'Z':
			sc.addWordByte(byte(r)+'a'-'A', start, end)
		default:
			// Spaces, punctuation, apostrophes, hyphens, markup.
			sc.flushWord()
			sc.flushRun()
		}
		return
	}
	r = widen(r)
	switch {
	case isJapanese(r):
		sc.flushWord()
		sc.chars = append(sc.chars, len(sc.run))
		sc.run = utf8.AppendRune(sc.run, r)
		sc.spans = append(sc.spans, Span{start, end})
	case unicode.IsMark(r):
		sc.mark(r, end)
	case unicode.Is(unicode.Cf, r):
		// Invisible format characters (soft hyphens, zero-width joiners
		// and spaces, direction marks) neither join nor split: the text
		// reads as if they were not there.
	case (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isApostropheLetter(r):
		sc.addLetter(r, start, end)
	default:
		sc.flushWord()
		sc.flushRun()
	}
}

// addWordByte adds an ASCII letter or digit (lower case) to the word.
func (sc *scanner) addWordByte(c byte, start, end int) {
	sc.flushRun()
	if len(sc.word) == 0 {
		sc.wordStart = start
	}
	sc.word = append(sc.word, c)
	sc.wordEnd = end
}

// addLetter adds a (widened) letter or digit to the word, folded.
func (sc *scanner) addLetter(r rune, start, end int) {
	sc.flushRun()
	if len(sc.word) == 0 {
		sc.wordStart = start
	}
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		sc.word = append(sc.word, byte(r))
	} else if f, ok := letterFold[r]; ok {
		sc.word = append(sc.word, f...)
	} else {
		sc.word = utf8.AppendRune(sc.word, r)
	}
	sc.wordEnd = end
}

// mark takes a combining mark ending at end. After a kana, a voicing mark
// composes with it (か + ゛ → が); after a letter, a diacritic is dropped
// (é written as e + ´ is e, like é) unless it makes a letter of its own
// (Cyrillic й), and the marks of other scripts stay part of the word. Other
// marks after a Japanese character (variation selectors) change how it
// looks, not which it is, and are dropped. A mark with nothing before it is
// a separator.
func (sc *scanner) mark(r rune, end int) {
	switch {
	case len(sc.chars) > 0:
		last := len(sc.chars) - 1
		if isVoicingMark(r) {
			base, _ := utf8.DecodeRune(sc.run[sc.chars[last]:])
			if c, ok := composeVoicing(base, r); ok {
				sc.run = utf8.AppendRune(sc.run[:sc.chars[last]], c)
			}
		}
		sc.spans[last].End = end
	case len(sc.word) > 0:
		if isDiacritic(r) || isVariationSelector(r) {
			base, n := utf8.DecodeLastRune(sc.word)
			if c, ok := composeMarks[[2]rune{base, r}]; ok {
				sc.word = utf8.AppendRune(sc.word[:len(sc.word)-n], c)
			}
		} else {
			sc.word = utf8.AppendRune(sc.word, r)
		}
		sc.wordEnd = end
	}
}

// isVariationSelector reports whether r selects a glyph variant (an emoji
// presentation, an ideographic variant): it never changes the character.
func isVariationSelector(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF
}

// flushWord emits the word being read, if any, unless it is too long.
func (sc *scanner) flushWord() {
	if len(sc.word) == 0 {
		return
	}
	if len(sc.word) <= MaxWordBytes {
		sc.seg = segment{kind: wordSegment, start: sc.wordStart, end: sc.wordEnd}
		// Most words are already folded (lower-case ASCII); then the
		// token is a slice of the source and costs no allocation.
		if src := sc.src[sc.wordStart:sc.wordEnd]; src == string(sc.word) {
			sc.seg.text = src
		} else {
			sc.seg.text = string(sc.word)
		}
		sc.emit(&sc.seg)
	} else {
		sc.long++
	}
	sc.word = sc.word[:0]
}

// flushRun emits the Japanese run being read, if any.
func (sc *scanner) flushRun() {
	if len(sc.chars) == 0 {
		return
	}
	sc.chars = append(sc.chars, len(sc.run))
	sc.seg = segment{
		kind:  japaneseSegment,
		text:  string(sc.run),
		start: sc.spans[0].Start,
		end:   sc.spans[len(sc.spans)-1].End,
		chars: sc.chars,
		spans: sc.spans,
	}
	sc.emit(&sc.seg)
	sc.chars = sc.chars[:0]
	sc.run = sc.run[:0]
	sc.spans = sc.spans[:0]
}
