package fulltext

import (
	"unicode"
	"unicode/utf8"
)

// letterFold maps a lower-case letter to the plain letters that English-
// language media print for it: the diacritics go (é → e), the Azerbaijani
// and Turkish letters become what the wire services write (ə → a, ı → i,
// ş → s), and a ligature or a letter with no plain form spells out (æ → ae,
// ß → ss, ﬁ → fi). Greek loses its accents and final sigma, so that a query
// typed without them still finds the word; Cyrillic ё becomes е, as Russian
// search engines do, because most Russian text is printed without the dots.
//
// The accented letters were listed from the Unicode decompositions of the
// Latin-1 Supplement, Latin Extended-A and -B and Latin Extended Additional
// (every letter that decomposes to a plain letter and marks); the letters
// without a decomposition (ø, ł, đ, ı, ə …) were added by hand.
//
// Upper case is not listed: the scanner lowers a letter before it looks here.
var letterFold = foldTable([]struct{ to, from string }{
	// ə is the Azerbaijani letter: Əliyev is Aliyev in English. ǝ (turned e)
	// is the letter that careless Azerbaijani typesetting uses for it.
	{"a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặẚⱥəǝ"},
	{"b", "ḃḅḇƀƃɓ"},
	{"c", "çćĉċčḉƈȼ"},
	{"d", "ďḋḍḏḑḓđðƌȡɗ"},
	{"e", "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệɇ"},
	{"f", "ḟƒ"},
	{"g", "ĝğġģǧǵḡǥ"},
	{"h", "ĥȟḣḥḧḩḫẖħⱨ"},
	{"i", "ìíîïĩīĭįǐȉȋḭḯỉịıɨ"},
	{"j", "ĵǰȷɉ"},
	{"k", "ķǩḱḳḵĸƙⱪ"},
	{"l", "ĺļľḷḹḻḽŀłƚȴⱡ"},
	{"m", "ḿṁṃ"},
	{"n", "ñńņňǹṅṇṉṋŉŋƞȵ"},
	{"o", "òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợøǿ"},
	{"p", "ṕṗƥ"},
	{"q", "ɋ"},
	{"r", "ŕŗřȑȓṙṛṝṟɍ"},
	{"s", "śŝşšșṡṣṥṧṩſẛ"},
	{"t", "ţťțṫṭṯṱẗŧƭȶⱦ"},
	{"u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữựʉ"},
	{"v", "ṽṿ"},
	{"w", "ŵẁẃẅẇẉẘ"},
	{"x", "ẋẍ"},
	{"y", "ýÿŷȳẏẙỳỵỷỹƴɏ"},
	{"z", "źżžẑẓẕƶȥⱬ"},
	{"ae", "æǣǽ"},
	{"oe", "œ"},
	{"ss", "ß"},
	{"th", "þ"},
	{"ij", "ĳ"},
	{"dz", "ǆǳ"},
	{"lj", "ǉ"},
	{"nj", "ǌ"},
	// The typographic ligatures, which PDF text extraction hands over as
	// they were set (ﬁnance for finance).
	{"ff", "ﬀ"}, {"fi", "ﬁ"}, {"fl", "ﬂ"}, {"ffi", "ﬃ"}, {"ffl", "ﬄ"}, {"st", "ﬅﬆ"},
	// Greek.
	{"α", "ά"}, {"ε", "έ"}, {"η", "ή"}, {"ι", "ίϊΐ"}, {"ο", "ό"},
	{"υ", "ύϋΰ"}, {"ω", "ώ"}, {"σ", "ς"},
	// Cyrillic.
	{"е", "ё"},
})

// foldTable turns rows of (plain spelling, letters that fold to it) into a
// lookup table.
func foldTable(rows []struct{ to, from string }) map[rune]string {
	m := make(map[rune]string)
	for _, row := range rows {
		for _, r := range row.from {
			m[r] = row.to
		}
	}
	return m
}

// composeMarks holds the few letters that a combining mark must rebuild
// rather than lose: in Cyrillic, й and ў are letters of their own, not и and
// у with an accent, and a text in decomposed form (и + U+0306) must index
// like the precomposed one. Every other diacritic after a letter is dropped,
// which is what the fold above does to the precomposed letters.
var composeMarks = map[[2]rune]rune{
	{'и', '\u0306'}: 'й',
	{'у', '\u0306'}: 'ў',
	{'і', '\u0308'}: 'ї',
}

