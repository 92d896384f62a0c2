package metrics_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/fetch"
	"shuho/internal/metrics"
	"shuho/internal/pipeline"
	"shuho/internal/profile"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// TestFailedSourceCounted: a real collector, told to report to the
// metrics, polls a source whose feed reads but whose pages all fail, and a
// source that works; the metrics count the first as failed, its failed
// pages, and the second's success and its article.
func TestFailedSourceCounted(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bad":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%s/</link><item><title>A</title><link>%s/down/a</link></item><item><title>B</title><link>%s/down/b</link></item></channel></rss>`, srv.URL, srv.URL, srv.URL)
		case "/good":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%s/</link><item><title>Officials open a school in Ganja</title><link>%s/news/1</link></item></channel></rss>`, srv.URL, srv.URL)
		case "/news/1":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><head><title>Officials open a school in Ganja</title></head><body><article><h1>Officials open a school in Ganja</h1><p>"+
				strings.Repeat("Officials opened a new school in Ganja on Monday, the district executive authority said in its statement. ", 6)+"</p></article></body></html>")
		default:
			http.Error(w, "down", http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	p, err := profile.Builtin("az")
	if err != nil {
		t.Fatal(err)
	}
	p.Sources = []digest.Source{
		{Key: "bad", Outlet: "TREND", Kind: digest.FeedSource, URL: srv.URL + "/bad", Lang: "en", Weight: 1, Interval: digest.Duration(time.Hour), FullPage: true},
		{Key: "good", Outlet: "APA", Kind: digest.FeedSource, URL: srv.URL + "/good", Lang: "en", Weight: 1, Interval: digest.Duration(time.Hour), FullPage: true},
	}
	client, err := fetch.New(fetch.Config{Allow: []string{"127.0.0.0/8"}, HostInterval: -1, PauseAfter: 100})
	if err != nil {
		t.Fatal(err)
	}
	m := metrics.New(p.Key)
	c := &pipeline.Collector{Store: storetest.Open(t, store.SQLite), Fetch: client, Profile: p, Owner: "test", Progress: m.Observe, Clustered: m.Clustered}
	if _, err := c.CollectAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`shuho_source_polls_total{profile="az",result="failed",source="bad"} 1`,
		`shuho_source_pages_failed_total{profile="az",source="bad"} 2`,
		`shuho_source_polls_total{profile="az",result="ok",source="good"} 1`,
		`shuho_source_articles_new_total{profile="az",source="good"} 1`,
		`shuho_source_last_success_timestamp_seconds{profile="az",source="good"}`,
		`shuho_stories_total{event="placed",profile="az"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the metrics lack %s", want)
		}
	}
	if strings.Contains(string(body), `shuho_source_last_success_timestamp_seconds{profile="az",source="bad"}`) {
		t.Errorf("a failed source has a last success")
	}
}
