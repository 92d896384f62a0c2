package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"shuho/internal/auth"
	"shuho/internal/digest"
	"shuho/internal/fetch"
	"shuho/internal/pipeline"
	"shuho/internal/sample"
	"shuho/internal/store"
	"shuho/internal/web"
)

func demoCommand() *command {
	return &command{
		name:  "demo",
		short: "all of shuho at work on the bundled sample week, in the editor",
		long: `Demo shows shuho at work with nothing to install or configure: it makes a
temporary data directory, collects the bundled sample week (nine fictional
outlets, 153 articles) from its own server on loopback through the real
fetch, extraction and clustering, drafts that week's digest, makes an
administrator with a generated password, starts the editor, and prints

  Open http://HOST:PORT/ and sign in as NAME / PASSWORD

It runs until interrupted (Ctrl-C), then removes the directory (--keep keeps
it, and says where).`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.addr, "addr", "127.0.0.1:0", "the `host:port` the editor listens on (port 0: any free one)")
			fs.BoolVar(&o.keep, "keep", false, "keep the data directory when the demo ends")
		},
		run: runDemo,
	}
}

func runDemo(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) > 0 {
		return usagef("demo takes no arguments")
	}
	p, err := loadProfile(o)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "shuho-demo-")
	if err != nil {
		return err
	}
	if o.keep {
		defer fmt.Fprintf(e.stderr, "shuho demo: the data is kept in %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	step := func(format string, args ...any) { fmt.Fprintf(e.stderr, "shuho demo: "+format+"\n", args...) }

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
	cfg := fetch.Config{Contact: "shuho-demo@localhost", Allow: []string{"127.0.0.0/8"}, HostInterval: -1, HostConcurrency: 8, Robots: true}
	client, err := fetch.New(cfg)
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, filepath.Join(dir, "shuho.db"), store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()

	start := time.Now()
	c := &pipeline.Collector{Store: s, Fetch: client, Profile: p, Log: e.log, Owner: "demo"}
	reports, err := c.CollectAll(ctx)
	if err != nil {
		return err
	}
	stored, failed := 0, 0
	for _, r := range reports {
		stored += r.New
		if r.Err != nil {
			failed++
		}
	}
	step("collected %d articles from %d sources in %s (%d source failed, as the sample's broken feed should)", stored, len(reports), time.Since(start).Round(time.Millisecond), failed)

	d, err := pipeline.NewDrafter(ctx, s, p)
	if err != nil {
		return err
	}
	loc := p.Location()
	dr, err := d.Draft(ctx, digest.DateOf(w.Start.In(loc)))
	if err != nil {
		return err
	}
	if _, err := s.SaveDigest(ctx, dr.Digest, store.SaveOptions{Author: "demo", Source: "draft", Status: store.Draft}); err != nil {
		return err
	}
	step("drafted the week %s: %d of its %d stories", dr.Digest.Period, dr.Kept, dr.Stories)

	password := auth.GeneratePassword()
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	const name = "demo"
	if _, err := s.CreateUser(ctx, name, auth.Admin, hash, "ja"); err != nil {
		return err
	}
	ws, err := web.New(s, p, e.log)
	if err != nil {
		return err
	}
	ws.Writer = pipeline.NewWriter(e.getenv)
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("the editor cannot listen on %s: %w", o.addr, err)
	}
	fmt.Fprintf(e.stdout, "Open http://%s/ and sign in as %s / %s\n", ln.Addr(), name, password)
	return ws.Serve(ctx, ln)
}
