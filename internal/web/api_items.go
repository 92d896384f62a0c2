package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"shuho/internal/digest"
	"shuho/internal/jsonfmt"
	"shuho/internal/store"
)

// The API's items are the items of the digest JSON (docs/format-json.md),
// read and written one at a time: an item is changed by replacing it in the
// digest's own JSON and reading the whole back, so that an item is checked
// exactly as it would be in a whole digest.

// wireDigest is a digest's JSON with its items left as they are written.
type wireDigest struct {
	fields   map[string]json.RawMessage
	sections []map[string]json.RawMessage
	items    [][]json.RawMessage
}

func readWire(d *digest.Digest) (*wireDigest, error) {
	b, err := jsonfmt.Encode(d)
	if err != nil {
		return nil, err
	}
	wd := &wireDigest{}
	if err := json.Unmarshal(b, &wd.fields); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(wd.fields["sections"], &wd.sections); err != nil {
		return nil, err
	}
	for _, sec := range wd.sections {
		var items []json.RawMessage
		if err := json.Unmarshal(sec["items"], &items); err != nil {
			return nil, err
		}
		wd.items = append(wd.items, items)
	}
	return wd, nil
}

// digest reads the wire form back as a digest, with every check of the
// JSON reader.
func (wd *wireDigest) digest() (*digest.Digest, error) {
	for i, sec := range wd.sections {
		items := wd.items[i]
		if items == nil {
			items = []json.RawMessage{}
		}
		b, err := json.Marshal(items)
		if err != nil {
			return nil, err
		}
		sec["items"] = b
	}
	b, err := json.Marshal(wd.sections)
	if err != nil {
		return nil, err
	}
	wd.fields["sections"] = b
	if b, err = json.Marshal(wd.fields); err != nil {
		return nil, err
	}
	return jsonfmt.Decode(b)
}

// apiItemPos reads the section and item numbers of the path; with
// adding, the item number may be one past the last (a new item).
func apiItemPos(r *http.Request, wd *wireDigest, adding bool) (int, int, error) {
	si, err1 := strconv.Atoi(r.PathValue("s"))
	ii := 1
	var err2 error
	if v := r.PathValue("i"); v != "" {
		ii, err2 = strconv.Atoi(v)
	} else if si >= 1 && si <= len(wd.items) {
		ii = len(wd.items[si-1]) + 1
	}
	n := 0
	if err1 == nil && si >= 1 && si <= len(wd.items) {
		n = len(wd.items[si-1])
	}
	if adding {
		n++
	}
	if err1 != nil || err2 != nil || si < 1 || si > len(wd.items) || ii < 1 || ii > n {
		return 0, 0, &httpError{http.StatusNotFound, fmt.Errorf("item %s.%s", r.PathValue("s"), r.PathValue("i"))}
	}
	return si - 1, ii - 1, nil
}

// apiItem returns one item's JSON, with the digest's version as its ETag.
func (s *Server) apiItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	wd, err := readWire(d)
	if err != nil {
		return err
	}
	si, ii, err := apiItemPos(r, wd, false)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("ETag", etag(info.Version))
	_, err = w.Write(append(wd.items[si][ii], '\n'))
	return err
}

// apiItemChange replaces (PUT), adds at the end of a section (POST) or
// deletes (DELETE) an item, at the digest version If-Match names.
func (s *Server) apiItemChange(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	from := ifMatch(r)
	if from == 0 {
		return writeJSON(w, http.StatusPreconditionRequired, apiError{`a change names the digest version it was made from: If-Match: "vN" (the ETag of GET)`})
	}
	wd, err := readWire(d)
	if err != nil {
		return err
	}
	si, ii, err := apiItemPos(r, wd, r.Method == http.MethodPost)
	if err != nil {
		return err
	}
	var body json.RawMessage
	if r.Method != http.MethodDelete {
		b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			return writeJSON(w, http.StatusRequestEntityTooLarge, apiError{"the body is over 1 MiB or was cut"})
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(b, &obj); err != nil {
			return writeJSON(w, http.StatusBadRequest, apiError{"the body is not a JSON object (an item of docs/format-json.md): " + err.Error()})
		}
		body = b
	}
	items := wd.items[si]
	switch r.Method {
	case http.MethodPut:
		items[ii] = body
	case http.MethodPost:
		items = append(items, body)
	case http.MethodDelete:
		items = append(items[:ii:ii], items[ii+1:]...)
	}
	wd.items[si] = items
	nd, err := wd.digest()
	if err != nil {
		// The reader's line:column is a place in the digest put together
		// here, not in the body the client sent: the path says where.
		msg := lineCol.ReplaceAllString(err.Error(), "")
		return writeJSON(w, http.StatusBadRequest, apiError{fmt.Sprintf("item %d.%d: %s", si+1, ii+1, msg)})
	}
	return s.apiWrite(w, r, rq, info.ID, nd, from, "api: item")
}

