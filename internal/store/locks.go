package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

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
