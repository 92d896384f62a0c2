package web

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/pipeline"
	"shuho/internal/rank"
	"shuho/internal/store"
)

// weekSection is a section of the week page: its candidate stories.
type weekSection struct {
	Key, Title string
	Stories    []weekStory
}

type weekStory struct {
	ID        int64
	Title     string
	Relevance string
	Outlets   []string
	First     string
	Decision  string
	Articles  []digest.Article
	// Gist is the first sentence of its lead article; JA the drafter's
	// Japanese headline, where it has one.
	Gist, JA string
	// Why is what its relevance was made of, in the reader's language.
	Why string
	// InItem is the item of the week's digest that tells it ("1.2"), with
	// a link to it, when there is one.
	InItem, ItemLink string
	// Open is where the o key leads: its item, else its lead article.
	Open string
}

// weekPage is the week's candidate stories by section, with the search
// and filters that chose them.
type weekPage struct {
	page
	Week       digest.Period
	Prev, Next digest.Date
	Sections   []weekSection
	Count      int // the week's candidates
	Shown      int // those the filters let through
	Q, Outlet  string
	Min        string
	// Compact shows a story a line; Held says the order is the one the
	// reader was shown before (see weekorder.go), not a fresh ranking.
	Compact, Held bool
	// RefreshURL ranks the week anew; ViewURL switches between the full
	// and the compact layout. Both keep the search and filters.
	RefreshURL, ViewURL string
	Outlets             []digest.Outlet
	Keys                []digest.ProfileSection
	CanEdit             bool
	// L are the words every story repeats, and Names the sections to add
	// to, in the reader's language: looked up once for the page, not once
	// a story (a template's function call is dear at 2,000 stories).
	L     weekLabels
	Names []weekSection
}

type weekLabels struct {
	InDigest, Relevance, Dismissed, Kept, Why, Articles, Original, Split, Choose, Section, Add, Dismiss, Undo string
}

func labelsIn(lang string) weekLabels {
	t := func(k string) string { return text(lang, k) }
	return weekLabels{InDigest: t("week.indigest"), Relevance: t("week.relevance"), Dismissed: t("week.dismissed"), Kept: t("week.kept"),
		Why: t("week.why"), Articles: t("week.articles"), Original: t("article.original"), Split: t("week.split"), Choose: t("week.choose"),
		Section: t("week.section"), Add: t("week.add"), Dismiss: t("week.dismiss"), Undo: t("week.undo")}
}

