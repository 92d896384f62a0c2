package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"shuho/internal/digest"
	"shuho/internal/glossary"
)

// Unfinished says why a Japanese headline is not yet a headline, or ""
// when it is one: it is empty, a placeholder such as （見出し案なし）, holds
// no Japanese, or is only names, titles, places and countries joined by 、
// or ・ with no event ("大統領、アリエフ", "チュルク諸国機構"). terms are the
// desk's own glossary terms, read beside the built-in ones.
//
// It is the one test of a finished headline: lint reports it as
// headline-unfinished, and the drafter and the model's checks refuse to
// offer such a headline as one.
func Unfinished(h string, terms []digest.Term) string {
	var own *strings.Replacer
	if len(terms) > 0 {
		own = namesReplacer(terms)
	}
	return unfinished(h, own)
}

// unfinished is Unfinished with the desk's names as a replacer, made once
// for a whole digest.
func unfinished(h string, own *strings.Replacer) string {
	format, args := unfinishedWhy(h, own)
	if format == "" {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

// unfinishedWhy is unfinished as a message's format and arguments, for
// the catalogue to say in Japanese too.
func unfinishedWhy(h string, own *strings.Replacer) (string, []any) {
	h = strings.TrimSpace(strings.ReplaceAll(h, "**", ""))
	switch {
	case h == "":
		return "the Japanese headline is empty", nil
	case placeholder(h):
		return "the Japanese headline is a placeholder: %s", []any{h}
	case !hasJapanese(h):
		return "the Japanese headline holds no Japanese", nil
	}
	rest := builtinNames().Replace(h)
	if own != nil {
		rest = own.Replace(rest)
	}
	for _, r := range rest {
		if !ignorable(r) {
			return "", nil
		}
	}
	return "the Japanese headline is only names (%s): it says who, not what happened", []any{h}
}

// placeholder reports whether h stands in for a headline still to be
// written: a bracketed note such as （見出し案なし） or （未定）, or the words
// a drafter or an editor leaves to come back to.
func placeholder(h string) bool {
	for _, w := range []string{"見出し案なし", "見出しなし", "見出し未定", "要翻訳", "未翻訳", "TODO", "TBD", "XXX", "？？", "??"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"［", "］"}, {"[", "]"}, {"〈", "〉"}} {
		if strings.HasPrefix(h, p[0]) && strings.HasSuffix(h, p[1]) && strings.Count(h, p[0]) == 1 {
			return true
		}
	}
	return false
}

func hasJapanese(h string) bool {
	for _, r := range h {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// ignorable are what is left of a names-only headline once its names are
// taken out: separators, brackets, the particles that join names without
// telling an event (アリエフ大統領とエルドアン大統領; 駐露大使), and katakana,
// which in such a headline is a name the glossary lacks.
func ignorable(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.In(r, unicode.Katakana) || r == 'ー' ||
		strings.ContainsRune("、・，,（）()「」『』のと及び駐", r)
}

// builtinNames takes the built-in glossary's names and the usual titles out
// of a headline.
var builtinNames = sync.OnceValue(func() *strings.Replacer {
	terms, err := glossary.Builtin()
	if err != nil {
		// The seed is embedded and tested; without it only the titles
		// below and katakana are known as names.
		terms = nil
	}
	return namesReplacer(terms)
})

// titleWords are the offices headlines put after a name, beyond the
// glossary's titles: a headline made of them and names only tells who.
var titleWords = []string{"大統領", "副大統領", "首相", "副首相", "外相", "国防相", "内相", "法相", "財務相", "経済相", "大臣",
	"次官", "副大臣", "長官", "議長", "副議長", "大使", "総領事", "報道官", "補佐官", "顧問", "代表", "特別代表", "国家主席", "国王", "首長",
	"事務総長", "事務局長", "総裁", "委員長", "司令官", "参謀総長", "検事総長", "長", "氏", "夫人", "大統領府", "政府", "外務省", "国防省",
	"内務省", "国会", "議会", "代表団", "大使館"}

func namesReplacer(terms []digest.Term) *strings.Replacer {
	seen := map[string]bool{}
	var names []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	for _, t := range terms {
		add(t.JA)
		add(t.Short)
	}
	for _, w := range titleWords {
		add(w)
	}
	// Longest first: strings.Replacer tries the old strings in argument
	// order at each position.
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	args := make([]string, 0, 2*len(names))
	for _, n := range names {
		args = append(args, n, "、")
	}
	return strings.NewReplacer(args...)
}
