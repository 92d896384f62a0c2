package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/fetch"
	"shuho/internal/pipeline"
	"shuho/internal/profile"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// newsServer serves feeds of sources and their article pages on loopback,
// and counts what it served: /s/N/feed.xml lists the pages /s/N/a/M.
type newsServer struct {
	*httptest.Server
	sources, pages int
	// delay slows each page, so that collecting takes long enough to be
	// interrupted.
	delay time.Duration

	mu     sync.Mutex
	served map[string]int // path → responses completed with 200
	hangUA string         // requests whose User-Agent holds this hang
	byUA   map[string]int
}

func newNewsServer(t testing.TB, sources, pages int) *newsServer {
	ns := &newsServer{sources: sources, pages: pages, served: map[string]int{}, byUA: map[string]int{}}
	ns.Server = httptest.NewServer(http.HandlerFunc(ns.serve))
	t.Cleanup(ns.Close)
	return ns
}

// articleText is page m of source n: distinct events, so that each is a
// story of its own.
func articleText(n, m int) (title, text string) {
	places := []string{"Ganja", "Shusha", "Lankaran", "Sheki", "Guba", "Nakhchivan", "Mingachevir", "Khankendi", "Sumgait", "Shamakhi"}
	topics := []string{"a new water pipeline", "the repair of a school", "a regional trade fair", "a road bridge", "a hospital wing",
		"a solar power plant", "a railway station", "a sports complex", "a museum of carpets", "a vocational college"}
	place := places[(n+m)%len(places)]
	topic := topics[(n*7+m*3)%len(topics)]
	title = fmt.Sprintf("Officials open %s in %s (report %d-%d)", topic, place, n, m)
	text = fmt.Sprintf("%s, November %d. Officials opened %s in %s on Monday, the district executive authority said in its statement number %d-%d.\n\n"+
		"The project cost %d million manats and took %d months to build, the statement said. Local residents attended the ceremony.\n\n"+
		"The head of the district executive authority said that %d people would benefit from the project in the coming years.",
		place, 10+m%10, topic, place, n, m, n*10+m+3, m%12+4, 1000+n*37+m*11)
	return title, text
}

