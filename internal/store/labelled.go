package store

import (
	"context"

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
	// Until is the last day of the digest's week.
	Until digest.Date
}

// ArchiveItems returns the items of the profile's archived digests whose
// section is one of the profile's (a section key is set), newest digest
// first, at most limit (0: all).
func (s *Store) ArchiveItems(ctx context.Context, profile string, limit int) ([]ArchiveItem, error) {
	q := `SELECT sc.key, i.headline_en, i.headline_ja, COALESCE((SELECT b.text FROM blocks b WHERE b.item_id = i.id ORDER BY b.position LIMIT 1), ''), d.period_to
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
		if err := rows.Scan(&it.Section, &it.HeadlineEN, &it.HeadlineJA, &it.Lead, &until); err != nil {
			return nil, err
		}
		it.Until = until.d
		out = append(out, it)
	}
	return out, rows.Err()
}
