package cluster

import (
	"container/heap"
	"math"
	"slices"
	"time"
)

// Doc is one article as clustering sees it.
type Doc struct {
	ID        int64
	URL       string // canonical
	Outlet    string // citation label
	Title     string
	Text      string
	Published time.Time
}

// Options tune an Index. The zero value of a field means its default; the
// defaults were tuned on testdata/labelled.jsonl and the sample week (see
// TestStoryQuality).
type Options struct {
	// Window is how far apart in time two articles of one story may be: an
	// article joins a story only if it is within Window of the story's
	// articles, and the index forgets articles older than Window before
	// the latest one it has seen. Default 72h.
	Window time.Duration
	// Join is the least similarity (cosine of the TF-IDF weighted terms
	// of title, lead and body, less the time penalty) with one of a story's articles
	// for a new article to join that story. Default DefaultJoin.
	Join float64
	// DayPenalty is taken off the similarity per day between the two
	// articles: the same words a day or two apart more often tell a new
	// event (the minister's next meeting) than the same words on the same
	// day. Default DefaultDayPenalty; negative means none.
	DayPenalty float64
	// Link weighs the best similarity with one of a story's articles
	// against the mean similarity with all of them (1: single link, 0:
	// average link). Default DefaultLink; negative means 0.
	Link float64
	// Near is the least resemblance (Jaccard index of word 3-shingles of
	// the texts) for an article to be a near duplicate of an earlier one.
	// Default DefaultNear.
	Near float64
	// Home are the desk's own country as its articles write it
	// ("Azerbaijan", "Azerbaijani"): every article names it, so it tells
	// no event from another.
	Home []string
}

// Defaults of Options, tuned on testdata/labelled.jsonl and the sample
// week of full-length articles (internal/sample).
const (
	DefaultWindow     = 72 * time.Hour
	DefaultJoin       = 0.28
	DefaultDayPenalty = 0.05
	DefaultNear       = 0.3
	DefaultLink       = 0.5
)

// Assignment is what Add decided about a document.
type Assignment struct {
	// Story is the story's ID: the ID of the document that opened it.
	Story int64
	// Duplicate is, when the document is an exact or near duplicate of an
	// earlier one (of any outlet), the ID of the earliest document of that
	// text; else 0.
	Duplicate int64
	// Near says that Duplicate is a near (not exact) duplicate.
	Near bool
	// Score is the similarity with the story joined: 1 for a new story or
	// an exact duplicate.
	Score float64
	// Merged are the stories the document bridged into Story: each was
	// close to it as Story was, and none of their articles tells another
	// event than Story's. Their articles are Story's now.
	Merged []int64
}

// Story is a group of documents telling one event.
type Story struct {
	ID int64
	// Docs are the IDs of its documents in order of publication.
	Docs []int64
	// Outlets are the distinct outlets of Docs, in order of first
	// publication.
	Outlets     []string
	First, Last time.Time
	// Title is the title of the document that opened the story.
	Title string
}

// Index groups documents into stories as they arrive. It keeps the
// documents of the last Window (by publication time), with an inverted
// index from terms to documents so that adding one compares it only with
// the recent documents that share its most telling terms. An Index is not
// safe for concurrent use.
type Index struct {
	o       Options
	byID    map[int64]*entry
	terms   map[uint64]*termStat
	logN    float64   // ln(live + idfPrior), set at the start of each Add
	logDF   []float64 // ln(df + 1) by df, so that idf costs no logarithm
	exact   map[uint64]*entry
	stories map[int64]*story
	byTime  entryHeap
	latest  time.Time
	live    int
	stale   int // evicted entries still in posting lists
	stamp   uint64
	home    map[string]bool // folded words of Options.Home
	// links are the editors' choices: pairs of documents (lower ID
	// first) they put in one story (true) or apart (false).
	links map[[2]int64]bool
}

type entry struct {
	id        int64
	outlet    string
	title     string
	published time.Time
	terms     []termWeight // sorted by key
	shingles  []uint64     // sorted, unique
	textHash  uint64
	a         Assignment
	root      int64 // the earliest document of this text (itself if none)
	sig       signature
	dead      bool
	seen      uint64 // stamp of the last Add that counted it as a candidate
}

