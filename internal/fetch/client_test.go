package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"shuho/internal/digest"
)

// server is an httptest server on 127.0.0.1 that counts the connections it
// accepts, so that a test can prove a refused fetch never reached it.
type server struct {
	*httptest.Server
	conns atomic.Int64
}

func newServer(t *testing.T, h http.Handler) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewUnstartedServer(h)
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *server) hostPort() string { return strings.TrimPrefix(s.URL, "http://") }

// testConfig allows the given servers and sets limits small enough for tests.
func testConfig(servers ...*server) Config {
	cfg := Config{Contact: "desk@example.org", HostInterval: -1, Timeout: 5 * time.Second}
	for _, s := range servers {
		cfg.Allow = append(cfg.Allow, s.hostPort())
	}
	return cfg
}

func newClient(t *testing.T, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func get(c *Client, u string) (*Response, error) {
	return c.Get(context.Background(), Request{URL: u})
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// fixedResolver answers every name with the same addresses, the worst a
// resolver (or an attacker's DNS) can do.
type fixedResolver struct {
	mu      sync.Mutex
	answers [][]string // successive answers; the last repeats
	calls   int
}

func (r *fixedResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ans := r.answers[min(r.calls, len(r.answers)-1)]
	r.calls++
	var out []net.IPAddr
	for _, a := range ans {
		out = append(out, net.IPAddr{IP: net.ParseIP(a)})
	}
	return out, nil
}

// F1: loopback in its many spellings, and the metadata address, are never
// connected to.
func TestRefusesInternalAddresses(t *testing.T) {
	s := newServer(t, text("secret"))
	_, port, _ := net.SplitHostPort(s.hostPort())
	// The resolver answers 127.0.0.1 for any name, as libc does for the
	// numeric spellings: the dialer must refuse it all the same.
	c := newClient(t, Config{HostInterval: -1, Resolver: &fixedResolver{answers: [][]string{{"127.0.0.1"}}}})
	for _, host := range []string{
		"127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "017700000001", "[::ffff:7f00:1]", "[::ffff:127.0.0.1]",
		"0.0.0.0", "[::]", "[::1]", "localhost", "169.254.169.254", "10.0.0.1", "192.168.1.1", "100.64.0.1",
	} {
		t.Run(host, func(t *testing.T) {
			_, err := get(c, "http://"+host+":"+port+"/")
			if !errors.Is(err, ErrBlocked) {
				t.Errorf("err = %v, want ErrBlocked", err)
			}
			if Temporary(err) {
				t.Errorf("Temporary(%v) = true", err)
			}
		})
	}
	if n := s.conns.Load(); n != 0 {
		t.Errorf("server accepted %d connections", n)
	}
}

// F1: the Control hook refuses on the socket address itself, whatever the
// checks before it decided.
func TestControlHookRefuses(t *testing.T) {
	al, err := parseAllow([]string{"192.0.2.0/24", "feed.test:8080"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, addr string
		ok         bool
	}{
		{"example.org", "93.184.215.14:80", true},
		{"example.org", "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:443", true},
		{"example.org", "127.0.0.1:80", false},
		{"example.org", "[::1]:80", false},
		{"example.org", "10.1.2.3:80", false},
		{"example.org", "172.16.0.1:80", false},
		{"example.org", "172.31.255.255:80", false},
		{"example.org", "192.168.0.1:80", false},
		{"example.org", "169.254.169.254:80", false},
		{"example.org", "100.64.0.1:80", false},
		{"example.org", "100.127.255.254:80", false},
		{"example.org", "0.1.2.3:80", false},
		{"example.org", "224.0.0.1:80", false},
		{"example.org", "255.255.255.255:80", false},
		{"example.org", "[fe80::1]:80", false},
		{"example.org", "[fd00::1]:80", false},
		{"example.org", "[fc00::1]:80", false},
		{"example.org", "[ff02::1]:80", false},
		{"example.org", "[::ffff:8.8.8.8]:80", false},
		{"example.org", "[64:ff9b::808:808]:80", false},
		{"example.org", "[2002:7f00:1::]:80", false},
		{"example.org", "[::]:80", false},
		{"example.org", "192.0.2.7:80", true},  // allowed CIDR (TEST-NET-1)
		{"feed.test", "10.9.9.9:8080", true},   // allowed host:port
		{"feed.test", "10.9.9.9:8081", false},  // other port
		{"other.test", "10.9.9.9:8080", false}, // other name
		{"example.org", "not-an-ip:80", false},
	}
	for _, tt := range tests {
		err := al.control(tt.name)("tcp", tt.addr, nil)
		if (err == nil) != tt.ok {
			t.Errorf("control(%s)(%s) = %v, want ok=%v", tt.name, tt.addr, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrBlocked) {
			t.Errorf("control(%s)(%s) = %v, not ErrBlocked", tt.name, tt.addr, err)
		}
	}
}

// F3: refused by default, reachable when allowed by CIDR or host:port.
func TestAllowList(t *testing.T) {
	s := newServer(t, text("hello"))
	for _, allow := range [][]string{nil, {"127.0.0.0/8"}, {"127.0.0.1"}, {s.hostPort()}, {"10.0.0.0/8"}} {
		c := newClient(t, Config{HostInterval: -1, Allow: allow})
		resp, err := get(c, s.URL)
		want := len(allow) > 0 && allow[0] != "10.0.0.0/8"
		if want && (err != nil || string(resp.Body) != "hello") {
			t.Errorf("Allow %v: %v", allow, err)
		}
		if !want && !errors.Is(err, ErrBlocked) {
			t.Errorf("Allow %v: err = %v, want ErrBlocked", allow, err)
		}
	}
	for _, bad := range []string{"nonsense", "10.0.0.0/33", "host:"} {
		if _, err := New(Config{Allow: []string{bad}}); err == nil {
			t.Errorf("New accepted Allow %q", bad)
		}
	}
}

// F1: a proxy in the environment would connect for us; it is not used.
func TestIgnoresProxyFromEnvironment(t *testing.T) {
	s := newServer(t, text("direct"))
	proxy := newServer(t, text("via proxy"))
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)
	c := newClient(t, testConfig(s, proxy))
	resp, err := get(c, s.URL)
	if err != nil || string(resp.Body) != "direct" || proxy.conns.Load() != 0 {
		t.Errorf("body %q, err %v, proxy connections %d", resp.Body, err, proxy.conns.Load())
	}
}

// F2: a redirect from an allowed server to a refused address fails.
func TestRedirectHopsChecked(t *testing.T) {
	inner := newServer(t, text("internal"))
	for _, target := range []string{inner.URL + "/admin", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"} {
		outer := newServer(t, http.RedirectHandler(target, http.StatusFound))
		c := newClient(t, testConfig(outer))
		_, err := get(c, outer.URL)
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("redirect to %s: err = %v, want ErrBlocked", target, err)
		}
	}
	if n := inner.conns.Load(); n != 0 {
		t.Errorf("the refused server accepted %d connections", n)
	}
}

// F2: a name that first resolves to an allowed address and then to a
// refused one is refused the second time.
func TestDNSAnswerChanging(t *testing.T) {
	s := newServer(t, text("ok"))
	_, port, _ := net.SplitHostPort(s.hostPort())
	res := &fixedResolver{answers: [][]string{{"127.0.0.1"}, {"127.0.0.2"}}}
	c := newClient(t, Config{HostInterval: -1, Allow: []string{"127.0.0.1/32"}, Resolver: res})
	u := "http://feed.test:" + port + "/"
	if _, err := get(c, u); err != nil {
		t.Fatalf("first fetch: %v", err)
	}
	c.CloseIdleConnections() // so the second fetch resolves and dials again
	if _, err := get(c, u); !errors.Is(err, ErrBlocked) {
		t.Errorf("second fetch: err = %v, want ErrBlocked", err)
	}
	if res.calls != 2 {
		t.Errorf("resolver called %d times, want 2", res.calls)
	}
}

// F4: http and https in any case; nothing else.
func TestSchemes(t *testing.T) {
	s := newServer(t, text("plain"))
	ts := httptest.NewTLSServer(text("secure"))
	defer ts.Close()
	cfg := testConfig(s)
	cfg.Allow = append(cfg.Allow, strings.TrimPrefix(ts.URL, "https://"))
	c := newClient(t, cfg)
	pool := x509.NewCertPool()
	pool.AddCert(ts.Certificate())
	c.hc.Transport.(*http.Transport).TLSClientConfig.RootCAs = pool

	for _, u := range []string{s.URL, "HTTP://" + s.hostPort() + "/", "hTTp://" + s.hostPort(), ts.URL, "hTTps://" + strings.TrimPrefix(ts.URL, "https://") + "/"} {
		if _, err := get(c, u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/", "gopher://example.org/", "javascript:alert(1)",
		"data:text/plain,hi", "FILE:///etc/passwd", "//example.org/", "/relative", "mailto:a@b"} {
		_, err := get(c, u)
		if u[0] != '/' && !errors.Is(err, ErrScheme) || err == nil {
			t.Errorf("%s: err = %v, want ErrScheme", u, err)
		}
	}
	r := newServer(t, http.RedirectHandler("file:///etc/passwd", http.StatusMovedPermanently))
	c2 := newClient(t, testConfig(r))
	if _, err := get(c2, r.URL); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to file: err = %v, want ErrScheme", err)
	}
}

// gzipMember is one gzip member of 1 MiB of zeros (about 1 KiB).
// Concatenated members are one valid gzip stream, so a server can send an
// unbounded bomb at little cost.
func gzipMember(t testing.TB) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := w.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return b.Bytes()
}

// F5: a gzip bomb of 4 GiB in about 4 MiB is cut at the cap with bounded
// memory.
func TestGzipBomb(t *testing.T) {
	member := gzipMember(t)
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("no Accept-Encoding: gzip")
		}
		w.Header().Set("Content-Encoding", "gzip")
		for range 4096 {
			if _, err := w.Write(member); err != nil {
				return
			}
		}
	}))
	const cap = 4 << 20
	cfg := testConfig(s)
	cfg.MaxBytes = cap
	c := newClient(t, cfg)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	resp, err := get(c, s.URL)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || resp != nil {
		t.Fatalf("resp %v, err = %v, want ErrTooLarge", resp != nil, err)
	}
	if !errors.Is(err, digest.ErrTooLarge) || Temporary(err) {
		t.Errorf("err %v: not digest.ErrTooLarge, or temporary", err)
	}
	// TotalAlloc counts every allocation of the fetch, freed or not.
	grew := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d bytes in all for a cap of %d", grew, cap)
	if grew > 3*cap {
		t.Errorf("allocated %d bytes for a cap of %d", grew, cap)
	}
}

