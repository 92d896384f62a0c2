package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/glossary"
	"shuho/internal/pipeline"
)

// glossaryPage is the glossary's search and, for an editor, the form to
// add a term: Form and Variants hold a refused term as sent.
type glossaryPage struct {
	page
	Query    string
	Hits     []digest.Term
	Count    int
	Kinds    []digest.TermKind
	CanEdit  bool
	Error    string
	Form     digest.Term
	Variants string
	// JAVariants, Offices and TitleBy are the form's text of the term's
	// lists: refused Japanese forms, offices one a line, a title's
	// country forms.
	JAVariants, Offices, TitleBy string
	// Today is the day check-by days are read against: a hit past its
	// day is flagged.
	Today string
}

// glossaryPage searches the glossary; an editor adds a term or replaces
// one (a term of the same kind and English form).
func (s *Server) glossaryPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.showGlossary(w, r, rq, http.StatusOK, "", digest.Term{})
}

func (s *Server) showGlossary(w http.ResponseWriter, r *http.Request, rq *request, code int, msg string, form digest.Term) error {
	g, err := pipeline.Glossary(r.Context(), s.Store, s.Profile)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(r.FormValue("q"))
	var hits []digest.Term
	if q != "" {
		fq := glossary.Fold(q)
		for _, t := range g.Terms() {
			match := strings.Contains(t.JA, q) || fq != "" && strings.Contains(glossary.Fold(t.EN), fq)
			for _, v := range t.Variants {
				match = match || fq != "" && strings.Contains(glossary.Fold(v), fq)
			}
			if match {
				hits = append(hits, t)
			}
			if len(hits) == 200 {
				break
			}
		}
	}
	// ?edit=KIND:ENGLISH puts a term of the hits in the form, to be
	// changed and saved over itself.
	if kind, en, ok := strings.Cut(r.URL.Query().Get("edit"), ":"); ok && msg == "" {
		for _, t := range hits {
			if string(t.Kind) == kind && glossary.Fold(t.EN) == glossary.Fold(en) {
				form = t
				form.Source = ""
				break
			}
		}
	}
	var offices []string
	for _, o := range form.Offices {
		offices = append(offices, glossary.FormatOffice(o))
	}
	titleBy := glossary.FormatTitleBy(form.TitleBy)
	return s.renderCode(w, rq, code, "glossary.html", &glossaryPage{Query: q, Hits: hits, Count: len(g.Terms()), Kinds: digest.TermKinds,
		CanEdit: rq.sess.User.Role.AtLeast("editor"), Error: msg, Form: form, Variants: strings.Join(form.Variants, ", "),
		JAVariants: strings.Join(form.JAVariants, ", "), Offices: strings.Join(offices, "\n"), TitleBy: strings.Join(titleBy, ", "),
		Today: digest.DateOf(s.now().In(s.Profile.Location())).String()})
}

// termForm reads the glossary form as a term; a line of offices or an
// entry of title_by that cannot be read is an error naming it.
func termForm(r *http.Request) (digest.Term, error) {
	t := digest.Term{Kind: digest.TermKind(r.PostFormValue("kind")), EN: r.PostFormValue("en"), JA: r.PostFormValue("ja"),
		Short: r.PostFormValue("short"), Country: r.PostFormValue("country"), Title: r.PostFormValue("title"), Note: r.PostFormValue("note"),
		Ref: r.PostFormValue("ref"), CheckBy: r.PostFormValue("check_by"), Source: "desk"}
	list := func(field string) []string {
		var out []string
		for _, v := range strings.Split(r.PostFormValue(field), ",") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	t.Variants, t.JAVariants = list("variants"), list("ja_variants")
	for n, line := range strings.Split(r.PostFormValue("offices"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		o, err := glossary.ParseOffice(line)
		if err != nil {
			return t, fmt.Errorf("offices, line %d: %w", n+1, err)
		}
		t.Offices = append(t.Offices, o)
	}
	var err error
	t.TitleBy, err = glossary.ParseTitleBy(list("title_by"))
	return t, err
}

func (s *Server) addTerm(w http.ResponseWriter, r *http.Request, rq *request) error {
	t, err := termForm(r)
	if err != nil {
		return s.showGlossary(w, r, rq, http.StatusBadRequest, err.Error(), t)
	}
	if err := glossary.Check(&t); err != nil {
		return s.showGlossary(w, r, rq, http.StatusBadRequest, err.Error(), t)
	}
	if _, _, err := s.Store.PutGlossaryTerms(r.Context(), s.Profile.Key, []digest.Term{t}, []string{glossary.Fold(t.EN)}); err != nil {
		if errors.Is(err, digest.ErrInvalid) {
			return s.showGlossary(w, r, rq, http.StatusBadRequest, err.Error(), t)
		}
		return err
	}
	s.Log.Info("glossary term saved", "kind", t.Kind, "en", t.EN, "by", rq.sess.User.Name)
	http.Redirect(w, r, "/glossary?q="+urlQuery(t.EN), http.StatusSeeOther)
	return nil
}