type termWeight struct {
	key uint64
	tf  float64
	st  *termStat // set when the entry is inserted
}

// termStat is what the index knows of a term: how many live documents
// have it and which (the posting list, compacted as it is read).
type termStat struct {
	df   int
	post []*entry
}

type story struct {
	id      int64
	title   string
	members []member
	first   time.Time
	last    time.Time
	live    int
	seen    uint64 // stamp of the last Add that scored it
}

type member struct {
	*entry
	id        int64
	outlet    string
	published time.Time
}

// Search limits that keep Add cheap on a full week: only the lookupTerms
// most telling terms of a new document are looked up, and a term on more
// than maxPosting live documents is too common to find candidates by.
const (
	lookupTerms = 8
	maxPosting  = 50
)

// NewIndex returns an empty index.
func NewIndex(o Options) *Index {
	if o.Window <= 0 {
		o.Window = DefaultWindow
	}
	if o.Join <= 0 {
		o.Join = DefaultJoin
	}
	if o.DayPenalty == 0 {
		o.DayPenalty = DefaultDayPenalty
	} else if o.DayPenalty < 0 {
		o.DayPenalty = 0
	}
	if o.Link == 0 {
		o.Link = DefaultLink
	} else if o.Link < 0 {
		o.Link = 0
	}
	if o.Near <= 0 {
		o.Near = DefaultNear
	}
	home := map[string]bool{}
	for _, h := range o.Home {
		for _, w := range words(h) {
			home[w.s] = true
		}
	}
	return &Index{
		links:   map[[2]int64]bool{},
		home:    home,
		o:       o,
		byID:    map[int64]*entry{},
		terms:   map[uint64]*termStat{},
		exact:   map[uint64]*entry{},
		stories: map[int64]*story{},
	}
}

// Add places d in a story and says whether it duplicates an earlier
// document. A document published more than Window before the latest one
// seen is too old to join anything: it is its own story and is not kept.
// Adding an ID again returns the first answer.
func (x *Index) Add(d Doc) Assignment { return x.AddPrepared(x.Prepare(d)) }

// Prepared is a document made ready for an index: its terms, shingles and
// text hash, which are most of the work of adding it and need nothing of
// the index, so that many documents can be prepared at once on several
// cores and then added in order. A Prepared is added once.
type Prepared struct {
	d Doc
	e *entry
}

// Prepare makes d ready for AddPrepared or SeedPrepared. It reads only
// the index's options and is safe to call from several goroutines, while
// another adds to the index.
func (x *Index) Prepare(d Doc) *Prepared {
	e := &entry{
		id:        d.ID,
		outlet:    d.Outlet,
		title:     d.Title,
		published: d.Published,
		root:      d.ID,
	}
	ws := words(d.Text)
	e.sig = signatureOf(d.Title, d.Outlet, ws, leadSpan, x.home)
	if len(ws) < minTextWords {
		ws = words(d.Title + "\n\n" + d.Text)
	}
	e.textHash = textHash(ws)
	e.shingles = uniqueSorted(shinglesOf(ws))
	f := features(d.Title, d.Text, d.Outlet)
	e.terms = make([]termWeight, 0, len(f))
	for k, v := range f {
		e.terms = append(e.terms, termWeight{key: k, tf: tf(v)})
	}
	slices.SortFunc(e.terms, func(a, b termWeight) int { return cmpU64(a.key, b.key) })
	return &Prepared{d: d, e: e}
}

// AddPrepared is Add of a prepared document.
func (x *Index) AddPrepared(p *Prepared) Assignment {
	e, fresh := x.admit(p)
	switch {
	case e == nil:
		return Assignment{Story: p.d.ID, Score: 1}
	case !fresh:
		return e.a
	}
	x.place(e)
	return e.a
}

// place assigns e, inserts it, and merges the stories it bridged.
func (x *Index) place(e *entry) {
	e.a = x.assign(e)
	x.insert(e)
	for _, id := range e.a.Merged {
		x.merge(x.stories[e.a.Story], x.stories[id])
	}
}

