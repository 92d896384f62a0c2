package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

func helpCommand() *command {
	return &command{
		name:  "help",
		args:  "[COMMAND]",
		short: "print this manual or a command's",
		long:  "With no argument, help lists the commands; with one, it prints that command's manual.",
		run:   runHelp,
	}
}

func runHelp(ctx context.Context, e *env, o *options, args []string) error {
	switch len(args) {
	case 0:
		writeManual(e.stdout)
		return nil
	case 1:
		c := lookup(args[0])
		if c == nil {
			return usagef("no command %q; run 'shuho help' for the list of commands", args[0])
		}
		writeHelp(e.stdout, c)
		return nil
	}
	return usagef("help takes at most one command")
}

// writeManual prints the list of commands.
func writeManual(w io.Writer) {
	fmt.Fprint(w, `shuho (週報) produces the weekly bilingual political and security digest of a
country from public news, for an embassy's political desk.

Usage: shuho COMMAND [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.short)
	}
	fmt.Fprint(w, `
Run 'shuho help COMMAND' or 'shuho COMMAND -h' for a command's manual.
Common flags: --profile KEY|FILE (or $SHUHO_PROFILE), --log-level LEVEL (or $SHUHO_LOG_LEVEL).
`)
}

// writeHelp prints a command's manual: usage, description and flags.
func writeHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "Usage: shuho %s [flags] %s\n\n%s\n", c.name, c.args, strings.TrimSpace(c.long))
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	o := &options{}
	fs.StringVar(&o.profile, "profile", "", "the country profile: a built-in key or a profile `file` (default az; also $SHUHO_PROFILE)")
	fs.StringVar(&o.logLevel, "log-level", "", "log `level`: debug, info, warn or error (default warn; also $SHUHO_LOG_LEVEL)")
	if c.flags != nil {
		c.flags(fs, o)
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func versionCommand() *command {
	return &command{
		name:  "version",
		short: "print shuho's version",
		long:  "Version prints shuho's version and the Go version it was built with.",
		run:   runVersion,
	}
}

func runVersion(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) > 0 {
		return usagef("version takes no arguments")
	}
	v, goVersion := "(devel)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(e.stdout, "shuho %s %s\n", v, goVersion)
	return nil
}
