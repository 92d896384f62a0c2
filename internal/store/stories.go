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
)

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
		touched, left := map[int64]bool{}, map[int64]bool{}
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
			// A story the article leaves (a split, a merge) is brought up
			// to date too.
			var old sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = $1`, a.Article).Scan(&old); err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if old.Valid && old.Int64 != a.Story {
				left[old.Int64] = true
			}
			var dup any
			if a.DuplicateOf != 0 {
				dup = a.DuplicateOf
			}
			if _, err := update.ExecContext(ctx, a.Story, dup, a.Article, profile); err != nil {
				return fmt.Errorf("article %d: %w", a.Article, err)
			}
		}
		ids := make([]int64, 0, len(touched)+len(left))
		for id := range touched {
			ids = append(ids, id)
		}
		for id := range left {
			if !touched[id] {
				ids = append(ids, id)
			}
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

// refreshStory recomputes a story's figures and title from its articles,
// and deletes a story left with none.
func (s *Store) refreshStory(ctx context.Context, tx *sql.Tx, id int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT outlet, published_at, title FROM articles WHERE story_id = $1 ORDER BY published_at, id`, id)
	if err != nil {
		return err
	}
	var outlets []string
	var first, last time.Time
	var title string
	n := 0
	for rows.Next() {
		var o, ti string
		var t timeCol
		if err := rows.Scan(&o, &t, &ti); err != nil {
			rows.Close()
			return err
		}
		if n == 0 {
			title = ti
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
	if n == 0 {
		_, err = tx.ExecContext(ctx, `DELETE FROM stories WHERE id = $1`, id)
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE stories SET first_at = $1, last_at = $2, articles = $3, outlets = $4, title = $5 WHERE id = $6`,
		s.timeArg(first), s.timeArg(last), n, strings.Join(outlets, "\n"), title, id)
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
	sts, err := s.Stories(ctx, profile, first.t, last.t.Add(time.Microsecond)) // PostgreSQL keeps microseconds
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

// LatestStory returns when the profile's latest story was last told, or
// the zero time when it has none.
func (s *Store) LatestStory(ctx context.Context, profile string) (time.Time, error) {
	var t timeCol
	err := s.r.QueryRowContext(ctx, `SELECT MAX(last_at) FROM stories WHERE profile = $1`, profile).Scan(&t)
	return t.t, err
}
