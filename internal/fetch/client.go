package fetch

import (
	"bytes"
	"cmp"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config sets the limits of a Client. Zero values take the defaults named
// on each field.
type Config struct {
	// UserAgent is the product token; default "shuho/1 (+CONTACT)". The
	// contact is appended when the agent does not already name it.
	UserAgent string
	// Contact is the address put in the User-Agent (F7), such as a mail
	// address or a URL.
	Contact string
	// Allow lists CIDRs ("127.0.0.0/8"), IP addresses or "host:port" pairs
	// that may be reached although not public (F3); empty means none.
	Allow []string
	// MaxBytes caps the body after decompression (F5); default 15 MiB.
	MaxBytes int64
	// The time limits (F6): connecting, the TLS handshake, waiting for the
	// response header, and the whole fetch including redirects. Defaults
	// 10s, 10s, 15s, 60s.
	DialTimeout, TLSTimeout, HeaderTimeout, Timeout time.Duration
	// MinRate is the transfer rate in bytes per second, averaged over
	// RateWindow, below which a body read is cut off with ErrTooSlow (F6);
	// default 1024. Negative disables the check.
	MinRate int64
	// RateWindow is both the grace before the rate is first checked and the
	// window it is averaged over; default 5s.
	RateWindow time.Duration
	// HostInterval is the minimum gap between the starts of two requests to
	// one host (F7); default 1s. Negative means none (tests).
	HostInterval time.Duration
	// HostConcurrency is the most requests in flight at once to one host
	// (F7); default 2.
	HostConcurrency int
	// Robots makes the client obey robots.txt (F7), fetched through this same
	// client and cached per host for RobotsTTL (default 24h).
	Robots    bool
	RobotsTTL time.Duration
	// MaxRedirects is the most redirects followed; default 5.
	MaxRedirects int
	// PauseAfter is the number of consecutive temporary errors from a host
	// after which it is paused (default 5), first for PauseBase (default
	// 1 minute), doubling with each further error, up to a day.
	PauseAfter int
	PauseBase  time.Duration
	// Resolver looks host names up; default net.DefaultResolver. It is a
	// seam for tests: whatever it answers, the dialer checks the address.
	Resolver Resolver
	// Log receives a line per fetch at debug level and per pause at info;
	// nil logs nothing.
	Log *slog.Logger
}

// Resolver is the part of *net.Resolver the client uses.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// Client is the guarded HTTP client. It is safe for concurrent use.
type Client struct {
	cfg   Config
	allow allowList
	ua    string
	hc    *http.Client
	now   func() time.Time

	mu    sync.Mutex
	hosts map[string]*hostState
}

// New returns a client for cfg, or an error naming a bad Allow entry.
func New(cfg Config) (*Client, error) {
	al, err := parseAllow(cfg.Allow)
	if err != nil {
		return nil, err
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = 15 << 20
	}
	def(&cfg.DialTimeout, 10*time.Second)
	def(&cfg.TLSTimeout, 10*time.Second)
	def(&cfg.HeaderTimeout, 15*time.Second)
	def(&cfg.Timeout, 60*time.Second)
	def(&cfg.RateWindow, 5*time.Second)
	def(&cfg.HostInterval, time.Second)
	def(&cfg.RobotsTTL, 24*time.Hour)
	def(&cfg.PauseBase, time.Minute)
	if cfg.MinRate == 0 {
		cfg.MinRate = 1024
	}
	if cfg.HostConcurrency <= 0 {
		cfg.HostConcurrency = 2
	}
	if cfg.MaxRedirects == 0 {
		cfg.MaxRedirects = 5
	}
	if cfg.PauseAfter <= 0 {
		cfg.PauseAfter = 5
	}
	if cfg.Resolver == nil {
		cfg.Resolver = net.DefaultResolver
	}
	c := &Client{cfg: cfg, allow: al, now: time.Now, hosts: map[string]*hostState{}}
	c.ua = userAgent(cfg.UserAgent, cfg.Contact)
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would connect for us, past the address check
		DialContext:            c.dial,
		TLSHandshakeTimeout:    cfg.TLSTimeout,
		ResponseHeaderTimeout:  cfg.HeaderTimeout,
		DisableCompression:     true, // we decompress, so the cap counts decompressed bytes
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    cfg.HostConcurrency,
		IdleConnTimeout:        90 * time.Second,
		ForceAttemptHTTP2:      true,
		MaxResponseHeaderBytes: 1 << 20,
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
	}
	c.hc = &http.Client{
		Transport: tr,
		// Redirects are followed in Get, hop by hop, so that each hop gets
		// the scheme check, robots.txt and the host's limits.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c, nil
}

func userAgent(ua, contact string) string {
	if ua == "" {
		ua = "shuho/1"
	}
	if contact != "" && !strings.Contains(ua, contact) {
		ua += " (+" + contact + ")"
	}
	return ua
}

// UserAgent returns the User-Agent header the client sends.
func (c *Client) UserAgent() string { return c.ua }

// CloseIdleConnections closes kept-alive connections, so that the next
// request to a host resolves and dials again.
func (c *Client) CloseIdleConnections() { c.hc.CloseIdleConnections() }

// dial resolves the host itself so that each address is checked before any
// packet is sent, and dials with the Control hook that checks again on the
// socket: the second check is the one that cannot be fooled.
func (c *Client) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("fetch: dial %s: %w", addr, err)
	}
	var ips []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{a}
	} else {
		answers, err := c.cfg.Resolver.LookupIPAddr(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("fetch: resolve %s: %w", host, err)
		}
		for _, ia := range answers {
			if a, ok := netip.AddrFromSlice(ia.IP); ok {
				// A 16-byte form of an IPv4 answer is what the resolver
				// returns for A records: it is IPv4, not IPv4-mapped.
				if ia.IP.To4() != nil {
					a = a.Unmap()
				}
				ips = append(ips, a)
			}
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("fetch: resolve %s: no addresses", host)
		}
	}
	d := &net.Dialer{Timeout: c.cfg.DialTimeout, Control: c.allow.control(host)}
	var firstErr error
	for _, a := range ips {
		if !c.allow.permits(host, a, port) {
			if firstErr == nil {
				firstErr = fmt.Errorf("%w: %s resolves to %s, not a public address", ErrBlocked, host, a)
			}
			continue
		}
		conn, err := d.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil || errors.Is(firstErr, ErrBlocked) && !errors.Is(err, ErrBlocked) {
			firstErr = err
		}
	}
	return nil, firstErr
}

