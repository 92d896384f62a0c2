package store

import (
	"context"
	"database/sql"
	"fmt"

	"shuho/internal/digest"
)

// ArchiveItem is one item of an archived digest as drafting learns from
// it: its section, both headlines and the text of its first block. Ranking
// takes it as an example of its section; the headline drafter as a pair of
// the desk's English and Japanese headlines.
type ArchiveItem struct {
	Section    string
	HeadlineEN string
	HeadlineJA string
	Lead       string
	// Emphasis says the desk bolded the item.
	Emphasis bool
	// Until is the last day of the digest's week.
	Until digest.Date
}

// ArchiveItems returns the items of the profile's archived digests whose
// section is one of the profile's (a section key is set), newest digest
// first, at most limit (0: all).
func (s *Store) ArchiveItems(ctx context.Context, profile string, limit int) ([]ArchiveItem, error) {
	q := `SELECT sc.key, i.headline_en, i.headline_ja, COALESCE((SELECT b.text FROM blocks b WHERE b.item_id = i.id ORDER BY b.position LIMIT 1), ''), i.emphasis, d.period_to
		FROM items i JOIN sections sc ON sc.id = i.section_id JOIN digests d ON d.id = i.digest_id
		WHERE d.profile = $1 AND sc.key <> ''
		ORDER BY d.period_to DESC, d.id, sc.position, i.position`
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
	var out []ArchiveItem
	for rows.Next() {
		var it ArchiveItem
		var until dateCol
		if err := rows.Scan(&it.Section, &it.HeadlineEN, &it.HeadlineJA, &it.Lead, &it.Emphasis, &until); err != nil {
			return nil, err
		}
		it.Until = until.d
		out = append(out, it)
	}
	return out, rows.Err()
}

// Decision is an editor's choice on a story: kept in a section, or
// dismissed from the digest.
type Decision struct {
	Story int64
	// Kept is false for a dismissed story; Section is the section key a
	// kept one went into.
	Kept    bool
	Section string
	By      string
}

// DecideStory records an editor's choice on a story of the profile,
// replacing an earlier one.
func (s *Store) DecideStory(ctx context.Context, profile string, d Decision) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error { return s.decide(ctx, tx, profile, &d) })
}

// decide records a decision (none when nil) in a transaction.
func (s *Store) decide(ctx context.Context, tx *sql.Tx, profile string, d *Decision) error {
	if d == nil {
		return nil
	}
	decision, section := "dismissed", ""
	if d.Kept {
		decision, section = "kept", d.Section
		if section == "" {
			return fmt.Errorf("story %d: a kept story needs its section: %w", d.Story, digest.ErrInvalid)
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories WHERE id = $1 AND profile = $2`, d.Story, profile).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("story %d of profile %s: %w", d.Story, profile, digest.ErrNotFound)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO story_decisions (story_id, profile, decision, section, decided_by, decided_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (story_id) DO UPDATE SET decision = excluded.decision, section = excluded.section,
			decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
		d.Story, profile, decision, section, d.By, s.timeArg(s.now()))
	return err
}

// UndismissStory takes back an editor's dismissal of a story of the
// profile (the week page's undo); a story not dismissed is left as it is.
func (s *Store) UndismissStory(ctx context.Context, profile string, story int64) error {
	return s.txRetry(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories WHERE id = $1 AND profile = $2`, story, profile).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("story %d of profile %s: %w", story, profile, digest.ErrNotFound)
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM story_decisions WHERE story_id = $1 AND profile = $2 AND decision = 'dismissed'`,
			story, profile)
		return err
	})
}

// DecidedExample is a decided story as ranking learns from it: its
// class (a section key, or "none" when dismissed) and its text (the
// titles of its articles and the lead of the first).
type DecidedExample struct {
	Story int64
	Class string
	Text  string
}

// DecidedExamples returns the profile's decided stories as examples, the
// latest decisions first, at most limit (0: all).
func (s *Store) DecidedExamples(ctx context.Context, profile string, limit int) ([]DecidedExample, error) {
	q := `SELECT d.story_id, d.decision, d.section, st.title,
			COALESCE((SELECT substr(a.text, 1, 600) FROM articles a WHERE a.story_id = st.id ORDER BY a.published_at, a.id LIMIT 1), '')
		FROM story_decisions d JOIN stories st ON st.id = d.story_id
		WHERE d.profile = $1 ORDER BY d.decided_at DESC, d.story_id`
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
	var out []DecidedExample
	for rows.Next() {
		var id int64
		var decision, section, title, lead string
		if err := rows.Scan(&id, &decision, &section, &title, &lead); err != nil {
			return nil, err
		}
		class := section
		if decision == "dismissed" {
			class = "none"
		}
		out = append(out, DecidedExample{Story: id, Class: class, Text: title + ". " + lead})
	}
	return out, rows.Err()
}
