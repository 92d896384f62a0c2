package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/net/publicsuffix"

	"shuho/internal/cluster"
	"shuho/internal/digest"
	"shuho/internal/extract"
	"shuho/internal/feed"
	"shuho/internal/fetch"
	"shuho/internal/store"
)

// Collector reads a profile's sources into the archive: it polls each
// source (a feed, a list page or a page) through the guarded client, fetches
// and extracts the pages of new articles, stores them, and groups them into
// stories. Several collectors, in one process or on several machines
// sharing one PostgreSQL, divide the work through leases on sources and
// claims on pages, so that no page is fetched twice and a collector that
// dies has its work taken over when its lease runs out.
type Collector struct {
	Store   *store.Store
	Fetch   *fetch.Client
	Profile *digest.Profile
	Log     *slog.Logger
	// Owner names this collector in leases and claims; it must differ
	// between collectors (host name and process id, say).
	Owner string
	// Lease is how long a source or page is held before another collector
	// may take it over; a poll that runs longer extends it. Default 5 min.
	Lease time.Duration
	// Pages is how many pages of one source are fetched at once; Sources
	// how many sources a pass polls at once. Defaults 4 and 4.
	Pages, Sources int
	// MaxEntries caps the entries read from one poll (newest first).
	// Default 300.
	MaxEntries int
	// Progress, when set, is told of each source as its poll starts and
	// ends, and of each page.
	Progress func(Event)
	// Clustered, when set, is told of each clustering run that placed
	// articles.
	Clustered func(ClusterReport)
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	// cpu bounds the extractions running at once to the cores: pages are
	// fetched many at a time, but extraction is work for a processor, and
	// more of it at once than there are cores only holds more pages in
	// memory for the collector to sweep.
	cpuOnce sync.Once
	cpu     chan struct{}
	// polls numbers this collector's polls, for their claim names.
	polls atomic.Int64
}

// extract runs the extractor on a page, no more of them at once than
// there are cores.
func (c *Collector) extract(ctx context.Context, page []byte, url string) (extract.Result, error) {
	c.cpuOnce.Do(func() { c.cpu = make(chan struct{}, runtime.GOMAXPROCS(0)) })
	select {
	case c.cpu <- struct{}{}:
	case <-ctx.Done():
		return extract.Result{}, ctx.Err()
	}
	defer func() { <-c.cpu }()
	return extract.Extract(page, url, extract.Options{})
}

// errHeld is a page another collector held for longer than a claim lasts:
// no fault of the page's.
var errHeld = errors.New("another collector holds the page")

// maxPageAttempts is how often a page is tried before it is given up.
const maxPageAttempts = 5

// Event is a step of a poll, for progress displays.
type Event struct {
	Source string
	// Kind is "start", "page" or "done".
	Kind string
	// Done and Total count the pages of the poll (known once its entries
	// are).
	Done, Total int
	Report      *Report // with "done"
}

// Report is what one poll of a source did.
type Report struct {
	Source, Outlet string
	New            int
	// Duplicate counts entries whose article was stored already (by an
	// earlier poll, another source or another collector).
	Duplicate int
	// Failed counts pages that could not be fetched or read; Errors holds
	// the first few reasons.
	Failed int
	// Deferred counts pages that failed before and wait for their next
	// try, or were given up.
	Deferred int
	Errors   []string
	// Err is why the source itself could not be read, or nil.
	Err error
	// Warning is a fault of a source read all the same: a feed cut short,
	// whose entries before the cut were read.
	Warning     string
	NotModified bool
	Duration    time.Duration
	// Next is when the source is due again.
	Next time.Time
}

func (c *Collector) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Collector) log() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.New(slog.DiscardHandler)
}

func (c *Collector) event(e Event) {
	if c.Progress != nil {
		c.Progress(e)
	}
}

