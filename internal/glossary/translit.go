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
	for _, b := range norm.NFD.String(string(r)) {
		if b >= 'a' && b <= 'z' {
			return append(cur, b)
		}
		break
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

// tlTok is one sound: a consonant key (c) or a vowel (v). Consonant keys
// are the Latin digraphs the rules distinguish ("sh", "kh", "ts"…); "Q"
// is a ッ. Vowels are a e i o u plus ə ı ö ü and 'Y' for a y used as a
// vowel (Sadyr, Naryshkin).
type tlTok struct {
	c    string
	v    rune
	long bool
}

func tlIsVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'ə', 'ı', 'ö', 'ü':
		return true
	}
	return false
}

// tlTokenize reads digraphs by convention: x is kh in Azerbaijani and
// Uzbek but ks in English; c is dzh in Azerbaijani and Turkish but k or s
// elsewhere; q is Azerbaijani g.
func tlTokenize(rs []rune, lang tlLang) []tlTok {
	n := len(rs)
	at := func(i int) rune {
		if i >= 0 && i < n {
			return rs[i]
		}
		return 0
	}
	t := make([]tlTok, 0, n)
	cons := func(c ...string) {
		for _, k := range c {
			t = append(t, tlTok{c: k})
		}
	}
	for i := 0; i < n; i++ {
		r, nx, nx2 := rs[i], at(i+1), at(i+2)
		if tlIsVowel(r) {
			tok := tlTok{v: r}
			switch {
			case lang == tlEn && r == 'e' && nx == 'e':
				tok, i = tlTok{v: 'i', long: true}, i+1
			case lang == tlEn && r == 'o' && nx == 'o':
				tok, i = tlTok{v: 'u', long: true}, i+1
			case lang == tlEn && (r == 'e' || r == 'o') && nx == 'r' && i+2 == n:
				tok, i = tlTok{v: 'a', long: true}, i+1 // Starmer, Taylor: -ー
			case lang == tlEn && r == 'a' && nx == 'r' && nx2 != 0 && !tlIsVowel(nx2) && nx2 != 'r' && nx2 != 'y':
				tok, i = tlTok{v: 'a', long: true}, i+1 // Richard, Starmer
			case lang == tlGe && r == 'o' && nx == 'u':
				tok, i = tlTok{v: 'u'}, i+1 // French-style Zourabichvili
			case lang != tlEn && r == 'a' && nx == 'h' && i+2 == n:
				tok.long, i = true, i+1 // Abdullah アブドゥラー, Shah シャー
			}
			t = append(t, tok)
			continue
		}
		switch r {
		case 's':
			switch {
			case nx == 'h' && nx2 == 'c' && at(i+3) == 'h':
				cons("sh", "ch")
				i += 3
			case nx == 'h':
				cons("sh")
				i++
			default:
				cons("s")
			}
		case 'z':
			if nx == 'h' {
				cons("zh")
				i++
			} else {
				cons("z")
			}
		case 'k':
			if nx == 'h' {
				cons("kh")
				i++
			} else {
				cons("k")
			}
		case 'c':
			switch {
			case nx == 'h':
				cons("ch")
				i++
			case nx == 'k':
				if lang == tlEn && i+2 == n {
					cons("Q")
				}
				cons("k")
				i++
			case lang == tlTr && i > 0 && strings.ContainsRune("ptkfhsşç", rs[i-1]):
				// An English spelling drops ç's cedilla, but Turkish has
				// no c after a voiceless consonant (suffixes assimilate:
				// Bahçeli, Kaymakçı), so there it is ç.
				cons("ch")
			case lang == tlAz || lang == tlTr:
				cons("j")
			case nx == 'e' || nx == 'i' || nx == 'y':
				cons("s")
			default:
				cons("k")
			}
		case 't':
			switch {
			case nx == 's':
				cons("ts")
				i++
			case nx == 'c' && nx2 == 'h':
				cons("ch")
				i += 2
			case nx == 'h':
				if lang == tlEn {
					cons("s") // Smith スミス
				} else {
					cons("t")
				}
				i++
			case nx == 't' && lang == tlEn && i+2 == n:
				cons("Q", "t")
				i++
			default:
				cons("t")
			}
		case 'd':
			switch {
			case nx == 'z' && nx2 == 'h':
				cons("j")
				i += 2
			case nx == 'z':
				cons("dz")
				i++
			case nx == 'j':
				cons("j")
				i++
			default:
				cons("d")
			}
		case 'g':
			cons("g")
			if nx == 'h' {
				i++ // Toghrul, Ghazaryan: a plain g in Japanese
			}
		case 'p':
			if nx == 'h' {
				cons("f")
				i++
			} else {
				cons("p")
			}
		case 'x':
			if lang == tlAz || lang == tlCA {
				cons("kh")
			} else {
				cons("k", "s")
			}
		case 'q':
			if lang == tlAz || lang == tlIr { // Araqchi アラグチ
				cons("q")
			} else {
				cons("k")
			}
		case 'w':
			if lang == tlEn {
				cons("w")
			} else {
				cons("v") // Turkmen Berdimuhamedow
			}
		case 'h':
			if lang == tlEn && i > 0 && tlIsVowel(rs[i-1]) && !tlIsVowel(nx) {
				continue // John ジョン, Sarah サラ
			}
			cons("h")
		case 'ş':
			cons("sh")
		case 'ç':
			cons("ch")
		case 'ğ':
			cons("ğ")
		default:
			cons(string(r))
		}
	}

	// Double consonants are written once, except nn (Anna アンナ), the
	// Turkish yy (Tayyip タイイ…) and the geminates: a doubled stop is
	// ッ where the convention has Arabic or Turkic geminates (Abbas
	// アッバス, Selahattin セラハッティン), and Persian mm is ンマ
	// (Mohammad モハンマド). Russian and English double letters are
	// spelling, not sound (Abbott アボット).
	gem := lang == tlAz || lang == tlTr || lang == tlIr || lang == tlCA || lang == tlGeneric
	out := t[:0]
	for _, k := range t {
		if k.c != "" && k.c != "n" && k.c != "y" && k.c != "Q" && len(out) > 0 && out[len(out)-1].c == k.c {
			switch {
			case gem && tlStop(k.c):
				out[len(out)-1] = tlTok{c: "Q"}
			case lang == tlIr && k.c == "m":
				out[len(out)-1] = tlTok{c: "n"}
			default:
				continue
			}
		}
		out = append(out, k)
	}
	t = out

	// A y is a glide before a vowel, the second half of a diphthong after
	// one (Bayramov バイ…), and otherwise a vowel (Sadyr サディル).
	for i := range t {
		if t[i].c != "y" || (i+1 < len(t) && t[i+1].v != 0) {
			continue
		}
		if i > 0 && t[i-1].v != 0 {
			t[i] = tlTok{v: 'i'}
		} else {
			t[i] = tlTok{v: 'Y'}
		}
	}
	// Russian -iy/-ii is イー (Dmitriy ドミトリー, Yuriy ユリー).
	if (lang == tlRu || lang == tlGeneric) && len(t) >= 2 && t[len(t)-1].v == 'i' && t[len(t)-2].v == 'i' {
		t = t[:len(t)-1]
		t[len(t)-1].long = true
	}
	return t
}

