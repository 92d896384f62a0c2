package textfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"shuho/internal/digest"
)

// kind is what a line of digest text is, judged from the line alone.
type kind int

const (
	kBlank    kind = iota
	kPageNum       // "- 2 -", "2", "- 2/5 -", "Page 2": layout, not content
	kEnd           // "*****END*****"
	kSection       // "1. 軍事・治安関係"
	kHeadline      // "● ハサノフ国防相、…"
	kNote          // "NOTE: …"
	kEntry         // "- …", a list entry
	kText          // anything else
)

func (k kind) String() string {
	switch k {
	case kBlank:
		return "a blank line"
	case kPageNum:
		return "a page number"
	case kEnd:
		return "the end marker"
	case kSection:
		return "a section line"
	case kHeadline:
		return "a headline"
	case kNote:
		return "a note"
	case kEntry:
		return "a list entry"
	}
	return "text"
}

// line is one input line, trimmed and classified.
type line struct {
	no   int    // 1-based input line number
	text string // trimmed of surrounding white space
	kind kind
	// body is what follows the marker: the headline after "●", the note
	// after "NOTE:", the entry after "- ", the section title after "N.".
	body string
	num  int // the section number
	// brokeBefore: a page number or form feed stood between this line and
	// the previous content line, which makes a page-break repair likely.
	brokeBefore bool
	// blankBefore: a blank line stood between this line and the previous
	// content line.
	blankBefore bool
}

// classify judges one trimmed line. The profile helps recognise section
// lines whose titles are not Japanese.
func classify(s string, p *digest.Profile) (k kind, body string, num int) {
	if s == "" {
		return kBlank, "", 0
	}
	switch c := s[0]; {
	case c == '*':
		if isEnd(s) {
			return kEnd, "", 0
		}
	case c == '-' || c == 0xE2 || c == 0xEF:
		// '-', or the first byte of "‐–—" (U+2010…U+2014, E2 80 …) or of
		// "－" (U+FF0D, EF BC 8D): a page number "- 2 -" comes before a
		// list entry "- …".
		if isPageNumber(s) {
			return kPageNum, "", 0
		}
	}
	if isDigitStart(s) {
		if isPageNumber(s) {
			return kPageNum, "", 0
		}
		if n, title, ok := sectionLine(s, p); ok {
			return kSection, title, n
		}
	}
	if (s[0] == 'P' || s[0] == 'p') && isPageNumber(s) {
		return kPageNum, "", 0
	}
	if rest, ok := strings.CutPrefix(s, "●"); ok {
		return kHeadline, strings.TrimSpace(rest), 0
	}
	if rest, ok := cutNote(s); ok {
		return kNote, rest, 0
	}
	if s == "-" {
		return kEntry, "", 0
	}
	if rest, ok := strings.CutPrefix(s, "- "); ok {
		return kEntry, strings.TrimSpace(rest), 0
	}
	if rest, ok := strings.CutPrefix(s, "• "); ok {
		return kEntry, strings.TrimSpace(rest), 0
	}
	return kText, s, 0
}

// isEnd reports whether s is the end marker: at least three asterisks, END
// (any case), at least three asterisks, spaces allowed between.
func isEnd(s string) bool {
	n := 0
	for n < len(s) && s[n] == '*' {
		n++
	}
	if n < 3 {
		return false
	}
	rest := strings.TrimSpace(s[n:])
	if len(rest) < 6 || !strings.EqualFold(rest[:3], "END") {
		return false
	}
	rest = strings.TrimSpace(rest[3:])
	return len(rest) >= 3 && strings.Trim(rest, "*") == ""
}

// isDigitStart reports whether s starts with an ASCII or full-width digit.
func isDigitStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

func isDash(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '―' || r == '－'
}

