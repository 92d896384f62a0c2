package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
	"shuho/internal/lint"
	"shuho/internal/pipeline"
	"shuho/internal/store"
	"shuho/internal/textfmt"
	"shuho/internal/words"
)

func draftCommand() *command {
	return &command{
		name:  "draft",
		args:  "--week DATE [-o FILE]",
		short: "a draft digest for the week holding DATE, from collected articles",
		long: `Draft writes the digest an analyst starts from, for the desk's week that holds
DATE (YYYY-MM-DD; default today): the week's stories from the archive, ranked
for a desk that follows the country's politics and security, the top ones of
each section (--per-section, default 6), each with its Japanese and English
headlines, a summary of one to three paragraphs made of its lead article's own
sentences, and the citations of every outlet that told it.

-o FILE writes the digest as JSON (.json) or text (.txt); without it the text
form goes to standard output. A report on standard error lists each item: its
relevance, how its Japanese headline was made, the names rendered by rule (to
review), anything in its summary no source bears out, and the archive's
earlier items on the same storyline, and why each story is in (what its
relevance was made of); then the stories left out that came nearest, and
why (dismissed, not for the digest, below the least relevance, section
full, or the same event as another story). --json prints that report as JSON
instead.

--engine model also asks an OpenAI-compatible endpoint (as translate does) for
each item's headline and summary; an answer that fails the checks (style,
length, glossary spellings, a number, date or name no source holds) leaves the
built-in draft, and the report says why. Each item records its engines, model
and time.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.week, "week", "", "a `DATE` (YYYY-MM-DD) in the week to draft")
			fs.StringVar(&o.to, "o", "", "write the draft to `FILE` (.json or .txt)")
			fs.IntVar(&o.limit, "per-section", 6, "the most items a section takes")
			fs.BoolVar(&o.json, "json", false, "print the report as JSON")
			fs.StringVar(&o.engine, "engine", "builtin", "`builtin`, or model: ask the endpoint of $SHUHO_MODEL_URL, $SHUHO_MODEL, $SHUHO_MODEL_KEY too")
			langFlag(fs, o)
			dbFlag(fs, o)
		},
		run: runDraft,
	}
}

func runDraft(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) > 0 {
		return usagef("draft takes no argument; --week names the week")
	}
	if err := checkLang(o); err != nil {
		return err
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	day := digest.DateOf(time.Now().In(p.Location()))
	if o.week != "" {
		t, err := time.Parse(time.DateOnly, o.week)
		if err != nil {
			return usagef("--week %s: expected a date such as 2026-11-16", o.week)
		}
		day = digest.DateOf(t)
	}
	if o.limit < 1 || o.limit > 50 {
		return usagef("--per-section %d: expected 1 to 50", o.limit)
	}
	ext := strings.ToLower(filepath.Ext(o.to))
	if o.to != "" && ext != ".json" && ext != ".txt" {
		return usagef("-o %s: expected a .json or .txt file", o.to)
	}
	s, err := e.openStore(ctx, o, store.Options{MustExist: true, SkipCheck: true})
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := pipeline.NewDrafter(ctx, s, p)
	if err != nil {
		return err
	}
	d.PerSection = o.limit
	if d.Model, err = e.model(o, d.Headliner); err != nil {
		return err
	}
	dr, err := d.Draft(ctx, day)
	if err != nil {
		return err
	}
	var out []byte
	if ext == ".json" {
		out, err = jsonfmt.Encode(dr.Digest)
	} else {
		out, err = textfmt.Marshal(dr.Digest, p)
	}
	if err != nil {
		return err
	}
	if o.to == "" {
		if _, err := e.stdout.Write(out); err != nil {
			return err
		}
	} else if err := e.output(o.to, out); err != nil {
		return err
	}
	findings := lint.Check(dr.Digest, p, nil)
	if o.json {
		b, err := json.MarshalIndent(struct {
			From     string               `json:"from"`
			To       string               `json:"to"`
			Stories  int                  `json:"stories"`
			Kept     int                  `json:"kept"`
			Items    []pipeline.DraftItem `json:"items"`
			Left     []pipeline.LeftOut   `json:"left"`
			Findings []lint.Finding       `json:"findings"`
		}{From: dr.Digest.Period.From.String(), To: dr.Digest.Period.To.String(), Stories: dr.Stories, Kept: dr.Kept, Items: dr.Items, Left: dr.Left,
			Findings: findings}, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.stderr, "%s\n", b)
		return err
	}
	say := func(key string) string { return words.Text(o.lang, key) }
	fmt.Fprintf(e.stderr, say("cli.draft.week")+"\n", dr.Digest.Period.From, dr.Digest.Period.To, dr.Stories, dr.Kept)
	tw := tabwriter.NewWriter(e.stderr, 0, 4, 2, ' ', 0)
	k := 0
	for _, sec := range dr.Digest.Sections {
		for _, it := range sec.Items {
			di := dr.Items[k]
			k++
			var notes []string
			if di.Gist != "" {
				notes = append(notes, say("cli.draft.gist")+di.Gist)
			}
			if di.Emphasis.On {
				notes = append(notes, say("cli.draft.bold")+di.Emphasis.Reason)
			}
			if len(di.Check) > 0 {
				notes = append(notes, say("cli.draft.checkby")+strings.Join(di.Check, ", "))
			}
			if len(di.Unknown) > 0 {
				notes = append(notes, say("cli.draft.byrule")+strings.Join(di.Unknown, ", "))
			}
			for _, f := range di.Flags {
				notes = append(notes, f.In(o.lang))
			}
			notes = append(notes, di.ModelErrors...)
			for _, sb := range di.SeenBefore {
				notes = append(notes, fmt.Sprintf(say("cli.draft.seen"), sb.Week, sb.HeadlineJA))
			}
			if len(di.Folded) > 0 {
				notes = append(notes, fmt.Sprintf(say("cli.draft.folded"), di.Folded))
			}
			notes = append(notes, say("cli.draft.why")+di.Why.In(o.lang))
			fmt.Fprintf(tw, "%s\t%.2f\t%s\t%s\t%s\n", sec.Key, di.Relevance, words.Engine(o.lang, di.Engine), printable(it.HeadlineJA), printable(strings.Join(notes, "; ")))
		}
	}
	tw.Flush()
	// The stories left out that came nearest, and why.
	shown := 0
	for _, l := range dr.Left {
		if l.Reason == "not for the digest" && l.Relevance < 0.1 || shown == 15 {
			continue
		}
		shown++
		fmt.Fprintf(e.stderr, say("cli.draft.left")+"\n", l.Section, l.Relevance, printable(l.Title), words.LeftOut(o.lang, l.Reason), l.Why.In(o.lang))
	}
	for _, f := range findings {
		fmt.Fprintf(e.stderr, say("cli.draft.lint")+"\n", f.In(o.lang))
	}
	return nil
}