func (ns *newsServer) serve(w http.ResponseWriter, r *http.Request) {
	ua := r.UserAgent()
	ns.mu.Lock()
	ns.byUA[ua]++
	hang := ns.hangUA != "" && strings.Contains(ua, ns.hangUA)
	ns.mu.Unlock()
	if hang {
		<-r.Context().Done()
		return
	}
	if r.URL.Path == "/robots.txt" {
		http.NotFound(w, r)
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	if len(parts) < 3 || parts[0] != "s" {
		http.NotFound(w, r)
		return
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n >= ns.sources {
		http.NotFound(w, r)
		return
	}
	base := ns.URL + "/s/" + parts[1]
	switch {
	case len(parts) == 3 && parts[2] == "feed.xml":
		etag := fmt.Sprintf(`"feed-%d"`, n)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<rss version="2.0"><channel><title>Source %d</title><link>%s/</link>`, n, base)
		for m := range ns.pages {
			title, _ := articleText(n, m)
			pub := time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC).Add(time.Duration(n*ns.pages+m) * time.Minute)
			// Tracking parameters, as real feeds add them.
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s/a/%d?utm_source=rss&amp;utm_medium=feed</link><pubDate>%s</pubDate><description>%s</description></item>",
				html.EscapeString(title), base, m, pub.Format(time.RFC1123Z), html.EscapeString(title))
		}
		b.WriteString("</channel></rss>\n")
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", etag)
		w.Write([]byte(b.String()))
	case len(parts) == 4 && parts[2] == "a":
		m, err := strconv.Atoi(parts[3])
		if err != nil || m >= ns.pages {
			http.NotFound(w, r)
			return
		}
		if ns.delay > 0 {
			select {
			case <-time.After(ns.delay):
			case <-r.Context().Done():
				return
			}
		}
		title, text := articleText(n, m)
		var b strings.Builder
		fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | Source %d</title>
<link rel="canonical" href="%s/a/%d"></head><body><header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/economy">Economy</a></nav></header>
<main><article><h1>%s</h1><p class="byline">By staff reporter</p>`, html.EscapeString(title), n, base, m, html.EscapeString(title))
		for _, p := range strings.Split(text, "\n\n") {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
		b.WriteString(`</article><aside><h3>Most read</h3><ul><li><a href="/x">Weather for the weekend</a></li><li><a href="/y">Football results</a></li></ul></aside></main>
<footer>© Source. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(b.String()))
	default:
		http.NotFound(w, r)
		return
	}
	ns.mu.Lock()
	ns.served[r.URL.Path]++
	ns.mu.Unlock()
}

func (ns *newsServer) count(path string) int {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	return ns.served[path]
}

// testProfile is the az profile reading the server's sources.
func testProfile(t testing.TB, ns *newsServer, extra ...digest.Source) *digest.Profile {
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	labels := []string{"TREND", "APA", "AZERTAG", "REPORT.AZ", "OC-MEDIA"}
	p.Sources = nil
	for n := range ns.sources {
		p.Sources = append(p.Sources, digest.Source{Key: fmt.Sprintf("src-%02d", n), Outlet: labels[n%len(labels)], Kind: digest.FeedSource,
			URL: fmt.Sprintf("%s/s/%d/feed.xml", ns.URL, n), Lang: "en", Weight: 0.8, Interval: digest.Duration(30 * time.Minute), FullPage: true})
	}
	p.Sources = append(p.Sources, extra...)
	return p
}

func testClient(t testing.TB, ua string) *fetch.Client {
	c, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, UserAgent: ua, Contact: "desk@example.org",
		HostInterval: time.Nanosecond, HostConcurrency: 8, Robots: true, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCollectAll(t *testing.T) {
	ns := newNewsServer(t, 4, 5)
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/500":
			http.Error(w, "down", http.StatusInternalServerError)
		case "/html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>`))
		case "/truncated":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Cut`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer broken.Close()
	bad := func(key, path string) digest.Source {
		return digest.Source{Key: key, Outlet: "JAMNEWS", Kind: digest.FeedSource, URL: broken.URL + path, Lang: "en", Weight: 0.5, Interval: digest.Duration(time.Hour)}
	}
	p := testProfile(t, ns, bad("down", "/500"), bad("gone", "/404"), bad("html", "/html"), bad("cut", "/truncated"))
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			ns.mu.Lock()
			clear(ns.served)
			ns.mu.Unlock()
			s := storetest.Open(t, e)
			var events sync.Map
			c := &pipeline.Collector{Store: s, Fetch: testClient(t, "shuho-test"), Profile: p, Owner: "test",
				Progress: func(ev pipeline.Event) { events.Store(ev.Source+"/"+ev.Kind, true) }}
			reports, err := c.CollectAll(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(reports) != 8 {
				t.Fatalf("%d reports, want 8", len(reports))
			}
			byKey := map[string]pipeline.Report{}
			for _, r := range reports {
				byKey[r.Source] = r
			}
			for n := range 4 {
				r := byKey[fmt.Sprintf("src-%02d", n)]
				if r.Err != nil || r.New != 5 || r.Failed != 0 {
					t.Errorf("source %d: %+v", n, r)
				}
				if _, ok := events.Load(r.Source + "/done"); !ok {
					t.Errorf("no progress event for %s", r.Source)
				}
			}
			for _, k := range []string{"down", "gone", "html", "cut"} {
				if byKey[k].Err == nil {
					t.Errorf("source %s: no error: %+v", k, byKey[k])
				}
			}
			_, _, arts, _ := s.Count(context.Background())
			if arts != 20 {
				t.Errorf("%d articles stored, want 20", arts)
			}
			// Each page fetched once, stored under its address without the
			// tracking parameters.
			for n := range 4 {
				for m := range 5 {
					if got := ns.count(fmt.Sprintf("/s/%d/a/%d", n, m)); got != 1 {
						t.Errorf("page %d/%d fetched %d times", n, m, got)
					}
				}
			}
			known, _ := s.KnownURLs(context.Background(), []string{ns.URL + "/s/0/a/0"})
			if !known[ns.URL+"/s/0/a/0"] {
				t.Errorf("article not stored under its canonical address")
			}
			// The failures are recorded on their sources.
			srcs, _ := s.Sources(context.Background(), "az")
			for _, st := range srcs {
				failing := st.Key == "down" || st.Key == "gone" || st.Key == "html" || st.Key == "cut"
				if failing != (st.Errors == 1 && st.LastError != "") {
					t.Errorf("source %s: errors %d, last error %q", st.Key, st.Errors, st.LastError)
				}
			}
			// Stories: twenty different events, each its own story.
			stories, err := s.Stories(context.Background(), "az", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
			if err != nil || len(stories) == 0 {
				t.Fatalf("stories: %d, %v", len(stories), err)
			}
			total := 0
			for _, st := range stories {
				total += st.Count
			}
			if total != 20 {
				t.Errorf("stories hold %d articles, want 20", total)
			}

			// A second pass: feeds answer 304, nothing is fetched again.
			reports, err = c.CollectAll(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range reports {
				if strings.HasPrefix(r.Source, "src-") && (!r.NotModified || r.New != 0) {
					t.Errorf("second pass, %s: %+v", r.Source, r)
				}
			}
			for n := range 4 {
				if got := ns.count(fmt.Sprintf("/s/%d/a/0", n)); got != 1 {
					t.Errorf("second pass fetched page %d/0 again (%d)", n, got)
				}
			}
		})
	}
}

// TestWorkers runs three worker processes against one PostgreSQL and 50
// sources: each page is fetched once and stored once; then a worker is
// killed in the middle of its work, and the others finish it after its
// leases expire, storing nothing twice.
func TestWorkers(t *testing.T) {
	if storetest.PostgresURL(t) == "" {
		t.Skip("PostgreSQL: set SHUHO_TEST_POSTGRES to run this test")
	}
	if testing.Short() {
		t.Skip("starts worker processes")
	}
	for _, kill := range []bool{false, true} {
		name := "all-live"
		if kill {
			name = "one-killed"
		}
		t.Run(name, func(t *testing.T) {
			ns := newNewsServer(t, 50, 6)
			ns.delay = 15 * time.Millisecond
			dsn := storetest.DSN(t, store.Postgres)
			s, err := store.Open(context.Background(), dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var procs []*exec.Cmd
			for w := range 3 {
				cmd := exec.Command(os.Args[0], "-test.run=^TestWorkerChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), "SHUHO_WORKER_CHILD=1", "SHUHO_WORKER_DSN="+dsn, "SHUHO_WORKER_NEWS="+ns.URL,
					fmt.Sprintf("SHUHO_WORKER_NAME=worker-%d", w))
				cmd.Stderr = os.Stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				procs = append(procs, cmd)
			}
			defer func() {
				for _, p := range procs {
					p.Process.Kill()
					p.Wait()
				}
			}()
			if kill {
				// worker-0 hangs in its requests once it has made some, and
				// is killed there, holding a source's lease and page claims.
				deadline := time.Now().Add(30 * time.Second)
				for {
					ns.mu.Lock()
					n := 0
					for ua, c := range ns.byUA {
						if strings.Contains(ua, "worker-0") {
							n += c
						}
					}
					if n >= 8 {
						ns.hangUA = "worker-0"
					}
					ns.mu.Unlock()
					if n >= 8 || time.Now().After(deadline) {
						break
					}
					time.Sleep(5 * time.Millisecond)
				}
				time.Sleep(100 * time.Millisecond)
				procs[0].Process.Kill()
			}
			want := 50 * 6
			deadline := time.Now().Add(90 * time.Second)
			for {
				_, _, arts, err := s.Count(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if arts >= want || time.Now().After(deadline) {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			_, _, arts, _ := s.Count(context.Background())
			if arts != want {
				t.Fatalf("%d articles stored, want %d", arts, want)
			}
			refetched := 0
			for n := range 50 {
				for m := range 6 {
					got := ns.count(fmt.Sprintf("/s/%d/a/%d", n, m))
					switch {
					case got == 0:
						t.Errorf("page %d/%d never served, yet stored", n, m)
					case got > 1 && !kill:
						t.Errorf("page %d/%d fetched %d times", n, m, got)
					case got > 1:
						refetched++
					}
				}
			}
			// Every source was polled once, by a live worker for the one the
			// killed worker held.
			srcs, err := s.Sources(context.Background(), "az")
			if err != nil || len(srcs) != 50 {
				t.Fatalf("sources: %d, %v", len(srcs), err)
			}
			for _, st := range srcs {
				if st.LastSuccess.IsZero() {
					t.Errorf("source %s never polled to the end", st.Key)
				}
			}
			ns.mu.Lock()
			perWorker := fmt.Sprint(ns.byUA)
			ns.mu.Unlock()
			t.Logf("requests by worker: %s; pages fetched again after the kill: %d", perWorker, refetched)
		})
	}
}

// TestWorkerChild is a worker process of TestWorkers.
func TestWorkerChild(t *testing.T) {
	if os.Getenv("SHUHO_WORKER_CHILD") != "1" {
		t.Skip("run by TestWorkers")
	}
	ns := &newsServer{sources: 50}
	ns.Server = &httptest.Server{URL: os.Getenv("SHUHO_WORKER_NEWS")}
	name := os.Getenv("SHUHO_WORKER_NAME")
	s, err := store.Open(context.Background(), os.Getenv("SHUHO_WORKER_DSN"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := testProfile(t, ns)
	c := &pipeline.Collector{Store: s, Fetch: testClient(t, "shuho-test "+name), Profile: p, Owner: name,
		Lease: 2 * time.Second, Pages: 2}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c.Run(ctx, 2)
}

// TestSchedule: a source is due again at its interval after news, more
// slowly while quiet, later after failures, and never before the
// Retry-After its server asked for.
func TestSchedule(t *testing.T) {
	var mode atomicString
	mode.set("news")
	var polls atomic.Int64
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/a/") {
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/a/"))
			title, text := articleText(n, n)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<html><body><article><h1>%s</h1><p>%s</p></article></body></html>", title, strings.ReplaceAll(text, "\n\n", "</p><p>"))
			return
		}
		switch mode.get() {
		case "news", "quiet":
			if mode.get() == "quiet" && r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			// Each poll in "news" brings one new article.
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%s/</link><item><title>News</title><link>%s/a/%d</link></item></channel></rss>`,
				srv.URL, srv.URL, polls.Add(1))
		case "busy":
			w.Header().Set("Retry-After", "7200")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		case "down":
			http.Error(w, "down", http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	p, _ := profile.Builtin("az")
	p.Sources = []digest.Source{{Key: "one", Outlet: "TREND", Kind: digest.FeedSource, URL: srv.URL + "/feed", Lang: "en", Weight: 1,
		Interval: digest.Duration(10 * time.Minute)}}
	// One clock for the archive and the collector, moved on to each poll's
	// due time: a source that is backing off is not polled before it.
	c, s, clock := clockedCollector(t, p)
	now := c.Now
	ctx := context.Background()
	poll := func() (time.Duration, store.SourceState) {
		t.Helper()
		if srcs, _ := s.Sources(ctx, p.Key); len(srcs) > 0 && srcs[0].NextPoll.After(now()) {
			clock.Store(srcs[0].NextPoll.UnixNano())
		}
		start := now()
		if _, err := c.CollectAll(ctx); err != nil {
			t.Fatal(err)
		}
		srcs, err := s.Sources(ctx, p.Key)
		if err != nil {
			t.Fatal(err)
		}
		return srcs[0].NextPoll.Sub(start), srcs[0]
	}
	near := func(got, want time.Duration) bool { return got >= want-5*time.Second && got <= want+5*time.Second }
	if d, _ := poll(); !near(d, 10*time.Minute) {
		t.Errorf("after a read: due in %v, want 10m", d)
	}
	mode.set("quiet")
	if d, _ := poll(); !near(d, 15*time.Minute) {
		t.Errorf("after a quiet poll: due in %v, want 15m", d)
	}
	if d, _ := poll(); !near(d, 22*time.Minute+30*time.Second) {
		t.Errorf("after two quiet polls: due in %v, want 22m30s", d)
	}
	for range 8 {
		poll()
	}
	if d, _ := poll(); !near(d, 80*time.Minute) {
		t.Errorf("quiet for long: due in %v, want the ceiling of 8 × 10m", d)
	}
	mode.set("down")
	d1, st := poll()
	d2, st2 := poll()
	if !near(d1, 20*time.Minute) || !near(d2, 40*time.Minute) || st.Errors != 1 || st2.Errors != 2 || !strings.Contains(st2.LastError, "500") {
		t.Errorf("after failures: due in %v then %v (errors %d, %d, %q); want 20m then 40m", d1, d2, st.Errors, st2.Errors, st2.LastError)
	}
	mode.set("busy")
	if d, st := poll(); d < 2*time.Hour-5*time.Second || !strings.Contains(st.LastError, "429") {
		t.Errorf("after 429 with Retry-After 2h: due in %v (%q)", d, st.LastError)
	}
	// A pass over every source leaves one that is backing off alone.
	reports, err := c.CollectAll(ctx)
	if err != nil || reports[0].Err == nil || !strings.Contains(reports[0].Err.Error(), "backing off") {
		t.Errorf("a pass while the source backs off: %+v, %v", reports, err)
	}
}

type atomicString struct {
	mu sync.Mutex
	s  string
}

func (a *atomicString) set(s string) { a.mu.Lock(); a.s = s; a.mu.Unlock() }
func (a *atomicString) get() string  { a.mu.Lock(); defer a.mu.Unlock(); return a.s }

// TestSharedPages: two sources of one collector that list the same pages
// (an outlet's main feed and a section feed) fetch each page once.
func TestSharedPages(t *testing.T) {
	ns := newNewsServer(t, 1, 12)
	ns.delay = 20 * time.Millisecond
	p := testProfile(t, ns)
	twin := p.Sources[0]
	twin.Key = "src-twin"
	p.Sources = append(p.Sources, twin)
	s := storetest.Open(t, store.SQLite)
	c := &pipeline.Collector{Store: s, Fetch: testClient(t, "shuho-test"), Profile: p, Owner: "test", Pages: 4}
	reports, err := c.CollectAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := reports[0].New + reports[1].New; n != 12 || reports[0].Failed+reports[1].Failed != 0 {
		t.Errorf("reports %+v", reports)
	}
	for m := range 12 {
		if got := ns.count(fmt.Sprintf("/s/0/a/%d", m)); got != 1 {
			t.Errorf("page %d fetched %d times", m, got)
		}
	}
}

// TestOffSiteContent: a feed's copy of another site's article is not
// taken; the article is read from its own site.
func TestOffSiteContent(t *testing.T) {
	_, realText := articleText(1, 1)
	var pageHits atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><article><h1>Officials open a bridge</h1><p>%s</p></article></body></html>", strings.ReplaceAll(realText, "\n\n", "</p><p>"))
	}))
	defer other.Close()
	// The other site by name (localhost), the feed by address: two sites.
	page := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) + "/news/1"
	fake := strings.Repeat("The minister resigned in disgrace today, the feed claims. ", 20)
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>%s/</link>
<item><title>News</title><link>%s</link><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item></channel></rss>`, "http://"+r.Host, page, fake)
	}))
	defer feedSrv.Close()
	p, _ := profile.Builtin("az")
	p.Sources = []digest.Source{{Key: "agg", Outlet: "TREND", Kind: digest.FeedSource, URL: feedSrv.URL + "/feed", Lang: "en", Weight: 1,
		Interval: digest.Duration(time.Hour)}}
	s := storetest.Open(t, store.SQLite)
	c := &pipeline.Collector{Store: s, Fetch: testClient(t, "shuho-test"), Profile: p, Owner: "test"}
	if _, err := c.CollectAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(context.Background(), store.Query{Text: "disgrace"})
	if err != nil || len(hits) != 0 {
		t.Errorf("the feed's copy was stored: %v %v", hits, err)
	}
	if pageHits.Load() != 1 {
		t.Errorf("the article's own page was fetched %d times, want 1", pageHits.Load())
	}
}

// TestPageFailures: a page that fails is tried again later, less often,
// and given up after five attempts; it is not fetched at every poll.
func TestPageFailures(t *testing.T) {
	var gone atomic.Int64
	title, text := articleText(5, 4)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%s/</link><item><title>Gone</title><link>%s/gone</link></item><item><title>%s</title><link>%s/good</link></item></channel></rss>`, srv.URL, srv.URL, title, srv.URL)
		case "/good":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>", title, title, strings.ReplaceAll(text, "\n\n", "</p><p>"))
		case "/gone":
			gone.Add(1)
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	p, _ := profile.Builtin("az")
	p.Sources = []digest.Source{{Key: "one", Outlet: "TREND", Kind: digest.FeedSource, URL: srv.URL + "/feed", Lang: "en", Weight: 1,
		Interval: digest.Duration(10 * time.Minute), FullPage: true}}
	c, _, clock := clockedCollector(t, p)
	pass := func() pipeline.Report {
		t.Helper()
		reports, err := c.CollectAll(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return reports[0]
	}
	// One page of two failed: the source is well, the page is not.
	if r := pass(); r.Failed != 1 || r.New != 1 || r.Err != nil || gone.Load() != 1 {
		t.Fatalf("first poll: %+v, page fetched %d times", r, gone.Load())
	}
	// Ten minutes later the page waits for its next try.
	clock.Add(int64(10 * time.Minute))
	if r := pass(); r.Failed != 0 || r.Deferred != 1 || gone.Load() != 1 {
		t.Errorf("second poll: %+v, page fetched %d times", r, gone.Load())
	}
	// Tried again when due, less and less often, then given up.
	for range 10 {
		clock.Add(int64(25 * time.Hour))
		pass()
	}
	if gone.Load() != 5 {
		t.Errorf("a page that is gone was fetched %d times in all, want 5", gone.Load())
	}
}