// tlStop reports whether a doubled c is a geminate written ッ.
func tlStop(c string) bool {
	switch c {
	case "b", "d", "g", "k", "p", "t", "q", "j", "ch":
		return true
	}
	return false
}

// tlRows holds the a i u e o forms of each consonant key. t and d keep
// ティ ディ トゥ ドゥ (Batumi バトゥミ, Zugdidi ズグディディ); Russian
// reads ti di as チ ジ, which tlKana handles.
var tlRows = map[string][5]string{
	"":   {"ア", "イ", "ウ", "エ", "オ"},
	"k":  {"カ", "キ", "ク", "ケ", "コ"},
	"g":  {"ガ", "ギ", "グ", "ゲ", "ゴ"},
	"s":  {"サ", "シ", "ス", "セ", "ソ"},
	"z":  {"ザ", "ジ", "ズ", "ゼ", "ゾ"},
	"t":  {"タ", "ティ", "トゥ", "テ", "ト"},
	"d":  {"ダ", "ディ", "ドゥ", "デ", "ド"},
	"n":  {"ナ", "ニ", "ヌ", "ネ", "ノ"},
	"h":  {"ハ", "ヒ", "フ", "ヘ", "ホ"},
	"b":  {"バ", "ビ", "ブ", "ベ", "ボ"},
	"p":  {"パ", "ピ", "プ", "ペ", "ポ"},
	"m":  {"マ", "ミ", "ム", "メ", "モ"},
	"r":  {"ラ", "リ", "ル", "レ", "ロ"},
	"f":  {"ファ", "フィ", "フ", "フェ", "フォ"},
	"vu": {"ヴァ", "ヴィ", "ヴ", "ヴェ", "ヴォ"},
	"w":  {"ワ", "ウィ", "ウ", "ウェ", "ウォ"},
	"y":  {"ヤ", "イ", "ユ", "エ", "ヨ"},
	"sh": {"シャ", "シ", "シュ", "シェ", "ショ"},
	"ch": {"チャ", "チ", "チュ", "チェ", "チョ"},
	"j":  {"ジャ", "ジ", "ジュ", "ジェ", "ジョ"},
	"ts": {"ツァ", "ツィ", "ツ", "ツェ", "ツォ"},
}