// Seed adds a document that was placed before (by an earlier run, whose
// decisions the archive keeps) as it was placed: later documents may join
// its story or duplicate it. a.Story 0 means a story of its own. A
// document whose story turns out to hold another event is placed anew
// (see SeedPrepared).
func (x *Index) Seed(d Doc, a Assignment) (Assignment, bool) { return x.SeedPrepared(x.Prepare(d), a) }

// SeedPrepared is Seed of a prepared document. When the story it was
// placed in holds a document that tells another event (placed before
// the event rules, or against an editor's later choice), it is placed
// anew, and the new placement is returned with moved true.
func (x *Index) SeedPrepared(p *Prepared, a Assignment) (placed Assignment, moved bool) {
	e, fresh := x.admit(p)
	if e == nil || !fresh {
		return a, false
	}
	if a.Story == 0 {
		a.Story = p.d.ID
	}
	if st := x.stories[a.Story]; st != nil && !x.fits(e, st) || x.mustMove(e, a.Story) {
		x.place(e)
		return e.a, true
	}
	e.a = a
	x.insert(e)
	return a, false
}

// admit moves the window to a prepared document and returns its entry:
// nil when it is too old for the window, the entry of its ID (not fresh)
// when it was added before.
func (x *Index) admit(p *Prepared) (e *entry, fresh bool) {
	if e, ok := x.byID[p.d.ID]; ok {
		return e, false
	}
	if p.d.Published.After(x.latest) {
		x.latest = p.d.Published
		x.evict()
	}
	if p.d.Published.Before(x.cutoff()) {
		return nil, false
	}
	e = p.e
	x.logN = math.Log(float64(x.live) + idfPrior)
	for i := range e.terms {
		e.terms[i].st = x.terms[e.terms[i].key] // nil for a term no live document has
	}
	return e, true
}

// leadSpan is how many of a text's first words are its lead for a
// signature: the lead's 80 (see lead) and a dateline's few.
const leadSpan = 90

// tf damps a term's weighted count: a name said five times in an article is
// not five times the evidence of one said once. A count under 1 (a word
// met only once in the body) keeps its weight.
func tf(v float64) float64 {
	if v < 1 {
		return v
	}
	return 1 + math.Log(v)
}

// minTextWords is the shortest text that identifies an article by itself;
// a shorter one (a teaser, an empty body) is hashed with its title.
const minTextWords = 12

func (x *Index) cutoff() time.Time { return x.latest.Add(-x.o.Window) }

// assign decides the story and duplicate of e against the live documents.
func (x *Index) assign(e *entry) Assignment {
	if e.textHash != 0 {
		if o, ok := x.exact[e.textHash]; ok && !o.dead {
			return Assignment{Story: o.a.Story, Duplicate: o.root, Score: 1}
		}
	}
	cands := x.candidates(e)
	idf := x.idfOf(e)
	norm := 0.0
	for i, t := range e.terms {
		w := t.tf * idf[i]
		norm += w * w
	}
	norm = math.Sqrt(norm)

	var nearDoc *entry
	nearBest := 0.0
	sim := make(map[int64]float64, len(cands))
	var touched []*story
	for _, c := range cands {
		cos := x.similarity(e, idf, norm, c)
		// Shingles are compared only for documents whose words are
		// close: a copy shares its title and lead terms. A copy tells
		// the same event: one that tells another is none.
		if cos >= x.o.Join && !x.differ(e, c) {
			if j := jaccard(e.shingles, c.shingles); j >= x.o.Near && j > nearBest {
				nearDoc, nearBest = c, j
			}
		}
		sim[c.id] = cos - x.o.DayPenalty*math.Abs(e.published.Sub(c.published).Hours())/24
		if st := x.stories[c.a.Story]; st != nil && st.seen != x.stamp && x.inWindow(st, e.published) {
			st.seen = x.stamp
			touched = append(touched, st)
		}
	}
	// The score of a story mixes the best similarity with one of its
	// articles and the mean over all of them (members that share none of
	// the new article's telling terms count as 0): single link alone lets a
	// formulaic title ("President Ilham Aliyev has phone conversation
	// with ...") chain different events together.
	var best *story
	bestScore := 0.0
	var close []scored // the stories e is close enough to join
	for _, st := range touched {
		maxS, sum, n := 0.0, 0.0, 0
		other := false // a member tells another event
		for _, m := range st.members {
			if m.dead {
				continue
			}
			if x.differ(e, m.entry) {
				other = true
				break
			}
			s := sim[m.id]
			maxS = math.Max(maxS, s)
			sum += math.Max(s, 0)
			n++
		}
		if n == 0 || other {
			continue
		}
		score := x.o.Link*maxS + (1-x.o.Link)*sum/float64(n)
		if score >= x.o.Join {
			close = append(close, scored{st, score})
		}
		if score > bestScore || score == bestScore && best != nil && st.id < best.id {
			best, bestScore = st, score
		}
	}
	// An editor's choice that e and a live document are one event.
	if st := x.pinned(e); st != nil {
		best, bestScore = st, math.Max(bestScore, x.o.Join)
		close = append(close, scored{st, bestScore})
	}
	var a Assignment
	switch {
	case nearDoc != nil:
		a = Assignment{Story: nearDoc.a.Story, Duplicate: nearDoc.root, Near: true, Score: math.Max(bestScore, nearBest)}
	case best != nil && bestScore >= x.o.Join:
		a = Assignment{Story: best.id, Score: bestScore}
	default:
		return Assignment{Story: e.id, Score: 1}
	}
	// A document close to two stories that tell one event bridges them.
	into := x.stories[a.Story]
	for _, c := range close {
		if c.st != into && c.score >= x.o.Join*mergeFactor && x.storiesFit(into, c.st) {
			a.Merged = append(a.Merged, c.st.id)
		}
	}
	return a
}

