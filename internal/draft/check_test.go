package draft

import (
	"slices"
	"testing"
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
	}
	for _, tt := range tests {
		if got := Check(tt.text, src); !slices.Equal(got, tt.want) {
			t.Errorf("Check(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