// isDiacritic reports whether r is a combining mark from the blocks of
// diacritics that Latin, Greek and Cyrillic text use; these are dropped
// from words, while the marks of other scripts (the vowel signs of
// Devanagari, say) are part of the letters and kept.
func isDiacritic(r rune) bool {
	return r >= 0x0300 && r <= 0x036F ||
		r >= 0x1AB0 && r <= 0x1AFF ||
		r >= 0x1DC0 && r <= 0x1DFF ||
		r >= 0x20D0 && r <= 0x20FF ||
		r >= 0xFE20 && r <= 0xFE2F
}

// isApostropheLetter reports whether r is one of the modifier letters that
// stand for an apostrophe (Oʻzbekiston, Qurʾan). Unicode counts them as
// letters; we count them as the apostrophes they look like, so that the
// spelling with a typed ' finds the same tokens.
func isApostropheLetter(r rune) bool {
	return r >= 0x02B9 && r <= 0x02BF || r >= 0x02C8 && r <= 0x02CB
}

// halfWidthKatakana maps U+FF61…U+FF9F (half-width katakana and their
// punctuation) to the full-width characters; the last two are the voicing
// marks, as combining marks, so that ｶﾞ composes to ガ.
var halfWidthKatakana = [...]rune{
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
	0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
	0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC,
	0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4,
	0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A,
}

// The kana that take a voicing mark, and what they become with it: the
// canonical compositions of Unicode, so that a decomposed text (カ + U+3099,
// as macOS file names and some PDFs have it) indexes like the composed one.
const (
	dakutenBase     = "うかきくけこさしすせそたちつてとはひふへほゝウカキクケコサシスセソタチツテトハヒフヘホワヰヱヲヽ"
	dakutenComposed = "ゔがぎぐげござじずぜぞだぢづでどばびぶべぼゞヴガギグゲゴザジズゼゾダヂヅデドバビブベボヷヸヹヺヾ"
	handakutenBase  = "はひふへほハヒフヘホ"
	handakutenDone  = "ぱぴぷぺぽパピプペポ"
)

var (
	dakuten    = pairTable(dakutenBase, dakutenComposed)
	handakuten = pairTable(handakutenBase, handakutenDone)
)

// pairTable maps the i-th rune of from to the i-th rune of to (a test checks
// that the two have as many).
func pairTable(from, to string) map[rune]rune {
	f, t := []rune(from), []rune(to)
	m := make(map[rune]rune, len(f))
	for i := range min(len(f), len(t)) {
		m[f[i]] = t[i]
	}
	return m
}

// widen undoes the compatibility forms that make one character look like
// another: full-width ASCII (Ａ, ０, ！) becomes ASCII, half-width katakana
// becomes full-width, the spacing voicing marks (゛ ゜) become combining, and
// Kangxi radicals and CJK compatibility ideographs become the unified
// ideographs. Any other rune is returned as it is.
func widen(r rune) rune {
	switch {
	case r < 0x2E80:
		return r
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r >= 0xFF61 && r <= 0xFF9F:
		return halfWidthKatakana[r-0xFF61]
	case r == 0x309B:
		return 0x3099
	case r == 0x309C:
		return 0x309A
	case r >= 0x2F00 && r <= 0x2FD5:
		// The table is a string of 3-byte runes, one per radical.
		c, _ := utf8.DecodeRuneInString(kangxiRadicals[(r-0x2F00)*3:])
		return c
	case r == 0x2E9F || r == 0x2EF3 || r >= 0xF900 && r <= 0xFAFF:
		if c, ok := compatIdeographs[r]; ok {
			return c
		}
	}
	return r
}

// isJapanese reports whether r (already widened) belongs to a run of
// Japanese text: kanji, hiragana, katakana and the marks that live inside
// Japanese words (ー 々 〆 ヶ 〇). Chinese text falls under it too, which is
// what we want: the bigrams serve it as well.
func isJapanese(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	switch r {
	case 'ー', '々', '〆', 'ヶ', '〇':
		return true
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// isVoicingMark reports whether r is a combining (han)dakuten.
func isVoicingMark(r rune) bool { return r == 0x3099 || r == 0x309A }

// composeVoicing returns base with the voicing mark applied, or base and
// false when the kana takes no such mark.
func composeVoicing(base, mark rune) (rune, bool) {
	t := dakuten
	if mark == 0x309A {
		t = handakuten
	}
	c, ok := t[base]
	if !ok {
		return base, false
	}
	return c, true
}
