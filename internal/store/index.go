package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"shuho/internal/digest"
	"shuho/internal/fulltext"
)

// A search document: an item or an article, with what search filters on and
// the text it matches.
type searchDoc struct {
	kind    string // "item" or "article"
	ref     int64
	profile string
	day     digest.Date
	section string
	outlets []string
	head    string // the headlines, or the title
	body    string // the rest
}

// dayBits: a search document's id is its day number (days since 1970) times
// 2^dayBits plus a counter for the day, so that ordering ids orders by day.
const dayBits = 24

// dayNumber returns the days from 1970-01-01 to d.
func dayNumber(d digest.Date) int64 {
	return int64(d.DaysSince(digest.NewDate(1970, 1, 1)))
}

// idRange returns the search ids of the days from..to, open where zero.
func idRange(from, to digest.Date) (lo, hi int64) {
	lo, hi = -1<<62, 1<<62
	if !from.IsZero() {
		lo = dayNumber(from) << dayBits
	}
	if !to.IsZero() {
		hi = (dayNumber(to)+1)<<dayBits - 1
	}
	return lo, hi
}

// indexer adds documents to the search index within one transaction. It
// numbers each document at once but writes them in batches when flushed:
// SQLite's FTS5 writes its pending index to disk at every statement that
// follows an insert into it, so one insert per document would write a
// segment per document.
type indexer struct {
	engine  Engine
	tx      *sql.Tx
	day     *sql.Stmt
	pending [][]any // the rows of search_docs (and their texts), in order
}

// indexBatch is how many documents one INSERT writes: 14 parameters a row
// stay well under SQLite's limit of 32,766 and PostgreSQL's of 65,535.
const indexBatch = 200

func (s *Store) indexer(ctx context.Context, tx *sql.Tx) (*indexer, error) {
	day, err := tx.PrepareContext(ctx, `INSERT INTO search_days (day, next) VALUES ($1, 1)
		ON CONFLICT (day) DO UPDATE SET next = search_days.next + 1 RETURNING next`)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return &indexer{engine: s.engine, tx: tx, day: day}, nil
}

func (ix *indexer) close() { ix.day.Close() }

// add numbers a document and queues it for the index.
func (ix *indexer) add(ctx context.Context, d searchDoc) error {
	day := dayNumber(d.day)
	var seq int64
	if err := ix.day.QueryRowContext(ctx, day).Scan(&seq); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	if seq >= 1<<dayBits {
		return fmt.Errorf("search index: more than %d documents on %s", 1<<dayBits-1, d.day)
	}
	id := day<<dayBits + seq
	// What PostgreSQL cannot hold, neither engine indexes, so that both
	// find the same: the first 200 KB of a text (a tsvector holds 1 MB);
	// word positions up to 16383 (the first 16,000 or so words); 256
	// positions of one word in a document.
	head, body := fulltext.Analyze(prefix(d.head, maxIndexed)), fulltext.Analyze(prefix(d.body, maxIndexed))
	clamp(&head, 0)
	clamp(&body, len(head.Main)+1, len(head.Uni)+1)
	capRepeats(head.Main, body.Main)
	capRepeats(head.Uni, body.Uni)
	if ix.engine == SQLite {
		hm, hu := head.FTS5()
		bm, bu := body.FTS5()
		ix.pending = append(ix.pending, []any{id, d.kind, d.ref, d.profile, dateArg(d.day), d.section, strings.Join(d.outlets, "\n"),
			hm, bm, hu, bu, tags(d)})
	} else {
		hm, hu := head.TSVector(0)
		// The body's positions follow the head's with a gap, so that a
		// phrase never spans the end of a headline and the start of the
		// body.
		bm, _ := body.TSVector(len(head.Main) + 1)
		_, bu := body.TSVector(len(head.Uni) + 1)
		outletTags := make([]string, len(d.outlets))
		for i, o := range d.outlets {
			outletTags[i] = tagWord(o)
		}
		ix.pending = append(ix.pending, []any{id, d.kind, d.ref, d.profile, dateArg(d.day), d.section, d.outlets,
			tagWord(d.profile), tagWord(d.section), outletTags, hm, hm + " " + bm, hu, hu + " " + bu})
	}
	if len(ix.pending) >= indexBatch {
		return ix.flush(ctx)
	}
	return nil
}

