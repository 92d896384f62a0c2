package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
)

// Status is where a digest stands in the desk's workflow.
type Status string

// The statuses.
const (
	Draft     Status = "draft"
	InReview  Status = "review"
	Approved  Status = "approved"
	Published Status = "published"
)

// Outcome says what a save did.
type Outcome string

// The outcomes of a save.
const (
	// Created: the digest was new.
	Created Outcome = "created"
	// Unchanged: the same content was already there; nothing was written.
	Unchanged Outcome = "unchanged"
	// Revised: the content changed; it is the new version and the old one
	// is kept as a revision.
	Revised Outcome = "revised"
)

// SaveOptions say who saves a digest and why.
type SaveOptions struct {
	// Author is the user, or "import".
	Author string
	// Source says where the content came from: "import: FILE", "editor".
	Source string
	// Status is given to a new digest; an existing one keeps its own,
	// except that new content withdraws an approval (D7): an approved or
	// published digest goes back to review. An import, which states
	// Published (the digest went out; the file is what went out), keeps
	// its status.
	Status Status
	// IfVersion, when not 0, is the version the save was made from: a
	// digest that has moved on since is not overwritten, and the save is
	// an error wrapping digest.ErrConflict (D5).
	IfVersion int
	// Decision, when set, is an editor's choice on a story of the
	// digest's profile saved with the content, in one transaction: the
	// week page's add (the item and the story kept, or neither).
	Decision *Decision
}

// Saved is the result of a save.
type Saved struct {
	ID      int64
	Version int
	Outcome Outcome
}

// Info is what the archive holds about a digest besides its content.
type Info struct {
	ID        int64
	Version   int
	Status    Status
	Hash      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Revision is one saved version of a digest.
type Revision struct {
	Version   int
	Hash      string
	Author    string
	Source    string
	CreatedAt time.Time
	Digest    *digest.Digest
}

// ContentHash returns the hash that identifies a digest's content: of its
// JSON form, which holds everything the model does.
func ContentHash(d *digest.Digest) (string, []byte, error) {
	b, err := jsonfmt.Encode(d)
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), b, nil
}

