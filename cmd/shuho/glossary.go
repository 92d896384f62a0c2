package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"shuho/internal/digest"
	"shuho/internal/glossary"
	"shuho/internal/pipeline"
	"shuho/internal/store"
)

func glossaryCommand() *command {
	return &command{
		name:  "glossary",
		args:  "list|add|import|export …",
		short: "the glossary of names: list, add, import, export",
		long: `Glossary shows and changes how the desk writes names in Japanese. The glossary
is the built-in seed (countries and cities from CLDR, country adjectives,
titles, institutions, office holders), then the profile's own terms, then the
desk's terms stored in the archive; a later term of the same kind and English
form replaces an earlier one.

  shuho glossary list [QUERY] [--kind KIND] [--json]
      the terms whose English form, a variant or the Japanese holds QUERY
  shuho glossary add --kind KIND --en NAME --ja 名前 [--variant V]… [--short S]
      [--country CC] [--title TITLE] [--note NOTE] [--office "TITLE;CC;POSTED;FROM;TO"]…
      [--check-by YYYY-MM-DD] [--ref URL]
      add a term to the archive (or replace the desk's term of that kind and name);
      a person's offices name who held what when ("Foreign Minister;AZ;;2020-07-16;"),
      and a term past its check-by day is flagged where it is used
  shuho glossary import FILE.json|FILE.csv
      add or replace the terms of a file; all or none (a bad line names itself)
  shuho glossary export [-o FILE] [--format json|csv]
      the whole glossary, as import reads it

Kinds: person, place, organisation, title, adjective, country. The JSON form is
an array of {"kind","en","variants","ja","ja_variants","short","country",
"title","note","source","ref","offices","title_by","check_by"}; the CSV form has
those columns, lists joined by |, an office as title;country;posted_to;from;to
and a title's country form as CN=国家主席. list marks a term past its check-by
day with "check by DATE: past".`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.json, "json", false, "print JSON")
			fs.StringVar(&o.kind, "kind", "", "the `kind` of term")
			fs.StringVar(&o.en, "en", "", "the English `form`")
			fs.StringVar(&o.ja, "ja", "", "the Japanese `rendering`")
			fs.Func("variant", "another `spelling` (repeatable)", func(v string) error { o.variants = append(o.variants, v); return nil })
			fs.StringVar(&o.short, "short", "", "a person's headline `surname`, a country's abbreviation")
			fs.StringVar(&o.country, "country", "", "the ISO `code` of the term's country")
			fs.StringVar(&o.title, "title", "", "a person's office `title` in English")
			fs.StringVar(&o.note, "note", "", "a `note` for the analyst")
			fs.Func("office", "an office held, `TITLE;CC;POSTED;FROM;TO` (repeatable)", func(v string) error { o.offices = append(o.offices, v); return nil })
			fs.StringVar(&o.checkBy, "check-by", "", "the `day` by which the term must be checked again")
			fs.StringVar(&o.ref, "ref", "", "the `address` of the page the form was read on")
			fs.StringVar(&o.format, "format", "", "export `format`: json or csv (default by -o's extension, else json)")
			fs.StringVar(&o.to, "o", "", "write to `FILE` instead of standard output")
			dbFlag(fs, o)
		},
		run: runGlossary,
	}
}

// loadGlossary builds the profile's glossary: the seed, the profile's
// terms, the archive's (when there is an archive).
func (e *env) loadGlossary(ctx context.Context, o *options, p *digest.Profile) (*glossary.Glossary, error) {
	s, err := e.archive(ctx, o)
	if err != nil {
		return nil, err
	}
	if s != nil {
		defer s.Close()
	}
	return pipeline.Glossary(ctx, s, p)
}

