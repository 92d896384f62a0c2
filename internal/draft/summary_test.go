package draft

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"One. Two three.", []string{"One.", "Two three."}},
		{"Col. Gen. Zakir Hasanov met him. Talks followed.", []string{"Col. Gen. Zakir Hasanov met him.", "Talks followed."}},
		{"Revenues are 35.1 billion manats. Costs rose.", []string{"Revenues are 35.1 billion manats.", "Costs rose."}},
		{`He said: "We agree." The sides signed.`, []string{`He said: "We agree."`, "The sides signed."}},
		{"First para.\n\nSecond para", []string{"First para.", "Second para"}},
		{"I. Aliyev spoke. On Nov. 16 he left.", []string{"I. Aliyev spoke.", "On Nov. 16 he left."}},
		{"Is it? Yes! 2026 begins.", []string{"Is it?", "Yes!", "2026 begins."}},
		{"visit to the U.S. on Monday.", []string{"visit to the U.S. on Monday."}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	text := `Baku, November 16, AZERTAG. On November 16, Defense Minister Colonel General Zakir Hasanov held talks with Turkish National Defense Minister Yasar Guler in Ankara.

The ministers reviewed the implementation of the joint military training plan for 2026 and discussed preparations for next year's exercises. They also exchanged views on regional security.

Photo: the press service of the ministry of defense. He noted that the cooperation serves peace in the region. The sides signed a protocol on cooperation in military education.

Follow us on Telegram for the latest news.`
	s := Summarize(text, 0)
	all := strings.Join(s.Paragraphs, " ")
	if len(s.Paragraphs) == 0 || len(s.Paragraphs) > 3 || s.Words > 120 {
		t.Fatalf("summary %d paragraphs, %d words: %q", len(s.Paragraphs), s.Words, s.Paragraphs)
	}
	if !strings.HasPrefix(s.Paragraphs[0], "On November 16, Defense Minister") {
		t.Errorf("the lead is not first: %q", s.Paragraphs[0])
	}
	// Only the text's own sentences, none of its boilerplate, and no
	// sentence leaning on one left out.
	for _, sent := range Sentences(all) {
		if !strings.Contains(text, sent) {
			t.Errorf("%q is not the source's", sent)
		}
	}
	if strings.Contains(all, "Follow us") || strings.Contains(all, "He noted") {
		t.Errorf("boilerplate or a dependent sentence kept: %q", all)
	}
	if !strings.Contains(all, "They also exchanged") {
		t.Errorf("a dependent sentence right after its antecedent was dropped: %q", all)
	}
	// A tight limit keeps whole sentences.
	short := Summarize(text, 30)
	if len(short.Paragraphs) != 1 || !strings.HasSuffix(short.Paragraphs[0], "Ankara.") {
		t.Errorf("30 words: %q", short.Paragraphs)
	}
	if got := Summarize("", 0); len(got.Paragraphs) != 0 {
		t.Errorf("empty text: %q", got.Paragraphs)
	}
}

func FuzzSummarize(f *testing.F) {
	f.Add("One sentence here that is long enough. He said so. Another one follows here today.", 20)
	f.Add("\n\n. . !! ?? Mr. Dr. U.S. 2.5", 0)
	f.Add("Baku, November 15 (AZERTAG). The minister met the ambassador in Baku – APA reports.", 0)
	f.Fuzz(func(t *testing.T, text string, max int) {
		if max > 1000 || max < -1 {
			return
		}
		summaryInvariants(t, text, time.Time{}, max)
	})
}

// FuzzSummarizeArticle: with the article's date, relative days become
// dates; still nothing is invented.
func FuzzSummarizeArticle(f *testing.F) {
	f.Add("BAKU, Azerbaijan, February 7. The President received the minister yesterday in Baku.", 0, int64(20491))
	f.Add("The court ruled on Wednesday that he was guilty of fraud. \"We appeal. We will win,\" he said.", 30, int64(20000))
	f.Add("Dear friends! I welcome you all here today in Baku. The minister opened the forum on Monday.", 0, int64(-3))
	f.Fuzz(func(t *testing.T, text string, max int, days int64) {
		if max > 1000 || max < -1 || days < -100000 || days > 100000 {
			return
		}
		summaryInvariants(t, text, time.Unix(days*86400, 0).UTC(), max)
	})
}

// summaryInvariants: at most three paragraphs; every word of the summary is
// a word of the text or one that its rewrites write (a date, "on",
// "according to", the past of "has been"); CheckSources finds nothing.
func summaryInvariants(t *testing.T, text string, published time.Time, max int) {
	t.Helper()
	s := SummarizeArticle(text, published, max)
	if len(s.Paragraphs) > 3 {
		t.Errorf("%d paragraphs", len(s.Paragraphs))
	}
	have := map[string]bool{"on": true, "according": true, "to": true, "was": true, "were": true}
	for m := time.January; m <= time.December; m++ {
		have[strings.ToLower(m.String())] = true
	}
	for _, w := range strings.Fields(foldText(text)) {
		have[w] = true
	}
	all := strings.Join(s.Paragraphs, "\n")
	for _, w := range strings.Fields(foldText(all)) {
		if !have[w] && strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			t.Errorf("%q is not a word of the text: %q", w, all)
		}
	}
	if fl := CheckSources(all, Source{Text: text, Published: published}); len(fl) > 0 {
		t.Errorf("%v in %q", fl, all)
	}
}