// Request is one fetch. ETag and LastModified, from an earlier Response,
// make it conditional. Accept defaults to "*/*".
type Request struct {
	URL, ETag, LastModified, Accept string
	// Method is GET when empty. A request with a body (POST to an API the
	// desk configured, such as a model endpoint) goes through the same
	// guards; it follows no redirect, since a redirected POST would send
	// its body where nobody chose to.
	Method string
	Body   []byte
	// ContentType is the body's type; Header holds further headers
	// (Authorization), which are never sent on to another host.
	ContentType string
	Header      http.Header
}

// Response is a fetched body and what the server said about it.
type Response struct {
	URL    string // final URL after redirects
	Status int
	Header http.Header
	// Body is decompressed and at most Config.MaxBytes long; a body over
	// the cap is an error, never cut short.
	Body               []byte
	ContentType        string
	ETag, LastModified string
	// NotModified is true for a 304 to a conditional request; Body is empty.
	NotModified bool
}

// UTF8 returns the body converted to UTF-8 (see Decode).
func (r *Response) UTF8() ([]byte, error) { return Decode(r.Body, r.ContentType) }

// Get fetches r.URL, following redirects, within the client's limits. A
// status other than 2xx and 304 is a *StatusError.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout, ErrTimeout)
	defer cancel()
	resp, err := c.get(ctx, r)
	if err != nil && ctx.Err() != nil && context.Cause(ctx) == ErrTimeout && !errors.Is(err, ErrTimeout) {
		err = fmt.Errorf("%w after %s: %w", ErrTimeout, c.cfg.Timeout, err)
	}
	return resp, err
}

func (c *Client) get(ctx context.Context, r Request) (*Response, error) {
	u, err := checkURL(r.URL)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for hop := 0; ; hop++ {
		if c.cfg.Robots {
			if err := c.robotsAllow(ctx, u); err != nil {
				return nil, err
			}
		}
		resp, next, err := c.hop(ctx, u, r)
		if err != nil {
			return nil, err
		}
		if next == nil {
			return resp, nil
		}
		seen[u.String()] = true
		if hop >= c.cfg.MaxRedirects || seen[next.String()] {
			return nil, fmt.Errorf("%w: %s after %d hops, last to %s", ErrRedirects, r.URL, hop+1, next)
		}
		u = next
	}
}

