package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"time"

	"shuho/internal/cluster"
	"shuho/internal/digest"
	"shuho/internal/extract"
	"shuho/internal/fetch"
)

func extractCommand() *command {
	return &command{
		name:  "extract",
		args:  "FILE|URL",
		short: "the main text, title, date and language of one page",
		long: `Extract reads one article page, from a file or from the web (through the same
guarded client that collecting uses), and prints its main text without the
site's navigation, advertising and comments, with its title, publication time
and language. --json prints {"title","text","published","lang","url"}, where
url is the page's canonical address (its rel=canonical when it declares one)
and published is RFC 3339, or null when the page gives no date.

--url gives a file the address it was saved from, which resolves its links
and identifies it; a web page has its own.`,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.json, "json", false, "print JSON")
			fs.StringVar(&o.url, "url", "", "the `address` a file was saved from")
			fs.StringVar(&o.contact, "contact", "", "the contact `address` the User-Agent gives (default $SHUHO_CONTACT)")
			fs.StringVar(&o.allowPrivate, "allow-private", "", "`CIDRs or host:port` on private networks that may be fetched (default $SHUHO_ALLOW_PRIVATE)")
		},
		run: runExtract,
	}
}

// extractOutput is the JSON form of extract's output.
type extractOutput struct {
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	Published *string `json:"published"`
	Lang      string  `json:"lang"`
	URL       string  `json:"url"`
}

func runExtract(ctx context.Context, e *env, o *options, args []string) error {
	if len(args) != 1 {
		return usagef("extract takes one file or address")
	}
	arg := args[0]
	var page []byte
	pageURL := o.url
	if u, err := url.Parse(arg); err == nil && (strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")) {
		client, err := fetch.New(fetchConfig(e, o))
		if err != nil {
			return usagef("%v", err)
		}
		resp, err := client.Get(ctx, fetch.Request{URL: arg, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"})
		if err != nil {
			return err
		}
		if page, err = resp.UTF8(); err != nil {
			return fmt.Errorf("%s: %w", arg, err)
		}
		pageURL = resp.URL
	} else {
		raw, err := e.input(arg)
		if err != nil {
			return err
		}
		if page, err = fetch.Decode(raw, ""); err != nil {
			return fmt.Errorf("%s: %w", arg, err)
		}
		if pageURL != "" {
			if u, err := url.Parse(pageURL); err != nil || u.Scheme == "" || u.Host == "" {
				return usagef("--url %s is not an absolute address", pageURL)
			}
		}
	}
	res, err := extract.Extract(page, pageURL, extract.Options{})
	if err != nil {
		return fmt.Errorf("%s: %w", arg, err)
	}
	canon := res.URL
	if pageURL != "" {
		canon = cluster.Canonical(pageURL, res.URL)
	}
	out := extractOutput{Title: res.Title, Text: res.Text, Lang: res.Lang, URL: canon}
	if !res.Published.IsZero() {
		p := res.Published.Format(time.RFC3339)
		out.Published = &p
	}
	if o.json {
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.stdout, "%s\n", b)
		return err
	}
	// A page's text is printed without its control characters: a hostile
	// page must not drive the reader's terminal.
	out.Title, out.Text = printable(out.Title), printable(out.Text)
	fmt.Fprintln(e.stdout, out.Title)
	var meta []string
	if out.Published != nil {
		meta = append(meta, *out.Published)
	}
	if out.Lang != "" {
		meta = append(meta, out.Lang)
	}
	if out.URL != "" {
		meta = append(meta, out.URL)
	}
	if len(meta) > 0 {
		fmt.Fprintln(e.stdout, strings.Join(meta, " · "))
	}
	fmt.Fprintf(e.stdout, "\n%s\n", out.Text)
	if strings.TrimSpace(out.Text) == "" {
		return fmt.Errorf("%s: no article text found: %w", arg, digest.ErrInvalid)
	}
	return nil
}

// printable drops control characters other than line breaks and tabs.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}
