package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"shuho/internal/digest"
	"shuho/internal/fetch"
	"shuho/internal/store"
)

func (c *Collector) lease() time.Duration {
	if c.Lease > 0 {
		return c.Lease
	}
	return 5 * time.Minute
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
	case r.Err != nil && !errors.Is(r.Err, ErrPagesFailed):
		res.Err = r.Err.Error()
		res.ETag, res.LastModified = st.ETag, st.LastModified
	case r.Err != nil:
		// The feed was read, not its pages: read it again next time.
		res.Err = r.Err.Error()
		res.ETag, res.LastModified = "", ""
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
	case r.Err != nil && !errors.Is(r.Err, ErrPagesFailed):
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
