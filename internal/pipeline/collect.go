package pipeline

import (
	"cmp"
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

func (c *Collector) lease() time.Duration {
	if c.Lease > 0 {
		return c.Lease
	}
	return 5 * time.Minute
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

// CollectAll polls every source of the profile once, due or not, a few at
// a time, then clusters what came in. A source that another collector is
// polling at the moment is reported as such and left to it. One source's
// failure never stops the others.
func (c *Collector) CollectAll(ctx context.Context) ([]Report, error) {
	if err := c.Store.SyncSources(ctx, c.Profile.Key, c.Profile.Sources); err != nil {
		return nil, err
	}
	srcs := c.Profile.Sources
	reports := make([]Report, len(srcs))
	n := c.Sources
	if n <= 0 {
		n = 4
	}
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for i, src := range srcs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			reports[i] = Report{Source: src.Key, Outlet: src.Outlet}
			st, err := c.Store.LeaseSource(ctx, c.Profile.Key, src.Key, c.Owner, c.lease())
			if err != nil {
				reports[i].Err = err
				return
			}
			// A source backing off after failures (a Retry-After, say) is
			// left until it is due, even by a pass over every source (F7).
			if st.Errors > 0 && st.NextPoll.After(c.now()) {
				if err := c.Store.ReleaseLease(ctx, st.ID, c.Owner); err != nil {
					c.log().Warn("release a lease", "source", st.Key, "err", err)
				}
				reports[i].Err = fmt.Errorf("backing off after %d failures (last: %s) until %s", st.Errors, st.LastError, st.NextPoll.In(c.Profile.Location()).Format(time.DateTime))
				reports[i].Next = st.NextPoll
				return
			}
			reports[i] = c.PollLeased(ctx, st)
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return reports, ctx.Err()
	}
	if _, err := c.Cluster(ctx); err != nil {
		return reports, fmt.Errorf("clustering: %w", err)
	}
	return reports, nil
}

// Run polls the profile's sources as they fall due, until ctx ends: the
// loop of shuho serve and shuho worker. workers polls run at once. Between
// polls it clusters new articles (one collector at a time does).
func (c *Collector) Run(ctx context.Context, workers int) error {
	if err := c.Store.SyncSources(ctx, c.Profile.Key, c.Profile.Sources); err != nil {
		return err
	}
	if workers <= 0 {
		workers = 2
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	sem := make(chan struct{}, workers)
	lastCluster := time.Time{}
	for {
		select {
		case <-ctx.Done():
			return nil
		case sem <- struct{}{}:
		}
		// New articles are clustered every ten seconds while all is
		// quiet, and at least every minute while sources keep falling due.
		if c.now().Sub(lastCluster) > time.Minute {
			if _, err := c.Cluster(ctx); err != nil && ctx.Err() == nil {
				c.log().Error("cluster", "err", err)
			}
			lastCluster = c.now()
		}
		st, err := c.Store.LeaseDue(ctx, c.Profile.Key, c.Owner, c.lease())
		if err == nil {
			wg.Go(func() {
				defer func() { <-sem }()
				c.PollLeased(ctx, st)
			})
			continue
		}
		<-sem
		if ctx.Err() != nil {
			return nil
		}
		if !errors.Is(err, digest.ErrNotFound) {
			c.log().Error("lease a source", "err", err)
		}
		if c.now().Sub(lastCluster) > 10*time.Second {
			if _, err := c.Cluster(ctx); err != nil && ctx.Err() == nil {
				c.log().Error("cluster", "err", err)
			}
			lastCluster = c.now()
		}
		wait := 30 * time.Second
		if next, err := c.Store.NextDue(ctx, c.Profile.Key); err == nil && !next.IsZero() {
			wait = min(max(next.Sub(c.now()), 200*time.Millisecond), wait)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// PollLeased polls a source this collector has leased, records the result
// and the source's next due time, and releases the lease.
func (c *Collector) PollLeased(ctx context.Context, st *store.SourceState) Report {
	start := c.now()
	c.event(Event{Source: st.Key, Kind: "start"})
	// Pages are claimed in the name of this poll, not of the collector:
	// two polls of one collector that meet the same page (two sources link
	// it) must not both fetch it.
	claimer := fmt.Sprintf("%s/%d", c.Owner, c.polls.Add(1))
	// The lease is extended while the poll runs, so that a slow source is
	// not taken over by another collector as if this one had died; a poll
	// whose lease was lost anyway stops, the source being another's now.
	pollCtx, stop := context.WithCancel(ctx)
	var keep sync.WaitGroup
	keep.Go(func() {
		t := time.NewTicker(c.lease() / 3)
		defer t.Stop()
		for {
			select {
			case <-pollCtx.Done():
				return
			case <-t.C:
				err := c.Store.ExtendLease(pollCtx, st.ID, c.Owner, claimer, c.lease())
				if errors.Is(err, store.ErrLeaseLost) {
					c.log().Warn("lease lost; the poll stops", "source", st.Key)
					stop()
					return
				}
				if err != nil && pollCtx.Err() == nil {
					c.log().Warn("extend lease", "source", st.Key, "err", err)
				}
			}
		}
	})
	r, etag, lastMod := c.poll(pollCtx, st, claimer)
	stop()
	keep.Wait()
	r.Duration = c.now().Sub(start)
	res := store.PollResult{Started: start, Duration: r.Duration, New: r.New, Duplicate: r.Duplicate, Failed: r.Failed,
		ETag: etag, LastModified: lastMod, Warning: r.Warning}
	res.Next, res.Current = c.schedule(st, r)
	switch {
	case r.Err != nil:
		res.Err = r.Err.Error()
		res.ETag, res.LastModified = st.ETag, st.LastModified
	case r.Failed > 0:
		// Pages failed: the next poll must read the feed again, not be
		// told it has not changed, or they would never be tried again.
		res.ETag, res.LastModified = "", ""
	}
	r.Next = res.Next
	if ctx.Err() != nil {
		// Interrupted (Ctrl-C): the source is given back at once rather
		// than held until its lease runs out.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		if err := c.Store.ReleaseLease(rctx, st.ID, c.Owner); err != nil {
			c.log().Warn("release a lease", "source", st.Key, "err", err)
		}
		if err := c.Store.ReleaseClaims(rctx, claimer); err != nil {
			c.log().Warn("release claims", "source", st.Key, "err", err)
		}
		cancel()
	} else {
		if err := c.Store.FinishPoll(ctx, st.ID, c.Owner, res); err != nil {
			c.log().Warn("record poll", "source", st.Key, "err", err)
			if r.Err == nil {
				r.Err = err
			}
		}
	}
	lvl := slog.LevelInfo
	if r.Err != nil {
		lvl = slog.LevelWarn
	}
	if r.Warning != "" && lvl == slog.LevelInfo {
		lvl = slog.LevelWarn
	}
	c.log().Log(ctx, lvl, "polled", "source", st.Key, "new", r.New, "duplicate", r.Duplicate, "failed", r.Failed,
		"err", r.Err, "warning", r.Warning, "took", r.Duration.Round(time.Millisecond), "next", r.Next.Format(time.RFC3339))
	c.event(Event{Source: st.Key, Kind: "done", Report: &r})
	return r
}

// schedule says when a source is due again after a poll: at its interval
// when it brought news; slower, up to eight times the interval (at most a
// day), while it stays quiet; after failures, exponentially later, and
// never before a Retry-After or a host's pause.
func (c *Collector) schedule(st *store.SourceState, r Report) (time.Time, time.Duration) {
	base := time.Duration(st.Interval)
	cur := st.Current
	if cur <= 0 {
		cur = base
	}
	ceiling := max(min(8*base, 24*time.Hour), base)
	now := c.now()
	switch {
	case r.Err != nil:
		backoff := base << min(st.Errors+1, 6)
		cur = max(min(backoff, 24*time.Hour), base)
		next := now.Add(cur)
		var se *fetch.StatusError
		if errors.As(r.Err, &se) && se.RetryAfter > 0 {
			next = now.Add(max(se.RetryAfter, cur))
		}
		// The fetch client keys its pauses by host and port.
		if u, err := url.Parse(st.URL); err == nil {
			if p := c.Fetch.HostPause(u.Host); p.After(next) {
				next = p
			}
		}
		return next, cur
	case r.New > 0:
		cur = base
	default:
		cur = min(max(cur*3/2, base), ceiling)
	}
	return now.Add(cur), cur
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
	var entries []feed.Entry
	var page *fetch.Response // a page source's page, the one article
	switch st.Kind {
	case digest.FeedSource:
		f, err := feed.Parse(resp.Body, resp.ContentType, resp.URL)
		if err != nil {
			r.Err = err
			return r, "", ""
		}
		if f.Partial != nil {
			r.Warning = fmt.Sprintf("the feed is broken; the %d entries before the fault were read: %v", len(f.Entries), f.Partial)
		}
		entries = f.Entries
	case digest.ListSource:
		page, err := resp.UTF8()
		if err != nil {
			r.Err = fmt.Errorf("%s: %w", st.URL, err)
			return r, "", ""
		}
		var sel digest.ListSelectors
		if src := c.source(st.Key); src != nil && src.List != nil {
			sel = *src.List
		}
		// List pages print their dates in the desk's time, without a zone.
		f, err := feed.ParseListIn(page, resp.URL, sel, c.Profile.Location())
		if err != nil {
			r.Err = err
			return r, "", ""
		}
		entries = f.Entries
	case digest.PageSource:
		// The page is the article, fetched already.
		entries = []feed.Entry{{URL: resp.URL}}
		page = resp
	default:
		r.Err = fmt.Errorf("source %s: unknown kind %q", st.Key, st.Kind)
		return r, "", ""
	}
	limit := c.MaxEntries
	if limit <= 0 {
		limit = 300
	}
	entries = entries[:min(len(entries), limit)]

	// Canonical addresses, once each; those already stored are duplicates.
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
		r.Err = err
		return r, "", ""
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
		r.Err = err
		return r, "", ""
	}
	todo = slices.DeleteFunc(todo, func(e feed.Entry) bool {
		f, ok := failures[e.URL]
		if ok && (f.Attempts >= maxPageAttempts || f.NextTry.After(c.now())) {
			r.Deferred++
			return true
		}
		return false
	})
	src := c.source(st.Key)
	fullPage := st.Kind != digest.FeedSource || src != nil && src.FullPage
	lang := "en"
	if src != nil && src.Lang != "" {
		lang = src.Lang
	}

	// Pages, a few at a time; articles stored in batches as they come.
	n := c.Pages
	if n <= 0 {
		n = 4
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
	done := 0
	for res := range results {
		done++
		switch {
		case res.errMsg != "":
			r.Failed++
			r.addError(res.errMsg)
			if res.pageFault {
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
	if ctx.Err() != nil && r.Err == nil {
		r.Err = ctx.Err()
	}
	return r, etag, lastMod
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
	// A feed's own copy of an article is taken only for an article of its
	// own site; another site's article is read from that site, so that no
	// feed can put words in another outlet's mouth.
	if !fullPage && len(e.Content) >= fullContent && sameSite(e.URL, st.URL) {
		res, err = c.extract(ctx, []byte("<html><body><article>"+e.Content+"</article></body></html>"), e.URL)
	}
	if fullPage || err != nil || len(res.Text) < 200 {
		resp := fetched
		if resp == nil {
			var ferr error
			if resp, ferr = c.Fetch.Get(ctx, fetch.Request{URL: e.URL, Accept: "text/html,application/xhtml+xml"}); ferr != nil {
				release()
				return nil, false, ferr
			}
		}
		page, derr := resp.UTF8()
		if derr != nil {
			release()
			return nil, false, derr
		}
		res, err = c.extract(ctx, page, resp.URL)
		if err != nil {
			release()
			return nil, false, err
		}
		// The page may name its own canonical address, under which the
		// article may be stored already (from another feed's link to it).
		if canon := cluster.Canonical(resp.URL, res.URL); canon != "" && canon != e.URL {
			known, kerr := c.Store.KnownURLs(ctx, []string{canon})
			if kerr == nil && known[canon] {
				release()
				return nil, true, nil
			}
			// The article is stored under the address the entry gave, which
			// is the one claimed; the canonical one is checked above.
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
		Article: digest.Article{Outlet: st.Outlet, URL: e.URL, Published: published, Title: title, Text: res.Text, Lang: l},
		Source:  st.Key, HTML: res.HTML,
	}, false, nil
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

// ClusterReport is what a clustering run did.
type ClusterReport struct {
	Articles, Stories, Duplicates int
}

// Cluster places the profile's new articles in stories: with the stories of
// the last days when they tell the same event, or in stories of their own.
// One collector at a time clusters a profile (a lock in the archive); the
// others return at once.
func (c *Collector) Cluster(ctx context.Context) (ClusterReport, error) {
	var rep ClusterReport
	lock := "cluster:" + c.Profile.Key
	ok, err := c.Store.TryLock(ctx, lock, c.Owner, 10*time.Minute)
	if err != nil || !ok {
		return rep, err
	}
	defer c.Store.Unlock(context.WithoutCancel(ctx), lock, c.Owner)
	const window = 72 * time.Hour
	// Share by share, a fortnight of publication at most: memory stays
	// bounded when articles of years come in at once.
	for {
		done, pending, err := c.Store.ClusterInput(ctx, c.Profile.Key, window, 14*24*time.Hour, 20000)
		if err != nil || len(pending) == 0 {
			return rep, err
		}
		// The lock is renewed for each share.
		if ok, err := c.Store.TryLock(ctx, lock, c.Owner, 10*time.Minute); err != nil || !ok {
			return rep, cmp.Or(err, fmt.Errorf("the clustering lock was lost"))
		}
		share, err := c.clusterShare(ctx, window, done, pending)
		rep.Articles += share.Articles
		rep.Stories += share.Stories
		rep.Duplicates += share.Duplicates
		if err != nil {
			return rep, err
		}
	}
}

// clusterShare places pending articles in stories, with the clustered
// ones of their window (done) as they were placed.
func (c *Collector) clusterShare(ctx context.Context, window time.Duration, done, pending []store.ClusterDoc) (ClusterReport, error) {
	var rep ClusterReport
	// In order of publication, the clustered and the new interleaved: the
	// index's window follows the documents' times.
	all := append(append([]store.ClusterDoc(nil), done...), pending...)
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := all[a].Published.Compare(all[b].Published); c != 0 {
			return c
		}
		return cmp.Compare(all[a].ID, all[b].ID)
	})
	// The documents are prepared on every core, in that order (that is
	// most of the work), while the index takes them one by one as they
	// are ready: the clustered ones of the window as they were placed,
	// the new ones placed in order.
	prepared := make([]*cluster.Prepared, len(all))
	ready := make([]chan struct{}, len(all))
	for k := range ready {
		ready[k] = make(chan struct{})
	}
	var next atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(stop)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(order) {
					return
				}
				select {
				case <-stop:
					return
				default:
				}
				prepared[k] = cluster.Prepare(clusterDoc(all[order[k]]))
				close(ready[k])
			}
		})
	}
	ix := cluster.NewIndex(cluster.Options{Window: window})
	var as []store.StoryAssignment
	stories := map[int64]bool{}
	for k, i := range order {
		select {
		case <-ready[k]:
		case <-ctx.Done():
			return rep, ctx.Err()
		}
		d := all[i]
		if i < len(done) {
			ix.SeedPrepared(prepared[k], cluster.Assignment{Story: d.Story, Duplicate: d.DuplicateOf})
			prepared[k] = nil
			continue
		}
		a := ix.AddPrepared(prepared[k])
		prepared[k] = nil
		as = append(as, store.StoryAssignment{Article: d.ID, Story: a.Story, DuplicateOf: a.Duplicate})
		stories[a.Story] = true
		if a.Duplicate != 0 {
			rep.Duplicates++
		}
	}
	if err := c.Store.AssignStories(ctx, c.Profile.Key, as); err != nil {
		return rep, err
	}
	rep.Articles, rep.Stories = len(as), len(stories)
	c.log().Info("clustered", "profile", c.Profile.Key, "articles", rep.Articles, "stories", rep.Stories, "duplicates", rep.Duplicates)
	return rep, nil
}

func clusterDoc(d store.ClusterDoc) cluster.Doc {
	return cluster.Doc{ID: d.ID, URL: d.URL, Outlet: d.Outlet, Title: d.Title, Text: d.Text, Published: d.Published}
}
