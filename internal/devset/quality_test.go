package devset_test

import (
	"cmp"
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"shuho/internal/chrf"
	"shuho/internal/draft"
	"shuho/internal/glossary"
	"shuho/internal/pipeline"

	"shuho/internal/devset"
	"shuho/internal/digest"
	"shuho/internal/profile"
	"shuho/internal/rank"
	"shuho/internal/sample"
)

// The figures of docs/quality.md, measured on the development set, which
// was written for the project apart from the code it measures:
//
//	go test -count=1 -run TestQuality -v ./internal/devset
//
// Each figure is logged; the test fails when one falls below the floor
// given beside it (the target where it sets one).

// sampleExamples are the sample week's labelled articles as an archive
// would give them: a different set, by other hands, from the one measured.
func sampleExamples(t *testing.T) []rank.Example {
	w, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	var ex []rank.Example
	for _, a := range w.Articles {
		ex = append(ex, rank.Example{Class: a.Section, Text: a.Title + ". " + strings.Join(a.Paragraphs, " ")})
	}
	return ex
}

func azProfile(t *testing.T) *digest.Profile {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestQualitySections(t *testing.T) {
	hs, err := devset.Headlines()
	if err != nil {
		t.Fatal(err)
	}
	p := azProfile(t)
	for _, m := range []struct {
		name  string
		model *rank.Model
		floor float64
	}{
		{"built-in cues alone", rank.Builtin(), 0.85},
		{"cues + the sample week as archive", rank.TrainWith(sampleExamples(t)), 0.90},
	} {
		f := measureSections(rank.New(p, m.model), hs)
		t.Logf("section accuracy, %s: %.3f (%d/%d); noise kept out %d/%d; politics kept %d/%d; errors %v",
			m.name, f.accuracy(), f.right, f.n, f.noiseOut, f.noise, f.kept, f.n, f.confusion)
		if f.accuracy() < m.floor {
			t.Errorf("section accuracy, %s: %.3f, below %.2f", m.name, f.accuracy(), m.floor)
		}
	}
}

// sectionFigures are the section classifier's figures on a set.
type sectionFigures struct {
	right, n, kept, noiseOut, noise int
	confusion                       map[string]int
}

func (f sectionFigures) accuracy() float64 { return float64(f.right) / float64(f.n) }

// measureSections classifies each item of a set as the drafter does, from
// its headline and lead.
func measureSections(r *rank.Ranker, hs []devset.Headline) sectionFigures {
	f := sectionFigures{confusion: map[string]int{}}
	for _, h := range hs {
		res := r.Classify(h.HeadlineEN, h.Lead)
		if h.Section == devset.None {
			f.noise++
			if res.Section == rank.None {
				f.noiseOut++
			}
			continue
		}
		f.n++
		if res.Section != rank.None {
			f.kept++
		}
		if res.Section == h.Section {
			f.right++
		} else {
			f.confusion[h.Section+"→"+res.Section]++
		}
	}
	return f
}

// TestQualityRelevance ranks the sample week's stories (its articles
// grouped by their labelled event, as clustering would group them) and
// measures the top 25: how many are for the digest at all, and how many
// are in their own section.
func TestQualityRelevance(t *testing.T) {
	w, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	p := azProfile(t)
	for _, o := range w.Outlets {
		p.Sources = append(p.Sources, digest.Source{Outlet: o.Label, Weight: 0.7})
	}
	events := map[string]*digest.Story{}
	section := map[string]string{}
	var order []string
	for _, a := range w.Articles {
		key := a.Event
		if key == "" {
			key = a.Name
		}
		st := events[key]
		if st == nil {
			st = &digest.Story{Title: a.Title}
			events[key] = st
			order = append(order, key)
			section[key] = a.Section
		}
		st.Articles = append(st.Articles, digest.Article{Outlet: a.Outlet, Title: a.Title, Text: strings.Join(a.Paragraphs, "\n\n"), Published: a.Published})
		if !slices.Contains(st.Outlets, a.Outlet) {
			st.Outlets = append(st.Outlets, a.Outlet)
		}
		if a.Published.After(st.Last) {
			st.Last = a.Published
		}
	}
	end := w.Start.AddDate(0, 0, 7)
	type scored struct {
		key string
		res rank.Result
	}
	g, err := pipeline.Glossary(context.Background(), nil, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct {
		name  string
		model *rank.Model
		g     *glossary.Glossary
	}{{"built-in cues alone", rank.Builtin(), nil}, {"built-in cues and the glossary's people and places", rank.Builtin(), g}} {
		r := rank.New(p, m.model)
		r.G, r.Home = m.g, "AZ"
		var all []scored
		for _, k := range order {
			all = append(all, scored{k, r.Rank(*events[k], end)})
		}
		slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(b.res.Relevance, a.res.Relevance) })
		top := all[:min(25, len(all))]
		relevant, placed := 0, 0
		for _, s := range top {
			if section[s.key] != "none" {
				relevant++
				if s.res.Section == section[s.key] {
					placed++
				}
			}
		}
		prec := float64(relevant) / float64(len(top))
		t.Logf("relevance, %s: precision of the top %d of %d stories %.2f (%d for the digest, %d of them in their section)", m.name, len(top), len(all), prec, relevant, placed)
		if prec < 0.9 {
			t.Errorf("precision of the top 25: %.2f, below 0.9", prec)
		}
	}
}