func runGlossary(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) == 0 {
		return usagef("glossary takes list, add, import or export")
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	switch args[0] {
	case "list":
		if len(args) > 2 {
			return usagef("glossary list takes at most one query")
		}
		g, err := e.loadGlossary(ctx, o, p)
		if err != nil {
			return err
		}
		q := ""
		if len(args) == 2 {
			q = args[1]
		}
		var out []digest.Term
		for _, t := range g.Terms() {
			if o.kind != "" && string(t.Kind) != o.kind {
				continue
			}
			if q != "" && !termHolds(t, q) {
				continue
			}
			out = append(out, t)
		}
		if o.json {
			return writeJSON(e.stdout, out)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		today := time.Now().In(p.Location()).Format(time.DateOnly)
		for _, t := range out {
			var more []string
			for _, of := range t.Offices {
				more = append(more, fmt.Sprintf("%s %s %s–%s", of.Title, cmp.Or(of.Country, "-"), of.From, of.To))
			}
			if t.CheckBy != "" {
				c := "check by " + t.CheckBy
				if glossary.Stale(&t, today) {
					c += ": past"
				}
				more = append(more, c)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Kind, printable(t.EN), printable(t.JA), printable(strings.Join(t.Variants, ", ")), printable(strings.Join(more, "; ")))
		}
		return tw.Flush()
	case "add":
		if len(args) != 1 {
			return usagef("glossary add takes its term as flags: --kind --en --ja")
		}
		t := digest.Term{Kind: digest.TermKind(o.kind), EN: o.en, JA: o.ja, Variants: o.variants, Short: o.short,
			Country: o.country, Title: o.title, Note: o.note, Source: "desk", CheckBy: o.checkBy, Ref: o.ref}
		for _, v := range o.offices {
			of, err := glossary.ParseOffice(v)
			if err != nil {
				return usagef("--office: %v", err)
			}
			t.Offices = append(t.Offices, of)
		}
		if err := glossary.Check(&t); err != nil {
			return usagef("%v", err)
		}
		return e.putTerms(ctx, o, p, []digest.Term{t})
	case "import":
		if len(args) != 2 {
			return usagef("glossary import takes one file")
		}
		b, err := e.input(args[1])
		if err != nil {
			return err
		}
		var terms []digest.Term
		if strings.EqualFold(filepath.Ext(args[1]), ".csv") {
			terms, err = glossary.ParseCSV(bytes.NewReader(b))
		} else {
			terms, err = glossary.ParseJSON(b)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", args[1], err)
		}
		return e.putTerms(ctx, o, p, terms)
	case "export":
		if len(args) != 1 {
			return usagef("glossary export takes no argument; -o names the file")
		}
		g, err := e.loadGlossary(ctx, o, p)
		if err != nil {
			return err
		}
		format := o.format
		if format == "" && strings.EqualFold(filepath.Ext(o.to), ".csv") {
			format = "csv"
		}
		var buf bytes.Buffer
		switch format {
		case "", "json":
			b, err := json.MarshalIndent(g.Terms(), "", "  ")
			if err != nil {
				return err
			}
			buf.Write(b)
			buf.WriteByte('\n')
		case "csv":
			if err := glossary.WriteCSV(&buf, g.Terms()); err != nil {
				return err
			}
		default:
			return usagef("--format %s: expected json or csv", format)
		}
		if o.to == "" || o.to == "-" {
			_, err := e.stdout.Write(buf.Bytes())
			return err
		}
		return e.output(o.to, buf.Bytes())
	}
	return usagef("glossary %s: expected list, add, import or export", args[0])
}

func (e *env) putTerms(ctx context.Context, o *options, p *digest.Profile, terms []digest.Term) error {
	s, err := e.openStore(ctx, o, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	keys := make([]string, len(terms))
	for i, t := range terms {
		keys[i] = glossary.Fold(t.EN)
	}
	added, changed, err := s.PutGlossaryTerms(ctx, p.Key, terms, keys)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%d added, %d changed, %d unchanged\n", added, changed, len(terms)-added-changed)
	return err
}

func termHolds(t digest.Term, q string) bool {
	fq := glossary.Fold(q)
	if fq != "" && (strings.Contains(glossary.Fold(t.EN), fq)) {
		return true
	}
	for _, v := range t.Variants {
		if fq != "" && strings.Contains(glossary.Fold(v), fq) {
			return true
		}
	}
	return strings.Contains(t.JA, q)
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
