package sample

import (
	"bytes"
	"embed"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"strings"
	"time"
	"unicode/utf8"
)

//go:embed templates/*.html
var templateFiles embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"rfc3339":  func(t time.Time) string { return t.Format(time.RFC3339) },
	"longdate": func(t time.Time) string { return t.Format("2 January 2006, 15:04") },
	"usdate":   func(t time.Time) string { return t.Format("January 2, 2006 3:04 PM") },
	"isodate":  func(t time.Time) string { return t.Format("02.01.2006 | 15:04") },
	"json": func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	},
}).ParseFS(templateFiles, "templates/*.html"))

// feedPaths are where each outlet publishes its feed or list page.
var feedPaths = map[string]string{
	"caspianpost":   "/feed/",
	"bakuwire":      "/en/rss.xml",
	"absherontimes": "/atom.xml",
	"kurareview":    "/feed.json",
	"novruznews":    "/en/latest",
	"scmonitor":     "/rss",
	"ganjadaily":    "/en/rss.xml",
	"cabinetpress":  "/en/press/rss",
	"eurasialedger": "/feeds/all.atom.xml",
}

// layouts give the outlets different page templates, as different CMSs do.
var layouts = map[string]string{
	"caspianpost": "classic", "novruznews": "classic", "eurasialedger": "classic",
	"bakuwire": "agency", "ganjadaily": "agency", "cabinetpress": "agency",
	"absherontimes": "magazine", "kurareview": "magazine", "scmonitor": "magazine",
}

// tracked outlets add campaign parameters to the links in their feeds.
var tracked = map[string]bool{"caspianpost": true, "kurareview": true, "scmonitor": true, "ganjadaily": true}

// reporters sign the outlets' articles.
var reporters = map[string][]string{
	"caspianpost":   {"Leyla Mammadli", "Orkhan Huseynzade", "Nigar Aliyeva"},
	"bakuwire":      {"Baku Wire", "Rauf Gasimov", "Sevinj Karimova"},
	"absherontimes": {"Tural Jafarov", "Aysel Rzayeva"},
	"kurareview":    {"Kamran Safarli", "Gunel Abbasova", "Elmir Novruzov"},
	"novruznews":    {"Novruz News", "Farid Guliyev"},
	"scmonitor":     {"Anna Petrosyan", "David Kiknadze", "Murad Ismayilov"},
	"ganjadaily":    {"Ganja Daily", "Ilkin Mehdiyev"},
	"cabinetpress":  {"Press Service"},
	"eurasialedger": {"Thomas Whitfield", "Mariam Lomidze", "Emin Bagirov"},
}

// articlePath is the path of an article page in the outlet's URL scheme.
func articlePath(key string, a Article, i int) string {
	d := a.Published
	switch key {
	case "caspianpost":
		return d.Format("/news/2006/01/02/") + a.Slug + "/"
	case "bakuwire":
		return fmt.Sprintf("/en/news/%d-%s.html", 482310+i, a.Slug)
	case "absherontimes":
		return "/article/" + a.Slug
	case "kurareview":
		return d.Format("/2006/01/02/") + a.Slug + "/"
	case "novruznews":
		return "/en/news/" + a.Slug
	case "scmonitor":
		return "/news/" + a.Slug
	case "ganjadaily":
		return "/en/" + a.Slug + ".html"
	case "cabinetpress":
		return d.Format("/en/press/20060102-") + a.Slug
	default:
		return "/articles/" + a.Slug
	}
}

type link struct {
	URL, Title string
	Published  time.Time
}

type pageData struct {
	Outlet     Outlet
	Base       string
	FeedURL    string
	Canonical  string
	Title      string
	Desc       string
	Byline     string
	Published  time.Time
	Paragraphs []string
	MostRead   []link
	Related    []link
	Latest     []link
}

