package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/extract"
)

// ErrLeaseLost is returned when a worker reports on a source or lock whose
// lease it no longer holds: it ran past its lease and another worker has
// taken the work over, so its result must not overwrite the other's.
var ErrLeaseLost = errors.New("lease lost")

// SourceState is a source of a profile with its polling state and health,
// as the scheduler and the sources page see it.
type SourceState struct {
	ID      int64
	Profile string
	digest.Source
	Active bool
	// NextPoll is when the source is next due; Current is the interval the
	// scheduler has adapted to its pace and errors.
	NextPoll time.Time
	Current  time.Duration
	// ETag and LastModified are the validators of the last response, for
	// a conditional request.
	ETag, LastModified string
	LastSuccess        time.Time
	LastError          string
	LastErrorAt        time.Time
	// Errors counts failures in a row; ErrorsTotal all of them.
	Errors, ErrorsTotal int
	LeaseOwner          string
	LeaseUntil          time.Time
}

const sourceCols = `id, profile, key, outlet, kind, url, interval_s, active, next_poll, current_s, etag, last_modified,
	last_success, last_error, last_error_at, errors, errors_total, lease_owner, lease_until`

func scanSource(row interface{ Scan(...any) error }) (*SourceState, error) {
	var st SourceState
	var interval, current, active int64
	var next, success, errAt, until timeCol
	err := row.Scan(&st.ID, &st.Profile, &st.Key, &st.Outlet, &st.Kind, &st.URL, &interval, &active, &next, &current,
		&st.ETag, &st.LastModified, &success, &st.LastError, &errAt, &st.Errors, &st.ErrorsTotal, &st.LeaseOwner, &until)
	if err != nil {
		return nil, err
	}
	st.Interval = digest.Duration(time.Duration(interval) * time.Second)
	st.Active = active != 0
	st.NextPoll, st.Current = next.t, time.Duration(current)*time.Second
	st.LastSuccess, st.LastErrorAt, st.LeaseUntil = success.t, errAt.t, until.t
	return &st, nil
}

