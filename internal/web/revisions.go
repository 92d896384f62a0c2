package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"shuho/internal/digest"
	"shuho/internal/store"
	"shuho/internal/textfmt"
)

// diffLine is a line of a difference between two texts.
type diffLine struct {
	Op   string // "=", "+", "-"
	Text string
}

// lineDiff is the difference between two texts line by line, by the
// longest common subsequence; unchanged runs far from a change are left
// out (their count kept as a "…" line) so that a change is seen at once.
func lineDiff(a, b string) []diffLine {
	lines := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n")
	}
	x, y := lines(a), lines(b)
	// Texts of a few hundred lines: the quadratic table is small.
	n, m := len(x), len(y)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var all []diffLine
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			all = append(all, diffLine{"=", x[i]})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			all = append(all, diffLine{"-", x[i]})
			i++
		default:
			all = append(all, diffLine{"+", y[j]})
			j++
		}
	}
	// Keep two lines of context around each change.
	keep := make([]bool, len(all))
	for k, l := range all {
		if l.Op != "=" {
			for c := max(0, k-2); c <= min(len(all)-1, k+2); c++ {
				keep[c] = true
			}
		}
	}
	var out []diffLine
	skipped := 0
	for k, l := range all {
		if !keep[k] {
			skipped++
			continue
		}
		if skipped > 0 {
			out = append(out, diffLine{"…", fmt.Sprintf("(%d)", skipped)})
			skipped = 0
		}
		out = append(out, l)
	}
	if skipped > 0 {
		out = append(out, diffLine{"…", fmt.Sprintf("(%d)", skipped)})
	}
	return out
}

type revisionView struct {
	store.Revision
	Diff []diffLine
}

// revisionsPage is a digest's history, newest first; an editor restores
// any revision but the current one.
type revisionsPage struct {
	page
	ID        int64
	Current   int
	Revisions []revisionView
	CanEdit   bool
}

func (s *Server) revisions(w http.ResponseWriter, r *http.Request, rq *request) error {
	_, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	revs, err := s.Store.Revisions(r.Context(), info.ID)
	if err != nil {
		return err
	}
	var views []revisionView
	prev := ""
	for _, rv := range revs {
		text := string(textfmt.Format(rv.Digest))
		views = append(views, revisionView{Revision: rv, Diff: lineDiff(prev, text)})
		prev = text
	}
	// Newest first.
	for a, b := 0, len(views)-1; a < b; a, b = a+1, b-1 {
		views[a], views[b] = views[b], views[a]
	}
	return s.render(w, rq, "revisions.html", &revisionsPage{ID: info.ID, Current: info.Version, Revisions: views,
		CanEdit: rq.sess.User.Role.AtLeast("editor")})
}

// restore makes an earlier revision the current content again, as a new
// version: the history itself never changes (D6).
func (s *Server) restore(w http.ResponseWriter, r *http.Request, rq *request) error {
	_, info, err := s.loadDigest(r)
	if err != nil {
		return err
	}
	from, err := formVersion(r)
	if err != nil {
		return err
	}
	want, err := strconv.Atoi(r.PostFormValue("revision"))
	if err != nil {
		return &httpError{http.StatusBadRequest, fmt.Errorf("revision %q: expected the number of the revision to restore", r.PostFormValue("revision"))}
	}
	revs, err := s.Store.Revisions(r.Context(), info.ID)
	if err != nil {
		return err
	}
	for _, rv := range revs {
		if rv.Version != want {
			continue
		}
		_, err := s.Store.SaveDigest(r.Context(), rv.Digest, store.SaveOptions{Author: rq.sess.User.Name, Source: fmt.Sprintf("restore of version %d", want), IfVersion: from})
		if errors.Is(err, digest.ErrConflict) {
			return &httpError{http.StatusConflict, err}
		}
		if err != nil {
			return err
		}
		s.Log.Info("revision restored", "id", info.ID, "revision", want, "by", rq.sess.User.Name)
		http.Redirect(w, r, fmt.Sprintf("/digests/%d", info.ID), http.StatusSeeOther)
		return nil
	}
	return &httpError{http.StatusNotFound, fmt.Errorf("revision %d of digest %d", want, info.ID)}
}
