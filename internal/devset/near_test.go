package devset

import "testing"

func TestNearMatch(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"アリエフ", "アリエフ", true},
		{"ハーカン・フィダン", "ハカン・フィダン", true},
		{"カシム＝ジョマルト・トカエフ", "カシム=ジョマルト・トカエフ", true},
		{"ナヒチェヴァン", "ナヒチェバン", true},
		{"ミルゾヤン", "アララト・ミルゾヤン", true},
		{"パンジキッゼ", "パンジキゼ", true},
		{"アリエフ", "アサドフ", false},
		{"イルハム・アリエフ", "ヘイダル・アリエフ", false},
	} {
		if got := NearMatch(tt.a, tt.b); got != tt.want {
			t.Errorf("NearMatch(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}
