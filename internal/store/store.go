// Package store holds all of shuho's SQL: the archive of digests (their
// current content and every revision), collected articles, and search over
// both, on SQLite (one file, nothing to install) or PostgreSQL (a team's or a
// ministry's server). Both engines pass one conformance suite and return the
// same search hits; where their SQL differs, both statements stand beside
// the method that runs them.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go

	"shuho/internal/digest"
)

// Engine names a database engine.
type Engine string

// The engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Store is an open archive. It is safe for concurrent use.
type Store struct {
	engine Engine
	// w takes every write; for SQLite it holds one connection, so that
	// writes never contend for SQLite's single write lock (D1), and its
	// transactions start with BEGIN IMMEDIATE. r serves reads. For
	// PostgreSQL both are the same pool.
	w, r *sql.DB
	// path is the SQLite file; dsn the PostgreSQL address.
	path, dsn string
	now       func() time.Time
}

// Options tune Open.
type Options struct {
	// SkipCheck skips the integrity check at start-up, which on SQLite
	// reads the whole file: for benchmarks on very large archives.
	SkipCheck bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// MustExist refuses to create an SQLite archive that is not there: for
	// commands that only read, a mistyped path is an error, not a new,
	// empty archive.
	MustExist bool
}

// ParseDSN splits a data source name into its engine and address: a
// "postgres://…" or "postgresql://…" URL, or "sqlite:PATH", or a plain PATH
// (SQLite).
func ParseDSN(dsn string) (Engine, string, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			return "", "", fmt.Errorf("database address: %v: %w", err, digest.ErrInvalid)
		}
		return Postgres, dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		dsn = strings.TrimPrefix(dsn, "sqlite:")
	case strings.Contains(dsn, "://"):
		return "", "", fmt.Errorf("database address %s: unknown kind; expected a file path, sqlite:PATH or postgres://…: %w", redact(dsn), digest.ErrInvalid)
	}
	if dsn == "" {
		return "", "", fmt.Errorf("empty database address; expected a file path, sqlite:PATH or postgres://…: %w", digest.ErrInvalid)
	}
	return SQLite, dsn, nil
}

// DefaultPath is where the archive lives when no database is named: the
// user's data directory ($XDG_DATA_HOME, or ~/.local/share, on Unix).
func DefaultPath(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "shuho", "shuho.db"), nil
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("no home directory for the default database; name one with --db: %w", err)
		}
	}
	return filepath.Join(home, ".local", "share", "shuho", "shuho.db"), nil
}

// Open opens the archive named by dsn (see ParseDSN), creating an SQLite file
// and its directory when missing, and brings its schema up to date. It
// refuses an archive whose schema is newer than this version of shuho knows
// (D4), and one that fails its integrity check.
func Open(ctx context.Context, dsn string, o Options) (*Store, error) {
	engine, addr, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{engine: engine, now: o.Now}
	if s.now == nil {
		s.now = time.Now
	}
	switch engine {
	case SQLite:
		if o.MustExist {
			if _, err := os.Stat(addr); err != nil {
				return nil, fmt.Errorf("no archive at %s (shuho import makes one): %w", addr, digest.ErrNotFound)
			}
		}
		err = s.openSQLite(ctx, addr)
	case Postgres:
		err = s.openPostgres(ctx, addr)
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if !o.SkipCheck {
		if err := s.Check(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// sqlitePragmas are set on every SQLite connection (D1): write-ahead
// logging, a full sync at each commit so that a commit that returned
// survives a crash, foreign keys, and a wait for a busy lock rather than an
// error.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)"

// (busy_timeout comes first: switching a new file to WAL takes a lock that
// another process opening it at the same moment must wait for.)

func (s *Store) openSQLite(ctx context.Context, path string) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("database directory: %w", err)
		}
	}
	s.path = path
	u := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + sqlitePragmas
	w, err := sql.Open("sqlite", u+"&_txlock=immediate")
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", u)
	if err != nil {
		w.Close()
		return fmt.Errorf("open %s: %w", path, err)
	}
	r.SetMaxOpenConns(8)
	s.w, s.r = w, r
	// Several processes opening a new file at once race to switch it to
	// WAL, and SQLite answers the loser "database is locked" at once,
	// without the busy wait: the loser tries again.
	// As long as busy_timeout would have waited.
	giveUp := time.Now().Add(10 * time.Second)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 500*time.Millisecond) {
		err := w.PingContext(ctx)
		if err == nil {
			return nil
		}
		if !strings.Contains(err.Error(), "database is locked") || time.Now().After(giveUp) {
			s.Close()
			return fmt.Errorf("open %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			s.Close()
			return fmt.Errorf("open %s: %w", path, err)
		case <-time.After(wait):
		}
	}
}

func (s *Store) openPostgres(ctx context.Context, dsn string) error {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return fmt.Errorf("database address %s: %v: %w", redact(dsn), err, digest.ErrInvalid)
	}
	// A search is fast by the index of its words when they are rare and by
	// the order of the documents when they are common; only a plan made for
	// the query's own words can tell which, so never reuse a generic one.
	if _, set := cfg.RuntimeParams["plan_cache_mode"]; !set {
		cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	s.w, s.r, s.dsn = db, db, dsn
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return fmt.Errorf("connect to %s: %w", redact(dsn), err)
	}
	return nil
}