// week shows the candidate stories of a week by section, most relevant
// first, with their outlets and articles; an editor adds a story to the
// digest or dismisses it.
func (s *Server) week(w http.ResponseWriter, r *http.Request, rq *request) error {
	loc := s.Profile.Location()
	day := digest.DateOf(s.now().In(loc))
	if v := r.URL.Query().Get("date"); v == "" {
		// Without a date, the latest week that has stories: a fresh week
		// is empty until its first poll, and a demo's sample lies weeks
		// back.
		last, err := s.Store.LatestStory(r.Context(), s.Profile.Key)
		if err != nil {
			return err
		}
		if !last.IsZero() && last.Before(s.now()) {
			day = digest.DateOf(last.In(loc))
		}
	} else {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return &httpError{http.StatusBadRequest, fmt.Errorf("date %q", v)}
		}
		day = digest.DateOf(t)
	}
	// A fresh ranking, asked for, learns from the choices made since.
	if r.URL.Query().Has("refresh") {
		s.taught()
	}
	d, err := s.drafter(r.Context())
	if err != nil {
		return err
	}
	week, cands, err := d.Candidates(r.Context(), day)
	if err != nil {
		return err
	}
	// The stories the week's digest tells already: marked, with a link to
	// their item, and offered no second add.
	inDigest := map[int64]pipeline.ItemRef{}
	var digestID int64
	if dg, info, err := s.Store.Digest(r.Context(), s.Profile.Key, week); err == nil {
		stories := make([]*digest.Story, len(cands))
		for i := range cands {
			stories[i] = &cands[i].Story
		}
		inDigest, digestID = pipeline.InDigest(dg, stories), info.ID
	} else if !errors.Is(err, digest.ErrNotFound) {
		return err
	}
	var secs []weekSection
	index := map[string]int{}
	for _, ps := range s.Profile.Sections {
		index[ps.Key] = len(secs)
		title := ps.Title
		if rq.lang == "en" && ps.TitleEN != "" {
			title = ps.TitleEN
		}
		secs = append(secs, weekSection{Key: ps.Key, Title: title})
	}
	index[rank.None] = len(secs)
	secs = append(secs, weekSection{Key: rank.None, Title: rq.t("week.none")})
	shownCands, held := s.weekOrder(rq, week, cands, r.URL.Query().Has("refresh"))
	// Search and filters: words of the titles, an outlet, a least
	// relevance.
	// A name also finds its other spellings (ハサノフ finds Hasanov).
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	needles := []string{q}
	if q != "" && d.Headliner != nil {
		for _, sp := range d.Headliner.G.Spellings(strings.TrimSpace(r.URL.Query().Get("q"))) {
			needles = append(needles, strings.ToLower(sp))
		}
	}
	has := func(title string) bool {
		title = strings.ToLower(title)
		return slices.ContainsFunc(needles, func(n string) bool { return strings.Contains(title, n) })
	}
	outlet := strings.TrimSpace(r.URL.Query().Get("outlet"))
	minRel, _ := strconv.ParseFloat(r.URL.Query().Get("min"), 64)
	shown := 0
	for _, c := range shownCands {
		if outlet != "" && !slices.Contains(c.Story.Outlets, outlet) || c.Result.Relevance < minRel {
			continue
		}
		if q != "" && !has(c.Story.Title) && !slices.ContainsFunc(c.Story.Articles, func(a digest.Article) bool { return has(a.Title) }) {
			continue
		}
		shown++
		i, ok := index[c.section]
		if !ok {
			i = index[rank.None]
		}
		st := weekStory{ID: c.Story.ID, Title: c.Story.Title, Relevance: fmt.Sprintf("%.2f", c.Result.Relevance),
			Outlets: c.Story.Outlets, First: c.Story.First.In(loc).Format("01-02 15:04"), Decision: c.Decision, Articles: c.Story.Articles,
			Gist: c.Gist, JA: c.HeadlineJA, Why: c.Result.Parts.In(rq.lang), Open: fmt.Sprintf("/articles/%d", c.Story.Articles[0].ID)}
		if at, ok := inDigest[c.Story.ID]; ok {
			st.InItem = fmt.Sprintf("%d.%d", at.Section, at.Item)
			st.ItemLink = fmt.Sprintf("/digests/%d#item-%d-%d", digestID, at.Section, at.Item)
			st.Open = st.ItemLink
		}
		secs[i].Stories = append(secs[i].Stories, st)
	}
	compact := r.URL.Query().Get("view") == "compact"
	here := url.Values{"date": {week.From.String()}}
	for _, k := range []string{"q", "outlet", "min"} {
		if v := r.URL.Query().Get(k); v != "" {
			here.Set(k, v)
		}
	}
	other := maps.Clone(here)
	if compact {
		here.Set("view", "compact")
	} else {
		other.Set("view", "compact")
	}
	here.Set("refresh", "1")
	return s.render(w, rq, "week.html", &weekPage{RefreshURL: "/week?" + here.Encode(), ViewURL: "/week?" + other.Encode(), Week: week, Sections: secs, Prev: week.From.AddDays(-7), Next: week.To.AddDays(1),
		CanEdit: rq.sess.User.Role.AtLeast("editor"), Keys: s.Profile.Sections, Count: len(cands), Shown: shown,
		Q: r.URL.Query().Get("q"), Outlet: outlet, Min: r.URL.Query().Get("min"), Compact: compact,
		Held: held, Outlets: s.Profile.Outlets, L: labelsIn(rq.lang), Names: secs[:len(s.Profile.Sections)]})
}

// shownCandidate is a candidate story in the place and section the
// reader sees it.
type shownCandidate struct {
	pipeline.Candidate
	section string
}

