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

// BenchmarkParsePathological reads 10 MB inputs built to be slow: one
// paragraph wrapped over 500,000 lines, and 200,000 lower-case paragraphs
// that all heal into one. Parsing must stay linear.
func BenchmarkParsePathological(b *testing.B) {
	wrapped := []byte(doc(item + string(bytes.Repeat([]byte("word word word\n"), 500_000))))
	healed := []byte(doc(item + "Start\n\n" + string(bytes.Repeat([]byte("more words here\n\n"), 200_000))))
	for _, in := range []struct {
		name string
		data []byte
	}{{"wrapped", wrapped}, {"healed", healed}} {
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
