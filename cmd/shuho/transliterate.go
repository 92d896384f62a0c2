package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
)

func transliterateCommand() *command {
	return &command{
		name:  "transliterate",
		args:  "NAME…",
		short: "the Japanese rendering of names, one a line",
		long: `Transliterate prints how the desk writes each NAME in Japanese, one a line:
from the glossary when it holds the name (whole, or a person's surname), else
by the transliteration rules for Azerbaijani, Russian, Turkish, Georgian,
Armenian, Central Asian and English names as Japanese media write them
(-ov → フ, -yev → エフ, kh → ハ行, -dze → ゼ, -yan → ヤン …), in the profile's
style (ヴ or バ). A rule-made rendering is marked "(rule)" after a tab: it wants
a reviewer's eye, and "shuho glossary add" makes it the desk's.

--origin gives the names' language (az, ru, tr, ge, am, kz, uz, en) when the
spelling does not show it; --json prints {"name","ja","by_rule"} a line.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.origin, "origin", "", "the names' `language`: az, ru, tr, ge, am, kz, uz, en")
			fs.BoolVar(&o.json, "json", false, "print JSON lines")
			dbFlag(fs, o)
		},
		run: runTransliterate,
	}
}

func runTransliterate(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) == 0 {
		return usagef("transliterate takes one or more names")
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	g, err := e.loadGlossary(ctx, o, p)
	if err != nil {
		return err
	}
	for _, name := range args {
		name = strings.TrimSpace(name)
		r := g.Name(name, o.origin)
		if o.json {
			if err := writeJSONLine(e, map[string]any{"name": name, "ja": r.JA, "by_rule": r.ByRule}); err != nil {
				return err
			}
			continue
		}
		mark := ""
		if r.ByRule {
			mark = "\t(rule)"
		}
		if _, err := fmt.Fprintf(e.stdout, "%s%s\n", r.JA, mark); err != nil {
			return err
		}
	}
	return nil
}

func writeJSONLine(e *env, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", b)
	return err
}