// F5: a plain body over the cap is an error, with or without a length; one
// exactly at the cap is returned whole.
func TestSizeCap(t *testing.T) {
	const cap = 1 << 20
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/endless":
			chunk := bytes.Repeat([]byte("a"), 64<<10)
			for {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "/long":
			w.Header().Set("Content-Length", fmt.Sprint(cap+1))
			w.Write(make([]byte, cap+1))
		case "/exact":
			w.Write(make([]byte, cap))
		case "/gzip-exact":
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(w)
			gz.Write(make([]byte, cap))
			gz.Close()
		case "/gzip-over":
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(w)
			gz.Write(make([]byte, cap+1))
			gz.Close()
		}
	}))
	cfg := testConfig(s)
	cfg.MaxBytes = cap
	c := newClient(t, cfg)
	for path, ok := range map[string]bool{"/endless": false, "/long": false, "/exact": true, "/gzip-exact": true, "/gzip-over": false} {
		resp, err := get(c, s.URL+path)
		if ok && (err != nil || len(resp.Body) != cap) {
			t.Errorf("%s: err %v", path, err)
		}
		if !ok && (!errors.Is(err, ErrTooLarge) || resp != nil) {
			t.Errorf("%s: err = %v, want ErrTooLarge and no response", path, err)
		}
	}
}