// checkURL parses raw and accepts only absolute http and https URLs.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q in %q", ErrScheme, u.Scheme, raw)
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, fmt.Errorf("fetch %q: no host", raw)
	}
	if u.User != nil {
		// Credentials in a URL someone typed are never ours to send.
		return nil, fmt.Errorf("%w: %q carries credentials", ErrBlocked, raw)
	}
	u.Fragment = ""
	return u, nil
}

// hop makes one request under the host's limits. It returns either a
// response or the URL of the redirect to follow.
func (c *Client) hop(ctx context.Context, u *url.URL, r Request) (*Response, *url.URL, error) {
	h := c.host(u.Host)
	release, err := c.acquire(ctx, h, u.Host)
	if err != nil {
		return nil, nil, err
	}
	defer release()
	resp, next, err := c.do(ctx, u, r)
	c.record(h, u.Host, err)
	return resp, next, err
}

func (c *Client) do(ctx context.Context, u *url.URL, r Request) (*Response, *url.URL, error) {
	method := cmp.Or(r.Method, http.MethodGet)
	var reqBody io.Reader
	if r.Body != nil {
		reqBody = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), reqBody)
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	for k, vs := range r.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	req.Header.Set("User-Agent", c.ua)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	accept := r.Accept
	if accept == "" {
		accept = "*/*"
	}
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	start := c.now()
	hr, err := c.hc.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	defer hr.Body.Close()
	if c.cfg.Log != nil {
		c.cfg.Log.Debug("fetch", "url", u.String(), "status", hr.StatusCode, "after", c.now().Sub(start))
	}
	switch code := hr.StatusCode; {
	case code == http.StatusNotModified:
		return &Response{URL: u.String(), Status: code, Header: hr.Header, NotModified: true,
			ETag: firstNonEmpty(hr.Header.Get("ETag"), r.ETag), LastModified: firstNonEmpty(hr.Header.Get("Last-Modified"), r.LastModified),
			ContentType: hr.Header.Get("Content-Type")}, nil, nil
	case (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) && method != http.MethodGet:
		return nil, nil, &StatusError{URL: u.String(), Code: code}
	case code == 301 || code == 302 || code == 303 || code == 307 || code == 308:
		loc := hr.Header.Get("Location")
		if loc == "" {
			return nil, nil, &StatusError{URL: u.String(), Code: code}
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, nil, fmt.Errorf("fetch %s: bad redirect %q: %w", u, loc, err)
		}
		next, err = checkURL(next.String())
		if err != nil {
			return nil, nil, fmt.Errorf("redirect from %s: %w", u, err)
		}
		return nil, next, nil
	case code < 200 || code > 299:
		se := &StatusError{URL: u.String(), Code: code}
		if code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable {
			se.RetryAfter = retryAfter(hr.Header.Get("Retry-After"), c.now())
		}
		// The start of the body says why, to an API's caller.
		b, _ := io.ReadAll(io.LimitReader(hr.Body, 512))
		se.Body = strings.ToValidUTF8(string(b), "")
		return nil, nil, se
	}
	body, err := c.readBody(ctx, hr)
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	return &Response{
		URL: u.String(), Status: hr.StatusCode, Header: hr.Header, Body: body,
		ContentType: hr.Header.Get("Content-Type"),
		ETag:        hr.Header.Get("ETag"), LastModified: hr.Header.Get("Last-Modified"),
	}, nil, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// readBody reads and decompresses the body, up to the cap, under the
