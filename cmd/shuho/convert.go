package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"shuho/internal/jsonfmt"
	"shuho/internal/textfmt"
)

func convertCommand() *command {
	return &command{
		name:  "convert",
		args:  "IN OUT",
		short: "convert a digest between the text form (.txt) and JSON (.json)",
		long: `Convert reads the digest IN and writes it to OUT in the form OUT's extension
names: .txt for the canonical text form, .json for the JSON interchange form
(spec/digest-json.md). IN is read as its extension says, or as its content
shows; "-" is standard input for IN and standard output for OUT (then --to
names the form, default txt).

Reading a text digest repairs the damage of copying it out of Word or PDF and
says how many repairs it made (shuho lint --repairs IN lists them). A mistyped
citation date is kept as written and marked invalid, never dropped. OUT is
written whole or not at all. Markdown, HTML, DOCX and PDF come with publishing.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.to, "to", "", "the `form` to write: txt or json (default: OUT's extension, or txt)")
		},
		run: runConvert,
	}
}

func runConvert(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) != 2 {
		return usagef("convert takes IN and OUT")
	}
	in, out := args[0], args[1]
	to := format(strings.ToLower(strings.TrimPrefix(o.to, ".")))
	switch {
	case to == "":
		to = formatOf(out)
		if to == "" && out != "-" {
			if ext := filepath.Ext(out); ext != "" {
				return unsupported(out)
			}
			return usagef("cannot tell the form of %s from its name; give it the extension .txt or .json, or use --to", out)
		}
		if to == "" {
			to = formatText
		}
	case to != formatText && to != formatJSON:
		return usagef("--to %s: expected txt or json", o.to)
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	src, err := e.readDigest(in, p)
	if err != nil {
		return err
	}
	var data []byte
	if to == formatJSON {
		if data, err = jsonfmt.Encode(src.d); err != nil {
			return fmt.Errorf("%s: %w", in, err)
		}
	} else if data, err = textfmt.Marshal(src.d, p); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := e.output(out, data); err != nil {
		return err
	}
	if n := len(src.repairs); n > 0 {
		fmt.Fprintf(e.stderr, "%s: %s made in reading it (shuho lint --repairs %s lists them)\n", in, plural(n, "repair"), in)
	}
	return nil
}
