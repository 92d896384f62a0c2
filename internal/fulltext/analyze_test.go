package fulltext

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnalyze(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		main, uni  []string
	}{
		{"empty", "", nil, nil},
		{"english", "The Foreign Minister met his counterpart.",
			[]string{"the", "foreign", "minister", "met", "his", "counterpart"}, nil},
		{"apostrophe", "Azerbaijan’s and Azerbaijan's", []string{"azerbaijan", "s", "and", "azerbaijan", "s"}, nil},
		{"hyphen", "Kassym-Jomart Tokayev", []string{"kassym", "jomart", "tokayev"}, nil},
		{"decimal", "GDP grew 35.1% in Q3", []string{"gdp", "grew", "35", "1", "in", "q3"}, nil},
		{"azerbaijani", "Əliyev Həsənov ƏLİYEV", []string{"aliyev", "hasanov", "aliyev"}, nil},
		{"azerbaijani places", "Şuşa, Gəncə, Ağdam, Bakı, Xankəndi", []string{"susa", "ganca", "agdam", "baki", "xankandi"}, nil},
		{"turkish", "Çavuşoğlu, Erdoğan, Gül, İstanbul", []string{"cavusoglu", "erdogan", "gul", "istanbul"}, nil},
		{"latin", "Château Zürich São Łódź Øresund Straße Æsir Œuvre Dvořák Nguyễn",
			[]string{"chateau", "zurich", "sao", "lodz", "oresund", "strasse", "aesir", "oeuvre", "dvorak", "nguyen"}, nil},
		{"decomposed diacritics", "Ca\u0301fe\u0301 Ə\u0301", []string{"cafe", "a"}, nil},
		{"cyrillic", "Москва ЁЛКА Україна", []string{"москва", "елка", "україна"}, nil},
		{"cyrillic decomposed", "и\u0306од у\u0306 і\u0308", []string{"йод", "ў", "ї"}, nil},
		{"greek", "Αθήνα ΑΘΗΝΑ Ελλάς", []string{"αθηνα", "αθηνα", "ελλασ"}, nil},
		{"full-width", "ＡＢＣ　ｄｅｆ１２３！Ｇ２０", []string{"abc", "def123", "g20"}, nil},
		{"emphasis markup", "**Bayramov** _met_ `Lavrov` *in* #Baku", []string{"bayramov", "met", "lavrov", "in", "baku"}, nil},
		{"soft hyphen and zero width", "Azer\u00ADbaijan Ba\u200Bku", []string{"azerbaijan", "baku"}, nil},
		{"modifier apostrophe", "Oʻzbekiston O'zbekiston", []string{"o", "zbekiston", "o", "zbekiston"}, nil},
		{"too long", strings.Repeat("a", 65) + " b " + strings.Repeat("c", 64),
			[]string{"b", strings.Repeat("c", 64)}, nil},
		{"separators only", "・、。「」…—*#!? ", nil, nil},
		{"japanese 1", "露", []string{"露"}, []string{"露"}},
		{"japanese 2", "外相", []string{"外相"}, []string{"外", "相"}},
		{"japanese 5", "ハサノフ氏", []string{"ハサ", "サノ", "ノフ", "フ氏"}, []string{"ハ", "サ", "ノ", "フ", "氏"}},
		{"japanese runs", "露・米、日", []string{"露", "米", "日"}, []string{"露", "米", "日"}},
		{"japanese marks", "人々ヶ月〆切ー", []string{"人々", "々ヶ", "ヶ月", "月〆", "〆切", "切ー"},
			[]string{"人", "々", "ヶ", "月", "〆", "切", "ー"}},
		{"mixed", "Bayramov外相、露訪問 (2026年)", []string{"bayramov", "外相", "露訪", "訪問", "2026", "年"},
			[]string{"外", "相", "露", "訪", "問", "年"}},
		{"half-width katakana", "ｶﾞｽﾊﾟｲﾌﾟﾗｲﾝ", []string{"ガス", "スパ", "パイ", "イプ", "プラ", "ライ", "イン"},
			[]string{"ガ", "ス", "パ", "イ", "プ", "ラ", "イ", "ン"}},
		{"decomposed kana", "カ\u3099ス か゛", []string{"ガス", "が"}, []string{"ガ", "ス", "が"}},
		{"kangxi radicals", "⾏政 ⽇本", []string{"行政", "日本"}, []string{"行", "政", "日", "本"}},
		{"compatibility ideograph", "\uFA19社", []string{"神社"}, []string{"神", "社"}},
		{"variation selector", "葛\U000E0100城", []string{"葛城"}, []string{"葛", "城"}},
		{"invalid utf-8", "ab\xffcd", []string{"ab", "cd"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Analyze(tc.text)
			if !slices.Equal(got.Main, tc.main) || !slices.Equal(got.Uni, tc.uni) {
				t.Errorf("Analyze(%q)\n main %q, want %q\n uni  %q, want %q", tc.text, got.Main, tc.main, got.Uni, tc.uni)
			}
		})
	}
}

