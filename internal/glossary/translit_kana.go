package glossary

// The transliteration rules' katakana: the kana rows, palatal and
// voiced forms, and the conventions of long vowels and ッ (see translit.go).

import (
	"strings"
)

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