// tlPalRows holds consonant + ya yu yo (Pashinyan パシニャン, Ryabkov
// リャブコフ, Gyumri ギュムリ).
var tlPalRows = map[string][3]string{
	"k":  {"キャ", "キュ", "キョ"},
	"g":  {"ギャ", "ギュ", "ギョ"},
	"s":  {"シャ", "シュ", "ショ"},
	"z":  {"ジャ", "ジュ", "ジョ"},
	"t":  {"チャ", "チュ", "チョ"},
	"d":  {"ジャ", "ジュ", "ジョ"},
	"n":  {"ニャ", "ニュ", "ニョ"},
	"h":  {"ヒャ", "ヒュ", "ヒョ"},
	"b":  {"ビャ", "ビュ", "ビョ"},
	"p":  {"ピャ", "ピュ", "ピョ"},
	"m":  {"ミャ", "ミュ", "ミョ"},
	"r":  {"リャ", "リュ", "リョ"},
	"f":  {"フャ", "フュ", "フョ"},
	"vu": {"ヴャ", "ヴュ", "ヴョ"},
	"sh": {"シャ", "シュ", "ショ"},
	"ch": {"チャ", "チュ", "チョ"},
	"j":  {"ジャ", "ジュ", "ジョ"},
	"ts": {"チャ", "チュ", "チョ"},
}

// tlKey folds consonant keys that share a kana row.
func tlKey(c string, lang tlLang, vu bool) string {
	switch c {
	case "ğ":
		if lang == tlTr {
			return "" // Erdoğan エルドアン: silent between vowels
		}
		return "g"
	case "q":
		return "g"
	case "kh":
		return "h"
	case "zh":
		return "j"
	case "dz":
		return "z"
	case "l":
		return "r"
	case "v":
		if vu {
			return "vu"
		}
		return "b"
	}
	return c
}

func tlVowelIndex(v rune) int {
	switch v {
	case 'a':
		return 0
	case 'i':
		return 1
	case 'u':
		return 2
	case 'e':
		return 3
	}
	return 4
}

// tlKana is consonant key (already folded) + plain vowel a i u e o.
// raw is the unfolded key, for the Russian ワ.
func tlKana(raw, c string, v rune, lang tlLang) string {
	if lang == tlRu {
		switch {
		case c == "t" && v == 'i':
			return "チ" // Mishustin ミシュスチン, Valentina ワレンチナ
		case c == "d" && v == 'i':
			return "ジ" // Vladimir ウラジ…, Volodin ボロジン
		case raw == "v" && v == 'a':
			return "ワ" // Ivanov イワノフ, Zakharova ザハロワ
		}
	}
	if c == "y" && v == 'e' && (lang == tlTr || lang == tlEn) {
		return "イェ"
	}
	row, ok := tlRows[c]
	if !ok {
		row = tlRows[""]
	}
	return row[tlVowelIndex(v)]
}

