package main

import (
	"context"
	"fmt"

	"shuho/internal/profile"
)

func profileCommand() *command {
	return &command{
		name:  "profile",
		args:  "show|list",
		short: "show the effective country profile, or list the built-in ones",
		long: `Profile show prints the effective country profile (--profile, $SHUHO_PROFILE,
or the built-in "az") as JSON: title, subtitle, issuer, time zone, the day the
week starts, sections, outlets, Japanese style and glossary. That JSON is the
form of a profile file: save it, edit it and pass it with --profile FILE to
make a profile of your own. A broken profile file is reported with its file,
line and field.

Profile list prints the keys of the built-in profiles.`,
		run: runProfile,
	}
}

func runProfile(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) != 1 {
		return usagef("profile takes show or list")
	}
	switch args[0] {
	case "show":
		p, err := loadProfile(o)
		if err != nil {
			return err
		}
		b, err := profile.Format(p)
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(b)
		return err
	case "list":
		for _, k := range profile.Keys() {
			fmt.Fprintln(e.stdout, k)
		}
		return nil
	}
	return usagef("unknown profile subcommand %q; expected show or list", args[0])
}