// poll reads the source and its new articles. It returns the validators
// for the next conditional request.
func (c *Collector) poll(ctx context.Context, st *store.SourceState, claimer string) (r Report, etag, lastMod string) {
	r = Report{Source: st.Key, Outlet: st.Outlet}
	defer func() {
		// A panic in a parser or extractor fails this source only.
		if p := recover(); p != nil {
			c.log().Error("panic in a poll", "source", st.Key, "panic", p, "stack", string(debug.Stack()))
			r.Err = fmt.Errorf("internal error while reading %s: %v", st.URL, p)
		}
	}()
	resp, err := c.Fetch.Get(ctx, fetch.Request{URL: st.URL, ETag: st.ETag, LastModified: st.LastModified, Accept: accept(st.Kind)})
	if err != nil {
		r.Err = err
		return r, "", ""
	}
	etag, lastMod = resp.ETag, resp.LastModified
	if resp.NotModified {
		r.NotModified = true
		return r, etag, lastMod
	}
	// The steps: the source's entries, those new to the archive, their
	// pages claimed, then fetched and stored in batches. A failure before
	// the pages leaves the source's validators as they were, so that the
	// next poll reads it again.
	entries, page, err := c.entries(st, resp, &r)
	if err != nil {
		r.Err = err
		return r, "", ""
	}
	todo, err := c.newEntries(ctx, entries, &r)
	if err != nil {
		r.Err = err
		return r, "", ""
	}
	// The pages are claimed together, in one transaction; a page another
	// collector holds is waited for page by page.
	todoURLs := make([]string, len(todo))
	for i, e := range todo {
		todoURLs[i] = e.URL
	}
	claimed, err := c.Store.ClaimPages(ctx, todoURLs, claimer, c.lease())
	if err != nil {
		r.Err = err
		return r, "", ""
	}
	r.Err = c.fetchAndStore(ctx, st, todo, claimed, page, claimer, &r)
	return r, etag, lastMod
}

// entries reads the entries of a source's response: a feed's items, a
// list page's links, or a page source's one page (returned as page: the
// article, fetched already). At most MaxEntries are kept.
func (c *Collector) entries(st *store.SourceState, resp *fetch.Response, r *Report) (entries []feed.Entry, page *fetch.Response, err error) {
	switch st.Kind {
	case digest.FeedSource:
		f, err := feed.Parse(resp.Body, resp.ContentType, resp.URL)
		if err != nil {
			return nil, nil, err
		}
		if f.Partial != nil {
			r.Warning = fmt.Sprintf("the feed is broken; the %d entries before the fault were read: %v", len(f.Entries), f.Partial)
		}
		entries = f.Entries
	case digest.ListSource:
		text, err := resp.UTF8()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", st.URL, err)
		}
		var sel digest.ListSelectors
		if src := c.source(st.Key); src != nil && src.List != nil {
			sel = *src.List
		}
		// List pages print their dates in the desk's time, without a zone.
		f, err := feed.ParseListIn(text, resp.URL, sel, c.Profile.Location())
		if err != nil {
			return nil, nil, err
		}
		entries = f.Entries
	case digest.PageSource:
		// The page is the article, fetched already.
		entries = []feed.Entry{{URL: resp.URL}}
		page = resp
	default:
		return nil, nil, fmt.Errorf("source %s: unknown kind %q", st.Key, st.Kind)
	}
	limit := c.MaxEntries
	if limit <= 0 {
		limit = 300
	}
	return entries[:min(len(entries), limit)], page, nil
}

// newEntries keeps the entries to fetch: their canonical addresses once
// each, not in the archive already (counted duplicates), not waiting for
// their next try after a failure nor given up (counted deferred).
func (c *Collector) newEntries(ctx context.Context, entries []feed.Entry, r *Report) ([]feed.Entry, error) {
	var fresh []feed.Entry
	seen := map[string]bool{}
	var urls []string
	for _, e := range entries {
		u, err := cluster.CanonicalURL(e.URL)
		if err != nil {
			r.Failed++
			r.addError(fmt.Sprintf("%s: %v", e.URL, err))
			continue
		}
		if seen[u] {
			continue
		}
		seen[u] = true
		e.URL = u
		fresh = append(fresh, e)
		urls = append(urls, u)
	}
	known, err := c.Store.KnownURLs(ctx, urls)
	if err != nil {
		return nil, err
	}
	var todo []feed.Entry
	var unknown []string
	for _, e := range fresh {
		if known[e.URL] {
			r.Duplicate++
		} else {
			todo = append(todo, e)
			unknown = append(unknown, e.URL)
		}
	}
	// A page that failed before waits for its next try, and one that
	// failed too often is given up (a page with no article text, a page
	// that is gone): neither is fetched at every poll.
	failures, err := c.Store.PageFailures(ctx, unknown)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(todo, func(e feed.Entry) bool {
		f, ok := failures[e.URL]
		if ok && (f.Attempts >= maxPageAttempts || f.NextTry.After(c.now())) {
			r.Deferred++
			return true
		}
		return false
	}), nil
}

