package fulltext

import (
	"strings"
	"testing"
)

// articleEN is 3 KB of English news text, the size of a typical article
// body in the archive (cut where no character is split).
var articleEN = strings.Repeat(`Azerbaijan's Foreign Minister Jeyhun Bayramov held talks in Baku on Tuesday
with his counterpart from Kazakhstan, discussing the peace process with Armenia,
regional transport corridors and energy cooperation. "We value the strategic
partnership between our countries," Bayramov said at a joint press conference,
adding that trade had grown by 35.1% in the first nine months of the year.
President Ilham Əliyev later received the delegation at the Presidential Palace.
`, 8)[:3000]

const headlineJA = "アゼルバイジャンのバイラモフ外相、カザフスタン外相とバクーで会談　平和プロセスと輸送回廊を協議"

func BenchmarkAnalyze(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"english-3KB", articleEN},
		{"japanese-headline", headlineJA},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				Analyze(bc.text)
			}
		})
	}
}

func BenchmarkTSVector(b *testing.B) {
	t := Analyze(articleEN)
	b.ReportAllocs()
	for b.Loop() {
		t.TSVector(0)
	}
}

func BenchmarkSnippet(b *testing.B) {
	q := mustParse(b, `"peace process" 外相`)
	b.ReportAllocs()
	for b.Loop() {
		Snippet(articleEN, q, 160)
	}
}