// F6: a server that trickles its body is cut off.
func TestTrickleCutOff(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}))
	cfg := testConfig(s)
	cfg.MinRate, cfg.RateWindow = 100, 300*time.Millisecond
	c := newClient(t, cfg)
	start := time.Now()
	_, err := get(c, s.URL)
	if !errors.Is(err, ErrTooSlow) || !Temporary(err) {
		t.Errorf("err = %v, want temporary ErrTooSlow", err)
	}
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("cut off after %s", d)
	}
}

// F6: the header, TLS handshake and whole-fetch limits.
func TestTimeouts(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow-header":
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
		case "/long-body": // fast enough for MinRate, never ending
			for {
				if _, err := w.Write(make([]byte, 4096)); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				time.Sleep(20 * time.Millisecond)
			}
		}
	}))
	// A listener that accepts and never speaks TLS.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	cfg := testConfig(s)
	cfg.Allow = append(cfg.Allow, ln.Addr().String())
	cfg.HeaderTimeout, cfg.TLSTimeout, cfg.Timeout = 200*time.Millisecond, 200*time.Millisecond, 400*time.Millisecond
	cfg.MinRate = 1
	c := newClient(t, cfg)
	for _, tt := range []struct {
		url  string
		want error
	}{
		{s.URL + "/slow-header", nil},
		{"https://" + ln.Addr().String() + "/", nil},
		{s.URL + "/long-body", ErrTimeout},
	} {
		start := time.Now()
		_, err := get(c, tt.url)
		if err == nil || !Temporary(err) || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want a temporary error %v", tt.url, err, tt.want)
		}
		if d := time.Since(start); d > 1500*time.Millisecond {
			t.Errorf("%s: took %s", tt.url, d)
		}
	}
}

