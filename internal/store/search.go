package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/fulltext"
)

// Query is a search of the archive.
type Query struct {
	// Text is what to find: English words and "phrases", Japanese of any
	// length, mixed (fulltext.ParseQuery).
	Text string
	// From and To limit the days (an item's day is the end of its digest's
	// period, an article's the day it was published); zero means open.
	From, To digest.Date
	// Section, Outlet and Profile limit the hits to one section key (items
	// only), one citation outlet, one profile.
	Section, Outlet, Profile string
	// Limit is the most hits to return: default 20, at most 500; Offset
	// how many of the first to pass over (a page of hits further on), at
	// most 500.
	Limit, Offset int
	// Spellings, when set, gives the other spellings of a name (a
	// glossary's: アリエフ for Aliyev, Aliyev for アリエフ), which match
	// in its place.
	Spellings func(name string) []string
}

// MaxCount is the most hits SearchCount counts: a page says "200 or
// more" rather than reading a million (counting a thousand of a common
// name took PostgreSQL 20-110 ms over the million articles of the
// benchmark; two hundred, 4-36 ms).
const MaxCount = 200

// Hit is one item or article that matches.
type Hit struct {
	// Kind is "item" or "article".
	Kind string
	// Rank is how well it matches: 2 when the headline or title holds the
	// query, 1 when only the body does.
	Rank    int
	Day     digest.Date
	Profile string
	Outlets []string
	// An item's digest period, section key and title, and headlines.
	Period       digest.Period
	Section      string
	SectionTitle string
	HeadlineJA   string
	HeadlineEN   string
	// An article's title and address.
	Title string
	URL   string
	// Snippet is a short piece of the text around the first match; Marks
	// are the matches in it, as byte ranges.
	Snippet string
	Marks   []fulltext.Span
	// MarksJA and MarksEN are the matches in HeadlineJA and in HeadlineEN
	// (or an article's Title).
	MarksJA, MarksEN []fulltext.Span
	// ID is the item's or the article's id in the archive.
	ID int64
	// DigestID, SectionNo and ItemNo are where an item stands: its
	// digest, and its section's and its own number (1-based), for a link
	// to it.
	DigestID          int64
	SectionNo, ItemNo int
}

