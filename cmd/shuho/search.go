package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/fulltext"
	"shuho/internal/pipeline"
	"shuho/internal/store"
)

func searchCommand() *command {
	return &command{
		name:  "search",
		args:  "QUERY",
		short: "search the archive's digests and articles, in English and Japanese",
		long: `Search finds the digest items (both headlines, every block) and the
collected articles that hold every term of QUERY: English words, "phrases" in
double quotes, Japanese of any length (外相, 殉職, 露), or a mix (Bayramov 外相).
Spellings are folded: Əliyev finds Aliyev, full-width letters find half-width.
A name also finds the other ways the glossary writes it: アリエフ finds Aliyev
and Aliev, Aliyev finds アリエフ, Jeyhun Bayramov finds ジェイフン・バイラモフ.

Hits are ranked by relevance (the headline or title holds the query before
only the body does), then by recency. Each shows the digest's period (or the
article's day), the section, the headline and a snippet with the match in
[brackets]. --json prints the hits as JSON.

An item's day is the last day of its digest's period (what --from and --to
compare); --profile limits the hits to that profile's digests and articles
(without it, every profile's). The first 200 KB of a text, up to about
16,000 words, is searchable.`,
		flags: func(fs *flag.FlagSet, o *options) {
			dbFlag(fs, o)
			fs.BoolVar(&o.json, "json", false, "print the hits as JSON")
			fs.StringVar(&o.from, "from", "", "only from this `date` (YYYY-MM-DD)")
			fs.StringVar(&o.until, "to", "", "only up to this `date` (YYYY-MM-DD)")
			fs.StringVar(&o.section, "section", "", "only items of this section `key` (security, domestic, foreign)")
			fs.StringVar(&o.outlet, "outlet", "", "only what this `outlet` published or is cited for (APA, REPORT.AZ)")
			fs.IntVar(&o.limit, "limit", 20, "at most `n` hits (up to 500)")
		},
		run: runSearch,
	}
}

func runSearch(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) == 0 {
		return usagef("search takes a QUERY")
	}
	q := store.Query{Text: strings.Join(args, " "), Section: o.section, Outlet: o.outlet, Limit: o.limit}
	if o.profile != "" {
		p, err := loadProfile(o)
		if err != nil {
			return err
		}
		q.Profile = p.Key
	}
	for _, f := range []struct {
		flag, value string
		date        *digest.Date
	}{{"--from", o.from, &q.From}, {"--to", o.until, &q.To}} {
		if f.value == "" {
			continue
		}
		d, err := digest.ParseISODate(f.value)
		if err != nil || !d.Valid() {
			return usagef("%s %s: expected a date such as 2026-11-14", f.flag, f.value)
		}
		*f.date = d
	}
	if o.limit < 1 || o.limit > 500 {
		return usagef("--limit %d: expected 1 to 500", o.limit)
	}
	s, err := e.openStore(ctx, o, store.Options{MustExist: true, SkipCheck: true})
	if err != nil {
		return err
	}
	defer s.Close()
	// The other spellings of a name: the glossary of the profile (the
	// default one when none is named).
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	g, err := pipeline.Glossary(ctx, s, p)
	if err != nil {
		return err
	}
	q.Spellings = g.Spellings
	hits, err := s.Search(ctx, q)
	if err != nil {
		return err
	}
	if o.json {
		return printHitsJSON(e, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stderr, "no hits")
		return nil
	}
	var b strings.Builder
	for _, h := range hits {
		if h.Kind == "item" {
			fmt.Fprintf(&b, "%s  %s  %s\n  %s\n", h.Period, h.SectionTitle, mark(h.HeadlineJA, h.MarksJA, "[", "]"), mark(h.HeadlineEN, h.MarksEN, "[", "]"))
		} else {
			fmt.Fprintf(&b, "%s  %s  %s\n  %s\n", h.Day, strings.Join(h.Outlets, ", "), mark(h.Title, h.MarksEN, "[", "]"), h.URL)
		}
		fmt.Fprintf(&b, "  %s\n\n", mark(h.Snippet, h.Marks, "[", "]"))
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}

// mark puts open and close around each marked span of s.
func mark(s string, spans []fulltext.Span, open, close string) string {
	var b strings.Builder
	fulltext.Pieces(s, spans, func(p string, marked bool) {
		if marked {
			p = open + p + close
		}
		b.WriteString(p)
	})
	return b.String()
}

// hitJSON is a hit as search --json prints it.
type hitJSON struct {
	Kind         string      `json:"kind"`
	Rank         int         `json:"rank"`
	Day          string      `json:"day"`
	Profile      string      `json:"profile"`
	Period       *periodJSON `json:"period,omitempty"`
	Section      string      `json:"section,omitempty"`
	SectionTitle string      `json:"section_title,omitempty"`
	HeadlineJA   string      `json:"headline_ja,omitempty"`
	HeadlineEN   string      `json:"headline_en,omitempty"`
	Title        string      `json:"title,omitempty"`
	URL          string      `json:"url,omitempty"`
	Outlets      []string    `json:"outlets"`
	Snippet      string      `json:"snippet"`
	Marks        [][2]int    `json:"marks"`
	MarksJA      [][2]int    `json:"marks_ja"`
	MarksEN      [][2]int    `json:"marks_en"`
}

type periodJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

func printHitsJSON(e *env, hits []store.Hit) error {
	out := make([]hitJSON, 0, len(hits))
	for _, h := range hits {
		j := hitJSON{Kind: h.Kind, Rank: h.Rank, Day: h.Day.String(), Profile: h.Profile, Section: h.Section, SectionTitle: h.SectionTitle,
			HeadlineJA: h.HeadlineJA, HeadlineEN: h.HeadlineEN, Title: h.Title, URL: h.URL, Outlets: h.Outlets, Snippet: h.Snippet}
		if j.Outlets == nil {
			j.Outlets = []string{}
		}
		if h.Kind == "item" {
			j.Period = &periodJSON{h.Period.From.String(), h.Period.To.String()}
		}
		j.Marks, j.MarksJA, j.MarksEN = pairs(h.Marks), pairs(h.MarksJA), pairs(h.MarksEN)
		out = append(out, j)
	}
	b, err := json.MarshalIndent(struct {
		Hits []hitJSON `json:"hits"`
	}{out}, "", "  ")
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(append(b, '\n'))
	return err
}

// pairs writes spans as [start, end] byte offsets, [] when none.
func pairs(spans []fulltext.Span) [][2]int {
	out := [][2]int{}
	for _, m := range spans {
		out = append(out, [2]int{m.Start, m.End})
	}
	return out
}