// weekOrder puts the week's candidates in the order and sections the
// reader was shown last (held true), or, when none is held or fresh is
// asked for, in the ranking's order and sections (the editors' choices
// moving a story), which it then holds.
func (s *Server) weekOrder(rq *request, week digest.Period, cands []pipeline.Candidate, fresh bool) ([]shownCandidate, bool) {
	out := make([]shownCandidate, len(cands))
	for i, c := range cands {
		out[i] = shownCandidate{c, cmp.Or(c.Decision, c.Result.Section)}
	}
	key := orderKey{rq.sess.User.Name, week.From}
	now := s.now()
	var held *weekOrder
	if !fresh {
		held = s.orders.get(key, now)
	}
	if held == nil {
		o := &weekOrder{pos: make(map[int64]int, len(out)), sec: make(map[int64]string, len(out))}
		for i, c := range out {
			o.pos[c.Story.ID], o.sec[c.Story.ID] = i, c.section
		}
		s.orders.put(key, o, now)
		return out, false
	}
	// Stories collected since come after the held ones, as ranked.
	pos := make(map[int64]int, len(out))
	for i, c := range out {
		if p, ok := held.pos[c.Story.ID]; ok {
			pos[c.Story.ID] = p
			out[i].section = held.sec[c.Story.ID]
		} else {
			pos[c.Story.ID] = len(held.pos) + i
		}
	}
	slices.SortStableFunc(out, func(a, b shownCandidate) int { return cmp.Compare(pos[a.Story.ID], pos[b.Story.ID]) })
	return out, true
}

// decideStory is an editor's choice on a story of the week: "add" drafts
// it as an item at the end of section in its week's digest (returning the
// digest and its new version), "dismiss" keeps it out of the draft, and
// "undo" takes a dismissal back. All teach the ranking.
func (s *Server) decideStory(r *http.Request, rq *request, id int64, action, section string) (added pipeline.Added, err error) {
	switch action {
	case "dismiss":
		err = s.Store.DecideStory(r.Context(), s.Profile.Key, store.Decision{Story: id, By: rq.sess.User.Name})
	case "undo":
		err = s.Store.UndismissStory(r.Context(), s.Profile.Key, id)
	case "add":
		var d *pipeline.Drafter
		if d, err = s.drafter(r.Context()); err != nil {
			return added, err
		}
		added, err = d.AddStory(r.Context(), id, section, rq.sess.User.Name)
	default:
		return added, fmt.Errorf("action %q: expected add, dismiss or undo: %w", action, digest.ErrInvalid)
	}
	if err == nil {
		s.Log.Info("story decided", "story", id, "action", action, "section", section, "digest", added.Digest, "by", rq.sess.User.Name)
	}
	return added, err
}

// decided is the answer to the week page's script for one story acted on.
type decided struct {
	Story int64 `json:"story"`
	// Decision is "none" for a dismissed story, the section for one
	// added, "" for one undone.
	Decision string `json:"decision"`
	// Item and Link are the item an added story became ("1.2").
	Item  string `json:"item,omitempty"`
	Link  string `json:"link,omitempty"`
	Error string `json:"error,omitempty"`
}

// decide adds, dismisses or undoes the dismissal of the stories of the
// form: one (its own form) or several (the chosen ones). Each story goes
// into the section its form or the chosen one names, else the one the
// reader sees it in. The page's script asks for JSON and marks the
// stories in place; a form without it returns to the same place.
func (s *Server) decide(w http.ResponseWriter, r *http.Request, rq *request) error {
	ids, err := chosenStories(r)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return &httpError{http.StatusBadRequest, errors.New("no story chosen")}
	}
	action := r.PostFormValue("action")
	// The shared drafter is told each choice made (below); a choice
	// refused changes nothing. Either way it is not built anew.
	rq.noted = true
	var held *weekOrder
	if d, err := time.Parse(time.DateOnly, r.PostFormValue("date")); err == nil {
		held = s.orders.get(orderKey{rq.sess.User.Name, s.Profile.Week(digest.DateOf(d)).From}, s.now())
	}
	var out, noted []decided
	var failed []error
	for _, id := range ids {
		section := cmp.Or(r.PostFormValue(fmt.Sprintf("section-%d", id)), r.PostFormValue("section"))
		if section == "" {
			section, _ = held.section(id)
		}
		added, err := s.decideStory(r, rq, id, action, section)
		if err != nil {
			if len(ids) == 1 {
				return storyError(err)
			}
			failed = append(failed, fmt.Errorf("story %d: %w", id, err))
			out = append(out, decided{Story: id, Error: storyErrorText(rq.lang, err)})
			continue
		}
		d := decided{Story: id}
		switch action {
		case "dismiss":
			d.Decision = rank.None
		case "add":
			d.Decision = section
			d.Item = fmt.Sprintf("%d.%d", added.At.Section, added.At.Item)
			d.Link = fmt.Sprintf("/digests/%d#item-%d-%d", added.Digest, added.At.Section, added.At.Item)
		}
		out = append(out, d)
		noted = append(noted, d)
	}
	// The shared drafter keeps the choices (no rebuilding it at each
	// click: its ranking learns from them when it is next built, or at a
	// fresh ranking asked for).
	if dr, err := s.drafter(r.Context()); err != nil {
		rq.noted = false
	} else {
		for _, d := range noted {
			dr.Note(d.Story, d.Decision)
		}
	}
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		return writeJSON(w, http.StatusOK, map[string]any{"stories": out})
	}
	if len(failed) > 0 {
		return storyError(errors.Join(failed...))
	}
	http.Redirect(w, r, weekBack(r, fmt.Sprintf("story-%d", ids[0])), http.StatusSeeOther)
	return nil
}