// Search finds the items and articles that hold every term of the query,
// ranked by relevance (a match in a headline or title before a match in the
// body only) and then by recency, newest first. Both engines return the same
// hits in the same order: the index holds the same tokens (fulltext) and the
// ranking is by rank and the day-ordered document id, not by an engine's
// own scoring.
func (s *Store) Search(ctx context.Context, q Query) ([]Hit, error) {
	fq, err := parseQuery(q)
	if err != nil {
		return nil, err
	}
	// A filter that folds to nothing ("—") names no section, outlet or
	// profile: nothing matches it, on either engine.
	for _, f := range []string{q.Section, q.Outlet, q.Profile} {
		if f != "" && tagWord(f) == "" {
			return nil, nil
		}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	offset := min(max(q.Offset, 0), 500)
	limit = min(limit, 500) + offset
	// One read transaction: a save that runs meanwhile is seen whole or
	// not at all, never matched but gone by the time its hit is read.
	var hits []hit
	rank := map[int64]int{}
	err = s.read(ctx, func(db querier) error {
		head, err := s.match(ctx, db, fq, q, true, limit)
		if err != nil {
			return err
		}
		all, err := s.match(ctx, db, fq, q, false, limit+len(head))
		if err != nil {
			return err
		}
		ids := head
		for _, id := range head {
			rank[id] = 2
		}
		for _, id := range all {
			if _, ok := rank[id]; !ok && len(ids) < limit {
				rank[id] = 1
				ids = append(ids, id)
			}
		}
		hits, err = hitsOf(ctx, db, s.engine, ids, fq)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range hits {
		hits[i].Rank = rank[hits[i].docID]
	}
	return hitsOnly(hits[min(offset, len(hits)):]), nil
}

// parseQuery reads a search's text with the other spellings of its names.
// A query that is itself a name of several words (Ilham Aliyev, unquoted)
// is searched as that name, so that its Japanese form, one run without a
// space, is found too.
func parseQuery(q Query) (fulltext.Query, error) {
	fq, err := fulltext.ParseQuery(q.Text)
	if err != nil {
		return fq, fmt.Errorf("search %q: %w: %w", q.Text, err, digest.ErrInvalid)
	}
	if q.Spellings == nil {
		return fq, nil
	}
	if text := strings.TrimSpace(q.Text); len(fq.Terms) > 1 && !strings.ContainsAny(text, "\"＂“”「」『』") && len(q.Spellings(text)) > 0 {
		if whole, err := fulltext.ParseQuery(`"` + text + `"`); err == nil && len(whole.Terms) == 1 {
			whole.Terms[0].Text = text
			fq = whole
		}
	}
	return fq.WithSpellings(q.Spellings), nil
}

// SearchCount counts the items and articles that match a search, up to
// MaxCount (MaxCount+1 means more).
func (s *Store) SearchCount(ctx context.Context, q Query) (int, error) {
	fq, err := parseQuery(q)
	if err != nil {
		return 0, err
	}
	for _, f := range []string{q.Section, q.Outlet, q.Profile} {
		if f != "" && tagWord(f) == "" {
			return 0, nil
		}
	}
	var n int
	err = s.read(ctx, func(db querier) error {
		ids, err := s.match(ctx, db, fq, q, false, MaxCount+1)
		n = len(ids)
		return err
	})
	return n, err
}

// windowDays are the spans of days that a PostgreSQL search looks through
// in turn, newest first, until it has its hits: each span asks the planner a
// question it answers well (the words' index and the ids of the span,
// combined), where one question over all the years can make it scan
// thousands of documents for a word that is rarer than it thinks. The hits
// are the same as one question's: spans are taken in order and each gives
// its newest first.
var windowDays = []int64{7, 56, 448, 3584}

// match returns the ids of the documents that match, newest first: in the
// headline or title only when head is set, anywhere otherwise.
func (s *Store) match(ctx context.Context, db querier, fq fulltext.Query, q Query, head bool, limit int) ([]int64, error) {
	lo, hi := idRange(q.From, q.To)
	if s.engine == SQLite {
		return s.matchRange(ctx, db, fq, q, head, lo, hi, limit)
	}
	if q.To.IsZero() {
		var top sql.NullInt64
		if err := db.QueryRowContext(ctx, `SELECT MAX(id) FROM search_docs`).Scan(&top); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if !top.Valid {
			return nil, nil
		}
		hi = min(hi, top.Int64)
	}
	var ids []int64
	end := hi
	for i := 0; end >= lo && len(ids) < limit; i++ {
		start := lo
		if i < len(windowDays) {
			start = max(lo, (end>>dayBits-windowDays[i]+1)<<dayBits)
		}
		got, err := s.matchRange(ctx, db, fq, q, head, start, end, limit-len(ids))
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
		end = start - 1
	}
	return ids, nil
}

// matchRange returns the ids between lo and hi that match, newest first.
func (s *Store) matchRange(ctx context.Context, db querier, fq fulltext.Query, q Query, head bool, lo, hi int64, limit int) ([]int64, error) {
	var query string
	args := []any{}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	switch s.engine {
	case SQLite:
		table, mainCols, uniCols := "search_fts", "{head body}", "{uhead ubody}"
		if head {
			table, mainCols, uniCols = "search_heads", "head", "uhead"
		}
		expr := fq.FTS5(mainCols, uniCols)
		for _, t := range filterTags(q) {
			expr += " AND tags : " + t
		}
		query = `SELECT rowid FROM ` + table + ` WHERE ` + table + ` MATCH ` + arg(expr) +
			` AND rowid BETWEEN ` + arg(lo) + ` AND ` + arg(hi) + ` ORDER BY rowid DESC LIMIT ` + arg(limit)
	default:
		mainCol, uniCol := `"full"`, "ufull"
		if head {
			mainCol, uniCol = "head", "uhead"
		}
		main, uni := fq.TSQuery()
		var where []string
		if main != "" {
			where = append(where, mainCol+" @@ "+arg(main)+"::tsquery")
		}
		if uni != "" {
			where = append(where, uniCol+" @@ "+arg(uni)+"::tsquery")
		}
		where = append(where, "id BETWEEN "+arg(lo)+" AND "+arg(hi))
		if q.Profile != "" {
			where = append(where, "profile_tag = "+arg(tagWord(q.Profile)))
		}
		if q.Section != "" {
			where = append(where, "section_tag = "+arg(tagWord(q.Section)))
		}
		if q.Outlet != "" {
			// Folded as the SQLite tags are: REPORT.AZ, report.az → reportaz.
			where = append(where, "outlet_tags @> ARRAY["+arg(tagWord(q.Outlet))+"::text]")
		}
		query = `SELECT id FROM search_docs WHERE ` + strings.Join(where, " AND ") + ` ORDER BY id DESC LIMIT ` + arg(limit)
	}
	var ids []int64
	err := each(ctx, db, query, args, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return ids, nil
}

// filterTags are the FTS5 tag tokens a query's filters require.
func filterTags(q Query) []string {
	var t []string
	if q.Profile != "" {
		t = append(t, "p"+tagWord(q.Profile))
	}
	if q.Section != "" {
		t = append(t, "s"+tagWord(q.Section))
	}
	if q.Outlet != "" {
		t = append(t, "o"+tagWord(q.Outlet))
	}
	return t
}

// hit is a Hit with the search document's id, which orders it.
type hit struct {
	Hit
	docID int64
	ref   int64
}

func hitsOnly(hs []hit) []Hit {
	out := make([]Hit, len(hs))
	for i, h := range hs {
		out[i] = h.Hit
	}
	return out
}

// hitsOf reads what a hit shows for the documents ids, in their order.
func hitsOf(ctx context.Context, db querier, engine Engine, ids []int64, fq fulltext.Query) ([]hit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	byDoc := map[int64]*hit{}
	var items, articles []any
	// Outlets come as one text, a label a line (labels may hold spaces:
	// "OC MEDIA").
	outlets := "outlets"
	if engine == Postgres {
		outlets = "array_to_string(outlets, E'\\n')"
	}
	err := each(ctx, db, `SELECT id, kind, ref, profile, day, section, `+outlets+` FROM search_docs WHERE id IN (`+placeholders(len(ids), 1)+`)`,
		int64s(ids), func(rows *sql.Rows) error {
			h := &hit{}
			var day dateCol
			var outlets string
			if err := rows.Scan(&h.docID, &h.Kind, &h.ref, &h.Profile, &day, &h.Section, &outlets); err != nil {
				return err
			}
			h.Day = day.d
			h.Outlets = strings.FieldsFunc(outlets, func(r rune) bool { return r == '\n' })
			byDoc[h.docID] = h
			if h.Kind == "item" {
				items = append(items, h.ref)
			} else {
				articles = append(articles, h.ref)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	byRef := map[string]*hit{}
	for _, h := range byDoc {
		h.ID = h.ref
		byRef[h.Kind+strconv.FormatInt(h.ref, 10)] = h
	}
	if len(items) > 0 {
		if err := itemHits(ctx, db, items, byRef, fq); err != nil {
			return nil, err
		}
	}
	if len(articles) > 0 {
		err := each(ctx, db, `SELECT id, title, url, text FROM articles WHERE id IN (`+placeholders(len(articles), 1)+`)`, articles,
			func(rows *sql.Rows) error {
				var id int64
				var text string
				var a Hit
				if err := rows.Scan(&id, &a.Title, &a.URL, &text); err != nil {
					return err
				}
				h := byRef["article"+strconv.FormatInt(id, 10)]
				h.Title, h.URL = a.Title, a.URL
				h.Snippet, h.Marks = snippet(text, a.Title, fq)
				h.MarksEN = fulltext.Highlight(a.Title, fq)
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	out := make([]hit, 0, len(ids))
	for _, id := range ids {
		if h, ok := byDoc[id]; ok {
			out = append(out, *h)
		}
	}
	return out, nil
}

// itemHits fills in the hits of items: digest period, section, headlines,
// and a snippet of the body.
func itemHits(ctx context.Context, db querier, items []any, byRef map[string]*hit, fq fulltext.Query) error {
	err := each(ctx, db, `SELECT i.id, i.headline_ja, i.headline_en, s.title, d.period_from, d.period_to, d.id, s.position, i.position
		FROM items i JOIN sections s ON s.id = i.section_id JOIN digests d ON d.id = i.digest_id
		WHERE i.id IN (`+placeholders(len(items), 1)+`)`, items, func(rows *sql.Rows) error {
		var id, digestID int64
		var from, to dateCol
		var ja, en, title string
		var sec, pos int
		if err := rows.Scan(&id, &ja, &en, &title, &from, &to, &digestID, &sec, &pos); err != nil {
			return err
		}
		h := byRef["item"+strconv.FormatInt(id, 10)]
		h.HeadlineJA, h.HeadlineEN, h.SectionTitle = ja, en, title
		h.DigestID, h.SectionNo, h.ItemNo = digestID, sec+1, pos+1
		h.Period = digest.Period{From: from.d, To: to.d}
		return nil
	})
	if err != nil {
		return err
	}
	bodies := map[int64][]string{}
	err = each(ctx, db, `SELECT item_id, text, entries FROM blocks WHERE item_id IN (`+placeholders(len(items), 1)+`) ORDER BY item_id, position`,
		items, func(rows *sql.Rows) error {
			var id int64
			var text string
			var entries sql.NullString
			if err := rows.Scan(&id, &text, &entries); err != nil {
				return err
			}
			if text != "" {
				bodies[id] = append(bodies[id], text)
			}
			if entries.Valid {
				var e []string
				if err := json.Unmarshal([]byte(entries.String), &e); err != nil {
					return err
				}
				bodies[id] = append(bodies[id], e...)
			}
			return nil
		})
	if err != nil {
		return err
	}
	for _, h := range byRef {
		if h.Kind == "item" {
			h.Snippet, h.Marks = snippet(strings.Join(bodies[h.ref], " "), h.HeadlineEN+" "+h.HeadlineJA, fq)
			h.MarksJA, h.MarksEN = fulltext.Highlight(h.HeadlineJA, fq), fulltext.Highlight(h.HeadlineEN, fq)
		}
	}
	return nil
}

// snippetLength is how many characters a snippet shows.
const snippetLength = 200

// snippet is a piece of the body around the first match or, when only the
// headline matches, the start of the body.
func snippet(body, head string, fq fulltext.Query) (string, []fulltext.Span) {
	text, marks := fulltext.Snippet(body, fq, snippetLength)
	if len(marks) == 0 && len(fulltext.Highlight(head, fq)) > 0 {
		return text, nil
	}
	return text, marks
}

// placeholders returns "$first, $first+1, …" for n parameters.
func placeholders(n, first int) string {
	p := make([]string, n)
	for i := range p {
		p[i] = "$" + strconv.Itoa(first+i)
	}
	return strings.Join(p, ", ")
}

func int64s(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range slices.Clone(ids) {
		out[i] = id
	}
	return out
}
