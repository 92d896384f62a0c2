package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/lint"
	"shuho/internal/words"
)

func lintCommand() *command {
	var rules strings.Builder
	for _, r := range lint.Rules {
		fmt.Fprintf(&rules, "  %-24s %-7s %s\n", r.ID, r.Severity, r.Fires)
	}
	return &command{
		name:  "lint",
		args:  "FILE",
		short: "check a digest and list its findings",
		long: `Lint reads a digest, in the text form (.txt) or the JSON form (.json), from
FILE ("-": standard input) and prints its findings, one a line:

  LINE SECTION.ITEM SEVERITY RULE: message

LINE is the line of the text input (0 for JSON); SECTION and ITEM are 1-based
(0 when a finding is about the whole digest or section). --lang ja writes the
messages in Japanese. With --json it prints
{"findings": [...], "errors": N, "warnings": N, "repairs": N}; for a FILE that
is not a digest, the same with no findings and "error": {"file", "line",
"column", "field", "message"}.

Reading a text digest repairs the damage of copying it out of Word or PDF
(page breaks, page numbers, full-width citations, …); --repairs lists each
repair as an info finding. Outlets, sections and the week are checked against
the profile (--profile).

Exit status: 0 when there is no error (warnings allowed), 1 when there is at
least one error, 2 when FILE cannot be read as a digest.

Rules:
` + rules.String(),
		flags: func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.json, "json", false, "print the findings as JSON")
			fs.BoolVar(&o.repairs, "repairs", false, "list what reading the text repaired, as info findings")
			langFlag(fs, o)
		},
		run: runLint,
	}
}

func runLint(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) != 1 {
		return usagef("lint takes one FILE")
	}
	if err := checkLang(o); err != nil {
		return err
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	in, err := e.readDigest(args[0], p)
	if err != nil {
		if o.json {
			// Scripts read standard output: tell them too, in JSON.
			printJSONError(e, err)
		}
		return err
	}
	findings := lint.Check(in.d, p, in.lines)
	if o.repairs {
		findings = append(lint.FromRepairs(in.repairs, in.lines), findings...)
		lint.Sort(findings)
	}
	errs, warns := lint.Count(findings)
	if o.json {
		out := struct {
			Findings []lint.Finding `json:"findings"`
			Errors   int            `json:"errors"`
			Warnings int            `json:"warnings"`
			Repairs  int            `json:"repairs"`
		}{findings, errs, warns, len(in.repairs)}
		if out.Findings == nil {
			out.Findings = []lint.Finding{}
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		if _, err := e.stdout.Write(append(b, '\n')); err != nil {
			return err
		}
	} else {
		var b strings.Builder
		for _, f := range findings {
			b.WriteString(f.In(o.lang))
			b.WriteByte('\n')
		}
		if _, err := fmt.Fprint(e.stdout, b.String()); err != nil {
			return err
		}
		summary := fmt.Sprintf("%s: %s, %s", args[0], plural(errs, "error"), plural(warns, "warning"))
		if o.lang == "ja" {
			summary = fmt.Sprintf(words.Text("ja", "cli.lint.summary"), args[0], errs, warns)
		}
		if n := len(in.repairs); n > 0 && !o.repairs {
			if o.lang == "ja" {
				summary += fmt.Sprintf(words.Text("ja", "cli.lint.repairs"), n)
			} else {
				summary += fmt.Sprintf("; %s made in reading it (--repairs lists them)", plural(n, "repair"))
			}
		}
		fmt.Fprintln(e.stderr, summary)
	}
	if errs > 0 {
		return exitError{1}
	}
	return nil
}

// printJSONError writes what lint --json prints for a file it cannot read:
// no findings, and the error with its place.
func printJSONError(e *env, err error) {
	type place struct {
		File    string `json:"file,omitempty"`
		Line    int    `json:"line,omitempty"`
		Column  int    `json:"column,omitempty"`
		Field   string `json:"field,omitempty"`
		Message string `json:"message"`
	}
	pl := place{Message: err.Error()}
	var pe *digest.ParseError
	if errors.As(err, &pe) {
		pl = place{pe.File, pe.Line, pe.Column, pe.Field, pe.Msg}
	}
	b, _ := json.MarshalIndent(struct {
		Findings []lint.Finding `json:"findings"`
		Errors   int            `json:"errors"`
		Warnings int            `json:"warnings"`
		Error    place          `json:"error"`
	}{Findings: []lint.Finding{}, Error: pl}, "", "  ")
	e.stdout.Write(append(b, '\n'))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
