package pipeline

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/draft"
	"shuho/internal/fulltext"
)

// Suggestion is what the drafter offers the editor for an item: a Japanese
// headline, a summary of the story's lead article, and the story it comes
// from (nil when no story of the week is the item's).
type Suggestion struct {
	// HeadlineJA is a complete headline, or empty; Gist is then what the
	// drafter found (names, an event) for the editor to finish.
	HeadlineJA string
	Gist       string
	Engine     string
	// Unknown are the names of the headline that the glossary lacks;
	// Check the glossary's terms it used that are past their check-by day.
	Unknown []string
	Check   []string
	// Summary is the lead article's summary, paragraph by paragraph.
	Summary []string
	Story   *digest.Story
	Lead    digest.Article
	// SeenBefore are the archive's items of earlier weeks on the same
	// storyline; Related the week's other stories on the same people or
	// matter, each a ready NOTE.
	SeenBefore []SeenItem
	Related    []Related
	// SummaryEngine made the summary ("extract" or "model"); Model names
	// the model that answered, ModelErrors why an answer was not taken.
	SummaryEngine string
	Model         string
	ModelErrors   []string
}

// Suggest drafts an item again for an editor: its Japanese headline from
// the English one, and, when the item is one of the week's stories, a
// summary of that story's lead article; with the earlier items of the
// storyline. With a model (m not nil) the model is asked too, and its
// answers, once checked, stand over the built-in ones. The item's own text
// is never changed here.
func (d *Drafter) Suggest(ctx context.Context, week digest.Period, it digest.Item, m *draft.Model) (Suggestion, error) {
	var s Suggestion
	var body []string
	for _, b := range it.Blocks {
		body = append(body, b.Text)
		body = append(body, b.Entries...)
	}
	text := strings.Join(body, "\n\n")
	st, err := d.StoryOf(ctx, week, it)
	if err != nil {
		return s, err
	}
	if st != nil {
		s.Story = st
		s.Lead = d.lead(*st)
		s.Summary = draft.SummarizeArticle(s.Lead.Text, s.Lead.Published.In(d.Profile.Location()), cmp.Or(d.MaxWords, 120)).Paragraphs
		text = s.Lead.Text
	}
	day := week.From.String()
	if st != nil {
		day = dayOf(s.Lead.Published, d.Profile.Location())
	}
	hl := d.Headliner.TranslateOn(it.HeadlineEN, text, day)
	s.HeadlineJA, s.Gist, s.Engine, s.Unknown, s.Check = hl.JA, hl.Gist, hl.Engine, hl.Unknown, hl.Check
	if len(s.Summary) > 0 {
		s.SummaryEngine = "extract"
	}
	if m != nil {
		if a, err := m.Headline(ctx, it.HeadlineEN, text); err != nil {
			s.ModelErrors = append(s.ModelErrors, "headline: "+err.Error())
		} else {
			s.HeadlineJA, s.Gist, s.Engine, s.Model, s.Unknown = a.Text, "", a.Engine, a.Model, nil
		}
		if st != nil {
			if a, err := m.Summary(ctx, s.Lead.Title, s.Lead.Text, cmp.Or(d.MaxWords, 120)); err != nil {
				s.ModelErrors = append(s.ModelErrors, "summary: "+err.Error())
			} else {
				s.Summary, s.SummaryEngine, s.Model = strings.Split(a.Text, "\n\n"), a.Engine, a.Model
			}
		}
	}
	s.SeenBefore = d.seenBefore(ctx, it.HeadlineEN+". "+firstLine(draft.StripWire(text)), week)
	if st != nil {
		if s.Related, err = d.related(ctx, week, st); err != nil {
			return s, err
		}
	}
	return s, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// lead is the article an item is drafted from: the one of the outlet the
// desk weighs most (the earliest of them) that has a text of some length.
func (d *Drafter) lead(st digest.Story) digest.Article {
	lead := st.Articles[0]
	best := -1.0
	for _, a := range st.Articles {
		w, ok := d.Ranker.Weights[a.Outlet]
		if !ok {
			w = 0.5
		}
		if w > best && len(strings.Fields(a.Text)) >= 20 {
			lead, best = a, w
		}
	}
	return lead
}

// StoryOf finds the story of the week that an item tells: the story one of
// whose articles has the item's English headline as its title, or else the
// one whose titles and leads share most of the words of the item's
// headline and first block, told by an outlet the item cites. An item
// written by hand, or edited past recognition, has none (nil).
func (d *Drafter) StoryOf(ctx context.Context, week digest.Period, it digest.Item) (*digest.Story, error) {
	_, cands, err := d.Candidates(ctx, week.From)
	if err != nil {
		return nil, err
	}
	stories := make([]*digest.Story, len(cands))
	for i := range cands {
		stories[i] = &cands[i].Story
	}
	return MatchStory(it, stories), nil
}

// MatchStory finds among stories the one an item tells (see StoryOf), or
// nil.
func MatchStory(it digest.Item, stories []*digest.Story) *digest.Story {
	return newMatcher(stories).match(it)
}

// matcher finds the stories items tell, reading each story's words once
// for all the items of a digest.
type matcher struct {
	stories []*digest.Story
	byTitle map[string]*digest.Story // folded article title → story
	words   map[*digest.Story]map[string]bool
}

func newMatcher(stories []*digest.Story) *matcher {
	m := &matcher{stories: stories, byTitle: map[string]*digest.Story{}, words: map[*digest.Story]map[string]bool{}}
	for _, st := range stories {
		for _, a := range st.Articles {
			if t := strings.ToLower(strings.TrimSpace(a.Title)); t != "" {
				if _, ok := m.byTitle[t]; !ok {
					m.byTitle[t] = st
				}
			}
		}
	}
	return m
}

func (m *matcher) match(it digest.Item) *digest.Story {
	head := strings.TrimSpace(it.HeadlineEN)
	if st := m.byTitle[strings.ToLower(head)]; head != "" && st != nil {
		return st
	}
	lead := head
	if len(it.Blocks) > 0 {
		lead += " " + it.Blocks[0].Text
	}
	want := wordSet(lead, 60)
	if len(want) < 4 {
		return nil
	}
	var outlets []string
	for _, c := range it.Citations() {
		outlets = append(outlets, c.Outlet)
	}
	var best *digest.Story
	bestScore := 0.0
	for _, st := range m.stories {
		if len(outlets) > 0 && !slices.ContainsFunc(st.Outlets, func(o string) bool { return slices.Contains(outlets, o) }) {
			continue
		}
		have, ok := m.words[st]
		if !ok {
			have = map[string]bool{}
			for _, a := range st.Articles {
				for w := range wordSet(a.Title+" "+a.Text, 80) {
					have[w] = true
				}
			}
			m.words[st] = have
		}
		n := 0
		for w := range want {
			if have[w] {
				n++
			}
		}
		if score := float64(n) / float64(len(want)); score > bestScore {
			best, bestScore = st, score
		}
	}
	// Half the words in common: the same event retold, not the same
	// minister at another meeting, which shares the names but little else.
	if bestScore < 0.5 {
		return nil
	}
	return best
}

// ItemRef is where an item stands in a digest: its section and place, from
// 1.
type ItemRef struct{ Section, Item int }

// InDigest maps each of stories that an item of d tells to that item: by
// the item's English headline, which is its story's lead title as drafted
// or added (cheap enough for a page of thousands of stories). An item
// rewritten past that is not found here; AddStory, matching one story in
// full, still refuses to add it twice.
func InDigest(d *digest.Digest, stories []*digest.Story) map[int64]ItemRef {
	out := map[int64]ItemRef{}
	if d == nil {
		return out
	}
	m := newMatcher(stories)
	for si, sec := range d.Sections {
		for ii, it := range sec.Items {
			if st := m.byTitle[strings.ToLower(strings.TrimSpace(it.HeadlineEN))]; st != nil {
				if _, ok := out[st.ID]; !ok {
					out[st.ID] = ItemRef{si + 1, ii + 1}
				}
			}
		}
	}
	return out
}

// wordSet holds the distinct folded words of the first n words of text, less
// the short ones that every English text has.
func wordSet(text string, n int) map[string]bool {
	toks := fulltext.Analyze(text).Main
	if len(toks) > n {
		toks = toks[:n]
	}
	out := map[string]bool{}
	for _, t := range toks {
		if len(t) > 3 {
			out[t] = true
		}
	}
	return out
}