// isPageNumber reports whether s is a page number standing alone: "2",
// "- 2 -", "- 2/5 -", "2 / 5", "Page 2", "page 2 of 5" (full-width digits
// too). Numbers have at most three digits: a longer one is content.
func isPageNumber(s string) bool {
	if len(s) > 40 {
		return false
	}
	s = halfWidth(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "page") {
		s = strings.TrimSpace(s[4:])
		n, rest := digits(s)
		if n == 0 {
			return false
		}
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return true
		}
		if len(rest) > 2 && strings.EqualFold(rest[:2], "of") {
			n, rest = digits(strings.TrimSpace(rest[2:]))
			return n > 0 && rest == ""
		}
		return false
	}
	r, size := utf8.DecodeRuneInString(s)
	dashed := isDash(r)
	if dashed {
		s = strings.TrimSpace(s[size:])
	}
	n, rest := digits(s)
	if n == 0 {
		return false
	}
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "/") {
		n, rest = digits(strings.TrimSpace(rest[1:]))
		if n == 0 {
			return false
		}
		rest = strings.TrimSpace(rest)
	}
	if !dashed {
		return rest == ""
	}
	r, size = utf8.DecodeRuneInString(rest)
	return isDash(r) && size == len(rest)
}

// digits returns how many ASCII digits s starts with (0 when more than
// three) and what follows them.
func digits(s string) (int, string) {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 3 {
		return 0, s
	}
	return n, s[n:]
}

// sectionLine reads "N. Title" (also "N．Title", full-width digits). To tell
// a section line from a numbered sentence, the title must be short and not
// end like a sentence, and be either Japanese or a title of the profile.
func sectionLine(s string, p *digest.Profile) (int, string, bool) {
	i, n := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			goto digitsDone
		}
		i += size
		if i > 9 { // at most three digits, full-width or not
			return 0, "", false
		}
	}
digitsDone:
	rest := s[i:]
	rest = strings.TrimLeft(rest, " \t\u3000")
	if r, ok := strings.CutPrefix(rest, "."); ok {
		rest = r
	} else if r, ok := strings.CutPrefix(rest, "．"); ok {
		rest = r
	} else {
		return 0, "", false
	}
	title := strings.TrimSpace(rest)
	if title == "" || utf8.RuneCountInString(title) > 40 {
		return 0, "", false
	}
	if p.SectionKey(title) != "" {
		return n, title, true
	}
	last, _ := utf8.DecodeLastRuneInString(title)
	if last == '.' || last == '。' || last == ':' || last == ',' {
		return 0, "", false
	}
	if !hasCJK(title) {
		return 0, "", false
	}
	return n, title, true
}

// cutNote reads "NOTE: …" in any letter case, with a half- or full-width
// colon.
func cutNote(s string) (string, bool) {
	if len(s) < 5 || !strings.EqualFold(s[:4], "NOTE") {
		return "", false
	}
	rest := strings.TrimLeft(s[4:], " ")
	if r, ok := strings.CutPrefix(rest, ":"); ok {
		return strings.TrimSpace(r), true
	}
	if r, ok := strings.CutPrefix(rest, "："); ok {
		return strings.TrimSpace(r), true
	}
	return "", false
}

// hasCJK reports whether s holds a kanji, hiragana or katakana.
func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x3000 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)) {
			return true
		}
	}
	return false
}

// isCJK reports whether r is a kanji, kana or Japanese punctuation, between
// which a joined line takes no space.
func isCJK(r rune) bool {
	return r >= 0x3000 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF))
}

// halfWidth makes full-width ASCII variants (！…～, digits, letters, "（",
// "／") and the ideographic space half-width.
func halfWidth(s string) string {
	if !hasFullWidth(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(narrow(r))
	}
	return b.String()
}

func narrow(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

func hasFullWidth(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE3 { // U+3000 and U+FF01… start with E3 or EF
			for _, r := range s[i:] {
				if narrow(r) != r {
					return true
				}
			}
			return false
		}
	}
	return false
}
