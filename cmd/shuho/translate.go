package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"shuho/internal/chat"
	"shuho/internal/draft"
)

func translateCommand() *command {
	return &command{
		name:  "translate",
		args:  "[HEADLINE]",
		short: "Japanese headline drafts in the desk's style",
		long: `Translate drafts the Japanese headline of an English one in the desk's style:
体言止め, 、 after the subject, no 。; people as surname and title, with the
person behind a title named from the body when it is given; every name written
as the glossary writes it, and a name it lacks rendered by rule and listed
under unknown_names for review. The nearest past headline of the archive lends
its wording when it has the same form.

With --jsonl it reads one JSON object a line, {"headline_en": "...", "body":
"..."}, and writes one a line in the same order: {"headline_ja": "...",
"gist": "...", "unknown_names": [...], "check": [...], "engine":
"template|rules|gist|model"}; "check" lists the glossary's entries the headline
used that are past their check-by day (office holders are today's).
A headline_ja is a complete headline or empty: "gist" means no headline form
was recognised, and the names and event found are given as "gist", for an
editor to finish, never as the headline. Without --jsonl such a headline
prints an empty line, and the gist goes to standard error.

--engine model asks an OpenAI-compatible chat-completions endpoint instead
(SHUHO_MODEL_URL such as https://api.openai.com/v1, SHUHO_MODEL, and the key
in SHUHO_MODEL_KEY), with the glossary's terms in the prompt. Its answer is
checked (the house style, the length, the glossary's spellings) and, when it
fails, the built-in draft is given with model_error saying why.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.jsonl, "jsonl", false, "read and write JSON lines")
			fs.StringVar(&o.engine, "engine", "builtin", "`builtin`, or model: the endpoint of $SHUHO_MODEL_URL, $SHUHO_MODEL, $SHUHO_MODEL_KEY")
			dbFlag(fs, o)
		},
		run: runTranslate,
	}
}

func runTranslate(ctx context.Context, e *env, o *options, args []string) error {
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	if !o.jsonl && len(args) == 0 {
		return usagef("translate takes a headline, or --jsonl and lines on standard input")
	}
	if o.jsonl && len(args) > 0 {
		return usagef("translate --jsonl reads standard input; it takes no argument")
	}
	d, done, err := e.drafter(ctx, o, p)
	if err != nil {
		return err
	}
	defer done()
	h := d.Headliner
	model, err := e.model(o, h)
	if err != nil {
		return err
	}
	translate := func(en, body string) translateOutput {
		out := translateOutput{Headline: h.TranslateOn(en, body, time.Now().In(p.Location()).Format(time.DateOnly))}
		if model != nil {
			s, err := model.Headline(ctx, en, body)
			if err != nil {
				out.ModelError = err.Error()
			} else {
				out.Headline = draft.Headline{JA: s.Text, Engine: "model"}
				out.Model, out.At = s.Model, s.At.Format(time.RFC3339)
			}
		}
		if out.Unknown == nil {
			out.Unknown = []string{}
		}
		return out
	}
	if !o.jsonl {
		out := translate(strings.Join(args, " "), "")
		fmt.Fprintln(e.stdout, out.JA)
		if out.JA == "" {
			fmt.Fprintf(e.stderr, "shuho translate: no headline drafted; found: %s\n", cmp.Or(out.Gist, "nothing"))
		}
		if len(out.Unknown) > 0 {
			fmt.Fprintf(e.stderr, "shuho translate: rendered by rule, to review: %s\n", strings.Join(out.Unknown, ", "))
		}
		if out.ModelError != "" {
			fmt.Fprintf(e.stderr, "shuho translate: the built-in draft, for %s\n", out.ModelError)
		}
		return nil
	}
	return eachJSONLine(e, func(line []byte) any {
		var in classifyInput
		if err := decodeLine(line, &in); err != nil {
			return classifyOutput{Error: err.Error()}
		}
		return translate(in.HeadlineEN, in.Body)
	})
}

// translateOutput is a line of translate --jsonl.
type translateOutput struct {
	draft.Headline
	Model      string `json:"model,omitempty"`
	At         string `json:"at,omitempty"`
	ModelError string `json:"model_error,omitempty"`
}

// model returns the model client --engine asks for, or nil for the
// built-in engine.
func (e *env) model(o *options, h *draft.Headliner) (*draft.Model, error) {
	switch o.engine {
	case "", "builtin":
		return nil, nil
	case "model":
	default:
		return nil, usagef("--engine %s: expected builtin or model", o.engine)
	}
	cfg, ok, err := chat.ConfigFromEnv(e.getenv)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if !ok {
		return nil, usagef("--engine model needs SHUHO_MODEL_URL (an OpenAI-compatible endpoint such as https://api.openai.com/v1) and SHUHO_MODEL")
	}
	c, err := chat.New(cfg)
	if err != nil {
		return nil, usagef("%v", err)
	}
	return draft.NewModel(c, h.G), nil
}
