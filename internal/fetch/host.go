package fetch

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// hostState is what the client keeps per host (host[:port] of the URL).
// Its fields other than sem and robotsMu are guarded by Client.mu.
type hostState struct {
	sem       chan struct{} // one token per request in flight
	nextStart time.Time     // the earliest start of the next request
	errors    int           // consecutive temporary errors
	paused    time.Time     // no request before this

	robotsMu      sync.Mutex // held while robots.txt is fetched, so once per host
	robots        *robotsRules
	robotsExpires time.Time
	robotsErr     error // a temporary failure, kept until robotsExpires
}

func (c *Client) host(key string) *hostState {
	key = strings.ToLower(key)
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &hostState{sem: make(chan struct{}, c.cfg.HostConcurrency)}
		c.hosts[key] = h
	}
	return h
}

// HostPause reports until when host (the host or host:port of a URL) is
// paused after repeated errors or a Retry-After; zero if it is not.
func (c *Client) HostPause(host string) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[strings.ToLower(host)]
	if h == nil || !h.paused.After(c.now()) {
		return time.Time{}
	}
	return h.paused
}

// acquire waits for a request slot on the host and for the host's interval,
// in that order so that waiting requests do not book start times they cannot
// use. It fails at once if the host is paused.
func (c *Client) acquire(ctx context.Context, h *hostState, key string) (release func(), err error) {
	if err := c.checkPause(h, key); err != nil {
		return nil, err
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("fetch %s: waiting for a slot: %w", key, context.Cause(ctx))
	}
	release = func() { <-h.sem }
	c.mu.Lock()
	now := c.now()
	start := later(now, h.nextStart)
	if c.cfg.HostInterval > 0 {
		h.nextStart = start.Add(c.cfg.HostInterval)
	}
	c.mu.Unlock()
	if wait := start.Sub(now); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			release()
			return nil, fmt.Errorf("fetch %s: waiting for the host interval: %w", key, context.Cause(ctx))
		}
	}
	return release, nil
}

func (c *Client) checkPause(h *hostState, key string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if h.paused.After(c.now()) {
		return &PausedError{Host: key, Until: h.paused}
	}
	return nil
}

// record counts consecutive temporary errors from a host and pauses it
// after PauseAfter of them, for PauseBase doubled with each further error
// (at most a day). A Retry-After pauses the host for as long as it asks.
func (c *Client) record(h *hostState, key string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if ra := retryAfterOf(err); ra > 0 {
		h.paused = later(h.paused, now.Add(ra))
	}
	if err == nil || !Temporary(err) || errorsIsPausedOrCanceled(err) {
		if err == nil {
			h.errors = 0
		}
		return
	}
	h.errors++
	if h.errors < c.cfg.PauseAfter {
		return
	}
	d := c.cfg.PauseBase
	for i := c.cfg.PauseAfter; i < h.errors && d < 24*time.Hour; i++ {
		d *= 2
	}
	d = min(d, 24*time.Hour)
	h.paused = later(h.paused, now.Add(d))
	if c.cfg.Log != nil {
		c.cfg.Log.Info("fetch: host paused", "host", key, "errors", h.errors, "until", h.paused, "err", err)
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
