package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"shuho/internal/digest"
)

// TestSameStory agrees with duplicate-item on pairs of items.
func TestSameStory(t *testing.T) {
	body := func(s string) []digest.Block { return []digest.Block{{Kind: digest.Paragraph, Text: s}} }
	long := "President Ilham Aliyev received the delegation led by the Speaker of the Senate of Pakistan in Baku on Tuesday and discussed cooperation in energy, defence and trade between the two countries."
	a := digest.Item{HeadlineEN: "Ilham Aliyev receives Pakistani delegation", Blocks: body(long)}
	same := digest.Item{HeadlineEN: "President receives delegation of Pakistan's Senate", Blocks: body(long + " The sides stressed their brotherly ties.")}
	other := digest.Item{HeadlineEN: "Ilham Aliyev receives Pakistani delegation", Blocks: body(strings.ReplaceAll(strings.ReplaceAll(long, "Pakistan", "Uzbekistan"), "Senate", "Oliy Majlis"))}
	if !SameStory(a, same) || !SameStory(same, a) {
		t.Errorf("one story told twice is not one")
	}
	if SameStory(a, other) {
		t.Errorf("two delegations are one story")
	}
}

// TestCatalogue: every message lint gives has its Japanese, with as many
// arguments; every word given as an argument (a block's kind, what is
// unpaired) too.
func TestCatalogue(t *testing.T) {
	add := regexp.MustCompile(`c\.add\([A-Za-z]+, [A-Za-z]+, [^"]*"((?:[^"\\]|\\.)*)"`)
	why := regexp.MustCompile(`return "((?:[^"\\]|\\.)*)", (?:nil|\[\]any)`)
	files, _ := filepath.Glob("*.go")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{add, why} {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				format, err := strconv.Unquote(`"` + m[1] + `"`)
				if err != nil || format == "" {
					continue
				}
				n++
				ja, ok := messagesJA[format]
				if !ok {
					t.Errorf("%s: no Japanese for %q", f, format)
					continue
				}
				if strings.Count(ja, "%") != strings.Count(format, "%") {
					t.Errorf("%q: the Japanese %q takes other arguments", format, ja)
				}
			}
		}
	}
	if n < 25 {
		t.Errorf("only %d messages found in the sources: the pattern has drifted from c.add", n)
	}
	for _, k := range []digest.BlockKind{digest.Paragraph, digest.Note, digest.List} {
		if wordsJA[string(k)] == "" {
			t.Errorf("no Japanese for the block kind %s", k)
		}
	}
}

// TestMessagesInJapanese: findings carry their message in Japanese, the
// words given as arguments too.
func TestMessagesInJapanese(t *testing.T) {
	d := &digest.Digest{Profile: "az", Title: "T", Period: digest.Period{From: digest.NewDate(2026, 11, 14), To: digest.NewDate(2026, 11, 20)},
		Sections: []digest.Section{{Number: 1, Key: "security", Title: "軍事・治安関係", Items: []digest.Item{{
			HeadlineJA: "", HeadlineEN: "Minister meets envoy",
			Blocks: []digest.Block{{Kind: digest.Paragraph, Text: "The **minister met the envoy."}}}}}}}
	want := map[string]string{HeadlineUnfinished: "和文見出しが空です", MarkupUnbalanced: "段落 1：対になっていない**（太字）があります",
		ItemWithoutCitation: "出典がありません"}
	got := map[string]string{}
	for _, f := range Check(d, nil, nil) {
		got[f.Rule] = f.MessageJA
	}
	for rule, w := range want {
		if !strings.Contains(got[rule], w) {
			t.Errorf("%s: %q, want it to hold %q", rule, got[rule], w)
		}
	}
}
