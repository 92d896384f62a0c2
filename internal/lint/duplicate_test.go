package lint

import (
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