// tlPlain resolves the Turkic vowels to a i u e o: ı is ウ in Turkish
// (Yılmaz ユルマズ) but イ in Azerbaijani, whose Japanese forms came through
// Russian (Xocalı ホジャリ); ə is エ after k, g and ş (Şəki シェキ,
// Xankəndi ハンケンディ) and ア elsewhere (Əliyev アリエフ, Məmmədov
// ママドフ).
func tlPlain(v rune, raw string, lang tlLang) rune {
	switch v {
	case 'ı':
		if lang == tlTr {
			return 'u'
		}
		return 'i'
	case 'ə':
		if raw == "k" || raw == "g" || raw == "sh" {
			return 'e'
		}
		return 'a'
	case 'ö':
		return 'o'
	case 'ü':
		return 'u'
	case 'Y':
		return 'i'
	}
	return v
}

// tlRender walks the sounds, pairing consonants with the vowel after them;
// follow is the first consonant of a suffix written from a table, so that
// the stem's last consonant can assimilate (Hamburg ハンブルク).
func tlRender(t []tlTok, lang tlLang, vu bool, follow string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		k := t[i]
		switch {
		case k.v != 0:
			b.WriteString(tlAlone(k, i, lang))
		case k.c == "Q":
			if i+1 < len(t) && t[i+1].v == 0 {
				b.WriteString("ッ")
			}
		case i+1 < len(t) && t[i+1].v != 0:
			b.WriteString(tlSyl(t, i, lang, vu))
			i++
		case k.c != "y" && i+2 < len(t) && t[i+1].c == "y" && t[i+2].v != 0:
			b.WriteString(tlPalatal(t, i, lang, vu))
			i += 2
		default:
			next := follow
			if i+1 < len(t) {
				next = t[i+1].c
			}
			b.WriteString(tlUnpaired(t, i, next, lang, vu))
		}
	}
	return b.String()
}

// tlAlone writes a vowel with no consonant before it.
func tlAlone(k tlTok, i int, lang tlLang) string {
	var s string
	switch k.v {
	case 'ö':
		s = "オ" // Özal オザル
	case 'ü':
		if lang == tlAz {
			s = "ウ" // Üzeyir ウゼイル
		} else {
			s = "ユ"
		}
	default:
		s = tlRows[""][tlVowelIndex(tlPlain(k.v, "", lang))]
	}
	if k.long {
		s += "ー"
	}
	return s
}

// tlSyl writes t[i] (a consonant) with the vowel t[i+1].
func tlSyl(t []tlTok, i int, lang tlLang, vu bool) string {
	raw, V := t[i].c, t[i+1]
	c := tlKey(raw, lang, vu)
	var s string
	switch V.v {
	case 'Y':
		s = tlVowelY(t, i, raw, c, lang)
	case 'ö', 'ü':
		s = tlFront(raw, c, V.v, lang)
	default:
		s = tlKana(raw, c, tlPlain(V.v, raw, lang), lang)
	}
	if V.long {
		s += "ー"
	}
	return s
}

// tlFront writes ö and ü after a consonant: palatal ギュ キョ in Turkish
// (Güler ギュレル, Atatürk アタテュルク) but plain after s z (Süleyman
// スレイマン) and, in Azerbaijani, everywhere except after k g (Füzuli
// フズリ).
func tlFront(raw, c string, v rune, lang tlLang) string {
	o := tlPlain(v, raw, lang)
	switch {
	case c == "" || c == "y" || c == "sh" || c == "ch" || c == "j" || c == "s" || c == "z" || c == "ts":
		return tlKana(raw, c, o, lang)
	case lang == tlAz && c != "k" && c != "g":
		return tlKana(raw, c, o, lang)
	case c == "t" || c == "d":
		switch {
		case v == 'ü' && c == "t":
			return "テュ"
		case v == 'ü':
			return "デュ"
		}
		return tlKana(raw, c, 'o', lang)
	}
	if p, ok := tlPalRows[c]; ok {
		if o == 'u' {
			return p[1]
		}
		return p[2]
	}
	return tlKana(raw, c, o, lang)
}