// render builds every response of the site: feed or list page, home page,
// robots.txt and article pages.
func (st *site) render(w *Week) error {
	o := st.outlet
	as := w.outletArticles(o.Label)
	st.pages = map[string]*response{}
	st.links = map[string]string{}
	links := make([]link, len(as))
	// Numbering runs oldest first so that ids grow with time, as a CMS's do.
	for i, a := range as {
		p := articlePath(o.Key, a, len(as)-1-i)
		st.links[a.Name] = p
		links[i] = link{URL: st.base + p, Title: a.Title, Published: a.Published}
	}
	newest := w.Start
	if len(as) > 0 {
		newest = as[0].Published
	}
	names := reporters[o.Key]
	layout := layouts[o.Key]
	for i, a := range as {
		d := pageData{
			Outlet: o, Base: st.base, FeedURL: st.base + st.feed, Canonical: links[i].URL,
			Title: a.Title, Desc: summary(a, 160), Byline: names[i%len(names)],
			Published: a.Published, Paragraphs: a.Paragraphs,
			MostRead: pick(links, i, (i*7+3)%max(len(links), 1), 5),
			Related:  pick(links, i, i+1, 3),
			Latest:   pick(links, i, 0, 6),
		}
		var buf bytes.Buffer
		if err := templates.ExecuteTemplate(&buf, layout, d); err != nil {
			return fmt.Errorf("page of %s: %w", a.Name, err)
		}
		st.pages[st.links[a.Name]] = newResponse("text/html; charset=utf-8", buf.Bytes(), a.Published)
	}
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "home", pageData{Outlet: o, Base: st.base, FeedURL: st.base + st.feed, Latest: links}); err != nil {
		return fmt.Errorf("home page: %w", err)
	}
	st.pages["/"] = newResponse("text/html; charset=utf-8", buf.Bytes(), newest)
	st.pages["/robots.txt"] = newResponse("text/plain; charset=utf-8",
		[]byte("User-agent: *\nAllow: /\n\nSitemap: "+st.base+"/sitemap.xml\n"), w.Start)

	body, ctype, err := st.feedBody(as, links, newest)
	if err != nil {
		return err
	}
	st.pages[st.feed] = newResponse(ctype, body, newest)
	return nil
}

// pick returns up to n links starting at from, skipping the one at self.
func pick(links []link, self, from, n int) []link {
	var out []link
	for k := 0; k < len(links) && len(out) < n; k++ {
		j := (from + k) % len(links)
		if j != self {
			out = append(out, links[j])
		}
	}
	return out
}

// summary is the lead paragraph's first sentence, cut at a word to at most
// limit bytes: what summary-only feeds carry.
func summary(a Article, limit int) string {
	s := a.Paragraphs[0]
	if i := strings.Index(s, ". "); i > 40 {
		s = s[:i+1]
	}
	if len(s) > limit {
		s = s[:limit]
		if i := strings.LastIndexByte(s, ' '); i > 0 {
			s = s[:i]
		}
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

// feedURL is an article's address as the feed gives it.
func (st *site) feedURL(l link) string {
	if tracked[st.outlet.Key] {
		return l.URL + "?utm_source=rss&utm_medium=feed"
	}
	return l.URL
}

func bodyHTML(a Article) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		b.WriteString("<p>")
		b.WriteString(template.HTMLEscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}

func (st *site) feedBody(as []Article, links []link, newest time.Time) ([]byte, string, error) {
	o := st.outlet
	switch o.Kind {
	case "rss-full", "rss-summary", "rss-broken":
		b, err := st.rss(as, links, newest)
		if err != nil {
			return nil, "", err
		}
		if o.Kind == "rss-broken" {
			b = truncate(b)
		}
		return b, "application/rss+xml; charset=utf-8", nil
	case "atom-full", "atom-summary":
		b, err := st.atom(as, links, newest)
		return b, "application/atom+xml; charset=utf-8", err
	case "jsonfeed":
		b, err := st.jsonFeed(as, links)
		return b, "application/feed+json; charset=utf-8", err
	case "list":
		var buf bytes.Buffer
		err := templates.ExecuteTemplate(&buf, "list", pageData{Outlet: o, Base: st.base, FeedURL: st.base + st.feed, Latest: links})
		return buf.Bytes(), "text/html; charset=utf-8", err
	}
	return nil, "", fmt.Errorf("unknown outlet kind %q", o.Kind)
}

type cdata struct {
	Text string `xml:",cdata"`
}

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Content string     `xml:"xmlns:content,attr,omitempty"`
	Atom    string     `xml:"xmlns:atom,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title string `xml:"title"`
	Link  string `xml:"link"`
	Self  struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr"`
	} `xml:"atom:link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate"`
	TTL           int       `xml:"ttl"`
	Items         []rssItem `xml:"item"`
}

type rssItem struct {
	Title string `xml:"title"`
	Link  string `xml:"link"`
	GUID  struct {
		IsPermaLink string `xml:"isPermaLink,attr"`
		Value       string `xml:",chardata"`
	} `xml:"guid"`
	PubDate     string `xml:"pubDate"`
	Creator     string `xml:"dc:creator"`
	Description string `xml:"description"`
	Content     *cdata `xml:"content:encoded,omitempty"`
}

