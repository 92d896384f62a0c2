package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/fulltext"
	"shuho/internal/store"
)

// The archive's search, as the archive page and the API ask it: the words
// with the other spellings of the names in them (the glossary's), the
// filters, a page of hits with the total, each hit a link to its item in
// its digest or to its article.

// archivePerPage is how many hits a page of the archive shows.
const archivePerPage = 20

type archivePage struct {
	page
	Query, From, To, Section, Outlet string
	Hits                             []archiveHit
	// Total is how many match (up to store.MaxCount; More beyond);
	// First is the number of the page's first hit; Prev and Next link
	// the pages around.
	Total, First, Last int
	More               bool
	Prev, Next         string
	Sections           []digest.ProfileSection
	Outlets            []digest.Outlet
	Error              string
}

// archiveHit is a hit as the page shows it: its link, and its headlines
// and snippet with the matches marked and the Markdown marks left out.
type archiveHit struct {
	store.Hit
	Link                string
	JA, EN, Title, Snip template.HTML
}

// searchQuery reads a search from a request: q, from, to, section,
// outlet.
func (s *Server) searchQuery(r *http.Request) (store.Query, error) {
	v := r.URL.Query()
	q := store.Query{Text: strings.TrimSpace(v.Get("q")), Profile: s.Profile.Key, Section: v.Get("section"), Outlet: v.Get("outlet")}
	for name, dst := range map[string]*digest.Date{"from": &q.From, "to": &q.To} {
		if x := v.Get(name); x != "" {
			t, err := time.Parse(time.DateOnly, x)
			if err != nil {
				return q, fmt.Errorf("%s %q: expected a date such as 2026-11-16", name, x)
			}
			*dst = digest.DateOf(t)
		}
	}
	return q, nil
}

// search runs a search with the glossary's spellings, and counts its
// hits.
func (s *Server) search(r *http.Request, q store.Query) ([]store.Hit, int, error) {
	if d, err := s.drafter(r.Context()); err == nil && d.Headliner != nil {
		q.Spellings = d.Headliner.G.Spellings
	} else if err != nil {
		s.Log.Warn("search without the glossary's spellings", "err", err)
	}
	// The hits and their count at once: the page waits for the slower.
	var total int
	var countErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		total, countErr = s.Store.SearchCount(r.Context(), q)
	}()
	hits, err := s.Store.Search(r.Context(), q)
	<-done
	if err != nil {
		return nil, 0, err
	}
	return hits, total, countErr
}

// hitLink is a hit's page: the item in its digest, or the article.
func hitLink(h store.Hit) string {
	if h.Kind == "item" {
		return fmt.Sprintf("/digests/%d#item-%d-%d", h.DigestID, h.SectionNo, h.ItemNo)
	}
	return fmt.Sprintf("/articles/%d", h.ID)
}

func (s *Server) archive(w http.ResponseWriter, r *http.Request, rq *request) error {
	q, err := s.searchQuery(r)
	data := &archivePage{Query: q.Text, From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to"), Section: q.Section, Outlet: q.Outlet,
		Sections: s.Profile.Sections, Outlets: s.Profile.Outlets}
	if err != nil {
		data.Error = rq.t("archive.baddate")
		return s.render(w, rq, "archive.html", data)
	}
	if q.Text == "" {
		return s.render(w, rq, "archive.html", data)
	}
	pageNo, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pageNo = max(pageNo, 1)
	q.Limit, q.Offset = archivePerPage, (pageNo-1)*archivePerPage
	if q.Offset > 500 {
		q.Offset = 500
	}
	hits, total, err := s.search(r, q)
	if errors.Is(err, digest.ErrInvalid) {
		data.Error = rq.t("archive.badquery")
		return s.render(w, rq, "archive.html", data)
	} else if err != nil {
		return err
	}
	data.Total, data.More, data.First, data.Last = min(total, store.MaxCount), total > store.MaxCount, q.Offset+1, q.Offset+len(hits)
	for _, h := range hits {
		data.Hits = append(data.Hits, archiveHit{Hit: h, Link: hitLink(h), JA: marked(h.HeadlineJA, h.MarksJA), EN: marked(h.HeadlineEN, h.MarksEN),
			Title: marked(h.Title, h.MarksEN), Snip: marked(h.Snippet, h.Marks)})
	}
	at := func(n int) string {
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(n))
		return "/archive?" + v.Encode()
	}
	if pageNo > 1 {
		data.Prev = at(pageNo - 1)
	}
	if (data.More || q.Offset+len(hits) < total) && len(hits) == archivePerPage && q.Offset+archivePerPage <= 500 {
		data.Next = at(pageNo + 1)
	}
	return s.render(w, rq, "archive.html", data)
}

// marked is text as HTML with the spans marked (<mark>) and the Markdown
// marks of emphasis left out: a hit reads as the digest does.
func marked(text string, spans []fulltext.Span) template.HTML {
	var b strings.Builder
	fulltext.Pieces(text, spans, func(p string, mark bool) {
		// A digest's text writes emphasis with asterisks and nothing
		// else: they go, wherever the marks cut the text.
		p = template.HTMLEscapeString(strings.ReplaceAll(p, "*", ""))
		if mark {
			p = "<mark>" + p + "</mark>"
		}
		b.WriteString(p)
	})
	return template.HTML(b.String())
}