var lineCol = regexp.MustCompile(`^\d+:\d+: `)

// apiArticle returns one article of the archive with its text.
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request, rq *request) error {
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
	return writeJSON(w, http.StatusOK, struct {
		apiArticle
		Story int64  `json:"story"`
		Lang  string `json:"lang"`
	}{apiArticle{a.ID, a.Outlet, a.URL, a.Published.Format(time.RFC3339), a.Title, a.Text}, story, a.Lang})
}

type apiHit struct {
	Kind    string   `json:"kind"`
	ID      int64    `json:"id"`
	Day     string   `json:"day"`
	Outlets []string `json:"outlets"`
	// An item's week, section and headlines; an article's title and URL.
	From       string `json:"from,omitempty"`
	To         string `json:"to,omitempty"`
	Section    string `json:"section,omitempty"`
	HeadlineJA string `json:"headline_ja,omitempty"`
	HeadlineEN string `json:"headline_en,omitempty"`
	Title      string `json:"title,omitempty"`
	URL        string `json:"url,omitempty"`
	Snippet    string `json:"snippet"`
	// Link is the hit's page in the editor: the item in its digest, the
	// article.
	Link string `json:"link"`
}

// apiSearch searches the archive's items and articles as the archive page
// does: ?q= (words, "phrases", Japanese; a name finds its other
// spellings), with ?from=, ?to= (dates), ?section=, ?outlet=, ?limit=,
// ?offset=; the answer gives the total (up to store.MaxCount, "more"
// beyond) and each hit's page.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request, rq *request) error {
	q, err := s.searchQuery(r)
	if err != nil {
		return writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
	}
	v := r.URL.Query()
	for name, dst := range map[string]*int{"limit": &q.Limit, "offset": &q.Offset} {
		if x := v.Get(name); x != "" {
			n, err := strconv.Atoi(x)
			if err != nil || n < 0 || n > 500 || name == "limit" && n < 1 {
				return writeJSON(w, http.StatusBadRequest, apiError{fmt.Sprintf("%s %q: expected %s to 500", name, x, map[string]string{"limit": "1", "offset": "0"}[name])})
			}
			*dst = n
		}
	}
	if q.Text == "" {
		return writeJSON(w, http.StatusBadRequest, apiError{"q is empty: say what to find"})
	}
	hits, total, err := s.search(r, q)
	if errors.Is(err, digest.ErrInvalid) {
		return writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
	}
	if err != nil {
		return err
	}
	out := []apiHit{}
	for _, h := range hits {
		a := apiHit{Kind: h.Kind, ID: h.ID, Day: h.Day.String(), Outlets: h.Outlets, Title: h.Title, URL: h.URL, Snippet: h.Snippet,
			HeadlineJA: h.HeadlineJA, HeadlineEN: h.HeadlineEN, Section: h.Section, Link: hitLink(h)}
		if h.Kind == "item" {
			a.From, a.To = h.Period.From.String(), h.Period.To.String()
		}
		out = append(out, a)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"hits": out, "total": min(total, store.MaxCount), "more": total > store.MaxCount})
}

// apiDecide adds a story of the week to its digest (drafted as an item
// at the end of a section) or dismisses it: the week page's two buttons.
// The body: {"action": "add", "section": "foreign"} or {"action": "dismiss"}.
func (s *Server) apiDecide(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return &httpError{http.StatusNotFound, fmt.Errorf("story %q", r.PathValue("id"))}
	}
	var req struct {
		Action  string `json:"action"`
		Section string `json:"section"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&req); err != nil {
		return writeJSON(w, http.StatusBadRequest, apiError{`the body is not {"action": "add"|"dismiss", "section": KEY}: ` + err.Error()})
	}
	added, err := s.decideStory(r, rq, id, req.Action, req.Section)
	switch {
	case errors.Is(err, digest.ErrNotFound):
		return writeJSON(w, http.StatusNotFound, apiError{err.Error()})
	case errors.Is(err, digest.ErrInvalid):
		return writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
	case errors.Is(err, digest.ErrConflict):
		return writeJSON(w, http.StatusConflict, apiError{err.Error()})
	case err != nil:
		return err
	}
	out := map[string]any{"story": id, "action": req.Action}
	if req.Action == "add" {
		// The item as drafted: its Japanese headline is complete or
		// empty, and then the gist found is beside it, never in it.
		out["digest"], out["version"] = added.Digest, added.Version
		out["headline_ja"], out["headline_en"], out["engine"] = added.Item.HeadlineJA, added.Item.HeadlineEN, added.Report.Engine
		if added.Report.Gist != "" {
			out["gist"] = added.Report.Gist
		}
		out["emphasis"] = added.Report.Emphasis
	}
	return writeJSON(w, http.StatusOK, out)
}
