package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/lint"
	"shuho/internal/render"
	"shuho/internal/store"
	"shuho/internal/textfmt"
)

// itemBody writes an item's blocks in the text form's body syntax, for the
// edit form: paragraphs apart by a blank line, "NOTE: …", "- " entries,
// citations at the ends.
func itemBody(it digest.Item) string {
	var parts []string
	for _, b := range it.Blocks {
		c := render.CitationText(b.Citations)
		switch b.Kind {
		case digest.List:
			var lines []string
			for i, e := range b.Entries {
				if i == len(b.Entries)-1 && c != "" {
					e = strings.TrimSpace(e + " " + c)
				}
				lines = append(lines, "- "+e)
			}
			parts = append(parts, strings.Join(lines, "\n"))
		case digest.Note:
			parts = append(parts, strings.TrimSpace("NOTE: "+b.Text+" "+c))
		default:
			parts = append(parts, strings.TrimSpace(b.Text+" "+c))
		}
	}
	return strings.Join(parts, "\n\n")
}

// parseItem reads an edited item with the text form's own parser (and its
// repairs), so that an item edited in the page means what it would in a
// file.
func (s *Server) parseItem(ja, en, body string, emphasis bool) (digest.Item, error) {
	ja, en = strings.TrimSpace(ja), strings.TrimSpace(en)
	if ja == "" || en == "" || strings.ContainsAny(ja+en, "\r\n") {
		return digest.Item{}, fmt.Errorf("both headlines are needed, each on one line: %w", digest.ErrInvalid)
	}
	if strings.Contains(body, "*****END*****") || strings.Contains(body, "\n● ") || strings.HasPrefix(strings.TrimSpace(body), "●") {
		return digest.Item{}, fmt.Errorf("the body holds a line that would start another item or end the digest: %w", digest.ErrInvalid)
	}
	head := "● " + ja
	if emphasis {
		head = "● **" + ja + "**"
	}
	text := fmt.Sprintf("shuho\n\n2026年1月3日～1月9日\n\n1. %s\n\n%s\n\n%s\n\n%s\n\n*****END*****\n", s.Profile.Sections[0].Title, head, en, strings.ReplaceAll(body, "\r\n", "\n"))
	r, err := textfmt.Parse([]byte(text), s.Profile)
	if err != nil {
		return digest.Item{}, err
	}
	if len(r.Digest.Sections) != 1 || len(r.Digest.Sections[0].Items) != 1 {
		return digest.Item{}, fmt.Errorf("the text reads as more than one item: %w", digest.ErrInvalid)
	}
	return r.Digest.Sections[0].Items[0], nil
}

// itemPos reads the section and item numbers of the path (1-based).
func itemPos(r *http.Request, d *digest.Digest) (int, int, error) {
	si, err1 := strconv.Atoi(r.PathValue("s"))
	ii, err2 := strconv.Atoi(r.PathValue("i"))
	if err1 != nil || err2 != nil || si < 1 || si > len(d.Sections) || ii < 1 || ii > len(d.Sections[si-1].Items) {
		return 0, 0, &httpError{http.StatusNotFound, fmt.Errorf("item %s.%s", r.PathValue("s"), r.PathValue("i"))}
	}
	return si - 1, ii - 1, nil
}

// editPage is the form for one item of a digest.
type editPage struct {
	page
	ID       int64
	S, I     int // the section and item, 1-based
	Section  string
	Version  int // the version the edit starts from
	JA, EN   string
	Body     string
	Emphasis bool
	// A suggested Japanese headline, how it was made and the names the
	// glossary lacks for it.
	Suggestion, SuggestionEngine, Unknown string
	Error                                 string
	// Current is the digest's version when a save was refused, for a link
	// to it; 0 otherwise.
	Current int
}

