package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"shuho/internal/chat"
	"shuho/internal/fetch"
	"shuho/internal/mailer"
	"shuho/internal/metrics"
	"shuho/internal/pipeline"
	"shuho/internal/sample"
	"shuho/internal/store"
	"shuho/internal/web"
)

// fetchFlags declares the flags of the commands that fetch.
func fetchFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.StringVar(&o.contact, "contact", "", "the contact `address` the User-Agent gives to the sites read (default $SHUHO_CONTACT)")
	fs.StringVar(&o.allowPrivate, "allow-private", "", "comma-separated `CIDRs or host:port` on private networks that may be fetched: an administrator's setting, none by default (default $SHUHO_ALLOW_PRIVATE)")
	fs.IntVar(&o.workers, "workers", 4, "how many sources are polled at once")
}

// fetchConfig is the guarded client's configuration from the flags.
func fetchConfig(e *env, o *options) fetch.Config {
	contact, allow := o.contact, o.allowPrivate
	if contact == "" {
		contact = e.getenv("SHUHO_CONTACT")
	}
	if allow == "" {
		allow = e.getenv("SHUHO_ALLOW_PRIVATE")
	}
	cfg := fetch.Config{Contact: contact, Robots: true}
	for _, a := range strings.Split(allow, ",") {
		if a = strings.TrimSpace(a); a != "" {
			cfg.Allow = append(cfg.Allow, a)
		}
	}
	return cfg
}

// owner names this process in leases: host, process id and a random part
// (containers on one host may share both).
func owner() string {
	h, _ := os.Hostname()
	if h == "" {
		h = "shuho"
	}
	return fmt.Sprintf("%s:%d:%s", h, os.Getpid(), rand.Text()[:8])
}