// F7: ETag and Last-Modified make the request conditional; 304 is
// NotModified.
func TestConditionalGet(t *testing.T) {
	const etag, lm = `"v1"`, "Mon, 02 Jan 2006 15:04:05 GMT"
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	c := newClient(t, testConfig(s))
	first, err := get(c, s.URL)
	if err != nil || first.NotModified || first.ETag != etag || first.LastModified != lm || string(first.Body) != "<rss/>" {
		t.Fatalf("first: %+v, %v", first, err)
	}
	for _, r := range []Request{{URL: s.URL, ETag: etag}, {URL: s.URL, LastModified: lm}} {
		resp, err := c.Get(context.Background(), r)
		if err != nil || !resp.NotModified || resp.Status != 304 || len(resp.Body) != 0 {
			t.Errorf("%+v: %+v, %v", r, resp, err)
		}
	}
}

// F7: robots.txt is obeyed for our group, cached, and a 404 or 5xx on it
// allows all or disallows for now.
func TestRobots(t *testing.T) {
	var robotsHits atomic.Int64
	robotsStatus := atomic.Int64{}
	robotsStatus.Store(200)
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			if code := int(robotsStatus.Load()); code != 200 {
				w.WriteHeader(code)
				return
			}
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: Shuho\nDisallow: /private/\nAllow: /private/open\n")
			return
		}
		fmt.Fprint(w, "page")
	}))
	cfg := testConfig(s)
	cfg.Robots, cfg.RobotsTTL = true, time.Hour
	c := newClient(t, cfg)
	now := time.Now()
	c.now = func() time.Time { return now }
	for path, ok := range map[string]bool{"/": true, "/news/1": true, "/private/x": false, "/private/open/1": true} {
		_, err := get(c, s.URL+path)
		if ok != (err == nil) || !ok && (!errors.Is(err, ErrRobots) || Temporary(err)) {
			t.Errorf("%s: err = %v, want allowed=%v", path, err, ok)
		}
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1 (cached)", n)
	}

	robotsStatus.Store(500)
	now = now.Add(2 * time.Hour) // past the cache
	_, err := get(c, s.URL+"/news/2")
	if !errors.Is(err, ErrRobots) || !Temporary(err) {
		t.Errorf("robots.txt 500: err = %v, want a temporary ErrRobots", err)
	}

	robotsStatus.Store(404)
	now = now.Add(2 * time.Hour)
	if _, err := get(c, s.URL+"/private/x"); err != nil {
		t.Errorf("robots.txt 404: %v", err)
	}
	if n := robotsHits.Load(); n != 3 {
		t.Errorf("robots.txt fetched %d times, want 3", n)
	}
}

