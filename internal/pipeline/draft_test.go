package pipeline_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"shuho/internal/digest"
	"shuho/internal/lint"
	"shuho/internal/pipeline"
	"shuho/internal/profile"
	"shuho/internal/sample"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestDraftSampleWeek collects the sample week, drafts its digest, and
// checks what the desk would check: lint finds no error, every section has
// items, no noise got in, every item cites every outlet of its story, and
// the summaries are within bounds and borne out by their sources.
func TestDraftSampleWeek(t *testing.T) {
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
	srv.Use(p)
	s := storetest.Open(t, store.SQLite)
	c := &pipeline.Collector{Store: s, Fetch: testClient(t, "shuho-test"), Profile: p, Owner: "test"}
	if _, err := c.CollectAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	// An earlier week's digest on the same storyline as one of this
	// week's stories (Bayramov in Georgia).
	past := &digest.Digest{Profile: "az", Title: p.Title, Period: digest.Period{From: digest.NewDate(2026, 10, 31), To: digest.NewDate(2026, 11, 6)},
		Sections: []digest.Section{{Number: 1, Key: "foreign", Title: "外政関連", Items: []digest.Item{{
			HeadlineJA: "バイラモフ外相、ジョージア外相と会談", HeadlineEN: "FM Bayramov meets Georgian counterpart",
			Blocks: []digest.Block{{Kind: digest.Paragraph, Text: "FM Bayramov met the Foreign Minister of Georgia in Baku.",
				Citations: []digest.Citation{{Outlet: "APA", DateText: "05.11.2026", Date: digest.NewDate(2026, 11, 5)}}}}}}}}}
	if _, err := s.SaveDigest(context.Background(), past, store.SaveOptions{Author: "test", Source: "test"}); err != nil {
		t.Fatal(err)
	}
	d, err := pipeline.NewDrafter(context.Background(), s, p)
	if err != nil {
		t.Fatal(err)
	}
	dr, err := d.Draft(context.Background(), digest.DateOf(w.Start.Add(72*60*60*1e9)))
	if err != nil {
		t.Fatal(err)
	}
	dg := dr.Digest
	if dg.Period.From != digest.DateOf(w.Start.In(p.Location())) {
		t.Errorf("period %v, want the sample week from %v", dg.Period, w.Start)
	}
	// Lint-clean but for the Japanese headlines left empty for an editor
	// (never a names-only or placeholder one), with the gist beside each.
	empty := 0
	for _, f := range lint.Check(dg, p, nil) {
		if f.Rule == lint.HeadlineUnfinished && f.Message == "the Japanese headline is empty" {
			empty++
			continue
		}
		t.Errorf("lint: %v", f)
	}
	t.Logf("%d of %d Japanese headlines left empty for the editor", empty, len(dr.Items))
	// The sample's ground truth by title: which section each article is.
	truth := map[string]string{}
	for _, a := range w.Articles {
		truth[strings.TrimSpace(a.Title)] = a.Section
	}
	k := 0
	right, total := 0, 0
	for _, sec := range dg.Sections {
		if len(sec.Items) == 0 {
			t.Errorf("section %s has no items", sec.Key)
		}
		for _, it := range sec.Items {
			di := dr.Items[k]
			k++
			want, ok := truth[it.HeadlineEN]
			if !ok {
				t.Errorf("item %q is no article's title", it.HeadlineEN)
				continue
			}
			total++
			if want == sec.Key {
				right++
			}
			if want == "none" {
				t.Errorf("noise in the digest: %q in %s", it.HeadlineEN, sec.Key)
			}
			words := 0
			for _, b := range it.Blocks {
				words += len(strings.Fields(b.Text))
			}
			if len(it.Blocks) == 0 || len(it.Blocks) > 3 || words > 130 {
				t.Errorf("%q: %d blocks, %d words", it.HeadlineEN, len(it.Blocks), words)
			}
			if len(it.Citations()) == 0 {
				t.Errorf("%q cites nothing", it.HeadlineEN)
			}
			if len(di.Flags) > 0 {
				t.Errorf("%q: an extractive summary flagged %v", it.HeadlineEN, di.Flags)
			}
			t.Logf("%s %.2f %-6s %s | %s | %v", sec.Key, di.Relevance, di.Engine, it.HeadlineJA, it.HeadlineEN, it.Citations())
		}
	}
	seen := false
	for _, it := range dr.Items {
		for _, sb := range it.SeenBefore {
			if sb.HeadlineJA == "バイラモフ外相、ジョージア外相と会談" {
				seen = true
			}
		}
	}
	if !seen {
		t.Errorf("the earlier item on Bayramov in Georgia is seen before by no item")
	}
	checkSuggest(t, d, dg, dr.Items)
	t.Logf("%d stories, %d kept; %d/%d in their true section", dr.Stories, dr.Kept, right, total)
	if total == 0 || float64(right) < 0.8*float64(total) {
		t.Errorf("%d of %d items in their true section", right, total)
	}

	// The editors' choices stand over the ranking: a dismissed story
	// leaves the draft, a kept one enters it in its section, whatever the
	// ranking made of them.
	top := dr.Items[0].Story
	stories, err := s.Stories(context.Background(), p.Key, dg.Period.From.Time(p.Location()), dg.Period.To.AddDays(1).Time(p.Location()))
	if err != nil {
		t.Fatal(err)
	}
	var noise int64
	for _, st := range stories {
		if truth[strings.TrimSpace(st.Articles[0].Title)] == "none" {
			noise = st.ID
			break
		}
	}
	if noise == 0 {
		t.Fatal("the sample week has no noise story")
	}
	if err := s.DecideStory(context.Background(), p.Key, store.Decision{Story: top, By: "editor"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DecideStory(context.Background(), p.Key, store.Decision{Story: noise, Kept: true, Section: "domestic", By: "editor"}); err != nil {
		t.Fatal(err)
	}
	d, err = pipeline.NewDrafter(context.Background(), s, p)
	if err != nil {
		t.Fatal(err)
	}
	again, err := d.Draft(context.Background(), dg.Period.From)
	if err != nil {
		t.Fatal(err)
	}
	in := map[int64]string{}
	for _, it := range again.Items {
		in[it.Story] = it.Section
	}
	if _, ok := in[top]; ok {
		t.Errorf("the dismissed story %d is still in the draft", top)
	}
	if in[noise] != "domestic" {
		t.Errorf("the kept story %d: section %q, want domestic", noise, in[noise])
	}
}

var citeForm = regexp.MustCompile(`^\([A-Z][A-Z0-9 .\-]+ / \d\d\.\d\d\.\d{4}\)$`)

// checkSuggest asks the drafter again for each drafted item, as the editor
// does: it must find the item's story (by its headline, and by its text
// once the headline is rewritten), offer the same summary, and find no story
// for an item written by hand about something else.
func checkSuggest(t *testing.T, d *pipeline.Drafter, dg *digest.Digest, items []pipeline.DraftItem) {
	t.Helper()
	ctx := context.Background()
	k, related := 0, 0
	defer func() {
		// The sample week tells several storylines in more than one
		// event (the peace process, the budget, the border): some item
		// must be offered a related story.
		if related == 0 {
			t.Errorf("no item of the sample week was offered a related story")
		}
	}()
	for _, sec := range dg.Sections {
		for _, it := range sec.Items {
			di := items[k]
			k++
			sg, err := d.Suggest(ctx, dg.Period, it, nil)
			if err != nil {
				t.Fatal(err)
			}
			if sg.Story == nil || sg.Story.ID != di.Story {
				t.Errorf("%q: suggestion from story %v, want %d", it.HeadlineEN, sg.Story, di.Story)
				continue
			}
			var paras []string
			for _, b := range it.Blocks {
				paras = append(paras, b.Text)
			}
			if !slices.Equal(sg.Summary, paras) {
				t.Errorf("%q: summary %q, want the drafted %q", it.HeadlineEN, sg.Summary, paras)
			}
			if sg.HeadlineJA != it.HeadlineJA {
				t.Errorf("%q: headline %q, want the drafted %q", it.HeadlineEN, sg.HeadlineJA, it.HeadlineJA)
			}
			// Related stories: others of the week, each a NOTE that cites
			// its own outlet and day and shares a name with this one.
			for _, r := range sg.Related {
				if r.Story == di.Story || r.Text == "" || len(r.Shared) == 0 || !citeForm.MatchString(r.Cites) {
					t.Errorf("%q: related %+v", it.HeadlineEN, r)
				}
				related++
			}
			// The desk rewrites the English headline: the story is still
			// found by the words of the body.
			edited := it
			edited.HeadlineEN = "Desk's own wording"
			if st, err := d.StoryOf(ctx, dg.Period, edited); err != nil || st == nil || st.ID != di.Story {
				t.Errorf("%q rewritten: story %v (%v), want %d", it.HeadlineEN, st, err, di.Story)
			}
		}
	}
	hand := digest.Item{HeadlineJA: "天気", HeadlineEN: "Patagonia turns colder as winds arrive from Antarctica",
		Blocks: []digest.Block{{Kind: digest.Paragraph, Text: "Temperatures across Patagonia fell sharply on Tuesday as polar winds arrived, forecasters in Argentina said.",
			Citations: []digest.Citation{{Outlet: "TREND", DateText: "05.11.2026"}}}}}
	if st, err := d.StoryOf(ctx, dg.Period, hand); err != nil || st != nil {
		t.Errorf("an item on nothing of the week: story %v (%v), want none", st, err)
	}
}
