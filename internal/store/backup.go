package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"time"

	"shuho/internal/digest"
)

// Counts are how many digests, items and articles an archive holds.
type Counts struct{ Digests, Items, Articles int }

func (s *Store) counts(ctx context.Context) (Counts, error) {
	var c Counts
	var err error
	c.Digests, c.Items, c.Articles, err = s.Count(ctx)
	return c, err
}

// Backup writes a consistent copy of the archive to the file out (a path;
// "sqlite:PATH" is read as PATH), which must not exist yet, verifies the
// copy and returns what it holds (D3). SQLite is copied with VACUUM INTO, a
// snapshot that writers do not disturb; the copy is opened, checked, and
// must hold at least what the archive held before the copy began and at
// most what it holds after. PostgreSQL is dumped with pg_dump in its custom
// format, and the dump's table of contents is read back with pg_restore.
// README.md says how to restore either.
func (s *Store) Backup(ctx context.Context, out string) (Counts, error) {
	if engine, _, err := ParseDSN(out); err == nil && engine == Postgres {
		return Counts{}, fmt.Errorf("backup: %s is a database; a backup is a file: %w", redact(out), digest.ErrInvalid)
	}
	out = strings.TrimPrefix(out, "sqlite:")
	if _, err := os.Stat(out); err == nil {
		return Counts{}, fmt.Errorf("backup: %s exists; name a new file: %w", out, os.ErrExist)
	}
	before, err := s.counts(ctx)
	if err != nil {
		return Counts{}, err
	}
	if s.engine == Postgres {
		return before, s.dump(ctx, out)
	}
	if _, err := s.r.ExecContext(ctx, `VACUUM INTO $1`, out); err != nil {
		os.Remove(out)
		return Counts{}, fmt.Errorf("backup to %s: %w", out, err)
	}
	after, err := s.counts(ctx)
	if err != nil {
		return Counts{}, err
	}
	copy, err := Open(ctx, out, Options{MustExist: true})
	if err != nil {
		return Counts{}, fmt.Errorf("the backup %s does not open: %w", out, err)
	}
	defer copy.Close()
	got, err := copy.counts(ctx)
	if err != nil {
		return Counts{}, fmt.Errorf("verify the backup %s: %w", out, err)
	}
	within := func(lo, x, hi int) bool { return lo <= x && x <= hi }
	if !within(before.Digests, got.Digests, after.Digests) || !within(before.Items, got.Items, after.Items) ||
		!within(before.Articles, got.Articles, after.Articles) {
		return Counts{}, fmt.Errorf("the backup %s holds %d digests, %d items, %d articles; the archive held %d, %d, %d: %w",
			out, got.Digests, got.Items, got.Articles, before.Digests, before.Items, before.Articles, ErrDamaged)
	}
	return got, nil
}

// dump writes a PostgreSQL archive with pg_dump and reads its table of
// contents back.
func (s *Store) dump(ctx context.Context, out string) error {
	ctx, cancel := context.WithTimeout(ctx, 6*time.Hour)
	defer cancel()
	var stderr bytes.Buffer
	// The password goes in the environment, not on the command line,
	// where other users of the machine could read it.
	dsn, password := s.dsn, ""
	if u, err := url.Parse(s.dsn); err == nil && u.User != nil {
		password, _ = u.User.Password()
		u.User = url.User(u.User.Username())
		dsn = u.String()
	}
	cmd := exec.CommandContext(ctx, "pg_dump", "--format=custom", "--no-owner", "--file="+out, "--dbname="+dsn)
	cmd.Env = append(os.Environ(), "PGPASSWORD="+password)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		os.Remove(out)
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("backup of PostgreSQL needs pg_dump (Debian: apt-get install postgresql-client): %w", err)
		}
		return fmt.Errorf("pg_dump: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	stderr.Reset()
	list := exec.CommandContext(ctx, "pg_restore", "--list", out)
	list.Stderr = &stderr
	toc, err := list.Output()
	if err != nil {
		return fmt.Errorf("verify the backup %s: pg_restore: %v: %s", out, err, bytes.TrimSpace(stderr.Bytes()))
	}
	if !bytes.Contains(toc, []byte("TABLE DATA public digests")) {
		return fmt.Errorf("the backup %s has no digests table: %w", out, ErrDamaged)
	}
	return nil
}
