package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
	"shuho/internal/store"
)

// The JSON API (docs/api.md): the digests in the JSON of
// docs/format-json.md, their workflow, and the week's stories. A client
// authenticates with an API token (Authorization: Bearer TOKEN, A5) or a
// browser session; every save and step names the version it was made
// from (If-Match), and a stale one gets 409 with the current copy (D5).

func writeJSON(w http.ResponseWriter, code int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
}

// etag is a digest version as an entity tag.
func etag(version int) string { return fmt.Sprintf(`"v%d"`, version) }

// ifMatch reads the version an If-Match header names; 0 when there is
// none or it is not one of ours.
func ifMatch(r *http.Request) int {
	v := strings.TrimSpace(r.Header.Get("If-Match"))
	v = strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(v, "W/"), `"`), `"v`)
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

type apiDigest struct {
	ID      int64  `json:"id"`
	Profile string `json:"profile"`
	From    string `json:"from"`
	To      string `json:"to"`
	Title   string `json:"title"`
	Status  string `json:"status"`
	Version int    `json:"version"`
	Items   int    `json:"items"`
}

func (s *Server) apiDigests(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := s.Store.Digests(r.Context(), s.Profile.Key, 500)
	if err != nil {
		return err
	}
	out := []apiDigest{}
	for _, d := range list {
		out = append(out, apiDigest{d.ID, d.Profile, d.Period.From.String(), d.Period.To.String(), d.Title, string(d.Status), d.Version, d.Items})
	}
	return writeJSON(w, http.StatusOK, out)
}

// writeDigest writes a digest's JSON with its version as the ETag.
func writeDigest(w http.ResponseWriter, code int, d *digest.Digest, version int) error {
	b, err := jsonfmt.Encode(d)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("ETag", etag(version))
	w.WriteHeader(code)
	_, err = w.Write(b)
	return err
}

func (s *Server) apiDigest(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	return writeDigest(w, http.StatusOK, d, info.Version)
}

// apiSave replaces a digest's content (an editor's save). The body is the
// digest's JSON; its profile and period must be the digest's own (they
// are its identity, not something a save changes).
func (s *Server) apiSave(w http.ResponseWriter, r *http.Request, rq *request) error {
	cur, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	from := ifMatch(r)
	if from == 0 {
		return writeJSON(w, http.StatusPreconditionRequired, apiError{`a save names the version it was made from: If-Match: "vN" (the ETag of GET)`})
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 5<<20))
	if err != nil {
		return writeJSON(w, http.StatusRequestEntityTooLarge, apiError{"the body is over 5 MiB or was cut"})
	}
	d, err := jsonfmt.Decode(body)
	if err != nil {
		return writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
	}
	if d.Profile == "" {
		d.Profile = cur.Profile
	}
	if d.Profile != cur.Profile || d.Period != cur.Period {
		return writeJSON(w, http.StatusBadRequest, apiError{fmt.Sprintf("the body is the digest %s %s, not %s %s", d.Profile, d.Period, cur.Profile, cur.Period)})
	}
	return s.apiWrite(w, r, rq, info.ID, d, from, "api")
}

// apiWrite saves d over the digest id at version from and answers as a
// save does: the new version, or 409 with the current copy.
func (s *Server) apiWrite(w http.ResponseWriter, r *http.Request, rq *request, id int64, d *digest.Digest, from int, source string) error {
	saved, err := s.Store.SaveDigest(r.Context(), d, store.SaveOptions{Author: rq.sess.User.Name, Source: source, IfVersion: from})
	if errors.Is(err, digest.ErrConflict) {
		// The current copy, for the client to merge: never a silent
		// overwrite (D5).
		now, ninfo, lerr := s.Store.DigestByID(r.Context(), id)
		if lerr != nil {
			return lerr
		}
		b, _ := jsonfmt.Encode(now)
		w.Header().Set("ETag", etag(ninfo.Version))
		return writeJSON(w, http.StatusConflict, struct {
			Error   string          `json:"error"`
			Version int             `json:"version"`
			Current json.RawMessage `json:"current"`
		}{err.Error(), ninfo.Version, b})
	}
	if errors.Is(err, digest.ErrInvalid) {
		return writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
	}
	if err != nil {
		return err
	}
	s.Log.Info("digest saved", "id", saved.ID, "version", saved.Version, "outcome", saved.Outcome, "by", rq.sess.User.Name, "source", source)
	w.Header().Set("ETag", etag(saved.Version))
	return writeJSON(w, http.StatusOK, map[string]any{"id": saved.ID, "version": saved.Version, "outcome": saved.Outcome})
}