// minimum-rate watchdog.
func (c *Client) readBody(ctx context.Context, hr *http.Response) ([]byte, error) {
	max := c.cfg.MaxBytes
	enc := strings.ToLower(strings.TrimSpace(hr.Header.Get("Content-Encoding")))
	if (enc == "" || enc == "identity") && hr.ContentLength > max {
		return nil, fmt.Errorf("%w: Content-Length %d over %d bytes", ErrTooLarge, hr.ContentLength, max)
	}
	counter := &countingReader{r: hr.Body}
	stop := c.watchRate(hr.Body, counter)
	defer stop()
	// The compressed stream is capped too: decompressing a long stream of
	// empty gzip members costs time without producing bytes.
	var raw io.Reader = io.LimitReader(counter, max+1)
	var dec io.Reader
	switch enc {
	case "", "identity":
		dec = raw
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(raw)
		if err != nil {
			return nil, c.bodyErr(ctx, counter, fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		dec = zr
	case "deflate":
		// "deflate" is zlib by the RFC, raw DEFLATE in practice on some
		// servers; peek at the zlib header to tell.
		br := &peekReader{r: raw}
		if br.zlibHeader() {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, c.bodyErr(ctx, counter, fmt.Errorf("deflate: %w", err))
			}
			defer zr.Close()
			dec = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			dec = fr
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	size := int64(0) // unknown
	if hr.ContentLength > 0 && dec == raw {
		size = hr.ContentLength + 1 // +1 to see the end without growing
	}
	body, err := readCapped(dec, max, size)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, c.bodyErr(ctx, counter, err)
	}
	if counter.n.Load() > max {
		return nil, fmt.Errorf("%w: more than %d bytes compressed", ErrTooLarge, max)
	}
	return body, nil
}

// readCapped reads r to the end, but not beyond max bytes: one over is
// ErrTooLarge, detected without reading further. With a known size it reads
// into one buffer of that size; without one (a chunked or compressed body)
// it reads into pooled chunks and copies them once into a buffer of the
// exact length, so that a page costs its own size in allocations rather
// than the doublings of a growing buffer.
func readCapped(r io.Reader, max, size int64) ([]byte, error) {
	if size > 0 && size <= max+1 {
		buf := make([]byte, 0, size)
		for len(buf) < cap(buf) {
			n, err := r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				return capped(buf, max)
			}
			if err != nil {
				return nil, err
			}
		}
		// The size was a hint (a Content-Length one short of the truth, or
		// a sniffed start): the rest goes through chunks.
		return readChunks(r, max, buf)
	}
	return readChunks(r, max, nil)
}

func capped(buf []byte, max int64) ([]byte, error) {
	if int64(len(buf)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return buf, nil
}

// chunkSize is the unit of readChunks' pool.
const chunkSize = 32 << 10

var chunkPool = sync.Pool{New: func() any { b := make([]byte, chunkSize); return &b }}

// readChunks reads r to the end after head, in pooled chunks.
func readChunks(r io.Reader, max int64, head []byte) ([]byte, error) {
	var chunks []*[]byte
	defer func() {
		for _, c := range chunks {
			chunkPool.Put(c)
		}
	}()
	total := int64(len(head))
	last := 0 // bytes used in the last chunk
	for {
		if len(chunks) == 0 || last == chunkSize {
			if total > max {
				return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
			}
			chunks = append(chunks, chunkPool.Get().(*[]byte))
			last = 0
		}
		c := *chunks[len(chunks)-1]
		n, err := r.Read(c[last:])
		last += n
		total += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if total > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	out := make([]byte, 0, total)
	out = append(out, head...)
	for i, c := range chunks {
		if i == len(chunks)-1 {
			out = append(out, (*c)[:last]...)
		} else {
			out = append(out, *c...)
		}
	}
	return out, nil
}

// bodyErr names why a body read failed: the rate watchdog closes the body,
// which the read reports as an ordinary error.
func (c *Client) bodyErr(ctx context.Context, counter *countingReader, err error) error {
	if counter.slow.Load() {
		return fmt.Errorf("%w: under %d bytes/s over %s", ErrTooSlow, c.cfg.MinRate, c.cfg.RateWindow)
	}
	if cause := context.Cause(ctx); cause != nil {
		return fmt.Errorf("%w (%w)", cause, err)
	}
	return err
}

// countingReader counts the raw bytes read, for the rate watchdog.
type countingReader struct {
	r    io.Reader
	n    atomic.Int64
	slow atomic.Bool
}

func (cr *countingReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	cr.n.Add(int64(n))
	return n, err
}

// watchRate closes body when fewer than MinRate*RateWindow bytes arrived in
// the last RateWindow, first checked once RateWindow has passed. Closing the
// body unblocks a Read that waits on a silent server.
func (c *Client) watchRate(body io.Closer, counter *countingReader) (stop func()) {
	if c.cfg.MinRate < 0 {
		return func() {}
	}
	window := c.cfg.RateWindow
	const steps = 5
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(window / steps)
		defer t.Stop()
		var ring [steps]int64 // the count at each of the last steps ticks
		for tick := 1; ; tick++ {
			select {
			case <-done:
				return
			case <-t.C:
			}
			n := counter.n.Load()
			old := ring[tick%len(ring)] // the count one window ago (0 before the first)
			ring[tick%len(ring)] = n
			if tick >= steps && float64(n-old) < float64(c.cfg.MinRate)*window.Seconds() {
				counter.slow.Store(true)
				body.Close()
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}

// peekReader lets the deflate case look at the first two bytes.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) zlibHeader() bool {
	var b [2]byte
	n, _ := io.ReadFull(p.r, b[:])
	p.head = b[:n]
	// RFC 1950: CM=8, and the header as a big-endian number is a multiple of 31.
	return n == 2 && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
