package web

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"shuho/internal/render"
	"shuho/internal/store"
)

// The public archive: the published digests, read-only, for anyone, with
// their downloads and an Atom feed. What is shown is the published
// version, whatever edits came after.

type publicPage struct {
	page
	Published []store.PublishedDigest
	Formats   []string
}

func (s *Server) publicList(w http.ResponseWriter, r *http.Request, rq *request) error {
	pubs, err := s.Store.Published(r.Context(), s.Profile.Key, 200)
	if err != nil {
		return err
	}
	return s.render(w, &request{lang: rq.lang}, "public.html", &publicPage{Published: pubs, Formats: render.Formats})
}

func (s *Server) findPublished(r *http.Request) (*store.PublishedDigest, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, &httpError{http.StatusNotFound, fmt.Errorf("digest %q", r.PathValue("id"))}
	}
	pubs, err := s.Store.Published(r.Context(), s.Profile.Key, 0)
	if err != nil {
		return nil, err
	}
	for i := range pubs {
		if pubs[i].ID == id {
			return &pubs[i], nil
		}
	}
	return nil, &httpError{http.StatusNotFound, fmt.Errorf("no published digest %d", id)}
}

func (s *Server) publicDownload(w http.ResponseWriter, r *http.Request, rq *request) error {
	format := r.PathValue("format")
	if !slices.Contains(render.Formats, format) {
		return &httpError{http.StatusNotFound, fmt.Errorf("format %q", format)}
	}
	p, err := s.findPublished(r)
	if err != nil {
		return err
	}
	b, err := s.Writer.Write(p.Digest, s.Profile, format, s.now())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", render.ContentTypes[format])
	if format != "html" {
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="shuho-%s-%s-v%d.%s"`, p.Digest.Profile, p.Digest.Period.To, p.Version, format))
	}
	// The rendered page is a document, not a page of the site: nothing
	// in it runs (it has no script; the policy makes sure).
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, err = w.Write(b)
	return err
}

// atomFeed is an Atom 1.0 feed (RFC 4287), the fields it needs.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string     `xml:"title"`
	ID      string     `xml:"id"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary atomText   `xml:"summary"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// baseURL is the site's address as configured (--base-url), never as
// the request names it: a Host header is the client's to write, and a
// feed's ids and links must not follow it.
func (s *Server) baseURL() string {
	return strings.TrimRight(cmp.Or(s.BaseURL, "http://localhost"), "/")
}

func (s *Server) publicFeed(w http.ResponseWriter, r *http.Request, rq *request) error {
	pubs, err := s.Store.Published(r.Context(), s.Profile.Key, 50)
	if err != nil {
		return err
	}
	base := s.baseURL()
	f := atomFeed{Title: s.Profile.Title, ID: base + "/public/feed.atom", Author: atomAuthor{cmp.Or(s.Profile.Issuer, "shuho")},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/public/feed.atom"}, {Rel: "alternate", Type: "text/html", Href: base + "/public"}}}
	updated := time.Time{}
	for _, p := range pubs {
		d := p.Digest
		var heads []string
		for _, sec := range d.Sections {
			for _, it := range sec.Items {
				heads = append(heads, "● "+it.HeadlineJA)
			}
		}
		f.Entries = append(f.Entries, atomEntry{
			Title:   fmt.Sprintf("%s %s", d.Title, d.Period),
			ID:      fmt.Sprintf("%s/public/%d/v%d", base, p.ID, p.Version),
			Updated: p.PublishedAt.UTC().Format(time.RFC3339),
			Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: fmt.Sprintf("%s/public/%d/html", base, p.ID)},
				{Rel: "enclosure", Type: render.ContentTypes["pdf"], Href: fmt.Sprintf("%s/public/%d/pdf", base, p.ID)},
				{Rel: "enclosure", Type: render.ContentTypes["docx"], Href: fmt.Sprintf("%s/public/%d/docx", base, p.ID)}},
			Summary: atomText{Type: "text", Text: strings.Join(heads, "\n")},
		})
		if p.PublishedAt.After(updated) {
			updated = p.PublishedAt
		}
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, err = w.Write(append([]byte(xml.Header), b...))
	return err
}