func (x *Index) inWindow(st *story, t time.Time) bool {
	return !t.After(st.last.Add(x.o.Window)) && !t.Before(st.first.Add(-x.o.Window))
}

// candidates returns the live documents that share one of e's most
// telling (highest-idf) terms, in order of ID so that the result does not
// depend on map order.
func (x *Index) candidates(e *entry) []*entry {
	x.stamp++
	// Telling is rare and weighty: a name of the title or lead, not a
	// word the body mentions once in passing.
	type key struct {
		termWeight
		w float64
	}
	keys := make([]key, len(e.terms))
	for i, t := range e.terms {
		keys[i] = key{t, t.tf * x.idf(t.st)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return cmpU64(a.key, b.key)
	})
	var out []*entry
	looked := 0
	for _, t := range keys {
		if looked == lookupTerms {
			break
		}
		if t.st == nil {
			continue
		}
		p := x.compact(t.key, t.st)
		if len(p) == 0 {
			continue
		}
		looked++
		if len(p) > maxPosting {
			continue
		}
		for _, c := range p {
			if c.seen != x.stamp {
				c.seen = x.stamp
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b *entry) int { return cmpI64(a.id, b.id) })
	return out
}

// compact drops evicted documents from a posting list as it is read.
func (x *Index) compact(key uint64, st *termStat) []*entry {
	p := st.post
	n := 0
	for _, c := range p {
		if !c.dead {
			p[n] = c
			n++
		}
	}
	if n < len(p) {
		x.stale -= len(p) - n
		clear(p[n:])
		st.post = p[:n]
		if n == 0 && st.df == 0 {
			delete(x.terms, key)
		}
	}
	return st.post
}

func dfOf(st *termStat) int {
	if st == nil {
		return 0
	}
	return st.df
}

// idf is the inverse document frequency of a term over the live documents,
// smoothed so that a young index (a few dozen documents) does not treat
// every word as rare: ln((live + idfPrior) / (df + 1)).
func (x *Index) idf(st *termStat) float64 {
	df := dfOf(st)
	for len(x.logDF) <= df {
		x.logDF = append(x.logDF, math.Log(float64(len(x.logDF)+1)))
	}
	return x.logN - x.logDF[df]
}

const idfPrior = 20

func (x *Index) idfOf(e *entry) []float64 {
	out := make([]float64, len(e.terms))
	for i, t := range e.terms {
		out[i] = x.idf(t.st)
	}
	return out
}

// similarity is the cosine of the TF-IDF vectors of e and c, both weighed
// with the current idf.
func (x *Index) similarity(e *entry, eidf []float64, enorm float64, c *entry) float64 {
	dot, cn := 0.0, 0.0
	i := 0
	for _, t := range c.terms {
		w := t.tf * x.idf(t.st)
		cn += w * w
		for i < len(e.terms) && e.terms[i].key < t.key {
			i++
		}
		if i < len(e.terms) && e.terms[i].key == t.key {
			dot += w * e.terms[i].tf * eidf[i]
		}
	}
	if dot == 0 || enorm == 0 {
		return 0
	}
	return dot / (enorm * math.Sqrt(cn))
}

func (x *Index) insert(e *entry) {
	x.byID[e.id] = e
	if e.a.Duplicate != 0 {
		e.root = e.a.Duplicate
	}
	if e.textHash != 0 {
		if o, ok := x.exact[e.textHash]; !ok || o.dead {
			x.exact[e.textHash] = e
		}
	}
	for i, t := range e.terms {
		// Looked up again: compacting during assign may have dropped
		// the stat e saw.
		st := x.terms[t.key]
		if st == nil {
			st = &termStat{}
			x.terms[t.key] = st
		}
		e.terms[i].st = st
		st.post = append(st.post, e)
		st.df++
	}
	x.live++
	heap.Push(&x.byTime, e)
	st := x.stories[e.a.Story]
	if st == nil {
		// A new story, or (for a seeded document) one whose first
		// documents are out of the window.
		st = &story{id: e.a.Story, title: e.title, first: e.published, last: e.published}
		x.stories[e.a.Story] = st
	}
	st.members = append(st.members, member{e, e.id, e.outlet, e.published})
	st.live++
	if e.published.Before(st.first) {
		st.first = e.published
	}
	if e.published.After(st.last) {
		st.last = e.published
	}
}

// evict forgets the documents older than the window, and the stories
// left with none.
func (x *Index) evict() {
	cut := x.cutoff()
	for len(x.byTime) > 0 && x.byTime[0].published.Before(cut) {
		e := heap.Pop(&x.byTime).(*entry)
		e.dead = true
		delete(x.byID, e.id)
		if x.exact[e.textHash] == e {
			delete(x.exact, e.textHash)
		}
		for _, t := range e.terms {
			t.st.df--
		}
		x.live--
		x.stale += len(e.terms)
		if st := x.stories[e.a.Story]; st != nil {
			if st.live--; st.live <= 0 {
				delete(x.stories, st.id)
			}
		}
	}
	// Posting lists are compacted as they are read; sweep the rest when
	// stale entries outnumber live ones, so memory stays bounded by the
	// window.
	if x.stale > 4096 && x.stale > x.live*8 {
		for k, st := range x.terms {
			x.compact(k, st)
		}
	}
}

// Stories returns the stories that still have a document in the window,
// in order of first publication (then ID). A story keeps every document
// it was given, including ones since evicted.
func (x *Index) Stories() []Story {
	out := make([]Story, 0, len(x.stories))
	for _, st := range x.stories {
		ms := slices.Clone(st.members)
		slices.SortStableFunc(ms, func(a, b member) int {
			if c := a.published.Compare(b.published); c != 0 {
				return c
			}
			return cmpI64(a.id, b.id)
		})
		s := Story{ID: st.id, First: st.first, Last: st.last, Title: st.title}
		for _, m := range ms {
			s.Docs = append(s.Docs, m.id)
			if !slices.Contains(s.Outlets, m.outlet) {
				s.Outlets = append(s.Outlets, m.outlet)
			}
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Story) int {
		if c := a.First.Compare(b.First); c != 0 {
			return c
		}
		return cmpI64(a.ID, b.ID)
	})
	return out
}

// Len is the number of documents in the window.
func (x *Index) Len() int { return x.live }

func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func uniqueSorted(s []uint64) []uint64 {
	slices.Sort(s)
	return slices.Compact(s)
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpI64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// entryHeap orders entries by publication time, oldest first.
type entryHeap []*entry

func (h entryHeap) Len() int { return len(h) }
func (h entryHeap) Less(i, j int) bool {
	if c := h[i].published.Compare(h[j].published); c != 0 {
		return c < 0
	}
	return h[i].id < h[j].id
}
func (h entryHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *entryHeap) Push(v any)   { *h = append(*h, v.(*entry)) }
func (h *entryHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return e
}
