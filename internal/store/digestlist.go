package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"shuho/internal/digest"
)

// DigestSummary is a digest as a list shows it.
type DigestSummary struct {
	Info
	Profile string
	Period  digest.Period
	Title   string
	Items   int
}

// Digests lists the profile's digests, newest week first, at most limit
// (0: all).
func (s *Store) Digests(ctx context.Context, profile string, limit int) ([]DigestSummary, error) {
	q := `SELECT d.id, d.version, d.status, d.content_hash, d.created_at, d.updated_at, d.profile, d.period_from, d.period_to, d.title,
			(SELECT COUNT(*) FROM items i WHERE i.digest_id = d.id)
		FROM digests d WHERE d.profile = $1 ORDER BY d.period_to DESC, d.id DESC`
	args := []any{profile}
	if limit > 0 {
		q += ` LIMIT $2`
		args = append(args, limit)
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DigestSummary
	for rows.Next() {
		var d DigestSummary
		var status string
		var created, updated timeCol
		var from, to dateCol
		if err := rows.Scan(&d.ID, &d.Version, &status, &d.Hash, &created, &updated, &d.Profile, &from, &to, &d.Title, &d.Items); err != nil {
			return nil, err
		}
		d.Status, d.CreatedAt, d.UpdatedAt, d.Period = Status(status), created.t, updated.t, digest.Period{From: from.d, To: to.d}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DigestByID returns a digest by its number in the archive, or an error
// wrapping digest.ErrNotFound.
func (s *Store) DigestByID(ctx context.Context, id int64) (*digest.Digest, Info, error) {
	var profile string
	var from, to dateCol
	err := s.r.QueryRowContext(ctx, `SELECT profile, period_from, period_to FROM digests WHERE id = $1`, id).Scan(&profile, &from, &to)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Info{}, fmt.Errorf("no digest %d in the archive: %w", id, digest.ErrNotFound)
	}
	if err != nil {
		return nil, Info{}, err
	}
	return s.Digest(ctx, profile, digest.Period{From: from.d, To: to.d})
}