// flush writes the queued documents.
func (ix *indexer) flush(ctx context.Context) error {
	if len(ix.pending) == 0 {
		return nil
	}
	rows := ix.pending
	ix.pending = ix.pending[:0]
	if ix.engine == SQLite {
		docs, texts := make([]any, 0, 7*len(rows)), make([]any, 0, 6*len(rows))
		for _, r := range rows {
			docs = append(docs, r[:7]...)
			texts = append(texts, r[0], r[7], r[8], r[9], r[10], r[11])
		}
		if _, err := ix.tx.ExecContext(ctx, `INSERT INTO search_docs (id, kind, ref, profile, day, section, outlets) VALUES `+
			valueRows(len(rows), 7, ""), docs...); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		if _, err := ix.tx.ExecContext(ctx, `INSERT INTO search_fts (rowid, head, body, uhead, ubody, tags) VALUES `+
			valueRows(len(rows), 6, ""), texts...); err != nil {
			return err
		}
		heads := make([]any, 0, 4*len(rows))
		for _, r := range rows {
			heads = append(heads, r[0], r[7], r[9], r[11])
		}
		_, err := ix.tx.ExecContext(ctx, `INSERT INTO search_heads (rowid, head, uhead, tags) VALUES `+
			valueRows(len(rows), 4, ""), heads...)
		return err
	}
	args := make([]any, 0, 14*len(rows))
	for _, r := range rows {
		args = append(args, r...)
	}
	_, err := ix.tx.ExecContext(ctx, `INSERT INTO search_docs
		(id, kind, ref, profile, day, section, outlets, profile_tag, section_tag, outlet_tags, head, "full", uhead, ufull) VALUES `+
		valueRows(len(rows), 14, "::tsvector"), args...)
	return err
}

// valueRows writes n rows of k parameters for a multi-row INSERT:
// "($1, $2), ($3, $4)". cast, when set, follows each of the last four
// parameters of a row (PostgreSQL's tsvectors).
func valueRows(n, k int, cast string) string {
	var b strings.Builder
	p := 1
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range k {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", p)
			if cast != "" && j >= k-4 {
				b.WriteString(cast)
			}
			p++
		}
		b.WriteByte(')')
	}
	return b.String()
}

// maxIndexed is how much of a text is indexed, in bytes.
const maxIndexed = 200_000

// prefix returns at most n bytes of s, cut at the start of a character.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// maxRepeats is how many positions PostgreSQL keeps of one word in one
// tsvector.
const maxRepeats = 256

// unindexed stands in for a token past maxRepeats: it keeps the positions
// of the tokens after it, and no query ever asks for it (fulltext makes
// tokens of letters and digits only).
const unindexed = "⊘"

// capRepeats replaces each token's occurrences past the 256th, counting
// the head's then the body's, with unindexed.
func capRepeats(head, body []string) {
	count := map[string]int{}
	for _, toks := range [][]string{head, body} {
		for i, t := range toks {
			if count[t]++; count[t] > maxRepeats {
				toks[i] = unindexed
			}
		}
	}
}

// clamp cuts t's streams so that, after offsets of mainOffset and
// uniOffset (uniOffset defaults to mainOffset), no position passes
// fulltext.MaxPosition.
func clamp(t *fulltext.Terms, offsets ...int) {
	mainOffset, uniOffset := offsets[0], offsets[0]
	if len(offsets) > 1 {
		uniOffset = offsets[1]
	}
	if n := fulltext.MaxPosition - mainOffset; len(t.Main) > n {
		t.Main = t.Main[:max(n, 0)]
	}
	if n := fulltext.MaxPosition - uniOffset; len(t.Uni) > n {
		t.Uni = t.Uni[:max(n, 0)]
	}
}

// tags are the filters of a document as FTS5 tokens: kind, profile, section
// and outlets, each behind a letter that keeps them apart (outlet labels
// lose their dots and dashes: REPORT.AZ → oreportaz).
func tags(d searchDoc) string {
	t := []string{"k" + d.kind, "p" + tagWord(d.profile), "s" + tagWord(d.section)}
	for _, o := range d.outlets {
		t = append(t, "o"+tagWord(o))
	}
	return strings.Join(t, " ")
}

// tagWord keeps the ASCII letters and digits of s, lower-cased: what the
// FTS5 ascii tokenizer keeps together.
func tagWord(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		}
	}
	return b.String()
}

// itemDoc is an item of a digest as a search document.
func itemDoc(itemID int64, d *digest.Digest, sec digest.Section, it digest.Item) searchDoc {
	var body []string
	var outlets []string
	for _, b := range it.Blocks {
		if b.Text != "" {
			body = append(body, b.Text)
		}
		body = append(body, b.Entries...)
		for _, c := range b.Citations {
			if !slices.Contains(outlets, c.Outlet) {
				outlets = append(outlets, c.Outlet)
			}
		}
	}
	return searchDoc{
		kind: "item", ref: itemID, profile: d.Profile, day: d.Period.To, section: sec.Key, outlets: outlets,
		head: it.HeadlineEN + "\n" + it.HeadlineJA, body: strings.Join(body, "\n"),
	}
}

// unindexItems removes the items of a digest from the search index.
func (s *Store) unindexItems(ctx context.Context, tx *sql.Tx, digestID int64) error {
	if s.engine == SQLite {
		for _, table := range []string{"search_fts", "search_heads"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE rowid IN (
				SELECT d.id FROM search_docs d JOIN items i ON i.id = d.ref
				WHERE d.kind = 'item' AND i.digest_id = $1)`, digestID); err != nil {
				return err
			}
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE kind = 'item'
		AND ref IN (SELECT id FROM items WHERE digest_id = $1)`, digestID)
	return err
}