// redact hides the password of a database address, for messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "the database"
	}
	return u.Redacted()
}

// Engine returns the store's engine.
func (s *Store) Engine() Engine { return s.engine }

// Close closes the store.
func (s *Store) Close() error {
	err := s.w.Close()
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// tx runs f in a write transaction, committing when f returns nil.
func (s *Store) tx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// txRetry runs f as tx does, again (up to three times in all) when
// PostgreSQL aborts the transaction for a deadlock or a serialization
// failure: collectors on several machines write the same tables at once,
// and PostgreSQL resolves a deadlock by aborting one side, which is to try
// again, not to fail. f must be safe to run again from the start.
func (s *Store) txRetry(ctx context.Context, f func(tx *sql.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.tx(ctx, f)
		var pe *pgconn.PgError
		if attempt < 3 && errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001") {
			continue
		}
		return err
	}
}

// Check verifies the database: SQLite's integrity check, or on PostgreSQL
// that the server answers (the server keeps its own files whole).
func (s *Store) Check(ctx context.Context) error {
	if s.engine == Postgres {
		return s.r.PingContext(ctx)
	}
	rows, err := s.r.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check of %s: %w", s.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check of %s: %w", s.path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("the database %s is damaged (%s); restore it from a backup: %w", s.path, strings.Join(problems, "; "), ErrDamaged)
	}
	return nil
}

// ErrDamaged: the database failed its integrity check.
var ErrDamaged = errors.New("database damaged")

// ErrTooNew: the database's schema is newer than this version of shuho.
var ErrTooNew = errors.New("database schema too new")

// Sizes returns, in bytes, the text the archive holds (headlines, blocks,
// article titles and texts), its search index, and the whole database: how
// much the index costs against what it indexes.
func (s *Store) Sizes(ctx context.Context) (text, index, total int64, err error) {
	if s.engine == SQLite {
		// LENGTH counts characters; the index is in bytes, so the text is
		// counted in bytes too.
		err = s.r.QueryRowContext(ctx, `SELECT
			COALESCE((SELECT SUM(LENGTH(CAST(headline_ja AS BLOB)) + LENGTH(CAST(headline_en AS BLOB))) FROM items), 0) +
			COALESCE((SELECT SUM(LENGTH(CAST(text AS BLOB)) + COALESCE(LENGTH(CAST(entries AS BLOB)), 0)) FROM blocks), 0) +
			COALESCE((SELECT SUM(LENGTH(CAST(title AS BLOB)) + LENGTH(CAST(text AS BLOB))) FROM articles), 0)`).Scan(&text)
		if err != nil {
			return 0, 0, 0, err
		}
		err = s.r.QueryRowContext(ctx, `SELECT
			(SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%'),
			(SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size())`).Scan(&index, &total)
		return text, index, total, err
	}
	err = s.r.QueryRowContext(ctx, `SELECT pg_total_relation_size('search_docs') + pg_total_relation_size('search_days'),
		pg_database_size(current_database())`).Scan(&index, &total)
	if err == nil {
		err = s.r.QueryRowContext(ctx, `SELECT
			COALESCE((SELECT SUM(OCTET_LENGTH(headline_ja) + OCTET_LENGTH(headline_en)) FROM items), 0) +
			COALESCE((SELECT SUM(OCTET_LENGTH(text) + COALESCE(OCTET_LENGTH(entries), 0)) FROM blocks), 0) +
			COALESCE((SELECT SUM(OCTET_LENGTH(title) + OCTET_LENGTH(text)) FROM articles), 0)`).Scan(&text)
	}
	return text, index, total, err
}

// Optimize refreshes the query planner's statistics after changes, which a
// large import leaves stale: SQLite's PRAGMA optimize (cheap: it analyzes
// only what needs it), and on PostgreSQL an ANALYZE of the search documents
// when changed is large (autovacuum sees to small changes in its time).
func (s *Store) Optimize(ctx context.Context, changed int) error {
	if s.engine == Postgres {
		if changed < 100 {
			return nil
		}
		_, err := s.w.ExecContext(ctx, `ANALYZE search_docs`)
		return err
	}
	_, err := s.w.ExecContext(ctx, `PRAGMA optimize`)
	return err
}

// Compact merges the SQLite search index's segments into one (FTS5's
// optimize), which makes searches of a bulk-loaded archive faster. It
// rewrites the whole index and holds the write lock meanwhile: for after a
// load of many thousands of documents, not for every import.
func (s *Store) Compact(ctx context.Context) error {
	if s.engine == Postgres {
		return s.Optimize(ctx, 1<<30)
	}
	for _, t := range []string{"search_fts", "search_heads"} {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO `+t+` (`+t+`) VALUES ('optimize')`); err != nil {
			return err
		}
	}
	return s.Optimize(ctx, 1<<30)
}
