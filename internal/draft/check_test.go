package draft

import (
	"slices"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	src := "On November 16, Defense Minister Zakir Hasanov held talks with Yasar Guler in Ankara. Revenues are projected at 35.1 billion manats, up 1,500 from 2025."
	tests := []struct {
		text string
		want []Flag
	}{
		{"On November 16, Defense Minister Zakir Hasanov met Yasar Guler in Ankara.", nil},
		{"On 16 November, Hasanov met Guler.", nil},
		{"Revenues are 35.1 billion manats, up 1500.", nil},
		{"On November 17, Hasanov met Guler.", []Flag{{"date", "November 17"}}},
		{"Revenues are 36.1 billion manats.", []Flag{{"number", "36.1"}}},
		{"Hasanov met Hulusi Akar in Istanbul.", []Flag{{"name", "Hulusi Akar"}, {"name", "Istanbul"}}},
		{"The sides met.", nil},
		// A verb that opens an editor's note is no name; two words that
		// open a sentence are.
		{"Added in the browser.", nil},
		{"Hulusi Akar attended.", []Flag{{"name", "Hulusi Akar"}}},
	}
	for _, tt := range tests {
		if got := Check(tt.text, src); !slices.Equal(got, tt.want) {
			t.Errorf("Check(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCheckNumberWords(t *testing.T) {
	src := "Security officers detained three officials and 25 suspects; seven people were released."
	tests := []struct {
		text string
		want []Flag
	}{
		{"Officers detained three officials.", nil},
		{"Officers detained seven officials.", nil}, // "seven" is in the source, of other people
		{"Officers detained 3 officials and twenty-five suspects.", nil},
		{"Officers detained four officials.", []Flag{{"number", "four"}}},
		{"Four officials were detained.", []Flag{{"number", "Four"}}},
		{"One of the officials was released.", nil}, // "one" is a pronoun as often
	}
	for _, tt := range tests {
		if got := Check(tt.text, src); !slices.Equal(got, tt.want) {
			t.Errorf("Check(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestCheckSources: the dates a summary writes for an article's dateline
// and relative days are the article's; other dates are not.
func TestCheckSources(t *testing.T) {
	art := Source{Text: "BAKU, January 2. The minister arrived in Baku on Wednesday, and met the ambassador yesterday.",
		Published: time.Date(2026, 1, 2, 15, 0, 0, 0, time.UTC)}
	if fl := CheckSources("On December 31, 2025, the minister arrived in Baku. He met the ambassador on January 1.", art); fl != nil {
		t.Errorf("the article's own dates flagged: %v", fl)
	}
	if fl := CheckSources("The minister arrived in Baku on December 30.", art); !slices.Equal(fl, []Flag{{"date", "December 30"}}) {
		t.Errorf("a date of no article: %v", fl)
	}
}
