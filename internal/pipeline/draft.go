package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"shuho/internal/digest"
	"shuho/internal/draft"
	"shuho/internal/glossary"
	"shuho/internal/lint"
	"shuho/internal/rank"
	"shuho/internal/store"
)

// Drafter makes the draft digest of a week from the archive's stories: it
// ranks them, keeps the top ones of each section, and drafts each item's
// Japanese headline and summary with the citations of all its outlets.
type Drafter struct {
	Store     *store.Store
	Profile   *digest.Profile
	Ranker    *rank.Ranker
	Headliner *draft.Headliner
	// PerSection is how many stories a section takes at most (default 6);
	// MinRelevance the least relevance a story needs (default 0.3).
	PerSection   int
	MinRelevance float64
	// MaxWords bounds a summary (default 120).
	MaxWords int
	// Model, when set, is asked for each item's headline and summary; an
	// answer that fails its checks leaves the built-in draft in place.
	Model *draft.Model
	// Decided are the editors' choices by story: a section key for a kept
	// story, "none" for a dismissed one. A choice stands over the ranking.
	Decided map[int64]string
	// Bold is what the desk bolded in its archive, by kind of event: the
	// draft proposes emphasis from it.
	Bold draft.EmphasisHistory

	// weeks caches Candidates by week for the drafter's life: a drafter is
	// built anew when what it learns from changes, and the week page asks
	// for the same week again and again.
	mu    sync.Mutex
	weeks map[digest.Date]candidateWeek
}

// Note keeps an editor's choice on a story (as Decided holds it; ""
// takes one back) in a drafter in use, without building it anew: the
// week's candidates show it at once; the ranking learns from it when the
// drafter is next built.
func (d *Drafter) Note(story int64, decision string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	m := maps.Clone(d.Decided)
	if m == nil {
		m = map[int64]string{}
	}
	if decision == "" {
		delete(m, story)
	} else {
		m[story] = decision
	}
	d.Decided = m
	clear(d.weeks)
}

// decided returns the editors' choices as they stand (Note replaces the
// map, never writes to it).
func (d *Drafter) decided() map[int64]string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.Decided
}

type candidateWeek struct {
	at    time.Time
	cands []Candidate
}

// DraftItem is what drafting made of one story, for the editor and the
// report.
type DraftItem struct {
	Story     int64   `json:"story"`
	Section   string  `json:"section"`
	Relevance float64 `json:"relevance"`
	// Engine made the Japanese headline ("template", "rules", "gist",
	// "model"), SummaryEngine the summary ("extract", "model"); Model and
	// At say which model, and when, for a model's draft; ModelErrors why a
	// model's answer was not taken. Unknown are the names in the headline
	// the glossary lacks (rendered by rule, for review).
	Engine string `json:"engine"`
	// Gist is, when the headline was left empty, the names and event the
	// drafter found, for the editor to make a headline of.
	Gist          string    `json:"gist,omitempty"`
	SummaryEngine string    `json:"summary_engine"`
	Model         string    `json:"model,omitempty"`
	At            time.Time `json:"at"`
	ModelErrors   []string  `json:"model_errors,omitempty"`
	Unknown       []string  `json:"unknown_names,omitempty"`
	// Check are the glossary's terms the headline used that are past their
	// check-by day (an office holder whose term may have ended).
	Check []string `json:"check,omitempty"`
	// Emphasis is the drafter's proposal to bold the item, with its reason
	// (the item is drafted bold when On).
	Emphasis draft.Emphasis `json:"emphasis"`
	// Flags are what the summary holds that no source bears out.
	Flags []draft.Flag `json:"flags,omitempty"`
	// SeenBefore are the archive's items of earlier weeks on the same
	// storyline.
	SeenBefore []SeenItem `json:"seen_before,omitempty"`
	// Why is what the relevance was made of.
	Why rank.Parts `json:"why"`
	// Folded are stories of the same event as this item's, left out so
	// that the draft carries one item on it (this one is the fuller).
	Folded []int64 `json:"folded,omitempty"`
}