// SyncSources records the profile's sources: new ones are due at once,
// changed ones take their new address and interval and keep their state,
// and those no longer in the profile are made inactive (their history is
// kept for the sources page).
func (s *Store) SyncSources(ctx context.Context, profile string, srcs []digest.Source) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.timeArg(s.now())
		keys := make([]string, 0, len(srcs))
		for _, src := range srcs {
			iv := int64(time.Duration(src.Interval) / time.Second)
			if iv <= 0 {
				return fmt.Errorf("source %s: no poll interval: %w", src.Key, digest.ErrInvalid)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO sources (profile, key, outlet, kind, url, interval_s, next_poll, current_s)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $6)
				ON CONFLICT (profile, key) DO UPDATE SET outlet = excluded.outlet, kind = excluded.kind, url = excluded.url,
					interval_s = excluded.interval_s, active = 1,
					-- A new address is a new source: no validators, no failures, due now.
					etag = CASE WHEN sources.url = excluded.url THEN sources.etag ELSE '' END,
					last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified ELSE '' END,
					errors = CASE WHEN sources.url = excluded.url THEN sources.errors ELSE 0 END,
					next_poll = CASE WHEN sources.url = excluded.url THEN sources.next_poll ELSE excluded.next_poll END,
					current_s = CASE WHEN sources.interval_s = excluded.interval_s THEN sources.current_s ELSE excluded.interval_s END`,
				profile, src.Key, src.Outlet, string(src.Kind), src.URL, iv, now)
			if err != nil {
				return fmt.Errorf("source %s: %w", src.Key, err)
			}
			keys = append(keys, src.Key)
		}
		rows, err := tx.QueryContext(ctx, `SELECT key FROM sources WHERE profile = $1 AND active = 1`, profile)
		if err != nil {
			return err
		}
		var gone []string
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return err
			}
			if !slices.Contains(keys, k) {
				gone = append(gone, k)
			}
		}
		rows.Close()
		for _, k := range gone {
			if _, err := tx.ExecContext(ctx, `UPDATE sources SET active = 0 WHERE profile = $1 AND key = $2`, profile, k); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// Sources returns the profile's active sources in key order.
func (s *Store) Sources(ctx context.Context, profile string) ([]SourceState, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+sourceCols+` FROM sources WHERE profile = $1 AND active = 1 ORDER BY key`, profile)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SourceState
	for rows.Next() {
		st, err := scanSource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *st)
	}
	return out, rows.Err()
}

// LeaseDue leases the profile's source that has been due longest and that
// no live lease holds, to owner until now+lease. It returns an error
// wrapping digest.ErrNotFound when no source is due. Several workers on
// several machines can call it at once: each gets a different source
// (PostgreSQL skips rows another transaction has locked; SQLite has one
// writer at a time).
func (s *Store) LeaseDue(ctx context.Context, profile, owner string, lease time.Duration) (*SourceState, error) {
	now := s.now()
	lock := ""
	if s.engine == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var st *SourceState
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		row := tx.QueryRowContext(ctx, `UPDATE sources SET lease_owner = $1, lease_until = $2
			WHERE id = (SELECT id FROM sources WHERE profile = $3 AND active = 1 AND next_poll <= $4
				AND (lease_until IS NULL OR lease_until < $4) ORDER BY next_poll, id LIMIT 1`+lock+`)
			RETURNING `+sourceCols, owner, s.timeArg(now.Add(lease)), profile, s.timeArg(now))
		var err error
		st, err = scanSource(row)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("no source of %s is due: %w", profile, digest.ErrNotFound)
		}
		return err
	})
	return st, err
}

// NextDue returns when the profile's next source is due (the zero time
// when it has none).
func (s *Store) NextDue(ctx context.Context, profile string) (time.Time, error) {
	var t timeCol
	// A source being polled is not due before its lease ends.
	err := s.r.QueryRowContext(ctx, `SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > next_poll THEN lease_until ELSE next_poll END)
		FROM sources WHERE profile = $1 AND active = 1`, profile).Scan(&t)
	return t.t, err
}

// LeaseSource leases the profile's source key to owner, due or not (a
// collection pass reads every source). It fails with digest.ErrConflict
// while another owner's lease on it is live.
func (s *Store) LeaseSource(ctx context.Context, profile, key, owner string, lease time.Duration) (*SourceState, error) {
	now := s.now()
	var st *SourceState
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		row := tx.QueryRowContext(ctx, `UPDATE sources SET lease_owner = $1, lease_until = $2
			WHERE profile = $3 AND key = $4 AND active = 1 AND (lease_until IS NULL OR lease_until < $5 OR lease_owner = $1)
			RETURNING `+sourceCols, owner, s.timeArg(now.Add(lease)), profile, key, s.timeArg(now))
		var err error
		st, err = scanSource(row)
		if errors.Is(err, sql.ErrNoRows) {
			var n int
			tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sources WHERE profile = $1 AND key = $2 AND active = 1`, profile, key).Scan(&n)
			if n == 0 {
				return fmt.Errorf("source %s of %s: %w", key, profile, digest.ErrNotFound)
			}
			return fmt.Errorf("source %s is being polled by another worker: %w", key, digest.ErrConflict)
		}
		return err
	})
	return st, err
}

// ExtendLease keeps a lease alive for a long poll, and the claims on pages
// made under claimer (the poll's own name) with it.
func (s *Store) ExtendLease(ctx context.Context, id int64, owner, claimer string, lease time.Duration) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		until := s.timeArg(s.now().Add(lease))
		res, err := tx.ExecContext(ctx, `UPDATE sources SET lease_until = $1 WHERE id = $2 AND lease_owner = $3`, until, id, owner)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("source %d: %w", id, ErrLeaseLost)
		}
		_, err = tx.ExecContext(ctx, `UPDATE page_claims SET until = $1 WHERE owner = $2`, until, claimer)
		return err
	})
}

// ReleaseLease gives up owner's lease on a source without a poll.
func (s *Store) ReleaseLease(ctx context.Context, id int64, owner string) error {
	_, err := s.w.ExecContext(ctx, `UPDATE sources SET lease_owner = '', lease_until = NULL WHERE id = $1 AND lease_owner = $2`, id, owner)
	return err
}

// PollResult is what one poll of a source found, for its record and its
// next schedule.
type PollResult struct {
	Started  time.Time
	Duration time.Duration
	// New articles stored, entries already known (Duplicate), and entries
	// whose page could not be fetched or read (Failed).
	New, Duplicate, Failed int
	// Err is the poll's failure ("" when the source was read); a poll that
	// read the source but failed on some pages is a success with Failed > 0.
	Err string
	// Warning is a fault of a source that was read all the same (a feed
	// cut short, whose entries before the cut were read): recorded as its
	// last error, without counting as a failure in a row.
	Warning string
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	// Next is when the source is next due; Current the interval that gave it.
	Next    time.Time
	Current time.Duration
}

