package web

import (
	"errors"
	"fmt"
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
	// Why is what its relevance was made of, in the reader's language.
	Why string
	// InItem is the item of the week's digest that tells it ("1.2"), with
	// a link to it, when there is one.
	InItem, ItemLink string
}

// why says a story's relevance parts in lang.
func why(lang string, p rank.Parts) string {
	kinds := make([]string, len(p.Kinds))
	for i, k := range p.Kinds {
		kinds[i] = text(lang, "affiliation."+string(k))
	}
	s := fmt.Sprintf("%s %.2f · %s %.2f · %s %.1f", text(lang, "why.topical"), p.Topical, text(lang, "why.importance"), p.Importance,
		text(lang, "why.voices"), p.Voices)
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	s += fmt.Sprintf(" · %s %.2f · %s %.2f · %s %.2f", text(lang, "why.weight"), p.Weight, text(lang, "why.recency"), p.Recency,
		text(lang, "why.about"), p.About)
	if p.Elsewhere {
		s += " · " + text(lang, "why.elsewhere")
	}
	return s
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
	Outlets    []digest.Outlet
	Keys       []digest.ProfileSection
	CanEdit    bool
	// L are the words every story repeats, and Names the sections to add
	// to, in the reader's language: looked up once for the page, not once
	// a story (a template's function call is dear at 2,000 stories).
	L     weekLabels
	Names []weekSection
}

type weekLabels struct {
	InDigest, Relevance, Dismissed, Kept, Why, Articles, Original, Split, Choose, Section, Add, Dismiss string
}

func labelsIn(lang string) weekLabels {
	t := func(k string) string { return text(lang, k) }
	return weekLabels{InDigest: t("week.indigest"), Relevance: t("week.relevance"), Dismissed: t("week.dismissed"), Kept: t("week.kept"),
		Why: t("week.why"), Articles: t("week.articles"), Original: t("article.original"), Split: t("week.split"), Choose: t("week.choose"),
		Section: t("week.section"), Add: t("week.add"), Dismiss: t("week.dismiss")}
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
	// Search and filters: words of the titles, an outlet, a least
	// relevance.
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	outlet := strings.TrimSpace(r.URL.Query().Get("outlet"))
	minRel, _ := strconv.ParseFloat(r.URL.Query().Get("min"), 64)
	shown := 0
	for _, c := range cands {
		if outlet != "" && !slices.Contains(c.Story.Outlets, outlet) || c.Result.Relevance < minRel {
			continue
		}
		if q != "" {
			hit := strings.Contains(strings.ToLower(c.Story.Title), q)
			for _, a := range c.Story.Articles {
				hit = hit || strings.Contains(strings.ToLower(a.Title), q)
			}
			if !hit {
				continue
			}
		}
		shown++
		sec := c.Result.Section
		if c.Decision != "" {
			sec = c.Decision
		}
		i, ok := index[sec]
		if !ok {
			i = index[rank.None]
		}
		secs[i].Stories = append(secs[i].Stories, weekStory{ID: c.Story.ID, Title: c.Story.Title, Relevance: fmt.Sprintf("%.2f", c.Result.Relevance),
			Outlets: c.Story.Outlets, First: c.Story.First.In(loc).Format("01-02 15:04"), Decision: c.Decision, Articles: c.Story.Articles,
			Why: why(rq.lang, c.Result.Parts)})
		if at, ok := inDigest[c.Story.ID]; ok {
			st := &secs[i].Stories[len(secs[i].Stories)-1]
			st.InItem = fmt.Sprintf("%d.%d", at.Section, at.Item)
			st.ItemLink = fmt.Sprintf("/digests/%d#item-%d-%d", digestID, at.Section, at.Item)
		}
	}
	return s.render(w, rq, "week.html", &weekPage{Week: week, Sections: secs, Prev: week.From.AddDays(-7), Next: week.To.AddDays(1),
		CanEdit: rq.sess.User.Role.AtLeast("editor"), Keys: s.Profile.Sections, Count: len(cands), Shown: shown,
		Q: r.URL.Query().Get("q"), Outlet: outlet, Min: r.URL.Query().Get("min"), Outlets: s.Profile.Outlets,
		L: labelsIn(rq.lang), Names: secs[:len(s.Profile.Sections)]})
}

// decideStory is an editor's choice on a story of the week: "add" drafts
// it as an item at the end of section in its week's digest (returning the
// digest and its new version), "dismiss" keeps it out of the draft. Both
// teach the ranking.
func (s *Server) decideStory(r *http.Request, rq *request, id int64, action, section string) (added pipeline.Added, err error) {
	switch action {
	case "dismiss":
		err = s.Store.DecideStory(r.Context(), s.Profile.Key, store.Decision{Story: id, By: rq.sess.User.Name})
	case "add":
		var d *pipeline.Drafter
		if d, err = s.drafter(r.Context()); err != nil {
			return added, err
		}
		added, err = d.AddStory(r.Context(), id, section, rq.sess.User.Name)
	default:
		return added, fmt.Errorf("action %q: expected add or dismiss: %w", action, digest.ErrInvalid)
	}
	if err == nil {
		s.Log.Info("story decided", "story", id, "action", action, "section", section, "digest", added.Digest, "by", rq.sess.User.Name)
	}
	return added, err
}

func (s *Server) decide(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := strconv.ParseInt(r.PostFormValue("story"), 10, 64)
	if err != nil {
		return &httpError{http.StatusBadRequest, fmt.Errorf("story %q", r.PostFormValue("story"))}
	}
	_, err = s.decideStory(r, rq, id, r.PostFormValue("action"), r.PostFormValue("section"))
	if err := storyError(err); err != nil {
		return err
	}
	http.Redirect(w, r, weekBack(r, fmt.Sprintf("story-%d", id)), http.StatusSeeOther)
	return nil
}

// weekBack is the week page as the form was sent from: its week, search
// and filters (they live in the address), at the story acted on.
func weekBack(r *http.Request, anchor string) string {
	v := url.Values{"date": {r.PostFormValue("date")}}
	for _, k := range []string{"q", "outlet", "min"} {
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
	if err := r.ParseForm(); err != nil {
		return &httpError{http.StatusBadRequest, err}
	}
	var ids []int64
	for _, v := range r.PostForm["merge"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return &httpError{http.StatusBadRequest, fmt.Errorf("story %q: expected a story's number", v)}
		}
		ids = append(ids, id)
	}
	into, err := s.Store.MergeStories(r.Context(), s.Profile.Key, ids, rq.sess.User.Name)
	if err := storyError(err); err != nil {
		return err
	}
	s.Log.Info("stories merged", "stories", ids, "into", into, "by", rq.sess.User.Name)
	http.Redirect(w, r, weekBack(r, fmt.Sprintf("story-%d", into)), http.StatusSeeOther)
	return nil
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
