package cluster

import (
	"strings"
	"testing"

	"shuho/internal/sample"
)

// sampleWeek is the bundled sample week (full-length articles of nine
// outlets, each labelled with its event) as a labelled set: the text the
// pipeline gives the index, paragraphs joined by blank lines and cut at
// 4000 bytes as the archive cuts it.
func sampleWeek(t testing.TB) []labelled {
	t.Helper()
	w, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	var out []labelled
	for i, a := range w.Articles {
		text := strings.Join(a.Paragraphs, "\n\n")
		if len(text) > 4000 {
			text = text[:4000]
		}
		out = append(out, labelled{ID: int64(i + 1), Outlet: a.Outlet, Published: a.Published,
			Event: a.Event, Title: a.Title, Text: text})
	}
	sortByPublished(out)
	return out
}