// TestAllPagesFailed: a source whose feed reads but of whose new pages not
// one can be read is a failed source, said plainly, and its feed is not
// polled less often for it: the pages wait for their own next try.
func TestAllPagesFailed(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%s/</link><item><title>A</title><link>%s/a</link></item><item><title>B</title><link>%s/b</link></item></channel></rss>`, srv.URL, srv.URL, srv.URL)
			return
		}
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	p, _ := profile.Builtin("az")
	p.Sources = []digest.Source{{Key: "one", Outlet: "TREND", Kind: digest.FeedSource, URL: srv.URL + "/feed", Lang: "en", Weight: 1,
		Interval: digest.Duration(10 * time.Minute), FullPage: true}}
	c, s, clock := clockedCollector(t, p)
	reports, err := c.CollectAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := reports[0]
	if r.Failed != 2 || !errors.Is(r.Err, pipeline.ErrPagesFailed) || !strings.Contains(r.Err.Error(), "(2 tried)") || r.Next.Sub(time.Unix(0, clock.Load())) > 15*time.Minute {
		t.Fatalf("a source whose every new page failed: %+v", r)
	}
	states, err := s.Sources(context.Background(), p.Key)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 1 || states[0].Errors != 1 || !strings.Contains(states[0].LastError, "not one of its new pages") {
		t.Errorf("the sources page's state: %+v", states)
	}
}

// TestPageSource: a source that is one page stores it as an article,
// fetching it once.
func TestPageSource(t *testing.T) {
	title, text := articleText(3, 4)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/statement" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>", title, title, strings.ReplaceAll(text, "\n\n", "</p><p>"))
	}))
	defer srv.Close()
	p, _ := profile.Builtin("az")
	p.Sources = []digest.Source{{Key: "statement", Outlet: "MFA", Kind: digest.PageSource, URL: srv.URL + "/statement", Lang: "en", Weight: 1,
		Interval: digest.Duration(time.Hour)}}
	s := storetest.Open(t, store.SQLite)
	c := &pipeline.Collector{Store: s, Fetch: testClient(t, "shuho-test"), Profile: p, Owner: "test"}
	reports, err := c.CollectAll(context.Background())
	if err != nil || reports[0].New != 1 || reports[0].Err != nil {
		t.Fatalf("%+v, %v", reports, err)
	}
	if hits.Load() != 1 {
		t.Errorf("the page was fetched %d times, want 1", hits.Load())
	}
	known, _ := s.KnownURLs(context.Background(), []string{srv.URL + "/statement"})
	if !known[srv.URL+"/statement"] {
		t.Errorf("the page is not stored under its address")
	}
}

// clockedCollector is a collector of p over a new SQLite archive that share
// one settable clock, starting on 16 November 2026.
func clockedCollector(t *testing.T, p *digest.Profile) (*pipeline.Collector, *store.Store, *atomic.Int64) {
	t.Helper()
	clock := new(atomic.Int64)
	clock.Store(time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC).UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()).UTC() }
	s, err := store.Open(context.Background(), storetest.DSN(t, store.SQLite), store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, HostInterval: -1, PauseAfter: 100})
	if err != nil {
		t.Fatal(err)
	}
	return &pipeline.Collector{Store: s, Fetch: client, Profile: p, Owner: "test", Now: now}, s, clock
}

// TestOffSiteItems: a feed whose items link to another site (a syndicator
// carrying a wire, a wire's feed on one host linking to another). The
// other site's page is read when it can be, and the article is then known
// under its own address, so the outlet's own feed brings no second copy;
// a page robots.txt refuses, or a host that is down, gives the feed's own
// copy, marked as such; a page with no copy in the feed is lost, and only
// that one.
func TestOffSiteItems(t *testing.T) {
	titles, texts := make([]string, 4), make([]string, 4)
	for i := range titles {
		titles[i], texts[i] = articleText(20+i, 6)
	}
	paras := func(s string) string { return "<p>" + strings.ReplaceAll(s, "\n\n", "</p><p>") + "</p>" }
	// The outlet's own site, on another loopback address: another host.
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	outlet := httptest.NewUnstartedServer(nil)
	outlet.Listener.Close()
	outlet.Listener = ln
	outlet.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /refused/\n")
		case "/news/0":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><head><title>%s</title><link rel="canonical" href="%s/en/news/0"></head><body><article><h1>%s</h1>%s</article></body></html>`,
				titles[0], outlet.URL, titles[0], paras(texts[0]))
		case "/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>%s/</link><item><title>%s</title><link>%s/en/news/0</link></item></channel></rss>`,
				outlet.URL, titles[0], outlet.URL)
		case "/en/news/0":
			t.Errorf("the outlet's own address of an article stored already was fetched")
		case "/down/2":
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		default:
			http.NotFound(w, r)
		}
	})
	outlet.Start()
	defer outlet.Close()
	var syn *httptest.Server
	syn = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		item := func(title, link, text string) string {
			content := ""
			if text != "" {
				content = "<content:encoded><![CDATA[" + paras(text) + "]]></content:encoded>"
			}
			return fmt.Sprintf("<item><title>%s</title><link>%s</link>%s</item>", title, link, content)
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Syndicator</title><link>%s/</link>%s%s%s%s</channel></rss>`,
			syn.URL,
			item(titles[0], outlet.URL+"/news/0", texts[0]),    // read from the outlet's page
			item(titles[1], outlet.URL+"/refused/1", texts[1]), // robots.txt refuses: the feed's copy
			item(titles[2], outlet.URL+"/down/2", texts[2]),    // the host answers 503: the feed's copy
			item(titles[3], outlet.URL+"/gone/3", ""))          // no copy in the feed: lost
	}))
	defer syn.Close()
	p, _ := profile.Builtin("az")
	p.Sources = []digest.Source{
		{Key: "menafn-trend", Outlet: "TREND", Kind: digest.FeedSource, URL: syn.URL + "/feed", Lang: "en", Weight: 1, Interval: digest.Duration(time.Hour)},
		{Key: "trend", Outlet: "TREND", Kind: digest.FeedSource, URL: outlet.URL + "/rss", Lang: "en", Weight: 1, Interval: digest.Duration(time.Hour)},
	}
	s, err := store.Open(context.Background(), storetest.DSN(t, store.SQLite), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, HostInterval: -1, Robots: true})
	if err != nil {
		t.Fatal(err)
	}
	// The syndicator's feed first, then the outlet's own.
	both := p.Sources
	p.Sources = both[:1]
	c := &pipeline.Collector{Store: s, Fetch: client, Profile: p, Owner: "test"}
	ctx := context.Background()
	reports, err := c.CollectAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r := reports[0]; r.New != 3 || r.Failed != 1 || r.Err != nil {
		t.Fatalf("the syndicator's feed: %+v", r)
	}
	p.Sources = both
	if reports, err = c.CollectAll(ctx); err != nil {
		t.Fatal(err)
	}
	if r := reports[1]; r.New != 0 || r.Duplicate != 1 || r.Err != nil {
		t.Errorf("the outlet's own feed: %+v", r)
	}
	from := map[string]digest.Article{}
	for id := int64(1); id <= 3; id++ {
		a, _, err := s.Article(ctx, p.Key, id)
		if err != nil {
			t.Fatal(err)
		}
		from[a.URL] = a
	}
	if a := from[outlet.URL+"/news/0"]; a.FromFeed || a.Canonical != outlet.URL+"/en/news/0" || !strings.Contains(a.Text, "Officials opened") {
		t.Errorf("the page read from the outlet: %+v", a)
	}
	for _, u := range []string{outlet.URL + "/refused/1", outlet.URL + "/down/2"} {
		if a := from[u]; !a.FromFeed || a.Canonical != "" || !strings.Contains(a.Text, "district executive authority") {
			t.Errorf("%s: want the feed's copy, marked: %+v", u, a)
		}
	}
}