// apiStep takes a workflow step on a digest, at the version If-Match
// names.
func (s *Server) apiStep(a store.Action) func(w http.ResponseWriter, r *http.Request, rq *request) error {
	return func(w http.ResponseWriter, r *http.Request, rq *request) error {
		_, info, err := s.loadDigest(r)
		if err != nil {
			return err
		}
		at := ifMatch(r)
		if at == 0 {
			return writeJSON(w, http.StatusPreconditionRequired, apiError{fmt.Sprintf(`a %s names the version it was made on: If-Match: "vN"`, a)})
		}
		// {"override": "why"} goes over the checks' errors (an approver's);
		// {"comment": "why"} goes with a digest sent back.
		var said struct {
			Override string `json:"override"`
			Comment  string `json:"comment"`
		}
		if r.ContentLength != 0 {
			dec := json.NewDecoder(io.LimitReader(r.Body, 64<<10))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&said); err != nil && !errors.Is(err, io.EOF) {
				return writeJSON(w, http.StatusBadRequest, apiError{fmt.Sprintf(`the body: %v; expected {"override": "…"} or {"comment": "…"}`, err)})
			}
		}
		note, err := s.gate(r.Context(), info.ID, a, rq.sess.User.Name, rq.sess.User.Role, said.Override)
		if g, ok := asGateError(err); ok {
			return writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": g.Error(), "findings": g.findings})
		}
		if err != nil {
			return err
		}
		if a == store.Withdraw {
			note = strings.TrimSpace(said.Comment)
		}
		wf, done, err := s.Store.Step(r.Context(), info.ID, a, at, rq.sess.User.Name, note)
		switch {
		case errors.Is(err, digest.ErrConflict):
			return writeJSON(w, http.StatusConflict, apiError{err.Error()})
		case errors.Is(err, digest.ErrInvalid):
			return writeJSON(w, http.StatusUnprocessableEntity, apiError{err.Error()})
		case err != nil:
			return err
		}
		out := map[string]any{"id": wf.ID, "status": wf.Status, "version": wf.Version, "changed": done}
		if done {
			s.Log.Info("workflow step", "id", info.ID, "action", a, "version", at, "by", rq.sess.User.Name)
			if a == store.Publish && s.Mailer != nil {
				out["mailed"] = true
				if err := s.mailPublished(r, info.ID); err != nil {
					out["mailed"], out["mail_error"] = false, "the mail could not be sent; the log says why"
				}
			}
		}
		if wf.ApprovedVersion > 0 {
			out["approved_version"], out["approved_by"] = wf.ApprovedVersion, wf.ApprovedBy
		}
		if wf.PublishedVersion > 0 {
			out["published_version"], out["published_at"] = wf.PublishedVersion, wf.PublishedAt.Format(time.RFC3339)
		}
		return writeJSON(w, http.StatusOK, out)
	}
}

type apiArticle struct {
	ID        int64  `json:"id"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text,omitempty"`
}

type apiStory struct {
	ID       int64        `json:"id"`
	Title    string       `json:"title"`
	First    string       `json:"first"`
	Last     string       `json:"last"`
	Outlets  []string     `json:"outlets"`
	Articles []apiArticle `json:"articles"`
}

// apiStories lists the stories of the desk's week holding ?week=DATE
// (default today), with their articles; ?text=1 adds the articles' text.
func (s *Server) apiStories(w http.ResponseWriter, r *http.Request, rq *request) error {
	loc := s.Profile.Location()
	day := digest.DateOf(s.now().In(loc))
	if v := r.URL.Query().Get("week"); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return writeJSON(w, http.StatusBadRequest, apiError{fmt.Sprintf("week %q: expected a date such as 2026-11-16", v)})
		}
		day = digest.DateOf(t)
	}
	week := s.Profile.Week(day)
	stories, err := s.Store.Stories(r.Context(), s.Profile.Key, week.From.Time(loc), week.To.AddDays(1).Time(loc))
	if err != nil {
		return err
	}
	withText := r.URL.Query().Get("text") == "1"
	out := []apiStory{}
	for _, st := range stories {
		as := apiStory{ID: st.ID, Title: st.Title, First: st.First.Format(time.RFC3339), Last: st.Last.Format(time.RFC3339), Outlets: st.Outlets}
		for _, a := range st.Articles {
			aa := apiArticle{a.ID, a.Outlet, a.URL, a.Published.Format(time.RFC3339), a.Title, ""}
			if withText {
				aa.Text = a.Text
			}
			as.Articles = append(as.Articles, aa)
		}
		out = append(out, as)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"from": week.From.String(), "to": week.To.String(), "stories": out})
}
