package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/lint"
	"shuho/internal/render"
	"shuho/internal/store"
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
	Key    string
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
		sv := sectionView{Number: s.Number, Key: s.Key, Title: s.Title}
		for _, it := range s.Items {
			iv := itemView{HeadlineJA: render.Spans(it.HeadlineJA), HeadlineEN: render.Plain(it.HeadlineEN), Emphasis: it.Emphasis}
			for _, b := range it.Blocks {
				bv := blockView{Kind: string(b.Kind), Citation: render.CitationText(b.Citations)}
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

type digestsPage struct {
	page
	Digests []store.DigestSummary
}

func (s *Server) digests(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := s.Store.Digests(r.Context(), s.Profile.Key, 200)
	if err != nil {
		return err
	}
	return s.render(w, rq, "digests.html", &digestsPage{Digests: list})
}

func (s *Server) digestID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &httpError{http.StatusNotFound, fmt.Errorf("digest %q", r.PathValue("id"))}
	}
	return id, nil
}

// loadDigest reads the digest of the path's id, of this server's profile;
// another profile's is not there (404) as much as a missing one.
func (s *Server) loadDigest(r *http.Request) (*digest.Digest, store.Info, error) {
	id, err := s.digestID(r)
	if err != nil {
		return nil, store.Info{}, err
	}
	d, info, err := s.Store.DigestByID(r.Context(), id)
	if errors.Is(err, digest.ErrNotFound) || err == nil && d.Profile != s.Profile.Key {
		return nil, store.Info{}, &httpError{http.StatusNotFound, fmt.Errorf("digest %d", id)}
	}
	return d, info, err
}

// digestPage is a digest with its workflow buttons, history, downloads
// and lint findings.
type digestPage struct {
	page
	D        digestView
	Actions  []string // the workflow steps the user may take now
	Events   []store.Event
	Formats  []string
	Findings []lint.Finding
	Keys     []digest.ProfileSection
	CanEdit  bool
	// Error is why a step was refused, with the checks' errors in
	// Findings; CanOverride offers an approver to go over them.
	Error       string
	CanOverride bool
	// Notice says what a save did beyond the asked (merged onto a
	// newer version).
	Notice string
}

func (s *Server) digestPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	msg := ""
	if r.URL.Query().Get("mail") == "failed" {
		msg = rq.t("digests.mailfailed")
	}
	return s.showDigest(w, r, rq, http.StatusOK, msg)
}

// showDigest renders the digest's page with code, and why a step was
// refused when it was.
func (s *Server) showDigest(w http.ResponseWriter, r *http.Request, rq *request, code int, refused string) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	id := info.ID
	notice := ""
	if r.URL.Query().Has("merged") {
		notice = rq.t("digest.merged")
	}
	v := viewOf(id, d)
	v.Status, v.Version = string(info.Status), info.Version
	role := rq.sess.User.Role
	var actions []string
	switch info.Status {
	case store.Draft:
		if role.AtLeast("editor") {
			actions = []string{"submit"}
		}
	case store.InReview:
		if role.AtLeast("editor") {
			actions = append(actions, "withdraw")
		}
		if role.AtLeast("approver") {
			actions = append(actions, "approve")
		}
	case store.Approved:
		if role.AtLeast("approver") {
			actions = []string{"withdraw", "publish"}
		}
	}
	events, err := s.Store.Events(r.Context(), id)
	if err != nil {
		return err
	}
	fs := s.findings(d)
	hasError := slices.ContainsFunc(fs, func(f lint.Finding) bool { return f.Severity == lint.Error })
	return s.renderCode(w, rq, code, "digest.html", &digestPage{D: v, Formats: render.Formats, Actions: actions, Events: events,
		Findings: fs, CanEdit: role.AtLeast("editor"), Keys: s.Profile.Sections, Error: refused,
		CanOverride: hasError && role.AtLeast("approver"), Notice: notice})
}

func (s *Server) download(w http.ResponseWriter, r *http.Request, rq *request) error {
	format := r.PathValue("format")
	if !slices.Contains(render.Formats, format) {
		return &httpError{http.StatusNotFound, fmt.Errorf("format %q", format)}
	}
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	// Until it is published, a download says so, in the document (its
	// title) and in its name: a draft is never mistaken for the
	// digest that went out.
	name := fmt.Sprintf("shuho-%s-%s-v%d.%s", d.Profile, d.Period.To, info.Version, format)
	if info.Status != store.Published {
		marked := *d
		marked.Title = fmt.Sprintf("【案 DRAFT v%d・%s / %s】%s", info.Version, text("ja", "status."+string(info.Status)),
			text("en", "status."+string(info.Status)), d.Title)
		d = &marked
		name = fmt.Sprintf("shuho-%s-%s-draft-v%d.%s", d.Profile, d.Period.To, info.Version, format)
	}
	b, err := s.Writer.Write(d, s.Profile, format, s.now())
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
	w.Header().Set("Content-Type", render.ContentTypes[format])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.Header().Set("Cache-Control", "no-store") // a digest in the making is no file to keep anywhere on the way
	// A page rendered as a download is no page of this site's: it runs in
	// a sandbox even if a browser were to show it.
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	_, err = w.Write(b)
	return err
}

// step takes a workflow step from the digest page's buttons, at the
// version the page showed.
func (s *Server) step(a store.Action) func(w http.ResponseWriter, r *http.Request, rq *request) error {
	return func(w http.ResponseWriter, r *http.Request, rq *request) error {
		id, err := s.digestID(r)
		if err != nil {
			return err
		}
		version, err := formVersion(r)
		if err != nil {
			return err
		}
		if a == store.Publish && r.PostFormValue("confirm") != "yes" {
			return s.showDigest(w, r, rq, http.StatusBadRequest, rq.t("step.confirmfirst"))
		}
		note, err := s.gate(r.Context(), id, a, rq.sess.User.Name, rq.sess.User.Role, r.PostFormValue("override"))
		if g, ok := asGateError(err); ok {
			return s.showDigest(w, r, rq, http.StatusUnprocessableEntity, g.In(rq.lang))
		}
		if err != nil {
			return err
		}
		if a == store.Withdraw {
			note = strings.TrimSpace(r.PostFormValue("comment")) // why it goes back
		}
		_, done, err := s.Store.Step(r.Context(), id, a, version, rq.sess.User.Name, note)
		switch {
		case errors.Is(err, digest.ErrNotFound):
			return &httpError{http.StatusNotFound, err}
		case errors.Is(err, digest.ErrConflict):
			return &httpError{http.StatusConflict, err}
		case errors.Is(err, digest.ErrInvalid):
			return &httpError{http.StatusBadRequest, err}
		case err != nil:
			return err
		}
		if done {
			s.Log.Info("workflow step", "id", id, "action", a, "version", version, "by", rq.sess.User.Name)
			if a == store.Publish {
				// The publication stands; the publisher is told that the
				// mail did not go, and the log says why.
				if err := s.mailPublished(r, id); err != nil {
					http.Redirect(w, r, fmt.Sprintf("/digests/%d?mail=failed", id), http.StatusSeeOther)
					return nil
				}
			}
		}
		http.Redirect(w, r, fmt.Sprintf("/digests/%d", id), http.StatusSeeOther)
		return nil
	}
}
