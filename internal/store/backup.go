package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// Backup writes a consistent copy of the archive to the file out, which must
// not exist yet, and verifies the copy (D3). SQLite is copied with VACUUM
// INTO, a snapshot that writers do not disturb; the copy is opened and
// checked, and must hold what the archive holds. PostgreSQL is dumped with
// pg_dump in its custom format, and the dump's table of contents is read
// back with pg_restore. README.md says how to restore either.
func (s *Store) Backup(ctx context.Context, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("backup: %s exists; name a new file: %w", out, os.ErrExist)
	}
	if s.engine == Postgres {
		return s.dump(ctx, out)
	}
	if _, err := s.r.ExecContext(ctx, `VACUUM INTO $1`, out); err != nil {
		os.Remove(out)
		return fmt.Errorf("backup to %s: %w", out, err)
	}
	copy, err := Open(ctx, out, Options{})
	if err != nil {
		return fmt.Errorf("backup %s does not open: %w", out, err)
	}
	defer copy.Close()
	d1, i1, a1, err1 := s.Count(ctx)
	d2, i2, a2, err2 := copy.Count(ctx)
	if err := errors.Join(err1, err2); err != nil {
		return fmt.Errorf("verify the backup %s: %w", out, err)
	}
	// Writers may have added to the archive since the snapshot; the copy
	// can hold less, never more.
	if d2 > d1 || i2 > i1 || a2 > a1 {
		return fmt.Errorf("the backup %s holds %d digests, %d items, %d articles, more than the archive: %w", out, d2, i2, a2, ErrDamaged)
	}
	return nil
}

// dump writes a PostgreSQL archive with pg_dump and reads its table of
// contents back.
func (s *Store) dump(ctx context.Context, out string) error {
	ctx, cancel := context.WithTimeout(ctx, 6*time.Hour)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "pg_dump", "--format=custom", "--no-owner", "--file="+out, "--dbname="+s.dsn)
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