// F7: at most HostConcurrency requests at once to a host, and starts at
// least HostInterval apart.
func TestHostLimits(t *testing.T) {
	var inFlight, peak atomic.Int64
	var mu sync.Mutex
	var starts []time.Time
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
		inFlight.Add(-1)
	}))
	run := func(c *Client, n int) {
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				if _, err := get(c, s.URL); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	cfg := testConfig(s)
	cfg.HostConcurrency = 2
	run(newClient(t, cfg), 8)
	if p := peak.Load(); p != 2 {
		t.Errorf("peak concurrency %d, want 2", p)
	}

	starts = nil
	cfg.HostInterval, cfg.HostConcurrency = 150*time.Millisecond, 4
	run(newClient(t, cfg), 4)
	slicesSortTimes(starts)
	// Only the span is checked: on a loaded machine the server sees each
	// start late by a varying amount, which makes single gaps noisy. Without
	// the limit the span would be a few milliseconds.
	if span := starts[len(starts)-1].Sub(starts[0]); span < 300*time.Millisecond {
		t.Errorf("4 requests started within %s, want about 3 intervals of 150ms (%v)", span, starts)
	}
}

func slicesSortTimes(ts []time.Time) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Before(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// F7: Retry-After on 429 and 503 is reported and pauses the host.
func TestRetryAfter(t *testing.T) {
	date := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	var hits atomic.Int64
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/429":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(429)
		case "/503":
			w.Header().Set("Retry-After", date)
			w.WriteHeader(503)
		}
	}))
	for _, tt := range []struct {
		path     string
		code     int
		min, max time.Duration
	}{{"/429", 429, 120 * time.Second, 120 * time.Second}, {"/503", 503, 80 * time.Second, 91 * time.Second}} {
		c := newClient(t, testConfig(s))
		_, err := get(c, s.URL+tt.path)
		var se *StatusError
		if !errors.As(err, &se) || se.Code != tt.code || se.RetryAfter < tt.min || se.RetryAfter > tt.max || !Temporary(err) {
			t.Errorf("%s: err = %v", tt.path, err)
			continue
		}
		until := c.HostPause(s.hostPort())
		if d := time.Until(until); d < tt.min-time.Second || d > tt.max {
			t.Errorf("%s: paused until %s", tt.path, until)
		}
		before := hits.Load()
		_, err = get(c, s.URL+"/other")
		var pe *PausedError
		if !errors.Is(err, ErrPaused) || !errors.As(err, &pe) || !Temporary(err) || hits.Load() != before {
			t.Errorf("%s: while paused: err = %v, server hits %d→%d", tt.path, err, before, hits.Load())
		}
	}
}

