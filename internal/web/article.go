package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/extract"
)

// articlePage is one collected article as the archive keeps it: the desk
// reads it here when the outlet's page is gone, changed or out of reach.
type articlePage struct {
	page
	Article   digest.Article
	Story     int64
	Published string
	// HTML is the article's main content, sanitized again on the way out
	// (H1): what the archive holds was sanitized on the way in, but a
	// database can be written by other hands.
	HTML template.HTML
	// Paragraphs are the text's, for an article stored without HTML.
	Paragraphs []string
}

func (s *Server) articleView(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return &httpError{http.StatusNotFound, fmt.Errorf("article %q", r.PathValue("id"))}
	}
	a, story, err := s.Store.Article(r.Context(), s.Profile.Key, id)
	if errors.Is(err, digest.ErrNotFound) {
		return &httpError{http.StatusNotFound, err}
	}
	if err != nil {
		return err
	}
	h, err := s.Store.ArticleHTML(r.Context(), id)
	if err != nil {
		return err
	}
	p := &articlePage{Article: a, Story: story, Published: a.Published.In(s.Profile.Location()).Format("2006-01-02 15:04"),
		HTML: template.HTML(extract.Safe(h).String()), Paragraphs: strings.Split(a.Text, "\n\n")}
	return s.render(w, rq, "article.html", p)
}
