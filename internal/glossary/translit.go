package glossary

// Rule-made katakana for names the glossary lacks.
//
// The desk writes foreign names the way Japanese newspapers, NHK and the
// Ministry of Foreign Affairs (外務省) write them, and those spellings are
// conventions rather than phonetics: Алиев is アリエフ, not アリイェフ;
// Захарова is ザハロワ while Qafarova is ガファロヴァ; Erdoğan is エルドアン.
// The rules below encode the conventions that are regular enough to be
// rules. Everything they produce is a guess that a person must review, so
// they aim at "what the desk would most likely have written", not at a
// faithful rendering of the source language's sounds.
//
// Choices worth knowing:
//
//   - Words are joined by "・". A hyphen inside one word of a name of
//     several words (a person's) is the double hyphen "＝" that 外務省
//     writes (カシム＝ジョマルト・トカエフ, バウダルベック＝コジャタエフ);
//     in a one-word name (a place) it joins the halves with nothing, as
//     in サンクトペテルブルク and ヌルスルタン. Nagorno-Karabakh therefore
//     comes out as one word; such names belong in the glossary.
//   - No long vowels are invented: stress is not written in Latin
//     spellings, and the desk's sources write Bayramov バイラモフ, not
//     バイラーモフ. The only ー the rules write come from spellings that
//     mark length (Turkish ğ, -ah, English ee/oo/-er) or from fixed
//     suffixes (-grad グラード, Russian -iy/-y イー).
//   - Double consonants are written once (Mammadov ママドフ, Massimov
//     マシモフ); nn gives ンナ (Anna アンナ). A doubled stop is ッ in the
//     Turkic, Persian and unmarked conventions, where it is a geminate of
//     Arabic or Turkic origin (Abbas アッバス, Fahrettin ファフレッティン,
//     Çanakkale チャナッカレ), and Persian mm is ンマ (Mohammad
//     モハンマド); Russian and English spellings double letters without
//     that sound, so there ッ appears only for English final -ck/-tt
//     (Barrack バラック).
//   - Letters outside the Latin script are dropped, so the result is always
//     katakana, "・", "＝" and "ー" (or empty).

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TranslitOptions is the profile's house style.
type TranslitOptions struct {
	// VU writes ヴ for v (ヴァ ヴィ ヴ ヴェ ヴォ; -ova → ヴァ); false writes バ行 (-ova → バ).
	VU bool
	// Origin hints the language of the name: "az", "ru", "tr", "ge" (Georgian), "am" (Armenian), "kz", "uz", "kg", "tj", "tm", "ir" (Iranian), "en", or "" to guess from the spelling.
	Origin string
}

// tlLang is the transcription convention a name is read under. The
// conventions, not the languages, are what differ: Kazakh, Uzbek, Kyrgyz,
// Tajik and Turkmen names reach Japanese through the same Russian-shaped
// romanisations and share one convention.
type tlLang uint8

const (
	tlGeneric tlLang = iota // no origin known and no cue in the spelling
	tlAz
	tlRu
	tlTr
	tlGe
	tlAm
	tlCA // Central Asian: kz, uz, kg, tj, tm
	tlEn
	tlIr // Persian: Iranian names, which MOFA writes from the Persian, not through Russian
)

// tlOrigins maps Origin hints (and the ISO 639 codes people also type) to
// conventions; anything else, "" included, means "guess". Ukrainian and
// Belarusian are deliberately absent: the media now write them by their own
// readings (キーウ), which the Russian convention would get wrong.
var tlOrigins = map[string]tlLang{
	"az": tlAz, "ru": tlRu,
	"tr": tlTr,
	"ge": tlGe, "ka": tlGe,
	"am": tlAm, "hy": tlAm,
	"kz": tlCA, "kk": tlCA, "uz": tlCA, "kg": tlCA, "ky": tlCA, "tj": tlCA, "tg": tlCA, "tm": tlCA, "tk": tlCA,
	"en": tlEn,
	"ir": tlIr, "fa": tlIr,
}