// F7: after PauseAfter consecutive errors a host is paused, with the pause
// doubling on each further error; a success resets the count.
func TestPauseAfterErrors(t *testing.T) {
	var hits atomic.Int64
	var fail atomic.Bool
	fail.Store(true)
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if fail.Load() {
			w.WriteHeader(500)
		}
	}))
	cfg := testConfig(s)
	cfg.PauseAfter, cfg.PauseBase = 3, time.Minute
	c := newClient(t, cfg)
	now := time.Now()
	c.now = func() time.Time { return now }
	host := s.hostPort()
	for i := range 3 {
		_, err := get(c, s.URL)
		var se *StatusError
		if !errors.As(err, &se) || se.Code != 500 {
			t.Fatalf("request %d: err = %v", i, err)
		}
		if p := c.HostPause(host); (i < 2) != p.IsZero() {
			t.Errorf("after %d errors, paused until %v", i+1, p)
		}
	}
	if p := c.HostPause(host); !p.Equal(now.Add(time.Minute)) {
		t.Errorf("paused until %v, want a minute", p)
	}
	if _, err := get(c, s.URL); !errors.Is(err, ErrPaused) || hits.Load() != 3 {
		t.Errorf("while paused: err = %v, hits %d", err, hits.Load())
	}
	now = now.Add(61 * time.Second)
	get(c, s.URL)
	if p := c.HostPause(host); !p.Equal(now.Add(2 * time.Minute)) {
		t.Errorf("after a 4th error, paused until %v, want two minutes", p.Sub(now))
	}
	now = now.Add(3 * time.Minute)
	fail.Store(false)
	if _, err := get(c, s.URL); err != nil {
		t.Fatal(err)
	}
	fail.Store(true)
	get(c, s.URL)
	if p := c.HostPause(host); !p.IsZero() {
		t.Errorf("one error after a success paused the host until %v", p)
	}
}

// Redirects: followed to the final URL, a loop or too many is ErrRedirects.
func TestRedirects(t *testing.T) {
	var s *server
	s = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case r.URL.Path == "/b":
			http.Redirect(w, r, s.URL+"/a", http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, "/n/"):
			http.Redirect(w, r, r.URL.Path+"x", http.StatusTemporaryRedirect)
		case r.URL.Path == "/moved":
			http.Redirect(w, r, "final?q=1", http.StatusPermanentRedirect)
		default:
			fmt.Fprint(w, r.URL.Path)
		}
	}))
	c := newClient(t, testConfig(s))
	resp, err := get(c, s.URL+"/moved")
	if err != nil || resp.URL != s.URL+"/final?q=1" || string(resp.Body) != "/final" {
		t.Errorf("moved: %v, %v", resp, err)
	}
	for _, p := range []string{"/a", "/n/"} {
		if _, err := get(c, s.URL+p); !errors.Is(err, ErrRedirects) || Temporary(err) {
			t.Errorf("%s: err = %v, want ErrRedirects", p, err)
		}
	}
}

// Statuses: 404 and 500 are StatusErrors, permanent and temporary.
func TestStatusErrors(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(strings.TrimPrefix(r.URL.Path, "/"), &code)
		w.WriteHeader(code)
	}))
	c := newClient(t, testConfig(s))
	for code, temporary := range map[int]bool{404: false, 410: false, 403: false, 500: true, 502: true, 429: true} {
		_, err := get(c, fmt.Sprintf("%s/%d", s.URL, code))
		var se *StatusError
		if !errors.As(err, &se) || se.Code != code || Temporary(err) != temporary {
			t.Errorf("%d: err = %v", code, err)
		}
		if (code == 404 || code == 410) != errors.Is(err, digest.ErrNotFound) {
			t.Errorf("%d: errors.Is(digest.ErrNotFound) wrong", code)
		}
		if !strings.Contains(err.Error(), s.URL) {
			t.Errorf("%d: error %q does not name the URL", code, err)
		}
	}
}

// F7: the User-Agent names shuho and the contact.
func TestUserAgent(t *testing.T) {
	var ua atomic.Value
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ua.Store(r.Header.Get("User-Agent")) }))
	for _, tt := range []struct{ agent, contact, want string }{
		{"", "desk@example.org", "shuho/1 (+desk@example.org)"},
		{"shuho/2.1", "https://example.org/desk", "shuho/2.1 (+https://example.org/desk)"},
		{"shuho/1 (+desk@example.org)", "desk@example.org", "shuho/1 (+desk@example.org)"},
	} {
		cfg := testConfig(s)
		cfg.UserAgent, cfg.Contact = tt.agent, tt.contact
		c := newClient(t, cfg)
		if _, err := get(c, s.URL); err != nil {
			t.Fatal(err)
		}
		if got := ua.Load(); got != tt.want || c.UserAgent() != tt.want {
			t.Errorf("User-Agent %q, want %q", got, tt.want)
		}
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":                              0,
		"30":                            30 * time.Second,
		" 5 ":                           5 * time.Second,
		"-3":                            0,
		"soon":                          0,
		"99999999999":                   7 * 24 * time.Hour,
		"Sun, 01 Mar 2026 12:02:00 GMT": 2 * time.Minute,
		"Sun, 01 Mar 2026 11:00:00 GMT": 0,
	} {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %s, want %s", v, got, want)
		}
	}
}

