package cluster

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// azHome is the sets' desk's own country, as the pipeline gives it.
var azHome = []string{"Azerbaijan", "Azerbaijani", "Azeri", "Azerbaijanis"}

var (
	tune = flag.Bool("tune", false, "sweep the thresholds over testdata/labelled.jsonl and log the figures")
	// show lists the pairs a held-out set gets wrong. Without it a
	// held-out set gives its figures alone, so that reading a test run
	// does not tune the code to the set that is to judge it.
	show = flag.Bool("show-heldout", false, "list the pairs the held-out dense sets get wrong")
)

// labelled is one article of the hand-labelled sets in testdata.
type labelled struct {
	ID        int64     `json:"id"`
	Outlet    string    `json:"outlet"`
	Published time.Time `json:"published"`
	Event     string    `json:"event"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Dup       int64     `json:"dup"`  // the original when this is a duplicate
	Near      bool      `json:"near"` // the duplicate is near, not exact
}

func loadLabelled(t testing.TB, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sortByPublished(out)
	return out
}

// sortByPublished puts a set in feed order: by publication, as collecting
// delivers them.
func sortByPublished(set []labelled) {
	slices.SortStableFunc(set, func(a, b labelled) int { return a.Published.Compare(b.Published) })
}

// quality holds pairwise precision and recall of story grouping and of
// duplicate detection.
type quality struct {
	storyP, storyR float64
	dupP, dupR     float64
	nearWrong      int // duplicates found with the wrong kind (near vs exact)
	stories        int
	// dupLabelled and dupFound count the set's duplicates and those
	// found.
	dupLabelled, dupFound int
}

func (q quality) String() string {
	if q.dupLabelled == 0 {
		// No figure: ratio(0, 0) is 1, and a set without duplicates
		// cannot show duplicates found.
		return fmt.Sprintf("stories: P %.3f R %.3f (%d stories); duplicates: none labelled, %d found",
			q.storyP, q.storyR, q.stories, q.dupFound)
	}
	return fmt.Sprintf("stories: P %.3f R %.3f (%d stories); duplicates: P %.3f R %.3f (%d of the wrong kind)",
		q.storyP, q.storyR, q.stories, q.dupP, q.dupR, q.nearWrong)
}

// evaluate runs the set through an index and scores it: story grouping over
// all pairs of documents (predicted same story against labelled same event),
// duplicates over the labelled (doc, original) pairs.
func evaluate(set []labelled, o Options, log func(string, ...any)) quality {
	return evaluateIndex(set, NewIndex(o), log)
}

// evaluateIndex is evaluate with an index made ready by the caller.
func evaluateIndex(set []labelled, x *Index, log func(string, ...any)) quality {
	story := map[int64]int64{}
	var q quality
	var dupTP, dupPred, dupTrue int
	byID := map[int64]labelled{}
	for _, l := range set {
		byID[l.ID] = l
		a := x.Add(Doc{ID: l.ID, Outlet: l.Outlet, Title: l.Title, Text: l.Text, Published: l.Published})
		story[l.ID] = a.Story
		for _, m := range a.Merged { // a bridge: the merged stories' articles are a.Story's
			for id, st := range story {
				if st == m {
					story[id] = a.Story
				}
			}
		}
		if l.Dup != 0 {
			dupTrue++
		}
		if a.Duplicate != 0 {
			dupPred++
			if a.Duplicate == l.Dup {
				dupTP++
				if a.Near != l.Near {
					q.nearWrong++
				}
			} else if log != nil {
				log("wrong duplicate: %d %q → %d (labelled %d)", l.ID, l.Title, a.Duplicate, l.Dup)
			}
		} else if l.Dup != 0 && log != nil {
			log("missed duplicate: %d %q of %d", l.ID, l.Title, l.Dup)
		}
	}
	var tp, fp, fn int
	for i, a := range set {
		for _, b := range set[i+1:] {
			same, pred := a.Event == b.Event, story[a.ID] == story[b.ID]
			switch {
			case same && pred:
				tp++
			case pred:
				fp++
				if log != nil {
					log("joined apart: %d %q + %d %q", a.ID, a.Title, b.ID, b.Title)
				}
			case same:
				fn++
				if log != nil {
					log("split: %d %q / %d %q", a.ID, a.Title, b.ID, b.Title)
				}
			}
		}
	}
	q.storyP, q.storyR = ratio(tp, tp+fp), ratio(tp, tp+fn)
	q.dupP, q.dupR = ratio(dupTP, dupPred), ratio(dupTP, dupTrue)
	q.dupLabelled, q.dupFound = dupTrue, dupPred
	ids := map[int64]bool{}
	for _, s := range story {
		ids[s] = true
	}
	q.stories = len(ids)
	return q
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestStoryQuality measures the default options on the sets they were
// tuned on (the labelled set of titles and leads, and the sample week of
// full-length articles) and on the held-out sets (written after they were
// frozen), and fails when a figure drops below its floor: the floors sit a
// little under what the code reaches, to catch regressions.
func TestStoryQuality(t *testing.T) {
	file := func(path string) func(testing.TB) []labelled {
		return func(t testing.TB) []labelled { return loadLabelled(t, path) }
	}
	for _, c := range []struct {
		name           string
		load           func(testing.TB) []labelled
		storyP, storyR float64
		dupP, dupR     float64
		heldOut        bool // its errors are not listed (see show)
	}{
		// Reached (defaults): labelled P 0.950 R 0.950, duplicates
		// 1.00/1.00; held-out P 0.882 R 1.000, duplicates 1.00/0.80;
		// sample week P 0.905 R 0.848 (its duplicates are not labelled:
		// one wire copy found counts as wrong); full-length held-out
		// P 0.778 R 0.913, no duplicates labelled or found.
		{"testdata/labelled.jsonl", file("testdata/labelled.jsonl"), 0.92, 0.92, 0.95, 0.95, false},
		{"testdata/heldout.jsonl", file("testdata/heldout.jsonl"), 0.84, 0.95, 0.95, 0.75, false},
		{"sample week", sampleWeek, 0.88, 0.82, 0, 0, false},
		{"testdata/heldout-full.jsonl", file("testdata/heldout-full.jsonl"), 0.74, 0.88, 0.95, 0.95, false},
		// The dense weeks (docs/quality.md has the story): development
		// P 0.783 R 0.847 before the event rules, 0.989 / 0.898 now;
		// second development set 0.587 / 0.804, now 0.949 / 0.815; third
		// development set (2026-12-07) 0.463 / 0.700 before, 0.667 /
		// 0.675 on arrival, 0.769 / 0.750 now; first test set (seen)
		// 0.314 / 0.836, now 0.690 / 0.795; second test set (never
		// seen) 0.533 / 0.449 before this session's rules, 0.624 / 0.417
		// now — both short of the 0.90 / 0.85 wanted of a test set.
		{"testdata/dense-dev.jsonl", file("testdata/dense-dev.jsonl"), 0.97, 0.88, 0.95, 0.95, false},
		{"testdata/dense-dev2.jsonl", file("testdata/dense-dev2.jsonl"), 0.93, 0.80, 0.95, 0.95, false},
		{"testdata/dense-dev3.jsonl", file("testdata/dense-dev3.jsonl"), 0.75, 0.73, 0.95, 0.95, false},
		{"testdata/dense-test.jsonl", file("testdata/dense-test.jsonl"), 0.67, 0.78, 0.85, 0.95, true},
		{"testdata/dense-test2.jsonl", file("testdata/dense-test2.jsonl"), 0.60, 0.40, 0.60, 0.60, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			set := c.load(t)
			log := t.Logf
			if c.heldOut && !*show {
				log = nil
			}
			q := evaluate(set, Options{Home: azHome}, log)
			t.Logf("%s (%d articles): %v", c.name, len(set), q)
			// Duplicates are judged on a set that labels some; on one
			// that labels none, any found is wrong.
			dupsBelow := q.dupLabelled > 0 && (q.dupP < c.dupP || q.dupR < c.dupR) || q.dupLabelled == 0 && q.dupFound > 0 && c.dupP > 0
			if q.storyP < c.storyP || q.storyR < c.storyR || dupsBelow {
				t.Errorf("below the floors (stories P %.2f R %.2f, duplicates P %.2f R %.2f)", c.storyP, c.storyR, c.dupP, c.dupR)
			}
		})
	}
}

// TestTune sweeps the thresholds; run with -tune.
func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune")
	}
	set := loadLabelled(t, "testdata/labelled.jsonl")
	for _, link := range []float64{1, 0.75, 0.5, 0.25} {
		for _, join := range []float64{0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.34} {
			for _, pen := range []float64{-1, 0.02, 0.04, 0.06, 0.08} {
				q := evaluate(set, Options{Join: join, DayPenalty: pen, Link: link}, nil)
				f := 2 * q.storyP * q.storyR / (q.storyP + q.storyR)
				t.Logf("link %.2f join %.2f penalty %.2f: F1 %.3f %v", link, join, pen, f, q)
			}
		}
	}
}
