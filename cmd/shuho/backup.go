package main

import (
	"context"
	"fmt"

	"shuho/internal/store"
)

func backupCommand() *command {
	return &command{
		name:  "backup",
		args:  "OUT",
		short: "write a consistent, verified copy of the archive",
		long: `Backup writes a consistent copy of the archive to the new file OUT, while
shuho may go on working, and verifies it. SQLite is copied with VACUUM INTO
and the copy is opened and checked; PostgreSQL is dumped with pg_dump
(custom format) and the dump is read back with pg_restore --list.

To restore: for SQLite, stop shuho and put the copy where the archive was
(or point --db at it). For PostgreSQL, create an empty database and run
pg_restore --no-owner --dbname=postgres://…/NEW OUT, then point --db at it.`,
		flags: dbFlag,
		run: func(ctx context.Context, e *env, o *options, args []string) error {
			if len(args) != 1 {
				return usagef("backup takes the file OUT to write")
			}
			s, err := e.openStore(ctx, o, store.Options{MustExist: true})
			if err != nil {
				return err
			}
			defer s.Close()
			c, err := s.Backup(ctx, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "backed up %d digests, %d items, %d articles to %s\n", c.Digests, c.Items, c.Articles, args[0])
			return nil
		},
	}
}
