package devset_test

import (
	"context"
	"strings"
	"testing"

	"shuho/internal/chrf"
	"shuho/internal/devset"
	"shuho/internal/draft"
	"shuho/internal/glossary"
	"shuho/internal/lint"
	"shuho/internal/pipeline"
	"shuho/internal/rank"
)

// The figures on the test sets, which were written by other hands before
// the code was tuned on them and are never tuned on (TESTSET.md,
// NAMES-REAL.md): the figures that count. docs/quality.md gives them
// beside the development set's.
//
//	go test -count=1 -run TestHeldOut -v ./internal/devset
//
// Only the figures are logged, never the items, so that reading the log
// tunes nothing.

func TestHeldOutSections(t *testing.T) {
	items, err := devset.TestSet()
	if err != nil {
		t.Fatal(err)
	}
	var hs []devset.Headline
	for _, it := range items {
		hs = append(hs, it.Headline)
	}
	p := azProfile(t)
	for _, m := range []struct {
		name string
		rm   *rank.Model
	}{
		{"built-in cues alone", rank.Builtin()},
		{"cues + the sample week as archive", rank.TrainWith(sampleExamples(t))},
	} {
		f := measureSections(rank.New(p, m.rm), hs)
		acc, out, keep := f.accuracy(), float64(f.noiseOut)/float64(f.noise), float64(f.kept)/float64(f.n)
		t.Logf("test set, %s: section accuracy %.3f (%d/%d), noise left out %.3f (%d/%d), politics kept %.3f (%d/%d)",
			m.name, acc, f.right, f.n, out, f.noiseOut, f.noise, keep, f.kept, f.n)
		// The targets: accuracy 0.90, noise left out 0.80,
		// politics kept 0.95.
		if acc < 0.90 || out < 0.80 || keep < 0.95 {
			t.Errorf("%s: accuracy %.3f, noise left out %.3f, politics kept %.3f", m.name, acc, out, keep)
		}
	}
}

func TestHeldOutHeadlines(t *testing.T) {
	items, err := devset.TestSet()
	if err != nil {
		t.Fatal(err)
	}
	p := azProfile(t)
	g, err := pipeline.Glossary(context.Background(), nil, p)
	if err != nil {
		t.Fatal(err)
	}
	h := &draft.Headliner{G: g, Home: "AZ"}
	var hyps, refs, dHyps, dRefs []string
	drafted, exact, unfinished := 0, 0, 0
	for _, it := range items {
		if it.Section == devset.None {
			continue
		}
		d := h.TranslateOn(it.HeadlineEN, it.Lead, it.Date)
		hyps, refs = append(hyps, d.JA), append(refs, it.HeadlineJA)
		if d.JA == "" {
			continue
		}
		drafted++
		dHyps, dRefs = append(dHyps, d.JA), append(dRefs, it.HeadlineJA)
		if d.JA == it.HeadlineJA {
			exact++
		}
		if lint.Unfinished(d.JA, nil) != "" {
			unfinished++
		}
	}
	all, some := chrf.Corpus(hyps, [][]string{refs}), chrf.Corpus(dHyps, [][]string{dRefs})
	t.Logf("test set headlines: corpus chrF %.1f over all %d (empty drafts count as empty), %.1f over the %d drafted; %d identical; %d unfinished",
		all, len(hyps), some, drafted, exact, unfinished)
	if unfinished > 0 {
		t.Errorf("%d drafted headlines are unfinished", unfinished)
	}
	// Floors under today's figures, to catch a fall: what is drafted
	// must stay close to the desk's, and at least half must be drafted.
	if some < 45 || float64(drafted)/float64(len(hyps)) < 0.5 {
		t.Errorf("test set headlines: chrF %.1f over the drafted (floor 45), %d of %d drafted (floor half)", some, drafted, len(hyps))
	}
}

func TestHeldOutNames(t *testing.T) {
	p := azProfile(t)
	g, err := pipeline.Glossary(context.Background(), nil, p)
	if err != nil {
		t.Fatal(err)
	}
	vu := p.Style.V != "バ"
	for _, half := range []string{"dev", "test"} {
		ns, err := devset.RealNames(half)
		if err != nil {
			t.Fatal(err)
		}
		exact, near, rulesNear, inG := 0, 0, 0, 0
		var misses []string
		for _, n := range ns {
			r := g.Name(n.En, n.Origin)
			if !r.ByRule {
				inG++
			}
			if r.JA == n.JA {
				exact++
			}
			if devset.NearMatch(r.JA, n.JA) {
				near++
			} else if half == "dev" {
				misses = append(misses, n.En+" "+r.JA+"≠"+n.JA)
			}
			if devset.NearMatch(glossary.Transliterate(n.En, glossary.TranslitOptions{VU: vu, Origin: n.Origin}), n.JA) {
				rulesNear++
			}
		}
		total := float64(len(ns))
		t.Logf("real names (%s, %d): exact %.3f, near %.3f with the glossary (%d in it); near %.3f by the rules alone",
			half, len(ns), float64(exact)/total, float64(near)/total, inG, float64(rulesNear)/total)
		// The target is near 0.85; the floor is just under the
		// test half's figure today, to catch a fall.
		if float64(near)/total < 0.84 {
			t.Errorf("real names (%s): near %.3f, below 0.84", half, float64(near)/total)
		}
		if half == "dev" {
			// Only the development half's misses are shown.
			t.Logf("dev misses: %s", strings.Join(misses, "; "))
		}
	}
}