// tlVowelY writes a consonant + vowel y. Russian ы after most consonants
// is ウイ (Naryshkin ナルイシキン, Grozny グロズヌイ) but ディ after d
// (Kadyrov カディロフ); a final Russian -y after anything but a cluster
// ending in n is the -ий of Dmitry ドミトリー. Elsewhere y is just イ
// (Sadyr サディル), long at the end of English and unmarked names
// (Hillary ヒラリー).
func tlVowelY(t []tlTok, i int, raw, c string, lang tlLang) string {
	final := i+2 == len(t)
	switch lang {
	case tlRu:
		if final {
			if raw == "n" && i > 0 && t[i-1].v == 0 {
				return "ヌイ"
			}
			return tlKana(raw, c, 'i', lang) + "ー"
		}
		switch c {
		case "t":
			return "ティ"
		case "d":
			return "ディ"
		case "sh", "ch", "j", "ts":
			return tlKana(raw, c, 'i', lang)
		}
		return tlKana(raw, c, 'u', lang) + "イ"
	case tlEn, tlGeneric:
		if final {
			return tlKana(raw, c, 'i', lang) + "ー"
		}
	}
	return tlKana(raw, c, 'i', lang)
}

// tlPalatal writes t[i] + glide y + vowel t[i+2] as one palatal syllable
// (Kocharyan コチャリャン). Turkish and English keep the y apart (Antalya
// アンタルヤ, Konya コンヤ).
func tlPalatal(t []tlTok, i int, lang tlLang, vu bool) string {
	if lang == tlTr || lang == tlEn {
		return tlUnpaired(t, i, "y", lang, vu) + tlSyl(t, i+1, lang, vu)
	}
	raw, V := t[i].c, t[i+2]
	c := tlKey(raw, lang, vu)
	v := tlPlain(V.v, "y", lang)
	var s string
	p, ok := tlPalRows[c]
	switch {
	case v == 'i':
		s = tlKana(raw, c, 'i', lang)
	case v == 'e':
		if c == "sh" || c == "ch" || c == "j" {
			s = tlKana(raw, c, 'e', lang)
		} else {
			s = tlKana(raw, c, 'i', lang) + "エ"
		}
	case !ok:
		s = tlKana(raw, c, 'i', lang) + tlKana("y", "y", v, lang)
	case v == 'a':
		s = p[0]
	case v == 'u':
		s = p[1]
	default:
		s = p[2]
	}
	if V.long {
		s += "ー"
	}
	return s
}

// tlVoiceless lists the keys before which v is devoiced to フ (Shavkat
// シャフカト); at the end of a word it always is (-ov オフ).
func tlVoiceless(c string) bool {
	switch c {
	case "k", "p", "t", "s", "f", "sh", "ch", "kh", "h", "ts", "Q":
		return true
	}
	return false
}

// tlUnpaired writes a consonant with no vowel after it: the ウ row, but ト
// ド for t d, チ ジ for ch j zh, ン for n and for m before b p, シ for sh (Tashkent タシケント;
// Turkish and English シュ, Kurtulmuş クルトゥルムシュ), フ for h kh and a
// devoiced v, and Turkish ğ as a lengthening (Iğdır ウードゥル).
func tlUnpaired(t []tlTok, i int, next string, lang tlLang, vu bool) string {
	c := t[i].c
	prevV := i > 0 && t[i-1].v != 0
	switch c {
	case "n":
		return "ン"
	case "m":
		if next == "b" || next == "p" {
			return "ン"
		}
		return "ム"
	case "v":
		if next == "" || tlVoiceless(next) || (lang == tlRu && next == "g") {
			return "フ" // Yevgeny エフゲニー
		}
		if vu {
			return "ヴ"
		}
		return "ブ"
	case "h", "kh":
		if lang == tlEn && prevV {
			return ""
		}
		return "フ"
	case "ğ":
		if lang == tlTr {
			if prevV {
				return "ー"
			}
			return ""
		}
		if next == "" {
			return "フ" // Qarabağ …バフ
		}
		return "グ"
	case "sh":
		if lang == tlTr || lang == tlEn || lang == tlIr {
			return "シュ" // Persian too: Pezeshkian ペゼシュキアン, Mashhad マシュハド
		}
		return "シ"
	case "t":
		return "ト"
	case "d":
		return "ド"
	case "y":
		return "イ"
	case "q":
		if lang == tlIr {
			return "グ" // Persian q is a voiced gh: Araqchi アラグチ
		}
		return "ク"
	case "ch":
		return "チ"
	case "j", "zh":
		return "ジ" // Necdet ネジデト, Serzh セルジ
	case "Q":
		return ""
	}
	if row, ok := tlRows[tlKey(c, lang, vu)]; ok {
		return row[2]
	}
	return ""
}