// Transliterate renders one name (one or more words: "Jeyhun Bayramov",
// "Kassym-Jomart Tokayev") in katakana, words joined by "・" and the halves
// of a hyphenated word joined by "＝" in a name of several words
// (カシム＝ジョマルト・トカエフ, as 外務省 writes it) and with nothing in a
// one-word name (Nur-Sultan ヌルスルタン). The result is a rule-made guess
// for review; an empty or letterless name gives "".
func Transliterate(name string, o TranslitOptions) string {
	origin := strings.ToLower(strings.TrimSpace(o.Origin))
	name = norm.NFC.String(name)
	words := tlSplit(name, tlNativeTurkic(name, origin))
	if len(words) == 0 {
		return ""
	}
	lang, ok := tlOrigins[origin]
	if !ok {
		lang = tlGuess(words)
	}
	// A hyphenated word in a name of several words is a person's double
	// given name or surname, which 外務省 joins with ＝; a one-word name
	// is a place, written as one word.
	join := ""
	if len(words) > 1 {
		join = "＝"
	}
	var b strings.Builder
	for _, w := range words {
		var wb strings.Builder
		for _, p := range w {
			k := tlPart(p, lang, o.VU)
			if k == "" {
				continue
			}
			if wb.Len() > 0 {
				wb.WriteString(join)
			}
			wb.WriteString(k)
		}
		if wb.Len() == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("・")
		}
		b.WriteString(wb.String())
	}
	return b.String()
}

// tlNativeTurkic reports whether the name is in Turkish or Azerbaijani
// spelling, where a capital I is the dotless ı. In an English-style
// spelling ("Ilham Aliyev") it is an ordinary i, so the letters that only
// native spellings use decide.
func tlNativeTurkic(name, origin string) bool {
	if strings.ContainsAny(name, "əƏǝƎıİşŞçÇğĞ") {
		return true
	}
	return (origin == "tr" || origin == "az") && strings.ContainsAny(name, "öÖüÜ")
}

// tlSplit cuts a name into words, words into hyphen-joined parts, and parts
// into lower-case letters of the alphabet the rules know. Apostrophes
// vanish (Uzbek oʻ and gʻ, Georgian ejective marks).
func tlSplit(name string, native bool) [][][]rune {
	var words [][][]rune
	var parts [][]rune
	var cur []rune
	endPart := func() {
		if len(cur) > 0 {
			parts = append(parts, cur)
			cur = nil
		}
	}
	endWord := func() {
		endPart()
		if len(parts) > 0 {
			words = append(words, parts)
			parts = nil
		}
	}
	for _, r := range name {
		switch {
		case strings.ContainsRune("'’‘ʼʻ`´ʹ′", r):
		case r == '-' || r == '‐' || r == '‑' || r == '⁃':
			endPart()
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			cur = tlAppendLetter(cur, r, native)
		default:
			endWord()
		}
	}
	endWord()
	return words
}

// tlAppendLetter lower-cases one letter into the working alphabet: a–z
// plus ə ı ö ü ş ç ğ, which carry Turkic sounds the rules need. Other
// Latin letters lose their diacritics, except those that stand for a
// digraph (ž → zh); non-Latin letters are dropped.
func tlAppendLetter(cur []rune, r rune, native bool) []rune {
	switch r {
	case 'I':
		if native {
			return append(cur, 'ı')
		}
		return append(cur, 'i')
	case 'İ':
		return append(cur, 'i')
	}
	r = unicode.ToLower(r)
	if r >= 'a' && r <= 'z' {
		return append(cur, r)
	}
	switch r {
	case 'ə', 'ǝ':
		return append(cur, 'ə')
	case 'ı', 'ö', 'ü', 'ş', 'ç', 'ğ':
		return append(cur, r)
	case 'ș':
		return append(cur, 'ş')
	case 'ž':
		return append(cur, 'z', 'h')
	case 'š':
		return append(cur, 's', 'h')
	case 'č', 'ć':
		return append(cur, 'c', 'h')
	case 'ț', 'ţ':
		return append(cur, 't', 's')
	case 'ǰ':
		return append(cur, 'j')
	case 'ý':
		return append(cur, 'y')
	case 'ß':
		return append(cur, 's', 's')
	case 'ø', 'œ':
		return append(cur, 'o')
	case 'æ', 'ä':
		return append(cur, 'a')
	case 'ł':
		return append(cur, 'l')
	case 'đ', 'ð':
		return append(cur, 'd')
	case 'þ':
		return append(cur, 't', 'h')
	case 'ŋ':
		return append(cur, 'n', 'g')
	}
	// The base letter of a letter with a diacritic (é: e), the first rune
	// of its decomposition.
	if b, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r))); b >= 'a' && b <= 'z' {
		return append(cur, b)
	}
	return cur
}

