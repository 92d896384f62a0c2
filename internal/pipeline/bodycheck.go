package pipeline

import (
	"context"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/draft"
)

// Sources are a story's articles as a drafted text is checked against
// them, each with its date on the desk's calendar: the dates a summary
// writes for an article's dateline and its "yesterday" are the article's.
// The lead article, which summaries are made of, comes first.
func (d *Drafter) Sources(st digest.Story) []draft.Source {
	loc := d.Profile.Location()
	lead := d.lead(st)
	out := []draft.Source{{Title: lead.Title, Text: lead.Text, Published: lead.Published.In(loc)}}
	for _, a := range st.Articles {
		if a.ID != lead.ID || a.URL != lead.URL {
			out = append(out, draft.Source{Title: a.Title, Text: a.Text, Published: a.Published.In(loc)})
		}
	}
	return out
}

// CheckBody finds the numbers, dates and names of an item's body that are
// in none of its story's articles. The story is the one of the item as
// stored, else of the item as edited: an edit may take the body far from
// the words that found the story, and is checked against the same
// articles. With no story (an item written by hand) there is nothing to
// check against: nil.
func (d *Drafter) CheckBody(ctx context.Context, week digest.Period, stored, edited digest.Item) ([]draft.Flag, error) {
	st, err := d.StoryOf(ctx, week, stored)
	if err == nil && st == nil {
		st, err = d.StoryOf(ctx, week, edited)
	}
	if err != nil || st == nil {
		return nil, err
	}
	var body []string
	for _, b := range edited.Blocks {
		body = append(body, b.Text)
		body = append(body, b.Entries...)
	}
	return draft.CheckSources(strings.Join(body, "\n"), d.Sources(*st)...), nil
}
