package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"shuho/internal/auth"
	"shuho/internal/store"
)

func userCommand() *command {
	return &command{
		name:  "user",
		args:  "add|list|passwd|role|disable|enable NAME …",
		short: "accounts of the editor: add, list, change, disable",
		long: `User manages the accounts that sign in to the editor. Roles, weakest first:
viewer (reads), editor (drafts and edits), approver (approves), admin (all, and
users).

  shuho user add NAME --role ROLE [--lang ja|en] [--password-stdin]
      makes an account; the first admin is made this way. On a terminal the
      password is asked for twice without echo; with --password-stdin it is
      read from the first line of standard input; otherwise one is generated
      and printed once.
  shuho user list
  shuho user passwd NAME [--password-stdin]   a new password (ends its sessions)
  shuho user role NAME ROLE
  shuho user disable NAME | enable NAME        disabling ends its sessions and tokens

  shuho user token NAME --name LABEL           a new API token for the JSON API,
      printed once; the archive keeps only its hash
  shuho user tokens                            the tokens, never their values
  shuho user revoke ID                         revokes a token

Passwords are hashed with argon2id and need at least 10 characters.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.role, "role", "", "the account's `role`: viewer, editor, approver or admin")
			fs.StringVar(&o.lang, "lang", "ja", "the language of its pages: ja or en")
			fs.BoolVar(&o.passwordStdin, "password-stdin", false, "read the password from standard input")
			fs.StringVar(&o.label, "name", "", "a token's `label`")
			dbFlag(fs, o)
		},
		run: runUser,
	}
}

func runUser(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) == 0 {
		return usagef("user takes add, list, passwd, role, disable, enable, token, tokens or revoke")
	}
	need := map[string]int{"add": 2, "list": 1, "passwd": 2, "role": 3, "disable": 2, "enable": 2, "token": 2, "tokens": 1, "revoke": 2}
	n, ok := need[args[0]]
	if !ok {
		return usagef("user %s: expected add, list, passwd, role, disable, enable, token, tokens or revoke", args[0])
	}
	if len(args) != n {
		return usagef("user %s takes %d argument(s)", args[0], n-1)
	}
	s, err := e.openStore(ctx, o, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	switch args[0] {
	case "add":
		role := auth.Role(o.role)
		if !role.Valid() {
			return usagef("--role %q: expected viewer, editor, approver or admin", o.role)
		}
		hash, pw, generated, err := e.passwordHash(o)
		if err != nil {
			return err
		}
		if _, err := s.CreateUser(ctx, args[1], role, hash, o.lang); err != nil {
			if errors.Is(err, store.ErrExists) {
				return usagef("%v", err)
			}
			return err
		}
		fmt.Fprintf(e.stdout, "user %s (%s) added\n", args[1], role)
		if generated {
			fmt.Fprintf(e.stdout, "password: %s\n(shown once; shuho user passwd %s sets another)\n", pw, args[1])
		}
		return nil
	case "list":
		us, err := s.Users(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "name\trole\tlang\tstate\tsince")
		for _, u := range us {
			state := "active"
			if u.Disabled {
				state = "disabled"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, u.Lang, state, u.Created.Format("2006-01-02"))
		}
		return tw.Flush()
	case "tokens":
		ts, err := s.APITokens(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tuser\tname\tcreated\tstate")
		for _, t := range ts {
			state := "live"
			if t.Revoked {
				state = "revoked"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", t.ID, t.User, printable(t.Name), t.Created.Format("2006-01-02"), state)
		}
		return tw.Flush()
	case "revoke":
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil {
			return usagef("revoke takes a token's id (shuho user tokens lists them)")
		}
		if err := s.RevokeAPIToken(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "token %d revoked\n", id)
		return nil
	}
	u, err := s.UserByName(ctx, args[1])
	if err != nil {
		return err
	}
	switch args[0] {
	case "passwd":
		hash, pw, generated, err := e.passwordHash(o)
		if err != nil {
			return err
		}
		if err := s.UpdateUser(ctx, u.Name, u.Role, hash, u.Lang, u.Disabled); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "password of %s changed; its sessions ended\n", u.Name)
		if generated {
			fmt.Fprintf(e.stdout, "password: %s\n(shown once)\n", pw)
		}
	case "role":
		role := auth.Role(args[2])
		if !role.Valid() {
			return usagef("role %q: expected viewer, editor, approver or admin", args[2])
		}
		if err := s.UpdateUser(ctx, u.Name, role, "", u.Lang, u.Disabled); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s is now %s\n", u.Name, role)
	case "disable", "enable":
		if err := s.UpdateUser(ctx, u.Name, u.Role, "", u.Lang, args[0] == "disable"); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s %sd\n", u.Name, args[0])
	case "token":
		if strings.TrimSpace(o.label) == "" {
			return usagef("user token needs --name LABEL, to tell the token apart later")
		}
		tok := auth.NewToken()
		t, err := s.CreateAPIToken(ctx, u.ID, o.label, auth.TokenHash(tok))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "token %d of %s: %s\n(shown once; send it as Authorization: Bearer TOKEN)\n", t.ID, u.Name, tok)
	}
	return nil
}

// passwordHash gets a new password (newPassword) and its hash; a password
// too weak to take is a usage error.
func (e *env) passwordHash(o *options) (hash, pw string, generated bool, err error) {
	if pw, generated, err = e.newPassword(o); err != nil {
		return "", "", false, err
	}
	if hash, err = auth.HashPassword(pw); err != nil {
		return "", "", false, usagef("%v", err)
	}
	return hash, pw, generated, nil
}

// newPassword gets a password: from the terminal without echo (twice),
// from standard input with --password-stdin, or generated.
func (e *env) newPassword(o *options) (pw string, generated bool, err error) {
	if o.passwordStdin {
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", false, usagef("--password-stdin: no password on standard input")
		}
		return strings.TrimRight(line, "\r\n"), false, nil
	}
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", false, err
		}
		fmt.Fprint(e.stderr, "again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", false, err
		}
		if string(a) != string(b) {
			return "", false, usagef("the two passwords differ")
		}
		return string(a), false, nil
	}
	return auth.GeneratePassword(), true, nil
}
