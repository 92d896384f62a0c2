package textfmt

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"shuho/internal/digest/digesttest"
)

func generated(b *testing.B, items int) []byte {
	r := rand.New(rand.NewPCG(1, 1))
	return Format(digesttest.Digest(r, digesttest.Options{Items: items, InvalidDates: 0.01}))
}

func BenchmarkParse500(b *testing.B) {
	text := generated(b, 500)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text, profile()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormat500(b *testing.B) {
	text := generated(b, 500)
	r, err := Parse(text, profile())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Format(r.Digest)
	}
}

// BenchmarkParsePathological reads inputs built to be slow: one paragraph
// wrapped over 500,000 lines, 200,000 lower-case paragraphs that all heal
// into one, 50,000 citation groups ending one paragraph, 50,000 lines each
// closed by a citation, 50,000 running feet. Parsing must stay linear.
func BenchmarkParsePathological(b *testing.B) {
	rep := func(s string, n int) string { return string(bytes.Repeat([]byte(s), n)) }
	for _, in := range []struct {
		name string
		data []byte
	}{
		{"wrapped", []byte(doc(item + rep("word word word\n", 500_000)))},
		{"healed", []byte(doc(item + "Start\n\n" + rep("more words here\n\n", 200_000)))},
		{"citation-groups", []byte(doc(item + "Text" + rep(" (APA / 1.1.2026)", 50_000)))},
		{"cited-lines", []byte(doc(item + rep("Text (APA / 1.1.2026)\n", 50_000)))},
		{"running-feet", []byte(doc(item + rep("在アゼルバイジャン大使館\nx\n", 50_000)))},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				if _, err := Parse(in.data, profile()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
