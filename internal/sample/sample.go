// Package sample is the bundled sample week: about 150 news articles of nine
// fictional outlets, written for the project, and an in-process HTTP server
// that serves them as the outlets would (feeds, a list page, article pages)
// on loopback. It lets `shuho demo` and the tests run the real collecting
// path — fetch, feed parsing, extraction, clustering — without the network.
//
// The outlets and events are invented; real office holders appear only in
// plausible, invented, harmless events.
package sample

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
)

//go:embed week/articles/*.txt
var files embed.FS

// Outlet is one fictional outlet of the sample week.
type Outlet struct {
	// Key is the outlet's short name, used as its source key and in its
	// fictional host (https://KEY.example/).
	Key string
	// Label is the citation label, as article files name the outlet.
	Label       string
	Name        string
	Home        string
	Affiliation string
	// Kind says how the outlet publishes: rss-full, rss-summary,
	// atom-summary, jsonfeed, list, rss-broken, atom-full.
	Kind string
}

// Article is one article file of the week.
type Article struct {
	// Name is the file name without ".txt"; it is unique.
	Name string
	// Outlet is the outlet's label, as the file gives it.
	Outlet string
	Title  string
	// Section is the desk's ground truth: security, domestic, foreign or
	// none.
	Section string
	// Event is shared by the articles of different outlets that report the
	// same event: the ground truth for clustering.
	Event      string
	Published  time.Time
	Paragraphs []string
	// Slug is the URL path slug made from the title, unique within the
	// outlet.
	Slug string
}

// Week is the sample week: its outlets and articles.
type Week struct {
	Outlets []Outlet
	// Articles are in file-name order.
	Articles []Article
	// Start is the Saturday, 00:00 in Baku, the week begins; it ends seven
	// days later.
	Start time.Time
}

// Sections are the values an article's section may take: the digest's three
// sections and "none" for what a political desk leaves out.
var Sections = []string{"security", "domestic", "foreign", "none"}

// Baku is the sample week's time zone. Azerbaijan has kept +04:00 all year
// since 2016, so a fixed zone is exact and needs no time zone database.
var Baku = time.FixedZone("+04", 4*60*60)

// weekStart is Saturday 14 November 2026, 00:00 in Baku.
var weekStart = time.Date(2026, time.November, 14, 0, 0, 0, 0, Baku)

// outlets are the sample week's fixed outlets.
var outlets = []Outlet{
	{"caspianpost", "CASPIAN POST", "The Caspian Post", "https://caspianpost.example/", "private", "rss-full"},
	{"bakuwire", "BAKU WIRE", "Baku Wire News Agency", "https://bakuwire.example/", "state-owned", "rss-summary"},
	{"absherontimes", "ABSHERON TIMES", "Absheron Times", "https://absherontimes.example/", "private", "atom-summary"},
	{"kurareview", "KURA REVIEW", "Kura Review", "https://kurareview.example/", "independent", "jsonfeed"},
	{"novruznews", "NOVRUZ NEWS", "Novruz News", "https://novruznews.example/", "private", "list"},
	{"scmonitor", "SC MONITOR", "South Caucasus Monitor", "https://scmonitor.example/", "international", "rss-full"},
	{"ganjadaily", "GANJA DAILY", "Ganja Daily", "https://ganjadaily.example/", "private", "rss-broken"},
	{"cabinetpress", "CABINET PRESS", "Cabinet Press Service", "https://cabinetpress.example/", "state-owned", "rss-summary"},
	{"eurasialedger", "EURASIA LEDGER", "Eurasia Ledger", "https://eurasialedger.example/", "international", "atom-full"},
}

// Load parses and checks the embedded article files. An error names the
// file and, for a malformed file, the line.
func Load() (*Week, error) {
	return load(files, "week/articles")
}

