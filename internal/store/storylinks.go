package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"shuho/internal/digest"
)

// StoryLink is an editor's choice on two articles: one event (Same) or
// two. Every later clustering keeps it.
type StoryLink struct {
	A, B int64 // A < B
	Same bool
}

// StoryLinks returns the editors' choices that concern any of the
// articles ids.
func (s *Store) StoryLinks(ctx context.Context, profile string, ids []int64) ([]StoryLink, error) {
	var out []StoryLink
	seen := map[[2]int64]bool{}
	for chunk := range slices.Chunk(ids, 200) {
		args := make([]any, 0, len(chunk)+1)
		args = append(args, profile)
		for _, id := range chunk {
			args = append(args, id)
		}
		in := placeholders(len(chunk), 2)
		err := each(ctx, s.r, `SELECT a, b, same FROM story_links WHERE profile = $1 AND (a IN (`+in+`) OR b IN (`+in+`))`, args, func(rows *sql.Rows) error {
			var l StoryLink
			var same int
			if err := rows.Scan(&l.A, &l.B, &same); err != nil {
				return err
			}
			l.Same = same == 1
			if !seen[[2]int64{l.A, l.B}] {
				seen[[2]int64{l.A, l.B}] = true
				out = append(out, l)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SplitArticle takes an article out of its story, which an editor says
// tells another event: it becomes a story of its own (the rest keep the
// story and its decision), and the choice is kept against every article
// it left, so that no later clustering puts them together again. It
// returns the article's new story.
func (s *Store) SplitArticle(ctx context.Context, profile string, article int64, by string) (int64, error) {
	var story int64
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		var cur sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = $1 AND profile = $2`, article, profile).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %d of profile %s: %w", article, profile, digest.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if !cur.Valid {
			return fmt.Errorf("article %d is in no story yet: %w", article, digest.ErrConflict)
		}
		rest, err := storyArticles(ctx, tx, cur.Int64, article)
		if err != nil {
			return err
		}
		if len(rest) == 0 {
			return fmt.Errorf("article %d is its story's only article: %w", article, digest.ErrInvalid)
		}
		story = article
		if cur.Int64 == article {
			// The article opened the story: the rest go on under the
			// next one's number, with the story's decision.
			next := rest[0]
			if err := s.moveStory(ctx, tx, profile, article, next, rest); err != nil {
				return err
			}
		} else if err := s.placeIn(ctx, tx, profile, article, article); err != nil {
			return err
		}
		for _, other := range rest {
			if err := s.link(ctx, tx, profile, article, other, false, by); err != nil {
				return err
			}
		}
		for _, id := range []int64{story, cur.Int64, rest[0]} {
			if err := s.refreshStory(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	return story, err
}

// MergeStories puts the articles of stories into the earliest of them,
// which an editor says tell one event, and keeps the choice; the merged
// story keeps its own decision, or takes the first another had. It
// returns the story they are in.
func (s *Store) MergeStories(ctx context.Context, profile string, stories []int64, by string) (int64, error) {
	if len(stories) < 2 {
		return 0, fmt.Errorf("merging takes two stories or more: %w", digest.ErrInvalid)
	}
	var into int64
	err := s.txRetry(ctx, func(tx *sql.Tx) error {
		type head struct {
			id, first int64
			at        timeCol
		}
		var heads []head
		for _, id := range stories {
			var h head
			h.id = id
			err := tx.QueryRowContext(ctx, `SELECT a.id, a.published_at FROM articles a JOIN stories st ON st.id = a.story_id
				WHERE st.id = $1 AND st.profile = $2 ORDER BY a.published_at, a.id LIMIT 1`, id, profile).Scan(&h.first, &h.at)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("story %d of profile %s: %w", id, profile, digest.ErrNotFound)
			}
			if err != nil {
				return err
			}
			heads = append(heads, h)
		}
		slices.SortFunc(heads, func(a, b head) int {
			if c := a.at.t.Compare(b.at.t); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		into = heads[0].id
		for _, h := range heads[1:] {
			if h.id == into {
				continue
			}
			if err := s.link(ctx, tx, profile, heads[0].first, h.first, true, by); err != nil {
				return err
			}
			if err := s.mergeInto(ctx, tx, profile, into, h.id); err != nil {
				return err
			}
		}
		// The editor says now that they are one event: an earlier choice
		// that two of them are not gives way.
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_links WHERE profile = $1 AND same = 0
			AND a IN (SELECT id FROM articles WHERE story_id = $2) AND b IN (SELECT id FROM articles WHERE story_id = $2)`, profile, into); err != nil {
			return err
		}
		return s.refreshStory(ctx, tx, into)
	})
	return into, err
}

// MergeClustered records the stories clustering found one event when a
// later article bridged them: each story of from is merged into into.
func (s *Store) MergeClustered(ctx context.Context, profile string, into int64, from []int64) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		for _, id := range from {
			if err := s.mergeInto(ctx, tx, profile, into, id); err != nil {
				return err
			}
		}
		return s.refreshStory(ctx, tx, into)
	})
}

// mergeInto moves the articles of story from into into, with from's
// decision where into has none, and deletes from.
func (s *Store) mergeInto(ctx context.Context, tx *sql.Tx, profile string, into, from int64) error {
	if into == from {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $1 WHERE story_id = $2 AND profile = $3`, into, from, profile); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE story_decisions SET story_id = $1 WHERE story_id = $2
		AND NOT EXISTS (SELECT 1 FROM story_decisions d WHERE d.story_id = $1)`, into, from); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = $1 AND profile = $2`, from, profile)
	return err
}

// moveStory gives the articles rest of story old a story of their own,
// numbered next, with old's decision; old keeps only what is left.
func (s *Store) moveStory(ctx context.Context, tx *sql.Tx, profile string, old, next int64, rest []int64) error {
	if err := s.ensureStory(ctx, tx, next); err != nil {
		return err
	}
	for _, id := range rest {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $1 WHERE id = $2 AND profile = $3`, next, id, profile); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE story_decisions SET story_id = $1 WHERE story_id = $2`, next, old)
	return err
}

// placeIn puts one article in story, made if need be.
func (s *Store) placeIn(ctx context.Context, tx *sql.Tx, profile string, article, story int64) error {
	if err := s.ensureStory(ctx, tx, story); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $1 WHERE id = $2 AND profile = $3`, story, article, profile)
	return err
}

// ensureStory makes the row of a story numbered after its article, if
// there is none; refreshStory sets its figures.
func (s *Store) ensureStory(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO stories (id, profile, title, first_at, last_at, articles, outlets)
		SELECT id, profile, title, published_at, published_at, 0, '' FROM articles WHERE id = $1
		ON CONFLICT (id) DO NOTHING`, id)
	return err
}

// storyArticles are the articles of a story but one, in order of
// publication.
func storyArticles(ctx context.Context, tx *sql.Tx, story, but int64) ([]int64, error) {
	var out []int64
	err := each(ctx, tx, `SELECT id FROM articles WHERE story_id = $1 AND id <> $2 ORDER BY published_at, id`, []any{story, but}, func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		out = append(out, id)
		return err
	})
	return out, err
}

// link records an editor's choice on two articles.
func (s *Store) link(ctx context.Context, tx *sql.Tx, profile string, a, b int64, same bool, by string) error {
	if a == b {
		return nil
	}
	if a > b {
		a, b = b, a
	}
	v := 0
	if same {
		v = 1
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO story_links (a, b, profile, same, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (a, b) DO UPDATE SET same = excluded.same, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
		a, b, profile, v, by, s.timeArg(s.now()))
	return err
}