// LeftOut is a story of the week the draft does not carry, and why.
type LeftOut struct {
	Story     int64      `json:"story"`
	Title     string     `json:"title"`
	Section   string     `json:"section"`
	Relevance float64    `json:"relevance"`
	Why       rank.Parts `json:"why"`
	// Reason is one of: "dismissed" (by an editor), "not for the digest"
	// (the ranking's section), "below the least relevance", "section
	// full", "same event as story N".
	Reason string `json:"reason"`
}

// SeenItem is an earlier item of the same storyline.
type SeenItem struct {
	Period     digest.Period `json:"-"`
	Week       string        `json:"week"`
	HeadlineJA string        `json:"headline_ja"`
	HeadlineEN string        `json:"headline_en"`
}

// Draft is a drafted digest with what drafting says of its items (in the
// digest's order: section by section) and the week's counts.
type Draft struct {
	Digest *digest.Digest
	Items  []DraftItem `json:"items"`
	// Stories is how many stories the week had; Kept how many made the
	// draft.
	Stories, Kept int
	// Left are the week's stories the draft does not carry, most relevant
	// first, each with why.
	Left []LeftOut `json:"left"`
}

// Draft drafts the digest of the desk's week that holds day.
func (d *Drafter) Draft(ctx context.Context, day digest.Date) (*Draft, error) {
	p := d.Profile
	week := p.Week(day)
	loc := p.Location()
	from, to := week.From.Time(loc), week.To.AddDays(1).Time(loc)
	stories, err := d.Store.Stories(ctx, p.Key, from, to)
	if err != nil {
		return nil, err
	}
	type ranked struct {
		st  digest.Story
		res rank.Result
	}
	out := &Draft{Digest: &digest.Digest{Profile: p.Key, Title: p.Title, Subtitle: p.Subtitle, Issuer: p.Issuer, Period: week}, Stories: len(stories)}
	bySection := map[string][]ranked{}
	decided := d.decided()
	for _, st := range stories {
		// A story belongs to the week in which it was last told; one that
		// ran on past the week's end is the next week's.
		if !st.Last.Before(to) || len(st.Articles) == 0 {
			continue
		}
		res := d.Ranker.Rank(st, to)
		left := func(reason string) {
			out.Left = append(out.Left, LeftOut{st.ID, st.Title, res.Section, res.Relevance, res.Parts, reason})
		}
		if c, ok := decided[st.ID]; ok {
			if c == rank.None {
				left("dismissed")
				continue
			}
			res.Section, res.Relevance = c, 1
		} else if res.Section == rank.None {
			left("not for the digest")
			continue
		} else if res.Relevance < cmp.Or(d.MinRelevance, 0.3) {
			left("below the least relevance")
			continue
		}
		bySection[res.Section] = append(bySection[res.Section], ranked{st, res})
	}
	// One item per event: a story that tells the same event as one drafted
	// already (two stories clustering could not join) is folded into it,
	// the fuller of the two kept, in the place of the better ranked.
	type kept struct {
		sec, i int // where the item is
		st     digest.Story
	}
	var done []kept
	dis := make([][]DraftItem, len(p.Sections)) // the report's items, by section
	for n, sec := range p.Sections {
		rs := bySection[sec.Key]
		slices.SortStableFunc(rs, func(a, b ranked) int {
			if c := cmp.Compare(b.res.Relevance, a.res.Relevance); c != 0 {
				return c
			}
			return cmp.Compare(a.st.ID, b.st.ID)
		})
		out.Digest.Sections = append(out.Digest.Sections, digest.Section{Number: n + 1, Key: sec.Key, Title: sec.Title})
		items := func(n int) []digest.Item { return out.Digest.Sections[n].Items }
		for _, r := range rs {
			if len(items(n)) == cmp.Or(d.PerSection, 6) {
				out.Left = append(out.Left, LeftOut{r.st.ID, r.st.Title, sec.Key, r.res.Relevance, r.res.Parts, "section full"})
				continue
			}
			item, di := d.item(ctx, r.st, week)
			di.Section, di.Relevance, di.Why = sec.Key, r.res.Relevance, r.res.Parts
			same := slices.IndexFunc(done, func(k kept) bool { return lint.SameStory(items(k.sec)[k.i], item) })
			if same < 0 {
				done = append(done, kept{n, len(items(n)), r.st})
				out.Digest.Sections[n].Items = append(out.Digest.Sections[n].Items, item)
				dis[n] = append(dis[n], di)
				continue
			}
			k := done[same]
			prev := &dis[k.sec][k.i]
			fold, foldTitle := r.st.ID, r.st.Title
			if len(r.st.Articles) > len(k.st.Articles) {
				// The fuller story's item takes the place of the other.
				di.Section, di.Relevance = prev.Section, prev.Relevance
				di.Folded = prev.Folded
				fold, foldTitle = k.st.ID, k.st.Title
				out.Digest.Sections[k.sec].Items[k.i], *prev = item, di
				done[same].st = r.st
			}
			prev.Folded = append(prev.Folded, fold)
			out.Left = append(out.Left, LeftOut{fold, foldTitle, sec.Key, r.res.Relevance, r.res.Parts, fmt.Sprintf("same event as story %d", done[same].st.ID)})
		}
	}
	for n := range dis {
		out.Items = append(out.Items, dis[n]...)
		out.Kept += len(dis[n])
	}
	slices.SortStableFunc(out.Left, func(a, b LeftOut) int { return cmp.Compare(b.Relevance, a.Relevance) })
	return out, nil
}

