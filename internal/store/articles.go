package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"shuho/internal/digest"
)

// AddArticles stores articles collected for a profile and indexes them for
// search, in one transaction: all or none. An article whose URL is already
// stored is skipped (it is the same article). loc is the desk's time zone,
// in which an article's day is counted. It returns how many were new.
func (s *Store) AddArticles(ctx context.Context, profile string, loc *time.Location, arts []digest.Article) (int, error) {
	added := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.timeArg(s.now())
		ix, err := s.indexer(ctx, tx)
		if err != nil {
			return err
		}
		defer ix.close()
		insert, err := tx.PrepareContext(ctx, `INSERT INTO articles (profile, outlet, url, published_at, day, title, text, lang, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (url) DO NOTHING RETURNING id`)
		if err != nil {
			return err
		}
		defer insert.Close()
		for _, a := range arts {
			if a.URL == "" || !digest.IsOutletLabel(a.Outlet) || a.Published.IsZero() {
				return fmt.Errorf("article %q: an article needs a URL, an outlet label and a publication time: %w", a.URL, digest.ErrInvalid)
			}
			if strings.ContainsRune(a.URL+a.Title+a.Text+a.Lang, 0) {
				return fmt.Errorf("article %q holds a NUL character, which is not text: %w", a.URL, digest.ErrInvalid)
			}
			day := digest.DateOf(a.Published.In(loc))
			var id int64
			err := insert.QueryRowContext(ctx, profile, a.Outlet, a.URL, s.timeArg(a.Published), dateArg(day), a.Title, a.Text, a.Lang, now).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				continue // already stored
			}
			if err != nil {
				return fmt.Errorf("article %s: %w", a.URL, err)
			}
			if err := ix.add(ctx, searchDoc{kind: "article", ref: id, profile: profile, day: day,
				outlets: []string{a.Outlet}, head: a.Title, body: a.Text}); err != nil {
				return err
			}
			added++
		}
		return ix.flush(ctx)
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}