// SaveDigest stores d, identified by its profile and period. Saving the
// content already there changes nothing; saving new content makes it the
// current version (the version number goes up by one) and keeps every
// earlier version as a revision. The digest's profile must be set and its
// period valid: they are its identity.
func (s *Store) SaveDigest(ctx context.Context, d *digest.Digest, o SaveOptions) (Saved, error) {
	if d.Profile == "" {
		return Saved{}, fmt.Errorf("the digest names no profile: %w", digest.ErrInvalid)
	}
	if !d.Period.Valid() {
		return Saved{}, fmt.Errorf("the digest's period %s is not a valid period, which identifies a digest in the archive: %w", d.Period, digest.ErrInvalid)
	}
	if o.Status == "" {
		o.Status = Draft
	}
	if where := nulIn(d); where != "" {
		return Saved{}, fmt.Errorf("%s holds a NUL character, which is not text: %w", where, digest.ErrInvalid)
	}
	hash, content, err := ContentHash(d)
	if err != nil {
		return Saved{}, err
	}
	var out Saved
	err = s.tx(ctx, func(tx *sql.Tx) error {
		now := s.timeArg(s.now())
		// Insert the digest unless it is there; then read it, locked (on
		// PostgreSQL, where several processes may save it at once; SQLite
		// has one writer): a second save of the same week waits for the
		// first and then finds its work.
		err := tx.QueryRowContext(ctx, `INSERT INTO digests
			(profile, period_from, period_to, title, subtitle, issuer, status, version, content_hash, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $9)
			ON CONFLICT (profile, period_from, period_to) DO NOTHING RETURNING id`,
			d.Profile, dateArg(d.Period.From), dateArg(d.Period.To), d.Title, d.Subtitle, d.Issuer,
			string(o.Status), hash, now).Scan(&out.ID)
		if err == nil {
			out.Version, out.Outcome = 1, Created
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var version int
		var oldHash, oldStatus string
		lock := ""
		if s.engine == Postgres {
			lock = " FOR UPDATE"
		}
		if out.Outcome != Created {
			err = tx.QueryRowContext(ctx, `SELECT id, version, content_hash, status FROM digests
				WHERE profile = $1 AND period_from = $2 AND period_to = $3`+lock,
				d.Profile, dateArg(d.Period.From), dateArg(d.Period.To)).Scan(&out.ID, &version, &oldHash, &oldStatus)
			if err != nil {
				return err
			}
		}
		if o.IfVersion != 0 && out.Outcome != Created && version != o.IfVersion {
			return fmt.Errorf("the digest is at version %d, the save was made from version %d: %w", version, o.IfVersion, digest.ErrConflict)
		}
		switch {
		case out.Outcome == Created:
		case oldHash == hash:
			out.Version, out.Outcome = version, Unchanged
			return s.decide(ctx, tx, d.Profile, o.Decision)
		default:
			out.Version, out.Outcome = version+1, Revised
			if err := s.deleteContent(ctx, tx, out.ID); err != nil {
				return err
			}
			// A change to an approved or published digest opens a new
			// round: back to review, the approval withdrawn, and said so in
			// the history. An import of a changed copy of a published week
			// too: published at a version no one approved, it would serve
			// the old one and be stuck.
			if _, err := tx.ExecContext(ctx, `UPDATE digests SET title = $1, subtitle = $2, issuer = $3,
				version = $4, content_hash = $5, updated_at = $6,
				status = CASE WHEN status IN ('approved', 'published') THEN 'review' ELSE status END,
				approved_version = NULL, approved_by = NULL WHERE id = $7`,
				d.Title, d.Subtitle, d.Issuer, out.Version, hash, now, out.ID); err != nil {
				return err
			}
			if Status(oldStatus) == Approved || Status(oldStatus) == Published {
				if _, err := tx.ExecContext(ctx, `INSERT INTO digest_events (digest_id, version, action, actor, at, note) VALUES ($1, $2, $3, $4, $5, $6)`,
					out.ID, out.Version, string(Reopen), o.Author, now, fmt.Sprintf("version %d changed the %s digest: a new round of review", out.Version, oldStatus)); err != nil {
					return err
				}
			}
		}
		if err := s.insertContent(ctx, tx, out.ID, d); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `INSERT INTO revisions
			(digest_id, version, content_hash, content, author, source, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			out.ID, out.Version, hash, string(content), o.Author, o.Source, now); err != nil {
			return err
		}
		return s.decide(ctx, tx, d.Profile, o.Decision)
	})
	if err != nil {
		return Saved{}, fmt.Errorf("save the digest %s %s: %w", d.Profile, d.Period, err)
	}
	return out, nil
}

// deleteContent removes a digest's current sections, items, blocks and
// citations (by cascade) and their search documents.
func (s *Store) deleteContent(ctx context.Context, tx *sql.Tx, id int64) error {
	if err := s.unindexItems(ctx, tx, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM sections WHERE digest_id = $1`, id)
	return err
}

// insertContent writes a digest's sections, items, blocks and citations and
// indexes its items for search, each statement prepared once.
func (s *Store) insertContent(ctx context.Context, tx *sql.Tx, id int64, d *digest.Digest) error {
	ix, err := s.indexer(ctx, tx)
	if err != nil {
		return err
	}
	defer ix.close()
	var stmts [4]*sql.Stmt
	for i, q := range []string{
		`INSERT INTO sections (digest_id, position, number, key, title) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		`INSERT INTO items (digest_id, section_id, position, headline_ja, headline_en, emphasis) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		`INSERT INTO blocks (item_id, position, kind, text, entries) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		`INSERT INTO citations (block_id, position, outlet, date_text, date) VALUES ($1, $2, $3, $4, $5)`,
	} {
		if stmts[i], err = tx.PrepareContext(ctx, q); err != nil {
			return err
		}
		defer stmts[i].Close()
	}
	insSection, insItem, insBlock, insCitation := stmts[0], stmts[1], stmts[2], stmts[3]
	var docs []searchDoc
	for i, sec := range d.Sections {
		var secID int64
		if err := insSection.QueryRowContext(ctx, id, i, sec.Number, sec.Key, sec.Title).Scan(&secID); err != nil {
			return err
		}
		for j, it := range sec.Items {
			var itemID int64
			if err := insItem.QueryRowContext(ctx, id, secID, j, it.HeadlineJA, it.HeadlineEN, it.Emphasis).Scan(&itemID); err != nil {
				return err
			}
			for k, b := range it.Blocks {
				var entries any
				if b.Kind == digest.List {
					e, err := json.Marshal(b.Entries)
					if err != nil {
						return err
					}
					entries = string(e)
				}
				var blockID int64
				if err := insBlock.QueryRowContext(ctx, itemID, k, string(b.Kind), b.Text, entries).Scan(&blockID); err != nil {
					return err
				}
				for n, c := range b.Citations {
					if _, err := insCitation.ExecContext(ctx, blockID, n, c.Outlet, c.DateText, dateArg(c.Date)); err != nil {
						return err
					}
				}
			}
			docs = append(docs, itemDoc(itemID, d, sec, it))
		}
	}
	// Last item first: documents of one day come newest (highest id)
	// first, so the digest's first item gets the highest id and its hits
	// come in the digest's order.
	for _, doc := range slices.Backward(docs) {
		if err := ix.add(ctx, doc); err != nil {
			return err
		}
	}
	return ix.flush(ctx)
}

// Digest returns the current content of the digest of the profile and
// period, and what the archive holds about it, as of one moment: a save
// that runs meanwhile is seen whole or not at all. A digest that is not
// there is an error wrapping digest.ErrNotFound.
func (s *Store) Digest(ctx context.Context, profile string, p digest.Period) (*digest.Digest, Info, error) {
	if !p.Valid() {
		return nil, Info{}, fmt.Errorf("no digest %s %s in the archive, for that is not a valid period: %w", profile, p, digest.ErrNotFound)
	}
	var info Info
	d := &digest.Digest{Profile: profile, Period: p}
	err := s.read(ctx, func(q querier) error {
		var status string
		var created, updated timeCol
		err := q.QueryRowContext(ctx, `SELECT id, version, status, content_hash, created_at, updated_at, title, subtitle, issuer
			FROM digests WHERE profile = $1 AND period_from = $2 AND period_to = $3`,
			profile, dateArg(p.From), dateArg(p.To)).Scan(&info.ID, &info.Version, &status, &info.Hash, &created, &updated, &d.Title, &d.Subtitle, &d.Issuer)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("no digest %s %s in the archive: %w", profile, p, digest.ErrNotFound)
		}
		if err != nil {
			return err
		}
		info.Status, info.CreatedAt, info.UpdatedAt = Status(status), created.t, updated.t
		return readContent(ctx, q, info.ID, d)
	})
	if err != nil {
		return nil, Info{}, err
	}
	return d, info, nil
}

// readContent reads a digest's sections, items, blocks and citations, a
// query for each kind of row.
func readContent(ctx context.Context, q querier, id int64, d *digest.Digest) error {
	type pos struct{ i, j, k int }
	secs := map[int64]int{}
	err := each(ctx, q, `SELECT id, number, key, title FROM sections WHERE digest_id = $1 ORDER BY position`, []any{id}, func(rows *sql.Rows) error {
		var secID int64
		var sec digest.Section
		if err := rows.Scan(&secID, &sec.Number, &sec.Key, &sec.Title); err != nil {
			return err
		}
		secs[secID] = len(d.Sections)
		d.Sections = append(d.Sections, sec)
		return nil
	})
	if err != nil {
		return err
	}
	items := map[int64]pos{}
	err = each(ctx, q, `SELECT i.id, i.section_id, i.headline_ja, i.headline_en, i.emphasis
		FROM items i JOIN sections s ON s.id = i.section_id
		WHERE i.digest_id = $1 ORDER BY s.position, i.position`, []any{id}, func(rows *sql.Rows) error {
		var itemID, secID int64
		var it digest.Item
		if err := rows.Scan(&itemID, &secID, &it.HeadlineJA, &it.HeadlineEN, &it.Emphasis); err != nil {
			return err
		}
		si, ok := secs[secID]
		if !ok {
			return fmt.Errorf("item %d of an unknown section %d", itemID, secID)
		}
		items[itemID] = pos{i: si, j: len(d.Sections[si].Items)}
		d.Sections[si].Items = append(d.Sections[si].Items, it)
		return nil
	})
	if err != nil {
		return err
	}
	blocks := map[int64]pos{}
	err = each(ctx, q, `SELECT b.id, b.item_id, b.kind, b.text, b.entries
		FROM blocks b JOIN items i ON i.id = b.item_id
		WHERE i.digest_id = $1 ORDER BY b.item_id, b.position`, []any{id}, func(rows *sql.Rows) error {
		var blockID, itemID int64
		var kind string
		var entries sql.NullString
		b := digest.Block{}
		if err := rows.Scan(&blockID, &itemID, &kind, &b.Text, &entries); err != nil {
			return err
		}
		b.Kind = digest.BlockKind(kind)
		if entries.Valid {
			if err := json.Unmarshal([]byte(entries.String), &b.Entries); err != nil {
				return fmt.Errorf("block %d: entries: %w", blockID, err)
			}
		}
		p, ok := items[itemID]
		if !ok {
			return fmt.Errorf("block %d of an unknown item %d", blockID, itemID)
		}
		it := &d.Sections[p.i].Items[p.j]
		blocks[blockID] = pos{p.i, p.j, len(it.Blocks)}
		it.Blocks = append(it.Blocks, b)
		return nil
	})
	if err != nil {
		return err
	}
	return each(ctx, q, `SELECT c.block_id, c.outlet, c.date_text, c.date
		FROM citations c JOIN blocks b ON b.id = c.block_id JOIN items i ON i.id = b.item_id
		WHERE i.digest_id = $1 ORDER BY c.block_id, c.position`, []any{id}, func(rows *sql.Rows) error {
		var blockID int64
		var c digest.Citation
		var date dateCol
		if err := rows.Scan(&blockID, &c.Outlet, &c.DateText, &date); err != nil {
			return err
		}
		c.Date = date.d
		p, ok := blocks[blockID]
		if !ok {
			return fmt.Errorf("citation of an unknown block %d", blockID)
		}
		b := &d.Sections[p.i].Items[p.j].Blocks[p.k]
		b.Citations = append(b.Citations, c)
		return nil
	})
}

// querier runs queries: the read pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// read runs f in a read-only transaction, so that all its queries see the
// archive as of one moment (SQLite's snapshot in WAL mode; PostgreSQL's
// REPEATABLE READ).
func (s *Store) read(ctx context.Context, f func(q querier) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.engine == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.r.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// each runs a query and calls f for each row.
func each(ctx context.Context, q querier, query string, args []any, f func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Revisions returns every saved version of the digest with the given id,
// oldest first.
func (s *Store) Revisions(ctx context.Context, id int64) ([]Revision, error) {
	var out []Revision
	err := each(ctx, s.r, `SELECT version, content_hash, author, source, created_at, content
		FROM revisions WHERE digest_id = $1 ORDER BY version`, []any{id}, func(rows *sql.Rows) error {
		var r Revision
		var created timeCol
		var content string
		if err := rows.Scan(&r.Version, &r.Hash, &r.Author, &r.Source, &created, &content); err != nil {
			return err
		}
		d, err := jsonfmt.Decode([]byte(content))
		if err != nil {
			return fmt.Errorf("revision %d of digest %d: %w", r.Version, id, err)
		}
		r.CreatedAt, r.Digest = created.t, d
		out = append(out, r)
		return nil
	})
	return out, err
}

// Revision returns one saved version of the digest with the given id:
// what an editor's form was made on, when another save came first.
func (s *Store) Revision(ctx context.Context, id int64, version int) (*digest.Digest, error) {
	var content string
	err := s.r.QueryRowContext(ctx, `SELECT content FROM revisions WHERE digest_id = $1 AND version = $2`, id, version).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("version %d of digest %d: %w", version, id, digest.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	d, err := jsonfmt.Decode([]byte(content))
	if err != nil {
		return nil, fmt.Errorf("version %d of digest %d: %w", version, id, err)
	}
	return d, nil
}

// Count returns the number of digests, items and articles in the archive.
func (s *Store) Count(ctx context.Context) (digests, items, articles int, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM digests), (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM articles)`).Scan(&digests, &items, &articles)
	return digests, items, articles, err
}

// nulIn names the first part of d that holds a NUL character (which no
// digest text has, and PostgreSQL cannot store), or "".
func nulIn(d *digest.Digest) string {
	has := func(s string) bool { return strings.IndexByte(s, 0) >= 0 }
	if has(d.Title) || has(d.Subtitle) || has(d.Issuer) {
		return "the digest's head"
	}
	for i, sec := range d.Sections {
		if has(sec.Title) || has(sec.Key) {
			return fmt.Sprintf("section %d", i+1)
		}
		for j, it := range sec.Items {
			bad := has(it.HeadlineJA) || has(it.HeadlineEN)
			for _, b := range it.Blocks {
				bad = bad || has(b.Text) || slices.ContainsFunc(b.Entries, has) ||
					slices.ContainsFunc(b.Citations, func(c digest.Citation) bool { return has(c.Outlet) || has(c.DateText) })
			}
			if bad {
				return fmt.Sprintf("item %d.%d", i+1, j+1)
			}
		}
	}
	return ""
}