// item drafts one story's item: the headline and summary of its lead
// article (the outlet the desk weighs most, the earliest of them), cited
// with every outlet that told the story.
func (d *Drafter) item(ctx context.Context, st digest.Story, week digest.Period) (digest.Item, DraftItem) {
	lead := d.lead(st)
	// The lead's date, as the desk's calendar has it, dates its "yesterday".
	sum := draft.SummarizeArticle(lead.Text, lead.Published.In(d.Profile.Location()), cmp.Or(d.MaxWords, 120))
	paras := sum.Paragraphs
	if len(paras) == 0 {
		paras = []string{strings.TrimSpace(lead.Title)}
	}
	loc := d.Profile.Location()
	var cites []digest.Citation
	seen := map[string]bool{}
	for _, a := range st.Articles {
		if seen[a.Outlet] {
			continue
		}
		seen[a.Outlet] = true
		date := digest.DateOf(a.Published.In(loc))
		cites = append(cites, digest.Citation{Outlet: a.Outlet, DateText: fmt.Sprintf("%02d.%02d.%04d", date.Day, int(date.Month), date.Year), Date: date})
	}
	item := digest.Item{HeadlineEN: strings.TrimSpace(lead.Title)}
	for i, p := range paras {
		b := digest.Block{Kind: digest.Paragraph, Text: p}
		if i == len(paras)-1 {
			b.Citations = cites
		}
		item.Blocks = append(item.Blocks, b)
	}
	// A headline the drafter could not finish is left empty, for lint's
	// headline-unfinished to stop the digest until an editor writes it;
	// what was found is the report's gist, offered beside the field.
	hl := d.Headliner.TranslateOn(item.HeadlineEN, lead.Text, dayOf(lead.Published, loc))
	item.HeadlineJA = hl.JA
	di := DraftItem{Story: st.ID, Engine: hl.Engine, Gist: hl.Gist, SummaryEngine: "extract", Unknown: hl.Unknown, Check: hl.Check, At: time.Now().UTC()}
	di.Emphasis = draft.ProposeEmphasis(item.HeadlineEN, item.HeadlineJA, lead.Text, d.Bold)
	item.Emphasis = di.Emphasis.On
	if d.Model != nil {
		if s, err := d.Model.Headline(ctx, item.HeadlineEN, lead.Text); err != nil {
			di.ModelErrors = append(di.ModelErrors, "headline: "+err.Error())
		} else {
			item.HeadlineJA, di.Engine, di.Model, di.At, di.Unknown, di.Gist = s.Text, s.Engine, s.Model, s.At, nil, ""
		}
		if s, err := d.Model.Summary(ctx, lead.Title, lead.Text, cmp.Or(d.MaxWords, 120)); err != nil {
			di.ModelErrors = append(di.ModelErrors, "summary: "+err.Error())
		} else {
			item.Blocks = nil
			ps := strings.Split(s.Text, "\n\n")
			for i, p := range ps {
				b := digest.Block{Kind: digest.Paragraph, Text: p}
				if i == len(ps)-1 {
					b.Citations = cites
				}
				item.Blocks = append(item.Blocks, b)
			}
			paras = ps
			di.SummaryEngine, di.Model, di.At = s.Engine, s.Model, s.At
		}
	}
	di.Flags = draft.CheckSources(strings.Join(paras, "\n"), d.Sources(st)...)
	di.SeenBefore = d.seenBefore(ctx, item.HeadlineEN+". "+draft.StripWire(lead.Text), week)
	return item, di
}