func load(fsys fs.FS, dir string) (*Week, error) {
	w := &Week{Outlets: slices.Clone(outlets), Start: weekStart}
	names, err := fs.Glob(fsys, path.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("sample: no article files in %s", dir)
	}
	slices.Sort(names)
	end := w.Start.AddDate(0, 0, 7)
	slugs := map[string]bool{} // outlet + slug
	var errs []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		a, err := ParseArticle(path.Base(name), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !slices.ContainsFunc(w.Outlets, func(o Outlet) bool { return o.Label == a.Outlet }) {
			errs = append(errs, fmt.Errorf("%s:1: unknown outlet %q", a.Name+".txt", a.Outlet))
			continue
		}
		if a.Published.Before(w.Start) || !a.Published.Before(end) {
			errs = append(errs, fmt.Errorf("%s: published %s is outside the week %s to %s",
				a.Name+".txt", a.Published.Format(time.RFC3339), w.Start.Format(time.DateOnly), end.AddDate(0, 0, -1).Format(time.DateOnly)))
			continue
		}
		// Two outlets may run the same headline (a republished wire), but
		// within one outlet a slug must name one page.
		base := a.Slug
		for i := 2; slugs[a.Outlet+"/"+a.Slug]; i++ {
			a.Slug = fmt.Sprintf("%s-%d", base, i)
		}
		slugs[a.Outlet+"/"+a.Slug] = true
		w.Articles = append(w.Articles, a)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	return w, nil
}

// Outlet returns the outlet with the given label.
func (w *Week) Outlet(label string) (Outlet, bool) {
	i := slices.IndexFunc(w.Outlets, func(o Outlet) bool { return o.Label == label })
	if i < 0 {
		return Outlet{}, false
	}
	return w.Outlets[i], true
}

// headerKeys are the header lines an article file has, each exactly once.
var headerKeys = []string{"outlet", "published", "title", "section", "event"}

// ParseArticle reads one article file: header lines "key: value", a blank
// line, then paragraphs separated by one blank line. name is the file's
// name, used in errors and (without ".txt") as the article's Name. It checks
// the form and the section; which outlets and dates are allowed is Load's
// business.
func ParseArticle(name string, data []byte) (Article, error) {
	a := Article{Name: strings.TrimSuffix(name, ".txt")}
	fail := func(line int, format string, args ...any) (Article, error) {
		return Article{}, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	text := string(data)
	if strings.ContainsRune(text, '\r') {
		return fail(1, "carriage return; lines end with \\n only")
	}
	if !strings.HasSuffix(text, "\n") {
		return fail(strings.Count(text, "\n")+1, "the file does not end with a newline")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	seen := map[string]bool{}
	n := 0
	for ; n < len(lines) && lines[n] != ""; n++ {
		line := lines[n]
		key, value, ok := strings.Cut(line, ": ")
		if !ok {
			return fail(n+1, "header line %q is not \"key: value\"", line)
		}
		if !slices.Contains(headerKeys, key) {
			return fail(n+1, "unknown header %q; expected one of %s", key, strings.Join(headerKeys, ", "))
		}
		if seen[key] {
			return fail(n+1, "header %q given twice", key)
		}
		seen[key] = true
		if value != strings.TrimSpace(value) || value == "" {
			return fail(n+1, "header %q has an empty value or stray spaces", key)
		}
		switch key {
		case "outlet":
			a.Outlet = value
		case "published":
			t, err := time.Parse(time.RFC3339, value)
			if err != nil {
				return fail(n+1, "published %q is not an RFC 3339 time such as 2026-11-16T09:30:00+04:00", value)
			}
			a.Published = t
		case "title":
			a.Title = value
		case "section":
			if !slices.Contains(Sections, value) {
				return fail(n+1, "section %q; expected one of %s", value, strings.Join(Sections, ", "))
			}
			a.Section = value
		case "event":
			if !isSlug(value) {
				return fail(n+1, "event %q is not a slug of lower-case letters, digits and \"-\"", value)
			}
			a.Event = value
		}
	}
	for _, k := range headerKeys {
		if !seen[k] {
			return fail(n+1, "header %q is missing", k)
		}
	}
	if n == len(lines) {
		return fail(n+1, "no body after the header")
	}
	// Paragraphs: runs of non-blank lines, each run one paragraph (lines
	// joined by a space), runs separated by exactly one blank line.
	var para []string
	for i := n + 1; i <= len(lines); i++ {
		if i < len(lines) && lines[i] != "" {
			l := lines[i]
			if l != strings.TrimSpace(l) {
				return fail(i+1, "leading or trailing space")
			}
			para = append(para, l)
			continue
		}
		if len(para) == 0 {
			if i == len(lines) {
				return fail(i, "blank line at the end of the file")
			}
			return fail(i+1, "blank line where a paragraph should start")
		}
		a.Paragraphs = append(a.Paragraphs, strings.Join(para, " "))
		para = nil
	}
	if !strings.ContainsFunc(a.Title, unicode.IsLetter) {
		return fail(1, "title has no letters")
	}
	a.Slug = slugify(a.Title)
	return a, nil
}

func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// slugify makes a URL path segment of a title the way news sites do: lower
// case ASCII words joined by "-", at most about 80 bytes, cut at a word.
func slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldASCII(title)) {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Azerbaijan's" becomes "azerbaijans", as most sites write it.
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 80 {
		s = s[:80]
		if i := strings.LastIndexByte(s, '-'); i > 40 {
			s = s[:i]
		}
		s = strings.TrimSuffix(s, "-")
	}
	if s == "" {
		s = "article"
	}
	return s
}

// foldASCII replaces the Azerbaijani and Turkish letters that titles use
// with their plain Latin forms.
func foldASCII(s string) string {
	return strings.NewReplacer(
		"ə", "e", "Ə", "E", "ü", "u", "Ü", "U", "ö", "o", "Ö", "O", "ç", "c", "Ç", "C",
		"ş", "s", "Ş", "S", "ğ", "g", "Ğ", "G", "ı", "i", "İ", "I", "é", "e", "ä", "a",
	).Replace(s)
}
