package sample

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"shuho/internal/digest"
)

// Server serves the sample week: one loopback listener per outlet, so that
// each outlet is its own host:port as real outlets are separate hosts. Every
// response is rendered once at Start; serving is a map lookup.
type Server struct {
	week  *Week
	sites []*site

	mu       sync.Mutex
	requests map[string]int

	closeOnce sync.Once
	closeErr  error
}

// site is one outlet's server.
type site struct {
	outlet Outlet
	base   string // http://127.0.0.1:PORT
	feed   string // path of the feed or list page
	srv    *http.Server
	ln     net.Listener
	pages  map[string]*response // path → response
	links  map[string]string    // article name → path (canonical)
}

// response is one rendered resource with its validators.
type response struct {
	contentType string
	body, gz    []byte
	etag        string
	modified    time.Time
}

// Start listens on 127.0.0.1:0 once per outlet and serves w until Close is
// called or ctx is done.
func Start(ctx context.Context, w *Week) (*Server, error) {
	if w == nil || len(w.Outlets) == 0 {
		return nil, errors.New("sample: Start needs a loaded week")
	}
	s := &Server{week: w, requests: map[string]int{}}
	for _, o := range w.Outlets {
		var lc net.ListenConfig
		ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("sample: listen for %s: %w", o.Key, err)
		}
		st := &site{outlet: o, ln: ln, base: "http://" + ln.Addr().String(), feed: feedPaths[o.Key]}
		s.sites = append(s.sites, st)
	}
	for _, st := range s.sites {
		if err := st.render(w); err != nil {
			s.Close()
			return nil, fmt.Errorf("sample: render %s: %w", st.outlet.Key, err)
		}
	}
	for _, st := range s.sites {
		st.srv = &http.Server{
			Handler:           s.handler(st),
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			WriteTimeout:      30 * time.Second,
			IdleTimeout:       time.Minute,
			BaseContext:       func(net.Listener) context.Context { return ctx },
		}
		go func() {
			if err := st.srv.Serve(st.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				slog.Error("sample server stopped", "outlet", st.outlet.Key, "err", err)
			}
		}()
	}
	go func() {
		<-ctx.Done()
		s.Close()
	}()
	return s, nil
}

// Close stops every outlet's server at once, ending open connections.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		var errs []error
		for _, st := range s.sites {
			if st.srv != nil {
				errs = append(errs, st.srv.Close())
			} else if st.ln != nil {
				errs = append(errs, st.ln.Close())
			}
		}
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}

// weights are how much a desk uses an outlet by who stands behind it.
var weights = map[string]float64{"state-owned": 0.9, "private": 0.7, "independent": 0.8, "international": 0.8}

// Sources returns one source per outlet, pointing at its loopback feed or
// list page.
func (s *Server) Sources() []digest.Source {
	var out []digest.Source
	for _, st := range s.sites {
		o := st.outlet
		src := digest.Source{
			Key:      o.Key,
			Outlet:   o.Label,
			Kind:     digest.FeedSource,
			URL:      st.base + st.feed,
			Lang:     "en",
			Weight:   weights[o.Affiliation],
			Interval: digest.Duration(30 * time.Minute),
		}
		switch o.Kind {
		case "rss-summary", "atom-summary", "rss-broken":
			src.FullPage = true
		case "list":
			src.Kind = digest.ListSource
			src.FullPage = true
			src.List = &digest.ListSelectors{Item: "article.card", Links: "a.card-link", Title: ".card-title", Date: ".card-date"}
		}
		out = append(out, src)
	}
	return out
}

// Outlets returns the outlets as a profile names them, with their fictional
// home addresses.
func (s *Server) Outlets() []digest.Outlet {
	var out []digest.Outlet
	for _, st := range s.sites {
		o := st.outlet
		out = append(out, digest.Outlet{Label: o.Label, Name: o.Name, Home: o.Home, Affiliation: digest.Affiliation(o.Affiliation)})
	}
	return out
}

// URL returns the canonical loopback address of the named article, or ""
// when there is none.
func (s *Server) URL(name string) string {
	for _, st := range s.sites {
		if p, ok := st.links[name]; ok {
			return st.base + p
		}
	}
	return ""
}

// Requests returns how many requests were served, keyed by host:port and
// path without the query ("127.0.0.1:41234/feed/"); 304s and 404s count.
func (s *Server) Requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := make(map[string]int, len(s.requests))
	for k, v := range s.requests {
		m[k] = v
	}
	return m
}

func (s *Server) handler(st *site) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[st.ln.Addr().String()+r.URL.Path]++
		s.mu.Unlock()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			rw.Header().Set("Allow", "GET, HEAD")
			http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		res, ok := st.pages[r.URL.Path]
		if !ok {
			http.NotFound(rw, r)
			return
		}
		serve(rw, r, res)
	})
}

// serve writes res honouring conditional GET and gzip, as the servers of
// real outlets do.
func serve(rw http.ResponseWriter, r *http.Request, res *response) {
	h := rw.Header()
	gz := strings.Contains(r.Header.Get("Accept-Encoding"), "gzip")
	etag := res.etag
	if gz {
		// A different encoding is a different representation, so it gets
		// its own validator.
		etag = strings.TrimSuffix(res.etag, `"`) + `-gzip"`
	}
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", etag)
	h.Set("Last-Modified", res.modified.UTC().Format(http.TimeFormat))
	h.Set("Cache-Control", "public, max-age=300")
	if notModified(r, res, etag) {
		rw.WriteHeader(http.StatusNotModified)
		return
	}
	body := res.body
	if gz {
		body = res.gz
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", res.contentType)
	h.Set("Content-Length", fmt.Sprint(len(body)))
	rw.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		rw.Write(body)
	}
}

// notModified applies RFC 9110: If-None-Match wins over If-Modified-Since.
func notModified(r *http.Request, res *response, etag string) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == "*" || t == etag || t == res.etag {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		t, err := http.ParseTime(ims)
		return err == nil && !res.modified.Truncate(time.Second).After(t)
	}
	return false
}

func newResponse(contentType string, body []byte, modified time.Time) *response {
	sum := sha256.Sum256(body)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	zw.Close()
	return &response{
		contentType: contentType,
		body:        body,
		gz:          buf.Bytes(),
		etag:        `"` + hex.EncodeToString(sum[:8]) + `"`,
		modified:    modified,
	}
}

// articles returns the outlet's articles, newest first.
func (w *Week) outletArticles(label string) []Article {
	var as []Article
	for _, a := range w.Articles {
		if a.Outlet == label {
			as = append(as, a)
		}
	}
	slices.SortStableFunc(as, func(a, b Article) int { return b.Published.Compare(a.Published) })
	return as
}

// Use makes a profile collect the sample week: its sources become the
// sample's, and the sample's outlets join its own.
func (s *Server) Use(p *digest.Profile) {
	p.Outlets = append(p.Outlets, s.Outlets()...)
	p.Sources = s.Sources()
}