// TestQualityHeadlines drafts the Japanese headline of every digest item
// of the set from its English headline and lead, and scores the drafts
// against the desk's headlines with chrF (character 6-grams, β = 2, as
// sacreBLEU computes it).
func TestQualityHeadlines(t *testing.T) {
	hs, err := devset.Headlines()
	if err != nil {
		t.Fatal(err)
	}
	p := azProfile(t)
	g, err := pipeline.Glossary(context.Background(), nil, p)
	if err != nil {
		t.Fatal(err)
	}
	h := &draft.Headliner{G: g, Home: "AZ"}
	var hyps []string
	var refs []string
	engines := map[string]int{}
	exact := 0
	start := time.Now()
	for _, x := range hs {
		if x.Section == devset.None {
			continue
		}
		d := h.Translate(x.HeadlineEN, x.Lead)
		engines[d.Engine]++
		hyps = append(hyps, d.JA)
		refs = append(refs, x.HeadlineJA)
		if d.JA == x.HeadlineJA {
			exact++
		}
	}
	took := time.Since(start)
	score := chrf.Corpus(hyps, [][]string{refs})
	var sum float64
	for i := range hyps {
		sum += chrf.Sentence(hyps[i], refs[i])
	}
	t.Logf("headlines: corpus chrF %.1f, mean sentence chrF %.1f, exact %d/%d, engines %v (%v)", score, sum/float64(len(hyps)), exact, len(hyps), engines, took.Round(time.Millisecond))
	if score < 30 {
		t.Errorf("corpus chrF %.1f", score)
	}
}

// TestQualityNames renders every name of the set as the glossary and the
// rules do, and counts exact matches with the form Japanese media write:
// with the whole glossary (seed and profile), and by the rules alone.
func TestQualityNames(t *testing.T) {
	ns, err := devset.Names()
	if err != nil {
		t.Fatal(err)
	}
	p := azProfile(t)
	g, err := pipeline.Glossary(context.Background(), nil, p)
	if err != nil {
		t.Fatal(err)
	}
	vu := p.Style.V != "バ"
	withG, rules, inG := 0, 0, 0
	byOrigin := map[string][2]int{}
	var misses []string
	for _, n := range ns {
		r := g.Name(n.En, n.Origin)
		if !r.ByRule {
			inG++
		}
		if r.JA == n.JA {
			withG++
		}
		byRule := glossary.Transliterate(n.En, glossary.TranslitOptions{VU: vu, Origin: n.Origin})
		c := byOrigin[n.Origin]
		c[1]++
		if byRule == n.JA {
			rules++
			c[0]++
		} else if len(misses) < 25 {
			misses = append(misses, n.En+" "+byRule+"≠"+n.JA)
		}
		byOrigin[n.Origin] = c
	}
	total := float64(len(ns))
	t.Logf("names: exact %.3f with the glossary (%d/%d; %d of them in it), %.3f by the rules alone (%d/%d); by origin (rules) %v", float64(withG)/total, withG, len(ns), inG, float64(rules)/total, rules, len(ns), byOrigin)
	// An audit found many of these names among the rules' own test
	// cases, written while the rules were made: the rules' figure on the
	// rest is the one that says something.
	src, err := os.ReadFile("../glossary/translit_test.go")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{}
	for _, m := range regexp.MustCompile(`\{"([^"]+)",\s*"[a-z]*",\s*(?:true|false),\s*"([^"]+)"\}`).FindAllStringSubmatch(string(src), -1) {
		cases[m[1]+"\t"+m[2]] = true
	}
	apart, apartRight := 0, 0
	for _, n := range ns {
		if cases[n.En+"\t"+n.JA] {
			continue
		}
		apart++
		if glossary.Transliterate(n.En, glossary.TranslitOptions{VU: vu, Origin: n.Origin}) == n.JA {
			apartRight++
		}
	}
	t.Logf("names: %d of %d are also cases of the rules' own test; on the other %d the rules alone score %.3f (%d)",
		len(ns)-apart, len(ns), apart, float64(apartRight)/float64(apart), apartRight)
	t.Logf("rule misses (first 25): %s", strings.Join(misses, "; "))
	if float64(withG)/total < 0.8 || float64(rules)/total < 0.6 {
		t.Errorf("names: %.3f with the glossary (floor 0.8), %.3f by rule (floor 0.6)", float64(withG)/total, float64(rules)/total)
	}
}