// seenBefore finds the archive's items of earlier weeks that name the same
// people, places and bodies as a story: its storyline's earlier episodes.
func (d *Drafter) seenBefore(ctx context.Context, text string, week digest.Period) []SeenItem {
	g := d.Headliner.G
	// Each name in the glossary's spelling and in the story's own (a
	// "Ministry of Defence" is the glossary's "Ministry of Defense"): the
	// archive holds whichever its writers used.
	var names [][]string
	var seen []string
	for _, m := range g.Find(text) {
		if m.Term.Kind == digest.Title || m.Term.Kind == digest.Adjective || strings.EqualFold(m.Term.Country, d.Headliner.Home) && m.Term.Kind == digest.Country {
			continue
		}
		if slices.Contains(seen, m.Term.EN) {
			continue
		}
		seen = append(seen, m.Term.EN)
		var spellings []string
		for _, name := range []string{m.Term.EN, text[m.Start:m.End]} {
			if m.Term.Kind == digest.Person {
				// Past items name a person by surname as often as in full.
				fs := strings.Fields(name)
				name = fs[len(fs)-1]
			}
			n := `"` + strings.ReplaceAll(name, `"`, "") + `"`
			if !slices.ContainsFunc(spellings, func(s string) bool { return strings.EqualFold(s, n) }) {
				spellings = append(spellings, n)
			}
		}
		names = append(names, spellings)
		if len(names) == 2 {
			break
		}
	}
	if len(names) == 0 {
		return nil
	}
	queries := names[0]
	if len(names) == 2 {
		queries = nil
		for _, a := range names[0] {
			for _, b := range names[1] {
				queries = append(queries, a+" "+b)
			}
		}
	}
	var hits []store.Hit
	for _, q := range queries {
		hs, err := d.Store.Search(ctx, store.Query{Text: q, Profile: d.Profile.Key, To: week.From.AddDays(-1), Limit: 20})
		if err != nil {
			return nil
		}
		for _, h := range hs {
			if h.Kind == "item" && !slices.ContainsFunc(hits, func(x store.Hit) bool { return x.ID == h.ID }) {
				hits = append(hits, h)
			}
		}
	}
	// The latest first, as one search would give them.
	slices.SortStableFunc(hits, func(a, b store.Hit) int { return b.Period.From.DaysSince(a.Period.From) })
	var out []SeenItem
	for _, h := range hits {
		out = append(out, SeenItem{Period: h.Period, Week: h.Period.From.String() + "/" + h.Period.To.String(), HeadlineJA: h.HeadlineJA, HeadlineEN: h.HeadlineEN})
		if len(out) == 3 {
			break
		}
	}
	return out
}

