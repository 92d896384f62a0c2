package lint

import (
	"strings"
	"unicode"
)

// headlineStyle checks a Japanese headline against the desk's style: 体言止め
// without a closing 。, 、 as the comma, names as the glossary writes them and
// Russia abbreviated as the profile says.
func (c *checker) headlineStyle(sec, item, line int, h string) {
	if strings.HasSuffix(h, "。") {
		c.add(HeadlineStyle, Warning, sec, item, line, "the Japanese headline ends with 。; headlines end without it")
	}
	if westernComma(h) {
		c.add(HeadlineStyle, Warning, sec, item, line, "the Japanese headline uses a comma other than 、")
	}
	if c.p == nil {
		return
	}
	for _, t := range c.p.Glossary {
		for _, v := range t.JAVariants {
			if strings.Contains(h, v) {
				c.add(HeadlineStyle, Warning, sec, item, line, "the headline writes %s; the glossary writes %s (%s)", v, t.JA, t.EN)
			}
		}
	}
	switch c.p.Style.Russia {
	case "露":
		if i := roAbbreviation(h); i >= 0 {
			c.add(HeadlineStyle, Warning, sec, item, line, "the headline abbreviates Russia as ロ; the profile writes 露")
		}
	case "ロ":
		if i := ruAbbreviation(h); i >= 0 {
			c.add(HeadlineStyle, Warning, sec, item, line, "the headline abbreviates Russia as 露; the profile writes ロ")
		}
	}
}

// roAbbreviation returns the index of the first ロ in h that stands for
// Russia ("ロ外相", "日ロ関係", "駐ロ大使"): a ロ that is not part of a katakana
// word, followed by a kanji or by ・、 and not preceded by katakana. It returns
// -1 when there is none.
func roAbbreviation(h string) int {
	rs := []rune(h)
	for i, r := range rs {
		if r != 'ロ' {
			continue
		}
		if i > 0 && (isKatakana(rs[i-1]) || rs[i-1] == 'ー') {
			continue
		}
		if i+1 < len(rs) && (unicode.Is(unicode.Han, rs[i+1]) || rs[i+1] == '・' || rs[i+1] == '、') {
			return i
		}
		if i+1 == len(rs) && i > 0 && unicode.Is(unicode.Han, rs[i-1]) {
			return i // "…、日ロ" at the end
		}
	}
	return -1
}

// ruAbbreviation returns the index of the first 露 in h that stands for
// Russia, not part of a word such as 披露, 暴露 or 露呈; -1 when there is none.
func ruAbbreviation(h string) int {
	rs := []rune(h)
	for i, r := range rs {
		if r != '露' {
			continue
		}
		if i > 0 && strings.ContainsRune("披暴吐結発甘朝雨", rs[i-1]) {
			continue
		}
		if i+1 < len(rs) && strings.ContainsRune("呈出見天骨店営頭払", rs[i+1]) {
			continue
		}
		return i
	}
	return -1
}

func isKatakana(r rune) bool { return unicode.Is(unicode.Katakana, r) }

// westernComma reports whether h uses "," or "，" as a comma; between digits
// ("1,000人") it is a thousands separator.
func westernComma(h string) bool {
	rs := []rune(h)
	for i, r := range rs {
		if r != ',' && r != '，' {
			continue
		}
		if i > 0 && i+1 < len(rs) && isAnyDigit(rs[i-1]) && isAnyDigit(rs[i+1]) {
			continue
		}
		return true
	}
	return false
}

func isAnyDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
