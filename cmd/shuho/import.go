package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"shuho/internal/pipeline"
	"shuho/internal/store"
)

func importCommand() *command {
	return &command{
		name:  "import",
		args:  "PATH…",
		short: "import past digests (.txt, .json, .docx, .pdf; files or folders) into the archive",
		long: `Import reads past digests into the archive: each PATH is a file or a folder,
read recursively (hidden files and folders skipped). It reads .txt (the text
form, with every repair of damaged text), .json, Word's .docx (paragraphs in
order; a bold headline is emphasised) and, when poppler's pdftotext is
installed, .pdf.

A digest is identified by its profile and period. Importing a file again
changes nothing; importing a changed one makes it a new revision and keeps the
old. A file that fails is reported with its line and reason, and the others
go on. On a terminal a progress bar shows the files done; otherwise each file
gets a line. At the end: how many were imported, unchanged, revised, failed.

Two files of one week in one import (the .docx and the .pdf made from it)
are not two versions: the richest is read (.json, then .docx, .txt, .pdf) and
the others are reported and left.

Exit status: 0 when every file was imported, unchanged or revised; 1 when one
failed (a file that cannot be read, or a path that is not there).`,
		flags: dbFlag,
		run:   runImport,
	}
}

func runImport(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) == 0 {
		return usagef("import takes one or more files or folders")
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	s, err := e.openStore(ctx, o, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	tty := isTerminal(e.stderr)
	im := &pipeline.Import{Store: s, Profile: p, Progress: func(done, total int, r pipeline.FileResult) {
		switch {
		case r.Err != nil:
			if tty {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			fmt.Fprintf(e.stderr, "failed: %v\n", r.Err)
		case r.DuplicateOf != "":
			if tty {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			fmt.Fprintf(e.stderr, "%s: the week %s, read from %s; left\n", r.Path, r.Digest, r.DuplicateOf)
		case !tty:
			fmt.Fprintf(e.stderr, "%s: %s %s\n", r.Path, r.Outcome, r.Digest)
		}
		if tty {
			fmt.Fprintf(e.stderr, "\r\033[K%s %d/%d %s", bar(done, total, 30), done, total, clip(r.Path, 50))
			if done == total {
				fmt.Fprintln(e.stderr)
			}
		}
	}}
	sum, err := im.Run(ctx, args)
	if err == nil {
		err = s.Optimize(ctx, sum.Imported+sum.Revised)
	}
	if sum.Failed+sum.Duplicates+sum.Unchanged+sum.Imported+sum.Revised == 0 && err == nil {
		return usagef("no digest files (.txt, .json, .docx, .pdf) in %s", strings.Join(args, ", "))
	}
	// The summary, even after an interruption: what was saved is saved.
	fmt.Fprintf(e.stdout, "imported %d, unchanged %d, revised %d, failed %d", sum.Imported, sum.Unchanged, sum.Revised, sum.Failed)
	var also []string
	if sum.Duplicates > 0 {
		also = append(also, fmt.Sprintf("%d more files of weeks read from another file", sum.Duplicates))
	}
	if sum.Skipped > 0 {
		also = append(also, fmt.Sprintf("%d files of other kinds skipped", sum.Skipped))
	}
	if len(also) > 0 {
		fmt.Fprintf(e.stdout, " (%s)", strings.Join(also, "; "))
	}
	fmt.Fprintln(e.stdout)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return exitError{1}
	}
	return nil
}

// bar draws a progress bar of width characters.
func bar(done, total, width int) string {
	n := 0
	if total > 0 {
		n = done * width / total
	}
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

// isTerminal reports whether w is a terminal, where progress is drawn in
// place rather than printed a line at a time.
func isTerminal(w any) bool {
	if l, ok := w.(*lockedWriter); ok {
		w = l.w
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}
