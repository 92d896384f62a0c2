package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"shuho/internal/digest"
)

//go:embed migrations
var migrations embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrationsFor returns the engine's migrations in order. Files are named
// NNNN_what.sql; numbers start at 1 and have no gaps.
func migrationsFor(e Engine) ([]migration, error) {
	dir := path.Join("migrations", string(e))
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, en := range entries {
		num, _, ok := strings.Cut(en.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(en.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s/%s is not named NNNN_what.sql", dir, en.Name())
		}
		b, err := migrations.ReadFile(path.Join(dir, en.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, en.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations of %s: %s should be number %d", e, m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion returns the schema version this shuho knows: that of its
// newest migration.
func SchemaVersion(e Engine) int {
	ms, _ := migrationsFor(e)
	return len(ms)
}

// migrate brings the schema up to date, each migration in its own
// transaction with its version row, so that a crash leaves the schema at
// one version or the next, never between (D4). It refuses a database whose
// schema is newer than this shuho knows: an older shuho must not write into
// tables it does not understand.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrationsFor(s.engine)
	if err != nil {
		return err
	}
	for {
		done, err := s.migrateOne(ctx, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, if any, and reports whether the
// schema was already up to date.
func (s *Store) migrateOne(ctx context.Context, ms []migration) (done bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if s.engine == Postgres {
			// Several processes may open one server at once: one of them
			// migrates, the others wait and find the work done.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7351234)`); err != nil {
				return err
			}
		}
		if err := s.ownDatabase(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			version    INTEGER PRIMARY KEY,
			applied_at TEXT NOT NULL
		)`); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current); err != nil {
			return err
		}
		if current > len(ms) {
			return fmt.Errorf("the database has schema version %d, newer than the %d this shuho knows; use a newer shuho: %w", current, len(ms), ErrTooNew)
		}
		if current == len(ms) {
			done = true
			return nil
		}
		m := ms[current]
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)`,
			m.version, s.now().UTC().Format(timeLayout))
		return err
	})
	return done, err
}

// ownDatabase refuses a database that holds tables but is no shuho archive
// (another program's SQLite file, a schema of another application): shuho
// must not add its tables to it.
func (s *Store) ownDatabase(ctx context.Context, tx *sql.Tx) error {
	var tables, ours int
	q := `SELECT COUNT(*), COUNT(*) FILTER (WHERE name = 'schema_version') FROM sqlite_master WHERE type = 'table'`
	if s.engine == Postgres {
		q = `SELECT COUNT(*), COUNT(*) FILTER (WHERE table_name = 'schema_version') FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	if err := tx.QueryRowContext(ctx, q).Scan(&tables, &ours); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	if tables > 0 && ours == 0 {
		return fmt.Errorf("the database holds %d tables of something else and is no shuho archive; name another one: %w", tables, digest.ErrInvalid)
	}
	return nil
}