func (s *Server) editItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	si, ii, err := itemPos(r, d)
	if err != nil {
		return err
	}
	it := d.Sections[si].Items[ii]
	data := &editPage{ID: info.ID, S: si + 1, I: ii + 1, Version: info.Version,
		JA: it.HeadlineJA, EN: it.HeadlineEN, Emphasis: it.Emphasis, Body: itemBody(it), Section: d.Sections[si].Title}
	// A suggestion for the Japanese headline, from the English one and the
	// body, with the names the glossary lacks; the editor takes it or not.
	if dr, err := s.drafter(r.Context()); err == nil {
		var body []string
		for _, b := range it.Blocks {
			body = append(body, b.Text)
		}
		hl := dr.Headliner.Translate(it.HeadlineEN, strings.Join(body, "\n\n"))
		if hl.JA != "" && hl.JA != it.HeadlineJA {
			data.Suggestion, data.SuggestionEngine, data.Unknown = hl.JA, hl.Engine, strings.Join(hl.Unknown, ", ")
		}
	}
	return s.render(w, rq, "edit.html", data)
}

func (s *Server) saveItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	si, ii, err := itemPos(r, d)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	ja, en, body, emph := r.PostFormValue("ja"), r.PostFormValue("en"), r.PostFormValue("body"), r.PostFormValue("emphasis") == "on"
	show := func(code int, msg string) error {
		w.WriteHeader(code)
		return s.render(w, rq, "edit.html", &editPage{ID: info.ID, S: si + 1, I: ii + 1, Version: version,
			JA: ja, EN: en, Emphasis: emph, Body: body, Section: d.Sections[si].Title, Error: msg, Current: info.Version})
	}
	if r.PostFormValue("delete") == "yes" {
		d.Sections[si].Items = append(d.Sections[si].Items[:ii], d.Sections[si].Items[ii+1:]...)
	} else {
		it, err := s.parseItem(ja, en, body, emph)
		if err != nil {
			var pe *digest.ParseError
			if errors.As(err, &pe) || errors.Is(err, digest.ErrInvalid) {
				return show(http.StatusBadRequest, err.Error())
			}
			return err
		}
		d.Sections[si].Items[ii] = it
	}
	_, err = s.Store.SaveDigest(r.Context(), d, store.SaveOptions{Author: rq.sess.User.Name, Source: "editor", IfVersion: version})
	switch {
	case errors.Is(err, digest.ErrConflict):
		// Someone saved first: the edit is kept in the form, and the
		// current copy is a link away (D5).
		return show(http.StatusConflict, rq.t("error.conflict"))
	case errors.Is(err, digest.ErrInvalid):
		return show(http.StatusBadRequest, err.Error())
	case err != nil:
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/digests/%d", info.ID), http.StatusSeeOther)
	return nil
}

// findings are the lint findings of a digest, for its page's panel.
func (s *Server) findings(d *digest.Digest) []lint.Finding {
	fs := lint.Check(d, s.Profile, nil)
	lint.Sort(fs)
	return fs
}

// moveItem moves an item up or down within its section, or to the end of
// another section, at the version the page showed.
func (s *Server) moveItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	si, ii, err := itemPos(r, d)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	items := d.Sections[si].Items
	switch to := r.PostFormValue("to"); to {
	case "up", "down":
		j := ii - 1
		if to == "down" {
			j = ii + 1
		}
		if j < 0 || j >= len(items) {
			return &httpError{http.StatusBadRequest, fmt.Errorf("item %d.%d cannot move %s", si+1, ii+1, to)}
		}
		items[ii], items[j] = items[j], items[ii]
	default:
		k := -1
		for n, sec := range d.Sections {
			if sec.Key == to && n != si {
				k = n
			}
		}
		if k < 0 {
			return &httpError{http.StatusBadRequest, fmt.Errorf("no other section %q", to)}
		}
		it := items[ii]
		d.Sections[si].Items = append(items[:ii:ii], items[ii+1:]...)
		d.Sections[k].Items = append(d.Sections[k].Items, it)
	}
	_, err = s.Store.SaveDigest(r.Context(), d, store.SaveOptions{Author: rq.sess.User.Name, Source: "editor: move", IfVersion: version})
	switch {
	case errors.Is(err, digest.ErrConflict):
		return &httpError{http.StatusConflict, err}
	case err != nil:
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/digests/%d", info.ID), http.StatusSeeOther)
	return nil
}
