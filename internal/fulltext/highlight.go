package fulltext

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Span is a stretch of a text, in bytes: text[Start:End].
type Span struct{ Start, End int }

// Highlight returns where the terms of q occur in text, by the analysis the
// index uses: a main term where its tokens stand at consecutive positions
// (so "foreign minister" marks that phrase, not every "foreign"), from the
// first byte of its first token to the last byte of its last; a uni term at
// each occurrence of its character. The spans are sorted, and overlapping or
// touching ones are merged. They fall on character boundaries of text and
// cover the original characters, whatever the folding (ƏLİYEV is marked for
// aliyev, ｶﾞｽ for ガス).
func Highlight(text string, q Query) []Span {
	if len(q.Terms) == 0 {
		return nil
	}
	t, mainSpans, uniSpans := analyzeSpans(text)
	var spans []Span
	for _, term := range q.Terms {
		if term.Uni != "" {
			for i, u := range t.Uni {
				if u == term.Uni {
					spans = append(spans, uniSpans[i])
				}
			}
			continue
		}
		for _, f := range term.Forms() {
			k := len(f.Tokens)
			if k == 0 {
				continue
			}
			for i := 0; i+k <= len(t.Main); i++ {
				if t.Main[i] == f.Tokens[0] && slices.Equal(t.Main[i:i+k], f.Tokens) {
					spans = append(spans, Span{mainSpans[i].Start, mainSpans[i+k-1].End})
				}
			}
		}
	}
	return merge(spans)
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Ellipsis marks where Snippet cut the text.
const Ellipsis = "…"

// snippetLead is the share of a snippet given to the text before the first
// match, so that the reader sees what leads up to it.
const snippetLead = 4

// wordSlack is how far (in characters) Snippet moves a cut to fall between
// words rather than inside one.
const wordSlack = 16

// Snippet returns at most limit characters (runes) of text around the first
// match of q, with Ellipsis before and after where the text was cut, and
// the spans of Highlight that fall in the snippet, as byte offsets into the
// returned string (cut to the snippet where a span crosses its edge).
// Without a match, the snippet is the start of the text. A text of at most
// limit characters is returned whole. The ellipses are not counted in limit.
// Cuts fall between words when a space is near, and spaces at a cut are
// trimmed. A limit of zero or less gives "".
func Snippet(text string, q Query, limit int) (string, []Span) {
	if limit <= 0 {
		return "", nil
	}
	spans := Highlight(text, q)
	if utf8.RuneCountInString(text) <= limit {
		return text, spans
	}
	anchor, anchorEnd := 0, 0
	if len(spans) > 0 {
		anchor, anchorEnd = spans[0].Start, spans[0].End
	}
	// Lay the window: a little context before the first match, then as
	// much as fits; near the end of the text, shift it back to fill.
	start := backRunes(text, anchor, min(limit/snippetLead, utf8.RuneCountInString(text[:anchor])))
	end := forwardRunes(text, start, limit)
	if end == len(text) {
		start = backRunes(text, end, limit)
	}
	// Move the cuts out of words, when a space is near: the start forward
	// (not past the match), the end back (not into the first match).
	if start > 0 && inWord(text, start) {
		if i := spaceAfter(text, start, wordSlack); i >= 0 && i <= anchor {
			start = i
		}
	}
	if end < len(text) && inWord(text, end) {
		if i := spaceBefore(text, end, wordSlack); i > start && i >= min(anchorEnd, end) {
			end = i
		}
	}
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:])
		if start == 0 || !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if end == len(text) || !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString(Ellipsis)
	}
	shift := b.Len() - start
	b.WriteString(text[start:end])
	if end < len(text) {
		b.WriteString(Ellipsis)
	}
	var in []Span
	for _, s := range spans {
		if s.End <= start || s.Start >= end {
			continue
		}
		in = append(in, Span{max(s.Start, start) + shift, min(s.End, end) + shift})
	}
	return b.String(), in
}

// backRunes returns the offset n runes before i in s (or 0).
func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// forwardRunes returns the offset n runes after i in s (or len(s)).
func forwardRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// inWord reports whether a cut at i falls between two letters or digits of
// a word written with spaces (a cut inside Japanese text is no harm).
func inWord(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return isSpacedWordRune(before) && isSpacedWordRune(after)
}

func isSpacedWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !isJapanese(widen(r))
}

// spaceAfter returns the offset just after the first space within n runes
// after i, or -1.
func spaceAfter(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

// spaceBefore returns the offset of the last space within n runes before
// i, or -1.
func spaceBefore(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

// Pieces cuts text at the spans (sorted, as Highlight gives them) and
// calls f with each piece in order, marked when it is a span: what a page
// or a terminal wraps in its own marks. Spans out of order or out of the
// text are passed over.
func Pieces(text string, spans []Span, f func(piece string, marked bool)) {
	at := 0
	for _, sp := range spans {
		if sp.Start < at || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		f(text[at:sp.Start], false)
		f(text[sp.Start:sp.End], true)
		at = sp.End
	}
	f(text[at:], false)
}
