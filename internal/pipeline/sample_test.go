package pipeline_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/pipeline"
	"shuho/internal/profile"
	"shuho/internal/sample"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestSampleWeek collects the bundled sample week from its loopback server
// through the real path (guarded fetch, feeds of every kind and a list page,
// page extraction, clustering, SQLite): the path shuho demo runs. It checks
// that every article that its outlet's feed or list links is stored with its
// text, that the broken feed is reported, and measures the stories against
// the week's labelled events.
//
// It runs twice: in one pass over all nine outlets, and in two (four outlets,
// then all nine), where the second pass's articles join the stories the
// first made, as a desk's collecting does through the week. Stories are not
// merged afterwards, so an event that the first pass split stays split: the
// second figure is the lower one.
func TestSampleWeek(t *testing.T) {
	for _, tt := range []struct {
		name               string
		firstPass          int // outlets of a first pass; 0: one pass
		minPrec, minRecall float64
	}{
		{"one pass", 0, 0.88, 0.82},
		{"two passes", 4, 0.85, 0.68},
	} {
		t.Run(tt.name, func(t *testing.T) { testSampleWeek(t, tt.firstPass, tt.minPrec, tt.minRecall) })
	}
}

func testSampleWeek(t *testing.T, firstPass int, minPrec, minRecall float64) {
	w, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := sample.Start(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	p.Outlets = append(p.Outlets, srv.Outlets()...)
	s := storetest.Open(t, store.SQLite)
	c := &pipeline.Collector{Store: s, Fetch: testClient(t, "shuho-test"), Profile: p, Owner: "test"}
	var first []pipeline.Report
	if firstPass > 0 {
		p.Sources = srv.Sources()[:firstPass]
		if first, err = c.CollectAll(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	p.Sources = srv.Sources()
	start := time.Now()
	reports, err := c.CollectAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	for i, r := range first {
		reports[i].New += r.New // the second pass found them stored
	}
	stored := 0
	for _, r := range reports {
		t.Logf("%-14s new %3d  duplicate %2d  failed %2d  err %v", r.Source, r.New, r.Duplicate, r.Failed, r.Err)
		stored += r.New
		if r.Failed > 0 {
			t.Errorf("%s: %d pages failed: %v", r.Source, r.Failed, r.Errors)
		}
	}
	t.Logf("%d articles in %v", stored, took.Round(time.Millisecond))
	// The broken feed is read up to its fault, and the fault recorded on
	// its source for the sources page.
	srcs, err := s.Sources(context.Background(), p.Key)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range srcs {
		broken := st.Key == "ganjadaily"
		if broken != (st.LastError != "") || st.LastSuccess.IsZero() {
			t.Errorf("source %s: last success %v, last error %q", st.Key, st.LastSuccess, st.LastError)
		}
	}

	stories, err := s.Stories(context.Background(), p.Key, w.Start.Add(-24*time.Hour), w.Start.Add(8*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	// Each stored article, matched to its file by its first paragraph's
	// opening words.
	byLead := map[string]sample.Article{}
	for _, a := range w.Articles {
		byLead[lead(a.Paragraphs[0])] = a
	}
	found := map[string]bool{}
	storyOf := map[string]int64{}
	for _, st := range stories {
		for _, a := range st.Articles {
			sa, ok := byLead[lead(a.Text)]
			if !ok {
				t.Errorf("article %s: its text does not begin as any sample article does: %.80q", a.URL, a.Text)
				continue
			}
			found[sa.Name] = true
			storyOf[sa.Name] = st.ID
			if a.Outlet != sa.Outlet {
				t.Errorf("%s: outlet %s, want %s", sa.Name, a.Outlet, sa.Outlet)
			}
			for _, para := range sa.Paragraphs {
				if !strings.Contains(a.Text, para) {
					t.Errorf("%s: paragraph missing from the extracted text: %.60q", sa.Name, para)
				}
			}
		}
	}
	missing := 0
	for _, a := range w.Articles {
		if !found[a.Name] {
			missing++
			t.Logf("not collected: %s (%s)", a.Name, a.Outlet)
		}
	}
	// Ganja Daily's feed is cut off in its oldest item: a tolerant reader
	// still finds the links before the cut, so at most that one is lost.
	if missing > 1 {
		t.Errorf("%d of %d sample articles not collected", missing, len(w.Articles))
	}

	// Stories against the labelled events: pairs of articles in one story
	// that tell one event (precision), and pairs telling one event that
	// are in one story (recall).
	var tp, fp, fn int
	names := make([]sample.Article, 0, len(w.Articles))
	for _, a := range w.Articles {
		if found[a.Name] {
			names = append(names, a)
		}
	}
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			same := names[i].Event == names[j].Event
			together := storyOf[names[i].Name] == storyOf[names[j].Name]
			switch {
			case same && together:
				tp++
			case together:
				fp++
				t.Logf("joined, different events: %s / %s", names[i].Name, names[j].Name)
			case same:
				fn++
				t.Logf("apart, one event: %s / %s", names[i].Name, names[j].Name)
			}
		}
	}
	prec, rec := ratio(tp, tp+fp), ratio(tp, tp+fn)
	t.Logf("stories: %d; pairs: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", len(stories), prec, rec, tp, fp, fn)
	if prec < minPrec || rec < minRecall {
		t.Errorf("story precision %.3f, recall %.3f; want at least %.2f and %.2f", prec, rec, minPrec, minRecall)
	}
	_ = digest.FeedSource
}

func lead(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(len(f), 12)], " ")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
