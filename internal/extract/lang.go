package extract

import (
	"strings"
	"unicode"
)

// DetectLanguage guesses the BCP 47 primary language tag of a text, for the
// languages the digests meet: "en", "ru", "uk", "az", "tr", "ka", "hy", "fa",
// "ar", "ja", "zh", "ko". It returns "" when the text gives no clear sign.
//
// The script decides first, since most of these languages own one. Within
// Latin script, ə is Azerbaijani alone; the letters ğ ı ş ç ö ü and
// stopword counts separate Azerbaijani, Turkish and English.
func DetectLanguage(text string) string {
	var s scriptCounts
	for _, r := range text {
		s.add(r)
	}
	if s.letters == 0 {
		return ""
	}
	// Any kana means Japanese even when kanji outnumber it.
	if s.kana > 0 && s.kana*20 >= s.han+s.kana {
		return "ja"
	}
	best, n := "", 0
	for _, c := range []struct {
		name string
		n    int
	}{
		{"latin", s.latin}, {"cyrillic", s.cyrillic}, {"georgian", s.georgian},
		{"armenian", s.armenian}, {"arabic", s.arabic}, {"han", s.han},
		{"hangul", s.hangul},
	} {
		if c.n > n {
			best, n = c.name, c.n
		}
	}
	switch best {
	case "georgian":
		return "ka"
	case "armenian":
		return "hy"
	case "hangul":
		return "ko"
	case "han":
		return "zh"
	case "arabic":
		// Letters Persian adds to the Arabic alphabet; Arabic text has
		// none, Persian text of any length has several.
		if s.persian*200 >= s.arabic {
			return "fa"
		}
		return "ar"
	case "cyrillic":
		if s.ukrainian*200 >= s.cyrillic {
			return "uk"
		}
		return "ru"
	case "latin":
		return detectLatin(text, s)
	}
	return ""
}

type scriptCounts struct {
	letters, latin, cyrillic, georgian, armenian, arabic, han, kana, hangul int
	persian, ukrainian                                                      int
	schwa, turkic                                                           int // ə; ğ ı ş (shared by az and tr)
}

func (s *scriptCounts) add(r rune) {
	if !unicode.IsLetter(r) {
		return
	}
	s.letters++
	switch {
	case unicode.Is(unicode.Latin, r):
		s.latin++
		switch r {
		case 'ə', 'Ə':
			s.schwa++
		case 'ğ', 'Ğ', 'ı', 'ş', 'Ş', 'İ':
			s.turkic++
		}
	case unicode.Is(unicode.Cyrillic, r):
		s.cyrillic++
		switch r {
		case 'і', 'І', 'ї', 'Ї', 'є', 'Є', 'ґ', 'Ґ':
			s.ukrainian++
		}
	case unicode.Is(unicode.Georgian, r):
		s.georgian++
	case unicode.Is(unicode.Armenian, r):
		s.armenian++
	case unicode.Is(unicode.Arabic, r):
		s.arabic++
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
			s.persian++
		}
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		s.kana++
	case unicode.Is(unicode.Han, r):
		s.han++
	case unicode.Is(unicode.Hangul, r):
		s.hangul++
	}
}

// Common short words. The az and tr lists share some words (bu, bir, ki,
// daha, onun), which then count for both; the words each lacks decide.
var stopwords = map[string]map[string]bool{
	"en": set("the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "it", "are", "from", "at", "has", "have", "said"),
	"az": set("və", "bu", "ilə", "üçün", "olan", "olub", "edib", "də", "bir", "ki", "isə", "onun", "daha", "kimi", "artıq", "həm", "deyib", "qeyd", "edilib", "görə"),
	"tr": set("ve", "bu", "ile", "için", "olan", "oldu", "etti", "de", "bir", "ki", "ise", "onun", "daha", "gibi", "artık", "hem", "dedi", "göre", "olarak", "değil"),
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func detectLatin(text string, s scriptCounts) string {
	counts := map[string]int{}
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		words++
		for lang, list := range stopwords {
			if list[w] {
				counts[lang]++
			}
		}
	}
	// ə in more than a trace (a quoted name) is Azerbaijani: the letter is
	// about one in eleven of its letters and absent from every other
	// language written in Latin script here. Two in a hundred is the line.
	if s.schwa*50 >= s.latin {
		return "az"
	}
	best, n := "", 0
	for _, lang := range []string{"en", "az", "tr"} {
		if counts[lang] > n {
			best, n = lang, counts[lang]
		}
	}
	// "bu", "bir", "ki", "daha" are in both Turkic lists; without ə, the
	// Turkish-only letters and words decide.
	if best == "az" && counts["tr"] >= counts["az"] {
		best = "tr"
	}
	if best == "" || n*50 < words {
		// Fewer than one stopword in fifty words: some other language.
		if s.turkic*100 >= s.latin {
			return "tr"
		}
		return ""
	}
	return best
}
