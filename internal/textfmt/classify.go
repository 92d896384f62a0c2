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
	num  int // the section number; 0 for a section line without one
	// odd: the line used a marker other than the canonical one ("◆" for
	// "●", "•" for "- ", "注：" for "NOTE:", "（2）" for "2."), which the
	// parser reports as a repair.
	odd bool
	// brokeBefore: a page number or form feed stood between this line and
	// the previous content line, which makes a page-break repair likely.
	brokeBefore bool
	// blankBefore: a blank line stood between this line and the previous
	// content line.
	blankBefore bool
}

// classify judges one trimmed line. The profile helps recognise section
// lines whose titles are not Japanese or that carry no number.
func classify(s string, p *digest.Profile) line {
	l := line{text: s, kind: kText, body: s}
	if s == "" {
		l.kind = kBlank
		return l
	}
	if s[0] == '*' && isEnd(s) {
		l.kind, l.body = kEnd, ""
		return l
	}
	if isPageNumber(s) {
		l.kind, l.body = kPageNum, ""
		return l
	}
	if n, title, odd, ok := sectionLine(s, p); ok {
		l.kind, l.body, l.num, l.odd = kSection, title, n, odd
		return l
	}
	if rest, ok := strings.CutPrefix(s, "●"); ok {
		l.kind, l.body = kHeadline, strings.TrimSpace(rest)
		return l
	}
	if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune(headlineMarks, r) && hasCJK(s[size:]) {
		// Other desks and other years marked headlines with ◆ or ■.
		l.kind, l.body, l.odd = kHeadline, strings.TrimSpace(s[size:]), true
		return l
	}
	if rest, canonical, ok := cutNote(s); ok {
		l.kind, l.body, l.odd = kNote, rest, !canonical
		return l
	}
	if rest, canonical, ok := cutBullet(s); ok {
		l.kind, l.body, l.odd = kEntry, rest, !canonical
		return l
	}
	return l
}

// headlineMarks are the marks other than ● that start a Japanese headline,
// including Word's Wingdings bullets (●, ■, ◆ and ■ as private-use
// characters) that a copy out of a bulleted list leaves.
const headlineMarks = "◆■◇□○◎▲★\uF06C\uF06E\uF075\uF0A7"

