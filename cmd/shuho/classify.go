package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/pipeline"
	"shuho/internal/store"
)

func classifyCommand() *command {
	return &command{
		name:  "classify",
		args:  "[HEADLINE]",
		short: "section and relevance of articles",
		long: `Classify gives an article the section of the profile it belongs in (security,
domestic, foreign) or "none" when it is not for the digest (business, sport,
culture, weather, advertising), with the probability of each and a relevance
from 0 to 1 for a desk that follows the country's politics and security.

It learns from the archive: every item of an imported or edited digest is an
example of its section, and every story an editor kept or dismissed an example
of its section or of "none". Without an archive it uses its built-in cues
alone.

With --jsonl it reads one JSON object a line on standard input,
{"headline_en": "...", "body": "..."}, and writes one a line, in the same
order: {"section": "...", "scores": {...}, "relevance": 0.0-1.0}. A line that
is not such an object gets {"error": "..."} and the others go on. Without it,
it classifies the HEADLINE argument and prints the section and relevance.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.jsonl, "jsonl", false, "read and write JSON lines")
			dbFlag(fs, o)
		},
		run: runClassify,
	}
}

// classifyInput is one line of classify --jsonl (and translate --jsonl).
type classifyInput struct {
	HeadlineEN string `json:"headline_en"`
	Body       string `json:"body"`
}

type classifyOutput struct {
	Section   string             `json:"section,omitempty"`
	Scores    map[string]float64 `json:"scores,omitempty"`
	Relevance *float64           `json:"relevance,omitempty"`
	Error     string             `json:"error,omitempty"`
}

// archive opens the archive for a command that reads it when there is
// one: nil, and no error, when the default archive does not exist (a named
// one that does not is an error).
func (e *env) archive(ctx context.Context, o *options) (*store.Store, error) {
	s, err := e.openStore(ctx, o, store.Options{MustExist: true, SkipCheck: true})
	if errors.Is(err, digest.ErrNotFound) && o.db == "" && e.getenv("SHUHO_DB") == "" {
		e.log.Debug("no archive; what is built in alone", "err", err)
		return nil, nil
	}
	return s, err
}

// drafter returns the profile's drafter, learnt from the archive when
// there is one, and what closes it.
func (e *env) drafter(ctx context.Context, o *options, p *digest.Profile) (*pipeline.Drafter, func(), error) {
	s, err := e.archive(ctx, o)
	if err != nil {
		return nil, nil, err
	}
	done := func() {
		if s != nil {
			s.Close()
		}
	}
	d, err := pipeline.NewDrafter(ctx, s, p)
	if err != nil {
		done()
		return nil, nil, err
	}
	return d, done, nil
}

func runClassify(ctx context.Context, e *env, o *options, args []string) error {
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	if !o.jsonl && len(args) == 0 {
		return usagef("classify takes a headline, or --jsonl and lines on standard input")
	}
	if o.jsonl && len(args) > 0 {
		return usagef("classify --jsonl reads standard input; it takes no argument")
	}
	d, done, err := e.drafter(ctx, o, p)
	if err != nil {
		return err
	}
	defer done()
	r := d.Ranker
	if !o.jsonl {
		res := r.Classify(strings.Join(args, " "), "")
		_, err := fmt.Fprintf(e.stdout, "%s\t%.3f\n", res.Section, res.Relevance)
		return err
	}
	return eachJSONLine(e, func(line []byte) any {
		var in classifyInput
		if err := decodeLine(line, &in); err != nil {
			return classifyOutput{Error: err.Error()}
		}
		res := r.Classify(in.HeadlineEN, in.Body)
		for k, v := range res.Scores {
			res.Scores[k] = math.Round(v*1000) / 1000
		}
		return classifyOutput{Section: res.Section, Scores: res.Scores, Relevance: &res.Relevance}
	})
}

// eachJSONLine reads standard input a line at a time and writes f's answer
// to each as one JSON line, in order. A blank line is passed over.
func eachJSONLine(e *env, f func(line []byte) any) error {
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	w := bufio.NewWriter(e.stdout)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if strings.TrimSpace(string(line)) == "" {
			continue
		}
		b, err := json.Marshal(f(line))
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("standard input, line %d: %w", n+1, err)
	}
	return w.Flush()
}

// decodeLine reads one JSON object with the fields of in and nothing else.
func decodeLine(line []byte, in *classifyInput) error {
	dec := json.NewDecoder(strings.NewReader(string(line)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(in); err != nil {
		return fmt.Errorf(`expected {"headline_en": "...", "body": "..."}: %v`, err)
	}
	if dec.More() {
		return fmt.Errorf(`expected one JSON object a line`)
	}
	if strings.TrimSpace(in.HeadlineEN) == "" && strings.TrimSpace(in.Body) == "" {
		return fmt.Errorf("headline_en and body are both empty")
	}
	return nil
}