// Glossary is the profile's glossary: the seed, the profile's terms, the
// archive's (none when s is nil: no archive).
func Glossary(ctx context.Context, s *store.Store, p *digest.Profile) (*glossary.Glossary, error) {
	seed, err := glossary.Builtin()
	if err != nil {
		return nil, err
	}
	terms := append(seed, p.Glossary...)
	if s != nil {
		own, err := s.GlossaryTerms(ctx, p.Key)
		if err != nil {
			return nil, err
		}
		terms = append(terms, own...)
	}
	return glossary.New(terms, p.Style), nil
}

// NewDrafter builds the drafter of a profile from the archive: the ranker
// learns from its items and the editors' choices, the headline memory holds
// their headlines, the glossary holds the desk's terms. With s nil (no
// archive) it knows only what is built in.
func NewDrafter(ctx context.Context, s *store.Store, p *digest.Profile) (*Drafter, error) {
	g, err := Glossary(ctx, s, p)
	if err != nil {
		return nil, err
	}
	var examples []rank.Example
	var pairs []draft.Pair
	bold := draft.EmphasisHistory{}
	choices := map[int64]string{}
	if s != nil {
		items, err := s.ArchiveItems(ctx, p.Key, 20000)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			examples = append(examples, rank.Example{Class: it.Section, Text: it.HeadlineEN + ". " + it.Lead})
			pairs = append(pairs, draft.Pair{EN: it.HeadlineEN, JA: it.HeadlineJA})
			bold.Add(it.HeadlineEN, it.Emphasis)
		}
		// The editors' choices teach more than an archive item: each is a
		// judgement on exactly the kind of story the ranking has to judge.
		decided, err := s.DecidedExamples(ctx, p.Key, 20000)
		if err != nil {
			return nil, err
		}
		for _, d := range decided {
			examples = append(examples, rank.Example{Class: d.Class, Text: d.Text, Weight: 3})
			choices[d.Story] = d.Class
		}
	}
	home := ""
	if t := g.Lookup(p.Country); t != nil && t.Kind == digest.Country {
		home = t.Country
	}
	r := rank.New(p, rank.TrainWith(examples))
	r.G, r.Home = g, home
	return &Drafter{
		Store:     s,
		Profile:   p,
		Ranker:    r,
		Headliner: &draft.Headliner{G: g, Home: home, Memory: draft.NewMemory(g, home, pairs)},
		Decided:   choices,
		Bold:      bold,
	}, nil
}

// Candidate is a story of the week as the week page shows it.
type Candidate struct {
	Story  digest.Story
	Result rank.Result
	// Decision is an editor's choice: a section key, "none" (dismissed),
	// or "" (none yet).
	Decision string
	// Gist is the first sentence of the story's lead article, its
	// dateline left out; HeadlineJA the drafter's Japanese headline of
	// it, where it has a finished one: what triage reads beside the
	// title.
	Gist, HeadlineJA string
}

// Candidates ranks every story of the desk's week holding day, the most
// relevant first, with the editors' choices.
func (d *Drafter) Candidates(ctx context.Context, day digest.Date) (digest.Period, []Candidate, error) {
	week := d.Profile.Week(day)
	d.mu.Lock()
	if cw, ok := d.weeks[week.From]; ok && time.Since(cw.at) < 30*time.Second {
		d.mu.Unlock()
		return week, cw.cands, nil
	}
	d.mu.Unlock()
	loc := d.Profile.Location()
	to := week.To.AddDays(1).Time(loc)
	stories, err := d.Store.Stories(ctx, d.Profile.Key, week.From.Time(loc), to)
	if err != nil {
		return week, nil, err
	}
	out := make([]Candidate, 0, len(stories))
	decided := d.decided()
	for _, st := range stories {
		if len(st.Articles) == 0 {
			continue
		}
		lead := d.lead(st)
		c := Candidate{Story: st, Result: d.Ranker.Rank(st, to), Decision: decided[st.ID],
			Gist: firstSentence([]string{draft.StripDateline(lead.Text)})}
		if d.Headliner != nil {
			c.HeadlineJA = d.Headliner.TranslateOn(lead.Title, lead.Text, dayOf(lead.Published, loc)).JA
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		if c := cmp.Compare(b.Result.Relevance, a.Result.Relevance); c != 0 {
			return c
		}
		return cmp.Compare(a.Story.ID, b.Story.ID)
	})
	d.mu.Lock()
	if d.weeks == nil {
		d.weeks = map[digest.Date]candidateWeek{}
	}
	d.weeks[week.From] = candidateWeek{time.Now(), out}
	d.mu.Unlock()
	return week, out, nil
}

