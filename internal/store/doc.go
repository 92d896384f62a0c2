// Package store holds the only SQL in shuho: the archive of digests and
// articles in SQLite or PostgreSQL, migrations and search.
package store