func collectCommand() *command {
	return &command{
		name:  "collect",
		short: "one collection pass over the profile's sources",
		long: `Collect reads every source of the profile once: it fetches each feed or list
page through the guarded client, fetches and extracts the pages of articles
not yet in the archive, stores them, and groups the articles of the last days
that tell one event into stories.

A terminal shows each source's progress as it runs; otherwise each source
gets a line when it is done. At the end a table gives each source's new,
duplicate (already stored) and failed articles and the time it took; a source
that could not be read shows why. Failures are recorded on the source (last
error, count) for the sources page.

--sample collects the bundled sample week instead: 153 articles of nine
fictional outlets (feeds of every kind, a list page, a broken feed), served
by shuho itself on loopback, through the same path. Its server's addresses
change with each run, so collect it into an archive of its own (--db).

Exit status: 0 when every source was read (some pages may have failed); 1
when a source could not be read.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fetchFlags(fs, o)
			fs.BoolVar(&o.sample, "sample", false, "collect the bundled sample week (fictional outlets served on loopback) instead of the profile's sources")
		},
		run: runCollect,
	}
}

func runCollect(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) > 0 {
		return usagef("collect takes no arguments")
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	cfg := fetchConfig(e, o)
	if o.sample {
		w, err := sample.Load()
		if err != nil {
			return err
		}
		srv, err := sample.Start(ctx, w)
		if err != nil {
			return err
		}
		defer srv.Close()
		srv.Use(p)
		// The sample's server is shuho's own, on loopback: allowed, and
		// read without a pause between pages.
		cfg.Allow = append(cfg.Allow, "127.0.0.0/8")
		cfg.HostInterval = -1
	}
	if len(p.Sources) == 0 {
		return usagef("the profile %s has no sources to collect", p.Key)
	}
	client, err := fetch.New(cfg)
	if err != nil {
		return usagef("%v", err)
	}
	s, err := e.openStore(ctx, o, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	tty := isTerminal(e.stderr)
	var mu sync.Mutex
	c := &pipeline.Collector{Store: s, Fetch: client, Profile: p, Log: e.log, Owner: owner(), Sources: o.workers,
		Progress: func(ev pipeline.Event) {
			mu.Lock()
			defer mu.Unlock()
			switch {
			case ev.Kind == "done" && !tty:
				r := ev.Report
				if r.Err != nil {
					fmt.Fprintf(e.stderr, "%s: failed: %v\n", ev.Source, r.Err)
				} else {
					fmt.Fprintf(e.stderr, "%s: %d new, %d duplicate, %d failed\n", ev.Source, r.New, r.Duplicate, r.Failed)
				}
			case tty && ev.Kind == "page" && ev.Total > 0:
				fmt.Fprintf(e.stderr, "\r\033[K%-12s %s %d/%d pages", ev.Source, bar(ev.Done, ev.Total, 20), ev.Done, ev.Total)
			case tty && ev.Kind == "done":
				fmt.Fprintf(e.stderr, "\r\033[K%-12s done\n", ev.Source)
			}
		}}
	start := time.Now()
	reports, err := c.CollectAll(ctx)
	writeCollectTable(e, reports)
	fmt.Fprintf(e.stdout, "took %v\n", time.Since(start).Round(time.Millisecond))
	if err != nil {
		return err
	}
	for _, r := range reports {
		if r.Err != nil {
			return exitError{1}
		}
	}
	return nil
}

// writeCollectTable prints the table of a collection pass.
func writeCollectTable(e *env, reports []pipeline.Report) {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "source\toutlet\tnew\tduplicate\tfailed\ttime\t")
	var n, d, f int
	for _, r := range reports {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%v\t\n", r.Source, r.Outlet, r.New, r.Duplicate, r.Failed, r.Duration.Round(time.Millisecond))
		n, d, f = n+r.New, d+r.Duplicate, f+r.Failed
	}
	fmt.Fprintf(tw, "all\t\t%d\t%d\t%d\t\t\n", n, d, f)
	tw.Flush()
	for _, r := range reports {
		if r.Err != nil {
			fmt.Fprintf(e.stdout, "%s: failed: %v\n", r.Source, r.Err)
		}
		if r.Warning != "" {
			fmt.Fprintf(e.stdout, "%s: %s\n", r.Source, r.Warning)
		}
		if r.Deferred > 0 {
			fmt.Fprintf(e.stdout, "%s: %d pages that failed before wait for their next try, or were given up\n", r.Source, r.Deferred)
		}
		for _, m := range r.Errors {
			fmt.Fprintf(e.stdout, "%s: page failed: %s\n", r.Source, m)
		}
	}
}

func serveCommand() *command {
	return &command{
		name:  "serve",
		short: "the web editor, and collection on each source's schedule",
		long: `Serve runs the web editor on --addr (default 127.0.0.1:8080; sign in with an
account that "shuho user add" made) and keeps collecting: each source is
polled when it falls due, at the interval its profile gives, more slowly
while it brings nothing new (up to eight times the interval), later after
failures (doubling each time), and never before a Retry-After the site asked
for. New articles are grouped into stories as they come. It runs until
interrupted (Ctrl-C).

--secure marks the session cookies Secure: set it when the editor is reached
over HTTPS (through a proxy that terminates TLS). --no-collect serves the
editor alone.

--base-url is the site's address as its readers reach it (through a proxy,
say): the public Atom feed's ids and links are made from it, never from the
Host a request names.

--metrics-addr serves the counters in the Prometheus text format at
/metrics on a listener of its own (keep it private to the machine or the
monitoring network); the editor serves them too, at /metrics, to an
administrator's API token. Each source's polls (ok, not_modified, failed:
its feed unread, or not one of its new pages read), new articles, failed
pages, poll time and last success; what clustering placed, split and
merged; the Go runtime and the process.

Each digest, when first published, is mailed to a list when SHUHO_SMTP_ADDR
(host:port), SHUHO_SMTP_FROM and SHUHO_SMTP_TO (comma-separated) are set:
its text in the body, its Word and PDF files attached; STARTTLS when offered,
SHUHO_SMTP_USER and SHUHO_SMTP_PASSWORD only over TLS.

With SHUHO_MODEL_URL and SHUHO_MODEL (and SHUHO_MODEL_KEY) set, the item
editor offers to ask that OpenAI-compatible model for a headline and a
summary; its answers are checked like the built-in ones.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fetchFlags(fs, o)
			fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "the `host:port` the editor listens on")
			fs.BoolVar(&o.secure, "secure", false, "the editor is reached over HTTPS: mark cookies Secure")
			fs.BoolVar(&o.noCollect, "no-collect", false, "serve the editor without collecting")
			fs.StringVar(&o.metricsAddr, "metrics-addr", "", "serve /metrics (Prometheus) on a listener of its own at `host:port`")
			fs.StringVar(&o.baseURL, "base-url", "", "the site's address as readers reach it (`URL`, e.g. https://shuho.example.org): the public feed's links; default http:// and --addr")
		},
		run: runServe,
	}
}