// fetchAndStore fetches and extracts the entries' pages (claimed: the
// claims taken for them) a few at a time, and stores the articles in
// batches as they come. A source of which not one new page could be read
// is a failed source (ErrPagesFailed).
func (c *Collector) fetchAndStore(ctx context.Context, st *store.SourceState, todo []feed.Entry, claimed map[string]bool, page *fetch.Response,
	claimer string, r *Report) error {
	src := c.source(st.Key)
	fullPage := st.Kind != digest.FeedSource || src != nil && src.FullPage
	lang := "en"
	if src != nil && src.Lang != "" {
		lang = src.Lang
	}
	n := c.Pages
	if n <= 0 {
		n = 4
	}
	c.event(Event{Source: st.Key, Kind: "page", Total: len(todo)})
	type result struct {
		url    string
		art    *store.Collected
		dup    bool
		errMsg string
		// pageFault says that the failure was the page's (not a cancelled
		// poll's, nor a page another collector held).
		pageFault bool
	}
	results := make(chan result)
	jobs := make(chan feed.Entry)
	var wg sync.WaitGroup
	for range min(n, max(len(todo), 1)) {
		wg.Go(func() {
			for e := range jobs {
				a, dup, err := c.article(ctx, st, e, fullPage, lang, claimer, claimed[e.URL], page)
				res := result{url: e.URL, art: a, dup: dup}
				if err != nil {
					res.errMsg = fmt.Sprintf("%s: %v", e.URL, err)
					res.pageFault = !errors.Is(err, errHeld) && ctx.Err() == nil
				}
				results <- res
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, e := range todo {
			select {
			case jobs <- e:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	var batch []store.Collected
	flush := func() {
		if len(batch) == 0 {
			return
		}
		ids, err := c.Store.AddCollected(ctx, c.Profile.Key, c.Profile.Location(), batch)
		if err != nil {
			r.Failed += len(batch)
			r.addError(fmt.Sprintf("storing %d articles: %v", len(batch), err))
			for _, a := range batch {
				c.Store.ReleasePage(context.WithoutCancel(ctx), a.URL, claimer)
			}
		} else {
			for _, id := range ids {
				if id != 0 {
					r.New++
				} else {
					r.Duplicate++
				}
			}
		}
		batch = batch[:0]
	}
	done, pageFaults := 0, 0
	for res := range results {
		done++
		switch {
		case res.errMsg != "":
			r.Failed++
			r.addError(res.errMsg)
			if res.pageFault {
				pageFaults++
				if _, err := c.Store.RecordPageFailure(context.WithoutCancel(ctx), res.url, res.errMsg); err != nil {
					c.log().Warn("record a page failure", "url", res.url, "err", err)
				}
			}
		case res.dup:
			r.Duplicate++
		case res.art != nil:
			batch = append(batch, *res.art)
			if len(batch) >= 25 {
				flush()
			}
		}
		c.event(Event{Source: st.Key, Kind: "page", Done: done, Total: len(todo)})
	}
	flush()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if pageFaults > 0 && pageFaults == len(todo) {
		// Not one new page could be read: the source is failing, however
		// well its feed reads (its links lead to a host that is down or
		// refuses us), and is reported as a failed source.
		return fmt.Errorf("%w (%d tried); the first: %s", ErrPagesFailed, len(todo), r.Errors[0])
	}
	return nil
}

// article makes the article of one entry: from the feed's own content when
// it carries the whole text, else from its page, fetched under a claim so
// that no other collector fetches it too. dup reports that the page turned
// out to be an article stored already (under its canonical address) or
// claimed by another collector.
func (c *Collector) article(ctx context.Context, st *store.SourceState, e feed.Entry, fullPage bool, lang, claimer string, claimed bool, fetched *fetch.Response) (a *store.Collected, dup bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			c.log().Error("panic reading an article", "url", e.URL, "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	// Another collector may hold the page (another source links it, or a
	// collector that died held it): wait until it is stored, or until the
	// claim runs out and the page is this collector's to fetch.
	deadline := c.now().Add(c.lease() + time.Second)
	for !claimed {
		if claimed, err = c.Store.ClaimPage(ctx, e.URL, claimer, c.lease()); err != nil {
			return nil, false, err
		}
		if claimed {
			break
		}
		known, err := c.Store.KnownURLs(ctx, []string{e.URL})
		if err != nil {
			return nil, false, err
		}
		if known[e.URL] {
			return nil, true, nil
		}
		if c.now().After(deadline) {
			return nil, false, errHeld
		}
		select {
		case <-ctx.Done():
			return nil, false, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	release := func() {
		if err := c.Store.ReleasePage(context.WithoutCancel(ctx), e.URL, claimer); err != nil {
			c.log().Warn("release a page", "url", e.URL, "err", err)
		}
	}

	var res extract.Result
	// The feed's own copy of an article: taken at once for an article of
	// the feed's own site; another site's article is read from that site
	// first, so that no feed puts words in another outlet's mouth while
	// the outlet's page can be read, and the feed's copy taken only when
	// it cannot (refused by robots.txt, down, gone).
	ownSite := sameSite(e.URL, st.URL)
	feedCopy := func() (extract.Result, error) {
		if len(e.Content) < fullContent {
			return extract.Result{}, errNoFeedCopy
		}
		r, err := c.extract(ctx, []byte("<html><body><article>"+e.Content+"</article></body></html>"), e.URL)
		if err == nil && len(r.Text) < 200 {
			err = errNoFeedCopy
		}
		return r, err
	}
	fromFeed, canon := false, ""
	if !fullPage && ownSite {
		if res, err = feedCopy(); err == nil {
			fromFeed = true
		}
	}
	if !fromFeed {
		page, perr := c.page(ctx, e.URL, fetched)
		if perr == nil {
			res, perr = c.extract(ctx, page.body, page.url)
		}
		if perr != nil {
			if ownSite {
				release()
				return nil, false, perr
			}
			// Another site's page that cannot be read: the feed's copy,
			// marked as such, when the feed carries the whole text.
			var ferr error
			if res, ferr = feedCopy(); ferr != nil {
				release()
				return nil, false, perr
			}
			fromFeed = true
			c.log().Info("the feed's copy taken for a page that could not be read", "source", st.Key, "url", e.URL, "err", perr)
		} else {
			// The page may name its own canonical address (or the link
			// redirected to it), under which the article may be stored
			// already, from the outlet's own feed or another's link.
			if canon = cluster.Canonical(page.url, res.URL); canon != "" && canon != e.URL {
				known, kerr := c.Store.KnownURLs(ctx, []string{canon})
				if kerr == nil && known[canon] {
					release()
					return nil, true, nil
				}
			}
		}
	}
	if strings.TrimSpace(res.Text) == "" {
		release()
		return nil, false, fmt.Errorf("no article text found")
	}
	title := strings.TrimSpace(e.Title)
	if title == "" {
		title = res.Title
	}
	published := e.Published
	if published.IsZero() {
		published = res.Published
	}
	if published.IsZero() || published.After(c.now().Add(time.Hour)) {
		// Neither the feed nor the page dates it (or it is dated in the
		// future, a site's mistake): it is taken as published when it was
		// found, which for a polled source is close.
		published = c.now()
	}
	title, res.Text = clean(title), clean(res.Text)
	l := res.Lang
	if l == "" {
		l = lang
	}
	return &store.Collected{
		Article: digest.Article{Outlet: st.Outlet, URL: e.URL, Published: published, Title: title, Text: res.Text, Lang: l,
			Canonical: canon, FromFeed: fromFeed},
		Source: st.Key, HTML: res.HTML,
	}, false, nil
}

// ErrPagesFailed is a source's fault when its feed was read but not one of
// its new pages: it is reported as failed (collect exits 1, the sources
// page shows it) but not polled less often, since the feed is fine and the
// pages wait for their own next try.
var ErrPagesFailed = errors.New("not one of its new pages could be read")

// errNoFeedCopy: the feed carries no whole copy of the article.
var errNoFeedCopy = errors.New("the feed carries no whole copy of the article")

// fetchedPage is an article's page as text, with the address it was
// read from (after redirects).
type fetchedPage struct {
	body []byte
	url  string
}

// page fetches an article's page, or takes the one fetched already (a
// page source's).
func (c *Collector) page(ctx context.Context, u string, fetched *fetch.Response) (fetchedPage, error) {
	resp := fetched
	if resp == nil {
		var err error
		if resp, err = c.Fetch.Get(ctx, fetch.Request{URL: u, Accept: "text/html,application/xhtml+xml"}); err != nil {
			return fetchedPage{}, err
		}
	}
	body, err := resp.UTF8()
	if err != nil {
		return fetchedPage{}, err
	}
	return fetchedPage{body: body, url: resp.URL}, nil
}

// sameSite reports whether two addresses are on one registrable domain
// (news.example.az and example.az are).
func sameSite(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	da, err1 := publicsuffix.EffectiveTLDPlusOne(ua.Hostname())
	db, err2 := publicsuffix.EffectiveTLDPlusOne(ub.Hostname())
	if err1 != nil || err2 != nil {
		return ua.Hostname() == ub.Hostname() // an address such as 127.0.0.1
	}
	return da == db
}

// clean removes the control characters (NUL included) that a hostile or
// broken page may carry in its title or text, keeping line breaks and tabs:
// they are no text, and the archive refuses NUL.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// fullContent is the least HTML a feed's content must have to be taken as
// the article; a one-line teaser is not.
const fullContent = 400

func (r *Report) addError(msg string) {
	if len(r.Errors) < 5 {
		r.Errors = append(r.Errors, msg)
	}
}

func (c *Collector) source(key string) *digest.Source {
	for i := range c.Profile.Sources {
		if c.Profile.Sources[i].Key == key {
			return &c.Profile.Sources[i]
		}
	}
	return nil
}

func accept(k digest.SourceKind) string {
	if k == digest.FeedSource {
		return "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
	}
	return "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
}