func TestResponseUTF8(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write([]byte{0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2}) // Привет
	}))
	c := newClient(t, testConfig(s))
	resp, err := get(c, s.URL)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := resp.UTF8(); err != nil || string(b) != "Привет" {
		t.Errorf("UTF8() = %q, %v", b, err)
	}
	if u, _ := url.Parse(resp.URL); u.Host != s.hostPort() {
		t.Errorf("URL %s", resp.URL)
	}
}

// BenchmarkGet measures a small fetch from a loopback server, limits on.
func BenchmarkGet(b *testing.B) {
	body := bytes.Repeat([]byte("<item>news</item>\n"), 2000)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		gz.Write(body)
		gz.Close()
	}))
	defer s.Close()
	c, err := New(Config{HostInterval: -1, HostConcurrency: 8, Allow: []string{"127.0.0.1/32"}})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := get(c, s.URL); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadCapped reads bodies around the cap, with and without a size, in
// reads of odd lengths: every byte comes through in order, and one byte
// over the cap is ErrTooLarge.
func TestReadCapped(t *testing.T) {
	const max = 3*chunkSize + 17
	for _, n := range []int{0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 2*chunkSize + 5, max - 1, max, max + 1, 5 * chunkSize} {
		body := make([]byte, n)
		for i := range body {
			body[i] = byte(i*7 + i/251)
		}
		for _, size := range []int64{0, int64(n) + 1, int64(n) / 2, 1} {
			r := iotest.HalfReader(bytes.NewReader(body))
			got, err := readCapped(r, max, min(size, max+1))
			if n > max {
				if !errors.Is(err, ErrTooLarge) {
					t.Errorf("%d bytes, size %d: err = %v, want ErrTooLarge", n, size, err)
				}
				continue
			}
			if err != nil || !bytes.Equal(got, body) {
				t.Errorf("%d bytes, size %d: got %d bytes (equal %v), err %v", n, size, len(got), bytes.Equal(got, body), err)
			}
		}
	}
}

// TestPost sends a body with its headers through the guards, follows no
// redirect with it, and keeps the start of an error's body.
func TestPost(t *testing.T) {
	var got struct {
		method, ctype, auth, body string
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.method, got.ctype, got.auth, got.body = r.Method, r.Header.Get("Content-Type"), r.Header.Get("Authorization"), string(b)
		io.WriteString(w, `{"ok": true}`)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/refuse", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"error": {"message": "no such model"}}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, err := New(Config{HostInterval: -1, Allow: []string{"127.0.0.1/32"}})
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	h.Set("Authorization", "Bearer k")
	resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/api", Method: http.MethodPost, Body: []byte(`{"q": 1}`), ContentType: "application/json", Header: h})
	if err != nil || string(resp.Body) != `{"ok": true}` {
		t.Fatalf("POST: %v", err)
	}
	if got.method != "POST" || got.ctype != "application/json" || got.auth != "Bearer k" || got.body != `{"q": 1}` {
		t.Errorf("the server saw %+v", got)
	}
	got.method = ""
	var se *StatusError
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/moved", Method: http.MethodPost, Body: []byte("x")}); !errors.As(err, &se) || se.Code != 307 || got.method != "" {
		t.Errorf("a redirected POST: %v (the target saw %q)", err, got.method)
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/refuse", Method: http.MethodPost, Body: []byte("x")}); !errors.As(err, &se) || !strings.Contains(se.Body, "no such model") {
		t.Errorf("an error's body: %v", err)
	}
}