// dayOf is an article's day on the desk's calendar (YYYY-MM-DD), "" when
// its time is not known: office holders are then today's.
func dayOf(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return digest.DateOf(t.In(loc)).String()
}

// Added is a story drafted into its week's digest: the digest, its new
// version, the item as drafted and the draft's report on it (its gist
// when the Japanese headline was left empty, the emphasis proposed).
type Added struct {
	Digest  int64
	Version int
	Item    digest.Item
	// At is where the item went: its section's and its own number.
	At     ItemRef
	Report DraftItem
}

// AddStory drafts a story as an item and adds it to the end of a section
// of the week's digest (made, as a draft, if there is none yet), as user:
// an editor's "add to the digest".
func (d *Drafter) AddStory(ctx context.Context, storyID int64, section, user string) (Added, error) {
	p := d.Profile
	sec := slices.IndexFunc(p.Sections, func(s digest.ProfileSection) bool { return s.Key == section })
	if sec < 0 {
		return Added{}, fmt.Errorf("section %q: not a section of profile %s: %w", section, p.Key, digest.ErrInvalid)
	}
	st, err := d.Store.Story(ctx, p.Key, storyID)
	if err != nil {
		return Added{}, err
	}
	loc := p.Location()
	week := p.Week(digest.DateOf(st.Last.In(loc)))
	item, report := d.item(ctx, st, week)
	report.Section = section
	dg, info, err := d.Store.Digest(ctx, p.Key, week)
	if errors.Is(err, digest.ErrNotFound) {
		dg = &digest.Digest{Profile: p.Key, Title: p.Title, Subtitle: p.Subtitle, Issuer: p.Issuer, Period: week}
		for n, s := range p.Sections {
			dg.Sections = append(dg.Sections, digest.Section{Number: n + 1, Key: s.Key, Title: s.Title})
		}
	} else if err != nil {
		return Added{}, err
	}
	// A story the digest tells already is not added twice.
	m := newMatcher([]*digest.Story{&st})
	for si, sec := range dg.Sections {
		for ii, it := range sec.Items {
			if m.match(it) != nil {
				return Added{}, fmt.Errorf("story %d is item %d.%d of the digest already: %w", storyID, si+1, ii+1, digest.ErrConflict)
			}
		}
	}
	k := slices.IndexFunc(dg.Sections, func(s digest.Section) bool { return s.Key == section })
	if k < 0 {
		dg.Sections = append(dg.Sections, digest.Section{Number: len(dg.Sections) + 1, Key: section, Title: p.Sections[sec].Title})
		k = len(dg.Sections) - 1
	}
	dg.Sections[k].Items = append(dg.Sections[k].Items, item)
	// The item and the story's decision, in one transaction.
	saved, err := d.Store.SaveDigest(ctx, dg, store.SaveOptions{Author: user, Source: "week: story " + fmt.Sprint(storyID), IfVersion: info.Version,
		Decision: &store.Decision{Story: storyID, Kept: true, Section: section, By: user}})
	if err != nil {
		return Added{}, err
	}
	return Added{Digest: saved.ID, Version: saved.Version, Item: item, At: ItemRef{Section: k + 1, Item: len(dg.Sections[k].Items)},
		Report: report}, nil
}
