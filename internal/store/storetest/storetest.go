// Package storetest opens real archives for tests: a fresh SQLite file
// always, and a fresh PostgreSQL database when $SHUHO_TEST_POSTGRES names a
// server (a postgres:// URL whose user may create databases). .ci/run starts
// such a server; under CI=true a test that needs PostgreSQL and cannot reach
// it fails rather than skips.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"shuho/internal/store"
)

// Engines returns the engines to test on: SQLite, and PostgreSQL when it is
// configured (always under CI=true).
func Engines(t testing.TB) []store.Engine {
	if PostgresURL(t) == "" {
		return []store.Engine{store.SQLite}
	}
	return []store.Engine{store.SQLite, store.Postgres}
}

// PostgresURL returns $SHUHO_TEST_POSTGRES, or "" when it is unset outside
// CI; under CI=true an unset one fails the test.
func PostgresURL(t testing.TB) string {
	u := os.Getenv("SHUHO_TEST_POSTGRES")
	if u == "" && os.Getenv("CI") == "true" {
		t.Fatal("CI=true but SHUHO_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and sets it")
	}
	return u
}

// DSN returns the address of a new, empty database of the engine, removed
// when the test ends.
func DSN(t testing.TB, e store.Engine) string {
	t.Helper()
	if e == store.SQLite {
		return filepath.Join(t.TempDir(), "shuho.db")
	}
	base := PostgresURL(t)
	if base == "" {
		t.Skip("PostgreSQL: set SHUHO_TEST_POSTGRES to a postgres:// URL to run this test")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "shuho_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		t.Fatalf("PostgreSQL at %s: %v", base, err)
	}
	t.Cleanup(func() {
		admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Open opens a new, empty store of the engine, closed when the test ends.
func Open(t testing.TB, e store.Engine) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), DSN(t, e), store.Options{})
	if err != nil {
		t.Fatalf("open %s store: %v", e, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