// The spellings of a name that the press uses interchangeably must index
// alike, or a search for one misses the others.
func TestAnalyzeSpellingsAgree(t *testing.T) {
	for _, group := range [][]string{
		{"Aliyev", "Əliyev", "ƏLİYEV", "əliyev", "Ǝliyev", "Ə\u0301liyev", "Ａｌｉｙｅｖ"},
		{"Hasanov", "Həsənov", "HƏSƏNOV"},
		{"Cavusoglu", "Çavuşoğlu", "ÇAVUŞOĞLU"},
		{"cafe", "café", "cafe\u0301", "CAFÉ"},
		{"finance office", "ﬁnance oﬃce"},
		{"ガス", "ｶﾞｽ", "カ\u3099ス", "カ゛ス"},
		{"行政", "⾏政"},
	} {
		want := Analyze(group[0])
		for _, s := range group[1:] {
			if got := Analyze(s); !slices.Equal(got.Main, want.Main) || !slices.Equal(got.Uni, want.Uni) {
				t.Errorf("Analyze(%q) = %q %q, want %q %q as for %q", s, got.Main, got.Uni, want.Main, want.Uni, group[0])
			}
		}
	}
}

func TestTermsFTS5(t *testing.T) {
	main, uni := Analyze("**Bayramov** met 露外相").FTS5()
	if want := "bayramov met 露外 外相"; main != want {
		t.Errorf("main = %q, want %q", main, want)
	}
	if want := "露 外 相"; uni != want {
		t.Errorf("uni = %q, want %q", uni, want)
	}
}

func TestTSVector(t *testing.T) {
	many := make([]string, 300)
	for i := range many {
		many[i] = "a"
	}
	manyWant := "'a':1"
	for p := 2; p <= 256; p++ {
		manyWant += "," + strconv.Itoa(p)
	}
	for _, tc := range []struct {
		name      string
		terms     Terms
		offset    int
		main, uni string
	}{
		{"empty", Terms{}, 0, "", ""},
		{"repeats grouped", Analyze("the cat and the hat"), 0, "'the':1,4 'cat':2 'and':3 'hat':5", ""},
		{"offset", Analyze("the cat 外相"), 10, "'the':11 'cat':12 '外相':13", "'外':11 '相':12"},
		{"negative offset", Analyze("x"), -5, "'x':1", ""},
		{"clamped", Analyze("a b c d"), MaxPosition - 2, "'a':16382 'b':16383 'c':16383 'd':16383", ""},
		{"quoted", Terms{Main: []string{"it's", `a\b`}}, 0, `'it''s':1 'a\\b':2`, ""},
		{"256 positions", Terms{Main: many}, 0, manyWant, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			main, uni := tc.terms.TSVector(tc.offset)
			if main != tc.main || uni != tc.uni {
				t.Errorf("TSVector(%d) =\n %q %q\nwant\n %q %q", tc.offset, main, uni, tc.main, tc.uni)
			}
		})
	}
}

// TestTables checks the hand-kept tables against their own promises.
func TestTables(t *testing.T) {
	if a, b := utf8.RuneCountInString(dakutenBase), utf8.RuneCountInString(dakutenComposed); a != b {
		t.Errorf("dakuten tables: %d bases, %d composed", a, b)
	}
	if a, b := utf8.RuneCountInString(handakutenBase), utf8.RuneCountInString(handakutenDone); a != b {
		t.Errorf("handakuten tables: %d bases, %d composed", a, b)
	}
	if n := utf8.RuneCountInString(kangxiRadicals); n != 0x2FD5-0x2F00+1 || len(kangxiRadicals) != 3*n {
		t.Errorf("kangxiRadicals: %d runes in %d bytes, want %d in %d", n, len(kangxiRadicals), 0x2FD6-0x2F00, 3*(0x2FD6-0x2F00))
	}
	for r, to := range letterFold {
		if r < 0x370 || r >= 0x1E00 {
			// Latin folds to plain a-z.
			for _, c := range []byte(to) {
				if c < 'a' || c > 'z' {
					t.Errorf("letterFold[%c] = %q: not plain Latin", r, to)
				}
			}
		}
	}
	for r, to := range compatIdeographs {
		if !isJapanese(to) {
			t.Errorf("compatIdeographs[%U] = %U, not a Japanese character", r, to)
		}
	}
}
