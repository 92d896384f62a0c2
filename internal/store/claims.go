package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// KnownURLs returns which of urls are stored articles already.
func (s *Store) KnownURLs(ctx context.Context, urls []string) (map[string]bool, error) {
	known := map[string]bool{}
	// An article is known under its address and under its own (canonical)
	// one, where it was found under another.
	err := s.byURL(ctx, `SELECT url FROM articles WHERE url IN (%[1]s) UNION SELECT canonical FROM articles WHERE canonical IN (%[1]s)`, urls, func(rows *sql.Rows) error {
		var u string
		if err := rows.Scan(&u); err != nil {
			return err
		}
		known[u] = true
		return nil
	})
	return known, err
}

// byURL runs query, whose IN (%s) takes addresses, over urls a few hundred
// at a time, and hands each row to row.
func (s *Store) byURL(ctx context.Context, query string, urls []string, row func(*sql.Rows) error) error {
	for chunk := range slices.Chunk(urls, 200) {
		args := make([]any, len(chunk))
		marks := make([]string, len(chunk))
		for i, u := range chunk {
			args[i] = u
			marks[i] = fmt.Sprintf("$%d", i+1)
		}
		rows, err := s.r.QueryContext(ctx, fmt.Sprintf(query, strings.Join(marks, ", ")), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := row(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// ClaimPage claims the page at url for owner until now+ttl, so that no
// other worker fetches it meanwhile. It reports false when the page is a
// stored article already or another owner's claim on it is live. A claim
// ends when the article is stored (AddCollected), when its owner releases
// it, or when it expires (its owner died).
func (s *Store) ClaimPage(ctx context.Context, url, owner string, ttl time.Duration) (bool, error) {
	got, err := s.ClaimPages(ctx, []string{url}, owner, ttl)
	return got[url], err
}

// ClaimPages claims pages as ClaimPage does, all in one transaction (one
// commit for a poll's pages, not one each), and returns those claimed.
func (s *Store) ClaimPages(ctx context.Context, urls []string, owner string, ttl time.Duration) (map[string]bool, error) {
	claimed := map[string]bool{}
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		clear(claimed)
		now := s.now()
		until, nowArg := s.timeArg(now.Add(ttl)), s.timeArg(now)
		// In one order on every collector, and a live claim of another
		// left unlocked (an UPDATE locks only the rows it changes), so that
		// two collectors claiming at once cannot deadlock.
		// Claims whose owners died long ago are swept on the way.
		if _, err := tx.ExecContext(ctx, `DELETE FROM page_claims WHERE until < $1`, s.timeArg(now.Add(-time.Hour))); err != nil {
			return err
		}
		sorted := slices.Clone(urls)
		slices.Sort(sorted)
		for _, url := range slices.Compact(sorted) {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE url = $1`, url).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO page_claims (url, owner, until) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING`, url, owner, until)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				res, err = tx.ExecContext(ctx, `UPDATE page_claims SET owner = $1, until = $2 WHERE url = $3 AND (until < $4 OR owner = $1)`,
					owner, until, url, nowArg)
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n == 0 {
					continue
				}
			}
			claimed[url] = true
		}
		return nil
	})
	return claimed, err
}

// ReleasePage ends owner's claim on a page it could not fetch, so that a
// later poll may try again.
func (s *Store) ReleasePage(ctx context.Context, url, owner string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM page_claims WHERE url = $1 AND owner = $2`, url, owner)
	return err
}

// PageFailure is a page that could not be fetched or read.
type PageFailure struct {
	Attempts  int
	LastError string
	// NextTry is when the page may be tried again.
	NextTry time.Time
}

// PageFailures returns the recorded failures among urls.
func (s *Store) PageFailures(ctx context.Context, urls []string) (map[string]PageFailure, error) {
	out := map[string]PageFailure{}
	err := s.byURL(ctx, `SELECT url, attempts, last_error, next_try FROM page_failures WHERE url IN (%s)`, urls, func(rows *sql.Rows) error {
		var u string
		var f PageFailure
		var t timeCol
		if err := rows.Scan(&u, &f.Attempts, &f.LastError, &t); err != nil {
			return err
		}
		f.NextTry = t.t
		out[u] = f
		return nil
	})
	return out, err
}

// RecordPageFailure records that the page at url failed again, and when it
// may be tried next: fifteen minutes after a first failure, doubling with
// each (at most a day). It returns the record.
func (s *Store) RecordPageFailure(ctx context.Context, url, msg string) (PageFailure, error) {
	var f PageFailure
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		f = PageFailure{LastError: msg}
		err := tx.QueryRowContext(ctx, `SELECT attempts FROM page_failures WHERE url = $1`, url).Scan(&f.Attempts)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		f.Attempts++
		f.NextTry = s.now().Add(min(15*time.Minute<<min(f.Attempts-1, 10), 24*time.Hour))
		_, err = tx.ExecContext(ctx, `INSERT INTO page_failures (url, attempts, last_error, next_try) VALUES ($1, $2, $3, $4)
			ON CONFLICT (url) DO UPDATE SET attempts = excluded.attempts, last_error = excluded.last_error, next_try = excluded.next_try`,
			url, f.Attempts, msg, s.timeArg(f.NextTry))
		return err
	})
	return f, err
}

// ReleaseClaims ends every claim made under owner (a poll that was
// interrupted).
func (s *Store) ReleaseClaims(ctx context.Context, owner string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM page_claims WHERE owner = $1`, owner)
	return err
}
