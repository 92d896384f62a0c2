package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/draft"
	"shuho/internal/rank"
)

// Related is another story of the week on the same people or matter,
// offered to the editor as a ready NOTE: where another report gives an
// item context, the desk adds it as a note with its own citation.
type Related struct {
	// Story and Title are the other story and its lead article's title.
	Story int64
	Title string
	// Shared are the names the two stories have in common, as the desk
	// writes them: why the story is offered.
	Shared []string
	// Text and Cites are the NOTE as it would stand: the other story's
	// first sentence and its citation.
	Text, Cites string
}

// maxRelated is how many related stories the editor is offered.
const maxRelated = 3

// related finds the week's other stories that name the same people,
// places or bodies as st (a person, or a body and one name more), most shared first,
// then the more relevant.
func (d *Drafter) related(ctx context.Context, week digest.Period, st *digest.Story) ([]Related, error) {
	_, cands, err := d.Candidates(ctx, week.From)
	if err != nil {
		return nil, err
	}
	names := d.names(storyText(*st))
	if len(names) == 0 {
		return nil, nil
	}
	type scored struct {
		r         Related
		persons   int
		relevance float64
	}
	var out []scored
	for _, c := range cands {
		// A story the ranking or an editor left out of the digest is no
		// context a desk would cite.
		if c.Story.ID == st.ID || len(c.Story.Articles) == 0 || c.Decision == rank.None || c.Decision == "" && c.Result.Section == rank.None {
			continue
		}
		var shared []string
		persons, bodies := 0, 0
		for en, n := range d.names(storyText(c.Story)) {
			if m, ok := names[en]; ok {
				shared = append(shared, m.ja)
				switch n.kind {
				case digest.Person:
					persons++
				case digest.Organisation:
					bodies++
				}
			}
		}
		// Places alone tie every story of the country together ("Baku");
		// a shared person, or a shared body with something more, is a
		// storyline.
		if persons == 0 && (bodies == 0 || len(shared) < 2) {
			continue
		}
		slices.Sort(shared)
		lead := d.lead(c.Story)
		text := cmp.Or(firstSentence(draft.SummarizeArticle(lead.Text, lead.Published.In(d.Profile.Location()), 40).Paragraphs), strings.TrimSpace(lead.Title))
		day := digest.DateOf(lead.Published.In(d.Profile.Location()))
		out = append(out, scored{Related{Story: c.Story.ID, Title: strings.TrimSpace(lead.Title), Shared: shared, Text: text,
			Cites: fmt.Sprintf("(%s / %s)", lead.Outlet, digest.CitationDate(day))}, persons, c.Result.Relevance})
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.persons, a.persons), cmp.Compare(len(b.r.Shared), len(a.r.Shared)), cmp.Compare(b.relevance, a.relevance))
	})
	var rs []Related
	for _, s := range out[:min(maxRelated, len(out))] {
		rs = append(rs, s.r)
	}
	return rs, nil
}

type named struct {
	ja   string
	kind digest.TermKind
}

// names are the glossary's people, places and bodies a text names, by
// their English form; countries are left out (every story names one).
func (d *Drafter) names(text string) map[string]named {
	out := map[string]named{}
	for _, m := range d.Headliner.G.Find(text) {
		switch m.Term.Kind {
		case digest.Person, digest.Place, digest.Organisation:
			out[m.Term.EN] = named{ja: m.Term.JA, kind: m.Term.Kind}
		}
	}
	return out
}

func storyText(st digest.Story) string {
	var b strings.Builder
	for i, a := range st.Articles {
		if i == 3 {
			break
		}
		ws := strings.Fields(a.Text)
		b.WriteString(a.Title + ". " + strings.Join(ws[:min(120, len(ws))], " ") + "\n")
	}
	return b.String()
}

func firstSentence(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	if ss := draft.Sentences(paras[0]); len(ss) > 0 {
		return ss[0]
	}
	return paras[0]
}