// FinishPoll records a poll of a source its owner leased, its new state and
// schedule, and releases the lease. It fails with ErrLeaseLost when the
// lease has passed to another worker, whose result counts instead.
func (s *Store) FinishPoll(ctx context.Context, id int64, owner string, r PollResult) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		now := s.timeArg(s.now())
		var res sql.Result
		var err error
		if r.Err == "" {
			res, err = tx.ExecContext(ctx, `UPDATE sources SET next_poll = $1, current_s = $2, etag = $3, last_modified = $4,
				last_success = $5, errors = 0, lease_owner = '', lease_until = NULL WHERE id = $6 AND lease_owner = $7`,
				s.timeArg(r.Next), int64(r.Current/time.Second), r.ETag, r.LastModified, now, id, owner)
			if err == nil && r.Warning != "" {
				_, err = tx.ExecContext(ctx, `UPDATE sources SET last_error = $1, last_error_at = $2, errors_total = errors_total + 1 WHERE id = $3`,
					r.Warning, now, id)
			}
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE sources SET next_poll = $1, current_s = $2, last_error = $3, last_error_at = $4,
				errors = errors + 1, errors_total = errors_total + 1, lease_owner = '', lease_until = NULL
				WHERE id = $5 AND lease_owner = $6`,
				s.timeArg(r.Next), int64(r.Current/time.Second), r.Err, now, id, owner)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("source %d: %w", id, ErrLeaseLost)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO source_runs (source_id, started_at, duration_ms, new, duplicate, failed, error)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, s.timeArg(r.Started), r.Duration.Milliseconds(), r.New, r.Duplicate, r.Failed, cmp.Or(r.Err, r.Warning))
		return err
	})
}

// SourceRun is one recorded poll of a source.
type SourceRun struct {
	Started                time.Time
	Duration               time.Duration
	New, Duplicate, Failed int
	Err                    string
}

// SourceRuns returns the polls of a source since a time, oldest first.
func (s *Store) SourceRuns(ctx context.Context, profile, key string, since time.Time) ([]SourceRun, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT r.started_at, r.duration_ms, r.new, r.duplicate, r.failed, r.error
		FROM source_runs r JOIN sources s ON s.id = r.source_id
		WHERE s.profile = $1 AND s.key = $2 AND r.started_at >= $3 ORDER BY r.started_at, r.id`, profile, key, s.timeArg(since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SourceRun
	for rows.Next() {
		var r SourceRun
		var t timeCol
		var ms int64
		if err := rows.Scan(&t, &ms, &r.New, &r.Duplicate, &r.Failed, &r.Err); err != nil {
			return nil, err
		}
		r.Started, r.Duration = t.t, time.Duration(ms)*time.Millisecond
		out = append(out, r)
	}
	return out, rows.Err()
}

// KnownURLs returns which of urls are stored articles already.
func (s *Store) KnownURLs(ctx context.Context, urls []string) (map[string]bool, error) {
	known := map[string]bool{}
	err := s.byURL(ctx, `SELECT url FROM articles WHERE url IN (%s)`, urls, func(rows *sql.Rows) error {
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

// Collected is an article as collecting stores it: the article with the
// source that found it and its HTML.
type Collected struct {
	digest.Article
	// Source is the key of the profile's source that found it.
	Source string
	// HTML is the article's main content as HTML, sanitized: the type
	// admits nothing else (H1).
	HTML extract.SafeHTML
}

// AddCollected stores collected articles and indexes them for search, in
// one transaction, and ends the claims on their pages. An article whose URL
// is stored already is skipped. It returns the new articles' IDs, 0 for
// each one skipped.
func (s *Store) AddCollected(ctx context.Context, profile string, loc *time.Location, arts []Collected) ([]int64, error) {
	ids := make([]int64, len(arts))
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		clear(ids)
		now := s.timeArg(s.now())
		ix, err := s.indexer(ctx, tx)
		if err != nil {
			return err
		}
		defer ix.close()
		insert, err := tx.PrepareContext(ctx, `INSERT INTO articles (profile, outlet, url, published_at, day, title, text, lang, created_at,
				source)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (url) DO NOTHING RETURNING id`)
		if err != nil {
			return err
		}
		defer insert.Close()
		insertHTML, err := tx.PrepareContext(ctx, `INSERT INTO article_html (article_id, html) VALUES ($1, $2)`)
		if err != nil {
			return err
		}
		defer insertHTML.Close()
		var stored []string
		// In one order on every collector (by day, whose counter the search
		// index takes, then address), so that two batches cannot deadlock.
		order := make([]int, len(arts))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(x, y int) int {
			if c := arts[x].Published.In(loc).Format(time.DateOnly); c != arts[y].Published.In(loc).Format(time.DateOnly) {
				return strings.Compare(c, arts[y].Published.In(loc).Format(time.DateOnly))
			}
			return strings.Compare(arts[x].URL, arts[y].URL)
		})
		for _, i := range order {
			a := arts[i]
			if a.URL == "" || !digest.IsOutletLabel(a.Outlet) || a.Published.IsZero() {
				return fmt.Errorf("article %q: an article needs a URL, an outlet label and a publication time: %w", a.URL, digest.ErrInvalid)
			}
			if strings.ContainsRune(a.URL+a.Title+a.Text+a.Lang+a.Source+a.HTML.String(), 0) {
				return fmt.Errorf("article %q holds a NUL character, which is not text: %w", a.URL, digest.ErrInvalid)
			}
			day := digest.DateOf(a.Published.In(loc))
			// The HTML is sanitized: a SafeHTML is made by nothing else
			// (H1), so a second pass here would find nothing to do.
			safe := a.HTML.String()
			var id int64
			err := insert.QueryRowContext(ctx, profile, a.Outlet, a.URL, s.timeArg(a.Published), dateArg(day), a.Title, a.Text, a.Lang, now,
				a.Source).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				continue // already stored
			}
			if err != nil {
				return fmt.Errorf("article %s: %w", a.URL, err)
			}
			if safe != "" {
				if _, err := insertHTML.ExecContext(ctx, id, safe); err != nil {
					return fmt.Errorf("article %s: %w", a.URL, err)
				}
			}
			if err := ix.add(ctx, searchDoc{kind: "article", ref: id, profile: profile, day: day,
				outlets: []string{a.Outlet}, head: a.Title, body: a.Text}); err != nil {
				return err
			}
			stored = append(stored, a.URL)
			ids[i] = id
		}
		// A stored page needs its claim no longer, and has failed for good.
		for chunk := range slices.Chunk(stored, 200) {
			args := make([]any, len(chunk))
			for i, u := range chunk {
				args[i] = u
			}
			for _, table := range []string{"page_claims", "page_failures"} {
				if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE url IN (`+placeholders(len(chunk), 1)+`)`, args...); err != nil {
					return err
				}
			}
		}
		return ix.flush(ctx)
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// ClusterDoc is an article as clustering reads it: its title and the start
// of its text, enough to tell its event.
type ClusterDoc struct {
	ID          int64
	URL, Outlet string
	Title, Text string
	Published   time.Time
	Story       int64 // 0 until clustered
	DuplicateOf int64
}

// clusterText is how much of an article's text clustering reads.
const clusterText = 4000

// ClusterInput returns a share of the profile's articles not yet clustered
// (pending): those published within span after the earliest of them, at
// most limit, in order of publication; and the clustered ones published
// from window before the earliest to the latest of them (done), which the
// pending ones may join. Taken share by share, articles collected over
// years (a backfill, a page dated 1970) are clustered with bounded memory.
func (s *Store) ClusterInput(ctx context.Context, profile string, window, span time.Duration, limit int) (done, pending []ClusterDoc, err error) {
	left := "substr(text, 1, 4000)"
	if s.engine == Postgres {
		left = "left(text, 4000)"
	}
	cols := `id, url, outlet, title, ` + left + `, published_at, COALESCE(story_id, 0), COALESCE(duplicate_of, 0)`
	var first timeCol
	if err := s.r.QueryRowContext(ctx, `SELECT MIN(published_at) FROM articles WHERE profile = $1 AND clustered = 0`, profile).Scan(&first); err != nil {
		return nil, nil, err
	}
	if first.t.IsZero() {
		return nil, nil, nil
	}
	pending, err = s.clusterDocs(ctx, `SELECT `+cols+` FROM articles WHERE profile = $1 AND clustered = 0 AND published_at < $2
		ORDER BY published_at, id LIMIT $3`, profile, s.timeArg(first.t.Add(span)), limit)
	if err != nil || len(pending) == 0 {
		return nil, pending, err
	}
	done, err = s.clusterDocs(ctx, `SELECT `+cols+` FROM articles WHERE profile = $1 AND clustered = 1 AND published_at >= $2 AND published_at <= $3
		ORDER BY published_at, id`, profile, s.timeArg(first.t.Add(-window)), s.timeArg(pending[len(pending)-1].Published))
	return done, pending, err
}

func (s *Store) clusterDocs(ctx context.Context, q string, args ...any) ([]ClusterDoc, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ClusterDoc
	for rows.Next() {
		var d ClusterDoc
		var t timeCol
		if err := rows.Scan(&d.ID, &d.URL, &d.Outlet, &d.Title, &d.Text, &t, &d.Story, &d.DuplicateOf); err != nil {
			return nil, err
		}
		d.Published = t.t
		out = append(out, d)
	}
	return out, rows.Err()
}

// StoryAssignment places one article in a story.
type StoryAssignment struct {
	Article int64
	// Story is the story's ID: the ID of its first article.
	Story int64
	// DuplicateOf is the earlier article this one duplicates, or 0.
	DuplicateOf int64
}

// AssignStories records where clustering placed articles, and brings the
// stories they joined up to date (dates, count, outlets), in one
// transaction.
func (s *Store) AssignStories(ctx context.Context, profile string, as []StoryAssignment) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		touched := map[int64]bool{}
		update, err := tx.PrepareContext(ctx, `UPDATE articles SET story_id = $1, duplicate_of = $2, clustered = 1 WHERE id = $3 AND profile = $4`)
		if err != nil {
			return err
		}
		defer update.Close()
		for _, a := range as {
			if a.Story == 0 {
				return fmt.Errorf("article %d: no story: %w", a.Article, digest.ErrInvalid)
			}
			if !touched[a.Story] {
				// The story's row must exist before an article refers to it;
				// its figures are made right below.
				_, err := tx.ExecContext(ctx, `INSERT INTO stories (id, profile, title, first_at, last_at, articles, outlets)
					SELECT id, profile, title, published_at, published_at, 0, '' FROM articles WHERE id = $1
					ON CONFLICT (id) DO NOTHING`, a.Story)
				if err != nil {
					return fmt.Errorf("story %d: %w", a.Story, err)
				}
				touched[a.Story] = true
			}
			var dup any
			if a.DuplicateOf != 0 {
				dup = a.DuplicateOf
			}
			if _, err := update.ExecContext(ctx, a.Story, dup, a.Article, profile); err != nil {
				return fmt.Errorf("article %d: %w", a.Article, err)
			}
		}
		ids := make([]int64, 0, len(touched))
		for id := range touched {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			if err := s.refreshStory(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// refreshStory recomputes a story's figures from its articles.
func (s *Store) refreshStory(ctx context.Context, tx *sql.Tx, id int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT outlet, published_at FROM articles WHERE story_id = $1 ORDER BY published_at, id`, id)
	if err != nil {
		return err
	}
	var outlets []string
	var first, last time.Time
	n := 0
	for rows.Next() {
		var o string
		var t timeCol
		if err := rows.Scan(&o, &t); err != nil {
			rows.Close()
			return err
		}
		if n == 0 || t.t.Before(first) {
			first = t.t
		}
		if t.t.After(last) {
			last = t.t
		}
		if !slices.Contains(outlets, o) {
			outlets = append(outlets, o)
		}
		n++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE stories SET first_at = $1, last_at = $2, articles = $3, outlets = $4 WHERE id = $5`,
		s.timeArg(first), s.timeArg(last), n, strings.Join(outlets, "\n"), id)
	return err
}

// Stories returns the profile's stories whose span (first to last
// article) meets [from, to), newest first, each with its articles in order of publication
// (their text included).
func (s *Store) Stories(ctx context.Context, profile string, from, to time.Time) ([]digest.Story, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, first_at, last_at, articles, outlets FROM stories
		WHERE profile = $1 AND last_at >= $2 AND first_at < $3 ORDER BY last_at DESC, id DESC`, profile, s.timeArg(from), s.timeArg(to))
	if err != nil {
		return nil, err
	}
	var out []digest.Story
	index := map[int64]int{}
	for rows.Next() {
		st := digest.Story{Profile: profile}
		var first, last timeCol
		var outlets string
		if err := rows.Scan(&st.ID, &st.Title, &first, &last, &st.Count, &outlets); err != nil {
			rows.Close()
			return nil, err
		}
		st.First, st.Last = first.t, last.t
		if outlets != "" {
			st.Outlets = strings.Split(outlets, "\n")
		}
		index[st.ID] = len(out)
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	arows, err := s.r.QueryContext(ctx, `SELECT a.id, a.story_id, a.outlet, a.url, a.published_at, a.title, a.text, a.lang
		FROM articles a JOIN stories st ON st.id = a.story_id
		WHERE st.profile = $1 AND st.last_at >= $2 AND st.first_at < $3 ORDER BY a.published_at, a.id`, profile, s.timeArg(from), s.timeArg(to))
	if err != nil {
		return nil, err
	}
	defer arows.Close()
	for arows.Next() {
		var a digest.Article
		var story int64
		var t timeCol
		if err := arows.Scan(&a.ID, &story, &a.Outlet, &a.URL, &t, &a.Title, &a.Text, &a.Lang); err != nil {
			return nil, err
		}
		a.Published = t.t
		if i, ok := index[story]; ok {
			out[i].Articles = append(out[i].Articles, a)
		}
	}
	return out, arows.Err()
}

// TryLock takes the named lock for owner until now+ttl, when it is free,
// expired or owner's already. It reports whether owner holds it.
func (s *Store) TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error) {
	now := s.now()
	err := s.w.QueryRowContext(ctx, `INSERT INTO locks (name, owner, until) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
		WHERE locks.until < $4 OR locks.owner = excluded.owner
		RETURNING name`, name, owner, s.timeArg(now.Add(ttl)), s.timeArg(now)).Scan(new(string))
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// Unlock releases owner's lock.
func (s *Store) Unlock(ctx context.Context, name, owner string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM locks WHERE name = $1 AND owner = $2`, name, owner)
	return err
}

// ArticleHTML returns the stored (sanitized) HTML of an article.
func (s *Store) ArticleHTML(ctx context.Context, id int64) (string, error) {
	var h string
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(h.html, '') FROM articles a LEFT JOIN article_html h ON h.article_id = a.id WHERE a.id = $1`, id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %d: %w", id, digest.ErrNotFound)
	}
	return h, err
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

// Story returns one story of a profile with its articles, or an error
// wrapping digest.ErrNotFound.
func (s *Store) Story(ctx context.Context, profile string, id int64) (digest.Story, error) {
	var first, last timeCol
	err := s.r.QueryRowContext(ctx, `SELECT first_at, last_at FROM stories WHERE id = $1 AND profile = $2`, id, profile).Scan(&first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return digest.Story{}, fmt.Errorf("story %d of profile %s: %w", id, profile, digest.ErrNotFound)
	}
	if err != nil {
		return digest.Story{}, err
	}
	sts, err := s.Stories(ctx, profile, first.t, last.t.Add(time.Nanosecond))
	if err != nil {
		return digest.Story{}, err
	}
	for _, st := range sts {
		if st.ID == id {
			return st, nil
		}
	}
	return digest.Story{}, fmt.Errorf("story %d of profile %s: %w", id, profile, digest.ErrNotFound)
}

// ArticlesPerDay counts the profile's articles by the source that found
// them and the day they were published, over the days days to today
// (today included): source key → counts, oldest day first.
func (s *Store) ArticlesPerDay(ctx context.Context, profile string, today digest.Date, days int) (map[string][]int, error) {
	from := today.AddDays(-(days - 1))
	rows, err := s.r.QueryContext(ctx, `SELECT source, day, COUNT(*) FROM articles
		WHERE profile = $1 AND day >= $2 AND day <= $3 AND source IS NOT NULL AND source <> '' GROUP BY source, day`,
		profile, dateArg(from), dateArg(today))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]int{}
	for rows.Next() {
		var src string
		var day dateCol
		var n int
		if err := rows.Scan(&src, &day, &n); err != nil {
			return nil, err
		}
		i := day.d.DaysSince(from)
		if i < 0 || i >= days {
			continue
		}
		if out[src] == nil {
			out[src] = make([]int, days)
		}
		out[src][i] = n
	}
	return out, rows.Err()
}

// Article returns one article of a profile by its id, with the id of its
// story.
func (s *Store) Article(ctx context.Context, profile string, id int64) (digest.Article, int64, error) {
	var a digest.Article
	var story int64
	var t timeCol
	err := s.r.QueryRowContext(ctx, `SELECT a.id, a.story_id, a.outlet, a.url, a.published_at, a.title, a.text, a.lang
		FROM articles a WHERE a.id = $1 AND a.profile = $2`, id, profile).Scan(&a.ID, &story, &a.Outlet, &a.URL, &t, &a.Title, &a.Text, &a.Lang)
	if errors.Is(err, sql.ErrNoRows) {
		return a, 0, fmt.Errorf("article %d of profile %s: %w", id, profile, digest.ErrNotFound)
	}
	a.Published = t.t
	return a, story, err
}
