package store

import (
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
				source, canonical, text_from)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (url) DO NOTHING RETURNING id`)
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
			if strings.ContainsRune(a.URL+a.Canonical+a.Title+a.Text+a.Lang+a.Source+a.HTML.String(), 0) {
				return fmt.Errorf("article %q holds a NUL character, which is not text: %w", a.URL, digest.ErrInvalid)
			}
			day := digest.DateOf(a.Published.In(loc))
			// The HTML is sanitized: a SafeHTML is made by nothing else
			// (H1), so a second pass here would find nothing to do.
			safe := a.HTML.String()
			var id int64
			canonical, from := "", "page"
			if a.Canonical != a.URL {
				canonical = a.Canonical
			}
			if a.FromFeed {
				from = "feed"
			}
			err := insert.QueryRowContext(ctx, profile, a.Outlet, a.URL, s.timeArg(a.Published), dateArg(day), a.Title, a.Text, a.Lang, now,
				a.Source, canonical, from).Scan(&id)
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

// ArticleHTML returns the stored (sanitized) HTML of an article.
func (s *Store) ArticleHTML(ctx context.Context, id int64) (string, error) {
	var h string
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(h.html, '') FROM articles a LEFT JOIN article_html h ON h.article_id = a.id WHERE a.id = $1`, id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %d: %w", id, digest.ErrNotFound)
	}
	return h, err
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
	var from string
	err := s.r.QueryRowContext(ctx, `SELECT a.id, a.story_id, a.outlet, a.url, a.published_at, a.title, a.text, a.lang, a.canonical, a.text_from
		FROM articles a WHERE a.id = $1 AND a.profile = $2`, id, profile).Scan(&a.ID, &story, &a.Outlet, &a.URL, &t, &a.Title, &a.Text, &a.Lang,
		&a.Canonical, &from)
	if errors.Is(err, sql.ErrNoRows) {
		return a, 0, fmt.Errorf("article %d of profile %s: %w", id, profile, digest.ErrNotFound)
	}
	a.Published, a.FromFeed = t.t, from == "feed"
	return a, story, err
}
