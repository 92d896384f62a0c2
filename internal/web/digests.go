package web

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"

	"shuho/internal/digest"
	"shuho/internal/pipeline"
	"shuho/internal/render"
)

// digestView is a digest as the page shows it: its text split into
// spans of emphasis, so that the template writes <strong> and <em> itself
// and escapes every text (H2).
type digestView struct {
	ID       int64
	Title    string
	Period   string
	Status   string
	Version  int
	Sections []sectionView
}

type sectionView struct {
	Number int
	Title  string
	Items  []itemView
}

type itemView struct {
	HeadlineJA []render.Span
	HeadlineEN string
	Emphasis   bool
	Blocks     []blockView
}

type blockView struct {
	Kind     string
	Text     []render.Span
	Entries  [][]render.Span
	Citation string
}

func viewOf(id int64, d *digest.Digest) digestView {
	v := digestView{ID: id, Title: d.Title, Period: d.Period.String()}
	for _, s := range d.Sections {
		sv := sectionView{Number: s.Number, Title: s.Title}
		for _, it := range s.Items {
			iv := itemView{HeadlineJA: render.Spans(it.HeadlineJA), HeadlineEN: render.Plain(it.HeadlineEN), Emphasis: it.Emphasis}
			for _, b := range it.Blocks {
				bv := blockView{Kind: string(b.Kind), Citation: citations(b.Citations)}
				if b.Kind == digest.List {
					for _, e := range b.Entries {
						bv.Entries = append(bv.Entries, render.Spans(e))
					}
				} else {
					bv.Text = render.Spans(b.Text)
				}
				iv.Blocks = append(iv.Blocks, bv)
			}
			sv.Items = append(sv.Items, iv)
		}
		v.Sections = append(v.Sections, sv)
	}
	return v
}

func citations(cs []digest.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	out := "("
	for i, c := range cs {
		if i > 0 {
			out += "; "
		}
		date := c.DateText
		if c.Valid() {
			date = digest.CitationDate(c.Date)
		}
		out += c.Outlet + " / " + date
	}
	return out + ")"
}

func (s *Server) digests(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := s.Store.Digests(r.Context(), s.Profile.Key, 200)
	if err != nil {
		return err
	}
	return s.render(w, rq, "digests.html", map[string]any{"Digests": list})
}

func (s *Server) digestID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &httpError{http.StatusNotFound, fmt.Errorf("digest %q", r.PathValue("id"))}
	}
	return id, nil
}

func (s *Server) digestPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := s.digestID(r)
	if err != nil {
		return err
	}
	d, info, err := s.Store.DigestByID(r.Context(), id)
	if errors.Is(err, digest.ErrNotFound) || err == nil && d.Profile != s.Profile.Key {
		return &httpError{http.StatusNotFound, fmt.Errorf("digest %d", id)}
	}
	if err != nil {
		return err
	}
	v := viewOf(id, d)
	v.Status, v.Version = string(info.Status), info.Version
	return s.render(w, rq, "digest.html", map[string]any{"D": v, "Formats": pipeline.Formats})
}

func (s *Server) download(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := s.digestID(r)
	if err != nil {
		return err
	}
	format := r.PathValue("format")
	if !slices.Contains(pipeline.Formats, format) {
		return &httpError{http.StatusNotFound, fmt.Errorf("format %q", format)}
	}
	d, _, err := s.Store.DigestByID(r.Context(), id)
	if errors.Is(err, digest.ErrNotFound) || err == nil && d.Profile != s.Profile.Key {
		return &httpError{http.StatusNotFound, fmt.Errorf("digest %d", id)}
	}
	if err != nil {
		return err
	}
	b, err := pipeline.Render(d, s.Profile, format, os.Getenv)
	if errors.Is(err, render.ErrNoFont) {
		// Not a fault to hide: the reader can have it fixed.
		s.Log.Warn("no font for a PDF", "err", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, err := fmt.Fprintf(w, "%s\n%s\n", rq.t("digests.nofont"), render.FontHint)
		return err
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", pipeline.ContentTypes[format])
	name := fmt.Sprintf("shuho-%s-%s.%s", d.Profile, d.Period.To, format)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	// A page rendered as a download is no page of this site's: it runs in
	// a sandbox even if a browser were to show it.
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	_, err = w.Write(b)
	return err
}