// weekBack is the week page as the form was sent from: its week, search
// and filters (they live in the address), at the story acted on.
func weekBack(r *http.Request, anchor string) string {
	v := url.Values{"date": {r.PostFormValue("date")}}
	for _, k := range []string{"q", "outlet", "min", "view"} {
		if x := r.PostFormValue(k); x != "" {
			v.Set(k, x)
		}
	}
	back := "/week?" + v.Encode()
	if anchor != "" {
		back += "#" + anchor
	}
	return back
}

// splitStory takes an article out of its story: an editor says it tells
// another event. The choice is kept for every later clustering.
func (s *Server) splitStory(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := strconv.ParseInt(r.PostFormValue("article"), 10, 64)
	if err != nil {
		return &httpError{http.StatusBadRequest, fmt.Errorf("article %q: expected an article's number", r.PostFormValue("article"))}
	}
	story, err := s.Store.SplitArticle(r.Context(), s.Profile.Key, id, rq.sess.User.Name)
	if err := storyError(err); err != nil {
		return err
	}
	s.Log.Info("story split", "article", id, "story", story, "by", rq.sess.User.Name)
	http.Redirect(w, r, weekBack(r, fmt.Sprintf("story-%d", story)), http.StatusSeeOther)
	return nil
}

// mergeStories puts the chosen stories together: an editor says they tell
// one event. The choice is kept for every later clustering.
func (s *Server) mergeStories(w http.ResponseWriter, r *http.Request, rq *request) error {
	ids, err := chosenStories(r)
	if err != nil {
		return err
	}
	into, err := s.Store.MergeStories(r.Context(), s.Profile.Key, ids, rq.sess.User.Name)
	if err := storyError(err); err != nil {
		return err
	}
	s.Log.Info("stories merged", "stories", ids, "into", into, "by", rq.sess.User.Name)
	http.Redirect(w, r, weekBack(r, fmt.Sprintf("story-%d", into)), http.StatusSeeOther)
	return nil
}

// chosenStories reads the stories a week form names (story, once for
// each).
func chosenStories(r *http.Request) ([]int64, error) {
	if err := r.ParseForm(); err != nil {
		return nil, &httpError{http.StatusBadRequest, err}
	}
	var ids []int64
	for _, v := range r.PostForm["story"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, &httpError{http.StatusBadRequest, fmt.Errorf("story %q: expected a story's number", v)}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// storyErrorText says why a story change failed, for the page's script,
// in the reader's language.
func storyErrorText(lang string, err error) string {
	var he *httpError
	if !errors.As(storyError(err), &he) {
		return statusText(lang, http.StatusInternalServerError)
	}
	if he.code == http.StatusConflict {
		return text(lang, "week.already")
	}
	return statusText(lang, he.code)
}

// storyError is the answer to a story change that failed: the request's
// fault (400, 404, 409) or the server's.
func storyError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, digest.ErrNotFound):
		return &httpError{http.StatusNotFound, err}
	case errors.Is(err, digest.ErrInvalid):
		return &httpError{http.StatusBadRequest, err}
	case errors.Is(err, digest.ErrConflict):
		return &httpError{http.StatusConflict, err}
	}
	return err
}
