package store_test

import (
	"database/sql"
	"testing"

	"shuho/internal/store"
)

// rawDB opens the database behind a store directly, to do what the store
// must refuse or survive.
func rawDB(t testing.TB, e store.Engine, dsn string) *sql.DB {
	t.Helper()
	driver := "pgx"
	if e == store.SQLite {
		driver = "sqlite"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return db
}