func workerCommand() *command {
	return &command{
		name:  "worker",
		short: "an extra collector process against a shared database",
		long: `Worker is a collector without anything else: several of them, on several
machines, share the sources of one PostgreSQL database (it works on SQLite
too, on one machine). Each source is leased to one worker at a time, and each
page is claimed before it is fetched, so that no page is fetched twice; when
a worker dies, its lease runs out and another worker takes the source over.
It runs until interrupted. --metrics-addr serves its counters as serve's
does.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fetchFlags(fs, o)
			fs.StringVar(&o.metricsAddr, "metrics-addr", "", "serve /metrics (Prometheus) on a listener of its own at `host:port`")
		},
		run: runServe,
	}
}

func runServe(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) > 0 {
		return usagef("takes no arguments")
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	client, err := fetch.New(fetchConfig(e, o))
	if err != nil {
		return usagef("%v", err)
	}
	s, err := e.openStore(ctx, o, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	c := &pipeline.Collector{Store: s, Fetch: client, Profile: p, Log: e.log, Owner: owner()}
	m := metrics.New(p.Key)
	c.Progress, c.Clustered = m.Observe, m.Clustered
	if o.metricsAddr != "" {
		mln, err := net.Listen("tcp", o.metricsAddr)
		if err != nil {
			return fmt.Errorf("the metrics cannot be served on %s: %w", o.metricsAddr, err)
		}
		msrv := &http.Server{Handler: metricsMux(m), ReadHeaderTimeout: 10 * time.Second}
		go msrv.Serve(mln)
		defer msrv.Close()
		fmt.Fprintf(e.stderr, "shuho: metrics at http://%s/metrics\n", mln.Addr())
	}
	if o.addr == "" { // shuho worker: collecting alone
		e.log.Info("collecting", "profile", p.Key, "sources", len(p.Sources), "owner", c.Owner)
		return c.Run(ctx, o.workers)
	}
	ws, err := web.New(s, p, e.log)
	if err != nil {
		return err
	}
	ws.Secure = o.secure
	ws.Metrics = m.Handler()
	// The downloads' and the mail's writer: the PDF's fonts found once.
	ws.Writer = pipeline.NewWriter(e.getenv)
	if ws.Mailer, err = mailer.FromEnv(e.getenv, ws.Writer); err != nil {
		return usagef("%v", err)
	}
	// The editor offers to ask the model when one is configured.
	if cfg, ok, err := chat.ConfigFromEnv(e.getenv); err != nil {
		return usagef("%v", err)
	} else if ok {
		if ws.Chat, err = chat.New(cfg); err != nil {
			return usagef("%v", err)
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("the editor cannot listen on %s: %w", o.addr, err)
	}
	ws.BaseURL = o.baseURL
	if ws.BaseURL == "" {
		ws.BaseURL = "http://" + ln.Addr().String()
	} else if u, err := url.Parse(ws.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usagef("--base-url %q: expected the site's address, such as https://shuho.example.org", o.baseURL)
	}
	fmt.Fprintf(e.stderr, "shuho serve: the editor is at http://%s/\n", ln.Addr())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make(chan error, 2)
	go func() { errs <- ws.Serve(ctx, ln) }()
	if !o.noCollect {
		go func() {
			e.log.Info("collecting", "profile", p.Key, "sources", len(p.Sources), "owner", c.Owner)
			errs <- c.Run(ctx, o.workers)
		}()
	}
	err = <-errs
	cancel()
	return err
}

// metricsMux serves the metrics at /metrics and nothing else.
func metricsMux(m *metrics.Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	return mux
}
