package lint

import "fmt"

// The findings' messages in Japanese, for the editor's pages: one entry
// for each English message (its format), with the same arguments in the
// same order; words that are arguments (a block's kind, what is unpaired)
// have theirs. TestCatalogue checks that every message lint can give has
// its Japanese.

// messagesJA maps each English format to its Japanese.
var messagesJA = map[string]string{
	"same English headline as item %d.%d":                                    "項目%d.%dと英文見出しが同じです",
	"the body repeats item %d.%d (%.0f%% of its word runs are shared)":       "本文が項目%d.%dの繰り返しです（語の並びの%.0f%%が共通）",
	"the period starts on %s, a day that does not exist":                     "期間の開始日%sは存在しない日付です",
	"the period ends on %s, a day that does not exist":                       "期間の終了日%sは存在しない日付です",
	"the period ends on %s, before it starts on %s":                          "期間の終了日%sが開始日%sより前です",
	"the period %s is not one of the profile's weeks (%s to %s, such as %s)": "期間%sはプロファイルの週（%sから%sまで、例えば%s）ではありません",
	"section numbered %d; expected %d (sections run 1, 2, 3, …)":             "欄の番号が%dです。%dのはずです（欄は1, 2, 3…と続きます）",
	"section “%s” has no items":                                              "欄「%s」に項目がありません",
	"section “%s” is none of the profile's sections (%s)":                    "欄「%s」はプロファイルの欄（%s）のどれでもありません",
	"the English headline is empty":                                          "英文見出しが空です",
	"Japanese headline: %s":                                                  "和文見出し：%s",
	"English headline: %s":                                                   "英文見出し：%s",
	"%s %d: %s":                                                              "%s %d：%s",
	"list entry %d ends with “%s”, but only the end of a list's last entry is read as its citation":                "箇条書き%d行目が「%s」で終わっていますが、出典として読むのは最後の行の末尾だけです",
	"the %s ends with “%s”, which looks like a citation but cannot be read as one; expected (OUTLET / DD.MM.YYYY)": "%sの末尾「%s」は出典のようですが読み取れません。(媒体名 / DD.MM.YYYY)の形にしてください",
	"no block of the item cites a source; expected (OUTLET / DD.MM.YYYY) at the end of a block":                    "項目のどの段落にも出典がありません。段落の末尾に(媒体名 / DD.MM.YYYY)を付けてください",
	"citation date %s is not a calendar date":                                                                      "出典の日付%sは実在の日付ではありません",
	"citation date %s is after the period %s":                                                                      "出典の日付%sが期間%sより後です",
	"citation date %s is before the period %s":                                                                     "出典の日付%sが期間%sより前です",
	"outlet %s is not among the outlets of profile %s":                                                             "媒体%sはプロファイル%sの媒体にありません",
	"the Japanese headline ends with 。; headlines end without it":                                                  "和文見出しが「。」で終わっています。見出しには付けません",
	"the Japanese headline uses a comma other than 、":                                                              "和文見出しに「、」以外の読点が使われています",
	"the headline writes %s; the glossary writes %s (%s)":                                                          "見出しは%sと書いていますが、用語集では%s（%s）です",
	"the headline abbreviates Russia as ロ; the profile writes 露":                                                   "見出しがロシアを「ロ」と略しています。プロファイルでは「露」です",
	"the headline abbreviates Russia as 露; the profile writes ロ":                                                   "見出しがロシアを「露」と略しています。プロファイルでは「ロ」です",
	"the Japanese headline is empty":                                                                               "和文見出しが空です",
	"the Japanese headline is a placeholder: %s":                                                                   "和文見出しが仮のままです：%s",
	"the Japanese headline holds no Japanese":                                                                      "和文見出しに日本語がありません",
	"the Japanese headline is only names (%s): it says who, not what happened":                                     "和文見出しが名前だけです（%s）。誰かは分かりますが、何が起きたかがありません",
}

// wordsJA are the Japanese of words that come as arguments.
var wordsJA = map[string]string{
	"paragraph": "段落", "note": "注記", "list": "箇条書き",
	"an unpaired ** and an unpaired *": "対になっていない**と*があります",
	"an unpaired ** (bold)":            "対になっていない**（太字）があります",
	"an unpaired * (italic)":           "対になっていない*（斜体）があります",
}

// japanese is a message in Japanese, or "" when the catalogue lacks it.
func japanese(format string, args []any) string {
	ja, ok := messagesJA[format]
	if !ok {
		return ""
	}
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		if w, ok := wordsJA[fmt.Sprint(a)]; ok { // a string, or a kind of one (digest.BlockKind)
			out[i] = w
		}
	}
	return fmt.Sprintf(ja, out...)
}
