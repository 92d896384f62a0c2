package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"shuho/internal/digest"
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
