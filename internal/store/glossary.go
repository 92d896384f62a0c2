package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"shuho/internal/digest"
)

// GlossaryTerms returns the desk's own terms of a profile, in the order
// they were first stored.
func (s *Store) GlossaryTerms(ctx context.Context, profile string) ([]digest.Term, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT term FROM glossary_terms WHERE profile = $1 ORDER BY kind, key`, profile)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []digest.Term
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			return nil, err
		}
		var t digest.Term
		if err := json.Unmarshal(raw, &t); err != nil {
			return nil, fmt.Errorf("glossary term %s: %w", raw, err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// PutGlossaryTerms stores terms, each replacing the stored term of the same
// kind and key (key is the term's folded English form, which the caller
// gives: the glossary's folding is not the store's business). All or none
// are stored. It returns how many were new and how many replaced a
// different term (an unchanged one counts in neither).
func (s *Store) PutGlossaryTerms(ctx context.Context, profile string, terms []digest.Term, keys []string) (added, changed int, err error) {
	if len(keys) != len(terms) {
		return 0, 0, fmt.Errorf("%d keys for %d terms: %w", len(keys), len(terms), digest.ErrInvalid)
	}
	err = s.txRetry(ctx, func(tx *sql.Tx) error {
		added, changed = 0, 0
		now := s.timeArg(s.now())
		// In one order, so that two imports cannot deadlock.
		order := make([]int, len(terms))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			if c := strings.Compare(string(terms[a].Kind), string(terms[b].Kind)); c != 0 {
				return c
			}
			return strings.Compare(keys[a], keys[b])
		})
		for _, i := range order {
			t := terms[i]
			if keys[i] == "" || !t.Kind.Valid() {
				return fmt.Errorf("term %q: no key or an unknown kind: %w", t.EN, digest.ErrInvalid)
			}
			b, err := json.Marshal(t)
			if err != nil {
				return err
			}
			if strings.ContainsRune(string(b), 0) {
				return fmt.Errorf("term %q holds a NUL character: %w", t.EN, digest.ErrInvalid)
			}
			var old sql.NullString
			if err := tx.QueryRowContext(ctx, `SELECT term FROM glossary_terms WHERE profile = $1 AND kind = $2 AND key = $3`,
				profile, string(t.Kind), keys[i]).Scan(&old); err != nil && err != sql.ErrNoRows {
				return err
			}
			if old.Valid {
				var prev digest.Term
				if json.Unmarshal([]byte(old.String), &prev) == nil && equalTerms(prev, t) {
					continue
				}
				changed++
			} else {
				added++
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO glossary_terms (profile, kind, key, term, updated_at) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (profile, kind, key) DO UPDATE SET term = excluded.term, updated_at = excluded.updated_at`,
				profile, string(t.Kind), keys[i], string(b), now); err != nil {
				return fmt.Errorf("term %q: %w", t.EN, err)
			}
		}
		return nil
	})
	return added, changed, err
}

func equalTerms(a, b digest.Term) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