// cutBullet reads a list entry: "- " (canonical), or the bullets that Word
// and other editors leave when a list is copied out: "•", "・", "◦", "▪",
// "‣", the Symbol font's U+F0B7, and "-" or "–" followed by white space.
func cutBullet(s string) (rest string, canonical, ok bool) {
	if s == "-" {
		return "", true, true
	}
	if r, ok := strings.CutPrefix(s, "- "); ok {
		return strings.TrimSpace(r), true, true
	}
	r, size := utf8.DecodeRuneInString(s)
	rest = s[size:]
	switch r {
	case '•', '・', '◦', '▪', '‣', '\uF0B7':
		return strings.TrimSpace(rest), false, true
	case '-', '–':
		if r2, _ := utf8.DecodeRuneInString(rest); unicode.IsSpace(r2) {
			return strings.TrimSpace(rest), false, true
		}
	}
	return "", false, false
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

func isDash(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '―' || r == '－'
}

// isPageNumber reports whether s is a page number standing alone: "2",
// "- 2 -", "- 2/5 -", "2 / 5", "2 of 5", "Page 2", "page 2 of 5", "p. 2",
// "〔2〕", "[2]" (full-width digits and dashes too). Numbers have at most
// three digits: a longer one is content.
func isPageNumber(s string) bool {
	if len(s) > 40 {
		return false
	}
	if c := s[0]; !(c >= '0' && c <= '9' || c == '-' || c == 'p' || c == 'P' || c == '[' || c >= 0x80) {
		return false
	}
	s = halfWidth(s)
	r, size := utf8.DecodeRuneInString(s)
	closer := rune(0)
	switch {
	case isDash(r):
		closer = '-'
	case r == '[':
		closer = ']'
	case r == '〔':
		closer = '〕'
	}
	if closer != 0 {
		last, lsize := utf8.DecodeLastRuneInString(s)
		if !(last == closer || closer == '-' && isDash(last)) || len(s) <= size+lsize {
			return false
		}
		s = strings.TrimSpace(s[size : len(s)-lsize])
	}
	lower := strings.ToLower(s)
	for _, prefix := range []string{"page", "p."} {
		if strings.HasPrefix(lower, prefix) {
			s = strings.TrimSpace(s[len(prefix):])
			break
		}
	}
	n, rest := digits(s)
	if n == 0 {
		return false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return true
	}
	if strings.HasPrefix(rest, "/") {
		rest = rest[1:]
	} else if len(rest) > 2 && strings.EqualFold(rest[:2], "of") {
		rest = rest[2:]
	} else {
		return false
	}
	n, rest = digits(strings.TrimSpace(rest))
	return n > 0 && strings.TrimSpace(rest) == ""
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

// sectionLine reads a section line: "N. Title" (canonical), and the forms
// other desks and years used: "N．Title", "N) Title", "(N) Title",
// "II. Title", "Ⅱ．Title", full-width digits; and, when the title is one of
// the profile's, "N Title" and an unnumbered "【Title】" (num 0). To tell a
// section line from a numbered sentence, the title must be short and not end
// like a sentence, and be either Japanese or a title of the profile.
func sectionLine(s string, p *digest.Profile) (num int, title string, odd, ok bool) {
	if t, found := strings.CutPrefix(s, "【"); found {
		if t, found = strings.CutSuffix(t, "】"); found && p.SectionKey(t) != "" {
			return 0, strings.TrimSpace(t), true, true
		}
		return 0, "", false, false
	}
	// "■ 内政関連": a headline mark before a title of the profile.
	if r, size := utf8.DecodeRuneInString(s); r == '●' || strings.ContainsRune(headlineMarks, r) {
		if t := strings.TrimSpace(s[size:]); p.SectionKey(t) != "" {
			return 0, t, true, true
		}
		return 0, "", false, false
	}
	i := 0
	r, size := utf8.DecodeRuneInString(s)
	paren := r == '(' || r == '（'
	if paren {
		i += size
	}
	num, n, wide, roman := sectionNumber(s[i:])
	if num == 0 {
		return 0, "", false, false
	}
	i += n
	odd = paren || wide || roman
	r, size = utf8.DecodeRuneInString(s[i:])
	switch {
	case paren:
		if r != ')' && r != '）' {
			return 0, "", false, false
		}
	case r == '.':
	case r == '．' || r == ')' || r == '）':
		odd = true
	case (r == ' ' || r == '\u3000') && !roman:
		// "2 内政関連": only a title of the profile makes this a section.
		title = strings.TrimSpace(s[i:])
		if p.SectionKey(title) == "" {
			return 0, "", false, false
		}
		return num, title, true, true
	default:
		return 0, "", false, false
	}
	rest := s[i+size:]
	if next, _ := utf8.DecodeRuneInString(rest); next >= '0' && next <= '9' || next >= '０' && next <= '９' {
		return 0, "", false, false // "3.5%増", "1.5兆": a number, not a section
	}
	title = strings.TrimSpace(rest)
	if title == "" || utf8.RuneCountInString(title) > 40 {
		return 0, "", false, false
	}
	if p.SectionKey(title) != "" {
		return num, title, odd, true
	}
	last, _ := utf8.DecodeLastRuneInString(title)
	if last == '.' || last == '。' || last == ':' || last == ',' || !hasCJK(title) {
		return 0, "", false, false
	}
	return num, title, odd, true
}

// sectionNumber reads the number that starts a section line: one to three
// ASCII or full-width digits, or a Roman numeral I–X (ASCII or Ⅰ–Ⅹ). It
// returns the number (0 when there is none), the bytes it took, and whether
// it was written in full-width digits or as a Roman numeral.
func sectionNumber(s string) (num, n int, wide, roman bool) {
	digits := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case r >= '0' && r <= '9':
			num = num*10 + int(r-'0')
		case r >= '０' && r <= '９':
			num, wide = num*10+int(r-'０'), true
		default:
			goto done
		}
		n += size
		if digits++; digits > 3 {
			return 0, 0, false, false
		}
	}
done:
	if digits > 0 {
		return num, n, wide, false
	}
	if r, size := utf8.DecodeRuneInString(s); r >= 'Ⅰ' && r <= 'Ⅹ' {
		return int(r-'Ⅰ') + 1, size, false, true
	}
	for _, rn := range romans {
		if strings.HasPrefix(s, rn.numeral) {
			return rn.value, len(rn.numeral), false, true
		}
	}
	return 0, 0, false, false
}

// romans are the Roman numerals of section lines, longest first so that
// "III" is not read as "I".
var romans = []struct {
	numeral string
	value   int
}{{"VIII", 8}, {"VII", 7}, {"III", 3}, {"IX", 9}, {"VI", 6}, {"IV", 4}, {"II", 2}, {"X", 10}, {"V", 5}, {"I", 1}}

// cutNote reads a note: "NOTE: …" (canonical), NOTE in another case or with
// a full-width colon, and the Japanese "注：", "（注）".
func cutNote(s string) (rest string, canonical, ok bool) {
	// "**NOTE:**" or "**NOTE**:", bold as a word processor may make it.
	for _, bold := range []string{"**NOTE:**", "**NOTE**:"} {
		if t, found := strings.CutPrefix(s, bold); found {
			return strings.TrimSpace(t), false, true
		}
	}
	if len(s) >= 5 && strings.EqualFold(s[:4], "NOTE") {
		r := strings.TrimLeft(s[4:], " ")
		canonical = strings.HasPrefix(s, "NOTE:")
		if t, found := strings.CutPrefix(r, ":"); found {
			return strings.TrimSpace(t), canonical, true
		}
		if t, found := strings.CutPrefix(r, "："); found {
			return strings.TrimSpace(t), false, true
		}
		return "", false, false
	}
	for _, m := range []string{"注：", "注:", "（注）", "(注)"} {
		if t, found := strings.CutPrefix(s, m); found {
			return strings.TrimSpace(t), false, true
		}
	}
	return "", false, false
}

// hasCJK reports whether s holds a kanji, hiragana or katakana. All of them
// take three bytes from E3 to E9 in UTF-8, which most English lines lack.
func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE3 && s[i] <= 0xE9 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				return true
			}
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