func (st *site) rss(as []Article, links []link, newest time.Time) ([]byte, error) {
	o := st.outlet
	doc := rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", DC: "http://purl.org/dc/elements/1.1/"}
	if o.Kind == "rss-full" {
		doc.Content = "http://purl.org/rss/1.0/modules/content/"
	}
	c := &doc.Channel
	c.Title, c.Link, c.Language, c.TTL = o.Name, st.base+"/", "en", 30
	c.Description = "Latest news from " + o.Name
	c.Self.Href, c.Self.Rel, c.Self.Type = st.base+st.feed, "self", "application/rss+xml"
	c.LastBuildDate = newest.Format(time.RFC1123Z)
	names := reporters[o.Key]
	for i, a := range as {
		it := rssItem{Title: a.Title, Link: st.feedURL(links[i]), PubDate: a.Published.Format(time.RFC1123Z), Creator: names[i%len(names)]}
		it.GUID.IsPermaLink, it.GUID.Value = "true", links[i].URL
		if o.Key == "bakuwire" {
			// An agency's numeric id, not its address.
			it.GUID.IsPermaLink, it.GUID.Value = "false", "bakuwire-"+strings.TrimSuffix(strings.TrimPrefix(st.links[a.Name], "/en/news/"), ".html")[:6]
		}
		if o.Kind == "rss-full" {
			it.Description = summary(a, 300)
			it.Content = &cdata{bodyHTML(a)}
		} else {
			it.Description = summary(a, 200)
		}
		c.Items = append(c.Items, it)
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

// truncate cuts an RSS document in the middle of its last item, after the
// item's link, as a server that dies mid-response leaves it.
func truncate(b []byte) []byte {
	i := bytes.LastIndex(b, []byte("<item>"))
	if i < 0 {
		return b[:len(b)/2]
	}
	j := bytes.Index(b[i:], []byte("<description>"))
	if j < 0 {
		return b[:i+len("<item>")+10]
	}
	cut := min(i+j+len("<description>")+37, len(b)-1)
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return b[:cut]
}

type atomDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	Link      atomLink   `xml:"link"`
	ID        string     `xml:"id"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Author    atomPerson `xml:"author"`
	Summary   *atomText  `xml:"summary,omitempty"`
	Content   *atomText  `xml:"content,omitempty"`
}

func (st *site) atom(as []Article, links []link, newest time.Time) ([]byte, error) {
	o := st.outlet
	host := strings.TrimSuffix(strings.TrimPrefix(o.Home, "https://"), "/")
	doc := atomDoc{Lang: "en", Title: o.Name, ID: "tag:" + host + ",2026:feed", Updated: newest.Format(time.RFC3339),
		Links:  []atomLink{{Href: st.base + "/", Rel: "alternate", Type: "text/html"}, {Href: st.base + st.feed, Rel: "self", Type: "application/atom+xml"}},
		Author: atomPerson{o.Name}}
	names := reporters[o.Key]
	for i, a := range as {
		e := atomEntry{Title: a.Title, Link: atomLink{Href: st.feedURL(links[i]), Rel: "alternate", Type: "text/html"},
			ID:        "tag:" + host + "," + a.Published.Format(time.DateOnly) + ":" + a.Slug,
			Published: a.Published.Format(time.RFC3339), Updated: a.Published.Format(time.RFC3339),
			Author: atomPerson{names[i%len(names)]}}
		if o.Kind == "atom-full" {
			e.Summary = &atomText{"text", summary(a, 300)}
			e.Content = &atomText{"html", bodyHTML(a)}
		} else {
			e.Summary = &atomText{"text", a.Paragraphs[0]}
		}
		doc.Entries = append(doc.Entries, e)
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Language    string     `json:"language"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary"`
	DatePublished string       `json:"date_published"`
	Authors       []jsonAuthor `json:"authors"`
	Language      string       `json:"language"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

func (st *site) jsonFeed(as []Article, links []link) ([]byte, error) {
	o := st.outlet
	doc := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: o.Name, HomePageURL: st.base + "/", FeedURL: st.base + st.feed, Language: "en", Items: []jsonItem{}}
	names := reporters[o.Key]
	for i, a := range as {
		doc.Items = append(doc.Items, jsonItem{ID: links[i].URL, URL: st.feedURL(links[i]), Title: a.Title,
			ContentHTML: bodyHTML(a), Summary: summary(a, 300), DatePublished: a.Published.Format(time.RFC3339),
			Authors: []jsonAuthor{{names[i%len(names)]}}, Language: "en"})
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	return append(out, '\n'), err
}