// tlGuess picks a convention from the spelling when the caller gave no
// origin. Native letters are the strongest cue (ə, q only in Azerbaijani;
// ı ş ç ğ ö ü otherwise Turkish), then surname endings (-shvili and -dze
// Georgian, -yan Armenian), then English and Russian-only spellings. With
// no cue the generic convention applies, which is the Russian-shaped
// reading shared by Azerbaijani and Central Asian names in English text;
// what it cannot know is that Zakharova wants ワ (pass Origin "ru").
func tlGuess(words [][][]rune) tlLang {
	ws := make([]string, len(words))
	for i, w := range words {
		var b strings.Builder
		for _, p := range w {
			b.WriteString(string(p))
		}
		ws[i] = b.String()
	}
	all := strings.Join(ws, " ")
	switch {
	case strings.ContainsAny(all, "əq"):
		return tlAz
	case strings.ContainsAny(all, "ışçğöü"):
		if strings.ContainsRune(all, 'x') {
			return tlAz
		}
		return tlTr
	}
	for _, w := range ws {
		if strings.HasSuffix(w, "shvili") || strings.HasSuffix(w, "chvili") || strings.HasSuffix(w, "dze") {
			return tlGe
		}
	}
	for i, w := range ws {
		if len(w) > 4 && (strings.HasSuffix(w, "yan") || strings.HasSuffix(w, "yants") ||
			(i == len(ws)-1 && strings.HasSuffix(w, "ian"))) {
			return tlAm
		}
	}
	for _, w := range ws {
		if strings.Contains(w, "th") || strings.Contains(w, "ck") || strings.Contains(w, "ph") ||
			(len(w) > 4 && strings.HasSuffix(w, "son")) {
			return tlEn
		}
		// Turkmen romanisation ends surnames in -ow (Berdimuhamedow).
		if i := strings.IndexByte(w, 'w'); i >= 0 && !(i == len(w)-1 && i > 0 && w[i-1] == 'o') {
			return tlEn
		}
	}
	for _, w := range ws {
		for _, s := range []string{"sky", "skiy", "skaya", "enko", "vich", "ovna", "evna"} {
			if strings.HasSuffix(w, s) {
				return tlRu
			}
		}
		if strings.Contains(w, "shch") {
			return tlRu
		}
	}
	return tlGeneric
}

// tlPart renders one hyphen-free part of a word. Fixed endings that the
// media write the same way whatever the letters before them are cut off
// first and written from a table.
func tlPart(rs []rune, lang tlLang, vu bool) string {
	s := string(rs)
	suffix, follow := "", ""
	switch {
	case lang == tlTr && len(rs) > 4 && (strings.HasSuffix(s, "oğlu") || strings.HasSuffix(s, "oglu")):
		// -oğlu is オール; after n or m the media fuse it with the stem
		// (İmamoğlu イマモール, Çalhanoğlu チャルハノール) and otherwise
		// keep it apart (Kılıçdaroğlu クルチダルオール).
		stem := []rune(s)
		stem = stem[:len(stem)-4]
		suffix = "オール"
		if n := len(stem); n >= 2 && (stem[n-1] == 'n' || stem[n-1] == 'm') && tlIsVowel(stem[n-2]) {
			suffix = "ノール"
			if stem[n-1] == 'm' {
				suffix = "モール"
			}
			stem = stem[:n-1]
		}
		s = string(stem)
	case len(rs) > 4 && strings.HasSuffix(s, "burg"):
		s, suffix, follow = strings.TrimSuffix(s, "burg"), "ブルク", "b"
	case len(rs) > 4 && strings.HasSuffix(s, "grad"):
		s, suffix, follow = strings.TrimSuffix(s, "grad"), "グラード", "g"
	case len(rs) > 4 && (strings.HasSuffix(s, "sky") || strings.HasSuffix(s, "skiy") || strings.HasSuffix(s, "skii")):
		s = s[:strings.LastIndex(s, "sk")+1]
		suffix, follow = "キー", "k"
	case (lang == tlAz || lang == tlIr || lang == tlGeneric) && len(rs) > 6 && tlZade(s) != "":
		// Persian -zadə/-zadeh "son of" is ザーデ whatever the English
		// spelling makes of its ə (Hajizada ハジザーデ, Ismayilzada
		// イスマイルザーデ); Tajik -zoda is left to the rules (ソビルゾダ).
		s, suffix, follow = strings.TrimSuffix(s, tlZade(s)), "ザーデ", "z"
	}
	if lang == tlAm && len(rs) > 4 && strings.HasSuffix(s, "ian") {
		s = strings.TrimSuffix(s, "ian") + "yan" // Sarkissian = Sargsyan's -yan
	}
	if (lang == tlRu || lang == tlGeneric || lang == tlCA) && strings.HasPrefix(s, "vl") {
		s = "u" + s[1:] // Vladimir ウラジ…, Vladivostok ウラジ…
	}
	return tlRender(tlTokenize([]rune(s), lang), lang, vu, follow) + suffix
}

// tlZade returns the Persian "son of" ending of s as spelt, or "".
func tlZade(s string) string {
	for _, z := range []string{"zadeh", "zade", "zada", "zadə"} {
		if strings.HasSuffix(s, z) {
			return z
		}
	}
	return ""
}
