package glossary

// The transliteration rules' reading of a name into tokens: letters and
// the digraphs and trigraphs of each origin (see translit.go).

import (
	"strings"
)

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
