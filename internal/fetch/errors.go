package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuho/internal/digest"
)

// The kinds of fetch error; match them with errors.Is.
var (
	// ErrBlocked: the address is on a network this client refuses (F1–F3).
	ErrBlocked = errors.New("fetch: address refused")
	// ErrScheme: the URL is not http or https (F4).
	ErrScheme = errors.New("fetch: scheme not allowed")
	// ErrTooLarge: the body, decompressed, is over Config.MaxBytes (F5).
	// It also matches digest.ErrTooLarge.
	ErrTooLarge = fmt.Errorf("fetch: body over the size cap: %w", digest.ErrTooLarge)
	// ErrRobots: robots.txt disallows the URL for us (F7).
	ErrRobots = errors.New("fetch: disallowed by robots.txt")
	// ErrTooSlow: the server sent the body slower than Config.MinRate (F6).
	ErrTooSlow = errors.New("fetch: transfer too slow")
	// ErrRedirects: more than Config.MaxRedirects redirects, or a loop.
	ErrRedirects = errors.New("fetch: too many redirects")
	// ErrTimeout: the whole fetch took longer than Config.Timeout (F6).
	ErrTimeout = errors.New("fetch: timed out")
	// ErrPaused: the host is paused after repeated errors or a Retry-After;
	// see Client.HostPause.
	ErrPaused = errors.New("fetch: host paused")
)

// errRobotsUnavailable is a robots.txt that answered 5xx or not at all:
// disallowed for now, but worth trying again later.
var errRobotsUnavailable = fmt.Errorf("%w: robots.txt unavailable", ErrRobots)

// StatusError is a response whose status is neither 2xx nor 304 (nor a
// redirect that was followed).
type StatusError struct {
	URL  string
	Code int
	// RetryAfter is the wait the server asked for in the Retry-After header
	// of a 429 or 503 (zero when absent or for other codes).
	RetryAfter time.Duration
	// Body is the start of the error's body (512 bytes at most), which an
	// API fills with its reason.
	Body string
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("fetch %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return s
}

// Is makes a 404 or 410 match digest.ErrNotFound.
func (e *StatusError) Is(target error) bool {
	return target == digest.ErrNotFound && (e.Code == http.StatusNotFound || e.Code == http.StatusGone)
}

// PausedError says until when a host is paused; it matches ErrPaused.
type PausedError struct {
	Host  string
	Until time.Time
}

func (e *PausedError) Error() string {
	return fmt.Sprintf("fetch: host %s paused until %s", e.Host, e.Until.Format(time.RFC3339))
}

// Unwrap returns ErrPaused.
func (e *PausedError) Unwrap() error { return ErrPaused }

// Temporary reports whether err is worth retrying later: timeouts, a slow
// transfer, connection errors, 5xx, 408 and 429, a paused host, a robots.txt
// that could not be read. Refused addresses and schemes, bodies over the cap,
// redirect loops, robots.txt disallows and other 4xx are permanent.
func Temporary(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, errRobotsUnavailable) {
		return true
	}
	for _, permanent := range []error{ErrBlocked, ErrScheme, ErrTooLarge, ErrRobots, ErrRedirects, context.Canceled} {
		if errors.Is(err, permanent) {
			return false
		}
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == http.StatusTooManyRequests || se.Code == http.StatusRequestTimeout
	}
	for _, temporary := range []error{ErrTooSlow, ErrTimeout, ErrPaused, context.DeadlineExceeded, io.ErrUnexpectedEOF, io.EOF} {
		if errors.Is(err, temporary) {
			return true
		}
	}
	var ne net.Error
	return errors.As(err, &ne)
}

// retryAfter reads a Retry-After header: delay-seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0
		}
		const max = 7 * 24 * 3600 // a week: beyond that the header is nonsense
		return time.Duration(min(n, max)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), 7*24*time.Hour)
	}
	return 0
}

func retryAfterOf(err error) time.Duration {
	var se *StatusError
	if errors.As(err, &se) {
		return se.RetryAfter
	}
	return 0
}

// errorsIsPausedOrCanceled: errors that say nothing about the host's health.
func errorsIsPausedOrCanceled(err error) bool {
	return errors.Is(err, ErrPaused) || errors.Is(err, context.Canceled)
}
