// Package store holds the only SQL in shuho: the archive of digests and
// articles in SQLite or PostgreSQL, migrations and search. It comes with the
// archive (issue 3).
package store
