package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/pipeline"
)

func convertCommand() *command {
	return &command{
		name:  "convert",
		args:  "IN OUT",
		short: "convert a digest: text, JSON, Markdown, HTML, DOCX, PDF",
		long: `Convert reads the digest IN (.txt or .json) and writes it to OUT in the form
OUT's extension names: .txt for the canonical text form, .json for the JSON
interchange form (docs/format-json.md), .md for Markdown, .html for one
self-contained page with print-ready CSS, .docx for Word (headings, bold,
italics, lists, Japanese fonts declared), .pdf for an A4 PDF with the Japanese
text embedded. IN is read as its extension says, or as its content shows; "-"
is standard input for IN and standard output for OUT (then --to names the
form, default txt).

The PDF needs a Japanese TrueType font: the IPAex fonts (Debian:
fonts-ipaexfont) or the IPA fonts are found where Debian installs them;
$SHUHO_PDF_FONT names another .ttf (and $SHUHO_PDF_HEADING_FONT one for
headings). Without one it says what to install. A DOCX or PDF is dated the
time it is written; with $SOURCE_DATE_EPOCH (seconds since 1970) it is dated
then, and the same digest always gives the same bytes.

Reading a text digest repairs the damage of copying it out of Word or PDF and
says how many repairs it made (shuho lint --repairs IN lists them). A mistyped
citation date is kept as written and marked invalid, never dropped. OUT is
written whole or not at all.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.to, "to", "", "the `form` to write: txt, json, md, html, docx or pdf (default: OUT's extension, or txt)")
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
		to = outputFormat(out)
		if to == "" && out != "-" {
			if ext := filepath.Ext(out); ext != "" {
				return unsupported(out)
			}
			return usagef("cannot tell the form of %s from its name; give it the extension .txt, .json, .md, .html, .docx or .pdf, or use --to", out)
		}
		if to == "" {
			to = formatText
		}
	case outputFormat("x."+string(to)) == "":
		return usagef("--to %s: expected txt, json, md, html, docx or pdf", o.to)
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	src, err := e.readDigest(in, p)
	if err != nil {
		return err
	}
	data, err := e.renderDigest(src.d, p, to)
	if err != nil {
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

// The forms convert and publishing write besides text and JSON.
const (
	formatMarkdown format = "md"
	formatHTML     format = "html"
	formatDOCX     format = "docx"
	formatPDF      format = "pdf"
)

// outputFormat names the form a path is written in by its extension; ""
// when the extension names none.
func outputFormat(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return formatMarkdown
	case ".html", ".htm":
		return formatHTML
	case ".docx":
		return formatDOCX
	case ".pdf":
		return formatPDF
	}
	return formatOf(path)
}

// renderDigest writes a digest in a form, dated now, or at
// $SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
// convention) for files that must come out the same each time.
func (e *env) renderDigest(d *digest.Digest, p *digest.Profile, to format) ([]byte, error) {
	at := time.Now()
	if v := e.getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("SOURCE_DATE_EPOCH %q: expected seconds since 1970: %w", v, digest.ErrInvalid)
		}
		at = time.Unix(sec, 0).UTC()
	}
	return pipeline.NewWriter(e.getenv).Write(d, p, string(to), at)
}