// BenchmarkTranslateDevset drafts the Japanese headlines of the set's
// digest items, with their leads, one after another: headlines per second
// on one core. Target: at least 1,000/s.
//
//	go test -run '^$' -bench BenchmarkTranslateDevset ./internal/devset
func BenchmarkTranslateDevset(b *testing.B) {
	hs, err := devset.Headlines()
	if err != nil {
		b.Fatal(err)
	}
	p, err := profile.Builtin("az")
	if err != nil {
		b.Fatal(err)
	}
	g, err := pipeline.Glossary(context.Background(), nil, p)
	if err != nil {
		b.Fatal(err)
	}
	h := &draft.Headliner{G: g, Home: "AZ"}
	b.ResetTimer()
	start := time.Now()
	for i := range b.N {
		x := hs[i%len(hs)]
		h.Translate(x.HeadlineEN, x.Lead)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "headlines/s")
}

// TestQualityTemplates measures the template memory leave-one-out, with
// the set's digest items as the archive: each item is drafted with a
// memory of every other item's headline pair. Coverage is the share a
// template drafted; precision the share of those the desk wrote word for
// word, with their chrF; and the chrF of the whole set with the memory
// against the rules alone, for exact skeletons and for skeletons within
// function words of each other (Memory.Loose).
func TestQualityTemplates(t *testing.T) {
	hs, err := devset.Headlines()
	if err != nil {
		t.Fatal(err)
	}
	g, err := pipeline.Glossary(context.Background(), nil, azProfile(t))
	if err != nil {
		t.Fatal(err)
	}
	var items []devset.Headline
	var pairs []draft.Pair
	for _, x := range hs {
		if x.Section != devset.None {
			items = append(items, x)
			pairs = append(pairs, draft.Pair{EN: x.HeadlineEN, JA: x.HeadlineJA})
		}
	}
	rules := &draft.Headliner{G: g, Home: "AZ"}
	for _, m := range []struct {
		name       string
		loose      bool
		coverage   float64 // floor
		chrFGained float64 // may be negative: the most the whole set may lose
	}{
		// Precision is logged, not floored: on 15 items one item is 0.07.
		// What must hold is that the items a template writes are written
		// about as well as the rules write them (within 3 chrF), and
		// that the set as a whole loses at most one point.
		{"exact skeletons", false, 0.07, -1},
		{"skeletons within function words", true, 0.07, -1},
	} {
		var refs, withT, without, tHyp, tRef, tRules []string
		used, exact, rulesExact := 0, 0, 0
		for i, x := range items {
			others := append(slices.Clip(pairs[:i]), pairs[i+1:]...)
			mem := draft.NewMemory(g, "AZ", others)
			mem.Loose = m.loose
			h := &draft.Headliner{G: g, Home: "AZ", Memory: mem}
			d := h.Translate(x.HeadlineEN, x.Lead)
			r := rules.Translate(x.HeadlineEN, x.Lead)
			refs, withT, without = append(refs, x.HeadlineJA), append(withT, d.JA), append(without, r.JA)
			if d.Engine == "template" {
				used++
				tHyp, tRef, tRules = append(tHyp, d.JA), append(tRef, x.HeadlineJA), append(tRules, r.JA)
				if d.JA == x.HeadlineJA {
					exact++
				}
				if r.JA == x.HeadlineJA {
					rulesExact++
				}
				if testing.Verbose() && d.JA != x.HeadlineJA {
					t.Logf("  %s: %s\n\tdesk %s\n\ttemplate %s\n\trules %s", x.ID, x.HeadlineEN, x.HeadlineJA, d.JA, r.JA)
				}
			}
		}
		coverage := float64(used) / float64(len(items))
		precision := float64(exact) / float64(max(used, 1))
		tc, tr := chrf.Corpus(tHyp, [][]string{tRef}), chrf.Corpus(tRules, [][]string{tRef})
		all, base := chrf.Corpus(withT, [][]string{refs}), chrf.Corpus(without, [][]string{refs})
		t.Logf("templates, %s: coverage %.3f (%d/%d), precision %.2f (%d/%d; the rules %d/%d); chrF of the templates' drafts %.1f (the rules' on those items %.1f); whole set chrF %.1f with templates, %.1f without",
			m.name, coverage, used, len(items), precision, exact, used, rulesExact, used, tc, tr, all, base)
		if coverage < m.coverage || tc < tr-3 || all-base < m.chrFGained {
			t.Errorf("templates, %s: below the floors (coverage %.2f, template chrF within 3 of the rules', whole set gain %.1f)", m.name, m.coverage, m.chrFGained)
		}
	}
}
