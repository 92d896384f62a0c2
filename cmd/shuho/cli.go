package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"shuho/internal/digest"
	"shuho/internal/profile"
	"shuho/internal/store"
)

// command is one subcommand: its manual and what it does.
type command struct {
	name string
	// args is the synopsis of its arguments, e.g. "IN OUT".
	args string
	// short is one line for the command list; long is the manual's body.
	short, long string
	// flags declares the command's own flags on fs.
	flags func(fs *flag.FlagSet, o *options)
	// run does the work; args are the positional arguments.
	run func(ctx context.Context, e *env, o *options, args []string) error
}

// options holds every command's flags; each command declares the ones it
// takes.
type options struct {
	profile  string
	logLevel string
	db       string
	json     bool
	repairs  bool
	to       string
	// search
	from, until, section, outlet string
	limit                        int
	// collecting
	contact, allowPrivate string
	workers               int
	sample                bool
	// extract
	url string
	// drafting
	jsonl                                             bool
	kind, en, ja, short, country, title, note, format string
	variants, offices                                 []string
	checkBy, ref                                      string
	week, engine, origin                              string
	role, lang, label                                 string
	passwordStdin, secure, noCollect, keep            bool
	addr, metricsAddr, baseURL                        string
}

// env is what a command runs with: its streams, environment and logger.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	log            *slog.Logger
}

// commands returns the command table; help lists it in this order.
func commands() []*command {
	return []*command{demoCommand(), convertCommand(), lintCommand(), importCommand(), searchCommand(), collectCommand(), extractCommand(), classifyCommand(), translateCommand(), transliterateCommand(), glossaryCommand(), draftCommand(), userCommand(), serveCommand(), workerCommand(),
		backupCommand(), profileCommand(), helpCommand(), versionCommand()}
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// exitError ends a command with a status and no further message (the
// command has said what it has to say).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a wrong command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run runs the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	// The log and a command's progress lines both write to standard
	// error, from several goroutines when collecting.
	stderr = &lockedWriter{w: stderr}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	if len(args) == 0 {
		writeManual(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "shuho: unknown command %q; run 'shuho help' for the list of commands\n", name)
		return 2
	}
	o := &options{}
	fs := flag.NewFlagSet("shuho "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.profile, "profile", getenv("SHUHO_PROFILE"), "the country profile: a built-in key or a profile `file`")
	fs.StringVar(&o.logLevel, "log-level", getenv("SHUHO_LOG_LEVEL"), "log `level`: debug, info, warn or error")
	if c.flags != nil {
		c.flags(fs, o)
	}
	pos, err := parseFlags(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		writeHelp(stdout, c)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "shuho %s: %v\nrun 'shuho help %s' for its usage\n", c.name, err, c.name)
		return 2
	}
	level, err := parseLevel(o.logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "shuho %s: %v\n", c.name, err)
		return 2
	}
	e.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	err = c.run(ctx, e, o, pos)
	return report(stderr, c, err)
}

// lockedWriter serializes writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// report prints err and maps it to an exit status: 2 for a wrong command
// line or an input that cannot be read as what it should be, 1 for any
// other failure.
func report(stderr io.Writer, c *command, err error) int {
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "shuho %s: %s\nusage: shuho %s %s\n", c.name, ue.msg, c.name, c.args)
		return 2
	}
	fmt.Fprintf(stderr, "shuho %s: %v\n", c.name, err)
	if errors.Is(err, digest.ErrInvalid) || errors.Is(err, digest.ErrTooLarge) || errors.Is(err, digest.ErrUnsupported) {
		return 2
	}
	return 1
}

// parseFlags parses flags that may stand before, between or after the
// positional arguments ("shuho lint FILE --json"); "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func parseLevel(s string) (slog.Level, error) {
	if s == "" {
		return slog.LevelWarn, nil
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("unknown log level %q; expected debug, info, warn or error", s)
	}
	return l, nil
}

// loadProfile returns the profile that --profile (or $SHUHO_PROFILE) names:
// a built-in key, or a file. The default is the built-in "az".
func loadProfile(o *options) (*digest.Profile, error) {
	v := o.profile
	if v == "" {
		v = "az"
	}
	isFile := strings.ContainsAny(v, `/\`) || strings.HasSuffix(v, ".json")
	if !isFile {
		p, err := profile.Builtin(v)
		if err == nil || !errors.Is(err, digest.ErrNotFound) {
			return p, err
		}
		if _, statErr := os.Stat(v); statErr != nil {
			return nil, usagef("--profile %s: %v", v, strings.TrimSuffix(err.Error(), ": "+digest.ErrNotFound.Error()))
		}
	}
	data, err := readFile(v)
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	return profile.Parse(v, data)
}

// readFile reads a file (or standard input for "-", through e) that may be
// at most digest.MaxInput bytes, refusing a larger one before reading it.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory; expected a file: %w", path, digest.ErrInvalid)
		}
		if st.Size() > digest.MaxInput {
			return nil, tooLarge(path, st.Size())
		}
	}
	return readLimited(path, f)
}

func readLimited(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, digest.MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > digest.MaxInput {
		return nil, tooLarge(name, -1)
	}
	return data, nil
}

func tooLarge(name string, size int64) error {
	msg := fmt.Sprintf("more than %d MB; shuho reads files of at most %d MB", digest.MaxInput>>20, digest.MaxInput>>20)
	if size >= 0 {
		msg = fmt.Sprintf("%.1f MB; shuho reads files of at most %d MB", float64(size)/1e6, digest.MaxInput>>20)
	}
	return &digest.ParseError{File: name, Msg: msg, Err: digest.ErrTooLarge}
}

// input reads the file named by path, or standard input for "-".
func (e *env) input(path string) ([]byte, error) {
	if path == "-" {
		return readLimited("standard input", e.stdin)
	}
	return readFile(path)
}

// output writes data to the file named by path, or to standard output for
// "-". A file is written whole or not at all: to a temporary file beside it,
// synced, then renamed over it, so that a failure never leaves half a
// digest where a whole one stood.
func (e *env) output(path string, data []byte) error {
	if path == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := io.Copy(tmp, bytes.NewReader(data)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// dbFlag declares --db, the archive's address.
func dbFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.db, "db", "", "the archive: a file `path`, sqlite:PATH or postgres://… (default $SHUHO_DB, or shuho.db in the user's data directory)")
}

// openStore opens the archive that --db, $SHUHO_DB or the default names,
// with the store options of the command: a command that only reads wants
// the archive to exist, and skips the integrity check, which reads the
// whole file (seconds for gigabytes) for no gain to a reader.
func (e *env) openStore(ctx context.Context, o *options, so store.Options) (*store.Store, error) {
	dsn := o.db
	if dsn == "" {
		dsn = e.getenv("SHUHO_DB")
	}
	if dsn == "" {
		p, err := store.DefaultPath(e.getenv)
		if err != nil {
			return nil, err
		}
		dsn = p
	}
	e.log.Debug("open archive", "db", dsn)
	return store.Open(ctx, dsn, so)
}

// langFlag is a report's language: English, or Japanese with --lang ja.
func langFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.lang, "lang", "en", "the `language` of the report: en or ja")
}

func checkLang(o *options) error {
	if o.lang != "en" && o.lang != "ja" {
		return usagef("--lang %q: expected en or ja", o.lang)
	}
	return nil
}
